//! The report of SPEC §6: verdict, headline, findings with sources, cost with its cash flow,
//! uncertainty, the resolved defaults it rests on, the model's version, and the formula
//! breakdown and traffic curve the page draws. [`FIGURES`] is the one list of cost-figure
//! labels that the page, the text report and the Markdown report all show.

use serde::{Deserialize, Serialize};

use crate::cost::{Cost, CurvePoint};
use crate::format::{auto, money, num, percent};
use crate::json::Value;
use crate::rules::Severity;
pub use crate::sources::SourceRef;
use crate::uncertainty::Uncertainty;

/// The model's revision: 2 added clusters, line rate, platform-dependent licences and the
/// verdict from the whole uncertainty range; 2.1 added the vendor's claim; 3 weighs the DPU
/// against the plans without one (SPEC §5.1).
pub const MODEL_VERSION: &str = "3";
/// The date of the fact sheet the rules and defaults cite.
pub const FACTS_AS_OF: &str = "2026-12-07";

/// The answer, first match wins (SPEC §4).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// Some goal is something a DPU cannot do.
    WrongProblem,
    /// The platform does not support the plan.
    NotSupported,
    /// The inputs contradict each other or leave nothing to judge.
    CheckInputs,
    /// A DPU is the only way to meet a goal.
    Required,
    /// Less than a 30 % chance that the DPUs pay off.
    NotWorthIt,
    /// The DPUs may pay, but a plan without one does better in most futures (model 3).
    AlternativeWins,
    /// Between 30 % and 70 %: could go either way; measure first.
    TossUp,
    /// Pays, but costs something the user has or wants.
    WorthItWithTradeoffs,
    /// Pays.
    WorthIt,
}

impl Verdict {
    /// The JSON name, e.g. `wrong_problem`.
    pub fn wire(self) -> &'static str {
        match self {
            Verdict::WrongProblem => "wrong_problem",
            Verdict::NotSupported => "not_supported",
            Verdict::CheckInputs => "check_inputs",
            Verdict::Required => "required",
            Verdict::NotWorthIt => "not_worth_it",
            Verdict::AlternativeWins => "alternative_wins",
            Verdict::TossUp => "toss_up",
            Verdict::WorthItWithTradeoffs => "worth_it_with_tradeoffs",
            Verdict::WorthIt => "worth_it",
        }
    }

    /// The verdict in a few plain words.
    pub fn label(self) -> &'static str {
        match self {
            Verdict::WrongProblem => "Wrong problem",
            Verdict::NotSupported => "Not supported",
            Verdict::CheckInputs => "Check the inputs",
            Verdict::Required => "A DPU is required",
            Verdict::NotWorthIt => "Not worth it",
            Verdict::AlternativeWins => "A plan without a DPU wins",
            Verdict::TossUp => "Could go either way",
            Verdict::WorthItWithTradeoffs => "Worth it, with trade-offs",
            Verdict::WorthIt => "Worth it",
        }
    }

    /// Whether the verdict rests on the money (the chance of paying off).
    pub fn is_cost_verdict(self) -> bool {
        matches!(
            self,
            Verdict::NotWorthIt
                | Verdict::AlternativeWins
                | Verdict::TossUp
                | Verdict::WorthItWithTradeoffs
                | Verdict::WorthIt
        )
    }

    /// The findings' severity that decides this verdict, for the verdicts the rules decide
    /// (the cost verdicts come from the money, not from one finding).
    pub fn deciding_severity(self) -> Option<Severity> {
        match self {
            Verdict::WrongProblem => Some(Severity::WrongProblem),
            Verdict::NotSupported => Some(Severity::Unsupported),
            Verdict::CheckInputs => Some(Severity::CheckInputs),
            Verdict::Required => Some(Severity::Required),
            _ => None,
        }
    }
}

/// One rule that fired, explained for this scenario.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Finding {
    /// The rule's stable id.
    pub id: String,
    /// How it bears on the verdict.
    pub severity: Severity,
    /// A plain statement.
    pub title: String,
    /// What it means here, with the scenario's numbers.
    pub detail: String,
    /// What to do instead, where that exists.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub instead: Option<String>,
    /// Where it comes from: one entry per page.
    pub sources: Vec<SourceRef>,
}

/// The engine and the facts a report was computed with: a report is read months later.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Model {
    /// [`MODEL_VERSION`]
    pub version: String,
    /// [`FACTS_AS_OF`]
    pub facts_as_of: String,
}

impl Default for Model {
    fn default() -> Self {
        Model {
            version: MODEL_VERSION.to_owned(),
            facts_as_of: FACTS_AS_OF.to_owned(),
        }
    }
}

