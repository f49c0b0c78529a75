//! Reports for a terminal: problems rendered as cargo renders errors, diffs, one line per change.

use log_codes_codegen::testing::diagnostic::printable;

use super::Reported;
use crate::guard;
use crate::project::Failure;

pub(super) fn emit(reported: &Reported) {
    match reported {
        Reported::Gen { mode, result, .. } => match result {
            Ok(summary) => {
                if let Some(warnings) = &summary.warnings {
                    eprint!("{warnings}");
                }
                for note in &summary.notes {
                    eprintln!("note: {}", printable(note));
                }
                if let Some(verdict) = &summary.verdict {
                    print!("{}", guard::describe(&verdict.base, &verdict.changes));
                }
                println!("{}", crate::generate::describe(summary, *mode));
            }
            Err(error) => failure(error),
        },
        Reported::Compat { result, .. } => match result {
            Ok(verdict) => {
                print!("{}", guard::describe(&verdict.base, &verdict.changes));
                if let Some(refusal) = &verdict.refusal {
                    eprint!("{refusal}");
                }
            }
            Err(error) => failure(error),
        },
        Reported::Changelog(result) => match result {
            Ok(changelog) => print!("{}", changelog.section),
            Err(error) => failure(error),
        },
    }
}

/// A failure, with what to do about it.
pub(super) fn failure(failure: &Failure) {
    match failure {
        Failure::InvalidTable(invalid) => {
            eprint!("{}", invalid.rendered);
            eprintln!("nothing was written; fix the table and run `cargo xtask gen` again");
        }
        Failure::Stale(files) => {
            for file in files {
                print!("{}", file.diff);
            }
            eprintln!(
                "{} generated file{} stale; run `cargo xtask gen` and commit the result",
                files.len(),
                if files.len() == 1 { " is" } else { "s are" }
            );
        }
        Failure::Incompatible(verdict) => {
            eprint!("{}", verdict.refusal.as_deref().unwrap_or_default())
        }
        Failure::Other(message) => eprintln!("error: {message}"),
    }
}
