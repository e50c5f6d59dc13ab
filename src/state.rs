//! The page's one piece of state: the scenario being edited and the texts it could not take.
//!
//! `reduce` is pure (clone once, change, return): no storage, timers or DOM, so it is tested
//! natively by calling it. Every edit goes through the engine (`Scenario::with_text` or
//! `validate`); the page does no arithmetic of its own.

use std::collections::BTreeMap;
use std::rc::Rc;

use dpu_engine::Scenario;
use dpu_engine::choice::{Feature, Goal};
use yew::Reducible;

/// A text the scenario refused: what was typed and what is wrong with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rejected {
    /// The raw text, shown back in the field so nothing typed is lost.
    pub text: String,
    /// The engine's message, naming the field and what is allowed.
    pub message: String,
}

/// The scenario (always valid) and the rejected texts by JSON path.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct State {
    /// The last valid scenario; the report is computed from it.
    pub scenario: Scenario,
    /// Texts typed into fields that the scenario could not take, by the field's JSON path.
    pub rejected: BTreeMap<String, Rejected>,
    /// The preset last loaded (`None` for the defaults).
    pub preset: Option<&'static str>,
}

impl State {
    /// The state for a scenario, with nothing rejected.
    pub fn new(scenario: Scenario, preset: Option<&'static str>) -> Self {
        State {
            scenario,
            rejected: BTreeMap::new(),
            preset,
        }
    }

    /// What was wrong with the text at `path`, if it was refused.
    pub fn rejected(&self, path: &str) -> Option<&Rejected> {
        self.rejected.get(path)
    }
}

/// Everything the page can do to the state.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// Set the field at a JSON path from what was typed or picked (numbers, true/false,
    /// list values by wire name, text).
    SetText {
        /// JSON path, e.g. `traffic.gbps_per_host`.
        path: String,
        /// The raw text.
        text: String,
    },
    /// Tick or untick a goal.
    SetGoal(Goal, bool),
    /// Tick or untick a feature relied on.
    SetFeature(Feature, bool),
    /// Replace the whole scenario (a preset or the defaults), dropping rejected texts.
    Load(Box<Scenario>, Option<&'static str>),
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        Rc::new(reduce(&self, action))
    }
}

/// The next state after `action`. Pure.
pub fn reduce(state: &State, action: Action) -> State {
    let mut next = state.clone();
    match action {
        Action::SetText { path, text } => match state.scenario.with_text(&path, &text) {
            Ok(scenario) => {
                next.scenario = scenario;
                next.rejected.remove(&path);
                retry_rejected(&mut next);
            }
            Err(e) => {
                next.rejected.insert(
                    path,
                    Rejected {
                        text,
                        message: e.to_string(),
                    },
                );
            }
        },
        Action::SetGoal(goal, on) => {
            let mut scenario = state.scenario.clone();
            toggle(&mut scenario.goals, goal, on);
            set_if_valid(&mut next, scenario, "goals");
        }
        Action::SetFeature(feature, on) => {
            let mut scenario = state.scenario.clone();
            toggle(&mut scenario.features, feature, on);
            set_if_valid(&mut next, scenario, "features");
        }
        Action::Load(scenario, preset) => next = State::new(*scenario, preset),
    }
    next
}

/// Puts `item` at the end of `list` (on) or takes it out (off), at most once either way.
fn toggle<T: PartialEq>(list: &mut Vec<T>, item: T, on: bool) {
    list.retain(|x| *x != item);
    if on {
        list.push(item);
    }
}

fn set_if_valid(next: &mut State, scenario: Scenario, path: &str) {
    match scenario.validate() {
        Ok(()) => {
            next.scenario = scenario;
            next.rejected.remove(path);
        }
        Err(e) => {
            next.rejected.insert(
                path.to_owned(),
                Rejected {
                    text: String::new(),
                    message: e.to_string(),
                },
            );
        }
    }
}

