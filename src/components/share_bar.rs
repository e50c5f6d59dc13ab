//! Share, export, import and print: the buttons that take a scenario out of the page or
//! bring one in. The work is the engine's (`share::encode`, `render::markdown`, the scenario
//! decoder); this component wires it to the browser.

use std::rc::Rc;

use dpu_engine::{Report, Scenario};
use yew::prelude::*;

use super::embed_panel::{Deployment, EmbedPanel, What, embed_panel};
use crate::notice::Notice;
use crate::params::Theme;

/// Props of [`ShareBar`].
#[derive(Properties)]
pub struct ShareBarProps {
    /// The scenario on screen.
    pub scenario: Rc<Scenario>,
    /// Its report.
    pub report: Rc<Report>,
    /// A scenario read from an imported file, with the file's name.
    pub on_import: Callback<(Scenario, String)>,
    /// A message to show.
    pub on_notice: Callback<Notice>,
    /// The address "Copy link" copies in an embed (the full page with this scenario); empty on
    /// the full page, which copies its own address as it is when the button is pressed.
    pub link: AttrValue,
    /// In an embed: only "Copy link" and the way out to the full calculator.
    #[prop_or_default]
    pub embedded: bool,
    /// Where the page is published (for the embed code).
    #[prop_or_default]
    pub deployment: Deployment,
    /// What the embed code would show.
    pub what: What,
    /// The storage name the iframe snippet carries.
    #[prop_or_default]
    pub iframe_ns: AttrValue,
    /// Opened from disk (the offline file): its address is a local path, often with the
    /// user's name in it, so "Copy link" copies only the `#s=…` part and Embed is not offered.
    #[prop_or_default]
    pub from_disk: bool,
}

impl PartialEq for ShareBarProps {
    /// The same report is the same `Rc` (the page computes one per scenario), so it is
    /// compared by pointer: a deep comparison of reports would be code of its own.
    fn eq(&self, other: &Self) -> bool {
        self.scenario == other.scenario
            && Rc::ptr_eq(&self.report, &other.report)
            && self.on_import == other.on_import
            && self.on_notice == other.on_notice
            && self.link == other.link
            && self.embedded == other.embedded
            && self.deployment == other.deployment
            && self.what == other.what
            && self.iframe_ns == other.iframe_ns
            && self.from_disk == other.from_disk
    }
}

/// A file name for the exported scenario, from its name.
pub fn export_file_name(s: &Scenario) -> String {
    let slug: String = s
        .name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect::<String>()
        .split('-')
        .filter(|p| !p.is_empty())
        .take(8)
        .collect::<Vec<_>>()
        .join("-");
    if slug.is_empty() {
        "dpu-scenario.json".to_owned()
    } else {
        format!("dpu-scenario-{slug}.json")
    }
}

/// Reads an imported file's text as a scenario (the format `dpucheck` reads). Files larger
/// than a scenario can be are refused before parsing (`MAX_SCENARIO_BYTES`).
pub fn import(name: &str, text: &str) -> Result<Scenario, Notice> {
    Scenario::from_json(text)
        .map_err(|e| Notice::ImportInvalid(format!("{}: {e}", dpu_engine::error::clip(name))))
}

/// What a copy button copies and says: the text, the notice when the clipboard took it,
/// the notice when it refused, and a text area to select then, for copying by hand.
pub struct Copy {
    /// What goes on the clipboard.
    pub text: String,
    /// Said when it is there.
    pub copied: Notice,
    /// Said when the browser refused.
    pub refused: Notice,
    /// Selected when the browser refused (its element id).
    pub select: Option<&'static str>,
}

/// Puts a [`Copy`]'s text on the clipboard, then says how it went (one future for every
/// copy button of the page).
pub fn copy(c: Copy, notice: Callback<Notice>) {
    yew::platform::spawn_local(async move {
        if crate::web::copy_text(c.text).await {
            notice.emit(c.copied);
        } else {
            if let Some(id) = c.select {
                crate::web::select_text(id);
            }
            notice.emit(c.refused);
        }
    });
}

