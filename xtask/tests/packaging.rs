//! The published crate holds exactly its sources, README and licences: no npm package, no JSON,
//! no tests. (`cargo xtask test` also builds the packaged crate, and the npm checks list the
//! tarball's files.)

use std::process::Command;

/// What `cargo ARGS` in the workspace prints; it must succeed.
fn cargo(args: &[&str]) -> String {
    let output = Command::new(env!("CARGO"))
        .args(args)
        .current_dir(xtask::workspace_root())
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

#[test]
fn the_crate_package_lists_exactly_the_intended_files() {
    let listing = cargo(&["package", "-p", "log-codes", "--list", "--allow-dirty"]);
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

/// `cargo install --path crates/cli` builds the tool without the generator's renderers: the
/// dependency tree of its normal build holds none of their crates.
#[test]
fn the_command_line_tool_installs_without_the_renderers() {
    let tree = cargo(&[
        "tree",
        "-p",
        "log-codes-cli",
        "-e",
        "normal",
        "--prefix",
        "none",
        "--locked",
    ]);
    let crates: Vec<&str> = tree
        .lines()
        .filter_map(|l| l.split_whitespace().next())
        .collect();
    assert!(
        crates.contains(&"log-codes-codegen") && crates.contains(&"log-codes"),
        "{tree}"
    );
    for renderer in [
        "syn",
        "prettyplease",
        "quote",
        "annotate-snippets",
        "proc-macro2",
    ] {
        assert!(!crates.contains(&renderer), "{renderer} in\n{tree}");
    }
}
