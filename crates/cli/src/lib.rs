//! The `dpucheck` commands as a pure function of arguments and inputs, so they can be tested
//! without spawning processes: `run` returns what to print and how to exit.

use std::io::{self, Read};

use dpu_engine::render::{markdown, text};
use dpu_engine::rules::CATALOG;
use dpu_engine::{Scenario, evaluate, presets};

/// What a command produced.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Print to standard output, exit 0.
    Ok(String),
    /// Wrong arguments: print usage to standard error, exit 2.
    Usage(String),
    /// Bad input: print a one-line message to standard error, exit 2.
    BadInput(String),
}

/// The help text.
pub const USAGE: &str = "\
dpucheck: will a DPU solve this problem? (DPU Reality Check)

Usage:
  dpucheck evaluate FILE|- [--format text|json|markdown]
  dpucheck presets
  dpucheck preset NAME
  dpucheck rules
  dpucheck help

  evaluate   read a scenario (JSON; `-` for standard input) and print the report
  presets    list the ready-made scenarios
  preset     print one preset's scenario JSON (pipe it into `evaluate -`)
  rules      list every feasibility rule with its sources

Exit status: 0 on success, 2 on bad arguments or bad input.";

/// Output formats of `evaluate`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    Text,
    Json,
    Markdown,
}

/// Runs one command. `read` reads a file; `stdin` is standard input (read only for `-`).
pub fn run(args: &[String], read: &dyn Fn(&str) -> io::Result<String>, stdin: &str) -> Outcome {
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    match args.as_slice() {
        [] | ["help" | "--help" | "-h"] => Outcome::Ok(format!("{USAGE}\n")),
        ["evaluate", rest @ ..] => evaluate_cmd(rest, read, stdin),
        ["presets"] => Outcome::Ok(list_presets()),
        ["preset", name] => match presets::preset(name) {
            Some(p) => match p.scenario() {
                Ok(s) => Outcome::Ok(format!("{}\n", s.to_json_pretty())),
                Err(e) => Outcome::BadInput(format!("preset {name}: {e}")),
            },
            None => Outcome::BadInput(format!(
                "no preset named `{}`; allowed: {}",
                dpu_engine::error::clip(name),
                presets::names()
            )),
        },
        ["rules"] => Outcome::Ok(list_rules()),
        _ => Outcome::Usage(USAGE.to_owned()),
    }
}

/// Reads an input of at most [`MAX_SCENARIO_BYTES`](dpu_engine::scenario::MAX_SCENARIO_BYTES):
/// at most one byte more is read, so a huge file or an endless pipe costs no more than a
/// scenario. A longer input is an `InvalidData` error that says so; text that is not UTF-8
/// is one too.
pub fn read_capped(input: impl Read) -> io::Result<String> {
    let max = dpu_engine::scenario::MAX_SCENARIO_BYTES;
    let mut bytes = Vec::new();
    input.take(max as u64 + 1).read_to_end(&mut bytes)?;
    if bytes.len() > max {
        return Err(io::Error::new(
            io::ErrorKind::InvalidData,
            format!(
                "the scenario is more than {} bytes long; at most {} are read",
                dpu_engine::format::num(max as f64, 0),
                dpu_engine::format::num(max as f64, 0)
            ),
        ));
    }
    String::from_utf8(bytes)
        .map_err(|_| io::Error::new(io::ErrorKind::InvalidData, "not readable UTF-8 text"))
}

fn evaluate_cmd(args: &[&str], read: &dyn Fn(&str) -> io::Result<String>, stdin: &str) -> Outcome {
    let mut format = Format::Text;
    let mut input = None;
    let mut i = 0;
    while i < args.len() {
        // `--format=X` is `--format X` in one argument (read in place: no recursion, so any
        // number of them costs no stack).
        let (flag, inline) = match args[i].split_once('=') {
            Some(("--format", value)) => ("--format", Some(value)),
            _ => (args[i], None),
        };
        match flag {
            "--format" | "-f" => {
                let Some(value) = inline.or_else(|| args.get(i + 1).copied()) else {
                    return Outcome::BadInput(
                        "--format needs a value: text, json or markdown".into(),
                    );
                };
                format = match value {
                    "text" => Format::Text,
                    "json" => Format::Json,
                    "markdown" | "md" => Format::Markdown,
                    other => {
                        return Outcome::BadInput(format!(
                            "--format: unknown format `{}`; allowed: text, json, markdown",
                            dpu_engine::error::clip(other)
                        ));
                    }
                };
                i += if inline.is_some() { 1 } else { 2 };
            }
            arg if input.is_none() && (arg == "-" || !arg.starts_with('-')) => {
                input = Some(arg);
                i += 1;
            }
            other => {
                return Outcome::Usage(format!(
                    "unexpected argument `{}`\n\n{USAGE}",
                    dpu_engine::error::clip(other)
                ));
            }
        }
    }
    let Some(path) = input else {
        return Outcome::Usage(format!("evaluate needs a FILE or `-`\n\n{USAGE}"));
    };
    let text_in = if path == "-" {
        stdin.to_owned()
    } else {
        match read(path) {
            Ok(t) => t,
            Err(e) => {
                return Outcome::BadInput(format!(
                    "{}: cannot read: {}",
                    dpu_engine::error::clip(path),
                    dpu_engine::error::clip(&e.to_string())
                ));
            }
        }
    };
    let scenario = match Scenario::from_json(&text_in) {
        Ok(s) => s,
        Err(e) => {
            let name = if path == "-" {
                "standard input".to_owned()
            } else {
                dpu_engine::error::clip(path)
            };
            return Outcome::BadInput(format!("{name}: {e}"));
        }
    };
    let report = evaluate(&scenario);
    Outcome::Ok(match format {
        Format::Text => text(&report, &scenario),
        Format::Json => format!("{}\n", report.to_json_pretty()),
        Format::Markdown => markdown(&report, &scenario),
    })
}

/// One preset per entry: its name and title on the first line (the names start the line, so
/// scripts take the first word), its summary indented under it. The name column fits the
/// longest name, with two spaces after it.
fn list_presets() -> String {
    let width = presets::PRESETS
        .iter()
        .map(|p| p.name.len())
        .max()
        .unwrap_or(0)
        + 2;
    let mut out = String::new();
    for p in presets::PRESETS {
        out.push_str(&format!(
            "{:<width$}{}\n{:<width$}{}\n",
            p.name, p.title, "", p.summary
        ));
    }
    out
}

fn list_rules() -> String {
    let mut out = String::new();
    for (r, doc) in CATALOG {
        out.push_str(&format!(
            "{:<34}{:<14}{}\n",
            r.id,
            r.severity.wire(),
            r.title
        ));
        out.push_str(&format!("{:<48}when: {}\n", "", doc.when));
        for src in dpu_engine::sources::refs(r.sources) {
            out.push_str(&format!(
                "{:<48}{} ({}) {}\n",
                "",
                src.ids.join(", "),
                src.kind.wire(),
                src.url
            ));
        }
    }
    out
}
