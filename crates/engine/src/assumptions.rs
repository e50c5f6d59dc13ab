//! The model's uncertain inputs (SPEC §5): each a `{low, likely, high}` range with its basis.
//!
//! The likely value feeds the point estimate; low and high bound the triangular distribution
//! of the uncertainty analysis and the two ends of each tornado bar. Every range is a
//! resolved default: absent from the scenario until the user sets it, and then kept as
//! written. The per-core rates T and M follow the data path (`platform.datapath`).

use serde::{Deserialize, Serialize};

use crate::choice::Datapath;
use crate::error::{Problem, ScenarioError};
use crate::fields::Unit;
use crate::json::{Map, Value};

/// A triangular range. Valid when `low ≤ likely ≤ high` and all lie in the assumption's bounds.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
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

    /// `{"low": …, "likely": …, "high": …}`
    pub fn to_json(&self) -> Value {
        let mut m = Map::new();
        m.insert("low", Value::from(self.low));
        m.insert("likely", Value::from(self.likely));
        m.insert("high", Value::from(self.high));
        Value::Object(m)
    }

    /// One of the three points by name (`low`, `likely`, `high`).
    pub fn point(&self, name: &str) -> Option<f64> {
        match name {
            "low" => Some(self.low),
            "likely" => Some(self.likely),
            "high" => Some(self.high),
            _ => None,
        }
    }
}

/// `assumptions.*`: each range the user set, or `None` for the resolved default.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Assumptions {
    /// T: Gb/s one host core forwards through the virtual switch.
    pub vswitch_gbps_per_core: Option<Range>,
    /// M: million packets per second one host core forwards.
    pub vswitch_mpps_per_core: Option<Range>,
    /// O: extra CPU for an overlay the NIC cannot offload (fraction).
    pub overlay_overhead: Option<Range>,
    /// W: extra CPU for the distributed firewall (fraction).
    pub firewall_overhead: Option<Range>,
    /// K: CPU cycles per byte of software encryption.
    pub crypto_cycles_per_byte: Option<Range>,
    /// φ: share of the offloadable work the DPU removes.
    pub offload_fraction: Option<Range>,
    /// s: how many times faster per core the software fast path switches (model 3).
    pub fast_path_speedup: Option<Range>,
    /// p_pin: poll-mode cores per host a fast path on KVM pins (model 3).
    pub fast_path_pinned_cores: Option<Range>,
    /// c_nic: host cores an offloaded switch keeps with a plain SmartNIC (model 3).
    pub smartnic_host_cores: Option<Range>,
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
    /// s (model 3)
    FastPathSpeedup,
    /// p_pin (model 3)
    FastPathPinnedCores,
    /// c_nic (model 3)
    SmartnicHostCores,
}

/// How many assumptions there are.
pub const COUNT: usize = 9;

impl AssumptionId {
    /// Whether only the plans without a DPU use it (model 3): the DPU's own figures, its
    /// tornado and its flip point never depend on it.
    pub fn plan_only(self) -> bool {
        matches!(
            self,
            AssumptionId::FastPathSpeedup
                | AssumptionId::FastPathPinnedCores
                | AssumptionId::SmartnicHostCores
        )
    }
}

/// Which software fast path the speed-up's default describes (SPEC §5, `fast_path_speedup`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FastPathCase {
    /// NSX's Enhanced Data Path in Standard (interrupt) mode on vSphere.
    Vsphere,
    /// OVS-DPDK or AF_XDP on Linux.
    Linux,
    /// Bulk traffic (the per-Gb/s cost outweighs the per-packet cost, no firewall): a
    /// fast path gains least, on either platform.
    Bulk,
}

/// What resolved defaults of the ranges depend on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DefaultKey {
    /// The data path in force (T, M and c_nic follow it).
    pub datapath: Datapath,
    /// The fast path the speed-up describes.
    pub fast_path: FastPathCase,
}

