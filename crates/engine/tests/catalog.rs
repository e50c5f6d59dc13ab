//! Every rule of the catalog: well-formed, sourced, and firing exactly where its examples say.

use dpu_engine::sources::source;
use dpu_engine::{Options, RULES, Scenario, Severity, evaluate_with};

const FAST: Options = Options {
    samples: 64,
    seed: 1,
};

/// The ids SPEC §4 requires.
const SPEC_IDS: &[&str] = &[
    "hypervisor-stays-on-host",
    "bare-metal-needs-workload-fit",
    "bare-metal-fits-workload",
    "rack-space-needs-whole-servers",
    "not-network-intensive",
    "licensing-needs-fewer-cores",
    "vsphere-too-old",
    "offload-needs-nsx",
    "bare-metal-offload-unsupported",
    "storage-offload-unsupported",
    "dpu-model-unsupported",
    "dpu-must-be-factory-installed",
    "server-oem-unsupported",
    "mixed-dpu-models",
    "dual-dpu-needs-8u3",
    "loses-nioc",
    "loses-traffic-shaping",
    "loses-dv-filter",
    "vmotion-only-between-dpu-hosts",
    "features-kept",
    "feature-support-unverified",
    "upt-needed",
    "dpu-line-rate-exceeded",
    "host-saturated",
    "kubernetes-offload-immature",
    "bare-metal-cloud-fits",
    "storage-offload-fits",
    "arm-cores-slow-path",
    "vcf9-scope-unverified",
    "consider-alternatives",
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
fn ids_are_unique_kebab_case_and_cover_the_spec() {
    for (i, rule) in RULES.iter().enumerate() {
        assert!(is_kebab(rule.id), "{} is not kebab-case", rule.id);
        assert!(
            RULES[..i].iter().all(|r| r.id != rule.id),
            "{} twice",
            rule.id
        );
        assert!(
            !rule.title.is_empty() && !rule.when.is_empty(),
            "{} undocumented",
            rule.id
        );
    }
    for id in SPEC_IDS {
        assert!(
            dpu_engine::rules::rule(id).is_some(),
            "SPEC §4 rule {id} is missing"
        );
    }
}

#[test]
fn every_rule_cites_a_source_with_a_url() {
    for rule in RULES {
        assert!(!rule.sources.is_empty(), "{} cites nothing", rule.id);
        for fact in rule.sources {
            let src = source(fact).unwrap_or_else(|| panic!("{} cites unknown {fact}", rule.id));
            assert!(
                src.url.starts_with("https://"),
                "{}: {fact} has no https URL",
                rule.id
            );
            assert!(!src.title.is_empty());
        }
    }
}

fn fired(json: &str, id: &str) -> Option<Severity> {
    let s = Scenario::from_json(json).unwrap_or_else(|e| panic!("example {json}: {e}"));
    let report = evaluate_with(&s, FAST);
    report
        .findings
        .iter()
        .find(|f| f.id == id)
        .map(|f| f.severity)
}

#[test]
fn every_rule_fires_on_its_example_and_not_on_its_counter_example() {
    for rule in RULES {
        let severity = fired(rule.fires_for, rule.id)
            .unwrap_or_else(|| panic!("{} does not fire for {}", rule.id, rule.fires_for));
        assert_eq!(
            severity, rule.severity,
            "{} fired with another severity",
            rule.id
        );
        match rule.quiet_for {
            Some(quiet) => {
                assert_eq!(fired(quiet, rule.id), None, "{} fires for {quiet}", rule.id);
            }
            None => assert_eq!(
                rule.when, "always",
                "only always-on rules lack a counter-example"
            ),
        }
    }
}

#[test]
fn findings_carry_sources_and_numbers() {
    let s =
        Scenario::from_json(r#"{"goals": ["save_rack_space"], "fleet": {"hosts": 12}}"#).unwrap();
    let report = evaluate_with(&s, FAST);
    let f = report
        .findings
        .iter()
        .find(|f| f.id == "rack-space-needs-whole-servers")
        .unwrap();
    // Z = 1.25 cores per host, 12 hosts → 15 cores, 0.23 of a 64-core server.
    assert!(
        f.detail.contains("1.25 cores on each of 12 hosts"),
        "{}",
        f.detail
    );
    assert!(f.detail.contains("15 cores in all"), "{}", f.detail);
    assert!(
        f.detail.contains("0.23 of a 64-core server"),
        "{}",
        f.detail
    );
    assert_eq!(f.sources.len(), 2);
    assert_eq!(f.sources[0].fact, "F1.1.1");
    assert!(f.instead.is_some());
}

#[test]
fn not_network_intensive_is_info_without_the_cpu_goal() {
    let light = r#"{"traffic": {"gbps_per_host": 1}, "goals": ["offload_security"]}"#;
    assert_eq!(fired(light, "not-network-intensive"), Some(Severity::Info));
    let light = r#"{"traffic": {"gbps_per_host": 1}, "goals": ["free_host_cpu"]}"#;
    assert_eq!(
        fired(light, "not-network-intensive"),
        Some(Severity::WrongProblem)
    );
}

#[test]
fn bare_metal_cloud_checks_each_platform() {
    for kind in ["kvm_ovs", "kubernetes", "bare_metal"] {
        let json = format!(
            r#"{{"goals": ["isolate_bare_metal_tenants"], "platform": {{"kind": "{kind}"}}}}"#
        );
        assert_eq!(
            fired(&json, "bare-metal-cloud-fits"),
            Some(Severity::Good),
            "{kind}"
        );
        assert_eq!(
            fired(&json, "bare-metal-offload-unsupported"),
            None,
            "{kind}"
        );
    }
}

#[test]
fn arm_cores_rule_fires_for_bluefield2_crypto() {
    let json = r#"{"traffic": {"encryption": "tls"}, "dpu": {"model": "bluefield2"}}"#;
    assert_eq!(fired(json, "arm-cores-slow-path"), Some(Severity::Tradeoff));
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
