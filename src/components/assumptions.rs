//! The model's assumptions, each a low / likely / high range with its basis and sources.

use std::rc::Rc;

use dpu_engine::ASSUMPTIONS;
use yew::prelude::*;

use super::Edit;
use super::fields::TextField;
use super::sources::{SourceLinks, facts};
use crate::state::State;

/// Props of [`Assumptions`].
#[derive(Properties, PartialEq)]
pub struct AssumptionsProps {
    /// The scenario and the texts it refused.
    pub state: Rc<State>,
    /// A point of a range was edited: (JSON path, raw text).
    pub on_edit: Callback<Edit>,
}

/// One fieldset per assumption of the engine's `ASSUMPTIONS` table.
#[component]
pub fn Assumptions(props: &AssumptionsProps) -> Html {
    let state = &props.state;
    html! {
        <fieldset class="assumptions">
            <legend>{"Assumptions"}</legend>
            <p class="hint">{"The model uses the likely value; low and high drive the uncertainty \
                analysis. Change them if you have measured your own hosts."}</p>
            for spec in ASSUMPTIONS.iter() {
                <fieldset class="range">
                    <legend>{format!("{} ({})", spec.label, spec.symbol)}
                        if !spec.unit.is_empty() { <span class="unit">{format!(" in {}", spec.unit)}</span> }
                    </legend>
                    <div class="points">
                        for (point, value) in [("low", (spec.get)(&state.scenario.assumptions).low),
                                               ("likely", (spec.get)(&state.scenario.assumptions).likely),
                                               ("high", (spec.get)(&state.scenario.assumptions).high)] {
                            {point_input(state, spec.key, point, value, &props.on_edit)}
                        }
                    </div>
                    <p class="basis">{spec.basis}</p>
                    <SourceLinks sources={facts(spec.sources)} />
                </fieldset>
            }
        </fieldset>
    }
}

fn point_input(
    state: &State,
    key: &str,
    point: &'static str,
    value: f64,
    on_edit: &Callback<Edit>,
) -> Html {
    let path = format!("assumptions.{key}.{point}");
    html! {
        <TextField
            path={path.clone()}
            label={point}
            value={value.to_string()}
            rejected={state.rejected(&path).cloned()}
            on_edit={on_edit.clone()}
        />
    }
}
