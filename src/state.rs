//! The page's one piece of state: the scenario being edited, the texts it could not take,
//! where the scenario came from, and what Undo would bring back.
//!
//! `reduce` is pure (clone once, change, return): no storage, timers or DOM, so it is tested
//! natively by calling it. Every edit goes through the engine (`Scenario::with_text` or
//! `validate`); the page does no arithmetic of its own.

use std::rc::Rc;

use dpu_engine::Scenario;
use dpu_engine::choice::{Feature, Goal};
use dpu_engine::fields::person_message;
use yew::Reducible;

/// A text the scenario refused: what was typed and what is wrong with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rejected {
    /// The raw text, shown back in the field so nothing typed is lost.
    pub text: String,
    /// What is wrong and what to enter, in plain words with the allowed range.
    pub message: String,
}

/// Where the scenario on screen came from: until the user edits it, the page says so.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// The default scenario, shown as an example.
    Example,
    /// A preset, shown as an example.
    Preset(&'static str),
    /// A shared link.
    Link,
    /// A scenario saved in this browser.
    Saved(String),
    /// An imported file.
    Imported(String),
    /// The user changed something.
    Edited,
}

impl Origin {
    /// Whether the page shows something the user did not enter (an example).
    pub fn is_example(&self) -> bool {
        matches!(self, Origin::Example | Origin::Preset(_))
    }
}

/// What Undo brings back, and why it is offered.
#[derive(Debug, Clone, PartialEq)]
pub struct Undo {
    /// The state before the change (without its own undo).
    pub before: Box<State>,
    /// What happened, for the button: "Reset", "Switched to a preset".
    pub what: &'static str,
}

/// The scenario (always valid), the rejected texts by JSON path, and its history.
#[derive(Debug, Clone, PartialEq)]
pub struct State {
    /// The last valid scenario; the report is computed from it.
    pub scenario: Scenario,
    /// Texts typed into fields that the scenario could not take, with the field's JSON path,
    /// sorted by path. (A handful at most: a sorted list, not a `BTreeMap`, whose code would
    /// be a second copy in the page beside Yew's.)
    pub rejected: Vec<(String, Rejected)>,
    /// The preset last loaded (`None` for the defaults or anything else).
    pub preset: Option<&'static str>,
    /// Where the scenario came from.
    pub origin: Origin,
    /// What Undo would restore, offered for a few seconds after Reset or a preset switch.
    pub undo: Option<Undo>,
}

impl Default for State {
    fn default() -> Self {
        State::new(Scenario::default(), None, Origin::Example)
    }
}

impl State {
    /// The state for a scenario, with nothing rejected.
    pub fn new(scenario: Scenario, preset: Option<&'static str>, origin: Origin) -> Self {
        State {
            scenario,
            rejected: Vec::new(),
            preset,
            origin,
            undo: None,
        }
    }

    /// What was wrong with the text at `path`, if it was refused.
    pub fn rejected(&self, path: &str) -> Option<&Rejected> {
        self.rejected
            .iter()
            .find(|(p, _)| p == path)
            .map(|(_, r)| r)
    }

    /// The first field whose text was refused: the results are stale until it is fixed.
    pub fn first_rejected(&self) -> Option<&str> {
        self.rejected.first().map(|(p, _)| p.as_str())
    }

    /// Records the text refused at `path` (replacing an earlier one there).
    fn reject(&mut self, path: String, r: Rejected) {
        match self.rejected.binary_search_by(|(p, _)| p.cmp(&path)) {
            Ok(at) => self.rejected[at].1 = r,
            Err(at) => self.rejected.insert(at, (path, r)),
        }
    }

    /// Forgets the text refused at `path`.
    fn accept(&mut self, path: &str) {
        self.rejected.retain(|(p, _)| p != path);
    }
}

/// Everything the page can do to the state.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// Set the field at a JSON path from what was typed or picked (numbers, true/false,
    /// list values by wire name, text); an empty text unsets an optional field.
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
    /// Replace the whole scenario (a link, a saved scenario, an import, Back/Forward),
    /// dropping rejected texts.
    Load(Box<Scenario>, Origin),
    /// Replace the whole state (Back and Forward: what the address asks for).
    Replace(Box<State>),
    /// Load a preset by name (Undo can bring back what was there).
    Preset(&'static str),
    /// Back to the defaults (Undo can bring back what was there).
    Reset,
    /// Bring back what Reset or a preset switch replaced.
    Undo,
    /// The time to undo has passed.
    ForgetUndo,
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        Rc::new(reduce(&self, action))
    }
}

