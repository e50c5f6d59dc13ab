//! The cost model of SPEC §5: networking cores, what a DPU takes over and frees, whole
//! servers per cluster, what that is worth year by year, and the traffic at which it pays.
//!
//! One function, [`outcome`], turns a traffic level and a set of assumption values into
//! cores, servers and money; the point estimate, every uncertainty sample, the tornado, the
//! traffic curve and the break-even all go through it (SPEC §9). The formulas follow the
//! ipSpace "do the math" test (F1.2.7): what the DPUs cost against the host cores they free,
//! counting only whole servers, because only whole servers give back rack space or licences.

use serde::{Deserialize, Serialize};

use crate::assumptions::Values;
use crate::choice::Choice as _;
use crate::choice::{BoundBy, DualMode, Encryption, NsxVersion, PlatformKind};
use crate::scenario::{Resolved, Scenario};

/// Hours in an average year (365.25 × 24) divided by 1000: W → kWh per year.
pub const KWH_PER_WATT_YEAR: f64 = 8.766;

/// Tolerance when rounding down to whole servers, so 0.999999999 from rounding counts as 1.
const WHOLE_SERVER_EPSILON: f64 = 1e-9;

/// Everything about a scenario that the traffic and the assumptions do not change: the
/// resolved defaults, the clusters, the line rate and the money per server and per DPU host.
#[derive(Debug, Clone)]
pub struct Plan<'a> {
    /// The scenario.
    pub s: &'a Scenario,
    /// Its resolved defaults.
    pub r: Resolved,
    /// G, Gb/s per host.
    pub g: f64,
    /// C, cores per host.
    pub c: f64,
    /// H, hosts.
    pub h: f64,
    /// Y, years.
    pub y: f64,
    /// D, DPUs per host.
    pub d: f64,
    /// L, usable DPU line rate per host, Gb/s.
    pub line_rate: f64,
    /// Whether the firewall's work moves to the DPU (not on vSphere with NSX 4.0.1).
    pub firewall_offloadable: bool,
    /// Whether software encryption moves to the DPU (off vSphere only).
    pub crypto_offloadable: bool,
    /// How the fleet splits into clusters.
    pub clusters: Clusters,
    /// S_y, yearly running cost of one server.
    pub server_yearly_cost: f64,
    /// v = server price + Y·S_y.
    pub value_per_server: f64,
    /// k = D·((DPU − NIC price) + Y·((DPU W − NIC W)·8.766·PUE·kWh price + DPU licence)).
    pub dpu_cost_per_host: f64,
    /// Yearly running cost of one host's DPUs over its NICs.
    pub dpu_yearly_cost: f64,
    /// Present value of one avoided server (its price and discounted running costs).
    pub pv_server: f64,
    /// Present value of one host's DPU premium.
    pub pv_dpu: f64,
    /// L₁, the line rate of one DPU card (what one plain SmartNIC is priced by and carries).
    pub card_rate: f64,
    /// k_nic = (SmartNIC − NIC price) + Y·(SmartNIC W − NIC W)·8.766·PUE·kWh price (model 3).
    pub smartnic_cost_per_host: f64,
    /// Present value of one host's SmartNIC premium.
    pub pv_smartnic: f64,
}

/// The fleet as clusters: `full` clusters of `size` hosts and one of `rest` (if > 0).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Clusters {
    /// Clusters of `size` hosts.
    pub full: u32,
    /// Hosts in each of them.
    pub size: u32,
    /// Hosts in the last, smaller cluster (0 for none).
    pub rest: u32,
}

impl Clusters {
    /// ⌊H/h⌋ clusters of h and one of the rest, or one cluster of H when H ≤ h.
    pub fn of(hosts: u32, cluster_hosts: u32) -> Self {
        if hosts <= cluster_hosts {
            Clusters {
                full: 1,
                size: hosts,
                rest: 0,
            }
        } else {
            Clusters {
                full: hosts / cluster_hosts,
                size: cluster_hosts,
                rest: hosts % cluster_hosts,
            }
        }
    }

    /// The cluster sizes present (one or two).
    pub fn sizes(&self) -> impl Iterator<Item = u32> + '_ {
        std::iter::once(self.size).chain((self.rest > 0).then_some(self.rest))
    }
}

impl<'a> Plan<'a> {
    /// The fixed part of the model for a valid scenario.
    pub fn new(s: &'a Scenario) -> Self {
        let r = s.resolve();
        let (f, c) = (&s.fleet, &s.costs);
        let d = f64::from(s.dpu.per_host);
        let y = f.lifetime_years;
        let power = |watts: f64| watts * KWH_PER_WATT_YEAR * c.pue * c.kwh_price;
        let licences = if r.licenses_follow_cores {
            r.license_per_core_year * f64::from(f.cores_per_host)
        } else {
            0.0
        };
        let server_yearly_cost =
            power(f.server_watts) + f.rack_units_per_host * c.rack_unit_year + licences;
        let dpu_price_delta = d * (c.dpu_price - c.nic_price);
        let dpu_yearly_cost = d * (power(r.dpu_watts - c.nic_watts) + c.dpu_license_year);
        // Σ f_y/(1+r)^y over the years 1..⌈Y⌉, f_y the share of year y in service.
        let annuity: f64 = (1..=years(y))
            .map(|yr| share_of_year(y, yr) / (1.0 + c.discount_rate).powi(yr as i32))
            .sum();
        let card_rate = s.dpu.model.line_rate_gbps();
        let both = s.dpu.per_host == 2 && s.dpu.dual_mode == DualMode::Independent;
        let nic_price_delta = r.smartnic_price - c.nic_price;
        let nic_yearly_cost = power(c.smartnic_watts - c.nic_watts);
        Plan {
            s,
            g: s.traffic.gbps_per_host,
            c: f64::from(f.cores_per_host),
            h: f64::from(f.hosts),
            y,
            d,
            line_rate: if both { 2.0 * card_rate } else { card_rate },
            firewall_offloadable: !(s.is_vsphere() && s.platform.nsx == NsxVersion::V4_0_1),
            crypto_offloadable: !s.is_vsphere(),
            clusters: Clusters::of(f.hosts, f.cluster_hosts),
            server_yearly_cost,
            value_per_server: f.server_price + y * server_yearly_cost,
            dpu_cost_per_host: dpu_price_delta + y * dpu_yearly_cost,
            dpu_yearly_cost,
            pv_server: f.server_price + server_yearly_cost * annuity,
            pv_dpu: dpu_price_delta + dpu_yearly_cost * annuity,
            card_rate,
            smartnic_cost_per_host: nic_price_delta + y * nic_yearly_cost,
            pv_smartnic: nic_price_delta + nic_yearly_cost * annuity,
            r,
        }
    }

