//! The scenario a user describes (SPEC §3): typed, defaulted, and validated on the way in.
//!
//! `Scenario::from_json` is the one way in from text: it parses, migrates older `schema`
//! versions, decodes with the JSON path of every field tracked, and then checks every number
//! against [`NUMBER_FIELDS`] and every assumption against [`ASSUMPTIONS`]. A `Scenario` that
//! came out of it is valid; one built in code is checked with [`Scenario::validate`].

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::assumptions::{ASSUMPTIONS, Assumptions};
use crate::choice::{
    Choice, DpuModel, Encryption, Feature, Goal, NsxVersion, Oem, PlatformKind, VsphereVersion,
    WorkloadKind,
};
use crate::error::ScenarioError;

/// The current version of the scenario format.
pub const SCHEMA: u32 = 1;

/// Longest accepted `name` and `costs.currency`, in characters (keeps links short).
pub const MAX_NAME_CHARS: usize = 120;
/// Longest accepted currency label.
pub const MAX_CURRENCY_CHARS: usize = 12;

/// Everything the user tells us. `{}` is a valid scenario: every field has a default.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Scenario {
    /// Format version; currently [`SCHEMA`].
    pub schema: u32,
    /// A free-text name.
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
    /// Model assumptions with their ranges.
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
            assumptions: Assumptions::default(),
        }
    }
}

/// `platform.*`
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Platform {
    /// `platform.kind`
    pub kind: PlatformKind,
    /// `platform.vsphere` (only read when `kind` is `vsphere`)
    pub vsphere: VsphereVersion,
    /// `platform.nsx` (only read when `kind` is `vsphere`)
    pub nsx: NsxVersion,
}

impl Default for Platform {
    fn default() -> Self {
        Platform {
            kind: PlatformKind::Vsphere,
            vsphere: VsphereVersion::V8_0u3,
            nsx: NsxVersion::V4_2,
        }
    }
}

/// `workload.*`
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
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
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Dpu {
    /// `dpu.model`
    pub model: DpuModel,
    /// `dpu.per_host`: 1 or 2
    pub per_host: u32,
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
            factory_installed: true,
            oem: Oem::Dell,
            mixed_models_in_cluster: false,
        }
    }
}

/// `traffic.*`
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
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
    /// `traffic.encryption`: done in host software today
    pub encryption: Encryption,
}

impl Default for Traffic {
    fn default() -> Self {
        Traffic {
            gbps_per_host: 10.0,
            avg_packet_bytes: 800.0,
            overlay: true,
            overlay_nic_offload: true,
            distributed_firewall: false,
            encryption: Encryption::None,
        }
    }
}

/// `fleet.*`
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Fleet {
    /// `fleet.hosts`
    pub hosts: u32,
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
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Costs {
    /// `costs.currency`: a label only
    pub currency: String,
    /// `costs.kwh_price`
    pub kwh_price: f64,
    /// `costs.pue`
    pub pue: f64,
    /// `costs.rack_unit_year`
    pub rack_unit_year: f64,
    /// `costs.license_per_core_year` (F4.7.4)
    pub license_per_core_year: f64,
    /// `costs.licenses_follow_cores`: do licences shrink when cores are removed?
    pub licenses_follow_cores: bool,
    /// `costs.dpu_price` (F4.6.5)
    pub dpu_price: f64,
    /// `costs.nic_price`: the NIC a DPU replaces
    pub nic_price: f64,
    /// `costs.dpu_watts`
    pub dpu_watts: f64,
    /// `costs.nic_watts`
    pub nic_watts: f64,
    /// `costs.dpu_license_year`: per DPU per year
    pub dpu_license_year: f64,
}

impl Default for Costs {
    fn default() -> Self {
        Costs {
            currency: "USD".to_owned(),
            kwh_price: 0.15,
            pue: 1.5,
            rack_unit_year: 300.0,
            license_per_core_year: 350.0,
            licenses_follow_cores: true,
            dpu_price: 2_500.0,
            nic_price: 500.0,
            dpu_watts: 75.0,
            nic_watts: 20.0,
            dpu_license_year: 0.0,
        }
    }
}

/// How a number may be bounded below.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lower {
    /// `value ≥ min`
    Inclusive,
    /// `value > min`
    Exclusive,
}