/// After a successful edit, a text refused earlier may now fit (e.g. a `low` above `likely`
/// once `likely` is raised): apply those and forget them.
fn retry_rejected(next: &mut State) {
    let pending: Vec<(String, String)> = next
        .rejected
        .iter()
        .map(|(p, r)| (p.clone(), r.text.clone()))
        .collect();
    for (path, text) in pending {
        if let Ok(scenario) = next.scenario.with_text(&path, &text) {
            next.scenario = scenario;
            next.rejected.remove(&path);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(state: &State, path: &str, text: &str) -> State {
        reduce(
            state,
            Action::SetText {
                path: path.to_owned(),
                text: text.to_owned(),
            },
        )
    }

    #[track_caller]
    fn check_rejected(path: &str, text: &str) {
        let start = State::default();
        let next = set(&start, path, text);
        assert_eq!(
            next.scenario, start.scenario,
            "{path} = {text:?} must keep the scenario"
        );
        let r = next.rejected(path).expect("rejected");
        assert_eq!(r.text, text);
        assert!(
            r.message.contains(path),
            "message {:?} names {path}",
            r.message
        );
    }

    #[track_caller]
    fn check_accepted(path: &str, text: &str) -> State {
        let next = set(&State::default(), path, text);
        assert!(
            next.rejected.is_empty(),
            "{path} = {text:?}: {:?}",
            next.rejected
        );
        assert_ne!(
            next.scenario,
            Scenario::default(),
            "{path} = {text:?} changes the scenario"
        );
        next
    }

    #[test]
    fn bad_texts_are_kept_and_explained() {
        check_rejected("traffic.gbps_per_host", "-1");
        check_rejected("traffic.gbps_per_host", "abc");
        check_rejected("traffic.gbps_per_host", "");
        check_rejected("traffic.avg_packet_bytes", "10");
        check_rejected("fleet.hosts", "0");
        check_rejected("fleet.hosts", "1.5");
        check_rejected("dpu.per_host", "3");
        check_rejected("costs.pue", "0.5");
        check_rejected("platform.kind", "xen");
        check_rejected("assumptions.offload_fraction.high", "2");
        check_rejected("assumptions.vswitch_gbps_per_core.low", "11");
    }

    #[test]
    fn good_texts_change_the_scenario() {
        let s = check_accepted("traffic.gbps_per_host", "40").scenario;
        assert_eq!(s.traffic.gbps_per_host, 40.0);
        check_accepted("traffic.gbps_per_host", " 2.5 ");
        check_accepted("platform.kind", "kvm_ovs");
        check_accepted("traffic.overlay", "false");
        check_accepted("costs.currency", "EUR");
        check_accepted("name", "My plan");
        let s = check_accepted("assumptions.offload_fraction.likely", "0.6").scenario;
        assert_eq!(s.assumptions.offload_fraction.likely, 0.6);
    }

    #[test]
    fn a_good_text_clears_the_field_error() {
        let bad = set(&State::default(), "fleet.hosts", "0");
        let good = set(&bad, "fleet.hosts", "10");
        assert!(good.rejected.is_empty());
        assert_eq!(good.scenario.fleet.hosts, 10);
    }

    #[test]
    fn an_earlier_rejection_is_retried() {
        let low = "assumptions.vswitch_gbps_per_core.low";
        let high = "assumptions.vswitch_gbps_per_core.high";
        let likely = "assumptions.vswitch_gbps_per_core.likely";
        let s = set(&State::default(), low, "12");
        assert!(s.rejected(low).is_some());
        let s = set(&s, high, "30");
        let s = set(&s, likely, "20");
        assert!(s.rejected.is_empty(), "{:?}", s.rejected);
        assert_eq!(s.scenario.assumptions.vswitch_gbps_per_core.low, 12.0);
    }

    #[test]
    fn goals_and_features_toggle() {
        let s = reduce(
            &State::default(),
            Action::SetGoal(Goal::SaveRackSpace, true),
        );
        assert!(s.scenario.has_goal(Goal::SaveRackSpace));
        assert!(s.scenario.has_goal(Goal::FreeHostCpu));
        let s = reduce(&s, Action::SetGoal(Goal::SaveRackSpace, true));
        assert_eq!(
            s.scenario
                .goals
                .iter()
                .filter(|g| **g == Goal::SaveRackSpace)
                .count(),
            1
        );
        let s = reduce(&s, Action::SetGoal(Goal::FreeHostCpu, false));
        assert_eq!(s.scenario.goals, vec![Goal::SaveRackSpace]);
        let s = reduce(&s, Action::SetFeature(Feature::Nioc, true));
        assert!(s.scenario.relies_on(Feature::Nioc));
        let s = reduce(&s, Action::SetFeature(Feature::Nioc, false));
        assert!(s.scenario.features.is_empty());
    }

    #[test]
    fn load_replaces_everything() {
        let bad = set(&State::default(), "fleet.hosts", "0");
        let hype = dpu_engine::presets::preset("hype-case").expect("preset");
        let scenario = hype.scenario().expect("valid preset");
        let s = reduce(
            &bad,
            Action::Load(Box::new(scenario.clone()), Some(hype.name)),
        );
        assert!(s.rejected.is_empty());
        assert_eq!(s.scenario, scenario);
        assert_eq!(s.preset, Some("hype-case"));
        let s = reduce(&s, Action::Load(Box::default(), None));
        assert_eq!(s, State::default());
    }
}
