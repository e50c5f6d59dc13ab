//! Named scenarios saved in the browser: the stored format and the operations on it.
//!
//! The page keeps one JSON document per storage namespace (see [`storage_key`]). This module
//! is the pure half: it reads that document and returns new lists for save, rename and
//! delete. A document that is not ours, or comes from a newer version, is refused and left
//! untouched; one damaged entry is reported and kept as it was stored, while the others stay
//! usable. Nothing saved is lost by a bug, a newer version or a hand-edited entry.

use std::fmt;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::error::ScenarioError;
use crate::scenario::Scenario;

/// Version of the stored document.
pub const STORE_VERSION: u32 = 1;

/// Longest name of a saved scenario, in characters.
pub const MAX_SAVED_NAME: usize = 80;

/// One saved scenario.
#[derive(Debug, Clone, PartialEq)]
pub struct Saved {
    /// The name the user gave it (unique within a store).
    pub name: String,
    /// The scenario, or the stored value that could not be read as one.
    pub scenario: Result<Scenario, Damaged>,
}

/// A stored entry that is not a valid scenario: kept as stored, with the reason.
#[derive(Debug, Clone, PartialEq)]
pub struct Damaged {
    /// The stored value, written back unchanged.
    pub raw: Value,
    /// Why it is not a scenario.
    pub error: ScenarioError,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Document {
    version: u32,
    saved: Vec<RawSaved>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSaved {
    name: String,
    scenario: Value,
}

/// Why the stored document cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StoreError {
    /// Not a document of this format.
    Corrupt {
        /// What is wrong.
        reason: String,
    },
    /// Written by a newer version of the page.
    Newer {
        /// Its version.
        version: u32,
    },
}

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StoreError::Corrupt { reason } => {
                write!(f, "the saved scenarios are damaged ({reason})")
            }
            StoreError::Newer { version } => write!(
                f,
                "the saved scenarios were written by a newer version (format {version}; this \
                 page reads {STORE_VERSION})"
            ),
        }
    }
}

impl std::error::Error for StoreError {}

/// A problem with a name or a list operation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NameError {
    /// Empty after trimming.
    Empty,
    /// Longer than [`MAX_SAVED_NAME`].
    TooLong,
    /// Another saved scenario has it.
    Taken,
    /// No saved scenario has it.
    Missing,
    /// It has a control character (a line break, a tab, an escape).
    ControlCharacter,
}

impl fmt::Display for NameError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            NameError::Empty => f.write_str("give the scenario a name"),
            NameError::TooLong => write!(f, "names have at most {MAX_SAVED_NAME} characters"),
            NameError::Taken => f.write_str("another saved scenario has that name"),
            NameError::Missing => f.write_str("no saved scenario has that name"),
            NameError::ControlCharacter => {
                f.write_str("names are one line, without tabs or control characters")
            }
        }
    }
}

impl std::error::Error for NameError {}

/// The storage key for a namespace: the page uses `main`, each embed its own.
///
/// Letters, digits and `-_.` pass as they are; a namespace with anything else (letters of
/// other scripts included) keeps what passes and gets a hash of the whole, so two different
/// namespaces never share a key, and none but `main` lands on the page's own list.
///
/// ```
/// assert_eq!(dpu_engine::saved::storage_key("main"), "dpu-reality-check/v1/main");
/// ```
pub fn storage_key(namespace: &str) -> String {
    let clean: String = namespace
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
        .take(64)
        .collect();
    let ns = if clean == namespace && !clean.is_empty() {
        clean
    } else {
        format!("{clean}~{:016x}", fnv1a(namespace))
    };
    format!("dpu-reality-check/v{STORE_VERSION}/{ns}")
}

