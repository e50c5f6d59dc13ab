//! Golden snapshots of the five charts (`components::charts`) for every preset and for edited
//! scenarios: gains and losses, short and long lives, traffic from none to beyond the line
//! rate, and a currency label made of markup characters. They were taken from the charts
//! as Yew's `html!` rendered them; the charts now write their markup themselves, and these
//! snapshots are the test that they write what the library wrote (see the module docs of
//! `charts.rs`).
//!
//! Each snapshot holds one scenario's five charts as the server renderer writes them, with a
//! line break put before every `<` so that a difference reads as a line of its own. Putting
//! it back out is exact, so the comparison still is of the very markup.

use dpu_engine::presets::PRESETS;
use std::sync::LazyLock;

use dpu_engine::{Report, Scenario, evaluate};
use dpu_reality_check::components::charts::{
    Hosts, cash_flow_chart, cost_bars, plans_chart, tornado, traffic_chart,
};
use yew::LocalServerRenderer;
use yew::prelude::*;

/// Edited scenarios, by name, besides the presets.
const EDITS: &[(&str, &str)] = &[
    ("default", "{}"),
    (
        "pays",
        r#"{"costs": {"dpu_price": 100, "nic_price": 5000}}"#,
    ),
    (
        "measured",
        r#"{"traffic": {"measured_networking_cores": 4}}"#,
    ),
    ("above-line-rate", r#"{"traffic": {"gbps_per_host": 900}}"#),
    ("no-traffic", r#"{"traffic": {"gbps_per_host": 0}}"#),
    ("tiny-traffic", r#"{"traffic": {"gbps_per_host": 0.001}}"#),
    ("memory-bound", r#"{"fleet": {"bound_by": "memory"}}"#),
    (
        "discounted",
        r#"{"fleet": {"lifetime_years": 7.5}, "costs": {"discount_rate": 0.08}}"#,
    ),
    ("fifty-years", r#"{"fleet": {"lifetime_years": 50}}"#),
    (
        "one-host",
        r#"{"fleet": {"hosts": 1, "cluster_hosts": 1, "min_hosts_per_cluster": 1}}"#,
    ),
    (
        "huge",
        r#"{"fleet": {"hosts": 1000000, "cluster_hosts": 1000000, "cores_per_host": 1024,
            "server_price": 10000000}, "traffic": {"gbps_per_host": 3000}}"#,
    ),
    // Markup characters in the one text a reader types that the charts show.
    ("currency-markup", r#"{"costs": {"currency": "<b>&\"'x"}}"#),
    (
        "currency-markup-pays",
        r#"{"costs": {"currency": "a\"><i x='", "dpu_price": 100, "nic_price": 5000},
            "fleet": {"lifetime_years": 3}}"#,
    ),
    ("currency-entity", r#"{"costs": {"currency": "&amp;&lt;"}}"#),
];

/// Props of [`Show`].
#[derive(Properties, PartialEq)]
struct ShowProps {
    html: Html,
}

/// Renders what it is given, for the server renderer.
#[component]
fn Show(props: &ShowProps) -> Html {
    props.html.clone()
}

/// One chart as the server renderer writes it.
async fn render(html: Html) -> String {
    LocalServerRenderer::<Show>::with_props(ShowProps { html })
        .hydratable(false)
        .render()
        .await
}

/// What the traffic chart needs of a scenario besides its report.
fn hosts(s: &Scenario) -> Hosts {
    Hosts {
        gbps_per_host: s.traffic.gbps_per_host,
        cores_per_host: f64::from(s.fleet.cores_per_host),
        min_hosts: s.fleet.min_hosts_per_cluster,
    }
}

/// A report's five charts, each under a line naming it, with a line break before every `<`.
async fn charts(r: &Report, hosts: &Hosts) -> String {
    let mut out = String::new();
    for (name, html) in [
        ("traffic_chart", traffic_chart(r, hosts)),
        ("cost_bars", cost_bars(r)),
        ("cash_flow_chart", cash_flow_chart(r)),
        ("tornado", tornado(r)),
        ("plans_chart", plans_chart(r)),
    ] {
        out.push_str(&format!("== {name}\n"));
        out.push_str(&render(html).await.replace('<', "\n<"));
        out.push_str("\n\n");
    }
    out
}

#[tokio::test]
async fn every_chart_writes_what_its_snapshot_holds() {
    let mut cases: Vec<(String, Scenario)> = EDITS
        .iter()
        .map(|(name, json)| {
            let s = Scenario::from_json(json).unwrap_or_else(|e| panic!("{name}: {e}"));
            (format!("edit-{name}"), s)
        })
        .collect();
    for p in PRESETS {
        cases.push((format!("preset-{}", p.name), p.scenario().expect(p.name)));
    }
    for (name, s) in cases {
        insta::assert_snapshot!(name, charts(&evaluate(&s), &hosts(&s)).await);
    }
}

/// The tags of `markup` with their attribute values left out (`<text x="" y="">`), in order:
/// which elements and attributes there are. A tag runs from `<` to the next `>` outside
/// double quotes; text between tags is left out.
fn skeleton(markup: &str) -> String {
    let (mut out, mut in_tag, mut in_value) = (String::new(), false, false);
    for c in markup.chars() {
        match (in_tag, in_value, c) {
            (false, _, '<') => {
                in_tag = true;
                out.push(c);
            }
            (true, false, '>') => {
                in_tag = false;
                out.push_str(">\n");
            }
            (true, _, '"') => {
                in_value = !in_value;
                out.push(c);
            }
            (true, false, _) => out.push(c),
            _ => {}
        }
    }
    out
}

/// A preset that pays back, so that every chart shows the currency, with a plain label.
static PAYS: LazyLock<(Report, Hosts)> = LazyLock::new(|| {
    let p = PRESETS
        .iter()
        .find(|p| p.name == "vcf9-dpu-pays")
        .expect("preset");
    let mut s = p.scenario().expect("valid");
    s.costs.currency = "EUR".to_owned();
    (evaluate(&s), hosts(&s))
});

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(128))]

    /// Whatever the currency label holds (any string, also ones validation would refuse),
    /// the charts have the elements and attributes they have with a plain label: its
    /// characters are escaped in text and in attribute values. Every `&` starts an entity, so
    /// a label that reads like one (`&lt;`) shows as typed.
    #[test]
    fn a_currency_label_never_adds_markup(currency in "(\\PC|[<>&\"'=/ ]){0,24}") {
        let rt = tokio::runtime::Builder::new_current_thread().build().expect("runtime");
        let (plain, hosts) = &*PAYS;
        let mut odd = plain.clone();
        odd.currency.clone_from(&currency);
        let (want, got) = (rt.block_on(charts(plain, hosts)), rt.block_on(charts(&odd, hosts)));
        proptest::prop_assert_eq!(skeleton(&want), skeleton(&got));
        for (i, _) in got.match_indices('&') {
            let rest = &got[i..];
            proptest::prop_assert!(
                ["&amp;", "&lt;", "&gt;", "&quot;"].iter().any(|e| rest.starts_with(e)),
                "a bare & at {}", &got[i..got.len().min(i + 12)]
            );
        }
    }
}
