//! What only a browser has: the address (query, `?preset=` and the `#s=` link), the mount
//! point, the panic banner, localStorage, the clipboard, downloads, file uploads, printing,
//! and the embed's theme and height messages. Thin wrappers: every decision is made in the
//! engine or the components.
//!
//! The module compiles everywhere, so the components call it without fences. Outside the
//! browser (the component tests, the pre-rendered pages) there is no window: [`window`] is
//! `None` there, and every function that reaches for the browser does nothing (storage reads
//! as empty, the address as blank). Timers, listeners and animation frames are gloo's
//! (`gloo_timers`, `gloo_events`, `gloo_render`), owned by the effect that starts them and
//! cancelled when it is cleaned up. Storage stays on `web_sys`: `gloo_storage` reads and
//! writes through serde_json, which the page leaves out (its own JSON reader saves ~50 KB).

use std::future::Future;

use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

use crate::components::embed_panel::Deployment;
use crate::params::PageParams;
use crate::storage::StorageProblem;

/// Rewrites the address without loading anything: `change` gets the path, query (`?…` or "")
/// and fragment (`#…` or "") and returns the new path, query (without `?`) and fragment
/// (`#…` or ""), or `None` to leave it alone. The new address is built on `location.href`
/// (not pasted together from the path), so a path that starts with `//` stays a path of
/// this page rather than naming another host, which `pushState` would refuse.
/// With `push` the new address is a new history entry (Back returns to the old one), else it
/// replaces the current entry. Failing to update the address bar changes nothing on the page.
fn edit_address(
    push: bool,
    change: impl FnOnce(&str, &str, &str) -> Option<(String, String, String)>,
) {
    let Some(window) = window() else {
        return;
    };
    let location = window.location();
    let (Ok(href), Ok(path), Ok(search), Ok(hash)) = (
        location.href(),
        location.pathname(),
        location.search(),
        location.hash(),
    ) else {
        return;
    };
    let Some((new_path, query, fragment)) = change(&path, &search, &hash) else {
        return;
    };
    let Ok(url) = web_sys::Url::new(&href) else {
        return;
    };
    url.set_pathname(&new_path);
    url.set_search(&query);
    url.set_hash(&fragment);
    let url = url.href();
    if url == href {
        return;
    }
    if let Ok(history) = window.history() {
        let _ = if push {
            history.push_state_with_url(&JsValue::NULL, "", Some(&url))
        } else {
            history.replace_state_with_url(&JsValue::NULL, "", Some(&url))
        };
    }
}

/// Puts the scenario in the address, with `push` as a new history entry. With the build's
/// pre-rendered pages (`root` known) a preset is its page, `presets/<name>/`, and the default
/// is the root; without them (the offline file, an embed) the preset is `?preset=NAME`. A
/// link rides in the fragment (`#s=`) beside its other parts (an embed's `ns=`); other query
/// parameters stay.
pub fn show_scenario(root: &str, preset: Option<&str>, link: Option<&str>, push: bool) {
    edit_address(push, |now, search, hash| {
        let params = web_sys::UrlSearchParams::new_with_str(search).ok()?;
        let path = if root.is_empty() {
            match preset {
                Some(name) => params.set("preset", name),
                None => params.delete("preset"),
            }
            now.to_owned()
        } else {
            params.delete("preset");
            let target = match preset {
                Some(name) => format!("{root}presets/{name}/"),
                None => root.to_owned(),
            };
            web_sys::Url::new(&target)
                .map(|u| u.pathname())
                .unwrap_or_else(|_| now.to_owned())
        };
        let query = String::from(params.to_string());
        let fragment = crate::params::fragment_with_link(hash, link);
        Some((path, query, fragment))
    });
}

/// Calls `f` with what the address asks for after Back or Forward (or a link pasted into the
/// same tab): the page's own `pushState` and `replaceState` do not trigger it. The listeners
/// last as long as what is returned (none outside a browser).
#[must_use = "the listeners stop when dropped"]
pub fn on_navigation(f: impl Fn(PageParams) + 'static) -> Vec<gloo_events::EventListener> {
    let Some(window) = window() else {
        return Vec::new();
    };
    let f = std::rc::Rc::new(f);
    ["popstate", "hashchange"]
        .into_iter()
        .map(|event| {
            let f = f.clone();
            gloo_events::EventListener::new(&window, event, move |_| f(params()))
        })
        .collect()
}

