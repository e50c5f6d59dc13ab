//! From a valid scenario to a report: cost model, uncertainty, rules, verdict, headline.

use crate::cost::{self, Plan};
use crate::fields::{Default as FieldDefault, FIELDS, Resolution};
use crate::format::{count, in_sentence, money, num, percent};
use crate::json::Value;
use crate::plans::PlanRow;
use crate::report::{Finding, Model, Report, ResolvedDefault, Verdict};
use crate::rules::{Ctx, RULES, Severity};
use crate::scenario::Scenario;
use crate::sources::refs;
use crate::uncertainty::{self, DEFAULT_SAMPLES, DEFAULT_SEED, Uncertainty};

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
    let plan = Plan::new(s);
    let v = plan.r.ranges.likely();
    let cost = cost::point(&plan, &v);
    let analysis = uncertainty::analyse_plans(&plan, options.samples, options.seed);
    let uncertainty = analysis.uncertainty;
    let plans = crate::plans::rows(
        &plan,
        &cost,
        &uncertainty,
        analysis.dpu_servers_p50,
        analysis.fast_path,
        analysis.smartnic,
    );
    let mut ctx = Ctx {
        s,
        p: &plan,
        cost: &cost,
        u: &uncertainty,
        plans: &plans,
        required: false,
    };
    let mut found = findings(&ctx);
    let verdict = verdict(&found, uncertainty.p_worth_it, uncertainty.p_best);
    if verdict == Verdict::Required {
        // The plans are compared knowing that only the DPU meets the requirement.
        ctx.required = true;
        found = findings(&ctx);
    }
    let mut report = Report {
        model: Model::default(),
        verdict,
        headline: headline(s, verdict, &found, &cost, &uncertainty, &plans),
        best_plan: crate::plans::best_plan_given(verdict == Verdict::Required, &plans),
        plans,
        breakdown: crate::breakdown::breakdown(&plan, &v, &cost),
        traffic_curve: cost::traffic_curve(&plan, &v, cost.break_even_gbps_per_host),
        resolved: resolved_defaults(s),
        findings: found,
        cost,
        uncertainty,
        currency: s.costs.currency.clone(),
        lifetime_years: s.fleet.lifetime_years,
        discount_rate: s.costs.discount_rate,
        explanation: crate::explain::Explanation::default(),
    };
    report.explanation = crate::explain::explain(s, &report);
    report
}

/// Every rule that fires, most serious first, catalog order within a severity.
pub fn findings(ctx: &Ctx) -> Vec<Finding> {
    let mut out: Vec<Finding> = RULES
        .iter()
        .filter_map(|rule| {
            let fired = (rule.check)(ctx)?;
            Some(Finding {
                id: rule.id.to_owned(),
                severity: fired.severity.unwrap_or(rule.severity),
                title: fired.title.unwrap_or_else(|| rule.title.to_owned()),
                detail: fired.detail,
                instead: fired.instead,
                sources: refs(rule.sources),
            })
        })
        .collect();
    crate::sort::stable_by(&mut out, |a, b| a.severity < b.severity);
    out
}

/// The chance below which the DPUs are not worth it, and above which they are (SPEC §4).
pub const NOT_WORTH_IT_BELOW: f64 = 0.3;
/// The chance from which the DPUs are worth it.
pub const WORTH_IT_FROM: f64 = 0.7;

/// First match wins (SPEC §4): wrong problem, not supported, check the inputs, required,
/// then the chance of paying off over the whole uncertainty range: below 30 % not worth it;
/// then the chance of being the best plan (p_best ≤ p_worth_it): below 30 % another plan
/// wins, below 70 % a toss-up, else worth it (with trade-offs when there are any). With no
/// rival plan p_best = p_worth_it, and the steps reduce to model 2's thresholds.
pub fn verdict(findings: &[Finding], p_worth_it: f64, p_best: f64) -> Verdict {
    let any = |sev: Severity| findings.iter().any(|f| f.severity == sev);
    if any(Severity::WrongProblem) {
        Verdict::WrongProblem
    } else if any(Severity::Unsupported) {
        Verdict::NotSupported
    } else if any(Severity::CheckInputs) {
        Verdict::CheckInputs
    } else if any(Severity::Required) {
        Verdict::Required
    } else if p_worth_it < NOT_WORTH_IT_BELOW {
        Verdict::NotWorthIt
    } else if p_best < NOT_WORTH_IT_BELOW {
        Verdict::AlternativeWins
    } else if p_best < WORTH_IT_FROM {
        Verdict::TossUp
    } else if any(Severity::Tradeoff) {
        Verdict::WorthItWithTradeoffs
    } else {
        Verdict::WorthIt
    }
}

