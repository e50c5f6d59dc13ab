//! How sure the verdict is (SPEC §5): triangular sampling of every assumption with a seeded
//! generator, percentiles of the net saving, and a tornado of one-at-a-time swings.

use serde::{Deserialize, Serialize};

use crate::assumptions::{ASSUMPTIONS, AssumptionId, Range, Values};
use crate::cost::net_saving;
use crate::scenario::Scenario;

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
    /// Share of samples with a net saving above zero.
    pub p_worth_it: f64,
    /// 10th percentile of the net saving.
    pub net_saving_p10: f64,
    /// Median net saving.
    pub net_saving_p50: f64,
    /// 90th percentile of the net saving.
    pub net_saving_p90: f64,
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
    x.clamp(a, b)
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

/// Runs the analysis. `samples` of 0 is treated as 1, so there is always an answer.
pub fn analyse(s: &Scenario, samples: u32, seed: u64) -> Uncertainty {
    let samples = samples.max(1);
    let g = s.traffic.gbps_per_host;
    let mut rng = SplitMix64::new(seed);
    let mut nets = Vec::with_capacity(samples as usize);
    let likely = Values::likely(&s.assumptions);
    for _ in 0..samples {
        let mut v = likely;
        for spec in ASSUMPTIONS {
            v = v.with(
                spec.id,
                triangular((spec.get)(&s.assumptions), rng.next_unit()),
            );
        }
        nets.push(net_saving(s, &v, g));
    }
    let worth = nets.iter().filter(|n| **n > 0.0).count();
    nets.sort_by(f64::total_cmp);
    let mut tornado: Vec<TornadoBar> = ASSUMPTIONS
        .iter()
        .map(|spec| {
            let r = (spec.get)(&s.assumptions);
            let at_low = net_saving(s, &likely.with(spec.id, r.low), g);
            let at_high = net_saving(s, &likely.with(spec.id, r.high), g);
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
    tornado.sort_by(|a, b| b.swing.total_cmp(&a.swing));
    Uncertainty {
        samples,
        seed,
        p_worth_it: worth as f64 / f64::from(samples),
        net_saving_p10: percentile(&nets, 0.1),
        net_saving_p50: percentile(&nets, 0.5),
        net_saving_p90: percentile(&nets, 0.9),
        tornado,
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
        assert_eq!(percentile(&[], 0.5), 0.0);
    }

    #[test]
    fn analysis_is_deterministic_and_ordered() {
        let s =
            Scenario::from_json(r#"{"traffic": {"gbps_per_host": 40, "avg_packet_bytes": 400}}"#)
                .unwrap();
        let a = analyse(&s, 2_000, 42);
        assert_eq!(a, analyse(&s, 2_000, 42));
        assert_ne!(
            a.net_saving_p50,
            analyse(&s, 2_000, 43).net_saving_p50 + 1.0
        );
        assert!(a.net_saving_p10 <= a.net_saving_p50 && a.net_saving_p50 <= a.net_saving_p90);
        assert!((0.0..=1.0).contains(&a.p_worth_it));
        assert_eq!(a.tornado.len(), ASSUMPTIONS.len());
        assert!(a.tornado.windows(2).all(|w| w[0].swing >= w[1].swing));
    }

    #[test]
    fn inactive_assumptions_do_not_swing() {
        // No overlay penalty, no firewall, no encryption: O, W and K change nothing.
        let s = Scenario::from_json(r#"{"traffic": {"gbps_per_host": 60}}"#).unwrap();
        let a = analyse(&s, 100, 1);
        for bar in &a.tornado {
            let inactive = matches!(
                bar.assumption,
                AssumptionId::OverlayOverhead
                    | AssumptionId::FirewallOverhead
                    | AssumptionId::CryptoCyclesPerByte
            );
            if inactive {
                assert_eq!(bar.swing, 0.0, "{:?}", bar.assumption);
            }
        }
        assert!(a.tornado[0].swing > 0.0);
    }

    #[test]
    fn certain_outcomes_give_certain_probabilities() {
        // Zero traffic never pays for a DPU that costs money.
        let s = Scenario::from_json(r#"{"traffic": {"gbps_per_host": 0}}"#).unwrap();
        assert_eq!(analyse(&s, 500, 3).p_worth_it, 0.0);
        // Free DPUs on a saturated fleet always pay.
        let s = Scenario::from_json(
            r#"{"traffic": {"gbps_per_host": 400, "avg_packet_bytes": 64}, "costs": {"dpu_price": 0, "nic_price": 0, "dpu_watts": 0, "nic_watts": 0}}"#,
        )
        .unwrap();
        assert_eq!(analyse(&s, 500, 3).p_worth_it, 1.0);
        assert_eq!(analyse(&s, 0, 3).samples, 1);
    }
}
