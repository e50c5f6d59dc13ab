//! The root component: one reducer for the scenario, the report memoised on it, the address
//! and the browser history kept in step, and the layout.
//!
//! Full page: a skip link, the header with presets and sharing, then the form (the quick
//! check first, the rest folded) beside the results (the verdict, sticky on wide screens;
//! the reasoning step by step; the plans compared; the findings; the money). Embed: a card
//! with the verdict, the reasoning and the best plan in one line, a few key inputs, the
//! details (the plans table among them) folded, and a way out to the full calculator.
//! The render depends on the props and the state only, so the page renders natively too
//! (tests, and the pre-rendered pages of the build).

use std::rc::Rc;

use dpu_engine::presets::{PRESETS, preset};
use dpu_engine::{Scenario, evaluate};
use yew::prelude::*;

use crate::components::cost::CostPanel;
use crate::components::embed_panel::{Deployment, What};
use crate::components::findings::Findings;
use crate::components::notice::NoticeLine;
use crate::components::plans::plans_section;
use crate::components::reasoning::Reasoning;
use crate::components::saved_list::SavedList;
use crate::components::scenario_form::{EmbedInputs, ScenarioForm};
use crate::components::share_bar::ShareBar;
use crate::components::sources::Embedded;
use crate::components::verdict::{VerdictAnnouncer, VerdictPanel};
use crate::components::{class_names, input_id};
use crate::notice::Notice;
use crate::state::{Action, Origin, State, preset_scenario};

/// Props of [`App`].
#[derive(Properties, PartialEq, Default)]
pub struct AppProps {
    /// The `?preset=` of the URL, if any.
    #[prop_or_default]
    pub preset: Option<AttrValue>,
    /// The `#s=` link of the URL, if any (it wins over the preset).
    #[prop_or_default]
    pub link: Option<AttrValue>,
    /// `?embed=1`: the compact card for iframes.
    #[prop_or_default]
    pub embed: bool,
    /// The card's heading a blogger set (`data-title`, the fragment's `t=`).
    #[prop_or_default]
    pub title: Option<AttrValue>,
    /// Storage namespace for saved scenarios (`main` on the page, the embed's own).
    #[prop_or(AttrValue::Static("main"))]
    pub namespace: AttrValue,
    /// Opened from disk (`file://`): storage is shared with other local files.
    #[prop_or_default]
    pub from_disk: bool,
    /// Where the page is published (for the embed code).
    #[prop_or_default]
    pub deployment: Deployment,
    /// The page's own address without query and fragment (`origin + path`): the way back to
    /// the full page when the build has no pre-rendered pages (the offline file).
    #[prop_or_default]
    pub page_address: AttrValue,
    /// A random storage name for pasted iframe snippets.
    #[prop_or_default]
    pub iframe_ns: AttrValue,
    /// Every folded section's inputs rendered, opened or not (the component tests read them
    /// all); the page renders them when a section is opened.
    #[prop_or_default]
    pub unfolded: bool,
}

/// The state to start from and the notice to show: a readable link wins, then the named
/// preset, then the defaults (`{}`). A link that cannot be read, or a preset name that names
/// none, gives the defaults and says so.
pub fn start_state(link: Option<&str>, name: Option<&str>) -> (State, Option<Notice>) {
    match link.map(dpu_engine::share::decode) {
        Some(Ok(scenario)) => (
            State::new(
                scenario,
                name.and_then(|n| preset(n).map(|p| p.name)),
                Origin::Link,
            ),
            None,
        ),
        Some(Err(e)) => (State::default(), Some(Notice::LinkInvalid(e.to_string()))),
        None => match name {
            None => (State::default(), None),
            Some(n) => match preset_scenario(n) {
                Some((scenario, name)) => {
                    (State::new(scenario, Some(name), Origin::Preset(name)), None)
                }
                None => (State::default(), Some(Notice::UnknownPreset(n.to_owned()))),
            },
        },
    }
}

/// Whether the page starts from the scenario a pre-rendered page (`shown`, from its
/// `<meta name="dpu-page">`) shows: the same layout, preset and scenario. Only then may the
/// take-over carry a reader's typing from the pre-rendered form into the live one.
pub fn starts_as_prerendered(
    start: &State,
    embed: bool,
    shown: &crate::params::PageParams,
) -> bool {
    let (pre, _) = start_state(None, shown.preset.as_deref());
    embed == shown.embed && start.preset == pre.preset && start.scenario == pre.scenario
}

