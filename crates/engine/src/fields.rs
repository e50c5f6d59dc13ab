//! Every input of the scenario, declared once (SPEC §3): path, label, unit, allowed range,
//! default and its basis, and a line of help. The decoder, validation, error messages, the
//! page's form and the property tests' generators all read [`FIELDS`].
//!
//! Decoding walks a JSON value with this table instead of serde's derive, so every problem
//! is a typed [`Problem`] at a known path (no error text is parsed out of a parser's
//! wording), and an unknown key anywhere is named.

use crate::assumptions::{AssumptionId, Range, assumption_at};
use crate::choice::{
    BoundBy, Choice, Datapath, DpuModel, DualMode, Encryption, Feature, Goal, NsxVersion, Oem,
    PlatformKind, VsphereVersion, WorkloadKind,
};
use crate::error::{Problem, ScenarioError};
use crate::format::num;
use crate::json::{self, Value};
use crate::scenario::Scenario;

/// The unit of a number, and how it is shown and typed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// A plain number.
    None,
    /// Virtual machines.
    Vms,
    /// DPUs.
    Dpus,
    /// Gigabits per second.
    Gbps,
    /// Million packets per second.
    Mpps,
    /// Bytes.
    Bytes,
    /// CPU cores.
    Cores,
    /// Hosts (servers).
    Hosts,
    /// Gigahertz.
    Ghz,
    /// Watts.
    Watts,
    /// Rack units.
    RackUnits,
    /// Years.
    Years,
    /// CPU cycles per byte.
    CyclesPerByte,
    /// The scenario's currency.
    Money,
    /// Currency per kWh.
    MoneyPerKwh,
    /// Currency per year.
    MoneyPerYear,
    /// Currency per core per year.
    MoneyPerCoreYear,
    /// A share stored as a fraction (0.35), shown and typed as a percentage (35 %).
    Share,
    /// A share per year stored as a fraction, shown and typed as a percentage.
    SharePerYear,
    /// A percentage stored as such (30 means 30 %).
    Percent,
    /// A factor ("2.5×").
    Times,
}

impl Unit {
    /// The unit as shown beside an input or a number ("" for none).
    pub fn text(self, currency: &str) -> String {
        match self {
            Unit::None => String::new(),
            Unit::Vms => "VMs".into(),
            Unit::Dpus => "DPUs".into(),
            Unit::Gbps => "Gb/s".into(),
            Unit::Mpps => "Mpps".into(),
            Unit::Bytes => "bytes".into(),
            Unit::Cores => "cores".into(),
            Unit::Hosts => "hosts".into(),
            Unit::Ghz => "GHz".into(),
            Unit::Watts => "W".into(),
            Unit::RackUnits => "U".into(),
            Unit::Years => "years".into(),
            Unit::CyclesPerByte => "cycles/byte".into(),
            Unit::Money => currency.into(),
            Unit::MoneyPerKwh => format!("{currency}/kWh"),
            Unit::MoneyPerYear => format!("{currency}/year"),
            Unit::MoneyPerCoreYear => format!("{currency}/core-year"),
            Unit::Share | Unit::Percent => "%".into(),
            Unit::SharePerYear => "%/year".into(),
            Unit::Times => "×".into(),
        }
    }

    /// Whether the stored fraction is shown ×100.
    pub fn is_share(self) -> bool {
        matches!(self, Unit::Share | Unit::SharePerYear)
    }

    /// A stored value as a person reads and types it (a share as a percentage).
    pub fn shown(self, stored: f64) -> f64 {
        if self.is_share() {
            // Rounded to 10 decimals so 0.35 shows as 35, not 35.00000000000001.
            (stored * 1e12).round() / 1e10
        } else {
            stored
        }
    }

    /// What a person typed as the stored value.
    pub fn stored(self, shown: f64) -> f64 {
        if self.is_share() {
            shown / 100.0
        } else {
            shown
        }
    }
}

/// A numeric input's range.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Number {
    /// Unit.
    pub unit: Unit,
    /// Smallest allowed value.
    pub min: f64,
    /// Whether `min` itself is excluded (`> min`).
    pub min_exclusive: bool,
    /// Largest allowed value (inclusive). Upper bounds are not in SPEC §3: they keep every
    /// derived figure finite and sit far above any real server.
    pub max: f64,
    /// Whole numbers only.
    pub integer: bool,
}

impl Number {
    /// Whether `value` is allowed.
    pub fn accepts(&self, value: f64) -> bool {
        let above = if self.min_exclusive {
            value > self.min
        } else {
            value >= self.min
        };
        value.is_finite() && above && value <= self.max && (!self.integer || value.fract() == 0.0)
    }

    /// "a number from 0 to 10,000", "a whole number from 1 to 2", "a number > 0 and ≤ 50".
    pub fn allowed(&self) -> String {
        let kind = if self.integer {
            "a whole number"
        } else {
            "a number"
        };
        if self.min_exclusive {
            format!("{kind} > {} and ≤ {}", bound(self.min), bound(self.max))
        } else {
            format!("{kind} from {} to {}", bound(self.min), bound(self.max))
        }
    }

    /// The range in the units a person sees: "from 0 to 10,000 Gb/s", "from 0 % to 50 %".
    pub fn allowed_shown(&self, currency: &str) -> String {
        let unit = self.unit.text(currency);
        let (lo, hi) = (
            bound(self.unit.shown(self.min)),
            bound(self.unit.shown(self.max)),
        );
        let whole = if self.integer { "a whole number " } else { "" };
        let sep = if unit.is_empty() { "" } else { " " };
        let lo_unit = if unit.starts_with('%') { " %" } else { "" };
        if self.min_exclusive {
            format!("{whole}above {lo}{lo_unit} and up to {hi}{sep}{unit}")
        } else {
            format!("{whole}from {lo}{lo_unit} to {hi}{sep}{unit}")
        }
    }
}

fn bound(v: f64) -> String {
    num(v, 6)
}

/// A closed set's (wire name, label) pairs, in display order ([`Choice::OPTIONS`]).
pub type Options = &'static [(&'static str, &'static str)];

/// What a field holds.
#[derive(Debug, Clone, Copy)]
pub enum Kind {
    /// One line of text.
    Text {
        /// Most characters allowed.
        max_chars: usize,
    },
    /// A number.
    Number(Number),
    /// A number or nothing (`null`): not measured, or a resolved default.
    OptionalNumber(Number),
    /// Yes or no.
    Bool,
    /// Yes, no, or nothing (a resolved default).
    OptionalBool,
    /// One of a closed set.
    Choice(Options),
    /// One of a closed set, or nothing (a resolved default).
    OptionalChoice(Options),
    /// Any of a closed set, each at most once.
    List(Options),
    /// An assumption's `{low, likely, high}`, or nothing (the default range).
    Range(AssumptionId),
}

/// Where a field's default comes from.
#[derive(Debug, Clone, Copy)]
pub enum Default {
    /// A fixed value with no source to show.
    Plain,
    /// A fixed value that rests on a public figure.
    Sourced(Basis),
    /// A resolved default (SPEC §3 ⇢): absent until set, resolved from other fields.
    Resolved(fn(&Scenario) -> Resolution),
}

/// The basis of a default: in plain words, with the facts behind it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Basis {
    /// Where the default comes from.
    pub text: &'static str,
    /// Fact ids behind it.
    pub sources: &'static [&'static str],
}

/// A resolved default for one scenario: the value in force and why.
#[derive(Debug, Clone, PartialEq)]
pub struct Resolution {
    /// The value in force, as JSON.
    pub value: Value,
    /// Why.
    pub basis: Basis,
}

