//! The cost model of SPEC §5: networking cores, what a DPU frees, what that is worth, and
//! the traffic at which it pays. Every function is pure arithmetic on a valid scenario.
//!
//! Sources of the defaults are in [`crate::assumptions`]; the formulas follow the ipSpace
//! "do the math" test (F1.2.7): what the DPU costs against the host cores it frees, counting
//! only whole servers, because only whole servers give back rack space or licences.

use serde::{Deserialize, Serialize};

use crate::assumptions::Values;
use crate::choice::Encryption;
use crate::format::{auto, money, num, percent};
use crate::scenario::Scenario;

/// Hours in an average year (365.25 × 24) divided by 1000: W → kWh per year.
const KWH_PER_WATT_YEAR: f64 = 8.766;

/// Tolerance when rounding down to whole servers, so 0.999999999 from rounding counts as 1.
const WHOLE_SERVER_EPSILON: f64 = 1e-9;

/// The report's `cost` object (SPEC §6), plus the intermediate figures the page shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Cost {
    /// pps = G·10⁹ / (8·P)
    pub packets_per_second: f64,
    /// N
    pub networking_cores_per_host: f64,
    /// N / C
    pub networking_share_of_host: f64,
    /// Z = φ·N
    pub cores_freed_per_host: f64,
    /// A = floor(H·Z / C)
    pub servers_avoided: u64,
    /// H·Z / C
    pub servers_avoided_fractional: f64,
    /// A · rack units per host
    pub rack_units_freed: f64,
    /// S_y: yearly running cost of one server
    pub server_yearly_cost: f64,
    /// server price + Y·S_y
    pub value_per_avoided_server: f64,
    /// V = A·(server price + Y·S_y)
    pub value_of_avoided_servers: f64,
    /// K_d
    pub dpu_incremental_cost: f64,
    /// V − K_d
    pub net_saving: f64,
    /// Smallest G with net saving ≥ 0; `None` above the DPUs' combined line rate.
    pub break_even_gbps_per_host: Option<f64>,
    /// D × line rate of the model, Gb/s
    pub dpu_line_rate_gbps: f64,
}

/// N: host cores the virtual switch needs at `gbps` per host, with the assumptions `v`.
///
/// N = max(G/T, pps/(M·10⁶)) · (1 + O·[overlay ∧ ¬nic offload]) · (1 + W·[firewall])
///     + [encryption] · (G·10⁹/8) · K / (ghz·10⁹)
///
/// The Gb/s term is the ipSpace planning figure (F4.1.5, F4.1.1), the packet term catches
/// small packets (F1.3.6, F4.1.7), the overlay penalty applies only without NIC offload
/// (F4.2.1 vs F4.2.2), and crypto cost is cycles per byte (F4.3.1).
pub fn networking_cores(s: &Scenario, v: &Values, gbps: f64) -> f64 {
    let t = &s.traffic;
    let pps = packets_per_second(gbps, t.avg_packet_bytes);
    let switching = (gbps / v.t).max(pps / (v.m * 1e6));
    let overlay = if t.overlay && !t.overlay_nic_offload {
        1.0 + v.o
    } else {
        1.0
    };
    let firewall = if t.distributed_firewall {
        1.0 + v.w
    } else {
        1.0
    };
    let crypto = if t.encryption == Encryption::None {
        0.0
    } else {
        (gbps * 1e9 / 8.0) * v.k / (s.fleet.ghz * 1e9)
    };
    switching * overlay * firewall + crypto
}

/// pps = G·10⁹ / (8·P)
pub fn packets_per_second(gbps: f64, avg_packet_bytes: f64) -> f64 {
    gbps * 1e9 / (8.0 * avg_packet_bytes)
}

/// S_y = watts·8.766·PUE·kWh price + rack units·rack-unit price + [licences follow]·licence·C
pub fn server_yearly_cost(s: &Scenario) -> f64 {
    let (f, c) = (&s.fleet, &s.costs);
    let energy = f.server_watts * KWH_PER_WATT_YEAR * c.pue * c.kwh_price;
    let space = f.rack_units_per_host * c.rack_unit_year;
    let licences = if c.licenses_follow_cores {
        c.license_per_core_year * f64::from(f.cores_per_host)
    } else {
        0.0
    };
    energy + space + licences
}

