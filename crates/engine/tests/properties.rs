//! Properties over generated scenarios and arbitrary JSON: the invariants of SPEC §9, no
//! panic, no NaN or infinity, lossless round trips. Scenarios are generated from the
//! engine's own field table, so a new field is generated the day it is declared.

use dpu_engine::assumptions::{AssumptionId, Values};
use dpu_engine::cost::{Plan, break_even, cash_flow, outcome, servers_avoided};
use dpu_engine::fields::{FIELDS, Field, Kind};
use dpu_engine::{Options, Report, Scenario, Verdict, evaluate_with};
use proptest::prelude::*;
use serde_json::{Map, Value};

const FAST: Options = Options {
    samples: 50,
    seed: 5,
};

/// A number in [lo, hi] (above lo when exclusive), with the ends themselves drawn often.
fn number(lo: f64, hi: f64, exclusive: bool, integer: bool) -> BoxedStrategy<f64> {
    let lo = if exclusive { lo + (hi - lo) * 1e-6 } else { lo };
    let s = prop_oneof![1 => Just(lo), 1 => Just(hi), 6 => lo..=hi];
    if integer {
        s.prop_map(f64::round).boxed()
    } else {
        s.boxed()
    }
}

fn options(list: &[(&'static str, &'static str)]) -> Vec<Value> {
    list.iter().map(|(w, _)| Value::from(*w)).collect()
}

/// A valid JSON value for one field, from its kind and range.
fn value_for(f: &'static Field) -> BoxedStrategy<Value> {
    match f.kind {
        Kind::Text { max_chars } => {
            proptest::string::string_regex(&format!("[a-zA-Z0-9é€-]{{0,{}}}", max_chars.min(20)))
                .expect("a valid pattern")
                .prop_map(Value::String)
                .boxed()
        }
        Kind::Number(n) => number(n.min, n.max, n.min_exclusive, n.integer)
            .prop_map(Value::from)
            .boxed(),
        Kind::OptionalNumber(n) => prop_oneof![
            Just(Value::Null),
            number(n.min, n.max, n.min_exclusive, n.integer).prop_map(Value::from)
        ]
        .boxed(),
        Kind::Bool => any::<bool>().prop_map(Value::from).boxed(),
        Kind::OptionalBool => {
            prop_oneof![Just(Value::Null), any::<bool>().prop_map(Value::from)].boxed()
        }
        Kind::Choice(list) => proptest::sample::select(options(list)).boxed(),
        Kind::OptionalChoice(list) => {
            prop_oneof![Just(Value::Null), proptest::sample::select(options(list))].boxed()
        }
        Kind::List(list) => {
            let all = options(list);
            let n = all.len();
            proptest::sample::subsequence(all, 0..=n)
                .prop_map(Value::Array)
                .boxed()
        }
        Kind::Range(id) => {
            let spec = dpu_engine::assumptions::spec(id);
            let p = || number(spec.min, spec.max, false, false);
            prop_oneof![
                1 => Just(Value::Null),
                3 => (p(), p(), p()).prop_map(|(a, b, c)| {
                    let mut v = [a, b, c];
                    v.sort_by(f64::total_cmp);
                    serde_json::json!({"low": v[0], "likely": v[1], "high": v[2]})
                })
            ]
            .boxed()
        }
    }
}

