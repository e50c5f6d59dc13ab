//! The public sources every rule and default cites: one entry per cited fact id of
//! `research/dpu-facts.md`.

/// How much weight a source carries (the tags of the fact sheet).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SourceKind {
    /// [C] commentary by an independent practitioner (ipSpace)
    Commentary,
    /// [V] vendor documentation or marketing
    Vendor,
    /// [O] operator describing its own system
    Operator,
    /// [I] independent or academic measurement
    Independent,
    /// [S] secondary source (blog, press, reseller, consultancy)
    Secondary,
    /// [D] derived from sourced numbers
    Derived,
}

/// One fact with the public page that backs it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Source {
    /// Fact id in the fact sheet, e.g. "F2.3.4".
    pub fact: &'static str,
    /// A short human title for the link: publisher/author and page, e.g. "VMware vSphere 8.0 Networking: network offloads compatibility".
    pub title: &'static str,
    /// The URL exactly as given in the fact sheet (https://...).
    pub url: &'static str,
    /// The source-type tag of the fact (the first one where the sheet gives two).
    pub kind: SourceKind,
}

use SourceKind::{Commentary, Independent, Operator, Secondary, Vendor};

const IPSPACE_HYPE: &str = "https://blog.ipspace.net/2022/12/dpu-hype-considered-harmful.html";
const IPSPACE_HYPE_T: &str = "ipSpace: DPU Hype Considered Harmful (2022)";
const IPSPACE_ANY_GOOD: &str = "https://blog.ipspace.net/2022/12/are-dpu-any-good.html";
const IPSPACE_ANY_GOOD_T: &str = "ipSpace: Are DPUs Any Good? (2022)";
const IPSPACE_SMART_NIC: &str = "https://blog.ipspace.net/2020/09/need-smart-nic.html";
const IPSPACE_OVS_2014: &str =
    "https://blog.ipspace.net/2014/11/open-vswitch-performance-revisited.html";
const VSPHERE_LCM: &str = "https://docs.vmware.com/en/VMware-vSphere/8.0/vsphere-lifecycle-manager/GUID-41E34087-A6D0-4B60-A355-5FAC73DCFCF5.html";
const VSPHERE_LCM_T: &str = "VMware vSphere 8.0 Lifecycle Manager: DPU images and ESXio";
const VSPHERE_INSTALL: &str = "https://docs.vmware.com/en/VMware-vSphere/8.0/vsphere-esxi-installation/GUID-EC3CE886-63A9-4FF0-B79F-111BCB61038F.html";
const VSPHERE_INSTALL_T: &str = "VMware vSphere 8.0: ESXi installation, DPU support";
const VSPHERE_NET: &str = "https://docs.vmware.com/en/VMware-vSphere/8.0/vsphere-networking/GUID-41AB1101-D943-490A-BF1A-E53433855C07.html";
const VSPHERE_NET_T: &str = "VMware vSphere 8.0 Networking: network offloads compatibility";
const VCLOUD_NFV_RA: &str = "https://docs.vmware.com/en/VMware-vCloud-NFV-OpenStack-Edition/3.1/vmware-vcloud-nfv-openstack-edition-ra31/GUID-39F21307-B17F-451D-AA3C-53335CC61E04.html";
const ACCELNET: &str = "https://www.usenix.org/conference/nsdi18/presentation/firestone";
const ACCELNET_T: &str = "Firestone et al., Azure Accelerated Networking (NSDI 2018)";
const OVS_PAPER: &str =
    "https://github.com/williamtu/sigcomm21-ovs-artifacts/blob/HEAD/sigcomm2021-paper300.pdf";
const OVS_PAPER_T: &str = "Tu et al., Revisiting the Open vSwitch Dataplane (SIGCOMM 2021)";
// Mirror of a Hacker News comment by a Netflix engineer (item 36588803); the sheet gives only this.
const NETFLIX_HN: &str = "https://hollow-knight.pages.dev/item?id=36588803";
const PINGDO_ROI: &str = "https://pingdo.net/tools/dpu-offload-roi-calculator";
const BF3_CONTROLLER: &str =
    "https://docs.nvidia.com/networking/display/BF3DPUController/Introduction";