/// A field's value, typed.
#[derive(Debug, Clone, PartialEq)]
pub enum Val {
    /// Text.
    Text(String),
    /// A number.
    Number(f64),
    /// A number or nothing.
    OptionalNumber(Option<f64>),
    /// Yes or no.
    Bool(bool),
    /// Yes, no or nothing.
    OptionalBool(Option<bool>),
    /// A wire name.
    Choice(&'static str),
    /// A wire name or nothing.
    OptionalChoice(Option<&'static str>),
    /// Wire names.
    List(Vec<&'static str>),
    /// A range or nothing.
    Range(Option<Range>),
}

/// A problem inside a value: below the field's path by `suffix` (`[2]`, `.low`).
#[derive(Debug, Clone, PartialEq)]
pub struct Bad {
    /// Appended to the field's path.
    pub suffix: String,
    /// What is wrong.
    pub problem: Problem,
}

impl From<Problem> for Bad {
    fn from(problem: Problem) -> Self {
        Bad {
            suffix: String::new(),
            problem,
        }
    }
}

/// One input of the scenario.
#[derive(Debug, Clone, Copy)]
pub struct Field {
    /// JSON path, e.g. `traffic.gbps_per_host`.
    pub path: &'static str,
    /// Label for forms and messages.
    pub label: &'static str,
    /// One line of help.
    pub help: &'static str,
    /// What it holds.
    pub kind: Kind,
    /// Where its default comes from.
    pub default: Default,
    /// Reads it.
    pub get: fn(&Scenario) -> Val,
    /// Writes it from a JSON value (type checks only; ranges are [`validate`]'s).
    pub set: fn(&mut Scenario, &Value) -> Result<(), Bad>,
}

impl Field {
    /// What is allowed here, for messages in the terms of the JSON (`dpucheck`).
    pub fn allowed(&self) -> String {
        match self.kind {
            Kind::Text { max_chars } => {
                format!("one line of text, at most {max_chars} characters")
            }
            Kind::Number(n) => n.allowed(),
            Kind::OptionalNumber(n) => format!("{}, or null for {}", n.allowed(), self.unset()),
            Kind::Bool => "true or false".to_owned(),
            Kind::OptionalBool => format!("true, false, or null for {}", self.unset()),
            Kind::Choice(options) => one_of(options),
            Kind::OptionalChoice(options) => {
                format!("{}, or null for {}", one_of(options), self.unset())
            }
            Kind::List(options) => format!("a list of {} (each at most once)", one_of(options)),
            Kind::Range(id) => format!(
                "{{low, likely, high}} with {}, or null for the default range",
                crate::assumptions::spec(id).allowed()
            ),
        }
    }

    fn unset(&self) -> &'static str {
        match self.default {
            Default::Resolved(_) => "the default",
            _ => "not measured",
        }
    }

    /// The number spec, for numeric fields.
    pub fn number(&self) -> Option<Number> {
        match self.kind {
            Kind::Number(n) | Kind::OptionalNumber(n) => Some(n),
            _ => None,
        }
    }

    /// Whether the field may be left unset (`null`).
    pub fn optional(&self) -> bool {
        matches!(
            self.kind,
            Kind::OptionalNumber(_) | Kind::OptionalBool | Kind::OptionalChoice(_) | Kind::Range(_)
        )
    }
}

fn one_of(options: Options) -> String {
    let names: Vec<String> = options
        .iter()
        .map(|(wire, _)| format!("`{wire}`"))
        .collect();
    format!("one of {}", names.join(", "))
}

// --- Conversions from JSON, by Rust type --------------------------------------------------

fn found(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "true or false",
        Value::Number(_) => "a number",
        Value::String(_) => "text",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

fn wrong(v: &Value) -> Bad {
    Problem::WrongType { found: found(v) }.into()
}

trait FromJson: Sized {
    fn from_json(v: &Value) -> Result<Self, Bad>;
}

impl FromJson for f64 {
    fn from_json(v: &Value) -> Result<Self, Bad> {
        v.as_f64().ok_or_else(|| wrong(v))
    }
}

impl FromJson for u32 {
    fn from_json(v: &Value) -> Result<Self, Bad> {
        let x = f64::from_json(v)?;
        if x.fract() != 0.0 {
            return Err(Problem::NotWhole(x).into());
        }
        if !(0.0..=f64::from(u32::MAX)).contains(&x) {
            return Err(Problem::OutOfRange(x).into());
        }
        Ok(x as u32)
    }
}

impl FromJson for bool {
    fn from_json(v: &Value) -> Result<Self, Bad> {
        v.as_bool().ok_or_else(|| wrong(v))
    }
}

impl FromJson for String {
    fn from_json(v: &Value) -> Result<Self, Bad> {
        v.as_str().map(str::to_owned).ok_or_else(|| wrong(v))
    }
}

impl<T: Choice> FromJson for T {
    fn from_json(v: &Value) -> Result<Self, Bad> {
        let name = v.as_str().ok_or_else(|| wrong(v))?;
        T::from_wire(name).ok_or_else(|| Problem::UnknownValue(name.to_owned()).into())
    }
}

impl<T: Choice> FromJson for Vec<T> {
    fn from_json(v: &Value) -> Result<Self, Bad> {
        let items = v.as_array().ok_or_else(|| wrong(v))?;
        items
            .iter()
            .enumerate()
            .map(|(i, item)| {
                T::from_json(item).map_err(|b| Bad {
                    suffix: format!("[{i}]"),
                    problem: b.problem,
                })
            })
            .collect()
    }
}

impl<T: FromJson> FromJson for Option<T> {
    fn from_json(v: &Value) -> Result<Self, Bad> {
        if v.is_null() {
            Ok(None)
        } else {
            T::from_json(v).map(Some)
        }
    }
}

impl FromJson for Range {
    fn from_json(v: &Value) -> Result<Self, Bad> {
        let map = v.as_object().ok_or_else(|| wrong(v))?;
        if let Some(key) = map
            .keys()
            .find(|k| !matches!(k.as_str(), "low" | "likely" | "high"))
        {
            return Err(Bad {
                suffix: format!(".{key}"),
                problem: Problem::UnknownField,
            });
        }
        let point = |name: &'static str| -> Result<f64, Bad> {
            let v = map.get(name).ok_or(Problem::MissingPoint(name))?;
            f64::from_json(v).map_err(|b| Bad {
                suffix: format!(".{name}"),
                problem: b.problem,
            })
        };
        Ok(Range::new(point("low")?, point("likely")?, point("high")?))
    }
}

// --- Conversions to typed values ----------------------------------------------------------

trait ToVal {
    fn to_val(&self) -> Val;
}

impl ToVal for f64 {
    fn to_val(&self) -> Val {
        Val::Number(*self)
    }
}

impl ToVal for u32 {
    fn to_val(&self) -> Val {
        Val::Number(f64::from(*self))
    }
}

impl ToVal for bool {
    fn to_val(&self) -> Val {
        Val::Bool(*self)
    }
}

impl ToVal for String {
    fn to_val(&self) -> Val {
        Val::Text(self.clone())
    }
}

impl ToVal for Option<f64> {
    fn to_val(&self) -> Val {
        Val::OptionalNumber(*self)
    }
}

impl ToVal for Option<bool> {
    fn to_val(&self) -> Val {
        Val::OptionalBool(*self)
    }
}

impl ToVal for Option<Range> {
    fn to_val(&self) -> Val {
        Val::Range(*self)
    }
}

impl<T: Choice> ToVal for T {
    fn to_val(&self) -> Val {
        Val::Choice(self.wire())
    }
}

impl<T: Choice> ToVal for Option<T> {
    fn to_val(&self) -> Val {
        Val::OptionalChoice(self.map(Choice::wire))
    }
}

impl<T: Choice> ToVal for Vec<T> {
    fn to_val(&self) -> Val {
        Val::List(self.iter().map(|x| x.wire()).collect())
    }
}

// --- The table ---------------------------------------------------------------------------

macro_rules! field {
    ($path:literal, $label:literal, $help:literal, $kind:expr, $default:expr, $($place:ident).+) => {
        Field {
            path: $path,
            label: $label,
            help: $help,
            kind: $kind,
            default: $default,
            get: |s| s.$($place).+.to_val(),
            set: |s, v| {
                s.$($place).+ = FromJson::from_json(v)?;
                Ok(())
            },
        }
    };
}

macro_rules! range_field {
    ($key:ident, $id:ident) => {
        Field {
            path: concat!("assumptions.", stringify!($key)),
            label: crate::assumptions::ASSUMPTIONS[AssumptionId::$id as usize].label,
            help: "Low, likely and high: the model uses the likely value; low and high bound \
                   the uncertainty analysis.",
            kind: Kind::Range(AssumptionId::$id),
            default: Default::Resolved(|s| range_resolution(s, AssumptionId::$id)),
            get: |s| s.assumptions.$key.to_val(),
            set: |s, v| {
                s.assumptions.$key = FromJson::from_json(v)?;
                Ok(())
            },
        }
    };
}

const fn number(unit: Unit, min: f64, max: f64) -> Number {
    Number {
        unit,
        min,
        min_exclusive: false,
        max,
        integer: false,
    }
}

const fn above(unit: Unit, min: f64, max: f64) -> Number {
    Number {
        unit,
        min,
        min_exclusive: true,
        max,
        integer: false,
    }
}

const fn whole(unit: Unit, min: f64, max: f64) -> Number {
    Number {
        unit,
        min,
        min_exclusive: false,
        max,
        integer: true,
    }
}

/// Longest accepted `name`, in characters (keeps links short).
pub const MAX_NAME_CHARS: usize = 120;
/// Longest accepted currency label.
pub const MAX_CURRENCY_CHARS: usize = 12;

/// Every input of the scenario, in form order.
pub const FIELDS: &[Field] = &[
    field!(
        "name",
        "Scenario name",
        "A name for saving and sharing; one line.",
        Kind::Text {
            max_chars: MAX_NAME_CHARS
        },
        Default::Plain,
        name
    ),
    field!(
        "goals",
        "Goals",
        "What the DPUs should achieve; a DPU is a means, not an end.",
        Kind::List(Goal::OPTIONS),
        Default::Plain,
        goals
    ),
    field!(
        "platform.kind",
        "Virtualization platform",
        "What runs on the hosts today.",
        Kind::Choice(PlatformKind::OPTIONS),
        Default::Plain,
        platform.kind
    ),
    field!(
        "platform.vsphere",
        "vSphere release",
        "Used only on vSphere.",
        Kind::Choice(VsphereVersion::OPTIONS),
        Default::Plain,
        platform.vsphere
    ),
    field!(
        "platform.nsx",
        "NSX release",
        "Used only on vSphere; DPU offload needs NSX.",
        Kind::Choice(NsxVersion::OPTIONS),
        Default::Plain,
        platform.nsx
    ),
    field!(
        "platform.datapath",
        "Software data path today",
        "The path a DPU competes with: the kernel path or a poll-mode enhanced path.",
        Kind::OptionalChoice(Datapath::OPTIONS),
        Default::Resolved(datapath_resolution),
        platform.datapath
    ),
    field!(
        "workload.kind",
        "How hosts are shared",
        "Many VMs per host need a hypervisor.",
        Kind::Choice(WorkloadKind::OPTIONS),
        Default::Plain,
        workload.kind
    ),
    field!(
        "workload.vms_per_host",
        "VMs per host",
        "Read only for many VMs per host.",
        Kind::Number(whole(Unit::Vms, 1.0, 10_000.0)),
        Default::Plain,
        workload.vms_per_host
    ),
    field!(
        "dpu.model",
        "DPU model",
        "The card under consideration.",
        Kind::Choice(DpuModel::OPTIONS),
        Default::Plain,
        dpu.model
    ),
    field!(
        "dpu.per_host",
        "DPUs per host",
        "One, or two for HA or more capacity.",
        Kind::Number(whole(Unit::Dpus, 1.0, 2.0)),
        Default::Plain,
        dpu.per_host
    ),
    field!(
        "dpu.dual_mode",
        "Two DPUs work as",
        "Active/standby gives one card's capacity for two cards' price (read only with two).",
        Kind::Choice(DualMode::OPTIONS),
        Default::Sourced(Basis {
            text: "In vSphere's HA mode only one of two DPUs forwards packets.",
            sources: &["F2.4.6"],
        }),
        dpu.dual_mode
    ),
    field!(
        "dpu.factory_installed",
        "Factory-installed by the server vendor",
        "vSphere supports only DPUs that ship in the server.",
        Kind::Bool,
        Default::Plain,
        dpu.factory_installed
    ),
    field!(
        "dpu.oem",
        "Server vendor",
        "vSphere lists Dell, HPE, Lenovo and Fujitsu designs.",
        Kind::Choice(Oem::OPTIONS),
        Default::Plain,
        dpu.oem
    ),
    field!(
        "dpu.mixed_models_in_cluster",
        "Different DPU models in one cluster",
        "An offloaded vSphere switch needs one DPU vendor and model.",
        Kind::Bool,
        Default::Plain,
        dpu.mixed_models_in_cluster
    ),
    field!(
        "features",
        "Switch features you rely on today",
        "Some stop working when vSphere's switch moves onto the DPU.",
        Kind::List(Feature::OPTIONS),
        Default::Plain,
        features
    ),
    field!(
        "traffic.gbps_per_host",
        "Traffic per host",
        "Average load through the virtual switch; leave out SR-IOV, vSAN and vMotion traffic.",
        Kind::Number(number(Unit::Gbps, 0.0, 10_000.0)),
        Default::Plain,
        traffic.gbps_per_host
    ),
    field!(
        "traffic.avg_packet_bytes",
        "Average packet size",
        "As the virtual switch sees them; small packets cost more CPU per Gb/s.",
        Kind::Number(number(Unit::Bytes, 64.0, 9_216.0)),
        Default::Plain,
        traffic.avg_packet_bytes
    ),
    field!(
        "traffic.overlay",
        "Overlay (Geneve / VXLAN)",
        "Tunnels between hosts.",
        Kind::Bool,
        Default::Plain,
        traffic.overlay
    ),
    field!(
        "traffic.overlay_nic_offload",
        "NIC offloads inside the tunnel (TSO, checksum)",
        "Without it the overlay costs extra CPU.",
        Kind::Bool,
        Default::Plain,
        traffic.overlay_nic_offload
    ),
    field!(
        "traffic.distributed_firewall",
        "Distributed firewall",
        "Stateful filtering in the host's switch.",
        Kind::Bool,
        Default::Plain,
        traffic.distributed_firewall
    ),
    field!(
        "traffic.deep_inspection",
        "IDS/IPS or L7 inspection in the data path",
        "Deep inspection does not run in a DPU's fast path.",
        Kind::Bool,
        Default::Plain,
        traffic.deep_inspection
    ),
    field!(
        "traffic.encryption",
        "Encryption in host software",
        "IPsec or TLS done by host cores.",
        Kind::Choice(Encryption::OPTIONS),
        Default::Plain,
        traffic.encryption
    ),
    field!(
        "traffic.measured_networking_cores",
        "Measured networking cores per host",
        "Host cores the data path uses today (esxtop, pidstat; the pinned cores of a poll-mode \
         path); leave empty to use the model.",
        Kind::OptionalNumber(number(Unit::Cores, 0.0, 100_000.0)),
        Default::Plain,
        traffic.measured_networking_cores
    ),
    field!(
        "fleet.hosts",
        "Hosts",
        "Servers that would get DPUs.",
        Kind::Number(whole(Unit::Hosts, 1.0, 1_000_000.0)),
        Default::Plain,
        fleet.hosts
    ),
    field!(
        "fleet.cluster_hosts",
        "Hosts per cluster",
        "Hosts that can take each other's work; freed cores add up only inside one.",
        Kind::Number(whole(Unit::Hosts, 1.0, 1_000_000.0)),
        Default::Plain,
        fleet.cluster_hosts
    ),
    field!(
        "fleet.min_hosts_per_cluster",
        "Hosts a cluster must keep",
        "HA needs 2, vSAN 3.",
        Kind::Number(whole(Unit::Hosts, 1.0, 1_000_000.0)),
        Default::Plain,
        fleet.min_hosts_per_cluster
    ),
    field!(
        "fleet.bound_by",
        "What decides how many servers you need",
        "Freed cores remove servers only when CPU is the limit.",
        Kind::Choice(BoundBy::OPTIONS),
        Default::Plain,
        fleet.bound_by
    ),
    field!(
        "fleet.cores_per_host",
        "Cores per host",
        "Physical cores.",
        Kind::Number(whole(Unit::Cores, 1.0, 4_096.0)),
        Default::Plain,
        fleet.cores_per_host
    ),
    field!(
        "fleet.ghz",
        "Core clock",
        "Used for the cost of encryption in software.",
        Kind::Number(number(Unit::Ghz, 0.1, 10.0)),
        Default::Plain,
        fleet.ghz
    ),
    field!(
        "fleet.server_price",
        "Server price",
        "What one server costs you.",
        Kind::Number(number(Unit::Money, 0.0, 1e9)),
        Default::Sourced(Basis {
            text: "No reliable public price per server or per core was found: enter what you pay.",
            sources: &[],
        }),
        fleet.server_price
    ),
    field!(
        "fleet.server_watts",
        "Server power",
        "Average draw of one server.",
        Kind::Number(number(Unit::Watts, 0.0, 100_000.0)),
        Default::Plain,
        fleet.server_watts
    ),
    field!(
        "fleet.rack_units_per_host",
        "Rack units per host",
        "Height of one server.",
        Kind::Number(above(Unit::RackUnits, 0.0, 100.0)),
        Default::Plain,
        fleet.rack_units_per_host
    ),
    field!(
        "fleet.lifetime_years",
        "Lifetime",
        "Years the servers and DPUs stay in service.",
        Kind::Number(above(Unit::Years, 0.0, 50.0)),
        Default::Plain,
        fleet.lifetime_years
    ),
    field!(
        "costs.currency",
        "Currency",
        "A label only; nothing is converted.",
        Kind::Text {
            max_chars: MAX_CURRENCY_CHARS
        },
        Default::Plain,
        costs.currency
    ),
    field!(
        "costs.dpu_price",
        "DPU price",
        "One card; ask for a quote.",
        Kind::Number(number(Unit::Money, 0.0, 1e8)),
        Default::Sourced(Basis {
            text: "The middle of a reseller's 2,000–3,000 street estimate for BlueField-3; \
                   no list price is published for any DPU.",
            sources: &["F4.6.5"],
        }),
        costs.dpu_price
    ),
    field!(
        "costs.nic_price",
        "NIC price (replaced)",
        "The card the DPU replaces.",
        Kind::Number(number(Unit::Money, 0.0, 1e8)),
        Default::Plain,
        costs.nic_price
    ),
    field!(
        "costs.dpu_watts",
        "DPU power",
        "Average draw of one card.",
        Kind::OptionalNumber(number(Unit::Watts, 0.0, 10_000.0)),
        Default::Resolved(dpu_watts_resolution),
        costs.dpu_watts
    ),
    field!(
        "costs.nic_watts",
        "NIC power (replaced)",
        "Average draw of the replaced card.",
        Kind::Number(number(Unit::Watts, 0.0, 10_000.0)),
        Default::Plain,
        costs.nic_watts
    ),
    field!(
        "costs.smartnic_price",
        "SmartNIC price",
        "One plain NIC that offloads the switch (ConnectX-6 Dx / ConnectX-7 class, no Arm cores); \
         set it to the NIC price if today's NICs already offload (ConnectX-5 or later).",
        Kind::OptionalNumber(number(Unit::Money, 0.0, 1e8)),
        Default::Resolved(smartnic_price_resolution),
        costs.smartnic_price
    ),
    field!(
        "costs.smartnic_watts",
        "SmartNIC power",
        "Typical draw of one plain SmartNIC.",
        Kind::Number(number(Unit::Watts, 0.0, 10_000.0)),
        Default::Sourced(Basis {
            text: "ConnectX-7 cards draw 16.7 to 25.9 W typically with passive cables; optics \
                   cost the same with any card.",
            sources: &["F10.4.2"],
        }),
        costs.smartnic_watts
    ),
    field!(
        "costs.dpu_license_year",
        "DPU licence per year",
        "Per DPU, e.g. NSX DPU units.",
        Kind::Number(number(Unit::MoneyPerYear, 0.0, 1e8)),
        Default::Sourced(Basis {
            text: "NSX counts DPUs separately for licensing, but the price of a DPU unit is \
                   not published.",
            sources: &["F4.7.5"],
        }),
        costs.dpu_license_year
    ),
    field!(
        "costs.kwh_price",
        "Electricity price",
        "Per kWh.",
        Kind::Number(number(Unit::MoneyPerKwh, 0.0, 100.0)),
        Default::Plain,
        costs.kwh_price
    ),
    field!(
        "costs.pue",
        "PUE",
        "Facility power per IT watt.",
        Kind::Number(number(Unit::None, 1.0, 10.0)),
        Default::Plain,
        costs.pue
    ),
    field!(
        "costs.rack_unit_year",
        "Rack unit per year",
        "Space, per rack unit per year.",
        Kind::Number(number(Unit::MoneyPerYear, 0.0, 1e7)),
        Default::Plain,
        costs.rack_unit_year
    ),
    field!(
        "costs.license_per_core_year",
        "Licence per core per year",
        "Per-core licences such as VMware VCF.",
        Kind::OptionalNumber(number(Unit::MoneyPerCoreYear, 0.0, 1e7)),
        Default::Resolved(license_resolution),
        costs.license_per_core_year
    ),
    field!(
        "costs.licenses_follow_cores",
        "Licences shrink when servers go",
        "Whether removing a server removes its per-core licences.",
        Kind::OptionalBool,
        Default::Resolved(follow_resolution),
        costs.licenses_follow_cores
    ),
    field!(
        "costs.discount_rate",
        "Discount rate",
        "For the net present value; 0 counts every year's money the same.",
        Kind::Number(number(Unit::SharePerYear, 0.0, 0.5)),
        Default::Plain,
        costs.discount_rate
    ),
    field!(
        "claim.cpu_freed_percent",
        "The pitch: share of host CPU a DPU frees",
        "The figure you were told, to test against this scenario; 0 for none.",
        Kind::Number(number(Unit::Percent, 0.0, 100.0)),
        Default::Sourced(Basis {
            text: "The \"up to 30 %\" that third-party DPU ROI calculators assert.",
            sources: &["F4.5.5"],
        }),
        claim.cpu_freed_percent
    ),
    range_field!(vswitch_gbps_per_core, VswitchGbpsPerCore),
    range_field!(vswitch_mpps_per_core, VswitchMppsPerCore),
    range_field!(overlay_overhead, OverlayOverhead),
    range_field!(firewall_overhead, FirewallOverhead),
    range_field!(crypto_cycles_per_byte, CryptoCyclesPerByte),
    range_field!(offload_fraction, OffloadFraction),
    range_field!(fast_path_speedup, FastPathSpeedup),
    range_field!(fast_path_pinned_cores, FastPathPinnedCores),
    range_field!(smartnic_host_cores, SmartnicHostCores),
];

// --- Soft notes --------------------------------------------------------------------------

/// A soft note on a valid value that may not be what was meant (issue 17): the page shows it
/// under the field instead of staying silent. `None` for most fields and values.
///
/// ```
/// use dpu_engine::{Scenario, fields::note};
/// let mut s = Scenario::default();
/// s.fleet.hosts = 10;
/// s.fleet.cluster_hosts = 16;
/// assert_eq!(
///     note(&s, "fleet.cluster_hosts").as_deref(),
///     Some("More than the fleet's 10 hosts: computed as one cluster of 10.")
/// );
/// ```
pub fn note(s: &Scenario, path: &str) -> Option<String> {
    let f = &s.fleet;
    let clusters = crate::cost::Clusters::of(f.hosts, f.cluster_hosts);
    match path {
        "fleet.cluster_hosts" if f.cluster_hosts > f.hosts => Some(format!(
            "More than the fleet's {}: computed as one cluster of {}.",
            crate::format::count(f64::from(f.hosts), "host", "hosts"),
            f.hosts
        )),
        "fleet.min_hosts_per_cluster" if f.min_hosts_per_cluster >= clusters.size => Some(format!(
            "Clusters of {} keep all their hosts: no server can be removed.",
            clusters.size
        )),
        _ => None,
    }
}

// --- Resolved defaults -------------------------------------------------------------------

fn datapath_resolution(s: &Scenario) -> Resolution {
    let dp = s.datapath();
    let basis = if dp == Datapath::Enhanced {
        Basis {
            text: "VCF 9 runs NSX's Enhanced Data Path (EDP Standard) by default, so a DPU \
                   competes with a poll-mode path in software.",
            sources: &["F2.5.6"],
        }
    } else {
        Basis {
            text: "The platform's standard path unless you set another.",
            sources: &[],
        }
    };
    Resolution {
        value: Value::from(dp.wire()),
        basis,
    }
}

/// The licence per core-year in force when none is set, and why: VCF's realised price on
/// vSphere, none elsewhere. [`Scenario::resolve`] computes with the same value.
pub fn license_default(vsphere: bool) -> (f64, Basis) {
    if vsphere {
        (
            250.0,
            Basis {
                text: "Realised VCF prices run 185–275 per core-year (list about 350), \
                       licensed per physical core.",
                sources: &["F4.7.4"],
            },
        )
    } else {
        (0.0, NO_LICENCE)
    }
}

/// Whether licences follow the cores when it is not set, and why: VCF counts each host's
/// physical cores; off vSphere no per-core licence is assumed.
pub fn follow_default(vsphere: bool) -> (bool, Basis) {
    if vsphere {
        (
            true,
            Basis {
                text: "VCF counts the physical cores of each host.",
                sources: &["F4.7.4"],
            },
        )
    } else {
        (false, NO_LICENCE)
    }
}

const NO_LICENCE: Basis = Basis {
    text: "No per-core platform licence assumed off vSphere.",
    sources: &[],
};

/// The power of one DPU card when none is set, and why: BlueField-3's published maximum with
/// auxiliary power (F4.6.4) for BlueField-3 and -4, else what a PCIe slot gives without it
/// (F4.6.2).
pub fn dpu_watts_default(model: DpuModel) -> (f64, Basis) {
    match model {
        DpuModel::Bluefield3 => (
            150.0,
            Basis {
                text: "NVIDIA gives up to 150 W for BlueField-3 with its auxiliary power; \
                       typical power is not published.",
                sources: &["F4.6.4"],
            },
        ),
        DpuModel::Bluefield4 => (
            150.0,
            Basis {
                text: "BlueField-3's maximum: no power figure is published for BlueField-4.",
                sources: &["F4.6.4", "F4.6.11"],
            },
        ),
        _ => (
            75.0,
            Basis {
                text: "What a card may draw from the PCIe slot without an auxiliary connector; \
                       no figure is published for this card.",
                sources: &["F4.6.2"],
            },
        ),
    }
}

/// The price of a ConnectX-class SmartNIC of the DPU's line rate when none is set (SPEC §3),
/// and why: street prices of ConnectX cards (F10.4.4, F10.9.2).
pub fn smartnic_price_default(line_rate_gbps: f64) -> (f64, Basis) {
    let sources: &[&str] = &["F10.4.4", "F10.9.2"];
    if line_rate_gbps <= 100.0 {
        (
            1_000.0,
            Basis {
                text: "For a card of up to 100 Gb/s: a 2×100G ConnectX-6 Dx sells for about \
                       EUR\u{a0}866; no list price is published, so ask for a quote.",
                sources,
            },
        )
    } else if line_rate_gbps < 400.0 {
        (
            1_500.0,
            Basis {
                text: "For a 200 Gb/s card: 1×200G ConnectX-6 cards sell for about \
                       EUR\u{a0}1,283 to 1,575; no list price is published, so ask for a quote.",
                sources,
            },
        )
    } else {
        (
            2_000.0,
            Basis {
                text: "For a 400 Gb/s card: above the 200G street prices of EUR\u{a0}1,283 to \
                       1,575; no price of a 400G card is published, so ask for a quote.",
                sources,
            },
        )
    }
}

fn license_resolution(s: &Scenario) -> Resolution {
    resolution(license_default(s.is_vsphere()))
}

fn follow_resolution(s: &Scenario) -> Resolution {
    resolution(follow_default(s.is_vsphere()))
}

fn dpu_watts_resolution(s: &Scenario) -> Resolution {
    resolution(dpu_watts_default(s.dpu.model))
}

fn smartnic_price_resolution(s: &Scenario) -> Resolution {
    resolution(smartnic_price_default(s.dpu.model.line_rate_gbps()))
}

fn resolution<T: Into<Value>>((value, basis): (T, Basis)) -> Resolution {
    Resolution {
        value: value.into(),
        basis,
    }
}

fn range_resolution(s: &Scenario, id: AssumptionId) -> Resolution {
    let spec = crate::assumptions::spec(id);
    let b = spec.default_for(s.default_key());
    Resolution {
        value: b.range.to_json(),
        basis: Basis {
            text: b.basis,
            sources: b.sources,
        },
    }
}

// --- Reading values ----------------------------------------------------------------------

/// A number with its unit as a person reads it: `150 W`, `35 %`, `USD 250/core-year`.
pub fn with_unit(unit: Unit, stored: f64, currency: &str) -> String {
    let x = crate::format::auto(unit.shown(stored));
    match unit {
        Unit::None => x,
        Unit::Times => format!("{x}×"),
        Unit::Money => crate::format::money(stored, currency),
        Unit::MoneyPerKwh => format!("{currency}\u{a0}{}/kWh", num(stored, 3)),
        Unit::MoneyPerYear | Unit::MoneyPerCoreYear => {
            let per = unit.text(currency);
            let per = per.trim_start_matches(currency);
            format!("{}{per}", crate::format::money(stored, currency))
        }
        // "1 DPU", "1 year": a count of one reads in the singular.
        Unit::Vms | Unit::Dpus | Unit::Cores | Unit::Hosts | Unit::Years if x == "1" => {
            let many = unit.text(currency);
            format!("1 {}", many.strip_suffix('s').unwrap_or(&many))
        }
        _ => format!("{x} {}", unit.text(currency)),
    }
}

/// A field's value as a person reads it, from its JSON (resolved defaults in reports).
pub fn show_json(f: &Field, v: &Value, currency: &str) -> String {
    let label_of = |options: Options, wire: &str| {
        options
            .iter()
            .find(|(w, _)| *w == wire)
            .map(|(_, label)| (*label).to_owned())
            .unwrap_or_else(|| crate::format::plain(wire))
    };
    match (f.kind, v) {
        (Kind::Number(n) | Kind::OptionalNumber(n), Value::Number(_)) => {
            with_unit(n.unit, v.as_f64().unwrap_or(0.0), currency)
        }
        (Kind::Bool | Kind::OptionalBool, Value::Bool(b)) => {
            (if *b { "yes" } else { "no" }).to_owned()
        }
        (Kind::Choice(o) | Kind::OptionalChoice(o), Value::String(w)) => label_of(o, w),
        (Kind::Range(id), Value::Object(m)) => {
            let unit = crate::assumptions::spec(id).unit;
            let point = |k: &str| {
                let x = m.get(k).and_then(Value::as_f64).unwrap_or(0.0);
                crate::format::auto(unit.shown(x))
            };
            let u = unit.text(currency);
            let u = if u.is_empty() {
                String::new()
            } else {
                format!(" {u}")
            };
            format!(
                "{} / {} / {}{u} (low / likely / high)",
                point("low"),
                point("likely"),
                point("high")
            )
        }
        (_, other) => crate::format::plain(&other.to_string()),
    }
}

/// A field's value as JSON; `None` for an optional field that is not set. Whole-number
/// fields are written as integers.
pub fn to_json(f: &Field, v: Val) -> Option<Value> {
    Some(match v {
        Val::Text(t) => t.into(),
        Val::Number(x) => match f.kind {
            Kind::Number(n) if n.integer => Value::Number(json::Number::PosInt(x as u64)),
            _ => x.into(),
        },
        Val::OptionalNumber(x) => x?.into(),
        Val::Bool(b) => b.into(),
        Val::OptionalBool(b) => b?.into(),
        Val::Choice(w) => w.into(),
        Val::OptionalChoice(w) => w?.into(),
        Val::List(items) => Value::Array(items.into_iter().map(Value::from).collect()),
        Val::Range(r) => r?.to_json(),
    })
}

/// What is allowed at a path, in the units a person sees ("from 0 to 10,000 Gb/s", "from 0 %
/// to 100 %"), for the page's messages.
pub fn allowed_shown(path: &str, currency: &str) -> String {
    let Some(f) = field(path) else {
        return String::new();
    };
    match f.kind {
        Kind::Number(n) | Kind::OptionalNumber(n) => n.allowed_shown(currency),
        Kind::Range(id) => {
            let sp = crate::assumptions::spec(id);
            let n = Number {
                unit: sp.unit,
                min: sp.min,
                min_exclusive: false,
                max: sp.max,
                integer: false,
            };
            format!("low ≤ likely ≤ high, each {}", n.allowed_shown(currency))
        }
        Kind::Text { max_chars } => format!("one line of at most {max_chars} characters"),
        Kind::Bool | Kind::OptionalBool => "yes or no".to_owned(),
        Kind::Choice(_) | Kind::OptionalChoice(_) | Kind::List(_) => {
            "one of the listed values".to_owned()
        }
    }
}

/// The label of a path, for messages ("Traffic per host"; a range point reads "Share of …, low").
pub fn label_at(path: &str) -> String {
    let base = path.split('[').next().unwrap_or(path);
    match field(base) {
        Some(f) if f.path != base => {
            let point = &base[f.path.len() + 1..];
            format!("{}, {point}", f.label)
        }
        Some(f) => f.label.to_owned(),
        None => crate::error::clip(path),
    }
}

/// An error in plain words for the page: the field by its label, what is wrong and what to
/// enter, in the units shown, never the parser's wording. `typed` is what the person typed, echoed shortened.
pub fn person_message(e: &ScenarioError, typed: &str, currency: &str) -> String {
    let ScenarioError::Field { path, problem, .. } = e else {
        return e.to_string();
    };
    let allowed = allowed_shown(path, currency);
    let typed = crate::error::clip(typed.trim());
    let what = match problem {
        Problem::Empty => "Enter a value".to_owned(),
        Problem::WrongType { .. } | Problem::OutOfRange(_) | Problem::UnknownValue(_) => {
            if typed.is_empty() {
                "Enter a value".to_owned()
            } else {
                format!("“{typed}” is not allowed")
            }
        }
        Problem::NotWhole(_) => "Enter a whole number".to_owned(),
        Problem::Above { other, .. } => format!("This must not be above {other}"),
        Problem::ControlCharacter => {
            "Use one line of visible text, without tabs, control or invisible characters".to_owned()
        }
        Problem::TooLong { chars } => format!("This is too long ({chars} characters)"),
        Problem::Repeated(_) | Problem::MissingPoint(_) | Problem::UnknownField => {
            problem.to_string()
        }
    };
    // Named by its label, so the message stands on its own (read out, or in a list of errors).
    // (ASCII only: the messages start with an English word or a quote mark, and Unicode's
    // case tables would cost the page kilobytes.)
    let mut what = what;
    if let Some(first) = what.get_mut(..1) {
        first.make_ascii_lowercase();
    }
    let label = label_at(path);
    if allowed.is_empty() {
        format!("{label}: {what}.")
    } else {
        format!("{label}: {what} ({allowed}).")
    }
}

// --- Lookups -----------------------------------------------------------------------------

/// The field at a JSON path (`assumptions.<key>.<point>` finds the range's field).
pub fn field(path: &str) -> Option<&'static Field> {
    FIELDS.iter().find(|f| f.path == path).or_else(|| {
        let (range, point) = path.rsplit_once('.')?;
        matches!(point, "low" | "likely" | "high")
            .then(|| {
                FIELDS
                    .iter()
                    .find(|f| f.path == range && matches!(f.kind, Kind::Range(_)))
            })
            .flatten()
    })
}

/// What is allowed at a path, for messages ("" when the path is unknown).
pub fn allowed_at(path: &str) -> String {
    let base = path.split('[').next().unwrap_or(path);
    if let Some(a) = assumption_at(base).filter(|_| base.matches('.').count() == 2) {
        return a.allowed();
    }
    field(base).map(Field::allowed).unwrap_or_default()
}

/// The sections of the scenario (`platform`, `traffic`, …), from the table.
fn is_section(key: &str) -> bool {
    FIELDS.iter().any(|f| {
        f.path
            .split_once('.')
            .is_some_and(|(section, _)| section == key)
    })
}

// --- Decoding, validation and edits -------------------------------------------------------

fn err(path: &str, bad: Bad) -> ScenarioError {
    let full = format!("{path}{}", bad.suffix);
    let allowed = match bad.problem {
        Problem::UnknownField => String::new(),
        _ => allowed_at(&full),
    };
    ScenarioError::field(&full, bad.problem, allowed)
}

/// A scenario from a migrated JSON value: every key known, every value of its field's type.
/// Ranges are checked by [`validate`].
pub fn decode(value: &Value) -> Result<Scenario, ScenarioError> {
    let Value::Object(top) = value else {
        return Err(ScenarioError::field(
            "",
            Problem::WrongType {
                found: found(value),
            },
            "a JSON object such as {}",
        ));
    };
    let mut s = Scenario::default();
    for (key, item) in top.iter() {
        if key == "schema" {
            // Checked by the migration.
            continue;
        }
        if is_section(key) {
            let Value::Object(section) = item else {
                return Err(ScenarioError::field(
                    key,
                    Problem::WrongType { found: found(item) },
                    "an object",
                ));
            };
            for (name, v) in section.iter() {
                let path = format!("{key}.{name}");
                set_at(&mut s, &path, v)?;
            }
        } else {
            set_at(&mut s, key, item)?;
        }
    }
    Ok(s)
}

fn set_at(s: &mut Scenario, path: &str, v: &Value) -> Result<(), ScenarioError> {
    match FIELDS.iter().find(|f| f.path == path) {
        Some(f) => (f.set)(s, v).map_err(|b| err(path, b)),
        None => Err(ScenarioError::field(path, Problem::UnknownField, "")),
    }
}

/// Checks every field against its allowed range. Never panics, never clamps.
pub fn validate(s: &Scenario) -> Result<(), ScenarioError> {
    for f in FIELDS {
        check(f, &(f.get)(s))?;
    }
    Ok(())
}

fn check(f: &Field, value: &Val) -> Result<(), ScenarioError> {
    let fail = |problem| Err(ScenarioError::field(f.path, problem, f.allowed()));
    match (f.kind, value) {
        (Kind::Text { max_chars }, Val::Text(text)) => {
            if text.chars().any(crate::format::is_unsafe_char) {
                return fail(Problem::ControlCharacter);
            }
            let chars = text.chars().count();
            if chars > max_chars {
                return fail(Problem::TooLong { chars });
            }
        }
        (Kind::Number(n), Val::Number(x))
        | (Kind::OptionalNumber(n), Val::OptionalNumber(Some(x)))
            if !n.accepts(*x) =>
        {
            return fail(if n.integer && x.is_finite() && x.fract() != 0.0 {
                Problem::NotWhole(*x)
            } else {
                Problem::OutOfRange(*x)
            });
        }
        (Kind::List(_), Val::List(items)) => {
            for (i, item) in items.iter().enumerate() {
                if items[..i].contains(item) {
                    return Err(ScenarioError::field(
                        &format!("{}[{i}]", f.path),
                        Problem::Repeated((*item).to_owned()),
                        "each value at most once",
                    ));
                }
            }
        }
        (Kind::Range(id), Val::Range(Some(r))) => crate::assumptions::spec(id).check(*r)?,
        _ => {}
    }
    Ok(())
}

/// Reads what a person typed as a number: a decimal comma is accepted ("2,5"), and so are
/// thousands separators as the page writes them ("30,000"): a single comma followed by
/// exactly three digits, or several commas, separate thousands; any other single comma is
/// a decimal comma. Spaces and a trailing unit sign (`%`) are ignored.
pub fn parse_typed_number(text: &str) -> Option<f64> {
    let cleaned: String = text
        .trim()
        .trim_end_matches('%')
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '_' && *c != '\u{202f}')
        .collect();
    let commas = cleaned.matches(',').count();
    let normal = if commas == 0 {
        cleaned
    } else if cleaned.contains('.') || commas > 1 {
        cleaned.replace(',', "")
    } else {
        let after = cleaned.split(',').nth(1).unwrap_or("");
        if after.len() == 3 && after.chars().all(|c| c.is_ascii_digit()) {
            cleaned.replace(',', "")
        } else {
            cleaned.replace(',', ".")
        }
    };
    if normal.is_empty()
        || !normal
            .chars()
            .all(|c| c.is_ascii_digit() || "+-.eE".contains(c))
    {
        return None;
    }
    crate::float::parse(&normal).filter(|x| x.is_finite())
}