/// A valid scenario: every field of the table drawn from its own range.
fn scenario() -> impl Strategy<Value = Scenario> {
    let fields: Vec<BoxedStrategy<(&'static str, Value)>> = FIELDS
        .iter()
        .map(|f| value_for(f).prop_map(move |v| (f.path, v)).boxed())
        .collect();
    fields.prop_map(|pairs| {
        let mut top = Map::new();
        for (path, v) in pairs {
            match path.split_once('.') {
                Some((section, key)) => {
                    let entry = top
                        .entry(section)
                        .or_insert_with(|| Value::Object(Map::new()));
                    if let Value::Object(m) = entry {
                        m.insert(key.to_owned(), v);
                    }
                }
                None => {
                    top.insert(path.to_owned(), v);
                }
            }
        }
        Scenario::from_value(Value::Object(top).into()).expect("generated from the table, so valid")
    })
}

/// Every plan that applies has every figure, each finite; one that does not has none, and a
/// reason.
fn assert_plans_are_whole(report: &Report) {
    use dpu_engine::plans::PlanId;
    let ids: Vec<PlanId> = report.plans.iter().map(|p| p.id).collect();
    assert_eq!(ids, PlanId::ALL, "four plans in order");
    for p in &report.plans {
        let figures = [
            p.cores_freed_per_host,
            p.servers_avoided.map(|a| a as f64),
            p.servers_avoided_p50,
            p.premium_per_host,
            p.net_saving,
            p.npv,
            p.npv_p10,
            p.npv_p50,
            p.npv_p90,
            p.p_pays,
        ];
        if p.applies {
            assert!(p.why_not.is_none(), "{:?}", p.id);
            for x in figures {
                assert!(x.is_some_and(f64::is_finite), "{:?}: {x:?}", p.id);
            }
            let with_beats = matches!(p.id, PlanId::FastPath | PlanId::Smartnic);
            assert_eq!(p.p_dpu_beats.is_some(), with_beats, "{:?}", p.id);
            assert!(p.p_dpu_beats.is_none_or(|b| (0.0..=1.0).contains(&b)));
            assert!(
                p.npv_p10 <= p.npv_p50 && p.npv_p50 <= p.npv_p90,
                "{:?}",
                p.id
            );
        } else {
            assert!(p.why_not.as_deref().is_some_and(|w| !w.is_empty()));
            assert!(figures.iter().all(Option::is_none), "{:?}", p.id);
            assert!(p.p_dpu_beats.is_none() && !p.rival);
        }
        assert_eq!(
            p.rival,
            p.p_pays.is_some_and(|x| x >= 0.5) && p.p_dpu_beats.is_some()
        );
    }
    assert!(report.plans[0].applies && report.plans[3].applies);
    let best = report
        .plans
        .iter()
        .find(|p| p.id == report.best_plan)
        .expect("listed");
    assert!(best.applies);
    // Only a required DPU is the best plan for a reason other than its median.
    if report.verdict == Verdict::Required {
        assert_eq!(report.best_plan, PlanId::Dpu);
    } else {
        let top = report
            .plans
            .iter()
            .filter_map(|p| p.npv_p50)
            .fold(f64::NEG_INFINITY, f64::max);
        assert!(best.npv_p50.is_some_and(|m| m >= top - 0.005), "{report:?}");
    }
}

/// Every number in the report is finite, and the only nulls are the optional figures.
fn assert_all_finite(report: &Report) {
    assert_plans_are_whole(report);
    fn walk(v: &Value, path: &str) {
        match v {
            Value::Null => assert!(
                matches!(
                    path,
                    ".cost.break_even_gbps_per_host"
                        | ".cost.payback_year"
                        | ".explanation.flip"
                        | ".explanation.claim"
                ) || path.starts_with(".resolved")
                    // A plan that does not apply has no figures (checked in `plans_are_whole`).
                    || path.starts_with(".plans["),
                "null at {path}"
            ),
            Value::Number(n) => assert!(n.as_f64().unwrap_or(0.0).is_finite(), "{path} = {n}"),
            Value::String(s) => {
                // `format::num` writes non-finite numbers as ∞ or n/a, `{}` as inf or NaN.
                for bad in ["NaN", "∞", "n/a"] {
                    assert!(!s.contains(bad), "{path}: `{s}` contains {bad}");
                }
                assert!(
                    !s.split(|c: char| !c.is_alphanumeric()).any(|w| w == "inf"),
                    "{path}: {s}"
                );
            }
            Value::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    walk(item, &format!("{path}[{i}]"));
                }
            }
            Value::Object(map) => {
                for (k, item) in map {
                    walk(item, &format!("{path}.{k}"));
                }
            }
            Value::Bool(_) => {}
        }
    }
    // NaN serialises as null, so a NaN anywhere shows up as a stray null.
    walk(&serde_json::to_value(report).expect("serialises"), "");
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn every_valid_scenario_evaluates_to_finite_numbers(s in scenario()) {
        prop_assert!(s.validate().is_ok());
        let report = evaluate_with(&s, FAST);
        assert_all_finite(&report);
        let u = &report.uncertainty;
        prop_assert!((0.0..=1.0).contains(&u.p_worth_it));
        prop_assert!(u.net_saving_p10 <= u.net_saving_p50 && u.net_saving_p50 <= u.net_saving_p90);
        prop_assert!(u.cores_freed_share_p10 <= u.cores_freed_share_p90);
        prop_assert!(!report.headline.is_empty());
        prop_assert!(report.findings.iter().any(|f| f.id == "plans-compared"));
        prop_assert!(report.findings.iter().all(|f| f.sources.iter().any(|s| s.url.starts_with("https://"))));
    }

    /// SPEC §9: servers avoided ≤ Σ over clusters of max(0, x − m) ≤ H.
    #[test]
    fn servers_avoided_never_exceed_what_clusters_can_give(s in scenario()) {
        let c = evaluate_with(&s, FAST).cost;
        let (f, cl) = (&s.fleet, c.clusters);
        let give = |x: u32| u64::from(x.saturating_sub(f.min_hosts_per_cluster));
        let limit = u64::from(cl.full) * give(cl.size) + if cl.rest > 0 { give(cl.rest) } else { 0 };
        prop_assert!(c.servers_avoided <= limit, "{} > {limit}", c.servers_avoided);
        prop_assert!(c.servers_avoided <= u64::from(f.hosts));
        prop_assert_eq!(u64::from(cl.full) * u64::from(cl.size) + u64::from(cl.rest), u64::from(f.hosts));
        prop_assert_eq!(c.dpu_hosts + c.servers_avoided, u64::from(f.hosts));
        prop_assert!(c.cores_freed_per_host <= f64::from(f.cores_per_host) + 1e-9);
    }

    /// SPEC §9: N ≤ C whenever the verdict is a cost verdict.
    #[test]
    fn cost_verdicts_only_for_hosts_that_can_carry_the_traffic(s in scenario()) {
        let r = evaluate_with(&s, FAST);
        if r.verdict.is_cost_verdict() {
            prop_assert!(r.cost.networking_cores_per_host <= f64::from(s.fleet.cores_per_host));
        }
        let cost = matches!(r.verdict, Verdict::NotWorthIt | Verdict::AlternativeWins | Verdict::TossUp | Verdict::WorthIt | Verdict::WorthItWithTradeoffs);
        prop_assert_eq!(cost, r.verdict.is_cost_verdict());
    }

    /// SPEC §9: more traffic never frees fewer cores (nor fewer servers), at any assumption
    /// values.
    #[test]
    fn more_traffic_never_frees_fewer_cores(s in scenario(), a in 0.0f64..10_000.0, b in 0.0f64..10_000.0, pick in 0usize..3) {
        let (lo, hi) = if a <= b { (a, b) } else { (b, a) };
        let plan = Plan::new(&s);
        let v = Values::from_fn(|id| {
            let r = plan.r.ranges.get(id);
            [r.low, r.likely, r.high][pick]
        });
        let (ol, oh) = (outcome(&plan, &v, lo), outcome(&plan, &v, hi));
        prop_assert!(ol.z <= oh.z + 1e-12, "{} at {lo} > {} at {hi}", ol.z, oh.z);
        prop_assert!(ol.a <= oh.a);
        prop_assert!(ol.work.n <= oh.work.n + 1e-12);
    }

    /// SPEC §9: the cash flow adds up to the net saving; the NPV is the net saving at r = 0.
    #[test]
    fn the_cash_flow_adds_up(s in scenario()) {
        let c = evaluate_with(&s, FAST).cost;
        let scale = c.value_of_avoided_servers.abs() + c.dpu_incremental_cost.abs() + 1.0;
        let sum: f64 = c.cash_flow.iter().map(|y| y.amount).sum();
        prop_assert!((sum - c.net_saving).abs() <= 1e-9 * scale, "{sum} vs {}", c.net_saving);
        prop_assert!((c.cash_flow.last().map_or(0.0, |y| y.cumulative) - c.net_saving).abs() <= 1e-9 * scale);
        prop_assert_eq!(c.cash_flow.len() as f64, s.fleet.lifetime_years.ceil() + 1.0);
        let r = s.costs.discount_rate;
        let npv: f64 = c.cash_flow.iter().map(|y| y.amount / (1.0 + r).powi(y.year as i32)).sum();
        prop_assert!((npv - c.npv).abs() <= 1e-9 * scale, "{npv} vs {}", c.npv);
        if r == 0.0 {
            prop_assert!((c.npv - c.net_saving).abs() <= 1e-9 * scale);
        }
        match c.payback_year {
            Some(y) => prop_assert!(c.cash_flow[y as usize..].iter().all(|x| x.cumulative >= -1e-9)),
            None => prop_assert!(c.cash_flow.last().is_some_and(|x| x.cumulative < -1e-9)),
        }
        if c.net_saving < -1e-6 * scale {
            prop_assert_eq!(c.payback_year, None);
        }
    }

    /// SPEC §9: the same function gives the point estimate, the tornado, the traffic curve
    /// and the break-even.
    #[test]
    fn one_function_for_every_figure(s in scenario()) {
        let r = evaluate_with(&s, FAST);
        let plan = Plan::new(&s);
        let likely = plan.r.ranges.likely();
        let point = outcome(&plan, &likely, s.traffic.gbps_per_host);
        prop_assert_eq!(r.cost.net_saving, point.net);
        prop_assert_eq!(r.cost.npv, point.npv);
        prop_assert_eq!(r.cost.servers_avoided, point.a);
        prop_assert_eq!(r.cost.cores_freed_per_host, point.z);
        prop_assert_eq!(servers_avoided(&plan, point.z), point.a);
        prop_assert_eq!(cash_flow(&plan, point.a), r.cost.cash_flow.clone());
        for bar in &r.uncertainty.tornado {
            let range = plan.r.ranges.get(bar.assumption);
            let at = |x| outcome(&plan, &likely.with(bar.assumption, x), s.traffic.gbps_per_host).net;
            prop_assert_eq!(bar.net_saving_at_low, at(range.low));
            prop_assert_eq!(bar.net_saving_at_high, at(range.high));
        }
        for p in &r.traffic_curve {
            let o = outcome(&plan, &likely, p.gbps);
            prop_assert_eq!((p.networking_cores, p.cores_freed, p.net_saving), (o.work.n, o.z, o.net));
        }
        if let Some(g) = r.cost.break_even_gbps_per_host {
            let scale = plan.h * (plan.value_per_server + plan.dpu_cost_per_host) + 1.0;
            prop_assert!(outcome(&plan, &likely, g).net >= -1e-9 * scale, "pays at {g}");
            // The smallest such traffic, to 0.01 Gb/s.
            if g >= 0.01 {
                prop_assert!(outcome(&plan, &likely, g - 0.01).net < 1e-9 * scale, "already pays below {g}");
            }
            prop_assert_eq!(break_even(&plan, &likely), Some(g));
        } else {
            // No break-even: not even the most traffic a host may carry pays.
            let scale = plan.h * (plan.value_per_server + plan.dpu_cost_per_host) + 1.0;
            prop_assert!(outcome(&plan, &likely, 10_000.0).net < 1e-9 * scale, "pays at 10,000 Gb/s");
        }
    }

    /// With measured networking cores off bare metal only φ moves the DPU's answer (the plans'
    /// own three assumptions stay sampled for the plans).
    #[test]
    fn measured_cores_pin_everything_but_the_offload_share(mut s in scenario(), m in 0.0f64..64.0) {
        s.traffic.measured_networking_cores = Some(m.min(f64::from(s.fleet.cores_per_host)));
        prop_assume!(s.platform.kind != dpu_engine::choice::PlatformKind::BareMetal);
        let r = evaluate_with(&s, FAST);
        prop_assert_eq!(
            r.uncertainty.sampled.clone(),
            vec![
                AssumptionId::OffloadFraction,
                AssumptionId::FastPathSpeedup,
                AssumptionId::FastPathPinnedCores,
                AssumptionId::SmartnicHostCores
            ]
        );
        for bar in &r.uncertainty.tornado {
            if bar.assumption != AssumptionId::OffloadFraction {
                prop_assert_eq!(bar.swing, 0.0);
            }
        }
    }

    /// SPEC §9 (model 3): p_best ≤ p_worth_it; with no rival p_best = p_worth_it and the
    /// verdict is model 2's; every plan's servers obey the clusters' bound; Z_fp ≤ N_dp.
    #[test]
    fn plans_obey_the_dpus_bounds(s in scenario()) {
        let r = evaluate_with(&s, FAST);
        let u = &r.uncertainty;
        prop_assert!(u.p_best <= u.p_worth_it);
        // p_best = min(p_worth_it, p_dpu_beats of every rival), as the rows read.
        let from_rows = r
            .plans
            .iter()
            .filter(|p| p.rival)
            .filter_map(|p| p.p_dpu_beats)
            .fold(u.p_worth_it, f64::min);
        prop_assert_eq!(u.p_best, from_rows);
        let rivals = r.plans.iter().filter(|p| p.rival).count();
        if rivals == 0 {
            prop_assert_eq!(u.p_best, u.p_worth_it);
            prop_assert_eq!(
                r.verdict,
                dpu_engine::verdict(&r.findings, u.p_worth_it, u.p_worth_it)
            );
            prop_assert_ne!(r.verdict, Verdict::AlternativeWins);
        }
        let (f, cl) = (&s.fleet, r.cost.clusters);
        let give = |x: u32| u64::from(x.saturating_sub(f.min_hosts_per_cluster));
        let limit = u64::from(cl.full) * give(cl.size) + if cl.rest > 0 { give(cl.rest) } else { 0 };
        for p in &r.plans {
            prop_assert!(p.servers_avoided.unwrap_or(0) <= limit, "{:?}", p.id);
            prop_assert!(p.cores_freed_per_host.unwrap_or(0.0) <= f64::from(f.cores_per_host) + 1e-9);
            if s.fleet.bound_by != dpu_engine::choice::BoundBy::Cpu {
                prop_assert_eq!(p.servers_avoided.unwrap_or(0), 0);
            }
        }
        // Z_fp ≤ N_dp at any assumption values.
        let plan = Plan::new(&s);
        if let Ok(kind) = dpu_engine::plans::fast_path_kind(&s) {
            for pick in 0..3 {
                let v = Values::from_fn(|id| {
                    let r = plan.r.ranges.get(id);
                    [r.low, r.likely, r.high][pick]
                });
                let n_dp = match s.traffic.measured_networking_cores {
                    Some(m) => m,
                    None => outcome(&plan, &v, s.traffic.gbps_per_host).work.n
                        - if s.traffic.encryption == dpu_engine::choice::Encryption::None { 0.0 } else {
                            s.traffic.gbps_per_host * v.k / (8.0 * s.fleet.ghz)
                        },
                };
                let z = dpu_engine::plans::fast_path(&plan, kind, &v).z;
                prop_assert!(z <= n_dp + 1e-9 * n_dp.max(1.0), "{z} > {n_dp}");
                prop_assert!(z >= 0.0);
            }
        }
    }

    /// SPEC §9 (model 3): a plan never changes the DPU's own figures. What only the plans
    /// read (the SmartNIC's price and power, the three plan assumptions) leaves the DPU's
    /// cost, odds, tornado and break-even as they were.
    #[test]
    fn plans_never_change_the_dpus_figures(
        s in scenario(),
        price in 0.0f64..100_000.0,
        watts in 0.0f64..500.0,
        ends in (1.0f64..20.0, 1.0f64..20.0, 0.0f64..64.0, 0.0f64..64.0),
    ) {
        let mut t = s.clone();
        t.costs.smartnic_price = Some(price);
        t.costs.smartnic_watts = watts;
        let sorted = |a: f64, b: f64| if a <= b { (a, b) } else { (b, a) };
        let (lo, hi) = sorted(ends.0, ends.1);
        t.assumptions.fast_path_speedup = Some(dpu_engine::Range::new(lo, lo, hi));
        let (lo, hi) = sorted(ends.2, ends.3);
        t.assumptions.fast_path_pinned_cores = Some(dpu_engine::Range::new(lo, hi, hi));
        t.assumptions.smartnic_host_cores = Some(dpu_engine::Range::new(lo, lo, hi));
        prop_assert!(t.validate().is_ok());
        let (a, b) = (evaluate_with(&s, FAST), evaluate_with(&t, FAST));
        prop_assert_eq!(&a.cost, &b.cost);
        prop_assert_eq!(a.uncertainty.p_worth_it, b.uncertainty.p_worth_it);
        prop_assert_eq!(a.uncertainty.net_saving_p50, b.uncertainty.net_saving_p50);
        prop_assert_eq!(&a.uncertainty.tornado, &b.uncertainty.tornado);
        prop_assert_eq!(&a.plans[3], &b.plans[3]);
        prop_assert_eq!(&a.traffic_curve, &b.traffic_curve);
    }

    /// SPEC §9 (model 3): a cheaper SmartNIC or a larger speed-up never makes the DPU more
    /// likely to be best.
    #[test]
    fn better_plans_never_raise_p_best(s in scenario(), cheaper in 0.0f64..1.0, faster in 0.0f64..5.0) {
        let base = evaluate_with(&s, FAST).uncertainty.p_best;
        let mut t = s.clone();
        t.costs.smartnic_price = Some(s.resolve().smartnic_price * cheaper);
        prop_assert!(evaluate_with(&t, FAST).uncertainty.p_best <= base, "cheaper SmartNIC");
        let mut t = s.clone();
        let r = s.resolve().ranges.get(AssumptionId::FastPathSpeedup);
        let up = |x: f64| (x + faster).min(20.0);
        t.assumptions.fast_path_speedup = Some(dpu_engine::Range::new(up(r.low), up(r.likely), up(r.high)));
        prop_assert!(evaluate_with(&t, FAST).uncertainty.p_best <= base, "faster fast path");
    }

    /// Every sentence about the odds agrees with p_worth_it and p_best (issue 17): "none"
    /// and "all" only when exactly so, the share itself otherwise, also below 10 %.
    #[test]
    fn the_odds_in_words_agree_with_the_numbers(s in scenario()) {
        use dpu_engine::format::share_of_futures;
        let r = evaluate_with(&s, FAST);
        let u = &r.uncertainty;
        let odds = &r.explanation.odds;
        let said = format!("pay off in {} of all futures", share_of_futures(u.p_worth_it));
        prop_assert!(odds.contains(&said), "{odds} lacks `{said}`");
        if u.p_best < u.p_worth_it {
            let best = format!("are the best plan in {}", share_of_futures(u.p_best));
            prop_assert!(odds.contains(&best), "{odds} lacks `{best}`");
        }
        if u.p_worth_it > 0.0 {
            prop_assert!(!r.headline.contains("no chance"), "{}", r.headline);
        }
        if r.verdict.is_cost_verdict() && u.p_worth_it > 0.0 && u.p_worth_it < 1.0 {
            prop_assert!(!r.headline.contains("a 0 % chance") && !r.headline.contains("a 100 % chance"), "{}", r.headline);
        }
    }

    #[test]
    fn scenarios_round_trip_through_json(s in scenario()) {
        let json = s.to_json_value().to_string();
        prop_assert_eq!(Scenario::from_json(&json).expect("reads back"), s.clone());
        prop_assert_eq!(Scenario::from_json(&s.to_json_pretty()).expect("reads back"), s);
    }

    #[test]
    fn reports_round_trip_through_json(s in scenario()) {
        let report = evaluate_with(&s, FAST);
        let json = serde_json::to_string(&report).expect("serialises");
        let back: Report = serde_json::from_str(&json).expect("reads back");
        prop_assert_eq!(back, report);
    }

    /// A link carries the whole scenario: decode(encode(s)) == s.
    #[test]
    fn links_round_trip(s in scenario()) {
        let link = dpu_engine::share::encode(&s);
        prop_assert!(link.len() < dpu_engine::share::MAX_FRAGMENT);
        prop_assert_eq!(dpu_engine::share::decode(&link).expect("decodes"), s);
    }

    /// Saved lists survive storage, and damaged storage is an error, not a panic.
    #[test]
    fn saved_lists_round_trip(s in scenario(), name in "[a-zA-Z0-9 ]{1,40}", junk in ".{0,200}") {
        use dpu_engine::saved;
        if let Ok(list) = saved::save(&[], &name, &s) {
            prop_assert_eq!(saved::parse(Some(&saved::serialize(&list))).expect("reads back"), list);
        }
        let _ = saved::parse(Some(&junk));
    }

    /// Every field can be edited from its own text: what the page shows reads back.
    #[test]
    fn edits_round_trip_through_the_shown_text(s in scenario(), i in 0usize..FIELDS.len()) {
        let f = &FIELDS[i];
        if let Some(n) = f.number() {
            let shown = match (f.get)(&s) {
                dpu_engine::fields::Val::Number(x) | dpu_engine::fields::Val::OptionalNumber(Some(x)) => Some(x),
                _ => None,
            };
            if let Some(x) = shown {
                let text = format!("{}", n.unit.shown(x));
                let edited = s.with_text(f.path, &text).expect("its own value is valid");
                let back = match (f.get)(&edited) {
                    dpu_engine::fields::Val::Number(y) | dpu_engine::fields::Val::OptionalNumber(Some(y)) => y,
                    _ => f64::NAN,
                };
                prop_assert!((back - x).abs() <= 1e-9 * x.abs().max(1.0), "{}: {x} → {text} → {back}", f.path);
            }
        }
    }
}

