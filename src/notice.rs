//! Short messages the page shows after an action or a problem it could not avoid: a link
//! that could not be read, damaged or full storage, an import that failed, a copy that worked.

/// Echoed text, cut to a readable length and without control characters.
fn clip(text: &str) -> String {
    dpu_engine::error::clip(text)
}

/// One message, with a stable kind (`data-notice`) for people and tests who script the page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    /// The `#s=` link could not be read; the defaults are shown.
    LinkInvalid(String),
    /// The link is on the clipboard.
    LinkCopied,
    /// The clipboard refused; the link is shown for copying by hand.
    CopyByHand(String),
    /// The clipboard refused the Markdown report.
    MarkdownByHand,
    /// The Markdown report is on the clipboard.
    MarkdownCopied,
    /// The saved scenarios in this browser are damaged or from a newer version; they are
    /// left as they are and nothing is saved over them.
    StorageCorrupt(String),
    /// The browser's storage is full.
    StorageFull,
    /// This browser does not let the page store anything (private mode, blocked storage).
    StorageUnavailable,
    /// A saved-scenario name was refused.
    NameRefused(String),
    /// A scenario was saved.
    Saved(String),
    /// A file was imported.
    Imported(String),
    /// A file could not be imported; the scenario on screen stays.
    ImportInvalid(String),
    /// `?preset=` named no preset; the defaults are shown.
    UnknownPreset(String),
    /// An embed snippet is on the clipboard.
    SnippetCopied,
    /// The clipboard refused the snippet; it is selected for copying by hand.
    SnippetByHand,
    /// A saved scenario was deleted (Undo is offered beside the list).
    Deleted(String),
    /// A deleted scenario was brought back.
    Restored(String),
}

impl Notice {
    /// The value of `data-notice`.
    pub fn kind(&self) -> &'static str {
        match self {
            Notice::LinkInvalid(_) => "link-invalid",
            Notice::LinkCopied => "link-copied",
            Notice::CopyByHand(_) => "copy-by-hand",
            Notice::MarkdownCopied => "markdown-copied",
            Notice::MarkdownByHand => "markdown-by-hand",
            Notice::StorageCorrupt(_) => "storage-corrupt",
            Notice::StorageFull => "storage-full",
            Notice::StorageUnavailable => "storage-unavailable",
            Notice::NameRefused(_) => "name-refused",
            Notice::Saved(_) => "saved",
            Notice::Imported(_) => "imported",
            Notice::ImportInvalid(_) => "import-invalid",
            Notice::UnknownPreset(_) => "unknown-preset",
            Notice::SnippetCopied => "snippet-copied",
            Notice::SnippetByHand => "snippet-by-hand",
            Notice::Deleted(_) => "deleted",
            Notice::Restored(_) => "restored",
        }
    }

    /// Whether it reports a problem (shown as an alert) rather than a success.
    pub fn is_problem(&self) -> bool {
        !matches!(
            self,
            Notice::LinkCopied
                | Notice::MarkdownCopied
                | Notice::Saved(_)
                | Notice::Imported(_)
                | Notice::SnippetCopied
                | Notice::Deleted(_)
                | Notice::Restored(_)
        )
    }

    /// The message in plain words.
    pub fn text(&self) -> String {
        match self {
            Notice::LinkInvalid(why) => {
                format!("This link's scenario could not be read, so the defaults are shown: {why}.")
            }
            Notice::LinkCopied => "Link copied. It carries the whole scenario; nothing is stored \
                                   anywhere but in the link itself."
                .to_owned(),
            Notice::CopyByHand(link) => {
                format!("The browser did not allow copying. Copy this link by hand: {link}")
            }
            Notice::MarkdownCopied => "Markdown report copied, ready to paste.".to_owned(),
            Notice::MarkdownByHand => "The browser did not allow copying. Export the scenario as \
                                       JSON and run dpucheck evaluate FILE --format markdown for \
                                       the same report."
                .to_owned(),
            Notice::StorageCorrupt(why) => format!(
                "Saved scenarios in this browser cannot be read ({why}). They are left \
                 untouched, and nothing is saved until they are cleared."
            ),
            Notice::StorageFull => "The browser's storage is full: the scenario was not saved. \
                                    Delete some saved scenarios or export this one as JSON."
                .to_owned(),
            Notice::StorageUnavailable => "This browser does not let the page store anything \
                                           (private mode or blocked storage); export the \
                                           scenario as JSON instead."
                .to_owned(),
            Notice::NameRefused(why) => format!("That did not work: {why}."),
            Notice::Saved(name) => format!("Saved as “{}”.", clip(name)),
            Notice::Imported(name) => format!("Imported {}.", clip(name)),
            Notice::ImportInvalid(why) => {
                format!("That file could not be imported ({why}); the scenario on screen stays.")
            }
            Notice::UnknownPreset(name) => format!(
                "There is no preset called “{}”; showing the example. Pick one from the list \
                 above.",
                clip(name)
            ),
            Notice::SnippetCopied => "Embed code copied, ready to paste into your post.".to_owned(),
            Notice::SnippetByHand => "The browser did not allow copying: the embed code is \
                                      selected, copy it by hand."
                .to_owned(),
            Notice::Deleted(name) => format!("Deleted “{}”.", clip(name)),
            Notice::Restored(name) => format!("Brought back “{}”.", clip(name)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_are_distinct_and_texts_carry_the_detail() {
        let all = [
            Notice::LinkInvalid("x1".into()),
            Notice::LinkCopied,
            Notice::CopyByHand("x2".into()),
            Notice::MarkdownCopied,
            Notice::MarkdownByHand,
            Notice::StorageCorrupt("x3".into()),
            Notice::StorageFull,
            Notice::StorageUnavailable,
            Notice::NameRefused("x4".into()),
            Notice::Saved("x5".into()),
            Notice::Imported("x6".into()),
            Notice::ImportInvalid("x7".into()),
            Notice::UnknownPreset("x8".into()),
            Notice::SnippetCopied,
            Notice::SnippetByHand,
            Notice::Deleted("x9".into()),
            Notice::Restored("x10".into()),
        ];
        for (i, n) in all.iter().enumerate() {
            assert!(
                all[..i].iter().all(|m| m.kind() != n.kind()),
                "{}",
                n.kind()
            );
            assert!(!n.text().is_empty());
        }
        for (n, detail) in [
            (&all[0], "x1"),
            (&all[2], "x2"),
            (&all[5], "x3"),
            (&all[11], "x7"),
        ] {
            assert!(n.text().contains(detail), "{}", n.kind());
            assert!(n.is_problem());
        }
        assert!(!Notice::LinkCopied.is_problem());
        // Echoed names are cut short and carry no control characters.
        let long = Notice::UnknownPreset(format!("{}\u{1b}[2J", "x".repeat(20_000))).text();
        assert!(
            long.chars().count() < 200 && !long.chars().any(char::is_control),
            "{long}"
        );
    }
}
