//! Named scenarios saved in the browser: the stored format and the operations on it.
//!
//! The page keeps one JSON document per storage namespace (see [`storage_key`]). This module
//! is the pure half: it reads that document, refusing (never repairing) anything damaged, and
//! returns new lists for save, rename and delete. The page does the storage I/O, and leaves a
//! damaged document untouched so nothing saved is lost by a bug or a newer version.

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
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Saved {
    /// The name the user gave it (unique within a store).
    pub name: String,
    /// The scenario.
    pub scenario: Scenario,
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
    /// One entry's scenario is not valid.
    BadEntry {
        /// The entry's name.
        name: String,
        /// Why.
        error: ScenarioError,
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
            StoreError::BadEntry { name, error } => {
                write!(f, "the saved scenario \"{name}\" is damaged: {error}")
            }
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
}

impl fmt::Display for NameError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            NameError::Empty => f.write_str("give the scenario a name"),
            NameError::TooLong => write!(f, "names have at most {MAX_SAVED_NAME} characters"),
            NameError::Taken => f.write_str("another saved scenario has that name"),
            NameError::Missing => f.write_str("no saved scenario has that name"),
        }
    }
}

impl std::error::Error for NameError {}

/// The storage key for a namespace: the page uses `main`, each embed its own id.
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
    let ns = if clean.is_empty() {
        "main"
    } else {
        clean.as_str()
    };
    format!("dpu-reality-check/v{STORE_VERSION}/{ns}")
}

/// Reads a stored document; `None` (nothing stored yet) is an empty list.
pub fn parse(stored: Option<&str>) -> Result<Vec<Saved>, StoreError> {
    let Some(text) = stored else {
        return Ok(Vec::new());
    };
    let value: Value = serde_json::from_str(text).map_err(|e| StoreError::Corrupt {
        reason: format!("not JSON: {e}"),
    })?;
    if let Some(version) = value.get("version").and_then(Value::as_u64)
        && version > u64::from(STORE_VERSION)
    {
        return Err(StoreError::Newer {
            version: u32::try_from(version).unwrap_or(u32::MAX),
        });
    }
    let doc: Document = serde_json::from_value(value).map_err(|e| StoreError::Corrupt {
        reason: e.to_string(),
    })?;
    let mut out = Vec::with_capacity(doc.saved.len());
    for raw in doc.saved {
        let scenario =
            Scenario::from_value(raw.scenario).map_err(|error| StoreError::BadEntry {
                name: raw.name.clone(),
                error,
            })?;
        out.push(Saved {
            name: raw.name,
            scenario,
        });
    }
    Ok(out)
}

/// The document to store for a list.
pub fn serialize(list: &[Saved]) -> String {
    let doc = Document {
        version: STORE_VERSION,
        saved: list
            .iter()
            .map(|s| RawSaved {
                name: s.name.clone(),
                scenario: serde_json::to_value(&s.scenario).unwrap_or(Value::Null),
            })
            .collect(),
    };
    serde_json::to_string(&doc).unwrap_or_default()
}

fn check_name(name: &str) -> Result<String, NameError> {
    let name = name.trim();
    if name.is_empty() {
        Err(NameError::Empty)
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
        scenario: scenario.clone(),
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
        assert_eq!(list[0].scenario.traffic.gbps_per_host, 2.0);
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
        let bad =
            r#"{"version": 1, "saved": [{"name": "x", "scenario": {"fleet": {"hosts": 0}}}]}"#;
        match parse(Some(bad)) {
            Err(StoreError::BadEntry { name, error }) => {
                assert_eq!(name, "x");
                assert_eq!(error.path(), Some("fleet.hosts"));
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn storage_keys_are_namespaced_and_clean() {
        assert_eq!(storage_key("embed-2"), "dpu-reality-check/v1/embed-2");
        assert_eq!(storage_key(""), "dpu-reality-check/v1/main");
        assert_eq!(storage_key("<x>/../y"), "dpu-reality-check/v1/x..y");
        assert_ne!(storage_key("embed-1"), storage_key("embed-2"));
    }
}