/// A copy of `s` with the field at `path` set from the text a person typed.
///
/// Numbers read as [`parse_typed_number`] reads them and in the units the page shows (a
/// share typed as a percentage); yes/no fields take `true` or `false`; choices take a wire
/// name; an empty text unsets an optional field (back to its resolved default, or "not
/// measured"). `assumptions.<key>.<point>` sets one point of a range, starting from the
/// range in force. The whole scenario is then validated, so the error names `path` (or the
/// point of the range that broke the order) and what is allowed.
pub fn with_text(s: &Scenario, path: &str, text: &str) -> Result<Scenario, ScenarioError> {
    let f = field(path).ok_or_else(|| ScenarioError::field(path, Problem::UnknownField, ""))?;
    let fail = |problem| Err(ScenarioError::field(path, problem, allowed_at(path)));
    let trimmed = text.trim();
    let value = match f.kind {
        Kind::Range(id) if path != f.path => {
            let point = &path[f.path.len() + 1..];
            let spec = crate::assumptions::spec(id);
            let Some(x) = parse_typed_number(trimmed) else {
                return fail(if trimmed.is_empty() {
                    Problem::Empty
                } else {
                    Problem::WrongType {
                        found: "not a number",
                    }
                });
            };
            let x = spec.unit.stored(x);
            let mut r = s.resolve().ranges.get(id);
            match point {
                "low" => r.low = x,
                "likely" => r.likely = x,
                _ => r.high = x,
            }
            r.to_json()
        }
        _ if trimmed.is_empty() && f.optional() => Value::Null,
        Kind::Number(n) | Kind::OptionalNumber(n) => match parse_typed_number(trimmed) {
            Some(x) => Value::from(n.unit.stored(x)),
            None if trimmed.is_empty() => return fail(Problem::Empty),
            None => {
                return fail(Problem::WrongType {
                    found: "not a number",
                });
            }
        },
        Kind::Bool | Kind::OptionalBool => match trimmed {
            "true" => Value::Bool(true),
            "false" => Value::Bool(false),
            _ => return fail(Problem::UnknownValue(trimmed.to_owned())),
        },
        Kind::Range(_) => return fail(Problem::WrongType { found: "text" }),
        Kind::List(_) => return fail(Problem::WrongType { found: "text" }),
        Kind::Text { .. } | Kind::Choice(_) | Kind::OptionalChoice(_) => {
            Value::String(text.to_owned())
        }
    };
    let mut next = s.clone();
    (f.set)(&mut next, &value).map_err(|b| err(path, b))?;
    next.validate()?;
    Ok(next)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The soft notes (issue 17): a cluster larger than the fleet, and a minimum that keeps
    /// every host of a cluster; silent otherwise.
    #[test]
    fn soft_notes_on_cluster_sizes() {
        let with = |hosts: u32, cluster: u32, min: u32| {
            let mut s = Scenario::default();
            s.fleet.hosts = hosts;
            s.fleet.cluster_hosts = cluster;
            s.fleet.min_hosts_per_cluster = min;
            (
                note(&s, "fleet.cluster_hosts"),
                note(&s, "fleet.min_hosts_per_cluster"),
            )
        };
        assert_eq!(with(32, 16, 2), (None, None));
        assert_eq!(with(16, 16, 2), (None, None));
        let (big, _) = with(1, 16, 2);
        assert_eq!(
            big.as_deref(),
            Some("More than the fleet's 1 host: computed as one cluster of 1.")
        );
        let (_, keep) = with(32, 3, 3);
        assert_eq!(
            keep.as_deref(),
            Some("Clusters of 3 keep all their hosts: no server can be removed.")
        );
        // A fleet smaller than its clusters is one cluster of the fleet's size.
        let (big, keep) = with(10, 16, 12);
        assert!(big.is_some());
        assert_eq!(
            keep.as_deref(),
            Some("Clusters of 10 keep all their hosts: no server can be removed.")
        );
        assert_eq!(with(10, 16, 9).1, None);
        assert_eq!(note(&Scenario::default(), "fleet.hosts"), None);
    }

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
    fn bad_input_names_the_field_and_the_range() {
        // Model 3's inputs, like every other field.
        for (json, path, allowed) in [
            (
                r#"{"costs": {"smartnic_price": -1}}"#,
                "costs.smartnic_price",
                "or null for the default",
            ),
            (
                r#"{"costs": {"smartnic_price": "cheap"}}"#,
                "costs.smartnic_price",
                "from 0 to 100,000,000",
            ),
            (
                r#"{"costs": {"smartnic_watts": null}}"#,
                "costs.smartnic_watts",
                "from 0 to 10,000",
            ),
            (
                r#"{"costs": {"smartnic_watts": 10001}}"#,
                "costs.smartnic_watts",
                "from 0 to 10,000",
            ),
            (
                r#"{"assumptions": {"fast_path_speedup": {"low": 0.99, "likely": 2, "high": 3}}}"#,
                "assumptions.fast_path_speedup.low",
                "each a number from 1 to 20",
            ),
            (
                r#"{"assumptions": {"fast_path_speedup": {"low": 1, "likely": 2, "high": 20.5}}}"#,
                "assumptions.fast_path_speedup.high",
                "from 1 to 20",
            ),
            (
                r#"{"assumptions": {"fast_path_pinned_cores": {"low": -1, "likely": 2, "high": 4}}}"#,
                "assumptions.fast_path_pinned_cores.low",
                "from 0 to 64",
            ),
            (
                r#"{"assumptions": {"smartnic_host_cores": {"low": 3, "likely": 2, "high": 4}}}"#,
                "assumptions.smartnic_host_cores.low",
                "low ≤ likely ≤ high",
            ),
            (
                r#"{"assumptions": {"smartnic_host_cores": {"low": 1, "likely": 2}}}"#,
                "assumptions.smartnic_host_cores",
                "from 0 to 64",
            ),
        ] {
            check_err(json, path, allowed);
        }
        check_err(
            r#"{"traffic": {"gbps_per_host": -1}}"#,
            "traffic.gbps_per_host",
            "from 0 to",
        );
        check_err(
            r#"{"traffic": {"avg_packet_bytes": 63}}"#,
            "traffic.avg_packet_bytes",
            "from 64",
        );
        check_err(
            r#"{"traffic": {"avg_packet_bytes": 9217}}"#,
            "traffic.avg_packet_bytes",
            "9,216",
        );
        check_err(
            r#"{"fleet": {"hosts": 0}}"#,
            "fleet.hosts",
            "whole number from 1 to",
        );
        check_err(
            r#"{"fleet": {"hosts": 2.5}}"#,
            "fleet.hosts",
            "whole number",
        );
        check_err(r#"{"fleet": {"hosts": -3}}"#, "fleet.hosts", "whole number");
        check_err(r#"{"fleet": {"hosts": 1e12}}"#, "fleet.hosts", "1,000,000");
        check_err(r#"{"fleet": {"ghz": 0}}"#, "fleet.ghz", "from 0.1");
        check_err(
            r#"{"fleet": {"lifetime_years": 0}}"#,
            "fleet.lifetime_years",
            "> 0",
        );
        check_err(r#"{"dpu": {"per_host": 3}}"#, "dpu.per_host", "from 1 to 2");
        check_err(r#"{"costs": {"pue": 0.9}}"#, "costs.pue", "from 1");
        check_err(
            r#"{"costs": {"discount_rate": 0.6}}"#,
            "costs.discount_rate",
            "0.5",
        );
        check_err(
            r#"{"claim": {"cpu_freed_percent": 101}}"#,
            "claim.cpu_freed_percent",
            "100",
        );
        check_err(
            r#"{"traffic": {"gbps_per_host": "ten"}}"#,
            "traffic.gbps_per_host",
            "a number",
        );
        check_err(
            r#"{"traffic": {"gbps_per_host": null}}"#,
            "traffic.gbps_per_host",
            "a number",
        );
        check_err(
            r#"{"traffic": {"measured_networking_cores": -1}}"#,
            "traffic.measured_networking_cores",
            "or null",
        );
        check_err(
            r#"{"dpu": {"model": "bluefield9"}}"#,
            "dpu.model",
            "`bluefield4`",
        );
        check_err(
            r#"{"dpu": {"dual_mode": "both"}}"#,
            "dpu.dual_mode",
            "`independent`",
        );
        check_err(
            r#"{"fleet": {"bound_by": "disk"}}"#,
            "fleet.bound_by",
            "`tenants`",
        );
        check_err(
            r#"{"platform": {"datapath": "dpdk"}}"#,
            "platform.datapath",
            "`enhanced`",
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
        check_err(r#"{"goals": "free_host_cpu"}"#, "goals", "a list of");
        check_err(
            r#"{"traffic": {"overlay": "yes"}}"#,
            "traffic.overlay",
            "true or false",
        );
        check_err(
            r#"{"costs": {"licenses_follow_cores": 1}}"#,
            "costs.licenses_follow_cores",
            "null",
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
        check_err(r#"{"name": "two\nlines"}"#, "name", "one line");
        check_err(r#"{"name": "esc\u001b[2J"}"#, "name", "one line");
        check_err(r#"{"traffic": 5}"#, "traffic", "an object");
        check_err(
            r#"{"assumptions": {"offload_fraction": {"likely": 0.5}}}"#,
            "assumptions.offload_fraction",
            "low ≤ likely ≤ high",
        );
        check_err(
            r#"{"assumptions": {"offload_fraction": {"low": 0.9, "likely": 0.5, "high": 1}}}"#,
            "assumptions.offload_fraction.low",
            "low ≤ likely ≤ high",
        );
        check_err(
            r#"{"assumptions": {"offload_fraction": {"low": "a", "likely": 0.5, "high": 1}}}"#,
            "assumptions.offload_fraction.low",
            "from 0 to 1",
        );
        check_err(
            r#"{"assumptions": {"offload_fraction": {"low": 0, "likely": 0.5, "high": 1, "mode": 1}}}"#,
            "assumptions.offload_fraction.mode",
            "",
        );
    }

    #[test]
    fn problems_are_typed() {
        let e = Scenario::from_json(r#"{"fleet": {"hosts": 2.5}}"#).unwrap_err();
        assert_eq!(e.problem(), Some(&Problem::NotWhole(2.5)));
        let e = Scenario::from_json(r#"{"dpu": {"model": "x"}}"#).unwrap_err();
        assert_eq!(e.problem(), Some(&Problem::UnknownValue("x".into())));
        let e = Scenario::from_json(r#"{"traffic": {"overlay": [1]}}"#).unwrap_err();
        assert_eq!(e.problem(), Some(&Problem::WrongType { found: "a list" }));
        let e = Scenario::from_json(r#"{"name": "a\tb"}"#).unwrap_err();
        assert_eq!(e.problem(), Some(&Problem::ControlCharacter));
        // Invisible characters and separators too (issue 18): zero-width space, line
        // separator, Arabic letter mark, byte-order mark, a tag character.
        for c in [
            "\\u200b",
            "\\u2028",
            "\\u2029",
            "\\u061c",
            "\\ufeff",
            "\\udb40\\udc41",
        ] {
            let e = Scenario::from_json(&format!(r#"{{"name": "a{c}b"}}"#)).unwrap_err();
            assert_eq!(e.problem(), Some(&Problem::ControlCharacter), "{c}");
        }
    }

    #[test]
    fn unknown_fields_are_named() {
        check_err(r#"{"trafic": {}}"#, "trafic", "");
        check_err(r#"{"traffic": {"gbps": 3}}"#, "traffic.gbps", "");
        check_err(r#"{"assumptions": {"nope": null}}"#, "assumptions.nope", "");
    }

    #[test]
    fn nulls_unset_optional_fields_only() {
        let s = Scenario::from_json(
            r#"{"traffic": {"measured_networking_cores": null}, "assumptions": {"offload_fraction": null}}"#,
        )
        .unwrap();
        assert_eq!(s, Scenario::default());
        let s = Scenario::from_json(r#"{"traffic": {"measured_networking_cores": 6}}"#).unwrap();
        assert_eq!(s.traffic.measured_networking_cores, Some(6.0));
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
        assert!(Scenario::from_json(r#"{"fleet": {"ghz": 1e400}}"#).is_err());
    }

    #[test]
    fn every_field_reads_back_as_its_kind_and_its_default_is_valid() {
        let s = Scenario::default();
        for (i, f) in FIELDS.iter().enumerate() {
            assert!(
                FIELDS[..i].iter().all(|o| o.path != f.path),
                "{} twice",
                f.path
            );
            let v = (f.get)(&s);
            let fits = matches!(
                (f.kind, &v),
                (Kind::Text { .. }, Val::Text(_))
                    | (Kind::Number(_), Val::Number(_))
                    | (Kind::OptionalNumber(_), Val::OptionalNumber(_))
                    | (Kind::Bool, Val::Bool(_))
                    | (Kind::OptionalBool, Val::OptionalBool(_))
                    | (Kind::Choice(_), Val::Choice(_))
                    | (Kind::OptionalChoice(_), Val::OptionalChoice(_))
                    | (Kind::List(_), Val::List(_))
                    | (Kind::Range(_), Val::Range(_))
            );
            assert!(fits, "{}: {v:?} does not fit its kind", f.path);
            assert!(!f.label.is_empty() && !f.help.is_empty(), "{}", f.path);
            if let Some(n) = f.number() {
                if let Val::Number(x) = v {
                    assert!(n.accepts(x), "default of {} is allowed", f.path);
                }
                assert!(
                    !n.accepts(n.max * 2.0 + 1.0),
                    "{} has an upper bound",
                    f.path
                );
            }
            assert_eq!(
                f.optional(),
                matches!(f.default, Default::Resolved(_))
                    || f.path == "traffic.measured_networking_cores",
                "{}",
                f.path
            );
            let sources = match f.default {
                Default::Sourced(b) => b.sources.to_vec(),
                Default::Resolved(r) => r(&s).basis.sources.to_vec(),
                Default::Plain => vec![],
            };
            for id in sources {
                assert!(crate::sources::cites(id), "{} cites unknown {id}", f.path);
            }
        }
    }

    #[test]
    fn every_field_round_trips_through_its_setter() {
        // Setting a field to what it reads gives the same scenario back.
        let s = Scenario::from_json(
            r#"{"assumptions": {"offload_fraction": {"low": 0.1, "likely": 0.2, "high": 0.3}},
                "costs": {"dpu_watts": 40, "licenses_follow_cores": false},
                "platform": {"datapath": "enhanced"},
                "traffic": {"measured_networking_cores": 3}}"#,
        )
        .unwrap();
        let json = s.to_json_value();
        for f in FIELDS {
            let v = f
                .path
                .split('.')
                .try_fold(&json, |v, key| v.get(key))
                .cloned()
                .unwrap_or(Value::Null);
            let mut copy = Scenario::default();
            (f.set)(&mut copy, &v).unwrap_or_else(|b| panic!("{}: {b:?}", f.path));
            assert_eq!((f.get)(&copy), (f.get)(&s), "{}", f.path);
        }
    }

    #[test]
    fn typed_numbers() {
        for (text, want) in [
            ("25", Some(25.0)),
            (" 2.5 ", Some(2.5)),
            ("2,5", Some(2.5)),
            ("0,35", Some(0.35)),
            ("30,000", Some(30_000.0)),
            ("1,234,567", Some(1_234_567.0)),
            ("1,234.5", Some(1_234.5)),
            ("35 %", Some(35.0)),
            ("1e3", Some(1000.0)),
            ("-3", Some(-3.0)),
            ("", None),
            ("abc", None),
            ("NaN", None),
            ("inf", None),
            ("1e400", None),
            ("0x10", None),
        ] {
            assert_eq!(parse_typed_number(text), want, "{text:?}");
        }
    }

    #[test]
    fn with_text_reads_each_kind() {
        let s = Scenario::default();
        let t = |path: &str, text: &str| s.with_text(path, text).unwrap();
        assert_eq!(
            t("traffic.gbps_per_host", " 25 ").traffic.gbps_per_host,
            25.0
        );
        assert_eq!(t("traffic.gbps_per_host", "2,5").traffic.gbps_per_host, 2.5);
        assert_eq!(t("fleet.hosts", "8").fleet.hosts, 8);
        assert!(!t("traffic.overlay", "false").traffic.overlay);
        assert_eq!(t("name", "lab").name, "lab");
        assert_eq!(t("dpu.model", "bluefield2").dpu.model, DpuModel::Bluefield2);
        // Shares are typed as percentages.
        assert_eq!(t("costs.discount_rate", "7").costs.discount_rate, 0.07);
        let phi = t("assumptions.offload_fraction.likely", "60");
        assert_eq!(
            phi.assumptions.offload_fraction,
            Some(Range::new(0.5, 0.6, 0.95)),
            "one point set, the others from the default range"
        );
        // Optional fields: a value sets them, an empty text unsets them.
        let m = t("traffic.measured_networking_cores", "6");
        assert_eq!(m.traffic.measured_networking_cores, Some(6.0));
        assert_eq!(
            m.with_text("traffic.measured_networking_cores", " ")
                .unwrap(),
            s
        );
        let l = t("costs.license_per_core_year", "300");
        assert_eq!(l.costs.license_per_core_year, Some(300.0));
        assert_eq!(l.with_text("costs.license_per_core_year", "").unwrap(), s);
        assert_eq!(
            t("platform.datapath", "enhanced").platform.datapath,
            Some(Datapath::Enhanced)
        );
        assert_eq!(
            t("costs.licenses_follow_cores", "false")
                .costs
                .licenses_follow_cores,
            Some(false)
        );
        assert_eq!(
            phi.with_text("assumptions.offload_fraction", "").unwrap(),
            s
        );
        for (path, text) in [
            ("traffic.gbps_per_host", "abc"),
            ("traffic.gbps_per_host", "-3"),
            ("traffic.gbps_per_host", ""),
            ("traffic.gbps_per_host", "NaN"),
            ("fleet.hosts", "2.5"),
            ("dpu.model", "nope"),
            ("name", "a\nb"),
            ("costs.discount_rate", "60"),
            ("traffic.overlay", "maybe"),
        ] {
            let e = s.with_text(path, text).unwrap_err();
            assert_eq!(e.path(), Some(path), "{path}={text}: {e}");
        }
        // A point that breaks the order names itself.
        let e = s
            .with_text("assumptions.offload_fraction.likely", "99")
            .unwrap_err();
        assert_eq!(e.path(), Some("assumptions.offload_fraction.likely"), "{e}");
        let e = s
            .with_text("assumptions.offload_fraction.low", "90")
            .unwrap_err();
        assert_eq!(e.path(), Some("assumptions.offload_fraction.low"), "{e}");
        assert!(s.with_text("nope.field", "1").is_err());
        assert!(s.with_text("goals", "x").is_err());
    }

    #[test]
    fn allowed_ranges_read_in_the_units_shown() {
        let n = |path| field(path).unwrap().number().unwrap();
        assert_eq!(
            n("traffic.gbps_per_host").allowed_shown("USD"),
            "from 0 to 10,000 Gb/s"
        );
        assert_eq!(
            n("costs.discount_rate").allowed_shown("USD"),
            "from 0 % to 50 %/year"
        );
        assert_eq!(
            n("fleet.hosts").allowed_shown("USD"),
            "a whole number from 1 to 1,000,000 hosts"
        );
        assert_eq!(
            n("fleet.lifetime_years").allowed_shown("EUR"),
            "above 0 and up to 50 years"
        );
        assert_eq!(
            n("fleet.server_price").allowed_shown("EUR"),
            "from 0 to 1,000,000,000 EUR"
        );
        assert_eq!(n("costs.pue").allowed_shown("EUR"), "from 1 to 10");
        assert_eq!(
            n("claim.cpu_freed_percent").allowed_shown("EUR"),
            "from 0 % to 100 %"
        );
    }

    #[test]
    fn values_read_with_their_units() {
        let show = |path: &str, v: Value| show_json(field(path).unwrap(), &v, "EUR");
        assert_eq!(show("costs.dpu_watts", Value::from(150.0)), "150 W");
        assert_eq!(
            show("costs.license_per_core_year", Value::from(250.0)),
            "EUR\u{a0}250/core-year"
        );
        assert_eq!(
            show("costs.licenses_follow_cores", Value::from(true)),
            "yes"
        );
        assert_eq!(show("costs.discount_rate", Value::from(0.07)), "7 %/year");
        assert_eq!(
            show("platform.datapath", Value::from("enhanced")),
            "Enhanced path (NSX EDP, OVS-DPDK, AF_XDP, VPP)"
        );
        assert_eq!(
            show(
                "assumptions.offload_fraction",
                Value::from(serde_json::json!({"low": 0.5, "likely": 0.8, "high": 0.95}))
            ),
            "50 / 80 / 95 % (low / likely / high)"
        );
        assert_eq!(
            show(
                "assumptions.vswitch_gbps_per_core",
                Value::from(serde_json::json!({"low": 2, "likely": 8, "high": 15}))
            ),
            "2 / 8 / 15 Gb/s (low / likely / high)"
        );
        assert_eq!(
            show("costs.kwh_price", Value::from(0.15)),
            "EUR\u{a0}0.15/kWh"
        );
        // A count of one in the singular; 1.5 and 2 in the plural.
        assert_eq!(with_unit(Unit::Dpus, 1.0, "EUR"), "1 DPU");
        assert_eq!(with_unit(Unit::Years, 1.0, "EUR"), "1 year");
        assert_eq!(with_unit(Unit::Years, 1.5, "EUR"), "1.5 years");
        assert_eq!(with_unit(Unit::Dpus, 2.0, "EUR"), "2 DPUs");
        assert_eq!(with_unit(Unit::Gbps, 1.0, "EUR"), "1 Gb/s");
    }

    #[test]
    fn messages_for_people_name_the_range_in_the_units_shown() {
        let s = Scenario::default();
        let msg = |path: &str, text: &str| {
            let e = s.with_text(path, text).unwrap_err();
            person_message(&e, text, "EUR")
        };
        assert_eq!(
            msg("traffic.gbps_per_host", "-5"),
            "Traffic per host: “-5” is not allowed (from 0 to 10,000 Gb/s)."
        );
        assert_eq!(
            msg("traffic.gbps_per_host", "ten"),
            "Traffic per host: “ten” is not allowed (from 0 to 10,000 Gb/s)."
        );
        assert_eq!(
            msg("traffic.gbps_per_host", ""),
            "Traffic per host: enter a value (from 0 to 10,000 Gb/s)."
        );
        assert_eq!(
            msg("fleet.hosts", "1.5"),
            "Hosts: enter a whole number (a whole number from 1 to 1,000,000 hosts)."
        );
        assert_eq!(
            msg("costs.discount_rate", "60"),
            "Discount rate: “60” is not allowed (from 0 % to 50 %/year)."
        );
        assert_eq!(
            msg("assumptions.offload_fraction.low", "90"),
            "Share of the offloadable work the DPU removes, low: this must not be above likely \
             (low ≤ likely ≤ high, each from 0 % to 100 %)."
        );
        assert_eq!(
            msg("name", "a\tb"),
            "Scenario name: use one line of visible text, without tabs, control or invisible \
             characters (one line of at most 120 characters)."
        );
        assert!(!msg("traffic.gbps_per_host", &"9".repeat(500)).contains(&"9".repeat(100)));
        assert_eq!(
            label_at("assumptions.offload_fraction.low"),
            "Share of the offloadable work the DPU removes, low"
        );
        assert_eq!(label_at("goals[2]"), "Goals");
    }

    #[test]
    fn lookups_find_fields_and_range_points() {
        assert_eq!(field("fleet.hosts").map(|f| f.label), Some("Hosts"));
        assert_eq!(
            field("assumptions.offload_fraction.high").map(|f| f.path),
            Some("assumptions.offload_fraction")
        );
        assert!(field("fleet.hosts.low").is_none());
        assert!(field("nope").is_none());
        assert!(allowed_at("goals[3]").starts_with("a list of"));
        assert!(allowed_at("assumptions.offload_fraction.low").contains("from 0 to 1"));
    }

    #[test]
    fn ranges_cover_every_assumption_in_order() {
        use crate::assumptions::ASSUMPTIONS;
        let keys: Vec<&str> = FIELDS
            .iter()
            .filter_map(|f| f.path.strip_prefix("assumptions."))
            .collect();
        let want: Vec<&str> = ASSUMPTIONS.iter().map(|a| a.key).collect();
        assert_eq!(keys, want);
    }
}
