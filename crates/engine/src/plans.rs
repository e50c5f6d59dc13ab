//! The plans without a DPU of SPEC §5.1 (model 3): a DPU is worth buying only if it beats the
//! best way to the same result without one.
//!
//! Four plans, in the order the report lists them (the simpler first): do nothing, the
//! software fast path the platform already offers (NSX's Enhanced Data Path in Standard mode
//! on vSphere, OVS-DPDK or AF_XDP on KVM), a plain SmartNIC that offloads the same switch
//! without Arm cores (or, on bare metal, does the encryption inline), and the DPU of §5.
//! Each plan turns its cores freed per host into whole servers with the DPU's own rule
//! ([`servers_avoided`]: the same clusters, the same minimum hosts, nothing when servers are
//! not bound by CPU), and every uncertainty sample computes all of them from the same drawn
//! values ([`crate::uncertainty::analyse`]), so "the DPU beats the fast path in 18 % of
//! futures" compares like with like.

use serde::{Deserialize, Serialize};

use crate::assumptions::Values;
use crate::choice::{Choice as _, Datapath, NsxVersion, PlatformKind, VsphereVersion};
use crate::cost::{Cost, Plan, servers_avoided, terms};
use crate::format::{count, money, percent};
use crate::scenario::Scenario;
use crate::sources::{SourceRef, refs};
use crate::uncertainty::Uncertainty;

/// The plans of §5.1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PlanId {
    /// Today's servers, NICs and data path.
    DoNothing,
    /// The platform's software fast path.
    FastPath,
    /// A plain SmartNIC (no Arm cores) offloading the switch, or crypto on bare metal.
    Smartnic,
    /// The DPU of §5.
    Dpu,
}

impl PlanId {
    /// Every plan, in the report's order.
    pub const ALL: [PlanId; 4] = [
        PlanId::DoNothing,
        PlanId::FastPath,
        PlanId::Smartnic,
        PlanId::Dpu,
    ];

    /// The JSON name (the page's `data-plan`).
    pub fn wire(self) -> &'static str {
        match self {
            PlanId::DoNothing => "do_nothing",
            PlanId::FastPath => "fast_path",
            PlanId::Smartnic => "smartnic",
            PlanId::Dpu => "dpu",
        }
    }

    /// The plan as the subject of a sentence, capitalised at its start or not: "The NSX
    /// Enhanced Data Path in software", "a ConnectX-class SmartNIC with switch offload".
    pub fn subject(self, s: &Scenario, capital: bool) -> String {
        let article = match self {
            PlanId::DoNothing => {
                return (if capital {
                    "Doing nothing"
                } else {
                    "doing nothing"
                })
                .to_owned();
            }
            PlanId::FastPath if s.platform.kind != PlatformKind::Vsphere => "",
            PlanId::Smartnic => "a ",
            _ => "the ",
        };
        let article = match (capital, article) {
            (true, "a ") => "A ",
            (true, "the ") => "The ",
            (_, a) => a,
        };
        format!("{article}{}", self.name(s))
    }

    /// The plan's name for this scenario, as a table row.
    pub fn name(self, s: &Scenario) -> String {
        match self {
            PlanId::DoNothing => "Do nothing".to_owned(),
            PlanId::FastPath => match s.platform.kind {
                PlatformKind::Vsphere => "NSX Enhanced Data Path in software".to_owned(),
                PlatformKind::KvmOvs => "OVS-DPDK or AF_XDP in software".to_owned(),
                _ => "A software fast path".to_owned(),
            },
            PlanId::Smartnic => {
                if s.platform.kind == PlatformKind::BareMetal {
                    "ConnectX-class NIC with inline crypto".to_owned()
                } else {
                    "ConnectX-class SmartNIC with switch offload".to_owned()
                }
            }
            PlanId::Dpu => format!("{} DPUs", s.dpu.model.label()),
        }
    }
}

/// One row of the report's `plans[]` (SPEC §6). Figures are `None` for a plan that does not
/// apply; money is at the likely values (`net_saving`, `npv`) and over the samples (the rest).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlanRow {
    /// Which plan.
    pub id: PlanId,
    /// Its name for this scenario.
    pub name: String,
    /// Whether it can be done here.
    pub applies: bool,
    /// Why not, in one line (`None` when it applies).
    pub why_not: Option<String>,
    /// Host cores it frees per host, at the likely values.
    pub cores_freed_per_host: Option<f64>,
    /// Whole servers it avoids, at the likely values.
    pub servers_avoided: Option<u64>,
    /// The median of the whole servers it avoids over the samples (it can differ from the
    /// likely values' count where a cluster is close to giving up a server).
    pub servers_avoided_p50: Option<f64>,
    /// Its lifetime premium per host over today's NIC: 0, 0, k_nic, k.
    pub premium_per_host: Option<f64>,
    /// Net saving over the lifetime, at the likely values.
    pub net_saving: Option<f64>,
    /// Net present value, at the likely values.
    pub npv: Option<f64>,
    /// 10th percentile of its NPV over the samples.
    pub npv_p10: Option<f64>,
    /// Median NPV.
    pub npv_p50: Option<f64>,
    /// 90th percentile of its NPV.
    pub npv_p90: Option<f64>,
    /// Share of samples in which its NPV is above zero.
    pub p_pays: Option<f64>,
    /// Share of samples in which the DPU's NPV is above this plan's (`None` for the DPU and
    /// for doing nothing, whose figure is the DPU's `p_worth_it`).
    pub p_dpu_beats: Option<f64>,
    /// Whether it pays off itself in at least half the samples (the DPU must beat it).
    pub rival: bool,
    /// What it needs, in one line.
    pub needs: String,
    /// What it gives up, in one line.
    pub loses: String,
    /// Where its figures and prerequisites come from.
    pub sources: Vec<SourceRef>,
}

