//! Saving: the scenario's name (one name field), a Save button, and the scenarios saved in
//! this browser to load, rename or delete, with Undo for a few seconds after a delete. Its
//! messages appear here, next to the list they are about.
//!
//! Each operation re-reads storage first, so two tabs (or two embeds in one namespace) do not
//! undo each other's saves. Storage that is not ours or comes from a newer version is reported
//! and never written over; a damaged entry is shown with the reason and kept as stored while
//! the others stay usable; a full quota is reported and the list stays as it was. The list
//! logic is the engine's (`dpu_engine::saved`); [`plan`] decides, the browser only stores.

use std::rc::Rc;

use dpu_engine::Scenario;
use dpu_engine::saved::{self, Saved};
use yew::prelude::*;

use super::fields::{FieldProps, field_control};
use super::notice::NoticeLine;
use crate::notice::Notice;
use crate::state::{Action, Origin, State};
use crate::storage::StorageProblem;

/// What the user asked for.
#[derive(Debug, Clone, PartialEq)]
pub enum Op {
    /// Save the scenario on screen under a name.
    Save(String, Box<Scenario>),
    /// Rename one.
    Rename(String, String),
    /// Delete one.
    Delete(String),
    /// Put a deleted one back where it was.
    Restore(usize, Box<Saved>),
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
        Op::Restore(at, item) => {
            if list.iter().any(|s| s.name == item.name) {
                Err(saved::NameError::Taken)
            } else {
                let mut next = list.clone();
                next.insert((*at).min(next.len()), (**item).clone());
                Ok(next)
            }
        }
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

/// How long Undo is offered after a delete, in milliseconds.
pub const UNDO_MS: u32 = 8_000;

/// Props of [`SavedList`].
#[derive(Properties, PartialEq)]
pub struct SavedListProps {
    /// The scenario on screen (what "Save" saves, under its name).
    pub state: Rc<State>,
    /// Changes the state (the name field, loading a saved scenario).
    pub act: Callback<Action>,
    /// The storage namespace (`main`, or the embed's).
    pub namespace: AttrValue,
    /// The page was opened from disk: its storage is shared with other local files.
    #[prop_or_default]
    pub from_disk: bool,
}

/// The saving panel.
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
    let message = {
        let first_read = first_read.clone();
        use_state(move || first_read.as_ref().clone().err())
    };
    let editing = use_state(|| None::<(String, String)>);
    let deleted = use_state(|| None::<(usize, Saved)>);
    {
        // Undo is offered for a few seconds.
        let deleted = deleted.clone();
        use_effect_with(deleted.is_some(), move |on| {
            #[cfg(target_arch = "wasm32")]
            if *on {
                let deleted = deleted.clone();
                crate::web::after(UNDO_MS, move || deleted.set(None));
            }
            #[cfg(not(target_arch = "wasm32"))]
            let _ = (on, deleted);
        });
    }
    let run = {
        let (key, list, message, editing, deleted) = (
            key.clone(),
            list.clone(),
            message.clone(),
            editing.clone(),
            deleted.clone(),
        );
        Callback::from(move |op: Op| match plan(load(&key), &op) {
            Ok((next, doc)) => match store(&key, &doc) {
                Ok(()) => {
                    match &op {
                        Op::Save(name, _) => {
                            message.set(Some(Notice::Saved(name.trim().to_owned())));
                            deleted.set(None);
                        }
                        Op::Delete(name) => {
                            let at = list.iter().position(|s| s.name == *name).unwrap_or(0);
                            if let Some(item) = list.iter().find(|s| s.name == *name) {
                                deleted.set(Some((at, item.clone())));
                            }
                            message.set(Some(Notice::Deleted(name.clone())));
                        }
                        Op::Restore(_, item) => {
                            deleted.set(None);
                            message.set(Some(Notice::Restored(item.name.clone())));
                        }
                        Op::Rename(..) => message.set(None),
                    }
                    list.set(next);
                    editing.set(None);
                }
                Err(StorageProblem::Full) => message.set(Some(Notice::StorageFull)),
                Err(StorageProblem::Unavailable) => message.set(Some(Notice::StorageUnavailable)),
            },
            Err(n) => message.set(Some(n)),
        })
    };
    let s = &props.state.scenario;
    let on_save = {
        let (run, scenario) = (run.clone(), s.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            run.emit(Op::Save(scenario.name.clone(), Box::new(scenario.clone())));
        })
    };
    let on_dismiss = {
        let message = message.clone();
        Callback::from(move |()| message.set(None))
    };
    let undo = deleted.as_ref().map(|(at, item)| {
        let (run, at, item) = (run.clone(), *at, item.clone());
        (
            item.name.clone(),
            Callback::from(move |_: MouseEvent| run.emit(Op::Restore(at, Box::new(item.clone())))),
        )
    });
    html! {
        <section class="saved" aria-labelledby="saved-title">
            <h2 id="saved-title">{"Save this scenario"}</h2>
            <form class="save-form" onsubmit={on_save}>
                {field_control(&FieldProps {
                    path: "name",
                    state: props.state.clone(),
                    act: props.act.clone(),
                    compact: true,
                })}
                <button type="submit" data-action="save">{"Save in this browser"}</button>
            </form>
            if props.from_disk {
                <p class="hint" data-disk-note="">{"This file was opened from disk: the browser shares its saved \
                    scenarios with every other local file you open, so use Export JSON to keep a scenario safe."}</p>
            }
            <NoticeLine notice={(*message).clone()} {on_dismiss} />
            if let Some((name, on_undo)) = undo {
                <p class="undo" data-undo="delete">
                    <button type="button" data-action="undo-delete" onclick={on_undo}>
                        {format!("Undo: bring back “{}”", dpu_engine::error::clip(&name))}
                    </button>
                </p>
            }
            if list.is_empty() {
                <p class="hint">{"Nothing saved yet. Saved scenarios stay in this browser only."}</p>
            } else {
                <ul class="saved-list">
                    for item in list.iter() {
                        { saved_item(item, &editing, &run, &props.act) }
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
    act: &Callback<Action>,
) -> Html {
    let name = item.name.clone();
    let delete = {
        let (run, name) = (run.clone(), name.clone());
        Callback::from(move |_: MouseEvent| run.emit(Op::Delete(name.clone())))
    };
    let renaming = editing
        .as_ref()
        .filter(|(from, _)| *from == name)
        .map(|(_, to)| to.clone());
    let load = match &item.scenario {
        Ok(scenario) => {
            let (act, scenario, name) = (act.clone(), scenario.clone(), name.clone());
            Some(Callback::from(move |_: MouseEvent| {
                act.emit(Action::Load(
                    Box::new(scenario.clone()),
                    Origin::Saved(name.clone()),
                ))
            }))
        }
        Err(_) => None,
    };
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
                    if let Err(damaged) = &item.scenario {
                        <span class="damaged" data-damaged="">{format!("damaged: {}", damaged.error)}</span>
                    }
                    if let Some(load) = load {
                        <button type="button" data-action="load" onclick={load}
                            aria-label={format!("Load {name}")}>{"Load"}</button>
                    }
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
        let gone = list[0].clone();
        let (list, _) = plan(stored(&list), &Op::Delete("prod".into())).unwrap();
        assert!(list.is_empty());
        let (list, _) = plan(stored(&list), &Op::Restore(0, Box::new(gone.clone()))).unwrap();
        assert_eq!(list.len(), 1);
        assert_eq!(list[0], gone);
        // A name saved again meanwhile is not overwritten by Undo.
        assert!(matches!(
            plan(stored(&list), &Op::Restore(0, Box::new(gone))),
            Err(Notice::NameRefused(_))
        ));
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

    #[test]
    fn a_damaged_entry_survives_saving_another() {
        let doc =
            r#"{"version": 1, "saved": [{"name": "bad", "scenario": {"fleet": {"hosts": 0}}}]}"#;
        let (list, stored_doc) = plan(
            Ok(Some(doc.into())),
            &Op::Save("good".into(), Box::default()),
        )
        .unwrap();
        assert_eq!(list.len(), 2);
        assert!(
            stored_doc.contains(r#"{"name":"bad","scenario":{"fleet":{"hosts":0}}}"#),
            "{stored_doc}"
        );
    }
}
