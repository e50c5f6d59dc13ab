//! "Embed": the code a blogger pastes to show the scenario on screen in a post. The loader
//! snippet (a `div` with a link for readers without JavaScript, and `embed.js`) names the
//! preset when the scenario is one, else the link; pinning the content-hashed loader with its
//! integrity hash is an option, for hosts that send CORS headers; a plain `iframe` serves
//! platforms that allow iframes but not scripts. The panel stays on screen at any width and
//! folds with Escape. The addresses are those of the deployment the page was loaded from.

use yew::prelude::*;

use super::share_bar::Copy;
use crate::notice::Notice;
use crate::params::Theme;

/// Where the page is published and which loader it offers.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Deployment {
    /// The deployment's root address, ending in `/` (where `index.html` and `embed.js` are).
    pub root: String,
    /// The content-hashed loader and its SRI hash, when the build published them.
    pub loader: Option<(String, String)>,
    /// Whether the build published pre-rendered pages (`presets/<name>/`, `embed/<name>/`).
    pub pages: bool,
}

/// What to embed: a preset by name, or the scenario's link (`1.…`, the `#s=` value).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum What {
    /// An unedited preset.
    Preset(String),
    /// Anything else.
    Link(String),
    /// The default scenario.
    Default,
}

/// The `sandbox` of every iframe we hand out, the loader's (`assets/embed.js`, `SANDBOX`)
/// and the pasted one: scripts on the card's own origin (its wasm and its saved list), forms
/// (the Save form: without it the browser blocks the submit event the page handles; the
/// form has no action and sends nothing), "Open the full analysis" in a new tab free of the
/// sandbox, and downloads (exporting an unreadable saved list). No modals, top navigation,
/// pointer lock or presentation. The card's origin is the calculator's, never the post's, so
/// `allow-same-origin` gives it nothing of the host page.
pub const IFRAME_SANDBOX: &str = "allow-scripts allow-same-origin allow-forms allow-popups allow-popups-to-escape-sandbox allow-downloads";

