//! The scenario a user describes (SPEC §3): typed, defaulted, and validated on the way in.
//!
//! `Scenario::from_json` is the one way in from text: it parses, migrates older `schema`
//! versions, decodes every field through the table of [`crate::fields`] (which names the
//! field of any problem), and validates every value against its range there. A `Scenario`
//! that came out of it is valid; one built in code is checked with [`Scenario::validate`].
//!
//! Some defaults depend on other fields ("resolved defaults", SPEC §3 ⇢): the data path,
//! the per-core licence and whether licences follow cores, the DPU's power and every
//! assumption range. They are `None` until the user sets them, so links and exports carry
//! only what the user set, and [`Scenario::resolve`] fills them in for an evaluation.

use crate::assumptions::{AssumptionId, Assumptions, DefaultKey, FastPathCase, Ranges};
use crate::choice::{
    BoundBy, Datapath, DpuModel, DualMode, Encryption, Feature, Goal, NsxVersion, Oem,
    PlatformKind, VsphereVersion, WorkloadKind,
};
use crate::error::{Problem, ScenarioError};
use crate::fields;
use crate::json::{self, Map, Value};

/// The current version of the scenario format. Model 2 only added fields and values, so
/// every schema-1 document is still a valid schema-1 document.
pub const SCHEMA: u32 = 1;

/// The longest scenario text read, in bytes: a full scenario is about 3 KB, and anything far
/// larger is refused before parsing (a 20 MB key once froze the page).
pub const MAX_SCENARIO_BYTES: usize = 64 * 1024;

/// Everything the user tells us. `{}` is a valid scenario: every field has a default.
#[derive(Debug, Clone, PartialEq)]
pub struct Scenario {
    /// Format version; currently [`SCHEMA`].
    pub schema: u32,
    /// A free-text name (one line).
    pub name: String,
    /// What the user hopes the DPU will do.
    pub goals: Vec<Goal>,
    /// The virtualization platform.
    pub platform: Platform,
    /// How the hosts are used.
    pub workload: Workload,
    /// The DPU under consideration.
    pub dpu: Dpu,
    /// Virtual-switch features the user relies on today.
    pub features: Vec<Feature>,
    /// Traffic through the virtual switch.
    pub traffic: Traffic,
    /// The servers.
    pub fleet: Fleet,
    /// Prices and running costs.
    pub costs: Costs,
    /// The vendor's pitch to test.
    pub claim: Claim,
    /// Model assumptions with their ranges (each a resolved default).
    pub assumptions: Assumptions,
}

impl Default for Scenario {
    fn default() -> Self {
        Scenario {
            schema: SCHEMA,
            name: String::new(),
            goals: vec![Goal::FreeHostCpu],
            platform: Platform::default(),
            workload: Workload::default(),
            dpu: Dpu::default(),
            features: Vec::new(),
            traffic: Traffic::default(),
            fleet: Fleet::default(),
            costs: Costs::default(),
            claim: Claim::default(),
            assumptions: Assumptions::default(),
        }
    }
}

/// `platform.*`
#[derive(Debug, Clone, PartialEq)]
pub struct Platform {
    /// `platform.kind`
    pub kind: PlatformKind,
    /// `platform.vsphere` (only read when `kind` is `vsphere`)
    pub vsphere: VsphereVersion,
    /// `platform.nsx` (only read when `kind` is `vsphere`)
    pub nsx: NsxVersion,
    /// `platform.datapath`; `None` resolves from the platform (see [`Scenario::resolve`]).
    pub datapath: Option<Datapath>,
}

impl Default for Platform {
    fn default() -> Self {
        Platform {
            kind: PlatformKind::Vsphere,
            vsphere: VsphereVersion::V8_0u3,
            nsx: NsxVersion::V4_2,
            datapath: None,
        }
    }
}

/// `workload.*`
#[derive(Debug, Clone, PartialEq)]
pub struct Workload {
    /// `workload.kind`
    pub kind: WorkloadKind,
    /// `workload.vms_per_host`
    pub vms_per_host: u32,
}

impl Default for Workload {
    fn default() -> Self {
        Workload {
            kind: WorkloadKind::ManyVms,
            vms_per_host: 20,
        }
    }
}

