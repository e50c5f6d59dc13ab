//! The public pages the product cites: one entry per URL, listing the fact ids of
//! `research/dpu-facts.md` it backs and the kind of source it is.
//!
//! Addresses are the originals (VMware's documentation now lives at Broadcom; mirrors and
//! copies are replaced by the publisher's page, a DOI or the preprint server). A fact that
//! records that something was NOT FOUND has no page of its own: it is listed in `silent_on`
//! of the authoritative page whose silence is the evidence, and shown as "not found in
//! public sources (checked 2026-11)", never as the only source of a finding.
//!
//! Only cited facts are here: the table ships in the page, and the fact sheet stays the full
//! record. A test checks that every cited fact has a page and every page is cited.

use serde::{Deserialize, Serialize};

/// How much weight a source carries (the tags of the fact sheet).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SourceKind {
    /// [V] vendor documentation or marketing
    Vendor,
    /// [O] operator describing its own system
    Operator,
    /// [I] independent or academic measurement
    Independent,
    /// [C] commentary by an independent practitioner (ipSpace)
    Commentary,
    /// [S] secondary source (blog, press, reseller, consultancy)
    Secondary,
    /// [D] derived from sourced numbers
    Derived,
}

impl SourceKind {
    /// The JSON name, also the word the page shows beside a link.
    pub fn wire(self) -> &'static str {
        match self {
            Vendor => "vendor",
            Operator => "operator",
            Independent => "independent",
            Commentary => "commentary",
            Secondary => "secondary",
            Derived => "derived",
        }
    }
}

/// How a NOT FOUND fact is shown beside its page.
pub const NOT_FOUND: &str = "not found in public sources (checked 2026-11)";

/// One public page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Page {
    /// The original address (https).
    pub url: &'static str,
    /// Publisher and title, short.
    pub title: &'static str,
    /// What kind of source it is.
    pub kind: SourceKind,
    /// The facts it backs.
    pub facts: &'static [&'static str],
    /// The NOT FOUND facts whose evidence is this page's silence.
    pub silent_on: &'static [&'static str],
}

/// A page cited for some facts of one finding or default: what the report carries.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceRef {
    /// The fact ids this page backs here, in citation order.
    pub ids: Vec<String>,
    /// Link text.
    pub title: String,
    /// The page.
    pub url: String,
    /// Its kind.
    pub kind: SourceKind,
    /// The ids among `ids` that record what this page does NOT say (see [`NOT_FOUND`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub not_found: Vec<String>,
}

use SourceKind::{Commentary, Derived, Independent, Operator, Secondary, Vendor};

const fn page(
    url: &'static str,
    title: &'static str,
    kind: SourceKind,
    facts: &'static [&'static str],
) -> Page {
    Page {
        url,
        title,
        kind,
        facts,
        silent_on: &[],
    }
}