/// One numeric input: where it lives, what it means, and what is allowed.
///
/// The upper bounds are not in SPEC §3; they keep every derived figure finite (a
/// 10¹⁰⁰ Gb/s host would overflow the cost model) and sit far above any real server.
#[derive(Debug, Clone, Copy)]
pub struct NumberField {
    /// JSON path, e.g. `traffic.gbps_per_host`.
    pub path: &'static str,
    /// Human label for forms and messages.
    pub label: &'static str,
    /// Unit shown beside the input ("" for none; "money" for the scenario's currency).
    pub unit: &'static str,
    /// Smallest allowed value.
    pub min: f64,
    /// Whether `min` itself is allowed.
    pub lower: Lower,
    /// Largest allowed value (inclusive).
    pub max: f64,
    /// Whole numbers only.
    pub integer: bool,
    /// Reads the value from a scenario.
    pub get: fn(&Scenario) -> f64,
}

impl NumberField {
    /// "a number ≥ 0 and ≤ 10,000", "a whole number from 1 to 2", …
    pub fn allowed(&self) -> String {
        let kind = if self.integer {
            "a whole number"
        } else {
            "a number"
        };
        match (self.integer, self.lower) {
            (true, _) => format!(
                "{kind} from {} to {}",
                fmt_bound(self.min),
                fmt_bound(self.max)
            ),
            (false, Lower::Inclusive) => {
                format!(
                    "{kind} ≥ {} and ≤ {}",
                    fmt_bound(self.min),
                    fmt_bound(self.max)
                )
            }
            (false, Lower::Exclusive) => {
                format!(
                    "{kind} > {} and ≤ {}",
                    fmt_bound(self.min),
                    fmt_bound(self.max)
                )
            }
        }
    }

    /// Whether `value` is allowed here.
    pub fn accepts(&self, value: f64) -> bool {
        let above = match self.lower {
            Lower::Inclusive => value >= self.min,
            Lower::Exclusive => value > self.min,
        };
        value.is_finite() && above && value <= self.max && (!self.integer || value.fract() == 0.0)
    }
}

fn fmt_bound(v: f64) -> String {
    crate::format::num(v, 6)
}

macro_rules! number_fields {
    ($($path:literal, $label:literal, $unit:literal, $min:expr, $lower:ident, $max:expr, $int:expr, |$s:ident| $get:expr;)+) => {
        /// Every numeric input of the scenario, in form order.
        pub const NUMBER_FIELDS: &[NumberField] = &[
            $(NumberField {
                path: $path,
                label: $label,
                unit: $unit,
                min: $min,
                lower: Lower::$lower,
                max: $max,
                integer: $int,
                get: |$s: &Scenario| $get,
            },)+
        ];
    };
}

