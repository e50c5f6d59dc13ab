//! The cost panel: every figure of the report's `cost` (with `data-cost` / `data-value` hooks)
//! and the formula breakdown with the scenario's numbers substituted.

use std::rc::Rc;

use dpu_engine::Report;
use dpu_engine::cost::Cost;
use dpu_engine::format::{auto, money, num, percent};
use yew::prelude::*;

use super::charts::{CostBars, Tornado, TrafficChart};

/// How a figure reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Money,
    Cores,
    Share,
    Servers,
    Gbps,
    Pps,
    RackUnits,
}

/// One figure: its field name in `cost`, label, how it reads, and how to get it.
type Figure = (&'static str, &'static str, Kind, fn(&Cost) -> Option<f64>);

/// Every field of `cost` (SPEC §6 and the intermediate figures), in reading order.
const FIGURES: &[Figure] = &[
    (
        "networking_cores_per_host",
        "Host cores spent on networking",
        Kind::Cores,
        |c| Some(c.networking_cores_per_host),
    ),
    (
        "networking_share_of_host",
        "Share of each host",
        Kind::Share,
        |c| Some(c.networking_share_of_host),
    ),
    (
        "cores_freed_per_host",
        "Cores a DPU frees per host",
        Kind::Cores,
        |c| Some(c.cores_freed_per_host),
    ),
    (
        "servers_avoided_fractional",
        "Servers' worth of cores freed",
        Kind::Servers,
        |c| Some(c.servers_avoided_fractional),
    ),
    (
        "servers_avoided",
        "Whole servers avoided",
        Kind::Servers,
        |c| Some(c.servers_avoided as f64),
    ),
    (
        "rack_units_freed",
        "Rack units freed",
        Kind::RackUnits,
        |c| Some(c.rack_units_freed),
    ),
    (
        "value_of_avoided_servers",
        "Value of avoided servers",
        Kind::Money,
        |c| Some(c.value_of_avoided_servers),
    ),
    (
        "dpu_incremental_cost",
        "Extra cost of the DPUs",
        Kind::Money,
        |c| Some(c.dpu_incremental_cost),
    ),
    ("net_saving", "Net saving", Kind::Money, |c| {
        Some(c.net_saving)
    }),
    (
        "break_even_gbps_per_host",
        "Pays from (traffic per host)",
        Kind::Gbps,
        |c| c.break_even_gbps_per_host,
    ),
    (
        "packets_per_second",
        "Packets per second per host",
        Kind::Pps,
        |c| Some(c.packets_per_second),
    ),
    (
        "server_yearly_cost",
        "Yearly running cost of one server",
        Kind::Money,
        |c| Some(c.server_yearly_cost),
    ),
    (
        "value_per_avoided_server",
        "Value of one avoided server",
        Kind::Money,
        |c| Some(c.value_per_avoided_server),
    ),
    (
        "dpu_line_rate_gbps",
        "DPUs' combined line rate",
        Kind::Gbps,
        |c| Some(c.dpu_line_rate_gbps),
    ),
];

fn show(kind: Kind, value: Option<f64>, currency: &str) -> String {
    let Some(x) = value else {
        return "never, within the DPUs' line rate".to_owned();
    };
    match kind {
        Kind::Money => money(x, currency),
        Kind::Cores => format!("{} cores", auto(x)),
        Kind::Share => percent(x),
        Kind::Servers => auto(x),
        Kind::Gbps => format!("{} Gb/s", auto(x)),
        Kind::Pps => num(x, 0),
        Kind::RackUnits => format!("{} U", auto(x)),
    }
}

/// Props of [`CostPanel`].
#[derive(Properties, PartialEq)]
pub struct CostPanelProps {
    /// The report.
    pub report: Rc<Report>,
    /// The scenario's traffic per host, Gb/s (marked on the chart).
    pub gbps_per_host: f64,
    /// Cores per host (drawn as a line on the chart).
    pub cores_per_host: f64,
}

/// Figures, charts and the formula breakdown.
#[component]
pub fn CostPanel(props: &CostPanelProps) -> Html {
    let r = &props.report;
    let currency = r.currency.as_str();
    html! {
        <section class="cost" aria-labelledby="cost-title">
            <h2 id="cost-title">{format!("The math, over {} years", auto(r.lifetime_years))}</h2>
            <dl class="figures">
                for (field, label, kind, get) in FIGURES.iter().copied() {
                    <div class={classes!("figure", (field == "net_saving").then_some("figure-main"))}
                        data-cost={field}
                        data-value={get(&r.cost).map_or_else(|| "null".to_owned(), |v| v.to_string())}>
                        <dt>{label}</dt>
                        <dd>{show(kind, get(&r.cost), currency)}</dd>
                    </div>
                }
            </dl>
            <TrafficChart report={r.clone()} gbps_per_host={props.gbps_per_host}
                cores_per_host={props.cores_per_host} />
            <CostBars report={r.clone()} />
            <Tornado report={r.clone()} />
            <h3>{"Formulas with your numbers"}</h3>
            <div class="breakdown" role="region" aria-label="Formula breakdown" tabindex="0">
                <table>
                    <thead>
                        <tr><th scope="col">{"Figure"}</th><th scope="col">{"Formula"}</th>
                            <th scope="col">{"With your numbers"}</th><th scope="col">{"Result"}</th></tr>
                    </thead>
                    <tbody>
                        for step in r.breakdown.iter() {
                            <tr>
                                <th scope="row"><span class="symbol">{step.symbol.clone()}</span>{" "}{step.label.clone()}</th>
                                <td><code>{step.formula.clone()}</code></td>
                                <td><code>{step.substituted.clone()}</code></td>
                                <td>{step.result.clone()}</td>
                            </tr>
                        }
                    </tbody>
                </table>
            </div>
        </section>
    }
}
