//! DPU Reality Check engine: will a DPU (SmartNIC) solve this architect's problem?
//!
//! A [`Scenario`] goes in, a [`Report`] comes out: a verdict, findings that cite public
//! sources, a transparent cost model and an uncertainty analysis. The engine does no I/O,
//! reads no clock, keeps no global state and has no web dependency, so the same code runs in
//! the `dpucheck` CLI and, compiled to wasm, in the browser.
//!
//! ```
//! use dpu_engine::{Scenario, Verdict, evaluate, presets};
//!
//! let scenario = presets::preset("hype-case").unwrap().scenario().unwrap();
//! let report = evaluate(&scenario);
//! assert_eq!(report.verdict, Verdict::WrongProblem);
//! assert!(report.findings.iter().any(|f| f.id == "hypervisor-stays-on-host"));
//!
//! let bad = Scenario::from_json(r#"{"fleet": {"hosts": 0}}"#).unwrap_err();
//! assert_eq!(bad.path(), Some("fleet.hosts"));
//! ```

pub mod assumptions;
pub mod breakdown;
pub mod choice;
pub mod cost;
pub mod error;
mod evaluate;
pub mod explain;
pub mod fields;
pub mod float;
pub mod format;
pub mod json;
pub mod migrate;
pub mod plans;
pub mod presets;
pub mod render;
pub mod report;
pub mod rules;
pub mod saved;
pub mod scenario;
pub mod share;
pub mod sort;
pub mod sources;
pub mod uncertainty;

pub use assumptions::{ASSUMPTIONS, Assumptions, Range};
pub use choice::Choice;
pub use error::{Problem, ScenarioError};
pub use evaluate::{
    NOT_WORTH_IT_BELOW, Options, WORTH_IT_FROM, evaluate, evaluate_with, findings, headline,
    resolved_defaults, verdict,
};
pub use fields::FIELDS;
pub use report::{FIGURES, Finding, Report, Verdict};
pub use rules::{RULES, Rule, Severity};
pub use scenario::Scenario;
pub use sources::SourceRef;

/// Reads a scenario and evaluates it with the default options: the one call most callers need.
pub fn evaluate_json(text: &str) -> Result<Report, ScenarioError> {
    Scenario::from_json(text).map(|s| evaluate(&s))
}
