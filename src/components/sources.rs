//! Links to the public pages behind a finding or a default: one per page, with its kind
//! (vendor, operator, independent, commentary, secondary) and the fact ids it backs; a fact
//! that records a silence reads "not found in public sources". Inside an embed every link
//! opens in a new tab, so the post's frame is never navigated away.

use dpu_engine::SourceRef;
use dpu_engine::sources::NOT_FOUND;
use yew::prelude::*;

/// Whether the page runs inside an embed (provided by the app as a context).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Embedded(pub bool);

/// Whether the page runs inside an embed, from the app's context (false without one).
#[hook]
pub fn use_embedded() -> bool {
    use_context::<Embedded>().unwrap_or_default().0
}

/// "Sources: title (vendor; F2.3.4), …" as links; inside an embed they open a new tab.
pub fn source_links(sources: &[SourceRef], embedded: bool) -> Html {
    if sources.is_empty() {
        return html! {};
    }
    html! {
        <span class="sources">
            <span class="sources-label">{"Sources: "}</span>
            for s in sources.iter() {
                <span class="source" data-kind={s.kind.wire()}>
                    <a href={s.url.clone()} rel={if embedded { "noopener noreferrer" } else { "noreferrer" }}
                        target={embedded.then_some("_blank")} data-fact={s.ids.join(" ")}>{s.title.clone()}</a>
                    <span class="fact">{format!(" ({}; {})", s.kind.wire(), ids_text(s))}</span>
                </span>
            }
        </span>
    }
}

/// The fact ids of a page, the silent ones said so.
pub fn ids_text(s: &SourceRef) -> String {
    let ids: Vec<String> = s
        .ids
        .iter()
        .map(|id| {
            if s.not_found.contains(id) {
                format!("{id}: {NOT_FOUND}")
            } else {
                id.clone()
            }
        })
        .collect();
    ids.join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn silent_facts_read_as_not_found() {
        let refs = dpu_engine::sources::refs(&["F2.3.4", "F2.3.5"]);
        assert_eq!(
            ids_text(&refs[0]),
            "F2.3.4, F2.3.5: not found in public sources (checked 2026-11)"
        );
    }
}