/// Every cited page.
pub const PAGES: &[Page] = &[
    page(
        "https://blog.ipspace.net/2022/12/dpu-hype-considered-harmful.html",
        "ipSpace: DPU Hype Considered Harmful (2022)",
        Commentary,
        &["F1.1.1", "F1.1.2", "F1.1.3", "F1.1.4", "F1.1.5", "F1.1.6"],
    ),
    page(
        "https://blog.ipspace.net/2022/12/are-dpu-any-good.html",
        "ipSpace: Are DPUs Any Good? (2022)",
        Commentary,
        &["F1.2.2", "F1.2.3", "F1.2.4", "F1.2.7", "F5.2.1"],
    ),
    page(
        "https://blog.ipspace.net/2020/05/baremetal-server-public-cloud.html",
        "ipSpace: Do We Need Bare Metal Servers in Clouds? (2020)",
        Commentary,
        &["F1.3.7"],
    ),
    page(
        "https://blog.ipspace.net/2020/09/need-smart-nic.html",
        "ipSpace: Where Do We Need Smart NICs? (2020)",
        Commentary,
        &["F4.1.5"],
    ),
    page(
        "https://blog.ipspace.net/2014/11/open-vswitch-performance-revisited.html",
        "ipSpace: Open vSwitch Performance Revisited (2014)",
        Commentary,
        &["F4.1.6"],
    ),
    page(
        "https://vmw-docs.broadcom.com/en/VMware-vSphere/8.0/vsphere-lifecycle-manager/GUID-41E34087-A6D0-4B60-A355-5FAC73DCFCF5.html",
        "VMware vSphere 8.0 Lifecycle Manager: DPUs and ESXio",
        Vendor,
        &["F2.1.1", "F2.1.3"],
    ),
    page(
        "https://cormachogan.com/2022/09/27/vsphere-distributed-services-engine-networking-offload-and-acceleration-preview/",
        "Cormac Hogan (VMware): Distributed Services Engine preview (2022)",
        Vendor,
        &["F2.1.5"],
    ),
    page(
        "https://docs.nvidia.com/launchpad/infrastructure/monterey/latest/monterey-overview.html",
        "NVIDIA LaunchPad: Project Monterey overview",
        Vendor,
        &["F2.1.6"],
    ),
    Page {
        url: "https://techdocs.broadcom.com/us/en/vmware-cis/vsphere/vsphere/8-0/esx-installation-and-setup/introducing-vmware-vsphere-distributed-services-engine-and-networking-acceleration-by-using-dpus-install.html",
        title: "VMware vSphere 8.0: introducing the Distributed Services Engine",
        kind: Vendor,
        facts: &["F2.2.1", "F2.2.2"],
        silent_on: &["F2.7.1"],
    },
    page(
        "https://vmw-docs.broadcom.com/en/VMware-vSphere/8.0/vsphere-vcenter-esxi-management/GUID-C7F5D387-A073-46CF-9D7B-27AB89DD44DD.html",
        "VMware vSphere 8.0: vMotion with network offload",
        Vendor,
        &["F2.2.3"],
    ),
    page(
        "https://securefever.com/blog/nsx-with-smartnics-make-the-esxi-hypervisor-fast-again",
        "securefever: NSX with SmartNICs (partner blog)",
        Secondary,
        &["F2.2.5"],
    ),
    page(
        "https://github.com/vmware/terraform-provider-vsphere/issues/1903",
        "terraform-provider-vsphere issue 1903: UPT requirements",
        Secondary,
        &["F2.2.7"],
    ),
    Page {
        url: "https://techdocs.broadcom.com/us/en/vmware-cis/vsphere/vsphere/8-0/vsphere-networking/basic-networking-with-vnetwork-distributed-switches/network-offloads-capability.html",
        title: "VMware vSphere 8.0 Networking: network offloads compatibility",
        kind: Vendor,
        facts: &["F2.3.1", "F2.3.2", "F2.3.3", "F2.3.4", "F2.4.1", "F2.4.6"],
        silent_on: &["F2.3.5", "F2.2.8"],
    },
    page(
        "https://developer.broadcom.com/xapis/vmware-storage-policy-api/8.0U3/vim.dvs.VmwareDistributedVirtualSwitch.DpuFeatureCapability.html",
        "vSphere API 8.0 U3: DpuFeatureCapability (active/standby)",
        Vendor,
        &["F2.4.2"],
    ),
    page(
        "https://blogs.vmware.com/cloud-foundation/2024/07/26/announcing-dual-dpu-support-in-vmware-cloud-foundation-5-2/",
        "VMware: Dual DPU support in VCF 5.2 (2024)",
        Vendor,
        &["F2.4.8"],
    ),
    page(
        "https://developer.broadcom.com/xapis/provider-infrastructure-apis/latest/data-structures/DistributedVirtualSwitchNetworkOffloadSpec/",
        "vSphere API 9.1: DistributedVirtualSwitchNetworkOffloadSpec",
        Vendor,
        &["F2.5.1"],
    ),
    page(
        "https://developer.broadcom.com/xapis/provider-infrastructure-apis/latest/data-structures/VMwareDvsPerfNicOffloadCapability/",
        "vSphere API 9.1: Performance NIC Offload capability",
        Vendor,
        &["F2.5.4"],
    ),
    page(
        "https://blogs.vmware.com/cloud-foundation/2026/05/05/announcing-vcf-9-1-modern-private-cloud-built-for-efficiency-and-resilience/",
        "VMware: Announcing VCF 9.1 (2026)",
        Vendor,
        &["F2.5.5"],
    ),
    page(
        "https://drpranayjha.com/nsx-9-host-transport-node-prep-vds-edp/",
        "NSX 9 host preparation: VDS with EDP (blog)",
        Secondary,
        &["F2.5.6"],
    ),
    page(
        "https://vmw-docs.broadcom.com/en/VMware-vCloud-NFV-OpenStack-Edition/3.1/vmware-vcloud-nfv-openstack-edition-ra31/GUID-39F21307-B17F-451D-AA3C-53335CC61E04.html",
        "VMware vCloud NFV OpenStack Edition 3.1: N-VDS Enhanced",
        Vendor,
        &["F2.6.1", "F5.4.3"],
    ),
    page(
        "https://docs.aws.amazon.com/whitepapers/latest/security-design-of-aws-nitro-system/security-design-of-aws-nitro-system.html",
        "AWS: The Security Design of the AWS Nitro System",
        Operator,
        &["F3.1.3"],
    ),
    page(
        "https://docs.aws.amazon.com/whitepapers/latest/security-design-of-aws-nitro-system/the-nitro-system-journey.html",
        "AWS: The Nitro System journey",
        Operator,
        &["F3.1.4"],
    ),
    page(
        "https://cloud.google.com/blog/products/compute/introducing-c3-machines-with-googles-custom-intel-ipu",
        "Google Cloud: C3 machines with the custom Intel IPU (2022)",
        Operator,
        &["F3.3.2"],
    ),
    page(
        "https://www.usenix.org/conference/nsdi23/presentation/bansal",
        "Bansal et al., disaggregated stateful network functions (NSDI 2023)",
        Operator,
        &["F3.5.1"],
    ),
    page(
        "https://doi.org/10.1145/3452296.3472914",
        "Tu et al., Revisiting the Open vSwitch Dataplane Ten Years Later (SIGCOMM 2021)",
        Independent,
        &["F4.1.1", "F4.1.2", "F4.1.3", "F4.1.4", "F5.4.3"],
    ),
    page(
        "https://blog.cloudflare.com/kernel-bypass/",
        "Cloudflare: Kernel bypass (2015)",
        Operator,
        &["F4.1.7"],
    ),
    page(
        "https://doi.org/10.1016/j.comnet.2018.11.033",
        "Linguaglossa et al., vectorized packet processing in VPP (Computer Networks 2019)",
        Independent,
        &["F4.1.9"],
    ),
    page(
        "https://blogs.vmware.com/performance/2012/09/vxlan-performance-on-vsphere-5-1.html",
        "VMware: VXLAN performance on vSphere 5.1 (2012)",
        Vendor,
        &["F4.2.1"],
    ),
    page(
        "https://www.datacenterknowledge.com/archives/2013/04/22/vxlan-overview-and-challenges/2/",
        "Data Center Knowledge: VXLAN overview and challenges (2013)",
        Secondary,
        &["F4.2.2"],
    ),
    page(
        "https://eprint.iacr.org/2018/392",
        "Drucker, Gueron, Krasnov: Making AES great again (IACR ePrint 2018/392)",
        Independent,
        &["F4.3.1"],
    ),
    page(
        "https://lfnetworking.org/how-fd-io-20-01-release-improves-multicore-ipsec/",
        "LF Networking: FD.io 20.01 multicore IPsec",
        Vendor,
        &["F4.3.2"],
    ),
    page(
        "https://news.ycombinator.com/item?id=36588803",
        "A Netflix engineer on NIC TLS offload (Hacker News, 2023)",
        Operator,
        &["F4.3.5", "F4.3.7", "F5.4.2"],
    ),
    page(
        "https://reviews.freebsd.org/D30908",
        "FreeBSD review D30908: NIC kTLS and retransmits (Netflix)",
        Operator,
        &["F4.3.8"],
    ),
    page(
        "https://nvidianews.nvidia.com/news/nvidia-extends-data-center-infrastructure-processing-roadmap-with-bluefield-3",
        "NVIDIA: BlueField-3 announcement (2021)",
        Vendor,
        &["F4.5.1"],
    ),
    page(
        "https://pingdo.net/tools/dpu-offload-roi-calculator",
        "pingdo: DPU offload ROI calculator (unreliable)",
        Secondary,
        &["F4.5.5"],
    ),
    page(
        "https://docs.nvidia.com/networking/display/bluefield2dpuenug/introduction",
        "NVIDIA BlueField-2 DPU user guide",
        Vendor,
        &["F4.6.1"],
    ),
    page(
        "https://docs.nvidia.com/networking/display/BF2VPIDPUController/Introduction",
        "NVIDIA BlueField-2 DPU Controller: power",
        Vendor,
        &["F4.6.2"],
    ),
    page(
        "https://docs.nvidia.com/doca/archive/2-9-0/NVIDIA+DOCA+Installation+Guide+for+Linux",
        "NVIDIA DOCA 2.9 installation guide: BlueField-3 cards",
        Vendor,
        &["F4.6.3"],
    ),
    page(
        "https://docs.nvidia.com/networking/display/BF3DPUController/Introduction",
        "NVIDIA BlueField-3 DPU Controller: introduction",
        Vendor,
        &["F4.6.4"],
    ),
    page(
        "https://yobitel.com/knowledge-base/bluefield-3-dpu",
        "Yobitel: BlueField-3 street price (2026)",
        Secondary,
        &["F4.6.5"],
    ),
    page(
        "https://doc.dpdk.org/guides/nics/ionic.html",
        "DPDK ionic driver (AMD Pensando): DSC-25 dual-port 25G",
        Vendor,
        &["F4.6.8"],
    ),
    page(
        "https://developer.nvidia.com/blog/inside-the-nvidia-rubin-platform-six-new-chips-one-ai-supercomputer/",
        "NVIDIA: Inside the Rubin platform, BlueField-4 (2026)",
        Vendor,
        &["F4.6.11"],
    ),
    page(
        "https://knowledge.broadcom.com/external/article/313548",
        "Broadcom KB 313548: per-core licensing, 16-core minimum",
        Vendor,
        &["F4.7.4"],
    ),
    page(
        "https://redresscompliance.com/vmware-cloud-foundation-licensing-download",
        "Redress Compliance: VCF licensing and prices (2026)",
        Secondary,
        &["F4.7.4"],
    ),
    page(
        "https://developer.broadcom.com/xapis/nsx-t-data-center-rest-api/latest/schemas_RawCoreCount.html",
        "NSX API: RawCoreCount (DPU units)",
        Vendor,
        &["F4.7.5"],
    ),
    page(
        "https://arxiv.org/abs/2402.03041",
        "Chen et al., off-path SmartNICs and BlueField-3's DPA (arXiv 2024)",
        Independent,
        &["F4.8.2"],
    ),
    page(
        "https://scholars.ln.edu.hk/en/publications/performance-characteristics-and-guidelines-of-offloading-middlebo",
        "Offloading middleboxes onto BlueField-2 (IEEE Trans. Computers 2025)",
        Independent,
        &["F4.8.6"],
    ),
    page(
        "https://pure.uos.ac.kr/en/publications/comprehensive-performance-analysis-of-security-applications-on-th/",
        "Security applications on BlueField-3 (2026)",
        Independent,
        &["F4.8.7"],
    ),
    page(
        "https://docs.nvidia.com/doca/sdk/DOCA+SNAP-3+User+Guide",
        "NVIDIA DOCA SNAP-3 user guide",
        Vendor,
        &["F5.1.1"],
    ),
    page(
        "https://docs.nvidia.com/doca/archive/2-9-2/DOCA+SNAP-4+Service+Guide",
        "NVIDIA DOCA SNAP-4 service guide",
        Vendor,
        &["F5.1.1"],
    ),
    page(
        "https://github.com/NVIDIA/infra-controller/blob/main/docs/getting-started/prerequisites/hardware.md",
        "NVIDIA Infra Controller (NICo): hardware prerequisites",
        Vendor,
        &["F5.2.3"],
    ),
    page(
        "https://github.com/ovn-kubernetes/ovn-kubernetes/blob/master/docs/blog/dpu-acceleration.md",
        "OVN-Kubernetes: DPU acceleration (2026)",
        Independent,
        &["F5.3.1"],
    ),
    page(
        "https://docs.nvidia.com/networking/display/dpf2504/OVN+Kubernetes",
        "NVIDIA DPF 25.04: OVN-Kubernetes use case",
        Vendor,
        &["F5.3.2"],
    ),
    page(
        "https://docs.redhat.com/en/documentation/openshift_container_platform/4.19/html/networking_operators/dpu-operator",
        "Red Hat OpenShift 4.19: DPU Operator (Technology Preview)",
        Vendor,
        &["F5.3.3"],
    ),
    page(
        "https://docs.redhat.com/en/documentation/openshift_container_platform/4.21/html/networking_operators/dpu-operator-1",
        "Red Hat OpenShift 4.21: DPU Operator not available",
        Vendor,
        &["F5.3.3"],
    ),
    page(
        "https://github.com/openshift/openshift-docs/pull/101126",
        "OpenShift 4.20 docs: BlueField-3 DPU Technology Preview",
        Vendor,
        &["F5.3.4"],
    ),
    page(
        "https://docs.openstack.org/neutron/latest/admin/ovn/smartnic_dpu.html",
        "OpenStack Neutron: SmartNIC DPUs with OVN",
        Vendor,
        &["F5.3.6"],
    ),
    page(
        "https://docs.nvidia.com/doca/sdk/OpenvSwitch+Offload+(OVS+in+DOCA)/index.html",
        "NVIDIA DOCA: Open vSwitch offload (OVS-DOCA)",
        Vendor,
        &["F5.4.1"],
    ),
    page(
        "https://www.techleague.io/blog/aruba/aruba-cx-10000-with-pensando-dpu/",
        "TechLeague: Aruba CX 10000 with Pensando DPUs",
        Secondary,
        &["F5.4.4"],
    ),
    page(
        "https://nextplatform.com/2025/05/28/with-dpu-goosed-switches-hpe-tackles-vmware-security-and-hpc-and-ai",
        "The Next Platform: DPU-equipped switches (2025)",
        Secondary,
        &["F5.4.4"],
    ),
    page(
        "https://docs.paloaltonetworks.com/pan-os/11-0/pan-os-new-features/virtualization-features/non-dpu-based-intelligent-traffic-offload-CN",
        "Palo Alto PAN-OS 11.0: intelligent traffic offload",
        Vendor,
        &["F5.4.5"],
    ),
    // Model 3: the plans without a DPU (fact sheet §10).
    page(
        "https://vmw-docs.broadcom.com/en/VMware-NSX-T-Data-Center/3.0/installation/GUID-F459E3E4-F5F2-4032-A723-07D4051EFF8D.html",
        "VMware NSX-T 3.0: Enhanced Data Path NIC requirements",
        Vendor,
        &["F2.6.4"],
    ),
    page(
        "https://developer.broadcom.com/xapis/nsx-t-data-center-rest-api/latest/types_StandardHostSwitch.html",
        "Broadcom NSX API: host switch modes and EDP cores",
        Vendor,
        &["F10.1.1"],
    ),
    Page {
        url: "https://vcfcore.tech/2026/05/11/the-rough-cut-breaking-the-bottleneck-with-enhanced-datapath/",
        title: "vcfcore.tech: the Enhanced Data Path in VCF 9 (2026)",
        kind: Secondary,
        facts: &["F10.1.4"],
        silent_on: &["F10.9.5"],
    },
    page(
        "https://docs.redhat.com/en/documentation/red_hat_openstack_platform/16.0/html/network_functions_virtualization_planning_and_configuration_guide/proc_two-numa-ovsdpdk",
        "Red Hat OpenStack 16.0: OVS-DPDK on two NUMA nodes",
        Vendor,
        &["F10.1.5"],
    ),
    page(
        "https://docs.openvswitch.org/en/latest/intro/install/afxdp/",
        "Open vSwitch: AF_XDP ports",
        Vendor,
        &["F10.1.8"],
    ),
    page(
        "https://research.google/pubs/pub48630",
        "Google: Snap, a microkernel approach to host networking (SOSP 2019)",
        Operator,
        &["F10.1.9"],
    ),
    page(
        "https://docs.nvidia.com/doca/archive/doca-v2.0.2/pdf/ovs-doca.pdf",
        "NVIDIA DOCA 2.0.2: OVS-DOCA",
        Vendor,
        &["F10.2.1"],
    ),
    page(
        "https://docs.nvidia.com/doca/sdk/multi-pmd-configuration/index.html",
        "NVIDIA DOCA: multi-PMD configuration of OVS-DOCA",
        Vendor,
        &["F10.2.2"],
    ),
    page(
        "https://docs.openvswitch.org/en/latest/howto/tc-offload/",
        "Open vSwitch: TC flower hardware offload",
        Vendor,
        &["F10.2.3"],
    ),
    page(
        "https://github.com/k8snetworkplumbingwg/sriov-network-operator/blob/master/doc/ovs-hw-offload.md",
        "Kubernetes SR-IOV network operator: OVS hardware offload",
        Vendor,
        &["F10.2.4"],
    ),
    page(
        "https://docs.redhat.com/en/documentation/red_hat_openstack_platform/17.1/html/configuring_network_functions_virtualization/troubleshoot-ovs-hw-offload_ovshwol-nfv",
        "Red Hat OpenStack 17.1: OVS hardware offload",
        Vendor,
        &["F10.2.5"],
    ),
    Page {
        url: "https://developer.broadcom.com/xapis/nsx-cli-guide/latest/set_ens_fpo_config.html",
        title: "Broadcom NSX CLI: Flow Processing Offload",
        kind: Vendor,
        facts: &["F10.2.13"],
        silent_on: &["F10.9.7"],
    },
    page(
        "https://docs.nvidia.com/networking/display/vmwareumv417711/enhanced+network+stack+(ens)",
        "NVIDIA ConnectX ESXi driver: Enhanced Network Stack",
        Vendor,
        &["F10.2.14"],
    ),
    page(
        "https://developer.broadcom.com/xapis/provider-infrastructure-apis/latest/data-structures/DistributedVirtualSwitchHostMemberHostPerfNicOffloadState/",
        "Broadcom vSphere API 9.1: Performance NIC Offload",
        Vendor,
        &["F10.2.16"],
    ),
    page(
        "https://docs.nvidia.com/networking/display/mlnxofedv24100700/Kernel+Transport+Layer+Security+(kTLS)+Offloads",
        "NVIDIA MLNX_OFED 24.10: kTLS offload",
        Vendor,
        &["F10.3.1"],
    ),
    page(
        "https://docs.nvidia.com/networking/display/mlnxofedv24103250lts/ipsec+packet+offload",
        "NVIDIA MLNX_OFED 24.10 LTS: IPsec packet offload",
        Vendor,
        &["F10.3.2"],
    ),
    Page {
        url: "https://docs.nvidia.com/networking/display/ConnectX7VPI/Specifications",
        title: "NVIDIA ConnectX-7: specifications",
        kind: Vendor,
        facts: &["F10.3.3", "F10.4.2"],
        silent_on: &["F10.9.2"],
    },
    page(
        "https://fastswan.org/Nvidia-ConnectX-7-Benchmark/",
        "fastSwan: ConnectX-7 IPsec offload benchmark (2026)",
        Independent,
        &["F10.3.4"],
    ),
    page(
        "https://github.com/marfrit/MoESES",
        "A builder's parts list with NIC street prices (2026-07)",
        Secondary,
        &["F10.4.4"],
    ),
    page(
        "https://docs.nvidia.com/doca/archive/3-0-0/virtual+switch+on+bluefield/index.html",
        "NVIDIA DOCA 3.0: connection tracking offload",
        Vendor,
        &["F10.5.1"],
    ),
];

