//! The scenario form: a short quick check of the inputs that decide most answers, then the
//! rest in sections that fold, each summary saying its current values and how many differ
//! from the defaults. Every control comes from the engine's field table.

use std::rc::Rc;

use yew::prelude::*;

use super::fields::{FieldProps, changed, field_control, short_value};
use super::sources::use_embedded;
use crate::state::{Action, State};

/// The quick check, line by line, as the form draws it: goals, platform, hosts and cores,
/// traffic and packet size, and what runs in the switch. A line is one field, fields side
/// by side (`.row`), or a fieldset (its class and legend).
pub const QUICK: &[QuickLine] = &[
    (None, &["goals"]),
    (None, &["platform.kind", "platform.vsphere", "platform.nsx"]),
    (None, &["fleet.hosts", "fleet.cores_per_host"]),
    (None, &["traffic.gbps_per_host", "traffic.avg_packet_bytes"]),
    (
        Some(("switch-work", "What runs in the virtual switch")),
        &[
            "traffic.overlay",
            "traffic.overlay_nic_offload",
            "traffic.distributed_firewall",
            "traffic.deep_inspection",
            "traffic.encryption",
        ],
    ),
];

/// A line of [`QUICK`]: the fieldset's class and legend, if it is one, and its fields.
pub type QuickLine = (
    Option<(&'static str, &'static str)>,
    &'static [&'static str],
);

/// Quick-check fields only vSphere reads: left out on other platforms.
const VSPHERE_ONLY: &[&str] = &["platform.vsphere", "platform.nsx"];

/// The inputs an embed's card offers: the ones that move a post's scenario most.
pub const EMBED_KEYS: &[&str] = &[
    "traffic.gbps_per_host",
    "traffic.avg_packet_bytes",
    "fleet.hosts",
    "fleet.cores_per_host",
    "fleet.cluster_hosts",
    "costs.dpu_price",
];

/// A summary's part: a few words before the value, and the field.
type Named = (&'static str, &'static str);

/// The folding sections: title, the fields their summary names, and every field.
pub const SECTIONS: &[(&str, &[Named], &[&str])] = &[
    (
        "Fleet, clusters and what you measured",
        &[
            ("clusters of", "fleet.cluster_hosts"),
            ("bound by", "fleet.bound_by"),
            ("networking cores", "traffic.measured_networking_cores"),
        ],
        &[
            "fleet.cluster_hosts",
            "fleet.min_hosts_per_cluster",
            "fleet.bound_by",
            "traffic.measured_networking_cores",
            "platform.datapath",
            "fleet.ghz",
        ],
    ),
    (
        "Workload and DPU",
        &[
            ("", "workload.kind"),
            ("", "dpu.model"),
            ("per host:", "dpu.per_host"),
        ],
        &[
            "workload.kind",
            "workload.vms_per_host",
            "dpu.model",
            "dpu.per_host",
            "dpu.dual_mode",
            "dpu.oem",
            "dpu.factory_installed",
            "dpu.mixed_models_in_cluster",
        ],
    ),
    (
        "Switch features you rely on",
        &[("", "features")],
        &["features"],
    ),
    (
        "Prices and running costs",
        &[
            ("server", "fleet.server_price"),
            ("DPU", "costs.dpu_price"),
            ("licence", "costs.license_per_core_year"),
        ],
        &[
            "costs.currency",
            "fleet.server_price",
            "fleet.server_watts",
            "fleet.rack_units_per_host",
            "fleet.lifetime_years",
            "costs.dpu_price",
            "costs.nic_price",
            "costs.dpu_watts",
            "costs.nic_watts",
            "costs.dpu_license_year",
            "costs.license_per_core_year",
            "costs.licenses_follow_cores",
            "costs.kwh_price",
            "costs.pue",
            "costs.rack_unit_year",
            "costs.discount_rate",
        ],
    ),
    (
        "Plans without a DPU",
        &[("SmartNIC", "costs.smartnic_price")],
        &[
            "costs.smartnic_price",
            "costs.smartnic_watts",
            "assumptions.fast_path_speedup",
            "assumptions.fast_path_pinned_cores",
            "assumptions.smartnic_host_cores",
        ],
    ),
    (
        "The pitch you were given",
        &[("up to", "claim.cpu_freed_percent")],
        &["claim.cpu_freed_percent"],
    ),
    (
        "Model assumptions",
        &[],
        &[
            "assumptions.vswitch_gbps_per_core",
            "assumptions.vswitch_mpps_per_core",
            "assumptions.overlay_overhead",
            "assumptions.firewall_overhead",
            "assumptions.crypto_cycles_per_byte",
            "assumptions.offload_fraction",
        ],
    ),
];

/// Props of [`ScenarioForm`].
#[derive(Properties, PartialEq)]
pub struct ScenarioFormProps {
    /// The scenario and the texts it refused.
    pub state: Rc<State>,
    /// Changes the state.
    pub act: Callback<Action>,
    /// Every section's inputs rendered, folded or not (the component tests read them all).
    /// Otherwise a folded section's inputs are left out until it is opened, on the
    /// pre-rendered page and in the app alike: they are not visible, and the app's first
    /// render, and every render after an edit, then build and compare a third of the page
    /// fewer elements (about 600 of 1,600 on the full page).
    #[prop_or_default]
    pub unfolded: bool,
}

