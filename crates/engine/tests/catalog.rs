//! Every rule of the catalog: well-formed, sourced as SPEC §4 says, and firing exactly where
//! its examples say, with texts worked out by hand for the rules of model 2.

use dpu_engine::sources::{NOT_FOUND, cites};
use dpu_engine::{Finding, Options, RULES, Scenario, Severity, evaluate_with};

const FAST: Options = Options {
    samples: 64,
    seed: 1,
};

/// SPEC §4: every id with its usual severity, in the table's order.
const SPEC: &[(&str, Severity)] = &[
    ("hypervisor-stays-on-host", Severity::WrongProblem),
    ("bare-metal-needs-workload-fit", Severity::WrongProblem),
    ("bare-metal-needs-no-dpu", Severity::WrongProblem),
    ("rack-space-needs-whole-servers", Severity::WrongProblem),
    ("not-network-intensive", Severity::Info),
    ("licensing-needs-fewer-cores", Severity::WrongProblem),
    ("bare-metal-nothing-to-free", Severity::WrongProblem),
    ("nothing-to-offload", Severity::WrongProblem),
    ("vsphere-too-old", Severity::Unsupported),
    ("offload-needs-nsx", Severity::Unsupported),
    ("bare-metal-offload-unsupported", Severity::Unsupported),
    ("storage-offload-unsupported", Severity::Unsupported),
    ("dpu-model-unsupported", Severity::Unsupported),
    ("dpu-must-be-factory-installed", Severity::Unsupported),
    ("server-oem-unsupported", Severity::Unsupported),
    ("mixed-dpu-models", Severity::Unsupported),
    ("dual-dpu-needs-8u3", Severity::Unsupported),
    ("kubernetes-dpu-unsupported", Severity::Unsupported),
    ("host-saturated", Severity::CheckInputs),
    ("no-goal", Severity::CheckInputs),
    ("tenant-isolation-needs-dpu", Severity::Required),
    ("loses-nioc", Severity::Tradeoff),
    ("loses-traffic-shaping", Severity::Tradeoff),
    ("loses-dv-filter", Severity::Tradeoff),
    ("vmotion-only-between-dpu-hosts", Severity::Tradeoff),
    ("dpu-line-rate-exceeded", Severity::Tradeoff),
    ("kubernetes-offload-immature", Severity::Tradeoff),
    ("offload-path-vendor-specific", Severity::Tradeoff),
    ("arm-cores-slow-path", Severity::Tradeoff),
    ("features-kept", Severity::Good),
    ("feature-support-unverified", Severity::Info),
    ("upt-needed", Severity::Info),
    ("dfw-on-dpu-unverified", Severity::Info),
    ("encryption-stays-on-host", Severity::Info),
    ("plain-nic-does-crypto", Severity::Info),
    ("dual-dpu-independent", Severity::Tradeoff),
    ("dual-dpu-standby", Severity::Tradeoff),
    ("not-cpu-bound", Severity::Info),
    ("claim-vs-model", Severity::Info),
    ("measured-vs-model", Severity::Info),
    ("measured-implausible", Severity::CheckInputs),
    ("traffic-beyond-cards", Severity::CheckInputs),
    ("bare-metal-app-datapath", Severity::Info),
    ("deep-inspection-stays-on-host", Severity::Info),
    ("vcf9-scope-unverified", Severity::Info),
    ("storage-offload-fits", Severity::Good),
    ("plans-compared", Severity::Info),
    ("smartnic-not-on-vsphere", Severity::Info),
];

/// SPEC §4's sources column, one rule at a time.
const SPEC_SOURCES: &[(&str, &[&str])] = &[
    (
        "hypervisor-stays-on-host",
        &["F1.1.3", "F1.1.4", "F2.1.1", "F3.1.4"],
    ),
    ("bare-metal-needs-no-dpu", &["F1.1.2", "F1.3.7"]),
    ("nothing-to-offload", &["F1.1.4", "F2.3.1"]),
    ("dpu-model-unsupported", &["F2.1.3", "F4.6.11"]),
    ("kubernetes-dpu-unsupported", &["F5.3.1"]),
    (
        "host-saturated",
        &[
            "F4.1.1", "F4.1.2", "F4.1.3", "F4.1.4", "F4.1.5", "F4.1.6", "F4.1.7",
        ],
    ),
    ("no-goal", &["F1.1.4"]),
    (
        "tenant-isolation-needs-dpu",
        &["F1.2.2", "F3.1.3", "F5.2.1", "F5.2.3", "F5.4.4", "F3.5.1"],
    ),
    (
        "dpu-line-rate-exceeded",
        &["F4.6.1", "F4.6.3", "F4.6.8", "F3.3.2", "F2.4.6"],
    ),
    ("offload-path-vendor-specific", &["F5.4.1", "F5.3.6"]),
    ("arm-cores-slow-path", &["F4.8.2", "F4.8.6", "F4.8.7"]),
    ("upt-needed", &["F2.1.6", "F2.2.3", "F2.2.7"]),
    ("dfw-on-dpu-unverified", &["F2.2.5", "F2.2.8"]),
    ("encryption-stays-on-host", &["F1.1.4", "F2.2.1"]),
    ("plain-nic-does-crypto", &["F4.3.5", "F4.3.7", "F4.3.8"]),
    ("dual-dpu-independent", &["F2.4.6", "F2.4.8"]),
    ("dual-dpu-standby", &["F2.4.1", "F2.4.6"]),
    ("not-cpu-bound", &["F1.2.7"]),
    ("claim-vs-model", &["F4.5.1", "F4.5.5", "F1.2.7"]),
    ("measured-vs-model", &["F4.1.5"]),
    ("bare-metal-nothing-to-free", &["F1.1.4", "F5.4.3"]),
    (
        "measured-implausible",
        // F4.1.8 (line-rate arithmetic) has only a blogspot address, which sources.rs
        // refuses as a page; the rest of F4.1.1–F4.1.9.
        &[
            "F4.1.1", "F4.1.2", "F4.1.3", "F4.1.4", "F4.1.5", "F4.1.6", "F4.1.7", "F4.1.9",
        ],
    ),
    ("traffic-beyond-cards", &["F4.6.1", "F4.6.3", "F4.6.8"]),
    ("bare-metal-app-datapath", &["F1.1.4", "F5.4.3"]),
    ("deep-inspection-stays-on-host", &["F2.3.1", "F2.2.8"]),
    (
        "vcf9-scope-unverified",
        &["F2.5.1", "F2.5.4", "F2.5.5", "F2.5.6"],
    ),
    (
        "plans-compared",
        &[
            "F2.6.1", "F4.1.2", "F5.4.1", "F5.4.2", "F5.4.3", "F5.4.4", "F5.4.5", "F3.5.1",
            "F10.1.4", "F10.2.1", "F10.2.2",
        ],
    ),
    (
        "smartnic-not-on-vsphere",
        &["F2.5.4", "F10.2.13", "F10.2.14", "F10.2.16", "F10.9.7"],
    ),
];

