//! SVG charts of the report for the cost panel: networking cores against traffic, the DPUs'
//! cost against the servers they avoid, the tornado of the assumptions and the cash flow by
//! year. Only layout arithmetic here (mapping values to pixels, picking ranges and ticks);
//! every value shown comes from the report and reads through `dpu_engine::format`. No
//! `style` attributes (the page's CSP forbids them): colours come from `charts.css`.
//!
//! The charts write their markup as text (`markup.rs`) rather than with `html!`: about
//! 270 SVG and HTML elements whose `html!` code was most of the cost panel's wasm, at a time
//! when the page stood 75 bytes under its 250 KB budget. `markup::to_html` reads the text
//! back into Yew's virtual nodes, with each loop and condition a list of its own as
//! `html!` makes them, so Yew renders and updates the charts as before: the same DOM
//! changes on an edit (the page's Trusted Types policy rules out `innerHTML`; building the
//! elements ourselves was slower, see `markup.rs`). The test against the library:
//! `tests/app/charts.rs` holds golden snapshots of every chart, for every preset and 14
//! edited scenarios, taken from the `html!` version, and the text version renders them byte
//! for byte.
//!
//! Measured on the release build (main at bdec17a, then this version):
//! - the wasm (`scripts/wasm-size.sh`): 567,289 → 558,058 bytes, 228,996 → 226,542 gzip;
//! - what the page loads, gzip (html, js, wasm, css, as the e2e test counts): 255,925 →
//!   253,549 bytes (−2,376; the budget is 256,000);
//! - an edit (traffic 10 ↔ 50 Gb/s): the same DOM changes (a MutationObserver counts 301.1
//!   attributes set, 43.5 nodes added, 12.6 removed and 122.5 texts changed per edit on
//!   both); the wasm writes and reads the text besides (about 0.5 ms of an edit at 1× CPU in
//!   a sampling profile). Input to the whole page, medians of 3 runs of 9 edits: at 1× CPU
//!   37, 33, 38 → 35, 32, 32 ms, at 4× 114, 108, 77 → 87, 83, 79 ms; of 3 runs of 31 edits:
//!   33, 33, 35 → 31, 32, 28 ms and 74, 81, 79 → 90, 96, 72 ms; main-thread CPU time per
//!   edit (trace thread time, 6 runs of 30 edits): 40.0 ± 4.5 → 42.0 ± 3.6 ms. No
//!   difference beyond the noise of the shared two-core machine this was measured on.

use std::fmt::{self, Write as _};

use dpu_engine::Report;
use dpu_engine::assumptions::spec;
use dpu_engine::fields::with_unit;
use dpu_engine::float::{clamp, fixed, shortest};
use dpu_engine::format::{
    auto, count, in_sentence, money, net as fmt_net, num, percent, threshold,
};
use dpu_engine::plans::PlanId;
use dpu_engine::report::figure;
use dpu_engine::uncertainty::TornadoBar;
use yew::Html;

use super::markup::{Attr, Text, put, to_html};

/// Width of every chart's coordinate system; the SVGs scale to their box.
const W: f64 = 480.0;
/// Right margin of a plot.
const RIGHT: f64 = 10.0;
/// Estimated width of one character of chart text at its largest size (16 units on a
/// phone, see `charts.css`), so labels placed by it never overlap at any size.
const CH: f64 = 8.8;
/// Height of one row of labels above a plot.
const ROW_H: f64 = 18.0;
/// Height of a plot.
const PLOT_H: f64 = 200.0;
/// Room below a plot for the tick labels and the axis title.
const AXIS_H: f64 = 40.0;
/// Height of one bar row (cost bars, tornado).
const BAR_H: f64 = 20.0;

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

    /// The pixel of `v`, finite for any input (values far outside the range are pinned
    /// just past its ends).
    fn at(&self, v: f64) -> f64 {
        let t = ((v - self.d0) / (self.d1 - self.d0)).clamp(-0.1, 1.1);
        let p = self.r0 + t * (self.r1 - self.r0);
        if p.is_finite() { p } else { self.r0 }
    }
}

/// Round ticks, about five, 1, 2, 2.5 or 5 × 10ⁿ apart, over `lo..hi`: rounded outward to cover
/// the range, or inward to stay inside it. Also returns the decimals a tick needs.
fn ticks(lo: f64, hi: f64, outward: bool) -> (Vec<f64>, usize) {
    let lo = if lo.is_finite() { lo } else { 0.0 };
    let hi = if hi.is_finite() && hi > lo {
        hi
    } else {
        lo + lo.abs().max(1.0)
    };
    let raw = ((hi - lo) / 5.0).max(f64::MIN_POSITIVE);
    let pow = 10f64.powf(raw.log10().floor());
    let step = pow
        * [1.0, 2.0, 2.5, 5.0, 10.0]
            .into_iter()
            .find(|m| raw / pow <= *m)
            .unwrap_or(10.0);
    let (i0, i1) = if outward {
        ((lo / step).floor(), (hi / step).ceil())
    } else {
        ((lo / step).ceil(), (hi / step).floor())
    };
    let decimals = (0..9)
        .find(|d| {
            let x = step * 10f64.powi(*d);
            (x - x.round()).abs() < 1e-6 * x.max(1.0)
        })
        .unwrap_or(9) as usize;
    let at = (0..20)
        .map(|i| (i0 + f64::from(i)) * step + 0.0)
        .take_while(|t| *t <= i1 * step + step * 1e-9)
        .collect();
    (at, decimals)
}

/// A money tick: a short number (`-250k`, `1.5M`); the axis title names the currency.
fn short(x: f64) -> String {
    let a = x.abs();
    let (div, suffix) = if a >= 1e12 {
        (1e12, "tn")
    } else if a >= 1e9 {
        (1e9, "bn")
    } else if a >= 1e6 {
        (1e6, "M")
    } else if a >= 1e3 {
        (1e3, "k")
    } else {
        (1.0, "")
    };
    format!("{}{suffix}", num(x / div, 2))
}

/// A figure as [`auto`] reads it, with four decimals below 0.01 so that a small value never
/// reads as 0.
fn fine(x: f64) -> String {
    if x != 0.0 && x.abs() < 0.01 {
        num(x, 4)
    } else {
        auto(x)
    }
}

/// Cores as they read: `1 core`, `1.56 cores`, `0.001 cores`.
pub(crate) fn cores(x: f64) -> String {
    if x.abs() < 0.01 {
        format!("{} cores", fine(x))
    } else {
        count(x, "core", "cores")
    }
}

/// A pixel coordinate as an attribute gives it: one decimal, never NaN or infinite. Written
/// where it goes, so a chart's hundreds of coordinates are no strings of their own.
#[derive(Clone, Copy)]
struct Px(f64);

impl fmt::Display for Px {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&fixed(if self.0.is_finite() { self.0 } else { 0.0 }, 1))
    }
}

/// A raw number for a `data-` hook (`null` if it were ever not finite).
pub(crate) fn raw(x: f64) -> String {
    if x.is_finite() {
        shortest(x)
    } else {
        "null".to_owned()
    }
}

/// Estimated width of a chart label at its largest size.
fn width(text: &str) -> f64 {
    text.chars().count() as f64 * CH
}

/// The `points` of a polyline.
fn polyline(points: impl Iterator<Item = (f64, f64)>) -> String {
    let mut out = String::new();
    for (x, y) in points {
        let _ = write!(out, "{},{} ", Px(x), Px(y));
    }
    out
}

