//! Renders the page natively with Yew's `LocalServerRenderer` and checks the stable hooks
//! of SPEC §8 are all there.

use dpu_engine::choice::{Feature, Goal};
use dpu_engine::presets::PRESETS;
use dpu_engine::{ASSUMPTIONS, Choice, NUMBER_FIELDS, Scenario, evaluate};
use dpu_reality_check::{App, AppProps};
use yew::LocalServerRenderer;

async fn render(preset: Option<&str>) -> String {
    let props = AppProps {
        preset: preset.map(|p| p.to_owned().into()),
        ..AppProps::default()
    };
    LocalServerRenderer::<App>::with_props(props)
        .hydratable(false)
        .render()
        .await
}

#[track_caller]
fn check_has(html: &str, needle: &str) {
    assert!(html.contains(needle), "missing {needle}");
}

/// Some tag carries all of `attrs` (attribute order is the renderer's business).
#[track_caller]
fn check_tag(html: &str, attrs: &[&str]) {
    let found = html.split('<').any(|tag| {
        let tag = tag.split('>').next().unwrap_or_default();
        attrs.iter().all(|a| tag.contains(a))
    });
    assert!(found, "no tag with {attrs:?}");
}

#[tokio::test]
async fn default_page_shows_the_default_verdict() {
    let html = render(None).await;
    let want = evaluate(&Scenario::default()).verdict.wire();
    check_has(&html, r#"id="verdict""#);
    check_has(&html, &format!(r#"data-verdict="{want}""#));
    check_has(&html, r#"aria-live="polite""#);
    assert!(
        !html.contains("class=\"notice\""),
        "no notice without a preset"
    );
}

#[tokio::test]
async fn every_scenario_input_has_its_json_path_as_name() {
    let html = render(None).await;
    for f in NUMBER_FIELDS {
        check_has(&html, &format!(r#"name="{}""#, f.path));
    }
    for a in ASSUMPTIONS {
        for point in ["low", "likely", "high"] {
            check_has(&html, &format!(r#"name="assumptions.{}.{point}""#, a.key));
        }
    }
    for g in Goal::ALL {
        check_tag(
            &html,
            &[r#"name="goals""#, &format!(r#"value="{}""#, g.wire())],
        );
    }
    for f in Feature::ALL {
        check_tag(
            &html,
            &[r#"name="features""#, &format!(r#"value="{}""#, f.wire())],
        );
    }
    for path in [
        "name",
        "platform.kind",
        "platform.vsphere",
        "platform.nsx",
        "workload.kind",
        "dpu.model",
        "dpu.oem",
        "dpu.factory_installed",
        "dpu.mixed_models_in_cluster",
        "traffic.overlay",
        "traffic.overlay_nic_offload",
        "traffic.distributed_firewall",
        "traffic.encryption",
        "costs.currency",
        "costs.licenses_follow_cores",
    ] {
        check_has(&html, &format!(r#"name="{path}""#));
    }
}

#[tokio::test]
async fn every_cost_figure_has_a_hook_with_its_raw_value() {
    let html = render(None).await;
    let report = evaluate(&Scenario::default());
    let cost = serde_json::to_value(&report.cost).expect("cost serialises");
    let fields = cost.as_object().expect("cost is an object");
    assert!(fields.len() >= 10);
    for (field, value) in fields {
        let raw = match value.as_f64() {
            Some(v) => v.to_string(),
            None => "null".to_owned(),
        };
        check_tag(
            &html,
            &[
                &format!(r#"data-cost="{field}""#),
                &format!(r#"data-value="{raw}""#),
            ],
        );
    }
}

#[tokio::test]
async fn every_preset_renders_its_verdict_and_findings() {
    for p in PRESETS {
        let html = render(Some(p.name)).await;
        let report = evaluate(&p.scenario().expect("valid preset"));
        check_has(
            &html,
            &format!(r#"data-verdict="{}""#, report.verdict.wire()),
        );
        for f in &report.findings {
            check_has(&html, &format!(r#"data-finding-id="{}""#, f.id));
        }
        check_tag(
            &html,
            &["option ", &format!(r#"value="{}""#, p.name), "selected"],
        );
    }
}

#[tokio::test]
async fn hype_case_is_the_wrong_problem() {
    let html = render(Some("hype-case")).await;
    check_has(&html, r#"data-verdict="wrong_problem""#);
    check_has(&html, r#"data-finding-id="hypervisor-stays-on-host""#);
}

#[tokio::test]
async fn an_unknown_preset_says_so_and_shows_the_defaults() {
    let html = render(Some("no-such-preset")).await;
    check_has(&html, "no-such-preset");
    check_has(&html, "class=\"notice\"");
    let want = evaluate(&Scenario::default()).verdict.wire();
    check_has(&html, &format!(r#"data-verdict="{want}""#));
}

#[tokio::test]
async fn no_inline_styles_so_the_csp_can_forbid_them() {
    for p in [None, Some("nfv-heavy")] {
        let html = render(p).await;
        assert!(!html.contains(" style="), "inline style in {p:?}");
        assert!(!html.contains("<script"), "script in {p:?}");
    }
}

#[tokio::test]
async fn charts_are_svg_with_text_alternatives() {
    let html = render(Some("nfv-heavy")).await;
    assert!(html.matches("<svg").count() >= 3, "three charts");
    let labelled = html.matches(r#"role="img" aria-label="#).count();
    let decorative = html.matches(r#"aria-hidden="true""#).count();
    assert!(labelled >= 1, "the traffic chart has a text alternative");
    assert_eq!(
        html.matches("<svg").count(),
        labelled + decorative,
        "every svg is labelled or decorative"
    );
    check_has(&html, "pays from");
}

#[tokio::test]
async fn share_save_and_export_controls_are_on_the_page() {
    let html = render(None).await;
    for action in [
        "copy-link",
        "copy-markdown",
        "export-json",
        "import-json",
        "print",
        "save",
    ] {
        check_has(&html, &format!(r#"data-action="{action}""#));
    }
    check_has(&html, r#"data-field="save-name""#);
}

#[tokio::test]
async fn a_link_is_read_and_a_bad_one_is_reported() {
    let mut s = Scenario::default();
    s.fleet.hosts = 7;
    let props = AppProps {
        link: Some(dpu_engine::share::encode(&s).into()),
        ..AppProps::default()
    };
    let html = LocalServerRenderer::<App>::with_props(props)
        .hydratable(false)
        .render()
        .await;
    check_tag(&html, &[r#"name="fleet.hosts""#, r#"value="7""#]);
    let props = AppProps {
        link: Some("1.@@@".into()),
        ..AppProps::default()
    };
    let html = LocalServerRenderer::<App>::with_props(props)
        .hydratable(false)
        .render()
        .await;
    check_has(&html, r#"data-notice="link-invalid""#);
    check_has(
        &html,
        &format!(
            r#"data-verdict="{}""#,
            evaluate(&Scenario::default()).verdict.wire()
        ),
    );
}

#[tokio::test]
async fn sourced_defaults_link_their_sources_beside_the_input() {
    let html = render(None).await;
    for b in dpu_engine::scenario::DEFAULT_BASES {
        for fact in b.sources {
            check_has(&html, &format!(r#"data-fact="{fact}""#));
        }
    }
}
