//! The root component: one reducer for the scenario, the report memoised on it, and the page
//! layout (presets and reset, share and export, the scenario form and saved scenarios, then
//! verdict, findings and the math). The scenario also lives in the address (`#s=`), written
//! on every change and read on load and when the fragment changes.

use std::rc::Rc;

use dpu_engine::presets::{PRESETS, Preset, preset};
use dpu_engine::{Scenario, evaluate};
use yew::prelude::*;

use crate::components::cost::CostPanel;
use crate::components::findings::Findings;
use crate::components::notice::NoticeLine;
use crate::components::saved_list::SavedList;
use crate::components::scenario_form::ScenarioForm;
use crate::components::share_bar::ShareBar;
use crate::components::verdict::VerdictPanel;
use crate::notice::Notice;
use crate::state::{Action, State};

/// Props of [`App`].
#[derive(Properties, PartialEq, Default)]
pub struct AppProps {
    /// The `?preset=` of the URL, if any.
    #[prop_or_default]
    pub preset: Option<AttrValue>,
    /// The `#s=` link of the URL, if any (it wins over the preset).
    #[prop_or_default]
    pub link: Option<AttrValue>,
    /// `?embed=1`: compact layout inside an iframe.
    #[prop_or_default]
    pub embed: bool,
    /// Storage namespace for saved scenarios (`main` on the page, the id of an embed).
    #[prop_or(AttrValue::Static("main"))]
    pub namespace: AttrValue,
}

/// The scenario of a preset, decoded through `Scenario::from_value` (the decoder every edit
/// already uses) rather than `Preset::scenario`, whose text decoder would add a second copy
/// of the scenario's deserializer to the wasm bundle.
pub fn preset_scenario(p: &Preset) -> Option<Scenario> {
    let value: serde_json::Value = serde_json::from_str(p.json).ok()?;
    Scenario::from_value(value).ok()
}

/// The state to start from and the notice to show: a readable link wins, then the named
/// preset, then the defaults (`{}`). A link that cannot be read gives the defaults and says so.
pub fn start_state(link: Option<&str>, preset: Option<&str>) -> (State, Option<Notice>) {
    match link.map(dpu_engine::share::decode) {
        Some(Ok(scenario)) => (State::new(scenario, None), None),
        Some(Err(e)) => (State::default(), Some(Notice::LinkInvalid(e.to_string()))),
        None => (initial_state(preset), None),
    }
}

/// The `#s=` value the address should carry for a scenario: none when it is exactly the
/// preset named by `?preset=` or the defaults.
pub fn link_for(scenario: &Scenario, preset_name: Option<&str>) -> Option<String> {
    let plain = match preset_name.and_then(preset) {
        Some(p) => preset_scenario(p).as_ref() == Some(scenario),
        None => *scenario == Scenario::default(),
    };
    (!plain).then(|| dpu_engine::share::encode(scenario))
}

/// The state to start from: the named preset, or the defaults (`{}`).
pub fn initial_state(name: Option<&str>) -> State {
    match name
        .and_then(preset)
        .and_then(|p| Some((preset_scenario(p)?, p.name)))
    {
        Some((scenario, name)) => State::new(scenario, Some(name)),
        None => State::default(),
    }
}