/// `dpu.*`
#[derive(Debug, Clone, PartialEq)]
pub struct Dpu {
    /// `dpu.model`
    pub model: DpuModel,
    /// `dpu.per_host`: 1 or 2
    pub per_host: u32,
    /// `dpu.dual_mode`: how two DPUs share the work (read only with 2 per host)
    pub dual_mode: DualMode,
    /// `dpu.factory_installed`
    pub factory_installed: bool,
    /// `dpu.oem`
    pub oem: Oem,
    /// `dpu.mixed_models_in_cluster`
    pub mixed_models_in_cluster: bool,
}

impl Default for Dpu {
    fn default() -> Self {
        Dpu {
            model: DpuModel::Bluefield3,
            per_host: 1,
            dual_mode: DualMode::ActiveStandby,
            factory_installed: true,
            oem: Oem::Dell,
            mixed_models_in_cluster: false,
        }
    }
}

/// `traffic.*`
#[derive(Debug, Clone, PartialEq)]
pub struct Traffic {
    /// `traffic.gbps_per_host`: average load through the virtual switch, Gb/s
    pub gbps_per_host: f64,
    /// `traffic.avg_packet_bytes`
    pub avg_packet_bytes: f64,
    /// `traffic.overlay`: Geneve / VXLAN
    pub overlay: bool,
    /// `traffic.overlay_nic_offload`: the NIC keeps TSO/checksum offload inside the tunnel
    pub overlay_nic_offload: bool,
    /// `traffic.distributed_firewall`
    pub distributed_firewall: bool,
    /// `traffic.deep_inspection`: IDS/IPS or L7 inspection in the data path
    pub deep_inspection: bool,
    /// `traffic.encryption`: done in host software today
    pub encryption: Encryption,
    /// `traffic.measured_networking_cores`: host cores the data path uses today, measured
    pub measured_networking_cores: Option<f64>,
}

impl Default for Traffic {
    fn default() -> Self {
        Traffic {
            gbps_per_host: 10.0,
            avg_packet_bytes: 800.0,
            overlay: true,
            overlay_nic_offload: true,
            distributed_firewall: false,
            deep_inspection: false,
            encryption: Encryption::None,
            measured_networking_cores: None,
        }
    }
}

/// `fleet.*`
#[derive(Debug, Clone, PartialEq)]
pub struct Fleet {
    /// `fleet.hosts`
    pub hosts: u32,
    /// `fleet.cluster_hosts`: hosts that can take each other's work
    pub cluster_hosts: u32,
    /// `fleet.min_hosts_per_cluster`: hosts a cluster must keep
    pub min_hosts_per_cluster: u32,
    /// `fleet.bound_by`: what decides how many servers are needed
    pub bound_by: BoundBy,
    /// `fleet.cores_per_host`
    pub cores_per_host: u32,
    /// `fleet.ghz`
    pub ghz: f64,
    /// `fleet.server_price`
    pub server_price: f64,
    /// `fleet.server_watts`
    pub server_watts: f64,
    /// `fleet.rack_units_per_host`
    pub rack_units_per_host: f64,
    /// `fleet.lifetime_years`
    pub lifetime_years: f64,
}

impl Default for Fleet {
    fn default() -> Self {
        Fleet {
            hosts: 32,
            cluster_hosts: 16,
            min_hosts_per_cluster: 2,
            bound_by: BoundBy::Cpu,
            cores_per_host: 64,
            ghz: 2.8,
            server_price: 30_000.0,
            server_watts: 700.0,
            rack_units_per_host: 1.0,
            lifetime_years: 5.0,
        }
    }
}

/// `costs.*`
#[derive(Debug, Clone, PartialEq)]
pub struct Costs {
    /// `costs.currency`: a label only
    pub currency: String,
    /// `costs.kwh_price`
    pub kwh_price: f64,
    /// `costs.pue`
    pub pue: f64,
    /// `costs.rack_unit_year`
    pub rack_unit_year: f64,
    /// `costs.license_per_core_year`; `None` resolves from the platform (F4.7.4)
    pub license_per_core_year: Option<f64>,
    /// `costs.licenses_follow_cores`; `None` resolves from the platform
    pub licenses_follow_cores: Option<bool>,
    /// `costs.dpu_price` (F4.6.5)
    pub dpu_price: f64,
    /// `costs.nic_price`: the NIC a DPU replaces
    pub nic_price: f64,
    /// `costs.dpu_watts`; `None` resolves from the DPU model (F4.6.4, F4.6.2)
    pub dpu_watts: Option<f64>,
    /// `costs.nic_watts`
    pub nic_watts: f64,
    /// `costs.dpu_license_year`: per DPU per year
    pub dpu_license_year: f64,
    /// `costs.smartnic_price` (model 3); `None` resolves from one DPU card's line rate
    /// (F10.4.4)
    pub smartnic_price: Option<f64>,
    /// `costs.smartnic_watts` (model 3, F10.4.2)
    pub smartnic_watts: f64,
    /// `costs.discount_rate`: per year, for the net present value
    pub discount_rate: f64,
}