number_fields! {
    "workload.vms_per_host", "VMs per host", "", 1.0, Inclusive, 10_000.0, true, |s| f64::from(s.workload.vms_per_host);
    "dpu.per_host", "DPUs per host", "", 1.0, Inclusive, 2.0, true, |s| f64::from(s.dpu.per_host);
    "traffic.gbps_per_host", "Traffic per host", "Gb/s", 0.0, Inclusive, 10_000.0, false, |s| s.traffic.gbps_per_host;
    "traffic.avg_packet_bytes", "Average packet size", "bytes", 64.0, Inclusive, 9_216.0, false, |s| s.traffic.avg_packet_bytes;
    "fleet.hosts", "Hosts", "", 1.0, Inclusive, 1_000_000.0, true, |s| f64::from(s.fleet.hosts);
    "fleet.cores_per_host", "Cores per host", "cores", 1.0, Inclusive, 4_096.0, true, |s| f64::from(s.fleet.cores_per_host);
    "fleet.ghz", "Core clock", "GHz", 0.1, Inclusive, 10.0, false, |s| s.fleet.ghz;
    "fleet.server_price", "Server price", "money", 0.0, Inclusive, 1e9, false, |s| s.fleet.server_price;
    "fleet.server_watts", "Server power", "W", 0.0, Inclusive, 100_000.0, false, |s| s.fleet.server_watts;
    "fleet.rack_units_per_host", "Rack units per host", "U", 0.0, Exclusive, 100.0, false, |s| s.fleet.rack_units_per_host;
    "fleet.lifetime_years", "Lifetime", "years", 0.0, Exclusive, 50.0, false, |s| s.fleet.lifetime_years;
    "costs.kwh_price", "Electricity price", "money/kWh", 0.0, Inclusive, 100.0, false, |s| s.costs.kwh_price;
    "costs.pue", "PUE", "", 1.0, Inclusive, 10.0, false, |s| s.costs.pue;
    "costs.rack_unit_year", "Rack unit per year", "money", 0.0, Inclusive, 1e7, false, |s| s.costs.rack_unit_year;
    "costs.license_per_core_year", "Licence per core per year", "money", 0.0, Inclusive, 1e7, false, |s| s.costs.license_per_core_year;
    "costs.dpu_price", "DPU price", "money", 0.0, Inclusive, 1e8, false, |s| s.costs.dpu_price;
    "costs.nic_price", "NIC price (replaced)", "money", 0.0, Inclusive, 1e8, false, |s| s.costs.nic_price;
    "costs.dpu_watts", "DPU power", "W", 0.0, Inclusive, 10_000.0, false, |s| s.costs.dpu_watts;
    "costs.nic_watts", "NIC power (replaced)", "W", 0.0, Inclusive, 10_000.0, false, |s| s.costs.nic_watts;
    "costs.dpu_license_year", "DPU licence per year", "money", 0.0, Inclusive, 1e8, false, |s| s.costs.dpu_license_year;
}

/// Where a default value comes from, for the inputs whose defaults rest on a public figure.
#[derive(Debug, Clone, Copy)]
pub struct DefaultBasis {
    /// JSON path of the input.
    pub path: &'static str,
    /// The basis of the default, in plain words.
    pub basis: &'static str,
    /// Fact ids behind it.
    pub sources: &'static [&'static str],
}

/// The sourced defaults (SPEC §3): shown beside their inputs.
pub const DEFAULT_BASES: &[DefaultBasis] = &[
    DefaultBasis {
        path: "fleet.server_price",
        basis: "No reliable public price per server or per core was found: enter what you pay.",
        sources: &["F4.7.3"],
    },
    DefaultBasis {
        path: "costs.dpu_price",
        basis: "Default 2,500: the middle of a reseller's 2,000-3,000 street estimate for \
                BlueField-3; no list price is published.",
        sources: &["F4.6.5"],
    },
    DefaultBasis {
        path: "costs.dpu_watts",
        basis: "Default 75 W: what a card may draw from the PCIe slot; a BlueField-3 can \
                draw up to 150 W, and typical figures are not published.",
        sources: &["F4.6.2", "F4.6.4"],
    },
    DefaultBasis {
        path: "costs.dpu_license_year",
        basis: "NSX counts DPUs separately for licensing, but the price of a DPU unit is not \
                published.",
        sources: &["F4.7.5"],
    },
    DefaultBasis {
        path: "costs.license_per_core_year",
        basis: "Default 350: a licensing consultancy's VCF list price per core per year \
                (realised prices 185-275); licensed per physical core.",
        sources: &["F4.7.4"],
    },
];

/// The basis of the default at a JSON path, if it rests on a public figure.
pub fn default_basis(path: &str) -> Option<&'static DefaultBasis> {
    DEFAULT_BASES.iter().find(|b| b.path == path)
}

/// The numeric field at a JSON path.
pub fn number_field(path: &str) -> Option<&'static NumberField> {
    NUMBER_FIELDS.iter().find(|f| f.path == path)
}

