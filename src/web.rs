//! What only a browser has: the URL's `?preset=`, the mount point and the panic banner.

use wasm_bindgen::JsValue;

/// The `preset` query parameter of the page's URL, if any.
pub fn preset_from_url() -> Option<String> {
    let search = web_sys::window()?.location().search().ok()?;
    let params = web_sys::UrlSearchParams::new_with_str(&search).ok()?;
    params.get("preset").filter(|p| !p.is_empty())
}

/// Shows `?preset=NAME` (or no `preset`) in the address bar without loading anything,
/// keeping any other query parameters and the fragment as they are.
pub fn show_preset_in_url(preset: Option<&str>) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let location = window.location();
    let (Ok(path), Ok(search), Ok(hash)) =
        (location.pathname(), location.search(), location.hash())
    else {
        return;
    };
    let Ok(params) = web_sys::UrlSearchParams::new_with_str(&search) else {
        return;
    };
    match preset {
        Some(name) => params.set("preset", name),
        None => params.delete("preset"),
    }
    let query = String::from(params.to_string());
    let url = if query.is_empty() {
        format!("{path}{hash}")
    } else {
        format!("{path}?{query}{hash}")
    };
    if url == format!("{path}{search}{hash}") {
        return;
    }
    if let Ok(history) = window.history() {
        // Failing to update the address bar changes nothing on the page.
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&url));
    }
}

/// The element the app mounts on.
pub fn app_root() -> Option<web_sys::Element> {
    web_sys::window()?.document()?.get_element_by_id("app")
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
    let banner = web_sys::window()
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
