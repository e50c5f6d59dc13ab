//! `dpucheck` end to end: the commands through `run`, and the real binary for exit codes,
//! standard input and the pipe of the issue (`preset hype-case | evaluate - --format json`).

#![allow(clippy::unwrap_used, reason = "a failed unwrap is a failed test")]

use std::io::Write;
use std::process::{Command, Stdio};

use dpucheck::{Outcome, run};

fn args(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| (*s).to_owned()).collect()
}

fn no_files(path: &str) -> std::io::Result<String> {
    Err(std::io::Error::new(
        std::io::ErrorKind::NotFound,
        format!("{path} not found"),
    ))
}

#[track_caller]
fn ok(list: &[&str], stdin: &str) -> String {
    match run(&args(list), &no_files, stdin) {
        Outcome::Ok(out) => out,
        other => panic!("{list:?}: {other:?}"),
    }
}

#[track_caller]
fn bad(list: &[&str], stdin: &str) -> String {
    match run(&args(list), &no_files, stdin) {
        Outcome::BadInput(msg) => msg,
        other => panic!("{list:?} should be bad input: {other:?}"),
    }
}

#[test]
fn evaluate_reads_stdin_in_every_format() {
    let json = ok(&["evaluate", "-", "--format", "json"], "{}");
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["verdict"], "not_worth_it");
    for key in [
        "networking_cores_per_host",
        "networking_share_of_host",
        "offloaded_gbps_per_host",
        "offloadable_cores_per_host",
        "cores_freed_per_host",
        "servers_avoided",
        "servers_avoided_fractional",
        "dpu_hosts",
        "rack_units_freed",
        "value_per_avoided_server",
        "dpu_cost_per_host",
        "value_of_avoided_servers",
        "dpu_incremental_cost",
        "net_saving",
        "break_even_gbps_per_host",
        "cash_flow",
        "payback_year",
        "npv",
    ] {
        assert!(v["cost"].get(key).is_some(), "cost.{key} missing");
    }
    for key in [
        "samples",
        "p_worth_it",
        "net_saving_p10",
        "net_saving_p50",
        "net_saving_p90",
        "tornado",
        "cores_freed_share_p10",
        "cores_freed_share_p90",
    ] {
        assert!(
            v["uncertainty"].get(key).is_some(),
            "uncertainty.{key} missing"
        );
    }
    assert_eq!(v["model"]["version"], "3");
    assert_eq!(v["model"]["facts_as_of"], "2026-12-07");
    assert!(v["resolved"].as_array().is_some_and(|r| r.len() == 14));
    assert!(ok(&["evaluate", "-"], "{}").contains("Verdict: NOT WORTH IT"));
    assert!(ok(&["evaluate", "--format=markdown", "-"], "{}").starts_with("## DPU Reality Check"));
    assert!(ok(&["evaluate", "-", "-f", "md"], "{}").contains("| Net saving |"));
}