/// Arbitrary JSON, biased towards the scenario's own keys so the decoder goes deep.
fn json_value() -> impl Strategy<Value = Value> {
    let mut names: Vec<&'static str> = FIELDS
        .iter()
        .flat_map(|f| f.path.split('.'))
        .chain(["schema", "low", "likely", "high"])
        .collect();
    names.sort_unstable();
    names.dedup();
    let keys = prop_oneof![
        4 => proptest::sample::select(names).prop_map(str::to_owned),
        1 => "[a-z_]{0,12}",
    ];
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        (-1e6f64..1e6).prop_map(Value::from),
        proptest::sample::select(
            &[
                "vsphere",
                "8.0u3",
                "free_host_cpu",
                "bluefield3",
                "tls",
                "enhanced",
                "independent",
                "tenants",
                "x",
                ""
            ][..]
        )
        .prop_map(|s| Value::String(s.to_owned())),
        ".{0,20}".prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 48, 6, move |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..5).prop_map(Value::Array),
            proptest::collection::vec((keys.clone(), inner), 0..6)
                .prop_map(|kv| Value::Object(kv.into_iter().collect())),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2_000, ..ProptestConfig::default() })]

    /// The decoder never panics; what it accepts is valid and evaluates to finite numbers;
    /// what it rejects comes with a message that names a path.
    #[test]
    fn arbitrary_json_never_panics(v in json_value()) {
        let text = v.to_string();
        match Scenario::from_json(&text) {
            Ok(s) => {
                prop_assert!(s.validate().is_ok());
                assert_all_finite(&evaluate_with(&s, Options { samples: 8, seed: 1 }));
            }
            Err(e) => prop_assert!(!e.to_string().is_empty()),
        }
    }

    #[test]
    fn arbitrary_text_never_panics(text in ".{0,200}") {
        let _ = Scenario::from_json(&text);
    }

    #[test]
    fn edits_never_panic(i in 0usize..FIELDS.len() + 3, point in 0usize..4, text in ".{0,24}") {
        let s = Scenario::default();
        let path = match FIELDS.get(i) {
            Some(f) => match (f.kind, point) {
                (Kind::Range(_), 0) => format!("{}.low", f.path),
                (Kind::Range(_), 1) => format!("{}.likely", f.path),
                (Kind::Range(_), 2) => format!("{}.high", f.path),
                _ => f.path.to_owned(),
            },
            None => ["nope", "", "a..b"][i - FIELDS.len()].to_owned(),
        };
        if let Ok(edited) = s.with_text(&path, &text) {
            prop_assert!(edited.validate().is_ok());
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    /// Any fragment text, however hostile, gives a scenario or an error.
    #[test]
    fn hostile_links_never_panic(text in ".{0,300}", data in proptest::collection::vec(any::<u8>(), 0..300)) {
        let _ = dpu_engine::share::decode(&text);
        let _ = dpu_engine::share::decode(&format!("1.{text}"));
        let _ = dpu_engine::share::decode(&format!("1.{}", dpu_engine::share::base64url_encode(&data)));
        prop_assert_eq!(dpu_engine::share::base64url_decode(&dpu_engine::share::base64url_encode(&data)), Some(data));
    }
}