/// An assumption's default range, and what it depends on.
#[derive(Debug, Clone, Copy)]
pub enum Defaults {
    /// One range for every scenario.
    Fixed(Basis),
    /// By the data path in force.
    ByDatapath {
        /// With the kernel data path.
        kernel: Basis,
        /// With an enhanced data path.
        enhanced: Basis,
    },
    /// By the fast path the speed-up describes.
    ByFastPath {
        /// NSX EDP Standard on vSphere.
        vsphere: Basis,
        /// OVS-DPDK or AF_XDP on Linux.
        linux: Basis,
        /// Bulk traffic.
        bulk: Basis,
    },
}

impl Defaults {
    /// The default for `key`.
    pub fn get(&self, key: DefaultKey) -> &Basis {
        match self {
            Defaults::Fixed(b) => b,
            Defaults::ByDatapath { kernel, enhanced } => match key.datapath {
                Datapath::Kernel => kernel,
                Datapath::Enhanced => enhanced,
            },
            Defaults::ByFastPath {
                vsphere,
                linux,
                bulk,
            } => match key.fast_path {
                FastPathCase::Vsphere => vsphere,
                FastPathCase::Linux => linux,
                FastPathCase::Bulk => bulk,
            },
        }
    }

    /// Every default it can take.
    pub fn all(&self) -> Vec<&Basis> {
        match self {
            Defaults::Fixed(b) => vec![b],
            Defaults::ByDatapath { kernel, enhanced } => vec![kernel, enhanced],
            Defaults::ByFastPath {
                vsphere,
                linux,
                bulk,
            } => vec![vsphere, linux, bulk],
        }
    }
}

/// A default range with the reason for it.
#[derive(Debug, Clone, Copy)]
pub struct Basis {
    /// The range.
    pub range: Range,
    /// Where it comes from, in plain words.
    pub basis: &'static str,
    /// Fact ids behind it (a NOT FOUND fact is cited beside the page whose silence it records).
    pub sources: &'static [&'static str],
}

/// One assumption: its key, symbol, default ranges, bounds and basis.
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
    /// Unit (a fraction is a [`Unit::Share`], shown and typed as a percentage).
    pub unit: Unit,
    /// The default range and what it depends on.
    pub defaults: Defaults,
    /// Smallest allowed value (inclusive).
    pub min: f64,
    /// Largest allowed value (inclusive).
    pub max: f64,
    /// Reads the range the user set.
    pub get: fn(&Assumptions) -> Option<Range>,
    /// Writes it.
    pub set: fn(&mut Assumptions, Option<Range>),
}

impl AssumptionSpec {
    /// "low ≤ likely ≤ high, each a number from 0 to 1".
    pub fn allowed(&self) -> String {
        format!(
            "low ≤ likely ≤ high, each a number from {} to {}",
            crate::format::num(self.min, 6),
            crate::format::num(self.max, 6)
        )
    }

    /// The JSON path of the whole range.
    pub fn path(&self) -> String {
        format!("assumptions.{}", self.key)
    }

    /// Whether the default depends on the data path.
    pub fn follows_datapath(&self) -> bool {
        matches!(self.defaults, Defaults::ByDatapath { .. })
    }

    /// The default for `key`, with its basis.
    pub fn default_for(&self, key: DefaultKey) -> &Basis {
        self.defaults.get(key)
    }

    fn accepts(&self, v: f64) -> bool {
        v.is_finite() && v >= self.min && v <= self.max
    }

    /// Checks one range against the bounds and the order of its points.
    pub fn check(&self, r: Range) -> Result<(), ScenarioError> {
        for (point, v) in [("low", r.low), ("likely", r.likely), ("high", r.high)] {
            if !self.accepts(v) {
                return Err(ScenarioError::field(
                    &format!("{}.{point}", self.path()),
                    Problem::OutOfRange(v),
                    self.allowed(),
                ));
            }
        }
        if r.low > r.likely {
            return Err(ScenarioError::field(
                &format!("{}.low", self.path()),
                Problem::Above {
                    value: r.low,
                    other: "likely",
                    other_value: r.likely,
                },
                self.allowed(),
            ));
        }
        if r.likely > r.high {
            return Err(ScenarioError::field(
                &format!("{}.likely", self.path()),
                Problem::Above {
                    value: r.likely,
                    other: "high",
                    other_value: r.high,
                },
                self.allowed(),
            ));
        }
        Ok(())
    }
}

