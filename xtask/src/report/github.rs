//! Reports as GitHub Actions workflow commands: `::error file=codes.csv,line=3,col=5,title=…::…`
//! annotates the cell in the run and the pull request. Every value is escaped by the runner's
//! rules (`%`, CR and LF in a message; `:` and `,` as well in a property) after control and
//! bidirectional characters are made visible, so no cell can end a command, start another one or
//! reach the log as an escape sequence. GitHub shows about ten annotations per step: the first
//! [`SHOWN`] are written, then one plain line (no command) says how many there were.

use log_codes_codegen::Severity;
use log_codes_codegen::compat::{Change, Level};

use super::Reported;
use super::json::level;
use crate::project::{Failure, Problem, Verdict};

/// The annotations written per report.
pub const SHOWN: usize = 10;

pub use log_codes_codegen::escape::{
    github_data as escape_data, github_property as escape_property,
};

/// One annotation.
struct Annotation<'a> {
    command: &'static str,
    file: Option<&'a str>,
    line_column: Option<(usize, usize)>,
    title: Option<String>,
    message: String,
}

impl Annotation<'_> {
    fn line(&self) -> String {
        let mut properties = Vec::new();
        if let Some(file) = self.file {
            properties.push(format!("file={}", escape_property(file)));
        }
        if let Some((line, column)) = self.line_column {
            properties.push(format!("line={line},col={column}"));
        }
        if let Some(title) = &self.title {
            properties.push(format!("title={}", escape_property(title)));
        }
        let properties = if properties.is_empty() {
            String::new()
        } else {
            format!(" {}", properties.join(","))
        };
        format!(
            "::{}{properties}::{}\n",
            self.command,
            escape_data(&self.message)
        )
    }
}

/// The commands of a report.
pub fn commands(reported: &Reported) -> String {
    let mut annotations = Vec::new();
    let mut what = "problem";
    match reported {
        Reported::Gen { input, result, .. } => match result {
            Ok(summary) => {
                annotations.extend(summary.problems.iter().map(problem));
                annotations.extend(summary.notes.iter().map(|note| Annotation {
                    command: "notice",
                    file: None,
                    line_column: None,
                    title: Some("note".to_owned()),
                    message: note.clone(),
                }));
                if let Some(verdict) = &summary.verdict {
                    annotations.extend(changes(verdict, Some(input)));
                }
                what = "annotation";
            }
            Err(failure) => annotations.extend(failed(failure, Some(input))),
        },
        Reported::Compat { new, result } => match result {
            Ok(verdict) => {
                annotations.extend(changes(verdict, Some(new)));
                what = "change";
            }
            Err(failure) => annotations.extend(failed(failure, Some(new))),
        },
        Reported::Changelog(result) => match result {
            Ok(changelog) => {
                let notice = |change: &Change| notice(change, None);
                annotations.extend(changelog.changes.iter().map(notice));
                what = "change";
            }
            Err(failure) => annotations.extend(failed(failure, None)),
        },
    }
    let mut out: String = annotations
        .iter()
        .take(SHOWN)
        .map(Annotation::line)
        .collect();
    if annotations.len() > SHOWN {
        out.push_str(&format!(
            "log-codes: {} {what}s, the first {SHOWN} annotated; `--format text` or `--format json` lists them all\n",
            annotations.len()
        ));
    }
    out
}

fn problem(problem: &Problem) -> Annotation<'_> {
    let mut message = problem.message.clone();
    if let Some(help) = &problem.help {
        message.push_str("\nhelp: ");
        message.push_str(help);
    }
    Annotation {
        command: match problem.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        },
        file: Some(&problem.file),
        line_column: Some((problem.line, problem.column)),
        title: problem.column_name.as_ref().map(|c| format!("column {c}")),
        message,
    }
}

fn failed<'a>(failure: &'a Failure, file: Option<&'a str>) -> Vec<Annotation<'a>> {
    match failure {
        Failure::InvalidTable(invalid) => invalid.problems.iter().map(problem).collect(),
        Failure::Stale(files) => (files.iter())
            .map(|stale| Annotation {
                command: "error",
                file: Some(&stale.path),
                line_column: None,
                title: Some("stale generated file".to_owned()),
                message: "not what the table makes; run `cargo xtask gen` and commit the result"
                    .to_owned(),
            })
            .collect(),
        Failure::Incompatible(verdict) => changes(verdict, file),
        Failure::Other(message) => vec![Annotation {
            command: "error",
            file: None,
            line_column: None,
            title: None,
            message: message.clone(),
        }],
    }
}

/// A verdict's changes: the refused ones as errors, then the others as notices; a refusal
/// that names no change (a version going backwards) as one error.
fn changes<'a>(verdict: &'a Verdict, file: Option<&'a str>) -> Vec<Annotation<'a>> {
    let refused = |change: &Change| verdict.refusal.is_some() && change.level == Level::Major;
    let mut out: Vec<Annotation> = (verdict.changes.iter())
        .filter(|c| refused(c))
        .map(|change| Annotation {
            command: "error",
            file,
            line_column: None,
            title: Some("breaking change".to_owned()),
            message: change.message.clone(),
        })
        .collect();
    if let (Some(refusal), true) = (&verdict.refusal, out.is_empty()) {
        out.push(Annotation {
            command: "error",
            file,
            line_column: None,
            title: Some("stability".to_owned()),
            message: refusal.trim_end().to_owned(),
        });
    }
    out.extend(
        (verdict.changes.iter())
            .filter(|c| !refused(c))
            .map(|change| notice(change, file)),
    );
    out
}

fn notice<'a>(change: &Change, file: Option<&'a str>) -> Annotation<'a> {
    Annotation {
        command: "notice",
        file,
        line_column: None,
        title: Some(format!("{} change", level(change.level))),
        message: change.message.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_cannot_end_a_command_or_start_another() {
        assert_eq!(
            escape_data("50% done\r\n::error::forged"),
            "50%25 done%0D%0A::error::forged"
        );
        assert_eq!(escape_property("a,b:c\nd"), "a%2Cb%3Ac%0Ad");
        assert_eq!(escape_data("\u{1b}[2J\u{202e}"), "\\u{1b}[2J\\u{202e}");
    }

    #[test]
    fn an_annotation_is_one_line() {
        let annotation = Annotation {
            command: "error",
            file: Some("my,file:1.csv"),
            line_column: Some((3, 5)),
            title: Some("column title".to_owned()),
            message: "bad\n::warning::x".to_owned(),
        };
        assert_eq!(
            annotation.line(),
            "::error file=my%2Cfile%3A1.csv,line=3,col=5,title=column title::bad%0A::warning::x\n"
        );
    }
}