/// K_d = H·D·((DPU price − NIC price) + Y·((DPU W − NIC W)·8.766·PUE·kWh price + DPU licence))
pub fn dpu_incremental_cost(s: &Scenario) -> f64 {
    let (f, c) = (&s.fleet, &s.costs);
    let cards = f64::from(f.hosts) * f64::from(s.dpu.per_host);
    let power_year = (c.dpu_watts - c.nic_watts) * KWH_PER_WATT_YEAR * c.pue * c.kwh_price;
    cards * ((c.dpu_price - c.nic_price) + f.lifetime_years * (power_year + c.dpu_license_year))
}

/// The combined line rate of the host's DPUs, Gb/s.
pub fn dpu_line_rate(s: &Scenario) -> f64 {
    f64::from(s.dpu.per_host) * s.dpu.model.line_rate_gbps()
}

/// Whole servers avoided and the exact fraction, for `cores_freed` per host.
fn servers_avoided(s: &Scenario, cores_freed: f64) -> (u64, f64) {
    let fractional = f64::from(s.fleet.hosts) * cores_freed / f64::from(s.fleet.cores_per_host);
    // Bounded by validation (≤ 10¹⁵), so the conversion is exact.
    let whole = (fractional + WHOLE_SERVER_EPSILON).floor().max(0.0);
    (whole as u64, fractional)
}

/// The net saving at traffic `gbps` with assumptions `v` (the figure the uncertainty samples).
pub fn net_saving(s: &Scenario, v: &Values, gbps: f64) -> f64 {
    let freed = v.phi * networking_cores(s, v, gbps);
    let (whole, _) = servers_avoided(s, freed);
    whole as f64 * value_per_avoided_server(s) - dpu_incremental_cost(s)
}

fn value_per_avoided_server(s: &Scenario) -> f64 {
    s.fleet.server_price + s.fleet.lifetime_years * server_yearly_cost(s)
}

/// The smallest traffic per host at which the net saving reaches 0, counting whole servers.
///
/// N grows in proportion to G, so whole servers avoided are floor(G·H·φ·n₁/C) with n₁ the
/// cores per Gb/s. The DPUs pay once ⌈K_d / value per server⌉ servers go, which happens at
/// G = ⌈K_d / value⌉ · C / (H·φ·n₁). `None` when that is above the DPUs' line rate or the
/// DPU frees nothing.
pub fn break_even_gbps(s: &Scenario, v: &Values) -> Option<f64> {
    let cost = dpu_incremental_cost(s);
    if cost <= 0.0 {
        return Some(0.0);
    }
    let per_server = value_per_avoided_server(s);
    if per_server <= 0.0 {
        return None;
    }
    let needed = (cost / per_server).ceil();
    let cores_per_gbps = networking_cores(s, v, 1.0);
    let servers_per_gbps =
        f64::from(s.fleet.hosts) * v.phi * cores_per_gbps / f64::from(s.fleet.cores_per_host);
    if servers_per_gbps <= 0.0 {
        return None;
    }
    let gbps = needed / servers_per_gbps;
    (gbps.is_finite() && gbps <= dpu_line_rate(s)).then_some(gbps)
}

/// The point estimate: every figure at the likely values.
pub fn point(s: &Scenario, v: &Values) -> Cost {
    let g = s.traffic.gbps_per_host;
    let n = networking_cores(s, v, g);
    let z = v.phi * n;
    let (whole, fractional) = servers_avoided(s, z);
    let per_server = value_per_avoided_server(s);
    let value = whole as f64 * per_server;
    let dpu = dpu_incremental_cost(s);
    Cost {
        packets_per_second: packets_per_second(g, s.traffic.avg_packet_bytes),
        networking_cores_per_host: n,
        networking_share_of_host: n / f64::from(s.fleet.cores_per_host),
        cores_freed_per_host: z,
        servers_avoided: whole,
        servers_avoided_fractional: fractional,
        rack_units_freed: whole as f64 * s.fleet.rack_units_per_host,
        server_yearly_cost: server_yearly_cost(s),
        value_per_avoided_server: per_server,
        value_of_avoided_servers: value,
        dpu_incremental_cost: dpu,
        net_saving: value - dpu,
        break_even_gbps_per_host: break_even_gbps(s, v),
        dpu_line_rate_gbps: dpu_line_rate(s),
    }
}

