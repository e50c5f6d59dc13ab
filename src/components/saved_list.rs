//! Saved scenarios: name and save the scenario on screen, then load, rename or delete it.
//!
//! Each operation re-reads storage first, so two tabs (or two embeds in one namespace) do not
//! undo each other's saves. Damaged or newer-format storage is reported and never written
//! over; a full quota is reported and the list stays as it was. The list logic is the
//! engine's (`dpu_engine::saved`); [`plan`] decides, the browser only reads and writes.

use std::rc::Rc;

use dpu_engine::Scenario;
use dpu_engine::saved::{self, Saved};
use yew::prelude::*;

use crate::notice::Notice;

/// Why storage could not be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StorageProblem {
    /// No storage in this context (private mode, blocked, sandboxed).
    Unavailable,
    /// The quota is used up.
    Full,
}

/// What the user asked for.
#[derive(Debug, Clone, PartialEq)]
pub enum Op {
    /// Save the scenario on screen under a name.
    Save(String, Box<Scenario>),
    /// Rename one.
    Rename(String, String),
    /// Delete one.
    Delete(String),
}

/// The list to show for what storage holds, or the notice explaining why there is none.
pub fn read(stored: Result<Option<String>, StorageProblem>) -> Result<Vec<Saved>, Notice> {
    match stored {
        Ok(text) => {
            saved::parse(text.as_deref()).map_err(|e| Notice::StorageCorrupt(e.to_string()))
        }
        Err(_) => Err(Notice::StorageUnavailable),
    }
}

/// The new list and the document to store for `op`, given what storage holds now.
pub fn plan(
    stored: Result<Option<String>, StorageProblem>,
    op: &Op,
) -> Result<(Vec<Saved>, String), Notice> {
    let list = read(stored)?;
    let next = match op {
        Op::Save(name, scenario) => saved::save(&list, name, scenario),
        Op::Rename(from, to) => saved::rename(&list, from, to),
        Op::Delete(name) => saved::delete(&list, name),
    }
    .map_err(|e| Notice::NameRefused(e.to_string()))?;
    let doc = saved::serialize(&next);
    Ok((next, doc))
}

#[cfg(target_arch = "wasm32")]
fn load(key: &str) -> Result<Option<String>, StorageProblem> {
    crate::web::storage_get(key)
}

#[cfg(not(target_arch = "wasm32"))]
fn load(_key: &str) -> Result<Option<String>, StorageProblem> {
    Ok(None)
}

#[cfg(target_arch = "wasm32")]
fn store(key: &str, doc: &str) -> Result<(), StorageProblem> {
    crate::web::storage_set(key, doc)
}

#[cfg(not(target_arch = "wasm32"))]
fn store(_key: &str, _doc: &str) -> Result<(), StorageProblem> {
    Ok(())
}

/// Props of [`SavedList`].
#[derive(Properties, PartialEq)]
pub struct SavedListProps {
    /// The scenario on screen (what "Save" saves).
    pub scenario: Rc<Scenario>,
    /// The storage namespace (`main`, or the embed's id).
    pub namespace: AttrValue,
    /// Loads a saved scenario.
    pub on_load: Callback<Scenario>,
    /// A message to show.
    pub on_notice: Callback<Notice>,
}

/// The saved-scenarios panel.
#[component]
pub fn SavedList(props: &SavedListProps) -> Html {
    let key = saved::storage_key(&props.namespace);
    // Storage is read once when the panel appears; a problem is reported once, then.
    let first_read = {
        let key = key.clone();
        use_memo((), move |_| read(load(&key)))
    };
    let list = {
        let first_read = first_read.clone();
        use_state(move || first_read.as_ref().clone().unwrap_or_default())
    };
    let name = use_state(String::new);
    let editing = use_state(|| None::<(String, String)>);
    {
        let notice = props.on_notice.clone();
        use_effect_with((), move |_| {
            if let Err(n) = first_read.as_ref() {
                notice.emit(n.clone());
            }
        });
    }
    let run = {
        let (key, list, notice, editing) = (
            key.clone(),
            list.clone(),
            props.on_notice.clone(),
            editing.clone(),
        );
        Callback::from(move |op: Op| match plan(load(&key), &op) {
            Ok((next, doc)) => match store(&key, &doc) {
                Ok(()) => {
                    if let Op::Save(name, _) = &op {
                        notice.emit(Notice::Saved(name.trim().to_owned()));
                    }
                    list.set(next);
                    editing.set(None);
                }
                Err(StorageProblem::Full) => notice.emit(Notice::StorageFull),
                Err(StorageProblem::Unavailable) => notice.emit(Notice::StorageUnavailable),
            },
            Err(n) => notice.emit(n),
        })
    };
    let on_name = {
        let name = name.clone();
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            name.set(input.value());
        })
    };
    let on_save = {
        let (run, name, scenario) = (run.clone(), name.clone(), props.scenario.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            run.emit(Op::Save((*name).clone(), Box::new((*scenario).clone())));
        })
    };
    html! {
        <section class="saved" aria-labelledby="saved-title">
            <h2 id="saved-title">{"Saved in this browser"}</h2>
            <form class="save-form" onsubmit={on_save}>
                <label for="save-name">{"Name"}</label>
                <input id="save-name" type="text" data-field="save-name" maxlength="80"
                    value={(*name).clone()} oninput={on_name} placeholder={props.scenario.name.clone()} />
                <button type="submit" data-action="save">{"Save"}</button>
            </form>
            if list.is_empty() {
                <p class="hint">{"Nothing saved yet. Saved scenarios stay in this browser only."}</p>
            } else {
                <ul class="saved-list">
                    for item in list.iter() {
                        { saved_item(item, &editing, &run, &props.on_load) }
                    }
                </ul>
            }
        </section>
    }
}