impl Model {
    /// "model 3, facts as of 2026-12-07": the line every report ends with.
    pub fn line(&self) -> String {
        format!("model {}, facts as of {}", self.version, self.facts_as_of)
    }
}

/// A resolved default the evaluation used (SPEC §3 ⇢), so a reader sees what the answer
/// rests on.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ResolvedDefault {
    /// JSON path of the field.
    pub path: String,
    /// Its label.
    pub label: String,
    /// The value in force.
    pub value: Value,
    /// Whether the user set it (else it was resolved from other fields).
    pub user_set: bool,
    /// Why that value, when it is the default.
    pub basis: String,
    /// The pages behind the basis.
    pub sources: Vec<SourceRef>,
}

/// Everything the engine says about one scenario.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    /// The engine and facts it was computed with.
    pub model: Model,
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
    /// The plans without a DPU, and the DPU, compared (model 3, SPEC §5.1).
    pub plans: Vec<crate::plans::PlanRow>,
    /// The applicable plan with the highest median NPV.
    pub best_plan: crate::plans::PlanId,
    /// The reasoning in sentences: the chain, the pitch tested, the odds, the flip point.
    pub explanation: crate::explain::Explanation,
    /// The resolved defaults in force (licence, DPU power, data path, assumption ranges).
    pub resolved: Vec<ResolvedDefault>,
    /// The formulas with the scenario's numbers.
    pub breakdown: Vec<Step>,
    /// The model over a range of traffic, for the chart.
    pub traffic_curve: Vec<CurvePoint>,
    /// The currency label of the money figures.
    pub currency: String,
    /// The years the money figures cover.
    pub lifetime_years: f64,
    /// The discount rate of the net present value.
    pub discount_rate: f64,
}

impl Report {
    /// The findings of one severity, in order.
    pub fn findings_of(&self, severity: Severity) -> impl Iterator<Item = &Finding> {
        self.findings.iter().filter(move |f| f.severity == severity)
    }

    /// The findings that decide a verdict the rules decide (all of that severity, in catalog
    /// order); none for a cost verdict.
    pub fn deciding_findings(&self) -> Vec<&Finding> {
        match self.verdict.deciding_severity() {
            Some(severity) => self.findings_of(severity).collect(),
            None => Vec::new(),
        }
    }

    /// Pretty JSON.
    pub fn to_json_pretty(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_else(|_| "{}".to_owned())
    }
}

/// One line of the formula breakdown: the formula, the user's numbers in it, the result.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Step {
    /// Symbol, e.g. `N`.
    pub symbol: String,
    /// What it is, in words.
    pub label: String,
    /// The formula in symbols.
    pub formula: String,
    /// The formula with the scenario's numbers substituted.
    pub substituted: String,
    /// The result, formatted with its unit.
    pub result: String,
}

/// How a cost figure reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FigureKind {
    /// Money in the scenario's currency.
    Money,
    /// CPU cores.
    Cores,
    /// A share of a host.
    Share,
    /// Servers (possibly fractional).
    Servers,
    /// Gb/s.
    Gbps,
    /// A break-even in Gb/s, shown to the 0.01 Gb/s it is computed to.
    Threshold,
    /// Packets per second.
    Pps,
    /// Rack units.
    RackUnits,
    /// A year of the cash flow.
    Year,
}

/// One figure of the report's `cost`: its field name, label, how it reads, how to get it,
/// and what it says when there is no value.
#[derive(Debug, Clone, Copy)]
pub struct Figure {
    /// Field name in `cost` (the page's `data-cost`).
    pub field: &'static str,
    /// Label.
    pub label: &'static str,
    /// How it reads.
    pub kind: FigureKind,
    /// Reads it from the cost figures (`None` for no value).
    pub get: fn(&Cost) -> Option<f64>,
    /// What an absent value reads as.
    pub none: &'static str,
}

