//! The command line, declared once: `xflags` makes the parser and the help (`cargo xtask help`,
//! `cargo xtask CMD --help`) from this declaration.

use std::path::PathBuf;

use crate::report::Format;

xflags::xflags! {
    /// The project's tasks: regenerate the artifacts of the table (codes.csv, kinds.csv,
    /// groups.csv) and check everything.
    cmd xtask {
        /// Validate the table and regenerate the artifacts in crates/log-codes.
        cmd gen {
            /// Write nothing; fail with a diff when a generated file is stale.
            optional --check
            /// Also compare the table with the table at this git revision: fail on a breaking
            /// change unless the workspace version was bumped for it.
            optional --base rev: String
            /// Fail, at each cell, when a title or description lacks its translation into this
            /// locale (`tr`, `pt-BR`; repeat the option for several).
            repeated --require-complete locale: String
            /// The codes sheet to read, with kinds.csv and groups.csv beside it (default:
            /// codes.csv).
            optional --input path: PathBuf
            /// Where the crate's artifacts go (default: crates/log-codes).
            optional --out-dir dir: PathBuf
            /// How to report: text (default), json (one document, every problem) or github
            /// (workflow commands annotating the cells).
            optional --format format: Format
        }
        /// Print the changes since a git revision as a CHANGELOG.md section.
        cmd changelog {
            /// The revision to compare with.
            required --base rev: String
            /// The codes sheet to read (default: codes.csv).
            optional --input path: PathBuf
            /// How to report: text (default), json (one document, every problem) or github
            /// (workflow commands annotating the cells).
            optional --format format: Format
        }
        /// Classify the changes between two tables (log-codes.json or codes.csv files) and fail
        /// on a breaking change without a breaking version bump.
        cmd compat {
            /// The older table.
            required old: PathBuf
            /// The newer table.
            required new: PathBuf
            /// How to report: text (default), json (one document, every problem) or github
            /// (workflow commands annotating the cells).
            optional --format format: Format
        }
        /// Rewrite every sheet in canonical form (UTF-8, LF, `,`, sorted, minimal quoting,
        /// trimmed cells) without changing any value.
        cmd fmt {
            /// The codes sheet to rewrite, with the sheets beside it (default: codes.csv).
            optional --input path: PathBuf
        }
        /// Add a code to the table, numbered by the documented rule (with a counterpart, the
        /// number at the same offset in the kind's range: 2050 gives 4050; else the lowest free
        /// number above the group's highest code of the kind; else the lowest free number of the
        /// range), named after its title; write the row in canonical form and regenerate.
        /// Translations: `--title.TAG TEXT`, `--description.TAG TEXT`.
        cmd add {
            /// The one-line title.
            required --title title: String
            /// A kind declared in kinds.csv.
            required --kind kind: String
            /// A group declared in groups.csv.
            required --group group: String
            /// The description.
            optional --description text: String
            /// A translated title, `TAG=TEXT` (what `--title.TAG TEXT` means).
            repeated --translated-title tagged: String
            /// A translated description, `TAG=TEXT` (what `--description.TAG TEXT` means).
            repeated --translated-description tagged: String
            /// The number of the code this one is the counterpart of (a failure's success).
            optional --counterpart code: u16
            /// The number to give the code, instead of the rule's.
            optional --code code: u16
            /// The PascalCase name, instead of the title's.
            optional --name name: String
            /// Print the change to the sheets; write nothing.
            optional --dry-run
            /// The codes sheet to edit (default: codes.csv).
            optional --input path: PathBuf
            /// Where the crate's artifacts go (default: crates/log-codes).
            optional --out-dir dir: PathBuf
        }
        /// Mark a code deprecated, with a note saying what to use instead, and regenerate.
        cmd deprecate {
            /// The code.
            required code: u16
            /// What to use instead, or why.
            required --note note: String
            /// The codes sheet to edit (default: codes.csv).
            optional --input path: PathBuf
            /// Where the crate's artifacts go (default: crates/log-codes).
            optional --out-dir dir: PathBuf
        }
        /// Run every check: formatting, clippy, tests, docs, freshness, stability, packaging,
        /// the TypeScript package, the hostile corpus and the evolution test.
        cmd test {}
        /// Build, unit-test, document, type-check and run the artifacts of every valid table of
        /// crates/codegen/tests/corpus (needs `npm ci` in ts-checks).
        cmd corpus {}
        /// Apply random sequences of valid edits to the table, and check that each regenerates,
        /// passes the stability guard and keeps the generated crate's and the TypeScript
        /// package's tests green.
        cmd evolve {
            /// How many sequences (default: 4, as `cargo xtask test` runs).
            optional --cases n: usize
            /// Replay the sequences of this seed (printed by every run).
            optional --seed seed: u64
            /// The codes sheet to start from (default: codes.csv).
            optional --input path: PathBuf
        }
        /// Write the release artifacts of the workspace version into target/dist (below
        /// CARGO_TARGET_DIR when it is set): the .crate, the npm tarball, the JSON and its
        /// schema, the docs pages, the SQL files, the log-codes tool for this machine, the
        /// release notes and SHA256SUMS; reproducible.
        cmd dist {}
        /// Run the benchmarks (every part, or those named: lookups, build, scale, first-run,
        /// bundle, check) and write crates/log-codes/BENCHMARKS.md (`report` alone rewrites it
        /// from the kept results); not part of `test`.
        cmd bench {
            /// The parts to run.
            repeated part: String
        }
    }
}