impl PlanRow {
    /// A row that applies with every figure 0: what `rows` fills in, and the tests' blank.
    fn zero(id: PlanId, name: String) -> PlanRow {
        PlanRow {
            id,
            name,
            applies: true,
            why_not: None,
            cores_freed_per_host: Some(0.0),
            servers_avoided: Some(0),
            servers_avoided_p50: Some(0.0),
            premium_per_host: Some(0.0),
            net_saving: Some(0.0),
            npv: Some(0.0),
            npv_p10: Some(0.0),
            npv_p50: Some(0.0),
            npv_p90: Some(0.0),
            p_pays: Some(0.0),
            p_dpu_beats: None,
            rival: false,
            needs: String::new(),
            loses: String::new(),
            sources: Vec::new(),
        }
    }
}

/// Which fast path applies, or why none does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FastPath {
    /// NSX's Enhanced Data Path in Standard (interrupt) mode: cores after = N_dp / s.
    Nsx,
    /// OVS-DPDK or AF_XDP: cores after = max(p_pin, N_dp / s).
    Ovs,
}

/// The fast path of §5.1 for this scenario, or why it does not apply.
pub fn fast_path_kind(s: &Scenario) -> Result<FastPath, &'static str> {
    let kernel = s.datapath() == Datapath::Kernel;
    match s.platform.kind {
        PlatformKind::Kubernetes => {
            Err("Kubernetes pods have no poll-mode switch path to move to.")
        }
        PlatformKind::BareMetal => Err("No virtual switch runs on bare-metal servers."),
        _ if !kernel => Err("The data path is already an enhanced one."),
        PlatformKind::Vsphere => {
            if s.platform.vsphere < VsphereVersion::V8_0 || s.platform.nsx == NsxVersion::None {
                Err("NSX's Enhanced Data Path needs vSphere 8 with NSX here.")
            } else {
                Ok(FastPath::Nsx)
            }
        }
        PlatformKind::KvmOvs => Ok(FastPath::Ovs),
    }
}

/// What one plan gives at one set of assumption values.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PlanOutcome {
    /// Cores freed per host.
    pub z: f64,
    /// Whole servers avoided.
    pub a: u64,
    /// Net saving over the lifetime.
    pub net: f64,
    /// Net present value.
    pub npv: f64,
}

/// N_dp: the switching and firewall work of today's data path at the scenario's traffic (the
/// measurement when there is one; it counts as switching work, SPEC §5).
pub(crate) fn data_path_cores(p: &Plan, v: &Values) -> f64 {
    match p.s.traffic.measured_networking_cores {
        Some(m) if crate::cost::measured_replaces_model(p.s) => m,
        _ => {
            let (sw, fw, _) = terms(p, v, p.g);
            sw + fw
        }
    }
}

/// The software fast path at `v`: the switching and firewall work runs s times faster; on
/// OVS the pinned poll-mode cores are a floor. Z_fp = min(C, max(0, N_dp − cores after)),
/// with no hardware and no running cost (SPEC §5.1; F2.6.1, F4.1.2, F10.1.5).
pub fn fast_path(p: &Plan, kind: FastPath, v: &Values) -> PlanOutcome {
    let n_dp = data_path_cores(p, v);
    let after = match kind {
        FastPath::Nsx => n_dp / v.speedup,
        FastPath::Ovs => v.pinned.max(n_dp / v.speedup),
    };
    let z = (n_dp - after).max(0.0).min(p.c);
    let a = servers_avoided(p, z);
    PlanOutcome {
        z,
        a,
        net: a as f64 * p.value_per_server,
        npv: a as f64 * p.pv_server,
    }
}

/// E_nic: the work one plain SmartNIC can take over at `v` (SPEC §5.1). It carries one DPU
/// card's line rate L₁; off bare metal the switch and firewall (inline crypto and switch
/// offload on one plain NIC are not documented to work together, F10.3.4), on bare metal
/// the encryption only.
pub fn smartnic_work(p: &Plan, v: &Values) -> f64 {
    let g_nic = p.g.min(p.card_rate);
    if p.s.platform.kind == PlatformKind::BareMetal {
        return terms(p, v, g_nic).2;
    }
    match p.s.traffic.measured_networking_cores {
        Some(m) if p.g > 0.0 => m * g_nic / p.g,
        Some(m) => m,
        None => {
            let (sw, fw, _) = terms(p, v, g_nic);
            sw + fw
        }
    }
}

/// The plain SmartNIC at `v`: Z_nic = max(0, φ·min(E_nic, C) − c_nic) (c_nic = 0 on bare
/// metal: inline crypto keeps no host core), one card per host for the hosts that remain.
pub fn smartnic(p: &Plan, v: &Values) -> PlanOutcome {
    let kept = if p.s.platform.kind == PlatformKind::BareMetal {
        0.0
    } else {
        v.nic_cores
    };
    let z = (v.phi * smartnic_work(p, v).min(p.c) - kept).max(0.0);
    let a = servers_avoided(p, z);
    let (a_f, rest) = (a as f64, p.h - a as f64);
    PlanOutcome {
        z,
        a,
        net: a_f * p.value_per_server - rest * p.smartnic_cost_per_host,
        npv: a_f * p.pv_server - rest * p.pv_smartnic,
    }
}

