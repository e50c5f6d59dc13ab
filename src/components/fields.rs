//! Labelled form controls: a text/number field, a select, a checkbox. Each shows the engine's
//! message when its text was refused (`aria-invalid`, `aria-describedby`).

use yew::prelude::*;

use super::{Edit, error_id, input_id};
use crate::state::Rejected;

/// Props of [`TextField`].
#[derive(Properties, PartialEq)]
pub struct TextFieldProps {
    /// JSON path, also the input's `name`.
    pub path: AttrValue,
    /// Visible label.
    pub label: AttrValue,
    /// Unit after the input ("" for none).
    #[prop_or_default]
    pub unit: AttrValue,
    /// The value to show when nothing was refused.
    pub value: AttrValue,
    /// `inputmode`: "decimal", "numeric" or "text".
    #[prop_or(AttrValue::Static("decimal"))]
    pub mode: AttrValue,
    /// What was refused, if anything.
    #[prop_or_default]
    pub rejected: Option<Rejected>,
    /// Called with (path, text) on every keystroke.
    pub on_edit: Callback<Edit>,
}

/// A labelled text input holding a number or a short text.
#[component]
pub fn TextField(props: &TextFieldProps) -> Html {
    let id = input_id(&props.path);
    let err = error_id(&props.path);
    let oninput = {
        let path = props.path.to_string();
        let on_edit = props.on_edit.clone();
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            on_edit.emit((path.clone(), input.value()));
        })
    };
    let (value, invalid) = match &props.rejected {
        Some(r) => (AttrValue::from(r.text.clone()), true),
        None => (props.value.clone(), false),
    };
    html! {
        <div class={classes!("field", invalid.then_some("invalid"))}>
            <label for={id.clone()}>{props.label.clone()}</label>
            <div class="control">
                <input
                    type="text"
                    id={id}
                    name={props.path.clone()}
                    inputmode={props.mode.clone()}
                    autocomplete="off"
                    spellcheck="false"
                    {value}
                    aria-invalid={invalid.then_some("true")}
                    aria-describedby={invalid.then(|| err.clone())}
                    {oninput}
                />
                if !props.unit.is_empty() {
                    <span class="unit">{props.unit.clone()}</span>
                }
            </div>
            if let Some(r) = &props.rejected {
                <p class="error" id={err}>{r.message.clone()}</p>
            }
        </div>
    }
}

/// Props of [`SelectField`].
#[derive(Properties, PartialEq)]
pub struct SelectFieldProps {
    /// JSON path, also the select's `name`.
    pub path: AttrValue,
    /// Visible label.
    pub label: AttrValue,
    /// (wire name, label) of every option.
    pub options: Vec<(&'static str, &'static str)>,
    /// The wire name currently chosen.
    pub value: AttrValue,
    /// What was refused, if anything.
    #[prop_or_default]
    pub rejected: Option<Rejected>,
    /// Called with (path, wire name).
    pub on_edit: Callback<Edit>,
}

/// A labelled select over a closed set of values.
#[component]
pub fn SelectField(props: &SelectFieldProps) -> Html {
    let id = input_id(&props.path);
    let err = error_id(&props.path);
    let select = use_node_ref();
    {
        // `selected` only sets the initial choice; keep the live value in step with the state.
        let select = select.clone();
        use_effect_with(props.value.clone(), move |value| {
            if let Some(el) = select.cast::<web_sys::HtmlSelectElement>() {
                el.set_value(value);
            }
        });
    }
    let onchange = {
        let path = props.path.to_string();
        let on_edit = props.on_edit.clone();
        Callback::from(move |e: Event| {
            let el: web_sys::HtmlSelectElement = e.target_unchecked_into();
            on_edit.emit((path.clone(), el.value()));
        })
    };
    let invalid = props.rejected.is_some();
    html! {
        <div class={classes!("field", invalid.then_some("invalid"))}>
            <label for={id.clone()}>{props.label.clone()}</label>
            <div class="control">
                <select
                    id={id}
                    name={props.path.clone()}
                    ref={select}
                    aria-invalid={invalid.then_some("true")}
                    aria-describedby={invalid.then(|| err.clone())}
                    {onchange}
                >
                    for (wire, label) in props.options.iter().copied() {
                        <option value={wire} selected={wire == props.value.as_str()}>{label}</option>
                    }
                </select>
            </div>
            if let Some(r) = &props.rejected {
                <p class="error" id={err}>{r.message.clone()}</p>
            }
        </div>
    }
}

/// Props of [`CheckField`].
#[derive(Properties, PartialEq)]
pub struct CheckFieldProps {
    /// The checkbox's `name`: a JSON path for a yes/no field, or `goals` / `features`.
    pub name: AttrValue,
    /// The checkbox's `value` (the goal or feature's wire name; `true` for a yes/no field).
    #[prop_or(AttrValue::Static("true"))]
    pub value: AttrValue,
    /// Visible label.
    pub label: AttrValue,
    /// Ticked or not.
    pub checked: bool,
    /// Called with the new state.
    pub on_toggle: Callback<bool>,
}

/// A labelled checkbox.
#[component]
pub fn CheckField(props: &CheckFieldProps) -> Html {
    let id = format!("{}-{}", input_id(&props.name), props.value);
    let onchange = {
        let on_toggle = props.on_toggle.clone();
        Callback::from(move |e: Event| {
            let el: web_sys::HtmlInputElement = e.target_unchecked_into();
            on_toggle.emit(el.checked());
        })
    };
    html! {
        <div class="check">
            <input
                type="checkbox"
                id={id.clone()}
                name={props.name.clone()}
                value={props.value.clone()}
                checked={props.checked}
                {onchange}
            />
            <label for={id}>{props.label.clone()}</label>
        </div>
    }
}
