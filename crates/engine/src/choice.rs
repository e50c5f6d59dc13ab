//! Closed sets of values (goals, platforms, DPU models, …) with their wire names and labels.
//!
//! Every enum here serialises to the snake_case name of SPEC §3 and knows its own list of
//! values, so that the UI can build pickers and error messages can say what is allowed.

use serde::{Deserialize, Serialize};

/// A closed set of values with a wire name and a human label for each.
pub trait Choice: Copy + Eq + 'static {
    /// Every value, in display order.
    const ALL: &'static [Self];
    /// (wire name, label) of every value, in display order, for pickers.
    const OPTIONS: &'static [(&'static str, &'static str)];
    /// The JSON name, e.g. `"free_host_cpu"`.
    fn wire(self) -> &'static str;
    /// A short human label, e.g. "Free host CPU cores".
    fn label(self) -> &'static str;
    /// The value with this wire name.
    fn from_wire(name: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.wire() == name)
    }
    /// "one of `a`, `b`, `c`": the allowed values for an error message.
    fn allowed() -> String {
        let names: Vec<String> = Self::ALL
            .iter()
            .map(|v| format!("`{}`", v.wire()))
            .collect();
        format!("one of {}", names.join(", "))
    }
}

macro_rules! choice {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident = $wire:literal, $label:literal;)+ }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        pub enum $name {
            $($(#[$vmeta])* #[serde(rename = $wire)] $variant,)+
        }
        impl Choice for $name {
            const ALL: &'static [Self] = &[$(Self::$variant),+];
            const OPTIONS: &'static [(&'static str, &'static str)] = &[$(($wire, $label)),+];
            fn wire(self) -> &'static str {
                match self { $(Self::$variant => $wire),+ }
            }
            fn label(self) -> &'static str {
                match self { $(Self::$variant => $label),+ }
            }
        }
    };
}

choice! {
    /// What the user hopes the DPU will do for them.
    Goal {
        /// Give host CPU cores back to applications.
        FreeHostCpu = "free_host_cpu", "Free host CPU cores";
        /// Run the servers without a hypervisor.
        RunBareMetal = "run_bare_metal", "Run the servers bare-metal";
        /// Need fewer servers, so fewer rack units.
        SaveRackSpace = "save_rack_space", "Save rack space";
        /// Move firewalling / security inspection off the host.
        OffloadSecurity = "offload_security", "Offload security (firewall, inspection)";
        /// Move storage (NVMe-oF, block) processing off the host.
        OffloadStorage = "offload_storage", "Offload storage";
        /// Put a tenant-proof boundary between bare-metal servers and the network.
        IsolateBareMetalTenants = "isolate_bare_metal_tenants", "Isolate bare-metal tenants";
        /// Pay for fewer per-core licences.
        CutLicensing = "cut_licensing", "Cut per-core licensing";
    }
}

choice! {
    /// The virtualization platform on the hosts.
    PlatformKind {
        /// VMware vSphere (ESXi) with the distributed switch.
        Vsphere = "vsphere", "VMware vSphere";
        /// Linux KVM / OpenStack with Open vSwitch.
        KvmOvs = "kvm_ovs", "Linux KVM / OpenStack with Open vSwitch";
        /// Kubernetes on bare-metal nodes.
        Kubernetes = "kubernetes", "Kubernetes on bare-metal nodes";
        /// No virtualization.
        BareMetal = "bare_metal", "Bare metal, no virtualization";
    }
}