/// Runs `f` once the browser has had its chance to paint what is on screen: in a task of its
/// own after the next animation frame. Where no frame comes (a hidden tab, an iframe
/// scrolled out of view) it waits until one does: nobody sees that page meanwhile. Dropping
/// what is returned before the frame cancels it (nothing is returned outside a browser).
#[must_use = "the frame is cancelled when dropped"]
pub fn after_paint(f: impl FnOnce() + 'static) -> Option<gloo_render::AnimationFrame> {
    window()?;
    Some(gloo_render::request_animation_frame(move |_| {
        gloo_timers::callback::Timeout::new(0, f).forget();
    }))
}

/// Runs `f` after `ms` milliseconds, unless what is returned is dropped first (nothing is
/// returned, and nothing runs, outside a browser).
#[must_use = "the timer is cancelled when dropped"]
pub fn after(ms: u32, f: impl FnOnce() + 'static) -> Option<gloo_timers::callback::Timeout> {
    window()?;
    Some(gloo_timers::callback::Timeout::new(ms, f))
}

/// Milliseconds since the page started (for telling a burst of edits from a settled one).
pub fn now_ms() -> f64 {
    window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

/// Moves focus to the element with `id` and scrolls it into view, without touching the
/// address (an `href="#id"` would replace the `#s=` link).
pub fn focus(id: &str) {
    let Some(el) = doc().and_then(|d| d.get_element_by_id(id)) else {
        return;
    };
    el.scroll_into_view();
    if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
        let _ = el.focus();
    }
}

/// Selects the text of the text area `id`, for copying by hand.
pub fn select_text(id: &str) {
    if let Some(el) = doc()
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
    {
        let _ = el.focus();
        el.select();
    }
}

/// Whether the page was opened from disk (`file://`), where every local file shares storage.
pub fn from_disk() -> bool {
    window()
        .and_then(|w| w.location().protocol().ok())
        .is_some_and(|p| p == "file:")
}

/// A random name for a pasted iframe's saved scenarios (`iframe-<8 hex>`).
pub fn random_ns() -> String {
    let n = (js_sys::Math::random() * f64::from(u32::MAX)) as u32;
    format!("iframe-{n:08x}")
}

/// Where this page is published: its root (from `<meta name="dpu-root">`, relative to the
/// page, default `./`) and the content-hashed loader the build announced in
/// `<meta name="dpu-embed-loader" content="embed-….js" data-integrity="sha384-…">`.
pub fn deployment() -> Deployment {
    let Some(document) = doc() else {
        return Deployment::default();
    };
    let meta = |name: &str| {
        document
            .query_selector(&format!("meta[name=\"{name}\"]"))
            .ok()
            .flatten()
    };
    // Without the build's pre-rendered pages (the offline file, `trunk serve`) there is no
    // root to point at: the page's own address serves.
    let base = document.base_uri().ok().flatten().unwrap_or_default();
    let pages = meta("dpu-root").and_then(|m| m.get_attribute("content"));
    let relative = pages.clone().unwrap_or_else(|| "./".to_owned());
    let root = web_sys::Url::new_with_base(&relative, &base)
        .map(|u| {
            u.set_search("");
            u.set_hash("");
            u.href()
        })
        .unwrap_or_default();
    let loader = meta("dpu-embed-loader").and_then(|m| {
        let file = m.get_attribute("content")?;
        let integrity = m.get_attribute("data-integrity")?;
        let ok = file.len() < 64
            && file
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "-_.".contains(c));
        ok.then_some((file, integrity))
    });
    Deployment {
        root,
        loader,
        pages: pages.is_some(),
    }
}

/// The element the app mounts on: `#app`, or when it holds a pre-rendered page, a new hidden
/// element beside it that [`take_over`] swaps in once the app has rendered, so the page never
/// shows a half-built or empty frame.
pub fn app_root() -> Option<web_sys::Element> {
    let document = doc()?;
    let app = document.get_element_by_id("app")?;
    if !app.has_child_nodes() {
        return Some(app);
    }
    let live = document.create_element("div").ok()?;
    live.set_id("app-live");
    live.set_attribute("hidden", "").ok()?;
    app.after_with_node_1(&live).ok()?;
    Some(live)
}

