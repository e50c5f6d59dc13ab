//! The formula breakdown of the point estimate (SPEC §5 "transparent"): every step with its
//! formula, the scenario's numbers substituted, and the result.

use crate::assumptions::Values;
use crate::choice::{BoundBy, Choice, Encryption, PlatformKind};
use crate::cost::{Cost, Plan};
use crate::format::{auto, count, money, net, num, percent};
use crate::report::Step;

fn step(symbol: &str, label: &str, formula: &str, substituted: String, result: String) -> Step {
    Step {
        symbol: symbol.to_owned(),
        label: label.to_owned(),
        formula: formula.to_owned(),
        substituted,
        result,
    }
}

fn cores(x: f64) -> String {
    count(x, "core", "cores")
}

/// The NPV's sum with the cash flow's numbers: `144,000 + 3,750/1.08 + … − 2,100/1.08^5`
/// (the first two years, then the last, when there are more than four).
fn discounted_terms(flow: &[crate::cost::CashYear], r: f64) -> String {
    let base = bare(auto(1.0 + r));
    let term = |y: &crate::cost::CashYear| match y.year {
        0 => num(y.amount.abs(), 0),
        1 => format!("{}/{base}", num(y.amount.abs(), 0)),
        n => format!("{}/{base}^{n}", num(y.amount.abs(), 0)),
    };
    let shown: Vec<Option<&crate::cost::CashYear>> = if flow.len() > 4 {
        vec![flow.first(), flow.get(1), None, flow.last()]
    } else {
        flow.iter().map(Some).collect()
    };
    let mut out = String::new();
    for (i, y) in shown.into_iter().enumerate() {
        match y {
            Some(y) => {
                let negative = y.amount < 0.0;
                match (i, negative) {
                    (0, true) => out.push('-'),
                    (0, false) => {}
                    (_, true) => out.push_str(" − "),
                    (_, false) => out.push_str(" + "),
                }
                out.push_str(&term(y));
            }
            None => out.push_str(" + …"),
        }
    }
    out
}

/// A number without thousands commas, for the arguments of min( , ), where "1,004, 128"
/// would read as three.
fn bare(shown: String) -> String {
    shown.replace(',', "")
}

/// The plans without a DPU at the likely values (SPEC §5.1): the fast path's cores freed,
/// the SmartNIC's cores freed and premium, where they apply.
fn plan_steps(p: &Plan, v: &Values) -> Vec<Step> {
    use crate::plans::{
        FastPath, fast_path, fast_path_kind, smartnic, smartnic_applies, smartnic_work,
    };
    let s = p.s;
    let k = &s.costs;
    let cur = k.currency.as_str();
    let mut out = Vec::new();
    if let Ok(kind) = fast_path_kind(s) {
        let o = fast_path(p, kind, v);
        let n_dp = crate::plans::data_path_cores(p, v);
        let (formula, after) = match kind {
            FastPath::Nsx => (
                "min(C, max(0, N_dp − N_dp/s)), N_dp = switching + firewall cores",
                format!("{}/{}", bare(auto(n_dp)), auto(v.speedup)),
            ),
            FastPath::Ovs => (
                "min(C, max(0, N_dp − max(p_pin, N_dp/s))), N_dp = switching + firewall cores",
                format!(
                    "max({}, {}/{})",
                    bare(auto(v.pinned)),
                    bare(auto(n_dp)),
                    auto(v.speedup)
                ),
            ),
        };
        out.push(step(
            "Z_fp",
            "cores the software fast path frees per host",
            formula,
            format!(
                "min({}, max(0, {} − {after}))",
                s.fleet.cores_per_host,
                bare(auto(n_dp))
            ),
            cores(o.z),
        ));
        out.push(step(
            "A_fp",
            "whole servers the fast path avoids",
            "A(Z_fp), as for the DPU",
            format!("A({})", bare(num(o.z, 2))),
            num(o.a as f64, 0),
        ));
    }
    if smartnic_applies(p).is_ok() {
        let o = smartnic(p, v);
        let bare_metal = s.platform.kind == PlatformKind::BareMetal;
        let kept = if bare_metal { 0.0 } else { v.nic_cores };
        out.push(step(
            "Z_nic",
            "cores a plain SmartNIC frees per host",
            if bare_metal {
                "max(0, φ·min(E_nic, C)), E_nic = encryption cores at min(G, L₁)"
            } else {
                "max(0, φ·min(E_nic, C) − c_nic), E_nic = switching + firewall cores at min(G, L₁)"
            },
            format!(
                "max(0, {}·min({}, {}) − {})",
                auto(v.phi),
                bare(auto(smartnic_work(p, v))),
                s.fleet.cores_per_host,
                auto(kept)
            ),
            cores(o.z),
        ));
        out.push(step(
            "k_nic",
            "SmartNIC premium per host over the lifetime",
            "(SmartNIC price − NIC price) + Y·(SmartNIC W − NIC W)·8.766·PUE·kWh price",
            format!(
                "({} − {}) + {}·({} − {})·8.766·{}·{}",
                num(p.r.smartnic_price, 0),
                num(k.nic_price, 0),
                auto(s.fleet.lifetime_years),
                auto(k.smartnic_watts),
                auto(k.nic_watts),
                auto(k.pue),
                num(k.kwh_price, 3)
            ),
            money(p.smartnic_cost_per_host, cur),
        ));
    }
    out
}