fn attr(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// The height a pasted `div` asks for before the card reports its own (`data-height`): a
/// card measured in a 700 px column (the e2e suite keeps every card under 900 px there), so
/// the post hardly moves when the card loads.
pub const CARD_HEIGHT: u32 = 800;

/// Where a reader without JavaScript (or in a feed reader) goes: the scenario's full page.
fn page(d: &Deployment, what: &What) -> String {
    match what {
        What::Preset(name) if d.pages => format!("{}presets/{name}/", d.root),
        What::Preset(name) => format!("{}?preset={name}", d.root),
        What::Link(link) => format!("{}#s={link}", d.root),
        What::Default => d.root.clone(),
    }
}

/// The `div` and `script` a post needs. The `div` has the id `id` and the loader's tag names
/// it in `data-embeds`, so only this embed mounts from this tag: a calculator planted in a
/// comment stays empty (pasting the snippet twice gives two tags, each mounting its own).
/// Inside the `div`, a link to the scenario for readers without JavaScript; the loader
/// replaces it with the card. By default the plain `embed.js`, which any static host serves
/// to any post; `pinned` gives the content-hashed loader with its integrity hash, which the
/// browser loads only from a host that sends `Access-Control-Allow-Origin`.
pub fn loader_snippet(d: &Deployment, what: &What, theme: Theme, id: &str, pinned: bool) -> String {
    let id = attr(id);
    let target = match what {
        What::Preset(name) => format!(r#" data-preset="{}""#, attr(name)),
        What::Link(link) => format!(r#" data-link="{}""#, attr(&format!("{}#s={link}", d.root))),
        What::Default => String::new(),
    };
    let script = match (&d.loader, pinned) {
        (Some((file, integrity)), true) => format!(
            r#"<script src="{}" integrity="{}" crossorigin="anonymous" referrerpolicy="no-referrer" data-embeds="{id}"></script>"#,
            attr(&format!("{}{file}", d.root)),
            attr(integrity)
        ),
        _ => format!(
            r#"<script src="{}" referrerpolicy="no-referrer" data-embeds="{id}"></script>"#,
            attr(&format!("{}embed.js", d.root))
        ),
    };
    format!(
        "<div id=\"{id}\" data-dpu-reality-check{target} data-theme=\"{}\" data-height=\"{CARD_HEIGHT}\">\
         <a href=\"{}\">DPU Reality Check: open this scenario</a></div>\n{script}",
        theme.attr(),
        attr(&page(d, what))
    )
}

/// The plain `iframe`, of a fixed height, with its own storage name `ns`: the pre-rendered
/// card of the preset (or of the default) where the build has them. The storage name rides
/// in the fragment beside the link, so the calculator's host never sees it.
pub fn iframe_snippet(d: &Deployment, what: &What, theme: Theme, ns: &str) -> String {
    let params = format!("theme={}", theme.attr());
    let fragment = match what {
        What::Link(link) => format!("#ns={ns}&s={link}"),
        _ => format!("#ns={ns}"),
    };
    let src = match (d.pages, what) {
        (true, What::Preset(name)) => format!("{}embed/{name}/?{params}{fragment}", d.root),
        (true, _) => format!("{}embed/?{params}{fragment}", d.root),
        (false, What::Preset(name)) => {
            format!("{}?embed=1&{params}&preset={name}{fragment}", d.root)
        }
        (false, _) => format!("{}?embed=1&{params}{fragment}", d.root),
    };
    // The title names the scenario, as the loader's does.
    let title = match what {
        What::Preset(name) => name.replace('-', " "),
        What::Link(_) => "a shared scenario".to_owned(),
        What::Default => "calculator".to_owned(),
    };
    format!(
        "<iframe src=\"{}\" title=\"DPU Reality Check: {}\" width=\"100%\" height=\"900\" \
         loading=\"lazy\" referrerpolicy=\"no-referrer\" sandbox=\"{IFRAME_SANDBOX}\" \
         allow=\"clipboard-write\" style=\"border:0\"></iframe>",
        attr(&src),
        attr(&title)
    )
}

/// What [`embed_panel`] shows.
pub struct EmbedPanel<'a> {
    /// Where the page is published.
    pub deployment: &'a Deployment,
    /// What to embed.
    pub what: &'a What,
    /// The storage name for the iframe snippet (chosen once per page).
    pub iframe_ns: &'a str,
    /// A message to show.
    pub on_notice: &'a Callback<Notice>,
}

/// The Embed action and its panel, in the colours `theme` holds.
pub fn embed_panel(p: &EmbedPanel, theme: &UseStateHandle<Theme>) -> Html {
    let id = format!("dpu-{}", p.iframe_ns.trim_start_matches("iframe-"));
    let loader = loader_snippet(p.deployment, p.what, **theme, &id, false);
    let pinned = p
        .deployment
        .loader
        .is_some()
        .then(|| loader_snippet(p.deployment, p.what, **theme, &id, true));
    let iframe = iframe_snippet(p.deployment, p.what, **theme, p.iframe_ns);
    let on_theme = {
        let theme = theme.clone();
        Callback::from(move |e: Event| {
            let el: web_sys::HtmlSelectElement = e.target_unchecked_into();
            theme.set(match el.value().as_str() {
                "light" => Theme::Light,
                "dark" => Theme::Dark,
                _ => Theme::Auto,
            });
        })
    };
    let copy = |id: &'static str, text: String| {
        let notice = p.on_notice.clone();
        Callback::from(move |_: MouseEvent| {
            let c = Copy {
                text: text.clone(),
                copied: Notice::SnippetCopied,
                refused: Notice::SnippetByHand,
                select: Some(id),
            };
            super::share_bar::copy(c, notice.clone());
        })
    };
    // Escape and Close fold the panel and give the focus back to its Embed button.
    let close = |e: &Event| {
        use wasm_bindgen::JsCast;
        let panel = e
            .target_unchecked_into::<web_sys::Element>()
            .closest("details")
            .ok()
            .flatten();
        if let Some(panel) = panel {
            let _ = panel.remove_attribute("open");
            if let Some(button) = panel.first_element_child() {
                let _ = button.unchecked_into::<web_sys::HtmlElement>().focus();
            }
        }
    };
    let on_key = Callback::from(move |e: KeyboardEvent| {
        if e.key() == "Escape" {
            close(&e);
        }
    });
    let on_close = Callback::from(move |e: MouseEvent| close(&e));
    html! {
        <details class="embed-panel" data-embed-panel="" onkeydown={on_key}>
            <summary class="button" data-action="embed">{"Embed"}</summary>
            <div class="embed-body" role="group" aria-label="Embed">
                <p>{"Paste this into a post to show this scenario; readers can change it in place. \
                    Nothing they type leaves their browser."}</p>
                <div class="field">
                    <label for="embed-theme">{"Colours"}</label>
                    <select id="embed-theme" onchange={on_theme}>
                        <option value="auto" selected={**theme == Theme::Auto}>{"Follow the reader's setting"}</option>
                        <option value="light" selected={**theme == Theme::Light}>{"Light"}</option>
                        <option value="dark" selected={**theme == Theme::Dark}>{"Dark"}</option>
                    </select>
                </div>
                <label for="embed-loader">{"With the loader script (works on any host, sizes itself to its content)"}</label>
                <textarea id="embed-loader" readonly=true rows="4" data-snippet="loader" value={loader.clone()} />
                <button type="button" data-action="copy-loader" onclick={copy("embed-loader", loader)}>{"Copy embed code"}</button>
                if let Some(pinned) = pinned {
                    <details>
                        <summary>{"Pin this version of the loader (integrity hash)"}</summary>
                        <label for="embed-pinned">{"Only if the calculator's host sends Access-Control-Allow-Origin (GitHub Pages does); without it the post shows nothing"}</label>
                        <textarea id="embed-pinned" readonly=true rows="4" data-snippet="pinned" value={pinned.clone()} />
                        <button type="button" data-action="copy-pinned" onclick={copy("embed-pinned", pinned)}>{"Copy pinned code"}</button>
                    </details>
                }
                <label for="embed-iframe">{"Without scripts: a plain iframe, 900 px high (on a phone the card scrolls inside it)"}</label>
                <textarea id="embed-iframe" readonly=true rows="3" data-snippet="iframe" value={iframe.clone()} />
                <button type="button" data-action="copy-iframe" onclick={copy("embed-iframe", iframe)}>{"Copy iframe code"}</button>
                {" "}<button type="button" data-action="close-embed" onclick={on_close}>{"Close"}</button>
            </div>
        </details>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn deployment() -> Deployment {
        Deployment {
            root: "https://example.org/tools/dpu/".into(),
            loader: Some(("embed-0123456789.js".into(), "sha384-abc".into())),
            pages: true,
        }
    }

    #[test]
    fn the_loader_snippet_names_the_preset_or_the_link() {
        let d = deployment();
        // By default the plain loader, which any static host serves to any post, with a link
        // for readers without JavaScript and the card's height before it reports its own.
        assert_eq!(
            loader_snippet(
                &d,
                &What::Preset("hype-case".into()),
                Theme::Dark,
                "dpu-1a",
                false
            ),
            "<div id=\"dpu-1a\" data-dpu-reality-check data-preset=\"hype-case\" data-theme=\"dark\" data-height=\"800\">\
             <a href=\"https://example.org/tools/dpu/presets/hype-case/\">DPU Reality Check: open this scenario</a></div>\n\
             <script src=\"https://example.org/tools/dpu/embed.js\" referrerpolicy=\"no-referrer\" data-embeds=\"dpu-1a\"></script>"
        );
        // Pinned on request: the content-hashed loader and its integrity hash.
        let s = loader_snippet(
            &d,
            &What::Preset("hype-case".into()),
            Theme::Dark,
            "dpu-1a",
            true,
        );
        assert!(s.ends_with("<script src=\"https://example.org/tools/dpu/embed-0123456789.js\" integrity=\"sha384-abc\" crossorigin=\"anonymous\" referrerpolicy=\"no-referrer\" data-embeds=\"dpu-1a\"></script>"), "{s}");
        let s = loader_snippet(&d, &What::Link("1.eyJ9".into()), Theme::Auto, "x", false);
        assert!(s.starts_with("<div id=\"x\" data-dpu-reality-check data-link=\"https://example.org/tools/dpu/#s=1.eyJ9\" data-theme=\"auto\" data-height=\"800\"><a href=\"https://example.org/tools/dpu/#s=1.eyJ9\">"), "{s}");
        let plain = Deployment {
            loader: None,
            pages: false,
            ..d
        };
        let s = loader_snippet(
            &plain,
            &What::Preset("nfv-heavy".into()),
            Theme::Auto,
            "x",
            true,
        );
        assert!(
            s.contains("<a href=\"https://example.org/tools/dpu/?preset=nfv-heavy\">"),
            "{s}"
        );
        assert!(
            loader_snippet(&plain, &What::Default, Theme::Auto, "x", true)
                .ends_with("<script src=\"https://example.org/tools/dpu/embed.js\" referrerpolicy=\"no-referrer\" data-embeds=\"x\"></script>")
        );
    }

    #[test]
    fn the_iframe_keeps_the_link_in_the_fragment() {
        let d = deployment();
        let s = iframe_snippet(
            &d,
            &What::Link("1.eyJ9".into()),
            Theme::Light,
            "iframe-1a2b",
        );
        assert!(s.contains("src=\"https://example.org/tools/dpu/embed/?theme=light#ns=iframe-1a2b&amp;s=1.eyJ9\""), "{s}");
        assert!(
            s.contains(" title=\"DPU Reality Check: a shared scenario\" "),
            "{s}"
        );
        let s = iframe_snippet(
            &d,
            &What::Preset("nfv-heavy".into()),
            Theme::Auto,
            "iframe-1",
        );
        assert!(
            s.contains(
                "src=\"https://example.org/tools/dpu/embed/nfv-heavy/?theme=auto#ns=iframe-1\""
            ),
            "{s}"
        );
        assert!(
            s.contains(" title=\"DPU Reality Check: nfv heavy\" "),
            "{s}"
        );
        // Without pre-rendered pages (the offline file) the page itself takes ?embed=1.
        let plain = Deployment { pages: false, ..d };
        let s = iframe_snippet(
            &plain,
            &What::Link("1.eyJ9".into()),
            Theme::Light,
            "iframe-1a2b",
        );
        assert!(s.contains("src=\"https://example.org/tools/dpu/?embed=1&amp;theme=light#ns=iframe-1a2b&amp;s=1.eyJ9\""), "{s}");
        let s = iframe_snippet(
            &plain,
            &What::Preset("nfv-heavy".into()),
            Theme::Auto,
            "iframe-1",
        );
        assert!(s.contains("&amp;preset=nfv-heavy#ns=iframe-1\""), "{s}");
        assert!(
            s.contains(&format!(" sandbox=\"{IFRAME_SANDBOX}\" ")),
            "{s}"
        );
        assert!(!s.contains("?ns=") && !s.contains("&amp;ns="), "{s}");
    }

    #[test]
    fn the_loader_sandboxes_its_iframes_as_the_snippet_does() {
        let loader = include_str!("../../assets/embed.js");
        assert!(
            loader.contains(&format!("var SANDBOX = \"{IFRAME_SANDBOX}\";")),
            "assets/embed.js SANDBOX"
        );
        assert!(loader.contains(r#"iframe.setAttribute("sandbox", SANDBOX);"#));
        // The list's name goes in the fragment, not the query the host sees.
        assert!(!loader.contains(r#"params.set("ns""#));
    }

    #[test]
    fn hostile_text_cannot_leave_its_attribute() {
        let d = Deployment {
            root: "https://x/\"><script>".into(),
            loader: None,
            pages: false,
        };
        let s = loader_snippet(
            &d,
            &What::Link("1.a".into()),
            Theme::Auto,
            "\"><script>",
            false,
        );
        assert!(!s.contains("\"><script>"), "{s}");
    }
}
