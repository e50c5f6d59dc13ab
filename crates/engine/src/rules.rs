//! The feasibility rules of SPEC §4: one ordered catalog, each rule with its sources and an
//! example scenario where it fires and one where it stays quiet.
//!
//! To add a rule, add one entry to [`CATALOG`]: the [`Rule`] (an id, a severity, a title, the
//! facts it cites, a check that returns a [`Fired`] with an explanation in the scenario's own
//! numbers) and its [`RuleDoc`] (when it fires, and the two example scenarios). The catalog
//! tests then check it like every other rule.
//!
//! Wording (SPEC §4): plurals agree with their numbers, labels keep their capitals, the VM
//! count appears only for many VMs per host, and statements about what vSphere 9.x offloads
//! say they are documented for vSphere 8.

use serde::{Deserialize, Serialize};

use crate::assumptions::AssumptionId;
use crate::choice::{
    BoundBy, Choice, Datapath, DualMode, Encryption, Feature, Goal, NsxVersion, PlatformKind,
    VsphereVersion, WorkloadKind,
};
use crate::cost::{Cost, Plan};
use crate::format::{auto, capitalized, count, in_sentence, money, num, percent};
use crate::plans::{PlanId, PlanRow};
use crate::scenario::Scenario;
use crate::uncertainty::Uncertainty;

/// How a finding bears on the verdict, most serious first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// A DPU cannot serve this goal.
    WrongProblem,
    /// The platform does not support it.
    Unsupported,
    /// The inputs contradict each other or leave nothing to judge.
    CheckInputs,
    /// A DPU is the only way to meet this goal.
    Required,
    /// Works, but costs something the user has or wants.
    Tradeoff,
    /// Worth knowing.
    Info,
    /// A part of the plan that fits.
    Good,
}

impl Severity {
    /// Every severity, most serious first.
    pub const ALL: [Severity; 7] = [
        Severity::WrongProblem,
        Severity::Unsupported,
        Severity::CheckInputs,
        Severity::Required,
        Severity::Tradeoff,
        Severity::Info,
        Severity::Good,
    ];

    /// The JSON name.
    pub fn wire(self) -> &'static str {
        match self {
            Severity::WrongProblem => "wrong_problem",
            Severity::Unsupported => "unsupported",
            Severity::CheckInputs => "check_inputs",
            Severity::Required => "required",
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
            Severity::CheckInputs => "Check the inputs",
            Severity::Required => "Where a DPU is required",
            Severity::Tradeoff => "Trade-offs",
            Severity::Info => "Worth knowing",
            Severity::Good => "What fits",
        }
    }
}

/// What a rule sees: the scenario, its plan (resolved defaults and fixed figures), the cost
/// figures at the likely values and the uncertainty analysis.
#[derive(Debug, Clone, Copy)]
pub struct Ctx<'a> {
    /// The scenario.
    pub s: &'a Scenario,
    /// Its plan.
    pub p: &'a Plan<'a>,
    /// The cost model at the likely assumptions.
    pub cost: &'a Cost,
    /// The uncertainty analysis.
    pub u: &'a Uncertainty,
    /// The plans compared (model 3), in the order do nothing, fast path, SmartNIC, DPU.
    pub plans: &'a [PlanRow],
    /// The verdict is `required`: a finding makes the DPU the only plan that does what is
    /// asked. Known only once every rule has run, so [`crate::evaluate`] runs the rules a
    /// second time with it set when it is (rules take microseconds).
    pub required: bool,
}

/// A rule that fired: its explanation for this scenario.
#[derive(Debug, Clone, PartialEq)]
pub struct Fired {
    /// Overrides the rule's usual severity.
    pub severity: Option<Severity>,
    /// Overrides the rule's title.
    pub title: Option<String>,
    /// What it means for this scenario, with its numbers.
    pub detail: String,
    /// What to do instead, where that exists.
    pub instead: Option<String>,
}

impl Fired {
    fn new(detail: String) -> Self {
        Fired {
            severity: None,
            title: None,
            detail,
            instead: None,
        }
    }

    fn instead(mut self, instead: impl Into<String>) -> Self {
        self.instead = Some(instead.into());
        self
    }

    fn severity(mut self, severity: Severity) -> Self {
        self.severity = Some(severity);
        self
    }

    fn title(mut self, title: impl Into<String>) -> Self {
        self.title = Some(title.into());
        self
    }
}

/// One feasibility rule.
#[derive(Debug, Clone, Copy)]
pub struct Rule {
    /// Stable kebab-case id.
    pub id: &'static str,
    /// Usual severity.
    pub severity: Severity,
    /// Usual title, a plain statement.
    pub title: &'static str,
    /// Fact ids of `research/dpu-facts.md` (see [`crate::sources`]).
    pub sources: &'static [&'static str],
    /// Fires or not for a scenario. Never fails.
    pub check: fn(&Ctx) -> Option<Fired>,
}

/// A rule's documentation: when it fires, in a line, and two example scenarios that the
/// catalog tests run. Apart from [`Rule`] (see [`CATALOG`]) so that the page, which only
/// evaluates rules, does not carry them.
#[derive(Debug, Clone, Copy)]
pub struct RuleDoc {
    /// When it fires, in one line.
    pub when: &'static str,
    /// A scenario (JSON) where it fires with its usual severity.
    pub fires_for: &'static str,
    /// A scenario (JSON) where it does not fire; `None` only for rules that always fire.
    pub quiet_for: Option<&'static str>,
}

fn cores(x: f64) -> String {
    count(x, "core", "cores")
}

/// The verb after a number of cores: "1 core is", "2 cores are" (as [`cores`] words them).
fn are(x: f64) -> &'static str {
    if auto(x) == "1" { "is" } else { "are" }
}

fn servers(n: u64) -> String {
    count(n as f64, "server", "servers")
}

fn hosts(n: u32) -> String {
    count(f64::from(n), "host", "hosts")
}

fn years(s: &Scenario) -> String {
    count(s.fleet.lifetime_years, "year", "years")
}

fn cur(s: &Scenario) -> &str {
    &s.costs.currency
}

/// " (documented for vSphere 8)" on vSphere 9.x, whose own DPU statements are unpublished.
fn v8(s: &Scenario) -> &'static str {
    if s.is_vsphere9() {
        " (as documented for vSphere 8; VCF 9 publishes no list of its own)"
    } else {
        ""
    }
}

/// "20 VMs per host" for many VMs, else the workload in words.
fn workload_words(s: &Scenario) -> String {
    match s.workload.kind {
        WorkloadKind::ManyVms => format!("{} per host", s.vms()),
        kind => in_sentence(kind.label()),
    }
}

/// The features of `among` the scenario relies on, as a list in a sentence ("LACP, port
/// mirroring and LLDP"), and how many there are.
fn features_named(s: &Scenario, among: &[Feature]) -> (String, usize) {
    let names: Vec<String> = among
        .iter()
        .filter(|f| s.relies_on(**f))
        .map(|f| in_sentence(f.label()))
        .collect();
    let text = match names.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
        _ => names.concat(),
    };
    (text, names.len())
}

fn loses(ctx: &Ctx, feature: Feature, what: &str) -> Option<Fired> {
    let s = ctx.s;
    (s.offload_possible() && s.relies_on(feature)).then(|| {
        Fired::new(format!(
            "You rely on {} today. VMware does not support it on a distributed switch \
             offloaded to the DPU{}, so {what} goes away on all {} once the switch moves.",
            in_sentence(feature.label()),
            v8(s),
            hosts(s.fleet.hosts)
        ))
        .instead(
            "Keep the switch on the host for the hosts that need it, or replace the feature \
             before moving (VMware's offload compatibility list says what stays).",
        )
    })
}

/// The "why" of zero whole servers, in the scenario's numbers, and a title that names the
/// cause when it is not too few freed cores (`None` then).
fn why_no_server(s: &Scenario, c: &Cost) -> (String, Option<String>) {
    if s.fleet.bound_by != BoundBy::Cpu {
        return (
            format!(
                "{}.",
                capitalized(&crate::cost::NoBreakEven::NotCpuBound.text(s))
            ),
            Some(format!(
                "Freed cores remove no server: the servers are bound by {}",
                in_sentence(s.fleet.bound_by.label())
            )),
        );
    }
    let size = c.clusters.size;
    let freed = f64::from(size) * c.cores_freed_per_host;
    let share = freed / f64::from(s.fleet.cores_per_host);
    let place = if c.clusters.full == 1 && c.clusters.rest == 0 {
        format!("Across the {}", hosts(size))
    } else {
        format!("In a cluster of {}", hosts(size))
    };
    if share + 1e-9 >= 1.0 {
        (
            format!(
                "{place} that adds up to {}, but a cluster must keep {} and has none to spare.",
                cores(freed),
                hosts(s.fleet.min_hosts_per_cluster)
            ),
            Some("No cluster has a server to spare".to_owned()),
        )
    } else {
        (
            format!(
                "{place} that adds up to {}: {} of a {}-core server.",
                cores(freed),
                auto(share),
                s.fleet.cores_per_host
            ),
            None,
        )
    }
}

