//! `dpucheck`: evaluate DPU scenarios from the command line with the same engine as the page.

use std::io::Write;
use std::process::ExitCode;

use dpucheck::{Outcome, read_capped, run};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let needs_stdin = args.iter().any(|a| a == "-");
    // Inputs are read only up to the scenario's bound (plus one byte to know it is passed).
    let stdin = if needs_stdin {
        match read_capped(std::io::stdin().lock()) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::InvalidData => {
                eprintln!("dpucheck: standard input: {e}");
                return ExitCode::from(2);
            }
            Err(_) => {
                eprintln!("dpucheck: standard input is not readable");
                return ExitCode::from(2);
            }
        }
    } else {
        String::new()
    };
    let outcome = run(
        &args,
        &|path| read_capped(std::fs::File::open(path)?),
        &stdin,
    );
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