/// One line of the formula breakdown: the formula, the user's numbers in it, the result.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Step {
    /// Symbol, e.g. `N`.
    pub symbol: String,
    /// What it is, in words.
    pub label: String,
    /// The formula in symbols.
    pub formula: String,
    /// The formula with the scenario's numbers substituted.
    pub substituted: String,
    /// The result, formatted with its unit.
    pub result: String,
}

fn step(symbol: &str, label: &str, formula: &str, substituted: String, result: String) -> Step {
    Step {
        symbol: symbol.to_owned(),
        label: label.to_owned(),
        formula: formula.to_owned(),
        substituted,
        result,
    }
}

/// The formula breakdown of the point estimate, with the scenario's own numbers.
pub fn breakdown(s: &Scenario, v: &Values, c: &Cost) -> Vec<Step> {
    let (t, f, k) = (&s.traffic, &s.fleet, &s.costs);
    let cur = k.currency.as_str();
    let g = t.gbps_per_host;
    let overlay = t.overlay && !t.overlay_nic_offload;
    let mut n_sub = format!(
        "max({}/{}, {}/({}·10⁶))",
        auto(g),
        auto(v.t),
        num(c.packets_per_second, 0),
        auto(v.m)
    );
    if overlay {
        n_sub.push_str(&format!(" · (1 + {})", auto(v.o)));
    }
    if t.distributed_firewall {
        n_sub.push_str(&format!(" · (1 + {})", auto(v.w)));
    }
    if t.encryption != Encryption::None {
        n_sub.push_str(&format!(
            " + ({}·10⁹/8)·{}/({}·10⁹)",
            auto(g),
            auto(v.k),
            auto(f.ghz)
        ));
    }
    let licences = if k.licenses_follow_cores {
        format!(" + {}·{}", auto(k.license_per_core_year), f.cores_per_host)
    } else {
        " + 0 (licences do not follow cores)".to_owned()
    };
    vec![
        step(
            "pps",
            "packets per second per host",
            "G·10⁹ / (8·P)",
            format!("{}·10⁹ / (8·{})", auto(g), auto(t.avg_packet_bytes)),
            format!("{} pps", num(c.packets_per_second, 0)),
        ),
        step(
            "N",
            "networking cores per host",
            "max(G/T, pps/(M·10⁶)) · (1 + O·[overlay without NIC offload]) · (1 + W·[firewall]) + [encryption]·(G·10⁹/8)·K/(GHz·10⁹)",
            n_sub,
            format!(
                "{} cores ({} of {})",
                auto(c.networking_cores_per_host),
                percent(c.networking_share_of_host),
                f.cores_per_host
            ),
        ),
        step(
            "Z",
            "cores freed per host",
            "φ·N",
            format!("{}·{}", auto(v.phi), auto(c.networking_cores_per_host)),
            format!("{} cores", auto(c.cores_freed_per_host)),
        ),
        step(
            "A",
            "whole servers avoided",
            "floor(H·Z / C)",
            format!(
                "floor({}·{} / {})",
                f.hosts,
                auto(c.cores_freed_per_host),
                f.cores_per_host
            ),
            format!(
                "{} (exactly {})",
                c.servers_avoided,
                auto(c.servers_avoided_fractional)
            ),
        ),
        step(
            "S_y",
            "yearly running cost of one server",
            "W·8.766·PUE·kWh price + U·rack-unit price + [licences follow cores]·licence·C",
            format!(
                "{}·8.766·{}·{} + {}·{}{}",
                auto(f.server_watts),
                auto(k.pue),
                num(k.kwh_price, 3),
                auto(f.rack_units_per_host),
                auto(k.rack_unit_year),
                licences
            ),
            money(c.server_yearly_cost, cur),
        ),
        step(
            "V",
            "value of avoided servers",
            "A·(server price + Y·S_y)",
            format!(
                "{}·({} + {}·{})",
                c.servers_avoided,
                num(f.server_price, 0),
                auto(f.lifetime_years),
                num(c.server_yearly_cost, 0)
            ),
            money(c.value_of_avoided_servers, cur),
        ),
        step(
            "K_d",
            "incremental DPU cost",
            "H·D·((DPU price − NIC price) + Y·((DPU W − NIC W)·8.766·PUE·kWh price + DPU licence))",
            format!(
                "{}·{}·(({} − {}) + {}·(({} − {})·8.766·{}·{} + {}))",
                f.hosts,
                s.dpu.per_host,
                num(k.dpu_price, 0),
                num(k.nic_price, 0),
                auto(f.lifetime_years),
                auto(k.dpu_watts),
                auto(k.nic_watts),
                auto(k.pue),
                num(k.kwh_price, 3),
                num(k.dpu_license_year, 0)
            ),
            money(c.dpu_incremental_cost, cur),
        ),
        step(
            "net",
            "net saving over the lifetime",
            "V − K_d",
            format!(
                "{} − {}",
                num(c.value_of_avoided_servers, 0),
                num(c.dpu_incremental_cost, 0)
            ),
            money(c.net_saving, cur),
        ),
        step(
            "G*",
            "break-even traffic per host",
            "⌈K_d / (server price + Y·S_y)⌉ · C / (H·φ·N/G), if ≤ D·line rate",
            format!(
                "⌈{} / {}⌉ · {} / ({}·{}·{}) vs {} Gb/s line rate",
                num(c.dpu_incremental_cost, 0),
                num(c.value_per_avoided_server, 0),
                f.cores_per_host,
                f.hosts,
                auto(v.phi),
                num(networking_cores(s, v, 1.0), 4),
                auto(c.dpu_line_rate_gbps)
            ),
            match c.break_even_gbps_per_host {
                Some(b) => format!("{} Gb/s per host", auto(b)),
                None => "none within the DPUs' line rate".to_owned(),
            },
        ),
    ]
}

