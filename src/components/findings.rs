//! The findings, grouped by severity, each with its detail, what to do instead and sources.

use std::rc::Rc;

use dpu_engine::{Report, Severity};
use yew::prelude::*;

use super::class_names;
use super::sources::{source_links, use_embedded};

/// Props of [`Findings`].
#[derive(Properties)]
pub struct FindingsProps {
    /// The report whose findings to show.
    pub report: Rc<Report>,
}

impl PartialEq for FindingsProps {
    /// The same report is the same `Rc` (the page computes one per scenario), so it is
    /// compared by pointer: a deep comparison of reports would be code of its own.
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.report, &other.report)
    }
}

/// One section per severity that has findings, most serious first.
#[component]
pub fn Findings(props: &FindingsProps) -> Html {
    let embedded = use_embedded();
    html! {
        <section class="findings" aria-labelledby="findings-title">
            <h2 id="findings-title">{"What the sources say"}</h2>
            for severity in Severity::ALL {
                if props.report.findings_of(severity).next().is_some() {
                    <section class={class_names(&["severity", &format!("s-{}", severity.wire())])}>
                        <h3>{severity.heading()}</h3>
                        <ul>
                            for f in props.report.findings_of(severity) {
                                <li key={f.id.clone()} class="finding" data-finding-id={f.id.clone()}
                                    data-severity={severity.wire()}>
                                    <h4>{f.title.clone()}</h4>
                                    <p>{f.detail.clone()}</p>
                                    if let Some(instead) = &f.instead {
                                        <p class="instead"><strong>{"Instead: "}</strong>{instead.clone()}</p>
                                    }
                                    <p>{source_links(&f.sources, embedded)}</p>
                                </li>
                            }
                        </ul>
                    </section>
                }
            }
        </section>
    }
}
