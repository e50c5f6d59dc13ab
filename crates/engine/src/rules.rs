//! The feasibility rules of SPEC §4: one ordered catalog, each rule with its sources and an
//! example scenario where it fires and one where it stays quiet.
//!
//! To add a rule, add one entry to [`RULES`]: an id, a severity, a title, the facts it cites,
//! a check that returns a [`Fired`] with an explanation in the scenario's own numbers, and the
//! two example scenarios. The catalog tests below then check it like every other rule.

use serde::{Deserialize, Serialize};

use crate::choice::{
    Choice, DpuModel, Encryption, Feature, Goal, NsxVersion, PlatformKind, VsphereVersion,
    WorkloadKind,
};
use crate::cost::Cost;
use crate::format::{auto, money, num, percent};
use crate::scenario::Scenario;

/// How a finding bears on the verdict, most serious first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// A DPU cannot serve this goal.
    WrongProblem,
    /// The platform does not support it.
    Unsupported,
    /// Works, but costs something the user has or wants.
    Tradeoff,
    /// Worth knowing.
    Info,
    /// A part of the plan that fits.
    Good,
}

impl Severity {
    /// Every severity, most serious first.
    pub const ALL: [Severity; 5] = [
        Severity::WrongProblem,
        Severity::Unsupported,
        Severity::Tradeoff,
        Severity::Info,
        Severity::Good,
    ];

    /// The JSON name.
    pub fn wire(self) -> &'static str {
        match self {
            Severity::WrongProblem => "wrong_problem",
            Severity::Unsupported => "unsupported",
            Severity::Tradeoff => "tradeoff",
            Severity::Info => "info",
            Severity::Good => "good",
        }
    }

    /// A heading for a group of findings.
    pub fn heading(self) -> &'static str {
        match self {
            Severity::WrongProblem => "Wrong problem",
            Severity::Unsupported => "Not supported",
            Severity::Tradeoff => "Trade-offs",
            Severity::Info => "Worth knowing",
            Severity::Good => "What fits",
        }
    }
}

/// What a rule sees: the scenario and the point estimate of the cost model.
#[derive(Debug, Clone, Copy)]
pub struct Ctx<'a> {
    /// The scenario.
    pub s: &'a Scenario,
    /// The cost model at the likely assumptions.
    pub cost: &'a Cost,
}

/// A rule that fired: its explanation for this scenario.
#[derive(Debug, Clone, PartialEq)]
pub struct Fired {
    /// Overrides the rule's usual severity (e.g. `not-network-intensive`).
    pub severity: Option<Severity>,
    /// What it means for this scenario, with its numbers.
    pub detail: String,
    /// What to do instead, where that exists.
    pub instead: Option<String>,
}

fn fired(detail: String) -> Option<Fired> {
    Some(Fired {
        severity: None,
        detail,
        instead: None,
    })
}

fn fired_instead(detail: String, instead: &str) -> Option<Fired> {
    Some(Fired {
        severity: None,
        detail,
        instead: Some(instead.to_owned()),
    })
}

/// One feasibility rule.
#[derive(Debug, Clone, Copy)]
pub struct Rule {
    /// Stable kebab-case id.
    pub id: &'static str,
    /// Usual severity.
    pub severity: Severity,
    /// Short title, a plain statement.
    pub title: &'static str,
    /// When it fires, in one line.
    pub when: &'static str,
    /// Fact ids of `research/dpu-facts.md` (see [`crate::sources`]).
    pub sources: &'static [&'static str],
    /// Fires or not for a scenario. Never fails.
    pub check: fn(&Ctx) -> Option<Fired>,
    /// A scenario (JSON) where it fires.
    pub fires_for: &'static str,
    /// A scenario (JSON) where it does not fire; `None` only for rules that always fire.
    pub quiet_for: Option<&'static str>,
}

fn vsphere_label(s: &Scenario) -> &'static str {
    s.platform.vsphere.label()
}

fn features_named(s: &Scenario, among: &[Feature]) -> String {
    let names: Vec<&str> = among
        .iter()
        .filter(|f| s.relies_on(**f))
        .map(|f| f.label())
        .collect();
    names.join(", ")
}

fn loses(ctx: &Ctx, feature: Feature, what: &str) -> Option<Fired> {
    let s = ctx.s;
    (s.is_vsphere() && s.relies_on(feature)).then(|| Fired {
        severity: None,
        detail: format!(
            "You rely on {} today. On a distributed switch offloaded to the DPU VMware does not \
             support it, so {what} goes away on all {} hosts once the switch moves.",
            feature.label(),
            s.fleet.hosts
        ),
        instead: Some(
            "Keep the switch on the host for the hosts that need it, or replace the feature \
             before moving (VMware's offload compatibility list says what stays)."
                .to_owned(),
        ),
    })
}

