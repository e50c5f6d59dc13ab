//! The model's uncertain inputs (SPEC §5): each a `{low, likely, high}` range with its basis.
//!
//! The likely value feeds the point estimate; low and high bound the triangular distribution
//! of the uncertainty analysis and the two ends of each tornado bar.

use serde::{Deserialize, Serialize};

use crate::error::ScenarioError;
use crate::scenario::describe;

/// A triangular range. Valid when `low ≤ likely ≤ high` and all lie in the assumption's bounds.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Range {
    /// Pessimistic-to-optimistic lower end.
    pub low: f64,
    /// The value used for the point estimate.
    pub likely: f64,
    /// Upper end.
    pub high: f64,
}

impl Range {
    /// A range from its three points.
    pub const fn new(low: f64, likely: f64, high: f64) -> Self {
        Range { low, likely, high }
    }
}

/// `assumptions.*`: a missing entry takes its default; a given entry needs all three points.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Assumptions {
    /// T: Gb/s one host core forwards through the virtual switch.
    pub vswitch_gbps_per_core: Range,
    /// M: million packets per second one host core forwards.
    pub vswitch_mpps_per_core: Range,
    /// O: extra CPU for an overlay the NIC cannot offload (fraction).
    pub overlay_overhead: Range,
    /// W: extra CPU for the distributed firewall (fraction).
    pub firewall_overhead: Range,
    /// K: CPU cycles per byte of software encryption.
    pub crypto_cycles_per_byte: Range,
    /// φ: share of the networking CPU the DPU removes.
    pub offload_fraction: Range,
}

impl Default for Assumptions {
    fn default() -> Self {
        let mut a = Assumptions {
            vswitch_gbps_per_core: Range::new(0.0, 0.0, 0.0),
            vswitch_mpps_per_core: Range::new(0.0, 0.0, 0.0),
            overlay_overhead: Range::new(0.0, 0.0, 0.0),
            firewall_overhead: Range::new(0.0, 0.0, 0.0),
            crypto_cycles_per_byte: Range::new(0.0, 0.0, 0.0),
            offload_fraction: Range::new(0.0, 0.0, 0.0),
        };
        for spec in ASSUMPTIONS {
            (spec.set)(&mut a, spec.default);
        }
        a
    }
}

/// Which of the model's inputs an assumption is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AssumptionId {
    /// T
    VswitchGbpsPerCore,
    /// M
    VswitchMppsPerCore,
    /// O
    OverlayOverhead,
    /// W
    FirewallOverhead,
    /// K
    CryptoCyclesPerByte,
    /// φ
    OffloadFraction,
}

/// One assumption: its key, symbol, default range, bounds and basis.
#[derive(Debug, Clone, Copy)]
pub struct AssumptionSpec {
    /// Which one.
    pub id: AssumptionId,
    /// Key under `assumptions`, e.g. `vswitch_gbps_per_core`.
    pub key: &'static str,
    /// Formula symbol, e.g. `T`.
    pub symbol: &'static str,
    /// Human label.
    pub label: &'static str,
    /// Unit ("" for a fraction).
    pub unit: &'static str,
    /// The default range (SPEC §5).
    pub default: Range,
    /// Smallest allowed value.
    pub min: f64,
    /// Whether `min` itself is allowed.
    pub min_inclusive: bool,
    /// Largest allowed value.
    pub max: f64,
    /// Where the default comes from, in plain words.
    pub basis: &'static str,
    /// Fact ids behind the default (may be empty for a stated assumption).
    pub sources: &'static [&'static str],
    /// Reads the range.
    pub get: fn(&Assumptions) -> Range,
    /// Writes the range.
    pub set: fn(&mut Assumptions, Range),
}

impl AssumptionSpec {
    /// "each of low ≤ likely ≤ high a number ≥ 0 and ≤ 10".
    pub fn allowed(&self) -> String {
        let op = if self.min_inclusive { "≥" } else { ">" };
        format!(
            "low ≤ likely ≤ high, each a number {op} {} and ≤ {}",
            self.min, self.max
        )
    }

    /// The JSON path of the whole range.
    pub fn path(&self) -> String {
        format!("assumptions.{}", self.key)
    }

    fn accepts(&self, v: f64) -> bool {
        let above = if self.min_inclusive {
            v >= self.min
        } else {
            v > self.min
        };
        v.is_finite() && above && v <= self.max
    }

    /// Checks one range against the bounds and the order of its points.
    pub fn check(&self, r: Range) -> Result<(), ScenarioError> {
        for (point, v) in [("low", r.low), ("likely", r.likely), ("high", r.high)] {
            if !self.accepts(v) {
                return Err(ScenarioError::field(
                    &format!("{}.{point}", self.path()),
                    describe(v),
                    self.allowed(),
                ));
            }
        }
        if r.low > r.likely {
            return Err(ScenarioError::field(
                &format!("{}.low", self.path()),
                format!("is {} but likely is {}", r.low, r.likely),
                self.allowed(),
            ));
        }
        if r.likely > r.high {
            return Err(ScenarioError::field(
                &format!("{}.likely", self.path()),
                format!("is {} but high is {}", r.likely, r.high),
                self.allowed(),
            ));
        }
        Ok(())
    }
}