/// The `#s=` value the address should carry for a scenario: none when it is exactly the
/// preset named by `?preset=` or the defaults.
pub fn link_for(scenario: &Scenario, preset_name: Option<&str>) -> Option<String> {
    let plain = match preset_name.and_then(preset_scenario) {
        Some((p, _)) => p == *scenario,
        None => *scenario == Scenario::default(),
    };
    (!plain).then(|| dpu_engine::share::encode(scenario))
}

/// What an embed of the scenario on screen shows: the preset when unedited, else the link.
pub fn embed_what(scenario: &Scenario, preset_name: Option<&str>) -> What {
    match (link_for(scenario, preset_name), preset_name) {
        (None, Some(p)) => What::Preset(p.to_owned()),
        (None, None) => What::Default,
        (Some(link), _) => What::Link(link),
    }
}

/// Edits closer together than this make one history entry (Back skips the keystrokes).
pub const SETTLE_MS: f64 = 1_500.0;

/// Whether a change at `now` starts a new history entry: the first change after the page
/// settled does, later ones within [`SETTLE_MS`] replace it.
pub fn starts_entry(last_change: Option<f64>, now: f64) -> bool {
    last_change.is_none_or(|t| now - t > SETTLE_MS)
}

/// A short line for newcomers.
const WHAT_IS_A_DPU: &str = "A DPU (data processing unit) is a network card with its own Arm \
    cores that can take the virtual switch off your servers. Does it pay? This page works it out \
    from your numbers, with a public source for every fact.";