const BF3_CONTROLLER_T: &str = "NVIDIA BlueField-3 DPU Controller: introduction";

/// Every fact the product cites (rules, assumptions, sourced defaults), in fact-id order.
///
/// Only cited facts are here: the table ships in the page, and the fact sheet stays the full
/// record. A rule that cites a new fact adds its entry; a test checks both directions.
pub const SOURCES: &[Source] = &[
    // 1.1 ipSpace, "DPU Hype Considered Harmful"
    Source {
        fact: "F1.1.1",
        title: IPSPACE_HYPE_T,
        url: IPSPACE_HYPE,
        kind: Commentary,
    },
    Source {
        fact: "F1.1.2",
        title: IPSPACE_HYPE_T,
        url: IPSPACE_HYPE,
        kind: Commentary,
    },
    Source {
        fact: "F1.1.3",
        title: IPSPACE_HYPE_T,
        url: IPSPACE_HYPE,
        kind: Commentary,
    },
    Source {
        fact: "F1.1.4",
        title: IPSPACE_HYPE_T,
        url: IPSPACE_HYPE,
        kind: Commentary,
    },
    Source {
        fact: "F1.1.5",
        title: IPSPACE_HYPE_T,
        url: IPSPACE_HYPE,
        kind: Commentary,
    },
    Source {
        fact: "F1.1.6",
        title: IPSPACE_HYPE_T,
        url: IPSPACE_HYPE,
        kind: Commentary,
    },
    // 1.2 ipSpace, "Are DPUs Any Good?"
    Source {
        fact: "F1.2.2",
        title: IPSPACE_ANY_GOOD_T,
        url: IPSPACE_ANY_GOOD,
        kind: Commentary,
    },
    Source {
        fact: "F1.2.3",
        title: IPSPACE_ANY_GOOD_T,
        url: IPSPACE_ANY_GOOD,
        kind: Commentary,
    },
    Source {
        fact: "F1.2.4",
        title: IPSPACE_ANY_GOOD_T,
        url: IPSPACE_ANY_GOOD,
        kind: Commentary,
    },
    Source {
        fact: "F1.2.7",
        title: IPSPACE_ANY_GOOD_T,
        url: IPSPACE_ANY_GOOD,
        kind: Commentary,
    },
    // 1.3 related ipSpace posts
    Source {
        fact: "F1.3.6",
        title: "ipSpace: Open vSwitch Performance Revisited (2014)",
        url: IPSPACE_OVS_2014,
        kind: Commentary,
    },
    Source {
        fact: "F1.3.7",
        title: "ipSpace: Do We Need Bare Metal Servers in Public and Private Clouds? (2020)",
        url: "https://blog.ipspace.net/2020/05/baremetal-server-public-cloud.html",
        kind: Commentary,
    },
    // 2.1 vDSE architecture and lifecycle
    Source {
        fact: "F2.1.1",
        title: VSPHERE_LCM_T,
        url: VSPHERE_LCM,
        kind: Vendor,
    },
    Source {
        fact: "F2.1.3",
        title: VSPHERE_LCM_T,
        url: VSPHERE_LCM,
        kind: Vendor,
    },
    Source {
        fact: "F2.1.6",
        title: "NVIDIA LaunchPad: Project Monterey lab overview",
        url: "https://docs.nvidia.com/launchpad/infrastructure/monterey/latest/monterey-overview.html",
        kind: Vendor,
    },
    // 2.2 what is and isn't supported
    Source {
        fact: "F2.2.1",
        title: VSPHERE_INSTALL_T,
        url: VSPHERE_INSTALL,
        kind: Vendor,
    },
    Source {
        fact: "F2.2.2",
        title: VSPHERE_INSTALL_T,
        url: VSPHERE_INSTALL,
        kind: Vendor,
    },
    Source {
        fact: "F2.2.3",
        title: "VMware vSphere 8.0 vCenter/ESXi management: vMotion with DPUs (Italian)",
        url: "https://docs.vmware.com/it/VMware-vSphere/8.0/vsphere-vcenter-esxi-management/GUID-C7F5D387-A073-46CF-9D7B-27AB89DD44DD.html",
        kind: Vendor,
    },
    // Cites F1.1.6, F1.2.3 and F2.2.2; VMware's own page is the authoritative one.
    Source {
        fact: "F2.2.5",
        title: "securefever: NSX with SmartNICs (partner blog)",
        url: "https://securefever.com/blog/nsx-with-smartnics-make-the-esxi-hypervisor-fast-again",
        kind: Secondary,
    },
    // 2.3 features lost when the VDS is offloaded
    Source {
        fact: "F2.3.1",
        title: VSPHERE_NET_T,
        url: VSPHERE_NET,
        kind: Vendor,
    },
    Source {
        fact: "F2.3.2",
        title: VSPHERE_NET_T,
        url: VSPHERE_NET,
        kind: Vendor,
    },
    Source {
        fact: "F2.3.3",
        title: VSPHERE_NET_T,
        url: VSPHERE_NET,
        kind: Vendor,
    },
    Source {
        fact: "F2.3.4",
        title: VSPHERE_NET_T,
        url: VSPHERE_NET,
        kind: Vendor,
    },
    Source {
        fact: "F2.3.5",
        title: VSPHERE_NET_T,
        url: VSPHERE_NET,
        kind: Vendor,
    },
    // 2.4 dual DPU (vSphere 8.0 Update 3)
    Source {
        fact: "F2.4.1",
        title: VSPHERE_NET_T,
        url: VSPHERE_NET,
        kind: Vendor,
    },
    Source {
        fact: "F2.4.2",
        title: "Broadcom vSphere API 8.0 U3: DVS DPU feature capability",
        url: "https://developer.broadcom.com/xapis/vmware-storage-policy-api/8.0U3/vim.dvs.VmwareDistributedVirtualSwitch.DpuFeatureCapability.html",
        kind: Vendor,
    },
    // 2.5 vSphere 9 / VCF 9
    Source {
        fact: "F2.5.1",
        title: "Broadcom vSphere API: DistributedVirtualSwitchNetworkOffloadSpec",
        url: "https://developer.broadcom.com/xapis/provider-infrastructure-apis/latest/data-structures/DistributedVirtualSwitchNetworkOffloadSpec/",
        kind: Vendor,
    },
    // 2.6 VMware software fast paths
    Source {
        fact: "F2.6.1",
        title: "VMware vCloud NFV OpenStack Edition 3.1: reference architecture, N-VDS Enhanced",
        url: VCLOUD_NFV_RA,
        kind: Vendor,
    },
    // 3.1 AWS Nitro
    Source {
        fact: "F3.1.3",
        title: "AWS whitepaper, Security Design of the Nitro System: introduction",
        url: "https://docs.aws.amazon.com/whitepapers/latest/security-design-of-aws-nitro-system/security-design-of-aws-nitro-system.html",
        kind: Operator,
    },
    Source {
        fact: "F3.1.4",
        title: "AWS whitepaper, Security Design of the Nitro System: the Nitro journey",
        url: "https://docs.aws.amazon.com/whitepapers/latest/security-design-of-aws-nitro-system/the-nitro-system-journey.html",
        kind: Operator,
    },
    // 3.2 Microsoft Azure
    Source {
        fact: "F3.2.2",
        title: ACCELNET_T,
        url: ACCELNET,
        kind: Operator,
    },
    // 3.3 Google Andromeda and the Intel IPU
    Source {
        fact: "F3.3.2",
        title: "Livemint/Reuters: Google Cloud and Intel co-design data-centre chip (2022)",
        url: "https://www.livemint.com/technology/tech-news/google-cloud-intel-co-design-new-chip-for-data-centres/amp-11665504559604.html",
        kind: Secondary,
    },
    // 4.1 software switching cost per core
    Source {
        fact: "F4.1.1",
        title: OVS_PAPER_T,
        url: OVS_PAPER,
        kind: Independent,
    },
    Source {
        fact: "F4.1.2",
        title: OVS_PAPER_T,
        url: OVS_PAPER,
        kind: Independent,
    },
    Source {
        fact: "F4.1.3",
        title: OVS_PAPER_T,
        url: OVS_PAPER,
        kind: Independent,
    },
    Source {
        fact: "F4.1.4",
        title: OVS_PAPER_T,
        url: OVS_PAPER,
        kind: Independent,
    },
    Source {
        fact: "F4.1.5",
        title: "ipSpace: Where Do We Need Smart NICs? (2020), per-core planning figure",
        url: IPSPACE_SMART_NIC,
        kind: Commentary,
    },
    Source {
        fact: "F4.1.6",
        title: "ipSpace: Open vSwitch Performance Revisited (2014), production OVS rate",
        url: IPSPACE_OVS_2014,
        kind: Commentary,
    },
    Source {
        fact: "F4.1.7",
        title: "irrlab: copy of Cloudflare's Kernel bypass post (2015)",
        url: "https://irrlab.com/2015/09/07/kernel-bypass/",
        kind: Operator,
    },
    // Per-core pps not found; only the relative N-VDS Enhanced claim of F2.6.1 exists.
    // 4.2 overlay encapsulation cost
    Source {
        fact: "F4.2.1",
        title: "ntpro.nl: VMware whitepaper, VXLAN performance on vSphere 5.1",
        url: "https://ntpro.nl/blog/archives/2146-Technical-White-Paper-VXLAN-Performance-Evaluation-on-VMware-vSphere-5.1.html",
        kind: Vendor,
    },
    Source {
        fact: "F4.2.2",
        title: "Data Center Knowledge: VXLAN overview and challenges (2013)",
        url: "https://www.datacenterknowledge.com/archives/2013/04/22/vxlan-overview-and-challenges/2/",
        kind: Secondary,
    },
    // 4.3 encryption cost
    Source {
        fact: "F4.3.1",
        title: "Drucker, Gueron, Krasnov: Making AES great again, VAES (docslib copy)",
        url: "https://docslib.org/doc/10300858/the-forthcoming-vectorized-aes-instruction",
        kind: Independent,
    },
    // The fd.io claim has no page of its own in the sheet; ipSpace cites it (F1.2.4).
    Source {
        fact: "F4.3.5",
        title: "Netflix engineer on Hacker News: NIC TLS offload (mirror)",
        url: NETFLIX_HN,
        kind: Operator,
    },
    // 4.6 DPU hardware
    Source {
        fact: "F4.6.1",
        title: "NVIDIA BlueField-2 DPU user manual: introduction",
        url: "https://docs.nvidia.com/networking/display/bluefield2dpuenug/introduction",
        kind: Vendor,
    },
    Source {
        fact: "F4.6.2",
        title: "NVIDIA BlueField-2 VPI DPU Controller: introduction",
        url: "https://docs.nvidia.com/networking/display/BF2VPIDPUController/Introduction",
        kind: Vendor,
    },
    Source {
        fact: "F4.6.3",
        title: "NVIDIA DOCA 2.9.0 installation guide for Linux: BlueField-3 SKUs",
        url: "https://docs.nvidia.com/doca/archive/2-9-0/NVIDIA+DOCA+Installation+Guide+for+Linux",
        kind: Vendor,
    },
    Source {
        fact: "F4.6.4",
        title: BF3_CONTROLLER_T,
        url: BF3_CONTROLLER,
        kind: Vendor,
    },
    Source {
        fact: "F4.6.5",
        title: "Yobitel knowledge base: BlueField-3 DPU street price",
        url: "https://yobitel.com/knowledge-base/bluefield-3-dpu",
        kind: Secondary,
    },
    Source {
        fact: "F4.6.8",
        title: "Pensando DSC-25 Distributed Services Card user guide (pdfcoffee copy)",
        url: "https://pdfcoffee.com/pensando-dsc25-distributed-services-card-user-guide-pdf-free.html",
        kind: Vendor,
    },
    // 4.7 server CPU and licensing baselines
    Source {
        fact: "F4.7.3",
        title: "pingdo.net: DPU offload ROI calculator, server cost assumption",
        url: PINGDO_ROI,
        kind: Secondary,
    },
    Source {
        fact: "F4.7.4",
        title: "Redress Compliance: VMware Cloud Foundation licensing guide",
        url: "https://redresscompliance.com/vmware-cloud-foundation-licensing-download",
        kind: Secondary,
    },
    Source {
        fact: "F4.7.5",
        title: "Broadcom NSX REST API: RawCoreCount schema (DPU units)",
        url: "https://developer.broadcom.com/xapis/nsx-t-data-center-rest-api/latest/schemas_RawCoreCount.html",
        kind: Vendor,
    },
    // 4.8 independent DPU performance caveats
    Source {
        fact: "F4.8.1",
        title: "Liu et al. (UCSC/Sandia), BlueField-2 performance study (arXiv 2105.06619)",
        url: "https://ar5iv.labs.arxiv.org/html/2105.06619",
        kind: Independent,
    },
    Source {
        fact: "F4.8.2",
        title: "Chen et al., BlueField-2/-3 DPU characterisation (arXiv 2402.03041, 2024)",
        url: "https://arxiv.org/html/2402.03041v4",
        kind: Independent,
    },
    // 5.1 storage offload
    Source {
        fact: "F5.1.1",
        title: "NVIDIA DOCA SNAP-3 user guide",
        url: "https://docs.nvidia.com/doca/sdk/DOCA+SNAP-3+User+Guide",
        kind: Vendor,
    },
    // Cites F3.1.2, F3.1.6, F3.2.4 and F3.3.3; the AWS whitepaper is the primary one.
    // 5.2 bare-metal cloud isolation
    Source {
        fact: "F5.2.1",
        title: "ipSpace: Are DPUs Any Good? (2022), bare-metal security boundary",
        url: IPSPACE_ANY_GOOD,
        kind: Commentary,
    },
    // 5.3 Kubernetes / OVN offload
    Source {
        fact: "F5.3.1",
        title: "OVN-Kubernetes project blog: DPU acceleration (2026)",
        url: "https://github.com/ovn-kubernetes/ovn-kubernetes/blob/HEAD/docs/blog/posts/dpu-acceleration.md",
        kind: Independent,
    },
    Source {
        fact: "F5.3.2",
        title: "NVIDIA DPF 25.04: OVN-Kubernetes use case",
        url: "https://docs.nvidia.com/networking/display/dpf2504/OVN+Kubernetes",
        kind: Vendor,
    },
    Source {
        fact: "F5.3.3",
        title: "Red Hat OpenShift 4.19: DPU Operator (Technology Preview)",
        url: "https://docs.redhat.com/en/documentation/openshift_container_platform/4.19/html/networking_operators/dpu-operator",
        kind: Vendor,
    },
    Source {
        fact: "F5.3.4",
        title: "openshift-docs PR 101126: OpenShift 4.20 BlueField-3 Tech Preview note",
        url: "https://github.com/openshift/openshift-docs/pull/101126",
        kind: Vendor,
    },
    // 5.4 non-DPU alternatives
    Source {
        fact: "F5.4.1",
        title: "NVIDIA DOCA: Open vSwitch offload (OVS in DOCA)",
        url: "https://docs.nvidia.com/doca/sdk/OpenvSwitch+Offload+(OVS+in+DOCA)/index.html",
        kind: Vendor,
    },
    Source {
        fact: "F5.4.2",
        title: "Netflix engineer on Hacker News: ConnectX-6 Dx inline TLS (mirror)",
        url: NETFLIX_HN,
        kind: Operator,
    },
    // Cites F4.1.2-F4.1.3, F4.1.9 and F2.6.1-F2.6.3; the first of them is the OVS paper.
    Source {
        fact: "F5.4.3",
        title: "Tu et al., Revisiting the Open vSwitch Dataplane (SIGCOMM 2021): fast paths",
        url: OVS_PAPER,
        kind: Independent,
    },
    Source {
        fact: "F5.4.4",
        title: "TechLeague: Aruba CX 10000 with Pensando DPU",
        url: "https://www.techleague.io/blog/aruba/aruba-cx-10000-with-pensando-dpu/",
        kind: Secondary,
    },
    Source {
        fact: "F5.4.5",
        title: "Palo Alto Networks PAN-OS 11.0: non-DPU Intelligent Traffic Offload",
        url: "https://docs.paloaltonetworks.com/pan-os/11-0/pan-os-new-features/virtualization-features/non-dpu-based-intelligent-traffic-offload-CN",
        kind: Vendor,
    },
];

