//! `cargo xtask`: the thin CLI over `log-codes-codegen` that reads `codes.csv` and writes the
//! artifacts into `crates/log-codes`.

pub mod checks;
pub mod files;

use std::fmt::Write as _;
use std::io::IsTerminal as _;
use std::path::{Path, PathBuf};
use std::{fs, io};

use log_codes_codegen::{Package, parse, render_all};

pub use files::{Mode, Outcome};

/// The workspace root (the parent of `xtask/`).
pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives in the workspace")
        .to_path_buf()
}

/// What `cargo xtask gen` works on.
#[derive(Debug, Clone)]
pub struct Options {
    /// The table (default `codes.csv`).
    pub input: PathBuf,
    /// The crate directory the artifacts go to (default `crates/log-codes`).
    pub out_dir: PathBuf,
    /// Write, or only check.
    pub mode: Mode,
}

impl Options {
    /// The workspace's own table and crate.
    pub fn workspace(mode: Mode) -> Self {
        let root = workspace_root();
        Options {
            input: root.join("codes.csv"),
            out_dir: root.join("crates/log-codes"),
            mode,
        }
    }
}

/// How a run ended, besides I/O errors.
#[derive(Debug)]
pub enum Failure {
    /// The table is invalid: the rendered diagnostics. Nothing was written.
    InvalidTable(String),
    /// Check mode found stale files: one diff each.
    Stale(Vec<String>),
    /// Something the user can fix outside the table (a missing file, a bad argument).
    Other(String),
}

impl From<io::Error> for Failure {
    fn from(e: io::Error) -> Self {
        Failure::Other(e.to_string())
    }
}

/// What a successful run did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary {
    /// Codes in the table.
    pub codes: usize,
    /// Files written.
    pub written: Vec<String>,
    /// Files already up to date.
    pub unchanged: usize,
    /// Rendered warnings, if any.
    pub warnings: Option<String>,
}

/// Validates the table, renders every artifact, then writes (or checks) them. Nothing is written
/// unless the table is valid and every artifact rendered.
pub fn generate(options: &Options) -> Result<Summary, Failure> {
    let bytes = fs::read(&options.input)
        .map_err(|e| Failure::Other(format!("cannot read {}: {e}", options.input.display())))?;
    let shown_path = display_path(&options.input);
    let (table, report) = parse(&bytes);
    let color = io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    let Some(table) = table else {
        return Err(Failure::InvalidTable(report.render(&shown_path, color)));
    };
    let warnings = (!report.diagnostics.is_empty()).then(|| report.render(&shown_path, color));
    let package = Package {
        version: workspace_version()?,
    };
    let artifacts = render_all(&table, &package).map_err(|e| Failure::Other(e.to_string()))?;
    let mut summary = Summary {
        codes: table.codes.len(),
        written: vec![],
        unchanged: 0,
        warnings,
    };
    let mut stale = Vec::new();
    for artifact in &artifacts {
        let path = options.out_dir.join(artifact.path);
        match files::sync(&path, &artifact.contents, options.mode)? {
            Outcome::Unchanged => summary.unchanged += 1,
            Outcome::Written => summary.written.push(display_path(&path)),
            Outcome::Stale(diff) => stale.push(diff),
        }
    }
    if stale.is_empty() {
        Ok(summary)
    } else {
        Err(Failure::Stale(stale))
    }
}

/// The version set once in the workspace `Cargo.toml`.
pub fn workspace_version() -> Result<String, Failure> {
    let path = workspace_root().join("Cargo.toml");
    let text = fs::read_to_string(&path)?;
    let manifest: toml::Table =
        toml::from_str(&text).map_err(|e| Failure::Other(format!("{}: {e}", path.display())))?;
    manifest
        .get("workspace")
        .and_then(|w| w.get("package"))
        .and_then(|p| p.get("version"))
        .and_then(|v| v.as_str())
        .map(str::to_owned)
        .ok_or_else(|| Failure::Other(format!("{}: no workspace.package.version", path.display())))
}