/// Whether the SmartNIC plan applies here (SPEC §5.1): off vSphere, with work to take over
/// at the likely values.
pub fn smartnic_applies(p: &Plan) -> Result<(), &'static str> {
    if p.s.is_vsphere() {
        return Err("vSphere documents no switch offload to a NIC without a DPU.");
    }
    if smartnic_work(p, &p.r.ranges.likely()) > 0.0 {
        return Ok(());
    }
    Err(if p.s.platform.kind == PlatformKind::BareMetal {
        "On bare metal a plain NIC takes over only encryption, and there is none to take over."
    } else {
        "There is no switching work to offload at this traffic."
    })
}

/// The plans that apply, each computed at the same values: what one uncertainty sample needs.
#[derive(Debug, Clone, Copy)]
pub struct Alternatives {
    /// The fast path, when it applies.
    pub fast_path: Option<FastPath>,
    /// Whether the SmartNIC plan applies.
    pub smartnic: bool,
}

impl Alternatives {
    /// Which plans apply to this scenario.
    pub fn of(p: &Plan) -> Self {
        Alternatives {
            fast_path: fast_path_kind(p.s).ok(),
            smartnic: smartnic_applies(p).is_ok(),
        }
    }

    /// Each applicable plan's outcome at `v`: (fast path, SmartNIC).
    pub fn outcomes(&self, p: &Plan, v: &Values) -> (Option<PlanOutcome>, Option<PlanOutcome>) {
        (
            self.fast_path.map(|k| fast_path(p, k, v)),
            self.smartnic.then(|| smartnic(p, v)),
        )
    }
}

/// A plan's figures over the samples.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PlanSamples {
    /// 10th percentile of its NPV.
    pub p10: f64,
    /// Median NPV.
    pub p50: f64,
    /// 90th percentile.
    pub p90: f64,
    /// Share of samples with NPV > 0.
    pub p_pays: f64,
    /// Share of samples in which the DPU's NPV is greater.
    pub p_dpu_beats: f64,
    /// Median of the whole servers avoided.
    pub servers_p50: f64,
}

/// A plan pays off itself in at least this share of the samples to be a rival.
pub const RIVAL_FROM: f64 = 0.5;

impl PlanSamples {
    /// Whether the plan pays off itself in at least half the samples: then the DPU must beat
    /// it to be the best plan (SPEC §5.1).
    pub fn is_rival(&self) -> bool {
        self.p_pays >= RIVAL_FROM
    }
}

/// Two medians this close are a tie for the best plan (SPEC §5.1).
const TIE: f64 = 0.005;

/// The rows of `plans[]` (SPEC §6), in the order do nothing, fast path, SmartNIC, DPU.
pub fn rows(
    p: &Plan,
    cost: &Cost,
    u: &Uncertainty,
    dpu_servers_p50: f64,
    fast: Option<PlanSamples>,
    nic: Option<PlanSamples>,
) -> Vec<PlanRow> {
    let s = p.s;
    let v = p.r.ranges.likely();
    let row = |id: PlanId| PlanRow::zero(id, id.name(s));
    let not_applying = |id: PlanId, why: &str| PlanRow {
        applies: false,
        why_not: Some(why.to_owned()),
        cores_freed_per_host: None,
        servers_avoided: None,
        servers_avoided_p50: None,
        premium_per_host: None,
        net_saving: None,
        npv: None,
        npv_p10: None,
        npv_p50: None,
        npv_p90: None,
        p_pays: None,
        ..row(id)
    };
    let with_samples = |r: PlanRow, o: PlanOutcome, premium: f64, x: PlanSamples| PlanRow {
        cores_freed_per_host: Some(o.z),
        servers_avoided: Some(o.a),
        servers_avoided_p50: Some(x.servers_p50),
        premium_per_host: Some(premium),
        net_saving: Some(o.net),
        npv: Some(o.npv),
        npv_p10: Some(x.p10),
        npv_p50: Some(x.p50),
        npv_p90: Some(x.p90),
        p_pays: Some(x.p_pays),
        p_dpu_beats: Some(x.p_dpu_beats),
        rival: x.is_rival(),
        ..r
    };

    let mut nothing = row(PlanId::DoNothing);
    nothing.needs = "Nothing: today's servers, NICs and data path.".to_owned();
    nothing.loses =
        "Nothing; the servers the other plans would save are bought as usual.".to_owned();

    let fast_row = match (fast_path_kind(s), fast) {
        (Ok(kind), Some(x)) => {
            let r = with_samples(row(PlanId::FastPath), fast_path(p, kind, &v), 0.0, x);
            describe_fast_path(kind, r)
        }
        (Ok(_), None) => not_applying(PlanId::FastPath, "Not computed."),
        (Err(why), _) => not_applying(PlanId::FastPath, why),
    };
    let nic_row = match (smartnic_applies(p), nic) {
        (Ok(()), Some(x)) => {
            let r = with_samples(
                row(PlanId::Smartnic),
                smartnic(p, &v),
                p.smartnic_cost_per_host,
                x,
            );
            describe_smartnic(s, r)
        }
        (Ok(()), None) => not_applying(PlanId::Smartnic, "Not computed."),
        (Err(why), _) => not_applying(PlanId::Smartnic, why),
    };
    let mut dpu = PlanRow {
        cores_freed_per_host: Some(cost.cores_freed_per_host),
        servers_avoided: Some(cost.servers_avoided),
        servers_avoided_p50: Some(dpu_servers_p50),
        premium_per_host: Some(cost.dpu_cost_per_host),
        net_saving: Some(cost.net_saving),
        npv: Some(cost.npv),
        npv_p10: Some(u.net_saving_p10),
        npv_p50: Some(u.net_saving_p50),
        npv_p90: Some(u.net_saving_p90),
        p_pays: Some(u.p_worth_it),
        ..row(PlanId::Dpu)
    };
    dpu.needs = format!(
        "{} per host, and software that runs the switch on it.",
        count(f64::from(s.dpu.per_host), "DPU", "DPUs")
    );
    dpu.loses = "What the findings above list for an offloaded switch.".to_owned();
    dpu.sources = refs(&["F1.2.7", "F2.3.4"]);
    vec![nothing, fast_row, nic_row, dpu]
}

