//! How sure the verdict is (SPEC §5): triangular sampling of every assumption with a seeded
//! generator, percentiles of the net saving, and a tornado of one-at-a-time swings.

use serde::{Deserialize, Serialize};

use crate::assumptions::{ASSUMPTIONS, AssumptionId, Range};
use crate::cost::{Plan, outcome};
use crate::plans::{Alternatives, PlanOutcome, PlanSamples};

/// Default number of samples.
pub const DEFAULT_SAMPLES: u32 = 10_000;
/// Default seed: any fixed value makes every run of the same scenario give the same numbers.
pub const DEFAULT_SEED: u64 = 0x5EED_D9B0_2022_1213;

/// The report's `uncertainty` object.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Uncertainty {
    /// How many samples were drawn.
    pub samples: u32,
    /// The generator's seed.
    pub seed: u64,
    /// The assumptions that were sampled (all, or only φ when networking cores are measured).
    pub sampled: Vec<AssumptionId>,
    /// Share of samples whose net present value is above zero (the net saving when the
    /// discount rate is 0).
    pub p_worth_it: f64,
    /// The smaller of `p_worth_it` and the DPU's chance to beat each rival plan (model 3,
    /// SPEC §5.1); `p_worth_it` when no plan without a DPU pays in half the samples.
    pub p_best: f64,
    /// 10th percentile of the net present value.
    pub net_saving_p10: f64,
    /// Median net present value.
    pub net_saving_p50: f64,
    /// 90th percentile of the net present value.
    pub net_saving_p90: f64,
    /// 10th percentile of the share of each host's cores the DPU frees (Z/C).
    pub cores_freed_share_p10: f64,
    /// 90th percentile of Z/C.
    pub cores_freed_share_p90: f64,
    /// One bar per assumption, largest swing first.
    pub tornado: Vec<TornadoBar>,
}

/// Net saving with one assumption at its low and at its high end, the others at likely.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TornadoBar {
    /// Which assumption.
    pub assumption: AssumptionId,
    /// Its human label.
    pub label: String,
    /// Its low value.
    pub low: f64,
    /// Its high value.
    pub high: f64,
    /// Net saving with the assumption at `low`.
    pub net_saving_at_low: f64,
    /// Net saving with the assumption at `high`.
    pub net_saving_at_high: f64,
    /// |at high − at low|
    pub swing: f64,
}

/// SplitMix64 (Steele, Lea, Flood 2014): tiny, fast, and good enough for Monte Carlo inputs.
#[derive(Debug, Clone)]
pub struct SplitMix64(u64);

impl SplitMix64 {
    /// A generator from a seed.
    pub fn new(seed: u64) -> Self {
        SplitMix64(seed)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in [0, 1): the top 53 bits as a fraction.
    pub fn next_unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
    }
}

/// The triangular distribution's inverse CDF at `u` ∈ [0, 1).
pub fn triangular(r: Range, u: f64) -> f64 {
    let (a, c, b) = (r.low, r.likely, r.high);
    let width = b - a;
    if width <= 0.0 {
        return c;
    }
    let split = (c - a) / width;
    let x = if u < split {
        a + (u * width * (c - a)).sqrt()
    } else {
        b - ((1.0 - u) * width * (b - c)).sqrt()
    };
    crate::float::clamp(x, a, b)
}

/// [`percentile`] of `v` at each of `ps` (in ascending order) without sorting it: the two
/// closest ranks of each are found by selection ([`crate::sort::select_floats`]), which
/// reorders `v`. Exactly the sorted slice's values. The highest p goes first; each lower one
/// then selects only among the elements the previous selection put before its rank.
pub fn percentiles_of<const N: usize>(v: &mut [f64], ps: [f64; N]) -> [f64; N] {
    let mut out = [0.0; N];
    percentiles_into(v, &ps, &mut out);
    out
}

