//! The report as text for a terminal and as Markdown for a blog post. The page's "copy as
//! Markdown" uses [`markdown`] too, so the CLI and the page give the same report.

use std::fmt::Write as _;

use crate::choice::Choice;
use crate::format::{auto, money, num, percent};
use crate::report::Report;
use crate::rules::Severity;
use crate::scenario::Scenario;

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

fn title(s: &Scenario) -> &str {
    if s.name.trim().is_empty() {
        "Scenario"
    } else {
        s.name.trim()
    }
}

/// Cost figures as (label, value) pairs in display order.
fn cost_rows(r: &Report, s: &Scenario) -> Vec<(&'static str, String)> {
    let c = &r.cost;
    let cur = r.currency.as_str();
    vec![
        (
            "Networking cores per host",
            format!(
                "{} ({} of {} cores)",
                auto(c.networking_cores_per_host),
                percent(c.networking_share_of_host),
                s.fleet.cores_per_host
            ),
        ),
        ("Cores freed per host", auto(c.cores_freed_per_host)),
        (
            "Servers avoided",
            format!(
                "{} (exactly {})",
                c.servers_avoided,
                auto(c.servers_avoided_fractional)
            ),
        ),
        ("Rack units freed", auto(c.rack_units_freed)),
        (
            "Value of avoided servers",
            money(c.value_of_avoided_servers, cur),
        ),
        ("Incremental DPU cost", money(c.dpu_incremental_cost, cur)),
        ("Net saving", money(c.net_saving, cur)),
        (
            "Break-even traffic",
            match c.break_even_gbps_per_host {
                Some(b) => format!("{} Gb/s per host", auto(b)),
                None => format!("none within {} Gb/s line rate", auto(c.dpu_line_rate_gbps)),
            },
        ),
    ]
}

fn list<T: Choice>(items: &[T]) -> String {
    if items.is_empty() {
        return "none".to_owned();
    }
    let labels: Vec<&str> = items.iter().map(|i| i.label()).collect();
    labels.join(", ")
}

fn yes_no(on: bool, yes: &str, no: &str) -> String {
    (if on { yes } else { no }).to_owned()
}

/// The scenario in a few labelled lines: what the report was computed for (Markdown, text,
/// and the page's printed report).
pub fn summary(s: &Scenario) -> Vec<(&'static str, String)> {
    let (t, f, c) = (&s.traffic, &s.fleet, &s.costs);
    let cur = c.currency.as_str();
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
        traffic.push_str(&yes_no(
            t.overlay_nic_offload,
            ", overlay offloaded by the NIC",
            ", overlay without NIC offload",
        ));
    }
    if t.distributed_firewall {
        traffic.push_str(", distributed firewall");
    }
    if t.encryption != crate::choice::Encryption::None {
        traffic.push_str(&format!(", {} in software", t.encryption.label()));
    }
    vec![
        ("Goals", list(&s.goals)),
        ("Platform", platform),
        (
            "Workload",
            match s.workload.kind {
                crate::choice::WorkloadKind::ManyVms => {
                    format!("{} VMs per host", s.workload.vms_per_host)
                }
                kind => kind.label().to_owned(),
            },
        ),
        (
            "DPU",
            format!(
                "{} × {} per host, {} server{}{}",
                s.dpu.per_host,
                s.dpu.model.label(),
                s.dpu.oem.label(),
                yes_no(s.dpu.factory_installed, "", ", added later"),
                yes_no(
                    s.dpu.mixed_models_in_cluster,
                    ", mixed models in the cluster",
                    ""
                )
            ),
        ),
        ("Relied-on features", list(&s.features)),
        ("Traffic", traffic),
        (
            "Fleet",
            format!(
                "{} hosts × {} cores at {} GHz, {} each, {} W, {} U, {} years",
                f.hosts,
                f.cores_per_host,
                auto(f.ghz),
                money(f.server_price, cur),
                auto(f.server_watts),
                auto(f.rack_units_per_host),
                auto(f.lifetime_years)
            ),
        ),
        (
            "Costs",
            format!(
                "DPU {} and {} W for a {} / {} W NIC, DPU licence {}/year; licence {}/core-year{}; \
                 power {}/kWh at PUE {}; rack unit {}/year",
                money(c.dpu_price, cur),
                auto(c.dpu_watts),
                money(c.nic_price, cur),
                auto(c.nic_watts),
                money(c.dpu_license_year, cur),
                money(c.license_per_core_year, cur),
                yes_no(c.licenses_follow_cores, "", " (does not shrink with cores)"),
                num(c.kwh_price, 3),
                auto(c.pue),
                money(c.rack_unit_year, cur)
            ),
        ),
    ]
}

