//! The command line as a new user meets it: a missing tool is named before any step runs, and a
//! closed pipe ends the output quietly.

use crate::common;

use std::process::{Command, Stdio};

#[cfg(unix)]
#[test]
fn a_missing_tool_is_named_with_what_needs_it_before_any_step() {
    let bin = common::scratch("cli-path");
    // Only git on PATH: no node, no npm.
    let git = String::from_utf8(
        Command::new("sh")
            .args(["-c", "command -v git"])
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    std::os::unix::fs::symlink(git.trim(), bin.join("git")).unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_xtask"))
        .arg("test")
        .env("PATH", &bin)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("`node`, for the TypeScript checks"),
        "{stderr}"
    );
    assert!(stderr.contains("`npm`, for installing"), "{stderr}");
    assert!(!stderr.contains("`git`"), "{stderr}");
    assert!(output.stdout.is_empty(), "no step ran");
}

#[test]
fn a_closed_pipe_ends_quietly() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_xtask"))
        .arg("help")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let output = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(stderr.is_empty(), "{stderr}");
}