/// [`percentiles_of`] without a copy per list length (one in the page's binary).
fn percentiles_into(v: &mut [f64], ps: &[f64], out: &mut [f64]) {
    debug_assert!(ps.is_sorted(), "ascending: {ps:?}");
    let n = v.len();
    // v[..end] holds the ranks below `end` (v[end] is that rank, selected last); the rank
    // after the one selected is the least of v[lo + 1..limit] (any larger limit would give
    // the same least, as everything after v[lo] orders after it: the limit only saves work).
    let (mut end, mut limit) = (n, n);
    for (p, o) in ps.iter().zip(out.iter_mut()).rev() {
        if n < 2 {
            *o = percentile(v, *p);
            continue;
        }
        let rank = p.clamp(0.0, 1.0) * (n - 1) as f64;
        let lo = rank.floor() as usize;
        // The same rank as the last one needs no new selection and keeps its limit.
        if lo < end {
            crate::sort::select_floats(&mut v[..end], lo);
            limit = (end + 1).min(n);
        }
        let next = v[lo + 1..limit]
            .iter()
            .copied()
            .reduce(|a, b| if b.total_cmp(&a).is_lt() { b } else { a })
            .unwrap_or(v[lo]);
        *o = v[lo] + (next - v[lo]) * (rank - lo as f64);
        end = lo;
    }
}

/// Linear interpolation between the closest ranks of a sorted slice (p in [0, 1]).
pub fn percentile(sorted: &[f64], p: f64) -> f64 {
    match sorted.len() {
        0 => 0.0,
        1 => sorted[0],
        n => {
            let rank = p.clamp(0.0, 1.0) * (n - 1) as f64;
            let lo = rank.floor() as usize;
            let hi = (lo + 1).min(n - 1);
            sorted[lo] + (sorted[hi] - sorted[lo]) * (rank - lo as f64)
        }
    }
}

/// The assumptions the analysis samples: all of them, or with measured networking cores off
/// bare metal only φ and the plans' own three, since the measurement replaces the others
/// (SPEC §5). On bare metal a measurement changes nothing in the sampling.
pub fn sampled(p: &Plan) -> Vec<AssumptionId> {
    let measured = crate::cost::measured_replaces_model(p.s);
    ASSUMPTIONS
        .iter()
        .map(|spec| spec.id)
        .filter(|id| !measured || *id == AssumptionId::OffloadFraction || id.plan_only())
        .collect()
}

/// The analysis with the plans without a DPU of SPEC §5.1, computed from the same samples.
#[derive(Debug, Clone, PartialEq)]
pub struct Analysis {
    /// The DPU's uncertainty (with `p_best`).
    pub uncertainty: Uncertainty,
    /// The software fast path over the samples, when it applies.
    pub fast_path: Option<PlanSamples>,
    /// The plain SmartNIC over the samples, when it applies.
    pub smartnic: Option<PlanSamples>,
    /// The median of the whole servers the DPUs avoid.
    pub dpu_servers_p50: f64,
}

/// Runs the analysis at the scenario's traffic (see [`analyse_plans`]); the DPU's part.
pub fn analyse(p: &Plan, samples: u32, seed: u64) -> Uncertainty {
    analyse_plans(p, samples, seed).uncertainty
}

/// Collects one plan's NPVs and how often the DPU beats it.
struct Tally {
    npvs: Vec<f64>,
    servers: Vec<f64>,
    dpu_beats: usize,
    /// NPV = slope·A − offset: the plan's money is affine in the servers it avoids.
    slope: f64,
    offset: f64,
}

impl Tally {
    /// A tally for a plan whose NPV with A servers avoided is A·(pv_server + pv_card) −
    /// H·pv_card (pv_card: the present value of one host's card premium; 0 for no card).
    fn new(p: &Plan, pv_card: f64, samples: u32) -> Self {
        let slope = p.pv_server + pv_card;
        Tally {
            npvs: Vec::with_capacity(samples as usize),
            // Kept only when the money does not tell the servers (see `finish`).
            servers: Vec::with_capacity(if Self::affine(slope) {
                0
            } else {
                samples as usize
            }),
            dpu_beats: 0,
            slope,
            offset: p.h * pv_card,
        }
    }