/// What a section needs to render besides the form's props: whether the reader opened it
/// (it then keeps its inputs, closed again or not), and how to say it was.
struct Fold {
    opened: bool,
    on_toggle: Callback<Event>,
}

fn control(path: &'static str, props: &ScenarioFormProps, embedded: bool) -> Html {
    field_control(&FieldProps {
        path,
        state: props.state.clone(),
        act: props.act.clone(),
        compact: false,
        embedded,
    })
}

/// The quick check and the folding sections.
#[component]
pub fn ScenarioForm(props: &ScenarioFormProps) -> Html {
    let embedded = use_embedded();
    // The sections the reader opened, by their place in SECTIONS.
    let opened = use_state(|| 0u32);
    let vsphere = props.state.scenario.is_vsphere();
    html! {
        <form class="scenario" aria-label="Scenario" onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
            <section class="quick" aria-labelledby="quick-title">
                <h2 id="quick-title">{"Quick check"}</h2>
                <p class="lead">{"Describe your hosts; the verdict updates as you type."}</p>
                for line in QUICK.iter() {
                    { quick_line(line, props, embedded, vsphere) }
                }
            </section>
            for (i, (title, named, paths)) in SECTIONS.iter().enumerate() {
                { section(title, named, paths, props, embedded, Fold {
                    opened: *opened & (1 << i) != 0,
                    on_toggle: {
                        let opened = opened.clone();
                        // Opened (a section is closed only after it was open).
                        Callback::from(move |_: Event| {
                            if *opened & (1 << i) == 0 {
                                opened.set(*opened | (1 << i));
                            }
                        })
                    },
                }) }
            }
        </form>
    }
}

/// One line of the quick check (see [`QUICK`]).
fn quick_line(
    (group, paths): &QuickLine,
    props: &ScenarioFormProps,
    embedded: bool,
    vsphere: bool,
) -> Html {
    // A field left out keeps its place as an empty node: Yew matches unkeyed children by
    // position, and a shorter list would have it turn one control into another (a select
    // rebuilt under a reader's choice showed the old value).
    let controls: Html = paths
        .iter()
        .map(|p| {
            if vsphere || !VSPHERE_ONLY.contains(p) {
                control(p, props, embedded)
            } else {
                Html::default()
            }
        })
        .collect();
    match group {
        Some((class, legend)) => html! {
            <fieldset class={*class}><legend>{*legend}</legend>{controls}</fieldset>
        },
        None if paths.len() == 1 => controls,
        None => html! { <div class="row">{controls}</div> },
    }
}

fn section(
    title: &'static str,
    named: &[Named],
    paths: &[&'static str],
    props: &ScenarioFormProps,
    embedded: bool,
    fold: Fold,
) -> Html {
    let s = &props.state.scenario;
    let n = changed(s, paths);
    let values: Vec<String> = named
        .iter()
        .map(|(words, p)| format!("{words} {}", short_value(s, p)).trim().to_owned())
        .collect();
    let invalid = paths.iter().any(|p| {
        props
            .state
            .rejected
            .iter()
            .any(|(k, _)| k == p || k.starts_with(&format!("{p}.")))
    });
    // A section holding a refused text opens, so the message is never hidden.
    let open = invalid;
    html! {
        <details class="section" {open} data-section={title} ontoggle={fold.on_toggle}>
            <summary>
                <span class="section-title">{title}</span>
                <span class="section-values">{values.join(" · ")}</span>
                if n > 0 {
                    <span class="section-changed">{format!("{n} changed")}</span>
                }
                if invalid {
                    <span class="section-invalid">{"needs a fix"}</span>
                }
            </summary>
            if open || fold.opened || props.unfolded {
                <div class="section-body">
                    for path in paths.iter() {
                        { control(path, props, embedded) }
                    }
                </div>
            }
        </details>
    }
}

/// Props of [`EmbedInputs`].
#[derive(Properties, PartialEq)]
pub struct EmbedInputsProps {
    /// The scenario and the texts it refused.
    pub state: Rc<State>,
    /// Changes the state.
    pub act: Callback<Action>,
}

/// The embed's few key inputs.
#[component]
pub fn EmbedInputs(props: &EmbedInputsProps) -> Html {
    let embedded = use_embedded();
    html! {
        <form class="scenario embed-inputs" aria-label="Try other numbers" onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
            <h2>{"Try your own numbers"}</h2>
            <div class="key-grid">
                for path in EMBED_KEYS.iter().copied() {
                    {field_control(&FieldProps {
                        path,
                        state: props.state.clone(),
                        act: props.act.clone(),
                        compact: true,
                        embedded,
                    })}
                }
            </div>
        </form>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use dpu_engine::fields::FIELDS;

    #[test]
    fn every_field_is_on_the_form_once() {
        let mut on_form: Vec<&str> = QUICK
            .iter()
            .flat_map(|(_, paths)| paths.iter().copied())
            .collect();
        for (_, named, paths) in SECTIONS {
            assert!(named.iter().all(|(_, n)| paths.contains(n)));
            on_form.extend(paths.iter());
        }
        for f in FIELDS {
            let n = on_form.iter().filter(|p| **p == f.path).count();
            let want = usize::from(f.path != "name");
            assert_eq!(n, want, "{} on the form {n} times", f.path);
        }
        for k in EMBED_KEYS {
            assert!(dpu_engine::fields::field(k).is_some(), "{k}");
        }
    }
}