fn describe_fast_path(kind: FastPath, mut r: PlanRow) -> PlanRow {
    match kind {
        FastPath::Nsx => {
            r.needs = "NICs certified for the Enhanced Data Path, and a maintenance window per \
                       host to switch the host switch's mode."
                .to_owned();
            r.loses = "Nothing documented; its CPU cost is not published, so measure on one \
                       host first."
                .to_owned();
            r.sources = refs(&["F2.1.5", "F2.6.1", "F2.6.4", "F10.1.4", "F10.9.5"]);
        }
        FastPath::Ovs => {
            r.needs = "Huge pages, a DPDK or AF_XDP capable NIC, and poll-mode cores pinned on \
                       both NUMA nodes."
                .to_owned();
            r.loses = "AF_XDP ports bypass tc, so tc QoS moves to OpenFlow meters; the pinned \
                       cores stay busy at any load."
                .to_owned();
            r.sources = refs(&["F4.1.2", "F4.1.4", "F10.1.5", "F10.1.8"]);
        }
    }
    r
}

fn describe_smartnic(s: &Scenario, mut r: PlanRow) -> PlanRow {
    if s.platform.kind == PlatformKind::BareMetal {
        r.needs = "One crypto-enabled ConnectX part per host (inline IPsec or kTLS) and a recent \
                   kernel."
            .to_owned();
        r.loses = "Lossy TLS connections fall back to software; its tables have a cliff at \
                   many tunnels."
            .to_owned();
        r.sources = refs(&[
            "F4.3.5", "F4.3.8", "F10.3.1", "F10.3.2", "F10.3.3", "F10.3.4",
        ]);
    } else {
        r.needs = "One ConnectX-6 Dx or ConnectX-7 class NIC per host in switchdev mode, with \
                   OVS/OVN hardware offload (TC flower or OVS-DOCA)."
            .to_owned();
        r.loses = "Connection-tracking helpers (ALGs) and some bond modes; connection setup \
                   stays on host cores."
            .to_owned();
        r.sources = refs(&[
            "F5.4.1", "F10.2.1", "F10.2.2", "F10.2.3", "F10.2.5", "F10.4.2", "F10.4.4", "F10.9.2",
        ]);
    }
    r
}

/// The rival the DPU beats least often: the smallest `p_dpu_beats`; on a tie the higher
/// median NPV, then the earlier plan (SPEC §4).
pub fn closest_rival(rows: &[PlanRow]) -> Option<&PlanRow> {
    rows.iter().filter(|r| r.rival).reduce(|best, r| {
        let (a, b) = (
            best.p_dpu_beats.unwrap_or(1.0),
            r.p_dpu_beats.unwrap_or(1.0),
        );
        if b < a || (b == a && r.npv_p50.unwrap_or(0.0) > best.npv_p50.unwrap_or(0.0)) {
            r
        } else {
            best
        }
    })
}

/// The rival with the highest median NPV (the first on a tie).
pub fn richest_rival(rows: &[PlanRow]) -> Option<&PlanRow> {
    rows.iter().filter(|r| r.rival).reduce(|best, r| {
        if r.npv_p50.unwrap_or(0.0) > best.npv_p50.unwrap_or(0.0) {
            r
        } else {
            best
        }
    })
}

/// `best_plan` of a report: the DPU when a rule makes it required (no plan without one
/// meets the requirement, so its money cannot make another plan the best), else
/// [`best_plan`].
///
/// SPEC §5.1 defines `best_plan` by the median alone; on a `required` verdict that named
/// "do nothing" as the best plan beside a headline saying only a DPU can do what is asked.
/// This is the one departure, argued in the closing note of issue 16.
pub fn best_plan_given(required: bool, rows: &[PlanRow]) -> PlanId {
    if required {
        PlanId::Dpu
    } else {
        best_plan(rows)
    }
}

/// The applicable plan with the highest median NPV, the first in `plans[]` order whose
/// median is within 0.005 of the highest (SPEC §5.1).
pub fn best_plan(rows: &[PlanRow]) -> PlanId {
    let top = rows
        .iter()
        .filter_map(|r| r.npv_p50)
        .fold(f64::NEG_INFINITY, f64::max);
    rows.iter()
        .find(|r| r.npv_p50.is_some_and(|m| m >= top - TIE))
        .map_or(PlanId::DoNothing, |r| r.id)
}