    /// Traffic through the DPU at `x` Gb/s: min(x, L).
    pub fn offloaded(&self, x: f64) -> f64 {
        x.min(self.line_rate)
    }
}

/// ⌈Y⌉: the years with cash flows after year 0 (Y ≤ 50 by validation).
pub fn years(lifetime: f64) -> u32 {
    lifetime.ceil().max(1.0) as u32
}

/// f_y = min(1, Y − (y − 1)): the share of year `y` (1-based) the fleet is in service.
pub fn share_of_year(lifetime: f64, year: u32) -> f64 {
    (lifetime - f64::from(year - 1)).min(1.0)
}

/// Networking work at one traffic level.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Work {
    /// N: host cores the data path needs.
    pub n: f64,
    /// E: the part of it the DPU can take over.
    pub e: f64,
}

/// The three terms of networking work at `x` Gb/s (switching, firewall, crypto), from the
/// formulas (SPEC §5). Packet work is the larger of the Gb/s term and the packet term
/// (F4.1.5, F4.1.1, F4.1.7); the overlay penalty applies only without NIC offload (F4.2.1
/// vs F4.2.2); crypto is cycles per byte (F4.3.1).
pub(crate) fn terms(p: &Plan, v: &Values, x: f64) -> (f64, f64, f64) {
    let t = &p.s.traffic;
    let overlay = if t.overlay && !t.overlay_nic_offload {
        1.0 + v.o
    } else {
        1.0
    };
    let per_gbps = (1.0 / v.t).max(1e3 / (8.0 * t.avg_packet_bytes * v.m));
    let b = x * per_gbps * overlay;
    // On bare metal no virtual switch runs on the host; a host firewall still may.
    let switching = if p.s.platform.kind == PlatformKind::BareMetal {
        0.0
    } else {
        b
    };
    let firewall = if t.distributed_firewall { b * v.w } else { 0.0 };
    let crypto = if t.encryption == Encryption::None {
        0.0
    } else {
        x * v.k / (8.0 * p.s.fleet.ghz)
    };
    (switching, firewall, crypto)
}

/// N and E at `x` Gb/s from the formulas, ignoring any measurement.
pub fn modelled_work(p: &Plan, v: &Values, x: f64) -> Work {
    let (sw, fw, cr) = terms(p, v, x);
    let (sw_o, fw_o, cr_o) = terms(p, v, p.offloaded(x));
    Work {
        n: sw + fw + cr,
        e: sw_o
            + if p.firewall_offloadable { fw_o } else { 0.0 }
            + if p.crypto_offloadable { cr_o } else { 0.0 },
    }
}

/// N and E at `x` Gb/s: from the measurement when there is one (it counts as switching work
/// and scales with traffic), else from the formulas. On bare metal (model 3) the measurement
/// sets N only: the packet work it measures is the application's own, which a DPU does not
/// take over, so E stays the formulas' firewall and crypto terms (`bare-metal-app-datapath`).
pub fn work(p: &Plan, v: &Values, x: f64) -> Work {
    let Some(m) = p.s.traffic.measured_networking_cores else {
        return modelled_work(p, v, x);
    };
    let n = if p.g > 0.0 { m * x / p.g } else { m };
    if p.s.platform.kind == PlatformKind::BareMetal {
        return Work {
            n,
            e: modelled_work(p, v, x).e,
        };
    }
    Work {
        n,
        e: if p.g > 0.0 {
            m * p.offloaded(x) / p.g
        } else {
            m
        },
    }
}

/// Whether the measured networking cores stand in for the modelled work: a measurement off
/// bare metal (SPEC §5). On bare metal the formulas still give what a DPU could take over.
pub fn measured_replaces_model(s: &Scenario) -> bool {
    s.traffic.measured_networking_cores.is_some() && s.platform.kind != PlatformKind::BareMetal
}

/// A: whole servers the fleet gives up when each host frees `z` cores. A cluster of x hosts
/// gives up max(0, min(⌊x·Z/C⌋, x − m)); nothing when servers are not bound by CPU.
pub fn servers_avoided(p: &Plan, z: f64) -> u64 {
    if p.s.fleet.bound_by != BoundBy::Cpu {
        return 0;
    }
    let keep = i64::from(p.s.fleet.min_hosts_per_cluster);
    let per = |x: u32| -> u64 {
        let whole = (f64::from(x) * z / p.c + WHOLE_SERVER_EPSILON)
            .floor()
            .max(0.0);
        // z ≤ C, so whole ≤ x ≤ 10⁶: the conversion is exact.
        let whole = whole as i64;
        whole.min(i64::from(x) - keep).max(0) as u64
    };
    let cl = p.clusters;
    // per(0) = 0: a fleet without a smaller last cluster adds nothing for it.
    u64::from(cl.full) * per(cl.size) + per(cl.rest)
}

/// Net saving over the lifetime with `a` servers avoided: V − K_d = A·v − (H − A)·k.
pub fn net_for(p: &Plan, a: u64) -> f64 {
    let a = a as f64;
    a * p.value_per_server - (p.h - a) * p.dpu_cost_per_host
}

/// Net present value with `a` servers avoided: Σ cash flow_y / (1 + r)^y.
pub fn npv_for(p: &Plan, a: u64) -> f64 {
    let a = a as f64;
    a * p.pv_server - (p.h - a) * p.pv_dpu
}

/// What one traffic level and one set of assumption values give.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Outcome {
    /// N and E.
    pub work: Work,
    /// Z = φ·min(E, C).
    pub z: f64,
    /// A.
    pub a: u64,
    /// Net saving.
    pub net: f64,
    /// Net present value.
    pub npv: f64,
}

/// The one function of the model (SPEC §9): cores, whole servers and money at `x` Gb/s.
pub fn outcome(p: &Plan, v: &Values, x: f64) -> Outcome {
    let work = work(p, v, x);
    let z = v.phi * work.e.min(p.c);
    let a = servers_avoided(p, z);
    Outcome {
        work,
        z,
        a,
        net: net_for(p, a),
        npv: npv_for(p, a),
    }
}

/// One year of the cash flow.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct CashYear {
    /// 0 (the purchase) to ⌈Y⌉.
    pub year: u32,
    /// Money saved that year (negative: spent).
    pub amount: f64,
    /// Sum of the years so far.
    pub cumulative: f64,
}