    /// Whether the NPV is an affine map of the servers avoided that can be inverted.
    fn affine(slope: f64) -> bool {
        slope.abs() > 1e-9
    }

    fn add(&mut self, o: PlanOutcome, dpu_npv: f64) {
        self.npvs.push(o.npv);
        if !Self::affine(self.slope) {
            self.servers.push(o.a as f64);
        }
        self.dpu_beats += usize::from(dpu_npv > o.npv);
    }

    fn finish(mut self) -> PlanSamples {
        let n = self.npvs.len().max(1) as f64;
        let pays = self.npvs.iter().filter(|x| **x > 0.0).count();
        let [p10, p50, p90] = percentiles_of(&mut self.npvs, [0.1, 0.5, 0.9]);
        // The servers' median without a second sort: the NPV is an affine function of the
        // servers avoided, so its median maps back to theirs (an increasing or decreasing map
        // keeps the middle rank in the middle). Only when the money does not depend on the
        // servers at all are they sorted.
        let servers_p50 = if Self::affine(self.slope) {
            ((p50 + self.offset) / self.slope * 1e6).round() / 1e6
        } else {
            percentiles_of(&mut self.servers, [0.5])[0]
        };
        PlanSamples {
            servers_p50,
            p10,
            p50,
            p90,
            p_pays: pays as f64 / n,
            p_dpu_beats: self.dpu_beats as f64 / n,
        }
    }
}