/// FNV-1a, 64 bits: a stable hash for storage names.
fn fnv1a(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

/// Reads a stored document; `None` (nothing stored yet) is an empty list.
pub fn parse(stored: Option<&str>) -> Result<Vec<Saved>, StoreError> {
    let Some(text) = stored else {
        return Ok(Vec::new());
    };
    let value: Value = serde_json::from_str(text).map_err(|e| StoreError::Corrupt {
        reason: format!(
            "not JSON: {}",
            crate::scenario::strip_position(&e.to_string())
        ),
    })?;
    if let Some(version) = value.get("version").and_then(Value::as_u64)
        && version > u64::from(STORE_VERSION)
    {
        return Err(StoreError::Newer {
            version: u32::try_from(version).unwrap_or(u32::MAX),
        });
    }
    let doc: Document = serde_json::from_value(value).map_err(|e| StoreError::Corrupt {
        reason: crate::error::clip(&e.to_string()),
    })?;
    Ok(doc
        .saved
        .into_iter()
        .map(|raw| Saved {
            name: raw.name,
            scenario: Scenario::from_value(raw.scenario.clone()).map_err(|error| Damaged {
                raw: raw.scenario,
                error,
            }),
        })
        .collect())
}

/// The document to store for a list (damaged entries written back as they were).
pub fn serialize(list: &[Saved]) -> String {
    let doc = Document {
        version: STORE_VERSION,
        saved: list
            .iter()
            .map(|s| RawSaved {
                name: s.name.clone(),
                scenario: match &s.scenario {
                    Ok(scenario) => serde_json::to_value(scenario).unwrap_or(Value::Null),
                    Err(damaged) => damaged.raw.clone(),
                },
            })
            .collect(),
    };
    serde_json::to_string(&doc).unwrap_or_default()
}

fn check_name(name: &str) -> Result<String, NameError> {
    let name = name.trim();
    if name.is_empty() {
        Err(NameError::Empty)
    } else if name.chars().any(crate::format::is_unsafe_char) {
        Err(NameError::ControlCharacter)
    } else if name.chars().count() > MAX_SAVED_NAME {
        Err(NameError::TooLong)
    } else {
        Ok(name.to_owned())
    }
}

/// Saves `scenario` under `name`, replacing a scenario of the same name; newest first.
pub fn save(list: &[Saved], name: &str, scenario: &Scenario) -> Result<Vec<Saved>, NameError> {
    let name = check_name(name)?;
    let mut out = vec![Saved {
        name: name.clone(),
        scenario: Ok(scenario.clone()),
    }];
    out.extend(list.iter().filter(|s| s.name != name).cloned());
    Ok(out)
}

/// Renames `from` to `to`, keeping its place.
pub fn rename(list: &[Saved], from: &str, to: &str) -> Result<Vec<Saved>, NameError> {
    let to = check_name(to)?;
    if !list.iter().any(|s| s.name == from) {
        return Err(NameError::Missing);
    }
    if to != from && list.iter().any(|s| s.name == to) {
        return Err(NameError::Taken);
    }
    Ok(list
        .iter()
        .map(|s| {
            if s.name == from {
                Saved {
                    name: to.clone(),
                    ..s.clone()
                }
            } else {
                s.clone()
            }
        })
        .collect())
}

/// Deletes `name`.
pub fn delete(list: &[Saved], name: &str) -> Result<Vec<Saved>, NameError> {
    if !list.iter().any(|s| s.name == name) {
        return Err(NameError::Missing);
    }
    Ok(list.iter().filter(|s| s.name != name).cloned().collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scenario(gbps: f64) -> Scenario {
        let mut s = Scenario::default();
        s.traffic.gbps_per_host = gbps;
        s
    }

    #[test]
    fn round_trip_and_empty() {
        assert_eq!(parse(None).unwrap(), []);
        let list = save(&[], "lab", &scenario(40.0)).unwrap();
        let list = save(&list, "prod", &scenario(5.0)).unwrap();
        let back = parse(Some(&serialize(&list))).unwrap();
        assert_eq!(back, list);
        assert_eq!(back[0].name, "prod");
    }

    #[test]
    fn save_replaces_same_name_and_trims() {
        let list = save(&[], "  lab ", &scenario(1.0)).unwrap();
        let list = save(&list, "lab", &scenario(2.0)).unwrap();
        assert_eq!(list.len(), 1);
        assert_eq!(list[0].name, "lab");
        assert_eq!(
            list[0].scenario.as_ref().map(|s| s.traffic.gbps_per_host),
            Ok(2.0)
        );
        assert_eq!(save(&list, "   ", &scenario(1.0)), Err(NameError::Empty));
        assert_eq!(
            save(&list, &"x".repeat(81), &scenario(1.0)),
            Err(NameError::TooLong)
        );
    }

    #[test]
    fn rename_and_delete() {
        let list = save(
            &save(&[], "a", &scenario(1.0)).unwrap(),
            "b",
            &scenario(2.0),
        )
        .unwrap();
        let renamed = rename(&list, "a", "c").unwrap();
        assert_eq!(
            renamed.iter().map(|s| s.name.as_str()).collect::<Vec<_>>(),
            ["b", "c"]
        );
        assert_eq!(rename(&list, "a", "b"), Err(NameError::Taken));
        assert_eq!(rename(&list, "zzz", "q"), Err(NameError::Missing));
        assert_eq!(rename(&list, "a", "a").unwrap(), list);
        let left = delete(&list, "a").unwrap();
        assert_eq!(left.len(), 1);
        assert_eq!(delete(&left, "a"), Err(NameError::Missing));
    }

    #[test]
    fn damaged_documents_are_refused_not_repaired() {
        assert!(matches!(
            parse(Some("{not json")),
            Err(StoreError::Corrupt { .. })
        ));
        assert!(matches!(parse(Some("[]")), Err(StoreError::Corrupt { .. })));
        assert!(matches!(
            parse(Some(r#"{"version": 1}"#)),
            Err(StoreError::Corrupt { .. })
        ));
        assert_eq!(
            parse(Some(r#"{"version": 7, "saved": []}"#)),
            Err(StoreError::Newer { version: 7 })
        );
    }

    #[test]
    fn a_damaged_entry_is_reported_and_kept_and_the_others_stay_usable() {
        let stored = r#"{"version": 1, "saved": [
            {"name": "x", "scenario": {"fleet": {"hosts": 0}}},
            {"name": "ok", "scenario": {"fleet": {"hosts": 3}}}]}"#;
        let list = parse(Some(stored)).unwrap();
        assert_eq!(list.len(), 2);
        let damaged = list[0].scenario.as_ref().unwrap_err();
        assert_eq!(damaged.error.path(), Some("fleet.hosts"));
        assert_eq!(list[1].scenario.as_ref().map(|s| s.fleet.hosts), Ok(3));
        // Saving another keeps the damaged entry exactly as it was stored.
        let next = save(&list, "new", &scenario(7.0)).unwrap();
        let again = parse(Some(&serialize(&next))).unwrap();
        assert_eq!(again.len(), 3);
        assert_eq!(again[1], list[0]);
        // It can be renamed and deleted like any other.
        let renamed = rename(&again, "x", "broken").unwrap();
        assert!(renamed[1].scenario.is_err());
        assert_eq!(delete(&renamed, "broken").unwrap().len(), 2);
    }

    #[test]
    fn names_are_one_line() {
        assert_eq!(
            save(&[], "a\nb", &scenario(1.0)),
            Err(NameError::ControlCharacter)
        );
        assert_eq!(
            save(&[], "a\u{1b}[2J", &scenario(1.0)),
            Err(NameError::ControlCharacter)
        );
        let list = save(&[], "a", &scenario(1.0)).unwrap();
        assert_eq!(rename(&list, "a", "b\tc"), Err(NameError::ControlCharacter));
    }

    #[test]
    fn storage_keys_are_namespaced_and_clean() {
        assert_eq!(storage_key("embed-2"), "dpu-reality-check/v1/embed-2");
        assert_ne!(storage_key(""), storage_key("main"));
        assert!(storage_key("<x>/../y").starts_with("dpu-reality-check/v1/x..y~"));
        assert_ne!(storage_key("embed-1"), storage_key("embed-2"));
        // Letters of other scripts never clean to the page's own list, nor to each other.
        for (a, b) in [("ü", "ö"), ("名前", "main"), ("über", "ber"), ("a b", "ab")] {
            assert_ne!(storage_key(a), storage_key(b), "{a} vs {b}");
            assert_ne!(storage_key(a), storage_key("main"), "{a}");
        }
        assert!(storage_key(&"x".repeat(500)).len() < 120);
    }
}