/// The cash flow with `a` servers avoided: year 0 buys (servers not bought against the DPU
/// premium), later years run (servers not run against the DPUs' power and licences); a
/// partial last year counts its share. The years add up to the net saving.
pub fn cash_flow(p: &Plan, a: u64) -> Vec<CashYear> {
    let (s, c) = (p.s, &p.s.costs);
    let a = a as f64;
    let dpu_hosts = p.h - a;
    let mut cumulative = 0.0;
    let mut push = |out: &mut Vec<CashYear>, year: u32, amount: f64| {
        cumulative += amount;
        out.push(CashYear {
            year,
            amount,
            cumulative,
        });
    };
    let mut out = Vec::with_capacity(years(p.y) as usize + 1);
    let year0 = a * s.fleet.server_price - dpu_hosts * p.d * (c.dpu_price - c.nic_price);
    push(&mut out, 0, year0);
    for yr in 1..=years(p.y) {
        let running = a * p.server_yearly_cost - dpu_hosts * p.dpu_yearly_cost;
        push(&mut out, yr, share_of_year(p.y, yr) * running);
    }
    out
}

/// The first year from which the cumulative cash flow stays ≥ 0 (to 10⁻⁹) to the end;
/// `None` when even the last year is negative.
pub fn payback_year(flow: &[CashYear]) -> Option<u32> {
    let last_negative = flow.iter().rposition(|y| y.cumulative < -1e-9);
    match last_negative {
        None => flow.first().map(|y| y.year),
        Some(i) => flow.get(i + 1).map(|y| y.year),
    }
}

/// Offloadable cores per Gb/s (E at 1 Gb/s below the line rate; measured cores / G).
/// With measured cores the caller has handled G = 0 (the measurement then decides at once).
fn offloadable_per_gbps(p: &Plan, v: &Values) -> f64 {
    match p.s.traffic.measured_networking_cores {
        Some(m) if measured_replaces_model(p.s) => m / p.g,
        _ => {
            let (sw, fw, cr) = terms(p, v, 1.0);
            sw + if p.firewall_offloadable { fw } else { 0.0 }
                + if p.crypto_offloadable { cr } else { 0.0 }
        }
    }
}

/// G_be: the smallest traffic per host (to 0.01 Gb/s) at which the net saving is ≥ 0, with
/// everything else fixed (SPEC §5). Net saving = A·(v + k) − H·k, so it needs A* whole
/// servers; A grows only where a cluster of x hosts gives up one more server, at
/// Z = j·C/x, and Z grows with traffic until the line rate or the host's cores cap it.
pub fn break_even(p: &Plan, v: &Values) -> Option<f64> {
    break_even_or_why(p, v).ok()
}

/// Why no traffic pays for the DPUs (`None` when some traffic does).
pub fn why_no_break_even(p: &Plan, v: &Values) -> Option<NoBreakEven> {
    break_even_or_why(p, v).err()
}

/// Why [`break_even`] finds no traffic that pays.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoBreakEven {
    /// The servers are bound by something other than CPU cores.
    NotCpuBound,
    /// The DPU takes over no host work at any traffic.
    NoHostWork,
    /// Measured cores at zero traffic: what they free does not grow, and it is too little.
    FixedTooFew,
    /// Even every host the clusters can spare would not pay for the cards.
    TooFewSpareServers,
    /// The line rate or the host's cores cap the cores freed before enough servers go.
    Capped,
}

impl NoBreakEven {
    /// The reason in words, to follow "no traffic pays for the DPUs:".
    pub fn text(self, s: &Scenario) -> String {
        match self {
            NoBreakEven::NotCpuBound => format!(
                "the servers are bound by {}, so freed cores remove none of them",
                crate::format::in_sentence(s.fleet.bound_by.label())
            ),
            NoBreakEven::NoHostWork => "the DPU takes over no host work here".to_owned(),
            NoBreakEven::FixedTooFew => {
                "the measured cores do not grow with traffic, and freeing them does not pay"
                    .to_owned()
            }
            NoBreakEven::TooFewSpareServers => {
                "even every host the clusters can spare would not pay for the cards".to_owned()
            }
            NoBreakEven::Capped => "the DPU's line rate or the host's cores cap what it frees \
                                    before enough servers can go"
                .to_owned(),
        }
    }
}

fn break_even_or_why(p: &Plan, v: &Values) -> Result<f64, NoBreakEven> {
    let k = p.dpu_cost_per_host;
    if k <= 0.0 {
        return Ok(0.0);
    }
    if p.s.fleet.bound_by != BoundBy::Cpu {
        return Err(NoBreakEven::NotCpuBound);
    }
    let needed = (p.h * k / (p.value_per_server + k) - 1e-9).ceil().max(0.0) as u64;
    if needed == 0 {
        return Ok(0.0);
    }
    if measured_replaces_model(p.s) && p.g <= 0.0 {
        return if outcome(p, v, 0.0).a >= needed {
            Ok(0.0)
        } else {
            Err(NoBreakEven::FixedTooFew)
        };
    }
    let e1 = offloadable_per_gbps(p, v);
    if e1 <= 0.0 || v.phi <= 0.0 {
        return Err(NoBreakEven::NoHostWork);
    }
    let keep = p.s.fleet.min_hosts_per_cluster;
    // The smallest step Z = j·C/x (one family per cluster size) with A(Z) ≥ A*; A grows
    // with Z, so a binary search finds it in each family.
    let step = |x: u32| -> Option<f64> {
        let top = x.checked_sub(keep).filter(|t| *t >= 1)?;
        let at = |j: u32| f64::from(j) * p.c / f64::from(x);
        if servers_avoided(p, at(top)) < needed {
            return None;
        }
        let (mut lo, mut hi) = (1, top);
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            if servers_avoided(p, at(mid)) >= needed {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        Some(at(lo))
    };
    let z = p
        .clusters
        .sizes()
        .filter_map(step)
        .reduce(f64::min)
        .ok_or(NoBreakEven::TooFewSpareServers)?;
    let reachable = v.phi * (e1 * p.line_rate).min(p.c) + 1e-12;
    if z > reachable {
        return Err(NoBreakEven::Capped);
    }
    Ok((100.0 * z / (v.phi * e1) - 1e-9).ceil() / 100.0)
}

/// The report's `cost` object (SPEC §6) at the likely values, with the intermediate figures
/// the page shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Cost {
    /// pps = G·10⁹ / (8·P)
    pub packets_per_second: f64,
    /// N (the measurement, when given)
    pub networking_cores_per_host: f64,
    /// N from the formulas, even when a measurement is given
    pub modelled_networking_cores_per_host: f64,
    /// N / C
    pub networking_share_of_host: f64,
    /// G_off = min(G, L)
    pub offloaded_gbps_per_host: f64,
    /// E
    pub offloadable_cores_per_host: f64,
    /// Z = φ·min(E, C)
    pub cores_freed_per_host: f64,
    /// A
    pub servers_avoided: u64,
    /// H·Z / C (ignores clusters, the hosts a cluster keeps and what bounds the servers)
    pub servers_avoided_fractional: f64,
    /// H − A
    pub dpu_hosts: u64,
    /// A · rack units per host
    pub rack_units_freed: f64,
    /// S_y: yearly running cost of one server
    pub server_yearly_cost: f64,
    /// v
    pub value_per_avoided_server: f64,
    /// k: the lifetime premium of one host's DPUs over its NICs
    pub dpu_cost_per_host: f64,
    /// V = A·v
    pub value_of_avoided_servers: f64,
    /// K_d = (H − A)·k
    pub dpu_incremental_cost: f64,
    /// V − K_d
    pub net_saving: f64,
    /// G_be; `None` when no traffic pays ([`why_no_break_even`] says why)
    pub break_even_gbps_per_host: Option<f64>,
    /// Year by year, from the purchase (year 0)
    pub cash_flow: Vec<CashYear>,
    /// First year from which the cumulative cash flow stays ≥ 0
    pub payback_year: Option<u32>,
    /// Σ cash flow_y / (1 + r)^y
    pub npv: f64,
    /// L, the usable DPU line rate per host
    pub dpu_line_rate_gbps: f64,
    /// How the fleet splits into clusters
    pub clusters: Clusters,
    /// Whole servers each full cluster gives up, and the last cluster
    pub servers_per_cluster: (u64, u64),
}