/// A cost figure's label from the engine's one list ([`dpu_engine::FIGURES`]).
fn label(field: &'static str) -> &'static str {
    figure(field).map_or(field, |f| f.label)
}

/// A label in the rows above a plot: on a vertical marker line at `line` (beside it), or
/// pinned at `x` (ending there when `end`).
struct Tag {
    text: String,
    class: &'static str,
    line: Option<f64>,
    x: f64,
    end: bool,
}

/// Where a [`Tag`] went: its text's anchor point, row (0 nearest the plot) and span.
#[derive(Clone, Copy)]
struct Spot {
    x: f64,
    end: bool,
    row: usize,
    from: f64,
    to: f64,
}

/// Places tags in rows above a plot ending at `right` so that no two overlap and no marker
/// line runs through another's text. A marker tag's text goes right of its line when it fits,
/// else left; each row is the lowest that is clear, taking the tags in the order
/// [`sort_tags`] gives. A marker line runs from its tag down to the plot, so a text that
/// covers another tag's line must sit above that tag: when it would come first, it waits for
/// that tag. When the preferred sides leave no clear layout (two tags whose texts each cover
/// the other's line), a tag takes the other side of its line; the layout with the fewest
/// crossings, then the fewest tags off their preferred side, then the fewest rows wins.
/// Returns the spots in the order of `tags`.
fn place(tags: &[Tag], right: f64) -> Vec<Spot> {
    let sides = sides(tags, right);
    let combos: usize = sides.iter().map(Vec::len).product();
    let mut best: Option<((usize, usize, usize), Vec<Spot>)> = None;
    for code in 0..combos {
        let (spans, off_side) = choose(&sides, code);
        let (spots, crossings) = rows(tags, &spans);
        let height = spots.iter().map(|s| s.row + 1).max().unwrap_or(0);
        let score = (crossings, off_side, height);
        if best.as_ref().is_none_or(|(b, _)| score < *b) {
            best = Some((score, spots));
        }
    }
    best.map(|(_, spots)| spots).unwrap_or_default()
}

/// The `code`-th choice of one span per tag (counting in mixed radix over the tags' options),
/// and how many tags it puts off their preferred side.
fn choose(sides: &[Vec<Span>], code: usize) -> (Vec<Span>, usize) {
    let mut rest = code;
    let mut off_side = 0;
    let spans = sides
        .iter()
        .map(|s| {
            let pick = rest % s.len();
            rest /= s.len();
            off_side += usize::from(pick != 0);
            s[pick]
        })
        .collect();
    (spans, off_side)
}

/// Where a tag's text may go: its anchor, whether it ends there, and the span it covers.
type Span = (f64, bool, f64, f64);

/// Each tag's possible spans, the preferred one first: a
/// marker tag right of its line when it fits before `right`, else left when it fits after 0.
fn sides(tags: &[Tag], right: f64) -> Vec<Vec<Span>> {
    tags.iter()
        .map(|t| {
            let w = width(&t.text);
            let at = |x: f64, end: bool| {
                if end {
                    (x, true, x - w, x)
                } else {
                    (x, false, x, x + w)
                }
            };
            match t.line {
                Some(l) => {
                    let rightwards = l + 4.0 + w <= right;
                    let leftwards = l - 4.0 - w >= 0.0;
                    match (rightwards, leftwards) {
                        (true, true) => vec![at(l + 4.0, false), at(l - 4.0, true)],
                        (false, true) => vec![at(l - 4.0, true)],
                        _ => vec![at(l + 4.0, false)],
                    }
                }
                None => vec![at(t.x, t.end)],
            }
        })
        .collect()
}

/// Whether a marker line at `line` runs through the span `a`..`b` (with a margin).
fn crosses(line: Option<f64>, a: f64, b: f64) -> bool {
    line.is_some_and(|l| l >= a - 3.0 && l <= b + 3.0)
}

/// Rows for tags at the given spans, in [`place`]'s order; returns the spots in the order of
/// `tags` and how many tags found no clear row (and went above all the others).
fn rows(tags: &[Tag], spans: &[Span]) -> (Vec<Spot>, usize) {
    // Tag i waits for tag j when i's text covers j's line (then i must be above j).
    let waits = |i: usize, j: usize| i != j && crosses(tags[j].line, spans[i].2, spans[i].3);
    let mut done = vec![false; tags.len()];
    let mut placed: Vec<(usize, Spot)> = Vec::with_capacity(tags.len());
    let mut crossings = 0;
    while placed.len() < tags.len() {
        let free = |i: &usize| !done[*i] && (0..tags.len()).all(|j| done[j] || !waits(*i, j));
        // In a cycle of waiting tags, the first in order goes now (and will cross).
        let i = (0..tags.len())
            .find(free)
            .or_else(|| (0..tags.len()).find(|i| !done[*i]))
            .unwrap_or(0);
        let (x, end, from, to) = spans[i];
        let line = tags[i].line;
        let clear = |row: usize| {
            placed.iter().all(|(j, s)| {
                if s.row == row {
                    to + 8.0 < s.from || s.to + 8.0 < from
                } else if s.row < row {
                    !crosses(line, s.from, s.to)
                } else {
                    !crosses(tags[*j].line, from, to)
                }
            })
        };
        let row = match (0..=tags.len()).find(|r| clear(*r)) {
            Some(r) => r,
            None => {
                crossings += 1;
                placed.iter().map(|(_, s)| s.row + 1).max().unwrap_or(0)
            }
        };
        done[i] = true;
        placed.push((
            i,
            Spot {
                x,
                end,
                row,
                from,
                to,
            },
        ));
    }
    let mut spots = vec![None; tags.len()];
    for (i, s) in placed {
        spots[i] = Some(s);
    }
    (spots.into_iter().flatten().collect(), crossings)
}

/// A plot's frame: the left edge of the plot, its top and bottom, the whole height.
struct Frame {
    left: f64,
    top: f64,
    bottom: f64,
    height: f64,
}

impl Frame {
    /// A frame with room for `rows` rows of tags above and tick labels of `label_w` at left.
    fn new(rows: usize, label_w: f64) -> Self {
        let top = rows.max(1) as f64 * ROW_H + 18.0;
        Frame {
            left: (label_w + 8.0).max(24.0),
            top,
            bottom: top + PLOT_H,
            height: top + PLOT_H + AXIS_H,
        }
    }

    /// Baseline of tag row `row`.
    fn row_y(&self, row: usize) -> f64 {
        self.top - 16.0 - row as f64 * ROW_H
    }

    /// The tags, with their marker lines from the plot's bottom up to the text.
    fn tags(&self, out: &mut String, tags: &[Tag], spots: &[Spot]) {
        out.push_str("<>");
        for (t, s) in tags.iter().zip(spots) {
            let y = self.row_y(s.row);
            out.push_str("<>");
            if let Some(l) = t.line {
                line(out, (l, l), (y - 12.0, self.bottom), "mark", t.class);
            }
            out.push_str("</>");
            let anchor = if s.end { "end" } else { "start" };
            text(out, (s.x, y), anchor, ("tag", t.class), &t.text);
        }
        out.push_str("</>");
    }

    /// Horizontal grid lines with their labels left of the plot, and the axis title below.
    fn y_grid(&self, out: &mut String, y: &Scale, at: &[f64], labels: &[String], title: &str) {
        out.push_str("<>");
        for (t, label) in at.iter().zip(labels) {
            let at = y.at(*t);
            line(out, (self.left, W - RIGHT), (at, at), "grid", "");
            text(out, (self.left - 5.0, at + 4.0), "end", ("tick", ""), label);
        }
        out.push_str("</>");
        let middle = (self.left + W - RIGHT) / 2.0;
        text(
            out,
            (middle, self.height - 4.0),
            "middle",
            ("axis-title", ""),
            title,
        );
    }

    /// A tick label under the plot at `x`.
    fn x_tick(&self, out: &mut String, x: f64, text: &str) {
        tick_under(out, x, self.bottom + 17.0, text);
    }
}

/// A tick label centred under `x` at baseline `y`, kept inside the chart at either end.
fn tick_under(out: &mut String, x: f64, y: f64, text: &str) {
    let half = width(text) / 2.0;
    let anchor = if x + half > W {
        "end"
    } else if x - half < 0.0 {
        "start"
    } else {
        "middle"
    };
    self::text(out, (x, y), anchor, ("tick", ""), text);
}

/// A `<line>` from (x₁, y₁) to (x₂, y₂) of class `class` and `more` (if any).
fn line(out: &mut String, (x1, x2): (f64, f64), (y1, y2): (f64, f64), class: &str, more: &str) {
    put!(
        out,
        r#"<line x1="{}" x2="{}" y1="{}" y2="{}" class="{}"></line>"#,
        Px(x1),
        Px(x2),
        Px(y1),
        Px(y2),
        Classes(class, more)
    );
}

/// A `<text>` at (x, y) anchored at `anchor` (none: the start, by default), of the classes
/// `classes`, saying `content`.
fn text(out: &mut String, (x, y): (f64, f64), anchor: &str, classes: (&str, &str), content: &str) {
    put!(out, r#"<text x="{}" y="{}""#, Px(x), Px(y));
    if !anchor.is_empty() {
        put!(out, r#" text-anchor="{anchor}""#);
    }
    put!(
        out,
        r#" class="{}">{}</text>"#,
        Classes(classes.0, classes.1),
        Text(content)
    );
}

/// A class attribute's value: one class, or two with a space between.
struct Classes<'a>(&'a str, &'a str);

impl fmt::Display for Classes<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        Attr(self.0).fmt(f)?;
        if !self.1.is_empty() {
            f.write_str(" ")?;
            Attr(self.1).fmt(f)?;
        }
        Ok(())
    }
}

/// Sorts tags for [`place`]: marker lines from right to left, then the pinned ones (which
/// thus rise above any marker line that would cross them).
fn sort_tags(tags: &mut [Tag]) {
    let key = |t: &Tag| t.line.unwrap_or(f64::NEG_INFINITY);
    dpu_engine::sort::stable_by(tags, |a, b| key(a).total_cmp(&key(b)).is_gt());
}

/// A legend entry: a key in `class` and its text.
fn key(out: &mut String, class: &str, text: &str) {
    put!(
        out,
        r#"<li><span aria-hidden="true" class="key {}"></span>{}</li>"#,
        Attr(class),
        Text(text)
    );
}

/// What [`traffic_chart`] needs of the scenario besides the report.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Hosts {
    /// The scenario's traffic per host, Gb/s (G).
    pub gbps_per_host: f64,
    /// Cores per host (C).
    pub cores_per_host: f64,
    /// Hosts each cluster must keep (m): a cluster no larger never gives up a server.
    pub min_hosts: u32,
}

