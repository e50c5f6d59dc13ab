//! The reasoning in plain words (models 2.1 and 3): the chain from the cores networking uses
//! to the money, with the rounding to whole servers said out loud, and the plan without a DPU
//! that beats it when one does; the vendor's pitch tested;
//! the odds in sentences; and where the answer flips. Every number comes from the model.

use serde::{Deserialize, Serialize};

use crate::assumptions::{AssumptionId, spec};
use crate::choice::{BoundBy, Choice, Encryption};
use crate::cost::{Plan, outcome};
use crate::format::{auto, count, in_sentence, money, num, percent};
use crate::report::Report;
use crate::scenario::Scenario;

/// Everything the report says in sentences, beyond the findings.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Explanation {
    /// Cores used → freed → whole servers → money.
    pub chain: Vec<Link>,
    /// The vendor's pitch tested, when there is one.
    pub claim: Option<String>,
    /// The odds in words.
    pub odds: String,
    /// Where the answer flips, if a single assumption can flip it.
    pub flip: Option<Flip>,
}

/// All of it for one scenario and its report.
pub fn explain(s: &Scenario, r: &Report) -> Explanation {
    Explanation {
        chain: chain(s, r),
        claim: claim(s, r),
        odds: odds(s, r),
        flip: flip(s, r),
    }
}

/// One link of the chain.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Link {
    /// What the step is about: `used`, `freed`, `servers`, `money`, and `compared` when a
    /// plan without a DPU beats the DPUs in most futures.
    pub step: String,
    /// The sentence.
    pub text: String,
}

fn link(step: &str, text: String) -> Link {
    Link {
        step: step.to_owned(),
        text,
    }
}

fn cores(x: f64) -> String {
    count(x, "core", "cores")
}

