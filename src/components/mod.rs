//! The page's parts, each a function component taking values and narrow callbacks.

pub mod assumptions;
pub mod charts;
pub mod cost;
pub mod fields;
pub mod findings;
pub mod notice;
pub mod saved_list;
pub mod scenario_form;
pub mod share_bar;
pub mod sources;
pub mod verdict;

/// An edit of one field: its JSON path and the raw text.
pub type Edit = (String, String);

/// The element id of the input for a JSON path (`traffic.gbps_per_host` → `f-traffic-gbps_per_host`).
pub fn input_id(path: &str) -> String {
    format!("f-{}", path.replace('.', "-"))
}

/// The element id of the message explaining what is wrong with the input at a path.
pub fn error_id(path: &str) -> String {
    format!("{}-error", input_id(path))
}
