//! The root component: one reducer for the scenario, the report memoised on it, and the page
//! layout (presets and reset, the scenario form, then verdict, findings and the math).

use std::rc::Rc;

use dpu_engine::presets::{PRESETS, Preset, preset};
use dpu_engine::{Scenario, evaluate};
use yew::prelude::*;

use crate::components::cost::CostPanel;
use crate::components::findings::Findings;
use crate::components::scenario_form::ScenarioForm;
use crate::components::verdict::VerdictPanel;
use crate::state::{Action, State};

/// Props of [`App`].
#[derive(Properties, PartialEq, Default)]
pub struct AppProps {
    /// The `?preset=` of the URL, if any.
    #[prop_or_default]
    pub preset: Option<AttrValue>,
}

/// The scenario of a preset, decoded through `Scenario::from_value` (the decoder every edit
/// already uses) rather than `Preset::scenario`, whose text decoder would add a second copy
/// of the scenario's deserializer to the wasm bundle.
pub fn preset_scenario(p: &Preset) -> Option<Scenario> {
    let value: serde_json::Value = serde_json::from_str(p.json).ok()?;
    Scenario::from_value(value).ok()
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
    let state = {
        let name = props.preset.clone();
        use_reducer(move || initial_state(name.as_deref()))
    };
    let report = use_memo(state.scenario.clone(), evaluate);

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
            </header>
            if let Some(name) = unknown {
                <p class="notice" role="status">{format!(
                    "There is no preset called “{name}”; showing the defaults. Pick one from the list above."
                )}</p>
            }
            <main class="layout">
                <section class="inputs" aria-labelledby="inputs-title">
                    <h2 id="inputs-title">{"Your scenario"}</h2>
                    if let Some(p) = state.preset.and_then(preset) {
                        <p class="preset-summary">{p.summary}</p>
                    }
                    <ScenarioForm state={state_rc} {on_edit} {on_goal} {on_feature} />
                    <a class="jump" href="#verdict">{format!("Verdict: {} ↓", report.verdict.label())}</a>
                </section>
                <section class="results" aria-label="Verdict and explanation">
                    <VerdictPanel verdict={report.verdict} headline={report.headline.clone()}
                        p_worth_it={report.uncertainty.p_worth_it} name={state.scenario.name.clone()} />
                    <Findings report={report.clone()} />
                    <CostPanel report={report.clone()} gbps_per_host={state.scenario.traffic.gbps_per_host}
                        cores_per_host={f64::from(state.scenario.fleet.cores_per_host)} />
                </section>
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
    fn initial_state_reads_the_preset() {
        assert_eq!(initial_state(None), State::default());
        assert_eq!(initial_state(Some("nope")), State::default());
        let s = initial_state(Some("hype-case"));
        assert_eq!(s.preset, Some("hype-case"));
        assert_eq!(evaluate(&s.scenario).verdict.wire(), "wrong_problem");
    }
}