/// One point of the traffic curve the page plots.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CurvePoint {
    /// Traffic per host, Gb/s.
    pub gbps: f64,
    /// N at that traffic.
    pub networking_cores: f64,
    /// Z at that traffic.
    pub cores_freed: f64,
    /// Net saving at that traffic.
    pub net_saving: f64,
}

/// Points per traffic curve.
pub const CURVE_POINTS: usize = 41;

/// The model from 0 Gb/s to past the scenario's traffic and the DPUs' line rate.
pub fn traffic_curve(s: &Scenario, v: &Values) -> Vec<CurvePoint> {
    let top = dpu_line_rate(s)
        .max(s.traffic.gbps_per_host * 1.25)
        .max(1.0);
    (0..CURVE_POINTS)
        .map(|i| {
            let gbps = top * i as f64 / (CURVE_POINTS - 1) as f64;
            let n = networking_cores(s, v, gbps);
            CurvePoint {
                gbps,
                networking_cores: n,
                cores_freed: v.phi * n,
                net_saving: net_saving(s, v, gbps),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::choice::Encryption;

    fn likely(s: &Scenario) -> Values {
        Values::likely(&s.assumptions)
    }

    #[track_caller]
    fn close(got: f64, want: f64) {
        assert!(
            (got - want).abs() <= 1e-9 * want.abs().max(1.0),
            "got {got}, want {want}"
        );
    }

    /// The default scenario worked by hand.
    #[test]
    fn default_scenario_by_hand() {
        let s = Scenario::default();
        let c = point(&s, &likely(&s));
        // pps = 10e9 / (8·800) = 1,562,500
        close(c.packets_per_second, 1_562_500.0);
        // N = max(10/10, 1.5625/1.0) = 1.5625 (overlay offloaded by the NIC, no firewall)
        close(c.networking_cores_per_host, 1.5625);
        close(c.networking_share_of_host, 1.5625 / 64.0);
        // Z = 0.8·1.5625 = 1.25; H·Z/C = 32·1.25/64 = 0.625 → A = 0
        close(c.cores_freed_per_host, 1.25);
        close(c.servers_avoided_fractional, 0.625);
        assert_eq!(c.servers_avoided, 0);
        close(c.rack_units_freed, 0.0);
        // S_y = 700·8.766·1.5·0.15 + 1·300 + 350·64 = 1380.645 + 300 + 22400
        close(c.server_yearly_cost, 24_080.645);
        close(c.value_per_avoided_server, 30_000.0 + 5.0 * 24_080.645);
        close(c.value_of_avoided_servers, 0.0);
        // K_d = 32·1·(2000 + 5·(55·8.766·1.5·0.15)) = 32·(2000 + 5·108.47925)
        close(c.dpu_incremental_cost, 32.0 * (2000.0 + 5.0 * 108.479_25));
        close(c.net_saving, -c.dpu_incremental_cost);
        // ⌈81,356.68 / 150,403.2⌉ = 1 server; per Gb/s: 32·0.8·0.15625/64 = 0.0625 → 16 Gb/s
        close(c.break_even_gbps_per_host.expect("within 400 Gb/s"), 16.0);
        close(c.dpu_line_rate_gbps, 400.0);
    }

    #[track_caller]
    fn cores(json: &str, want: f64) {
        let s = Scenario::from_json(json).expect("valid");
        close(
            networking_cores(&s, &likely(&s), s.traffic.gbps_per_host),
            want,
        );
    }

    #[test]
    fn networking_cores_table() {
        // Large packets: the Gb/s term wins. 40 Gb/s at 1500 B: max(4, 3.333) = 4.
        cores(
            r#"{"traffic": {"gbps_per_host": 40, "avg_packet_bytes": 1500}}"#,
            4.0,
        );
        // Small packets: the packet term wins. 10 Gb/s at 64 B = 19.53125 Mpps → 19.53 cores.
        cores(r#"{"traffic": {"avg_packet_bytes": 64}}"#, 19.531_25);
        // Overlay without NIC offload: ×1.35. 40 Gb/s at 1500 B → 4·1.35.
        cores(
            r#"{"traffic": {"gbps_per_host": 40, "avg_packet_bytes": 1500, "overlay_nic_offload": false}}"#,
            5.4,
        );
        // Overlay switched off: no penalty even without offload.
        cores(
            r#"{"traffic": {"gbps_per_host": 40, "avg_packet_bytes": 1500, "overlay": false, "overlay_nic_offload": false}}"#,
            4.0,
        );
        // Distributed firewall: ×1.25.
        cores(
            r#"{"traffic": {"gbps_per_host": 40, "avg_packet_bytes": 1500, "distributed_firewall": true}}"#,
            5.0,
        );
        // Both: 4·1.35·1.25 = 6.75.
        cores(
            r#"{"traffic": {"gbps_per_host": 40, "avg_packet_bytes": 1500, "overlay_nic_offload": false, "distributed_firewall": true}}"#,
            6.75,
        );
        // Encryption: 40 Gb/s = 5e9 B/s · 0.64 cycles/B / 2.8e9 Hz = 1.142857 cores on top.
        cores(
            r#"{"traffic": {"gbps_per_host": 40, "avg_packet_bytes": 1500, "encryption": "ipsec"}}"#,
            4.0 + 5e9 * 0.64 / 2.8e9,
        );
        // No traffic, no cores.
        cores(r#"{"traffic": {"gbps_per_host": 0}}"#, 0.0);
    }

    #[test]
    fn whole_servers_only() {
        // 100 Gb/s at 1500 B on 16 hosts of 32 cores: N = 10, Z = 8, H·Z/C = 4 exactly.
        let s = Scenario::from_json(
            r#"{"traffic": {"gbps_per_host": 100, "avg_packet_bytes": 1500},
                "fleet": {"hosts": 16, "cores_per_host": 32}}"#,
        )
        .unwrap();
        let c = point(&s, &likely(&s));
        close(c.servers_avoided_fractional, 4.0);
        assert_eq!(c.servers_avoided, 4);
        close(c.rack_units_freed, 4.0);
        // S_y = 1380.645 + 300 + 350·32 = 12,880.645; V = 4·(30,000 + 5·12,880.645)
        close(
            c.value_of_avoided_servers,
            4.0 * (30_000.0 + 5.0 * 12_880.645),
        );
        // K_d = 16·2542.39625
        close(c.dpu_incremental_cost, 16.0 * 2_542.396_25);
        close(
            c.net_saving,
            c.value_of_avoided_servers - c.dpu_incremental_cost,
        );
    }

    #[test]
    fn licences_only_count_when_they_follow_cores() {
        let s = Scenario::from_json(r#"{"costs": {"licenses_follow_cores": false}}"#).unwrap();
        close(server_yearly_cost(&s), 1_380.645 + 300.0);
    }

    #[test]
    fn two_dpus_double_card_cost_and_line_rate() {
        let s = Scenario::from_json(r#"{"dpu": {"per_host": 2}}"#).unwrap();
        close(dpu_incremental_cost(&s), 64.0 * 2_542.396_25);
        close(dpu_line_rate(&s), 800.0);
    }

    #[test]
    fn break_even_cases() {
        // Free DPUs pay at any traffic.
        let s = Scenario::from_json(r#"{"costs": {"dpu_price": 500, "dpu_watts": 20}}"#).unwrap();
        assert_eq!(break_even_gbps(&s, &likely(&s)), Some(0.0));
        // A DSC-25 (50 Gb/s) cannot reach the 16 Gb/s·(…) needed on tiny hosts? Here: 1 host.
        // K_d = 2542.4, one server worth 150,403 → 1 server; per Gb/s: 1·0.8·0.15625/64
        // = 0.001953 → 512 Gb/s > 50 → none.
        let s =
            Scenario::from_json(r#"{"fleet": {"hosts": 1}, "dpu": {"model": "pensando_dsc25"}}"#)
                .unwrap();
        assert_eq!(break_even_gbps(&s, &likely(&s)), None);
        // Nothing offloaded: none.
        let s = Scenario::from_json(
            r#"{"assumptions": {"offload_fraction": {"low": 0, "likely": 0, "high": 0}}}"#,
        )
        .unwrap();
        assert_eq!(break_even_gbps(&s, &likely(&s)), None);
        // Worthless servers: none.
        let s = Scenario::from_json(
            r#"{"fleet": {"server_price": 0, "server_watts": 0}, "costs": {"rack_unit_year": 0, "license_per_core_year": 0}}"#,
        )
        .unwrap();
        assert_eq!(break_even_gbps(&s, &likely(&s)), None);
    }

    #[test]
    fn net_saving_is_non_negative_at_break_even() {
        for json in [
            "{}",
            r#"{"traffic": {"avg_packet_bytes": 1500}}"#,
            r#"{"fleet": {"hosts": 7, "cores_per_host": 48}, "traffic": {"encryption": "tls"}}"#,
            r#"{"costs": {"dpu_price": 9000}, "dpu": {"per_host": 2}}"#,
        ] {
            let s = Scenario::from_json(json).unwrap();
            let v = likely(&s);
            let g = break_even_gbps(&s, &v).expect("reachable");
            assert!(net_saving(&s, &v, g) >= 0.0, "{json}: at {g}");
            assert!(
                net_saving(&s, &v, g * 0.999) < 0.0,
                "{json}: just below {g}"
            );
        }
    }

    #[test]
    fn breakdown_uses_the_scenarios_numbers() {
        let s = Scenario::from_json(
            r#"{"traffic": {"gbps_per_host": 25, "encryption": "tls", "distributed_firewall": true}}"#,
        )
        .unwrap();
        let v = likely(&s);
        let steps = breakdown(&s, &v, &point(&s, &v));
        let n = steps.iter().find(|st| st.symbol == "N").unwrap();
        assert!(
            n.substituted.starts_with("max(25/10, 3,906,250/(1·10⁶))"),
            "{}",
            n.substituted
        );
        assert!(n.substituted.contains("(1 + 0.25)") && n.substituted.contains("0.64"));
        let symbols: Vec<&str> = steps.iter().map(|st| st.symbol.as_str()).collect();
        assert_eq!(
            symbols,
            ["pps", "N", "Z", "A", "S_y", "V", "K_d", "net", "G*"]
        );
        let _ = Encryption::Tls;
    }

    #[test]
    fn curve_covers_line_rate_and_traffic() {
        let s = Scenario::from_json(r#"{"traffic": {"gbps_per_host": 600}}"#).unwrap();
        let curve = traffic_curve(&s, &likely(&s));
        assert_eq!(curve.len(), CURVE_POINTS);
        assert_eq!(curve[0].gbps, 0.0);
        close(curve[CURVE_POINTS - 1].gbps, 750.0);
        assert!(
            curve
                .windows(2)
                .all(|w| w[0].networking_cores <= w[1].networking_cores)
        );
    }
}
