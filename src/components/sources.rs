//! Links to the public sources behind a finding or an assumption.

use dpu_engine::SourceRef;
use yew::prelude::*;

/// Props of [`SourceLinks`].
#[derive(Properties, PartialEq)]
pub struct SourceLinksProps {
    /// The sources, in order.
    pub sources: Vec<SourceRef>,
}

/// "Sources: title (F1.2.3), …" as links.
#[component]
pub fn SourceLinks(props: &SourceLinksProps) -> Html {
    if props.sources.is_empty() {
        return html! {};
    }
    html! {
        <p class="sources">
            <span class="sources-label">{"Sources: "}</span>
            for s in props.sources.iter() {
                <a href={s.url.clone()} rel="noreferrer" data-fact={s.fact.clone()}>{s.title.clone()}</a>
                <span class="fact">{format!(" ({}) ", s.fact)}</span>
            }
        </p>
    }
}

/// The sources of a list of fact ids (unknown ids are skipped).
pub fn facts(ids: &[&str]) -> Vec<SourceRef> {
    ids.iter()
        .filter_map(|id| dpu_engine::sources::source(id))
        .map(|s| SourceRef {
            fact: s.fact.to_owned(),
            title: s.title.to_owned(),
            url: s.url.to_owned(),
        })
        .collect()
}
