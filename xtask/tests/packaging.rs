//! The published crate holds exactly its sources, README and licences: no npm package, no JSON,
//! no tests. (`cargo xtask test` also builds the packaged crate, and the npm checks list the
//! tarball's files.)

use std::process::Command;

#[test]
fn the_crate_package_lists_exactly_the_intended_files() {
    let output = Command::new(env!("CARGO"))
        .args(["package", "-p", "log-codes", "--list", "--allow-dirty"])
        .current_dir(xtask::workspace_root())
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let listing = String::from_utf8(output.stdout).unwrap();
    let mut files: Vec<&str> = listing
        .lines()
        .filter(|f| *f != ".cargo_vcs_info.json")
        .collect();
    files.sort();
    assert_eq!(
        files,
        [
            "Cargo.lock",
            "Cargo.toml",
            "Cargo.toml.orig",
            "LICENSE-APACHE",
            "LICENSE-MIT",
            "README.md",
            "src/generated.rs",
            "src/lib.rs",
        ]
    );
}
