//! SVG charts of the report: networking cores against traffic, DPU cost against the value of
//! the servers it avoids, and the tornado of the assumptions. Only layout arithmetic here
//! (mapping values to pixels); every value drawn comes from the report.

use std::fmt::Write as _;
use std::rc::Rc;

use dpu_engine::Report;
use dpu_engine::format::{auto, money, percent};
use yew::prelude::*;

const W: f64 = 480.0;
const LEFT: f64 = 40.0;
const RIGHT: f64 = 12.0;

/// A linear map from a value range onto a pixel range.
#[derive(Debug, Clone, Copy)]
struct Scale {
    d0: f64,
    d1: f64,
    r0: f64,
    r1: f64,
}

impl Scale {
    fn new(d0: f64, d1: f64, r0: f64, r1: f64) -> Self {
        let d1 = if d1 > d0 { d1 } else { d0 + 1.0 };
        Scale { d0, d1, r0, r1 }
    }

    fn at(&self, v: f64) -> f64 {
        self.r0 + (v - self.d0) / (self.d1 - self.d0) * (self.r1 - self.r0)
    }
}

/// A round tick step (1, 2 or 5 × 10ⁿ) giving about `count` ticks up to `max`.
fn tick_step(max: f64, count: f64) -> f64 {
    let raw = (max / count).max(f64::MIN_POSITIVE);
    let pow = 10f64.powf(raw.log10().floor());
    let m = raw / pow;
    let nice = if m <= 1.0 {
        1.0
    } else if m <= 2.0 {
        2.0
    } else if m <= 5.0 {
        5.0
    } else {
        10.0
    };
    nice * pow
}

/// Ticks 0, step, 2·step, … up to and including the first at or above `max`.
fn ticks(max: f64) -> Vec<f64> {
    let step = tick_step(max, 5.0);
    let mut out = vec![0.0];
    while out.last().is_some_and(|t| *t < max) && out.len() < 12 {
        out.push(out.len() as f64 * step);
    }
    out
}

fn f1(x: f64) -> String {
    format!("{x:.1}")
}

fn polyline(points: impl Iterator<Item = (f64, f64)>) -> String {
    let mut out = String::new();
    for (x, y) in points {
        let _ = write!(out, "{:.1},{:.1} ", x, y);
    }
    out
}

/// A label beside a vertical marker at `x`: to its right, or to its left past the middle.
fn marker_label(x: f64, y: f64, text: String) -> Html {
    let (x, anchor) = if x > W / 2.0 {
        (x - 4.0, "end")
    } else {
        (x + 4.0, "start")
    };
    html! { <text class="mark-label" x={f1(x)} y={f1(y)} text-anchor={anchor}>{text}</text> }
}

/// Height of one tornado bar.
const ROW: f64 = 18.0;

/// One side of a tornado bar, from the likely net saving at `from` to `to` (pixels).
fn tornado_bar(class: &'static str, from: f64, to: f64) -> Html {
    html! {
        <rect class={class} x={f1(from.min(to))} y="1" height={f1(ROW - 2.0)}
            width={f1((to - from).abs().max(1.0))} />
    }
}

/// Props of the charts.
#[derive(Properties, PartialEq)]
pub struct ChartProps {
    /// The report.
    pub report: Rc<Report>,
}

/// Props of [`TrafficChart`].
#[derive(Properties, PartialEq)]
pub struct TrafficChartProps {
    /// The report.
    pub report: Rc<Report>,
    /// The scenario's traffic per host, Gb/s.
    pub gbps_per_host: f64,
    /// Cores per host.
    pub cores_per_host: f64,
}