/// What the pre-rendered page in this document shows (`<meta name="dpu-page">`), `None`
/// when nothing was pre-rendered.
pub fn prerendered() -> Option<PageParams> {
    let page = doc()?
        .query_selector(r#"meta[name="dpu-page"]"#)
        .ok()
        .flatten()?
        .get_attribute("content")?;
    page.split('&')
        .any(|p| p == "r=1")
        .then(|| PageParams::parse(&page, ""))
}

/// After the app's first render: the live page replaces the pre-rendered one in the same
/// task (no frame in between), and a page marked "pending" is shown. With `carry` (the app
/// started from the very scenario that was pre-rendered) what a reader typed into the
/// pre-rendered form is carried over; otherwise nothing is, since the old form's values
/// belong to another scenario.
pub fn take_over(carry: bool) {
    let Some(document) = doc() else {
        return;
    };
    let html = document.document_element();
    let pending = html
        .as_ref()
        .is_some_and(|h| h.class_list().contains("pending"));
    if let Some(live) = document.get_element_by_id("app-live") {
        let old = document.get_element_by_id("app");
        let focused = document.active_element().map(|e| e.id());
        if let Some(old) = &old {
            old.remove();
        }
        live.set_id("app");
        let _ = live.remove_attribute("hidden");
        // What a reader typed into the pre-rendered form before the app arrived is not lost
        // (a hidden, pending page could not be typed into).
        if let (Some(old), false, true) = (old, pending, carry) {
            carry_over(&old, &document);
        }
        if let Some(el) = focused
            .filter(|id| !id.is_empty())
            .and_then(|id| document.get_element_by_id(&id))
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = el.focus();
        }
    }
    if let Some(html) = &html {
        let _ = html.class_list().remove_1("pending");
        // The page is live: edits now reach the engine (the e2e suite waits for this).
        let _ = html.set_attribute("data-live", "");
    }
    watch_verdict(&document);
}

/// Copies the values a reader typed into the pre-rendered form (`old`) into the live one
/// (same ids), with the events the app listens to, so the app computes them. Only a control
/// whose value differs from the one it was pre-rendered with counts as typed into (its
/// `defaultValue`, `defaultChecked`, or the option marked `selected`); the Examples choice
/// (`#preset`) is never carried: a preset is a whole scenario, not one field.
fn carry_over(old: &web_sys::Element, document: &web_sys::Document) {
    let Ok(controls) = old.query_selector_all("input[id], select[id], textarea[id]") else {
        return;
    };
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    let fire = |el: &web_sys::Element, kind: &str| {
        if let Ok(ev) = web_sys::Event::new_with_event_init_dict(kind, &init) {
            let _ = el.dispatch_event(&ev);
        }
    };
    // Sections a reader opened stay open.
    if let Ok(open) = old.query_selector_all("details[data-section][open]") {
        for i in 0..open.length() {
            let Some(name) = open
                .get(i)
                .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
                .and_then(|e| e.get_attribute("data-section"))
            else {
                continue;
            };
            if let Ok(Some(now)) = document.query_selector(&format!(
                "details[data-section=\"{}\"]",
                name.replace(['"', '\\'], "")
            )) {
                let _ = now.set_attribute("open", "");
            }
        }
    }
    for i in 0..controls.length() {
        let Some(was) = controls
            .get(i)
            .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
        else {
            continue;
        };
        if was.id() == "preset" {
            continue;
        }
        let Some(now) = document.get_element_by_id(&was.id()) else {
            continue;
        };
        if let (Some(a), Some(b)) = (
            was.dyn_ref::<web_sys::HtmlInputElement>(),
            now.dyn_ref::<web_sys::HtmlInputElement>(),
        ) {
            if a.type_() == "checkbox" || a.type_() == "radio" {
                if a.checked() != a.default_checked() && a.checked() != b.checked() {
                    b.set_checked(a.checked());
                    fire(&now, "change");
                }
            } else if a.type_() != "file"
                && a.value() != a.default_value()
                && a.value() != b.value()
            {
                b.set_value(&a.value());
                fire(&now, "input");
            }
        } else if let (Some(a), Some(b)) = (
            was.dyn_ref::<web_sys::HtmlSelectElement>(),
            now.dyn_ref::<web_sys::HtmlSelectElement>(),
        ) && a.value() != pre_rendered_choice(a)
            && a.value() != b.value()
        {
            b.set_value(&a.value());
            fire(&now, "change");
        }
    }
}

