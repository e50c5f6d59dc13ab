//! One control per scenario input, built from the engine's field table: a number with its
//! unit, a yes/no, a choice, a list of choices, a line of text, or a low/likely/high range.
//! Each shows its help and default basis (`aria-describedby`), the value in force for a
//! resolved default with a way back to it, and the engine's message when its text was
//! refused (`aria-invalid`).

use std::rc::Rc;

use dpu_engine::fields::{Default as FieldDefault, Field, Kind, Options, Resolution, Val, field};
use dpu_engine::json::Value;
use dpu_engine::{Choice, Scenario};
use yew::prelude::*;

use super::sources::source_links;
use super::{class_names, error_id, hint_id, input_id};
use crate::state::{Action, Rejected, State};

/// What [`field_control`] draws.
pub struct FieldProps {
    /// JSON path of a field of the engine's table.
    pub path: &'static str,
    /// The scenario and the texts it refused.
    pub state: Rc<State>,
    /// Changes the state.
    pub act: Callback<Action>,
    /// Without help text (the embed's card).
    pub compact: bool,
    /// Inside an embed: the help's source links open a new tab.
    pub embedded: bool,
}

/// Sets the field at `path` to the text emitted.
fn set_text(act: &Callback<Action>, path: String) -> Callback<String> {
    act.reform(move |text| Action::SetText {
        path: path.clone(),
        text,
    })
}

/// A number as it is typed: the shortest text that reads back as the same value.
fn number_text(x: f64) -> String {
    dpu_engine::float::shortest(x)
}

/// The control for one field.
pub fn field_control(props: &FieldProps) -> Html {
    let Some(f) = field(props.path) else {
        return html! {};
    };
    let s = &props.state.scenario;
    let currency = s.costs.currency.as_str();
    let rejected = props.state.rejected(f.path).cloned();
    let resolution = match f.default {
        FieldDefault::Resolved(resolve) => Some(resolve(s)),
        _ => None,
    };
    let value = (f.get)(s);
    let set = set_text(&props.act, f.path.to_owned());
    let help = (!props.compact).then(|| {
        hint(
            f,
            &value,
            resolution.as_ref(),
            &set,
            currency,
            props.embedded,
            dpu_engine::fields::note(s, f.path),
        )
    });
    match f.kind {
        Kind::Range(_) => range(f, props, &value, &set, help),
        Kind::List(options) => list(f, props, &value, options),
        Kind::Bool => {
            let checked = matches!(value, Val::Bool(true));
            let onchange = set.reform(|e: Event| {
                let el: web_sys::HtmlInputElement = e.target_unchecked_into();
                el.checked().to_string()
            });
            html! {
                <div class="check">
                    <input type="checkbox" id={input_id(f.path)} name={f.path} value="true"
                        {checked} {onchange} aria-describedby={(!props.compact).then(|| hint_id(f.path))} />
                    <label for={input_id(f.path)}>{f.label}</label>
                    { help.unwrap_or_default() }
                </div>
            }
        }
        Kind::Choice(_) | Kind::OptionalChoice(_) | Kind::OptionalBool => {
            let (choices, current) = select_choices(f, &value, resolution.as_ref());
            select(SelectProps {
                path: f.path.into(),
                label: f.label.into(),
                choices,
                value: current.into(),
                rejected,
                on_set: set,
                compact: props.compact,
                children: help.unwrap_or_default(),
            })
        }
        Kind::Number(n) | Kind::OptionalNumber(n) => {
            let (text, placeholder) = match (&value, &resolution) {
                (Val::Number(x), _) | (Val::OptionalNumber(Some(x)), _) => {
                    (number_text(n.unit.shown(*x)), String::new())
                }
                (_, Some(r)) => (
                    String::new(),
                    format!(
                        "{} (default)",
                        number_text(n.unit.shown(r.value.as_f64().unwrap_or(0.0)))
                    ),
                ),
                _ => (String::new(), "not measured".to_owned()),
            };
            text_input(TextInputProps {
                path: f.path.into(),
                label: f.label.into(),
                unit: n.unit.text(currency).into(),
                value: text.into(),
                placeholder: placeholder.into(),
                mode: if n.integer { "numeric" } else { "decimal" }.into(),
                rejected,
                on_set: set,
                compact: props.compact,
                children: help.unwrap_or_default(),
                ..TextInputProps::default()
            })
        }
        Kind::Text { max_chars } => {
            let text = match &value {
                Val::Text(t) => t.clone(),
                _ => String::new(),
            };
            text_input(TextInputProps {
                path: f.path.into(),
                label: f.label.into(),
                value: text.into(),
                mode: "text".into(),
                maxlength: Some(max_chars.to_string().into()),
                rejected,
                on_set: set,
                compact: props.compact,
                children: help.unwrap_or_default(),
                ..TextInputProps::default()
            })
        }
    }
}

