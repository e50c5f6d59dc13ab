//! DPU Reality Check in the browser: a Yew page over the `dpu-engine` crate.
//!
//! The page holds one scenario in a reducer ([`state`]), asks the engine for the report on
//! every change and draws it. It does no business arithmetic of its own: edits go through
//! `Scenario::with_text`, numbers come from the report, formatting from `dpu_engine::format`.
//! Web-only code (reading the URL, storage, timers, the panic banner) sits in [`web`], which
//! does nothing outside a browser, so the components and the reducer also build and test
//! natively without fences of their own.

pub mod app;
pub mod components;
pub mod notice;
pub mod params;
#[cfg(not(target_arch = "wasm32"))]
pub mod prerender;
pub mod state;
pub mod storage;
pub mod web;

pub use app::{App, AppProps};

/// Starts the page: installs the panic banner (development builds) and mounts [`App`] on
/// `#app`. A release build aborts on a panic (scripts/tools.sh, `release_env`), so a hook
/// would never run there: the head script shows the same banner for the wasm's trap, and the
/// hook's code stays out of the page.
#[cfg(target_arch = "wasm32")]
pub fn start() {
    #[cfg(debug_assertions)]
    web::install_panic_banner();
    let params = web::params();
    web::apply_look(&params);
    if params.embed {
        web::report_height_to_parent();
    }
    let page_address = web_sys::window()
        .map(|w| w.location())
        .and_then(|l| Some(format!("{}{}", l.origin().ok()?, l.pathname().ok()?)))
        .unwrap_or_default();
    // Whether the app starts from the very scenario pre-rendered here (see web::take_over).
    let carry = web::prerendered().is_some_and(|shown| {
        let (start, _) = app::start_state(params.link.as_deref(), params.preset.as_deref());
        app::starts_as_prerendered(&start, params.embed, &shown)
    });
    let props = AppProps {
        preset: params.preset.map(Into::into),
        link: params.link.map(Into::into),
        embed: params.embed,
        title: params.title.map(Into::into),
        namespace: params.namespace.into(),
        from_disk: web::from_disk(),
        deployment: web::deployment(),
        page_address: page_address.into(),
        iframe_ns: web::random_ns().into(),
        unfolded: false,
    };
    match web::app_root() {
        Some(root) => {
            yew::Renderer::<App>::with_root_and_props(root, props).render();
        }
        None => {
            yew::Renderer::<App>::with_props(props).render();
        }
    }
    // The first render done, the live page replaces a pre-rendered one (see web::app_root),
    // carrying over what a reader typed only when the page started from the very scenario
    // that was pre-rendered. Yew renders in a microtask queued before this one, and yields
    // to the browser only with no render pending: here the first render is done, in the same
    // task (the app's effects would run after Yew yields, once ~16 ms of work have run: a
    // frame or more later).
    yew::platform::spawn_local(async move { web::take_over(carry) });
}
