//! The `dpucheck` commands as a pure function of arguments and inputs, so they can be tested
//! without spawning processes: `run` returns what to print and how to exit.

use std::io;

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

fn evaluate_cmd(args: &[&str], read: &dyn Fn(&str) -> io::Result<String>, stdin: &str) -> Outcome {
    let mut format = Format::Text;
    let mut input = None;
    let mut i = 0;
    while i < args.len() {
        match args[i] {
            "--format" | "-f" => {
                let Some(value) = args.get(i + 1) else {
                    return Outcome::BadInput(
                        "--format needs a value: text, json or markdown".into(),
                    );
                };
                format = match *value {
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
                i += 2;
            }
            arg if arg.starts_with("--format=") => {
                let mut rest = vec!["--format", &arg["--format=".len()..]];
                rest.extend(&args[i + 1..]);
                if let Some(path) = input {
                    rest.push(path);
                }
                return evaluate_cmd(&rest, read, stdin);
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

fn list_presets() -> String {
    let mut out = String::new();
    for p in presets::PRESETS {
        out.push_str(&format!(
            "{:<20}{}\n{:<20}{}\n",
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
