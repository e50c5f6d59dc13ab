//! The engine's integration tests, one binary (see STYLE.md): the rule catalog, verdicts,
//! presets and snapshots, and properties over generated scenarios and arbitrary JSON.

#![allow(clippy::unwrap_used, reason = "a failed unwrap is a failed test")]

mod catalog;
mod compat;
mod properties;
mod reports;
