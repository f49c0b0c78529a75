//! The workspace's facts every command shares: where it is, where cargo builds, its version and
//! the generator's configuration for it, and how a command fails. The bottom module: it imports
//! no other module of the xtask.

use std::path::{Path, PathBuf};
use std::{fs, io};

use log_codes_codegen::compat::Change;
use log_codes_codegen::{Report, Severity, SheetName};

/// The workspace root (the parent of `xtask/`).
pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives in the workspace")
        .to_path_buf()
}

/// Where cargo builds: `CARGO_TARGET_DIR` when set (relative to the current directory, as cargo
/// reads it), else `target/` of the workspace. Everything the xtask writes besides the generated
/// files goes below it.
pub fn target_dir() -> PathBuf {
    match std::env::var_os("CARGO_TARGET_DIR").filter(|dir| !dir.is_empty()) {
        Some(dir) => std::env::current_dir().unwrap_or_default().join(dir),
        None => workspace_root().join("target"),
    }
}

/// This program's binary, to run it again as a child. A `cargo test` of the workspace may have
/// rebuilt it in place since it started (Linux then names the running one `… (deleted)`): the
/// rebuilt one, from the same sources, is the one to run.
pub fn xtask_exe() -> io::Result<PathBuf> {
    let exe = std::env::current_exe()?;
    if exe.exists() {
        return Ok(exe);
    }
    let name = exe.to_string_lossy();
    let rebuilt = PathBuf::from(name.strip_suffix(" (deleted)").unwrap_or(&name));
    if rebuilt.exists() {
        Ok(rebuilt)
    } else {
        Err(io::Error::new(
            io::ErrorKind::NotFound,
            format!("the xtask binary {} is gone", exe.display()),
        ))
    }
}

/// How a run ended, besides success.
#[derive(Debug)]
pub enum Failure {
    /// The table is invalid. Nothing was written.
    InvalidTable(Invalid),
    /// Check mode found stale files.
    Stale(Vec<Stale>),
    /// A major change since the base revision without a breaking version bump.
    Incompatible(Box<Verdict>),
    /// Something the user can fix outside the table (a missing file, a bad argument).
    Other(String),
}

/// An invalid table: its problems rendered for a terminal, and as data.
#[derive(Debug, Clone)]
pub struct Invalid {
    /// As cargo renders errors (the first ones, then a count).
    pub rendered: String,
    /// Every problem, errors and warnings.
    pub problems: Vec<Problem>,
}

impl Invalid {
    /// The problems of `report`, each sheet named by `names` (by [`SheetName`]).
    pub fn new(report: &Report, names: &[String; 4], color: bool) -> Self {
        Invalid {
            rendered: report.render_sheets(names, color),
            problems: Problem::all(report, names),
        }
    }

    /// [`Invalid::new`] for a table whose codes sheet is shown as `path`, without color.
    pub fn at(report: &Report, path: &str) -> Self {
        Invalid::new(
            report,
            &SheetName::ALL.map(|sheet| sheet.beside(path)),
            false,
        )
    }
}

/// One problem of a table, where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// An error stops generation; a warning does not.
    pub severity: Severity,
    /// What is wrong, in one sentence.
    pub message: String,
    /// How to fix it, when there is a fix to say.
    pub help: Option<String>,
    /// The sheet, as given on the command line (or beside it).
    pub file: String,
    /// 1-based line and character column.
    pub line: usize,
    /// See `line`.
    pub column: usize,
    /// The header of the cell's column (`title.tr`), when the problem is in a cell.
    pub column_name: Option<String>,
}

impl Problem {
    /// Every diagnostic of `report`, located.
    pub fn all(report: &Report, names: &[String; 4]) -> Vec<Problem> {
        (report.diagnostics.iter().zip(report.locations()))
            .map(|(d, location)| Problem {
                severity: d.severity,
                message: d.message.clone(),
                help: d.help.clone(),
                file: names[d.sheet as usize].clone(),
                line: location.line,
                column: location.column,
                column_name: location.column_name,
            })
            .collect()
    }
}

/// A generated file that is not what the table makes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stale {
    /// As shown on the command line.
    pub path: String,
    /// The unified diff from the file on disk to the expected text.
    pub diff: String,
}

/// What the stability guard found between two tables.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verdict {
    /// What the table is compared with: a revision or a file.
    pub base: String,
    /// Every change, classified.
    pub changes: Vec<Change>,
    /// The versions, where the tables carry them (a CSV file does not).
    pub old_version: Option<String>,
    /// See `old_version`.
    pub new_version: Option<String>,
    /// Why the changes are refused, for a terminal: `None` when they are accepted.
    pub refusal: Option<String>,
}

impl From<io::Error> for Failure {
    fn from(e: io::Error) -> Self {
        Failure::Other(e.to_string())
    }
}

/// The generator's configuration for this repository: every target, the notice naming
/// `cargo xtask gen`, the workspace version. `crates/log-codes` is exactly what it generates, as
/// a build script with the same `Config` would.
pub fn workspace_config(root: &Path) -> Result<log_codes_codegen::Config, Failure> {
    let mut config = log_codes_codegen::Config::new();
    config
        .generated_by("cargo xtask gen from codes.csv")
        .version(&workspace_version(root)?);
    Ok(config)
}

/// The version set once in the workspace `Cargo.toml` under `root`.
pub fn workspace_version(root: &Path) -> Result<String, Failure> {
    let path = root.join("Cargo.toml");
    version_of(&fs::read_to_string(&path)?, &path.display().to_string())
}

/// `[workspace.package] version` of a manifest's text.
pub fn version_of(manifest: &str, shown: &str) -> Result<String, Failure> {
    let manifest: toml::Table =
        toml::from_str(manifest).map_err(|e| Failure::Other(format!("{shown}: {e}")))?;
    manifest
        .get("workspace")
        .and_then(|w| w.get("package"))
        .and_then(|p| p.get("version"))
        .and_then(|v| v.as_str())
        .map(str::to_owned)
        .ok_or_else(|| Failure::Other(format!("{shown}: no [workspace.package] version")))
}

/// A path relative to the current directory when it is inside it, as cargo shows paths.
pub fn display_path(path: &Path) -> String {
    let cwd = std::env::current_dir().unwrap_or_default();
    path.strip_prefix(&cwd)
        .unwrap_or(path)
        .display()
        .to_string()
}

/// Runs a command quietly and returns its standard output; all it printed is shown only when it
/// fails.
pub fn output_of(command: &mut std::process::Command) -> Result<String, Failure> {
    let output = command
        .output()
        .map_err(|e| Failure::Other(format!("{command:?}: {e}")))?;
    if !output.status.success() {
        return Err(Failure::Other(format!(
            "{command:?} failed:\n{}{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        )));
    }
    Ok(String::from_utf8_lossy(&output.stdout).into_owned())
}

/// Runs a command quietly: its output is shown only when it fails.
pub fn run_quietly(command: &mut std::process::Command) -> Result<(), Failure> {
    output_of(command).map(drop)
}

/// The `log-codes` tool of the workspace, built (a no-op when it is up to date) for the checks
/// that run it: its path.
pub fn log_codes_tool(root: &Path) -> Result<PathBuf, Failure> {
    run_quietly(
        std::process::Command::new(env!("CARGO"))
            .args(["build", "--quiet", "--locked", "-p", "log-codes-cli"])
            .current_dir(root),
    )?;
    Ok(target_dir().join(format!("debug/log-codes{}", std::env::consts::EXE_SUFFIX)))
}