impl Xtask {
    /// The help of every command, as `cargo xtask help` prints it.
    pub const HELP: &'static str = Self::HELP_;
}

/// The help of `command` (its section of [`Xtask::HELP`]), or all of it for no or another word.
pub fn help_of(command: Option<&str>) -> &'static str {
    let help = Xtask::HELP;
    let Some(start) = command.and_then(|c| help.find(&format!("\nxtask {c}\n"))) else {
        return help;
    };
    let section = &help[start + 1..];
    let end = section[1..]
        .find("\nxtask ")
        .map_or(section.len(), |end| end + 2);
    &section[..end]
}

/// The command line with the translations written as the table writes its columns
/// (`--title.tr TEXT`, `--description.pt-BR TEXT`) turned into the declared options.
pub fn translations_as_options(args: &[String]) -> Vec<String> {
    let mut out = Vec::with_capacity(args.len());
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        let option = [
            ("--title.", "--translated-title"),
            ("--description.", "--translated-description"),
        ]
        .into_iter()
        .find_map(|(prefix, option)| Some((option, arg.strip_prefix(prefix)?)));
        match option {
            Some((option, tagged)) => {
                let (tag, value) = match tagged.split_once('=') {
                    Some((tag, value)) => (tag.to_owned(), value.to_owned()),
                    None => (tagged.to_owned(), args.next().cloned().unwrap_or_default()),
                };
                out.push(option.to_owned());
                out.push(format!("{tag}={value}"));
            }
            None => out.push(arg.clone()),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_command_has_its_own_help() {
        for command in [
            "gen",
            "changelog",
            "compat",
            "fmt",
            "add",
            "deprecate",
            "test",
            "corpus",
            "evolve",
            "bench",
            "dist",
        ] {
            let help = help_of(Some(command));
            assert!(help.starts_with(&format!("xtask {command}\n")), "{help}");
            assert_eq!(help.matches("\nxtask ").count(), 0, "{help}");
        }
        assert_eq!(help_of(Some("gen")).matches("--out-dir").count(), 1);
        assert_eq!(help_of(None), Xtask::HELP);
    }

    #[test]
    fn translations_are_written_as_the_table_names_their_columns() {
        let args: Vec<String> = [
            "add",
            "--title.tr",
            "Başlık",
            "--description.pt-BR=Texto",
            "--title",
            "T",
        ]
        .map(str::to_owned)
        .to_vec();
        assert_eq!(
            translations_as_options(&args),
            [
                "add",
                "--translated-title",
                "tr=Başlık",
                "--translated-description",
                "pt-BR=Texto",
                "--title",
                "T"
            ]
        );
    }
}