fn and_more(n: usize) -> String {
    match n {
        0 => String::new(),
        1 => " (and 1 more reason below)".to_owned(),
        n => format!(" (and {n} more reasons below)"),
    }
}

/// "a 12 % chance", "an 83 % chance", "an 8 % chance".
fn chance(p: f64) -> String {
    let text = crate::format::share_of_futures(p);
    match text.as_str() {
        "none" => return "no chance".to_owned(),
        "all" => return "a 100 % chance".to_owned(),
        t if t.starts_with("under") || t.starts_with("over") => return format!("a chance {t}"),
        _ => {}
    }
    let lead: String = text.chars().take_while(char::is_ascii_digit).collect();
    let article = if lead.starts_with('8') || lead == "11" || lead == "18" {
        "an"
    } else {
        "a"
    };
    format!("{article} {text} chance")
}

/// The median as words: "a median net saving of USD 12,000" / "a median net loss of …".
fn median(s: &Scenario, u: &Uncertainty) -> String {
    let what = if s.costs.discount_rate > 0.0 {
        format!("net present value at {}", percent(s.costs.discount_rate))
    } else {
        "net".to_owned()
    };
    let p50 = u.net_saving_p50;
    let (word, amount) = if s.costs.discount_rate > 0.0 {
        ("", p50)
    } else if p50 >= 0.0 {
        (" saving", p50)
    } else {
        (" loss", -p50)
    };
    format!(
        "a median {what}{word} of {} over {}",
        money(amount, &s.costs.currency),
        count(s.fleet.lifetime_years, "year", "years")
    )
}

/// "net a median USD 810,000" / "lose a median USD 20,000": the DPUs' median NPV.
fn dpu_median(s: &Scenario, u: &Uncertainty) -> String {
    let p50 = u.net_saving_p50;
    let verb = if p50 >= 0.0 { "net" } else { "lose" };
    format!("{verb} a median {}", money(p50.abs(), &s.costs.currency))
}

/// One sentence in plain words, with the scenario's numbers.
pub fn headline(
    s: &Scenario,
    verdict: Verdict,
    findings: &[Finding],
    c: &cost::Cost,
    u: &Uncertainty,
    plans: &[PlanRow],
) -> String {
    let first = |sev: Severity| {
        let mut of = findings.iter().filter(|f| f.severity == sev);
        let title = of.next().map(|f| in_sentence(&f.title)).unwrap_or_default();
        (title, of.count())
    };
    let freed = format!(
        "The DPUs free about {} per host and remove {} of {}",
        count(c.cores_freed_per_host, "core", "cores"),
        num(c.servers_avoided as f64, 0),
        count(f64::from(s.fleet.hosts), "server", "servers")
    );
    let odds = format!(
        "{freed}: {} that they pay off, and {}",
        chance(u.p_worth_it),
        median(s, u)
    );
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
        Verdict::CheckInputs => {
            let (title, more) = first(Severity::CheckInputs);
            format!(
                "Check the inputs before trusting any number: {title}{}.",
                and_more(more)
            )
        }
        Verdict::Required => {
            let (title, _) = first(Severity::Required);
            let month = c.dpu_cost_per_host / (12.0 * s.fleet.lifetime_years);
            format!(
                "A DPU is required here: {title}. It costs about {} per server per month ({} per \
                 server over {}).",
                money(month, &s.costs.currency),
                money(c.dpu_cost_per_host, &s.costs.currency),
                count(s.fleet.lifetime_years, "year", "years")
            )
        }
        Verdict::NotWorthIt => match crate::plans::richest_rival(plans) {
            Some(r) => format!(
                "{odds}. Instead, {} {}.",
                r.id.subject(s, false),
                crate::plans::result_words(s, r)
            ),
            None => format!("{odds}."),
        },
        Verdict::AlternativeWins => match crate::plans::closest_rival(plans) {
            Some(r) => format!(
                "{} {}; the DPUs would {} and beat it in {} of futures.",
                r.id.subject(s, true),
                crate::plans::result_words(s, r),
                dpu_median(s, u),
                percent(r.p_dpu_beats.unwrap_or(0.0))
            ),
            // p_best < p_worth_it needs a rival; kept for a hand-made verdict.
            None => format!("{odds}."),
        },
        Verdict::WorthIt => format!("{odds}."),
        Verdict::TossUp => {
            // A plan close to the DPUs: name it, say how often it does better, and what to
            // measure before trying it on one host (its figures are in the plans compared).
            match crate::plans::closest_rival(plans).filter(|_| u.p_best < u.p_worth_it) {
                // Shorter than the other cost headlines (it fits the embed's card): the
                // cores and servers are in the reasoning right below it.
                Some(r) => format!(
                    "{} that the DPUs pay off, and {}; but {} does as well or better in {} of \
                     futures{}: try it on one host and measure before buying.",
                    crate::format::capitalized(&chance(u.p_worth_it)),
                    median(s, u),
                    r.id.subject(s, false),
                    percent(1.0 - r.p_dpu_beats.unwrap_or(0.0)),
                    match r.id {
                        crate::plans::PlanId::FastPath => " at no hardware cost",
                        _ => "",
                    }
                ),
                None => format!("{odds}. Measure {} first.", settle_with(s, u)),
            }
        }
        Verdict::WorthItWithTradeoffs => {
            let (title, more) = first(Severity::Tradeoff);
            format!("{odds}, but {title}{}.", and_more(more))
        }
    }
}