/// The chain: cores networking uses → what the DPU frees → whole servers per cluster → money.
pub fn chain(s: &Scenario, r: &Report) -> Vec<Link> {
    let c = &r.cost;
    let t = &s.traffic;
    let cur = s.costs.currency.as_str();
    let host = s.fleet.cores_per_host;
    let mut out = Vec::with_capacity(4);
    out.push(link(
        "used",
        match t.measured_networking_cores {
            Some(_) => format!(
                "You measured {} of each host's {host} on the data path ({}).",
                cores(c.networking_cores_per_host),
                percent(c.networking_share_of_host)
            ),
            None => format!(
                "At {} Gb/s of {}-byte packets, networking uses about {} of each host's {host} \
                 ({}){}.",
                auto(t.gbps_per_host),
                auto(t.avg_packet_bytes),
                cores(c.networking_cores_per_host),
                percent(c.networking_share_of_host),
                if c.networking_cores_per_host > f64::from(host) {
                    ": more than the host has, so check the traffic and packet size"
                } else {
                    ""
                }
            ),
        },
    ));
    let mut kept = Vec::new();
    if c.offloaded_gbps_per_host < t.gbps_per_host {
        kept.push(format!(
            "traffic above its {} Gb/s line rate",
            auto(c.dpu_line_rate_gbps)
        ));
    }
    if t.measured_networking_cores.is_none() {
        if s.is_vsphere() && t.encryption != Encryption::None {
            kept.push(format!("guest {}", t.encryption.label()));
        }
        if s.is_vsphere()
            && t.distributed_firewall
            && s.platform.nsx == crate::choice::NsxVersion::V4_0_1
        {
            kept.push("the firewall, unverified on NSX 4.0.1,".to_owned());
        }
    }
    let kept = match kept.len() {
        0 => String::new(),
        1 => format!(" ({} stays on the host)", kept[0]),
        _ => format!(" ({} stay on the host)", kept.join(" and ")),
    };
    let phi = Plan::new(s).r.ranges.likely().phi;
    out.push(link(
        "freed",
        format!(
            "The DPU can take over {}{kept}; removing {} of that work{} frees {} per host.",
            cores(c.offloadable_cores_per_host),
            percent(phi),
            // Z = φ·min(E, C): say the cap, or 80 % of 73.2 cores "frees 38.4".
            if c.offloadable_cores_per_host > f64::from(host) {
                format!(", counted up to the host's {host} cores,")
            } else {
                String::new()
            },
            cores(c.cores_freed_per_host)
        ),
    ));
    let cl = c.clusters;
    let servers = if s.fleet.bound_by != BoundBy::Cpu {
        format!(
            "Your servers are bound by {}, not cores: freed cores remove none of them.",
            in_sentence(s.fleet.bound_by.label())
        )
    } else {
        let one = |x: u32, gives: u64| {
            let freed = f64::from(x) * c.cores_freed_per_host;
            format!(
                "a cluster of {} frees {}, {} servers' worth, and gives up {}",
                count(f64::from(x), "host", "hosts"),
                cores(freed),
                auto(freed / f64::from(host)),
                count(gives as f64, "whole server", "whole servers")
            )
        };
        let (per_full, per_rest) = c.servers_per_cluster;
        let mut text = format!(
            "Only whole servers count, inside one cluster: {}",
            one(cl.size, per_full)
        );
        if cl.rest > 0 {
            text.push_str(&format!("; the last, {}", one(cl.rest, per_rest)));
        }
        text.push_str(&format!(
            " (rounded down, each keeping {}). In all {} of {} can go.",
            count(f64::from(s.fleet.min_hosts_per_cluster), "host", "hosts"),
            num(c.servers_avoided as f64, 0),
            count(f64::from(s.fleet.hosts), "server", "servers")
        ));
        text
    };
    out.push(link("servers", servers));
    let years = count(s.fleet.lifetime_years, "year", "years");
    // The hosts that still get DPUs: "the other 31 hosts", "all 32 hosts", or just one.
    let (other, all) = if c.dpu_hosts == 1 {
        ("the one other host".to_owned(), "the one host".to_owned())
    } else {
        let n = count(c.dpu_hosts as f64, "host", "hosts");
        (format!("the other {n}"), format!("all {n}"))
    };
    let extra = money(c.dpu_incremental_cost, cur);
    let mut money_text = if c.servers_avoided > 0 {
        format!(
            "{} avoided {} worth {}; the DPUs in {other} cost {extra} more over {years}: ",
            num(c.servers_avoided as f64, 0),
            if c.servers_avoided == 1 {
                "server is"
            } else {
                "servers are"
            },
            money(c.value_of_avoided_servers, cur),
        )
    } else {
        format!("With no server avoided, the DPUs in {all} cost {extra} more over {years}: ")
    };
    // Two figures for one scenario must say which is which (issue 17): this chain works at
    // the likely values; the headline quotes the median over the futures.
    let u = &r.uncertainty;
    let two_figures = (u.net_saving_p50 - c.npv).abs() >= 0.5;
    let at_likely = if two_figures {
        " at the likely values"
    } else {
        ""
    };
    money_text.push_str(&if c.net_saving >= 0.0 {
        format!("a net saving of {}{at_likely}", money(c.net_saving, cur))
    } else {
        format!("a net loss of {}{at_likely}", money(-c.net_saving, cur))
    });
    if s.costs.discount_rate > 0.0 {
        money_text.push_str(&format!(
            " (net present value at {}: {})",
            percent(s.costs.discount_rate),
            money(c.npv, cur)
        ));
    }
    money_text.push_str(&match c.payback_year {
        Some(0) => ", paid back at purchase".to_owned(),
        Some(y) => format!(", paid back in year {y}"),
        None => String::new(),
    });
    if two_figures {
        let x = u.net_saving_p50;
        let median = if s.costs.discount_rate > 0.0 {
            format!("a net present value of {}", money(x, cur))
        } else if x < 0.0 {
            format!("a net loss of {}", money(-x, cur))
        } else {
            format!("a net saving of {}", money(x, cur))
        };
        money_text.push_str(&format!(
            "; the verdict quotes the median of {} futures: {median}",
            num(f64::from(u.samples), 0)
        ));
    }
    money_text.push('.');
    out.push(link("money", money_text));
    // Compared to what? When a plan without a DPU beats the DPUs in most futures, the chain
    // ends with it (SPEC §8).
    if let Some(rival) =
        crate::plans::closest_rival(&r.plans).filter(|p| p.p_dpu_beats.is_some_and(|b| b < 0.5))
    {
        out.push(link(
            "compared",
            format!(
                "Compared with the plans without a DPU: {} frees {} per host and {}; the DPUs \
                 beat it in only {} of futures.",
                rival.id.subject(s, false),
                cores(rival.cores_freed_per_host.unwrap_or(0.0)),
                crate::plans::result_words(s, rival),
                percent(rival.p_dpu_beats.unwrap_or(0.0))
            ),
        ));
    }
    out
}