/// The share and export buttons.
#[component]
pub fn ShareBar(props: &ShareBarProps) -> Html {
    // The embed code's colours, kept while the page is open.
    let theme = use_state(|| Theme::Auto);
    let on_copy_link = {
        let notice = props.on_notice.clone();
        // From disk, only the scenario: `#s=…`, to put after the published calculator's address.
        let link = if props.from_disk && !props.embedded {
            format!("#s={}", dpu_engine::share::encode(&props.scenario))
        } else {
            props.link.to_string()
        };
        Callback::from(move |_: MouseEvent| {
            // On the full page the address is read when the button is pressed: it follows
            // the scenario after each render, so a value taken while rendering could be one
            // edit behind.
            let link = if link.is_empty() {
                crate::web::address()
            } else {
                link.clone()
            };
            let c = Copy {
                text: link.clone(),
                copied: Notice::LinkCopied,
                refused: Notice::CopyByHand(link.clone()),
                select: None,
            };
            copy(c, notice.clone());
        })
    };
    let on_copy_markdown = {
        let notice = props.on_notice.clone();
        let (scenario, report) = (props.scenario.clone(), props.report.clone());
        let from_disk = props.from_disk;
        Callback::from(move |_: MouseEvent| {
            let text = dpu_engine::render::markdown(&report, &scenario);
            // dpucheck's report, then the way back to this scenario (not a file's path on
            // this computer) and the day it was copied.
            let day = crate::web::today();
            let text = if from_disk {
                format!("{text}\nCopied from DPU Reality Check on {day}.\n")
            } else {
                format!(
                    "{text}\n[Open this scenario in DPU Reality Check]({}), copied on {day}.\n",
                    crate::web::address()
                )
            };
            let c = Copy {
                text,
                copied: Notice::MarkdownCopied,
                refused: Notice::MarkdownByHand,
                select: None,
            };
            copy(c, notice.clone());
        })
    };
    let on_export = {
        let scenario = props.scenario.clone();
        Callback::from(move |_: MouseEvent| {
            let json = scenario.to_json_pretty();
            crate::web::download(&export_file_name(&scenario), "application/json", &json);
        })
    };
    let on_import = {
        let (on_import, notice) = (props.on_import.clone(), props.on_notice.clone());
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            if let Some(read) =
                crate::web::read_chosen_file(&input, dpu_engine::scenario::MAX_SCENARIO_BYTES)
            {
                let (on_import, notice) = (on_import.clone(), notice.clone());
                yew::platform::spawn_local(async move {
                    match read.await {
                        Ok((name, text)) => match import(&name, &text) {
                            Ok(s) => {
                                on_import.emit((s, name.clone()));
                                notice.emit(Notice::Imported(name));
                            }
                            Err(n) => notice.emit(n),
                        },
                        Err(why) => notice.emit(Notice::ImportInvalid(why)),
                    }
                });
            }
            // Choosing the same file again must fire `change` again.
            input.set_value("");
        })
    };
    let on_print = Callback::from(|_: MouseEvent| crate::web::print());
    if props.embedded {
        return html! {
            <div class="share-bar" role="group" aria-label="Share">
                <button type="button" data-action="copy-link" onclick={on_copy_link}
                    title="Copy a link to the full calculator with this scenario">{"Copy link"}</button>
            </div>
        };
    }
    html! {
        <div class="share-bar" role="group" aria-label="Share and export">
            <button type="button" data-action="copy-link" onclick={on_copy_link}
                title="Copy a link that carries this whole scenario">{"Copy link"}</button>
            if props.from_disk {
                <p class="hint" data-disk-share="">{"Opened from disk: this file's address is a path on \
                    your computer (often with your user name), so Copy link copies only the scenario \
                    (#s=…) to put after the published calculator's address, and Embed is offered \
                    on the published page only."}</p>
            } else {
                {embed_panel(&EmbedPanel {
                    deployment: &props.deployment,
                    what: &props.what,
                    iframe_ns: &props.iframe_ns,
                    on_notice: &props.on_notice,
                }, &theme)}
            }
            <button type="button" data-action="copy-markdown" onclick={on_copy_markdown}
                title="Copy the report as Markdown (dpucheck --format markdown, with a link back and the date)">{"Copy as Markdown"}</button>
            <button type="button" data-action="export-json" onclick={on_export}
                title="Download the scenario as JSON (the format dpucheck reads)">{"Export JSON"}</button>
            <label class="button file">
                {"Import JSON"}
                <input type="file" accept=".json,application/json" data-action="import-json" onchange={on_import} />
            </label>
            <button type="button" data-action="print" onclick={on_print}>{"Print"}</button>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_are_slugs() {
        let mut s = Scenario::default();
        assert_eq!(export_file_name(&s), "dpu-scenario.json");
        s.name = "ESXi onto Pensando DPUs — to run bare metal!".to_owned();
        assert_eq!(
            export_file_name(&s),
            "dpu-scenario-esxi-onto-pensando-dpus-to-run-bare-metal.json"
        );
    }

    #[test]
    fn imports_read_the_cli_format_and_name_bad_fields() {
        let s = import("a.json", r#"{"fleet": {"hosts": 12}}"#).unwrap();
        assert_eq!(s.fleet.hosts, 12);
        let exported = Scenario::default().to_json_pretty();
        assert_eq!(import("b.json", &exported).unwrap(), Scenario::default());
        match import("bad.json", r#"{"fleet": {"hosts": -1}}"#) {
            Err(Notice::ImportInvalid(why)) => {
                assert!(why.contains("bad.json: fleet.hosts"), "{why}")
            }
            other => panic!("{other:?}"),
        }
        assert!(import("x.json", "not json").is_err());
        let huge = format!("{{\"name\": \"{}\"}}", "x".repeat(200_000));
        match import("big.json", &huge) {
            Err(Notice::ImportInvalid(why)) => assert!(why.contains("at most 65,536"), "{why}"),
            other => panic!("{other:?}"),
        }
    }
}