/// A horizontal reference line across the traffic chart: its value, class, label (also the
/// legend's), and shorter labels for when the long one finds no room, shortest last.
struct RefLine {
    value: f64,
    class: &'static str,
    text: String,
    shorter: &'static [&'static str],
}

/// Where a reference line's label fits: the first spot, above the line and then below it,
/// from left to right, where neither curve, nor another reference line, nor a vertical
/// marker line (at the x of `marks`) runs through its text; the full text if it fits
/// anywhere, else the first shorter one that fits, else the shortest above at left.
fn ref_label(
    out: &mut String,
    line: &RefLine,
    line_y: f64,
    frame: &Frame,
    curves: &[&[(f64, f64)]],
    others: &[f64],
    marks: &[f64],
) {
    let clear = |x0: f64, base: f64, w: f64| {
        let (x1, y0, y1) = (x0 + w, base - 13.0, base + 3.0);
        let inside = y0 >= frame.top && y1 <= frame.bottom && x1 <= W - RIGHT;
        let hits_curve = curves.iter().any(|pts| {
            pts.windows(2).any(|s| {
                let (a, b) = (s[0], s[1]);
                a.0.max(b.0) >= x0 - 4.0
                    && a.0.min(b.0) <= x1 + 4.0
                    && a.1.max(b.1) >= y0 - 2.0
                    && a.1.min(b.1) <= y1 + 2.0
            })
        });
        let hits_line = others.iter().any(|y| *y >= y0 - 1.0 && *y <= y1 + 1.0);
        let hits_mark = marks.iter().any(|m| *m >= x0 - 3.0 && *m <= x1 + 3.0);
        inside && !hits_curve && !hits_line && !hits_mark
    };
    let spot = std::iter::once(line.text.as_str())
        .chain(line.shorter.iter().copied())
        .find_map(|text| {
            let w = width(text);
            [line_y - 5.0, line_y + 15.0].into_iter().find_map(|base| {
                (0..40)
                    .map(|i| frame.left + 4.0 + f64::from(i) * 12.0)
                    .find(|x| clear(*x, base, w))
                    .map(|x| (text, x, base))
            })
        });
    let shortest = line.shorter.last().copied().unwrap_or(line.text.as_str());
    let (text, x, y) = spot.unwrap_or((shortest, frame.left + 4.0, line_y - 5.0));
    self::text(out, (x, y), "", ("ref-label", line.class), text);
}