/// Every assumption, in the order of SPEC §5.
pub const ASSUMPTIONS: &[AssumptionSpec] = &[
    AssumptionSpec {
        id: AssumptionId::VswitchGbpsPerCore,
        key: "vswitch_gbps_per_core",
        symbol: "T",
        label: "Virtual-switch throughput per host core",
        unit: "Gb/s",
        default: Range::new(2.0, 10.0, 25.0),
        min: 0.01,
        min_inclusive: true,
        max: 1000.0,
        basis: "About 10 Gb/s per core is the usual planning figure; one flow through a \
                feature-rich NSX rule set measured 2.2 Gb/s, bulk TCP with offloads far more.",
        sources: &["F4.1.1", "F4.1.5"],
        get: |a| a.vswitch_gbps_per_core,
        set: |a, r| a.vswitch_gbps_per_core = r,
    },
    AssumptionSpec {
        id: AssumptionId::VswitchMppsPerCore,
        key: "vswitch_mpps_per_core",
        symbol: "M",
        label: "Virtual-switch packet rate per host core",
        unit: "Mpps",
        default: Range::new(0.26, 1.0, 7.0),
        min: 0.001,
        min_inclusive: true,
        max: 1000.0,
        basis: "A production OVS ran 0.26 Mpps; a stock Linux kernel manages about 1 Mpps; a \
                tuned AF_XDP or DPDK path reaches about 7 Mpps on one core.",
        sources: &["F1.3.6", "F4.1.7", "F4.1.3"],
        get: |a| a.vswitch_mpps_per_core,
        set: |a, r| a.vswitch_mpps_per_core = r,
    },
    AssumptionSpec {
        id: AssumptionId::OverlayOverhead,
        key: "overlay_overhead",
        symbol: "O",
        label: "Extra CPU for an overlay the NIC cannot offload",
        unit: "",
        default: Range::new(0.0, 0.35, 0.35),
        min: 0.0,
        min_inclusive: true,
        max: 10.0,
        basis: "VMware measured no extra cost with NIC offload and up to 35 % more CPU without \
                it; applies only when the overlay runs without NIC offload.",
        sources: &["F4.2.1", "F4.2.2"],
        get: |a| a.overlay_overhead,
        set: |a, r| a.overlay_overhead = r,
    },
    AssumptionSpec {
        id: AssumptionId::FirewallOverhead,
        key: "firewall_overhead",
        symbol: "W",
        label: "Extra CPU for the distributed firewall",
        unit: "",
        default: Range::new(0.1, 0.25, 1.0),
        min: 0.0,
        min_inclusive: true,
        max: 10.0,
        basis: "Our assumption: no published measurement of the distributed firewall's share \
                was found; applies only with a distributed firewall.",
        sources: &[],
        get: |a| a.firewall_overhead,
        set: |a, r| a.firewall_overhead = r,
    },
    AssumptionSpec {
        id: AssumptionId::CryptoCyclesPerByte,
        key: "crypto_cycles_per_byte",
        symbol: "K",
        label: "CPU cycles per byte of encryption",
        unit: "cycles/byte",
        default: Range::new(0.16, 0.64, 2.8),
        min: 0.0,
        min_inclusive: true,
        max: 100.0,
        basis: "AES-GCM costs about 0.64 cycles per byte with AES-NI, 0.16 with VAES and 2.8 \
                on 2010 CPUs; applies only with encryption in host software.",
        sources: &["F4.3.1"],
        get: |a| a.crypto_cycles_per_byte,
        set: |a, r| a.crypto_cycles_per_byte = r,
    },
    AssumptionSpec {
        id: AssumptionId::OffloadFraction,
        key: "offload_fraction",
        symbol: "φ",
        label: "Share of networking CPU the DPU removes",
        unit: "",
        default: Range::new(0.5, 0.8, 0.95),
        min: 0.0,
        min_inclusive: true,
        max: 1.0,
        basis: "Our assumption: no vendor has published a measured figure for vSphere 8 DPU \
                offload, so the range is wide.",
        // F2.7.1 records that no such figure exists; it has no page to link.
        sources: &[],
        get: |a| a.offload_fraction,
        set: |a, r| a.offload_fraction = r,
    },
];

/// The spec of an assumption.
pub fn spec(id: AssumptionId) -> &'static AssumptionSpec {
    // Every id has exactly one entry; the registry test checks it.
    ASSUMPTIONS
        .iter()
        .find(|s| s.id == id)
        .unwrap_or(&ASSUMPTIONS[0])
}

