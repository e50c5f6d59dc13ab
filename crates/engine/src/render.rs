//! The report as text for a terminal and as Markdown for a blog post. The page's "copy as
//! Markdown" uses [`markdown`] too, so the CLI and the page give the same report.
//!
//! Everything the user typed (the name, the currency) is echoed escaped: control characters
//! and bidirectional overrides never reach a terminal (see [`crate::format::plain`]), and
//! Markdown syntax in a name stays text.

use std::fmt::Write as _;

use crate::choice::{Choice, DualMode, Encryption, WorkloadKind};
use crate::format::{auto, count, money, num, percent, plain};
use crate::plans::{PlanId, PlanRow};
use crate::report::{FIGURES, Report, Verdict};
use crate::rules::Severity;
use crate::scenario::Scenario;
use crate::sources::{NOT_FOUND, SourceRef};

/// Width the text report wraps at.
pub const TEXT_WIDTH: usize = 78;

/// Greedy word wrap with an indent on every line.
pub fn wrap(text: &str, width: usize, indent: &str) -> String {
    let mut out = String::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty()
            && indent.len() + line.chars().count() + 1 + word.chars().count() > width
        {
            let _ = writeln!(out, "{indent}{line}");
            line.clear();
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        let _ = writeln!(out, "{indent}{line}");
    }
    out
}

/// The scenario's name for a title ("Scenario" when unnamed), safe to print.
pub fn title(s: &Scenario) -> String {
    let name = plain(s.name.trim());
    if name.is_empty() {
        "Scenario".to_owned()
    } else {
        name
    }
}

fn list<T: Choice>(items: &[T]) -> String {
    if items.is_empty() {
        return "none".to_owned();
    }
    let labels: Vec<&str> = items.iter().map(|i| i.label()).collect();
    labels.join(", ")
}

/// The scenario in a few labelled lines: what the report was computed for (Markdown, text,
/// and the page's printed report).
pub fn summary(s: &Scenario) -> Vec<(&'static str, String)> {
    let (t, f, c) = (&s.traffic, &s.fleet, &s.costs);
    let r = s.resolve();
    let cur = plain(&c.currency);
    let platform = if s.is_vsphere() {
        format!("{}, {}", s.platform.vsphere.label(), s.platform.nsx.label())
    } else {
        s.platform.kind.label().to_owned()
    };
    let mut traffic = format!(
        "{} Gb/s per host, {}-byte packets",
        auto(t.gbps_per_host),
        auto(t.avg_packet_bytes)
    );
    if t.overlay {
        traffic.push_str(if t.overlay_nic_offload {
            ", overlay offloaded by the NIC"
        } else {
            ", overlay without NIC offload"
        });
    }
    if t.distributed_firewall {
        traffic.push_str(", distributed firewall");
    }
    if t.deep_inspection {
        traffic.push_str(", IDS/IPS or L7 inspection");
    }
    if t.encryption != Encryption::None {
        traffic.push_str(&format!(", {} in software", t.encryption.label()));
    }
    if let Some(m) = t.measured_networking_cores {
        traffic.push_str(&format!(
            ", {} measured",
            count(m, "networking core", "networking cores")
        ));
    }
    let mut dpu = format!(
        "{} × {} per host{}, {} server{}",
        s.dpu.per_host,
        s.dpu.model.label(),
        match (s.dpu.per_host, s.dpu.dual_mode) {
            (2, DualMode::ActiveStandby) => " (active/standby)",
            (2, DualMode::Independent) => " (independent)",
            _ => "",
        },
        s.dpu.oem.label(),
        if s.dpu.factory_installed {
            ""
        } else {
            ", added later"
        }
    );
    if s.dpu.mixed_models_in_cluster {
        dpu.push_str(", mixed models in the cluster");
    }
    let mut out = vec![
        ("Goals", list(&s.goals)),
        (
            "Platform",
            format!(
                "{platform}; {} data path",
                match r.datapath {
                    crate::choice::Datapath::Kernel => "kernel",
                    crate::choice::Datapath::Enhanced => "enhanced",
                }
            ),
        ),
        (
            "Workload",
            match s.workload.kind {
                WorkloadKind::ManyVms => format!("{} per host", s.vms()),
                kind => kind.label().to_owned(),
            },
        ),
        ("DPU", dpu),
        ("Relied-on features", list(&s.features)),
        ("Traffic", traffic),
        (
            "Fleet",
            format!(
                "{} in {}, servers bound by {}; {} cores at {} GHz, {} each, {} W, {} U, {}",
                count(f64::from(f.hosts), "host", "hosts"),
                // A fleet no larger than a cluster is one cluster (SPEC §5).
                if f.hosts <= f.cluster_hosts {
                    format!(
                        "one cluster (which keeps {})",
                        num(f64::from(f.min_hosts_per_cluster), 0)
                    )
                } else {
                    format!(
                        "clusters of {} (each keeps {})",
                        num(f64::from(f.cluster_hosts), 0),
                        num(f64::from(f.min_hosts_per_cluster), 0)
                    )
                },
                crate::format::in_sentence(f.bound_by.label()),
                f.cores_per_host,
                auto(f.ghz),
                money(f.server_price, &cur),
                auto(f.server_watts),
                auto(f.rack_units_per_host),
                count(f.lifetime_years, "year", "years")
            ),
        ),
        (
            "Costs",
            format!(
                "DPU {} and {} W for a {} / {} W NIC, DPU licence {}/year; licence {}/core-year{}; \
                 power {cur} {}/kWh at PUE {}; rack unit {}/year; discount rate {}",
                money(c.dpu_price, &cur),
                auto(r.dpu_watts),
                money(c.nic_price, &cur),
                auto(c.nic_watts),
                money(c.dpu_license_year, &cur),
                money(r.license_per_core_year, &cur),
                if r.licenses_follow_cores {
                    ""
                } else {
                    " (does not shrink with servers)"
                },
                num(c.kwh_price, 3),
                auto(c.pue),
                money(c.rack_unit_year, &cur),
                percent(c.discount_rate)
            ),
        ),
    ];
    if s.claim.cpu_freed_percent > 0.0 {
        out.push((
            "The pitch",
            format!(
                "frees up to {} of host CPU",
                percent(s.claim.cpu_freed_percent / 100.0)
            ),
        ));
    }
    out
}