fn is_kebab(id: &str) -> bool {
    !id.is_empty()
        && !id.starts_with('-')
        && !id.ends_with('-')
        && !id.contains("--")
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

#[test]
fn the_catalog_is_the_spec_table() {
    let ids: Vec<&str> = RULES.iter().map(|r| r.id).collect();
    let spec: Vec<&str> = SPEC.iter().map(|(id, _)| *id).collect();
    assert_eq!(ids, spec, "the catalog lists SPEC §4's rules in its order");
    for (rule, (_, severity)) in RULES.iter().zip(SPEC) {
        assert!(is_kebab(rule.id), "{} is not kebab-case", rule.id);
        assert_eq!(rule.severity, *severity, "{}", rule.id);
        let doc = dpu_engine::rules::doc(rule).expect("documented");
        assert!(
            !rule.title.is_empty() && !doc.when.is_empty(),
            "{} undocumented",
            rule.id
        );
    }
    // The two halves of the catalog line up.
    assert_eq!(dpu_engine::rules::CATALOG.len(), RULES.len());
    assert_eq!(dpu_engine::rules::RULE_DOCS.len(), RULES.len());
    for ((rule, doc), (r, d)) in dpu_engine::rules::CATALOG
        .iter()
        .zip(RULES.iter().zip(dpu_engine::rules::RULE_DOCS))
    {
        assert_eq!(
            (rule.id, doc.when, doc.fires_for),
            (r.id, d.when, d.fires_for)
        );
        let found = dpu_engine::rules::doc(rule).expect("documented");
        assert_eq!(
            (found.when, found.fires_for),
            (doc.when, doc.fires_for),
            "doc({}) is its own",
            rule.id
        );
    }
    for (id, sources) in SPEC_SOURCES {
        let rule = dpu_engine::rules::rule(id).unwrap();
        assert_eq!(rule.sources, *sources, "{id} cites what SPEC §4 says");
    }
    for gone in [
        "bare-metal-fits-workload",
        "bare-metal-cloud-fits",
        "software-path-first",
        "consider-alternatives",
    ] {
        assert!(
            dpu_engine::rules::rule(gone).is_none(),
            "{gone} was replaced"
        );
    }
}

#[test]
fn every_rule_cites_pages_and_never_only_a_silence() {
    for rule in RULES {
        assert!(!rule.sources.is_empty(), "{} cites nothing", rule.id);
        for fact in rule.sources {
            assert!(cites(fact), "{} cites {fact}, which has no page", rule.id);
        }
        let refs = dpu_engine::sources::refs(rule.sources);
        assert!(
            refs.iter().all(|r| r.url.starts_with("https://")),
            "{}",
            rule.id
        );
        let blocking = matches!(
            rule.severity,
            Severity::WrongProblem
                | Severity::Unsupported
                | Severity::CheckInputs
                | Severity::Required
        );
        if blocking {
            assert!(
                refs.iter().any(|r| r.ids.len() > r.not_found.len()),
                "{}: a blocking finding rests on a page that says something",
                rule.id
            );
        }
    }
}

fn finding(json: &str, id: &str) -> Option<Finding> {
    let s = Scenario::from_json(json).unwrap_or_else(|e| panic!("example {json}: {e}"));
    evaluate_with(&s, FAST)
        .findings
        .into_iter()
        .find(|f| f.id == id)
}

fn fired(json: &str, id: &str) -> Option<Severity> {
    finding(json, id).map(|f| f.severity)
}

#[track_caller]
fn detail(json: &str, id: &str) -> String {
    let f = finding(json, id).unwrap_or_else(|| panic!("{id} does not fire for {json}"));
    f.detail
}

#[test]
fn every_rule_fires_on_its_example_and_not_on_its_counter_example() {
    for (rule, doc) in dpu_engine::rules::CATALOG {
        let severity = fired(doc.fires_for, rule.id)
            .unwrap_or_else(|| panic!("{} does not fire for {}", rule.id, doc.fires_for));
        assert_eq!(
            severity, rule.severity,
            "{} fired with another severity",
            rule.id
        );
        match doc.quiet_for {
            Some(quiet) => assert_eq!(fired(quiet, rule.id), None, "{} fires for {quiet}", rule.id),
            None => assert_eq!(
                doc.when, "always",
                "only always-on rules lack a counter-example"
            ),
        }
    }
}

#[test]
fn sources_are_listed_once_per_page_with_their_kind() {
    let f = finding(r#"{"features": ["netflow"]}"#, "feature-support-unverified").unwrap();
    assert_eq!(f.sources.len(), 1);
    assert!(f.sources[0].url.contains("techdocs.broadcom.com"));
    assert_eq!(f.sources[0].not_found, ["F2.3.5"]);
    let f = finding(
        r#"{"goals": ["run_bare_metal"]}"#,
        "hypervisor-stays-on-host",
    )
    .unwrap();
    // F1.1.3 and F1.1.4 share the ipSpace page: one entry, two ids.
    assert_eq!(f.sources[0].ids, ["F1.1.3", "F1.1.4"]);
    assert_eq!(f.sources[0].kind.wire(), "commentary");
    assert_eq!(f.sources.len(), 3);
    assert!(NOT_FOUND.contains("2026-11"));
}

#[test]
fn variable_severities() {
    // Dropping the hypervisor needs no DPU: wrong problem when it is the only goal.
    let only = r#"{"goals": ["run_bare_metal"], "platform": {"kind": "kubernetes"}}"#;
    assert_eq!(
        fired(only, "bare-metal-needs-no-dpu"),
        Some(Severity::WrongProblem)
    );
    let more =
        r#"{"goals": ["run_bare_metal", "free_host_cpu"], "platform": {"kind": "bare_metal"}}"#;
    assert_eq!(fired(more, "bare-metal-needs-no-dpu"), Some(Severity::Info));
    // Tenant isolation: required for tenants on whole servers, else the inputs are unclear.
    let vms = r#"{"goals": ["isolate_bare_metal_tenants"], "platform": {"kind": "kvm_ovs"}}"#;
    assert_eq!(
        fired(vms, "tenant-isolation-needs-dpu"),
        Some(Severity::CheckInputs)
    );
    assert_eq!(
        finding(vms, "tenant-isolation-needs-dpu").unwrap().title,
        "It is unclear who the bare-metal tenants are"
    );
    // Whole-server tenants on an overlay need the DPU; without an overlay the leaf switches
    // can isolate them, and the money decides.
    let tenants = |overlay: bool| {
        finding(
            &format!(
                r#"{{"goals": ["isolate_bare_metal_tenants"], "platform": {{"kind": "bare_metal"}},
                    "workload": {{"kind": "bare_metal_apps"}}, "traffic": {{"overlay": {overlay}}}}}"#
            ),
            "tenant-isolation-needs-dpu",
        )
        .unwrap()
    };
    assert_eq!(tenants(true).severity, Severity::Required);
    let no_overlay = tenants(false);
    assert_eq!(no_overlay.severity, Severity::Info);
    assert!(
        no_overlay.detail.contains("VLANs or VRFs"),
        "{}",
        no_overlay.detail
    );
    // k = 3,282.03 per server over 5 years, 54.70 per month, said in both cases.
    for f in [tenants(true), no_overlay] {
        assert!(
            f.detail.contains(
                "USD\u{a0}3,282 per server over 5 years: about USD\u{a0}55 per server per month"
            ),
            "{}",
            f.detail
        );
        assert!(f.instead.unwrap().contains("per-tenant VRFs or EVPN"));
    }
}