/// The assumption a path points into (`assumptions.<key>` or `assumptions.<key>.<point>`).
pub fn assumption_at(path: &str) -> Option<&'static AssumptionSpec> {
    let rest = path.strip_prefix("assumptions.")?;
    let key = rest.split('.').next()?;
    ASSUMPTIONS.iter().find(|s| s.key == key)
}

/// One value per assumption: a point the cost model is evaluated at.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Values {
    /// T
    pub t: f64,
    /// M
    pub m: f64,
    /// O
    pub o: f64,
    /// W
    pub w: f64,
    /// K
    pub k: f64,
    /// φ
    pub phi: f64,
}

impl Values {
    /// Every assumption at its likely value.
    pub fn likely(a: &Assumptions) -> Self {
        Values {
            t: a.vswitch_gbps_per_core.likely,
            m: a.vswitch_mpps_per_core.likely,
            o: a.overlay_overhead.likely,
            w: a.firewall_overhead.likely,
            k: a.crypto_cycles_per_byte.likely,
            phi: a.offload_fraction.likely,
        }
    }

    /// A copy with one assumption replaced.
    pub fn with(mut self, id: AssumptionId, v: f64) -> Self {
        match id {
            AssumptionId::VswitchGbpsPerCore => self.t = v,
            AssumptionId::VswitchMppsPerCore => self.m = v,
            AssumptionId::OverlayOverhead => self.o = v,
            AssumptionId::FirewallOverhead => self.w = v,
            AssumptionId::CryptoCyclesPerByte => self.k = v,
            AssumptionId::OffloadFraction => self.phi = v,
        }
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn registry_is_complete_and_defaults_valid() {
        let a = Assumptions::default();
        assert_eq!(ASSUMPTIONS.len(), 6);
        for (i, s) in ASSUMPTIONS.iter().enumerate() {
            assert_eq!(spec(s.id).key, s.key, "one entry per id");
            assert!(
                ASSUMPTIONS[..i]
                    .iter()
                    .all(|o| o.key != s.key && o.symbol != s.symbol)
            );
            assert_eq!((s.get)(&a), s.default);
            s.check(s.default).expect("default is valid");
            for f in s.sources {
                assert!(
                    crate::sources::source(f).is_some(),
                    "{} cites unknown {f}",
                    s.key
                );
            }
        }
        assert_eq!(a.vswitch_gbps_per_core, Range::new(2.0, 10.0, 25.0));
        assert_eq!(a.vswitch_mpps_per_core, Range::new(0.26, 1.0, 7.0));
        assert_eq!(a.overlay_overhead, Range::new(0.0, 0.35, 0.35));
        assert_eq!(a.firewall_overhead, Range::new(0.1, 0.25, 1.0));
        assert_eq!(a.crypto_cycles_per_byte, Range::new(0.16, 0.64, 2.8));
        assert_eq!(a.offload_fraction, Range::new(0.5, 0.8, 0.95));
    }

    #[track_caller]
    fn check(id: AssumptionId, r: Range, bad_point: Option<&str>) {
        let s = spec(id);
        match (s.check(r), bad_point) {
            (Ok(()), None) => {}
            (Err(e), Some(p)) => assert_eq!(e.path(), Some(format!("{}.{p}", s.path()).as_str())),
            (got, want) => panic!("{id:?} {r:?}: got {got:?}, wanted bad point {want:?}"),
        }
    }

    #[test]
    fn ranges_must_be_ordered_and_bounded() {
        use AssumptionId::*;
        check(OffloadFraction, Range::new(0.0, 0.5, 1.0), None);
        check(OffloadFraction, Range::new(0.6, 0.5, 1.0), Some("low"));
        check(OffloadFraction, Range::new(0.1, 0.5, 0.4), Some("likely"));
        check(OffloadFraction, Range::new(0.1, 0.5, 1.1), Some("high"));
        check(VswitchGbpsPerCore, Range::new(0.0, 1.0, 2.0), Some("low"));
        check(VswitchGbpsPerCore, Range::new(0.01, 1.0, 2.0), None);
        check(VswitchMppsPerCore, Range::new(1.0, 1.0, 1.0), None);
        check(
            CryptoCyclesPerByte,
            Range::new(f64::NAN, 1.0, 2.0),
            Some("low"),
        );
        check(
            OverlayOverhead,
            Range::new(0.0, 0.0, f64::INFINITY),
            Some("high"),
        );
    }

    #[test]
    fn partial_ranges_are_rejected_with_their_path() {
        let e =
            crate::Scenario::from_json(r#"{"assumptions": {"offload_fraction": {"likely": 0.5}}}"#)
                .unwrap_err();
        assert_eq!(e.path(), Some("assumptions.offload_fraction"));
        let e = crate::Scenario::from_json(
            r#"{"assumptions": {"offload_fraction": {"low": 0.9, "likely": 0.5, "high": 1}}}"#,
        )
        .unwrap_err();
        assert_eq!(e.path(), Some("assumptions.offload_fraction.low"));
        assert!(e.to_string().contains("low ≤ likely ≤ high"));
    }
}