impl Default for Costs {
    fn default() -> Self {
        Costs {
            currency: "USD".to_owned(),
            kwh_price: 0.15,
            pue: 1.5,
            rack_unit_year: 300.0,
            license_per_core_year: None,
            licenses_follow_cores: None,
            dpu_price: 2_500.0,
            nic_price: 500.0,
            dpu_watts: None,
            nic_watts: 20.0,
            dpu_license_year: 0.0,
            smartnic_price: None,
            smartnic_watts: 25.0,
            discount_rate: 0.0,
        }
    }
}

/// `claim.*`: the vendor's pitch the report tests (model 2.1).
#[derive(Debug, Clone, PartialEq)]
pub struct Claim {
    /// `claim.cpu_freed_percent`: the share of host CPU the pitch promised (0 = no claim)
    pub cpu_freed_percent: f64,
}

impl Default for Claim {
    fn default() -> Self {
        Claim {
            cpu_freed_percent: 30.0,
        }
    }
}

/// The scenario with every resolved default filled in: what an evaluation works on.
#[derive(Debug, Clone, PartialEq)]
pub struct Resolved {
    /// `platform.datapath` in force.
    pub datapath: Datapath,
    /// `costs.license_per_core_year` in force.
    pub license_per_core_year: f64,
    /// `costs.licenses_follow_cores` in force.
    pub licenses_follow_cores: bool,
    /// `costs.dpu_watts` in force.
    pub dpu_watts: f64,
    /// `costs.smartnic_price` in force (model 3).
    pub smartnic_price: f64,
    /// Which fast path the speed-up's default describes (model 3).
    pub fast_path: FastPathCase,
    /// Every assumption range in force.
    pub ranges: Ranges,
}

/// How many numbers too large for a float [`Scenario::from_json`] reads again to name their
/// field (each reading is one more pass over the text).
const OUT_OF_RANGE_NAMED: u8 = 4;

/// [`Scenario::from_json`] after the size check, naming the field of up to `budget` numbers
/// too large for a float.
fn read_json(text: &str, budget: u8) -> Result<Scenario, ScenarioError> {
    match json::parse(text) {
        Ok(value) => Scenario::from_value(value),
        Err(e) => Err(
            out_of_range_field(text, &e, budget).unwrap_or(ScenarioError::Syntax {
                line: e.line,
                column: e.column,
                message: e.message,
            }),
        ),
    }
}

/// The field a number too large for a float was written in, when the reader stopped at one
/// (`{"fleet": {"ghz": 1e400}}`): the number is read again as the largest float, so the
/// error names the field and its allowed range like every other bad value, and says it is
/// infinite. `None` when the error is another one, when the field would take the largest
/// float, or past `budget` such numbers (then the reader's "a number too large" stands).
fn out_of_range_field(text: &str, e: &json::SyntaxError, budget: u8) -> Option<ScenarioError> {
    if e.message != json::SyntaxKind::OutOfRange.words() || budget == 0 {
        return None;
    }
    let bytes = text.as_bytes();
    let line_start = if e.line <= 1 {
        0
    } else {
        bytes
            .iter()
            .enumerate()
            .filter(|(_, c)| **c == b'\n')
            .nth(e.line - 2)?
            .0
            + 1
    };
    let at = (line_start + e.column).min(bytes.len());
    let in_number = |c: &u8| c.is_ascii_digit() || b"eE+-.".contains(c);
    let start = at
        - bytes[..at]
            .iter()
            .rev()
            .take_while(|c| in_number(c))
            .count();
    let end = at + bytes[at..].iter().take_while(|c| in_number(c)).count();
    let largest = if bytes.get(start) == Some(&b'-') {
        "-1.7976931348623157e308"
    } else {
        "1.7976931348623157e308"
    };
    let patched = format!("{}{largest}{}", &text[..start], &text[end..]);
    // Another number out of range further on is named the same way.
    match read_json(&patched, budget - 1) {
        Err(ScenarioError::Field {
            path,
            problem: Problem::OutOfRange(x),
            allowed,
        }) if x.abs() == f64::MAX => Some(ScenarioError::Field {
            path,
            problem: Problem::OutOfRange(x.signum() * f64::INFINITY),
            allowed,
        }),
        Err(other @ ScenarioError::Field { .. }) => Some(other),
        _ => None,
    }
}