/// The vendor's pitch against this scenario, or `None` without a pitch:
/// "The pitch: up to 30 % of host CPU; here: 2 % (P10–P90 1.6 % to 2.3 %)".
pub fn claim(s: &Scenario, r: &Report) -> Option<String> {
    let pitch = s.claim.cpu_freed_percent;
    (pitch > 0.0).then(|| {
        let here = r.cost.cores_freed_per_host / f64::from(s.fleet.cores_per_host);
        format!(
            "The pitch: up to {} of host CPU freed; here: {} (P10–P90 {} to {}).",
            percent(pitch / 100.0),
            percent(here),
            percent(r.uncertainty.cores_freed_share_p10),
            percent(r.uncertainty.cores_freed_share_p90)
        )
    })
}

/// The odds in words: "Over the range of the assumptions, in 8 of 10 futures the result lies
/// between a loss of USD … and a saving of USD … (median: …); the DPUs pay off in 62 % of all
/// futures." Losses are said as losses, never as a negative saving. When 8 of 10 futures give
/// one result, that is said instead; "none" and "all" only when p_worth_it is exactly 0 or 1
/// (a 3.9 % chance is said as such, issue 17), and the chance that the DPUs are the best plan
/// follows when a plan without a DPU lowers it.
pub fn odds(s: &Scenario, r: &Report) -> String {
    let u = &r.uncertainty;
    let cur = s.costs.currency.as_str();
    let pv = if s.costs.discount_rate > 0.0 {
        " in today's money"
    } else {
        ""
    };
    let signed = |x: f64| {
        if x < 0.0 {
            format!("a loss of {}", money(-x, cur))
        } else {
            format!("a saving of {}", money(x, cur))
        }
    };
    let share = crate::format::share_of_futures;
    // With plans without a DPU that pay, the chance that the DPUs are the best plan too.
    let best = if u.p_best < u.p_worth_it {
        format!(", and are the best plan in {}", share(u.p_best))
    } else {
        String::new()
    };
    if (u.net_saving_p90 - u.net_saving_p10).abs() < 0.5 {
        let x = u.net_saving_p50;
        let net = if x < 0.0 {
            format!("a net loss of {}", money(-x, cur))
        } else {
            format!("a net saving of {}", money(x, cur))
        };
        return format!(
            "Over the range of the assumptions, at least 8 of 10 futures give the same result, \
             {net}{pv}; the DPUs pay off in {} of all futures{best}.",
            share(u.p_worth_it)
        );
    }
    format!(
        "Over the range of the assumptions, in 8 of 10 futures the result lies between {} and \
         {}{pv} (median: {}); the DPUs pay off in {} of all futures{best}.",
        signed(u.net_saving_p10),
        signed(u.net_saving_p90),
        signed(u.net_saving_p50),
        share(u.p_worth_it)
    )
}

/// Where the answer flips: the most influential assumption and the value at which the net
/// saving changes sign with the others at their likely values, if that lies in its range.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Flip {
    /// Which assumption.
    pub assumption: AssumptionId,
    /// The value where the net saving reaches zero (to the model's whole-server steps).
    pub at: f64,
    /// Whether the DPUs pay above that value (else below it).
    pub pays_above: bool,
    /// The sentence.
    pub text: String,
}