/// "removes 8 servers at no hardware cost, a median USD 1,080,000": a plan's result in
/// words, for the headline and the reasoning. The servers are the likely values' count; where
/// the median future removes another number, both are said.
pub fn result_words(s: &Scenario, r: &PlanRow) -> String {
    let cur = &s.costs.currency;
    let likely = r.servers_avoided.unwrap_or(0);
    let servers = count(likely as f64, "server", "servers");
    let median = r.servers_avoided_p50.unwrap_or(likely as f64);
    let servers = if (median - likely as f64).abs() < 0.5 {
        servers
    } else {
        format!(
            "{servers} at the likely values ({} in the median future)",
            crate::format::auto(median)
        )
    };
    let costs = match r.id {
        PlanId::FastPath | PlanId::DoNothing => "at no hardware cost".to_owned(),
        _ => format!(
            "for {} per host",
            money(r.premium_per_host.unwrap_or(0.0), cur)
        ),
    };
    format!(
        "removes {servers} {costs}, {}",
        median_words(r.npv_p50.unwrap_or(0.0), cur)
    )
}

/// "a median USD 1,080,000", or "a median loss of USD 61,018": a loss reads as one.
fn median_words(x: f64, cur: &str) -> String {
    if x < 0.0 {
        format!("a median loss of {}", money(-x, cur))
    } else {
        format!("a median {}", money(x, cur))
    }
}