impl Scenario {
    /// Parses, migrates, decodes and validates a scenario from JSON text.
    ///
    /// ```
    /// let s = dpu_engine::Scenario::from_json(r#"{"traffic": {"gbps_per_host": 40}}"#).unwrap();
    /// assert_eq!(s.traffic.gbps_per_host, 40.0);
    /// let e = dpu_engine::Scenario::from_json(r#"{"traffic": {"gbps_per_host": -1}}"#).unwrap_err();
    /// assert_eq!(e.path(), Some("traffic.gbps_per_host"));
    /// ```
    pub fn from_json(text: &str) -> Result<Scenario, ScenarioError> {
        if text.len() > MAX_SCENARIO_BYTES {
            return Err(ScenarioError::TooLarge { bytes: text.len() });
        }
        read_json(text, OUT_OF_RANGE_NAMED)
    }

    /// Migrates, decodes and validates a scenario from a JSON value.
    pub fn from_value(value: Value) -> Result<Scenario, ScenarioError> {
        let value = crate::migrate::migrate(value)?;
        let scenario = fields::decode(&value)?;
        scenario.validate()?;
        Ok(scenario)
    }

    /// Pretty JSON, the format `dpucheck` reads: every plain field, and the resolved
    /// defaults only where the user set them.
    pub fn to_json_pretty(&self) -> String {
        json::to_string_pretty(&self.to_json_value())
    }

    /// The scenario as JSON, in the order of [`FILE_ORDER`]: every plain field, and the
    /// resolved defaults only where the user set them. (Links and saved lists sort the keys.)
    pub fn to_json_value(&self) -> Value {
        let mut top = Map::new();
        top.insert("schema", self.schema.into());
        for path in FILE_ORDER {
            let Some(f) = fields::field(path) else {
                continue;
            };
            let value = fields::to_json(f, (f.get)(self));
            let (map, key) = match path.split_once('.') {
                Some((section, key)) => {
                    if top.get(section).is_none() {
                        top.insert(section, Map::new().into());
                    }
                    match top.get_mut(section) {
                        Some(Value::Object(m)) => (m, key),
                        _ => continue,
                    }
                }
                None => (&mut top, *path),
            };
            if let Some(v) = value {
                map.insert(key, v);
            }
        }
        Value::Object(top)
    }

    /// Checks every field against its allowed range. Never panics, never clamps.
    pub fn validate(&self) -> Result<(), ScenarioError> {
        if self.schema != SCHEMA {
            return Err(ScenarioError::field(
                "schema",
                Problem::OutOfRange(f64::from(self.schema)),
                format!("the whole number {SCHEMA}"),
            ));
        }
        fields::validate(self)
    }

    /// The data path in force: the user's, or `enhanced` on vSphere 9.x (VCF 9 runs NSX's
    /// Enhanced Data Path by default, F2.5.6), else `kernel`.
    pub fn datapath(&self) -> Datapath {
        self.platform.datapath.unwrap_or(
            if self.is_vsphere() && self.platform.vsphere >= VsphereVersion::V9_0 {
                Datapath::Enhanced
            } else {
                Datapath::Kernel
            },
        )
    }

    /// What the assumptions' default ranges depend on: the data path, and which fast path
    /// the speed-up describes. Bulk traffic is decided once, at the likely T and M of the
    /// ranges in force (the user's where set): no distributed firewall, and the per-Gb/s
    /// cost 1/T at least the per-packet cost 10³/(8·P·M) (a tie counts as bulk), SPEC §5.
    pub fn default_key(&self) -> DefaultKey {
        let datapath = self.datapath();
        let likely = |id: AssumptionId| {
            let spec = crate::assumptions::spec(id);
            (spec.get)(&self.assumptions)
                .unwrap_or(
                    spec.default_for(DefaultKey {
                        datapath,
                        fast_path: FastPathCase::Linux,
                    })
                    .range,
                )
                .likely
        };
        let (t, m) = (
            likely(AssumptionId::VswitchGbpsPerCore),
            likely(AssumptionId::VswitchMppsPerCore),
        );
        // 1/T ≥ 10³/(8·P·M), multiplied out (every factor is positive).
        let bulk = !self.traffic.distributed_firewall
            && 8.0 * self.traffic.avg_packet_bytes * m >= 1e3 * t;
        let fast_path = if bulk {
            FastPathCase::Bulk
        } else if self.is_vsphere() {
            FastPathCase::Vsphere
        } else {
            FastPathCase::Linux
        };
        DefaultKey {
            datapath,
            fast_path,
        }
    }