thread_local! {
    /// Set while the build pre-renders a page: see [`drawn_by_the_app`].
    static PRERENDERING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Whether the page's heaviest detail below the fold, the charts and the list of the
/// defaults in force with their sources, is rendered: always in the app, never in the pages
/// the build pre-renders. There it was 14 KB of HTML and 5.3 KB of the page's gzip, which
/// the page's budget counts, for a reader who sees it a few hundred milliseconds later,
/// when the app takes the page over. A pre-rendered page shows the verdict, the reasoning,
/// the plans, the findings, the figures and the formulas (without JavaScript it also says
/// that the page needs it).
pub fn drawn_by_the_app() -> bool {
    !PRERENDERING.with(std::cell::Cell::get)
}

/// Pre-renders with the charts left to the app (the build's pre-render only).
pub async fn prerendering<T>(render: impl Future<Output = T>) -> T {
    PRERENDERING.with(|p| p.set(true));
    let out = render.await;
    PRERENDERING.with(|p| p.set(false));
    out
}

/// Networking cores per host (N) and cores a DPU frees (Z) against traffic per host, with
/// your traffic, the break-even, the usable DPU line rate (an arrow at the right edge when
/// beyond the range), the host's cores and the cores a cluster must free per host to give
/// up its first server.
pub fn traffic_chart(r: &Report, hosts: &Hosts) -> Html {
    let c = &r.cost;
    let curve = &r.traffic_curve;
    let (g, host) = (hosts.gbps_per_host, hosts.cores_per_host);
    let x_top = curve.last().map_or(0.0, |p| p.gbps).max(g);
    let x_top = if x_top > 0.0 { x_top } else { 10.0 };
    let curve_top = curve
        .iter()
        .flat_map(|p| [p.networking_cores, p.cores_freed])
        .fold(0.0, f64::max);
    // "1 server per h-host cluster": a cluster of h hosts gives up its first server when
    // each host frees C/h cores (none when freed cores remove no servers at all).
    let cpu_bound = !r.findings.iter().any(|f| f.id == "not-cpu-bound");
    let size = c.clusters.size;
    let server = (cpu_bound && size > hosts.min_hosts && host > 0.0).then(|| RefLine {
        value: host / f64::from(size),
        class: "ref-server",
        text: format!(
            "1 server per {}-host cluster: {}",
            num(f64::from(size), 0),
            cores(host / f64::from(size))
        ),
        shorter: &["1 server per cluster", "1 server"],
    });
    let host_line = (host > 0.0).then(|| RefLine {
        value: host,
        class: "ref-host",
        text: format!("host: {}", cores(host)),
        shorter: &["host"],
    });
    // A reference line stays on the chart unless it would squash the curves below a third
    // of its height, or would sit on the axis; then the legend says it.
    let base = if curve_top > 0.0 {
        curve_top
    } else {
        server.as_ref().map_or(1.0, |s| s.value)
    };
    let (refs_on, refs_off): (Vec<RefLine>, Vec<RefLine>) = server
        .into_iter()
        .chain(host_line)
        .partition(|l| l.value <= base * 3.0 && l.value >= base * 0.02);
    let y_hi = refs_on.iter().map(|l| l.value).fold(curve_top, f64::max);
    let (y_ticks, y_dec) = ticks(0.0, if y_hi > 0.0 { y_hi * 1.04 } else { 1.0 }, true);
    let y_labels: Vec<String> = y_ticks.iter().map(|t| num(*t, y_dec)).collect();
    let label_w = y_labels.iter().map(|t| width(t)).fold(0.0, f64::max);

    // The tags above the plot need the x scale, which needs the left margin only.
    let left = Frame::new(1, label_w).left;
    let x = Scale::new(0.0, x_top, left, W - RIGHT);
    let rate = c.dpu_line_rate_gbps;
    let rate_inside = rate <= x_top;
    let even = c.break_even_gbps_per_host;
    let gbps = |v: f64| format!("{} Gb/s", fine(v));
    let mut tags = vec![
        Tag {
            text: "cores".to_owned(),
            class: "tag-title",
            line: None,
            x: 0.0,
            end: false,
        },
        Tag {
            text: format!("you: {}", gbps(g)),
            class: "tag-now",
            line: Some(x.at(clamp(g, 0.0, x_top))),
            x: 0.0,
            end: false,
        },
        Tag {
            text: if rate_inside {
                format!("line rate {}", gbps(rate))
            } else {
                format!("line rate {} →", gbps(rate))
            },
            class: "tag-rate",
            line: rate_inside.then(|| x.at(rate)),
            x: W - RIGHT,
            end: true,
        },
    ];
    if let Some(b) = even {
        tags.push(Tag {
            text: format!("pays from {}", threshold(b)),
            class: "tag-even",
            line: Some(x.at(clamp(b, 0.0, x_top))),
            x: 0.0,
            end: false,
        });
    }
    sort_tags(&mut tags);
    let spots = place(&tags, W - RIGHT);
    let marks: Vec<f64> = tags.iter().filter_map(|t| t.line).collect();
    let rows = spots.iter().map(|s| s.row + 1).max().unwrap_or(1);
    let frame = Frame::new(rows, label_w);
    let y = Scale::new(
        0.0,
        y_ticks.last().copied().unwrap_or(1.0),
        frame.bottom,
        frame.top,
    );

    let n_pts: Vec<(f64, f64)> = curve
        .iter()
        .map(|p| (x.at(p.gbps), y.at(p.networking_cores)))
        .collect();
    let z_pts: Vec<(f64, f64)> = curve
        .iter()
        .map(|p| (x.at(p.gbps), y.at(p.cores_freed)))
        .collect();
    let ref_ys: Vec<f64> = refs_on.iter().map(|l| y.at(l.value)).collect();
    let (x_ticks, x_dec) = ticks(0.0, x_top, false);

    // "never, at any traffic": how the page reads a missing break-even.
    let never = figure("break_even_gbps_per_host").map_or("none", |f| f.none);
    let even_text = match even {
        Some(b) => format!("It pays from {} per host.", threshold(b)),
        None => format!("Break-even: {never}."),
    };
    let mut summary = format!(
        "{} at your {} per host: {}; a DPU frees {}. {} {}: {}. The host has {}.",
        label("networking_cores_per_host"),
        gbps(g),
        cores(c.networking_cores_per_host),
        cores(c.cores_freed_per_host),
        even_text,
        label("dpu_line_rate_gbps"),
        gbps(rate),
        cores(host),
    );
    if cpu_bound && size >= 2 && host > 0.0 {
        let _ = write!(
            summary,
            " A {}-host cluster gives up its first server when each host frees {}.",
            num(f64::from(size), 0),
            cores(host / f64::from(size))
        );
    }
    let line_rate_hook = if rate_inside { "inside" } else { "beyond" };
    let mut out = String::new();
    let o = &mut out;
    put!(
        o,
        r#"<figure data-line-rate="{line_rate_hook}" data-break-even="{}" class="chart chart-traffic"><figcaption>Host cores spent on networking, and freed by a DPU, by traffic per host</figcaption><svg viewBox="0 0 {} {}" role="img" aria-label="{}">"#,
        even.map_or_else(|| "none".to_owned(), raw),
        shortest(W),
        Px(frame.height),
        Attr(&summary)
    );
    frame.y_grid(o, &y, &y_ticks, &y_labels, "Gb/s per host");
    o.push_str("<>");
    for t in x_ticks {
        frame.x_tick(o, x.at(t), &num(t, x_dec));
    }
    o.push_str("</><>");
    for (l, ly) in refs_on.iter().zip(&ref_ys) {
        line(o, (frame.left, W - RIGHT), (*ly, *ly), "ref", l.class);
    }
    o.push_str("</>");
    put!(
        o,
        r#"<polyline points="{}" class="line-z"></polyline><polyline points="{}" class="line-n"></polyline>"#,
        polyline(z_pts.iter().copied()),
        polyline(n_pts.iter().copied())
    );
    o.push_str("<>");
    for (l, ly) in refs_on.iter().zip(&ref_ys) {
        let others: Vec<f64> = ref_ys.iter().copied().filter(|o| o != ly).collect();
        ref_label(o, l, *ly, &frame, &[&n_pts, &z_pts], &others, &marks);
    }
    o.push_str("</>");
    frame.tags(o, &tags, &spots);
    line(
        o,
        (frame.left, W - RIGHT),
        (frame.bottom, frame.bottom),
        "axis",
        "",
    );
    o.push_str(r#"</svg><ul class="chart-legend">"#);
    key(o, "key-n", label("networking_cores_per_host"));
    key(o, "key-z", label("cores_freed_per_host"));
    key(o, "key-now", &format!("your traffic: {}", gbps(g)));
    key(
        o,
        "key-even",
        &format!(
            "break-even: {}",
            even.map_or_else(|| never.to_owned(), threshold)
        ),
    );
    key(
        o,
        "key-rate",
        &format!(
            "{}: {}{}",
            label("dpu_line_rate_gbps"),
            gbps(rate),
            if rate_inside {
                ""
            } else {
                " (beyond the chart)"
            }
        ),
    );
    o.push_str("<>");
    for l in &refs_on {
        let class = if l.class == "ref-host" {
            "key-host"
        } else {
            "key-server"
        };
        key(o, class, &l.text);
    }
    o.push_str("</><>");
    for l in &refs_off {
        let why = if l.value > base {
            "far above the chart"
        } else {
            "too close to 0 to show"
        };
        put!(o, r#"<li class="off-chart">{} ({why})</li>"#, Text(&l.text));
    }
    o.push_str("</></ul><>");
    if curve_top <= 0.0 {
        o.push_str(r#"<p class="chart-note">No host cores go to networking at any traffic on this chart.</p>"#);
    }
    o.push_str("</></figure>");
    to_html(out)
}

/// A money axis under bar rows: ticks, the currency, and the chart's text alternative.
fn money_axis(out: &mut String, x: &Scale, at: &[f64], title: &str, summary: &str) {
    put!(
        out,
        r#"<svg viewBox="0 0 {} 40" role="img" aria-label="{}" class="money-axis"><line x1="{}" x2="{}" y1="1" y2="1" class="axis"></line>"#,
        shortest(W),
        Attr(summary),
        Px(x.r0),
        Px(x.r1)
    );
    out.push_str("<>");
    for t in at.iter().copied() {
        let px = Px(x.at(t));
        put!(
            out,
            r#"<line x1="{px}" x2="{px}" y1="1" y2="5" class="axis"></line>"#
        );
        tick_under(out, x.at(t), 18.0, &short(t));
    }
    out.push_str("</>");
    put!(
        out,
        r#"<text x="{}" y="37" text-anchor="middle" class="axis-title">{}</text></svg>"#,
        Px((x.r0 + x.r1) / 2.0),
        Text(title)
    );
}

/// The currency for an axis title ("money" when the report names none).
fn currency_or(cur: &str) -> &str {
    if cur.is_empty() { "money" } else { cur }
}

/// The x scale of bar rows over `values` and 0, with its ticks.
fn money_scale(values: impl Iterator<Item = f64>) -> (Scale, Vec<f64>) {
    let (lo, hi) = values.fold((0.0, 0.0), |(lo, hi): (f64, f64), v| (lo.min(v), hi.max(v)));
    let (at, _) = ticks(lo, hi, true);
    let (d0, d1) = (
        at.first().copied().unwrap_or(0.0),
        at.last().copied().unwrap_or(1.0),
    );
    (Scale::new(d0, d1, 22.0, W - 22.0), at)
}

/// One bar row: grid lines at the ticks, the bars (rects from `from` to `to`), and vertical
/// marks (value, class) across the row.
fn bar_row(
    out: &mut String,
    x: &Scale,
    at: &[f64],
    bars: &[(f64, f64, &str)],
    marks: &[(f64, &str)],
) {
    put!(
        out,
        r#"<svg viewBox="0 0 {} {}" aria-hidden="true" focusable="false">"#,
        shortest(W),
        shortest(BAR_H)
    );
    let line = |out: &mut String, v: f64, class: &str| {
        let px = Px(x.at(v));
        put!(
            out,
            r#"<line x1="{px}" x2="{px}" y1="0" y2="{}" class="{}"></line>"#,
            Px(BAR_H),
            Attr(class)
        );
    };
    out.push_str("<>");
    for t in at.iter().copied() {
        line(out, t, "grid");
    }
    out.push_str("</><>");
    for (from, to, class) in bars.iter().copied() {
        put!(
            out,
            r#"<rect x="{}" y="2" height="{}" width="{}" class="{}"></rect>"#,
            Px(x.at(from).min(x.at(to))),
            Px(BAR_H - 4.0),
            Px((x.at(to) - x.at(from)).abs().max(1.0)),
            Attr(class)
        );
    }
    out.push_str("</><>");
    for (v, class) in marks.iter().copied() {
        line(out, v, class);
    }
    out.push_str("</></svg>");
}

/// The DPUs' extra cost against the value of the whole servers they avoid, with the net
/// saving as the gap between the two.
pub fn cost_bars(r: &Report) -> Html {
    let c = &r.cost;
    let cur = r.currency.as_str();
    let (k, v, net) = (
        c.dpu_incremental_cost,
        c.value_of_avoided_servers,
        c.net_saving,
    );
    let (x, at) = money_scale([k, v].into_iter());
    let years = count(r.lifetime_years, "year", "years");
    let summary = format!(
        "Over {years}: {} {} against {} {}; {} {}.",
        in_sentence(label("dpu_incremental_cost")),
        money(k, cur),
        in_sentence(label("value_of_avoided_servers")),
        money(v, cur),
        in_sentence(label("net_saving")),
        fmt_net(net, cur)
    );
    let net_class = if net >= 0.0 {
        "bar-net-pos"
    } else {
        "bar-net-neg"
    };
    let mut out = String::new();
    let o = &mut out;
    put!(
        o,
        r#"<figure class="chart chart-cost"><figcaption>What the DPUs cost against what they save, over {}, at the likely values</figcaption><ul class="chart-rows">"#,
        Text(&years)
    );
    let rows = [
        (
            "dpu_incremental_cost",
            "",
            k,
            format!(
                " = {} with DPUs × {} each",
                count(c.dpu_hosts as f64, "host", "hosts"),
                money(c.dpu_cost_per_host, cur)
            ),
            (0.0, k, "bar-cost"),
        ),
        (
            "value_of_avoided_servers",
            "",
            v,
            format!(
                " = {} avoided × {} each",
                count(c.servers_avoided as f64, "server", "servers"),
                money(c.value_per_avoided_server, cur)
            ),
            (0.0, v, "bar-value"),
        ),
        (
            "net_saving",
            r#" class="row-net""#,
            net,
            if net > 0.0 {
                " (the value exceeds the cost by this)"
            } else if net < 0.0 {
                " (the cost exceeds the value by this)"
            } else {
                " (the value equals the cost)"
            }
            .to_owned(),
            (k, v, net_class),
        ),
    ];
    for (field, class, value, why, bar) in rows {
        let shown = if field == "net_saving" {
            fmt_net(value, cur)
        } else {
            money(value, cur)
        };
        put!(
            o,
            r#"<li data-bar="{field}"{class}><span class="row-label"><strong>{}: {}</strong>{}</span>"#,
            Text(label(field)),
            Text(&shown),
            Text(&why)
        );
        bar_row(o, &x, &at, &[bar], &[(0.0, "zero")]);
        o.push_str("</li>");
    }
    o.push_str("</ul>");
    money_axis(
        o,
        &x,
        &at,
        &format!("{} over {years}", currency_or(cur)),
        &summary,
    );
    o.push_str("</figure>");
    to_html(out)
}

/// Net saving with each assumption at its low and high end (the others at likely), largest
/// swing first, on a money axis with 0 and the likely net saving marked. Assumptions that
/// move nothing are named in words; when none moves anything, a sentence replaces the chart.
pub fn tornado(r: &Report) -> Html {
    let u = &r.uncertainty;
    let cur = r.currency.as_str();
    let base = r.cost.net_saving;
    let (bars, still): (Vec<_>, Vec<_>) = u.tornado.iter().partition(|b| b.swing > 0.0);
    let ends = || {
        bars.iter()
            .flat_map(|b| [b.net_saving_at_low, b.net_saving_at_high])
    };
    let (x, at) = money_scale(ends().chain([base]));
    let lo = ends().fold(base, f64::min);
    let hi = ends().fold(base, f64::max);
    let end = |b: &TornadoBar, at: f64, net: f64| {
        format!(
            "{} → {}",
            with_unit(spec(b.assumption).unit, at, cur),
            fmt_net(net, cur)
        )
    };
    // The odds and the flip point in sentences (the engine's), not P10/P50/P90 jargon.
    let odds = match &r.explanation.flip {
        Some(f) => format!("{} {}", r.explanation.odds, f.text),
        None => r.explanation.odds.clone(),
    };
    let summary = bars.first().map(|b| {
        format!(
            "Net saving with one assumption at a time at its low and its high end: from {} to {}; at the likely values {}. Largest swing: {}, {} at {} and {} at {}.",
            fmt_net(lo, cur),
            fmt_net(hi, cur),
            fmt_net(base, cur),
            in_sentence(&b.label),
            fmt_net(b.net_saving_at_low, cur),
            with_unit(spec(b.assumption).unit, b.low, cur),
            fmt_net(b.net_saving_at_high, cur),
            with_unit(spec(b.assumption).unit, b.high, cur),
        )
    });
    let still_text = still
        .iter()
        .map(|b| in_sentence(&b.label))
        .collect::<Vec<_>>()
        .join("; ");
    let still_keys = still
        .iter()
        .map(|b| spec(b.assumption).key)
        .collect::<Vec<_>>()
        .join(" ");
    let mut out = String::new();
    let o = &mut out;
    put!(
        o,
        r#"<figure data-bars="{}" class="chart chart-tornado"><figcaption>Which assumption moves the net saving most</figcaption><p class="chart-odds">{}</p>"#,
        bars.len(),
        Text(&odds)
    );
    o.push_str("<>");
    if let Some(summary) = summary {
        o.push_str(r#"<ul class="chart-rows">"#);
        for b in &bars {
            put!(
                o,
                r#"<li data-assumption="{}"><span class="row-label"><strong>{}</strong></span><span class="row-ends"><span><span aria-hidden="true" class="key key-low"></span>{}</span><span><span aria-hidden="true" class="key key-high"></span>{}</span></span>"#,
                Attr(spec(b.assumption).key),
                Text(&b.label),
                Text(&end(b, b.low, b.net_saving_at_low)),
                Text(&end(b, b.high, b.net_saving_at_high))
            );
            bar_row(
                o,
                &x,
                &at,
                &[
                    (base, b.net_saving_at_low, "bar-low"),
                    (base, b.net_saving_at_high, "bar-high"),
                ],
                &[(0.0, "zero"), (base, "base")],
            );
            o.push_str("</li>");
        }
        o.push_str("</ul>");
        money_axis(
            o,
            &x,
            &at,
            &format!("net saving, {}", currency_or(cur)),
            &summary,
        );
        o.push_str(r#"<ul class="chart-legend">"#);
        key(o, "key-low", "assumption at its low end");
        key(o, "key-high", "at its high end");
        key(
            o,
            "key-base",
            &format!("at the likely values: {}", fmt_net(base, cur)),
        );
        key(o, "key-zero", "0: break-even");
        o.push_str("</ul><>");
        if !still.is_empty() {
            put!(
                o,
                r#"<p data-assumptions="{}" class="chart-note no-effect">No effect here: {}.</p>"#,
                Attr(&still_keys),
                Text(&still_text)
            );
        }
        o.push_str("</>");
    } else {
        o.push_str(r#"<p class="chart-empty">No single assumption changes the answer.</p>"#);
    }
    o.push_str("</></figure>");
    to_html(out)
}

/// Each applicable plan's net present value over the samples on one money axis: a bar from
/// P10 to P90 (8 in 10 futures), a tick at the median, 0 marked, and the best plan (the
/// report's `best_plan`) said in words and drawn heavier.
pub fn plans_chart(r: &Report) -> Html {
    let cur = r.currency.as_str();
    let rows: Vec<_> = r
        .plans
        .iter()
        .filter_map(|p| match (p.npv_p10, p.npv_p50, p.npv_p90) {
            (Some(lo), Some(mid), Some(hi)) if p.applies => Some((p, lo, mid, hi)),
            _ => None,
        })
        .collect();
    let (x, at) = money_scale(rows.iter().flat_map(|(_, lo, mid, hi)| [*lo, *mid, *hi]));
    let range = |lo: f64, hi: f64| format!("{} to {}", money(lo, cur), money(hi, cur));
    let best = |id: PlanId| id == r.best_plan;
    let mut summary = format!("{} of each plan over the futures sampled:", label("npv"));
    for (p, lo, mid, hi) in &rows {
        let _ = write!(
            summary,
            " {}{}: median {}, 8 in 10 futures {};",
            p.name,
            if best(p.id) { " (best plan)" } else { "" },
            money(*mid, cur),
            range(*lo, *hi)
        );
    }
    summary.pop();
    summary.push('.');
    let mut out = String::new();
    let o = &mut out;
    put!(
        o,
        r#"<figure data-best-plan="{}" class="chart chart-plans"><figcaption>Each plan's net present value: where 8 in 10 futures land</figcaption><ul class="chart-rows">"#,
        Attr(r.best_plan.wire())
    );
    for (p, lo, mid, hi) in rows.iter().copied() {
        let best = best(p.id);
        put!(
            o,
            r#"<li data-plan="{}"{}><span class="row-label"><strong>{}</strong>{}{}</span>"#,
            Attr(p.id.wire()),
            if best { r#" class="row-best""# } else { "" },
            Text(&p.name),
            if best {
                r#"<><span class="best-tag"> best plan</span></>"#
            } else {
                "<></>"
            },
            Text(&format!(
                ": median {}; 8 in 10 futures {}",
                money(mid, cur),
                range(lo, hi)
            ))
        );
        bar_row(
            o,
            &x,
            &at,
            &[(
                lo,
                hi,
                if best {
                    "bar-range bar-best"
                } else {
                    "bar-range"
                },
            )],
            &[(0.0, "zero"), (mid, "median")],
        );
        o.push_str("</li>");
    }
    o.push_str("</ul>");
    money_axis(
        o,
        &x,
        &at,
        &format!("{}, {}", in_sentence(label("npv")), currency_or(cur)),
        &summary,
    );
    o.push_str(r#"<ul class="chart-legend">"#);
    key(o, "key-range", "P10 to P90: 8 in 10 futures");
    key(o, "key-best", "the best plan");
    key(o, "key-median", "median");
    key(o, "key-zero", "0: break-even");
    o.push_str("</ul></figure>");
    to_html(out)
}

/// The cash flow by year: a bar per year (purchase in year 0, then running), the
/// cumulative sum as a line, 0, and the payback year.
pub fn cash_flow_chart(r: &Report) -> Html {
    let c = &r.cost;
    let cur = r.currency.as_str();
    let flow = &c.cash_flow;
    let payback_hook = c
        .payback_year
        .map_or_else(|| "none".to_owned(), |y| y.to_string());
    let years = count(r.lifetime_years, "year", "years");
    let pays = match c.payback_year {
        Some(0) => "It pays back at once, in year 0.".to_owned(),
        Some(y) => format!("It pays back in year {y}."),
        None => format!("It does not pay back within {years}."),
    };
    let (Some(first), Some(last)) = (flow.first(), flow.last()) else {
        let mut out = String::new();
        put!(
            &mut out,
            r#"<figure data-payback-year="{payback_hook}" class="chart chart-cash"><figcaption>Cash flow by year</figcaption><p class="chart-empty">{}</p></figure>"#,
            Text(&pays)
        );
        return to_html(out);
    };
    let (lo, hi) = flow
        .iter()
        .flat_map(|y| [y.amount, y.cumulative])
        .fold((0.0, 0.0), |(lo, hi): (f64, f64), v| (lo.min(v), hi.max(v)));
    let (y_ticks, _) = ticks(lo, hi, true);
    let y_labels: Vec<String> = y_ticks.iter().map(|t| short(*t)).collect();
    let label_w = y_labels.iter().map(|t| width(t)).fold(0.0, f64::max);
    let left = Frame::new(1, label_w).left;
    let band = (W - RIGHT - left) / flow.len() as f64;
    let mid = |i: usize| left + band * (i as f64 + 0.5);
    let mut tags = vec![Tag {
        text: currency_or(cur).to_owned(),
        class: "tag-title",
        line: None,
        x: 0.0,
        end: false,
    }];
    if let Some(i) = c
        .payback_year
        .and_then(|p| flow.iter().position(|y| y.year == p))
    {
        tags.push(Tag {
            text: format!("pays back in year {}", flow[i].year),
            class: "tag-pay",
            line: Some(mid(i)),
            x: 0.0,
            end: false,
        });
    }
    sort_tags(&mut tags);
    let spots = place(&tags, W - RIGHT);
    let rows = spots.iter().map(|s| s.row + 1).max().unwrap_or(1);
    let frame = Frame::new(rows, label_w);
    let y = Scale::new(
        y_ticks.first().copied().unwrap_or(0.0),
        y_ticks.last().copied().unwrap_or(1.0),
        frame.bottom,
        frame.top,
    );
    let bar_w = (band * 0.6).min(40.0);
    let dot_r = Px((band / 4.0).clamp(1.5, 3.5));
    // Label every year, or every 2nd, 5th, 10th… when the bands are narrow.
    let every = [1, 2, 5, 10, 20, 25, 50]
        .into_iter()
        .find(|k| band * f64::from(*k) >= 30.0)
        .unwrap_or(100);
    let cum = polyline(
        flow.iter()
            .enumerate()
            .map(|(i, yr)| (mid(i), y.at(yr.cumulative))),
    );
    // The years after the purchase: their range of amounts, said in words.
    let after = flow.get(1..).unwrap_or_default();
    let (min_run, max_run) = after
        .iter()
        .map(|y| y.amount)
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), v| {
            (a.min(v), b.max(v))
        });
    let running = match after.first() {
        None => String::new(),
        Some(y1) if money(min_run, cur) == money(max_run, cur) => format!(
            " Years {} to {}: {} a year.",
            y1.year,
            last.year,
            money(min_run, cur)
        ),
        Some(y1) => format!(
            " Years {} to {}: from {} to {} a year.",
            y1.year,
            last.year,
            money(min_run, cur),
            money(max_run, cur)
        ),
    };
    let summary = format!(
        "Cash flow by year. Year {} (purchase): {}.{running} Running total at the end: {}. {pays}",
        first.year,
        money(first.amount, cur),
        money(last.cumulative, cur),
    );
    let note = if r.discount_rate > 0.0 {
        format!(
            "Not discounted. {} at {} a year: {}.",
            label("npv"),
            percent(r.discount_rate),
            money(c.npv, cur)
        )
    } else {
        format!(
            "{} over {years} at the likely values: {}.",
            label("net_saving"),
            fmt_net(c.net_saving, cur)
        )
    };
    let mut out = String::new();
    let o = &mut out;
    put!(
        o,
        r#"<figure data-payback-year="{payback_hook}" class="chart chart-cash"><figcaption>Cash flow by year at the likely values, and the running total. {}</figcaption><svg viewBox="0 0 {} {}" role="img" aria-label="{}">"#,
        Text(&pays),
        shortest(W),
        Px(frame.height),
        Attr(&summary)
    );
    frame.y_grid(o, &y, &y_ticks, &y_labels, "year (0 = purchase)");
    o.push_str("<>");
    for (i, yr) in flow.iter().enumerate() {
        let sign = if yr.amount >= 0.0 { "pos" } else { "neg" };
        put!(
            o,
            r#"<g data-year="{}" data-amount="{}" data-cumulative="{}" class="cash-year cash-{sign}"><title>Year {}: {}; running total {}</title><rect x="{}" y="{}" width="{}" height="{}" class="bar-{sign}"></rect></g>"#,
            yr.year,
            raw(yr.amount),
            raw(yr.cumulative),
            yr.year,
            Text(&money(yr.amount, cur)),
            Text(&money(yr.cumulative, cur)),
            Px(mid(i) - bar_w / 2.0),
            Px(y.at(yr.amount).min(y.at(0.0))),
            Px(bar_w),
            Px((y.at(yr.amount) - y.at(0.0)).abs().max(1.0))
        );
        o.push_str("<>");
        if yr.year % every == 0 {
            frame.x_tick(o, mid(i), &yr.year.to_string());
        }
        o.push_str("</>");
    }
    o.push_str("</>");
    let zero = y.at(0.0);
    line(o, (frame.left, W - RIGHT), (zero, zero), "zero", "");
    put!(o, r#"<polyline points="{cum}" class="cum"></polyline><>"#);
    for (i, yr) in flow.iter().enumerate() {
        put!(
            o,
            r#"<circle cx="{}" cy="{}" r="{dot_r}" class="cum-dot"></circle>"#,
            Px(mid(i)),
            Px(y.at(yr.cumulative))
        );
    }
    o.push_str("</>");
    frame.tags(o, &tags, &spots);
    o.push_str(r#"</svg><ul class="chart-legend"><>"#);
    if flow.iter().any(|y| y.amount >= 0.0) {
        key(o, "key-pos", "saved that year");
    }
    o.push_str("</><>");
    if flow.iter().any(|y| y.amount < 0.0) {
        key(o, "key-neg", "spent that year");
    }
    o.push_str("</>");
    key(o, "key-cum", "running total");
    o.push_str("<>");
    if c.payback_year.is_some() {
        key(o, "key-pay", "payback year");
    }
    put!(
        o,
        r#"</></ul><p class="chart-note">{}</p></figure>"#,
        Text(&note)
    );
    to_html(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticks_are_round_and_cover_or_stay_inside() {
        assert_eq!(
            ticks(0.0, 10.0, true).0,
            vec![0.0, 2.0, 4.0, 6.0, 8.0, 10.0]
        );
        assert_eq!(
            ticks(0.0, 41.0, true).0,
            vec![0.0, 10.0, 20.0, 30.0, 40.0, 50.0]
        );
        assert_eq!(ticks(0.0, 48.0, false).0, vec![0.0, 10.0, 20.0, 30.0, 40.0]);
        assert_eq!(
            ticks(-105.0, 0.0, true).0,
            vec![-125.0, -100.0, -75.0, -50.0, -25.0, 0.0]
        );
        assert!(ticks(0.0, 0.3, true).0.last().is_some_and(|t| *t >= 0.3));
        assert_eq!(ticks(0.0, 0.3, true).1, 1);
        assert_eq!(
            ticks(0.0, 12.0, true),
            (vec![0.0, 2.5, 5.0, 7.5, 10.0, 12.5], 1)
        );
        for (lo, hi) in [
            (0.0, 1e12),
            (5.0, 5.0),
            (f64::NAN, 1.0),
            (-1e300, 1e300),
            (1e15, 1e15 + 1.0),
        ] {
            let (at, _) = ticks(lo, hi, true);
            assert!(
                !at.is_empty() && at.len() <= 20 && at.iter().all(|t| t.is_finite()),
                "{lo}..{hi}: {at:?}"
            );
        }
    }

    #[test]
    fn scale_maps_ends_and_stays_finite() {
        let s = Scale::new(0.0, 10.0, 100.0, 0.0);
        assert_eq!(s.at(0.0), 100.0);
        assert_eq!(s.at(10.0), 0.0);
        assert!(Scale::new(5.0, 5.0, 0.0, 1.0).at(5.0).is_finite());
        assert!(s.at(f64::NAN).is_finite() && s.at(f64::INFINITY).is_finite());
    }

    #[test]
    fn short_money() {
        assert_eq!(short(-250_000.0), "-250k");
        assert_eq!(short(1_500_000.0), "1.5M");
        assert_eq!(short(0.0), "0");
        assert_eq!(short(500.0), "500");
        assert_eq!(short(2e12), "2tn");
        assert_eq!(fine(0.001), "0.001");
        assert_eq!(cores(1.0), "1 core");
        assert_eq!(cores(0.0), "0 cores");
    }

    /// Whether no two tags in a row overlap and no marker line crosses a lower text (with the
    /// margins `place` keeps).
    fn is_clear(tags: &[Tag], spots: &[Spot]) -> bool {
        spots.iter().zip(tags).enumerate().all(|(i, (a, ta))| {
            spots.iter().zip(tags).skip(i + 1).all(|(b, tb)| {
                (a.row != b.row || a.to + 8.0 < b.from || b.to + 8.0 < a.from)
                    && !(a.row > b.row && crosses(ta.line, b.from, b.to))
                    && !(b.row > a.row && crosses(tb.line, a.from, a.to))
            })
        })
    }

    /// Whether any choice of sides and rows (up to one row per tag) keeps the tags clear.
    fn a_clear_layout_exists(tags: &[Tag], right: f64) -> bool {
        let sides = sides(tags, right);
        let n = tags.len();
        let side_combos: usize = sides.iter().map(Vec::len).product();
        (0..side_combos).any(|code| {
            let (spans, _) = choose(&sides, code);
            (0..n.pow(n as u32)).any(|rows| {
                let spots: Vec<Spot> = (0..n)
                    .map(|i| {
                        let (x, end, from, to) = spans[i];
                        let row = rows / n.pow(i as u32) % n;
                        Spot {
                            x,
                            end,
                            row,
                            from,
                            to,
                        }
                    })
                    .collect();
                is_clear(tags, &spots)
            })
        })
    }

    /// Asserts that no two tags in a row overlap and no marker line crosses a lower text.
    fn assert_clear(tags: &[Tag], spots: &[Spot]) {
        assert_eq!(tags.len(), spots.len());
        let at = |t: &Tag, s: &Spot| {
            format!(
                "{:?} at {:?} row {} {}..{}",
                t.text, t.line, s.row, s.from, s.to
            )
        };
        for (i, (a, ta)) in spots.iter().zip(tags).enumerate() {
            for (b, tb) in spots.iter().zip(tags).skip(i + 1) {
                let texts = format!("{} and {}", at(ta, a), at(tb, b));
                if a.row == b.row {
                    assert!(a.to < b.from || b.to < a.from, "overlap: {texts}");
                }
                if let Some(l) = ta.line.filter(|_| a.row > b.row) {
                    assert!(l < b.from || l > b.to, "line crosses: {texts}");
                }
                if let Some(l) = tb.line.filter(|_| b.row > a.row) {
                    assert!(l < a.from || l > a.to, "line crosses: {texts}");
                }
            }
        }
    }

    fn tag(text: &str, line: Option<f64>, x: f64, end: bool) -> Tag {
        Tag {
            text: text.to_owned(),
            class: "t",
            line,
            x,
            end,
        }
    }

    #[test]
    fn tags_do_not_overlap_or_cross() {
        let mut tags = vec![
            tag("pays from 32 Gb/s", None, 0.0, false),
            tag("pays from 32 Gb/s", Some(100.0), 0.0, false),
            tag("pays from 32 Gb/s", Some(130.0), 0.0, false),
            tag("pays from 32 Gb/s", None, 470.0, true),
        ];
        sort_tags(&mut tags);
        let spots = place(&tags, 470.0);
        assert_clear(&tags, &spots);
    }

    #[test]
    fn a_break_even_near_the_right_edge_does_not_cover_your_traffic() {
        // vcf9-measured: "pays from 31.25 Gb/s" only fits left of its line, over the line of
        // "you: 25 Gb/s"; placed first it left no row for "you" (its line crossed the text).
        let mut tags = vec![
            tag("cores", None, 0.0, false),
            tag("you: 25 Gb/s", Some(258.6), 0.0, false),
            tag("line rate 400 Gb/s →", None, 470.0, true),
            tag("pays from 31.25 Gb/s", Some(316.0), 0.0, false),
        ];
        sort_tags(&mut tags);
        let spots = place(&tags, 470.0);
        assert_clear(&tags, &spots);
        let you = tags
            .iter()
            .position(|t| t.text.starts_with("you"))
            .expect("you");
        let pays = tags
            .iter()
            .position(|t| t.text.starts_with("pays"))
            .expect("pays");
        assert!(
            spots[pays].row > spots[you].row,
            "the break-even rises above"
        );
    }

    #[test]
    fn any_two_marker_lines_stay_clear_whenever_they_can() {
        // Some pairs cannot: two long texts 160 apart, each fitting only over the other's
        // line. Everywhere else `place` must find a layout as clear as an exhaustive search.
        let texts = ["you: 5 Gb/s", "pays from 31.25 Gb/s", "line rate 400 Gb/s"];
        let mut impossible = 0;
        for a in (0..=470u32).step_by(10) {
            for b in (0..=470u32).step_by(10) {
                for (ta, tb) in [(0, 1), (1, 0), (1, 2)] {
                    let mut tags = vec![
                        tag("cores", None, 0.0, false),
                        tag(texts[ta], Some(f64::from(a)), 0.0, false),
                        tag(texts[tb], Some(f64::from(b)), 0.0, false),
                        tag("line rate 800 Gb/s →", None, 470.0, true),
                    ];
                    sort_tags(&mut tags);
                    let spots = place(&tags, 470.0);
                    if is_clear(&tags, &spots) {
                        continue;
                    }
                    assert!(
                        !a_clear_layout_exists(&tags, 470.0),
                        "lines at {a} and {b}: a clear layout exists"
                    );
                    impossible += 1;
                }
            }
        }
        // The exhaustive search above would also pass if `place` never tried: most pairs work.
        assert!(
            impossible < 48 * 48 * 3 / 10,
            "{impossible} layouts crossed"
        );
    }
}

/// Server-side renders of every chart for real reports.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod render_tests {
    use super::*;
    use dpu_engine::presets::PRESETS;
    use dpu_engine::{Scenario, evaluate};
    use yew::LocalServerRenderer;
    use yew::prelude::*;

    /// The scenarios the charts must survive, by name.
    fn cases() -> Vec<(String, Scenario)> {
        let mut out: Vec<(String, Scenario)> = [
            ("default", "{}"),
            (
                "measured",
                r#"{"traffic": {"measured_networking_cores": 4}}"#,
            ),
            ("above-line-rate", r#"{"traffic": {"gbps_per_host": 900}}"#),
            ("memory-bound", r#"{"fleet": {"bound_by": "memory"}}"#),
            (
                "long",
                r#"{"fleet": {"lifetime_years": 7.5}, "costs": {"discount_rate": 0.08}}"#,
            ),
            ("no-traffic", r#"{"traffic": {"gbps_per_host": 0}}"#),
            (
                "one-host",
                r#"{"fleet": {"hosts": 1, "cluster_hosts": 1, "min_hosts_per_cluster": 1}}"#,
            ),
            ("fifty-years", r#"{"fleet": {"lifetime_years": 50}}"#),
            (
                "cheap-dpu",
                r#"{"costs": {"dpu_price": 100, "nic_price": 5000}}"#,
            ),
            (
                "huge",
                r#"{"fleet": {"hosts": 1000000, "cluster_hosts": 1000000, "cores_per_host": 1024,
                    "server_price": 10000000}, "traffic": {"gbps_per_host": 3000}}"#,
            ),
            ("tiny-traffic", r#"{"traffic": {"gbps_per_host": 0.001}}"#),
        ]
        .into_iter()
        .map(|(n, j)| (n.to_owned(), Scenario::from_json(j).expect(n)))
        .collect();
        for p in PRESETS {
            out.push((p.name.to_owned(), p.scenario().expect(p.name)));
        }
        out
    }

    /// Props of [`Show`].
    #[derive(Properties, PartialEq)]
    struct ShowProps {
        html: Html,
    }

    /// Renders what it is given: a chart inside a component, for the server renderer.
    #[component]
    fn Show(props: &ShowProps) -> Html {
        props.html.clone()
    }

    async fn render(html: Html) -> String {
        LocalServerRenderer::<Show>::with_props(ShowProps { html })
            .hydratable(false)
            .render()
            .await
    }

    /// All five charts of one scenario, as HTML.
    pub(super) async fn render_all(s: &Scenario) -> [String; 5] {
        let report = evaluate(s);
        let hosts = Hosts {
            gbps_per_host: s.traffic.gbps_per_host,
            cores_per_host: f64::from(s.fleet.cores_per_host),
            min_hosts: s.fleet.min_hosts_per_cluster,
        };
        [
            render(traffic_chart(&report, &hosts)).await,
            render(cost_bars(&report)).await,
            render(tornado(&report)).await,
            render(cash_flow_chart(&report)).await,
            render(plans_chart(&report)).await,
        ]
    }

    /// The values of every attribute in `html`.
    fn attributes(html: &str) -> Vec<&str> {
        html.split('<')
            .flat_map(|tag| {
                tag.split('>')
                    .next()
                    .unwrap_or_default()
                    .split('"')
                    .skip(1)
                    .step_by(2)
            })
            .collect()
    }

    #[tokio::test]
    async fn every_chart_renders_clean_for_every_case() {
        for (name, s) in cases() {
            for html in render_all(&s).await {
                assert!(!html.contains("style="), "{name}: style attribute");
                for a in attributes(&html) {
                    let lower = a.to_ascii_lowercase();
                    assert!(
                        !lower.contains("nan") && !lower.contains("inf") && !a.contains('∞'),
                        "{name}: attribute {a:?}"
                    );
                }
                assert!(
                    html.starts_with("<figure") && html.contains(r#"class="chart chart-"#),
                    "{name}"
                );
                assert!(html.contains("<figcaption>"), "{name}: caption");
                let svgs = html.matches("<svg").count();
                let labelled = html.matches(r#"role="img" aria-label="#).count();
                let decorative = html.matches(r#"aria-hidden="true" focusable"#).count();
                assert_eq!(
                    svgs,
                    labelled + decorative,
                    "{name}: every svg labelled or decorative"
                );
            }
        }
    }

    #[tokio::test]
    async fn the_line_rate_arrow_shows_exactly_when_beyond_the_range() {
        for (name, s) in cases() {
            let report = evaluate(&s);
            let top = report.traffic_curve.last().map_or(0.0, |p| p.gbps);
            let beyond = report.cost.dpu_line_rate_gbps > top.max(s.traffic.gbps_per_host);
            let [traffic, ..] = render_all(&s).await;
            let arrow = format!("line rate {} Gb/s →", auto(report.cost.dpu_line_rate_gbps));
            assert_eq!(traffic.contains(&arrow), beyond, "{name}: arrow");
            let hook = if beyond { "beyond" } else { "inside" };
            assert!(
                traffic.contains(&format!(r#"data-line-rate="{hook}""#)),
                "{name}"
            );
            if !beyond {
                assert!(
                    traffic.contains(r#"class="mark tag-rate""#),
                    "{name}: line-rate line"
                );
            }
        }
        let s = Scenario::from_json(r#"{"traffic": {"gbps_per_host": 900}}"#).expect("valid");
        let [traffic, ..] = render_all(&s).await;
        assert!(traffic.contains("line rate 400 Gb/s<") && traffic.contains("you: 900 Gb/s"));
    }

    #[tokio::test]
    async fn the_traffic_chart_marks_break_even_and_the_server_line() {
        let [traffic, ..] = render_all(&Scenario::default()).await;
        assert!(traffic.contains("pays from 32 Gb/s"), "{traffic}");
        assert!(
            traffic.contains("1 server per 16-host cluster: 4 cores"),
            "{traffic}"
        );
        assert!(
            traffic.contains(r#"class="ref ref-server""#),
            "drawn, not only in the legend"
        );
        assert!(
            traffic.contains("host: 64 cores (far above the chart)"),
            "{traffic}"
        );
        let s = Scenario::from_json(r#"{"fleet": {"bound_by": "memory"}}"#).expect("valid");
        let [traffic, ..] = render_all(&s).await;
        assert!(traffic.contains(r#"data-break-even="none""#));
        assert!(!traffic.contains("pays from") && !traffic.contains("1 server per"));
    }

    #[tokio::test]
    async fn cash_flow_has_a_bar_per_year_and_the_payback_hook() {
        for (name, s) in cases() {
            let report = evaluate(&s);
            let [.., cash, _] = render_all(&s).await;
            for y in &report.cost.cash_flow {
                assert!(
                    cash.contains(&format!(r#"data-year="{}""#, y.year)),
                    "{name}: {}",
                    y.year
                );
            }
            match report.cost.payback_year {
                Some(y) => {
                    assert!(
                        cash.contains(&format!(r#"data-payback-year="{y}""#)),
                        "{name}"
                    );
                    assert!(cash.contains(&format!("pays back in year {y}")), "{name}");
                }
                None => {
                    assert!(cash.contains(r#"data-payback-year="none""#), "{name}");
                    assert!(cash.contains("does not pay back within"), "{name}");
                }
            }
        }
        let s = Scenario::from_json(
            r#"{"fleet": {"lifetime_years": 7.5}, "costs": {"discount_rate": 0.08}}"#,
        )
        .expect("valid");
        let [.., cash, _] = render_all(&s).await;
        assert!(cash.contains(r#"data-year="8""#) && !cash.contains(r#"data-year="9""#));
        assert!(
            cash.contains("within 7.5 years") && cash.contains("at 8 % a year"),
            "{cash}"
        );
    }

    #[tokio::test]
    async fn tornado_lists_still_assumptions_in_words_and_shares_as_percent() {
        let s = PRESETS
            .iter()
            .find(|p| p.name == "kubernetes-ovn")
            .expect("preset");
        let s = s.scenario().expect("valid");
        let report = evaluate(&s);
        let [_, _, tornado, _, _] = render_all(&s).await;
        let moving = report
            .uncertainty
            .tornado
            .iter()
            .filter(|b| b.swing > 0.0)
            .count();
        assert_eq!(tornado.matches("<li data-assumption=").count(), moving);
        assert!(
            tornado.contains("No effect here: extra CPU for the distributed firewall"),
            "{tornado}"
        );
        assert!(
            tornado.contains("0 % → ") && tornado.contains("35 % → "),
            "overlay as percent: {tornado}"
        );
        assert!(
            tornado.contains("50 % → ") && tornado.contains("95 % → "),
            "φ as percent"
        );
        assert!(
            !tornado.contains("0.35 ") && !tornado.contains("0.95 "),
            "no raw fractions"
        );
        // Nothing moves anything: a sentence instead of the chart, figure and caption kept.
        let [_, _, tornado, _, _] = render_all(&Scenario::default().clone()).await;
        let quiet = evaluate(
            &Scenario::from_json(r#"{"traffic": {"measured_networking_cores": 4}}"#)
                .expect("valid"),
        );
        assert!(quiet.uncertainty.tornado.iter().all(|b| b.swing == 0.0));
        let [_, _, quiet_html, _, _] = render_all(
            &Scenario::from_json(r#"{"traffic": {"measured_networking_cores": 4}}"#)
                .expect("valid"),
        )
        .await;
        assert!(quiet_html.contains("No single assumption changes the answer."));
        assert!(quiet_html.contains("<figcaption>") && !quiet_html.contains("<li data-assumption"));
        assert!(!tornado.contains("No single assumption"));
    }

    #[tokio::test]
    async fn the_plans_chart_has_a_row_per_plan_that_applies_and_marks_the_best() {
        for (name, s) in cases() {
            let report = evaluate(&s);
            let [.., plans] = render_all(&s).await;
            let rows = plans.matches("<li data-plan=").count();
            assert_eq!(
                rows,
                report.plans.iter().filter(|p| p.applies).count(),
                "{name}"
            );
            assert_eq!(
                plans.matches("row-best").count(),
                1,
                "{name}: one best plan"
            );
            let best = report
                .plans
                .iter()
                .find(|p| p.id == report.best_plan)
                .expect("the best plan is a row");
            assert!(
                plans.contains(&format!("{} (best plan)", best.name)),
                "{name}: the text alternative names the best plan"
            );
            // The median and the range of every row, as the text says them.
            for p in report.plans.iter().filter(|p| p.applies) {
                let mid = money(p.npv_p50.unwrap_or(f64::NAN), &report.currency);
                assert!(
                    plans.contains(&format!("median {mid}")),
                    "{name} {}",
                    p.name
                );
            }
        }
    }

    #[tokio::test]
    async fn cost_bars_show_both_sides_and_the_net() {
        let [_, cost, _, _, _] = render_all(&Scenario::default()).await;
        assert!(
            cost.contains("Extra cost of the DPUs: USD\u{a0}105,025"),
            "{cost}"
        );
        assert!(
            cost.contains("Value of avoided servers: USD\u{a0}0"),
            "{cost}"
        );
        // A loss reads as one (issue 17), never as a negative saving.
        assert!(
            cost.contains("Net saving: a loss of USD\u{a0}105,025"),
            "{cost}"
        );
        assert!(!cost.contains("USD\u{a0}-"), "{cost}");
        assert!(
            cost.contains("32 hosts with DPUs × USD\u{a0}3,282 each"),
            "{cost}"
        );
        assert!(cost.contains("bar-net-neg"));
    }
}
