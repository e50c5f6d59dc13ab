//! Renders the page natively with Yew's `LocalServerRenderer` and checks the stable hooks
//! of SPEC §8, the quick check, the reasoning, and the embed's card.

use dpu_engine::fields::{FIELDS, Kind};
use dpu_engine::presets::PRESETS;
use dpu_engine::{FIGURES, Scenario, evaluate};
use dpu_reality_check::{App, AppProps};
use yew::LocalServerRenderer;

async fn render_props(props: AppProps) -> String {
    LocalServerRenderer::<App>::with_props(props)
        .hydratable(false)
        .render()
        .await
}

/// The full page with every folded section's inputs (the page renders them when opened).
async fn render(preset: Option<&str>) -> String {
    render_props(AppProps {
        preset: preset.map(|p| p.to_owned().into()),
        unfolded: true,
        ..AppProps::default()
    })
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
async fn default_page_shows_the_default_verdict_as_an_example() {
    let html = render(None).await;
    let want = evaluate(&Scenario::default()).verdict.wire();
    check_tag(
        &html,
        &[
            r#"id="verdict""#,
            &format!(r#"data-verdict="{want}""#),
            r#"data-example="true""#,
        ],
    );
    check_has(&html, "Example: a 32-host vSphere cluster");
    // The live region is separate from the verdict, so typing does not re-announce it.
    check_tag(&html, &[r#"aria-live="polite""#, "data-announcer"]);
    assert!(!html.contains("data-notice"), "no notice without a problem");
    check_has(&html, "Skip to the verdict");
    check_has(&html, "A DPU (data processing unit)");
}

#[tokio::test]
async fn every_scenario_input_has_its_json_path_as_name() {
    let html = render(None).await;
    for f in FIELDS {
        match f.kind {
            Kind::Range(_) => {
                for point in ["low", "likely", "high"] {
                    check_tag(
                        &html,
                        &[&format!(r#"name="{}.{point}""#, f.path), "aria-label="],
                    );
                }
            }
            Kind::List(options) => {
                for (wire, _) in options {
                    check_tag(
                        &html,
                        &[
                            &format!(r#"name="{}""#, f.path),
                            &format!(r#"value="{wire}""#),
                        ],
                    );
                }
            }
            // vSphere's selects show on vSphere, which the default is.
            _ => check_has(&html, &format!(r#"name="{}""#, f.path)),
        }
    }
    // Assumption inputs are named in full, with their unit.
    check_has(
        &html,
        r#"aria-label="Virtual-switch throughput per host core, low, Gb/s""#,
    );
    // Shares are shown as percentages.
    check_tag(
        &html,
        &[
            r#"name="assumptions.offload_fraction.likely""#,
            r#"value="80""#,
        ],
    );
}

#[tokio::test]
async fn the_quick_check_comes_first_and_the_rest_folds() {
    let html = render(None).await;
    let quick = html.find("Quick check").expect("a quick check");
    let first_section = html.find(r#"class="section""#).expect("folding sections");
    assert!(quick < first_section);
    for title in [
        "Prices and running costs",
        "Model assumptions",
        "Fleet, clusters and what you measured",
    ] {
        check_has(&html, &format!(r#"data-section="{title}""#));
    }
    // A summary says the values in force and how many changed.
    let html = render(Some("hype-case")).await;
    check_has(&html, "changed");
}

#[tokio::test]
async fn a_folded_section_has_its_inputs_only_once_opened() {
    // The page (as pre-rendered, and as the app first renders it): the quick check's inputs,
    // the folded sections' summaries, none of their inputs.
    let html = render_props(AppProps::default()).await;
    check_has(&html, r#"name="traffic.gbps_per_host""#);
    check_has(&html, r#"data-section="Prices and running costs""#);
    assert!(!html.contains(r#"name="costs.discount_rate""#));
    // Unfolded (as these tests render it), every input.
    let html = render(None).await;
    check_has(&html, r#"name="costs.discount_rate""#);
}

#[tokio::test]
async fn every_cost_figure_has_a_hook_with_its_raw_value() {
    let html = render(None).await;
    let report = evaluate(&Scenario::default());
    for fig in FIGURES {
        let raw = (fig.get)(&report.cost).map_or_else(|| "null".to_owned(), |v| v.to_string());
        check_tag(
            &html,
            &[
                &format!(r#"data-cost="{}""#, fig.field),
                &format!(r#"data-value="{raw}""#),
            ],
        );
    }
}

#[tokio::test]
async fn every_preset_renders_its_verdict_findings_and_reasoning() {
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
        for l in &report.explanation.chain {
            check_has(&html, &format!(r#"data-step="{}""#, l.step));
        }
        check_tag(
            &html,
            &["option ", &format!(r#"value="{}""#, p.name), "selected"],
        );
        check_has(&html, &format!("Example: {}", p.title));
    }
}

#[tokio::test]
async fn the_odds_show_only_under_cost_verdicts() {
    let html = render(Some("hype-case")).await;
    assert!(!html.contains("data-odds"), "no odds under a wrong problem");
    let html = render(None).await;
    check_has(&html, "data-odds");
}

#[tokio::test]
async fn an_unknown_preset_says_so_and_shows_the_defaults() {
    let html = render(Some("no-such-preset")).await;
    check_has(&html, "no-such-preset");
    check_has(&html, r#"data-notice="unknown-preset""#);
    let want = evaluate(&Scenario::default()).verdict.wire();
    check_has(&html, &format!(r#"data-verdict="{want}""#));
}

#[tokio::test]
async fn no_inline_styles_so_the_csp_can_forbid_them() {
    for p in [None, Some("nfv-heavy"), Some("vcf9-measured")] {
        let html = render(p).await;
        for tag in html
            .split('<')
            .map(|t| t.split('>').next().unwrap_or_default())
        {
            assert!(!tag.contains(" style="), "inline style in {p:?}: {tag}");
            assert!(!tag.starts_with("script"), "script in {p:?}");
        }
    }
}

#[tokio::test]
async fn charts_are_svg_with_text_alternatives() {
    let html = render(Some("nfv-heavy")).await;
    let svgs: Vec<&str> = html
        .split("<svg")
        .skip(1)
        .map(|t| t.split('>').next().unwrap_or_default())
        .collect();
    assert!(svgs.len() >= 4, "four charts");
    for tag in &svgs {
        let labelled = tag.contains(r#"role="img""#) && tag.contains("aria-label=");
        assert!(
            labelled || tag.contains(r#"aria-hidden="true""#),
            "unlabelled svg: {tag}"
        );
    }
    assert!(svgs.iter().filter(|t| t.contains(r#"role="img""#)).count() >= 3);
    check_has(&html, r#"data-payback-year="#);
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
    check_has(&html, "data-embed-panel");
    // One name field: the scenario's, in the saving panel.
    assert_eq!(html.matches(r#"name="name""#).count(), 1);
}

#[tokio::test]
async fn a_link_is_read_and_a_bad_one_is_reported() {
    let mut s = Scenario::default();
    s.fleet.hosts = 7;
    let html = render_props(AppProps {
        link: Some(dpu_engine::share::encode(&s).into()),
        ..AppProps::default()
    })
    .await;
    check_tag(&html, &[r#"name="fleet.hosts""#, r#"value="7""#]);
    check_has(&html, "The scenario of the link you opened.");
    let html = render_props(AppProps {
        link: Some("1.@@@".into()),
        ..AppProps::default()
    })
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
async fn defaults_show_their_basis_and_sources_beside_the_input() {
    let html = render(None).await;
    // The DPU power is a resolved default: its value and basis, with NVIDIA's page.
    check_has(&html, "Default 150 W: NVIDIA gives up to 150 W");
    check_tag(&html, &[r#"data-fact="F4.6.4""#]);
    check_tag(
        &html,
        &[
            r#"name="costs.dpu_watts""#,
            r#"placeholder="150 (default)""#,
        ],
    );
    // The resolved defaults the answer rests on are listed with the report.
    check_tag(
        &html,
        &[
            r#"data-resolved="platform.datapath""#,
            r#"data-user-set="false""#,
        ],
    );
    // Source kinds beside each link.
    check_tag(&html, &["class=\"source\"", r#"data-kind="vendor""#]);
}

#[tokio::test]
async fn the_embed_is_a_card_with_a_way_out() {
    let html = render_props(AppProps {
        preset: Some("hype-case".into()),
        embed: true,
        page_address: "https://x.org/tools/dpu/".into(),
        ..AppProps::default()
    })
    .await;
    check_has(&html, r#"data-verdict="wrong_problem""#);
    check_tag(
        &html,
        &[
            r#"data-action="open-full""#,
            r#"target="_blank""#,
            r#"rel="noopener noreferrer""#,
            r#"href="https://x.org/tools/dpu/?preset=hype-case""#,
        ],
    );
    // A few key inputs, not the whole form.
    assert!(!html.contains("Quick check"));
    let (open, folded) = html.split_once("<details").expect("the folded part");
    assert_eq!(
        open.matches("<input").count(),
        6,
        "only the key inputs are open"
    );
    // Every source link opens in a new tab.
    for tag in html.split("<a ").skip(1) {
        let tag = tag.split('>').next().unwrap_or_default();
        if tag.contains("data-fact") {
            assert!(
                tag.contains(r#"target="_blank""#) && tag.contains("noopener"),
                "{tag}"
            );
        }
    }
    // The embed has no page chrome; its saved list is folded away with the figures.
    assert!(!html.contains("Skip to the verdict") && !html.contains(r#"id="preset""#));
    assert!(!open.contains("Save this scenario") && folded.contains("Save this scenario"));
}

/// The HTML of the table row of one plan (from its `<tr` to its `</tr>`).
fn plan_row<'a>(html: &'a str, id: &str) -> &'a str {
    let table = &html[html.find(r#"id="plans""#).expect("the plans table")..];
    let table = &table[..table.find("</table>").expect("the table ends")];
    let hook = format!(r#"data-plan="{id}""#);
    let start = table
        .match_indices("<tr")
        .map(|(i, _)| i)
        .find(|i| {
            table[*i..]
                .split('>')
                .next()
                .is_some_and(|t| t.contains(&hook))
        })
        .unwrap_or_else(|| panic!("no row for {id}"));
    let row = &table[start..];
    &row[..row.find("</tr>").expect("the row ends")]
}

#[tokio::test]
async fn the_plans_table_carries_the_reports_plans_and_numbers() {
    for p in PRESETS {
        let html = render(Some(p.name)).await;
        let report = evaluate(&p.scenario().expect("valid preset"));
        let name = p.name;
        // "Plans compared" comes right after "Why, step by step".
        let why = html.find(r#"id="reasoning-title""#).expect("the reasoning");
        let plans = html.find(r#"id="plans-title""#).expect("the plans");
        let findings = html.find(r#"class="findings""#).unwrap_or(html.len());
        assert!(why < plans && plans < findings, "{name}: order");
        assert_eq!(
            html.matches(r#"data-best="""#).count(),
            1,
            "{name}: one best row"
        );
        let raw = |v: Option<f64>| v.map_or_else(|| "null".to_owned(), |v| v.to_string());
        for row in &report.plans {
            let tr = plan_row(&html, row.id.wire());
            let at = format!("{name} {}", row.id.wire());
            check_tag(tr, &[&format!(r#"data-applies="{}""#, row.applies)]);
            assert_eq!(
                tr.split('>')
                    .next()
                    .unwrap_or_default()
                    .contains("data-best"),
                row.id == report.best_plan,
                "{at}: data-best on the best plan only"
            );
            if !row.applies {
                let why = row.why_not.as_deref().expect("a reason");
                assert!(tr.contains(why), "{at}: says why not");
                assert_eq!(tr.matches("data-value=").count(), 0, "{at}: no figures");
                continue;
            }
            let mut fields = vec![
                ("cores_freed_per_host", row.cores_freed_per_host),
                ("servers_avoided", row.servers_avoided.map(|a| a as f64)),
                ("premium_per_host", row.premium_per_host),
                ("npv_p10", row.npv_p10),
                ("npv_p50", row.npv_p50),
                ("npv_p90", row.npv_p90),
                ("p_pays", row.p_pays),
            ];
            match row.id {
                dpu_engine::plans::PlanId::Dpu => {
                    fields.push(("p_worth_it", Some(report.uncertainty.p_worth_it)));
                    fields.push(("p_best", Some(report.uncertainty.p_best)));
                }
                dpu_engine::plans::PlanId::DoNothing => {
                    fields.push(("p_worth_it", Some(report.uncertainty.p_worth_it)));
                }
                _ => fields.push(("p_dpu_beats", row.p_dpu_beats)),
            }
            for (field, value) in fields {
                check_tag(
                    tr,
                    &[
                        &format!(r#"data-plan-field="{field}""#),
                        &format!(r#"data-value="{}""#, raw(value)),
                    ],
                );
            }
            assert!(tr.contains(&row.needs), "{at}: what it needs");
        }
        // The chart: one row per plan that applies, the best one marked.
        let chart = &html[html.find("chart-plans").expect("the plans chart")..];
        for row in report.plans.iter().filter(|r| r.applies) {
            check_tag(chart, &[&format!(r#"data-plan="{}""#, row.id.wire())]);
        }
        check_tag(
            chart,
            &[
                &format!(r#"data-plan="{}""#, report.best_plan.wire()),
                "row-best",
            ],
        );
    }
}

#[tokio::test]
async fn the_card_says_the_best_plan_and_folds_the_table() {
    for p in PRESETS {
        let html = render_props(AppProps {
            preset: Some(p.name.into()),
            embed: true,
            ..AppProps::default()
        })
        .await;
        let report = evaluate(&p.scenario().expect("valid preset"));
        let (open, folded) = html.split_once("<details").expect("the folded part");
        check_tag(
            open,
            &[
                r#"class="best-plan""#,
                &format!(r#"data-best-plan="{}""#, report.best_plan.wire()),
            ],
        );
        assert!(open.contains("Best plan: "), "{}", p.name);
        assert!(!open.contains(r#"id="plans""#) && folded.contains(r#"id="plans""#));
    }
}

/// The card keeps the vendor's pitch only for a verdict the money decides with no plan
/// without a DPU in the way; the full page always shows it.
#[tokio::test]
async fn the_card_leaves_the_pitch_to_the_full_analysis_when_a_plan_is_close() {
    let card = |preset: &'static str| {
        render_props(AppProps {
            preset: Some(preset.into()),
            embed: true,
            ..AppProps::default()
        })
    };
    for (preset, pitch_on_card) in [
        // A close plan lowers p_best (toss-up), or wins (alternative_wins): no pitch.
        ("vsphere8-try-edp-first", false),
        ("nfv-heavy", false),
        // The rules decide: no pitch (as before).
        ("hype-case", false),
        // The money decides with no plan in the way: the pitch stays.
        ("vcf9-dpu-pays", true),
    ] {
        let r = evaluate(
            &PRESETS
                .iter()
                .find(|p| p.name == preset)
                .and_then(|p| p.scenario().ok())
                .expect("a preset"),
        );
        assert!(
            r.explanation.claim.is_some(),
            "{preset} has a pitch to test"
        );
        let html = card(preset).await;
        assert_eq!(
            html.contains("data-claim"),
            pitch_on_card,
            "{preset}'s card"
        );
        let page = render(Some(preset)).await;
        assert!(
            page.contains("data-claim"),
            "{preset}'s full page shows the pitch"
        );
    }
}

/// The quick check is drawn from `QUICK`, line by line: its controls in that order, the
/// vSphere-only ones left out off vSphere, its rows and its one fieldset.
#[tokio::test]
async fn the_quick_check_is_drawn_from_its_table() {
    use dpu_reality_check::components::scenario_form::QUICK;
    for preset in PRESETS {
        let html = render(Some(preset.name)).await;
        let start = html.find(r#"class="quick""#).expect("a quick check");
        let quick = &html[start..start + html[start..].find("</section>").expect("closed")];
        let mut names: Vec<&str> = Vec::new();
        for part in quick.split(r#" name=""#).skip(1) {
            let name = &part[..part.find('"').expect("quoted")];
            if names.last() != Some(&name) {
                names.push(name);
            }
        }
        let vsphere = preset.scenario().expect("valid").is_vsphere();
        let want: Vec<&str> = QUICK
            .iter()
            .flat_map(|(_, paths)| paths.iter().copied())
            .filter(|p| vsphere || !p.starts_with("platform.") || *p == "platform.kind")
            .collect();
        assert_eq!(names, want, "{}", preset.name);
        let rows = QUICK
            .iter()
            .filter(|(g, p)| g.is_none() && p.len() > 1)
            .count();
        assert_eq!(
            quick.matches(r#"class="row""#).count(),
            rows,
            "{}",
            preset.name
        );
        assert_eq!(
            quick.matches(r#"<fieldset class="switch-work""#).count(),
            1,
            "{}",
            preset.name
        );
        check_has(quick, "<legend>What runs in the virtual switch</legend>");
    }
}

/// A cluster size the fleet cannot have gets a soft note under the field (issue 17).
#[tokio::test]
async fn a_cluster_larger_than_the_fleet_gets_a_note() {
    let mut s = Scenario::default();
    s.fleet.hosts = 10;
    s.fleet.cluster_hosts = 16;
    let html = render_props(AppProps {
        link: Some(dpu_engine::share::encode(&s).into()),
        unfolded: true,
        ..AppProps::default()
    })
    .await;
    check_tag(&html, &[r#"data-note="fleet.cluster_hosts""#]);
    check_has(&html, "More than the fleet");
    check_has(&html, "s 10 hosts: computed as one cluster of 10.");
    assert!(!html.contains(r#"data-note="fleet.min_hosts_per_cluster""#));
    // The defaults: no note.
    assert!(!render(None).await.contains("data-note="));
}