/// What is allowed at a JSON path, for error messages ("" when unknown).
pub fn allowed_at(path: &str) -> String {
    if let Some(f) = number_field(path) {
        return f.allowed();
    }
    let base = path.split('[').next().unwrap_or(path);
    match base {
        "schema" => format!("the whole number {SCHEMA}"),
        "name" => format!("text of at most {MAX_NAME_CHARS} characters"),
        "costs.currency" => format!("text of at most {MAX_CURRENCY_CHARS} characters"),
        "goals" => format!("a list of {}", Goal::allowed()),
        "features" => format!("a list of {}", Feature::allowed()),
        "platform.kind" => PlatformKind::allowed(),
        "platform.vsphere" => VsphereVersion::allowed(),
        "platform.nsx" => NsxVersion::allowed(),
        "workload.kind" => WorkloadKind::allowed(),
        "dpu.model" => DpuModel::allowed(),
        "dpu.oem" => Oem::allowed(),
        "traffic.encryption" => Encryption::allowed(),
        "dpu.factory_installed"
        | "dpu.mixed_models_in_cluster"
        | "traffic.overlay"
        | "traffic.overlay_nic_offload"
        | "traffic.distributed_firewall"
        | "costs.licenses_follow_cores" => "true or false".to_owned(),
        _ => {
            if let Some(a) = crate::assumptions::assumption_at(path) {
                return a.allowed();
            }
            String::new()
        }
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
        match serde_json::from_str::<Value>(text) {
            Ok(value) => Scenario::from_value(value),
            Err(syntax) => {
                // Numbers too large for f64 fail while parsing; decoding straight from the
                // text tracks the path, so the message can still name the field.
                let mut de = serde_json::Deserializer::from_str(text);
                let too_large = syntax.to_string().starts_with("number out of range");
                match serde_path_to_error::deserialize::<_, Scenario>(&mut de) {
                    Err(e) if too_large && !matches!(e.path().to_string().as_str(), "" | ".") => {
                        Err(ScenarioError::from_decode(e))
                    }
                    _ => Err(ScenarioError::Syntax {
                        line: syntax.line(),
                        column: syntax.column(),
                        message: strip_position(&syntax.to_string()),
                    }),
                }
            }
        }
    }

    /// Like [`Scenario::from_json`], but always through a `serde_json::Value`, so a wasm
    /// bundle that also decodes values (the page's edits) carries one copy of the scenario's
    /// decoder instead of two. The one difference: a number too large for `f64` is reported
    /// as a syntax error with its position rather than by field. Used for links and imports.
    pub fn from_json_lean(text: &str) -> Result<Scenario, ScenarioError> {
        let value = serde_json::from_str::<Value>(text).map_err(|e| ScenarioError::Syntax {
            line: e.line(),
            column: e.column(),
            message: strip_position(&e.to_string()),
        })?;
        Scenario::from_value(value)
    }

    /// Migrates, decodes and validates a scenario from a JSON value.
    pub fn from_value(value: Value) -> Result<Scenario, ScenarioError> {
        let value = crate::migrate::migrate(value)?;
        let scenario: Scenario =
            serde_path_to_error::deserialize(value).map_err(ScenarioError::from_decode)?;
        scenario.validate()?;
        Ok(scenario)
    }

    /// Pretty JSON, the format `dpucheck` reads.
    pub fn to_json_pretty(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_else(|_| "{}".to_owned())
    }

    /// Checks every field against its allowed range. Never panics, never clamps.
    pub fn validate(&self) -> Result<(), ScenarioError> {
        if self.schema != SCHEMA {
            return Err(ScenarioError::field(
                "schema",
                format!("is {}", self.schema),
                allowed_at("schema"),
            ));
        }
        if self.name.chars().count() > MAX_NAME_CHARS {
            return Err(ScenarioError::field(
                "name",
                "is too long",
                allowed_at("name"),
            ));
        }
        let currency = self.costs.currency.chars().count();
        if currency > MAX_CURRENCY_CHARS {
            return Err(ScenarioError::field(
                "costs.currency",
                "is too long",
                allowed_at("costs.currency"),
            ));
        }
        no_repeats("goals", &self.goals)?;
        no_repeats("features", &self.features)?;
        for field in NUMBER_FIELDS {
            let value = (field.get)(self);
            if !field.accepts(value) {
                return Err(ScenarioError::field(
                    field.path,
                    describe(value),
                    field.allowed(),
                ));
            }
        }
        for spec in ASSUMPTIONS {
            spec.check((spec.get)(&self.assumptions))?;
        }
        Ok(())
    }

    /// A copy with the field at `path` set from the text a person typed.
    ///
    /// The text is read as the field's own type (number, true/false, text, or a value of its
    /// list), then the whole scenario is validated, so the error names `path` and its range.
    /// This is how the app applies an edit without any arithmetic of its own.
    pub fn with_text(&self, path: &str, text: &str) -> Result<Scenario, ScenarioError> {
        let mut value = serde_json::to_value(self).map_err(|e| ScenarioError::Field {
            path: path.to_owned(),
            problem: e.to_string(),
            allowed: String::new(),
        })?;
        let pointer = format!("/{}", path.replace('.', "/"));
        let Some(slot) = value.pointer_mut(&pointer) else {
            return Err(ScenarioError::field(
                path,
                "is not a field of the scenario",
                "",
            ));
        };
        let trimmed = text.trim();
        *slot = match slot {
            Value::Number(_) => parse_number(trimmed)
                .ok_or_else(|| ScenarioError::field(path, "is not a number", allowed_at(path)))?,
            Value::Bool(_) => match trimmed {
                "true" => Value::Bool(true),
                "false" => Value::Bool(false),
                _ => {
                    return Err(ScenarioError::field(
                        path,
                        "is not true or false",
                        "true or false",
                    ));
                }
            },
            _ => Value::String(text.to_owned()),
        };
        Scenario::from_value(value)
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
}

fn parse_number(text: &str) -> Option<Value> {
    if let Ok(i) = text.parse::<i64>() {
        return Some(Value::from(i));
    }
    let f = text.parse::<f64>().ok()?;
    if !f.is_finite() {
        return None;
    }
    serde_json::Number::from_f64(f).map(Value::Number)
}

fn no_repeats<T: Choice>(path: &str, items: &[T]) -> Result<(), ScenarioError> {
    for (i, item) in items.iter().enumerate() {
        if items[..i].contains(item) {
            return Err(ScenarioError::field(
                &format!("{path}[{i}]"),
                format!("repeats `{}`", item.wire()),
                "each value at most once",
            ));
        }
    }
    Ok(())
}

/// How a rejected number reads in a message.
pub(crate) fn describe(value: f64) -> String {
    if value.is_nan() {
        "is not a number (NaN)".to_owned()
    } else if value.is_infinite() {
        "is infinite".to_owned()
    } else {
        format!("is {value}")
    }
}

/// A serde_json message without its " at line L column C" tail (the position is reported
/// separately, or meaningless for a decoded value).
pub(crate) fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(i) => message[..i].to_owned(),
        None => message.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check_err(json: &str, path: &str, allowed_contains: &str) {
        let err = Scenario::from_json(json).expect_err("should be rejected");
        assert_eq!(err.path(), Some(path), "{err}");
        let msg = err.to_string();
        assert!(msg.contains(path), "message names the field: {msg}");
        assert!(
            msg.contains(allowed_contains),
            "message `{msg}` lacks `{allowed_contains}`"
        );
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
        assert_eq!(s.platform.kind, PlatformKind::Vsphere);
        assert_eq!(s.platform.vsphere, VsphereVersion::V8_0u3);
        assert_eq!(s.platform.nsx, NsxVersion::V4_2);
        assert_eq!(
            (s.workload.kind, s.workload.vms_per_host),
            (WorkloadKind::ManyVms, 20)
        );
        assert_eq!(
            (s.dpu.model, s.dpu.per_host, s.dpu.oem),
            (DpuModel::Bluefield3, 1, Oem::Dell)
        );
        assert!(s.dpu.factory_installed && !s.dpu.mixed_models_in_cluster);
        assert_eq!(
            (s.traffic.gbps_per_host, s.traffic.avg_packet_bytes),
            (10.0, 800.0)
        );
        assert!(s.traffic.overlay && s.traffic.overlay_nic_offload);
        assert!(!s.traffic.distributed_firewall);
        assert_eq!(
            (s.fleet.hosts, s.fleet.cores_per_host, s.fleet.ghz),
            (32, 64, 2.8)
        );
        assert_eq!(
            (s.fleet.server_price, s.fleet.server_watts),
            (30_000.0, 700.0)
        );
        assert_eq!(
            (s.fleet.rack_units_per_host, s.fleet.lifetime_years),
            (1.0, 5.0)
        );
        assert_eq!(s.costs.currency, "USD");
        assert_eq!(
            (s.costs.kwh_price, s.costs.pue, s.costs.rack_unit_year),
            (0.15, 1.5, 300.0)
        );
        assert_eq!(s.costs.license_per_core_year, 350.0);
        assert!(s.costs.licenses_follow_cores);
        assert_eq!((s.costs.dpu_price, s.costs.nic_price), (2_500.0, 500.0));
        assert_eq!(
            (
                s.costs.dpu_watts,
                s.costs.nic_watts,
                s.costs.dpu_license_year
            ),
            (75.0, 20.0, 0.0)
        );
        assert!(s.validate().is_ok());
    }

    #[test]
    fn partial_input_changes_only_what_it_names() {
        let s = Scenario::from_json(r#"{"goals": ["run_bare_metal"]}"#).unwrap();
        assert_eq!(s.goals, [Goal::RunBareMetal]);
        assert_eq!(
            Scenario {
                goals: vec![Goal::FreeHostCpu],
                ..s
            },
            Scenario::default()
        );
    }

    #[test]
    fn bad_input_names_the_field_and_the_range() {
        check_err(
            r#"{"traffic": {"gbps_per_host": -1}}"#,
            "traffic.gbps_per_host",
            "≥ 0",
        );
        check_err(
            r#"{"traffic": {"avg_packet_bytes": 63}}"#,
            "traffic.avg_packet_bytes",
            "≥ 64",
        );
        check_err(
            r#"{"traffic": {"avg_packet_bytes": 9217}}"#,
            "traffic.avg_packet_bytes",
            "9,216",
        );
        check_err(r#"{"fleet": {"hosts": 0}}"#, "fleet.hosts", "from 1 to");
        check_err(
            r#"{"fleet": {"hosts": 2.5}}"#,
            "fleet.hosts",
            "whole number",
        );
        check_err(r#"{"fleet": {"ghz": 0}}"#, "fleet.ghz", "≥ 0.1");
        check_err(r#"{"dpu": {"per_host": 3}}"#, "dpu.per_host", "from 1 to 2");
        check_err(r#"{"costs": {"pue": 0.9}}"#, "costs.pue", "≥ 1");
        check_err(
            r#"{"traffic": {"gbps_per_host": "ten"}}"#,
            "traffic.gbps_per_host",
            "a number",
        );
        check_err(
            r#"{"traffic": {"gbps_per_host": 1e400}}"#,
            "traffic.gbps_per_host",
            "a number",
        );
        check_err(
            r#"{"dpu": {"model": "bluefield9"}}"#,
            "dpu.model",
            "`bluefield3`",
        );
        check_err(
            r#"{"goals": ["free_host_cpu", "world_peace"]}"#,
            "goals[1]",
            "`cut_licensing`",
        );
        check_err(
            r#"{"goals": ["cut_licensing", "cut_licensing"]}"#,
            "goals[1]",
            "at most once",
        );
        check_err(
            r#"{"traffic": {"overlay": "yes"}}"#,
            "traffic.overlay",
            "true or false",
        );
        check_err(
            r#"{"platform": {"vsphere": 8.0}}"#,
            "platform.vsphere",
            "`8.0u3`",
        );
        check_err(
            r#"{"costs": {"currency": "a very long currency"}}"#,
            "costs.currency",
            "12",
        );
    }

    #[test]
    fn unknown_fields_are_named() {
        check_err(r#"{"trafic": {}}"#, "trafic", "");
        check_err(r#"{"traffic": {"gbps": 3}}"#, "traffic.gbps", "");
    }

    #[test]
    fn syntax_errors_give_the_position() {
        let e = Scenario::from_json("{\n  \"name\": }").unwrap_err();
        match e {
            ScenarioError::Syntax { line, .. } => assert_eq!(line, 2),
            other => panic!("expected a syntax error, got {other:?}"),
        }
        assert!(Scenario::from_json("[]").is_err());
        assert!(Scenario::from_json("").is_err());
    }

    #[test]
    fn lean_decoder_agrees_with_the_full_one() {
        for json in [
            "{}",
            r#"{"fleet": {"hosts": 3}}"#,
            r#"{"fleet": {"hosts": 0}}"#,
            r#"{"x": 1}"#,
            "[1]",
        ] {
            assert_eq!(
                Scenario::from_json_lean(json),
                Scenario::from_json(json),
                "{json}"
            );
        }
        assert!(matches!(
            Scenario::from_json_lean(r#"{"fleet": {"ghz": 1e400}}"#),
            Err(ScenarioError::Syntax { line: 1, .. })
        ));
    }

    #[test]
    fn non_finite_numbers_built_in_code_are_rejected() {
        let mut s = Scenario::default();
        s.traffic.gbps_per_host = f64::NAN;
        let e = s.validate().unwrap_err();
        assert_eq!(e.path(), Some("traffic.gbps_per_host"));
        assert!(e.to_string().contains("NaN"));
        s.traffic.gbps_per_host = f64::INFINITY;
        assert!(s.validate().unwrap_err().to_string().contains("infinite"));
    }

    #[test]
    fn sourced_defaults_point_at_real_fields_and_facts() {
        for b in DEFAULT_BASES {
            assert!(number_field(b.path).is_some(), "{}", b.path);
            assert!(!b.sources.is_empty() && !b.basis.is_empty(), "{}", b.path);
            for f in b.sources {
                assert!(
                    crate::sources::source(f).is_some(),
                    "{} cites unknown {f}",
                    b.path
                );
            }
        }
        assert_eq!(
            default_basis("costs.dpu_price").map(|b| b.sources),
            Some(&["F4.6.5"][..])
        );
        assert!(default_basis("fleet.hosts").is_none());
    }

    #[test]
    fn with_text_reads_each_type() {
        let s = Scenario::default();
        assert_eq!(
            s.with_text("traffic.gbps_per_host", " 25 ")
                .unwrap()
                .traffic
                .gbps_per_host,
            25.0
        );
        assert_eq!(s.with_text("fleet.hosts", "8").unwrap().fleet.hosts, 8);
        assert!(
            !s.with_text("traffic.overlay", "false")
                .unwrap()
                .traffic
                .overlay
        );
        assert_eq!(s.with_text("name", "lab").unwrap().name, "lab");
        assert_eq!(
            s.with_text("dpu.model", "bluefield2").unwrap().dpu.model,
            DpuModel::Bluefield2
        );
        for (path, text) in [
            ("traffic.gbps_per_host", "abc"),
            ("traffic.gbps_per_host", "-3"),
            ("traffic.gbps_per_host", "NaN"),
            ("traffic.gbps_per_host", "inf"),
            ("fleet.hosts", "2.5"),
            ("dpu.model", "nope"),
            ("assumptions.offload_fraction.likely", "0.99"),
        ] {
            let e = s.with_text(path, text).unwrap_err();
            assert_eq!(e.path(), Some(path), "{path}={text}: {e}");
        }
        assert!(s.with_text("nope.field", "1").is_err());
    }

    #[test]
    fn every_number_field_path_exists_in_the_json() {
        let value = serde_json::to_value(Scenario::default()).unwrap();
        for f in NUMBER_FIELDS {
            let pointer = format!("/{}", f.path.replace('.', "/"));
            assert!(
                value.pointer(&pointer).is_some_and(Value::is_number),
                "{}",
                f.path
            );
            assert!(
                f.accepts((f.get)(&Scenario::default())),
                "default of {} is allowed",
                f.path
            );
            assert!(
                !f.accepts(f.max * 2.0 + 1.0),
                "{} has a working upper bound",
                f.path
            );
        }
    }
}