/// n_min of `measured-implausible` (SPEC §4): the switching and firewall cores the traffic
/// needs at the least the ranges in force allow, that is T and M at their high ends and the
/// overlay and firewall overheads at their low ends (crypto not counted).
fn least_data_path_cores(p: &Plan) -> f64 {
    let r = &p.r.ranges;
    let v = r
        .likely()
        .with(
            AssumptionId::VswitchGbpsPerCore,
            r.get(AssumptionId::VswitchGbpsPerCore).high,
        )
        .with(
            AssumptionId::VswitchMppsPerCore,
            r.get(AssumptionId::VswitchMppsPerCore).high,
        )
        .with(
            AssumptionId::OverlayOverhead,
            r.get(AssumptionId::OverlayOverhead).low,
        )
        .with(
            AssumptionId::FirewallOverhead,
            r.get(AssumptionId::FirewallOverhead).low,
        );
    let (switching, firewall, _) = crate::cost::terms(p, &v, p.g);
    switching + firewall
}

/// One plan of §5.1 in a sentence for `plans-compared`: whether it applies (or why not), the
/// cores it frees, the servers it removes, its median NPV, the chance it pays and the chance
/// the DPUs beat it; and, for a plan without a DPU that applies, what it needs on this
/// platform.
fn plan_line(ctx: &Ctx, r: &PlanRow, best: bool) -> String {
    let s = ctx.s;
    if r.id == PlanId::DoNothing {
        return format!(
            "{}: no cost and no saving (NPV {}); the DPUs beat it in {} of futures{}.",
            r.name,
            money(0.0, cur(s)),
            percent(ctx.u.p_worth_it),
            if best { " (the best plan)" } else { "" }
        );
    }
    let line = crate::plans::line(s, r, best);
    if r.applies && r.id != PlanId::Dpu && !r.needs.is_empty() {
        format!("{line} It needs {}", in_sentence(&r.needs))
    } else {
        line
    }
}