choice! {
    /// vSphere release (ordered: later releases compare greater).
    VsphereVersion {
        /// vSphere 7.0
        V7_0 = "7.0", "vSphere 7.0";
        /// vSphere 8.0 (GA)
        V8_0 = "8.0", "vSphere 8.0";
        /// vSphere 8.0 Update 1
        V8_0u1 = "8.0u1", "vSphere 8.0 Update 1";
        /// vSphere 8.0 Update 2
        V8_0u2 = "8.0u2", "vSphere 8.0 Update 2";
        /// vSphere 8.0 Update 3
        V8_0u3 = "8.0u3", "vSphere 8.0 Update 3";
        /// vSphere 9.0 (VCF 9.0)
        V9_0 = "9.0", "vSphere 9.0 (VCF 9.0)";
        /// vSphere 9.1 (VCF 9.1)
        V9_1 = "9.1", "vSphere 9.1 (VCF 9.1)";
    }
}

choice! {
    /// NSX release, or none.
    NsxVersion {
        /// No NSX.
        None = "none", "No NSX";
        /// NSX 4.0.1, the first release with DPU offload.
        V4_0_1 = "4.0.1", "NSX 4.0.1";
        /// NSX 4.1
        V4_1 = "4.1", "NSX 4.1";
        /// NSX 4.2
        V4_2 = "4.2", "NSX 4.2";
        /// NSX 9.0 (VCF 9.0)
        V9_0 = "9.0", "NSX 9.0 (VCF 9.0)";
        /// NSX 9.1 (VCF 9.1)
        V9_1 = "9.1", "NSX 9.1 (VCF 9.1)";
    }
}

choice! {
    /// The software data path that switches packets on the host today (SPEC §3).
    Datapath {
        /// ESXi's standard distributed-switch path, the OVS kernel datapath, a Linux bridge.
        Kernel = "kernel", "Kernel path (standard VDS, OVS kernel datapath, Linux bridge)";
        /// NSX Enhanced Data Path / ENS, OVS-DPDK, AF_XDP, VPP.
        Enhanced = "enhanced", "Enhanced path (NSX EDP, OVS-DPDK, AF_XDP, VPP)";
    }
}

choice! {
    /// How two DPUs in one host share the work (SPEC §3; F2.4.6).
    DualMode {
        /// High availability: one forwards, one waits.
        ActiveStandby = "active_standby", "Active/standby (HA: one card forwards)";
        /// Each DPU backs its own offloaded switch: both forward.
        Independent = "independent", "Independent (both forward, no card failover)";
    }
}

choice! {
    /// What decides how many servers the fleet needs (SPEC §3).
    BoundBy {
        /// CPU cores.
        Cpu = "cpu", "CPU cores";
        /// Memory.
        Memory = "memory", "Memory";
        /// GPUs.
        Gpu = "gpu", "GPUs";
        /// Tenants: each server is rented or dedicated whole.
        Tenants = "tenants", "Tenants (each server rented or dedicated whole)";
    }
}

choice! {
    /// How the hosts' capacity is shared between workloads.
    WorkloadKind {
        /// Many VMs share each host.
        ManyVms = "many_vms", "Many VMs per host";
        /// One large VM per host.
        OneVmPerHost = "one_vm_per_host", "One large VM per host";
        /// Kubernetes pods.
        Kubernetes = "kubernetes", "Kubernetes pods";
        /// Applications directly on the OS.
        BareMetalApps = "bare_metal_apps", "Applications on bare metal";
    }
}

choice! {
    /// The DPU card.
    DpuModel {
        /// NVIDIA BlueField-2
        Bluefield2 = "bluefield2", "NVIDIA BlueField-2";
        /// NVIDIA BlueField-3
        Bluefield3 = "bluefield3", "NVIDIA BlueField-3";
        /// NVIDIA BlueField-4
        Bluefield4 = "bluefield4", "NVIDIA BlueField-4";
        /// AMD Pensando DSC-25
        PensandoDsc25 = "pensando_dsc25", "AMD Pensando DSC-25";
        /// AMD Pensando DSC2-100
        PensandoDsc2_100 = "pensando_dsc2_100", "AMD Pensando DSC2-100";
        /// AMD Pensando DSC2-200
        PensandoDsc2_200 = "pensando_dsc2_200", "AMD Pensando DSC2-200";
        /// AMD Pensando Salina 400
        PensandoSalina400 = "pensando_salina400", "AMD Pensando Salina 400";
        /// Intel IPU E2000
        IntelIpuE2000 = "intel_ipu_e2000", "Intel IPU E2000";
        /// Intel IPU E2100
        IntelIpuE2100 = "intel_ipu_e2100", "Intel IPU E2100";
        /// Any other card
        Other = "other", "Other DPU";
    }
}

