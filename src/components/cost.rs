//! The money and the math: every figure of the report's `cost` (with `data-cost` and
//! `data-value` hooks), the charts, the formula breakdown with the scenario's numbers, and
//! the defaults the answer rests on. Labels come from the engine's `FIGURES`, the same list
//! the text and Markdown reports use.

use std::rc::Rc;

use dpu_engine::format::{count, net, num};
use dpu_engine::{FIGURES, Report};
use yew::prelude::*;

use super::charts::{Hosts, cash_flow_chart, cost_bars, drawn_by_the_app, tornado, traffic_chart};
use super::sources::{source_links, use_embedded};

/// Props of [`CostPanel`].
#[derive(Properties)]
pub struct CostPanelProps {
    /// The report.
    pub report: Rc<Report>,
    /// The scenario's traffic per host, Gb/s (marked on the chart).
    pub gbps_per_host: f64,
    /// Cores per host (drawn as a line on the chart).
    pub cores_per_host: f64,
    /// Hosts each cluster must keep.
    pub min_hosts: u32,
}

impl PartialEq for CostPanelProps {
    /// The same report is the same `Rc` (the page computes one per scenario), so it is
    /// compared by pointer: a deep comparison of reports would be code of its own.
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.report, &other.report)
            && self.gbps_per_host == other.gbps_per_host
            && self.cores_per_host == other.cores_per_host
            && self.min_hosts == other.min_hosts
    }
}

/// Figures, charts, the formula breakdown and the defaults in force.
#[component]
pub fn CostPanel(props: &CostPanelProps) -> Html {
    let embedded = use_embedded();
    let r = &props.report;
    let u = &r.uncertainty;
    let currency = r.currency.as_str();
    html! {
        <section class="cost" aria-labelledby="cost-title">
            <h2 id="cost-title">{format!("The money, over {}", count(r.lifetime_years, "year", "years"))}</h2>
            <dl class="figures">
                // The figure the headline quotes first; the others are at the likely values.
                <div class="figure figure-main" data-median=""
                    data-value={dpu_engine::float::shortest(u.net_saving_p50)}>
                    <dt>{format!("{}, median of {} futures", if r.discount_rate > 0.0 { "Net present value" } else { "Net saving" }, num(f64::from(u.samples), 0))}</dt>
                    <dd>{net(u.net_saving_p50, currency)}</dd>
                </div>
                for fig in FIGURES.iter() {
                    <div class="figure"
                        data-cost={fig.field}
                        data-value={(fig.get)(&r.cost).map_or_else(|| "null".to_owned(), dpu_engine::float::shortest)}>
                        if matches!(fig.field, "net_saving" | "npv") {
                            <dt>{fig.label}{" at the likely values"}</dt>
                            <dd>{net((fig.get)(&r.cost).unwrap_or_default(), currency)}</dd>
                        } else {
                            <dt>{fig.label}</dt>
                            <dd>{fig.show(&r.cost, currency)}</dd>
                        }
                    </div>
                }
            </dl>
            if drawn_by_the_app() {
                {traffic_chart(r, &Hosts {
                    gbps_per_host: props.gbps_per_host,
                    cores_per_host: props.cores_per_host,
                    min_hosts: props.min_hosts,
                })}
                {cost_bars(r)}
                {cash_flow_chart(r)}
                {tornado(r)}
            }
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
            if drawn_by_the_app() {
                <h3>{"Defaults this answer rests on"}</h3>
                <ul class="resolved">
                    for d in r.resolved.iter() {
                        <li data-resolved={d.path.clone()} data-user-set={d.user_set.to_string()}>
                            <strong>{d.label.clone()}{": "}</strong>
                            {dpu_engine::fields::field(&d.path).map(|f| dpu_engine::fields::show_json(f, &d.value, currency)).unwrap_or_default()}
                            {" — "}
                            if d.user_set {
                                {"set by you"}
                            } else {
                                {d.basis.clone()}{" "}{source_links(&d.sources, embedded)}
                            }
                        </li>
                    }
                </ul>
            }
        </section>
    }
}