#[test]
fn not_network_intensive_is_info_and_titled_by_the_share() {
    // 1 Gb/s: N = 0.156 of 64 cores, well under 5 %.
    let light = finding(
        r#"{"traffic": {"gbps_per_host": 1}}"#,
        "not-network-intensive",
    )
    .unwrap();
    assert_eq!(light.severity, Severity::Info);
    assert_eq!(light.title, "Networking uses little of this host's CPU");
    assert!(
        light.instead.unwrap().contains("32 Gb/s"),
        "revisit near the break-even"
    );
    // Eight cores of small packets on a 16-core host, but the DPU removes only 10 % of it:
    // N = 10/8·… > 5 % of the host, Z < 1.
    let json = r#"{"fleet": {"cores_per_host": 16},
        "assumptions": {"offload_fraction": {"low": 0.05, "likely": 0.1, "high": 0.2}}}"#;
    let f = finding(json, "not-network-intensive").unwrap();
    assert_eq!(f.title, "The DPU frees less than one core per host");
    assert!(
        f.detail.contains("1.56 cores of 16 (9.8 %)"),
        "{}",
        f.detail
    );
    assert!(
        f.detail
            .contains("removing 10 % of it, frees about 0.16 cores"),
        "{}",
        f.detail
    );
    // Past the break-even already (the DPUs cost nothing extra): no "revisit".
    let free = r#"{"traffic": {"gbps_per_host": 1}, "costs": {"dpu_price": 500, "dpu_watts": 20}}"#;
    assert_eq!(
        finding(free, "not-network-intensive").unwrap().instead,
        None
    );
    // Exactly at the break-even: 15 hosts of 8 cores in one cluster, 1500-byte packets at
    // 8 Gb/s per core: Z = 0.8·G/8 = 0.1·G, and A* = ⌈15·3,282/(48,403 + 3,282)⌉ = 1 server
    // needs 15·Z/8 ≥ 1, Z ≥ 0.533, G ≥ 5.34 (to 0.01). At 5.34 it pays: no "revisit".
    let at = |g: &str| {
        finding(
            &format!(
                r#"{{"traffic": {{"gbps_per_host": {g}, "avg_packet_bytes": 1500}},
                    "fleet": {{"hosts": 15, "cores_per_host": 8}}}}"#
            ),
            "not-network-intensive",
        )
        .unwrap()
    };
    assert!(
        at("5.33").instead.unwrap().contains("nears 5.34 Gb/s"),
        "just below"
    );
    assert_eq!(at("5.34").instead, None, "at the break-even");
}

#[test]
fn rack_space_says_why_no_server_goes() {
    let d = detail(
        r#"{"goals": ["save_rack_space"], "fleet": {"hosts": 12}}"#,
        "rack-space-needs-whole-servers",
    );
    // Z = 1.25; one cluster of 12: 15 cores, 0.23 of a 64-core server.
    assert!(d.contains("about 1.25 cores per host"), "{d}");
    assert!(
        d.contains("Across the 12 hosts that adds up to 15 cores: 0.23 of a 64-core server"),
        "{d}"
    );
    let d = detail(
        r#"{"goals": ["save_rack_space"], "fleet": {"bound_by": "memory"}, "traffic": {"gbps_per_host": 100, "avg_packet_bytes": 1500}}"#,
        "rack-space-needs-whole-servers",
    );
    assert!(d.contains("bound by memory"), "{d}");
    // Enough cores for a server, but a cluster of 2 must keep both.
    let d = detail(
        r#"{"goals": ["save_rack_space"], "fleet": {"hosts": 2}, "traffic": {"gbps_per_host": 400, "avg_packet_bytes": 1500}}"#,
        "rack-space-needs-whole-servers",
    );
    assert!(d.contains("must keep 2 hosts"), "{d}");
    // The title, which the headline quotes, names the cause when it is not too few cores.
    let title = |json: &str| {
        finding(json, "rack-space-needs-whole-servers")
            .expect("fires")
            .title
    };
    assert_eq!(
        title(r#"{"goals": ["save_rack_space"], "fleet": {"hosts": 12}}"#),
        "Freed cores do not add up to a whole server"
    );
    assert_eq!(
        title(
            r#"{"goals": ["save_rack_space"], "fleet": {"bound_by": "memory"}, "traffic": {"gbps_per_host": 100, "avg_packet_bytes": 1500}}"#
        ),
        "Freed cores remove no server: the servers are bound by memory"
    );
    assert_eq!(
        title(
            r#"{"goals": ["save_rack_space"], "fleet": {"hosts": 2}, "traffic": {"gbps_per_host": 400, "avg_packet_bytes": 1500}}"#
        ),
        "No cluster has a server to spare"
    );
}

#[test]
fn texts_fit_their_scenario() {
    // On vSphere only the distributed firewall can move: the advice offers nothing else.
    let f = finding(
        r#"{"goals": ["offload_security"], "traffic": {"encryption": "ipsec", "deep_inspection": true}}"#,
        "nothing-to-offload",
    )
    .expect("fires");
    assert_eq!(
        f.instead.as_deref(),
        Some("If a distributed firewall is what should move, tick it; otherwise drop the goal.")
    );
    let f = finding(
        r#"{"goals": ["offload_security"], "platform": {"kind": "kvm_ovs"}}"#,
        "nothing-to-offload",
    )
    .expect("fires");
    assert!(f.instead.unwrap().contains("encryption or inspection"));
    // Bare-metal servers already run without a hypervisor.
    let d = detail(
        r#"{"goals": ["run_bare_metal"], "platform": {"kind": "bare_metal"}, "workload": {"kind": "bare_metal_apps"}}"#,
        "bare-metal-needs-no-dpu",
    );
    assert!(
        d.starts_with("The servers already run without a hypervisor (bare metal, no virtualization), and that needs no DPU."),
        "{d}"
    );
    // Why no traffic pays, in the advice to keep networking on the host.
    let f = finding(
        r#"{"platform": {"kind": "bare_metal"}, "workload": {"kind": "bare_metal_apps"},
            "traffic": {"distributed_firewall": true}, "fleet": {"bound_by": "tenants"}}"#,
        "not-network-intensive",
    )
    .expect("fires");
    assert!(
        f.instead
            .as_deref()
            .unwrap_or("")
            .starts_with("Keep networking on the host: no traffic pays for the cards here, because the servers are bound by tenants"),
        "{:?}",
        f.instead
    );
    // "an enhanced data path".
    let d = detail(
        r#"{"platform": {"kind": "kvm_ovs", "datapath": "enhanced"}, "traffic": {"measured_networking_cores": 4}}"#,
        "measured-vs-model",
    );
    assert!(d.contains("packets on an enhanced data path"), "{d}");
}

