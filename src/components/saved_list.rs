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
use super::on_click;
use super::sources::use_embedded;
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
    /// Delete the one at this place in the list, with this name (a list written elsewhere
    /// may hold two of one name: only the one pressed goes).
    Delete(usize, String),
    /// Put a deleted one back where it was.
    Restore(usize, Box<Saved>),
    /// Put back, where it was, the one a save under its name replaced.
    Unsave(usize, Box<Saved>),
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
        Op::Delete(at, name) => saved::delete(&list, *at, name),
        Op::Restore(at, item) => {
            if list.iter().any(|s| s.name == item.name) {
                Err(saved::NameError::Taken)
            } else {
                let mut next = list.clone();
                next.insert((*at).min(next.len()), (**item).clone());
                Ok(next)
            }
        }
        Op::Unsave(at, item) => {
            let mut next: Vec<Saved> = list
                .iter()
                .filter(|s| s.name != item.name)
                .cloned()
                .collect();
            next.insert((*at).min(next.len()), (**item).clone());
            Ok(next)
        }
    }
    .map_err(|e| Notice::NameRefused(e.to_string()))?;
    let doc = saved::serialize(&next);
    // Never store what the next read would refuse as too large.
    if doc.len() > saved::MAX_STORED_BYTES {
        return Err(Notice::StorageFull);
    }
    Ok((next, doc))
}

fn load(key: &str) -> Result<Option<String>, StorageProblem> {
    crate::web::storage_get(key)
}

fn store(key: &str, doc: &str) -> Result<(), StorageProblem> {
    crate::web::storage_set(key, doc)
}

/// Removes what storage holds under `key` (the Clear of the damaged-storage notice).
fn clear(key: &str) -> Result<(), StorageProblem> {
    crate::web::storage_remove(key)
}

/// Offers what storage holds under `key`, exactly as stored, as a file to keep (the Export of
/// the damaged-storage notice): nothing is parsed, however large or broken it is.
fn export_stored(key: &str) {
    if let Ok(Some(text)) = load(key) {
        crate::web::download("dpu-saved-scenarios.json", "application/json", &text);
    }
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

/// The panel's own state: the list as stored, the last message, the entry being renamed
/// (its name and the new name typed so far), and what Undo would bring back.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Panel {
    /// The saved scenarios, as storage holds them.
    pub list: Vec<Saved>,
    /// The panel's last message.
    pub message: Option<Notice>,
    /// While renaming: the entry's name and the new name so far.
    pub editing: Option<(String, String)>,
    /// The last deleted entry (or the one a save replaced) and its place, while Undo is
    /// offered.
    pub deleted: Option<(usize, Saved)>,
    /// Whether `deleted` was replaced by a save under its name (Undo puts it back in its
    /// stead), not deleted.
    pub replaced: bool,
}

/// What happens to the panel.
#[derive(Debug, Clone, PartialEq)]
pub enum Change {
    /// `op` was stored; `next` is the list now.
    Done(Op, Vec<Saved>),
    /// `op` was not stored, for this reason.
    Failed(Notice),
    /// Start, continue or stop renaming.
    Edit(Option<(String, String)>),
    /// The message was dismissed.
    Dismiss,
    /// The time to undo a delete has passed.
    ForgetDeleted,
    /// Storage that could not be read was cleared: the list starts empty.
    Cleared,
}

impl Panel {
    /// The panel for what storage holds when it appears.
    pub fn read(stored: Result<Option<String>, StorageProblem>) -> Panel {
        let (list, message) = match read(stored) {
            Ok(list) => (list, None),
            Err(notice) => (Vec::new(), Some(notice)),
        };
        Panel {
            list,
            message,
            ..Panel::default()
        }
    }

    /// The panel after `change`. Pure.
    pub fn apply(&self, change: Change) -> Panel {
        let mut next = self.clone();
        match change {
            Change::Done(op, list) => {
                match op {
                    Op::Save(name, _) => {
                        let name = name.trim();
                        // Saving under a taken name replaces that one: Undo is offered.
                        next.deleted = self
                            .list
                            .iter()
                            .position(|s| s.name == name)
                            .map(|at| (at, self.list[at].clone()));
                        next.replaced = true;
                        next.message = Some(Notice::Saved(name.to_owned()));
                    }
                    Op::Delete(at, name) => {
                        if let Some(item) = self.list.get(at).filter(|s| s.name == name) {
                            next.deleted = Some((at, item.clone()));
                        }
                        next.replaced = false;
                        next.message = Some(Notice::Deleted(name));
                    }
                    Op::Restore(_, item) | Op::Unsave(_, item) => {
                        next.deleted = None;
                        next.message = Some(Notice::Restored(item.name));
                    }
                    Op::Rename(..) => next.message = None,
                }
                next.list = list;
                next.editing = None;
            }
            Change::Failed(notice) => next.message = Some(notice),
            Change::Edit(editing) => next.editing = editing,
            Change::Dismiss => next.message = None,
            Change::ForgetDeleted => next.deleted = None,
            Change::Cleared => next = Panel::default(),
        }
        next
    }
}

