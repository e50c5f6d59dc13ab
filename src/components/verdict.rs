//! The verdict in plain words: what it rests on (an example until the user edits), the
//! headline, whether it is stale (an input waits for a fix), and for cost verdicts the odds.
//! Screen readers hear the verdict through a separate live region, only when it changes.

use std::rc::Rc;

use dpu_engine::Report;
use yew::prelude::*;

use super::class_names;
use crate::state::Origin;

/// Props of [`VerdictPanel`].
#[derive(Properties)]
pub struct VerdictPanelProps {
    /// The report.
    pub report: Rc<Report>,
    /// The odds in words (cost verdicts only).
    pub odds: AttrValue,
    /// Where the scenario came from.
    pub origin: Origin,
    /// The preset's title when the scenario is a preset.
    #[prop_or_default]
    pub preset_title: Option<AttrValue>,
    /// The scenario's name ("" for none).
    #[prop_or_default]
    pub name: AttrValue,
    /// The field to fix while the results are stale: (JSON path, label).
    #[prop_or_default]
    pub stale: Option<(AttrValue, AttrValue)>,
    /// Moves focus to a field (the "fix" link).
    pub on_fix: Callback<AttrValue>,
    /// The embed's card: the headline already gives the chance and the median, so the odds
    /// sentence and an example's scenario name (its title is in the origin line) are left out.
    #[prop_or_default]
    pub compact: bool,
    /// The card's heading a blogger set; it replaces the line saying where the scenario
    /// came from.
    #[prop_or_default]
    pub title: Option<AttrValue>,
}

impl PartialEq for VerdictPanelProps {
    /// The same report is the same `Rc` (the page computes one per scenario), so it is
    /// compared by pointer: a deep comparison of reports would be code of its own.
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.report, &other.report)
            && self.odds == other.odds
            && self.origin == other.origin
            && self.preset_title == other.preset_title
            && self.name == other.name
            && self.stale == other.stale
            && self.on_fix == other.on_fix
            && self.title == other.title
    }
}

/// What the scenario is, in a line: an example, a link, a saved scenario, or yours.
/// In the embed's card (`compact`) the numbers to change are right below, not a quick check,
/// and the card sits in someone's post: a link is the post's own scenario, not "yours".
pub fn origin_line(origin: &Origin, preset_title: Option<&str>, compact: bool) -> Option<String> {
    match origin {
        Origin::Example if compact => {
            Some("Example: a 32-host vSphere cluster. Try your own numbers below.".to_owned())
        }
        Origin::Example => Some(
            "Example: a 32-host vSphere cluster. Change the quick check to see your own verdict."
                .to_owned(),
        ),
        Origin::Preset(_) => Some(format!(
            "Example: {}. {}",
            preset_title.unwrap_or("a preset"),
            if compact {
                "Try your own numbers below."
            } else {
                "Change any input to make it yours."
            }
        )),
        Origin::Link if compact => None,
        Origin::Link => Some("The scenario of the link you opened.".to_owned()),
        Origin::Saved(name) => Some(format!(
            "Your saved scenario “{}”.",
            dpu_engine::error::clip(name)
        )),
        Origin::Imported(name) => Some(format!("Imported from {}.", dpu_engine::error::clip(name))),
        Origin::Edited => None,
    }
}

/// `#verdict` with `data-verdict`.
#[component]
pub fn VerdictPanel(props: &VerdictPanelProps) -> Html {
    let r = &props.report;
    let wire = r.verdict.wire();
    let example = props.origin.is_example();
    let line = match &props.title {
        Some(t) if props.compact => Some(t.to_string()),
        _ => origin_line(&props.origin, props.preset_title.as_deref(), props.compact),
    };
    html! {
        <section id="verdict" tabindex="-1"
            class={class_names(&["verdict", &format!("v-{wire}"), if example { "example" } else { "" }, if props.stale.is_some() { "stale" } else { "" }])}
            data-verdict={wire} data-example={example.to_string()} aria-labelledby="verdict-label">
            if let Some(line) = line {
                <p class={class_names(&["origin", if example { "origin-example" } else { "" }])} data-origin="">{line}</p>
            }
            if !(props.name.is_empty() || props.compact && example) {
                <p class="scenario-name">{props.name.clone()}</p>
            }
            // The card's one h1 is its verdict.
            <@{if props.compact { "h1" } else { "h2" }} id="verdict-label" class="verdict-label">{r.verdict.label()}</@>
            <p class="headline">{r.headline.clone()}</p>
            if r.verdict.is_cost_verdict() && !props.compact {
                <p class="odds" data-odds="">{props.odds.clone()}</p>
            }
            if let Some((path, label)) = &props.stale {
                <p class="stale-note" role="status" data-stale={path.clone()}>
                    {"These results are for your last valid input. Fix: "}
                    <button type="button" class="link-button" onclick={props.on_fix.reform({
                        let path = path.clone();
                        move |_: MouseEvent| path.clone()
                    })}>{label.clone()}</button>
                </p>
            }
        </section>
    }
}

/// Props of [`VerdictAnnouncer`].
#[derive(Properties, PartialEq)]
pub struct AnnouncerProps {
    /// What to announce (empty: nothing yet).
    pub text: AttrValue,
}

/// The live region screen readers hear: set only when the verdict itself changes, after the
/// typing settles (the page debounces it), never on every keystroke.
#[component]
pub fn VerdictAnnouncer(props: &AnnouncerProps) -> Html {
    html! {
        <div class="sr-only" role="status" aria-live="polite" aria-atomic="true" data-announcer="">
            {props.text.clone()}
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn props_hold_the_same_report_when_they_hold_the_same_rc() {
        let report = Rc::new(dpu_engine::evaluate(&dpu_engine::Scenario::default()));
        let on_fix = Callback::noop();
        let props = |report: &Rc<Report>, origin: Origin| VerdictPanelProps {
            report: report.clone(),
            odds: AttrValue::Static("odds"),
            origin,
            preset_title: None,
            name: AttrValue::default(),
            stale: None,
            on_fix: on_fix.clone(),
            compact: false,
            title: None,
        };
        assert!(props(&report, Origin::Example) == props(&report, Origin::Example));
        assert!(props(&report, Origin::Example) != props(&report, Origin::Link));
        let recomputed = Rc::new((*report).clone());
        assert!(
            props(&report, Origin::Example) != props(&recomputed, Origin::Example),
            "a report computed again is another report to these props"
        );
    }

    #[test]
    fn examples_say_so_and_yours_do_not() {
        assert!(
            origin_line(&Origin::Example, None, false)
                .is_some_and(|l| l.starts_with("Example") && l.contains("quick check"))
        );
        // The embed's card has no quick check: its numbers are right below.
        assert!(
            origin_line(&Origin::Example, None, true)
                .is_some_and(|l| l.contains("numbers below") && !l.contains("quick check"))
        );
        assert_eq!(
            origin_line(
                &Origin::Preset("hype-case"),
                Some("The article's architect"),
                false
            )
            .as_deref(),
            Some("Example: The article's architect. Change any input to make it yours.")
        );
        // In someone's post the card does not call their scenario "the link you opened".
        assert_eq!(
            origin_line(
                &Origin::Preset("hype-case"),
                Some("The article's architect"),
                true
            )
            .as_deref(),
            Some("Example: The article's architect. Try your own numbers below.")
        );
        assert_eq!(origin_line(&Origin::Link, None, true), None);
        assert_eq!(origin_line(&Origin::Edited, None, false), None);
        let long = origin_line(&Origin::Saved("x".repeat(500)), None, false).unwrap_or_default();
        assert!(long.len() < 100);
    }
}
