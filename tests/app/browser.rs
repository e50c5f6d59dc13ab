//! Real DOM behaviour in headless Chromium (wasm-bindgen-test): typing into a field updates
//! the verdict, a bad value is marked and keeps the last verdict.

use std::time::Duration;

use dpu_engine::{Scenario, evaluate};
use dpu_reality_check::{App, AppProps};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{Element, Event, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window()
        .and_then(|w| w.document())
        .expect("a document")
}

fn mount(preset: Option<&str>) -> Element {
    let doc = document();
    let root = doc.create_element("div").expect("div");
    doc.body()
        .expect("body")
        .append_child(&root)
        .expect("append");
    let props = AppProps {
        preset: preset.map(|p| p.to_owned().into()),
        ..AppProps::default()
    };
    yew::Renderer::<App>::with_root_and_props(root.clone(), props).render();
    root
}

/// Yields to the event loop until `done` holds (Yew renders asynchronously); gives up after
/// a few hundred turns so a broken page fails instead of hanging.
async fn wait_for(what: &str, done: impl Fn() -> bool) {
    for _ in 0..500 {
        if done() {
            return;
        }
        yew::platform::time::sleep(Duration::ZERO).await;
    }
    panic!("gave up waiting for {what}");
}

fn verdict(root: &Element) -> String {
    root.query_selector("#verdict")
        .ok()
        .flatten()
        .and_then(|v| v.get_attribute("data-verdict"))
        .unwrap_or_default()
}

fn input(root: &Element, name: &str) -> HtmlInputElement {
    root.query_selector(&format!(r#"[name="{name}"]"#))
        .ok()
        .flatten()
        .expect("input present")
        .unchecked_into()
}

fn type_into(root: &Element, name: &str, text: &str) {
    let el = input(root, name);
    el.set_value(text);
    let ev = Event::new("input").expect("event");
    el.dispatch_event(&ev).expect("dispatch");
}

#[wasm_bindgen_test]
async fn typing_traffic_changes_the_verdict() {
    let before = evaluate(&Scenario::default()).verdict.wire();
    let edited = Scenario::default()
        .with_text("traffic.gbps_per_host", "50")
        .expect("valid");
    let after = evaluate(&edited).verdict.wire();
    assert_ne!(
        before, after,
        "the edit must change the verdict for this test to mean anything"
    );
    let root = mount(None);
    wait_for("first verdict", || verdict(&root) == before).await;
    type_into(&root, "traffic.gbps_per_host", "50");
    wait_for("verdict after the edit", || verdict(&root) == after).await;
    root.remove();
}

#[wasm_bindgen_test]
async fn a_bad_value_is_marked_and_the_last_verdict_stays() {
    let root = mount(Some("hype-case"));
    wait_for("first verdict", || verdict(&root) == "wrong_problem").await;
    type_into(&root, "fleet.hosts", "-3");
    wait_for("the field marked", || {
        input(&root, "fleet.hosts")
            .get_attribute("aria-invalid")
            .is_some()
    })
    .await;
    let el = input(&root, "fleet.hosts");
    assert_eq!(el.get_attribute("aria-invalid").as_deref(), Some("true"));
    assert_eq!(el.value(), "-3", "what was typed stays in the field");
    let described = el.get_attribute("aria-describedby").expect("described");
    let first = described.split(' ').next().unwrap_or_default().to_owned();
    let message = document()
        .get_element_by_id(&first)
        .expect("message element");
    assert!(
        message
            .text_content()
            .unwrap_or_default()
            .contains("whole number from 1 to 1,000,000 hosts"),
        "the message says what to enter, in plain words"
    );
    assert_eq!(verdict(&root), "wrong_problem");
    // The results say they are stale and name the field to fix.
    let note = root
        .query_selector("[data-stale]")
        .ok()
        .flatten()
        .expect("a stale note");
    assert_eq!(
        note.get_attribute("data-stale").as_deref(),
        Some("fleet.hosts")
    );
    assert!(note.text_content().unwrap_or_default().contains("Hosts"));
    type_into(&root, "fleet.hosts", "24");
    wait_for("the mark cleared", || {
        input(&root, "fleet.hosts")
            .get_attribute("aria-invalid")
            .is_none()
    })
    .await;
    root.remove();
}

#[wasm_bindgen_test]
fn the_panic_banner_replaces_a_dead_page() {
    let doc = document();
    let banner = doc.create_element("div").expect("div");
    banner.set_id("panic");
    banner.set_attribute("hidden", "").expect("hidden");
    doc.body()
        .expect("body")
        .append_child(&banner)
        .expect("append");
    dpu_reality_check::web::show_panic_banner("boom");
    assert!(!banner.has_attribute("hidden"));
    assert!(banner.text_content().unwrap_or_default().contains("boom"));
    banner.remove();
}
