//! Properties over generated scenarios and arbitrary JSON: no panic, no NaN or infinity,
//! monotone in traffic, lossless JSON round trips.

#![allow(
    clippy::field_reassign_with_default,
    reason = "the generator fills a default scenario field by field"
)]

use dpu_engine::assumptions::{ASSUMPTIONS, Values};
use dpu_engine::choice::{
    Choice, DpuModel, Encryption, Feature, Goal, NsxVersion, Oem, PlatformKind, VsphereVersion,
    WorkloadKind,
};
use dpu_engine::cost::networking_cores;
use dpu_engine::{Options, Range, Report, Scenario, evaluate_with};
use proptest::prelude::*;
use serde_json::Value;

const FAST: Options = Options {
    samples: 50,
    seed: 5,
};

fn choice<T: Choice + std::fmt::Debug>() -> impl Strategy<Value = T> {
    proptest::sample::select(T::ALL)
}

fn subset<T: Choice + std::fmt::Debug>() -> impl Strategy<Value = Vec<T>> {
    proptest::sample::subsequence(T::ALL, 0..=T::ALL.len())
}

/// A number in [lo, hi], with the ends themselves drawn often.
fn number(lo: f64, hi: f64) -> impl Strategy<Value = f64> {
    prop_oneof![1 => Just(lo), 1 => Just(hi), 6 => lo..=hi]
}

fn range(lo: f64, hi: f64) -> impl Strategy<Value = Range> {
    (number(lo, hi), number(lo, hi), number(lo, hi)).prop_map(|(a, b, c)| {
        let mut v = [a, b, c];
        v.sort_by(f64::total_cmp);
        Range::new(v[0], v[1], v[2])
    })
}

prop_compose! {
    fn scenario()(
        goals in subset::<Goal>(),
        features in subset::<Feature>(),
        platform in (choice::<PlatformKind>(), choice::<VsphereVersion>(), choice::<NsxVersion>()),
        workload in (choice::<WorkloadKind>(), 1u32..=10_000),
        dpu in (choice::<DpuModel>(), 1u32..=2, any::<bool>(), choice::<Oem>(), any::<bool>()),
        traffic in (number(0.0, 10_000.0), number(64.0, 9_216.0), any::<bool>(), any::<bool>(), any::<bool>(), choice::<Encryption>()),
        fleet in (1u32..=1_000_000, 1u32..=4_096, number(0.1, 10.0), number(0.0, 1e9), number(0.0, 100_000.0), number(0.01, 100.0), number(0.01, 50.0)),
        costs in (number(0.0, 100.0), number(1.0, 10.0), number(0.0, 1e7), number(0.0, 1e7), any::<bool>(), number(0.0, 1e8), number(0.0, 1e8), number(0.0, 10_000.0), number(0.0, 10_000.0), number(0.0, 1e8)),
        ranges in (range(0.01, 1000.0), range(0.001, 1000.0), range(0.0, 10.0), range(0.0, 10.0), range(0.0, 100.0), range(0.0, 1.0)),
    ) -> Scenario {
        let mut s = Scenario::default();
        s.goals = goals;
        s.features = features;
        (s.platform.kind, s.platform.vsphere, s.platform.nsx) = platform;
        (s.workload.kind, s.workload.vms_per_host) = workload;
        (s.dpu.model, s.dpu.per_host, s.dpu.factory_installed, s.dpu.oem, s.dpu.mixed_models_in_cluster) = dpu;
        let t = &mut s.traffic;
        (t.gbps_per_host, t.avg_packet_bytes, t.overlay, t.overlay_nic_offload, t.distributed_firewall, t.encryption) = traffic;
        let f = &mut s.fleet;
        (f.hosts, f.cores_per_host, f.ghz, f.server_price, f.server_watts, f.rack_units_per_host, f.lifetime_years) = fleet;
        let c = &mut s.costs;
        (c.kwh_price, c.pue, c.rack_unit_year, c.license_per_core_year, c.licenses_follow_cores, c.dpu_price, c.nic_price, c.dpu_watts, c.nic_watts, c.dpu_license_year) = costs;
        let a = &mut s.assumptions;
        (a.vswitch_gbps_per_core, a.vswitch_mpps_per_core, a.overlay_overhead, a.firewall_overhead, a.crypto_cycles_per_byte, a.offload_fraction) = ranges;
        s
    }
}

