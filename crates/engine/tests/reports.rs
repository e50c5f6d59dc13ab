//! Verdicts and headlines worked out by hand, the presets, and snapshots of the article's case.

use dpu_engine::render::{markdown, text};
use dpu_engine::{Options, Report, Scenario, Verdict, evaluate, evaluate_with, presets};

const FAST: Options = Options {
    samples: 200,
    seed: 9,
};

fn report(json: &str) -> Report {
    evaluate_with(&Scenario::from_json(json).expect("valid"), FAST)
}

#[track_caller]
fn check(json: &str, want: Verdict) {
    let r = report(json);
    assert_eq!(r.verdict, want, "{json}: {}", r.headline);
}

/// 100 Gb/s of 1500-byte packets on 16 hosts of 32 cores: N = 10, Z = 8, 4 servers avoided.
const PAYS: &str = r#""traffic": {"gbps_per_host": 100, "avg_packet_bytes": 1500}, "fleet": {"hosts": 16, "cores_per_host": 32}"#;

#[test]
fn verdicts_first_match_wins() {
    // Defaults: 1.25 cores freed per host, no whole server, DPUs cost money.
    check("{}", Verdict::NotWorthIt);
    check(&format!("{{{PAYS}}}"), Verdict::WorthIt);
    check(
        &format!(r#"{{{PAYS}, "features": ["nioc"]}}"#),
        Verdict::WorthItWithTradeoffs,
    );
    check(
        &format!(r#"{{{PAYS}, "platform": {{"nsx": "none"}}}}"#),
        Verdict::NotSupported,
    );
    check(
        &format!(r#"{{{PAYS}, "platform": {{"nsx": "none"}}, "goals": ["run_bare_metal"]}}"#),
        Verdict::WrongProblem,
    );
    // Unsupported beats not worth it.
    check(r#"{"dpu": {"oem": "other"}}"#, Verdict::NotSupported);
    // Info findings never change the verdict.
    check(
        &format!(r#"{{{PAYS}, "features": ["netflow"]}}"#),
        Verdict::WorthIt,
    );
}

#[test]
fn headlines_use_the_scenarios_numbers() {
    let r = report("{}");
    // K_d = 32·2542.39625 = 81,356.68; Z = 1.25; break-even 16 Gb/s.
    assert_eq!(
        r.headline,
        "The DPUs would cost USD 81,357 more over 5 years but free only 1.25 cores per host, \
         which removes 0 of 32 servers; it would pay from about 16 Gb/s per host."
    );
    let r = report(&format!("{{{PAYS}}}"));
    // V = 4·(30,000 + 5·12,880.645) = 377,612.9; K_d = 16·2542.39625 = 40,678.34.
    assert_eq!(
        r.headline,
        "It pays: USD 336,935 saved over 5 years by removing 4 of 16 servers."
    );
    let r = report(&format!(r#"{{{PAYS}, "features": ["nioc", "dv_filter"]}}"#));
    assert!(
        r.headline
            .ends_with("but Network I/O Control is lost (and 1 more reason below)."),
        "{}",
        r.headline
    );
    let r = report(r#"{"goals": ["run_bare_metal"]}"#);
    assert!(
        r.headline
            .starts_with("A DPU will not solve this: ESXi cannot move onto the DPU"),
        "{}",
        r.headline
    );
}

#[test]
fn every_preset_is_valid_and_named_uniquely() {
    for (i, p) in presets::PRESETS.iter().enumerate() {
        let s = p.scenario().unwrap_or_else(|e| panic!("{}: {e}", p.name));
        assert!(!s.name.is_empty(), "{} has a name", p.name);
        assert!(presets::PRESETS[..i].iter().all(|o| o.name != p.name));
        assert_eq!(presets::preset(p.name).map(|q| q.name), Some(p.name));
    }
    for name in [
        "hype-case",
        "nfv-heavy",
        "enterprise-typical",
        "bare-metal-cloud",
        "kubernetes-ovn",
    ] {
        assert!(presets::preset(name).is_some(), "SPEC §7 preset {name}");
    }
}

#[test]
fn the_articles_architect_is_solving_the_wrong_problem() {
    let s = presets::preset("hype-case").unwrap().scenario().unwrap();
    let r = evaluate(&s);
    assert_eq!(r.verdict, Verdict::WrongProblem);
    let ids: Vec<&str> = r.findings.iter().map(|f| f.id.as_str()).collect();
    // The article's reasons: the wrong problem, ESXi stays, no bare-metal offload in
    // vSphere 8 / NSX 4.0.1, and the VDS features lost.
    for id in [
        "bare-metal-needs-workload-fit",
        "hypervisor-stays-on-host",
        "rack-space-needs-whole-servers",
        "bare-metal-offload-unsupported",
        "loses-nioc",
        "loses-traffic-shaping",
        "loses-dv-filter",
    ] {
        assert!(ids.contains(&id), "hype-case lacks {id}: {ids:?}");
    }
}

#[test]
fn presets_cover_different_answers() {
    let verdict = |name: &str| {
        evaluate_with(&presets::preset(name).unwrap().scenario().unwrap(), FAST).verdict
    };
    assert_eq!(verdict("nfv-heavy"), Verdict::WorthIt);
    assert_eq!(verdict("enterprise-typical"), Verdict::WrongProblem);
    assert_eq!(verdict("bare-metal-cloud"), Verdict::WorthIt);
    assert_eq!(verdict("kubernetes-ovn"), Verdict::NotWorthIt);
}

#[test]
fn hype_case_report_snapshot() {
    let s = presets::preset("hype-case").unwrap().scenario().unwrap();
    let r = evaluate(&s);
    insta::assert_json_snapshot!("hype_case_report", r);
    insta::assert_snapshot!("hype_case_markdown", markdown(&r, &s));
    insta::assert_snapshot!("hype_case_text", text(&r, &s));
}

#[test]
fn text_report_fits_a_terminal() {
    let s = presets::preset("nfv-heavy").unwrap().scenario().unwrap();
    let out = text(&evaluate_with(&s, FAST), &s);
    for line in out.lines().filter(|l| !l.contains("https://")) {
        assert!(line.chars().count() <= 100, "long line: {line}");
    }
    assert!(out.starts_with(
        "DPU Reality Check: NFV hosts with overlay and firewall\nVerdict: WORTH IT\n"
    ));
}

#[test]
fn markdown_escapes_user_text() {
    let s = Scenario::from_json(r#"{"name": "<script>*x*</script> | [a](b)"}"#).unwrap();
    let md = markdown(&evaluate_with(&s, FAST), &s);
    assert!(
        md.starts_with("## DPU Reality Check: \\<script\\>\\*x\\*\\</script\\> \\| \\[a\\](b)\n"),
        "{md}"
    );
}

#[test]
fn reports_say_what_they_were_computed_for() {
    let s = Scenario::from_json(
        r#"{"goals": ["cut_licensing"], "platform": {"kind": "kvm_ovs"},
            "traffic": {"gbps_per_host": 25, "encryption": "ipsec", "distributed_firewall": true},
            "fleet": {"hosts": 9, "cores_per_host": 96}, "features": ["lacp"]}"#,
    )
    .unwrap();
    let rows = dpu_engine::render::summary(&s);
    let get = |label: &str| {
        rows.iter()
            .find(|(l, _)| *l == label)
            .map(|(_, v)| v.clone())
            .unwrap()
    };
    assert_eq!(get("Goals"), "Cut per-core licensing");
    assert_eq!(get("Platform"), "Linux KVM / OpenStack with Open vSwitch");
    assert_eq!(get("Relied-on features"), "LACP");
    assert_eq!(
        get("Traffic"),
        "25 Gb/s per host, 800-byte packets, overlay offloaded by the NIC, distributed firewall, IPsec in software"
    );
    assert!(get("Fleet").starts_with("9 hosts × 96 cores at 2.8 GHz, USD 30,000 each"));
    let r = evaluate_with(&s, FAST);
    assert!(markdown(&r, &s).contains("| Fleet | 9 hosts × 96 cores"));
    assert!(text(&r, &s).contains("\nScenario\n  Goals: Cut per-core licensing\n"));
}