/// The point estimate: every figure at the likely values.
pub fn point(p: &Plan, v: &Values) -> Cost {
    let s = p.s;
    let o = outcome(p, v, p.g);
    let model = modelled_work(p, v, p.g);
    let a = o.a as f64;
    let flow = cash_flow(p, o.a);
    let per_cluster = |x: u32| -> u64 {
        // One cluster of x hosts on its own.
        let only = Clusters {
            full: 1,
            size: x,
            rest: 0,
        };
        servers_avoided(
            &Plan {
                clusters: only,
                ..p.clone()
            },
            o.z,
        )
    };
    Cost {
        packets_per_second: p.g * 1e9 / (8.0 * s.traffic.avg_packet_bytes),
        networking_cores_per_host: o.work.n,
        modelled_networking_cores_per_host: model.n,
        networking_share_of_host: o.work.n / p.c,
        offloaded_gbps_per_host: p.offloaded(p.g),
        offloadable_cores_per_host: o.work.e,
        cores_freed_per_host: o.z,
        servers_avoided: o.a,
        servers_avoided_fractional: p.h * o.z / p.c,
        dpu_hosts: u64::from(s.fleet.hosts) - o.a,
        rack_units_freed: a * s.fleet.rack_units_per_host,
        server_yearly_cost: p.server_yearly_cost,
        value_per_avoided_server: p.value_per_server,
        dpu_cost_per_host: p.dpu_cost_per_host,
        value_of_avoided_servers: a * p.value_per_server,
        dpu_incremental_cost: (p.h - a) * p.dpu_cost_per_host,
        net_saving: o.net,
        break_even_gbps_per_host: break_even(p, v),
        payback_year: payback_year(&flow),
        cash_flow: flow,
        npv: o.npv,
        dpu_line_rate_gbps: p.line_rate,
        clusters: p.clusters,
        // A fleet without a smaller last cluster: per_cluster(0) = 0.
        servers_per_cluster: (per_cluster(p.clusters.size), per_cluster(p.clusters.rest)),
    }
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

/// The top of the traffic curve: past the user's traffic and the break-even, so both sit
/// well inside the chart (the line rate may lie beyond; the page marks it with an arrow).
pub fn curve_top(g: f64, break_even: Option<f64>) -> f64 {
    let far = g.max(break_even.unwrap_or(0.0));
    if far > 0.0 { far * 1.5 } else { 10.0 }
}

/// The model from 0 Gb/s to [`curve_top`].
pub fn traffic_curve(p: &Plan, v: &Values, break_even: Option<f64>) -> Vec<CurvePoint> {
    let top = curve_top(p.g, break_even);
    (0..CURVE_POINTS)
        .map(|i| {
            let gbps = top * i as f64 / (CURVE_POINTS - 1) as f64;
            let o = outcome(p, v, gbps);
            CurvePoint {
                gbps,
                networking_cores: o.work.n,
                cores_freed: o.z,
                net_saving: o.net,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn close(got: f64, want: f64) {
        assert!(
            (got - want).abs() <= 1e-9 * want.abs().max(1.0),
            "got {got}, want {want}"
        );
    }

    fn scenario(json: &str) -> Scenario {
        Scenario::from_json(json).expect("valid")
    }

    fn cost_of(json: &str) -> Cost {
        let s = scenario(json);
        let p = Plan::new(&s);
        point(&p, &p.r.ranges.likely())
    }

    /// Power of one DPU over its NIC per year at the defaults: 130 W·8.766·1.5·0.15.
    const DPU_POWER_YEAR: f64 = 130.0 * 8.766 * 1.5 * 0.15;
    /// k at the defaults: 2000 + 5·DPU_POWER_YEAR.
    const K_DEFAULT: f64 = 2_000.0 + 5.0 * DPU_POWER_YEAR;
    /// S_y at the defaults: 700·8.766·1.5·0.15 + 300 + 250·64.
    const SY_DEFAULT: f64 = 700.0 * 8.766 * 1.5 * 0.15 + 300.0 + 250.0 * 64.0;

    /// The default scenario worked by hand.
    #[test]
    fn default_scenario_by_hand() {
        let c = cost_of("{}");
        // pps = 10e9 / (8·800) = 1,562,500
        close(c.packets_per_second, 1_562_500.0);
        // Kernel path: T = 8, M = 1. Per Gb/s max(1/8, 1000/(8·800·1)) = 0.15625; overlay
        // offloaded by the NIC, no firewall, no crypto: N = 1.5625 = E.
        close(c.networking_cores_per_host, 1.5625);
        close(c.offloadable_cores_per_host, 1.5625);
        close(c.networking_share_of_host, 1.5625 / 64.0);
        close(c.offloaded_gbps_per_host, 10.0);
        // Z = 0.8·1.5625 = 1.25; clusters of 16: ⌊16·1.25/64⌋ = 0 each.
        close(c.cores_freed_per_host, 1.25);
        close(c.servers_avoided_fractional, 0.625);
        assert_eq!((c.servers_avoided, c.dpu_hosts), (0, 32));
        assert_eq!(
            c.clusters,
            Clusters {
                full: 2,
                size: 16,
                rest: 0
            }
        );
        // S_y = 1,380.645 + 300 + 16,000 (licence 250 on vSphere); v = 30,000 + 5·S_y.
        close(c.server_yearly_cost, SY_DEFAULT);
        close(c.value_per_avoided_server, 30_000.0 + 5.0 * SY_DEFAULT);
        // k with the 150 W BlueField-3 default: 2000 + 5·(130·8.766·1.5·0.15).
        close(c.dpu_cost_per_host, K_DEFAULT);
        close(c.dpu_incremental_cost, 32.0 * K_DEFAULT);
        close(c.net_saving, -32.0 * K_DEFAULT);
        close(c.npv, c.net_saving);
        // A* = ⌈32·k/(v + k)⌉ = 1: a 16-host cluster gives up a server at Z = 4 cores,
        // reached at 4/(0.8·0.15625) = 32 Gb/s.
        close(c.break_even_gbps_per_host.expect("reachable"), 32.0);
        close(c.dpu_line_rate_gbps, 400.0);
        assert_eq!(c.payback_year, None);
    }

    #[track_caller]
    fn cores(json: &str, n: f64, e: f64) {
        let c = cost_of(json);
        close(c.networking_cores_per_host, n);
        close(c.offloadable_cores_per_host, e);
    }

    #[test]
    fn networking_cores_table() {
        // Large packets, kernel path: the Gb/s term wins. 40 Gb/s at 1500 B: max(5, 3.33) = 5.
        cores(
            r#"{"traffic": {"gbps_per_host": 40, "avg_packet_bytes": 1500}}"#,
            5.0,
            5.0,
        );
        // Small packets: the packet term wins. 10 Gb/s at 64 B = 19.53125 Mpps → 19.53 cores.
        cores(
            r#"{"traffic": {"avg_packet_bytes": 64}}"#,
            19.531_25,
            19.531_25,
        );
        // Overlay without NIC offload: ×1.2.
        cores(
            r#"{"traffic": {"gbps_per_host": 40, "avg_packet_bytes": 1500, "overlay_nic_offload": false}}"#,
            6.0,
            6.0,
        );
        // Overlay switched off: no penalty even without offload.
        cores(
            r#"{"traffic": {"gbps_per_host": 40, "avg_packet_bytes": 1500, "overlay": false, "overlay_nic_offload": false}}"#,
            5.0,
            5.0,
        );
        // Distributed firewall: + b·W = 5·0.4 = 2, offloadable with NSX 4.2.
        cores(
            r#"{"traffic": {"gbps_per_host": 40, "avg_packet_bytes": 1500, "distributed_firewall": true}}"#,
            7.0,
            7.0,
        );
        // NSX 4.0.1: the firewall's share stays on the host.
        cores(
            r#"{"platform": {"nsx": "4.0.1"}, "traffic": {"gbps_per_host": 40, "avg_packet_bytes": 1500, "distributed_firewall": true}}"#,
            7.0,
            5.0,
        );
        // Overlay penalty and firewall: b = 6, N = 6 + 6·0.4 = 8.4.
        cores(
            r#"{"traffic": {"gbps_per_host": 40, "avg_packet_bytes": 1500, "overlay_nic_offload": false, "distributed_firewall": true}}"#,
            8.4,
            8.4,
        );
        // Encryption: 40·1.5/(8·2.8) = 2.678571 cores on top; stays on the host on vSphere…
        let crypto = 40.0 * 1.5 / (8.0 * 2.8);
        cores(
            r#"{"traffic": {"gbps_per_host": 40, "avg_packet_bytes": 1500, "encryption": "ipsec"}}"#,
            5.0 + crypto,
            5.0,
        );
        // …and moves off it elsewhere.
        cores(
            r#"{"platform": {"kind": "kvm_ovs"}, "traffic": {"gbps_per_host": 40, "avg_packet_bytes": 1500, "encryption": "tls"}}"#,
            5.0 + crypto,
            5.0 + crypto,
        );
        // Bare metal: no virtual switch; a host firewall and crypto remain.
        cores(
            r#"{"platform": {"kind": "bare_metal"}, "traffic": {"gbps_per_host": 40, "avg_packet_bytes": 1500, "distributed_firewall": true, "encryption": "tls"}}"#,
            2.0 + crypto,
            2.0 + crypto,
        );
        // Enhanced path (VCF 9.1 by default): T = 25, M = 5: max(40/25, 3.33/5) = 1.6.
        cores(
            r#"{"platform": {"vsphere": "9.1", "nsx": "9.1"}, "traffic": {"gbps_per_host": 40, "avg_packet_bytes": 1500}}"#,
            1.6,
            1.6,
        );
        // Line rate: 500 Gb/s through one 400 Gb/s BlueField-3: E counts 400.
        cores(
            r#"{"traffic": {"gbps_per_host": 500, "avg_packet_bytes": 1500}}"#,
            62.5,
            50.0,
        );
        // Two cards in HA mode: still one card's 400 Gb/s.
        cores(
            r#"{"dpu": {"per_host": 2}, "traffic": {"gbps_per_host": 500, "avg_packet_bytes": 1500}}"#,
            62.5,
            50.0,
        );
        // Two independent cards: 800 Gb/s.
        cores(
            r#"{"dpu": {"per_host": 2, "dual_mode": "independent"}, "traffic": {"gbps_per_host": 500, "avg_packet_bytes": 1500}}"#,
            62.5,
            62.5,
        );
        // Measured cores replace the formulas; E scales with the offloaded share.
        cores(
            r#"{"traffic": {"gbps_per_host": 40, "measured_networking_cores": 6}}"#,
            6.0,
            6.0,
        );
        cores(
            r#"{"dpu": {"model": "pensando_dsc25"}, "traffic": {"gbps_per_host": 100, "measured_networking_cores": 8}}"#,
            8.0,
            4.0,
        );
        cores(
            r#"{"traffic": {"gbps_per_host": 0, "measured_networking_cores": 3}}"#,
            3.0,
            3.0,
        );
        // No traffic, no cores.
        cores(r#"{"traffic": {"gbps_per_host": 0}}"#, 0.0, 0.0);
    }

    #[test]
    fn freed_cores_never_exceed_the_host() {
        // 100 Gb/s at 64 B: N = 195 cores on a 64-core host; Z = 0.8·64.
        let c = cost_of(r#"{"traffic": {"gbps_per_host": 100, "avg_packet_bytes": 64}}"#);
        assert!(c.networking_cores_per_host > 64.0);
        close(c.cores_freed_per_host, 0.8 * 64.0);
        // Each 16-host cluster could give up ⌊16·51.2/64⌋ = 12, but keeps 2: 14 is the cap,
        // so 12 each, 24 in all, never more than the 32 hosts.
        assert_eq!(c.servers_avoided, 24);
    }

    #[track_caller]
    fn servers(json: &str, want: u64, per_cluster: (u64, u64)) {
        let c = cost_of(json);
        assert_eq!(c.servers_avoided, want, "{json}");
        assert_eq!(c.servers_per_cluster, per_cluster, "{json}");
    }

    #[test]
    fn whole_servers_per_cluster() {
        // 100 Gb/s at 1500 B, kernel: N = 12.5, Z = 10 cores per 64-core host.
        let t = r#""traffic": {"gbps_per_host": 100, "avg_packet_bytes": 1500}"#;
        // One pool of 32 would give ⌊32·10/64⌋ = 5; two clusters of 16 give ⌊2.5⌋ = 2 each.
        servers(&format!(r#"{{{t}}}"#), 4, (2, 0));
        // 35 hosts in clusters of 16: 2 × 2 and a cluster of 3 that gives ⌊0.47⌋ = 0.
        servers(&format!(r#"{{{t}, "fleet": {{"hosts": 35}}}}"#), 4, (2, 0));
        // Fewer hosts than a cluster: one cluster of 8, ⌊1.25⌋ = 1.
        servers(&format!(r#"{{{t}, "fleet": {{"hosts": 8}}}}"#), 1, (1, 0));
        // 1,000 hosts in clusters of 8: 125 clusters each ⌊1.25⌋ = 1.
        servers(
            &format!(r#"{{{t}, "fleet": {{"hosts": 1000, "cluster_hosts": 8}}}}"#),
            125,
            (1, 0),
        );
        // A cluster of 3 that must keep 3 gives up nothing.
        servers(
            &format!(r#"{{{t}, "fleet": {{"hosts": 3, "min_hosts_per_cluster": 3}}}}"#),
            0,
            (0, 0),
        );
        // 40 hosts in clusters of 32: one of 32 (⌊5⌋ = 5) and one of 8 (⌊1.25⌋ = 1).
        servers(
            &format!(r#"{{{t}, "fleet": {{"hosts": 40, "cluster_hosts": 32}}}}"#),
            6,
            (5, 1),
        );
        // Servers bound by memory: freed cores remove nothing.
        servers(
            &format!(r#"{{{t}, "fleet": {{"bound_by": "memory"}}}}"#),
            0,
            (0, 0),
        );
        servers(
            &format!(r#"{{{t}, "fleet": {{"bound_by": "tenants"}}}}"#),
            0,
            (0, 0),
        );
        let c = cost_of(&format!(r#"{{{t}, "fleet": {{"bound_by": "gpu"}}}}"#));
        close(c.servers_avoided_fractional, 5.0);
    }

    #[test]
    fn money_by_hand() {
        // 100 Gb/s at 1500 B on 16 hosts of 32 cores: N = 12.5, Z = 10, one cluster of 16:
        // ⌊16·10/32⌋ = 5, capped at 16 − 2 = 14: A = 5.
        let c = cost_of(
            r#"{"traffic": {"gbps_per_host": 100, "avg_packet_bytes": 1500},
                "fleet": {"hosts": 16, "cores_per_host": 32}}"#,
        );
        assert_eq!(c.servers_avoided, 5);
        let sy = 700.0 * 8.766 * 1.5 * 0.15 + 300.0 + 250.0 * 32.0;
        close(c.server_yearly_cost, sy);
        close(c.value_of_avoided_servers, 5.0 * (30_000.0 + 5.0 * sy));
        close(c.dpu_incremental_cost, 11.0 * K_DEFAULT);
        close(
            c.net_saving,
            c.value_of_avoided_servers - c.dpu_incremental_cost,
        );
        close(c.rack_units_freed, 5.0);
        // 2 U servers: the same 5 servers free 10 U.
        let c2 = cost_of(
            r#"{"traffic": {"gbps_per_host": 100, "avg_packet_bytes": 1500},
                "fleet": {"hosts": 16, "cores_per_host": 32, "rack_units_per_host": 2}}"#,
        );
        assert_eq!(c2.servers_avoided, 5);
        close(c2.rack_units_freed, 10.0);
        // Year 0: 5 servers not bought (150,000) against 11 × 2,000 of DPU premium.
        close(c.cash_flow[0].amount, 150_000.0 - 22_000.0);
        close(c.cash_flow[1].amount, 5.0 * sy - 11.0 * DPU_POWER_YEAR);
        assert_eq!(c.cash_flow.len(), 6);
        close(c.cash_flow[5].cumulative, c.net_saving);
        assert_eq!(c.payback_year, Some(0));
    }

    #[test]
    fn licences_follow_cores_only_where_they_do() {
        let sy = |json| cost_of(json).server_yearly_cost;
        let base = 700.0 * 8.766 * 1.5 * 0.15 + 300.0;
        close(sy(r#"{"costs": {"licenses_follow_cores": false}}"#), base);
        close(sy(r#"{"platform": {"kind": "kvm_ovs"}}"#), base);
        close(
            sy(
                r#"{"platform": {"kind": "kvm_ovs"}, "costs": {"license_per_core_year": 100, "licenses_follow_cores": true}}"#,
            ),
            base + 6_400.0,
        );
        close(
            sy(r#"{"costs": {"license_per_core_year": 350}}"#),
            base + 22_400.0,
        );
    }

    #[test]
    fn two_dpus_cost_twice_as_much() {
        let c = cost_of(r#"{"dpu": {"per_host": 2}}"#);
        close(c.dpu_cost_per_host, 2.0 * K_DEFAULT);
        close(c.dpu_line_rate_gbps, 400.0);
        let c = cost_of(r#"{"dpu": {"per_host": 2, "dual_mode": "independent"}}"#);
        close(c.dpu_line_rate_gbps, 800.0);
    }

    #[test]
    fn cash_flow_with_a_partial_last_year_and_discounting() {
        // 2.5 years: years 0, 1, 2 and half of year 3.
        let json = r#"{"traffic": {"gbps_per_host": 100, "avg_packet_bytes": 1500},
            "fleet": {"hosts": 16, "cores_per_host": 32, "lifetime_years": 2.5},
            "costs": {"discount_rate": 0.1}}"#;
        let c = cost_of(json);
        assert_eq!(
            c.cash_flow.iter().map(|y| y.year).collect::<Vec<_>>(),
            [0, 1, 2, 3]
        );
        let running = c.cash_flow[1].amount;
        close(c.cash_flow[2].amount, running);
        close(c.cash_flow[3].amount, 0.5 * running);
        close(c.cash_flow[3].cumulative, c.net_saving);
        let npv = c.cash_flow[0].amount + running / 1.1 + running / 1.21 + 0.5 * running / 1.331;
        close(c.npv, npv);
        assert!(c.npv < c.net_saving);
        // Without discounting the NPV is the net saving.
        let c = cost_of(r#"{"fleet": {"lifetime_years": 2.5}}"#);
        close(c.npv, c.net_saving);
    }

    #[test]
    fn payback_needs_the_cumulative_sum_to_stay_positive() {
        let flow = |amounts: &[f64]| {
            let mut cum = 0.0;
            amounts
                .iter()
                .enumerate()
                .map(|(i, a)| {
                    cum += a;
                    CashYear {
                        year: i as u32,
                        amount: *a,
                        cumulative: cum,
                    }
                })
                .collect::<Vec<_>>()
        };
        assert_eq!(payback_year(&flow(&[5.0, 1.0])), Some(0));
        assert_eq!(payback_year(&flow(&[-5.0, 3.0, 3.0])), Some(2));
        assert_eq!(payback_year(&flow(&[-5.0, 5.0, 1.0])), Some(1));
        // Back below zero later: only the last crossing counts.
        assert_eq!(payback_year(&flow(&[5.0, -6.0, 2.0])), Some(2));
        assert_eq!(payback_year(&flow(&[-5.0, 1.0])), None);
        assert_eq!(payback_year(&flow(&[0.0, 0.0])), Some(0));
        // Rounding noise (a cumulative of −10⁻⁹ from summing years) counts as paid back.
        let mut noisy = flow(&[-5.0, 5.0]);
        noisy[1].cumulative = -1e-9;
        assert_eq!(payback_year(&noisy), Some(1));
        noisy[1].cumulative = -2e-9;
        assert_eq!(payback_year(&noisy), None);
    }

    #[test]
    fn clusters_list_the_sizes_present() {
        let sizes = |h, c| Clusters::of(h, c).sizes().collect::<Vec<_>>();
        assert_eq!(sizes(32, 16), vec![16]);
        assert_eq!(sizes(24, 16), vec![16, 8]);
        assert_eq!(sizes(10, 16), vec![10]);
        assert_eq!(sizes(1, 1), vec![1]);
    }

    #[test]
    fn break_even_when_only_the_last_server_of_a_cluster_is_enough() {
        // 4 hosts in one cluster that keeps 2; a DPU at 50,000 makes k = 50,782.03 and
        // A* = ⌈4·k/(v + k)⌉ = ⌈1.2⌉ = 2, the most the cluster can give, at Z = 2·64/4 = 32
        // cores: 32/(0.8·0.15625) = 256 Gb/s, below the BlueField-3's 400.
        assert_eq!(
            break_even_of(
                r#"{"fleet": {"hosts": 4, "cluster_hosts": 4}, "costs": {"dpu_price": 50000}}"#
            ),
            Some(256.0)
        );
    }

    #[test]
    fn break_even_when_the_needed_servers_come_out_whole() {
        // k = 30,500 − 500 = 30,000 = v (no running costs): A* = 4·k/(v + k) = 2 exactly,
        // which the cluster of 4 (keeping 2) gives at Z = 32 cores, 256 Gb/s, and the net
        // saving there is 2·60,000 − 4·30,000 = 0: it pays (SPEC: net ≥ 0).
        assert_eq!(
            break_even_of(
                r#"{"fleet": {"hosts": 4, "cluster_hosts": 4, "server_price": 30000, "server_watts": 0},
                    "costs": {"dpu_price": 30500, "nic_price": 500, "dpu_watts": 20, "nic_watts": 20,
                              "rack_unit_year": 0, "license_per_core_year": 0}}"#
            ),
            Some(256.0)
        );
    }

    #[test]
    fn break_even_at_exactly_the_most_a_dpu_can_free() {
        // A cluster of 5 that keeps 1 must give up all 4 (A* = ⌈5·300,782.03/(118,403.23 +
        // 300,782.03)⌉ = ⌈3.59⌉ = 4), at Z = 4·64/5 = 51.2 cores, which is φ·C, the most a
        // DPU frees. Measured: 32 cores at 10 Gb/s, 3.2 per Gb/s: 51.2/(0.8·3.2) = 20 Gb/s.
        assert_eq!(
            break_even_of(
                r#"{"fleet": {"hosts": 5, "cluster_hosts": 5, "min_hosts_per_cluster": 1},
                    "costs": {"dpu_price": 300000}, "traffic": {"measured_networking_cores": 32}}"#
            ),
            Some(20.0)
        );
    }

    /// The smallest traffic (to 0.01 Gb/s) at which the net saving is ≥ 0, by scanning.
    fn scanned_break_even(json: &str, top: f64) -> Option<f64> {
        let s = scenario(json);
        let p = Plan::new(&s);
        let v = p.r.ranges.likely();
        (0..=(top * 100.0) as u32)
            .map(|i| f64::from(i) / 100.0)
            .find(|x| outcome(&p, &v, *x).net >= 0.0)
    }

    #[test]
    fn break_even_matches_a_scan_with_the_firewall_and_crypto_offloaded() {
        for json in [
            // vSphere with NSX 4.2 offloads the firewall, not the crypto.
            r#"{"traffic": {"distributed_firewall": true}}"#,
            r#"{"traffic": {"distributed_firewall": true, "encryption": "ipsec"}}"#,
            // KVM with OVS offloads both.
            r#"{"platform": {"kind": "kvm_ovs"}, "traffic": {"encryption": "ipsec"}}"#,
            r#"{"platform": {"kind": "kvm_ovs"}, "traffic": {"distributed_firewall": true, "encryption": "tls"}}"#,
            // NSX 4.0.1 keeps the firewall on the host.
            r#"{"platform": {"nsx": "4.0.1"}, "traffic": {"distributed_firewall": true}}"#,
        ] {
            let got = break_even_of(json);
            let want = scanned_break_even(json, 400.0);
            match (got, want) {
                (Some(g), Some(w)) => assert!((g - w).abs() < 0.011, "{json}: {g} vs scan {w}"),
                _ => assert_eq!(got, want, "{json}"),
            }
        }
    }

    #[track_caller]
    fn break_even_of(json: &str) -> Option<f64> {
        cost_of(json).break_even_gbps_per_host
    }

    #[test]
    fn why_no_traffic_pays() {
        let why = |json: &str| {
            let s = scenario(json);
            let p = Plan::new(&s);
            why_no_break_even(&p, &p.r.ranges.likely())
        };
        assert_eq!(why("{}"), None, "the default pays from 32 Gb/s");
        assert_eq!(
            why(r#"{"fleet": {"bound_by": "memory"}}"#),
            Some(NoBreakEven::NotCpuBound)
        );
        assert_eq!(
            why(r#"{"assumptions": {"offload_fraction": {"low": 0, "likely": 0, "high": 0}}}"#),
            Some(NoBreakEven::NoHostWork)
        );
        // Bare metal without a firewall or encryption: no switch runs on the host.
        assert_eq!(
            why(r#"{"platform": {"kind": "bare_metal"}, "workload": {"kind": "bare_metal_apps"}}"#),
            Some(NoBreakEven::NoHostWork)
        );
        // 1 measured core at no traffic frees 0.8 cores whatever the traffic: 16·0.8/64 < 1.
        assert_eq!(
            why(r#"{"traffic": {"gbps_per_host": 0, "measured_networking_cores": 1}}"#),
            Some(NoBreakEven::FixedTooFew)
        );
        // One host that must keep itself; worthless servers where A* = H.
        assert_eq!(
            why(r#"{"fleet": {"hosts": 1}}"#),
            Some(NoBreakEven::TooFewSpareServers)
        );
        assert_eq!(
            why(
                r#"{"fleet": {"server_price": 0, "server_watts": 0}, "costs": {"rack_unit_year": 0, "license_per_core_year": 0}}"#
            ),
            Some(NoBreakEven::TooFewSpareServers)
        );
        // Clusters of 4 need Z = 16 (128 Gb/s); a DSC-25 carries 50.
        assert_eq!(
            why(r#"{"fleet": {"cluster_hosts": 4}, "dpu": {"model": "pensando_dsc25"}}"#),
            Some(NoBreakEven::Capped)
        );
        let s = scenario(r#"{"fleet": {"bound_by": "memory"}}"#);
        assert_eq!(
            NoBreakEven::NotCpuBound.text(&s),
            "the servers are bound by memory, so freed cores remove none of them"
        );
    }

    #[test]
    fn break_even_cases() {
        // Free DPUs pay at any traffic.
        assert_eq!(
            break_even_of(r#"{"costs": {"dpu_price": 500, "dpu_watts": 20}}"#),
            Some(0.0)
        );
        // Servers not bound by CPU: never.
        assert_eq!(break_even_of(r#"{"fleet": {"bound_by": "memory"}}"#), None);
        // Nothing offloaded: never.
        assert_eq!(
            break_even_of(
                r#"{"assumptions": {"offload_fraction": {"low": 0, "likely": 0, "high": 0}}}"#
            ),
            None
        );
        // Worthless servers: A* = H, but each cluster keeps 2 hosts: never.
        assert_eq!(
            break_even_of(
                r#"{"fleet": {"server_price": 0, "server_watts": 0}, "costs": {"rack_unit_year": 0, "license_per_core_year": 0}}"#
            ),
            None
        );
        // One host that must keep itself: never.
        assert_eq!(break_even_of(r#"{"fleet": {"hosts": 1}}"#), None);
        // A DSC-25 (50 Gb/s): a server needs Z = 4 (32 Gb/s) which 50 Gb/s reaches.
        assert_eq!(
            break_even_of(r#"{"dpu": {"model": "pensando_dsc25"}}"#),
            Some(32.0)
        );
        // Clusters of 4: one server needs Z = 16, at 128 Gb/s; a DSC-25 cannot get there.
        assert_eq!(
            break_even_of(r#"{"fleet": {"cluster_hosts": 4}, "dpu": {"model": "pensando_dsc25"}}"#),
            None
        );
        assert_eq!(
            break_even_of(r#"{"fleet": {"cluster_hosts": 4}}"#),
            Some(128.0)
        );
        // Measured cores: 2 cores at 10 Gb/s → 0.2 per Gb/s; Z = 4 at 4/(0.8·0.2) = 25.
        assert_eq!(
            break_even_of(r#"{"traffic": {"measured_networking_cores": 2}}"#),
            Some(25.0)
        );
        // Measured cores and no traffic: the measurement decides at once.
        assert_eq!(
            break_even_of(r#"{"traffic": {"gbps_per_host": 0, "measured_networking_cores": 2}}"#),
            None
        );
        assert_eq!(
            break_even_of(r#"{"traffic": {"gbps_per_host": 0, "measured_networking_cores": 40}}"#),
            Some(0.0)
        );
    }

    #[test]
    fn break_even_against_whole_servers_in_clusters() {
        // 40 hosts in clusters of 32 and 8, k = 1,000 + 5·256.4055 = 2,282.03,
        // v = 118,403.2: A* = ⌈40·k/(v + k)⌉ = ⌈0.756⌉ = 1. The cluster of 32 gives up one
        // server at Z = 2 cores, the cluster of 8 only at Z = 8: 2/(0.8·0.15625) = 16 Gb/s.
        assert_eq!(
            break_even_of(
                r#"{"fleet": {"hosts": 40, "cluster_hosts": 32}, "costs": {"dpu_price": 1500}}"#
            ),
            Some(16.0)
        );
        // At the default price k = 3,282.03 and A* = ⌈1.079⌉ = 2: the cluster of 32 gives
        // two at Z = 4, at 32 Gb/s.
        assert_eq!(
            break_even_of(r#"{"fleet": {"hosts": 40, "cluster_hosts": 32}}"#),
            Some(32.0)
        );
        // Pricier DPUs need more servers: the answer must match a walk over the traffic.
        let json =
            r#"{"fleet": {"hosts": 40, "cluster_hosts": 32}, "costs": {"dpu_price": 40000}}"#;
        let s = scenario(json);
        let p = Plan::new(&s);
        let v = p.r.ranges.likely();
        let g = break_even(&p, &v).expect("reachable");
        assert!(outcome(&p, &v, g).net >= 0.0);
        assert!(outcome(&p, &v, g - 0.01).net < 0.0);
        // The same answer as walking the traffic in 0.01 Gb/s steps.
        let walked = (0..100_000)
            .map(|i| f64::from(i) / 100.0)
            .find(|x| outcome(&p, &v, *x).net >= 0.0)
            .expect("pays somewhere");
        close(g, walked);
    }

    #[test]
    fn curve_covers_the_traffic_and_the_break_even() {
        let s = scenario(r#"{"traffic": {"gbps_per_host": 20}}"#);
        let p = Plan::new(&s);
        let v = p.r.ranges.likely();
        let curve = traffic_curve(&p, &v, break_even(&p, &v));
        assert_eq!(curve.len(), CURVE_POINTS);
        assert_eq!(curve[0].gbps, 0.0);
        // Break-even 32 beyond the traffic 20: the top is 48.
        close(curve[CURVE_POINTS - 1].gbps, 48.0);
        assert!(
            curve
                .windows(2)
                .all(|w| w[0].networking_cores <= w[1].networking_cores)
        );
        assert_eq!(curve_top(0.0, None), 10.0);
        assert_eq!(curve_top(600.0, None), 900.0);
    }
}