/// The first assumption, largest swing first, whose range holds a value where the net saving
/// changes sign; `None` when no single assumption flips the answer.
pub fn flip(s: &Scenario, r: &Report) -> Option<Flip> {
    let plan = Plan::new(s);
    let likely = plan.r.ranges.likely();
    r.uncertainty
        .tornado
        .iter()
        .filter(|b| b.swing > 0.0 && (b.net_saving_at_low > 0.0) != (b.net_saving_at_high > 0.0))
        .find_map(|bar| {
            let id = bar.assumption;
            let pays = |x: f64| outcome(&plan, &likely.with(id, x), plan.g).net > 0.0;
            let (mut lo, mut hi) = (bar.low, bar.high);
            let pays_above = pays(hi);
            if pays(lo) == pays_above {
                return None;
            }
            for _ in 0..60 {
                let mid = (lo + hi) / 2.0;
                if pays(mid) == pays_above {
                    hi = mid;
                } else {
                    lo = mid;
                }
            }
            // With the DPUs paying above: the smallest value that pays; else the largest.
            let at = if pays_above { hi } else { lo };
            let sp = spec(id);
            let shown = format!(
                "{} {}",
                auto(sp.unit.shown(at)),
                sp.unit.text(&s.costs.currency)
            );
            // The answer at the likely values changes on the other side of `at`.
            let pays_now = outcome(&plan, &likely, plan.g).net > 0.0;
            let below = pays_now == pays_above;
            // `at` itself pays, so when the flip is to paying it includes `at`: "at or below 2
            // Gb/s" (at 2 a 16-host cluster already gives up its server); a flip to losing
            // starts past it.
            let side = match (below, pays_now) {
                (true, false) => "at or below",
                (true, true) => "below",
                (false, false) => "at or above",
                (false, true) => "above",
            };
            let text = format!(
                "The answer flips if the {} is {side} {}: measure that first.",
                in_sentence(sp.label),
                shown.trim_end()
            );
            Some(Flip {
                assumption: id,
                at,
                pays_above,
                text,
            })
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::evaluate;

    fn both(json: &str) -> (Scenario, Report) {
        let s = Scenario::from_json(json).expect("valid");
        let r = evaluate(&s);
        (s, r)
    }

    #[test]
    fn the_chain_says_each_step_with_the_numbers() {
        let (s, r) = both("{}");
        let chain = chain(&s, &r);
        let steps: Vec<&str> = chain.iter().map(|l| l.step.as_str()).collect();
        assert_eq!(steps, ["used", "freed", "servers", "money"]);
        assert_eq!(
            chain[0].text,
            "At 10 Gb/s of 800-byte packets, networking uses about 1.56 cores of each host's 64 (2.4 %)."
        );
        assert_eq!(
            chain[1].text,
            "The DPU can take over 1.56 cores; removing 80 % of that work frees 1.25 cores per host."
        );
        assert_eq!(
            chain[2].text,
            "Only whole servers count, inside one cluster: a cluster of 16 hosts frees 20 cores, 0.31 \
             servers' worth, and gives up 0 whole servers (rounded down, each keeping 2 hosts). In \
             all 0 of 32 servers can go."
        );
        assert_eq!(
            chain[3].text,
            "With no server avoided, the DPUs in all 32 hosts cost USD\u{a0}105,025 more over 5 years: a \
             net loss of USD\u{a0}105,025."
        );
    }

    #[test]
    fn the_chain_says_when_networking_exceeds_the_host() {
        // 150 Gb/s of 256-byte packets on a kernel path (M = 1 Mpps per core): b = 150·10³/
        // (8·256) = 73.24 cores, the firewall 0.4·b = 29.30, N = 102.5 cores of 48 (213.6 %);
        // on NSX 4.0.1 the firewall stays, E = 73.2 cores, Z = 0.8·min(73.2, 48) = 38.4.
        let (s, r) = both(
            r#"{"platform": {"kind": "vsphere", "vsphere": "8.0u3", "nsx": "4.0.1"},
                "traffic": {"gbps_per_host": 150, "avg_packet_bytes": 256, "distributed_firewall": true},
                "fleet": {"cores_per_host": 48}}"#,
        );
        let chain = chain(&s, &r);
        assert_eq!(
            chain[0].text,
            "At 150 Gb/s of 256-byte packets, networking uses about 103 cores of each host's 48 \
             (213.6 %): more than the host has, so check the traffic and packet size."
        );
        assert_eq!(
            chain[1].text,
            "The DPU can take over 73.2 cores (the firewall, unverified on NSX 4.0.1, stays on \
             the host); removing 80 % of that work, counted up to the host's 48 cores, frees 38.4 \
             cores per host."
        );
    }

    #[test]
    fn formulas_show_numbers_that_give_their_result() {
        // 300 Gb/s of 64-byte packets through an overlay, firewall and IPsec on KVM: b =
        // 300·10³/(8·64)·1.2 = 703.1, the firewall 281.3, IPsec 300·1.5/(8·2.8) = 20.1: E = N =
        // 1,004.5 cores of 128, Z = 0.8·128 = 102.4; clusters of 50 give up ⌊50·102.4/128⌋ = 40.
        let (_, r) = both(
            r#"{"platform": {"kind": "kvm_ovs"}, "workload": {"kind": "one_vm_per_host"},
                "dpu": {"model": "pensando_dsc2_200", "per_host": 2, "dual_mode": "independent"},
                "traffic": {"gbps_per_host": 300, "avg_packet_bytes": 64, "overlay": true,
                            "overlay_nic_offload": false, "distributed_firewall": true, "encryption": "ipsec"},
                "fleet": {"hosts": 200, "cluster_hosts": 50, "cores_per_host": 128}}"#,
        );
        let sub = |symbol: &str| {
            r.breakdown
                .iter()
                .find(|b| b.symbol == symbol)
                .expect("step")
                .substituted
                .clone()
        };
        assert_eq!(sub("Z"), "0.8·min(1004, 128)");
        assert_eq!(sub("G_off"), "min(300, 800)");
        assert_eq!(sub("A"), "4 × min(⌊50·102.4/128⌋, 50 − 2) = 4 × 40");
    }

    #[test]
    fn one_host_reads_as_one() {
        // k = 2,000 + 5·(130 W·8.766·1.5·0.15) = USD 3,282 for the one host.
        let (s, r) = both(r#"{"fleet": {"hosts": 1}}"#);
        assert_eq!(
            chain(&s, &r)[3].text,
            "With no server avoided, the DPUs in the one host cost USD\u{a0}3,282 more over 5 years: a \
             net loss of USD\u{a0}3,282."
        );
        // Two hosts that keep one: 400 Gb/s of 1500-byte packets free Z = 0.8·50 = 40 cores,
        // ⌊2·40/64⌋ = 1 server goes, worth v = 30,000 + 5·17,681 = 118,403.
        let (s, r) = both(
            r#"{"fleet": {"hosts": 2, "min_hosts_per_cluster": 1},
                "traffic": {"gbps_per_host": 400, "avg_packet_bytes": 1500}}"#,
        );
        assert!(
            chain(&s, &r)[3].text.starts_with(
                "1 avoided server is worth USD\u{a0}118,403; the DPUs in the one other host cost \
                 USD\u{a0}3,282 more over 5 years: "
            ),
            "{}",
            chain(&s, &r)[3].text
        );
    }

    #[test]
    fn large_counts_are_grouped_in_the_chain_and_the_headline() {
        // KVM, 60 Gb/s of 700-byte packets with an overlay the NIC cannot offload: b = 60·10³/
        // (8·700)·1.2 = 12.86 cores, Z = 10.29; 1,562 clusters of 64 give up 10 each and the
        // last cluster of 32 gives up 5: 15,625 servers.
        let (s, r) = both(
            r#"{"platform": {"kind": "kvm_ovs"},
                "traffic": {"gbps_per_host": 60, "avg_packet_bytes": 700, "overlay": true, "overlay_nic_offload": false},
                "fleet": {"hosts": 100000, "cluster_hosts": 64}}"#,
        );
        assert_eq!(r.cost.servers_avoided, 15_625);
        let chain = chain(&s, &r);
        assert!(
            chain[2]
                .text
                .ends_with("In all 15,625 of 100,000 servers can go."),
            "{}",
            chain[2].text
        );
        assert!(
            chain[3]
                .text
                .starts_with("15,625 avoided servers are worth USD"),
            "{}",
            chain[3].text
        );
        // The headline names the plan that beats the DPUs, its servers grouped too.
        assert!(
            r.headline
                .contains("removes 14,062 servers at the likely values (10,937 in"),
            "{}",
            r.headline
        );
        let a = r.breakdown.iter().find(|b| b.symbol == "A").expect("A");
        assert_eq!(
            a.substituted,
            "1,562 × min(⌊64·10.29/64⌋, 64 − 2) + min(⌊32·10.29/64⌋, 32 − 2) = 1,562 × 10 + 5"
        );
        assert!(a.result.starts_with("15,625 "), "{}", a.result);
    }

    #[test]
    fn the_chain_ends_with_the_plan_that_beats_the_dpus() {
        let s = crate::presets::preset("nfv-heavy")
            .expect("preset")
            .scenario()
            .expect("valid");
        let r = evaluate(&s);
        let last = r.explanation.chain.last().expect("a chain");
        assert_eq!(last.step, "compared");
        assert!(
            last.text.starts_with(
                "Compared with the plans without a DPU: OVS-DPDK or AF_XDP in software frees \
                 9.84 cores per host and removes 6 servers at the likely values (4 in the \
                 median future) at no hardware cost, a median USD\u{a0}153,613;"
            ),
            "{}",
            last.text
        );
        assert!(
            last.text
                .ends_with("the DPUs beat it in only 14.5 % of futures."),
            "{}",
            last.text
        );
        // No plan beats the DPUs on VCF 9 at 100 Gb/s: the chain ends with the money.
        let s = crate::presets::preset("vcf9-dpu-pays")
            .expect("preset")
            .scenario()
            .expect("valid");
        let r = evaluate(&s);
        assert_eq!(
            r.explanation.chain.last().map(|l| l.step.as_str()),
            Some("money")
        );
    }

    #[test]
    fn the_chain_rounds_out_loud_with_a_remainder_cluster() {
        // 100 Gb/s at 1500 B: Z = 10 cores; 40 hosts in clusters of 32 and 8.
        let (s, r) = both(
            r#"{"traffic": {"gbps_per_host": 100, "avg_packet_bytes": 1500}, "fleet": {"hosts": 40, "cluster_hosts": 32}}"#,
        );
        let chain = chain(&s, &r);
        assert!(chain[2].text.contains("a cluster of 32 hosts frees 320 cores, 5 servers' worth, and gives up 5 whole servers; the last, a cluster of 8 hosts frees 80 cores, 1.25 servers' worth, and gives up 1 whole server"), "{}", chain[2].text);
        assert!(
            chain[2].text.ends_with("In all 6 of 40 servers can go."),
            "{}",
            chain[2].text
        );
        assert!(
            chain[3].text.starts_with("6 avoided servers are worth USD"),
            "{}",
            chain[3].text
        );
        assert!(
            chain[3]
                .text
                .contains("the DPUs in the other 34 hosts cost"),
            "{}",
            chain[3].text
        );
        // The likely values' figure and the median the verdict quotes, each named.
        assert!(
            chain[3].text.contains(
                ": a net saving of USD\u{a0}598,830 at the likely values, paid back at purchase; the \
                 verdict quotes the median of 10,000 futures: a net saving of USD\u{a0}"
            ),
            "{}",
            chain[3].text
        );
        assert!(
            r.headline.contains(&format!(
                "a median net saving of {} over 5 years",
                money(r.uncertainty.net_saving_p50, "USD")
            )),
            "{}",
            r.headline
        );
    }

    #[test]
    fn what_stays_on_the_host_is_said() {
        let (s, r) = both(r#"{"traffic": {"gbps_per_host": 500, "encryption": "tls"}}"#);
        let text = &chain(&s, &r)[1].text;
        assert!(
            text.contains("(traffic above its 400 Gb/s line rate and guest TLS stay on the host)"),
            "{text}"
        );
        let (s, r) = both(r#"{"fleet": {"bound_by": "gpu"}}"#);
        assert_eq!(
            chain(&s, &r)[2].text,
            "Your servers are bound by GPUs, not cores: freed cores remove none of them."
        );
    }

    #[test]
    fn the_pitch_and_the_odds_in_words() {
        let (s, r) = both("{}");
        let c = claim(&s, &r).expect("a pitch by default");
        assert!(
            c.starts_with("The pitch: up to 30 % of host CPU freed; here: 2 % (P10–P90 "),
            "{c}"
        );
        assert_eq!(
            claim(
                &Scenario::from_json(r#"{"claim": {"cpu_freed_percent": 0}}"#).unwrap(),
                &r
            ),
            None
        );
        assert_eq!(
            odds(&s, &r),
            "Over the range of the assumptions, at least 8 of 10 futures give the same result, a \
             net loss of USD\u{a0}105,025; the DPUs pay off in under 0.1 % of all futures."
        );
        let (s, r) = both(r#"{"traffic": {"gbps_per_host": 60}}"#);
        let text = odds(&s, &r);
        assert!(
            text.starts_with(
                "Over the range of the assumptions, in 8 of 10 futures the result lies between a "
            ),
            "{text}"
        );
        assert!(!text.contains('-'), "losses are said as losses: {text}");
        // A third of the futures pay: from a loss to a saving, the median a loss.
        let (s, r) = both(r#"{"traffic": {"gbps_per_host": 30}}"#);
        let text = odds(&s, &r);
        assert!(text.contains("lies between a loss of USD\u{a0}"), "{text}");
        assert!(text.contains(" and a saving of USD\u{a0}"), "{text}");
        assert!(
            text.contains("(median: a loss of USD\u{a0}105,025)"),
            "{text}"
        );
        assert!(
            text.ends_with("the DPUs pay off in 33 % of all futures."),
            "{text}"
        );
    }

    #[test]
    fn the_flip_point_is_where_the_money_changes_sign() {
        // Only φ uncertain; one server in a cluster of 16 needs Z = 2 of N = 2.6: φ = 0.769.
        let json = r#"{"traffic": {"gbps_per_host": 20.8, "avg_packet_bytes": 1500},
            "fleet": {"hosts": 16, "cores_per_host": 32},
            "assumptions": {"vswitch_gbps_per_core": {"low": 8, "likely": 8, "high": 8},
                            "vswitch_mpps_per_core": {"low": 1, "likely": 1, "high": 1}}}"#;
        let (s, r) = both(json);
        let f = flip(&s, &r).expect("φ flips it");
        assert_eq!(f.assumption, AssumptionId::OffloadFraction);
        assert!(f.pays_above);
        assert!((f.at - 2.0 / 2.6).abs() < 1e-6, "{}", f.at);
        assert_eq!(
            f.text,
            "The answer flips if the share of the offloadable work the DPU removes is below 76.9 %: measure that first."
        );
        // The default does not pay, unless a core forwards only 2 Gb/s (the low end of T):
        // then N = 5, Z = 4 and each 16-host cluster gives up a server.
        let (s, r) = both("{}");
        let f = flip(&s, &r).expect("T flips it at the end of its range");
        assert_eq!(f.assumption, AssumptionId::VswitchGbpsPerCore);
        assert!(!f.pays_above && (f.at - 2.0).abs() < 1e-6, "{f:?}");
        assert_eq!(
            f.text,
            "The answer flips if the virtual-switch throughput per host core is at or below 2 Gb/s: measure that first."
        );
        // At 19 Gb/s it does not pay (Z = 0.8·2.375 = 1.9; 16·1.9/32 = 0.95 of a server) and
        // pays from φ = 2/2.375 = 84.2 % on, that value included.
        let (s, r) = both(&json.replace("20.8", "19"));
        let f = flip(&s, &r).expect("φ flips it");
        assert!(f.pays_above && (f.at - 2.0 / 2.375).abs() < 1e-6, "{f:?}");
        assert_eq!(
            f.text,
            "The answer flips if the share of the offloadable work the DPU removes is at or above 84.2 %: measure that first."
        );
        // Nothing flips it when no server can go in any case.
        let (s, r) = both(r#"{"traffic": {"gbps_per_host": 1}}"#);
        assert_eq!(flip(&s, &r), None);
    }
}