impl Reducible for Panel {
    type Action = Change;

    fn reduce(self: Rc<Self>, change: Change) -> Rc<Self> {
        Rc::new(self.apply(change))
    }
}

/// The saving panel.
#[component]
pub fn SavedList(props: &SavedListProps) -> Html {
    let embedded = use_embedded();
    let key = saved::storage_key(&props.namespace);
    // Storage is read once when the panel appears; a problem is reported once, then.
    let panel = {
        let key = key.clone();
        use_reducer(move || Panel::read(load(&key)))
    };
    let change = {
        let d = panel.dispatcher();
        Callback::from(move |c: Change| d.dispatch(c))
    };
    {
        // Undo is offered for a few seconds.
        let change = change.clone();
        use_effect_with(panel.deleted.is_some(), move |on| {
            let timer = on
                .then(|| crate::web::after(UNDO_MS, move || change.emit(Change::ForgetDeleted)))
                .flatten();
            move || drop(timer)
        });
    }
    // Storage that cannot be read: keep it as a file, or clear it and start again.
    let on_export = {
        let key = key.clone();
        Callback::from(move |_: MouseEvent| export_stored(&key))
    };
    let on_clear = {
        let key = key.clone();
        change.reform(move |_: MouseEvent| match clear(&key) {
            Ok(()) => Change::Cleared,
            Err(_) => Change::Failed(Notice::StorageUnavailable),
        })
    };
    let unreadable = matches!(panel.message, Some(Notice::StorageCorrupt(_)));
    // Every operation re-reads storage first, then stores the new document.
    let run = change.reform(move |op: Op| match plan(load(&key), &op) {
        Ok((next, doc)) => match store(&key, &doc) {
            Ok(()) => Change::Done(op, next),
            Err(StorageProblem::Full) => Change::Failed(Notice::StorageFull),
            Err(StorageProblem::Unavailable) => Change::Failed(Notice::StorageUnavailable),
        },
        Err(notice) => Change::Failed(notice),
    });
    let s = &props.state.scenario;
    let on_save = {
        let (run, scenario) = (run.clone(), s.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            run.emit(Op::Save(scenario.name.clone(), Box::new(scenario.clone())));
        })
    };
    html! {
        <section class="saved" aria-labelledby="saved-title">
            <h2 id="saved-title">{"Save this scenario"}</h2>
            <form class="save-form" onsubmit={on_save}>
                {field_control(&FieldProps {
                    path: "name",
                    state: props.state.clone(),
                    act: props.act.clone(),
                    compact: true,
                    embedded,
                })}
                <button type="submit" data-action="save">{"Save in this browser"}</button>
            </form>
            if props.from_disk {
                <p class="hint" data-disk-note="">{"This file was opened from disk: the browser shares its saved \
                    scenarios with every other local file you open, so use Export JSON to keep a scenario safe."}</p>
            }
            <NoticeLine notice={panel.message.clone()} on_dismiss={change.reform(|()| Change::Dismiss)} />
            if unreadable {
                <p class="storage-actions" data-storage-actions="">
                    <button type="button" data-action="storage-export" onclick={on_export}>
                        {"Export them as they are"}</button>
                    <button type="button" data-action="storage-clear" onclick={on_clear}>
                        {"Clear them"}</button>
                </p>
            }
            if let Some((at, item)) = &panel.deleted {
                <p class="undo" data-undo={if panel.replaced { "replace" } else { "delete" }}>
                    <button type="button" data-action="undo-delete"
                        onclick={on_click(&run, if panel.replaced {
                            Op::Unsave(*at, Box::new(item.clone()))
                        } else {
                            Op::Restore(*at, Box::new(item.clone()))
                        })}>
                        {format!("Undo: bring back {}“{}”", if panel.replaced { "the earlier " } else { "" }, dpu_engine::error::clip(&item.name))}
                    </button>
                </p>
            }
            if panel.list.is_empty() {
                <p class="hint">{"Nothing saved yet. Saved scenarios stay in this browser only."}</p>
            } else {
                <ul class="saved-list">
                    for (at, item) in panel.list.iter().enumerate() {
                        { saved_item(at, item, panel.editing.as_ref(), &run, &change, &props.act) }
                    }
                </ul>
            }
        </section>
    }
}

