//! The release step of `cargo xtask test` (alone: `cargo xtask __release`): `dist` twice into
//! two directories, byte-identical, with `SHA256SUMS` verified by `sha256sum -c`; both publish
//! dry-runs; and each recipe of the README's "Use it from another repository" run from a scratch
//! repository outside the workspace: the Rust and build-script ones against a clone of HEAD
//! tagged `v<version>`, served as a `file://` git URL, the npm one from the tarball in `dist`, the
//! JSON one reading the files in `dist` and validating them with their schema.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

use crate::dist::{self, Dist, SUMS};
use crate::project::{Failure, run_quietly, target_dir, workspace_version};

mod recipes;

pub fn run(root: &Path) -> Result<String, Failure> {
    let work = target_dir().join("release-check");
    fs::create_dir_all(&work)?;
    let first = dist::build(root, &work.join("dist"))?;
    let second = dist::build(root, &work.join("dist-again"))?;
    identical(&first, &second)?;
    verify_sums(&first.dir)?;
    let version = workspace_version(root)?;
    let tarball = first.dir.join(format!("log-codes-{version}.tgz"));
    licences_packed(&tarball)?;
    tool_runs(&first)?;

    run_quietly(
        Command::new(env!("CARGO"))
            .args([
                "publish",
                "--dry-run",
                "-p",
                "log-codes",
                "--locked",
                "--allow-dirty",
            ])
            .current_dir(root),
    )?;
    run_quietly(
        Command::new("npm")
            .args(["publish", "--dry-run", "--ignore-scripts"])
            .arg(&tarball)
            .current_dir(&work),
    )?;

    let ran = recipes::run(root, &work, &first.dir, &version)?;
    Ok(format!(
        "release: {} files in dist, twice byte-identical, {SUMS} verified by sha256sum -c, \
         its log-codes tool checks a stream; cargo publish and npm publish dry-runs pass; the README's recipes ran from scratch \
         repositories: {}",
        first.files.len(),
        ran.join(", ")
    ))
}

/// The same file names with the same bytes.
fn identical(first: &Dist, second: &Dist) -> Result<(), Failure> {
    if first.files != second.files {
        return Err(Failure::Other(format!(
            "dist twice gave different files: {:?} and {:?}",
            first.files, second.files
        )));
    }
    for file in &first.files {
        if fs::read(first.dir.join(file))? != fs::read(second.dir.join(file))? {
            return Err(Failure::Other(format!(
                "dist is not reproducible: {file} differs"
            )));
        }
    }
    Ok(())
}

/// `sha256sum -c SHA256SUMS`: an implementation other than the one that wrote it.
fn verify_sums(dir: &Path) -> Result<(), Failure> {
    let listed = fs::read_to_string(dir.join(SUMS))?;
    let files = dist::relative_files(dir)?;
    let covered: Vec<&str> = listed
        .lines()
        .filter_map(|l| l.split_once("  ").map(|(_, f)| f))
        .collect();
    let expected: Vec<&str> = files
        .iter()
        .map(String::as_str)
        .filter(|f| *f != SUMS)
        .collect();
    if covered != expected {
        return Err(Failure::Other(format!(
            "{SUMS} lists {covered:?}, dist holds {expected:?}"
        )));
    }
    run_quietly(
        Command::new("sha256sum")
            .args(["--check", "--strict", SUMS])
            .current_dir(dir),
    )
}

/// The tool in the release checks a stream: one known code, passing `--fail-on unknown`.
fn tool_runs(dist: &Dist) -> Result<(), Failure> {
    let tool = (dist.files.iter())
        .find(|f| f.starts_with("log-codes-") && !f.ends_with(".crate") && !f.ends_with(".tgz"))
        .ok_or_else(|| Failure::Other("dist holds no log-codes tool".to_owned()))?;
    let code = log_codes_cli::catalog::Catalog::compiled().entries[0].code;
    let stream = dist.dir.with_file_name("one-event.ndjson");
    fs::write(&stream, format!("{{\"type\":{code}}}\n"))?;
    run_quietly(
        Command::new(dist.dir.join(tool))
            .args(["check", "--fail-on", "unknown"])
            .arg(&stream),
    )
}

/// The npm tarball carries both licence files.
fn licences_packed(tarball: &Path) -> Result<(), Failure> {
    let output = Command::new("tar").arg("-tzf").arg(tarball).output()?;
    let listing = String::from_utf8_lossy(&output.stdout);
    for licence in ["package/LICENSE-MIT", "package/LICENSE-APACHE"] {
        if !listing.lines().any(|l| l == licence) {
            return Err(Failure::Other(format!(
                "the npm tarball has no {licence}:\n{listing}"
            )));
        }
    }
    Ok(())
}

/// The workspace's JSON, which every recipe's output is checked against.
fn table_json(root: &Path) -> Result<Value, Failure> {
    let text = fs::read(root.join("crates/log-codes/log-codes.json"))?;
    serde_json::from_slice(&text).map_err(|e| Failure::Other(format!("log-codes.json: {e}")))
}

/// A fresh directory below `work`.
fn fresh(work: &Path, name: &str) -> Result<PathBuf, Failure> {
    let dir = work.join(name);
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir)?;
    Ok(dir)
}
