//! The report of SPEC §6: verdict, headline, findings with sources, cost, uncertainty, and the
//! formula breakdown and traffic curve the page draws.

use serde::{Deserialize, Serialize};

use crate::cost::{Cost, CurvePoint, Step};
use crate::rules::Severity;
use crate::uncertainty::Uncertainty;

/// The answer, first match wins (SPEC §4).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// Some goal is something a DPU cannot do.
    WrongProblem,
    /// The platform does not support the plan.
    NotSupported,
    /// It works, but the DPUs cost more than they save.
    NotWorthIt,
    /// It pays, but costs something the user has or wants.
    WorthItWithTradeoffs,
    /// It pays.
    WorthIt,
}

impl Verdict {
    /// Every verdict, worst first.
    pub const ALL: [Verdict; 5] = [
        Verdict::WrongProblem,
        Verdict::NotSupported,
        Verdict::NotWorthIt,
        Verdict::WorthItWithTradeoffs,
        Verdict::WorthIt,
    ];

    /// The JSON name, e.g. `wrong_problem`.
    pub fn wire(self) -> &'static str {
        match self {
            Verdict::WrongProblem => "wrong_problem",
            Verdict::NotSupported => "not_supported",
            Verdict::NotWorthIt => "not_worth_it",
            Verdict::WorthItWithTradeoffs => "worth_it_with_tradeoffs",
            Verdict::WorthIt => "worth_it",
        }
    }

    /// The verdict in a few plain words.
    pub fn label(self) -> &'static str {
        match self {
            Verdict::WrongProblem => "Wrong problem",
            Verdict::NotSupported => "Not supported",
            Verdict::NotWorthIt => "Not worth it",
            Verdict::WorthItWithTradeoffs => "Worth it, with trade-offs",
            Verdict::WorthIt => "Worth it",
        }
    }
}

/// A public page backing a finding.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceRef {
    /// Fact id in `research/dpu-facts.md`.
    pub fact: String,
    /// Link text.
    pub title: String,
    /// The page.
    pub url: String,
}

/// One rule that fired, explained for this scenario.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Finding {
    /// The rule's stable id.
    pub id: String,
    /// How it bears on the verdict.
    pub severity: Severity,
    /// The rule's title.
    pub title: String,
    /// What it means here, with the scenario's numbers.
    pub detail: String,
    /// What to do instead, where that exists.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub instead: Option<String>,
    /// Where it comes from.
    pub sources: Vec<SourceRef>,
}

/// Everything the engine says about one scenario.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    /// The answer.
    pub verdict: Verdict,
    /// One sentence in plain words.
    pub headline: String,
    /// Findings, most serious first, catalog order within a severity.
    pub findings: Vec<Finding>,
    /// The cost model at the likely assumptions.
    pub cost: Cost,
    /// How sure that is.
    pub uncertainty: Uncertainty,
    /// The formulas with the scenario's numbers.
    pub breakdown: Vec<Step>,
    /// The model over a range of traffic, for the chart.
    pub traffic_curve: Vec<CurvePoint>,
    /// The currency label of the money figures.
    pub currency: String,
    /// The years the money figures cover.
    pub lifetime_years: f64,
}

impl Report {
    /// The findings of one severity, in order.
    pub fn findings_of(&self, severity: Severity) -> impl Iterator<Item = &Finding> {
        self.findings.iter().filter(move |f| f.severity == severity)
    }

    /// Pretty JSON.
    pub fn to_json_pretty(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_else(|_| "{}".to_owned())
    }
}