/// The options of a select, as (value, label), and the value chosen ("" for a resolved
/// default, offered first as "Default: …"): a choice's options, or yes / no.
fn select_choices(
    f: &Field,
    value: &Val,
    resolution: Option<&Resolution>,
) -> (Vec<(String, String)>, String) {
    let mut choices: Vec<(String, String)> = Vec::new();
    match f.kind {
        Kind::Choice(options) | Kind::OptionalChoice(options) => {
            let current = match value {
                Val::Choice(w) => *w,
                Val::OptionalChoice(w) => w.unwrap_or(""),
                _ => "",
            };
            if let (Kind::OptionalChoice(_), Some(r)) = (f.kind, resolution) {
                let wire = r.value.as_str().unwrap_or_default();
                let label = options
                    .iter()
                    .find(|(w, _)| *w == wire)
                    .map_or(wire, |(_, l)| l);
                choices.push((String::new(), format!("Default: {label}")));
            }
            choices.extend(
                options
                    .iter()
                    .map(|(w, l)| ((*w).to_owned(), (*l).to_owned())),
            );
            (choices, current.to_owned())
        }
        _ => {
            let current = match value {
                Val::OptionalBool(Some(b)) => b.to_string(),
                _ => String::new(),
            };
            let default = resolution
                .and_then(|r| r.value.as_bool())
                .map_or("", |b| if b { "yes" } else { "no" });
            choices.push((String::new(), format!("Default: {default}")));
            choices.push(("true".to_owned(), "Yes".to_owned()));
            choices.push(("false".to_owned(), "No".to_owned()));
            (choices, current)
        }
    }
}

/// The help line: what the field means, its default and basis with sources, and for a
/// resolved default the value in force or a way back to it.
fn hint(
    f: &Field,
    value: &Val,
    resolution: Option<&Resolution>,
    set: &Callback<String>,
    currency: &str,
    embedded: bool,
    note: Option<String>,
) -> Html {
    let user_set = matches!(
        value,
        Val::OptionalNumber(Some(_))
            | Val::OptionalBool(Some(_))
            | Val::OptionalChoice(Some(_))
            | Val::Range(Some(_))
    );
    let basis = match (f.default, resolution) {
        (FieldDefault::Sourced(b), _) => Some((b.text.to_owned(), b.sources)),
        (_, Some(r)) => Some((
            format!(
                "Default {}: {}",
                dpu_engine::fields::show_json(f, &r.value, currency),
                r.basis.text
            ),
            r.basis.sources,
        )),
        _ => None,
    };
    let reset = set.reform(|_: MouseEvent| String::new());
    html! {
        <div class="hint" id={hint_id(f.path)}>
            <span>{f.help}</span>
            if let Some((text, sources)) = basis {
                <span class="basis">{" "}{text}</span>
                {source_links(&dpu_engine::sources::refs(sources), embedded)}
            }
            if let Some(note) = note {
                <span class="note" data-note={f.path}>{" "}{note}</span>
            }
            if user_set {
                <button type="button" class="link-button" data-action="use-default" onclick={reset}
                    aria-label={format!("Use the default for {}", f.label)}>{"Use the default"}</button>
            }
        </div>
    }
}

fn range(
    f: &Field,
    props: &FieldProps,
    value: &Val,
    set: &Callback<String>,
    help: Option<Html>,
) -> Html {
    let Kind::Range(id) = f.kind else {
        return html! {};
    };
    let spec = dpu_engine::assumptions::spec(id);
    let in_force = props.state.scenario.resolve().ranges.get(id);
    let unit = spec.unit.text(&props.state.scenario.costs.currency);
    let _ = value;
    html! {
        <fieldset class="range" data-range={f.path}>
            <legend>{f.label}{ if unit.is_empty() { String::new() } else { format!(" ({unit})") } }</legend>
            <div class="points">
                for (point, x) in [("low", in_force.low), ("likely", in_force.likely), ("high", in_force.high)] {
                    { point_input(f, props, point, spec.unit.shown(x), &unit, set) }
                }
            </div>
            { help.unwrap_or_default() }
        </fieldset>
    }
}

fn point_input(
    f: &Field,
    props: &FieldProps,
    point: &'static str,
    x: f64,
    unit: &str,
    _set: &Callback<String>,
) -> Html {
    let path = format!("{}.{point}", f.path);
    let rejected = props.state.rejected(&path).cloned();
    let on_set = set_text(&props.act, path.clone());
    let full = if unit.is_empty() {
        format!("{}, {point}", f.label)
    } else {
        format!("{}, {point}, {unit}", f.label)
    };
    text_input(TextInputProps {
        path: path.into(),
        label: point.into(),
        aria_label: Some(full.into()),
        value: number_text(x).into(),
        mode: "decimal".into(),
        rejected,
        on_set,
        compact: true,
        described_by: Some(hint_id(f.path)),
        ..TextInputProps::default()
    })
}

