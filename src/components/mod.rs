//! The page's parts: function components where a part has state or the root mounts it,
//! plain functions returning `Html` for the rest (a component is code of its own in the
//! page); each takes values and narrow callbacks.

pub mod charts;
pub mod cost;
pub mod embed_panel;
pub mod fields;
pub mod findings;
pub(crate) mod markup;
pub mod notice;
pub mod plans;
pub mod reasoning;
pub mod saved_list;
pub mod scenario_form;
pub mod share_bar;
pub mod sources;
pub mod verdict;

use yew::{AttrValue, Callback, MouseEvent};

/// A `class` attribute from its names, the empty ones left out, none when none is left: what
/// `classes!` gives for distinct names, without its ordered hash set of names (indexmap and
/// hashbrown in the page's wasm, for a handful of attributes).
pub fn class_names(names: &[&str]) -> Option<AttrValue> {
    let mut out = String::new();
    for name in names.iter().filter(|n| !n.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(name);
    }
    (!out.is_empty()).then(|| out.into())
}

/// A click handler that sends `message` (one closure type for every button that sends a
/// message of its type, where a closure per button would each be code of its own).
pub fn on_click<T: Clone + 'static>(to: &Callback<T>, message: T) -> Callback<MouseEvent> {
    to.reform(move |_| message.clone())
}

/// The element id of the input for a JSON path (`traffic.gbps_per_host` → `f-traffic-gbps_per_host`).
pub fn input_id(path: &str) -> String {
    format!("f-{}", path.replace('.', "-"))
}

/// The element id of the message explaining what is wrong with the input at a path.
pub fn error_id(path: &str) -> String {
    format!("{}-error", input_id(path))
}

/// The element id of the help and default basis of the input at a path.
pub fn hint_id(path: &str) -> String {
    format!("{}-hint", input_id(path))
}

#[cfg(test)]
mod tests {
    use yew::html::IntoPropValue;
    use yew::{Classes, classes};

    use super::*;

    #[test]
    fn class_names_give_what_classes_gives() {
        let none: Option<&'static str> = None;
        let cases: [(&[&str], Classes); 6] = [
            (&["results", ""], classes!("results", none)),
            (&["results", "stale"], classes!("results", Some("stale"))),
            (&[""], classes!(none)),
            (&["row-best"], classes!(Some("row-best"))),
            (
                &["verdict", "v-worth_it", "example", ""],
                classes!("verdict", "v-worth_it", Some("example"), none),
            ),
            (&["mark", "tag-now"], classes!("mark", "tag-now")),
        ];
        for (names, classes) in cases {
            let want: Option<AttrValue> = classes.into_prop_value();
            assert_eq!(class_names(names), want, "{names:?}");
        }
    }
}