/// Every cost figure of SPEC §6 and the intermediate ones, in reading order; the page, the
/// text report and the Markdown report show these labels and no others.
pub const FIGURES: &[Figure] = &[
    Figure {
        field: "networking_cores_per_host",
        label: "Host cores spent on networking",
        kind: FigureKind::Cores,
        get: |c| Some(c.networking_cores_per_host),
        none: "",
    },
    Figure {
        field: "networking_share_of_host",
        label: "Share of each host",
        kind: FigureKind::Share,
        get: |c| Some(c.networking_share_of_host),
        none: "",
    },
    Figure {
        field: "offloaded_gbps_per_host",
        label: "Traffic the DPU carries per host",
        kind: FigureKind::Gbps,
        get: |c| Some(c.offloaded_gbps_per_host),
        none: "",
    },
    Figure {
        field: "offloadable_cores_per_host",
        label: "Cores the DPU can take over",
        kind: FigureKind::Cores,
        get: |c| Some(c.offloadable_cores_per_host),
        none: "",
    },
    Figure {
        field: "cores_freed_per_host",
        label: "Cores freed per host",
        kind: FigureKind::Cores,
        get: |c| Some(c.cores_freed_per_host),
        none: "",
    },
    Figure {
        field: "servers_avoided_fractional",
        label: "Servers' worth of cores freed",
        kind: FigureKind::Servers,
        get: |c| Some(c.servers_avoided_fractional),
        none: "",
    },
    Figure {
        field: "servers_avoided",
        label: "Whole servers avoided",
        kind: FigureKind::Servers,
        get: |c| Some(c.servers_avoided as f64),
        none: "",
    },
    Figure {
        field: "dpu_hosts",
        label: "Hosts that get DPUs",
        kind: FigureKind::Servers,
        get: |c| Some(c.dpu_hosts as f64),
        none: "",
    },
    Figure {
        field: "rack_units_freed",
        label: "Rack units freed",
        kind: FigureKind::RackUnits,
        get: |c| Some(c.rack_units_freed),
        none: "",
    },
    Figure {
        field: "value_per_avoided_server",
        label: "Value of one avoided server",
        kind: FigureKind::Money,
        get: |c| Some(c.value_per_avoided_server),
        none: "",
    },
    Figure {
        field: "dpu_cost_per_host",
        label: "DPU premium per host (lifetime)",
        kind: FigureKind::Money,
        get: |c| Some(c.dpu_cost_per_host),
        none: "",
    },
    Figure {
        field: "value_of_avoided_servers",
        label: "Value of avoided servers",
        kind: FigureKind::Money,
        get: |c| Some(c.value_of_avoided_servers),
        none: "",
    },
    Figure {
        field: "dpu_incremental_cost",
        label: "Extra cost of the DPUs",
        kind: FigureKind::Money,
        get: |c| Some(c.dpu_incremental_cost),
        none: "",
    },
    Figure {
        field: "net_saving",
        label: "Net saving",
        kind: FigureKind::Money,
        get: |c| Some(c.net_saving),
        none: "",
    },
    Figure {
        field: "npv",
        label: "Net present value",
        kind: FigureKind::Money,
        get: |c| Some(c.npv),
        none: "",
    },
    Figure {
        field: "payback_year",
        label: "Pays back in year",
        kind: FigureKind::Year,
        get: |c| c.payback_year.map(f64::from),
        none: "never within the lifetime",
    },
    Figure {
        field: "break_even_gbps_per_host",
        label: "Pays from (traffic per host)",
        kind: FigureKind::Threshold,
        get: |c| c.break_even_gbps_per_host,
        none: "never, at any traffic",
    },
    Figure {
        field: "packets_per_second",
        label: "Packets per second per host",
        kind: FigureKind::Pps,
        get: |c| Some(c.packets_per_second),
        none: "",
    },
    Figure {
        field: "server_yearly_cost",
        label: "Yearly running cost of one server",
        kind: FigureKind::Money,
        get: |c| Some(c.server_yearly_cost),
        none: "",
    },
    Figure {
        field: "dpu_line_rate_gbps",
        label: "Usable DPU line rate",
        kind: FigureKind::Gbps,
        get: |c| Some(c.dpu_line_rate_gbps),
        none: "",
    },
];

impl Figure {
    /// The figure as it reads, e.g. `USD 81,357`, `1.56 cores`, `32 Gb/s`.
    pub fn show(&self, cost: &Cost, currency: &str) -> String {
        let Some(x) = (self.get)(cost) else {
            return self.none.to_owned();
        };
        match self.kind {
            FigureKind::Money => money(x, currency),
            FigureKind::Cores => crate::format::count(x, "core", "cores"),
            FigureKind::Share => percent(x),
            FigureKind::Servers => auto(x),
            FigureKind::Gbps => format!("{} Gb/s", auto(x)),
            FigureKind::Threshold => crate::format::threshold(x),
            FigureKind::Pps => num(x, 0),
            FigureKind::RackUnits => format!("{} U", auto(x)),
            FigureKind::Year => num(x, 0),
        }
    }
}

