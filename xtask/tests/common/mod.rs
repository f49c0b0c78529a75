//! Helpers shared by the xtask integration tests.
#![allow(dead_code)]

use std::fs;
use std::path::{Path, PathBuf};

/// A fresh scratch directory for one test, below the build's target directory (cargo's
/// `CARGO_TARGET_TMPDIR`), so a test run leaves nothing in the system's temporary directory.
pub fn scratch(name: &str) -> PathBuf {
    let dir =
        Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("xtask-{name}-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    dir
}

/// Every file below `dir`, sorted.
pub fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            found.extend(files_under(&path));
        } else {
            found.push(path);
        }
    }
    found.sort();
    found
}

/// A directory outside the repository (where the target directory may be), removed when dropped.
pub struct Outside(pub PathBuf);

impl Outside {
    pub fn new(name: &str) -> Outside {
        let root = xtask::workspace_root();
        let temp = std::env::temp_dir();
        // `cargo xtask test` points the temporary directory into the target directory, which
        // may be inside the repository: then the system's own.
        let base = if temp.starts_with(&root) {
            PathBuf::from("/tmp")
        } else {
            temp
        };
        let dir = base.join(format!("log-codes-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        Outside(dir)
    }
}

impl Drop for Outside {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

/// The sheets of the seed table: a frozen copy of the table as it started, whose facts (rows,
/// lines, titles) tests may rely on.
pub fn seed_dir() -> PathBuf {
    xtask::workspace_root().join("crates/codegen/tests/data/seed")
}

/// Copies the three sheets found in `from` into `dir`; returns the path of the codes sheet.
pub fn copy_sheets(from: &Path, dir: &Path) -> PathBuf {
    for name in ["codes.csv", "kinds.csv", "groups.csv"] {
        fs::copy(from.join(name), dir.join(name)).unwrap();
    }
    dir.join("codes.csv")
}

/// Copies the seed table into `dir`; returns the path of its codes sheet.
pub fn seed_into(dir: &Path) -> PathBuf {
    copy_sheets(&seed_dir(), dir)
}

/// Copies the repository's table, as it is now, into `dir`; returns the path of its codes sheet.
pub fn real_into(dir: &Path) -> PathBuf {
    copy_sheets(&xtask::workspace_root(), dir)
}