/// Every number in the report is finite, and the only null is a missing break-even.
fn assert_all_finite(report: &Report) {
    fn walk(v: &Value, path: &str) {
        match v {
            Value::Null => assert_eq!(path, ".cost.break_even_gbps_per_host", "null at {path}"),
            Value::Number(n) => {
                let f = n.as_f64().unwrap_or(0.0);
                assert!(f.is_finite(), "{path} = {n}");
            }
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
    let c = &report.cost;
    for x in [
        c.networking_cores_per_host,
        c.net_saving,
        c.value_of_avoided_servers,
        c.dpu_incremental_cost,
    ] {
        assert!(x.is_finite());
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn generated_scenarios_are_valid(s in scenario()) {
        prop_assert!(s.validate().is_ok(), "{:?}", s.validate());
    }

    #[test]
    fn every_valid_scenario_evaluates_to_finite_numbers(s in scenario()) {
        let report = evaluate_with(&s, FAST);
        assert_all_finite(&report);
        prop_assert!((0.0..=1.0).contains(&report.uncertainty.p_worth_it));
        prop_assert!(report.uncertainty.net_saving_p10 <= report.uncertainty.net_saving_p90);
        prop_assert!(!report.headline.is_empty());
        prop_assert!(report.findings.iter().any(|f| f.id == "consider-alternatives"));
    }

    #[test]
    fn more_traffic_never_frees_fewer_cores(s in scenario(), a in 0.0f64..10_000.0, b in 0.0f64..10_000.0) {
        let (lo, hi) = if a <= b { (a, b) } else { (b, a) };
        for point in [|r: &Range| r.low, |r: &Range| r.likely, |r: &Range| r.high] {
            let mut v = Values::likely(&s.assumptions);
            for spec in ASSUMPTIONS {
                v = v.with(spec.id, point(&(spec.get)(&s.assumptions)));
            }
            let freed = |g| v.phi * networking_cores(&s, &v, g);
            prop_assert!(freed(lo) <= freed(hi), "{} at {lo} > {} at {hi}", freed(lo), freed(hi));
        }
        let mut more = s.clone();
        more.traffic.gbps_per_host = hi;
        let mut less = s.clone();
        less.traffic.gbps_per_host = lo;
        let (rm, rl) = (evaluate_with(&more, FAST), evaluate_with(&less, FAST));
        prop_assert!(rl.cost.cores_freed_per_host <= rm.cost.cores_freed_per_host);
        prop_assert!(rl.cost.servers_avoided <= rm.cost.servers_avoided);
    }

    #[test]
    fn scenarios_round_trip_through_json(s in scenario()) {
        let json = serde_json::to_string(&s).expect("serialises");
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
}

/// Arbitrary JSON, biased towards the scenario's own keys so the decoder goes deep.
fn json_value() -> impl Strategy<Value = Value> {
    let keys = prop_oneof![
        4 => proptest::sample::select(&[
            "schema", "name", "goals", "platform", "kind", "vsphere", "nsx", "workload",
            "vms_per_host", "dpu", "model", "per_host", "factory_installed", "oem", "features",
            "traffic", "gbps_per_host", "avg_packet_bytes", "overlay", "encryption", "fleet",
            "hosts", "cores_per_host", "ghz", "costs", "currency", "pue", "assumptions",
            "offload_fraction", "vswitch_gbps_per_core", "low", "likely", "high",
        ][..]).prop_map(str::to_owned),
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
    /// what it rejects comes with a message.
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
    fn edits_never_panic(path in proptest::sample::select(&[
        "traffic.gbps_per_host", "fleet.hosts", "name", "dpu.model", "traffic.overlay",
        "assumptions.offload_fraction.likely", "goals", "platform", "nope", "", "a..b",
    ][..]), text in ".{0,24}") {
        let s = Scenario::default();
        if let Ok(edited) = s.with_text(path, &text) {
            prop_assert!(edited.validate().is_ok());
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    /// A link carries the whole scenario: decode(encode(s)) == s.
    #[test]
    fn links_round_trip(s in scenario()) {
        let link = dpu_engine::share::encode(&s);
        prop_assert!(link.len() < dpu_engine::share::MAX_FRAGMENT);
        prop_assert_eq!(dpu_engine::share::decode(&link).expect("decodes"), s);
    }

    /// Any fragment text, however hostile, gives a scenario or an error.
    #[test]
    fn hostile_links_never_panic(text in ".{0,300}", data in proptest::collection::vec(any::<u8>(), 0..300)) {
        let _ = dpu_engine::share::decode(&text);
        let _ = dpu_engine::share::decode(&format!("1.{text}"));
        let _ = dpu_engine::share::decode(&format!("1.{}", dpu_engine::share::base64url_encode(&data)));
        prop_assert_eq!(dpu_engine::share::base64url_decode(&dpu_engine::share::base64url_encode(&data)), Some(data));
    }

    /// Saved lists survive storage, and damaged storage is an error, not a panic.
    #[test]
    fn saved_lists_round_trip(s in scenario(), name in "[a-zA-Z0-9 ]{1,40}", junk in ".{0,200}") {
        use dpu_engine::saved;
        let list = saved::save(&[], &name, &s);
        if let Ok(list) = list {
            prop_assert_eq!(saved::parse(Some(&saved::serialize(&list))).expect("reads back"), list);
        }
        let _ = saved::parse(Some(&junk));
    }
}
