//! The workspace's facts every command shares: where it is, where cargo builds, its version and
//! the generator's configuration for it, and how a command fails. The bottom module: it imports
//! no other module of the xtask.

use std::path::{Path, PathBuf};
use std::{fs, io};

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

/// How a run ended, besides success.
#[derive(Debug)]
pub enum Failure {
    /// The table is invalid: the rendered diagnostics. Nothing was written.
    InvalidTable(String),
    /// Check mode found stale files: one diff each.
    Stale(Vec<String>),
    /// A major change since the base revision without a breaking version bump.
    Incompatible(String),
    /// Something the user can fix outside the table (a missing file, a bad argument).
    Other(String),
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