/// The whole page.
#[component]
pub fn App(props: &AppProps) -> Html {
    let started = {
        let (link, name) = (props.link.clone(), props.preset.clone());
        use_memo((), move |_| start_state(link.as_deref(), name.as_deref()))
    };
    let state = {
        let started = started.clone();
        use_reducer(move || started.0.clone())
    };
    let notice = {
        let started = started.clone();
        use_state(move || started.1.clone())
    };
    let report = use_memo(state.scenario.clone(), evaluate);
    // The details (the reasoning, the plans, the findings, the money) follow the verdict a
    // frame later: an edit's verdict is painted before they are rebuilt, which is most of
    // an edit's work (about 1,000 elements, issue 16's criterion 7). Until they catch up
    // the results say so (`aria-busy`, dimmed after a moment). The first
    // render shows them at once, and outside the browser (tests, pre-rendering) they never lag.
    // The report the details show.
    let shown = use_mut_ref(|| report.clone());
    let redraw = use_force_update();
    let pending = !Rc::ptr_eq(&shown.borrow(), &report);
    {
        let (shown, current) = (shown.clone(), report.clone());
        use_effect_with(Rc::as_ptr(&report) as usize, move |_| {
            // A newer edit's effect cleans this one up first: its frame never comes.
            let frame = pending
                .then(|| {
                    crate::web::after_paint(move || {
                        *shown.borrow_mut() = current;
                        redraw.force_update();
                    })
                })
                .flatten();
            move || drop(frame)
        });
    }
    let details: Rc<dpu_engine::Report> = shown.borrow().clone();
    let act = {
        let d = state.dispatcher();
        Callback::from(move |a: Action| d.dispatch(a))
    };
    let link = link_for(&state.scenario, state.preset);

    // The address and history follow the scenario: a settled edit is a new history entry,
    // keystrokes within it replace that entry (so Back moves between scenarios, not letters).
    let last_change = use_mut_ref(|| None::<f64>);
    let from_history = use_mut_ref(|| true);
    {
        let (last_change, from_history) = (last_change.clone(), from_history.clone());
        // An embed keeps its own address (the card's page); the full page moves between the
        // pre-rendered pages' addresses where the build has them.
        let path_root = if props.embed || !props.deployment.pages {
            String::new()
        } else {
            props.deployment.root.clone()
        };
        use_effect_with((link.clone(), state.preset), move |(link, preset)| {
            let now = crate::web::now_ms();
            let quiet = std::mem::replace(&mut *from_history.borrow_mut(), false);
            let push = !quiet && starts_entry(*last_change.borrow(), now);
            crate::web::show_scenario(&path_root, *preset, link.as_deref(), push);
            *last_change.borrow_mut() = if quiet { None } else { Some(now) };
        });
    }
    // Back, Forward and a link pasted into the same tab load what the address asks for.
    {
        let (d, notice, from_history) = (state.dispatcher(), notice.setter(), from_history.clone());
        use_effect_with((), move |_| {
            let listeners = crate::web::on_navigation(move |params| {
                let (next, problem) = start_state(params.link.as_deref(), params.preset.as_deref());
                *from_history.borrow_mut() = true;
                d.dispatch(Action::Replace(Box::new(next)));
                if problem.is_some() {
                    notice.set(problem);
                }
            });
            // Unmounted (the browser tests mount many apps), the page stops listening.
            move || drop(listeners)
        });
    }
    // Undo is offered for a few seconds after Reset or a preset switch; another change of
    // what Undo would undo starts the time again (the effect's cleanup drops the old timer).
    {
        let d = state.dispatcher();
        use_effect_with(state.undo.as_ref().map(|u| u.what), move |undo| {
            let timer = undo.and_then(|_| {
                crate::web::after(crate::components::saved_list::UNDO_MS, move || {
                    d.dispatch(Action::ForgetUndo)
                })
            });
            move || drop(timer)
        });
    }
    // Screen readers hear the verdict when it changes, once the typing settles.
    let announce = use_state(String::new);
    let verdicts_seen = use_mut_ref(|| 0u32);
    {
        let (announce, seen) = (announce.setter(), verdicts_seen.clone());
        let text = format!("Verdict: {}. {}", report.verdict.label(), report.headline);
        use_effect_with(report.verdict, move |_| {
            *seen.borrow_mut() += 1;
            // The first verdict is on screen already; announce only changes.
            let timer = (*seen.borrow() > 1)
                .then(|| crate::web::after(900, move || announce.set(text)))
                .flatten();
            move || drop(timer)
        });
    }

    let on_notice = {
        let notice = notice.setter();
        Callback::from(move |n: Notice| notice.set(Some(n)))
    };
    let on_dismiss = {
        let notice = notice.setter();
        Callback::from(move |()| notice.set(None))
    };
    let on_import = {
        let act = act.clone();
        Callback::from(move |(s, name): (Scenario, String)| {
            act.emit(Action::Load(Box::new(s), Origin::Imported(name)))
        })
    };
    let on_preset = {
        let act = act.clone();
        Callback::from(move |e: Event| {
            let el: web_sys::HtmlSelectElement = e.target_unchecked_into();
            match preset(&el.value()) {
                Some(p) => act.emit(Action::Preset(p.name)),
                None => act.emit(Action::Reset),
            }
        })
    };
    let preset_select = use_node_ref();
    {
        let select = preset_select.clone();
        use_effect_with(state.preset, move |p| {
            if let Some(el) = select.cast::<web_sys::HtmlSelectElement>() {
                el.set_value(p.unwrap_or(""));
            }
        });
    }
    let on_reset = act.reform(|_: MouseEvent| Action::Reset);
    let on_undo = act.reform(|_: MouseEvent| Action::Undo);
    let on_fix = Callback::from(|path: AttrValue| crate::web::focus(&input_id(&path)));
    let to_verdict = Callback::from(|e: MouseEvent| {
        e.prevent_default();
        crate::web::focus("verdict");
    });

    let state_rc = Rc::new((*state).clone());
    let scenario_rc = Rc::new(state.scenario.clone());
    let stale = state.first_rejected().map(|path| {
        (
            AttrValue::from(path.to_owned()),
            AttrValue::from(dpu_engine::fields::label_at(path)),
        )
    });
    let preset_title = state
        .preset
        .and_then(preset)
        .map(|p| AttrValue::Static(p.title));
    let odds = AttrValue::from(report.explanation.odds.clone());
    let verdict = html! {
        <VerdictPanel report={report.clone()} {odds} origin={state.origin.clone()}
            preset_title={preset_title} name={state.scenario.name.clone()} stale={stale.clone()} on_fix={on_fix.clone()}
            compact={props.embed} title={props.title.clone()} />
    };
    let undo = state.undo.as_ref().map(|u| {
        html! {
            <p class="undo" data-undo="scenario">
                <span>{format!("{}.", u.what)}</span>
                <button type="button" data-action="undo" onclick={on_undo.clone()}>{"Undo"}</button>
            </p>
        }
    });
    let full_link = if props.embed {
        let pages = props.deployment.pages;
        let base = if pages {
            props.deployment.root.as_str()
        } else {
            props.page_address.as_str()
        };
        crate::params::full_page_address(
            base,
            pages,
            if link.is_none() { state.preset } else { None },
            link.as_deref(),
        )
    } else {
        String::new()
    };
    // On the full page "Copy link" copies the address as it is when pressed ("" here).
    let copy_link = if props.embed {
        full_link.clone()
    } else {
        String::new()
    };
    let share = html! {
        <ShareBar scenario={scenario_rc.clone()} report={report.clone()} on_import={on_import.clone()}
            on_notice={on_notice.clone()} link={copy_link} embedded={props.embed}
            deployment={props.deployment.clone()} what={embed_what(&state.scenario, state.preset)}
            iframe_ns={props.iframe_ns.clone()} from_disk={props.from_disk} />
    };
    let footer = html! {
        <footer class="foot">
            <p>{"Nothing you type leaves this page: the engine runs in your browser and makes no network requests."}</p>
            <p class="model" data-model={report.model.version.clone()}>{format!(
                "DPU Reality Check, {}.", report.model.line()
            )}</p>
        </footer>
    };
    // Shared by the card and the page.
    let findings = html! { <Findings report={details.clone()} /> };
    let cost_panel = html! {
        <CostPanel report={details.clone()} gbps_per_host={state.scenario.traffic.gbps_per_host}
            cores_per_host={f64::from(state.scenario.fleet.cores_per_host)}
            min_hosts={state.scenario.fleet.min_hosts_per_cluster} />
    };
    let saved_list = html! {
        <SavedList state={state_rc.clone()} act={act.clone()} namespace={props.namespace.clone()} from_disk={props.from_disk} />
    };
    let stale_class = if stale.is_some() { "stale" } else { "" };
    let pending_class = if pending { "pending" } else { "" };

    if props.embed {
        return html! {
            <ContextProvider<Embedded> context={Embedded(true)}>
                <NoticeLine notice={(*notice).clone()} on_dismiss={on_dismiss.clone()} />
                <main class="layout embedded">
                    <section class={class_names(&["results", stale_class, pending_class])} aria-label="Verdict and reasoning"
                        aria-busy={pending.then_some("true")}>
                        { verdict }
                        <Reasoning report={details.clone()} compact=true />
                    </section>
                    <EmbedInputs state={state_rc.clone()} act={act.clone()} />
                    <details class="edit more">
                        <summary>{"Plans, figures, sources, saving"}</summary>
                        {plans_section(&details, true)}
                        { findings }
                        { cost_panel }
                        // Each embed keeps its own list (its storage name comes from the loader).
                        { saved_list }
                    </details>
                    <p class="embed-actions">
                        <a class="button" href={full_link} target="_blank" rel="noopener noreferrer"
                            data-action="open-full">{"Open the full analysis ↗"}</a>
                        { share }
                    </p>
                    <VerdictAnnouncer text={(*announce).clone()} />
                </main>
                { footer }
            </ContextProvider<Embedded>>
        };
    }

    html! {
        <ContextProvider<Embedded> context={Embedded(false)}>
            <a class="skip-link" href="#verdict" onclick={to_verdict.clone()}>{"Skip to the verdict"}</a>
            <header class="top">
                <div class="brand">
                    <h1>{"DPU Reality Check"}</h1>
                    <p class="tagline">{WHAT_IS_A_DPU}</p>
                </div>
                <div class="toolbar">
                    <label for="preset">{"Examples"}</label>
                    <select id="preset" ref={preset_select} onchange={on_preset}>
                        <option value="" selected={state.preset.is_none()}>{"A typical vSphere cluster"}</option>
                        for p in PRESETS.iter() {
                            <option value={p.name} title={p.summary} selected={state.preset == Some(p.name)}>{p.title}</option>
                        }
                    </select>
                    <button type="button" id="reset" class="secondary" onclick={on_reset}>{"Start over"}</button>
                    { share }
                </div>
            </header>
            <NoticeLine notice={(*notice).clone()} {on_dismiss} />
            { undo.clone().unwrap_or_default() }
            <main class="layout">
                <section class="inputs" aria-label="Your scenario">
                    if let Some(p) = state.preset.and_then(preset) {
                        <p class="preset-summary">{p.summary}</p>
                    }
                    <ScenarioForm state={state_rc.clone()} act={act.clone()} unfolded={props.unfolded} />
                    <button type="button" class="jump" onclick={to_verdict}>{format!("Back to the verdict: {} ↑", report.verdict.label())}</button>
                    { saved_list }
                </section>
                <section class={class_names(&["results", stale_class, pending_class])} aria-label="Verdict and explanation"
                    aria-busy={pending.then_some("true")}>
                    { verdict }
                    <Reasoning report={details.clone()} />
                    // On paper the inputs are hidden; this says what the report was computed for.
                    <section class="print-only summary">
                        <h2>{"Scenario"}</h2>
                        <dl>
                            for (label, value) in dpu_engine::render::summary(&state.scenario) {
                                <dt>{label}</dt><dd>{value}</dd>
                            }
                        </dl>
                    </section>
                    { findings }
                    { cost_panel }
                </section>
                <VerdictAnnouncer text={(*announce).clone()} />
            </main>
            { footer }
        </ContextProvider<Embedded>>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_link_wins_over_the_preset_and_a_bad_link_says_so() {
        let mut s = Scenario::default();
        s.fleet.hosts = 7;
        let link = dpu_engine::share::encode(&s);
        let (state, notice) = start_state(Some(&link), Some("hype-case"));
        assert_eq!(
            (state.scenario.fleet.hosts, state.origin, notice),
            (7, Origin::Link, None)
        );
        let (state, notice) = start_state(Some("1.!!"), Some("hype-case"));
        assert_eq!(state, State::default());
        assert_eq!(notice.map(|n| n.kind()), Some("link-invalid"));
        let (state, notice) = start_state(None, Some("hype-case"));
        assert_eq!((state.preset, notice), (Some("hype-case"), None));
        let (state, notice) = start_state(None, Some("nope"));
        assert_eq!(
            (state, notice.map(|n| n.kind())),
            (State::default(), Some("unknown-preset"))
        );
    }

    #[test]
    fn typing_is_carried_over_only_onto_the_prerendered_scenario() {
        use crate::params::PageParams;
        let page = |meta: &str| PageParams::parse(meta, "");
        let nfv = page("r=1&preset=nfv-heavy");
        // The forged links of issue 18: another scenario than the pre-rendered preset.
        let mut other = Scenario::default();
        other.fleet.hosts = 7;
        let forged = dpu_engine::share::encode(&other);
        let (state, _) = start_state(Some(&forged), Some("nfv-heavy"));
        assert!(!starts_as_prerendered(&state, false, &nfv));
        let (state, _) = start_state(None, Some("hype-case"));
        assert!(!starts_as_prerendered(&state, false, &nfv));
        // The page as pre-rendered.
        let (state, _) = start_state(None, Some("nfv-heavy"));
        assert!(starts_as_prerendered(&state, false, &nfv));
        assert!(!starts_as_prerendered(&state, true, &nfv));
        let (state, _) = start_state(None, None);
        assert!(starts_as_prerendered(&state, false, &page("r=1")));
        // A link to the pre-rendered preset's own numbers is still another origin, but the
        // same scenario: the form on screen is the one the reader typed into.
        let (state, _) = start_state(None, Some("nfv-heavy"));
        let same = dpu_engine::share::encode(&state.scenario);
        let (state, _) = start_state(Some(&same), Some("nfv-heavy"));
        assert!(starts_as_prerendered(&state, false, &nfv));
    }

    #[test]
    fn only_edited_scenarios_need_a_link() {
        assert_eq!(link_for(&Scenario::default(), None), None);
        let (hype, _) = preset_scenario("hype-case").expect("preset");
        assert_eq!(link_for(&hype, Some("hype-case")), None);
        let link = link_for(&hype, None).expect("the preset's scenario differs from the defaults");
        assert_eq!(dpu_engine::share::decode(&link), Ok(hype.clone()));
        let mut edited = hype.clone();
        edited.fleet.hosts += 1;
        assert!(link_for(&edited, Some("hype-case")).is_some());
        assert_eq!(
            embed_what(&hype, Some("hype-case")),
            What::Preset("hype-case".into())
        );
        assert!(matches!(
            embed_what(&edited, Some("hype-case")),
            What::Link(_)
        ));
        assert_eq!(embed_what(&Scenario::default(), None), What::Default);
    }

    #[test]
    fn a_burst_of_edits_is_one_history_entry() {
        assert!(starts_entry(None, 0.0));
        assert!(!starts_entry(Some(1_000.0), 1_200.0));
        assert!(starts_entry(Some(1_000.0), 1_000.0 + SETTLE_MS + 1.0));
    }
}
