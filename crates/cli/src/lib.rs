//! `log-codes check`: log streams checked against the log-codes table, as OpenTelemetry Weaver's
//! `live-check` checks telemetry against semantic conventions. Read (`input`) → scan each line
//! (`scan`) → count (`tally`) → report (`report`), against the table (`catalog`).

pub mod catalog;
mod flags;
pub mod input;
pub mod report;
pub mod scan;
#[doc(hidden)]
pub mod synthetic;
pub mod tally;

use std::io::Write as _;

use catalog::Catalog;
use report::{Gate, Report};
use scan::Field;
use tally::Tally;

/// The default field: where the identity platform's log events carry their code.
pub const DEFAULT_FIELD: &str = "type";
/// The default longest line, in bytes.
pub const DEFAULT_MAX_LINE: usize = 1 << 20;

/// Runs the command line (without the program name); the exit code: 0 passed, 1 a gate failed,
/// 2 a usage or I/O error.
pub fn main_with_args(args: Vec<std::ffi::OsString>) -> i32 {
    // xflags reads `-` as a flag; a NUL cannot be in an argument, so it marks standard input.
    let args = (args.into_iter())
        .map(|arg| if arg == "-" { STDIN.into() } else { arg })
        .collect();
    let flags = match flags::LogCodes::from_vec(args) {
        Ok(flags) => flags,
        Err(error) if error.is_help() => {
            print!("{error}");
            return 0;
        }
        Err(error) => {
            eprintln!("error: {error}\n\nrun `log-codes check --help` for the options");
            return 2;
        }
    };
    let flags::LogCodesCmd::Check(check) = flags.subcommand;
    match run(&check) {
        Ok((report, format)) => {
            let text = match format {
                Format::Text => report::text(&report),
                Format::Json => report::json(&report),
                Format::Github => report::github(&report),
            };
            let mut stdout = std::io::stdout().lock();
            if stdout
                .write_all(text.as_bytes())
                .and_then(|()| stdout.flush())
                .is_err()
            {
                return 2;
            }
            if report.passed() { 0 } else { 1 }
        }
        Err(message) => {
            eprintln!("error: {}", log_codes_codegen::escape::terminal(&message));
            2
        }
    }
}

/// Standard input among the inputs, as the command line is parsed.
const STDIN: &str = "\0-";

/// How the report is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Json,
    Github,
}

fn run(check: &flags::Check) -> Result<(Report, Format), String> {
    let format = match check.format.as_deref() {
        None | Some("text") => Format::Text,
        Some("json") => Format::Json,
        Some("github") => Format::Github,
        Some(other) => return Err(format!("`{other}` is not a format: text, json or github")),
    };
    let field = Field::parse(check.field.as_deref().unwrap_or(DEFAULT_FIELD))?;
    let mut gates = Vec::new();
    for list in &check.fail_on {
        gates.extend(Gate::parse_list(list)?);
    }
    if let Some(ratio) = check.min_coverage
        && !(0.0..=1.0).contains(&ratio)
    {
        return Err(format!("--min-coverage {ratio}: a ratio from 0 to 1"));
    }
    let catalog = match &check.table {
        Some(path) => {
            let text = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
            Catalog::from_json(&text, path)?
        }
        None => Catalog::compiled(),
    };
    let inputs: Vec<String> = if check.inputs.is_empty() {
        vec!["-".to_owned()]
    } else {
        let named = |i: &String| {
            if i == STDIN {
                "-".to_owned()
            } else {
                i.clone()
            }
        };
        check.inputs.iter().map(named).collect()
    };
    let options = input::Options {
        field: field.clone(),
        max_line: check.max_line_bytes.unwrap_or(DEFAULT_MAX_LINE),
        threads: check
            .threads
            .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get())),
    };
    let mut tally = Tally::default();
    for (index, path) in inputs.iter().enumerate() {
        let mut reader = input::open(path).map_err(|e| format!("{path}: {e}"))?;
        input::check(&mut reader, index, &options, &mut tally)
            .map_err(|e| format!("{path}: {e}"))?;
    }
    let report = Report::new(
        &catalog,
        &tally,
        inputs,
        field.as_str(),
        &gates,
        check.min_coverage,
    );
    Ok((report, format))
}
