//! The scenario, grouped the way an architect thinks: goal, platform, workload, DPU, features
//! relied on, traffic, fleet, costs and the assumptions behind the model.

use std::rc::Rc;

use dpu_engine::Choice;
use dpu_engine::choice::{
    DpuModel, Encryption, Feature, Goal, NsxVersion, Oem, PlatformKind, VsphereVersion,
    WorkloadKind,
};
use dpu_engine::scenario::number_field;
use yew::prelude::*;

use super::Edit;
use super::assumptions::Assumptions;
use super::fields::{CheckField, SelectField, TextField};
use super::sources::{SourceLinks, facts};
use crate::state::State;

/// Props of [`ScenarioForm`].
#[derive(Properties, PartialEq)]
pub struct ScenarioFormProps {
    /// The scenario and the texts it refused.
    pub state: Rc<State>,
    /// A field was edited: (JSON path, raw text).
    pub on_edit: Callback<Edit>,
    /// A goal was ticked or unticked.
    pub on_goal: Callback<(Goal, bool)>,
    /// A feature was ticked or unticked.
    pub on_feature: Callback<(Feature, bool)>,
}

/// (wire name, label) of every value of a closed set, for a select.
pub fn options<T: Choice>() -> Vec<(&'static str, &'static str)> {
    T::ALL.iter().map(|v| (v.wire(), v.label())).collect()
}

/// The whole scenario form.
#[component]
pub fn ScenarioForm(props: &ScenarioFormProps) -> Html {
    let state = &props.state;
    let s = &state.scenario;
    let on_edit = &props.on_edit;
    let number = |path: &'static str| number_input(state, path, on_edit);
    let select = |path: &'static str, label: &'static str, options, value: &'static str| {
        html! {
            <SelectField path={path} label={label} {options} value={value}
                rejected={state.rejected(path).cloned()} on_edit={on_edit.clone()} />
        }
    };
    let check = |path: &'static str, label: &'static str, checked: bool| {
        let on_edit = on_edit.clone();
        let on_toggle =
            Callback::from(move |on: bool| on_edit.emit((path.to_owned(), on.to_string())));
        html! { <CheckField name={path} label={label} {checked} {on_toggle} /> }
    };
    let text = |path: &'static str, label: &'static str, value: String| {
        html! {
            <TextField path={path} label={label} value={value} mode="text"
                rejected={state.rejected(path).cloned()} on_edit={on_edit.clone()} />
        }
    };
    let list_error = |path: &'static str| match state.rejected(path) {
        Some(r) => html! { <p class="error" id={super::error_id(path)}>{r.message.clone()}</p> },
        None => html! {},
    };

    html! {
        <form class="scenario" aria-label="Scenario" onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
            <fieldset>
                <legend>{"Goal"}</legend>
                {text("name", "Scenario name", s.name.clone())}
                <p class="hint">{"What do you hope the DPUs will do for you?"}</p>
                for goal in Goal::ALL.iter().copied() {
                    <CheckField name="goals" value={goal.wire()} label={goal.label()}
                        checked={s.has_goal(goal)}
                        on_toggle={props.on_goal.reform(move |on| (goal, on))} />
                }
                {list_error("goals")}
            </fieldset>
            <fieldset>
                <legend>{"Platform"}</legend>
                {select("platform.kind", "Virtualization platform", options::<PlatformKind>(), s.platform.kind.wire())}
                {select("platform.vsphere", "vSphere release (vSphere only)", options::<VsphereVersion>(), s.platform.vsphere.wire())}
                {select("platform.nsx", "NSX release (vSphere only)", options::<NsxVersion>(), s.platform.nsx.wire())}
            </fieldset>
            <fieldset>
                <legend>{"Workload"}</legend>
                {select("workload.kind", "How hosts are shared", options::<WorkloadKind>(), s.workload.kind.wire())}
                {number("workload.vms_per_host")}
            </fieldset>
            <fieldset>
                <legend>{"DPU"}</legend>
                {select("dpu.model", "DPU model", options::<DpuModel>(), s.dpu.model.wire())}
                {number("dpu.per_host")}
                {select("dpu.oem", "Server vendor", options::<Oem>(), s.dpu.oem.wire())}
                {check("dpu.factory_installed", "Factory-installed by the server vendor", s.dpu.factory_installed)}
                {check("dpu.mixed_models_in_cluster", "Different DPU models in one cluster", s.dpu.mixed_models_in_cluster)}
            </fieldset>
            <fieldset>
                <legend>{"Features you rely on today"}</legend>
                for feature in Feature::ALL.iter().copied() {
                    <CheckField name="features" value={feature.wire()} label={feature.label()}
                        checked={s.relies_on(feature)}
                        on_toggle={props.on_feature.reform(move |on| (feature, on))} />
                }
                {list_error("features")}
            </fieldset>
            <fieldset>
                <legend>{"Traffic"}</legend>
                {number("traffic.gbps_per_host")}
                {number("traffic.avg_packet_bytes")}
                {check("traffic.overlay", "Overlay (Geneve / VXLAN)", s.traffic.overlay)}
                {check("traffic.overlay_nic_offload", "NIC offloads inside the tunnel (TSO, checksum)", s.traffic.overlay_nic_offload)}
                {check("traffic.distributed_firewall", "Distributed firewall", s.traffic.distributed_firewall)}
                {select("traffic.encryption", "Encryption in host software", options::<Encryption>(), s.traffic.encryption.wire())}
            </fieldset>
            <fieldset>
                <legend>{"Fleet"}</legend>
                {number("fleet.hosts")}
                {number("fleet.cores_per_host")}
                {number("fleet.ghz")}
                {number("fleet.server_price")}
                {number("fleet.server_watts")}
                {number("fleet.rack_units_per_host")}
                {number("fleet.lifetime_years")}
            </fieldset>
            <fieldset>
                <legend>{"Costs"}</legend>
                {text("costs.currency", "Currency", s.costs.currency.clone())}
                {number("costs.dpu_price")}
                {number("costs.nic_price")}
                {number("costs.dpu_watts")}
                {number("costs.nic_watts")}
                {number("costs.dpu_license_year")}
                {number("costs.kwh_price")}
                {number("costs.pue")}
                {number("costs.rack_unit_year")}
                {number("costs.license_per_core_year")}
                {check("costs.licenses_follow_cores", "Licences shrink when servers go", s.costs.licenses_follow_cores)}
            </fieldset>
            <Assumptions state={state.clone()} on_edit={on_edit.clone()} />
        </form>
    }
}

/// The input for one entry of the engine's `NUMBER_FIELDS` table.
fn number_input(state: &State, path: &'static str, on_edit: &Callback<Edit>) -> Html {
    let Some(field) = number_field(path) else {
        return html! {};
    };
    let unit = match field.unit {
        "money" => state.scenario.costs.currency.clone(),
        "money/kWh" => format!("{}/kWh", state.scenario.costs.currency),
        unit => unit.to_owned(),
    };
    html! {
        <>
            <TextField
                path={field.path}
                label={field.label}
                unit={unit}
                value={(field.get)(&state.scenario).to_string()}
                mode={if field.integer { "numeric" } else { "decimal" }}
                rejected={state.rejected(path).cloned()}
                on_edit={on_edit.clone()}
            />
            if let Some(b) = dpu_engine::scenario::default_basis(path) {
                <div class="basis default-basis">
                    <span>{b.basis}</span>
                    <SourceLinks sources={facts(b.sources)} />
                </div>
            }
        </>
    }
}