/// Every rule, in the order findings are listed within a severity.
pub const RULES: &[Rule] = &[
    Rule {
        id: "hypervisor-stays-on-host",
        severity: Severity::WrongProblem,
        title: "ESXi cannot move onto the DPU",
        when: "goal run_bare_metal on vSphere",
        sources: &["F1.1.3", "F1.1.4", "F2.1.1", "F3.1.4"],
        check: |ctx| {
            let s = ctx.s;
            (s.has_goal(Goal::RunBareMetal) && s.is_vsphere()).then(|| Fired {
                severity: None,
                detail: format!(
                    "The plan hopes to move vSphere onto the DPU so the {} servers can run \
                     bare-metal. The DPU does run a trimmed ESXi, but only for I/O work such as \
                     the switch data path; the hypervisor that shares CPU and memory between \
                     your {} VMs per host stays on the x86 server. AWS got there with Nitro only \
                     by writing a new hypervisor from scratch.",
                    s.fleet.hosts, s.workload.vms_per_host
                ),
                instead: Some(
                    "Keep ESXi on the hosts. If the aim is capacity, compare what the DPU frees \
                     (cost panel) with adding or consolidating servers."
                        .to_owned(),
                ),
            })
        },
        fires_for: r#"{"goals": ["run_bare_metal"]}"#,
        quiet_for: Some(r#"{"goals": ["run_bare_metal"], "platform": {"kind": "kvm_ovs"}}"#),
    },
    Rule {
        id: "bare-metal-needs-workload-fit",
        severity: Severity::WrongProblem,
        title: "Bare metal does not fit many VMs per host",
        when: "goal run_bare_metal with workload many_vms",
        sources: &["F1.1.2", "F1.3.7"],
        check: |ctx| {
            let s = ctx.s;
            (s.has_goal(Goal::RunBareMetal) && s.workload.kind == WorkloadKind::ManyVms).then(
                || Fired {
                    severity: None,
                    detail: format!(
                        "Each host runs {} VMs. Without a hypervisor nothing divides one \
                         server's cores and memory between them; a server runs bare-metal only \
                         when it holds one large workload or is a Kubernetes node.",
                        s.workload.vms_per_host
                    ),
                    instead: Some(
                        "Keep a hypervisor, or move the workloads into containers on bare-metal \
                         Kubernetes nodes."
                            .to_owned(),
                    ),
                },
            )
        },
        fires_for: r#"{"goals": ["run_bare_metal"]}"#,
        quiet_for: Some(r#"{"goals": ["run_bare_metal"], "workload": {"kind": "kubernetes"}}"#),
    },
    Rule {
        id: "rack-space-needs-whole-servers",
        severity: Severity::WrongProblem,
        title: "Freed cores do not add up to a whole server",
        when: "goal save_rack_space and fewer than one whole server avoided",
        sources: &["F1.1.1", "F1.2.7"],
        check: |ctx| {
            let (s, c) = (ctx.s, ctx.cost);
            (s.has_goal(Goal::SaveRackSpace) && c.servers_avoided == 0).then(|| Fired {
                severity: None,
                detail: format!(
                    "The DPU frees about {} cores on each of {} hosts, {} cores in all: {} of a \
                     {}-core server. Rack space comes back only when a whole server leaves the \
                     rack, and this frees none.",
                    auto(c.cores_freed_per_host),
                    s.fleet.hosts,
                    auto(c.cores_freed_per_host * f64::from(s.fleet.hosts)),
                    auto(c.servers_avoided_fractional),
                    s.fleet.cores_per_host
                ),
                instead: Some(
                    "Consolidate onto denser servers (more cores per rack unit), or retire idle \
                     capacity; both free rack units directly."
                        .to_owned(),
                ),
            })
        },
        fires_for: r#"{"goals": ["save_rack_space"]}"#,
        quiet_for: Some(
            r#"{"goals": ["save_rack_space"], "traffic": {"gbps_per_host": 100, "avg_packet_bytes": 1500}}"#,
        ),
    },
    Rule {
        id: "not-network-intensive",
        severity: Severity::WrongProblem,
        title: "Networking uses little of this host's CPU",
        when: "cores freed per host < 1 (wrong_problem with goal free_host_cpu, else info)",
        sources: &["F1.1.4", "F1.2.4", "F1.2.7"],
        check: |ctx| {
            let (s, c) = (ctx.s, ctx.cost);
            (c.cores_freed_per_host < 1.0).then(|| Fired {
                severity: Some(if s.has_goal(Goal::FreeHostCpu) {
                    Severity::WrongProblem
                } else {
                    Severity::Info
                }),
                detail: format!(
                    "At {} Gb/s per host with {}-byte packets the virtual switch needs about {} \
                     of {} cores ({}). Offloading {} of that frees {} cores per host: less than \
                     one.",
                    auto(s.traffic.gbps_per_host),
                    auto(s.traffic.avg_packet_bytes),
                    auto(c.networking_cores_per_host),
                    s.fleet.cores_per_host,
                    percent(c.networking_share_of_host),
                    percent(s.assumptions.offload_fraction.likely),
                    auto(c.cores_freed_per_host)
                ),
                instead: Some(match c.break_even_gbps_per_host {
                    Some(b) => format!(
                        "Leave networking on the host. Revisit when traffic nears {} Gb/s per \
                         host, where the model breaks even.",
                        auto(b)
                    ),
                    None => "Leave networking on the host; even at the DPUs' line rate the \
                             model does not break even."
                        .to_owned(),
                }),
            })
        },
        fires_for: r#"{"traffic": {"gbps_per_host": 1}}"#,
        quiet_for: Some("{}"),
    },
    Rule {
        id: "licensing-needs-fewer-cores",
        severity: Severity::WrongProblem,
        title: "Per-core licences only shrink when cores are removed",
        when: "goal cut_licensing and no whole server avoided",
        sources: &["F4.7.4", "F1.2.7"],
        check: |ctx| {
            let (s, c) = (ctx.s, ctx.cost);
            (s.has_goal(Goal::CutLicensing) && c.servers_avoided == 0).then(|| Fired {
                severity: None,
                detail: format!(
                    "Core-based licences are counted on the cores a server has, not the cores \
                     it keeps busy. The DPU frees {} cores per host ({} servers' worth across \
                     the fleet), so no server can go and the licence bill of {} per host per \
                     year stays.",
                    auto(c.cores_freed_per_host),
                    auto(c.servers_avoided_fractional),
                    money(
                        s.costs.license_per_core_year * f64::from(s.fleet.cores_per_host),
                        &s.costs.currency
                    )
                ),
                instead: Some(
                    "Licences shrink with fewer or smaller hosts: right-size the cluster, or \
                     buy servers with fewer, faster cores."
                        .to_owned(),
                ),
            })
        },
        fires_for: r#"{"goals": ["cut_licensing"]}"#,
        quiet_for: Some(
            r#"{"goals": ["cut_licensing"], "traffic": {"gbps_per_host": 100, "avg_packet_bytes": 1500}}"#,
        ),
    },
    Rule {
        id: "vsphere-too-old",
        severity: Severity::Unsupported,
        title: "This vSphere release has no DPU offload",
        when: "vSphere below 8.0",
        sources: &["F2.2.1"],
        check: |ctx| {
            let s = ctx.s;
            (s.is_vsphere() && s.platform.vsphere < VsphereVersion::V8_0).then(|| Fired {
                severity: None,
                detail: format!(
                    "DPU support (the Distributed Services Engine) arrived with vSphere 8.0; \
                     {} cannot use the DPU except as a plain NIC.",
                    vsphere_label(s)
                ),
                instead: Some("Upgrade to vSphere 8.0 Update 3 or later first.".to_owned()),
            })
        },
        fires_for: r#"{"platform": {"vsphere": "7.0"}}"#,
        quiet_for: Some("{}"),
    },
    Rule {
        id: "offload-needs-nsx",
        severity: Severity::Unsupported,
        title: "Without NSX the DPU is only a NIC",
        when: "vSphere with nsx = none",
        sources: &["F2.3.1"],
        check: |ctx| {
            let s = ctx.s;
            (s.is_vsphere() && s.platform.nsx == NsxVersion::None).then(|| Fired {
                severity: None,
                detail: "Until an NSX transport node is configured, vSphere uses the DPU as an \
                         ordinary network card: nothing is offloaded and no host CPU is freed."
                    .to_owned(),
                instead: Some(
                    "Budget for NSX (and its licences) if you want the offload, or keep the \
                     plain NIC."
                        .to_owned(),
                ),
            })
        },
        fires_for: r#"{"platform": {"nsx": "none"}}"#,
        quiet_for: Some("{}"),
    },
    Rule {
        id: "bare-metal-offload-unsupported",
        severity: Severity::Unsupported,
        title: "vSphere does not offload for bare-metal servers",
        when: "vSphere with goal run_bare_metal or isolate_bare_metal_tenants",
        sources: &["F1.1.6", "F1.2.3", "F2.2.2"],
        check: |ctx| {
            let s = ctx.s;
            let wants = s.has_goal(Goal::RunBareMetal) || s.has_goal(Goal::IsolateBareMetalTenants);
            (s.is_vsphere() && wants).then(|| Fired {
                severity: None,
                detail: format!(
                    "NSX on a DPU in front of a bare-metal server was missing from the first \
                     release (vSphere 8 / NSX 4.0.1), and VMware still lists bare-metal \
                     management on the DPU as not supported; no later release is known to add \
                     it. With {} and {} this plan has no supported path.",
                    vsphere_label(s),
                    s.platform.nsx.label()
                ),
                instead: Some(
                    "For tenant-proof bare metal, look at platforms built for it (the public \
                     clouds' own cards, or an OpenStack/Kubernetes stack with DPU support)."
                        .to_owned(),
                ),
            })
        },
        fires_for: r#"{"goals": ["isolate_bare_metal_tenants"]}"#,
        quiet_for: Some(
            r#"{"goals": ["isolate_bare_metal_tenants"], "platform": {"kind": "kvm_ovs"}}"#,
        ),
    },
    Rule {
        id: "storage-offload-unsupported",
        severity: Severity::Unsupported,
        title: "vSphere does not offload storage to the DPU",
        when: "vSphere with goal offload_storage",
        sources: &["F2.2.2"],
        check: |ctx| {
            let s = ctx.s;
            (s.is_vsphere() && s.has_goal(Goal::OffloadStorage)).then(|| Fired {
                severity: None,
                detail: format!(
                    "VMware names storage offload as something a DPU could do but lists it as \
                     not supported; on {} only the network data path moves.",
                    vsphere_label(s)
                ),
                instead: Some(
                    "Storage offload exists outside vSphere, e.g. NVIDIA's NVMe emulation on \
                     BlueField under Linux."
                        .to_owned(),
                ),
            })
        },
        fires_for: r#"{"goals": ["offload_storage"]}"#,
        quiet_for: Some(r#"{"goals": ["offload_storage"], "platform": {"kind": "kvm_ovs"}}"#),
    },
    Rule {
        id: "dpu-model-unsupported",
        severity: Severity::Unsupported,
        title: "vSphere supports only BlueField and Pensando DPUs",
        when: "vSphere with a DPU other than BlueField or Pensando",
        sources: &["F2.1.3"],
        check: |ctx| {
            let s = ctx.s;
            let m = s.dpu.model;
            (s.is_vsphere() && !m.is_bluefield() && !m.is_pensando()).then(|| Fired {
                severity: None,
                detail: format!(
                    "The {} is not on VMware's list: vSphere's DPU support covers NVIDIA \
                     BlueField and AMD Pensando cards only.",
                    m.label()
                ),
                instead: Some(
                    "Pick a BlueField or Pensando card from your server vendor's certified list."
                        .to_owned(),
                ),
            })
        },
        fires_for: r#"{"dpu": {"model": "intel_ipu_e2000"}}"#,
        quiet_for: Some(r#"{"dpu": {"model": "pensando_dsc2_200"}}"#),
    },
    Rule {
        id: "dpu-must-be-factory-installed",
        severity: Severity::Unsupported,
        title: "The DPU must come installed in the server",
        when: "vSphere and not factory-installed",
        sources: &["F2.2.1"],
        check: |ctx| {
            let s = ctx.s;
            (s.is_vsphere() && !s.dpu.factory_installed).then(|| Fired {
                severity: None,
                detail: format!(
                    "VMware supports DPUs only in servers that ship with them; adding cards to \
                     the {} servers you already have is not a supported configuration.",
                    s.fleet.hosts
                ),
                instead: Some(
                    "Plan the DPU into the next server purchase instead of a retrofit.".to_owned(),
                ),
            })
        },
        fires_for: r#"{"dpu": {"factory_installed": false}}"#,
        quiet_for: Some("{}"),
    },
    Rule {
        id: "server-oem-unsupported",
        severity: Severity::Unsupported,
        title: "Only certain server vendors ship vSphere DPU servers",
        when: "vSphere and OEM other",
        sources: &["F2.2.1", "F2.2.2"],
        check: |ctx| {
            let s = ctx.s;
            (s.is_vsphere() && s.dpu.oem == crate::choice::Oem::Other)
                .then(|| {
                    fired_instead(
                    "VMware's DPU support lists server designs from Dell and HPE (at launch) and \
                     later Lenovo and Fujitsu; a server from another vendor has no supported \
                     DPU configuration."
                        .to_owned(),
                    "Choose a Dell, HPE, Lenovo or Fujitsu server design with the DPU built in.",
                )
                })
                .flatten()
        },
        fires_for: r#"{"dpu": {"oem": "other"}}"#,
        quiet_for: Some(r#"{"dpu": {"oem": "lenovo"}}"#),
    },
    Rule {
        id: "mixed-dpu-models",
        severity: Severity::Unsupported,
        title: "One offloaded switch needs one DPU vendor and model",
        when: "vSphere with mixed DPU models in the cluster",
        sources: &["F2.2.3", "F2.3.2"],
        check: |ctx| {
            let s = ctx.s;
            (s.is_vsphere() && s.dpu.mixed_models_in_cluster)
                .then(|| {
                    fired_instead(
                        "An offloading distributed switch may only hold hosts whose DPUs are the \
                     same vendor and model, and the offload setting is fixed when the switch is \
                     created. A mixed cluster needs one switch per DPU model."
                            .to_owned(),
                        "Standardise on one DPU model per cluster, or split the switch.",
                    )
                })
                .flatten()
        },
        fires_for: r#"{"dpu": {"mixed_models_in_cluster": true}}"#,
        quiet_for: Some(
            r#"{"dpu": {"mixed_models_in_cluster": true}, "platform": {"kind": "kvm_ovs"}}"#,
        ),
    },
    Rule {
        id: "dual-dpu-needs-8u3",
        severity: Severity::Unsupported,
        title: "Two DPUs per host need vSphere 8.0 Update 3",
        when: "vSphere below 8.0u3 with 2 DPUs per host",
        sources: &["F2.4.1", "F2.4.2"],
        check: |ctx| {
            let s = ctx.s;
            (s.is_vsphere() && s.platform.vsphere < VsphereVersion::V8_0u3 && s.dpu.per_host == 2)
                .then(|| Fired {
                    severity: None,
                    detail: format!(
                        "Two DPUs in one host (as an active/standby pair or side by side) are \
                         supported from vSphere 8.0 Update 3; {} allows one.",
                        vsphere_label(s)
                    ),
                    instead: Some("Upgrade to 8.0 Update 3, or use one DPU per host.".to_owned()),
                })
        },
        fires_for: r#"{"dpu": {"per_host": 2}, "platform": {"vsphere": "8.0u2"}}"#,
        quiet_for: Some(r#"{"dpu": {"per_host": 2}}"#),
    },
    Rule {
        id: "loses-nioc",
        severity: Severity::Tradeoff,
        title: "Network I/O Control is lost",
        when: "vSphere and the user relies on NIOC",
        sources: &["F1.1.5", "F2.3.4"],
        check: |ctx| {
            loses(
                ctx,
                Feature::Nioc,
                "bandwidth sharing between traffic types",
            )
        },
        fires_for: r#"{"features": ["nioc"]}"#,
        quiet_for: Some(r#"{"features": ["nioc"], "platform": {"kind": "kvm_ovs"}}"#),
    },
    Rule {
        id: "loses-traffic-shaping",
        severity: Severity::Tradeoff,
        title: "Traffic shaping is lost",
        when: "vSphere and the user relies on traffic shaping",
        sources: &["F1.1.5", "F2.3.4"],
        check: |ctx| loses(ctx, Feature::TrafficShaping, "per-port rate limiting"),
        fires_for: r#"{"features": ["traffic_shaping"]}"#,
        quiet_for: Some(r#"{"features": ["lacp"]}"#),
    },
    Rule {
        id: "loses-dv-filter",
        severity: Severity::Tradeoff,
        title: "DV filter (inline security products) is lost",
        when: "vSphere and the user relies on DV filter",
        sources: &["F1.1.5", "F2.3.4"],
        check: |ctx| {
            loses(
                ctx,
                Feature::DvFilter,
                "the hook third-party security products use",
            )
        },
        fires_for: r#"{"features": ["dv_filter"]}"#,
        quiet_for: Some(r#"{"features": ["dv_filter"], "platform": {"kind": "kubernetes"}}"#),
    },
    Rule {
        id: "vmotion-only-between-dpu-hosts",
        severity: Severity::Tradeoff,
        title: "Offloaded VMs move only between DPU hosts",
        when: "vSphere and VMs must move to hosts without DPUs",
        sources: &["F2.2.3"],
        check: |ctx| {
            let s = ctx.s;
            (s.is_vsphere() && s.relies_on(Feature::VmotionToNonDpuHosts))
                .then(|| {
                    fired_instead(
                    "With the offload on, vMotion works only between hosts that both have DPUs; \
                     the VMs can no longer move to the hosts without one."
                        .to_owned(),
                    "Put DPUs in every host of the cluster, or keep the non-DPU hosts in a \
                     separate cluster.",
                )
                })
                .flatten()
        },
        fires_for: r#"{"features": ["vmotion_to_non_dpu_hosts"]}"#,
        quiet_for: Some("{}"),
    },
    Rule {
        id: "dpu-line-rate-exceeded",
        severity: Severity::Tradeoff,
        title: "Traffic is above the DPUs' line rate",
        when: "traffic per host above the DPUs' combined line rate",
        sources: &["F4.6.1", "F4.6.3", "F4.6.8", "F3.3.2"],
        check: |ctx| {
            let (s, c) = (ctx.s, ctx.cost);
            (s.traffic.gbps_per_host > c.dpu_line_rate_gbps).then(|| Fired {
                severity: None,
                detail: format!(
                    "Each host moves {} Gb/s but {} × {} gives {} Gb/s of line rate; the rest \
                     has to go through other NICs, and the host keeps that switching work.",
                    auto(s.traffic.gbps_per_host),
                    s.dpu.per_host,
                    s.dpu.model.label(),
                    auto(c.dpu_line_rate_gbps)
                ),
                instead: Some("Use a faster card or two per host.".to_owned()),
            })
        },
        fires_for: r#"{"traffic": {"gbps_per_host": 500}}"#,
        quiet_for: Some(r#"{"traffic": {"gbps_per_host": 500}, "dpu": {"per_host": 2}}"#),
    },
    Rule {
        id: "host-saturated",
        severity: Severity::Tradeoff,
        title: "Networking would need more cores than the host has",
        when: "networking needs more cores than the host has",
        sources: &[
            "F4.1.1", "F4.1.2", "F4.1.3", "F4.1.4", "F4.1.5", "F4.1.6", "F4.1.7",
        ],
        check: |ctx| {
            let (s, c) = (ctx.s, ctx.cost);
            (c.networking_cores_per_host > f64::from(s.fleet.cores_per_host)).then(|| Fired {
                severity: None,
                detail: format!(
                    "At {} Gb/s with {}-byte packets ({} packets per second) a software switch \
                     needs about {} cores, more than the {} the host has. The figures assume \
                     the work could be done; in practice this host cannot carry that traffic \
                     in software at all.",
                    auto(s.traffic.gbps_per_host),
                    auto(s.traffic.avg_packet_bytes),
                    num(c.packets_per_second, 0),
                    auto(c.networking_cores_per_host),
                    s.fleet.cores_per_host
                ),
                instead: Some(
                    "Check the packet size and per-core rate assumptions; a poll-mode data path \
                     (DPDK, AF_XDP, VPP) or NIC flow offload may carry this without a DPU."
                        .to_owned(),
                ),
            })
        },
        fires_for: r#"{"traffic": {"gbps_per_host": 100, "avg_packet_bytes": 64}}"#,
        quiet_for: Some("{}"),
    },
    Rule {
        id: "kubernetes-offload-immature",
        severity: Severity::Tradeoff,
        title: "Kubernetes DPU offload is not production-ready",
        when: "kubernetes platform",
        sources: &["F5.3.1", "F5.3.2", "F5.3.3", "F5.3.4"],
        check: |ctx| {
            (ctx.s.platform.kind == PlatformKind::Kubernetes).then(|| Fired {
                severity: None,
                detail: "OVN-Kubernetes DPU offload is alpha upstream and tested only on \
                         BlueField; NVIDIA calls its plain OVN-Kubernetes offload a proof of \
                         concept, and OpenShift's DPU support is a technology preview. It also \
                         needs a separate cluster for the DPUs and one DPU per node."
                    .to_owned(),
                instead: Some(
                    "Pilot it on a few nodes; for production, OVS hardware offload on a \
                     ConnectX NIC is the mature path."
                        .to_owned(),
                ),
            })
        },
        fires_for: r#"{"platform": {"kind": "kubernetes"}}"#,
        quiet_for: Some("{}"),
    },
    Rule {
        id: "arm-cores-slow-path",
        severity: Severity::Tradeoff,
        title: "Work on the DPU's Arm cores may be slower than on the host",
        when: "goal offload_security, or encryption with a BlueField-2",
        sources: &["F3.2.2", "F4.8.1", "F4.8.2"],
        check: |ctx| {
            let s = ctx.s;
            let bf2_crypto =
                s.traffic.encryption != Encryption::None && s.dpu.model == DpuModel::Bluefield2;
            (s.has_goal(Goal::OffloadSecurity) || bf2_crypto).then(|| Fired {
                severity: None,
                detail: format!(
                    "Only functions in the card's fixed-function fast path run at line rate. \
                     Inspection or {} that falls to the embedded Arm cores can be slower than \
                     on the host: BlueField-2's cores were measured below half of 100 Gb/s with \
                     kernel packet processing, and Azure found embedded cores do not scale for \
                     single flows.",
                    if s.traffic.encryption == Encryption::None {
                        "security processing".to_owned()
                    } else {
                        s.traffic.encryption.label().to_owned()
                    }
                ),
                instead: Some(
                    "Ask which functions run in the card's hardware pipeline, and test your \
                     heaviest flow before buying."
                        .to_owned(),
                ),
            })
        },
        fires_for: r#"{"goals": ["offload_security"]}"#,
        quiet_for: Some(r#"{"traffic": {"encryption": "ipsec"}}"#),
    },
    Rule {
        id: "feature-support-unverified",
        severity: Severity::Info,
        title: "Support for some features is not documented",
        when: "vSphere and the user relies on SR-IOV, NetFlow or multicast snooping",
        sources: &["F2.3.5"],
        check: |ctx| {
            let s = ctx.s;
            let among = [Feature::SrIov, Feature::Netflow, Feature::MulticastSnooping];
            (s.is_vsphere() && among.iter().any(|f| s.relies_on(*f))).then(|| Fired {
                severity: None,
                detail: format!(
                    "VMware's offload compatibility page lists neither support nor loss for {}. \
                     Treat it as unknown until VMware confirms it for your release.",
                    features_named(s, &among)
                ),
                instead: Some("Ask VMware or test on one host before rolling out.".to_owned()),
            })
        },
        fires_for: r#"{"features": ["netflow"]}"#,
        quiet_for: Some(r#"{"features": ["lldp"]}"#),
    },
    Rule {
        id: "upt-needed",
        severity: Severity::Info,
        title: "VMs need UPT, and a switch needs one DPU model",
        when: "vSphere",
        sources: &["F2.1.6", "F2.2.3"],
        check: |ctx| {
            ctx.s.is_vsphere().then(|| Fired {
                severity: None,
                detail: format!(
                    "To get the offloaded path a VM's adapter needs Uniform Pass-Through (UPT) \
                     enabled, which keeps vMotion working; the offloading switch must have one \
                     DPU vendor and model across its hosts ({} here).",
                    ctx.s.dpu.model.label()
                ),
                instead: None,
            })
        },
        fires_for: "{}",
        quiet_for: Some(r#"{"platform": {"kind": "kvm_ovs"}}"#),
    },
    Rule {
        id: "dfw-on-dpu-unverified",
        severity: Severity::Info,
        title: "When the distributed firewall runs on the DPU is unverified",
        when: "vSphere with a distributed firewall",
        sources: &["F2.2.5"],
        check: |ctx| {
            let s = ctx.s;
            (s.is_vsphere() && s.traffic.distributed_firewall).then(|| Fired {
                severity: None,
                detail: format!(
                    "Partners say NSX 4 runs firewalling on the DPU, but which NSX release made \
                     it generally available is not confirmed; with {} check the release notes \
                     before counting the firewall's CPU as freed.",
                    s.platform.nsx.label()
                ),
                instead: None,
            })
        },
        fires_for: r#"{"traffic": {"distributed_firewall": true}}"#,
        quiet_for: Some("{}"),
    },
    Rule {
        id: "vcf9-scope-unverified",
        severity: Severity::Info,
        title: "vSphere 9 DPU feature scope is unverified",
        when: "vSphere 9.0",
        // F2.5.3 (no VCF 9 statement found) has no page of its own to link.
        sources: &["F2.5.1"],
        check: |ctx| {
            let s = ctx.s;
            (s.is_vsphere() && s.platform.vsphere == VsphereVersion::V9_0).then(|| Fired {
                severity: None,
                detail: "The DPU offload interfaces continue in the vSphere 9 API, but no \
                         published VCF 9 statement says which DPU features or cards are \
                         supported; the rules here assume the vSphere 8 limits still hold."
                    .to_owned(),
                instead: Some("Confirm the scope with Broadcom for your VCF 9 release.".to_owned()),
            })
        },
        fires_for: r#"{"platform": {"vsphere": "9.0"}}"#,
        quiet_for: Some("{}"),
    },
    Rule {
        id: "consider-alternatives",
        severity: Severity::Info,
        title: "Cheaper ways to the same end",
        when: "always",
        sources: &[
            "F2.6.1", "F4.3.5", "F5.4.1", "F5.4.2", "F5.4.3", "F5.4.4", "F5.4.5",
        ],
        check: |ctx| {
            let s = ctx.s;
            fired(format!(
                "Before buying {} DPUs, price the options without Arm cores or a second OS: \
                 OVS hardware offload on ordinary ConnectX NICs, inline TLS/IPsec on the NIC \
                 (how Netflix serves hundreds of Gb/s), a faster software path (enhanced data \
                 path, DPDK, AF_XDP, VPP), or firewalling in a DPU-equipped top-of-rack switch \
                 instead of every server.",
                u64::from(s.fleet.hosts) * u64::from(s.dpu.per_host)
            ))
        },
        fires_for: "{}",
        quiet_for: None,
    },
    Rule {
        id: "features-kept",
        severity: Severity::Good,
        title: "These switch features keep working",
        when: "vSphere and the user relies on LACP, port mirroring, private VLANs or LLDP",
        sources: &["F2.3.3"],
        check: |ctx| {
            let s = ctx.s;
            let among = [
                Feature::Lacp,
                Feature::PortMirroring,
                Feature::PrivateVlans,
                Feature::Lldp,
            ];
            (s.is_vsphere() && among.iter().any(|f| s.relies_on(*f))).then(|| Fired {
                severity: None,
                detail: format!(
                    "{} stay supported on a switch offloaded to the DPU.",
                    features_named(s, &among)
                ),
                instead: None,
            })
        },
        fires_for: r#"{"features": ["lacp"]}"#,
        quiet_for: Some(r#"{"features": ["nioc"]}"#),
    },
    Rule {
        id: "bare-metal-fits-workload",
        severity: Severity::Good,
        title: "This workload can run bare-metal without a DPU",
        when: "goal run_bare_metal with workload one_vm_per_host or kubernetes",
        sources: &["F1.1.2", "F1.3.7"],
        check: |ctx| {
            let s = ctx.s;
            let fits = matches!(
                s.workload.kind,
                WorkloadKind::OneVmPerHost | WorkloadKind::Kubernetes
            );
            (s.has_goal(Goal::RunBareMetal) && fits).then(|| Fired {
                severity: None,
                detail: format!(
                    "With {} the servers can run bare-metal. Dropping the hypervisor needs no \
                     DPU, and what it saves is small: virtualization overhead is down to a few \
                     percent.",
                    s.workload.kind.label().to_ascii_lowercase()
                ),
                instead: None,
            })
        },
        fires_for: r#"{"goals": ["run_bare_metal"], "workload": {"kind": "one_vm_per_host"}}"#,
        quiet_for: Some(r#"{"goals": ["run_bare_metal"]}"#),
    },
    Rule {
        id: "bare-metal-cloud-fits",
        severity: Severity::Good,
        title: "Tenant-proof bare metal is what DPUs are for",
        when: "goal isolate_bare_metal_tenants off vSphere",
        sources: &["F1.2.2", "F3.1.3", "F5.2.1"],
        check: |ctx| {
            let s = ctx.s;
            (s.has_goal(Goal::IsolateBareMetalTenants) && !s.is_vsphere()).then(|| Fired {
                severity: None,
                detail: "Renting whole servers to tenants while keeping them inside your \
                         virtual network needs a boundary the tenant cannot touch; a DPU that \
                         runs the overlay and is managed from outside the server is the only \
                         such boundary, which is how AWS Nitro offers bare-metal instances."
                    .to_owned(),
                instead: None,
            })
        },
        fires_for: r#"{"goals": ["isolate_bare_metal_tenants"], "platform": {"kind": "bare_metal"}}"#,
        quiet_for: Some(r#"{"goals": ["isolate_bare_metal_tenants"]}"#),
    },
    Rule {
        id: "storage-offload-fits",
        severity: Severity::Good,
        title: "BlueField can present network storage as local NVMe",
        when: "goal offload_storage off vSphere with a BlueField DPU",
        sources: &["F5.1.1"],
        check: |ctx| {
            let s = ctx.s;
            (s.has_goal(Goal::OffloadStorage) && !s.is_vsphere() && s.dpu.model.is_bluefield())
                .then(|| Fired {
                    severity: None,
                    detail: format!(
                        "NVIDIA's SNAP service on the {} shows remote NVMe-oF storage to the \
                         host as a local NVMe or virtio-blk disk with the standard driver.",
                        s.dpu.model.label()
                    ),
                    instead: None,
                })
        },
        fires_for: r#"{"goals": ["offload_storage"], "platform": {"kind": "kvm_ovs"}}"#,
        quiet_for: Some(
            r#"{"goals": ["offload_storage"], "platform": {"kind": "kvm_ovs"}, "dpu": {"model": "pensando_dsc2_100"}}"#,
        ),
    },
];

/// The rule with this id.
pub fn rule(id: &str) -> Option<&'static Rule> {
    RULES.iter().find(|r| r.id == id)
}
