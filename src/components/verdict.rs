//! The verdict in plain words with its headline: the first thing on the results side.

use dpu_engine::Verdict;
use dpu_engine::format::percent;
use yew::prelude::*;

/// Props of [`VerdictPanel`].
#[derive(Properties, PartialEq)]
pub struct VerdictPanelProps {
    /// The verdict.
    pub verdict: Verdict,
    /// The report's one-sentence headline.
    pub headline: AttrValue,
    /// Probability that the DPUs pay off, 0…1.
    pub p_worth_it: f64,
    /// The scenario's name ("" for none).
    #[prop_or_default]
    pub name: AttrValue,
}

/// `#verdict` with `data-verdict`, announced politely when it changes.
#[component]
pub fn VerdictPanel(props: &VerdictPanelProps) -> Html {
    let wire = props.verdict.wire();
    html! {
        <section id="verdict" class={classes!("verdict", format!("v-{wire}"))}
            data-verdict={wire} aria-live="polite" aria-atomic="true" aria-labelledby="verdict-label">
            if !props.name.is_empty() {
                <p class="scenario-name">{props.name.clone()}</p>
            }
            <h2 id="verdict-label" class="verdict-label">{props.verdict.label()}</h2>
            <p class="headline">{props.headline.clone()}</p>
            <p class="odds">{format!("Chance the DPUs pay off over the uncertainty in the assumptions: {}",
                percent(props.p_worth_it))}</p>
        </section>
    }
}