/// A page cited by a finding, as one line: title, kind, the fact ids (not-found ones said so).
fn source_line(src: &SourceRef) -> String {
    let ids: Vec<String> = src
        .ids
        .iter()
        .map(|id| {
            if src.not_found.contains(id) {
                format!("{id} {NOT_FOUND}")
            } else {
                id.clone()
            }
        })
        .collect();
    format!("{} ({}; {})", src.title, src.kind.wire(), ids.join(", "))
}

/// "Net saving" or "Net present value at 7 %": what the uncertainty figures measure.
fn outcome_name(r: &Report) -> String {
    if r.discount_rate > 0.0 {
        format!("Net present value at {}", percent(r.discount_rate))
    } else {
        "Net saving".to_owned()
    }
}

/// One plan of the "Plans compared" table as cells (SPEC §8): the plan (marked when best),
/// cores freed per host, servers avoided, what it costs per host, the median NPV with its
/// P10 to P90, the chance it pays, the chance the DPUs beat it (on the DPUs' row: their
/// chance to be the best plan), what it needs and what it gives up. A plan that does not
/// apply has its reason in the second cell and nothing after it.
pub fn plan_cells(r: &Report, p: &PlanRow) -> Vec<String> {
    let cur = &r.currency;
    let best = if p.id == r.best_plan {
        " (best plan)"
    } else {
        ""
    };
    let name = format!("{}{best}", p.name);
    if !p.applies {
        return vec![
            name,
            format!(
                "Does not apply: {}",
                p.why_not.as_deref().unwrap_or_default()
            ),
        ];
    }
    let opt_money = |x: Option<f64>| money(x.unwrap_or(0.0), cur);
    let beats = match (p.id, p.p_dpu_beats) {
        (PlanId::Dpu, _) if r.verdict == Verdict::Required => REQUIRED_ONLY.to_owned(),
        (PlanId::Dpu, _) => format!("best in {}", percent(r.uncertainty.p_best)),
        (_, Some(b)) => percent(b),
        (_, None) => "-".to_owned(),
    };
    vec![
        name,
        count(p.cores_freed_per_host.unwrap_or(0.0), "core", "cores"),
        count(p.servers_avoided.unwrap_or(0) as f64, "server", "servers"),
        opt_money(p.premium_per_host),
        format!(
            "{} ({} to {})",
            opt_money(p.npv_p50),
            opt_money(p.npv_p10),
            opt_money(p.npv_p90)
        ),
        percent(p.p_pays.unwrap_or(0.0)),
        beats,
        p.needs.clone(),
        p.loses.clone(),
    ]
}