/// The figure of a `cost` field.
pub fn figure(field: &str) -> Option<&'static Figure> {
    FIGURES.iter().find(|f| f.field == field)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_deciding_findings_are_those_of_the_verdicts_severity() {
        let hype = crate::presets::preset("hype-case")
            .and_then(|p| p.scenario().ok())
            .expect("preset");
        let r = crate::evaluate(&hype);
        assert_eq!(r.verdict, Verdict::WrongProblem);
        let ids: Vec<&str> = r
            .deciding_findings()
            .iter()
            .map(|f| f.id.as_str())
            .collect();
        assert!(ids.contains(&"hypervisor-stays-on-host"), "{ids:?}");
        assert!(
            r.deciding_findings()
                .iter()
                .all(|f| f.severity == Severity::WrongProblem)
        );
        assert!(
            r.findings
                .iter()
                .any(|f| f.severity != Severity::WrongProblem),
            "others exist"
        );
        // A cost verdict is decided by the money, not by a finding.
        let r = crate::evaluate(&crate::Scenario::default());
        assert!(r.verdict.is_cost_verdict());
        assert!(r.deciding_findings().is_empty());
        assert_eq!(
            Verdict::NotSupported.deciding_severity(),
            Some(Severity::Unsupported)
        );
        assert_eq!(
            Verdict::Required.deciding_severity(),
            Some(Severity::Required)
        );
        assert_eq!(
            Verdict::CheckInputs.deciding_severity(),
            Some(Severity::CheckInputs)
        );
    }

    #[test]
    fn figures_name_real_cost_fields_once() {
        let cost = crate::evaluate(&crate::Scenario::default()).cost;
        let json = serde_json::to_value(&cost).expect("serialises");
        for (i, f) in FIGURES.iter().enumerate() {
            assert!(
                FIGURES[..i].iter().all(|g| g.field != f.field),
                "{} twice",
                f.field
            );
            assert!(json.get(f.field).is_some(), "cost has no {}", f.field);
            match (f.get)(&cost) {
                Some(x) => assert_eq!(json[f.field].as_f64(), Some(x), "{}", f.field),
                None => assert!(json[f.field].is_null() && !f.none.is_empty(), "{}", f.field),
            }
        }
        for field in [
            "networking_cores_per_host",
            "networking_share_of_host",
            "offloaded_gbps_per_host",
            "offloadable_cores_per_host",
            "cores_freed_per_host",
            "servers_avoided",
            "servers_avoided_fractional",
            "dpu_hosts",
            "rack_units_freed",
            "value_per_avoided_server",
            "dpu_cost_per_host",
            "value_of_avoided_servers",
            "dpu_incremental_cost",
            "net_saving",
            "break_even_gbps_per_host",
            "payback_year",
            "npv",
        ] {
            assert!(
                figure(field).is_some(),
                "SPEC §6 figure {field} has no label"
            );
        }
    }

    #[test]
    fn figures_read_with_their_units() {
        let cost = crate::evaluate(&crate::Scenario::default()).cost;
        let show = |field| figure(field).expect("figure").show(&cost, "EUR");
        assert_eq!(show("networking_cores_per_host"), "1.56 cores");
        assert_eq!(show("break_even_gbps_per_host"), "32 Gb/s");
        assert_eq!(show("payback_year"), "never within the lifetime");
        assert_eq!(show("networking_share_of_host"), "2.4 %");
        assert!(show("net_saving").starts_with("EUR\u{a0}-"));
    }

    #[test]
    fn a_break_even_never_reads_below_itself() {
        // vcf9-measured: 4 measured cores at 25 Gb/s scale to E = 0.16·G, so Z = 0.8·E =
        // 0.128·G; a cluster of 16 hosts of 64 cores gives up its first server at Z = 4,
        // G = 31.25 Gb/s, and its three clusters then avoid 3 ≥ A* = 2 servers. Rounded
        // like other figures it would read 31.2 Gb/s, where nothing pays yet.
        let s = crate::presets::preset("vcf9-measured")
            .expect("preset")
            .scenario()
            .expect("valid");
        let cost = crate::evaluate(&s).cost;
        let show = |field| figure(field).expect("figure").show(&cost, "USD");
        assert_eq!(show("break_even_gbps_per_host"), "31.25 Gb/s");
        assert_eq!(show("offloaded_gbps_per_host"), "25 Gb/s");
    }

    #[test]
    fn cost_verdicts_are_the_four_that_rest_on_money() {
        let cost: Vec<&str> = [
            Verdict::WrongProblem,
            Verdict::NotSupported,
            Verdict::CheckInputs,
            Verdict::Required,
            Verdict::NotWorthIt,
            Verdict::TossUp,
            Verdict::WorthItWithTradeoffs,
            Verdict::WorthIt,
        ]
        .into_iter()
        .filter(|v| v.is_cost_verdict())
        .map(Verdict::wire)
        .collect();
        assert_eq!(
            cost,
            [
                "not_worth_it",
                "toss_up",
                "worth_it_with_tradeoffs",
                "worth_it"
            ]
        );
        assert_eq!(Model::default().line(), "model 3, facts as of 2026-12-07");
    }
}
