//! What `gen`, `compat` and `changelog` report, in each `--format`: `text` for a terminal (the
//! default), `json` (one document on standard output, described by the schemas in
//! `xtask/schemas/`, listing every problem), and `github` (workflow commands that annotate the
//! offending cells in a GitHub Actions run). The exit status is the verdict in every format: 0
//! passes, 1 is an invalid table, stale files or a refused change, 2 anything else.

pub mod github;
pub mod json;
mod text;

use std::str::FromStr;

use crate::files::Mode;
use crate::generate::Summary;
use crate::guard::Changelog;
use crate::project::{Failure, Verdict};

/// How a report is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Format {
    /// For a terminal.
    #[default]
    Text,
    /// One JSON document.
    Json,
    /// GitHub Actions workflow commands.
    Github,
}

impl FromStr for Format {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, String> {
        match text {
            "text" => Ok(Format::Text),
            "json" => Ok(Format::Json),
            "github" => Ok(Format::Github),
            other => Err(format!(
                "unknown format `{other}`: use text, json or github"
            )),
        }
    }
}

/// The outcome of a command that reports.
#[derive(Debug)]
pub enum Reported {
    /// `gen`, writing or checking.
    Gen {
        /// The codes sheet, as shown.
        input: String,
        /// Write or check.
        mode: Mode,
        /// What it did, or why it stopped.
        result: Result<Summary, Failure>,
    },
    /// `compat OLD NEW`.
    Compat {
        /// The newer table, as shown.
        new: String,
        /// The verdict, or why there is none.
        result: Result<Verdict, Failure>,
    },
    /// `changelog`.
    Changelog(Result<Changelog, Failure>),
}

impl Reported {
    /// The process exit code: the verdict.
    pub fn exit_code(&self) -> i32 {
        let failure = match self {
            Reported::Gen { result, .. } => result.as_ref().err(),
            Reported::Compat { result, .. } => match result {
                Ok(verdict) => return i32::from(verdict.refusal.is_some()),
                Err(failure) => Some(failure),
            },
            Reported::Changelog(result) => result.as_ref().err(),
        };
        failure.map_or(0, exit_code)
    }
}

/// The exit code of a failure: 2 for what is not the table's fault, 1 for a verdict.
fn exit_code(failure: &Failure) -> i32 {
    match failure {
        Failure::Other(_) => 2,
        _ => 1,
    }
}

/// Writes the report in `format` and returns the exit code.
pub fn emit(format: Format, reported: &Reported) -> i32 {
    match format {
        Format::Text => text::emit(reported),
        Format::Json => println!("{}", json::document(reported)),
        Format::Github => print!("{}", github::commands(reported)),
    }
    reported.exit_code()
}

/// A failure of a command that has no `--format`, reported as text: its exit code.
pub fn failure(failure: &Failure) -> i32 {
    text::failure(failure);
    exit_code(failure)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_are_named_as_the_option_takes_them() {
        assert_eq!("json".parse(), Ok(Format::Json));
        assert_eq!("github".parse(), Ok(Format::Github));
        assert_eq!("text".parse(), Ok(Format::Text));
        assert!(
            "yaml"
                .parse::<Format>()
                .unwrap_err()
                .contains("text, json or github")
        );
    }

    #[test]
    fn the_exit_status_is_the_verdict() {
        let compat = |refusal: Option<&str>| Reported::Compat {
            new: "new.json".to_owned(),
            result: Ok(Verdict {
                base: "old.json".to_owned(),
                changes: Vec::new(),
                old_version: None,
                new_version: None,
                refusal: refusal.map(str::to_owned),
            }),
        };
        assert_eq!(compat(None).exit_code(), 0);
        assert_eq!(compat(Some("error: breaking")).exit_code(), 1);
        let failed = |failure| Reported::Changelog(Err(failure)).exit_code();
        assert_eq!(failed(Failure::Stale(Vec::new())), 1);
        assert_eq!(failed(Failure::Other("no such file".to_owned())), 2);
    }
}