fn list(f: &Field, props: &FieldProps, value: &Val, options: Options) -> Html {
    let on: Vec<&str> = match value {
        Val::List(items) => items.clone(),
        _ => Vec::new(),
    };
    let act = props.act.clone();
    let path = f.path;
    html! {
        <fieldset class="choices" data-list={f.path}>
            <legend>{f.label}</legend>
            if !props.compact {
                <p class="hint">{f.help}</p>
            }
            <div class="check-grid">
                for (wire, label) in options.iter().copied() {
                    { check_item(path, wire, label, on.contains(&wire), &act) }
                }
            </div>
        </fieldset>
    }
}

fn check_item(
    path: &'static str,
    wire: &'static str,
    label: &'static str,
    checked: bool,
    act: &Callback<Action>,
) -> Html {
    let id = format!("{}-{wire}", input_id(path));
    let onchange = {
        let act = act.clone();
        Callback::from(move |e: Event| {
            let el: web_sys::HtmlInputElement = e.target_unchecked_into();
            let on = el.checked();
            let action = match path {
                "goals" => {
                    dpu_engine::choice::Goal::from_wire(wire).map(|g| Action::SetGoal(g, on))
                }
                _ => {
                    dpu_engine::choice::Feature::from_wire(wire).map(|x| Action::SetFeature(x, on))
                }
            };
            if let Some(a) = action {
                act.emit(a);
            }
        })
    };
    html! {
        <div class="check">
            <input type="checkbox" id={id.clone()} name={path} value={wire} {checked} {onchange} />
            <label for={id}>{label}</label>
        </div>
    }
}

/// What [`text_input`] draws.
#[derive(Default)]
pub struct TextInputProps {
    /// JSON path, also the input's `name`.
    pub path: AttrValue,
    /// Visible label.
    pub label: AttrValue,
    /// A fuller accessible name than the visible label, when the label alone is ambiguous.
    pub aria_label: Option<AttrValue>,
    /// Unit after the input ("" for none).
    pub unit: AttrValue,
    /// The value to show when nothing was refused.
    pub value: AttrValue,
    /// Shown when empty.
    pub placeholder: AttrValue,
    /// `inputmode`: "decimal", "numeric" or "text".
    pub mode: AttrValue,
    /// Longest text.
    pub maxlength: Option<AttrValue>,
    /// What was refused, if anything.
    pub rejected: Option<Rejected>,
    /// Called with the text on every keystroke.
    pub on_set: Callback<String>,
    /// Without help.
    pub compact: bool,
    /// The id of a help element elsewhere (a range's shared hint).
    pub described_by: Option<String>,
    /// Help and basis, below the input.
    pub children: Html,
}

/// A labelled text input holding a number or a short text.
pub fn text_input(props: TextInputProps) -> Html {
    let id = input_id(&props.path);
    let err = error_id(&props.path);
    let oninput = props.on_set.reform(|e: InputEvent| {
        let input: web_sys::HtmlInputElement = e.target_unchecked_into();
        input.value()
    });
    let (value, invalid) = match &props.rejected {
        Some(r) => (AttrValue::from(r.text.clone()), true),
        None => (props.value.clone(), false),
    };
    let mut described: Vec<String> = Vec::new();
    if invalid {
        described.push(err.clone());
    }
    if let Some(d) = &props.described_by {
        described.push(d.clone());
    } else if !props.compact {
        described.push(hint_id(&props.path));
    }
    html! {
        <div class={class_names(&["field", if invalid { "invalid" } else { "" }])}>
            <label for={id.clone()}>{props.label.clone()}</label>
            <div class="control">
                <input type="text" id={id} name={props.path.clone()} inputmode={props.mode.clone()}
                    autocomplete="off" spellcheck="false" {value}
                    placeholder={(!props.placeholder.is_empty()).then(|| props.placeholder.clone())}
                    maxlength={props.maxlength.clone()}
                    aria-label={props.aria_label.clone()}
                    aria-invalid={invalid.then_some("true")}
                    aria-describedby={(!described.is_empty()).then(|| described.join(" "))}
                    {oninput} />
                if !props.unit.is_empty() {
                    <span class="unit">{props.unit.clone()}</span>
                }
            </div>
            if let Some(r) = &props.rejected {
                <p class="error" id={err}>{r.message.clone()}</p>
            }
            { props.children.clone() }
        </div>
    }
}