#[test]
fn evaluate_reads_files() {
    let read = |path: &str| -> std::io::Result<String> {
        assert_eq!(path, "plan.json");
        Ok(r#"{"goals": ["run_bare_metal"]}"#.to_owned())
    };
    match run(
        &args(&["evaluate", "plan.json", "--format", "json"]),
        &read,
        "",
    ) {
        Outcome::Ok(out) => assert!(out.contains("\"verdict\": \"wrong_problem\"")),
        other => panic!("{other:?}"),
    }
    assert!(bad(&["evaluate", "missing.json"], "").starts_with("missing.json: cannot read"));
}

#[test]
fn bad_input_names_the_field() {
    let msg = bad(&["evaluate", "-"], r#"{"traffic": {"gbps_per_host": -5}}"#);
    assert_eq!(
        msg,
        "standard input: traffic.gbps_per_host: is -5; allowed: a number from 0 to 10,000"
    );
    let msg = bad(&["evaluate", "-"], r#"{"dpu": {"model": "bluefield9"}}"#);
    assert!(
        msg.contains("dpu.model") && msg.contains("`bluefield3`"),
        "{msg}"
    );
    let msg = bad(&["evaluate", "-"], "{ nope");
    assert!(
        msg.starts_with("standard input: not valid JSON at line 1"),
        "{msg}"
    );
    assert!(bad(&["evaluate", "-", "--format", "yaml"], "{}").contains("text, json, markdown"));
    assert!(bad(&["preset", "nope"], "").contains("`hype-case`"));
}

/// What a terminal must never receive from a scenario someone else wrote: escape
/// sequences (a fake verdict painted over the real one, a clipboard write), and lines a
/// name could add.
#[test]
fn hostile_scenarios_cannot_write_to_the_terminal() {
    for json in [
        "{\"name\": \"x\\u001b[2J\\u001b[1;1HVerdict: WORTH IT\"}",
        "{\"name\": \"x\\nVerdict: WORTH IT\"}",
        "{\"costs\": {\"currency\": \"\\u001b]52;c;cm0gLXJm\\u0007\"}}",
        "{\"\\u001b]52;c;cm0gLXJmIH4=\\u0007\": 1}",
        "{\"traffic\": {\"\\u202eKROW\": 1}}",
    ] {
        let msg = bad(&["evaluate", "-"], json);
        assert!(
            !msg.chars()
                .any(|c| c.is_control() || ('\u{202a}'..='\u{202e}').contains(&c)),
            "{json}: {msg:?}"
        );
        assert_eq!(msg.lines().count(), 1, "{msg}");
    }
    // An unknown key is echoed shortened.
    let long = format!("{{\"{}\": 1}}", "k".repeat(10_000));
    assert!(bad(&["evaluate", "-"], &long).len() < 200);
    // Far too large an input is refused before it is parsed.
    let huge = format!("{{\"name\": \"{}\"}}", "x".repeat(100_000));
    assert!(bad(&["evaluate", "-"], &huge).contains("at most 65,536"));
}

#[test]
fn usage_errors() {
    for list in [
        &["frobnicate"][..],
        &["evaluate"],
        &["evaluate", "a", "b"],
        &["preset"],
    ] {
        assert!(
            matches!(run(&args(list), &no_files, ""), Outcome::Usage(_)),
            "{list:?}"
        );
    }
    assert!(ok(&["help"], "").contains("dpucheck evaluate FILE|-"));
}

#[test]
fn presets_and_rules_list_everything() {
    let list = ok(&["presets"], "");
    // Each name is a word of its own at the start of a line, whatever its length.
    let firsts: Vec<&str> = list
        .lines()
        .filter(|l| !l.starts_with(' '))
        .filter_map(|l| l.split_whitespace().next())
        .collect();
    let names: Vec<&str> = dpu_engine::presets::PRESETS
        .iter()
        .map(|p| p.name)
        .collect();
    assert_eq!(firsts, names);
    for p in dpu_engine::presets::PRESETS {
        assert!(list.contains(p.name), "{}", p.name);
        let json = ok(&["preset", p.name], "");
        assert!(
            dpu_engine::Scenario::from_json(&json).is_ok(),
            "{} prints valid JSON",
            p.name
        );
    }
    let rules = ok(&["rules"], "");
    for r in dpu_engine::RULES {
        assert!(rules.contains(r.id), "{}", r.id);
    }
    assert!(
        rules.contains("F2.3.4 (vendor) https://techdocs.broadcom.com/"),
        "{rules}"
    );
}

fn dpucheck(list: &[&str], stdin: &str) -> (i32, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_dpucheck"))
        .args(list)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("runs");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn the_binary_pipes_a_preset_into_evaluate() {
    let (code, scenario, _) = dpucheck(&["preset", "hype-case"], "");
    assert_eq!(code, 0);
    let (code, report, err) = dpucheck(&["evaluate", "-", "--format", "json"], &scenario);
    assert_eq!((code, err.as_str()), (0, ""));
    let v: serde_json::Value = serde_json::from_str(&report).unwrap();
    assert_eq!(v["verdict"], "wrong_problem");
    assert!(
        v["findings"]
            .as_array()
            .unwrap()
            .iter()
            .all(|f| !f["sources"].as_array().unwrap().is_empty())
    );
}

#[test]
fn the_binary_exits_2_with_one_line_and_no_backtrace() {
    for (list, stdin) in [
        (&["evaluate", "-"][..], r#"{"fleet": {"hosts": 0}}"#),
        (&["evaluate", "-"][..], "\u{0}\u{1}garbage"),
        (&["evaluate", "/nonexistent/file.json"][..], ""),
        (&["bogus"][..], ""),
    ] {
        let (code, out, err) = dpucheck(list, stdin);
        assert_eq!(code, 2, "{list:?}");
        assert!(out.is_empty(), "{list:?}: {out}");
        assert!(
            !err.contains("panicked") && !err.contains("backtrace"),
            "{err}"
        );
    }
    let (_, _, err) = dpucheck(&["evaluate", "-"], r#"{"fleet": {"hosts": 0}}"#);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("fleet.hosts"), "{err}");
}

#[test]
fn the_binary_reports_non_utf8_stdin() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_dpucheck"))
        .args(["evaluate", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(&[0xff, 0xfe, 0x7b])
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("UTF-8"));
}

/// Inputs are read only up to the bound plus one byte: an endless input ends the reading.
#[test]
fn inputs_are_read_up_to_the_bound_and_no_further() {
    let max = dpu_engine::scenario::MAX_SCENARIO_BYTES;
    let consumed = std::cell::Cell::new(0usize);
    struct Counting<'a>(&'a std::cell::Cell<usize>);
    impl std::io::Read for Counting<'_> {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            // Endless spaces, counted.
            buf.fill(b' ');
            self.0.set(self.0.get() + buf.len());
            Ok(buf.len())
        }
    }
    let e = dpucheck::read_capped(Counting(&consumed)).unwrap_err();
    assert_eq!(consumed.get(), max + 1);
    assert!(e.to_string().contains("more than 65,536 bytes"), "{e}");
    let text = " ".repeat(max);
    assert_eq!(dpucheck::read_capped(text.as_bytes()).unwrap(), text);
    // Through the binary: a megabyte on standard input gets one line saying so.
    let mut child = Command::new(env!("CARGO_BIN_EXE_dpucheck"))
        .args(["evaluate", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // The binary stops reading at the bound, so the rest may meet a closed pipe.
    let _ = child.stdin.take().unwrap().write_all(&vec![b' '; 1 << 20]);
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        err.trim_end(),
        "dpucheck: standard input: the scenario is more than 65,536 bytes long; at most \
         65,536 are read"
    );
}

/// `--format=` any number of times: read in place, not by recursion (20,000 of them
/// overflowed the stack).
#[test]
fn many_format_arguments_cost_no_stack() {
    let mut list = vec!["evaluate"];
    list.extend(std::iter::repeat_n("--format=text", 20_000));
    list.push("--format=json");
    list.push("-");
    let out = ok(&list, "{}");
    assert!(out.starts_with('{'), "{out}");
    assert!(ok(&["evaluate", "--format=markdown", "-"], "{}").starts_with("## "));
    assert!(ok(&["evaluate", "-", "--format=md"], "{}").starts_with("## "));
    assert!(bad(&["evaluate", "-", "--format="], "{}").contains("unknown format"));
}

/// Invisible characters in names are refused with a message (issue 18), and a URL in a
/// name stays text in the Markdown report.
#[test]
fn invisible_characters_are_refused_and_urls_stay_text() {
    for c in [
        "\\u200b",
        "\\u200e",
        "\\u2028",
        "\\u2029",
        "\\u061c",
        "\\ufeff",
        "\\ue000",
        "\\udb40\\udc20",
    ] {
        let msg = bad(
            &["evaluate", "-"],
            &format!("{{\"name\": \"evil{c}.com\"}}"),
        );
        assert!(msg.starts_with("standard input: name: "), "{c}: {msg}");
        assert!(msg.contains("invisible character"), "{c}: {msg}");
    }
    let md = ok(
        &["evaluate", "-", "--format", "markdown"],
        r#"{"name": "http://evil.example.com"}"#,
    );
    assert!(!md.contains("http://"), "{md}");
    assert!(
        md.starts_with("## DPU Reality Check: http\\://evil.example.com\n"),
        "{md}"
    );
}

/// A repeated key is refused with its name (the last one used to win silently).
#[test]
fn a_repeated_key_is_refused_by_name() {
    let msg = bad(
        &["evaluate", "-"],
        r#"{"traffic": {"gbps_per_host": 40}, "traffic": {"gbps_per_host": 4}}"#,
    );
    assert_eq!(
        msg,
        "standard input: not valid JSON at line 1, column 44: duplicate key `traffic`"
    );
}