/// Networking cores per host against traffic, with break-even, current traffic and host cores.
#[component]
pub fn TrafficChart(props: &TrafficChartProps) -> Html {
    let curve = &props.report.traffic_curve;
    let (h, top, bottom) = (280.0, 40.0, 36.0);
    let x_max = curve.iter().map(|p| p.gbps).fold(1.0, f64::max);
    let n_max = curve.iter().map(|p| p.networking_cores).fold(1.0, f64::max);
    let host = props.cores_per_host;
    // Show the host's cores as a line when that does not flatten the curve.
    let host_on_chart = host <= n_max * 3.0;
    let y_top = if host_on_chart {
        n_max.max(host)
    } else {
        n_max
    };
    let y_ticks = ticks(y_top * 1.05);
    let y_max = y_ticks.last().copied().unwrap_or(1.0);
    let x_ticks = ticks(x_max);
    let x_max = x_ticks.last().copied().unwrap_or(1.0).max(x_max);
    let x = Scale::new(0.0, x_max, LEFT, W - RIGHT);
    let y = Scale::new(0.0, y_max, h - bottom, top);
    let n_line = polyline(
        curve
            .iter()
            .map(|p| (x.at(p.gbps), y.at(p.networking_cores))),
    );
    let z_line = polyline(curve.iter().map(|p| (x.at(p.gbps), y.at(p.cores_freed))));
    let now = props.gbps_per_host.min(x_max);
    let even = props.report.cost.break_even_gbps_per_host;
    let summary = format!(
        "Networking uses {} cores per host at {} Gb/s; a DPU frees {}. {} The host has {} cores.",
        auto(props.report.cost.networking_cores_per_host),
        auto(props.gbps_per_host),
        auto(props.report.cost.cores_freed_per_host),
        match even {
            Some(b) => format!("It pays from {} Gb/s per host.", auto(b)),
            None => "It never pays within the DPUs' line rate.".to_owned(),
        },
        auto(host)
    );
    html! {
        <figure class="chart">
            <figcaption>{"Host cores spent on networking (vertical) by traffic per host"}</figcaption>
            <svg viewBox={format!("0 0 {W} {h}")} role="img" aria-label={summary.clone()}>
                <g class="axis">
                    for t in y_ticks.iter().copied() {
                        <line class="grid" x1={f1(LEFT)} x2={f1(W - RIGHT)} y1={f1(y.at(t))} y2={f1(y.at(t))} />
                        <text class="tick" x={f1(LEFT - 4.0)} y={f1(y.at(t) + 4.0)} text-anchor="end">{auto(t)}</text>
                    }
                    for t in x_ticks.iter().copied() {
                        <text class="tick" x={f1(x.at(t))} y={f1(h - bottom + 14.0)}
                            text-anchor={if t >= x_max { "end" } else { "middle" }}>{auto(t)}</text>
                    }
                    <text class="axis-label" x={f1((LEFT + W - RIGHT) / 2.0)} y={f1(h - 4.0)} text-anchor="middle">{"Gb/s per host"}</text>
                </g>
                if host_on_chart {
                    <line class="host" x1={f1(LEFT)} x2={f1(W - RIGHT)} y1={f1(y.at(host))} y2={f1(y.at(host))} />
                    <text class="mark-label" x={f1(W - RIGHT)} y={f1(y.at(host) - 4.0)} text-anchor="end">{format!("host: {} cores", auto(host))}</text>
                }
                <polyline class="line-n" points={n_line} />
                <polyline class="line-z" points={z_line} />
                if let Some(b) = even {
                    <line class="even" x1={f1(x.at(b))} x2={f1(x.at(b))} y1={f1(top - 14.0)} y2={f1(h - bottom)} />
                    {marker_label(x.at(b), top - 16.0, format!("pays from {} Gb/s", auto(b)))}
                }
                <line class="now" x1={f1(x.at(now))} x2={f1(x.at(now))} y1={f1(top - 2.0)} y2={f1(h - bottom)} />
                {marker_label(x.at(now), top - 4.0, format!("you: {} Gb/s", auto(props.gbps_per_host)))}
            </svg>
            <ul class="legend">
                <li><span class="key key-n"></span>{"cores the virtual switch needs"}</li>
                <li><span class="key key-z"></span>{"cores a DPU frees"}</li>
                <li><span class="key key-now"></span>{"your traffic"}</li>
                <li><span class="key key-even"></span>{"break-even"}</li>
                if !host_on_chart {
                    <li>{format!("host: {} cores (far above the chart)", auto(host))}</li>
                }
            </ul>
        </figure>
    }
}

/// The DPUs' extra cost against the value of the whole servers they avoid.
#[component]
pub fn CostBars(props: &ChartProps) -> Html {
    let c = &props.report.cost;
    let cur = props.report.currency.as_str();
    let rows = [
        ("Extra cost of the DPUs", c.dpu_incremental_cost, "bar-cost"),
        (
            "Value of avoided servers",
            c.value_of_avoided_servers,
            "bar-value",
        ),
    ];
    let max = rows.iter().map(|r| r.1).fold(1.0, f64::max);
    let x = Scale::new(0.0, max, 0.0, W);
    html! {
        <figure class="chart">
            <figcaption>{"What the DPUs cost against what they save"}</figcaption>
            <ul class="bars">
                for (name, value, class) in rows.iter().copied() {
                    <li>
                        <span class="bar-label">{format!("{name}: {}", money(value, cur))}</span>
                        <svg viewBox={format!("0 0 {W} 20")} aria-hidden="true" focusable="false">
                            <rect class={class} x="0" y="0" height="20" width={f1(x.at(value).max(1.0))} />
                        </svg>
                    </li>
                }
            </ul>
            <p class="net">{format!("Net saving: {}", money(c.net_saving, cur))}</p>
        </figure>
    }
}