/// Every rule, in the order of [`RULES`], with its [`RuleDoc`]: the one list to extend.
/// [`RULES`] and [`RULE_DOCS`] are its two halves, taken apart at compile time.
pub const CATALOG: &[(Rule, RuleDoc)] = &[
    (
        Rule {
            id: "hypervisor-stays-on-host",
            severity: Severity::WrongProblem,
            title: "The hypervisor cannot move onto the DPU",
            sources: &["F1.1.3", "F1.1.4", "F2.1.1", "F3.1.4"],
            check: |ctx| {
                let s = ctx.s;
                let (name, data_path) = match s.platform.kind {
                    PlatformKind::Vsphere => (
                        "ESXi",
                        "The DPU runs a trimmed ESXi, but only for I/O work such as the switch data path",
                    ),
                    PlatformKind::KvmOvs => {
                        ("KVM", "The DPU can take over Open vSwitch's data path")
                    }
                    _ => return None,
                };
                let vms = match s.workload.kind {
                    WorkloadKind::ManyVms => {
                        format!(" between its {}", s.vms())
                    }
                    _ => String::new(),
                };
                s.has_goal(Goal::RunBareMetal).then(|| {
                    Fired::new(format!(
                        "The plan hopes to move {name} onto the DPU so the {} can run bare-metal. \
                         {data_path}; the hypervisor that shares each host's CPU and memory{vms} \
                         stays on the x86 server. AWS got there with Nitro only by writing a new \
                         hypervisor from scratch.",
                        servers(u64::from(s.fleet.hosts))
                    ))
                    .title(format!("{name} cannot move onto the DPU"))
                    .instead(
                        "Keep the hypervisor on the hosts. If the aim is capacity, compare what the \
                         DPU frees (cost figures) with adding or consolidating servers.",
                    )
                })
            },
        },
        RuleDoc {
            when: "goal run_bare_metal on vSphere or KVM",
            fires_for: r#"{"goals": ["run_bare_metal"]}"#,
            quiet_for: Some(r#"{"goals": ["run_bare_metal"], "platform": {"kind": "kubernetes"}}"#),
        },
    ),
    (
        Rule {
            id: "bare-metal-needs-workload-fit",
            severity: Severity::WrongProblem,
            title: "Bare metal does not fit many VMs per host",
            sources: &["F1.1.2", "F1.3.7"],
            check: |ctx| {
                let s = ctx.s;
                (s.has_goal(Goal::RunBareMetal) && s.workload.kind == WorkloadKind::ManyVms).then(
                    || {
                        Fired::new(format!(
                            "Each host runs {}. Without a hypervisor nothing divides one server's \
                         cores and memory between them; a server runs bare-metal only when it holds \
                         one large workload or is a Kubernetes node.",
                            s.vms()
                        ))
                        .instead(
                            "Keep a hypervisor, or move the workloads into containers on bare-metal \
                         Kubernetes nodes.",
                        )
                    },
                )
            },
        },
        RuleDoc {
            when: "goal run_bare_metal with workload many_vms",
            fires_for: r#"{"goals": ["run_bare_metal"]}"#,
            quiet_for: Some(r#"{"goals": ["run_bare_metal"], "workload": {"kind": "kubernetes"}}"#),
        },
    ),
    (
        Rule {
            id: "bare-metal-needs-no-dpu",
            severity: Severity::WrongProblem,
            title: "Running bare-metal needs no DPU",
            sources: &["F1.1.2", "F1.3.7"],
            check: |ctx| {
                let s = ctx.s;
                let fits = matches!(
                    s.workload.kind,
                    WorkloadKind::OneVmPerHost | WorkloadKind::Kubernetes
                );
                let already = matches!(
                    s.platform.kind,
                    PlatformKind::Kubernetes | PlatformKind::BareMetal
                );
                if !s.has_goal(Goal::RunBareMetal) || !(fits || already) {
                    return None;
                }
                let detail = if already {
                    format!(
                        "The servers already run without a hypervisor ({}), and that needs no DPU.",
                        in_sentence(s.platform.kind.label())
                    )
                } else {
                    format!(
                        "With {} the servers can run without a hypervisor, and dropping it needs no \
                         DPU. What it saves is small: virtualization overhead is down to a few \
                         percent.",
                        workload_words(s)
                    )
                };
                let only = s.goals == [Goal::RunBareMetal];
                Some(
                    Fired::new(detail)
                    .severity(if only {
                        Severity::WrongProblem
                    } else {
                        Severity::Info
                    })
                    .instead(if only {
                        "Drop the hypervisor where the workload allows it; a DPU adds nothing to that."
                    } else {
                        "Drop the hypervisor where the workload allows it, and weigh the DPU only \
                         for the other goals."
                    }),
                )
            },
        },
        RuleDoc {
            when: "goal run_bare_metal and the workload fits bare metal or the platform is already \
                   Kubernetes or bare metal (wrong_problem as the only goal, else info)",
            fires_for: r#"{"goals": ["run_bare_metal"], "workload": {"kind": "one_vm_per_host"}}"#,
            quiet_for: Some(r#"{"goals": ["run_bare_metal"]}"#),
        },
    ),
    (
        Rule {
            id: "rack-space-needs-whole-servers",
            severity: Severity::WrongProblem,
            title: "Freed cores do not add up to a whole server",
            sources: &["F1.1.1", "F1.2.7"],
            check: |ctx| {
                let (s, c) = (ctx.s, ctx.cost);
                (s.has_goal(Goal::SaveRackSpace) && c.servers_avoided == 0).then(|| {
                    let (why, cause) = why_no_server(s, c);
                    let fired = Fired::new(format!(
                        "The DPU frees about {} per host. {why} Rack space comes back only when a \
                         whole server leaves the rack, and this frees none.",
                        cores(c.cores_freed_per_host),
                    ))
                    .instead(
                        "Consolidate onto denser servers (more cores per rack unit), or retire idle \
                         capacity; both free rack units directly.",
                    );
                    // The title says the cause when it is not the cores (the headline quotes it).
                    match cause {
                        Some(title) => fired.title(title),
                        None => fired,
                    }
                })
            },
        },
        RuleDoc {
            when: "goal save_rack_space and no whole server avoided",
            fires_for: r#"{"goals": ["save_rack_space"]}"#,
            quiet_for: Some(
                r#"{"goals": ["save_rack_space"], "traffic": {"gbps_per_host": 100, "avg_packet_bytes": 1500}}"#,
            ),
        },
    ),
    (
        Rule {
            id: "not-network-intensive",
            severity: Severity::Info,
            title: "The DPU frees less than one core per host",
            sources: &["F1.1.4", "F1.2.4", "F1.2.7"],
            check: |ctx| {
                let (s, c) = (ctx.s, ctx.cost);
                if c.cores_freed_per_host >= 1.0 {
                    return None;
                }
                let used = if s.traffic.measured_networking_cores.is_some() {
                    format!(
                        "You measured {} of {} on the data path ({})",
                        cores(c.networking_cores_per_host),
                        s.fleet.cores_per_host,
                        percent(c.networking_share_of_host)
                    )
                } else {
                    format!(
                        "At {} Gb/s with {}-byte packets the data path uses about {} of {} ({})",
                        auto(s.traffic.gbps_per_host),
                        auto(s.traffic.avg_packet_bytes),
                        cores(c.networking_cores_per_host),
                        s.fleet.cores_per_host,
                        percent(c.networking_share_of_host)
                    )
                };
                let mut fired = Fired::new(format!(
                    "{used}. The DPU takes over {} of that and, removing {} of it, frees about {} \
                     per host: less than one core.",
                    cores(c.offloadable_cores_per_host),
                    percent(ctx.p.r.ranges.likely().phi),
                    cores(c.cores_freed_per_host)
                ));
                if c.networking_share_of_host < 0.05 {
                    fired = fired.title("Networking uses little of this host's CPU");
                }
                match c.break_even_gbps_per_host {
                    Some(b) if b > s.traffic.gbps_per_host => Some(fired.instead(format!(
                        "Keep networking on the host. Revisit when traffic nears {} per host, \
                         where the model breaks even.",
                        crate::format::threshold(b)
                    ))),
                    Some(_) => Some(fired),
                    None => Some(fired.instead(format!(
                        "Keep networking on the host: no traffic pays for the cards here, because {}.",
                        crate::cost::why_no_break_even(ctx.p, &ctx.p.r.ranges.likely())
                            .map_or_else(String::new, |why| why.text(s))
                    ))),
                }
            },
        },
        RuleDoc {
            when: "cores freed per host < 1",
            fires_for: r#"{"traffic": {"gbps_per_host": 1}}"#,
            quiet_for: Some("{}"),
        },
    ),
    (
        Rule {
            id: "licensing-needs-fewer-cores",
            severity: Severity::WrongProblem,
            title: "Per-core licences only shrink when cores are removed",
            sources: &["F4.7.4", "F1.2.7"],
            check: |ctx| {
                let (s, c, r) = (ctx.s, ctx.cost, &ctx.p.r);
                if !s.has_goal(Goal::CutLicensing) {
                    return None;
                }
                if !r.licenses_follow_cores {
                    return Some(
                        Fired::new(format!(
                            "Here licences do not shrink when servers go, so even the {} the DPUs \
                             free cut no licence cost.",
                            servers(c.servers_avoided)
                        ))
                        .instead(
                            "If your licences are per core, say so (licences shrink when servers \
                             go); otherwise a DPU does nothing for them.",
                        ),
                    );
                }
                (c.servers_avoided == 0).then(|| {
                    Fired::new(format!(
                        "Core-based licences are counted on the cores a server has, not the cores it \
                         keeps busy. The DPU frees {} per host but no whole server can go ({} \
                         servers' worth across the fleet), so the licence bill of {} per host per \
                         year stays.",
                        cores(c.cores_freed_per_host),
                        auto(c.servers_avoided_fractional),
                        money(
                            r.license_per_core_year * f64::from(s.fleet.cores_per_host),
                            cur(s)
                        )
                    ))
                    .instead(
                        "Licences shrink with fewer or smaller hosts: right-size the cluster, or buy \
                         servers with fewer, faster cores.",
                    )
                })
            },
        },
        RuleDoc {
            when: "goal cut_licensing and (no whole server avoided or licences do not follow cores)",
            fires_for: r#"{"goals": ["cut_licensing"]}"#,
            quiet_for: Some(
                r#"{"goals": ["cut_licensing"], "traffic": {"gbps_per_host": 100, "avg_packet_bytes": 1500}}"#,
            ),
        },
    ),
    (
        Rule {
            id: "bare-metal-nothing-to-free",
            severity: Severity::WrongProblem,
            title: "On bare metal there is no host networking for a DPU to take over",
            sources: &["F1.1.4", "F5.4.3"],
            check: |ctx| {
                let s = ctx.s;
                let t = &s.traffic;
                if !s.has_goal(Goal::FreeHostCpu)
                    || s.platform.kind != PlatformKind::BareMetal
                    || t.distributed_firewall
                    || t.encryption != Encryption::None
                    || s.has_goal(Goal::IsolateBareMetalTenants)
                {
                    return None;
                }
                let mut detail = format!(
                    "No virtual switch runs on these {}, and this scenario has no host firewall \
                     and no encryption: a DPU would find no host networking work to take over. \
                     The applications' own network stack stays on the host whatever the NIC, and \
                     any NIC already does segmentation, receive coalescing and receive-side \
                     scaling (TSO, LRO, RSS).",
                    servers(u64::from(s.fleet.hosts))
                );
                if let Some(m) = t.measured_networking_cores {
                    detail.push_str(&format!(
                        " The {} you measured {} that application work, and {} too.",
                        cores(m),
                        are(m),
                        if are(m) == "is" {
                            "it stays"
                        } else {
                            "they stay"
                        }
                    ));
                }
                if t.deep_inspection {
                    detail.push_str(
                        " Inspection in the data path would move only if it were rebuilt for the \
                         DPU's own cores, and the model counts no cores for it.",
                    );
                }
                Some(Fired::new(detail).instead(
                    "If a host firewall or encryption is what should move, tick it; otherwise free \
                     host CPU in the application (a faster packet path, fewer copies) rather than \
                     with a card.",
                ))
            },
        },
        RuleDoc {
            when: "goal free_host_cpu on bare metal with no host firewall and no encryption, \
                   unless tenants are isolated",
            fires_for: r#"{"platform": {"kind": "bare_metal"}, "workload": {"kind": "bare_metal_apps"}}"#,
            quiet_for: Some(
                r#"{"platform": {"kind": "bare_metal"}, "workload": {"kind": "bare_metal_apps"}, "traffic": {"encryption": "tls"}}"#,
            ),
        },
    ),
    (
        Rule {
            id: "nothing-to-offload",
            severity: Severity::WrongProblem,
            title: "There is no security work for the DPU to take over",
            sources: &["F1.1.4", "F2.3.1"],
            check: |ctx| {
                let s = ctx.s;
                let t = &s.traffic;
                if !s.has_goal(Goal::OffloadSecurity) || s.has_goal(Goal::IsolateBareMetalTenants) {
                    return None;
                }
                let detail = if s.is_vsphere() {
                    if t.distributed_firewall {
                        return None;
                    }
                    "On vSphere the DPU takes over the distributed firewall and no other security \
                     work: IDS/IPS and guest IPsec or TLS stay on the host. This scenario has no \
                     distributed firewall, so the DPU has no security work to take."
                } else {
                    if t.distributed_firewall
                        || t.encryption != Encryption::None
                        || t.deep_inspection
                    {
                        return None;
                    }
                    "The scenario has no firewall, no encryption and no deep inspection in the data \
                     path: there is no security work for the DPU to take over."
                };
                Some(Fired::new(detail.to_owned()).instead(if s.is_vsphere() {
                    "If a distributed firewall is what should move, tick it; otherwise drop the goal."
                } else {
                    "Say which security function should move (a distributed firewall, encryption or \
                     inspection), or drop the goal."
                }))
            },
        },
        RuleDoc {
            when: "goal offload_security without work the DPU would take (on vSphere: a distributed \
                   firewall; elsewhere: firewall, encryption or deep inspection), unless tenants \
                   are isolated",
            fires_for: r#"{"goals": ["offload_security"]}"#,
            quiet_for: Some(
                r#"{"goals": ["offload_security"], "traffic": {"distributed_firewall": true}}"#,
            ),
        },
    ),
    (
        Rule {
            id: "vsphere-too-old",
            severity: Severity::Unsupported,
            title: "This vSphere release has no DPU offload",
            sources: &["F2.2.1"],
            check: |ctx| {
                let s = ctx.s;
                (s.is_vsphere() && s.platform.vsphere < VsphereVersion::V8_0).then(|| {
                    Fired::new(format!(
                        "DPU support (the Distributed Services Engine) arrived with vSphere 8.0; {} \
                         can use the DPU only as a plain NIC.",
                        s.platform.vsphere.label()
                    ))
                    .instead("Upgrade to vSphere 8.0 Update 3 or later first.")
                })
            },
        },
        RuleDoc {
            when: "vSphere below 8.0",
            fires_for: r#"{"platform": {"vsphere": "7.0"}}"#,
            quiet_for: Some("{}"),
        },
    ),
    (
        Rule {
            id: "offload-needs-nsx",
            severity: Severity::Unsupported,
            title: "Without NSX the DPU is only a NIC",
            sources: &["F2.3.1"],
            check: |ctx| {
                let s = ctx.s;
                (s.is_vsphere() && s.platform.vsphere >= VsphereVersion::V8_0 && s.platform.nsx == NsxVersion::None)
                    .then(|| {
                        Fired::new(
                            "Until an NSX transport node is configured, vSphere uses the DPU as an \
                             ordinary network card: nothing is offloaded and no host CPU is freed."
                                .to_owned(),
                        )
                        .instead("Budget for NSX (and its licences) if you want the offload, or keep the plain NIC.")
                    })
            },
        },
        RuleDoc {
            when: "vSphere 8.0 or later with nsx = none",
            fires_for: r#"{"platform": {"nsx": "none"}}"#,
            quiet_for: Some(r#"{"platform": {"nsx": "none", "vsphere": "7.0"}}"#),
        },
    ),
    (
        Rule {
            id: "bare-metal-offload-unsupported",
            severity: Severity::Unsupported,
            title: "vSphere does not offload for bare-metal servers",
            sources: &["F1.1.6", "F1.2.3", "F2.2.2"],
            check: |ctx| {
                let s = ctx.s;
                let wants =
                    s.has_goal(Goal::RunBareMetal) || s.has_goal(Goal::IsolateBareMetalTenants);
                (s.is_vsphere() && wants).then(|| {
                    Fired::new(format!(
                        "NSX on a DPU in front of a bare-metal server was missing from the first \
                         release (vSphere 8 with NSX 4.0.1), and VMware still lists bare-metal \
                         management on the DPU as not supported{}; no later release is known to add \
                         it. With {} and {} this plan has no supported path.",
                        v8(s),
                        s.platform.vsphere.label(),
                        s.platform.nsx.label()
                    ))
                    .instead(
                        "For tenant-proof bare metal, look at platforms built for it: the public \
                         clouds' own cards, or an OpenStack or Kubernetes stack with DPU support.",
                    )
                })
            },
        },
        RuleDoc {
            when: "vSphere with goal run_bare_metal or isolate_bare_metal_tenants",
            fires_for: r#"{"goals": ["isolate_bare_metal_tenants"]}"#,
            quiet_for: Some(
                r#"{"goals": ["isolate_bare_metal_tenants"], "platform": {"kind": "kvm_ovs"}}"#,
            ),
        },
    ),
    (
        Rule {
            id: "storage-offload-unsupported",
            severity: Severity::Unsupported,
            title: "vSphere does not offload storage to the DPU",
            sources: &["F2.2.2"],
            check: |ctx| {
                let s = ctx.s;
                (s.is_vsphere() && s.has_goal(Goal::OffloadStorage)).then(|| {
                    Fired::new(format!(
                        "VMware names storage offload as something a DPU could do but lists it as \
                         not supported{}; on {} only the network data path moves.",
                        v8(s),
                        s.platform.vsphere.label()
                    ))
                    .instead(
                        "Storage offload exists outside vSphere, for example NVIDIA's NVMe emulation \
                         on BlueField under Linux.",
                    )
                })
            },
        },
        RuleDoc {
            when: "vSphere with goal offload_storage",
            fires_for: r#"{"goals": ["offload_storage"]}"#,
            quiet_for: Some(r#"{"goals": ["offload_storage"], "platform": {"kind": "kvm_ovs"}}"#),
        },
    ),
    (
        Rule {
            id: "dpu-model-unsupported",
            severity: Severity::Unsupported,
            title: "This DPU is on no published vSphere list",
            sources: &["F2.1.3", "F4.6.11"],
            check: |ctx| {
                let s = ctx.s;
                let m = s.dpu.model;
                (s.is_vsphere() && !m.on_vsphere_list()).then(|| {
                    Fired::new(format!(
                        "vSphere's DPU support covers NVIDIA BlueField-2 and BlueField-3 and the AMD \
                         Pensando DSC cards; the {} is on no published list{}.",
                        m.label(),
                        if m == crate::choice::DpuModel::Bluefield4 {
                            " (NVIDIA positions BlueField-4 for AI factories, not vSphere)"
                        } else {
                            ""
                        }
                    ))
                    .instead("Pick a BlueField or Pensando DSC card from your server vendor's certified list.")
                })
            },
        },
        RuleDoc {
            when: "vSphere with a model other than BlueField-2, BlueField-3 or a Pensando DSC card",
            fires_for: r#"{"dpu": {"model": "intel_ipu_e2100"}}"#,
            quiet_for: Some(r#"{"dpu": {"model": "pensando_dsc2_200"}}"#),
        },
    ),
    (
        Rule {
            id: "dpu-must-be-factory-installed",
            severity: Severity::Unsupported,
            title: "The DPU must come installed in the server",
            sources: &["F2.2.1"],
            check: |ctx| {
                let s = ctx.s;
                (s.is_vsphere() && !s.dpu.factory_installed).then(|| {
                    Fired::new(format!(
                        "VMware supports DPUs only in servers that ship with them; adding cards to \
                         the {} you already have is not a supported configuration.",
                        servers(u64::from(s.fleet.hosts))
                    ))
                    .instead("Plan the DPU into the next server purchase instead of a retrofit.")
                })
            },
        },
        RuleDoc {
            when: "vSphere and not factory-installed",
            fires_for: r#"{"dpu": {"factory_installed": false}}"#,
            quiet_for: Some("{}"),
        },
    ),
    (
        Rule {
            id: "server-oem-unsupported",
            severity: Severity::Unsupported,
            title: "Only certain server vendors ship vSphere DPU servers",
            sources: &["F2.2.1", "F2.2.2"],
            check: |ctx| {
                let s = ctx.s;
                (s.is_vsphere() && s.dpu.oem == crate::choice::Oem::Other).then(|| {
                    Fired::new(
                        "VMware's DPU support lists server designs from Dell and HPE (at launch) and \
                         later Lenovo and Fujitsu; a server from another vendor has no supported DPU \
                         configuration."
                            .to_owned(),
                    )
                    .instead(
                        "Choose a Dell, HPE, Lenovo or Fujitsu server design with the DPU built in.",
                    )
                })
            },
        },
        RuleDoc {
            when: "vSphere and OEM other",
            fires_for: r#"{"dpu": {"oem": "other"}}"#,
            quiet_for: Some(r#"{"dpu": {"oem": "lenovo"}}"#),
        },
    ),
    (
        Rule {
            id: "mixed-dpu-models",
            severity: Severity::Unsupported,
            title: "One offloaded switch needs one DPU vendor and model",
            sources: &["F2.2.3", "F2.3.2"],
            check: |ctx| {
                let s = ctx.s;
                (s.is_vsphere() && s.dpu.mixed_models_in_cluster).then(|| {
                    Fired::new(
                        "An offloading distributed switch may only hold hosts whose DPUs are the \
                         same vendor and model, and the offload setting is fixed when the switch is \
                         created. A mixed cluster needs one switch per DPU model."
                            .to_owned(),
                    )
                    .instead("Standardise on one DPU model per cluster, or split the switch.")
                })
            },
        },
        RuleDoc {
            when: "vSphere with mixed DPU models in the cluster",
            fires_for: r#"{"dpu": {"mixed_models_in_cluster": true}}"#,
            quiet_for: Some(
                r#"{"dpu": {"mixed_models_in_cluster": true}, "platform": {"kind": "kvm_ovs"}}"#,
            ),
        },
    ),
    (
        Rule {
            id: "dual-dpu-needs-8u3",
            severity: Severity::Unsupported,
            title: "Two DPUs per host need vSphere 8.0 Update 3",
            sources: &["F2.4.1", "F2.4.2"],
            check: |ctx| {
                let s = ctx.s;
                (s.is_vsphere()
                    && s.platform.vsphere < VsphereVersion::V8_0u3
                    && s.dpu.per_host == 2)
                    .then(|| {
                        Fired::new(format!(
                            "Two DPUs in one host (as an active/standby pair or side by side) are \
                         supported from vSphere 8.0 Update 3; {} allows one.",
                            s.platform.vsphere.label()
                        ))
                        .instead("Upgrade to 8.0 Update 3, or use one DPU per host.")
                    })
            },
        },
        RuleDoc {
            when: "vSphere below 8.0u3 with 2 DPUs per host",
            fires_for: r#"{"dpu": {"per_host": 2}, "platform": {"vsphere": "8.0u2"}}"#,
            quiet_for: Some(r#"{"dpu": {"per_host": 2}}"#),
        },
    ),
    (
        Rule {
            id: "kubernetes-dpu-unsupported",
            severity: Severity::Unsupported,
            title: "OVN-Kubernetes offloads to one BlueField per node",
            sources: &["F5.3.1"],
            check: |ctx| {
                let s = ctx.s;
                let not_bf = !s.dpu.model.is_bluefield();
                let two = s.dpu.per_host == 2;
                (s.platform.kind == PlatformKind::Kubernetes && (not_bf || two)).then(|| {
                    let mut why = Vec::new();
                    if not_bf {
                        why.push(format!("the {} is not", s.dpu.model.label()));
                    }
                    if two {
                        why.push("two DPUs per node are not".to_owned());
                    }
                    Fired::new(format!(
                        "OVN-Kubernetes runs its data plane on the DPU only with NVIDIA BlueField, \
                         tested upstream, and with one DPU per node: {} supported.",
                        why.join(", and ")
                    ))
                    .instead("Use one BlueField per node, or keep the data path on the host.")
                })
            },
        },
        RuleDoc {
            when: "Kubernetes with a model that is not BlueField, or with 2 DPUs per node",
            fires_for: r#"{"platform": {"kind": "kubernetes"}, "dpu": {"model": "intel_ipu_e2100"}}"#,
            quiet_for: Some(r#"{"platform": {"kind": "kubernetes"}}"#),
        },
    ),
    (
        Rule {
            id: "host-saturated",
            severity: Severity::CheckInputs,
            title: "Networking would need more cores than the host has",
            sources: &[
                "F4.1.1", "F4.1.2", "F4.1.3", "F4.1.4", "F4.1.5", "F4.1.6", "F4.1.7",
            ],
            check: |ctx| {
                let (s, c) = (ctx.s, ctx.cost);
                if c.networking_cores_per_host <= f64::from(s.fleet.cores_per_host) {
                    return None;
                }
                let detail = if s.traffic.measured_networking_cores.is_some() {
                    format!(
                        "You entered {} measured on the data path, but each host has {}: the \
                         measurement or the core count is off.",
                        cores(c.networking_cores_per_host),
                        cores(f64::from(s.fleet.cores_per_host))
                    )
                } else {
                    format!(
                        "At {} Gb/s with {}-byte packets ({} packets per second) a software data \
                         path would need about {} at these per-core rates, more than the {} each \
                         host has: in software these hosts could not carry this traffic at all, so \
                         the rates, the packet size or the traffic are off.",
                        auto(s.traffic.gbps_per_host),
                        auto(s.traffic.avg_packet_bytes),
                        num(c.packets_per_second, 0),
                        cores(c.networking_cores_per_host),
                        s.fleet.cores_per_host
                    )
                };
                Some(Fired::new(detail).instead(format!(
                    "Measure the cores the data path uses today ({}) and enter them, or check the \
                     packet size and traffic; a poll-mode data path (DPDK, AF_XDP, VPP) may carry \
                     this traffic without a DPU.",
                    s.core_meter()
                )))
            },
        },
        RuleDoc {
            when: "networking cores per host above the host's cores",
            fires_for: r#"{"traffic": {"gbps_per_host": 100, "avg_packet_bytes": 64}}"#,
            quiet_for: Some("{}"),
        },
    ),
    (
        Rule {
            id: "no-goal",
            severity: Severity::CheckInputs,
            title: "No goal is set",
            sources: &["F1.1.4"],
            check: |ctx| {
                ctx.s.goals.is_empty().then(|| {
                    Fired::new(
                        "A DPU is a means, not an end: whether it is worth it depends on what it \
                         should achieve, and no goal is ticked."
                            .to_owned(),
                    )
                    .instead("Tick what the DPUs should do: free host cores, save rack space, isolate tenants, …")
                })
            },
        },
        RuleDoc {
            when: "goals is empty",
            fires_for: r#"{"goals": []}"#,
            quiet_for: Some("{}"),
        },
    ),
    (
        Rule {
            id: "tenant-isolation-needs-dpu",
            severity: Severity::Required,
            title: "Tenant isolation on bare metal needs a DPU",
            sources: &["F1.2.2", "F3.1.3", "F5.2.1", "F5.2.3", "F5.4.4", "F3.5.1"],
            check: |ctx| {
                let (s, c) = (ctx.s, ctx.cost);
                if !s.has_goal(Goal::IsolateBareMetalTenants) || s.is_vsphere() {
                    return None;
                }
                if s.workload.kind != WorkloadKind::BareMetalApps {
                    return Some(
                        Fired::new(format!(
                            "With {}, tenants run in VMs or pods, and the hypervisor or the node \
                             already isolates them. A DPU is needed for isolation only when tenants \
                             rent whole servers.",
                            workload_words(s)
                        ))
                        .severity(Severity::CheckInputs)
                        .title("It is unclear who the bare-metal tenants are")
                        .instead("If tenants rent whole servers, set the workload to applications on bare metal."),
                    );
                }
                let month = c.dpu_cost_per_host / (12.0 * s.fleet.lifetime_years);
                let cost = format!(
                    "{} per server over {}: about {} per server per month",
                    money(c.dpu_cost_per_host, cur(s)),
                    years(s),
                    money(month, cur(s))
                );
                let instead = "If tenants need not join your overlay, per-tenant VRFs or EVPN on \
                               the leaf switches, a DPU-equipped top-of-rack switch, or pooled DPUs \
                               can isolate them without a card in every server.";
                if !s.traffic.overlay {
                    // Model 3: without an overlay the leaf switches already separate whole
                    // servers; the DPU is then a choice the money has to justify.
                    return Some(
                        Fired::new(format!(
                            "Tenants rent whole servers but join no overlay here, and VLANs or VRFs \
                             on the leaf switches already keep whole servers apart. A DPU becomes \
                             required once tenants join your virtual network (VPCs, security \
                             groups); until then it has to pay its way like any other plan. It \
                             would cost {cost}."
                        ))
                        .severity(Severity::Info)
                        .title("Without an overlay, the leaf switches can isolate whole-server tenants")
                        .instead(instead),
                    );
                }
                Some(
                    Fired::new(format!(
                        "Tenants run their own operating system on the whole server and join your \
                         overlay, so the provider's network boundary cannot sit on the server \
                         itself. A DPU managed from outside the host, as AWS Nitro and NVIDIA's \
                         bare-metal controller use it, keeps tenants inside your virtual network. \
                         Here that costs {cost}."
                    ))
                    .instead(instead),
                )
            },
        },
        RuleDoc {
            when: "goal isolate_bare_metal_tenants off vSphere (required with bare-metal \
                   applications on an overlay, info without one, else check_inputs)",
            fires_for: r#"{"goals": ["isolate_bare_metal_tenants"], "platform": {"kind": "bare_metal"}, "workload": {"kind": "bare_metal_apps"}}"#,
            quiet_for: Some(r#"{"goals": ["isolate_bare_metal_tenants"]}"#),
        },
    ),
    (
        Rule {
            id: "loses-nioc",
            severity: Severity::Tradeoff,
            title: "Network I/O Control is lost",
            sources: &["F1.1.5", "F2.3.4"],
            check: |ctx| {
                loses(
                    ctx,
                    Feature::Nioc,
                    "bandwidth sharing between traffic types",
                )
            },
        },
        RuleDoc {
            when: "offload possible and the user relies on NIOC",
            fires_for: r#"{"features": ["nioc"]}"#,
            quiet_for: Some(r#"{"features": ["nioc"], "platform": {"kind": "kvm_ovs"}}"#),
        },
    ),
    (
        Rule {
            id: "loses-traffic-shaping",
            severity: Severity::Tradeoff,
            title: "Traffic shaping is lost",
            sources: &["F1.1.5", "F2.3.4"],
            check: |ctx| loses(ctx, Feature::TrafficShaping, "per-port rate limiting"),
        },
        RuleDoc {
            when: "offload possible and the user relies on traffic shaping",
            fires_for: r#"{"features": ["traffic_shaping"]}"#,
            quiet_for: Some(r#"{"features": ["traffic_shaping"], "platform": {"nsx": "none"}}"#),
        },
    ),
    (
        Rule {
            id: "loses-dv-filter",
            severity: Severity::Tradeoff,
            title: "DV filter (inline security products) is lost",
            sources: &["F1.1.5", "F2.3.4"],
            check: |ctx| {
                loses(
                    ctx,
                    Feature::DvFilter,
                    "the hook third-party security products use",
                )
            },
        },
        RuleDoc {
            when: "offload possible and the user relies on DV filter",
            fires_for: r#"{"features": ["dv_filter"]}"#,
            quiet_for: Some(r#"{"features": ["dv_filter"], "platform": {"kind": "kubernetes"}}"#),
        },
    ),
    (
        Rule {
            id: "vmotion-only-between-dpu-hosts",
            severity: Severity::Tradeoff,
            title: "Offloaded VMs move only between DPU hosts",
            sources: &["F2.2.3"],
            check: |ctx| {
                let s = ctx.s;
                (s.offload_possible() && s.relies_on(Feature::VmotionToNonDpuHosts)).then(|| {
                    Fired::new(format!(
                        "With the offload on, vMotion works only between hosts that both have \
                         DPUs{}; the VMs can no longer move to the hosts without one.",
                        v8(s)
                    ))
                    .instead("Put DPUs in every host of the cluster, or keep the non-DPU hosts in a separate cluster.")
                })
            },
        },
        RuleDoc {
            when: "offload possible and VMs must move to hosts without DPUs",
            fires_for: r#"{"features": ["vmotion_to_non_dpu_hosts"]}"#,
            quiet_for: Some("{}"),
        },
    ),
    (
        Rule {
            id: "dpu-line-rate-exceeded",
            severity: Severity::Tradeoff,
            title: "Traffic is above the DPU's line rate",
            sources: &["F4.6.1", "F4.6.3", "F4.6.8", "F3.3.2", "F2.4.6"],
            check: |ctx| {
                let (s, c) = (ctx.s, ctx.cost);
                let g = s.traffic.gbps_per_host;
                let l = c.dpu_line_rate_gbps;
                (g > l).then(|| {
                    let cards = match (s.dpu.per_host, s.dpu.dual_mode) {
                        (2, DualMode::ActiveStandby) => format!(
                            "two {} cards in active/standby mode carry one card's",
                            s.dpu.model.label()
                        ),
                        (2, DualMode::Independent) => {
                            format!("two independent {} cards carry", s.dpu.model.label())
                        }
                        _ => format!("the {} carries", s.dpu.model.label()),
                    };
                    Fired::new(format!(
                        "Each host moves {} Gb/s, but {cards} {} Gb/s. The other {} Gb/s stay on \
                         the host's own data path, and their cores are not counted as freed.",
                        auto(g),
                        auto(l),
                        auto(g - l)
                    ))
                    .instead(
                        "Use a faster card, or two independent DPUs per host (without card failover).",
                    )
                })
            },
        },
        RuleDoc {
            when: "traffic per host above the usable DPU line rate",
            fires_for: r#"{"traffic": {"gbps_per_host": 500}}"#,
            quiet_for: Some(
                r#"{"traffic": {"gbps_per_host": 500}, "dpu": {"per_host": 2, "dual_mode": "independent"}}"#,
            ),
        },
    ),
    (
        Rule {
            id: "kubernetes-offload-immature",
            severity: Severity::Tradeoff,
            title: "Kubernetes DPU offload is not production-ready",
            sources: &["F5.3.1", "F5.3.2", "F5.3.3", "F5.3.4"],
            check: |ctx| {
                (ctx.s.platform.kind == PlatformKind::Kubernetes).then(|| {
                    Fired::new(
                        "OVN-Kubernetes DPU offload is alpha upstream and tested only on BlueField; \
                         NVIDIA calls its plain OVN-Kubernetes offload a proof of concept, and \
                         OpenShift's DPU operator is a technology preview that 4.21 does not offer. \
                         It also needs a separate Kubernetes cluster for the DPUs."
                            .to_owned(),
                    )
                    .instead("Pilot it on a few nodes; for production, OVS hardware offload on a ConnectX NIC is the mature path.")
                })
            },
        },
        RuleDoc {
            when: "Kubernetes platform",
            fires_for: r#"{"platform": {"kind": "kubernetes"}}"#,
            quiet_for: Some("{}"),
        },
    ),
    (
        Rule {
            id: "offload-path-vendor-specific",
            severity: Severity::Tradeoff,
            title: "Open vSwitch offload is documented for BlueField and ConnectX",
            sources: &["F5.4.1", "F5.3.6"],
            check: |ctx| {
                let s = ctx.s;
                (s.platform.kind == PlatformKind::KvmOvs && !s.dpu.model.is_bluefield()).then(|| {
                    Fired::new(format!(
                        "Upstream Open vSwitch and OVN hardware offload is documented for NVIDIA \
                         BlueField DPUs and ConnectX NICs, and OpenStack runs OVN on an off-path DPU \
                         as its own chassis. For the {} the offload path is the vendor's own.",
                        s.dpu.model.label()
                    ))
                    .instead("Check what the vendor supports with your Open vSwitch, OVN and OpenStack releases.")
                })
            },
        },
        RuleDoc {
            when: "KVM/OpenStack with a model that is not BlueField",
            fires_for: r#"{"platform": {"kind": "kvm_ovs"}, "dpu": {"model": "pensando_dsc2_200"}}"#,
            quiet_for: Some(r#"{"platform": {"kind": "kvm_ovs"}}"#),
        },
    ),
    (
        Rule {
            id: "arm-cores-slow-path",
            severity: Severity::Tradeoff,
            title: "Inspection on the DPU's Arm cores may be slower than on the host",
            sources: &["F4.8.2", "F4.8.6", "F4.8.7"],
            check: |ctx| {
                let s = ctx.s;
                (s.traffic.deep_inspection && !s.is_vsphere()).then(|| {
                    Fired::new(
                        "IDS/IPS and L7 inspection do not fit a DPU's fixed-function pipeline, so \
                         they land on its embedded Arm cores. Studies of BlueField-2 and BlueField-3 \
                         found those cores slower than the host's for such work, and deep packet \
                         inspection missed its expected gains."
                            .to_owned(),
                    )
                    .instead("Test your heaviest inspected flow on the card before buying, or keep inspection on the host.")
                })
            },
        },
        RuleDoc {
            when: "deep inspection off vSphere",
            fires_for: r#"{"platform": {"kind": "kvm_ovs"}, "traffic": {"deep_inspection": true}}"#,
            quiet_for: Some(r#"{"traffic": {"deep_inspection": true}}"#),
        },
    ),
    (
        Rule {
            id: "features-kept",
            severity: Severity::Good,
            title: "These switch features keep working",
            sources: &["F2.3.3"],
            check: |ctx| {
                let s = ctx.s;
                let among = [
                    Feature::Lacp,
                    Feature::PortMirroring,
                    Feature::PrivateVlans,
                    Feature::Lldp,
                ];
                (s.offload_possible() && among.iter().any(|f| s.relies_on(*f))).then(|| {
                    let (named, n) = features_named(s, &among);
                    Fired::new(format!(
                        "{} {} supported on a switch offloaded to the DPU{}.",
                        capitalized(&named),
                        if n == 1 { "stays" } else { "stay" },
                        v8(s)
                    ))
                })
            },
        },
        RuleDoc {
            when: "offload possible and the user relies on LACP, port mirroring, private VLANs or LLDP",
            fires_for: r#"{"features": ["lacp"]}"#,
            quiet_for: Some(r#"{"features": ["nioc"]}"#),
        },
    ),
    (
        Rule {
            id: "feature-support-unverified",
            severity: Severity::Info,
            title: "Support for some features is not documented",
            sources: &["F2.3.5"],
            check: |ctx| {
                let s = ctx.s;
                let among = [Feature::SrIov, Feature::Netflow, Feature::MulticastSnooping];
                (s.offload_possible() && among.iter().any(|f| s.relies_on(*f))).then(|| {
                    let (named, n) = features_named(s, &among);
                    Fired::new(format!(
                        "VMware's offload compatibility page lists neither support nor loss for {named}. \
                         Treat {} as unknown until VMware confirms {} for your release.",
                        if n == 1 { "it" } else { "them" },
                        if n == 1 { "it" } else { "them" },
                    ))
                    .instead("Ask VMware, or test on one host before rolling out.")
                })
            },
        },
        RuleDoc {
            when: "offload possible and the user relies on SR-IOV, NetFlow or multicast snooping",
            fires_for: r#"{"features": ["netflow"]}"#,
            quiet_for: Some(r#"{"features": ["lldp"]}"#),
        },
    ),
    (
        Rule {
            id: "upt-needed",
            severity: Severity::Info,
            title: "Offloaded VMs need UPT, and a switch needs one DPU model",
            sources: &["F2.1.6", "F2.2.3", "F2.2.7"],
            check: |ctx| {
                let s = ctx.s;
                s.offload_possible().then(|| {
                    Fired::new(format!(
                        "To use the offloaded path a VM's adapter needs Uniform Pass-Through (UPT), \
                         which keeps vMotion working but needs VM hardware version 20 or later and \
                         the VM's memory fully reserved: no memory overcommit for those VMs. An \
                         offloaded switch needs one DPU vendor and model on all its hosts ({} \
                         here){}.",
                        s.dpu.model.label(),
                        v8(s)
                    ))
                })
            },
        },
        RuleDoc {
            when: "offload possible",
            fires_for: "{}",
            quiet_for: Some(r#"{"platform": {"kind": "kvm_ovs"}}"#),
        },
    ),
    (
        Rule {
            id: "dfw-on-dpu-unverified",
            severity: Severity::Info,
            title: "The distributed firewall on the DPU is unverified for NSX 4.0.1",
            sources: &["F2.2.5", "F2.2.8"],
            check: |ctx| {
                let s = ctx.s;
                (s.is_vsphere()
                    && s.platform.nsx == NsxVersion::V4_0_1
                    && s.traffic.distributed_firewall)
                    .then(|| {
                        let measured = if s.traffic.measured_networking_cores.is_some() {
                            " Leave the firewall's share out of your measurement too."
                        } else {
                            ""
                        };
                        Fired::new(format!(
                            "Partners say NSX 4 runs firewalling on the DPU, but which release made it \
                         generally available is not confirmed. With NSX 4.0.1 the cost model \
                         therefore counts the firewall's work as staying on the host.{measured}"
                        ))
                        .instead("Check the NSX release notes, or plan NSX 4.1 or later.")
                    })
            },
        },
        RuleDoc {
            when: "vSphere with NSX 4.0.1 and a distributed firewall",
            fires_for: r#"{"platform": {"nsx": "4.0.1"}, "traffic": {"distributed_firewall": true}}"#,
            quiet_for: Some(r#"{"traffic": {"distributed_firewall": true}}"#),
        },
    ),
    (
        Rule {
            id: "encryption-stays-on-host",
            severity: Severity::Info,
            title: "Guest encryption stays on the host",
            sources: &["F1.1.4", "F2.2.1"],
            check: |ctx| {
                let s = ctx.s;
                (s.is_vsphere() && s.traffic.encryption != Encryption::None).then(|| {
                    let measured = if s.traffic.measured_networking_cores.is_some() {
                        " Leave it out of your measurement too."
                    } else {
                        ""
                    };
                    Fired::new(format!(
                        "On vSphere only the switch and the NSX data path move to the DPU{}; the \
                         guests' {} stays on the host and is not counted as freed.{measured}",
                        v8(s),
                        s.traffic.encryption.label()
                    ))
                })
            },
        },
        RuleDoc {
            when: "vSphere with encryption in host software",
            fires_for: r#"{"traffic": {"encryption": "tls"}}"#,
            quiet_for: Some(
                r#"{"traffic": {"encryption": "tls"}, "platform": {"kind": "kvm_ovs"}}"#,
            ),
        },
    ),
    (
        Rule {
            id: "plain-nic-does-crypto",
            severity: Severity::Info,
            title: "A plain NIC can encrypt inline",
            sources: &["F4.3.5", "F4.3.7", "F4.3.8"],
            check: |ctx| {
                let s = ctx.s;
                (!s.is_vsphere() && s.traffic.encryption != Encryption::None).then(|| {
                    Fired::new(format!(
                        "A ConnectX NIC does inline TLS (kTLS) and IPsec without Arm cores or a \
                         second operating system; inline TLS took Netflix from about 240 to 375 Gb/s \
                         per server. One caveat: on a retransmit the NIC re-reads the whole record, \
                         so FreeBSD falls back to software on lossy connections. The {} here could \
                         move the same way.",
                        s.traffic.encryption.label()
                    ))
                })
            },
        },
        RuleDoc {
            when: "encryption in host software off vSphere",
            fires_for: r#"{"platform": {"kind": "kvm_ovs"}, "traffic": {"encryption": "ipsec"}}"#,
            quiet_for: Some(r#"{"traffic": {"encryption": "ipsec"}}"#),
        },
    ),
    (
        Rule {
            id: "dual-dpu-independent",
            severity: Severity::Tradeoff,
            title: "Two independent DPUs have no card failover",
            sources: &["F2.4.6", "F2.4.8"],
            check: |ctx| {
                let (s, c) = (ctx.s, ctx.cost);
                (s.dpu.per_host == 2 && s.dpu.dual_mode == DualMode::Independent).then(|| {
                    Fired::new(format!(
                        "In independent mode each DPU backs its own offloaded switch: both forward \
                         ({} Gb/s per host in all), but a card failure takes the workloads on its \
                         switch off the network until they move.",
                        auto(c.dpu_line_rate_gbps)
                    ))
                    .instead("Use active/standby mode where a host must survive a card failure.")
                })
            },
        },
        RuleDoc {
            when: "2 DPUs per host in independent mode",
            fires_for: r#"{"dpu": {"per_host": 2, "dual_mode": "independent"}}"#,
            quiet_for: Some(r#"{"dpu": {"per_host": 2}}"#),
        },
    ),
    (
        Rule {
            id: "dual-dpu-standby",
            severity: Severity::Tradeoff,
            title: "The standby DPU pays only for card failover",
            sources: &["F2.4.1", "F2.4.6"],
            check: |ctx| {
                let (s, c) = (ctx.s, ctx.cost);
                (s.dpu.per_host == 2 && s.dpu.dual_mode == DualMode::ActiveStandby).then(|| {
                    // k counts both cards: the second one is half of it (its price over a NIC,
                    // its power and any licence over the lifetime).
                    let second = c.dpu_cost_per_host / 2.0;
                    Fired::new(format!(
                        "In active/standby mode one DPU forwards and the other waits for it to \
                         fail, so each host gets one card's {} Gb/s for two cards' cost. The \
                         second card costs {} per host over {} (its price over a NIC and its \
                         power), {} across the {} that {} DPUs: that is the price of surviving a \
                         card failure. A dual-port card cabled to two switches already survives a \
                         link or switch failure.",
                        auto(c.dpu_line_rate_gbps),
                        money(second, cur(s)),
                        years(s),
                        money(second * c.dpu_hosts as f64, cur(s)),
                        count(c.dpu_hosts as f64, "host", "hosts"),
                        if c.dpu_hosts == 1 { "gets" } else { "get" }
                    ))
                    .instead(
                        "Use one dual-port DPU per host cabled to two switches, unless a card \
                         failure must not take a host off the network.",
                    )
                })
            },
        },
        RuleDoc {
            when: "2 DPUs per host in active/standby mode",
            fires_for: r#"{"dpu": {"per_host": 2}}"#,
            quiet_for: Some("{}"),
        },
    ),
    (
        Rule {
            id: "not-cpu-bound",
            severity: Severity::Info,
            title: "Freed cores remove no servers here",
            sources: &["F1.2.7"],
            check: |ctx| {
                let (s, c) = (ctx.s, ctx.cost);
                (s.fleet.bound_by != BoundBy::Cpu).then(|| {
                    Fired::new(format!(
                        "How many servers you need is set by {}, not by cores: the {} freed per host \
                         ({} servers' worth across the fleet) remove no server, so the model counts \
                         none.",
                        in_sentence(s.fleet.bound_by.label()),
                        cores(c.cores_freed_per_host),
                        auto(c.servers_avoided_fractional)
                    ))
                })
            },
        },
        RuleDoc {
            when: "servers bound by memory, GPUs or tenants",
            fires_for: r#"{"fleet": {"bound_by": "gpu"}}"#,
            quiet_for: Some("{}"),
        },
    ),
    (
        Rule {
            id: "claim-vs-model",
            severity: Severity::Info,
            title: "The pitch against this scenario",
            sources: &["F4.5.1", "F4.5.5", "F1.2.7"],
            check: |ctx| {
                let (s, c, u) = (ctx.s, ctx.cost, ctx.u);
                let claim = s.claim.cpu_freed_percent;
                if claim <= 0.0 {
                    return None;
                }
                let freed = c.cores_freed_per_host / f64::from(s.fleet.cores_per_host);
                let pitch = claim / 100.0;
                let verdict = if c.networking_share_of_host > 1.0 {
                    // host-saturated: the inputs are off, so no comparison holds.
                    "Networking here needs more cores than the host has: check the inputs before \
                     comparing."
                } else if u.cores_freed_share_p90 < pitch {
                    "Even the optimistic end of the range falls short of the pitch."
                } else if u.cores_freed_share_p10 >= pitch {
                    "This scenario meets the pitch across the range."
                } else {
                    "The pitch lies within the range: measure before you believe it."
                };
                Some(Fired::new(format!(
                    "The pitch: up to {} of host CPU. Here networking uses {} of each host, and the \
                     DPU frees {} (P10–P90: {} to {}). {verdict}",
                    percent(pitch),
                    percent(c.networking_share_of_host),
                    percent(freed),
                    percent(u.cores_freed_share_p10),
                    percent(u.cores_freed_share_p90)
                )))
            },
        },
        RuleDoc {
            when: "a claim is set",
            fires_for: "{}",
            quiet_for: Some(r#"{"claim": {"cpu_freed_percent": 0}}"#),
        },
    ),
    (
        Rule {
            id: "measured-vs-model",
            severity: Severity::Info,
            title: "Your measurement against the model",
            sources: &["F4.1.5"],
            check: |ctx| {
                let (s, c, p) = (ctx.s, ctx.cost, ctx.p);
                let m = s.traffic.measured_networking_cores?;
                let modelled = c.modelled_networking_cores_per_host;
                let ratio = if modelled > 0.0 {
                    format!(" ({}× the estimate)", num(m / modelled, 1))
                } else {
                    String::new()
                };
                let traffic = format!(
                    "{} Gb/s of {}-byte packets",
                    auto(s.traffic.gbps_per_host),
                    auto(s.traffic.avg_packet_bytes)
                );
                if s.platform.kind == PlatformKind::BareMetal {
                    // Model 3: on bare metal the measurement sets N only (SPEC §5).
                    return Some(Fired::new(format!(
                        "You measured {}{ratio}; for {traffic} the model estimates {} for the \
                         host firewall and encryption, since no virtual switch runs on bare metal. \
                         The cost figures take your measurement as today's networking cores, \
                         scaled with traffic; what a DPU takes over still comes from the model.",
                        cores(m),
                        cores(modelled)
                    )));
                }
                Some(Fired::new(format!(
                    "You measured {}{ratio}; for {traffic} on {} data path the model estimates \
                     {}. The cost figures use your measurement, scaled with traffic.",
                    cores(m),
                    match p.r.datapath {
                        Datapath::Kernel => "a kernel",
                        Datapath::Enhanced => "an enhanced",
                    },
                    cores(modelled)
                )))
            },
        },
        RuleDoc {
            when: "measured networking cores given",
            fires_for: r#"{"traffic": {"measured_networking_cores": 4}}"#,
            quiet_for: Some("{}"),
        },
    ),
    (
        Rule {
            id: "measured-implausible",
            severity: Severity::CheckInputs,
            title: "The measured cores do not fit the traffic",
            sources: &[
                "F4.1.1", "F4.1.2", "F4.1.3", "F4.1.4", "F4.1.5", "F4.1.6", "F4.1.7", "F4.1.9",
            ],
            check: |ctx| {
                let (s, p) = (ctx.s, ctx.p);
                let m = s.traffic.measured_networking_cores?;
                if s.platform.kind == PlatformKind::BareMetal {
                    return None;
                }
                let g = s.traffic.gbps_per_host;
                let kernel = p.r.datapath == Datapath::Kernel;
                let instead = format!(
                    "Check the traffic (the average through the virtual switch, not a port \
                     speed or a peak), the average packet size, and what the measurement ({}) \
                     counted.",
                    s.core_meter()
                );
                if g <= 0.0 {
                    return (m > 0.0 && kernel).then(|| {
                        Fired::new(format!(
                            "You measured {} on the data path at 0 Gb/s. A kernel data path \
                             burns cores only while it forwards packets; only a poll-mode path \
                             (OVS-DPDK, an Enhanced Data Path in performance mode, VPP) keeps \
                             cores busy with no traffic.",
                            cores(m)
                        ))
                        .title("Cores measured on an idle kernel data path")
                        .instead(format!(
                            "{instead} If the data path is a poll-mode one, set it to enhanced."
                        ))
                    });
                }
                let least = least_data_path_cores(p);
                (m < least / 2.0).then(|| {
                    let r = &p.r.ranges;
                    Fired::new(format!(
                        "You measured {} on the data path, but {} Gb/s of {}-byte packets needs \
                         at least about {} on {} data path even at the fast end of the per-core \
                         rates in force ({} Gb/s and {} million packets per second per core) with \
                         the least overlay and firewall overhead: the measurement is under half \
                         of that.",
                        cores(m),
                        auto(g),
                        auto(s.traffic.avg_packet_bytes),
                        cores(least),
                        if kernel { "a kernel" } else { "an enhanced" },
                        auto(r.get(AssumptionId::VswitchGbpsPerCore).high),
                        auto(r.get(AssumptionId::VswitchMppsPerCore).high),
                    ))
                    .instead(instead)
                })
            },
        },
        RuleDoc {
            when: "measured networking cores off bare metal below half the least the model allows \
                   for the traffic, or above 0 on an idle kernel data path",
            fires_for: r#"{"traffic": {"measured_networking_cores": 0.3}}"#,
            quiet_for: Some(r#"{"traffic": {"measured_networking_cores": 0.4}}"#),
        },
    ),
    (
        Rule {
            id: "traffic-beyond-cards",
            severity: Severity::CheckInputs,
            title: "The traffic is more than twice what the DPUs carry",
            sources: &["F4.6.1", "F4.6.3", "F4.6.8"],
            check: |ctx| {
                let (s, c) = (ctx.s, ctx.cost);
                let g = s.traffic.gbps_per_host;
                let l = c.dpu_line_rate_gbps;
                (g > 2.0 * l).then(|| {
                    Fired::new(format!(
                        "Each host is said to move {} Gb/s through its virtual switch, more than \
                         twice the {} Gb/s its {} can carry. A figure like that is almost always \
                         a port speed, a peak, or RDMA or GPU-fabric traffic that never passes \
                         through the host's switch, not the average load the model needs.",
                        auto(g),
                        auto(l),
                        if s.dpu.per_host == 2 { "DPUs" } else { "DPU" }
                    ))
                    .instead(
                        "Enter the average load through the virtual switch per host, leaving out \
                         RDMA, GPU-fabric, SR-IOV and storage traffic that bypasses it.",
                    )
                })
            },
        },
        RuleDoc {
            when: "traffic per host above twice the usable DPU line rate",
            fires_for: r#"{"traffic": {"gbps_per_host": 1000, "avg_packet_bytes": 9000}}"#,
            quiet_for: Some(r#"{"traffic": {"gbps_per_host": 500}}"#),
        },
    ),
    (
        Rule {
            id: "bare-metal-app-datapath",
            severity: Severity::Info,
            title: "On bare metal the measured packet work stays with the application",
            sources: &["F1.1.4", "F5.4.3"],
            check: |ctx| {
                let (s, c) = (ctx.s, ctx.cost);
                let m = s.traffic.measured_networking_cores?;
                if s.platform.kind != PlatformKind::BareMetal {
                    return None;
                }
                let t = &s.traffic;
                let taken = match (t.distributed_firewall, t.encryption != Encryption::None) {
                    (true, true) => "the host firewall and the encryption",
                    (true, false) => "the host firewall",
                    (false, true) => "the encryption",
                    (false, false) => "",
                };
                let counted = if taken.is_empty() {
                    "there is neither here, so nothing is counted as offloadable".to_owned()
                } else {
                    format!(
                        "here the model counts {} for {taken}",
                        cores(c.offloadable_cores_per_host)
                    )
                };
                Some(
                    Fired::new(format!(
                        "On bare metal a DPU takes over only a host firewall and encryption; \
                         {counted}. The {} you measured {} shown as today's networking, but \
                         packet processing that is the application itself (VPP, a DPDK \
                         application, a NAT or a load balancer) stays on the host unless the \
                         application is ported to the DPU, so none of it is counted as freed.",
                        cores(m),
                        are(m)
                    ))
                    .instead(
                        "Count the measured cores as freed only if you plan to port the \
                         application to the DPU's cores, a project of its own.",
                    ),
                )
            },
        },
        RuleDoc {
            when: "bare metal with measured networking cores",
            fires_for: r#"{"platform": {"kind": "bare_metal"}, "workload": {"kind": "bare_metal_apps"}, "traffic": {"distributed_firewall": true, "measured_networking_cores": 6}}"#,
            quiet_for: Some(
                r#"{"platform": {"kind": "bare_metal"}, "workload": {"kind": "bare_metal_apps"}, "traffic": {"distributed_firewall": true}}"#,
            ),
        },
    ),
    (
        Rule {
            id: "deep-inspection-stays-on-host",
            severity: Severity::Info,
            title: "IDS/IPS stays on the host on vSphere",
            sources: &["F2.3.1", "F2.2.8"],
            check: |ctx| {
                let s = ctx.s;
                (s.is_vsphere() && s.traffic.deep_inspection).then(|| {
                    Fired::new(
                        "No public statement says NSX IDS/IPS or L7 inspection runs on the DPU: \
                         treat that work as staying on the host. The cost model counts none of it \
                         as freed."
                            .to_owned(),
                    )
                })
            },
        },
        RuleDoc {
            when: "vSphere with deep inspection",
            fires_for: r#"{"traffic": {"deep_inspection": true}}"#,
            quiet_for: Some(
                r#"{"traffic": {"deep_inspection": true}, "platform": {"kind": "kvm_ovs"}}"#,
            ),
        },
    ),
    (
        Rule {
            id: "vcf9-scope-unverified",
            severity: Severity::Info,
            title: "vSphere 9 DPU scope is documented only for vSphere 8",
            sources: &["F2.5.1", "F2.5.4", "F2.5.5", "F2.5.6"],
            check: |ctx| {
                ctx.s.is_vsphere9().then(|| {
                    Fired::new(
                        "The support statements in these findings are documented for vSphere 8. \
                         The vSphere 9.1 API keeps DPU offload and adds a separate Performance NIC \
                         Offload for ordinary NICs whose scope is unpublished; VCF 9 runs NSX's \
                         Enhanced Data Path by default."
                            .to_owned(),
                    )
                    .instead("Confirm the DPU scope with Broadcom for your VCF 9 release.")
                })
            },
        },
        RuleDoc {
            when: "vSphere 9.0 or 9.1",
            fires_for: r#"{"platform": {"vsphere": "9.1", "nsx": "9.1"}}"#,
            quiet_for: Some("{}"),
        },
    ),
    (
        Rule {
            id: "storage-offload-fits",
            severity: Severity::Good,
            title: "BlueField can present network storage as local NVMe",
            sources: &["F5.1.1"],
            check: |ctx| {
                let s = ctx.s;
                (s.has_goal(Goal::OffloadStorage) && !s.is_vsphere() && s.dpu.model.is_bluefield()).then(|| {
                    Fired::new(format!(
                        "NVIDIA's SNAP service on the {} shows remote NVMe-oF storage to the host as \
                         a local NVMe or virtio-blk disk with the standard driver. The cost model \
                         here counts only network switching, not the storage CPU this saves.",
                        s.dpu.model.label()
                    ))
                })
            },
        },
        RuleDoc {
            when: "goal offload_storage off vSphere with a BlueField DPU",
            fires_for: r#"{"goals": ["offload_storage"], "platform": {"kind": "kvm_ovs"}}"#,
            quiet_for: Some(
                r#"{"goals": ["offload_storage"], "platform": {"kind": "kvm_ovs"}, "dpu": {"model": "pensando_dsc2_100"}}"#,
            ),
        },
    ),
    (
        Rule {
            id: "plans-compared",
            severity: Severity::Info,
            title: "The DPUs against the plans without one",
            sources: &[
                "F2.6.1", "F4.1.2", "F5.4.1", "F5.4.2", "F5.4.3", "F5.4.4", "F5.4.5", "F3.5.1",
                "F10.1.4", "F10.2.1", "F10.2.2",
            ],
            check: |ctx| {
                let s = ctx.s;
                let instead = "Not priced here: firewalling in the switch (a DPU-equipped \
                               top-of-rack switch serves a whole rack) and a pool of shared DPUs \
                               instead of one in every server; ask for quotes where either fits.";
                if ctx.plans.is_empty() {
                    return Some(
                        Fired::new(
                            "No plan without a DPU was computed for this report.".to_owned(),
                        )
                        .instead(instead),
                    );
                }
                let best = crate::plans::best_plan_given(ctx.required, ctx.plans);
                let mut detail =
                    "Each plan is computed over the same futures as the DPUs.".to_owned();
                for r in ctx.plans {
                    detail.push(' ');
                    detail.push_str(&plan_line(ctx, r, r.id == best));
                }
                detail.push(' ');
                detail.push_str(&match best {
                    PlanId::Dpu if ctx.required => "Only the DPUs do what is required above, so \
                                                    they are the plan to take whatever the money \
                                                    says; the other plans' figures show what they \
                                                    would save without meeting it."
                        .to_owned(),
                    PlanId::Dpu => "The DPUs have the highest median of these plans.".to_owned(),
                    PlanId::DoNothing => {
                        "No plan beats doing nothing in the median future.".to_owned()
                    }
                    other => format!(
                        "The best plan here is {}: it has the highest median.",
                        other.subject(s, false)
                    ),
                });
                Some(Fired::new(detail).instead(instead))
            },
        },
        RuleDoc {
            when: "always",
            fires_for: "{}",
            quiet_for: None,
        },
    ),
    (
        Rule {
            id: "smartnic-not-on-vsphere",
            severity: Severity::Info,
            title: "vSphere documents no switch offload to a plain NIC",
            sources: &["F2.5.4", "F10.2.13", "F10.2.14", "F10.2.16", "F10.9.7"],
            check: |ctx| {
                let s = ctx.s;
                s.is_vsphere().then(|| {
                    let release = if s.platform.vsphere >= VsphereVersion::V9_1 {
                        " (the release set here)"
                    } else {
                        ""
                    };
                    Fired::new(format!(
                        "vSphere 8 documents switch offload only onto a DPU, not onto an \
                         ordinary NIC. NSX's Enhanced Data Path can hand flows to a ConnectX-class \
                         NIC (flow processing offload), and vSphere 9.1{release} adds a per-host \
                         \"Performance NIC Offload\", but neither says in public what moves to the \
                         NIC or which NICs qualify. So the comparison prices no SmartNIC plan on \
                         vSphere."
                    ))
                    .instead(
                        "Ask Broadcom what flow processing offload and Performance NIC Offload \
                         would move on your NICs: if it is the switch, a plain NIC may do what the \
                         DPU is bought for.",
                    )
                })
            },
        },
        RuleDoc {
            when: "vSphere",
            fires_for: "{}",
            quiet_for: Some(r#"{"platform": {"kind": "kvm_ovs"}}"#),
        },
    ),
];

/// Every rule, in the order of SPEC §4 (findings are listed in this order within a severity).
pub const RULES: &[Rule] = &rules::<{ CATALOG.len() }>();

/// Every rule's documentation, in the order of [`RULES`].
pub const RULE_DOCS: &[RuleDoc] = &docs::<{ CATALOG.len() }>();

/// [`CATALOG`]'s rules (an array of its own: what the page carries).
const fn rules<const N: usize>() -> [Rule; N] {
    let mut out = [CATALOG[0].0; N];
    let mut i = 0;
    while i < N {
        out[i] = CATALOG[i].0;
        i += 1;
    }
    out
}

/// [`CATALOG`]'s documentation.
const fn docs<const N: usize>() -> [RuleDoc; N] {
    let mut out = [CATALOG[0].1; N];
    let mut i = 0;
    while i < N {
        out[i] = CATALOG[i].1;
        i += 1;
    }
    out
}

/// The documentation of `rule` (every rule has one).
pub fn doc(rule: &Rule) -> Option<&'static RuleDoc> {
    let at = RULES.iter().position(|r| r.id == rule.id)?;
    RULE_DOCS.get(at)
}

/// The rule with this id.
pub fn rule(id: &str) -> Option<&'static Rule> {
    RULES.iter().find(|r| r.id == id)
}