/// A path relative to the current directory when it is inside it, as cargo shows paths.
fn display_path(path: &Path) -> String {
    let cwd = std::env::current_dir().unwrap_or_default();
    path.strip_prefix(&cwd)
        .unwrap_or(path)
        .display()
        .to_string()
}

const USAGE: &str = "\
usage: cargo xtask gen [--check] [--input PATH] [--out-dir DIR]
       cargo xtask test

  gen              validate codes.csv and regenerate the artifacts in crates/log-codes
  test             run every check: formatting, clippy, tests, docs, freshness, TypeScript
  --check          write nothing; fail with a diff when a generated file is stale
  --input PATH     the table to read (default: codes.csv)
  --out-dir DIR    where the crate's artifacts go (default: crates/log-codes)";

/// Parses the arguments of `gen` (the command line without the program name).
pub fn parse_args(args: &[String]) -> Result<Options, String> {
    let mut args = args.iter();
    match args.next().map(String::as_str) {
        Some("gen") => {}
        Some("help" | "--help" | "-h") | None => return Err(USAGE.to_owned()),
        Some(other) => return Err(format!("unknown command `{other}`\n\n{USAGE}")),
    }
    let mut options = Options::workspace(Mode::Write);
    while let Some(arg) = args.next() {
        let mut value = |flag: &str| {
            args.next()
                .map(PathBuf::from)
                .ok_or_else(|| format!("{flag} needs a value\n\n{USAGE}"))
        };
        match arg.as_str() {
            "--check" => options.mode = Mode::Check,
            "--input" => options.input = value("--input")?,
            "--out-dir" => options.out_dir = value("--out-dir")?,
            "--help" | "-h" => return Err(USAGE.to_owned()),
            other => return Err(format!("unknown option `{other}`\n\n{USAGE}")),
        }
    }
    Ok(options)
}

/// Runs the CLI and returns the process exit code: 0 done, 1 invalid table or stale files,
/// 2 anything else.
pub fn main_with_args(args: &[String]) -> i32 {
    if args.first().map(String::as_str) == Some("test") {
        if args.len() > 1 {
            eprintln!("`cargo xtask test` takes no options\n\n{USAGE}");
            return 2;
        }
        return checks::run_all();
    }
    let options = match parse_args(args) {
        Ok(options) => options,
        Err(message) => {
            eprintln!("{message}");
            return 2;
        }
    };
    match generate(&options) {
        Ok(summary) => {
            if let Some(warnings) = &summary.warnings {
                eprint!("{warnings}");
            }
            println!("{}", describe(&summary, options.mode));
            0
        }
        Err(Failure::InvalidTable(rendered)) => {
            eprint!("{rendered}");
            eprintln!("nothing was written; fix the table and run `cargo xtask gen` again");
            1
        }
        Err(Failure::Stale(diffs)) => {
            for diff in &diffs {
                print!("{diff}");
            }
            eprintln!(
                "{} generated file{} stale; run `cargo xtask gen` and commit the result",
                diffs.len(),
                if diffs.len() == 1 { " is" } else { "s are" }
            );
            1
        }
        Err(Failure::Other(message)) => {
            eprintln!("error: {message}");
            2
        }
    }
}

fn describe(summary: &Summary, mode: Mode) -> String {
    let mut line = format!("{} codes read; ", summary.codes);
    match mode {
        Mode::Check => {
            let _ = write!(
                line,
                "all {} generated files are up to date",
                summary.unchanged
            );
        }
        Mode::Write => {
            let _ = write!(
                line,
                "{} file{} written, {} unchanged",
                summary.written.len(),
                if summary.written.len() == 1 { "" } else { "s" },
                summary.unchanged
            );
            for path in &summary.written {
                let _ = write!(line, "\n  wrote {path}");
            }
        }
    }
    line
}