/// One line per plan for the `plans-compared` finding.
pub fn line(s: &Scenario, r: &PlanRow, best: bool) -> String {
    let cur = &s.costs.currency;
    if !r.applies {
        return format!(
            "{}: does not apply. {}",
            r.name,
            r.why_not.as_deref().unwrap_or("")
        );
    }
    let mut out = format!(
        "{}: frees {} per host, removes {}, {}; pays in {} of futures",
        r.name,
        count(r.cores_freed_per_host.unwrap_or(0.0), "core", "cores"),
        count(r.servers_avoided.unwrap_or(0) as f64, "server", "servers"),
        median_words(r.npv_p50.unwrap_or(0.0), cur),
        percent(r.p_pays.unwrap_or(0.0)),
    );
    if let Some(b) = r.p_dpu_beats {
        out.push_str(&format!("; the DPUs beat it in {}", percent(b)));
    }
    if best {
        out.push_str(" (the best plan)");
    }
    out.push('.');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::Report;

    #[track_caller]
    fn close(got: f64, want: f64) {
        assert!(
            (got - want).abs() <= 1e-9 * want.abs().max(1.0),
            "got {got}, want {want}"
        );
    }

    fn report(json: &str) -> (Scenario, Report) {
        let s = Scenario::from_json(json).expect("valid");
        let r = crate::evaluate(&s);
        (s, r)
    }

    fn row(r: &Report, id: PlanId) -> &PlanRow {
        r.plans.iter().find(|p| p.id == id).expect("listed")
    }

    /// A row that applies with every figure 0, for tests of the functions that read rows.
    fn blank(id: PlanId) -> PlanRow {
        PlanRow::zero(id, String::new())
    }

    /// v off vSphere at the defaults: 30,000 + 5·(700·8.766·1.5·0.15 + 300).
    const V_LINUX: f64 = 30_000.0 + 5.0 * (700.0 * 8.766 * 1.5 * 0.15 + 300.0);
    /// v on vSphere: the same plus 250 per core-year on 64 cores.
    const V_VSPHERE: f64 = V_LINUX + 5.0 * 250.0 * 64.0;
    /// k_nic for a 400 Gb/s card's SmartNIC at the defaults: (2,000 − 500) + 5·5 W·8.766·1.5·0.15.
    const K_NIC_400: f64 = 1_500.0 + 5.0 * 5.0 * 8.766 * 1.5 * 0.15;

    #[test]
    fn the_fast_path_on_vsphere_by_hand() {
        // 80 Gb/s of 1,500-byte packets with the firewall, kernel path: 0.125 cores per Gb/s,
        // b = 10, firewall 10·0.4 = 4, N_dp = 14. Not bulk (a firewall), so s = 2:
        // after = 7, Z_fp = 7; a cluster of 16 frees 112 cores, 1.75 servers: 1 each, A = 2.
        let (s, r) = report(
            r#"{"traffic": {"gbps_per_host": 80, "avg_packet_bytes": 1500, "distributed_firewall": true}}"#,
        );
        assert_eq!(
            s.resolve().fast_path,
            crate::assumptions::FastPathCase::Vsphere
        );
        let f = row(&r, PlanId::FastPath);
        assert!(f.applies);
        assert_eq!(f.name, "NSX Enhanced Data Path in software");
        close(f.cores_freed_per_host.unwrap(), 7.0);
        assert_eq!(f.servers_avoided, Some(2));
        close(f.premium_per_host.unwrap(), 0.0);
        close(f.net_saving.unwrap(), 2.0 * V_VSPHERE);
        close(f.npv.unwrap(), 2.0 * V_VSPHERE);
        // The DPU frees 0.8·14 = 11.2 cores: 2 servers per cluster.
        assert_eq!(row(&r, PlanId::Dpu).servers_avoided, Some(4));
        // No SmartNIC plan on vSphere.
        let n = row(&r, PlanId::Smartnic);
        assert!(!n.applies && n.cores_freed_per_host.is_none() && !n.rival);
    }

    #[test]
    fn the_fast_path_on_kvm_by_hand() {
        // nfv-heavy's traffic: 0.244 cores per Gb/s (512-byte packets, M = 1), ×1.2 for the
        // overlay without NIC offload: b = 11.71875, firewall 4.6875, N_dp = 16.40625. With
        // s = 2.5: 6.5625 cores after, above the 2 pinned cores, so Z_fp = 9.84375.
        let (_, r) = report(
            r#"{"platform": {"kind": "kvm_ovs"}, "traffic": {"gbps_per_host": 40, "avg_packet_bytes": 512,
                "overlay_nic_offload": false, "distributed_firewall": true}}"#,
        );
        let f = row(&r, PlanId::FastPath);
        close(f.cores_freed_per_host.unwrap(), 9.843_75);
        // A cluster of 16 frees 157.5 cores, 2.46 servers: 2 each, 4 in all.
        assert_eq!(f.servers_avoided, Some(4));
        close(f.net_saving.unwrap(), 4.0 * V_LINUX);
        // Pinned cores above the gain: 4 Gb/s of large packets needs 0.5 cores, and the
        // fast path pins 2, so it frees nothing (bulk traffic, s = 1.5, changes nothing).
        let (s, r) = report(
            r#"{"platform": {"kind": "kvm_ovs"}, "traffic": {"gbps_per_host": 4, "avg_packet_bytes": 1500}}"#,
        );
        assert_eq!(
            s.resolve().fast_path,
            crate::assumptions::FastPathCase::Bulk
        );
        let f = row(&r, PlanId::FastPath);
        assert!(f.applies);
        close(f.cores_freed_per_host.unwrap(), 0.0);
        assert_eq!((f.servers_avoided, f.p_pays), (Some(0), Some(0.0)));
        assert!(!f.rival, "a plan that never pays is no rival");
    }

    #[test]
    fn bulk_traffic_gains_least() {
        // 40 Gb/s of 1,500-byte packets, no firewall, on vSphere: 1/T = 0.125 ≥ 10³/(8·1500·1)
        // = 0.083, so bulk: s = 1.5, N_dp = 5, after 3.33, Z_fp = 1.67.
        let (s, r) = report(r#"{"traffic": {"gbps_per_host": 40, "avg_packet_bytes": 1500}}"#);
        let k = s.resolve();
        assert_eq!(k.fast_path, crate::assumptions::FastPathCase::Bulk);
        assert_eq!(
            k.ranges
                .get(crate::assumptions::AssumptionId::FastPathSpeedup),
            crate::Range::new(1.1, 1.5, 2.5)
        );
        close(
            row(&r, PlanId::FastPath).cores_freed_per_host.unwrap(),
            5.0 - 5.0 / 1.5,
        );
        // The tie counts as bulk: 1,000-byte packets give exactly 1/8 = 10³/(8·1000).
        let tie = Scenario::from_json(r#"{"traffic": {"avg_packet_bytes": 1000}}"#).unwrap();
        assert_eq!(
            tie.resolve().fast_path,
            crate::assumptions::FastPathCase::Bulk
        );
        let small = Scenario::from_json(r#"{"traffic": {"avg_packet_bytes": 999}}"#).unwrap();
        assert_eq!(
            small.resolve().fast_path,
            crate::assumptions::FastPathCase::Vsphere
        );
        // The user's T and M decide: T = 4 makes 999-byte packets bulk.
        let t4 = Scenario::from_json(
            r#"{"traffic": {"avg_packet_bytes": 999},
                "assumptions": {"vswitch_gbps_per_core": {"low": 2, "likely": 4, "high": 15}}}"#,
        )
        .unwrap();
        assert_eq!(
            t4.resolve().fast_path,
            crate::assumptions::FastPathCase::Bulk
        );
    }

    #[test]
    fn the_smartnic_on_kvm_by_hand() {
        // 40 Gb/s of 1,500-byte packets, kernel path: E_nic = 5 cores, Z_nic = 0.8·5 − 1 = 3.
        // On 16-core hosts a cluster of 16 frees 48 cores, 3 servers: A = 6 of 32.
        let (s, r) = report(
            r#"{"platform": {"kind": "kvm_ovs"}, "traffic": {"gbps_per_host": 40, "avg_packet_bytes": 1500},
                "fleet": {"cores_per_host": 16}}"#,
        );
        assert_eq!(
            s.resolve().smartnic_price,
            2_000.0,
            "BlueField-3's 400 Gb/s class"
        );
        let n = row(&r, PlanId::Smartnic);
        assert_eq!(n.name, "ConnectX-class SmartNIC with switch offload");
        close(n.cores_freed_per_host.unwrap(), 3.0);
        assert_eq!(n.servers_avoided, Some(6));
        close(n.premium_per_host.unwrap(), K_NIC_400);
        close(n.net_saving.unwrap(), 6.0 * V_LINUX - 26.0 * K_NIC_400);
        // With an enhanced data path the switch needs 1.6 cores (T = 25); 0.8·1.6 − 2 kept
        // cores is below zero: the card applies, frees nothing and costs its premium.
        let (_, r) = report(
            r#"{"platform": {"kind": "kvm_ovs", "datapath": "enhanced"},
                "traffic": {"gbps_per_host": 40, "avg_packet_bytes": 1500}}"#,
        );
        let n = row(&r, PlanId::Smartnic);
        assert!(n.applies);
        close(n.cores_freed_per_host.unwrap(), 0.0);
        assert_eq!(n.servers_avoided, Some(0));
        close(n.net_saving.unwrap(), -32.0 * K_NIC_400);
        assert_eq!(n.p_pays, Some(0.0));
        assert!(!n.rival);
        // The fast path does not apply on an enhanced path already.
        assert!(!row(&r, PlanId::FastPath).applies);
    }

    #[test]
    fn the_smartnic_on_bare_metal_does_the_crypto() {
        // IPsec at 40 Gb/s on 2.8 GHz: 40·1.5/(8·2.8) = 2.679 cores; inline crypto keeps no
        // host core: Z_nic = 0.8·2.679 = 2.143.
        let (_, r) = report(
            r#"{"platform": {"kind": "bare_metal"}, "workload": {"kind": "bare_metal_apps"},
                "traffic": {"gbps_per_host": 40, "encryption": "ipsec"}}"#,
        );
        let n = row(&r, PlanId::Smartnic);
        assert_eq!(n.name, "ConnectX-class NIC with inline crypto");
        close(
            n.cores_freed_per_host.unwrap(),
            0.8 * 40.0 * 1.5 / (8.0 * 2.8),
        );
        assert!(
            !row(&r, PlanId::FastPath).applies,
            "no switch on bare metal"
        );
        // Without encryption a plain NIC has nothing to take over on bare metal.
        let (_, r) = report(
            r#"{"platform": {"kind": "bare_metal"}, "workload": {"kind": "bare_metal_apps"},
                "traffic": {"gbps_per_host": 40}}"#,
        );
        let n = row(&r, PlanId::Smartnic);
        assert!(!n.applies);
        assert!(n.why_not.as_deref().unwrap().contains("encryption"));
    }

    #[test]
    fn a_smartnic_as_good_as_the_dpu_ties_it_and_the_simpler_plan_wins() {
        // Kubernetes (no fast path), the same price, power and work as the DPU, keeping no
        // host core: the same NPV in every sample. The DPU never beats it (strictly), and the
        // SmartNIC, listed first, is the best plan; it pays, so it is a rival and p_best = 0.
        let (_, r) = report(
            r#"{"platform": {"kind": "kubernetes"}, "workload": {"kind": "kubernetes"},
                "traffic": {"gbps_per_host": 60, "avg_packet_bytes": 512},
                "costs": {"smartnic_price": 2500, "smartnic_watts": 150},
                "assumptions": {"smartnic_host_cores": {"low": 0, "likely": 0, "high": 0}}}"#,
        );
        let (n, d) = (row(&r, PlanId::Smartnic), row(&r, PlanId::Dpu));
        assert!(!row(&r, PlanId::FastPath).applies);
        assert_eq!(n.npv_p50, d.npv_p50);
        assert_eq!(n.p_pays, d.p_pays);
        assert!(n.p_pays.unwrap() > 0.5);
        assert_eq!(n.p_dpu_beats, Some(0.0));
        assert!(n.rival);
        assert_eq!(r.uncertainty.p_best, 0.0);
        assert_eq!(r.best_plan, PlanId::Smartnic);
    }

    #[test]
    fn the_best_plan_is_the_simplest_of_the_highest_medians() {
        let mk = |id: PlanId, m: Option<f64>| PlanRow {
            applies: m.is_some(),
            npv_p50: m,
            ..blank(id)
        };
        use PlanId::*;
        let rows = |m: [Option<f64>; 4]| -> Vec<PlanRow> {
            PlanId::ALL
                .iter()
                .zip(m)
                .map(|(id, m)| mk(*id, m))
                .collect()
        };
        // Within 0.005 of the highest: the first in order.
        assert_eq!(
            best_plan(&rows([Some(0.0), Some(0.004), None, Some(-5.0)])),
            DoNothing
        );
        assert_eq!(
            best_plan(&rows([Some(0.0), Some(0.006), None, Some(-5.0)])),
            FastPath
        );
        assert_eq!(
            best_plan(&rows([Some(0.0), Some(10.0), Some(10.003), Some(10.0049)])),
            FastPath
        );
        assert_eq!(
            best_plan(&rows([Some(0.0), None, Some(9.0), Some(10.0)])),
            Dpu
        );
        // A plan that does not apply is never best, however its figures read.
        assert_eq!(
            best_plan(&rows([Some(0.0), None, None, Some(-1.0)])),
            DoNothing
        );
    }

    #[test]
    fn the_closest_rival_is_the_one_the_dpu_beats_least_often() {
        let mk = |id: PlanId, beats: f64, median: f64| PlanRow {
            npv_p50: Some(median),
            p_pays: Some(0.9),
            p_dpu_beats: Some(beats),
            rival: true,
            ..blank(id)
        };
        let rows = [
            mk(PlanId::FastPath, 0.2, 5.0),
            mk(PlanId::Smartnic, 0.1, 1.0),
        ];
        assert_eq!(closest_rival(&rows).map(|r| r.id), Some(PlanId::Smartnic));
        assert_eq!(richest_rival(&rows).map(|r| r.id), Some(PlanId::FastPath));
        // A tie on the chance: the higher median, then the earlier plan.
        let rows = [
            mk(PlanId::FastPath, 0.2, 5.0),
            mk(PlanId::Smartnic, 0.2, 6.0),
        ];
        assert_eq!(closest_rival(&rows).map(|r| r.id), Some(PlanId::Smartnic));
        let rows = [
            mk(PlanId::FastPath, 0.2, 5.0),
            mk(PlanId::Smartnic, 0.2, 5.0),
        ];
        assert_eq!(closest_rival(&rows).map(|r| r.id), Some(PlanId::FastPath));
        // Not rivals: none named.
        let mut rows = rows;
        for r in &mut rows {
            r.rival = false;
        }
        assert!(closest_rival(&rows).is_none());
        assert!(richest_rival(&rows).is_none());
    }

    #[test]
    fn plans_are_named_for_the_json_the_page_and_a_sentence() {
        let vsphere = Scenario::default();
        let kvm = Scenario::from_json(r#"{"platform": {"kind": "kvm_ovs"}}"#).unwrap();
        let metal = Scenario::from_json(r#"{"platform": {"kind": "bare_metal"}}"#).unwrap();
        for id in PlanId::ALL {
            // The page's data-plan is the JSON name.
            let json = serde_json::to_value(id).unwrap();
            assert_eq!(json.as_str(), Some(id.wire()));
        }
        for (id, s, capital, small) in [
            (
                PlanId::DoNothing,
                &vsphere,
                "Doing nothing",
                "doing nothing",
            ),
            (
                PlanId::FastPath,
                &vsphere,
                "The NSX Enhanced Data Path in software",
                "the NSX Enhanced Data Path in software",
            ),
            (
                PlanId::FastPath,
                &kvm,
                "OVS-DPDK or AF_XDP in software",
                "OVS-DPDK or AF_XDP in software",
            ),
            (
                PlanId::Smartnic,
                &kvm,
                "A ConnectX-class SmartNIC with switch offload",
                "a ConnectX-class SmartNIC with switch offload",
            ),
            (
                PlanId::Smartnic,
                &metal,
                "A ConnectX-class NIC with inline crypto",
                "a ConnectX-class NIC with inline crypto",
            ),
            (
                PlanId::Dpu,
                &kvm,
                "The NVIDIA BlueField-3 DPUs",
                "the NVIDIA BlueField-3 DPUs",
            ),
        ] {
            assert_eq!(id.subject(s, true), capital);
            assert_eq!(id.subject(s, false), small);
        }
    }

    #[test]
    fn the_fast_path_needs_vsphere_8_with_nsx_and_the_kernel_path() {
        let kind = |json: &str| fast_path_kind(&Scenario::from_json(json).unwrap());
        assert_eq!(kind("{}"), Ok(FastPath::Nsx));
        assert_eq!(
            kind(r#"{"platform": {"vsphere": "8.0"}}"#),
            Ok(FastPath::Nsx)
        );
        assert!(kind(r#"{"platform": {"vsphere": "7.0"}}"#).is_err());
        assert!(kind(r#"{"platform": {"nsx": "none"}}"#).is_err());
        assert!(kind(r#"{"platform": {"vsphere": "7.0", "nsx": "none"}}"#).is_err());
        assert!(kind(r#"{"platform": {"datapath": "enhanced"}}"#).is_err());
        assert!(
            kind(r#"{"platform": {"vsphere": "9.0"}}"#).is_err(),
            "EDP by default"
        );
        assert!(kind(r#"{"platform": {"vsphere": "9.0", "datapath": "kernel"}}"#).is_ok());
        assert_eq!(
            kind(r#"{"platform": {"kind": "kvm_ovs"}}"#),
            Ok(FastPath::Ovs)
        );
        assert!(kind(r#"{"platform": {"kind": "kubernetes"}}"#).is_err());
        assert!(kind(r#"{"platform": {"kind": "bare_metal"}}"#).is_err());
    }

    #[test]
    fn a_measured_data_path_is_what_the_fast_path_speeds_up() {
        // KVM with 12 measured cores at 40 Gb/s: N_dp = 12, s = 2.5 (not bulk: a firewall),
        // 4.8 cores after, above the 2 pinned: Z_fp = 7.2, whatever the model's own figure.
        let (_, r) = report(
            r#"{"platform": {"kind": "kvm_ovs"}, "traffic": {"gbps_per_host": 40, "distributed_firewall": true,
                "measured_networking_cores": 12}}"#,
        );
        close(row(&r, PlanId::FastPath).cores_freed_per_host.unwrap(), 7.2);
        // The SmartNIC takes over the measured work too: 0.8·12 − 1 = 8.6.
        close(row(&r, PlanId::Smartnic).cores_freed_per_host.unwrap(), 8.6);
    }

    #[test]
    fn the_smartnic_price_follows_one_cards_line_rate() {
        for (model, want) in [
            ("pensando_dsc25", 1_000.0),
            ("other", 1_000.0),
            ("bluefield2", 1_500.0),
            ("intel_ipu_e2100", 1_500.0),
            ("bluefield3", 2_000.0),
            ("bluefield4", 2_000.0),
        ] {
            let s = Scenario::from_json(&format!(r#"{{"dpu": {{"model": "{model}"}}}}"#)).unwrap();
            assert_eq!(s.resolve().smartnic_price, want, "{model}");
        }
        // Two independent DPUs double the DPU's line rate, not the SmartNIC's class.
        let s = Scenario::from_json(
            r#"{"dpu": {"model": "pensando_dsc25", "per_host": 2, "dual_mode": "independent"}}"#,
        )
        .unwrap();
        assert_eq!(s.resolve().smartnic_price, 1_000.0);
    }
}