/// The whole page.
#[component]
pub fn App(props: &AppProps) -> Html {
    let started = {
        let (link, name) = (props.link.clone(), props.preset.clone());
        use_memo((), move |_| start_state(link.as_deref(), name.as_deref()))
    };
    let state = {
        let started = started.clone();
        use_reducer(move || started.0.clone())
    };
    let notice = {
        let started = started.clone();
        use_state(move || started.1.clone())
    };
    let report = use_memo(state.scenario.clone(), evaluate);

    // Keep the address's `#s=` link in step with the scenario. A scenario that is exactly a
    // preset (shown as `?preset=`) or the defaults needs no link, so plain addresses stay plain.
    use_effect_with(
        (state.scenario.clone(), state.preset),
        |(scenario, name)| {
            let link = link_for(scenario, *name);
            #[cfg(target_arch = "wasm32")]
            crate::web::set_link(link.as_deref());
            #[cfg(not(target_arch = "wasm32"))]
            let _ = link;
        },
    );
    // A link pasted into the same tab changes only the fragment: load it.
    {
        let (d, notice) = (state.dispatcher(), notice.setter());
        use_effect_with((), move |_| {
            #[cfg(target_arch = "wasm32")]
            crate::web::on_link_change(move |link| {
                if let Some(link) = link {
                    match dpu_engine::share::decode(&link) {
                        Ok(s) => d.dispatch(Action::Load(Box::new(s), None)),
                        Err(e) => notice.set(Some(Notice::LinkInvalid(e.to_string()))),
                    }
                }
            });
            #[cfg(not(target_arch = "wasm32"))]
            let _ = (d, notice);
        });
    }

    use_effect_with(state.preset, |preset| {
        #[cfg(target_arch = "wasm32")]
        crate::web::show_preset_in_url(*preset);
        #[cfg(not(target_arch = "wasm32"))]
        let _ = preset;
    });

    let unknown = props
        .preset
        .as_deref()
        .filter(|name| preset(name).is_none());
    let dispatcher = state.dispatcher();
    let on_edit = {
        let d = dispatcher.clone();
        Callback::from(move |(path, text)| d.dispatch(Action::SetText { path, text }))
    };
    let on_goal = {
        let d = dispatcher.clone();
        Callback::from(move |(goal, on)| d.dispatch(Action::SetGoal(goal, on)))
    };
    let on_feature = {
        let d = dispatcher.clone();
        Callback::from(move |(feature, on)| d.dispatch(Action::SetFeature(feature, on)))
    };
    let on_preset = {
        let d = dispatcher.clone();
        Callback::from(move |e: Event| {
            let el: web_sys::HtmlSelectElement = e.target_unchecked_into();
            let loaded = preset(&el.value()).and_then(|p| Some((preset_scenario(p)?, p.name)));
            match loaded {
                Some((scenario, name)) => d.dispatch(Action::Load(Box::new(scenario), Some(name))),
                None => d.dispatch(Action::Load(Box::default(), None)),
            }
        })
    };
    let on_reset = {
        let d = dispatcher;
        Callback::from(move |_: MouseEvent| d.dispatch(Action::Load(Box::default(), None)))
    };
    let preset_select = use_node_ref();
    {
        let select = preset_select.clone();
        use_effect_with(state.preset, move |p| {
            if let Some(el) = select.cast::<web_sys::HtmlSelectElement>() {
                el.set_value(p.unwrap_or(""));
            }
        });
    }
    let state_rc = Rc::new((*state).clone());
    let scenario_rc = Rc::new(state.scenario.clone());
    let on_notice = {
        let notice = notice.setter();
        Callback::from(move |n: Notice| notice.set(Some(n)))
    };
    let on_dismiss = {
        let notice = notice.setter();
        Callback::from(move |()| notice.set(None))
    };
    let on_load = {
        let d = state.dispatcher();
        Callback::from(move |s: Scenario| d.dispatch(Action::Load(Box::new(s), None)))
    };

    let inputs = html! {
        <>
            if let Some(p) = state.preset.and_then(preset) {
                <p class="preset-summary">{p.summary}</p>
            }
            <ScenarioForm state={state_rc} {on_edit} {on_goal} {on_feature} />
            <SavedList scenario={scenario_rc.clone()} namespace={props.namespace.clone()} on_load={on_load.clone()} on_notice={on_notice.clone()} />
        </>
    };
    let results = html! {
        <section class="results" aria-label="Verdict and explanation">
            <VerdictPanel verdict={report.verdict} headline={report.headline.clone()}
                p_worth_it={report.uncertainty.p_worth_it} name={state.scenario.name.clone()} />
            // On paper the inputs are hidden; this says what the report was computed for.
            <section class="print-only summary">
                <h2>{"Scenario"}</h2>
                <dl>
                    for (label, value) in dpu_engine::render::summary(&state.scenario) {
                        <dt>{label}</dt><dd>{value}</dd>
                    }
                </dl>
            </section>
            <Findings report={report.clone()} />
            <CostPanel report={report.clone()} gbps_per_host={state.scenario.traffic.gbps_per_host}
                cores_per_host={f64::from(state.scenario.fleet.cores_per_host)} />
        </section>
    };
    html! {
        <>
            <header class="top">
                <div class="brand">
                    <h1>{"DPU Reality Check"}</h1>
                    <p class="tagline">{"Will a DPU solve your problem? An honest verdict with sources, computed in your browser."}</p>
                </div>
                <div class="toolbar">
                    <label for="preset">{"Preset"}</label>
                    <select id="preset" ref={preset_select} onchange={on_preset}>
                        <option value="" selected={state.preset.is_none()}>{"Defaults"}</option>
                        for p in PRESETS.iter() {
                            <option value={p.name} title={p.summary} selected={state.preset == Some(p.name)}>{p.title}</option>
                        }
                    </select>
                    <button type="button" id="reset" onclick={on_reset}>{"Reset to defaults"}</button>
                </div>
                <ShareBar scenario={scenario_rc.clone()} report={report.clone()}
                    on_import={on_load.clone()} on_notice={on_notice.clone()} />
            </header>
            <NoticeLine notice={(*notice).clone()} {on_dismiss} />
            if let Some(name) = unknown {
                <p class="notice" role="status">{format!(
                    "There is no preset called “{name}”; showing the defaults. Pick one from the list above."
                )}</p>
            }
            <main class={classes!("layout", props.embed.then_some("embedded"))}>
                if props.embed {
                    // In an iframe the answer comes first and the inputs fold away.
                    { results }
                    <section class="inputs" aria-labelledby="inputs-title">
                        <details class="edit">
                            <summary><h2 id="inputs-title">{"Change the scenario"}</h2></summary>
                            { inputs }
                        </details>
                    </section>
                } else {
                    <section class="inputs" aria-labelledby="inputs-title">
                        <h2 id="inputs-title">{"Your scenario"}</h2>
                        { inputs }
                        <a class="jump" href="#verdict">{format!("Verdict: {} ↓", report.verdict.label())}</a>
                    </section>
                    { results }
                }
            </main>
            <footer class="foot">
                <p>{"Nothing you type leaves this page: the engine runs in your browser and makes no network requests."}</p>
            </footer>
        </>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn presets_decode_as_the_engine_decodes_them() {
        for p in PRESETS {
            assert_eq!(preset_scenario(p), p.scenario().ok(), "{}", p.name);
        }
    }

    #[test]
    fn a_link_wins_over_the_preset_and_a_bad_link_says_so() {
        let mut s = Scenario::default();
        s.fleet.hosts = 7;
        let link = dpu_engine::share::encode(&s);
        let (state, notice) = start_state(Some(&link), Some("hype-case"));
        assert_eq!(
            (state.scenario.fleet.hosts, state.preset, notice),
            (7, None, None)
        );
        let (state, notice) = start_state(Some("1.!!"), Some("hype-case"));
        assert_eq!(state, State::default());
        assert_eq!(notice.map(|n| n.kind()), Some("link-invalid"));
        let (state, notice) = start_state(None, Some("hype-case"));
        assert_eq!((state.preset, notice), (Some("hype-case"), None));
    }

    #[test]
    fn only_edited_scenarios_need_a_link() {
        assert_eq!(link_for(&Scenario::default(), None), None);
        let hype = initial_state(Some("hype-case")).scenario;
        assert_eq!(link_for(&hype, Some("hype-case")), None);
        let link = link_for(&hype, None).expect("the preset's scenario differs from the defaults");
        assert_eq!(dpu_engine::share::decode(&link), Ok(hype.clone()));
        let mut edited = hype;
        edited.fleet.hosts += 1;
        assert!(link_for(&edited, Some("hype-case")).is_some());
    }

    #[test]
    fn initial_state_reads_the_preset() {
        assert_eq!(initial_state(None), State::default());
        assert_eq!(initial_state(Some("nope")), State::default());
        let s = initial_state(Some("hype-case"));
        assert_eq!(s.preset, Some("hype-case"));
        assert_eq!(evaluate(&s.scenario).verdict.wire(), "wrong_problem");
    }
}