fn saved_item(
    at: usize,
    item: &Saved,
    editing: Option<&(String, String)>,
    run: &Callback<Op>,
    change: &Callback<Change>,
    act: &Callback<Action>,
) -> Html {
    let name = &item.name;
    let renaming = editing.filter(|(from, _)| from == name).map(|(_, to)| to);
    let body = match renaming {
        Some(to) => {
            let on_text = {
                let name = name.clone();
                change.reform(move |e: InputEvent| {
                    let input: web_sys::HtmlInputElement = e.target_unchecked_into();
                    Change::Edit(Some((name.clone(), input.value())))
                })
            };
            html! {
                <>
                    <input type="text" data-field="rename" maxlength="80" value={to.clone()}
                        aria-label={format!("New name for {name}")} oninput={on_text} />
                    <button type="button" data-action="rename-confirm"
                        onclick={on_click(run, Op::Rename(name.clone(), to.clone()))}>{"OK"}</button>
                    <button type="button" data-action="rename-cancel"
                        onclick={on_click(change, Change::Edit(None))}>{"Cancel"}</button>
                </>
            }
        }
        None => html! {
            <>
                <span class="saved-name">{name.clone()}</span>
                if let Err(damaged) = &item.scenario {
                    <span class="damaged" data-damaged="">{format!("damaged: {}", damaged.error)}</span>
                }
                if let Ok(scenario) = &item.scenario {
                    <button type="button" data-action="load"
                        onclick={on_click(act, Action::Load(Box::new(scenario.clone()), Origin::Saved(name.clone())))}
                        aria-label={format!("Load {name}")}>{"Load"}</button>
                }
                <button type="button" data-action="rename"
                    onclick={on_click(change, Change::Edit(Some((name.clone(), name.clone()))))}
                    aria-label={format!("Rename {name}")}>{"Rename"}</button>
                <button type="button" class="secondary" data-action="delete" onclick={on_click(run, Op::Delete(at, name.clone()))}
                    aria-label={format!("Delete {name}")}>{"Delete"}</button>
            </>
        },
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
        let (list, _) = plan(stored(&list), &Op::Delete(0, "prod".into())).unwrap();
        assert!(list.is_empty());
        let (list, _) = plan(stored(&list), &Op::Restore(0, Box::new(gone.clone()))).unwrap();
        assert_eq!(list.len(), 1);
        assert_eq!(list[0], gone);
        // A name saved again meanwhile is not overwritten by Undo.
        assert!(matches!(
            plan(stored(&list), &Op::Restore(0, Box::new(gone.clone()))),
            Err(Notice::NameRefused(_))
        ));
        // Undoing a save that replaced one puts the earlier one back in its place.
        let mut other = Scenario::default();
        other.fleet.hosts = 7;
        let (two, _) = plan(stored(&list), &Op::Save("lab".into(), Box::default())).unwrap();
        let (three, _) = plan(stored(&two), &Op::Save("prod".into(), Box::new(other))).unwrap();
        assert_eq!(three[1].name, "lab");
        let (back, _) = plan(stored(&three), &Op::Unsave(1, Box::new(gone.clone()))).unwrap();
        assert_eq!(
            back.iter().map(|s| s.name.as_str()).collect::<Vec<_>>(),
            ["lab", "prod"]
        );
        assert_eq!(back[1], gone);
    }

    #[test]
    fn the_panel_follows_each_change() {
        let lab = saved::save(&[], "lab", &Scenario::default()).unwrap();
        let panel = Panel::read(Ok(None));
        assert_eq!(panel, Panel::default());
        let panel = panel.apply(Change::Edit(Some(("x".into(), "y".into()))));
        let panel = panel.apply(Change::Done(
            Op::Save(" lab ".into(), Box::default()),
            lab.clone(),
        ));
        assert_eq!(panel.list, lab);
        assert_eq!(panel.message, Some(Notice::Saved("lab".into())));
        assert_eq!(panel.editing, None, "a stored change ends renaming");
        let panel = panel.apply(Change::Edit(Some(("lab".into(), "la".into()))));
        assert_eq!(panel.editing, Some(("lab".into(), "la".into())));
        let panel = panel.apply(Change::Done(Op::Delete(0, "lab".into()), Vec::new()));
        assert_eq!(panel.deleted, Some((0, lab[0].clone())));
        assert_eq!(panel.message, Some(Notice::Deleted("lab".into())));
        let failed = panel.apply(Change::Failed(Notice::StorageFull));
        assert_eq!(
            (failed.message, failed.list, failed.deleted),
            (Some(Notice::StorageFull), Vec::new(), panel.deleted.clone()),
            "a failure only says so"
        );
        let back = panel.apply(Change::Done(
            Op::Restore(0, Box::new(lab[0].clone())),
            lab.clone(),
        ));
        assert_eq!((back.deleted, back.list), (None, lab.clone()));
        assert_eq!(back.message, Some(Notice::Restored("lab".into())));
        let quiet = panel.apply(Change::Dismiss).apply(Change::ForgetDeleted);
        assert_eq!((quiet.message, quiet.deleted), (None, None));
        // Saving under a taken name offers to bring the earlier one back.
        let base = Panel {
            list: lab.clone(),
            ..Panel::default()
        };
        let again = base.apply(Change::Done(
            Op::Save("lab".into(), Box::default()),
            lab.clone(),
        ));
        assert_eq!(
            (again.deleted, again.replaced),
            (Some((0, lab[0].clone())), true)
        );
        let fresh = base.apply(Change::Done(
            Op::Save("new".into(), Box::default()),
            lab.clone(),
        ));
        assert_eq!(fresh.deleted, None);
        let renamed = panel.apply(Change::Done(Op::Rename("a".into(), "b".into()), Vec::new()));
        assert_eq!(renamed.message, None);
        let corrupt = Panel::read(Ok(Some("{broken".into())));
        assert!(matches!(corrupt.message, Some(Notice::StorageCorrupt(_))));
        assert!(corrupt.list.is_empty());
        assert_eq!(corrupt.apply(Change::Cleared), Panel::default());
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
            plan(Ok(None), &Op::Delete(0, "nope".into())),
            Err(Notice::NameRefused(_))
        ));
    }

    #[test]
    fn storage_over_the_bound_is_refused_unread_and_never_written() {
        // Another page of the origin wrote 4.8 MB: refused by its size, not parsed.
        let huge = format!("{{\"version\":1,\"saved\":[{}", "{".repeat(5_000_000));
        let panel = Panel::read(Ok(Some(huge)));
        let Some(Notice::StorageCorrupt(why)) = &panel.message else {
            panic!("{:?}", panel.message);
        };
        assert!(why.contains("at most 1,048,576 are read"), "{why}");
        // A save that would pass the bound is refused as a full storage.
        let big = Scenario {
            name: "x".repeat(100),
            ..Scenario::default()
        };
        let entry = |i: usize| {
            saved::save(&[], &format!("{i:04}"), &big)
                .unwrap()
                .remove(0)
        };
        let each =
            saved::serialize(&[entry(0), entry(1)]).len() - saved::serialize(&[entry(0)]).len();
        let mut many: Vec<Saved> = (0..saved::MAX_STORED_BYTES / each - 2).map(entry).collect();
        while saved::serialize(&many).len() <= saved::MAX_STORED_BYTES {
            many.push(entry(many.len()));
        }
        many.pop();
        let doc = saved::serialize(&many);
        assert!(doc.len() <= saved::MAX_STORED_BYTES);
        let planned = plan(Ok(Some(doc)), &Op::Save("n".into(), Box::new(big)));
        assert!(
            matches!(planned, Err(Notice::StorageFull)),
            "saved past the bound"
        );
    }

    #[test]
    fn deleting_one_of_two_of_a_name_deletes_that_one() {
        let doc = r#"{"version": 1, "saved": [
            {"name": "lab", "scenario": {"fleet": {"hosts": 3}}},
            {"name": "lab", "scenario": {"fleet": {"hosts": 4}}}]}"#;
        let (list, _) = plan(Ok(Some(doc.into())), &Op::Delete(1, "lab".into())).unwrap();
        assert_eq!(list.len(), 1);
        assert_eq!(list[0].scenario.as_ref().map(|s| s.fleet.hosts), Ok(3));
        let panel = Panel::read(Ok(Some(doc.into())));
        let after = panel.apply(Change::Done(Op::Delete(1, "lab".into()), list));
        assert_eq!(after.deleted, Some((1, panel.list[1].clone())));
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
