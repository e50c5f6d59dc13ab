//! Ready-made scenarios (SPEC §7): the article's architect, five typical situations, and
//! (model 3) a DPU that a software path comes close to and one that wins outright.

use crate::error::ScenarioError;
use crate::scenario::Scenario;

/// A named scenario.
#[derive(Debug, Clone, Copy)]
pub struct Preset {
    /// Stable name used in `?preset=` and `dpucheck preset`.
    pub name: &'static str,
    /// Short title for pickers.
    pub title: &'static str,
    /// One sentence on who this is.
    pub summary: &'static str,
    /// The scenario as JSON (only what differs from the defaults).
    pub json: &'static str,
}

impl Preset {
    /// The scenario. Every preset is valid; the tests check it.
    pub fn scenario(&self) -> Result<Scenario, ScenarioError> {
        Scenario::from_json(self.json)
    }
}

/// Every preset, in picker order.
pub const PRESETS: &[Preset] = &[
    Preset {
        name: "hype-case",
        title: "The article's architect",
        summary: "Short of rack space, hoping to move ESXi onto Pensando DPUs and run the \
                  servers bare-metal (ipSpace, DPU Hype Considered Harmful).",
        json: r#"{
  "name": "ESXi onto Pensando DPUs to run bare metal",
  "goals": ["save_rack_space", "run_bare_metal"],
  "platform": {"kind": "vsphere", "vsphere": "8.0", "nsx": "4.0.1"},
  "workload": {"kind": "many_vms", "vms_per_host": 25},
  "dpu": {"model": "pensando_dsc2_100", "oem": "hpe"},
  "features": ["nioc", "traffic_shaping", "dv_filter"],
  "traffic": {"gbps_per_host": 4, "avg_packet_bytes": 900},
  "fleet": {"hosts": 24, "cores_per_host": 48}
}"#,
    },
    Preset {
        name: "nfv-heavy",
        title: "Network-heavy NFV hosts",
        summary: "OpenStack hosts forwarding small packets through an overlay the NIC cannot \
                  offload, with a distributed firewall: the DPUs would pay, but OVS-DPDK in \
                  software, or a ConnectX with OVS hardware offload, frees nearly as many cores \
                  for far less.",
        json: r#"{
  "name": "NFV hosts with overlay and firewall",
  "goals": ["free_host_cpu"],
  "platform": {"kind": "kvm_ovs"},
  "workload": {"kind": "many_vms", "vms_per_host": 10},
  "dpu": {"model": "bluefield3"},
  "traffic": {"gbps_per_host": 40, "avg_packet_bytes": 512, "overlay": true,
              "overlay_nic_offload": false, "distributed_firewall": true},
  "fleet": {"hosts": 40, "cluster_hosts": 20, "cores_per_host": 64}
}"#,
    },
    Preset {
        name: "enterprise-typical",
        title: "Typical enterprise vSphere",
        summary: "A vSphere cluster with light traffic that relies on Network I/O Control.",
        json: r#"{
  "name": "Enterprise vSphere cluster",
  "goals": ["free_host_cpu"],
  "platform": {"kind": "vsphere", "vsphere": "8.0u3", "nsx": "4.2"},
  "workload": {"kind": "many_vms", "vms_per_host": 30},
  "dpu": {"model": "bluefield3", "oem": "dell"},
  "features": ["nioc", "lacp", "lldp"],
  "traffic": {"gbps_per_host": 3, "avg_packet_bytes": 1000},
  "fleet": {"hosts": 16, "cores_per_host": 32}
}"#,
    },
    Preset {
        name: "bare-metal-cloud",
        title: "Bare-metal cloud provider",
        summary: "A provider renting whole servers to tenants who must stay inside its virtual \
                  network.",
        json: r#"{
  "name": "Bare-metal cloud",
  "goals": ["isolate_bare_metal_tenants"],
  "platform": {"kind": "bare_metal"},
  "workload": {"kind": "bare_metal_apps"},
  "dpu": {"model": "bluefield3"},
  "traffic": {"gbps_per_host": 60, "avg_packet_bytes": 700},
  "fleet": {"hosts": 200, "cluster_hosts": 200, "bound_by": "tenants", "cores_per_host": 64}
}"#,
    },
    Preset {
        name: "kubernetes-ovn",
        title: "Kubernetes with OVN",
        summary: "Bare-metal Kubernetes nodes on OVN-Kubernetes, hoping to move the overlay \
                  onto BlueField-3.",
        json: r#"{
  "name": "Kubernetes on OVN-Kubernetes",
  "goals": ["free_host_cpu"],
  "platform": {"kind": "kubernetes"},
  "workload": {"kind": "kubernetes"},
  "dpu": {"model": "bluefield3"},
  "traffic": {"gbps_per_host": 40, "avg_packet_bytes": 900, "overlay": true,
              "overlay_nic_offload": false},
  "fleet": {"hosts": 50, "cluster_hosts": 50, "cores_per_host": 96}
}"#,
    },
    Preset {
        name: "vcf9-measured",
        title: "VCF 9.1, cores measured",
        summary: "A VCF 9.1 cluster on the enhanced data path with a distributed firewall, \
                  whose networking cores were measured with esxtop.",
        json: r#"{
  "name": "VCF 9.1 cluster with measured networking cores",
  "goals": ["free_host_cpu"],
  "platform": {"kind": "vsphere", "vsphere": "9.1", "nsx": "9.1"},
  "workload": {"kind": "many_vms", "vms_per_host": 40},
  "dpu": {"model": "bluefield3", "oem": "dell"},
  "features": ["lacp", "lldp"],
  "traffic": {"gbps_per_host": 25, "avg_packet_bytes": 900, "distributed_firewall": true,
              "measured_networking_cores": 4},
  "fleet": {"hosts": 48, "cluster_hosts": 16, "cores_per_host": 64}
}"#,
    },
    Preset {
        name: "vsphere8-try-edp-first",
        title: "vSphere 8 on the kernel path",
        summary: "40 Gb/s per host through NSX's distributed firewall on the standard path: the \
                  DPUs pay, but NSX's Enhanced Data Path in software comes close, so measure \
                  before buying.",
        json: r#"{
  "name": "vSphere 8U3 on the kernel path, 40 Gb/s with DFW",
  "goals": ["free_host_cpu"],
  "platform": {"kind": "vsphere", "vsphere": "8.0u3", "nsx": "4.2"},
  "traffic": {"gbps_per_host": 40, "avg_packet_bytes": 900, "distributed_firewall": true},
  "fleet": {"hosts": 64, "cluster_hosts": 16}
}"#,
    },
    Preset {
        name: "vcf9-dpu-pays",
        title: "VCF 9.1 at 100 Gb/s",
        summary: "128 busy VCF 9.1 hosts already on the Enhanced Data Path, with a distributed \
                  firewall: no cheaper plan is left, and the DPUs pay.",
        json: r#"{
  "name": "VCF 9.1, 128 hosts, 100 Gb/s with DFW",
  "goals": ["free_host_cpu"],
  "platform": {"kind": "vsphere", "vsphere": "9.1", "nsx": "9.1"},
  "workload": {"kind": "many_vms", "vms_per_host": 30},
  "features": ["lacp", "lldp"],
  "traffic": {"gbps_per_host": 100, "avg_packet_bytes": 700, "distributed_firewall": true},
  "fleet": {"hosts": 128, "cluster_hosts": 32}
}"#,
    },
];

/// The preset with this name.
pub fn preset(name: &str) -> Option<&'static Preset> {
    PRESETS.iter().find(|p| p.name == name)
}

/// "`a`, `b`, `c`": the preset names for messages.
pub fn names() -> String {
    let names: Vec<String> = PRESETS.iter().map(|p| format!("`{}`", p.name)).collect();
    names.join(", ")
}