/// Every step of the point estimate, in the order the model computes it.
pub fn breakdown(p: &Plan, v: &Values, c: &Cost) -> Vec<Step> {
    let s = p.s;
    let (t, f, k) = (&s.traffic, &s.fleet, &s.costs);
    let cur = k.currency.as_str();
    let g = t.gbps_per_host;
    let mut out = vec![step(
        "pps",
        "packets per second per host",
        "G·10⁹ / (8·P)",
        format!("{}·10⁹ / (8·{})", auto(g), auto(t.avg_packet_bytes)),
        format!("{} pps", num(c.packets_per_second, 0)),
    )];
    match t.measured_networking_cores {
        Some(m) => out.push(step(
            "N",
            "networking cores per host (measured)",
            "measured",
            auto(m),
            format!(
                "{} ({} of {})",
                cores(c.networking_cores_per_host),
                percent(c.networking_share_of_host),
                f.cores_per_host
            ),
        )),
        None => {
            let overlay = t.overlay && !t.overlay_nic_offload;
            let mut b = format!(
                "{}·max(1/{}, 10³/(8·{}·{}))",
                auto(g),
                auto(v.t),
                auto(t.avg_packet_bytes),
                auto(v.m)
            );
            if overlay {
                b.push_str(&format!("·(1 + {})", auto(v.o)));
            }
            let mut terms = Vec::new();
            if s.platform.kind != PlatformKind::BareMetal {
                terms.push(b.clone());
            }
            if t.distributed_firewall {
                terms.push(format!("{b}·{}", auto(v.w)));
            }
            if t.encryption != Encryption::None {
                terms.push(format!("{}·{}/(8·{})", auto(g), auto(v.k), auto(f.ghz)));
            }
            if terms.is_empty() {
                terms.push("0".to_owned());
            }
            out.push(step(
                "N",
                "networking cores per host",
                "b + b·W·[firewall] + [encryption]·G·K/(8·GHz), with b = G·max(1/T, 10³/(8·P·M))·(1 + O·[overlay without NIC offload]); no b on bare metal",
                terms.join(" + "),
                format!(
                    "{} ({} of {})",
                    cores(c.networking_cores_per_host),
                    percent(c.networking_share_of_host),
                    f.cores_per_host
                ),
            ));
        }
    }
    out.push(step(
        "G_off",
        "traffic through the DPU per host",
        "min(G, L), L = one card's line rate (×2 for two independent DPUs)",
        format!("min({}, {})", bare(auto(g)), bare(auto(p.line_rate))),
        format!("{} Gb/s", auto(c.offloaded_gbps_per_host)),
    ));
    let mut stays = Vec::new();
    let measured = crate::cost::measured_replaces_model(s);
    if !measured {
        if t.distributed_firewall && !p.firewall_offloadable {
            stays.push("the firewall stays on the host (NSX 4.0.1)");
        }
        if t.encryption != Encryption::None && !p.crypto_offloadable {
            stays.push("encryption stays on the host (vSphere)");
        }
    }
    let stays = if stays.is_empty() {
        String::new()
    } else {
        format!("; {}", stays.join(", "))
    };
    out.push(step(
        "E",
        "cores the DPU can take over per host",
        "the work of N at G_off, without what stays on the host",
        format!(
            "{}{stays}",
            if measured && g > 0.0 {
                format!(
                    "{}·{}/{}",
                    auto(c.networking_cores_per_host),
                    auto(c.offloaded_gbps_per_host),
                    auto(g)
                )
            } else if t.measured_networking_cores.is_some() {
                // Bare metal: the measurement is the application's own work (model 3).
                format!(
                    "the firewall and encryption terms of N at {} Gb/s (the measured cores are \
                     the application's own)",
                    auto(c.offloaded_gbps_per_host)
                )
            } else {
                format!("N at {} Gb/s", auto(c.offloaded_gbps_per_host))
            }
        ),
        cores(c.offloadable_cores_per_host),
    ));
    out.push(step(
        "Z",
        "cores freed per host",
        "φ·min(E, C)",
        format!(
            "{}·min({}, {})",
            auto(v.phi),
            bare(auto(c.offloadable_cores_per_host)),
            f.cores_per_host
        ),
        cores(c.cores_freed_per_host),
    ));
    let cl = c.clusters;
    let (per_full, per_rest) = c.servers_per_cluster;
    // Whole counts with their thousands grouped, as everywhere else in the report.
    let int = |n: f64| num(n, 0);
    let a_sub = if f.bound_by != BoundBy::Cpu {
        format!(
            "0: servers are bound by {}",
            crate::format::in_sentence(f.bound_by.label())
        )
    } else {
        let one = |x: u32| {
            // Inside min( , ) numbers go without thousands commas, and Z with two decimals,
            // so that the shown numbers give the shown result.
            format!(
                "min(⌊{}·{}/{}⌋, {} − {})",
                x,
                bare(num(c.cores_freed_per_host, 2)),
                f.cores_per_host,
                x,
                f.min_hosts_per_cluster
            )
        };
        let (mut left, mut right) = if cl.full == 1 {
            (one(cl.size), int(per_full as f64))
        } else {
            (
                format!("{} × {}", int(f64::from(cl.full)), one(cl.size)),
                format!("{} × {}", int(f64::from(cl.full)), int(per_full as f64)),
            )
        };
        if cl.rest > 0 {
            left.push_str(&format!(" + {}", one(cl.rest)));
            right.push_str(&format!(" + {}", int(per_rest as f64)));
        }
        format!("{left} = {right}")
    };
    out.push(step(
        "A",
        "whole servers avoided",
        "Σ over clusters of x hosts: max(0, min(⌊x·Z/C⌋, x − m)); 0 unless servers are bound by CPU",
        a_sub,
        format!(
            "{} (exactly {} if the fleet were one pool)",
            num(c.servers_avoided as f64, 0),
            auto(c.servers_avoided_fractional)
        ),
    ));
    let licences = if p.r.licenses_follow_cores {
        format!(
            " + {}·{}",
            auto(p.r.license_per_core_year),
            f.cores_per_host
        )
    } else {
        " + 0 (licences do not follow cores)".to_owned()
    };
    out.push(step(
        "S_y",
        "yearly running cost of one server",
        "W·8.766·PUE·kWh price + U·rack-unit price + [licences follow cores]·licence·C",
        format!(
            "{}·8.766·{}·{} + {}·{}{licences}",
            auto(f.server_watts),
            auto(k.pue),
            num(k.kwh_price, 3),
            auto(f.rack_units_per_host),
            auto(k.rack_unit_year)
        ),
        money(c.server_yearly_cost, cur),
    ));
    out.push(step(
        "v",
        "value of one avoided server",
        "server price + Y·S_y",
        format!(
            "{} + {}·{}",
            num(f.server_price, 0),
            auto(f.lifetime_years),
            num(c.server_yearly_cost, 0)
        ),
        money(c.value_per_avoided_server, cur),
    ));
    out.push(step(
        "k",
        "DPU premium per host over the lifetime",
        "D·((DPU price − NIC price) + Y·((DPU W − NIC W)·8.766·PUE·kWh price + DPU licence))",
        format!(
            "{}·(({} − {}) + {}·(({} − {})·8.766·{}·{} + {}))",
            s.dpu.per_host,
            num(k.dpu_price, 0),
            num(k.nic_price, 0),
            auto(f.lifetime_years),
            auto(p.r.dpu_watts),
            auto(k.nic_watts),
            auto(k.pue),
            num(k.kwh_price, 3),
            num(k.dpu_license_year, 0)
        ),
        money(c.dpu_cost_per_host, cur),
    ));
    out.push(step(
        "V",
        "value of avoided servers",
        "A·v",
        format!(
            "{}·{}",
            num(c.servers_avoided as f64, 0),
            num(c.value_per_avoided_server, 0)
        ),
        money(c.value_of_avoided_servers, cur),
    ));
    out.push(step(
        "K_d",
        "extra cost of the DPUs",
        "(H − A)·k",
        format!(
            "({} − {})·{}",
            num(f64::from(f.hosts), 0),
            num(c.servers_avoided as f64, 0),
            num(c.dpu_cost_per_host, 0)
        ),
        money(c.dpu_incremental_cost, cur),
    ));
    out.push(step(
        "net",
        "net saving over the lifetime",
        "V − K_d",
        format!(
            "{} − {}",
            num(c.value_of_avoided_servers, 0),
            num(c.dpu_incremental_cost, 0)
        ),
        // A loss reads as one (issue 17), as in the tiles and the charts.
        net(c.net_saving, cur),
    ));
    if k.discount_rate > 0.0 {
        out.push(step(
            "NPV",
            "net present value",
            "Σ cash flow_y / (1 + r)^y",
            discounted_terms(&c.cash_flow, k.discount_rate),
            net(c.npv, cur),
        ));
    }
    out.push(step(
        "G*",
        "break-even traffic per host",
        "smallest G where A·(v + k) ≥ H·k, with Z = φ·min(E(G), C) and G ≤ L",
        if c.dpu_cost_per_host > 0.0 {
            let needed = (f64::from(f.hosts) * c.dpu_cost_per_host
                / (c.value_per_avoided_server + c.dpu_cost_per_host)
                - 1e-9)
                .ceil()
                .max(0.0);
            format!(
                "A* = ⌈{}·{}/({} + {})⌉ = {}",
                num(f64::from(f.hosts), 0),
                num(c.dpu_cost_per_host, 0),
                num(c.value_per_avoided_server, 0),
                num(c.dpu_cost_per_host, 0),
                count(needed, "server", "servers")
            )
        } else {
            "k ≤ 0: the DPUs cost nothing extra".to_owned()
        },
        match c.break_even_gbps_per_host {
            Some(b) => format!("{} per host", crate::format::threshold(b)),
            None => match crate::cost::why_no_break_even(p, v) {
                Some(why) => format!("none: {}", why.text(p.s)),
                None => String::new(),
            },
        },
    ));
    out.extend(plan_steps(p, v));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cost::CashYear;
    use crate::scenario::Scenario;

    fn flow(amounts: &[f64]) -> Vec<CashYear> {
        let mut cumulative = 0.0;
        (0u32..)
            .zip(amounts)
            .map(|(year, amount)| {
                cumulative += amount;
                CashYear {
                    year,
                    amount: *amount,
                    cumulative,
                }
            })
            .collect()
    }

    /// The rows N and E with measured networking cores, worked by hand (issue 19: the
    /// measured-cores rows had no test). On vSphere the measurement replaces the model and
    /// the DPU takes the share of it that its line rate carries; on bare metal it is the
    /// application's own work, so only firewall and encryption terms could move.
    #[test]
    fn measured_cores_rows_say_what_was_measured_and_what_moves() {
        let rows = |json: &str| {
            let s = Scenario::from_json(json).expect("valid");
            let r = crate::evaluate(&s);
            let get = |symbol: &str| {
                let st = r
                    .breakdown
                    .iter()
                    .find(|st| st.symbol == symbol)
                    .unwrap_or_else(|| panic!("{symbol}"));
                (
                    st.label.clone(),
                    st.formula.clone(),
                    st.substituted.clone(),
                    st.result.clone(),
                )
            };
            (get("N"), get("E"))
        };
        // vSphere, 25 Gb/s, 6 cores measured of 64: N = 6 (6/64 = 9.4 %); BlueField-3
        // carries all 25 Gb/s (L = 400), so E = 6·25/25 = 6.
        let (n, e) = rows(r#"{"traffic": {"gbps_per_host": 25, "measured_networking_cores": 6}}"#);
        assert_eq!(
            n,
            (
                "networking cores per host (measured)".to_owned(),
                "measured".to_owned(),
                "6".to_owned(),
                "6 cores (9.4 % of 64)".to_owned()
            )
        );
        assert_eq!((e.2.as_str(), e.3.as_str()), ("6·25/25", "6 cores"));
        // 1 measured core frees under one of 64 per host: no server, the net saving is a
        // loss, and reads as one.
        let s = Scenario::from_json(
            r#"{"traffic": {"gbps_per_host": 25, "measured_networking_cores": 1}}"#,
        )
        .expect("valid");
        let r = crate::evaluate(&s);
        let net_row = r
            .breakdown
            .iter()
            .find(|st| st.symbol == "net")
            .expect("net");
        assert!(r.cost.net_saving < 0.0);
        assert_eq!(
            net_row.result,
            format!("a loss of USD\u{a0}{}", num(-r.cost.net_saving, 0))
        );
        // 500 Gb/s through one 400 Gb/s card: E = 6·400/500 = 4.8.
        let (_, e) = rows(r#"{"traffic": {"gbps_per_host": 500, "measured_networking_cores": 6}}"#);
        assert_eq!((e.2.as_str(), e.3.as_str()), ("6·400/500", "4.8 cores"));
        // Bare metal: the 6 measured cores are the application's; with no firewall and no
        // encryption nothing moves to the DPU.
        let (n, e) = rows(
            r#"{"platform": {"kind": "bare_metal"}, "workload": {"kind": "bare_metal_apps"},
                "traffic": {"gbps_per_host": 25, "measured_networking_cores": 6,
                            "distributed_firewall": false, "encryption": "none"}}"#,
        );
        assert_eq!(n.3, "6 cores (9.4 % of 64)");
        assert_eq!(
            (e.2.as_str(), e.3.as_str()),
            (
                "the firewall and encryption terms of N at 25 Gb/s (the measured cores are the \
                 application's own)",
                "0 cores"
            )
        );
    }

    #[test]
    fn the_npv_sum_shows_the_cash_flow() {
        assert_eq!(
            discounted_terms(&flow(&[-1000.0, 200.0, 300.0]), 0.1),
            "-1,000 + 200/1.1 + 300/1.1^2"
        );
        // More than four years: the first two, then the last.
        assert_eq!(
            discounted_terms(&flow(&[144_000.0, 3.0, 3.0, 3.0, 3.0, -1.5]), 0.08),
            "144,000 + 3/1.08 + … − 2/1.08^5"
        );
        assert_eq!(discounted_terms(&[], 0.08), "");
    }
}