/// What [`select`] draws.
pub struct SelectProps {
    /// JSON path, also the select's `name`.
    pub path: AttrValue,
    /// Visible label.
    pub label: AttrValue,
    /// (value, label) of every option.
    pub choices: Vec<(String, String)>,
    /// The value currently chosen ("" for a resolved default).
    pub value: AttrValue,
    /// What was refused, if anything.
    pub rejected: Option<Rejected>,
    /// Called with the chosen value.
    pub on_set: Callback<String>,
    /// Without help.
    pub compact: bool,
    /// Help and basis, below the select.
    pub children: Html,
}

/// A select's live value as a DOM property. Natively (the server renderer, which writes no
/// properties) there is no JavaScript string to make.
fn live_value(value: &str) -> wasm_bindgen::JsValue {
    #[cfg(target_arch = "wasm32")]
    return wasm_bindgen::JsValue::from_str(value);
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = value;
        wasm_bindgen::JsValue::NULL
    }
}

/// A labelled select over a closed set of values. `selected` only sets the initial choice;
/// the `value` property (`~value`) keeps the live choice in step with the state.
pub fn select(props: SelectProps) -> Html {
    let id = input_id(&props.path);
    let err = error_id(&props.path);
    let onchange = props.on_set.reform(|e: Event| {
        let el: web_sys::HtmlSelectElement = e.target_unchecked_into();
        el.value()
    });
    let invalid = props.rejected.is_some();
    let mut described = Vec::new();
    if invalid {
        described.push(err.clone());
    }
    if !props.compact {
        described.push(hint_id(&props.path));
    }
    html! {
        <div class={class_names(&["field", if invalid { "invalid" } else { "" }])}>
            <label for={id.clone()}>{props.label.clone()}</label>
            <div class="control">
                <select id={id} name={props.path.clone()} ~value={live_value(&props.value)}
                    aria-invalid={invalid.then_some("true")}
                    aria-describedby={(!described.is_empty()).then(|| described.join(" "))}
                    {onchange}>
                    for (value, label) in props.choices.iter() {
                        <option value={value.clone()} selected={*value == props.value.as_str()}>{label.clone()}</option>
                    }
                </select>
            </div>
            if let Some(r) = &props.rejected {
                <p class="error" id={err}>{r.message.clone()}</p>
            }
            { props.children.clone() }
        </div>
    }
}

/// How many inputs among `paths` differ from the defaults (a resolved default counts when
/// the user set it).
pub fn changed(s: &Scenario, paths: &[&str]) -> usize {
    let base = Scenario::default();
    paths
        .iter()
        .filter_map(|p| field(p))
        .filter(|f| (f.get)(s) != (f.get)(&base))
        .count()
}

/// A field's value in a few words, for a section's summary.
pub fn short_value(s: &Scenario, path: &str) -> String {
    let Some(f) = field(path) else {
        return String::new();
    };
    let currency = s.costs.currency.as_str();
    let json = match (f.get)(s) {
        Val::Number(x) | Val::OptionalNumber(Some(x)) => Value::from(x),
        Val::Bool(b) | Val::OptionalBool(Some(b)) => Value::from(b),
        Val::Choice(w) | Val::OptionalChoice(Some(w)) => Value::from(w),
        Val::Text(t) => Value::from(t),
        Val::List(items) => return format!("{} ticked", items.len()),
        Val::Range(Some(r)) => r.to_json(),
        Val::OptionalNumber(None)
        | Val::OptionalBool(None)
        | Val::OptionalChoice(None)
        | Val::Range(None) => match f.default {
            FieldDefault::Resolved(resolve) => resolve(s).value,
            _ => return "not measured".to_owned(),
        },
    };
    dpu_engine::fields::show_json(f, &json, currency)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_changes_from_the_defaults() {
        let mut s = Scenario::default();
        assert_eq!(changed(&s, &["fleet.hosts", "costs.dpu_watts"]), 0);
        s.fleet.hosts = 8;
        s.costs.dpu_watts = Some(150.0);
        // Setting a resolved default to its own value still counts: the user set it.
        assert_eq!(
            changed(&s, &["fleet.hosts", "costs.dpu_watts", "fleet.ghz"]),
            2
        );
    }

    #[test]
    fn short_values_read_with_units() {
        let s = Scenario::default();
        assert_eq!(short_value(&s, "fleet.hosts"), "32 hosts");
        assert_eq!(short_value(&s, "costs.dpu_watts"), "150 W");
        assert_eq!(
            short_value(&s, "traffic.measured_networking_cores"),
            "not measured"
        );
        assert_eq!(short_value(&s, "dpu.model"), "NVIDIA BlueField-3");
        assert_eq!(short_value(&s, "features"), "0 ticked");
    }

    #[test]
    fn numbers_are_typed_back_as_they_read() {
        assert_eq!(number_text(2.8), "2.8");
        assert_eq!(number_text(30_000.0), "30000");
        assert_eq!(
            number_text(dpu_engine::fields::Unit::Share.shown(0.35)),
            "35"
        );
    }
}