/// What would settle a toss-up: the host cores the data path uses today, unless they are
/// measured already; then the assumption that moves the answer most.
fn settle_with(s: &Scenario, u: &Uncertainty) -> String {
    if s.traffic.measured_networking_cores.is_none() {
        return format!(
            "the host cores your data path uses today ({})",
            s.core_meter()
        );
    }
    // (With measured cores only the offloaded share is sampled; a toss-up means it moves
    // the money, so it leads the tornado.)
    match u.tornado.first() {
        Some(bar) => format!("the {} on one host", in_sentence(&bar.label)),
        None => "the offloaded share on one host".to_owned(),
    }
}

/// The resolved defaults in force (SPEC §6), with their basis when they are the default.
pub fn resolved_defaults(s: &Scenario) -> Vec<ResolvedDefault> {
    FIELDS
        .iter()
        .filter_map(|f| {
            let FieldDefault::Resolved(resolve) = f.default else {
                return None;
            };
            let Resolution { value, basis } = resolve(s);
            let user = user_value(s, f);
            Some(ResolvedDefault {
                path: f.path.to_owned(),
                label: f.label.to_owned(),
                user_set: user.is_some(),
                value: user.unwrap_or(value),
                basis: basis.text.to_owned(),
                sources: refs(basis.sources),
            })
        })
        .collect()
}