/// The DPUs' "beats it" cell when a finding makes them required: their chance of being
/// the best plan by money does not decide anything then.
pub const REQUIRED_ONLY: &str = "required: the only plan that does what is asked";

/// The headings of [`plan_cells`].
pub const PLAN_HEADINGS: [&str; 9] = [
    "Plan",
    "Cores freed per host",
    "Servers avoided",
    "Costs per host",
    "Median NPV (P10 to P90)",
    "Pays off",
    "The DPUs beat it",
    "Needs",
    "Gives up",
];

/// The report for a terminal: plain text wrapped at [`TEXT_WIDTH`].
pub fn text(r: &Report, s: &Scenario) -> String {
    let cur = plain(&r.currency);
    let mut out = String::new();
    let _ = writeln!(out, "DPU Reality Check: {}", title(s));
    let _ = writeln!(out, "Verdict: {}", r.verdict.label().to_ascii_uppercase());
    out.push_str(&wrap(&plain(&r.headline), TEXT_WIDTH, ""));
    let _ = writeln!(out, "\nScenario");
    for (label, value) in summary(s) {
        let line = wrap(&format!("{label}: {value}"), TEXT_WIDTH - 2, "");
        for (i, l) in line.lines().enumerate() {
            let _ = writeln!(out, "{}{l}", if i == 0 { "  " } else { "    " });
        }
    }
    let x = &r.explanation;
    let _ = writeln!(out, "\nWhy, step by step");
    for (i, l) in x.chain.iter().enumerate() {
        out.push_str(&wrap(
            &format!("{}. {}", i + 1, plain(&l.text)),
            TEXT_WIDTH,
            "  ",
        ));
    }
    for line in x.claim.iter().chain(x.flip.as_ref().map(|f| &f.text)) {
        out.push_str(&wrap(&plain(line), TEXT_WIDTH, "  "));
    }
    let _ = writeln!(
        out,
        "\nPlans compared (over {} futures)",
        num(f64::from(r.uncertainty.samples), 0)
    );
    for p in &r.plans {
        let cells = plan_cells(r, p);
        let _ = writeln!(out, "- {}", plain(&cells[0]));
        let rest: Vec<String> = PLAN_HEADINGS[1..]
            .iter()
            .zip(&cells[1..])
            .map(|(h, c)| format!("{h}: {}", plain(c)))
            .collect();
        let rest = if p.applies {
            rest
        } else {
            vec![plain(&cells[1])]
        };
        for line in rest {
            out.push_str(&wrap(&line, TEXT_WIDTH, "    "));
        }
    }
    for sev in Severity::ALL {
        let mut group = r.findings_of(sev).peekable();
        if group.peek().is_none() {
            continue;
        }
        let _ = writeln!(out, "\n{}", sev.heading());
        for f in group {
            let _ = writeln!(out, "- {} [{}]", plain(&f.title), f.id);
            out.push_str(&wrap(&plain(&f.detail), TEXT_WIDTH, "    "));
            if let Some(instead) = &f.instead {
                out.push_str(&wrap(
                    &format!("Instead: {}", plain(instead)),
                    TEXT_WIDTH,
                    "    ",
                ));
            }
            for src in &f.sources {
                out.push_str(&wrap(
                    &format!("Source: {}", source_line(src)),
                    TEXT_WIDTH,
                    "    ",
                ));
                let _ = writeln!(out, "      {}", src.url);
            }
        }
    }
    let _ = writeln!(
        out,
        "\nCost over {}, likely assumptions ({cur})",
        count(r.lifetime_years, "year", "years")
    );
    for fig in FIGURES {
        let _ = writeln!(out, "  {:<36}{}", fig.label, fig.show(&r.cost, &cur));
    }
    let _ = writeln!(out, "\nCash flow ({cur})");
    let _ = writeln!(out, "  {:<8}{:>18}{:>18}", "Year", "Amount", "Cumulative");
    for y in &r.cost.cash_flow {
        let _ = writeln!(
            out,
            "  {:<8}{:>18}{:>18}",
            y.year,
            num(y.amount, 0),
            num(y.cumulative, 0)
        );
    }
    let _ = writeln!(out, "\nHow the numbers come about");
    for st in &r.breakdown {
        out.push_str(&wrap(
            &format!("{} ({}) = {}", st.symbol, st.label, st.formula),
            TEXT_WIDTH,
            "  ",
        ));
        out.push_str(&wrap(
            &format!("= {} = {}", plain(&st.substituted), plain(&st.result)),
            TEXT_WIDTH,
            "      ",
        ));
    }
    let u = &r.uncertainty;
    let _ = writeln!(
        out,
        "\nUncertainty ({} samples, seed {})",
        num(f64::from(u.samples), 0),
        u.seed
    );
    let _ = writeln!(
        out,
        "  Chance the DPUs pay off        {}",
        percent(u.p_worth_it)
    );
    let _ = writeln!(
        out,
        "  {} P10 / P50 / P90\n      {} / {} / {}",
        outcome_name(r),
        money(u.net_saving_p10, &cur),
        money(u.net_saving_p50, &cur),
        money(u.net_saving_p90, &cur)
    );
    let _ = writeln!(
        out,
        "  Cores freed, share of a host   {} to {} (P10 to P90)",
        percent(u.cores_freed_share_p10),
        percent(u.cores_freed_share_p90)
    );
    let moving: Vec<_> = u.tornado.iter().filter(|b| b.swing > 0.0).collect();
    if moving.is_empty() {
        let _ = writeln!(out, "  No single assumption changes the answer.");
    } else {
        let _ = writeln!(
            out,
            "  What moves the answer most (net saving at low / high):"
        );
        for bar in moving {
            let _ = writeln!(
                out,
                "    {:<46} {} / {}",
                bar.label,
                money(bar.net_saving_at_low, &cur),
                money(bar.net_saving_at_high, &cur)
            );
        }
    }
    let _ = writeln!(out, "\nDefaults this answer rests on");
    for d in &r.resolved {
        let how = if d.user_set {
            "set by you".to_owned()
        } else {
            format!("default: {}", d.basis)
        };
        let value = value_text(&d.path, &d.value, &cur);
        out.push_str(&wrap(
            &format!("{}: {value} ({how})", d.label),
            TEXT_WIDTH,
            "  ",
        ));
    }
    let _ = writeln!(out, "\nDPU Reality Check, {}", r.model.line());
    // The text wraps at its own width: a terminal gets plain spaces, not the page's no-break
    // ones between a currency and its amount.
    out.replace('\u{a0}', " ")
}

