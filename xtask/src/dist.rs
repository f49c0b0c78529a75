//! `cargo xtask dist`: the release artifacts of the workspace version, in `target/dist/` (under
//! `CARGO_TARGET_DIR` when set): the crate's `.crate`, the npm tarball with the licence files, the
//! JSON and its schema, the docs pages, the SQL files, the `log-codes` tool built for this machine, the release
//! notes and `SHA256SUMS` over all of them. The
//! same commit gives byte-identical files: `cargo package` and `npm pack` write fixed mtimes and a
//! sorted order, and everything else is a copy or rendered without a clock.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use sha2::{Digest, Sha256};

use crate::files::{Mode, copy_tree};
use crate::generate::{Options, generate};
use crate::project::{
    Failure, display_path, run_quietly, target_dir, workspace_root, workspace_version,
};

/// The checksums file, in the format `sha256sum -c` reads.
pub const SUMS: &str = "SHA256SUMS";

/// What `dist` wrote.
#[derive(Debug)]
pub struct Dist {
    /// The directory.
    pub dir: PathBuf,
    /// Every file, relative to `dir` with `/` separators, sorted; `SHA256SUMS` last.
    pub files: Vec<String>,
}

impl Dist {
    pub fn describe(&self) -> String {
        let below = match std::env::var_os("CARGO_TARGET_DIR") {
            Some(dir) if !dir.is_empty() => " (dist below CARGO_TARGET_DIR)",
            _ => "",
        };
        let mut out = format!(
            "{} release files in {}{below}:\n",
            self.files.len(),
            display_path(&self.dir)
        );
        for file in &self.files {
            out.push_str(&format!("  {file}\n"));
        }
        out
    }
}

/// Writes the release artifacts into `target/dist`.
pub fn run() -> Result<Dist, Failure> {
    build(&workspace_root(), &target_dir().join("dist"))
}

/// Writes the release artifacts of the workspace at `root` into `dir`, which is replaced: it must
/// be empty, missing or an earlier `dist` (it holds `SHA256SUMS`).
pub fn build(root: &Path, dir: &Path) -> Result<Dist, Failure> {
    // A stale generated file would ship: refuse as `gen --check` does.
    generate(&Options::workspace(Mode::Check))?;
    let version = workspace_version(root)?;
    replace_dir(dir)?;
    let krate = root.join("crates/log-codes");

    let packaged = cargo_package(root, &version)?;
    fs::copy(&packaged, dir.join(format!("log-codes-{version}.crate")))?;
    npm_pack(&krate, dir)?;
    for file in ["log-codes.json", "log-codes.schema.json"] {
        fs::copy(krate.join(file), dir.join(file))?;
    }
    for generated in ["docs", "sql"] {
        copy_tree(&krate.join(generated), &dir.join(generated), &|_| true)?;
    }
    let (tool, name) = command_line_tool(root, &version)?;
    fs::copy(tool, dir.join(name))?;
    let notes = crate::guard::release_notes(root)?;
    fs::write(dir.join("RELEASE-NOTES.md"), notes)?;

    let mut files = relative_files(dir)?;
    let mut sums = String::new();
    for file in &files {
        let digest = Sha256::digest(fs::read(dir.join(file))?);
        sums.push_str(&format!("{}  {file}\n", hex(&digest)));
    }
    fs::write(dir.join(SUMS), sums)?;
    files.push(SUMS.to_owned());
    Ok(Dist {
        dir: dir.to_path_buf(),
        files,
    })
}

/// `log-codes`, the command-line tool, built for release on this machine: its path, and its
/// name in the release, `log-codes-VERSION-HOST` (`.exe` on Windows).
fn command_line_tool(root: &Path, version: &str) -> Result<(PathBuf, String), Failure> {
    run_quietly(
        Command::new(env!("CARGO"))
            .args([
                "build",
                "--release",
                "--locked",
                "--quiet",
                "-p",
                "log-codes-cli",
            ])
            .current_dir(root),
    )?;
    let rustc = crate::project::output_of(Command::new("rustc").arg("-vV"))?;
    let host = (rustc.lines())
        .find_map(|line| line.strip_prefix("host: "))
        .ok_or_else(|| Failure::Other("rustc -vV names no host".to_owned()))?;
    let exe = std::env::consts::EXE_SUFFIX;
    let built = target_dir().join(format!("release/log-codes{exe}"));
    Ok((built, format!("log-codes-{version}-{host}{exe}")))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Empties `dir` for a new release, refusing a directory that is not an earlier one.
fn replace_dir(dir: &Path) -> Result<(), Failure> {
    if dir.exists() {
        let empty = fs::read_dir(dir)?.next().is_none();
        if !empty && !dir.join(SUMS).is_file() {
            return Err(Failure::Other(format!(
                "{} is not empty and holds no {SUMS}: not an earlier dist, so it is left alone",
                display_path(dir)
            )));
        }
        fs::remove_dir_all(dir)?;
    }
    fs::create_dir_all(dir)?;
    Ok(())
}

/// `cargo package -p log-codes`, verified (the packaged crate builds): the `.crate` path.
fn cargo_package(root: &Path, version: &str) -> Result<PathBuf, Failure> {
    run_quietly(
        Command::new(env!("CARGO"))
            .args([
                "package",
                "-p",
                "log-codes",
                "--locked",
                "--allow-dirty",
                "--quiet",
            ])
            .current_dir(root),
    )?;
    Ok(target_dir().join(format!("package/log-codes-{version}.crate")))
}

/// `npm pack` of the package in `ts/`, staged with the licence files its `files` lists (they
/// live beside the crate, not in the generated directory), into `dir`.
fn npm_pack(krate: &Path, dir: &Path) -> Result<(), Failure> {
    let package = krate.join("ts");
    let manifest: serde_json::Value =
        serde_json::from_slice(&fs::read(package.join("package.json"))?)
            .map_err(|e| Failure::Other(format!("ts/package.json: {e}")))?;
    let stage = target_dir().join("dist-stage/npm");
    let _ = fs::remove_dir_all(&stage);
    fs::create_dir_all(&stage)?;
    let listed = manifest["files"].as_array().into_iter().flatten();
    let mut names: Vec<&str> = listed.filter_map(|f| f.as_str()).collect();
    names.extend(["package.json", "README.md"]);
    for name in names {
        let from = [package.join(name), krate.join(name)]
            .into_iter()
            .find(|path| path.is_file())
            .ok_or_else(|| Failure::Other(format!("npm package: no file {name}")))?;
        let to = stage.join(name);
        fs::create_dir_all(to.parent().expect("a file in the stage"))?;
        fs::copy(from, to)?;
    }
    run_quietly(
        Command::new("npm")
            .args(["pack", "--silent", "--pack-destination"])
            .arg(dir)
            .arg(&stage)
            .current_dir(&stage),
    )
}

/// Every file below `dir`, relative with `/` separators, sorted.
pub fn relative_files(dir: &Path) -> Result<Vec<String>, Failure> {
    let mut found = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(at) = pending.pop() {
        for entry in fs::read_dir(&at)? {
            let entry = entry?;
            if entry.file_type()?.is_dir() {
                pending.push(entry.path());
            } else {
                let relative = entry.path();
                let relative = relative.strip_prefix(dir).expect("below dir");
                let parts: Vec<String> = (relative.components())
                    .map(|c| c.as_os_str().to_string_lossy().into_owned())
                    .collect();
                found.push(parts.join("/"));
            }
        }
    }
    found.sort();
    Ok(found)
}