/// The scenario of a preset (every preset is valid; the engine's tests check it).
pub fn preset_scenario(name: &str) -> Option<(Scenario, &'static str)> {
    let p = dpu_engine::presets::preset(name)?;
    Some((p.scenario().ok()?, p.name))
}

/// The next state after `action`. Pure.
pub fn reduce(state: &State, action: Action) -> State {
    let mut next = state.clone();
    match action {
        Action::SetText { path, text } => match state.scenario.with_text(&path, &text) {
            Ok(scenario) => {
                edited(&mut next, scenario);
                next.accept(&path);
                retry_rejected(&mut next);
            }
            Err(e) => {
                let message = person_message(&e, &text, &state.scenario.costs.currency);
                // A point of a range that breaks the order is marked where it was typed.
                next.reject(path, Rejected { text, message });
            }
        },
        Action::SetGoal(goal, on) => {
            let mut scenario = state.scenario.clone();
            toggle(&mut scenario.goals, goal, on);
            edited(&mut next, scenario);
        }
        Action::SetFeature(feature, on) => {
            let mut scenario = state.scenario.clone();
            toggle(&mut scenario.features, feature, on);
            edited(&mut next, scenario);
        }
        Action::Load(scenario, origin) => next = State::new(*scenario, None, origin),
        Action::Replace(state) => next = *state,
        Action::Preset(name) => {
            if let Some((scenario, name)) = preset_scenario(name) {
                next = State::new(scenario, Some(name), Origin::Preset(name));
                next.undo = undo_of(state, "Switched to a preset");
            }
        }
        Action::Reset => {
            next = State::default();
            next.undo = undo_of(state, "Reset to the example");
        }
        Action::Undo => {
            if let Some(undo) = &state.undo {
                next = (*undo.before).clone();
            }
        }
        Action::ForgetUndo => next.undo = None,
    }
    next
}

fn undo_of(state: &State, what: &'static str) -> Option<Undo> {
    let mut before = state.clone();
    before.undo = None;
    Some(Undo {
        before: Box::new(before),
        what,
    })
}

/// A user edit: the new scenario, no longer an example, and no undo of an older change.
fn edited(next: &mut State, scenario: Scenario) {
    if scenario != next.scenario {
        next.origin = Origin::Edited;
        next.undo = None;
    }
    next.scenario = scenario;
}

