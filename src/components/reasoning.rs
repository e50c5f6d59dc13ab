//! The reasoning as the first "why": the chain from the cores networking uses to the money,
//! with the rounding to whole servers said out loud, then the vendor's pitch tested and the
//! assumption that would flip the answer. Every sentence is the engine's. "Plans compared"
//! follows it on the page; the embed's card says the best plan in one line instead.

use std::rc::Rc;

use dpu_engine::Report;
use yew::prelude::*;

use super::plans::{best_plan_line, plans_section};

/// Props of [`Reasoning`].
#[derive(Properties)]
pub struct ReasoningProps {
    /// The report.
    pub report: Rc<Report>,
    /// The embed's card: when rules decide the verdict, or a plan without a DPU lowers the
    /// DPUs' chance to be the best, the pitch (a CPU share) is left to the full analysis; the
    /// best plan is one line (the table is in the card's folded part).
    #[prop_or_default]
    pub compact: bool,
}

impl PartialEq for ReasoningProps {
    /// The same report is the same `Rc` (the page computes one per scenario), so it is
    /// compared by pointer: a deep comparison of reports would be code of its own.
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.report, &other.report)
    }
}

/// "Why, step by step", then "Plans compared" (the card: the best plan's line).
#[component]
pub fn Reasoning(props: &ReasoningProps) -> Html {
    let x = &props.report.explanation;
    // For a verdict the rules decide, what decides it comes first; the money follows.
    let deciding = props.report.deciding_findings();
    // The card keeps the pitch only for a verdict the money decides with no plan without a
    // DPU in the way: a rule's verdict, or a plan that lowers the DPUs' chance to be the
    // best, leaves the pitch to the full analysis (the card's room goes to the best plan).
    let u = &props.report.uncertainty;
    let pitch_on_card = deciding.is_empty() && u.p_best >= u.p_worth_it;
    html! {<>
        <section class="reasoning" aria-labelledby="reasoning-title">
            <h2 id="reasoning-title">{"Why, step by step"}</h2>
            if !deciding.is_empty() {
                <ul class="deciding" data-deciding="">
                    for f in deciding.iter() {
                        <li data-decides={f.id.clone()}>{f.title.clone()}</li>
                    }
                </ul>
                <p class="chain-lead">{"Setting that aside, the money:"}</p>
            }
            <ol class="chain">
                // The card says the comparison in its best-plan line and folded table.
                for l in x.chain.iter().filter(|l| !props.compact || l.step != "compared") {
                    <li data-step={l.step.clone()}>{l.text.clone()}</li>
                }
            </ol>
            if let Some(claim) = x.claim.as_ref().filter(|_| !props.compact || pitch_on_card) {
                <p class="claim" data-claim="">{claim.clone()}</p>
            }
            if let Some(flip) = &x.flip {
                <p class="flip" data-flip={flip.assumption_key()}>{flip.text.clone()}</p>
            }
            if props.compact {
                {best_plan_line(&props.report)}
            }
        </section>
        if !props.compact {
            {plans_section(&props.report, false)}
        }
    </>}
}

/// The JSON key of a flip's assumption, for the page's hook.
trait FlipKey {
    fn assumption_key(&self) -> &'static str;
}

impl FlipKey for dpu_engine::explain::Flip {
    fn assumption_key(&self) -> &'static str {
        dpu_engine::assumptions::spec(self.assumption).key
    }
}