fn saved_item(
    item: &Saved,
    editing: &UseStateHandle<Option<(String, String)>>,
    run: &Callback<Op>,
    on_load: &Callback<Scenario>,
) -> Html {
    let name = item.name.clone();
    let load = {
        let (on_load, scenario) = (on_load.clone(), item.scenario.clone());
        Callback::from(move |_: MouseEvent| on_load.emit(scenario.clone()))
    };
    let delete = {
        let (run, name) = (run.clone(), name.clone());
        Callback::from(move |_: MouseEvent| run.emit(Op::Delete(name.clone())))
    };
    let renaming = editing
        .as_ref()
        .filter(|(from, _)| *from == name)
        .map(|(_, to)| to.clone());
    let body = match renaming {
        Some(to) => {
            let on_text = {
                let (editing, name) = (editing.clone(), name.clone());
                Callback::from(move |e: InputEvent| {
                    let input: web_sys::HtmlInputElement = e.target_unchecked_into();
                    editing.set(Some((name.clone(), input.value())));
                })
            };
            let confirm = {
                let (run, name, to) = (run.clone(), name.clone(), to.clone());
                Callback::from(move |_: MouseEvent| run.emit(Op::Rename(name.clone(), to.clone())))
            };
            let cancel = {
                let editing = editing.clone();
                Callback::from(move |_: MouseEvent| editing.set(None))
            };
            html! {
                <>
                    <input type="text" data-field="rename" maxlength="80" value={to}
                        aria-label={format!("New name for {name}")} oninput={on_text} />
                    <button type="button" data-action="rename-confirm" onclick={confirm}>{"OK"}</button>
                    <button type="button" data-action="rename-cancel" onclick={cancel}>{"Cancel"}</button>
                </>
            }
        }
        None => {
            let start = {
                let (editing, name) = (editing.clone(), name.clone());
                Callback::from(move |_: MouseEvent| editing.set(Some((name.clone(), name.clone()))))
            };
            html! {
                <>
                    <span class="saved-name">{name.clone()}</span>
                    <button type="button" data-action="load" onclick={load}
                        aria-label={format!("Load {name}")}>{"Load"}</button>
                    <button type="button" data-action="rename" onclick={start}
                        aria-label={format!("Rename {name}")}>{"Rename"}</button>
                    <button type="button" data-action="delete" onclick={delete}
                        aria-label={format!("Delete {name}")}>{"Delete"}</button>
                </>
            }
        }
    };
    html! { <li data-saved={item.name.clone()}>{body}</li> }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stored(list: &[Saved]) -> Result<Option<String>, StorageProblem> {
        Ok(Some(saved::serialize(list)))
    }

    #[test]
    fn plans_each_operation_on_fresh_storage() {
        let s = Scenario::default();
        let (list, doc) = plan(Ok(None), &Op::Save("lab".into(), Box::new(s.clone()))).unwrap();
        assert_eq!(list.len(), 1);
        assert_eq!(saved::parse(Some(&doc)).unwrap(), list);
        let (list, _) = plan(stored(&list), &Op::Rename("lab".into(), "prod".into())).unwrap();
        assert_eq!(list[0].name, "prod");
        let (list, _) = plan(stored(&list), &Op::Delete("prod".into())).unwrap();
        assert!(list.is_empty());
    }

    #[test]
    fn damaged_storage_is_never_planned_over() {
        let op = Op::Save("x".into(), Box::default());
        assert!(matches!(
            plan(Ok(Some("{broken".into())), &op),
            Err(Notice::StorageCorrupt(_))
        ));
        assert!(matches!(
            plan(Err(StorageProblem::Unavailable), &op),
            Err(Notice::StorageUnavailable)
        ));
        assert!(matches!(
            plan(Ok(None), &Op::Save("  ".into(), Box::default())),
            Err(Notice::NameRefused(_))
        ));
        assert!(matches!(
            plan(Ok(None), &Op::Delete("nope".into())),
            Err(Notice::NameRefused(_))
        ));
    }
}
