//! The reasoning as the first "why": the chain from the cores networking uses to the money,
//! with the rounding to whole servers said out loud, then the vendor's pitch tested and the
//! assumption that would flip the answer. Every sentence is the engine's.

use std::rc::Rc;

use dpu_engine::Report;
use yew::prelude::*;

/// Props of [`Reasoning`].
#[derive(Properties)]
pub struct ReasoningProps {
    /// The report.
    pub report: Rc<Report>,
}

impl PartialEq for ReasoningProps {
    /// The same report is the same `Rc` (the page computes one per scenario), so it is
    /// compared by pointer: a deep comparison of reports would be code of its own.
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.report, &other.report)
    }
}

/// "Why, step by step".
#[component]
pub fn Reasoning(props: &ReasoningProps) -> Html {
    let x = &props.report.explanation;
    html! {
        <section class="reasoning" aria-labelledby="reasoning-title">
            <h2 id="reasoning-title">{"Why, step by step"}</h2>
            <ol class="chain">
                for l in x.chain.iter() {
                    <li data-step={l.step.clone()}>{l.text.clone()}</li>
                }
            </ol>
            if let Some(claim) = &x.claim {
                <p class="claim" data-claim="">{claim.clone()}</p>
            }
            if let Some(flip) = &x.flip {
                <p class="flip" data-flip={flip.assumption_key()}>{flip.text.clone()}</p>
            }
        </section>
    }
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
