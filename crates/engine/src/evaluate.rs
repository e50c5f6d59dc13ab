//! From a valid scenario to a report: cost model, rules, verdict, headline, uncertainty.

use crate::assumptions::Values;
use crate::cost::{self, Cost};
use crate::format::{auto, money};
use crate::report::{Finding, Report, SourceRef, Verdict};
use crate::rules::{Ctx, RULES, Severity};
use crate::scenario::Scenario;
use crate::sources::source;
use crate::uncertainty::{self, DEFAULT_SAMPLES, DEFAULT_SEED};

/// How to run an evaluation. The seed comes in here: the engine has no global randomness.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    /// Uncertainty samples (0 is treated as 1).
    pub samples: u32,
    /// Seed of the sampling generator.
    pub seed: u64,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            samples: DEFAULT_SAMPLES,
            seed: DEFAULT_SEED,
        }
    }
}

/// Evaluates a scenario with the default options (10 000 samples, fixed seed).
///
/// The scenario is assumed valid (it came from [`Scenario::from_json`] or passed
/// [`Scenario::validate`]); on any scenario the evaluation returns a report and never panics.
pub fn evaluate(s: &Scenario) -> Report {
    evaluate_with(s, Options::default())
}

/// Evaluates a scenario with explicit options.
pub fn evaluate_with(s: &Scenario, options: Options) -> Report {
    let v = Values::likely(&s.assumptions);
    let cost = cost::point(s, &v);
    let findings = findings(s, &cost);
    let verdict = verdict(&findings, &cost);
    Report {
        verdict,
        headline: headline(s, verdict, &findings, &cost),
        uncertainty: uncertainty::analyse(s, options.samples, options.seed),
        breakdown: cost::breakdown(s, &v, &cost),
        traffic_curve: cost::traffic_curve(s, &v),
        findings,
        cost,
        currency: s.costs.currency.clone(),
        lifetime_years: s.fleet.lifetime_years,
    }
}

/// Every rule that fires, most serious first, catalog order within a severity.
pub fn findings(s: &Scenario, cost: &Cost) -> Vec<Finding> {
    let ctx = Ctx { s, cost };
    let mut out: Vec<Finding> = RULES
        .iter()
        .filter_map(|rule| {
            let fired = (rule.check)(&ctx)?;
            Some(Finding {
                id: rule.id.to_owned(),
                severity: fired.severity.unwrap_or(rule.severity),
                title: rule.title.to_owned(),
                detail: fired.detail,
                instead: fired.instead,
                sources: rule
                    .sources
                    .iter()
                    .filter_map(|f| source(f))
                    .map(|src| SourceRef {
                        fact: src.fact.to_owned(),
                        title: src.title.to_owned(),
                        url: src.url.to_owned(),
                    })
                    .collect(),
            })
        })
        .collect();
    out.sort_by_key(|f| f.severity);
    out
}

/// First match wins: wrong problem, not supported, not worth it, trade-offs, worth it.
pub fn verdict(findings: &[Finding], cost: &Cost) -> Verdict {
    let any = |sev: Severity| findings.iter().any(|f| f.severity == sev);
    if any(Severity::WrongProblem) {
        Verdict::WrongProblem
    } else if any(Severity::Unsupported) {
        Verdict::NotSupported
    } else if cost.net_saving <= 0.0 {
        Verdict::NotWorthIt
    } else if any(Severity::Tradeoff) {
        Verdict::WorthItWithTradeoffs
    } else {
        Verdict::WorthIt
    }
}

/// Titles that begin with a name keep their capital inside a sentence.
const PROPER_STARTS: &[&str] = &["Kubernetes", "Network I/O Control", "BlueField", "VMs"];

fn lower_first(title: &str) -> String {
    let mut chars = title.chars();
    match chars.next() {
        // Keep product names and acronyms ("ESXi", "DV filter", "vSphere") as written.
        Some(c)
            if chars.clone().next().is_some_and(|n| n.is_ascii_lowercase())
                && !PROPER_STARTS.iter().any(|p| title.starts_with(p)) =>
        {
            // ASCII only: titles are English, and Unicode case tables cost ~9 KB of wasm.
            std::iter::once(c.to_ascii_lowercase())
                .chain(chars)
                .collect()
        }
        _ => title.to_owned(),
    }
}

fn and_more(n: usize) -> String {
    match n {
        0 => String::new(),
        1 => " (and 1 more reason below)".to_owned(),
        n => format!(" (and {n} more reasons below)"),
    }
}

/// One sentence in plain words, with the scenario's numbers.
pub fn headline(s: &Scenario, verdict: Verdict, findings: &[Finding], c: &Cost) -> String {
    let cur = s.costs.currency.as_str();
    let years = auto(s.fleet.lifetime_years);
    let first = |sev: Severity| {
        let mut of = findings.iter().filter(|f| f.severity == sev);
        let title = of.next().map(|f| lower_first(&f.title)).unwrap_or_default();
        (title, of.count())
    };
    match verdict {
        Verdict::WrongProblem => {
            let (title, more) = first(Severity::WrongProblem);
            format!("A DPU will not solve this: {title}{}.", and_more(more))
        }
        Verdict::NotSupported => {
            let (title, more) = first(Severity::Unsupported);
            format!(
                "The platform does not support this plan: {title}{}.",
                and_more(more)
            )
        }
        Verdict::NotWorthIt => format!(
            "The DPUs would cost {} more over {years} years but free only {} cores per host, \
             which removes {} of {} servers{}.",
            money(c.dpu_incremental_cost, cur),
            auto(c.cores_freed_per_host),
            c.servers_avoided,
            s.fleet.hosts,
            match c.break_even_gbps_per_host {
                Some(b) if b > s.traffic.gbps_per_host => {
                    format!("; it would pay from about {} Gb/s per host", auto(b))
                }
                _ => String::new(),
            }
        ),
        Verdict::WorthItWithTradeoffs => {
            let (title, more) = first(Severity::Tradeoff);
            format!(
                "It pays: {} saved over {years} years by removing {} of {} servers, but {title}{}.",
                money(c.net_saving, cur),
                c.servers_avoided,
                s.fleet.hosts,
                and_more(more)
            )
        }
        Verdict::WorthIt => format!(
            "It pays: {} saved over {years} years by removing {} of {} servers.",
            money(c.net_saving, cur),
            c.servers_avoided,
            s.fleet.hosts
        ),
    }
}