/// The value a pre-rendered `<select>` was rendered with: its option marked `selected`,
/// else its first option.
fn pre_rendered_choice(select: &web_sys::HtmlSelectElement) -> String {
    ["option[selected]", "option"]
        .iter()
        .find_map(|q| select.query_selector(q).ok().flatten())
        .and_then(|o| o.get_attribute("value"))
        .unwrap_or_default()
}

/// Marks `<html>` with `verdict-in-view` while the verdict is on screen, so the narrow
/// layout's "Back to the verdict" button hides when it would point at what is already shown.
/// The verdict's element lives as long as the app (its content changes, not the element).
fn watch_verdict(document: &web_sys::Document) {
    let (Some(verdict), Some(html)) = (
        document.get_element_by_id("verdict"),
        document.document_element(),
    ) else {
        return;
    };
    let on_change = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
        let seen = entries.iter().any(|e| {
            e.dyn_into::<web_sys::IntersectionObserverEntry>()
                .is_ok_and(|e| e.is_intersecting())
        });
        let _ = html.class_list().toggle_with_force("verdict-in-view", seen);
    });
    if let Ok(observer) = web_sys::IntersectionObserver::new(on_change.as_ref().unchecked_ref()) {
        observer.observe(&verdict);
        on_change.forget();
    }
}

/// Replaces the default panic hook: log the panic, then show the `#panic` banner (which
/// lives outside the app's root, so it survives) instead of leaving a dead page.
pub fn install_panic_banner() {
    yew::set_custom_panic_hook(Box::new(|info| {
        let message = info.to_string();
        web_sys::console::error_1(&JsValue::from_str(&message));
        show_panic_banner(&message);
    }));
}

/// Reveals the `#panic` banner with `message`.
pub fn show_panic_banner(message: &str) {
    let banner = window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("panic"));
    if let Some(banner) = banner {
        banner.set_text_content(Some(&format!(
            "Something broke inside the calculator ({message}). Reload the page to start \
             again; please report this with the scenario you entered."
        )));
        let _ = banner.remove_attribute("hidden");
    }
}

/// The browser's window; `None` outside a browser, where nothing here may touch JavaScript.
fn window() -> Option<web_sys::Window> {
    #[cfg(target_arch = "wasm32")]
    return web_sys::window();
    #[cfg(not(target_arch = "wasm32"))]
    None
}

fn doc() -> Option<web_sys::Document> {
    window()?.document()
}

/// The message type the embed loader (`assets/embed.js`) listens for.
pub const HEIGHT_MESSAGE: &str = "dpu-reality-check:height";