    /// Every resolved default in force (SPEC §3 ⇢).
    pub fn resolve(&self) -> Resolved {
        let vsphere = self.is_vsphere();
        let key = self.default_key();
        let datapath = key.datapath;
        Resolved {
            datapath,
            // The defaults with their basis are declared once, in `fields` (the report
            // shows the same values it computes with).
            license_per_core_year: self
                .costs
                .license_per_core_year
                .unwrap_or_else(|| fields::license_default(vsphere).0),
            licenses_follow_cores: self
                .costs
                .licenses_follow_cores
                .unwrap_or_else(|| fields::follow_default(vsphere).0),
            dpu_watts: self
                .costs
                .dpu_watts
                .unwrap_or_else(|| fields::dpu_watts_default(self.dpu.model).0),
            smartnic_price: self.costs.smartnic_price.unwrap_or_else(|| {
                fields::smartnic_price_default(self.dpu.model.line_rate_gbps()).0
            }),
            fast_path: key.fast_path,
            ranges: Ranges::resolve(&self.assumptions, key),
        }
    }

    /// A copy with the field at `path` set from the text a person typed (see
    /// [`fields::with_text`]).
    pub fn with_text(&self, path: &str, text: &str) -> Result<Scenario, ScenarioError> {
        fields::with_text(self, path, text)
    }

    /// Whether `goal` is among the goals.
    pub fn has_goal(&self, goal: Goal) -> bool {
        self.goals.contains(&goal)
    }

    /// Whether the user relies on `feature`.
    pub fn relies_on(&self, feature: Feature) -> bool {
        self.features.contains(&feature)
    }

    /// Whether the platform is vSphere.
    pub fn is_vsphere(&self) -> bool {
        self.platform.kind == PlatformKind::Vsphere
    }

    /// SPEC §4's *offload possible*: vSphere ≥ 8.0 with NSX.
    pub fn offload_possible(&self) -> bool {
        self.is_vsphere()
            && self.platform.vsphere >= VsphereVersion::V8_0
            && self.platform.nsx != NsxVersion::None
    }

    /// vSphere 9.0 or 9.1, whose DPU statements are documented only for vSphere 8.
    pub fn is_vsphere9(&self) -> bool {
        self.is_vsphere() && self.platform.vsphere >= VsphereVersion::V9_0
    }

    /// The VMs on each host in words: "20 VMs", "1 VM".
    pub fn vms(&self) -> String {
        crate::format::count(f64::from(self.workload.vms_per_host), "VM", "VMs")
    }

    /// How to measure the cores the data path uses on this platform: esxtop on ESXi, the
    /// Linux tools elsewhere (a poll-mode path's pinned cores show as busy in both).
    pub fn core_meter(&self) -> &'static str {
        if self.is_vsphere() {
            "esxtop"
        } else {
            "pidstat, top"
        }
    }
}

