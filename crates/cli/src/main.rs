//! `dpucheck`: evaluate DPU scenarios from the command line with the same engine as the page.

use std::io::{Read, Write};
use std::process::ExitCode;

use dpucheck::{Outcome, run};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut stdin = String::new();
    let needs_stdin = args.iter().any(|a| a == "-");
    if needs_stdin && std::io::stdin().read_to_string(&mut stdin).is_err() {
        eprintln!("dpucheck: standard input is not readable UTF-8 text");
        return ExitCode::from(2);
    }
    let outcome = run(&args, &|path| std::fs::read_to_string(path), &stdin);
    match outcome {
        Outcome::Ok(text) => {
            // A closed pipe (`dpucheck rules | head`) is not an error worth a message.
            let _ = std::io::stdout().write_all(text.as_bytes());
            ExitCode::SUCCESS
        }
        Outcome::Usage(text) => {
            eprintln!("{text}");
            ExitCode::from(2)
        }
        Outcome::BadInput(text) => {
            eprintln!("dpucheck: {text}");
            ExitCode::from(2)
        }
    }
}