/// Runs the analysis at the scenario's traffic: `samples` draws (0 is treated as 1, so
/// there is always an answer) of every sampled assumption from its triangular range, in
/// the order of [`ASSUMPTIONS`], each through [`outcome`], the model's one function, and
/// through each plan without a DPU that applies, with the same drawn values (SPEC §5.1).
pub fn analyse_plans(p: &Plan, samples: u32, seed: u64) -> Analysis {
    let samples = samples.max(1);
    let ranges = p.r.ranges;
    let likely = ranges.likely();
    let drawn = sampled(p);
    let plans = Alternatives::of(p);
    let mut fast = plans.fast_path.map(|_| Tally::new(p, 0.0, samples));
    let mut nic = plans
        .smartnic
        .then(|| Tally::new(p, p.pv_smartnic, samples));
    // The DPU's own NPVs are kept in `npvs` (the percentiles of the report); this tally
    // gives the median of its servers.
    let mut dpu = Tally::new(p, p.pv_dpu, samples);
    let mut rng = SplitMix64::new(seed);
    let mut shares = Vec::with_capacity(samples as usize);
    for _ in 0..samples {
        let mut v = likely;
        for id in &drawn {
            v = v.with(*id, triangular(ranges.get(*id), rng.next_unit()));
        }
        let o = outcome(p, &v, p.g);
        dpu.add(
            PlanOutcome {
                z: o.z,
                a: o.a,
                net: o.net,
                npv: o.npv,
            },
            f64::NEG_INFINITY,
        );
        shares.push(o.z / p.c);
        let (f, n) = plans.outcomes(p, &v);
        if let (Some(t), Some(x)) = (fast.as_mut(), f) {
            t.add(x, o.npv);
        }
        if let (Some(t), Some(x)) = (nic.as_mut(), n) {
            t.add(x, o.npv);
        }
    }
    let [share_p10, share_p90] = percentiles_of(&mut shares, [0.1, 0.9]);
    // The tornado lists what moves the DPU's net saving: not the plans' own assumptions.
    let mut tornado: Vec<TornadoBar> = ASSUMPTIONS
        .iter()
        .filter(|spec| !spec.id.plan_only())
        .map(|spec| {
            let r = ranges.get(spec.id);
            let at_low = outcome(p, &likely.with(spec.id, r.low), p.g).net;
            let at_high = outcome(p, &likely.with(spec.id, r.high), p.g).net;
            TornadoBar {
                assumption: spec.id,
                label: spec.label.to_owned(),
                low: r.low,
                high: r.high,
                net_saving_at_low: at_low,
                net_saving_at_high: at_high,
                swing: (at_high - at_low).abs(),
            }
        })
        .collect();
    // Stable: equal swings keep the order of SPEC §5.
    crate::sort::stable_by(&mut tornado, |a, b| a.swing.total_cmp(&b.swing).is_gt());
    let fast_path = fast.map(Tally::finish);
    let smartnic = nic.map(Tally::finish);
    let dpu = dpu.finish();
    // The DPU's chance to pay off: its NPV above zero (doing nothing).
    let p_worth_it = dpu.p_pays;
    // p_best = min(p_worth_it, p_dpu_beats of every rival): a rival pays in half the samples.
    let p_best = [fast_path, smartnic]
        .into_iter()
        .flatten()
        .filter(PlanSamples::is_rival)
        .map(|x| x.p_dpu_beats)
        .fold(p_worth_it, f64::min);
    Analysis {
        uncertainty: Uncertainty {
            samples,
            seed,
            sampled: drawn,
            p_worth_it,
            p_best,
            net_saving_p10: dpu.p10,
            net_saving_p50: dpu.p50,
            net_saving_p90: dpu.p90,
            cores_freed_share_p10: share_p10,
            cores_freed_share_p90: share_p90,
            tornado,
        },
        fast_path,
        smartnic,
        dpu_servers_p50: dpu.servers_p50,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splitmix_matches_reference_values() {
        // Reference outputs of SplitMix64 seeded with 0 (as in the Java and C reference code).
        let mut r = SplitMix64::new(0);
        assert_eq!(r.next_u64(), 0xE220_A839_7B1D_CDAF);
        assert_eq!(r.next_u64(), 0x6E78_9E6A_A1B9_65F4);
    }

    #[test]
    fn triangular_hits_its_ends_and_mode() {
        let r = Range::new(2.0, 10.0, 25.0);
        assert_eq!(triangular(r, 0.0), 2.0);
        // F(c) = (c − a)/(b − a) = 8/23: the mode sits exactly there.
        assert!((triangular(r, 8.0 / 23.0) - 10.0).abs() < 1e-12);
        assert!(triangular(r, 0.999_999_999) > 24.99);
        assert_eq!(triangular(Range::new(3.0, 3.0, 3.0), 0.7), 3.0);
        // Right-angled triangles (likely at an end) stay in range.
        let x = triangular(Range::new(0.0, 0.35, 0.35), 0.99);
        assert!((x - 0.35 * 0.99f64.sqrt()).abs() < 1e-12, "{x}");
    }

    #[test]
    fn triangular_sample_mean_is_right() {
        // Mean of a triangular distribution is (a + b + c) / 3 = 37/3.
        let r = Range::new(2.0, 10.0, 25.0);
        let mut rng = SplitMix64::new(7);
        let n = 100_000;
        let mean = (0..n).map(|_| triangular(r, rng.next_unit())).sum::<f64>() / n as f64;
        assert!((mean - 37.0 / 3.0).abs() < 0.05, "{mean}");
    }

    #[test]
    fn percentiles_interpolate() {
        let v: Vec<f64> = (0..=10).map(f64::from).collect();
        assert_eq!(percentile(&v, 0.1), 1.0);
        assert_eq!(percentile(&v, 0.55), 5.5);
        assert_eq!(percentile(&[4.0], 0.9), 4.0);
        // The ends are the extremes (the last rank has no neighbour above).
        assert_eq!(percentile(&v, 0.0), 0.0);
        assert_eq!(percentile(&v, 1.0), 10.0);
        assert_eq!(percentile(&[], 0.5), 0.0);
        // Unsorted, by selection: the same values.
        let mut shuffled: Vec<f64> = (0..=10).map(|i| f64::from((i * 7) % 11)).collect();
        assert_eq!(
            percentiles_of(&mut shuffled, [0.0, 0.1, 0.1, 0.55, 1.0]),
            [0.0, 1.0, 1.0, 5.5, 10.0]
        );
        // One rank asked twice, between two elements: the second answer interpolates too.
        let mut shuffled: Vec<f64> = (0..=10).map(|i| f64::from((i * 7) % 11)).collect();
        assert_eq!(
            percentiles_of(&mut shuffled, [0.52, 0.55, 0.55]),
            [5.2, 5.5, 5.5]
        );
        assert_eq!(percentiles_of(&mut [4.0], [0.9]), [4.0]);
        // Two, unsorted: selected like any other list.
        assert_eq!(
            percentiles_of(&mut [3.0, 1.0], [0.0, 0.25, 1.0]),
            [1.0, 1.5, 3.0]
        );
        assert_eq!(percentiles_of(&mut [], [0.9]), [0.0]);
    }

    proptest::proptest! {
        /// Selection gives the sorted slice's percentiles, bit for bit, for any ascending ps
        /// (repeated ones too), also when asked again of the same reordered list.
        #[test]
        fn percentiles_by_selection_are_the_sorted_ones(
            v in proptest::collection::vec(-1e6f64..1e6, 0..400),
            ties in proptest::collection::vec(0u8..4, 0..200),
            mut ps in proptest::array::uniform4(0.0f64..=1.0),
            again in 0.0f64..=1.0,
        ) {
            ps.sort_by(f64::total_cmp);
            for mut list in [v, ties.iter().map(|t| f64::from(*t)).collect()] {
                let mut sorted = list.clone();
                sorted.sort_by(f64::total_cmp);
                let bits = |xs: &[f64]| xs.iter().map(|x| x.to_bits()).collect::<Vec<_>>();
                let want = ps.map(|p| percentile(&sorted, p));
                proptest::prop_assert_eq!(bits(&percentiles_of(&mut list, ps)), bits(&want));
                let [got] = percentiles_of(&mut list, [again]);
                proptest::prop_assert_eq!(got.to_bits(), percentile(&sorted, again).to_bits());
            }
        }
    }

    use crate::scenario::Scenario;

    fn plan_for(json: &str) -> Scenario {
        Scenario::from_json(json).expect("valid")
    }

    #[test]
    fn analysis_is_deterministic_and_depends_on_the_seed() {
        let s = plan_for(r#"{"traffic": {"gbps_per_host": 40, "avg_packet_bytes": 400}}"#);
        let p = Plan::new(&s);
        let a = analyse(&p, 2_000, 42);
        assert_eq!(a, analyse(&p, 2_000, 42));
        let b = analyse(&p, 2_000, 43);
        assert_ne!(
            (
                a.p_worth_it,
                a.net_saving_p10,
                a.cores_freed_share_p10,
                a.cores_freed_share_p90
            ),
            (
                b.p_worth_it,
                b.net_saving_p10,
                b.cores_freed_share_p10,
                b.cores_freed_share_p90
            ),
            "another seed draws other samples"
        );
        assert_eq!(a.seed, 42);
        assert!(a.net_saving_p10 <= a.net_saving_p50 && a.net_saving_p50 <= a.net_saving_p90);
        assert!(a.cores_freed_share_p10 <= a.cores_freed_share_p90);
        assert!((0.0..=1.0).contains(&a.p_worth_it));
        // The plans' own three assumptions never move the DPU's net saving.
        assert_eq!(a.tornado.len(), ASSUMPTIONS.len() - 3);
        assert!(a.tornado.iter().all(|b| !b.assumption.plan_only()));
        assert!(a.tornado.windows(2).all(|w| w[0].swing >= w[1].swing));
    }

    /// The first sample, recomputed by hand from the generator: each assumption in the
    /// order of SPEC §5 takes the next uniform number.
    #[test]
    fn samples_draw_each_assumption_in_order() {
        let s = plan_for(
            r#"{"platform": {"kind": "kvm_ovs"},
                "traffic": {"gbps_per_host": 100, "avg_packet_bytes": 200, "overlay_nic_offload": false,
                            "distributed_firewall": true, "encryption": "ipsec"}}"#,
        );
        let p = Plan::new(&s);
        let r = p.r.ranges;
        let mut rng = SplitMix64::new(7);
        let v = crate::assumptions::Values::from_fn(|id| triangular(r.get(id), rng.next_unit()));
        let want = outcome(&p, &v, p.g);
        let got = analyse(&p, 1, 7);
        assert_eq!(got.net_saving_p50, want.npv);
        assert_eq!(got.cores_freed_share_p10, want.z / p.c);
    }

    /// A scenario where only `free` is uncertain; the other assumptions are pinned.
    fn pinned(free: &str, gbps: f64, bytes: f64) -> Scenario {
        let points = [
            ("vswitch_gbps_per_core", 8.0),
            ("vswitch_mpps_per_core", 1.0),
            ("overlay_overhead", 0.2),
            ("firewall_overhead", 0.4),
            ("crypto_cycles_per_byte", 1.5),
            ("offload_fraction", 0.8),
        ];
        let parts: Vec<String> = points
            .iter()
            .map(|(k, x)| {
                if *k == free {
                    format!(
                        r#""{k}": {{"low": {}, "likely": {x}, "high": {}}}"#,
                        x * 0.1,
                        x * 1.2
                    )
                } else {
                    format!(r#""{k}": {{"low": {x}, "likely": {x}, "high": {x}}}"#)
                }
            })
            .collect();
        plan_for(&format!(
            r#"{{"platform": {{"kind": "kvm_ovs"}}, "fleet": {{"hosts": 64, "cluster_hosts": 64}},
               "traffic": {{"gbps_per_host": {gbps}, "avg_packet_bytes": {bytes}, "overlay_nic_offload": false,
                           "distributed_firewall": true, "encryption": "tls"}},
               "assumptions": {{{}}}}}"#,
            parts.join(", ")
        ))
    }

    /// Each active assumption moves the answer on its own, through its own term.
    #[test]
    fn every_active_assumption_is_sampled_and_swings() {
        use AssumptionId::*;
        for (key, id, gbps, bytes) in [
            ("vswitch_gbps_per_core", VswitchGbpsPerCore, 60.0, 1500.0),
            // Small packets: the packet term decides, so M matters.
            ("vswitch_mpps_per_core", VswitchMppsPerCore, 20.0, 200.0),
            ("overlay_overhead", OverlayOverhead, 60.0, 1500.0),
            ("firewall_overhead", FirewallOverhead, 60.0, 1500.0),
            ("crypto_cycles_per_byte", CryptoCyclesPerByte, 60.0, 1500.0),
            ("offload_fraction", OffloadFraction, 60.0, 1500.0),
        ] {
            let s = pinned(key, gbps, bytes);
            let p = Plan::new(&s);
            let a = analyse(&p, 400, 3);
            assert!(
                a.cores_freed_share_p10 < a.cores_freed_share_p90,
                "{key}: sampling it spreads the freed share"
            );
            assert!(a.net_saving_p10 < a.net_saving_p90, "{key}: and the money");
            assert_eq!(a.tornado[0].assumption, id, "{key} tops the tornado");
            assert!(
                a.tornado[1..].iter().all(|b| b.swing == 0.0),
                "{key}: only it swings"
            );
        }
    }

    #[test]
    fn overlay_and_firewall_assumptions_act_on_their_own_terms() {
        // Overlay penalty without a firewall: W changes nothing, O does.
        let s = plan_for(
            r#"{"fleet": {"hosts": 64, "cluster_hosts": 64}, "traffic": {"gbps_per_host": 150, "avg_packet_bytes": 1500, "overlay_nic_offload": false}}"#,
        );
        let a = analyse(&Plan::new(&s), 200, 1);
        let swing = |id| {
            a.tornado
                .iter()
                .find(|b| b.assumption == id)
                .map(|b| b.swing)
        };
        assert!(swing(AssumptionId::OverlayOverhead) > Some(0.0));
        assert_eq!(swing(AssumptionId::FirewallOverhead), Some(0.0));
        // Firewall without an overlay penalty: the other way round.
        let s = plan_for(
            r#"{"fleet": {"hosts": 64, "cluster_hosts": 64}, "traffic": {"gbps_per_host": 150, "avg_packet_bytes": 1500, "distributed_firewall": true}}"#,
        );
        let a = analyse(&Plan::new(&s), 200, 1);
        let swing = |id| {
            a.tornado
                .iter()
                .find(|b| b.assumption == id)
                .map(|b| b.swing)
        };
        assert!(swing(AssumptionId::FirewallOverhead) > Some(0.0));
        assert_eq!(swing(AssumptionId::OverlayOverhead), Some(0.0));
    }

    #[test]
    fn measured_cores_leave_only_the_offload_share_uncertain() {
        let s = plan_for(r#"{"traffic": {"gbps_per_host": 100, "measured_networking_cores": 20}}"#);
        let p = Plan::new(&s);
        let a = analyse(&p, 300, 5);
        // The plans' own assumptions stay uncertain: they are not what was measured.
        assert_eq!(
            a.sampled,
            [
                AssumptionId::OffloadFraction,
                AssumptionId::FastPathSpeedup,
                AssumptionId::FastPathPinnedCores,
                AssumptionId::SmartnicHostCores
            ]
        );
        assert!(a.tornado[1..].iter().all(|b| b.swing == 0.0));
        assert_eq!(a.tornado[0].assumption, AssumptionId::OffloadFraction);
        // Z/C = φ·20/64 with φ from 0.5 to 0.95.
        assert!(a.cores_freed_share_p10 >= 0.5 * 20.0 / 64.0);
        assert!(a.cores_freed_share_p90 <= 0.95 * 20.0 / 64.0);
        assert_eq!(sampled(&Plan::new(&Scenario::default())).len(), 9);
        // On bare metal a measurement changes nothing in the sampling (SPEC §5).
        let s = plan_for(
            r#"{"platform": {"kind": "bare_metal"}, "traffic": {"measured_networking_cores": 20}}"#,
        );
        assert_eq!(sampled(&Plan::new(&s)).len(), 9);
    }

    /// The servers' medians, derived from the NPV's median, equal the medians of the
    /// servers themselves, recomputed here sample by sample and sorted.
    #[test]
    fn servers_medians_match_a_sort_of_the_samples() {
        for json in [
            r#"{"platform": {"kind": "kvm_ovs"}, "traffic": {"gbps_per_host": 40, "avg_packet_bytes": 512,
                "overlay_nic_offload": false, "distributed_firewall": true}, "fleet": {"hosts": 40, "cluster_hosts": 20}}"#,
            r#"{"traffic": {"gbps_per_host": 30, "avg_packet_bytes": 700, "distributed_firewall": true}}"#,
            r#"{"platform": {"kind": "kubernetes"}, "traffic": {"gbps_per_host": 90},
                "costs": {"smartnic_price": 100, "dpu_price": 100}}"#,
            // Servers that cost nothing: the money cannot tell the servers, so they are kept
            // and ranked themselves.
            r#"{"platform": {"kind": "kvm_ovs"}, "traffic": {"gbps_per_host": 60}, "fleet": {"server_price": 0},
                "costs": {"kwh_price": 0, "rack_unit_year": 0}}"#,
        ] {
            let s = plan_for(json);
            let p = Plan::new(&s);
            let zero = p.pv_server == 0.0;
            assert_eq!(zero, json.contains(r#""server_price": 0"#), "{json}");
            let got = analyse_plans(&p, 801, 9);
            let plans = Alternatives::of(&p);
            let (ranges, drawn) = (p.r.ranges, sampled(&p));
            let mut rng = SplitMix64::new(9);
            let (mut dpu, mut fast, mut nic) = (Vec::new(), Vec::new(), Vec::new());
            for _ in 0..801 {
                let mut v = ranges.likely();
                for id in &drawn {
                    v = v.with(*id, triangular(ranges.get(*id), rng.next_unit()));
                }
                dpu.push(outcome(&p, &v, p.g).a as f64);
                let (f, n) = plans.outcomes(&p, &v);
                fast.extend(f.map(|o| o.a as f64));
                nic.extend(n.map(|o| o.a as f64));
            }
            let median = |mut x: Vec<f64>| {
                crate::sort::floats(&mut x);
                percentile(&x, 0.5)
            };
            assert_eq!(got.dpu_servers_p50, median(dpu), "{json}");
            if let Some(f) = got.fast_path {
                assert_eq!(f.servers_p50, median(fast), "{json}");
            }
            if let Some(n) = got.smartnic {
                assert_eq!(n.servers_p50, median(nic), "{json}");
            }
        }
    }

    #[test]
    fn certain_outcomes_give_certain_probabilities() {
        // Zero traffic never pays for a DPU that costs money.
        let s = plan_for(r#"{"traffic": {"gbps_per_host": 0}}"#);
        assert_eq!(analyse(&Plan::new(&s), 500, 3).p_worth_it, 0.0);
        // Free DPUs on a saturated fleet always pay.
        let s = plan_for(
            r#"{"traffic": {"gbps_per_host": 400, "avg_packet_bytes": 64}, "costs": {"dpu_price": 0, "nic_price": 0, "dpu_watts": 0, "nic_watts": 0}}"#,
        );
        let p = Plan::new(&s);
        assert_eq!(analyse(&p, 500, 3).p_worth_it, 1.0);
        assert_eq!(analyse(&p, 0, 3).samples, 1);
        // Free DPUs that free nothing cost nothing and gain nothing: not "worth it".
        let s = plan_for(
            r#"{"traffic": {"gbps_per_host": 0}, "costs": {"dpu_price": 0, "nic_price": 0, "dpu_watts": 0, "nic_watts": 0}}"#,
        );
        assert_eq!(analyse(&Plan::new(&s), 50, 3).p_worth_it, 0.0);
    }

    #[test]
    fn the_chance_counts_the_net_present_value() {
        // Pinned assumptions, 64 Gb/s at 1500 B on one cluster of 16 hosts of 32 cores:
        // N = 8, Z = 6.4, A = ⌊3.2⌋ = 3. Servers cost only their price; the DPUs cost 2,000
        // now and 1,256.4 a year. Net: 3·30,000 − 13·(2,000 + 5·1,256.4) < 0; at a 50 %
        // discount rate the later years shrink and the NPV is positive.
        let json = r#"{"traffic": {"gbps_per_host": 64, "avg_packet_bytes": 1500},
            "fleet": {"hosts": 16, "cores_per_host": 32, "server_watts": 0},
            "costs": {"rack_unit_year": 0, "license_per_core_year": 0, "dpu_license_year": 1000},
            "assumptions": {"vswitch_gbps_per_core": {"low": 8, "likely": 8, "high": 8},
                            "vswitch_mpps_per_core": {"low": 1, "likely": 1, "high": 1},
                            "offload_fraction": {"low": 0.8, "likely": 0.8, "high": 0.8}}}"#;
        let s = plan_for(json);
        let p = Plan::new(&s);
        let a = analyse(&p, 50, 2);
        assert!(a.net_saving_p50 < 0.0);
        assert_eq!(a.p_worth_it, 0.0);
        let mut discounted = s.clone();
        discounted.costs.discount_rate = 0.5;
        let b = analyse(&Plan::new(&discounted), 50, 2);
        assert!(b.net_saving_p50 > 0.0, "{}", b.net_saving_p50);
        assert_eq!(b.p_worth_it, 1.0);
    }
}
