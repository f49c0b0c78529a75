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