fn user_value(s: &Scenario, f: &crate::fields::Field) -> Option<Value> {
    use crate::fields::Val;
    match (f.get)(s) {
        Val::OptionalNumber(Some(x)) => Some(Value::from(x)),
        Val::OptionalBool(Some(b)) => Some(Value::from(b)),
        Val::OptionalChoice(Some(w)) => Some(Value::from(w)),
        Val::Range(Some(r)) => Some(r.to_json()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plans::PlanId;

    /// A bare-metal cloud whose tenants join the overlay needs the DPU whatever it costs:
    /// the best plan is the DPU, not the cheaper "do nothing" that does not isolate anyone.
    /// Without the overlay the same fleet's DPU is a choice the money decides.
    #[test]
    fn a_required_dpu_is_the_best_plan_whatever_its_money() {
        let json = |overlay: bool| {
            format!(
                r#"{{"goals": ["isolate_bare_metal_tenants"], "platform": {{"kind": "bare_metal"}},
                    "workload": {{"kind": "bare_metal_apps"}}, "fleet": {{"bound_by": "tenants"}},
                    "traffic": {{"overlay": {overlay}}}}}"#
            )
        };
        let plans_line = |r: &Report| {
            r.findings
                .iter()
                .find(|f| f.id == "plans-compared")
                .expect("plans-compared fires")
                .detail
                .clone()
        };
        let required = evaluate(&Scenario::from_json(&json(true)).expect("valid"));
        assert_eq!(required.verdict, Verdict::Required);
        assert!(required.plans[3].npv_p50 < required.plans[0].npv_p50);
        assert_eq!(required.best_plan, PlanId::Dpu);
        let detail = plans_line(&required);
        assert!(
            detail.contains("Only the DPUs do what is required"),
            "{detail}"
        );
        assert!(
            detail.contains(
                "a median loss of USD\u{a0}105,025; pays in 0 % of futures (the best plan)."
            ),
            "{detail}"
        );
        assert_eq!(detail.matches("(the best plan)").count(), 1, "{detail}");

        let chosen = evaluate(&Scenario::from_json(&json(false)).expect("valid"));
        assert_eq!(chosen.verdict, Verdict::NotWorthIt);
        assert_eq!(chosen.best_plan, PlanId::DoNothing);
        let detail = plans_line(&chosen);
        assert!(detail.contains("No plan beats doing nothing"), "{detail}");
        assert!(!detail.contains("Only the DPUs"), "{detail}");
        assert!(detail.contains("of futures (the best plan)."), "{detail}");
    }

    /// One declaration per default: the value the report and the page state for every
    /// resolved default is the one the numbers are computed with ([`Scenario::resolve`]),
    /// on every platform, vSphere release and DPU model, set by the user or not.
    #[test]
    fn the_defaults_shown_are_the_ones_computed_with() {
        use crate::choice::{Choice, DpuModel, PlatformKind, VsphereVersion};
        let mut checked = 0;
        for kind in PlatformKind::ALL {
            for version in VsphereVersion::ALL {
                for model in DpuModel::ALL {
                    for set in [false, true] {
                        let mut s = Scenario::default();
                        s.platform.kind = *kind;
                        s.platform.vsphere = *version;
                        s.dpu.model = *model;
                        if set {
                            s.costs.license_per_core_year = Some(123.0);
                            s.costs.licenses_follow_cores = Some(!s.is_vsphere());
                            s.costs.dpu_watts = Some(61.0);
                            s.costs.smartnic_price = Some(777.0);
                        }
                        let r = s.resolve();
                        for d in resolved_defaults(&s) {
                            let computed = match d.path.as_str() {
                                "platform.datapath" => Value::from(r.datapath.wire()),
                                "costs.license_per_core_year" => {
                                    Value::from(r.license_per_core_year)
                                }
                                "costs.licenses_follow_cores" => {
                                    Value::from(r.licenses_follow_cores)
                                }
                                "costs.dpu_watts" => Value::from(r.dpu_watts),
                                "costs.smartnic_price" => Value::from(r.smartnic_price),
                                path => {
                                    let spec = crate::assumptions::assumption_at(path)
                                        .unwrap_or_else(|| panic!("{path}: a resolved default"));
                                    r.ranges.get(spec.id).to_json()
                                }
                            };
                            assert_eq!(
                                d.value,
                                computed,
                                "{} on {:?}",
                                d.path,
                                (kind, version, model, set)
                            );
                            checked += 1;
                        }
                    }
                }
            }
        }
        assert!(checked > 100, "{checked}");
    }

    #[test]
    fn resolved_defaults_say_which_ones_you_set() {
        let s = Scenario::from_json(
            r#"{"platform": {"datapath": "enhanced"},
                "costs": {"license_per_core_year": 40, "licenses_follow_cores": false, "dpu_watts": 90},
                "assumptions": {"offload_fraction": {"low": 0.5, "likely": 0.6, "high": 0.7}}}"#,
        )
        .expect("valid");
        let all = resolved_defaults(&s);
        let get = |path: &str| {
            all.iter()
                .find(|d| d.path == path)
                .unwrap_or_else(|| panic!("{path} is listed"))
        };
        for (path, value) in [
            ("platform.datapath", serde_json::json!("enhanced")),
            ("costs.license_per_core_year", serde_json::json!(40.0)),
            ("costs.licenses_follow_cores", serde_json::json!(false)),
            ("costs.dpu_watts", serde_json::json!(90.0)),
            (
                "assumptions.offload_fraction",
                serde_json::json!({"low": 0.5, "likely": 0.6, "high": 0.7}),
            ),
        ] {
            let d = get(path);
            assert!(d.user_set, "{path}");
            assert_eq!(d.value, value.into(), "{path}");
        }
        // The defaults themselves: not set by the user, with the value in force.
        let d = resolved_defaults(&Scenario::default());
        let watts = d
            .iter()
            .find(|d| d.path == "costs.dpu_watts")
            .expect("listed");
        assert!(!watts.user_set);
        assert_eq!(watts.value, serde_json::json!(150.0).into());
    }

    fn finding(severity: Severity) -> Finding {
        Finding {
            id: "x".into(),
            severity,
            title: "X".into(),
            detail: String::new(),
            instead: None,
            sources: vec![],
        }
    }

    #[track_caller]
    fn check(severities: &[Severity], p: f64, want: Verdict) {
        let findings: Vec<Finding> = severities.iter().map(|s| finding(*s)).collect();
        // With no rival plan p_best = p_worth_it: model 2's thresholds.
        assert_eq!(verdict(&findings, p, p), want, "{severities:?} at {p}");
    }

    #[track_caller]
    fn check_best(p_worth_it: f64, p_best: f64, tradeoff: bool, want: Verdict) {
        let findings = if tradeoff {
            vec![finding(Severity::Tradeoff)]
        } else {
            vec![finding(Severity::Info)]
        };
        assert_eq!(
            verdict(&findings, p_worth_it, p_best),
            want,
            "{p_worth_it} / {p_best}"
        );
    }

    #[test]
    fn a_plan_without_a_dpu_decides_after_the_money() {
        use Verdict::*;
        // Step 5 first: a DPU that rarely pays is not worth it, whatever the plans.
        check_best(0.299, 0.1, false, NotWorthIt);
        // Step 6: it pays, but another plan beats it in most futures.
        check_best(0.9, 0.299_999, false, AlternativeWins);
        check_best(0.3, 0.0, true, AlternativeWins);
        // Step 7: close to a plan.
        check_best(0.9, 0.3, false, TossUp);
        check_best(0.95, 0.699_999, true, TossUp);
        // Steps 8 and 9.
        check_best(0.95, 0.7, false, WorthIt);
        check_best(0.95, 0.7, true, WorthItWithTradeoffs);
        // The rules still come first.
        let f = [finding(Severity::Required)];
        assert_eq!(verdict(&f, 0.9, 0.1), Required);
    }

    #[test]
    fn verdict_order_and_boundaries() {
        use Severity::*;
        check(
            &[Good, Required, CheckInputs, Unsupported, WrongProblem],
            1.0,
            Verdict::WrongProblem,
        );
        check(
            &[Tradeoff, Required, CheckInputs, Unsupported],
            1.0,
            Verdict::NotSupported,
        );
        check(
            &[Tradeoff, Required, CheckInputs],
            1.0,
            Verdict::CheckInputs,
        );
        check(&[Tradeoff, Required], 0.0, Verdict::Required);
        check(&[Info], 0.0, Verdict::NotWorthIt);
        check(&[Info], 0.299_999, Verdict::NotWorthIt);
        check(&[Info], 0.3, Verdict::TossUp);
        check(&[Tradeoff], 0.3, Verdict::TossUp);
        check(&[Info], 0.699_999, Verdict::TossUp);
        check(&[Info], 0.7, Verdict::WorthIt);
        check(&[Tradeoff, Info], 0.7, Verdict::WorthItWithTradeoffs);
        check(&[Good], 1.0, Verdict::WorthIt);
        check(&[], 0.5, Verdict::TossUp);
    }

    #[test]
    fn chances_read_with_their_article() {
        assert_eq!(chance(0.12), "a 12 % chance");
        assert_eq!(chance(0.83), "an 83 % chance");
        assert_eq!(chance(0.08), "an 8 % chance");
        assert_eq!(chance(0.11), "an 11 % chance");
        assert_eq!(chance(0.18), "an 18 % chance");
        assert_eq!(chance(0.115), "an 11.5 % chance");
        assert_eq!(chance(0.111), "an 11.1 % chance");
        assert_eq!(chance(0.19), "a 19 % chance");
        assert_eq!(chance(1.0), "a 100 % chance");
        assert_eq!(chance(0.0), "no chance");
        // Never rounded to a certainty it is not (issue 17): 4 in 10,000 is not none.
        assert_eq!(chance(0.0004), "a chance under 0.1 %");
        assert_eq!(chance(0.0005), "a 0.1 % chance");
        assert_eq!(chance(0.039), "a 3.9 % chance");
        assert_eq!(chance(0.9996), "a chance over 99.9 %");
    }
}