/// The page's query and fragment, after what a pre-rendered page says it shows.
pub fn params() -> PageParams {
    let location = window().map(|w| w.location());
    let search = location
        .as_ref()
        .and_then(|l| l.search().ok())
        .unwrap_or_default();
    let hash = location
        .as_ref()
        .and_then(|l| l.hash().ok())
        .unwrap_or_default();
    let page = doc()
        .and_then(|d| d.query_selector(r#"meta[name="dpu-page"]"#).ok().flatten())
        .and_then(|m| m.get_attribute("content"))
        .unwrap_or_default();
    PageParams::with_page(&page, &search, &hash)
}

/// The page's full address (what "Copy link" copies outside an embed).
pub fn address() -> String {
    window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default()
}

fn storage() -> Result<web_sys::Storage, StorageProblem> {
    window()
        .and_then(|w| w.local_storage().ok().flatten())
        .ok_or(StorageProblem::Unavailable)
}

/// The stored text under `key` (`None` when nothing is stored, and outside a browser, where
/// storage is an empty store that keeps nothing).
pub fn storage_get(key: &str) -> Result<Option<String>, StorageProblem> {
    if window().is_none() {
        return Ok(None);
    }
    storage()?
        .get_item(key)
        .map_err(|_| StorageProblem::Unavailable)
}

/// Stores `value` under `key`.
pub fn storage_set(key: &str, value: &str) -> Result<(), StorageProblem> {
    if window().is_none() {
        return Ok(());
    }
    storage()?
        .set_item(key, value)
        .map_err(|e| match e.dyn_into::<web_sys::DomException>() {
            Ok(ex) if ex.name() == "QuotaExceededError" || ex.code() == 22 => StorageProblem::Full,
            _ => StorageProblem::Unavailable,
        })
}

/// Removes what is stored under `key`.
pub fn storage_remove(key: &str) -> Result<(), StorageProblem> {
    if window().is_none() {
        return Ok(());
    }
    storage()?
        .remove_item(key)
        .map_err(|_| StorageProblem::Unavailable)
}

/// Puts `text` on the clipboard; resolves to whether the browser allowed it.
pub async fn copy_text(text: String) -> bool {
    let Some(window) = window() else {
        return false;
    };
    let promise = window.navigator().clipboard().write_text(&text);
    JsFuture::from(promise).await.is_ok()
}

/// Offers `text` as a file download named `filename`.
pub fn download(filename: &str, mime: &str, text: &str) {
    let Some(document) = doc() else {
        return;
    };
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    if let Ok(a) = document
        .create_element("a")
        .map(JsCast::unchecked_into::<web_sys::HtmlAnchorElement>)
    {
        a.set_href(&url);
        a.set_download(filename);
        a.click();
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}

/// The name and text of the file chosen in `input`, if any; a file larger than `max` bytes
/// is refused before it is read.
pub fn read_chosen_file(
    input: &web_sys::HtmlInputElement,
    max: usize,
) -> Option<impl Future<Output = Result<(String, String), String>> + use<>> {
    let file = input.files()?.get(0)?;
    let name = file.name();
    let size = file.size();
    Some(async move {
        if size > max as f64 {
            return Err(format!(
                "{}: the file is {} bytes; a scenario has at most {}",
                dpu_engine::error::clip(&name),
                dpu_engine::format::num(size, 0),
                dpu_engine::format::num(max as f64, 0)
            ));
        }
        let text = JsFuture::from(file.text())
            .await
            .ok()
            .and_then(|t| t.as_string())
            .ok_or_else(|| "the file could not be read as text".to_owned())?;
        Ok((name, text))
    })
}

/// Today's date as `YYYY-MM-DD` in UTC (blank outside a browser).
pub fn today() -> String {
    if window().is_none() {
        return String::new();
    }
    String::from(js_sys::Date::new_0().to_iso_string())
        .chars()
        .take(10)
        .collect()
}

/// Opens the browser's print dialog (the print stylesheet shapes the page).
pub fn print() {
    if let Some(window) = window() {
        let _ = window.print();
    }
}

/// Applies the embed's theme and compact layout to `<html>` and `<body>`.
pub fn apply_look(params: &PageParams) {
    let Some(document) = doc() else {
        return;
    };
    if let Some(html) = document.document_element() {
        let _ = html.set_attribute("data-theme", params.theme.attr());
    }
    if params.embed
        && let Some(body) = document.body()
    {
        let _ = body.class_list().add_1("embed");
    }
}

/// In an iframe, tells the parent page the document's height whenever it changes, so the
/// embed loader can size the iframe to its content. Sends nothing but the height.
pub fn report_height_to_parent() {
    let Some(window) = window() else {
        return;
    };
    let Ok(Some(parent)) = window.parent() else {
        return;
    };
    if parent == window {
        return;
    }
    let Some(root) = doc().and_then(|d| d.document_element()) else {
        return;
    };
    let send = {
        let root = root.clone();
        move || {
            let message = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&message, &"type".into(), &HEIGHT_MESSAGE.into());
            // The <html> box is as tall as the content (unlike scrollHeight, which is never
            // less than the iframe's own height, so an iframe could grow but never shrink).
            let height = root.get_bounding_client_rect().height().ceil();
            let _ = js_sys::Reflect::set(&message, &"height".into(), &height.into());
            // The height is no secret, and the embedding page's origin is not known here.
            let _ = parent.post_message(&message, "*");
        }
    };
    send();
    let closure = Closure::<dyn Fn()>::new(send);
    if let Ok(observer) = web_sys::ResizeObserver::new(closure.as_ref().unchecked_ref()) {
        observer.observe(&root);
    }
    closure.forget();
}
