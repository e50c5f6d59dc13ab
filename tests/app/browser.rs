//! Real DOM behaviour in headless Chromium (wasm-bindgen-test): typing into a field updates
//! the verdict, a bad value is marked and keeps the last verdict, ticking a goal, the saved
//! scenarios (save, rename, load, delete and undo, a damaged entry) and the embed code.

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
    mount_with(AppProps {
        preset: preset.map(|p| p.to_owned().into()),
        ..AppProps::default()
    })
}

fn mount_with(props: AppProps) -> Element {
    let doc = document();
    let root = doc.create_element("div").expect("div");
    doc.body()
        .expect("body")
        .append_child(&root)
        .expect("append");
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

/// Lets Yew render what was dispatched (buttons act on what is on screen, as for a person).
async fn settle() {
    for _ in 0..10 {
        yew::platform::time::sleep(Duration::ZERO).await;
    }
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

fn find(root: &Element, selector: &str) -> Option<Element> {
    root.query_selector(selector).ok().flatten()
}

fn click(root: &Element, selector: &str) {
    find(root, selector)
        .unwrap_or_else(|| panic!("no {selector}"))
        .unchecked_into::<web_sys::HtmlElement>()
        .click();
}

fn text_of(root: &Element, selector: &str) -> String {
    find(root, selector)
        .and_then(|e| e.text_content())
        .unwrap_or_default()
}

/// The names in the saved list, in order.
fn saved_names(root: &Element) -> Vec<String> {
    let mut names = Vec::new();
    let mut item = find(root, ".saved-list").and_then(|l| l.first_element_child());
    while let Some(li) = item {
        names.extend(li.get_attribute("data-saved"));
        item = li.next_element_sibling();
    }
    names
}

fn notice(root: &Element) -> String {
    find(root, ".saved [data-notice]")
        .and_then(|n| n.get_attribute("data-notice"))
        .unwrap_or_default()
}

/// The page with its own storage namespace, so tests do not see each other's lists.
fn mount_saved(namespace: &str) -> Element {
    let storage = web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .expect("storage");
    let key = dpu_engine::saved::storage_key(namespace);
    storage.remove_item(&key).expect("clear");
    mount_with(AppProps {
        namespace: namespace.to_owned().into(),
        ..AppProps::default()
    })
}

#[wasm_bindgen_test]
async fn ticking_a_goal_changes_the_verdict() {
    let root = mount(None);
    let before = evaluate(&Scenario::default()).verdict.wire();
    wait_for("first verdict", || verdict(&root) == before).await;
    click(&root, r#"input[name="goals"][value="run_bare_metal"]"#);
    wait_for("the wrong problem", || verdict(&root) == "wrong_problem").await;
    click(&root, r#"input[name="goals"][value="run_bare_metal"]"#);
    wait_for("the first verdict again", || verdict(&root) == before).await;
    root.remove();
}

fn select(root: &Element, name: &str) -> web_sys::HtmlSelectElement {
    find(root, &format!(r#"select[name="{name}"]"#))
        .expect("select present")
        .unchecked_into()
}

fn choose(root: &Element, name: &str, value: &str) {
    let el = select(root, name);
    el.set_value(value);
    el.dispatch_event(&Event::new("change").expect("event"))
        .expect("dispatch");
}

#[wasm_bindgen_test]
async fn a_select_shows_the_value_in_force_after_a_reset() {
    let root = mount(None);
    let first = evaluate(&Scenario::default()).verdict.wire();
    wait_for("first verdict", || verdict(&root) == first).await;
    choose(&root, "platform.kind", "kvm_ovs");
    wait_for("the vSphere fields gone", || {
        find(&root, r#"select[name="platform.nsx"]"#).is_none()
    })
    .await;
    assert_eq!(select(&root, "platform.kind").value(), "kvm_ovs");
    // Start over: the select, which the person changed, follows the state back.
    click(&root, "#reset");
    wait_for("the vSphere fields back", || {
        find(&root, r#"select[name="platform.nsx"]"#).is_some()
    })
    .await;
    wait_for("the select back on vSphere", || {
        select(&root, "platform.kind").value() == "vsphere"
    })
    .await;
    // An optional choice back to its default ("") after Undo of a change. Its section is
    // folded: opened, it renders its inputs (and keeps them).
    assert!(find(&root, r#"select[name="platform.datapath"]"#).is_none());
    find(&root, "details.section")
        .expect("a folded section")
        .set_attribute("open", "")
        .expect("open");
    wait_for("the folded inputs", || {
        find(&root, r#"select[name="platform.datapath"]"#).is_some()
    })
    .await;
    choose(&root, "platform.datapath", "enhanced");
    wait_for("the path set", || {
        select(&root, "platform.datapath").value() == "enhanced"
    })
    .await;
    settle().await;
    click(&root, "#reset");
    wait_for("the default path", || {
        select(&root, "platform.datapath").value().is_empty()
    })
    .await;
    root.remove();
}

#[wasm_bindgen_test]
async fn scenarios_are_saved_renamed_loaded_deleted_and_brought_back() {
    let root = mount_saved("browser-test-saved");
    wait_for("the saving panel", || {
        find(&root, r#"[data-action="save"]"#).is_some()
    })
    .await;
    assert!(text_of(&root, ".saved").contains("Nothing saved yet"));
    type_into(&root, "name", "lab");
    type_into(&root, "traffic.gbps_per_host", "50");
    // The buttons act on what is on screen: wait for the page to show the edits.
    let edited = Scenario::default()
        .with_text("traffic.gbps_per_host", "50")
        .expect("valid");
    let want = evaluate(&edited).verdict.wire();
    wait_for("the edited verdict", || verdict(&root) == want).await;
    click(&root, r#"[data-action="save"]"#);
    wait_for("the saved entry", || saved_names(&root) == ["lab"]).await;
    assert_eq!(notice(&root), "saved");
    // Rename: the field shows the old name, OK takes the new one.
    click(&root, r#"[data-saved="lab"] [data-action="rename"]"#);
    wait_for("the rename field", || {
        find(&root, r#"[data-field="rename"]"#).is_some()
    })
    .await;
    let field: HtmlInputElement = find(&root, r#"[data-field="rename"]"#)
        .expect("rename field")
        .unchecked_into();
    assert_eq!(field.value(), "lab");
    field.set_value("prod");
    field
        .dispatch_event(&Event::new("input").expect("event"))
        .expect("dispatch");
    settle().await;
    click(&root, r#"[data-action="rename-confirm"]"#);
    wait_for("the new name", || saved_names(&root) == ["prod"]).await;
    // Cancel leaves the name alone.
    click(&root, r#"[data-saved="prod"] [data-action="rename"]"#);
    wait_for("the rename field", || {
        find(&root, r#"[data-field="rename"]"#).is_some()
    })
    .await;
    click(&root, r#"[data-action="rename-cancel"]"#);
    wait_for("the name again", || {
        find(&root, r#"[data-field="rename"]"#).is_none()
    })
    .await;
    assert_eq!(saved_names(&root), ["prod"]);
    // Load: back to the defaults first, then the saved scenario.
    type_into(&root, "traffic.gbps_per_host", "10");
    let first = evaluate(&Scenario::default()).verdict.wire();
    wait_for("the first verdict", || verdict(&root) == first).await;
    click(&root, r#"[data-saved="prod"] [data-action="load"]"#);
    wait_for("the loaded verdict", || verdict(&root) == want).await;
    assert_eq!(input(&root, "traffic.gbps_per_host").value(), "50");
    assert!(text_of(&root, "[data-origin]").contains("prod"));
    // Delete, then Undo.
    click(&root, r#"[data-saved="prod"] [data-action="delete"]"#);
    wait_for("the list empty", || saved_names(&root).is_empty()).await;
    assert_eq!(notice(&root), "deleted");
    assert!(text_of(&root, r#"[data-action="undo-delete"]"#).contains("prod"));
    click(&root, r#"[data-action="undo-delete"]"#);
    wait_for("the entry back", || saved_names(&root) == ["prod"]).await;
    assert_eq!(notice(&root), "restored");
    // Saving under an empty name is refused with a message.
    type_into(&root, "name", "  ");
    wait_for("the name gone", || {
        !text_of(&root, "[data-origin]").contains("prod")
    })
    .await;
    click(&root, r#"[data-action="save"]"#);
    wait_for("the refusal", || notice(&root) == "name-refused").await;
    // The notice can be dismissed.
    click(&root, ".saved .dismiss");
    wait_for("no notice", || notice(&root).is_empty()).await;
    root.remove();
}

#[wasm_bindgen_test]
async fn a_damaged_entry_is_shown_and_kept() {
    let namespace = "browser-test-damaged";
    let storage = web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .expect("storage");
    let key = dpu_engine::saved::storage_key(namespace);
    let doc = r#"{"version":1,"saved":[{"name":"bad","scenario":{"fleet":{"hosts":0}}},{"name":"ok","scenario":{}}]}"#;
    storage.set_item(&key, doc).expect("store");
    let root = mount_with(AppProps {
        namespace: namespace.to_owned().into(),
        ..AppProps::default()
    });
    wait_for("the list", || saved_names(&root) == ["bad", "ok"]).await;
    assert!(text_of(&root, r#"[data-saved="bad"] [data-damaged]"#).contains("fleet.hosts"));
    assert!(find(&root, r#"[data-saved="bad"] [data-action="load"]"#).is_none());
    assert!(find(&root, r#"[data-saved="ok"] [data-action="load"]"#).is_some());
    // A corrupt document is reported and not written over.
    storage.set_item(&key, "{broken").expect("store");
    root.remove();
    let root = mount_with(AppProps {
        namespace: namespace.to_owned().into(),
        ..AppProps::default()
    });
    wait_for("the report", || notice(&root) == "storage-corrupt").await;
    click(&root, r#"[data-action="save"]"#);
    wait_for("still refused", || notice(&root) == "storage-corrupt").await;
    assert_eq!(
        storage.get_item(&key).expect("read").as_deref(),
        Some("{broken")
    );
    root.remove();
}

#[wasm_bindgen_test]
async fn the_embed_code_follows_the_theme() {
    let root = mount(None);
    wait_for("the embed panel", || find(&root, "#embed-theme").is_some()).await;
    let loader = || {
        find(&root, "#embed-loader")
            .map(|t| t.unchecked_into::<web_sys::HtmlTextAreaElement>().value())
            .unwrap_or_default()
    };
    assert!(loader().contains(r#"data-theme="auto""#), "{}", loader());
    let select: web_sys::HtmlSelectElement = find(&root, "#embed-theme")
        .expect("select")
        .unchecked_into();
    select.set_value("dark");
    select
        .dispatch_event(&Event::new("change").expect("event"))
        .expect("dispatch");
    wait_for("the dark theme", || {
        loader().contains(r#"data-theme="dark""#)
    })
    .await;
    let iframe = find(&root, "#embed-iframe")
        .map(|t| t.unchecked_into::<web_sys::HtmlTextAreaElement>().value())
        .unwrap_or_default();
    assert!(iframe.contains("theme=dark"), "{iframe}");
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