/// Net saving with each assumption at its low and high value, largest swing first.
#[component]
pub fn Tornado(props: &ChartProps) -> Html {
    let r = &props.report;
    let u = &r.uncertainty;
    let cur = r.currency.as_str();
    let base = r.cost.net_saving;
    let bars: Vec<_> = u.tornado.iter().filter(|b| b.swing > 0.0).collect();
    let lo = bars
        .iter()
        .flat_map(|b| [b.net_saving_at_low, b.net_saving_at_high])
        .fold(base.min(0.0), f64::min);
    let hi = bars
        .iter()
        .flat_map(|b| [b.net_saving_at_low, b.net_saving_at_high])
        .fold(base.max(0.0), f64::max);
    let x = Scale::new(lo, hi, 8.0, W - 8.0);
    html! {
        <figure class="chart">
            <figcaption>{"Which assumption matters most"}</figcaption>
            <p class="odds">{format!(
                "P(pays off) = {} over {} samples. Net saving P10 {}, P50 {}, P90 {}.",
                percent(u.p_worth_it), u.samples, money(u.net_saving_p10, cur),
                money(u.net_saving_p50, cur), money(u.net_saving_p90, cur)
            )}</p>
            if bars.is_empty() {
                <p>{"No assumption changes the net saving in this scenario."}</p>
            } else {
                <ul class="tornado">
                    for b in bars.iter() {
                        <li>
                            <span class="bar-label">{format!(
                                "{}: {} → {}; {} → {}", b.label, auto(b.low),
                                money(b.net_saving_at_low, cur), auto(b.high),
                                money(b.net_saving_at_high, cur)
                            )}</span>
                            <svg viewBox={format!("0 0 {W} {ROW}")} aria-hidden="true" focusable="false">
                                {tornado_bar("bar-low", x.at(base), x.at(b.net_saving_at_low))}
                                {tornado_bar("bar-high", x.at(base), x.at(b.net_saving_at_high))}
                                <line class="zero" x1={f1(x.at(0.0))} x2={f1(x.at(0.0))} y1="0" y2={f1(ROW)} />
                                <line class="base" x1={f1(x.at(base))} x2={f1(x.at(base))} y1="0" y2={f1(ROW)} />
                            </svg>
                        </li>
                    }
                </ul>
                <ul class="legend">
                    <li><span class="key key-low"></span>{"assumption at low"}</li>
                    <li><span class="key key-high"></span>{"assumption at high"}</li>
                    <li><span class="key key-zero"></span>{"break-even (0)"}</li>
                    <li><span class="key key-base"></span>{format!("likely: {}", money(base, cur))}</li>
                </ul>
            }
        </figure>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticks_are_round_and_cover_the_max() {
        assert_eq!(ticks(10.0), vec![0.0, 2.0, 4.0, 6.0, 8.0, 10.0]);
        assert_eq!(ticks(41.0), vec![0.0, 10.0, 20.0, 30.0, 40.0, 50.0]);
        assert!(ticks(0.3).last().is_some_and(|t| *t >= 0.3));
        assert!(ticks(1e9).len() <= 12);
    }

    #[test]
    fn scale_maps_ends() {
        let s = Scale::new(0.0, 10.0, 100.0, 0.0);
        assert_eq!(s.at(0.0), 100.0);
        assert_eq!(s.at(10.0), 0.0);
        // A degenerate domain never divides by zero.
        assert!(Scale::new(5.0, 5.0, 0.0, 1.0).at(5.0).is_finite());
    }
}

/// Cumulative cash flow by year (placeholder until the full chart lands).
#[component]
pub fn CashFlowChart(props: &ChartProps) -> Html {
    let c = &props.report.cost;
    html! {
        <figure class="chart chart-cash" data-payback-year={c.payback_year.map_or("none".to_owned(), |y| y.to_string())}>
            <figcaption>{"Cumulative cash flow by year"}</figcaption>
        </figure>
    }
}