/// The source for a fact id; `None` for an unknown id.
pub fn source(fact: &str) -> Option<&'static Source> {
    SOURCES.iter().find(|s| s.fact == fact)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `^F\d+\.\d+\.\d+a?$`, by hand.
    fn is_fact_id(id: &str) -> bool {
        let Some(rest) = id.strip_prefix('F') else {
            return false;
        };
        let rest = rest.strip_suffix('a').unwrap_or(rest);
        let parts: Vec<&str> = rest.split('.').collect();
        parts.len() == 3
            && parts
                .iter()
                .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
    }

    #[test]
    fn ids_are_unique() {
        for (i, a) in SOURCES.iter().enumerate() {
            for b in &SOURCES[i + 1..] {
                assert_ne!(a.fact, b.fact, "duplicate fact id");
            }
        }
    }

    #[test]
    fn ids_are_well_formed() {
        for s in SOURCES {
            assert!(is_fact_id(s.fact), "bad fact id {:?}", s.fact);
        }
        assert!(is_fact_id("F2.2.2a"));
        assert!(!is_fact_id("F2.2"));
        assert!(!is_fact_id("F2.2.2b"));
        assert!(!is_fact_id("2.2.2"));
        assert!(!is_fact_id("F2..2"));
    }

    #[test]
    fn urls_are_plausible() {
        for s in SOURCES {
            assert!(
                s.url.starts_with("https://") || s.url.starts_with("http://"),
                "{}: {}",
                s.fact,
                s.url
            );
            assert!(
                !s.url.chars().any(char::is_whitespace),
                "{}: {}",
                s.fact,
                s.url
            );
        }
    }

    #[test]
    fn titles_are_short_and_present() {
        for s in SOURCES {
            assert!(!s.title.trim().is_empty(), "{}: empty title", s.fact);
            assert!(s.title.chars().count() <= 100, "{}: title too long", s.fact);
        }
    }

    /// The table ships in the page, so it holds exactly what the product cites.
    #[test]
    fn every_entry_is_cited() {
        let mut cited: Vec<&str> = crate::rules::RULES
            .iter()
            .flat_map(|r| r.sources.iter().copied())
            .collect();
        cited.extend(
            crate::assumptions::ASSUMPTIONS
                .iter()
                .flat_map(|a| a.sources.iter().copied()),
        );
        cited.extend(
            crate::scenario::DEFAULT_BASES
                .iter()
                .flat_map(|b| b.sources.iter().copied()),
        );
        for s in SOURCES {
            assert!(
                cited.contains(&s.fact),
                "{} is in SOURCES but nothing cites it",
                s.fact
            );
        }
    }

    #[test]
    fn lookup() {
        let Some(s) = source("F2.3.4") else {
            panic!("F2.3.4 missing");
        };
        assert!(s.url.contains("vsphere-networking"), "{}", s.url);
        assert_eq!(s.kind, Vendor);
        assert_eq!(source("F9.9.9"), None);
    }
}