/// Whether fact `id` has a page (as a fact it backs or one recorded by its silence).
pub fn cites(id: &str) -> bool {
    PAGES
        .iter()
        .any(|p| p.facts.contains(&id) || p.silent_on.contains(&id))
}

/// The pages behind a list of fact ids: one entry per URL, in the order the facts are
/// cited, each listing the ids it backs here. Unknown ids are skipped.
pub fn refs(ids: &[&str]) -> Vec<SourceRef> {
    let mut out: Vec<(usize, SourceRef)> = Vec::new();
    for id in ids {
        for (i, p) in PAGES.iter().enumerate() {
            let silent = p.silent_on.contains(id);
            if !silent && !p.facts.contains(id) {
                continue;
            }
            let entry = match out.iter_mut().find(|(j, _)| *j == i) {
                Some((_, r)) => r,
                None => {
                    out.push((
                        i,
                        SourceRef {
                            ids: Vec::new(),
                            title: p.title.to_owned(),
                            url: p.url.to_owned(),
                            kind: p.kind,
                            not_found: Vec::new(),
                        },
                    ));
                    &mut out.last_mut().expect("just pushed").1
                }
            };
            if !entry.ids.iter().any(|x| x == id) {
                entry.ids.push((*id).to_owned());
                if silent {
                    entry.not_found.push((*id).to_owned());
                }
            }
        }
    }
    out.into_iter().map(|(_, r)| r).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_page_is_an_original_https_address_listed_once() {
        for (i, p) in PAGES.iter().enumerate() {
            assert!(p.url.starts_with("https://"), "{}", p.url);
            assert!(PAGES[..i].iter().all(|q| q.url != p.url), "{} twice", p.url);
            assert!(!p.title.is_empty() && !p.facts.is_empty(), "{}", p.url);
            for mirror in [
                "docs.vmware.com",
                "docslib.org",
                "vdocuments",
                "pdfcoffee",
                "blogspot.",
                "hollow-knight",
                "livemint",
                "thelinuxcluster",
                "ntpro.nl",
            ] {
                assert!(
                    !p.url.contains(mirror),
                    "{} is a mirror or a moved page",
                    p.url
                );
            }
        }
    }

    #[test]
    fn refs_group_facts_by_page() {
        let r = refs(&["F2.3.4", "F1.1.5", "F2.3.5"]);
        assert_eq!(r.len(), 2);
        assert!(r[0].url.contains("network-offloads-capability"));
        assert_eq!(r[0].ids, ["F2.3.4", "F2.3.5"]);
        assert_eq!(r[0].not_found, ["F2.3.5"]);
        assert_eq!(r[0].kind, Vendor);
        assert_eq!(r[1].ids, ["F1.1.5"]);
        assert_eq!(r[1].kind, Commentary);
        assert!(r[1].not_found.is_empty());
        // A fact with two pages gives both; an unknown id gives none.
        let r = refs(&["F4.7.4", "F9.9.9"]);
        assert_eq!(r.len(), 2);
        assert_eq!(
            r.iter().map(|s| s.kind).collect::<Vec<_>>(),
            [Vendor, Secondary]
        );
        assert!(refs(&[]).is_empty());
        // Citing a fact twice lists it once.
        assert_eq!(refs(&["F1.1.1", "F1.1.1"])[0].ids, ["F1.1.1"]);
    }

    #[test]
    fn not_found_facts_are_never_a_page_of_their_own() {
        for p in PAGES {
            for id in p.silent_on {
                assert!(!p.facts.contains(id));
                assert!(
                    PAGES.iter().all(|q| !q.facts.contains(id)),
                    "{id} has a page"
                );
            }
        }
    }
}