#[test]
fn whole_server_and_small_share_boundaries() {
    // Exactly one server's worth in a cluster of 2 that keeps 2: measured 40 cores, Z = 32,
    // 2·32 = 64 cores = one 64-core server, and none to spare.
    let d = detail(
        r#"{"goals": ["save_rack_space"], "fleet": {"hosts": 2}, "traffic": {"measured_networking_cores": 40}}"#,
        "rack-space-needs-whole-servers",
    );
    assert!(
        d.contains("adds up to 64 cores, but a cluster must keep 2 hosts"),
        "{d}"
    );
    // Networking at exactly 5 % of the host (0.8 of 16 cores) is not "little".
    let at = |m: &str| {
        finding(
            &format!(r#"{{"fleet": {{"cores_per_host": 16}}, "traffic": {{"measured_networking_cores": {m}}}}}"#),
            "not-network-intensive",
        )
        .unwrap()
        .title
    };
    assert_eq!(at("0.8"), "The DPU frees less than one core per host");
    assert_eq!(at("0.79"), "Networking uses little of this host's CPU");
}

#[test]
fn feature_findings_name_the_features_relied_on() {
    let d = detail(r#"{"features": ["lacp", "lldp", "nioc"]}"#, "features-kept");
    assert!(d.starts_with("LACP and LLDP stay supported"), "{d}");
    let d = detail(r#"{"features": ["lacp"]}"#, "features-kept");
    assert!(d.starts_with("LACP stays supported"), "{d}");
    let d = detail(
        r#"{"features": ["port_mirroring", "lacp", "lldp"]}"#,
        "features-kept",
    );
    assert!(
        d.starts_with("LACP, port mirroring and LLDP stay supported"),
        "{d}"
    );
    let d = detail(
        r#"{"features": ["netflow", "sr_iov", "multicast_snooping"]}"#,
        "feature-support-unverified",
    );
    assert!(
        d.contains(
            "neither support nor loss for SR-IOV, NetFlow / IPFIX and multicast snooping. \
             Treat them as unknown"
        ),
        "{d}"
    );
    let d = detail(r#"{"features": ["netflow"]}"#, "feature-support-unverified");
    assert!(
        d.contains("for NetFlow / IPFIX. Treat it as unknown"),
        "{d}"
    );
}

#[test]
fn severities_have_their_json_names() {
    for s in Severity::ALL {
        assert_eq!(
            serde_json::to_value(s).expect("serialises"),
            serde_json::Value::String(s.wire().to_owned())
        );
    }
}

#[test]
fn security_work_the_dpu_could_take() {
    let goal = r#""goals": ["offload_security"]"#;
    // vSphere: only the distributed firewall counts; encryption and inspection stay.
    assert!(
        fired(
            &format!(r#"{{{goal}, "traffic": {{"encryption": "tls", "deep_inspection": true}}}}"#),
            "nothing-to-offload"
        )
        .is_some()
    );
    assert!(
        fired(
            &format!(r#"{{{goal}, "traffic": {{"distributed_firewall": true}}}}"#),
            "nothing-to-offload"
        )
        .is_none()
    );
    // Elsewhere any of the three counts.
    for traffic in [
        r#"{"encryption": "ipsec"}"#,
        r#"{"deep_inspection": true}"#,
        r#"{"distributed_firewall": true}"#,
    ] {
        let json =
            format!(r#"{{{goal}, "platform": {{"kind": "kvm_ovs"}}, "traffic": {traffic}}}"#);
        assert!(fired(&json, "nothing-to-offload").is_none(), "{json}");
    }
    assert!(
        fired(
            &format!(r#"{{{goal}, "platform": {{"kind": "kvm_ovs"}}}}"#),
            "nothing-to-offload"
        )
        .is_some()
    );
    // Isolating tenants is the security.
    let json = r#"{"goals": ["offload_security", "isolate_bare_metal_tenants"], "platform": {"kind": "bare_metal"}}"#;
    assert!(fired(json, "nothing-to-offload").is_none());
}

#[test]
fn texts_with_numbers_worked_out_by_hand() {
    // k = 2,000 + 5·(130 W·8.766·1.5·0.15) = 3,282.03; per month over 5 years: 54.70.
    let d = detail(
        r#"{"goals": ["isolate_bare_metal_tenants"], "platform": {"kind": "bare_metal"}, "workload": {"kind": "bare_metal_apps"}}"#,
        "tenant-isolation-needs-dpu",
    );
    assert!(
        d.contains(
            "USD\u{a0}3,282 per server over 5 years: about USD\u{a0}55 per server per month"
        ),
        "{d}"
    );
    // 500 Gb/s through one 400 Gb/s BlueField-3: 100 Gb/s stay.
    let d = detail(
        r#"{"traffic": {"gbps_per_host": 500}}"#,
        "dpu-line-rate-exceeded",
    );
    assert!(
        d.contains(
            "moves 500 Gb/s, but the NVIDIA BlueField-3 carries 400 Gb/s. The other 100 Gb/s"
        ),
        "{d}"
    );
    let d = detail(
        r#"{"traffic": {"gbps_per_host": 500}, "dpu": {"per_host": 2}}"#,
        "dpu-line-rate-exceeded",
    );
    assert!(
        d.contains("two NVIDIA BlueField-3 cards in active/standby mode carry one card's 400 Gb/s"),
        "{d}"
    );
    // Two independent cards carry both cards' rate: 900 Gb/s over 2 × 400.
    let d = detail(
        r#"{"traffic": {"gbps_per_host": 900}, "dpu": {"per_host": 2, "dual_mode": "independent"}}"#,
        "dpu-line-rate-exceeded",
    );
    assert!(
        d.contains("two independent NVIDIA BlueField-3 cards carry 800 Gb/s. The other 100 Gb/s"),
        "{d}"
    );
    // Exactly at the line rate nothing stays on the host.
    assert_eq!(
        fired(
            r#"{"traffic": {"gbps_per_host": 400}}"#,
            "dpu-line-rate-exceeded"
        ),
        None
    );
    // Two cards in HA: the second card is (2,500 − 500) + 5·(130 W·8.766·1.5·0.15) = 3,282.03
    // per host; no server is avoided, so all 32 hosts get DPUs: 32·3,282.03 = 105,024.88.
    let d = detail(r#"{"dpu": {"per_host": 2}}"#, "dual-dpu-standby");
    assert!(d.contains("each host gets one card's 400 Gb/s"), "{d}");
    assert!(
        d.contains(
            "The second card costs USD\u{a0}3,282 per host over 5 years (its price over a NIC and \
             its power), USD\u{a0}105,025 across the 32 hosts that get DPUs"
        ),
        "{d}"
    );
    assert!(
        d.ends_with("already survives a link or switch failure."),
        "{d}"
    );
    // One host, a 1,200 DPU over a 200 NIC at 100 W over 20 W for 3 years at 0.10/kWh and a
    // PUE of 1: 1,000 + 3·80·8.766·0.1 = 1,210.38 for the second card, one host.
    let d = detail(
        r#"{"dpu": {"per_host": 2}, "fleet": {"hosts": 1, "lifetime_years": 3},
            "costs": {"dpu_price": 1200, "nic_price": 200, "dpu_watts": 100, "nic_watts": 20,
                      "kwh_price": 0.1, "pue": 1}}"#,
        "dual-dpu-standby",
    );
    assert!(
        d.contains("USD\u{a0}1,210 per host over 3 years (its price over a NIC and its power), USD\u{a0}1,210 across the 1 host that gets DPUs"),
        "{d}"
    );
    let d = detail(
        r#"{"dpu": {"per_host": 2, "dual_mode": "independent"}}"#,
        "dual-dpu-independent",
    );
    assert!(d.contains("(800 Gb/s per host in all)"), "{d}");
    // The pitch: 30 % against N/C = 1.5625/64 = 2.4 % and Z/C = 1.25/64 = 2 %.
    let d = detail("{}", "claim-vs-model");
    assert!(d.starts_with("The pitch: up to 30 % of host CPU. Here networking uses 2.4 % of each host, and the DPU frees 2 % (P10–P90: "), "{d}");
    assert!(
        d.ends_with("Even the optimistic end of the range falls short of the pitch."),
        "{d}"
    );
    // NFV hosts: 40 Gb/s of 512-byte packets through an overlay the NIC cannot offload, with
    // the firewall, on KVM: N = 40·10³/(8·512)·1.2·1.4 = 16.4 cores of 64, Z = 13.1 (20.5 %),
    // P10–P90 roughly 12 % to 28 %. A pitch of 5 % is met across the range; 20 % lies
    // inside it.
    let nfv = |claim: u32| {
        detail(
            &format!(
                r#"{{"platform": {{"kind": "kvm_ovs"}},
                    "traffic": {{"gbps_per_host": 40, "avg_packet_bytes": 512, "overlay": true,
                                "overlay_nic_offload": false, "distributed_firewall": true}},
                    "claim": {{"cpu_freed_percent": {claim}}}}}"#
            ),
            "claim-vs-model",
        )
    };
    let met = nfv(5);
    assert!(
        met.ends_with("This scenario meets the pitch across the range."),
        "{met}"
    );
    let within = nfv(20);
    assert!(
        within.ends_with("The pitch lies within the range: measure before you believe it."),
        "{within}"
    );
    assert!(within.contains("the DPU frees 20.5 %"), "{within}");
    // Networking beyond the host's cores (host-saturated): no comparison. 150 Gb/s of 256-byte
    // packets: N = 150·10³/(8·256) = 73.2 cores of 64.
    let saturated = detail(
        r#"{"traffic": {"gbps_per_host": 150, "avg_packet_bytes": 256}, "claim": {"cpu_freed_percent": 5}}"#,
        "claim-vs-model",
    );
    assert!(
        saturated.ends_with(
            "Networking here needs more cores than the host has: check the inputs before comparing."
        ),
        "{saturated}"
    );
    // Measured 4 cores against the model's 1.5625 at 10 Gb/s of 800-byte packets.
    let d = detail(
        r#"{"traffic": {"measured_networking_cores": 4}}"#,
        "measured-vs-model",
    );
    assert!(
        d.contains("You measured 4 cores (2.6× the estimate)"),
        "{d}"
    );
    assert!(
        d.contains("on a kernel data path the model estimates 1.56 cores"),
        "{d}"
    );
    // Kubernetes with the wrong card and two of them.
    let d = detail(
        r#"{"platform": {"kind": "kubernetes"}, "dpu": {"model": "intel_ipu_e2100", "per_host": 2}}"#,
        "kubernetes-dpu-unsupported",
    );
    assert!(
        d.ends_with("the Intel IPU E2100 is not, and two DPUs per node are not supported."),
        "{d}"
    );
}

#[test]
fn wording_rules() {
    // Plural agrees: one core freed reads "1 core".
    let json = r#"{"fleet": {"cores_per_host": 16}, "traffic": {"gbps_per_host": 8},
        "assumptions": {"offload_fraction": {"low": 0.8, "likely": 0.8, "high": 0.8}}}"#;
    let s = Scenario::from_json(json).unwrap();
    let r = evaluate_with(&s, FAST);
    assert!((r.cost.cores_freed_per_host - 1.0).abs() < 1e-12);
    assert!(
        r.headline.contains("free about 1 core per host"),
        "{}",
        r.headline
    );
    // The VM count only for many VMs per host.
    let many = detail(
        r#"{"goals": ["run_bare_metal"]}"#,
        "hypervisor-stays-on-host",
    );
    assert!(many.contains("between its 20 VMs"), "{many}");
    let one = detail(
        r#"{"goals": ["run_bare_metal"], "workload": {"kind": "one_vm_per_host"}}"#,
        "hypervisor-stays-on-host",
    );
    assert!(!one.contains("VMs"), "{one}");
    let single = detail(
        r#"{"goals": ["run_bare_metal"], "workload": {"vms_per_host": 1}}"#,
        "hypervisor-stays-on-host",
    );
    assert!(single.contains("between its 1 VM "), "{single}");
    // Labels keep their capitals.
    let k = detail(
        r#"{"goals": ["run_bare_metal", "save_rack_space"], "workload": {"kind": "kubernetes"}}"#,
        "bare-metal-needs-no-dpu",
    );
    assert!(k.starts_with("With Kubernetes pods the servers"), "{k}");
    let shaping = detail(
        r#"{"features": ["traffic_shaping"]}"#,
        "loses-traffic-shaping",
    );
    assert!(
        shaping.starts_with("You rely on traffic shaping today."),
        "{shaping}"
    );
    // KVM is named as KVM.
    let kvm = finding(
        r#"{"goals": ["run_bare_metal"], "platform": {"kind": "kvm_ovs"}}"#,
        "hypervisor-stays-on-host",
    )
    .unwrap();
    assert_eq!(kvm.title, "KVM cannot move onto the DPU");
    // vSphere 9.x offload statements say they are documented for vSphere 8.
    for id in ["loses-nioc", "upt-needed"] {
        let d9 = detail(
            r#"{"platform": {"vsphere": "9.1", "nsx": "9.1"}, "features": ["nioc"]}"#,
            id,
        );
        assert!(d9.contains("documented for vSphere 8"), "{id}: {d9}");
        let d8 = detail(r#"{"features": ["nioc"]}"#, id);
        assert!(!d8.contains("documented for vSphere 8"), "{id}: {d8}");
    }
}

#[test]
fn offload_possible_gates_the_feature_rules() {
    // vSphere 7.0 or no NSX: nothing is offloaded, so no feature is lost.
    for platform in [r#"{"vsphere": "7.0"}"#, r#"{"nsx": "none"}"#] {
        let json = format!(
            r#"{{"platform": {platform}, "features": ["nioc", "lacp", "netflow", "vmotion_to_non_dpu_hosts"]}}"#
        );
        for id in [
            "loses-nioc",
            "features-kept",
            "feature-support-unverified",
            "vmotion-only-between-dpu-hosts",
            "upt-needed",
        ] {
            assert_eq!(fired(&json, id), None, "{id} for {platform}");
        }
    }
}

#[test]
fn findings_are_sorted_by_severity() {
    let s = dpu_engine::presets::preset("hype-case")
        .unwrap()
        .scenario()
        .unwrap();
    let report = evaluate_with(&s, FAST);
    assert!(
        report
            .findings
            .windows(2)
            .all(|w| w[0].severity <= w[1].severity)
    );
}

#[test]
fn bare_metal_has_nothing_to_free_without_a_firewall_or_encryption() {
    let base = r#""platform": {"kind": "bare_metal"}, "workload": {"kind": "bare_metal_apps"}"#;
    let fires = |extra: &str| fired(&format!("{{{base}{extra}}}"), "bare-metal-nothing-to-free");
    assert_eq!(fires(""), Some(Severity::WrongProblem));
    // Deep inspection alone has no cost term: still nothing to free.
    assert!(fires(r#", "traffic": {"deep_inspection": true}"#).is_some());
    // Measured cores are the application's own work: still nothing to free.
    let measured = detail(
        &format!(r#"{{{base}, "traffic": {{"measured_networking_cores": 6}}}}"#),
        "bare-metal-nothing-to-free",
    );
    let one = detail(
        &format!(r#"{{{base}, "traffic": {{"measured_networking_cores": 1}}}}"#),
        "bare-metal-nothing-to-free",
    );
    assert!(
        one.contains("The 1 core you measured is that application work, and it stays too."),
        "{one}"
    );
    assert!(
        measured.contains("The 6 cores you measured are that application work"),
        "{measured}"
    );
    // Other goals do not prevent it, offload_security included.
    assert!(fires(r#", "goals": ["free_host_cpu", "offload_security"]"#).is_some());
    // A host firewall or encryption is work a DPU can take; isolating tenants is a goal a DPU
    // serves; without the goal, or off bare metal, the rule is quiet.
    for quiet in [
        r#", "traffic": {"distributed_firewall": true}"#,
        r#", "traffic": {"encryption": "ipsec"}"#,
        r#", "goals": ["free_host_cpu", "isolate_bare_metal_tenants"]"#,
        r#", "goals": ["save_rack_space"]"#,
    ] {
        assert_eq!(fires(quiet), None, "{quiet}");
    }
    assert_eq!(
        fired(
            r#"{"platform": {"kind": "kubernetes"}}"#,
            "bare-metal-nothing-to-free"
        ),
        None
    );
}

#[test]
fn measured_cores_below_half_the_least_the_model_allows() {
    // KVM, kernel path, 40 Gb/s of 512-byte packets through an overlay the NIC cannot offload,
    // with a distributed firewall. At the fast ends T = 15 Gb/s and M = 2 Mpps per core:
    // max(1/15, 10³/(8·512·2)) = 0.12207 cores per Gb/s, b = 40·0.12207 = 4.883 cores; O at
    // its low end 0 adds nothing, W at its low end 0.1 adds 0.488: n_min = 5.371, half 2.686.
    let nfv = |m: &str| {
        format!(
            r#"{{"platform": {{"kind": "kvm_ovs"}},
                "traffic": {{"gbps_per_host": 40, "avg_packet_bytes": 512, "overlay": true,
                            "overlay_nic_offload": false, "distributed_firewall": true,
                            "measured_networking_cores": {m}}}}}"#
        )
    };
    let f = finding(&nfv("2.68"), "measured-implausible").expect("fires under half");
    assert_eq!(f.severity, Severity::CheckInputs);
    assert!(
        f.detail.starts_with(
            "You measured 2.68 cores on the data path, but 40 Gb/s of 512-byte packets needs at \
             least about 5.37 cores on a kernel data path"
        ),
        "{}",
        f.detail
    );
    assert!(
        f.detail
            .contains("(15 Gb/s and 2 million packets per second per core)"),
        "{}",
        f.detail
    );
    assert!(f.instead.unwrap().contains("pidstat, top"));
    assert_eq!(fired(&nfv("2.69"), "measured-implausible"), None);
    // The user's ranges are the ones in force: with T up to 40 and M up to 10, the default
    // 10 Gb/s of 800-byte packets need max(1/40, 10³/(8·800·10)) = 0.025 per Gb/s: 0.25
    // cores, so 0.12 is under half and 0.13 is not.
    let own = |m: &str| {
        format!(
            r#"{{"traffic": {{"measured_networking_cores": {m}}},
                "assumptions": {{"vswitch_gbps_per_core": {{"low": 5, "likely": 10, "high": 40}},
                                 "vswitch_mpps_per_core": {{"low": 1, "likely": 2, "high": 10}}}}}}"#
        )
    };
    let d = detail(&own("0.12"), "measured-implausible");
    assert!(
        d.contains("needs at least about 0.25 cores on a kernel data path"),
        "{d}"
    );
    assert_eq!(fired(&own("0.13"), "measured-implausible"), None);
    // The enhanced defaults (T up to 50, M up to 8): max(0.02, 10³/(8·800·8)) = 0.02 per Gb/s,
    // 0.2 cores at 10 Gb/s.
    let d = detail(
        r#"{"platform": {"datapath": "enhanced"}, "traffic": {"measured_networking_cores": 0.09}}"#,
        "measured-implausible",
    );
    assert!(
        d.contains("at least about 0.2 cores on an enhanced data path"),
        "{d}"
    );
    // Bare metal: the measurement is the application's, never compared.
    assert_eq!(
        fired(
            r#"{"platform": {"kind": "bare_metal"}, "traffic": {"measured_networking_cores": 0.01}}"#,
            "measured-implausible"
        ),
        None
    );
}

#[test]
fn measured_cores_on_an_idle_kernel_path() {
    let idle = |platform: &str, m: &str| {
        fired(
            &format!(
                r#"{{"platform": {platform}, "traffic": {{"gbps_per_host": 0, "measured_networking_cores": {m}}}}}"#
            ),
            "measured-implausible",
        )
    };
    assert_eq!(
        idle(r#"{"kind": "kvm_ovs"}"#, "2"),
        Some(Severity::CheckInputs)
    );
    let f = finding(
        r#"{"traffic": {"gbps_per_host": 0, "measured_networking_cores": 2}}"#,
        "measured-implausible",
    )
    .unwrap();
    assert_eq!(f.title, "Cores measured on an idle kernel data path");
    assert!(
        f.detail
            .starts_with("You measured 2 cores on the data path at 0 Gb/s."),
        "{}",
        f.detail
    );
    assert!(f.instead.unwrap().contains("(esxtop)"));
    // Poll-mode paths pin cores at any load; nothing measured is nothing to question.
    assert_eq!(
        idle(r#"{"kind": "kvm_ovs", "datapath": "enhanced"}"#, "2"),
        None
    );
    assert_eq!(idle(r#"{"kind": "kvm_ovs"}"#, "0"), None);
}

#[test]
fn traffic_beyond_twice_the_cards() {
    // One BlueField-3 carries 400 Gb/s: 800 is twice that, 800.5 is beyond.
    let at = |json: &str| fired(json, "traffic-beyond-cards");
    let bulk = r#""avg_packet_bytes": 9000"#;
    assert_eq!(
        at(&format!(
            r#"{{"traffic": {{"gbps_per_host": 800, {bulk}}}}}"#
        )),
        None
    );
    assert_eq!(
        at(&format!(
            r#"{{"traffic": {{"gbps_per_host": 800.5, {bulk}}}}}"#
        )),
        Some(Severity::CheckInputs)
    );
    // Two cards in active/standby still carry one card's rate; two independent ones twice it.
    assert!(
        at(&format!(
            r#"{{"traffic": {{"gbps_per_host": 900, {bulk}}}, "dpu": {{"per_host": 2}}}}"#
        ))
        .is_some()
    );
    let both = |g: &str| {
        format!(
            r#"{{"traffic": {{"gbps_per_host": {g}, {bulk}}}, "dpu": {{"per_host": 2, "dual_mode": "independent"}}}}"#
        )
    };
    assert_eq!(at(&both("1600")), None);
    let d = detail(&both("1700"), "traffic-beyond-cards");
    assert!(
        d.starts_with("Each host is said to move 1,700 Gb/s through its virtual switch, more than twice the 800 Gb/s its DPUs can carry."),
        "{d}"
    );
    // A 50 Gb/s DSC-25: 101 Gb/s is beyond.
    let d = detail(
        r#"{"platform": {"kind": "kvm_ovs"}, "dpu": {"model": "pensando_dsc25"}, "traffic": {"gbps_per_host": 101, "avg_packet_bytes": 9000}}"#,
        "traffic-beyond-cards",
    );
    assert!(
        d.contains("more than twice the 50 Gb/s its DPU can carry"),
        "{d}"
    );
}

#[test]
fn bare_metal_measurement_is_shown_not_offloaded() {
    // Bare metal with a host firewall: E = b·W = 10·(10³/(8·800·1))·0.4 = 0.625 cores, whatever
    // was measured (shown as 0.62: an exact half rounds to even, as std's `{:.2}` does).
    let d = detail(
        r#"{"platform": {"kind": "bare_metal"}, "workload": {"kind": "bare_metal_apps"},
            "traffic": {"distributed_firewall": true, "measured_networking_cores": 6}}"#,
        "bare-metal-app-datapath",
    );
    assert!(
        d.starts_with("On bare metal a DPU takes over only a host firewall and encryption; here the model counts 0.62 cores for the host firewall. The 6 cores you measured"),
        "{d}"
    );
    let d = detail(
        r#"{"platform": {"kind": "bare_metal"}, "traffic": {"measured_networking_cores": 1}}"#,
        "bare-metal-app-datapath",
    );
    assert!(
        d.contains(
            "there is neither here, so nothing is counted as offloadable. The 1 core you measured is shown"
        ),
        "{d}"
    );
    // measured-vs-model says the same: N is the measurement, E the model's. With a host
    // firewall the model's estimate is b·W = 0.625 cores, so 6 cores are 9.6× it.
    let d = detail(
        r#"{"platform": {"kind": "bare_metal"}, "workload": {"kind": "bare_metal_apps"},
            "traffic": {"distributed_firewall": true, "measured_networking_cores": 6}}"#,
        "measured-vs-model",
    );
    assert!(
        d.starts_with("You measured 6 cores (9.6× the estimate); for 10 Gb/s of 800-byte packets the model estimates 0.62 cores for the host firewall and encryption"),
        "{d}"
    );
    assert!(
        d.ends_with("what a DPU takes over still comes from the model."),
        "{d}"
    );
    assert_eq!(
        fired(
            r#"{"platform": {"kind": "kvm_ovs"}, "traffic": {"measured_networking_cores": 1}}"#,
            "bare-metal-app-datapath"
        ),
        None
    );
}

#[test]
fn plans_compared_names_every_plan_and_the_best() {
    // vSphere 8.0u3 with NSX on the kernel path, 10 Gb/s of 800-byte packets: N = 1.5625 cores.
    // The NSX fast path at s = 2: 1.5625 − 1.5625/2 = 0.78 cores freed; the DPUs free
    // 0.8·1.5625 = 1.25. Neither adds up to a server (16·1.25/64 < 1), so the DPUs lose
    // 32·3,282.03 = 105,025 in every future and doing nothing is best.
    let f = finding("{}", "plans-compared").unwrap();
    let d = &f.detail;
    assert_eq!(f.severity, Severity::Info);
    for part in [
        "Do nothing: no cost and no saving (NPV USD\u{a0}0); the DPUs beat it in 0 % of futures (the best plan).",
        "NSX Enhanced Data Path in software: frees 0.78 cores per host, removes 0 servers",
        "It needs NICs certified for the Enhanced Data Path",
        "ConnectX-class SmartNIC with switch offload: does not apply. vSphere documents no switch offload",
        "NVIDIA BlueField-3 DPUs: frees 1.25 cores per host, removes 0 servers, a median loss of USD\u{a0}105,025; pays in 0 % of futures.",
    ] {
        assert!(d.contains(part), "{part}\n{d}");
    }
    assert!(
        d.ends_with("No plan beats doing nothing in the median future."),
        "{d}"
    );
    assert!(!d.contains("OVS"), "no OVS advice on vSphere: {d}");
    let instead = f.instead.unwrap();
    assert!(instead.contains("top-of-rack switch") && instead.contains("pool of shared DPUs"));

    // KVM, 60 Gb/s of 512-byte packets: N = 60·10³/(8·512) = 14.65 cores. OVS-DPDK at
    // s = 2.5 keeps max(2 pinned, 14.65/2.5 = 5.86): frees 8.79, which in a 16-host cluster
    // is ⌊16·8.79/64⌋ = 2 servers, 4 in the fleet. The SmartNIC frees 0.8·14.65 − 1 = 10.7,
    // also 4 servers; the DPUs 11.7. Four servers at no hardware cost are worth
    // 4·(30,000 + 5·(700·8.766·1.5·0.15 + 300)) = 153,613 in every future, more than either
    // card's plan, so the fast path is best.
    let d = detail(
        r#"{"platform": {"kind": "kvm_ovs"}, "traffic": {"gbps_per_host": 60, "avg_packet_bytes": 512}}"#,
        "plans-compared",
    );
    for part in [
        "OVS-DPDK or AF_XDP in software: frees 8.79 cores per host, removes 4 servers, a median USD\u{a0}153,613; pays in 100 % of futures",
        "It needs huge pages, a DPDK or AF_XDP capable NIC",
        "ConnectX-class SmartNIC with switch offload: frees 10.7 cores per host, removes 4 servers",
        "NVIDIA BlueField-3 DPUs: frees 11.7 cores per host, removes 4 servers",
    ] {
        assert!(d.contains(part), "{part}\n{d}");
    }
    assert!(
        d.ends_with(
            "The best plan here is OVS-DPDK or AF_XDP in software: it has the highest median."
        ),
        "{d}"
    );
    assert_eq!(d.matches("(the best plan)").count(), 1, "{d}");
    assert!(!d.contains("NSX"), "no NSX advice on KVM: {d}");

    // Kubernetes and bare metal have no fast path, and say why.
    let d = detail(r#"{"platform": {"kind": "kubernetes"}}"#, "plans-compared");
    assert!(
        d.contains(
            "A software fast path: does not apply. Kubernetes pods have no poll-mode switch path"
        ),
        "{d}"
    );
    let d = detail(
        r#"{"platform": {"kind": "bare_metal"}, "traffic": {"encryption": "tls", "gbps_per_host": 100}}"#,
        "plans-compared",
    );
    assert!(
        d.contains(
            "A software fast path: does not apply. No virtual switch runs on bare-metal servers."
        ),
        "{d}"
    );
    assert!(
        d.contains("ConnectX-class NIC with inline crypto: frees"),
        "{d}"
    );
}

#[test]
fn smartnic_plan_is_not_priced_on_vsphere() {
    let d = detail("{}", "smartnic-not-on-vsphere");
    assert!(
        d.starts_with("vSphere 8 documents switch offload only onto a DPU"),
        "{d}"
    );
    assert!(
        d.contains("vSphere 9.1 adds a per-host \"Performance NIC Offload\""),
        "{d}"
    );
    let d = detail(
        r#"{"platform": {"vsphere": "9.1", "nsx": "9.1"}}"#,
        "smartnic-not-on-vsphere",
    );
    assert!(d.contains("vSphere 9.1 (the release set here) adds"), "{d}");
    // Its sources show the NOT FOUND beside the NSX page whose silence records it.
    let f = finding("{}", "smartnic-not-on-vsphere").unwrap();
    assert!(f.sources.iter().any(|s| s.not_found == ["F10.9.7"]));
    for platform in ["kvm_ovs", "kubernetes", "bare_metal"] {
        assert_eq!(
            fired(
                &format!(r#"{{"platform": {{"kind": "{platform}"}}}}"#),
                "smartnic-not-on-vsphere"
            ),
            None
        );
    }
}