impl DpuModel {
    /// Line rate of one card in Gb/s (SPEC §5; F4.6.1, F4.6.3, F4.6.7, F4.6.8, F4.6.11,
    /// F4.6.15, F3.3.2). `other` is a guess of 100 Gb/s.
    pub fn line_rate_gbps(self) -> f64 {
        match self {
            DpuModel::Bluefield2 => 200.0,
            DpuModel::Bluefield3 => 400.0,
            DpuModel::Bluefield4 => 800.0,
            DpuModel::PensandoDsc25 => 50.0,
            DpuModel::PensandoDsc2_100 => 200.0,
            DpuModel::PensandoDsc2_200 => 400.0,
            DpuModel::PensandoSalina400 => 400.0,
            DpuModel::IntelIpuE2000 => 200.0,
            DpuModel::IntelIpuE2100 => 200.0,
            DpuModel::Other => 100.0,
        }
    }

    /// NVIDIA BlueField of any generation (SPEC §4: BlueField-2, -3 and -4).
    pub fn is_bluefield(self) -> bool {
        matches!(
            self,
            DpuModel::Bluefield2 | DpuModel::Bluefield3 | DpuModel::Bluefield4
        )
    }

    /// The cards on vSphere's published DPU list: BlueField-2, BlueField-3 and the Pensando
    /// DSC cards (F2.1.3). BlueField-4, Salina and the IPUs are on no published list.
    pub fn on_vsphere_list(self) -> bool {
        matches!(
            self,
            DpuModel::Bluefield2
                | DpuModel::Bluefield3
                | DpuModel::PensandoDsc25
                | DpuModel::PensandoDsc2_100
                | DpuModel::PensandoDsc2_200
        )
    }
}

choice! {
    /// Who built the server.
    Oem {
        /// Dell
        Dell = "dell", "Dell";
        /// HPE
        Hpe = "hpe", "HPE";
        /// Lenovo
        Lenovo = "lenovo", "Lenovo";
        /// Fujitsu
        Fujitsu = "fujitsu", "Fujitsu";
        /// Anyone else
        Other = "other", "Other";
    }
}

choice! {
    /// A virtual-switch feature the user relies on today.
    Feature {
        /// Network I/O Control
        Nioc = "nioc", "Network I/O Control (NIOC)";
        /// Traffic-shaping policies
        TrafficShaping = "traffic_shaping", "Traffic shaping";
        /// DV filter (NIC-level security intercept)
        DvFilter = "dv_filter", "DV filter (inline security products)";
        /// vMotion to hosts without DPUs
        VmotionToNonDpuHosts = "vmotion_to_non_dpu_hosts", "vMotion to hosts without DPUs";
        /// LACP
        Lacp = "lacp", "LACP";
        /// Port mirroring
        PortMirroring = "port_mirroring", "Port mirroring";
        /// Private VLANs
        PrivateVlans = "private_vlans", "Private VLANs";
        /// LLDP
        Lldp = "lldp", "LLDP";
        /// SR-IOV
        SrIov = "sr_iov", "SR-IOV";
        /// NetFlow / IPFIX
        Netflow = "netflow", "NetFlow / IPFIX";
        /// Multicast snooping
        MulticastSnooping = "multicast_snooping", "Multicast snooping";
    }
}