const fn fixed(range: Range, basis: &'static str, sources: &'static [&'static str]) -> Basis {
    Basis {
        range,
        basis,
        sources,
    }
}

/// Every assumption, in the order of SPEC §5 (also the order samples are drawn in).
pub const ASSUMPTIONS: &[AssumptionSpec] = &[
    AssumptionSpec {
        id: AssumptionId::VswitchGbpsPerCore,
        key: "vswitch_gbps_per_core",
        symbol: "T",
        label: "Virtual-switch throughput per host core",
        unit: Unit::Gbps,
        defaults: Defaults::ByDatapath {
            kernel: fixed(
                Range::new(2.0, 8.0, 15.0),
                "Kernel path: one flow through a production NSX rule set measured 2.2 Gb/s per \
             core; about 10 Gb/s per core is the usual planning figure.",
                &["F4.1.1", "F4.1.5"],
            ),
            enhanced: fixed(
                Range::new(10.0, 25.0, 50.0),
                "Enhanced path: poll-mode paths such as ENS/EDP are claimed three to five times \
                 faster than the standard switch; AF_XDP reached 29 Gb/s of one flow.",
                &["F2.6.1", "F4.1.1"],
            ),
        },
        min: 0.01,
        max: 1000.0,
        get: |a| a.vswitch_gbps_per_core,
        set: |a, r| a.vswitch_gbps_per_core = r,
    },
    AssumptionSpec {
        id: AssumptionId::VswitchMppsPerCore,
        key: "vswitch_mpps_per_core",
        symbol: "M",
        label: "Virtual-switch packet rate per host core",
        unit: Unit::Mpps,
        defaults: Defaults::ByDatapath {
            kernel: fixed(
                Range::new(0.5, 1.0, 2.0),
                "Kernel path: stock Linux manages about 1 Mpps per core; a kernel datapath \
             spread 64-byte forwarding over about ten hyperthreads.",
                &["F4.1.7", "F4.1.3"],
            ),
            enhanced: fixed(
                Range::new(2.0, 5.0, 8.0),
                "Enhanced path: AF_XDP and DPDK reach 6 to 7 Mpps on one core, and VPP several \
                 Mpps per core by processing packets in batches.",
                &["F4.1.3", "F4.1.9"],
            ),
        },
        min: 0.001,
        max: 1000.0,
        get: |a| a.vswitch_mpps_per_core,
        set: |a, r| a.vswitch_mpps_per_core = r,
    },
    AssumptionSpec {
        id: AssumptionId::OverlayOverhead,
        key: "overlay_overhead",
        symbol: "O",
        label: "Extra CPU for an overlay the NIC cannot offload",
        unit: Unit::Share,
        defaults: Defaults::Fixed(OVERLAY),
        min: 0.0,
        max: 10.0,
        get: |a| a.overlay_overhead,
        set: |a, r| a.overlay_overhead = r,
    },
    AssumptionSpec {
        id: AssumptionId::FirewallOverhead,
        key: "firewall_overhead",
        symbol: "W",
        label: "Extra CPU for the distributed firewall",
        unit: Unit::Share,
        defaults: Defaults::Fixed(FIREWALL),
        min: 0.0,
        max: 10.0,
        get: |a| a.firewall_overhead,
        set: |a, r| a.firewall_overhead = r,
    },
    AssumptionSpec {
        id: AssumptionId::CryptoCyclesPerByte,
        key: "crypto_cycles_per_byte",
        symbol: "K",
        label: "CPU cycles per byte of encryption",
        unit: Unit::CyclesPerByte,
        defaults: Defaults::Fixed(CRYPTO),
        min: 0.0,
        max: 100.0,
        get: |a| a.crypto_cycles_per_byte,
        set: |a, r| a.crypto_cycles_per_byte = r,
    },
    AssumptionSpec {
        id: AssumptionId::OffloadFraction,
        key: "offload_fraction",
        symbol: "φ",
        label: "Share of the offloadable work the DPU removes",
        unit: Unit::Share,
        defaults: Defaults::Fixed(OFFLOAD),
        min: 0.0,
        max: 1.0,
        get: |a| a.offload_fraction,
        set: |a, r| a.offload_fraction = r,
    },
    AssumptionSpec {
        id: AssumptionId::FastPathSpeedup,
        key: "fast_path_speedup",
        symbol: "s",
        label: "Speed-up per core of a software fast path",
        unit: Unit::Times,
        defaults: Defaults::ByFastPath {
            vsphere: fixed(
                Range::new(1.3, 2.0, 3.5),
                "NSX's Enhanced Data Path in Standard (interrupt) mode against the standard \
                 switch: VMware claims three to five times for its poll-mode sibling, an upper \
                 bound; no independent measurement of the interrupt mode was found.",
                &["F2.6.1", "F10.1.4", "F10.9.5"],
            ),
            linux: fixed(
                Range::new(1.5, 2.5, 4.0),
                "OVS-DPDK or AF_XDP against the kernel path: a PVP test needed 2.9 and 1.85 \
                 times fewer cores; Google's userspace stack reports over three times the Gb/s \
                 per core.",
                &["F4.1.2", "F10.1.9"],
            ),
            bulk: fixed(
                Range::new(1.1, 1.5, 2.5),
                "Bulk traffic (large packets, no firewall): the per-byte work a fast path \
                 cannot batch away dominates, so it gains least.",
                &["F4.1.1", "F4.1.2"],
            ),
        },
        min: 1.0,
        max: 20.0,
        get: |a| a.fast_path_speedup,
        set: |a, r| a.fast_path_speedup = r,
    },
    AssumptionSpec {
        id: AssumptionId::FastPathPinnedCores,
        key: "fast_path_pinned_cores",
        symbol: "p_pin",
        label: "Poll-mode cores a fast path pins per host (KVM)",
        unit: Unit::Cores,
        defaults: Defaults::Fixed(fixed(
            Range::new(1.0, 2.0, 4.0),
            "One poll-mode core per NUMA node is the usual minimum (Red Hat requires them on \
             both nodes), one on a single socket, two per node for more traffic; they stay \
             busy at any load.",
            &["F4.1.4", "F10.1.1", "F10.1.5"],
        )),
        min: 0.0,
        max: 64.0,
        get: |a| a.fast_path_pinned_cores,
        set: |a, r| a.fast_path_pinned_cores = r,
    },
    AssumptionSpec {
        id: AssumptionId::SmartnicHostCores,
        key: "smartnic_host_cores",
        symbol: "c_nic",
        label: "Host cores an offloaded switch keeps with a SmartNIC",
        unit: Unit::Cores,
        defaults: Defaults::ByDatapath {
            kernel: fixed(
                Range::new(0.5, 1.0, 2.0),
                "Kernel path with TC flower offload: offloaded flows use no host CPU, while \
                 connection setup and the slow path stay in software.",
                &["F5.4.1", "F10.2.4", "F10.5.1"],
            ),
            enhanced: fixed(
                Range::new(1.0, 2.0, 4.0),
                "OVS-DPDK or OVS-DOCA host: one poll-mode core per NUMA node by default for the \
                 slow path and connection-tracking offload, more when much traffic stays in \
                 software.",
                &["F10.2.2", "F10.5.1"],
            ),
        },
        min: 0.0,
        max: 64.0,
        get: |a| a.smartnic_host_cores,
        set: |a, r| a.smartnic_host_cores = r,
    },
];

const OVERLAY: Basis = fixed(
    Range::new(0.0, 0.2, 0.35),
    "VMware measured no extra cost with NIC offload and up to 35 % more CPU without it; \
     applies only when the overlay runs without NIC offload.",
    &["F4.2.1", "F4.2.2"],
);
const FIREWALL: Basis = fixed(
    Range::new(0.1, 0.4, 1.0),
    "Our assumption: no published measurement of a distributed firewall's CPU share was \
     found; applies only with a distributed firewall.",
    &[],
);
const CRYPTO: Basis = fixed(
    Range::new(0.64, 1.5, 3.6),
    "Bulk AES-GCM costs about 0.64 cycles per byte with AES-NI; IPsec in VPP took about \
     2.7 to 3.6 per byte on one core; applies only with encryption in host software.",
    &["F4.3.1", "F4.3.2"],
);
const OFFLOAD: Basis = fixed(
    Range::new(0.5, 0.8, 0.95),
    "Our assumption: no vendor has published a measured share for DPU offload, so the \
     range is wide.",
    &["F2.7.1"],
);

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

/// Every range in force: the user's where set, else the default for the scenario's
/// [`DefaultKey`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Ranges([Range; COUNT]);

impl Ranges {
    /// The ranges of `a`, defaults filled in for `key`.
    pub fn resolve(a: &Assumptions, key: DefaultKey) -> Self {
        let mut out = [Range::new(0.0, 0.0, 0.0); COUNT];
        for (slot, spec) in out.iter_mut().zip(ASSUMPTIONS) {
            *slot = (spec.get)(a).unwrap_or(spec.default_for(key).range);
        }
        Ranges(out)
    }

    /// The range of one assumption.
    pub fn get(&self, id: AssumptionId) -> Range {
        self.0[id as usize]
    }

    /// A copy with one range replaced.
    pub fn with(mut self, id: AssumptionId, r: Range) -> Self {
        self.0[id as usize] = r;
        self
    }

    /// Every assumption at its likely value.
    pub fn likely(&self) -> Values {
        Values::from_fn(|id| self.get(id).likely)
    }
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
    /// s
    pub speedup: f64,
    /// p_pin
    pub pinned: f64,
    /// c_nic
    pub nic_cores: f64,
}

impl Values {
    /// A value per assumption from `f`, called in the order of [`ASSUMPTIONS`].
    pub fn from_fn(mut f: impl FnMut(AssumptionId) -> f64) -> Self {
        Values {
            t: f(AssumptionId::VswitchGbpsPerCore),
            m: f(AssumptionId::VswitchMppsPerCore),
            o: f(AssumptionId::OverlayOverhead),
            w: f(AssumptionId::FirewallOverhead),
            k: f(AssumptionId::CryptoCyclesPerByte),
            phi: f(AssumptionId::OffloadFraction),
            speedup: f(AssumptionId::FastPathSpeedup),
            pinned: f(AssumptionId::FastPathPinnedCores),
            nic_cores: f(AssumptionId::SmartnicHostCores),
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
            AssumptionId::FastPathSpeedup => self.speedup = v,
            AssumptionId::FastPathPinnedCores => self.pinned = v,
            AssumptionId::SmartnicHostCores => self.nic_cores = v,
        }
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(datapath: Datapath, fast_path: FastPathCase) -> DefaultKey {
        DefaultKey {
            datapath,
            fast_path,
        }
    }

    #[test]
    fn registry_is_complete_and_defaults_follow_the_spec() {
        assert_eq!(ASSUMPTIONS.len(), COUNT);
        for (i, s) in ASSUMPTIONS.iter().enumerate() {
            assert_eq!(s.id as usize, i, "registry order is the id order");
            assert_eq!(spec(s.id).key, s.key, "one entry per id");
            assert!(
                ASSUMPTIONS[..i]
                    .iter()
                    .all(|o| o.key != s.key && o.symbol != s.symbol)
            );
            for b in s.defaults.all() {
                s.check(b.range).expect("default is valid");
                for f in b.sources {
                    assert!(crate::sources::cites(f), "{} cites unknown {f}", s.key);
                }
            }
        }
        use AssumptionId::*;
        use FastPathCase::*;
        // SPEC §5's table: (id, kernel, enhanced) for the data-path defaults and the fixed ones.
        let table = [
            (VswitchGbpsPerCore, (2.0, 8.0, 15.0), (10.0, 25.0, 50.0)),
            (VswitchMppsPerCore, (0.5, 1.0, 2.0), (2.0, 5.0, 8.0)),
            (OverlayOverhead, (0.0, 0.2, 0.35), (0.0, 0.2, 0.35)),
            (FirewallOverhead, (0.1, 0.4, 1.0), (0.1, 0.4, 1.0)),
            (CryptoCyclesPerByte, (0.64, 1.5, 3.6), (0.64, 1.5, 3.6)),
            (OffloadFraction, (0.5, 0.8, 0.95), (0.5, 0.8, 0.95)),
            (FastPathPinnedCores, (1.0, 2.0, 4.0), (1.0, 2.0, 4.0)),
            (SmartnicHostCores, (0.5, 1.0, 2.0), (1.0, 2.0, 4.0)),
        ];
        for fp in [Vsphere, Linux, Bulk] {
            let kernel = Ranges::resolve(&Assumptions::default(), key(Datapath::Kernel, fp));
            let enhanced = Ranges::resolve(&Assumptions::default(), key(Datapath::Enhanced, fp));
            for (id, k, e) in table {
                assert_eq!(kernel.get(id), Range::new(k.0, k.1, k.2), "{id:?} kernel");
                assert_eq!(
                    enhanced.get(id),
                    Range::new(e.0, e.1, e.2),
                    "{id:?} enhanced"
                );
            }
        }
        // The speed-up follows the fast path, whatever the data path.
        for (fp, want) in [
            (Vsphere, (1.3, 2.0, 3.5)),
            (Linux, (1.5, 2.5, 4.0)),
            (Bulk, (1.1, 1.5, 2.5)),
        ] {
            for dp in [Datapath::Kernel, Datapath::Enhanced] {
                let r = Ranges::resolve(&Assumptions::default(), key(dp, fp));
                assert_eq!(
                    r.get(FastPathSpeedup),
                    Range::new(want.0, want.1, want.2),
                    "{fp:?}"
                );
            }
        }
        let follows: Vec<&str> = ASSUMPTIONS
            .iter()
            .filter(|s| s.follows_datapath())
            .map(|s| s.symbol)
            .collect();
        assert_eq!(follows, ["T", "M", "c_nic"]);
        let plan_only: Vec<&str> = ASSUMPTIONS
            .iter()
            .filter(|s| s.id.plan_only())
            .map(|s| s.symbol)
            .collect();
        assert_eq!(plan_only, ["s", "p_pin", "c_nic"]);
    }

    #[test]
    fn a_range_the_user_set_is_kept_when_the_datapath_changes() {
        let a = Assumptions {
            vswitch_gbps_per_core: Some(Range::new(1.0, 3.0, 4.0)),
            ..Assumptions::default()
        };
        for dp in [Datapath::Kernel, Datapath::Enhanced] {
            let r = Ranges::resolve(&a, key(dp, FastPathCase::Linux));
            assert_eq!(
                r.get(AssumptionId::VswitchGbpsPerCore),
                Range::new(1.0, 3.0, 4.0)
            );
        }
        assert_eq!(
            Ranges::resolve(&a, key(Datapath::Enhanced, FastPathCase::Linux))
                .get(AssumptionId::VswitchMppsPerCore),
            Range::new(2.0, 5.0, 8.0)
        );
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
    fn values_pick_each_assumption() {
        let r = Ranges::resolve(
            &Assumptions::default(),
            key(Datapath::Kernel, FastPathCase::Vsphere),
        );
        let v = r.likely();
        assert_eq!(
            (v.t, v.m, v.o, v.w, v.k, v.phi),
            (8.0, 1.0, 0.2, 0.4, 1.5, 0.8)
        );
        assert_eq!((v.speedup, v.pinned, v.nic_cores), (2.0, 2.0, 1.0));
        let v = v.with(AssumptionId::FastPathSpeedup, 3.0);
        assert_eq!((v.speedup, v.pinned), (3.0, 2.0));
        let v = v.with(AssumptionId::FastPathPinnedCores, 1.5);
        assert_eq!((v.pinned, v.nic_cores), (1.5, 1.0));
        let v = v.with(AssumptionId::SmartnicHostCores, 0.5);
        assert_eq!((v.speedup, v.pinned, v.nic_cores), (3.0, 1.5, 0.5));
        let v = v.with(AssumptionId::FirewallOverhead, 0.9);
        assert_eq!((v.o, v.w), (0.2, 0.9));
        let v = v.with(AssumptionId::OverlayOverhead, 0.3);
        assert_eq!((v.o, v.w), (0.3, 0.9));
    }
}