/// A resolved value as it reads, with its unit.
fn value_text(path: &str, v: &crate::json::Value, currency: &str) -> String {
    match crate::fields::field(path) {
        Some(f) => crate::fields::show_json(f, v, currency),
        None => plain(&v.to_string()),
    }
}

/// Markdown that cannot carry a heading, a link, a table break or HTML out of a cell, nor
/// become a live link where renderers link bare addresses (GitHub's and CommonMark's
/// "extended autolinks": `http://…`, `www.…`, `name@host`): the `:` of `://`, the `.` of
/// `www.` and every `@` are escaped, so a URL in a name stays text.
fn md_escape(text: &str) -> String {
    let text = plain(text);
    let mut out = String::with_capacity(text.len());
    for (i, ch) in text.char_indices() {
        let rest = &text[i..];
        let www = ch == '.'
            && text[..i].len() >= 3
            && text[..i].is_char_boundary(i - 3)
            && text[i - 3..i].eq_ignore_ascii_case("www");
        if matches!(
            ch,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '#' | '!' | '~' | '&' | '@'
        ) || (ch == ':' && rest.starts_with("://"))
            || www
        {
            out.push('\\');
        }
        out.push(ch);
    }
    out
}

/// The report as Markdown, ready to paste into a blog post.
pub fn markdown(r: &Report, s: &Scenario) -> String {
    let cur = md_escape(&r.currency);
    let mut out = String::new();
    let _ = writeln!(out, "## DPU Reality Check: {}\n", md_escape(&title(s)));
    let _ = writeln!(
        out,
        "**Verdict: {}.** {}\n",
        r.verdict.label(),
        md_escape(&r.headline)
    );
    let _ = writeln!(out, "| Scenario | |\n|---|---|");
    for (label, value) in summary(s) {
        let _ = writeln!(out, "| {label} | {} |", md_escape(&value));
    }
    let x = &r.explanation;
    let _ = writeln!(out, "\n### Why, step by step\n");
    for (i, l) in x.chain.iter().enumerate() {
        let _ = writeln!(out, "{}. {}", i + 1, md_escape(&l.text));
    }
    for line in x.claim.iter().chain(x.flip.as_ref().map(|f| &f.text)) {
        let _ = writeln!(out, "\n{}", md_escape(line));
    }
    let _ = writeln!(
        out,
        "\n### Plans compared\n\n| {} |\n|{}",
        PLAN_HEADINGS.join(" | "),
        "---|".repeat(PLAN_HEADINGS.len())
    );
    for p in &r.plans {
        let mut cells: Vec<String> = plan_cells(r, p).iter().map(|c| md_escape(c)).collect();
        cells.resize(PLAN_HEADINGS.len(), String::new());
        let _ = writeln!(out, "| {} |", cells.join(" | "));
    }
    out.push('\n');
    for sev in Severity::ALL {
        let mut group = r.findings_of(sev).peekable();
        if group.peek().is_none() {
            continue;
        }
        let _ = writeln!(out, "### {}\n", sev.heading());
        for f in group {
            let _ = write!(
                out,
                "- **{}** ({}). {}",
                md_escape(&f.title),
                f.id,
                md_escape(&f.detail)
            );
            if let Some(instead) = &f.instead {
                let _ = write!(out, " *Instead:* {}", md_escape(instead));
            }
            let links: Vec<String> = f
                .sources
                .iter()
                .map(|src| {
                    let ids: Vec<String> = src
                        .ids
                        .iter()
                        .map(|id| {
                            if src.not_found.contains(id) {
                                format!("{id} {NOT_FOUND}")
                            } else {
                                id.clone()
                            }
                        })
                        .collect();
                    format!(
                        "[{}]({}) ({}; {})",
                        md_escape(&src.title),
                        src.url.replace('(', "%28").replace(')', "%29"),
                        src.kind.wire(),
                        ids.join(", ")
                    )
                })
                .collect();
            if !links.is_empty() {
                let _ = write!(out, " Sources: {}.", links.join("; "));
            }
            out.push('\n');
        }
        out.push('\n');
    }
    let _ = writeln!(
        out,
        "### Cost over {} ({cur})\n\n| Figure | Value |\n|---|---|",
        count(r.lifetime_years, "year", "years")
    );
    for fig in FIGURES {
        let _ = writeln!(
            out,
            "| {} | {} |",
            fig.label,
            md_escape(&fig.show(&r.cost, &r.currency))
        );
    }
    let _ = writeln!(out, "\n| Year | Cash flow | Cumulative |\n|---|---|---|");
    for y in &r.cost.cash_flow {
        let _ = writeln!(
            out,
            "| {} | {} | {} |",
            y.year,
            num(y.amount, 0),
            num(y.cumulative, 0)
        );
    }
    let _ = writeln!(
        out,
        "\n| Step | Formula | With these numbers | Result |\n|---|---|---|---|"
    );
    for st in &r.breakdown {
        let _ = writeln!(
            out,
            "| {} ({}) | {} | {} | {} |",
            md_escape(&st.symbol),
            md_escape(&st.label),
            md_escape(&st.formula),
            md_escape(&st.substituted),
            md_escape(&st.result)
        );
    }
    let u = &r.uncertainty;
    let _ = writeln!(
        out,
        "\n### Uncertainty\n\n{}",
        md_escape(&r.explanation.odds)
    );
    let _ = writeln!(
        out,
        "\nChance the DPUs pay off: **{}** ({} samples). {} P10 / P50 / P90: {} / {} / {}. \
         Cores freed: {} to {} of each host (P10 to P90).\n",
        percent(u.p_worth_it),
        num(f64::from(u.samples), 0),
        outcome_name(r),
        md_escape(&money(u.net_saving_p10, &r.currency)),
        md_escape(&money(u.net_saving_p50, &r.currency)),
        md_escape(&money(u.net_saving_p90, &r.currency)),
        percent(u.cores_freed_share_p10),
        percent(u.cores_freed_share_p90)
    );
    let moving: Vec<_> = u.tornado.iter().filter(|b| b.swing > 0.0).collect();
    if moving.is_empty() {
        let _ = writeln!(out, "No single assumption changes the answer.");
    } else {
        let _ = writeln!(
            out,
            "| Assumption | Range | Net saving at low | at high |\n|---|---|---|---|"
        );
        for bar in moving {
            let _ = writeln!(
                out,
                "| {} | {} to {} | {} | {} |",
                bar.label,
                auto(bar.low),
                auto(bar.high),
                md_escape(&money(bar.net_saving_at_low, &r.currency)),
                md_escape(&money(bar.net_saving_at_high, &r.currency))
            );
        }
    }
    let _ = writeln!(
        out,
        "\n### Defaults this answer rests on\n\n| Input | Value | Basis |\n|---|---|---|"
    );
    for d in &r.resolved {
        let basis = if d.user_set {
            "set by you".to_owned()
        } else {
            md_escape(&d.basis)
        };
        let value = value_text(&d.path, &d.value, &r.currency);
        let _ = writeln!(out, "| {} | {} | {basis} |", d.label, md_escape(&value));
    }
    let _ = writeln!(out, "\n*DPU Reality Check, {}.*", r.model.line());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hostile() -> Scenario {
        // Built in code, so past validation: the renderers must hold on their own.
        let costs = crate::scenario::Costs {
            currency: "U\u{1b}[2J".to_owned(),
            ..crate::scenario::Costs::default()
        };
        Scenario {
            name: "x\n## Verdict: WORTH IT\n[click](https://evil)\u{1b}]52;c;cm0gLXJm\u{7}\u{202e}"
                .to_owned(),
            costs,
            ..Scenario::default()
        }
    }

    #[test]
    fn text_output_never_carries_control_characters() {
        let s = hostile();
        let out = text(&crate::evaluate(&s), &s);
        assert!(
            !out.chars()
                .any(|c| crate::format::is_unsafe_char(c) && c != '\n'),
            "{out:?}"
        );
        assert_eq!(
            out.lines()
                .next()
                .map(|l| l.starts_with("DPU Reality Check: x")),
            Some(true)
        );
        let verdicts = out.lines().filter(|l| l.starts_with("Verdict:")).count();
        assert_eq!(verdicts, 1, "the name cannot add a verdict line");
    }

    #[test]
    fn markdown_keeps_a_hostile_name_on_one_escaped_line() {
        let s = hostile();
        let out = markdown(&crate::evaluate(&s), &s);
        let first = out.lines().next().expect("a title");
        assert!(first.starts_with("## DPU Reality Check: x"));
        assert!(
            first.contains("\\#\\# Verdict: WORTH IT") && first.contains("\\[click\\]"),
            "{first}"
        );
        let headings = out
            .lines()
            .skip(1)
            .filter(|l| l.starts_with('#') && l.contains("Verdict"));
        assert_eq!(headings.count(), 0, "the name cannot add a heading");
        assert!(
            !out.chars()
                .any(|c| crate::format::is_unsafe_char(c) && c != '\n')
        );
    }

    #[test]
    fn markdown_keeps_a_url_in_a_name_as_text() {
        for (name, escaped) in [
            ("http://evil.example.com", "http\\://evil.example.com"),
            ("see HTTPS://x.org/a", "see HTTPS\\://x.org/a"),
            ("www.evil.example", "www\\.evil.example"),
            ("WWW.evil.example", "WWW\\.evil.example"),
            ("mail me@evil.example", "mail me\\@evil.example"),
        ] {
            let s = Scenario {
                name: name.to_owned(),
                ..Scenario::default()
            };
            let out = markdown(&crate::evaluate(&s), &s);
            let first = out.lines().next().expect("a title");
            assert_eq!(first, format!("## DPU Reality Check: {escaped}"));
        }
        // The page's own words are untouched ("4.5", "rack: 2").
        assert_eq!(md_escape("4.5 %, ratio: 2"), "4.5 %, ratio: 2");
    }

    #[test]
    fn both_end_with_the_model_and_the_facts_date() {
        let s = Scenario::default();
        let r = crate::evaluate(&s);
        for out in [text(&r, &s), markdown(&r, &s)] {
            let last = out.trim_end().lines().last().expect("a last line");
            assert!(last.contains("model 3, facts as of 2026-12-07"), "{last}");
            assert!(
                !out.contains("in your browser"),
                "the CLI did not run in a browser"
            );
        }
    }

    #[test]
    fn wrap_keeps_words_and_width() {
        let w = wrap("aaa bbb ccc ddd", 8, "  ");
        assert_eq!(w, "  aaa\n  bbb\n  ccc\n  ddd\n");
        assert_eq!(wrap("", 10, ""), "");
    }
}