choice! {
    /// Encryption the host does in software today.
    Encryption {
        /// None
        None = "none", "None";
        /// IPsec
        Ipsec = "ipsec", "IPsec";
        /// TLS
        Tls = "tls", "TLS";
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wires<T: Choice>() -> Vec<&'static str> {
        T::ALL.iter().map(|v| v.wire()).collect()
    }

    #[test]
    fn wire_names_match_serde_and_round_trip() {
        fn check<T: Choice + Serialize + for<'de> Deserialize<'de> + std::fmt::Debug>() {
            for v in T::ALL {
                let json = serde_json::to_string(v).expect("serialises");
                assert_eq!(json, format!("\"{}\"", v.wire()));
                assert_eq!(T::from_wire(v.wire()), Some(*v));
                assert!(!v.label().is_empty());
            }
            assert_eq!(T::from_wire("nope"), None);
        }
        check::<Goal>();
        check::<PlatformKind>();
        check::<VsphereVersion>();
        check::<NsxVersion>();
        check::<WorkloadKind>();
        check::<DpuModel>();
        check::<Oem>();
        check::<Feature>();
        check::<Encryption>();
        check::<Datapath>();
        check::<DualMode>();
        check::<BoundBy>();
    }

    #[test]
    fn line_rates_follow_the_spec() {
        use DpuModel::*;
        let rates: Vec<f64> = DpuModel::ALL.iter().map(|m| m.line_rate_gbps()).collect();
        assert_eq!(
            rates,
            [
                200.0, 400.0, 800.0, 50.0, 200.0, 400.0, 400.0, 200.0, 200.0, 100.0
            ]
        );
        let bluefield: Vec<DpuModel> = DpuModel::ALL
            .iter()
            .copied()
            .filter(|m| m.is_bluefield())
            .collect();
        assert_eq!(bluefield, [Bluefield2, Bluefield3, Bluefield4]);
        let listed: Vec<DpuModel> = DpuModel::ALL
            .iter()
            .copied()
            .filter(|m| m.on_vsphere_list())
            .collect();
        assert_eq!(
            listed,
            [
                Bluefield2,
                Bluefield3,
                PensandoDsc25,
                PensandoDsc2_100,
                PensandoDsc2_200
            ]
        );
    }

    #[test]
    fn spec_values_are_all_present() {
        assert_eq!(
            wires::<VsphereVersion>(),
            ["7.0", "8.0", "8.0u1", "8.0u2", "8.0u3", "9.0", "9.1"]
        );
        assert_eq!(
            wires::<NsxVersion>(),
            ["none", "4.0.1", "4.1", "4.2", "9.0", "9.1"]
        );
        assert_eq!(
            wires::<DpuModel>(),
            [
                "bluefield2",
                "bluefield3",
                "bluefield4",
                "pensando_dsc25",
                "pensando_dsc2_100",
                "pensando_dsc2_200",
                "pensando_salina400",
                "intel_ipu_e2000",
                "intel_ipu_e2100",
                "other"
            ]
        );
        assert_eq!(wires::<Datapath>(), ["kernel", "enhanced"]);
        assert_eq!(wires::<DualMode>(), ["active_standby", "independent"]);
        assert_eq!(wires::<BoundBy>(), ["cpu", "memory", "gpu", "tenants"]);
        assert_eq!(wires::<Goal>().len(), 7);
        assert_eq!(wires::<Feature>().len(), 11);
    }

    #[test]
    fn versions_are_ordered() {
        assert!(VsphereVersion::V7_0 < VsphereVersion::V8_0);
        assert!(VsphereVersion::V8_0u2 < VsphereVersion::V8_0u3);
        assert!(VsphereVersion::V8_0u3 < VsphereVersion::V9_0);
        assert!(VsphereVersion::V9_0 < VsphereVersion::V9_1);
    }

    #[test]
    fn allowed_lists_every_value() {
        assert_eq!(Encryption::allowed(), "one of `none`, `ipsec`, `tls`");
    }
}