/// The report for a terminal: plain text wrapped at [`TEXT_WIDTH`].
pub fn text(r: &Report, s: &Scenario) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "DPU Reality Check: {}", title(s));
    let _ = writeln!(out, "Verdict: {}", r.verdict.label().to_ascii_uppercase());
    out.push_str(&wrap(&r.headline, TEXT_WIDTH, ""));
    let _ = writeln!(out, "\nScenario");
    for (label, value) in summary(s) {
        let line = wrap(&format!("{label}: {value}"), TEXT_WIDTH - 2, "");
        for (i, l) in line.lines().enumerate() {
            let _ = writeln!(out, "{}{l}", if i == 0 { "  " } else { "    " });
        }
    }
    for sev in Severity::ALL {
        let mut group = r.findings_of(sev).peekable();
        if group.peek().is_none() {
            continue;
        }
        let _ = writeln!(out, "\n{}", sev.heading());
        for f in group {
            let _ = writeln!(out, "- {} [{}]", f.title, f.id);
            out.push_str(&wrap(&f.detail, TEXT_WIDTH, "    "));
            if let Some(instead) = &f.instead {
                out.push_str(&wrap(&format!("Instead: {instead}"), TEXT_WIDTH, "    "));
            }
            for src in &f.sources {
                let _ = writeln!(out, "    {} {}: {}", src.fact, src.title, src.url);
            }
        }
    }
    let _ = writeln!(
        out,
        "\nCost over {} years, likely assumptions ({})",
        auto(r.lifetime_years),
        r.currency
    );
    for (label, value) in cost_rows(r, s) {
        let _ = writeln!(out, "  {label:<28}{value}");
    }
    let _ = writeln!(out, "\nHow the numbers come about");
    for st in &r.breakdown {
        out.push_str(&wrap(
            &format!("{} ({}) = {}", st.symbol, st.label, st.formula),
            TEXT_WIDTH,
            "  ",
        ));
        out.push_str(&wrap(
            &format!("= {} = {}", st.substituted, st.result),
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
        "  Chance the DPUs pay off     {}",
        percent(u.p_worth_it)
    );
    let _ = writeln!(
        out,
        "  Net saving P10 / P50 / P90  {} / {} / {}",
        money(u.net_saving_p10, &r.currency),
        money(u.net_saving_p50, &r.currency),
        money(u.net_saving_p90, &r.currency)
    );
    let _ = writeln!(
        out,
        "  What moves the answer most (net saving at low / high):"
    );
    for bar in &u.tornado {
        let _ = writeln!(
            out,
            "    {:<48} {} / {}",
            bar.label,
            money(bar.net_saving_at_low, &r.currency),
            money(bar.net_saving_at_high, &r.currency)
        );
    }
    out
}

fn md_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        if matches!(
            ch,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '#'
        ) {
            out.push('\\');
        }
        out.push(ch);
    }
    out
}

/// The report as Markdown, ready to paste into a blog post.
pub fn markdown(r: &Report, s: &Scenario) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "## DPU Reality Check: {}\n", md_escape(title(s)));
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
                    format!(
                        "[{}]({})",
                        md_escape(&src.title),
                        src.url.replace(')', "%29")
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
        "### Cost over {} years ({})\n\n| Figure | Value |\n|---|---|",
        auto(r.lifetime_years),
        md_escape(&r.currency)
    );
    for (label, value) in cost_rows(r, s) {
        let _ = writeln!(out, "| {label} | {} |", md_escape(&value));
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
            st.label,
            md_escape(&st.formula),
            md_escape(&st.substituted),
            md_escape(&st.result)
        );
    }
    let u = &r.uncertainty;
    let _ = writeln!(
        out,
        "\n### Uncertainty\n\nChance the DPUs pay off: **{}** ({} samples). Net saving P10 / P50 / P90: {} / {} / {}.\n",
        percent(u.p_worth_it),
        num(f64::from(u.samples), 0),
        money(u.net_saving_p10, &r.currency),
        money(u.net_saving_p50, &r.currency),
        money(u.net_saving_p90, &r.currency)
    );
    let _ = writeln!(
        out,
        "| Assumption | Range | Net saving at low | at high |\n|---|---|---|---|"
    );
    for bar in &u.tornado {
        let _ = writeln!(
            out,
            "| {} | {} to {} | {} | {} |",
            bar.label,
            auto(bar.low),
            auto(bar.high),
            money(bar.net_saving_at_low, &r.currency),
            money(bar.net_saving_at_high, &r.currency)
        );
    }
    out.push_str("\n*Made with DPU Reality Check; every figure is computed in your browser from the inputs above.*\n");
    out
}