/// Puts `item` at the end of `list` (on) or takes it out (off), at most once either way.
fn toggle<T: PartialEq>(list: &mut Vec<T>, item: T, on: bool) {
    list.retain(|x| *x != item);
    if on {
        list.push(item);
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
            next.accept(&path);
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
    fn check_rejected(path: &str, text: &str, says: &str) {
        let start = State::default();
        let next = set(&start, path, text);
        assert_eq!(
            next.scenario, start.scenario,
            "{path} = {text:?} must keep the scenario"
        );
        let r = next.rejected(path).expect("rejected");
        assert_eq!(r.text, text);
        assert!(
            r.message.contains(says),
            "message {:?} for {path}",
            r.message
        );
        assert_eq!(next.first_rejected(), Some(path));
    }

    #[test]
    fn bad_texts_are_kept_and_explained_in_plain_words() {
        check_rejected("traffic.gbps_per_host", "-1", "from 0 to 10,000 Gb/s");
        check_rejected(
            "traffic.gbps_per_host",
            "abc",
            "Traffic per host: “abc” is not allowed",
        );
        check_rejected(
            "traffic.gbps_per_host",
            "",
            "Traffic per host: enter a value",
        );
        check_rejected("traffic.avg_packet_bytes", "10", "from 64 to 9,216 bytes");
        check_rejected("fleet.hosts", "0", "whole number from 1");
        check_rejected("fleet.hosts", "1.5", "Hosts: enter a whole number");
        check_rejected("dpu.per_host", "3", "from 1 to 2");
        check_rejected("costs.pue", "0.5", "from 1 to 10");
        check_rejected("platform.kind", "xen", "one of the listed values");
        check_rejected(
            "assumptions.offload_fraction.high",
            "200",
            "from 0 % to 100 %",
        );
        check_rejected(
            "assumptions.vswitch_gbps_per_core.low",
            "11",
            "must not be above likely",
        );
        check_rejected("name", "two\nlines", "one line");
    }

    #[test]
    fn good_texts_change_the_scenario() {
        let s = set(&State::default(), "traffic.gbps_per_host", "40");
        assert_eq!(s.scenario.traffic.gbps_per_host, 40.0);
        assert_eq!(s.origin, Origin::Edited);
        // A decimal comma, and a share typed as a percentage.
        assert_eq!(
            set(&State::default(), "traffic.gbps_per_host", "2,5")
                .scenario
                .traffic
                .gbps_per_host,
            2.5
        );
        let s = set(
            &State::default(),
            "assumptions.offload_fraction.likely",
            "60",
        )
        .scenario;
        assert_eq!(s.assumptions.offload_fraction.map(|r| r.likely), Some(0.6));
        assert!(
            !set(&State::default(), "traffic.overlay", "false")
                .scenario
                .traffic
                .overlay
        );
        assert_eq!(
            set(&State::default(), "costs.currency", "EUR")
                .scenario
                .costs
                .currency,
            "EUR"
        );
    }

    #[test]
    fn the_same_value_is_no_edit() {
        let s = set(&State::default(), "traffic.gbps_per_host", "10");
        assert_eq!(s.origin, Origin::Example);
        assert!(s.origin.is_example());
    }

    #[test]
    fn a_good_text_clears_the_field_error() {
        let bad = set(&State::default(), "fleet.hosts", "0");
        let good = set(&bad, "fleet.hosts", "10");
        assert!(good.rejected.is_empty());
        assert_eq!(good.scenario.fleet.hosts, 10);
        assert_eq!(good.first_rejected(), None);
    }

    #[test]
    fn an_earlier_rejection_is_retried() {
        let low = "assumptions.vswitch_gbps_per_core.low";
        let s = set(&State::default(), low, "12");
        assert!(s.rejected(low).is_some());
        let s = set(&s, "assumptions.vswitch_gbps_per_core.high", "30");
        let s = set(&s, "assumptions.vswitch_gbps_per_core.likely", "20");
        assert!(s.rejected.is_empty(), "{:?}", s.rejected);
        assert_eq!(
            s.scenario.assumptions.vswitch_gbps_per_core.map(|r| r.low),
            Some(12.0)
        );
    }

    #[test]
    fn goals_and_features_toggle() {
        let s = reduce(
            &State::default(),
            Action::SetGoal(Goal::SaveRackSpace, true),
        );
        assert!(s.scenario.has_goal(Goal::SaveRackSpace) && s.scenario.has_goal(Goal::FreeHostCpu));
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
        // Unticking every goal is allowed: the engine says "no goal" (check the inputs).
        let s = reduce(&s, Action::SetGoal(Goal::SaveRackSpace, false));
        assert!(s.scenario.goals.is_empty() && s.rejected.is_empty());
    }

    #[test]
    fn presets_and_reset_can_be_undone() {
        let edited = set(&State::default(), "fleet.hosts", "7");
        let p = reduce(&edited, Action::Preset("hype-case"));
        assert_eq!(
            (p.preset, p.origin.clone()),
            (Some("hype-case"), Origin::Preset("hype-case"))
        );
        assert!(p.origin.is_example());
        let back = reduce(&p, Action::Undo);
        assert_eq!(back.scenario.fleet.hosts, 7);
        assert_eq!(back.undo, None);
        let r = reduce(&p, Action::Reset);
        assert_eq!(r.scenario, Scenario::default());
        assert_eq!(reduce(&r, Action::Undo).preset, Some("hype-case"));
        assert_eq!(reduce(&r, Action::ForgetUndo).undo, None);
        // An edit ends the chance to undo an older change.
        assert_eq!(set(&r, "fleet.hosts", "9").undo, None);
        // An unknown preset changes nothing.
        assert_eq!(reduce(&edited, Action::Preset("nope")), edited);
    }

    #[test]
    fn load_replaces_everything() {
        let bad = set(&State::default(), "fleet.hosts", "0");
        let (scenario, _) = preset_scenario("hype-case").expect("preset");
        let s = reduce(&bad, Action::Load(Box::new(scenario.clone()), Origin::Link));
        assert!(s.rejected.is_empty());
        assert_eq!(
            (s.scenario, s.origin, s.preset),
            (scenario, Origin::Link, None)
        );
    }
}