/// The fields in the order a scenario file writes them (after `schema`): the order of the
/// first release's files, which differs from the form's ([`fields::FIELDS`]) in
/// `costs`. A test checks that it names every field once.
pub const FILE_ORDER: &[&str] = &[
    "name",
    "goals",
    "platform.kind",
    "platform.vsphere",
    "platform.nsx",
    "platform.datapath",
    "workload.kind",
    "workload.vms_per_host",
    "dpu.model",
    "dpu.per_host",
    "dpu.dual_mode",
    "dpu.factory_installed",
    "dpu.oem",
    "dpu.mixed_models_in_cluster",
    "features",
    "traffic.gbps_per_host",
    "traffic.avg_packet_bytes",
    "traffic.overlay",
    "traffic.overlay_nic_offload",
    "traffic.distributed_firewall",
    "traffic.deep_inspection",
    "traffic.encryption",
    "traffic.measured_networking_cores",
    "fleet.hosts",
    "fleet.cluster_hosts",
    "fleet.min_hosts_per_cluster",
    "fleet.bound_by",
    "fleet.cores_per_host",
    "fleet.ghz",
    "fleet.server_price",
    "fleet.server_watts",
    "fleet.rack_units_per_host",
    "fleet.lifetime_years",
    "costs.currency",
    "costs.kwh_price",
    "costs.pue",
    "costs.rack_unit_year",
    "costs.license_per_core_year",
    "costs.licenses_follow_cores",
    "costs.dpu_price",
    "costs.nic_price",
    "costs.dpu_watts",
    "costs.nic_watts",
    "costs.dpu_license_year",
    "costs.smartnic_price",
    "costs.smartnic_watts",
    "costs.discount_rate",
    "claim.cpu_freed_percent",
    "assumptions.vswitch_gbps_per_core",
    "assumptions.vswitch_mpps_per_core",
    "assumptions.overlay_overhead",
    "assumptions.firewall_overhead",
    "assumptions.crypto_cycles_per_byte",
    "assumptions.offload_fraction",
    "assumptions.fast_path_speedup",
    "assumptions.fast_path_pinned_cores",
    "assumptions.smartnic_host_cores",
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::choice::Datapath;

    /// A number too large for a float names its field and the allowed range, wherever it
    /// stands and however it overflows; elsewhere the reader's message stands.
    #[test]
    fn numbers_too_large_for_a_float_name_their_field() {
        let field = |text: &str| match Scenario::from_json(text) {
            Err(e @ ScenarioError::Field { .. }) => e.to_string(),
            other => panic!("{text}: {other:?}"),
        };
        let ghz = "fleet.ghz: is infinite; allowed: a number from 0.1 to 10";
        assert_eq!(field(r#"{"fleet":{"ghz":1e400}}"#), ghz);
        assert_eq!(field(r#"{"fleet":{"ghz":-1e400}}"#), ghz);
        // The exponent itself overflows: the reader stops inside it.
        assert_eq!(field(r#"{"fleet":{"ghz":1e99999999999}}"#), ghz);
        assert_eq!(
            field("{\"fleet\":\n {\"hosts\": 10,\n  \"ghz\":  1.5e400 }}"),
            ghz
        );
        assert_eq!(
            field(r#"{"traffic":{"gbps_per_host":1e400},"fleet":{"ghz":2e400}}"#),
            "traffic.gbps_per_host: is infinite; allowed: a number from 0 to 10,000"
        );
        assert!(field(r#"{"name": 1e400}"#).starts_with("name: is a number;"));
        assert_eq!(field(r#"{"nope": 1e400}"#), "nope: is not a known field");
        // Not a field: the reader's message.
        let syntax = |text: &str| match Scenario::from_json(text) {
            Err(ScenarioError::Syntax {
                message,
                line,
                column,
            }) => (message, line, column),
            other => panic!("{text}: {other:?}"),
        };
        assert_eq!(
            syntax("{\"a\": [1e400"),
            ("a number too large".to_owned(), 1, 12)
        );
        // More than OUT_OF_RANGE_NAMED of them before a field says so: the reader's message.
        let many = format!(r#"{{"goals": [{}]}}"#, ["1e400"; 6].join(","));
        assert_eq!(syntax(&many).0, "a number too large");
        let few = format!(r#"{{"goals": [{}]}}"#, ["1e400"; 3].join(","));
        assert!(field(&few).starts_with("goals[0]: is a number"));
    }

    #[test]
    fn empty_object_is_the_default() {
        assert_eq!(Scenario::from_json("{}").unwrap(), Scenario::default());
        assert_eq!(Scenario::from_json(" {} \n").unwrap(), Scenario::default());
    }

    #[test]
    fn defaults_follow_the_spec() {
        let s = Scenario::default();
        assert_eq!(s.goals, [Goal::FreeHostCpu]);
        assert_eq!(
            (s.platform.kind, s.platform.vsphere, s.platform.nsx),
            (
                PlatformKind::Vsphere,
                VsphereVersion::V8_0u3,
                NsxVersion::V4_2
            )
        );
        assert_eq!(
            (s.workload.kind, s.workload.vms_per_host),
            (WorkloadKind::ManyVms, 20)
        );
        assert_eq!(
            (s.dpu.model, s.dpu.per_host, s.dpu.dual_mode, s.dpu.oem),
            (DpuModel::Bluefield3, 1, DualMode::ActiveStandby, Oem::Dell)
        );
        assert!(s.dpu.factory_installed && !s.dpu.mixed_models_in_cluster);
        let t = &s.traffic;
        assert_eq!((t.gbps_per_host, t.avg_packet_bytes), (10.0, 800.0));
        assert!(t.overlay && t.overlay_nic_offload && !t.distributed_firewall);
        assert!(!t.deep_inspection && t.encryption == Encryption::None);
        assert_eq!(t.measured_networking_cores, None);
        let f = &s.fleet;
        assert_eq!(
            (
                f.hosts,
                f.cluster_hosts,
                f.min_hosts_per_cluster,
                f.bound_by
            ),
            (32, 16, 2, BoundBy::Cpu)
        );
        assert_eq!(
            (f.cores_per_host, f.ghz, f.server_price),
            (64, 2.8, 30_000.0)
        );
        assert_eq!(
            (f.server_watts, f.rack_units_per_host, f.lifetime_years),
            (700.0, 1.0, 5.0)
        );
        let c = &s.costs;
        assert_eq!(c.currency, "USD");
        assert_eq!((c.kwh_price, c.pue, c.rack_unit_year), (0.15, 1.5, 300.0));
        assert_eq!(
            (c.dpu_price, c.nic_price, c.nic_watts),
            (2_500.0, 500.0, 20.0)
        );
        assert_eq!((c.dpu_license_year, c.discount_rate), (0.0, 0.0));
        assert_eq!(s.claim.cpu_freed_percent, 30.0);
        assert!(s.validate().is_ok());
    }

    #[track_caller]
    fn resolved(json: &str) -> Resolved {
        Scenario::from_json(json).unwrap().resolve()
    }

    #[test]
    fn resolved_defaults_follow_the_fields_they_depend_on() {
        let r = resolved("{}");
        assert_eq!(r.datapath, Datapath::Kernel);
        assert_eq!(
            (r.license_per_core_year, r.licenses_follow_cores),
            (250.0, true)
        );
        assert_eq!(r.dpu_watts, 150.0);
        for kind in ["kvm_ovs", "kubernetes", "bare_metal"] {
            let r = resolved(&format!(r#"{{"platform": {{"kind": "{kind}"}}}}"#));
            assert_eq!(
                (r.license_per_core_year, r.licenses_follow_cores),
                (0.0, false),
                "{kind}"
            );
            assert_eq!(r.datapath, Datapath::Kernel, "{kind}");
        }
        for v in ["9.0", "9.1"] {
            let r = resolved(&format!(r#"{{"platform": {{"vsphere": "{v}"}}}}"#));
            assert_eq!(r.datapath, Datapath::Enhanced, "{v}");
        }
        // vSphere 9 off vSphere means nothing: the release is read only on vSphere.
        let r = resolved(r#"{"platform": {"kind": "kvm_ovs", "vsphere": "9.1"}}"#);
        assert_eq!(r.datapath, Datapath::Kernel);
        assert_eq!(
            resolved(r#"{"dpu": {"model": "bluefield4"}}"#).dpu_watts,
            150.0
        );
        assert_eq!(
            resolved(r#"{"dpu": {"model": "bluefield2"}}"#).dpu_watts,
            75.0
        );
        assert_eq!(
            resolved(r#"{"dpu": {"model": "pensando_dsc2_100"}}"#).dpu_watts,
            75.0
        );
        // What the user set wins.
        let r = resolved(
            r#"{"platform": {"vsphere": "9.1", "datapath": "kernel"},
                "costs": {"license_per_core_year": 350, "licenses_follow_cores": false, "dpu_watts": 60}}"#,
        );
        assert_eq!(r.datapath, Datapath::Kernel);
        assert_eq!(
            (r.license_per_core_year, r.licenses_follow_cores),
            (350.0, false)
        );
        assert_eq!(r.dpu_watts, 60.0);
        // null leaves a resolved default unset.
        let r = resolved(r#"{"costs": {"dpu_watts": null}, "platform": {"datapath": null}}"#);
        assert_eq!((r.dpu_watts, r.datapath), (150.0, Datapath::Kernel));
    }

    #[test]
    fn huge_texts_are_refused_before_parsing() {
        let huge = format!(r#"{{"name": "{}"}}"#, "x".repeat(MAX_SCENARIO_BYTES));
        let e = Scenario::from_json(&huge).unwrap_err();
        assert_eq!(e, ScenarioError::TooLarge { bytes: huge.len() });
        assert!(e.to_string().contains("at most 65,536 are read"), "{e}");
        // A big but plausible scenario (a long pretty-printed export) is fine.
        let fine = format!("{}{}", " ".repeat(30_000), "{}");
        assert!(Scenario::from_json(&fine).is_ok());
    }

    #[test]
    fn the_file_order_names_every_field_once() {
        let mut order: Vec<&str> = FILE_ORDER.to_vec();
        let mut fields: Vec<&str> = fields::FIELDS.iter().map(|f| f.path).collect();
        order.sort_unstable();
        fields.sort_unstable();
        assert_eq!(order, fields);
    }

    #[test]
    fn exports_are_written_as_the_first_release_wrote_them() {
        let s = Scenario::from_json(
            r#"{"name": "Lab ü \"q\"", "goals": ["save_rack_space", "cut_licensing"],
                "platform": {"datapath": "enhanced"}, "features": ["nioc"],
                "traffic": {"gbps_per_host": 123.456789, "measured_networking_cores": 3},
                "costs": {"currency": "EUR", "license_per_core_year": 1234.5678,
                          "licenses_follow_cores": false, "dpu_watts": 42.5},
                "assumptions": {"offload_fraction": {"low": 0.1, "likely": 0.2, "high": 0.3}}}"#,
        )
        .unwrap();
        let want = r#"{
  "schema": 1,
  "name": "Lab ü \"q\"",
  "goals": [
    "save_rack_space",
    "cut_licensing"
  ],
  "platform": {
    "kind": "vsphere",
    "vsphere": "8.0u3",
    "nsx": "4.2",
    "datapath": "enhanced"
  },
  "workload": {
    "kind": "many_vms",
    "vms_per_host": 20
  },
  "dpu": {
    "model": "bluefield3",
    "per_host": 1,
    "dual_mode": "active_standby",
    "factory_installed": true,
    "oem": "dell",
    "mixed_models_in_cluster": false
  },
  "features": [
    "nioc"
  ],
  "traffic": {
    "gbps_per_host": 123.456789,
    "avg_packet_bytes": 800.0,
    "overlay": true,
    "overlay_nic_offload": true,
    "distributed_firewall": false,
    "deep_inspection": false,
    "encryption": "none",
    "measured_networking_cores": 3.0
  },
  "fleet": {
    "hosts": 32,
    "cluster_hosts": 16,
    "min_hosts_per_cluster": 2,
    "bound_by": "cpu",
    "cores_per_host": 64,
    "ghz": 2.8,
    "server_price": 30000.0,
    "server_watts": 700.0,
    "rack_units_per_host": 1.0,
    "lifetime_years": 5.0
  },
  "costs": {
    "currency": "EUR",
    "kwh_price": 0.15,
    "pue": 1.5,
    "rack_unit_year": 300.0,
    "license_per_core_year": 1234.5678,
    "licenses_follow_cores": false,
    "dpu_price": 2500.0,
    "nic_price": 500.0,
    "dpu_watts": 42.5,
    "nic_watts": 20.0,
    "dpu_license_year": 0.0,
    "smartnic_watts": 25.0,
    "discount_rate": 0.0
  },
  "claim": {
    "cpu_freed_percent": 30.0
  },
  "assumptions": {
    "offload_fraction": {
      "low": 0.1,
      "likely": 0.2,
      "high": 0.3
    }
  }
}"#;
        assert_eq!(s.to_json_pretty(), want);
        let empty = Scenario::default().to_json_pretty();
        assert!(empty.ends_with("\"assumptions\": {}\n}"), "{empty}");
    }

    #[test]
    fn exports_carry_only_what_the_user_set() {
        let json = Scenario::default().to_json_pretty();
        for absent in [
            "datapath",
            "license_per_core_year",
            "licenses_follow_cores",
            "dpu_watts",
            "measured_networking_cores",
            "vswitch_gbps_per_core",
        ] {
            assert!(!json.contains(absent), "{absent} in {json}");
        }
        let s = Scenario::from_json(r#"{"costs": {"dpu_watts": 90}}"#).unwrap();
        assert!(s.to_json_pretty().contains("\"dpu_watts\": 90"));
    }
}
