//! `cargo xtask test`: every check the project has, in the order that fails fastest.

use std::path::Path;
use std::process::Command;
use std::time::Instant;

use crate::{Failure, Mode, Options, generate, guard, workspace_root};

/// One step: a command run from a directory of the workspace.
struct Step {
    name: &'static str,
    dir: &'static str,
    program: &'static str,
    args: &'static [&'static str],
    env: &'static [(&'static str, &'static str)],
}

const fn step(name: &'static str, program: &'static str, args: &'static [&'static str]) -> Step {
    Step {
        name,
        dir: ".",
        program,
        args,
        env: &[],
    }
}

const CONSUMER: &str = "tests/consumer/Cargo.toml";

/// The private npm project holding the TypeScript tooling and tests of the package in `ts/`.
const TS_CHECKS: &str = "crates/log-codes/ts-checks";

fn steps() -> Vec<Step> {
    vec![
        step("rustfmt", "cargo", &["fmt", "--all", "--check"]),
        step(
            "rustfmt (consumer)",
            "cargo",
            &["fmt", "--manifest-path", CONSUMER, "--check"],
        ),
        step(
            "clippy",
            "cargo",
            &[
                "clippy",
                "--workspace",
                "--all-targets",
                "--all-features",
                "--locked",
                "--",
                "-D",
                "warnings",
            ],
        ),
        step(
            "clippy (log-codes, no features)",
            "cargo",
            &[
                "clippy",
                "-p",
                "log-codes",
                "--all-targets",
                "--locked",
                "--",
                "-D",
                "warnings",
            ],
        ),
        step(
            "tests",
            "cargo",
            &["test", "--workspace", "--all-features", "--locked"],
        ),
        step(
            "tests (log-codes, no features)",
            "cargo",
            &["test", "-p", "log-codes", "--locked"],
        ),
        Step {
            env: &[("RUSTDOCFLAGS", "-D warnings")],
            ..step(
                "rustdoc",
                "cargo",
                &[
                    "doc",
                    "--workspace",
                    "--no-deps",
                    "--all-features",
                    "--locked",
                ],
            )
        },
        Step {
            env: &[("CARGO_TARGET_DIR", "target/consumer")],
            ..step(
                "consumer crate, no default features",
                "cargo",
                &["test", "--manifest-path", CONSUMER, "--locked"],
            )
        },
        Step {
            env: &[("CARGO_TARGET_DIR", "target/consumer")],
            ..step(
                "consumer crate, serde",
                "cargo",
                &[
                    "test",
                    "--manifest-path",
                    CONSUMER,
                    "--features",
                    "serde",
                    "--locked",
                ],
            )
        },
        Step {
            env: &[("CARGO_TARGET_DIR", "target/consumer")],
            ..step(
                "clippy (consumer)",
                "cargo",
                &[
                    "clippy",
                    "--manifest-path",
                    CONSUMER,
                    "--all-targets",
                    "--features",
                    "serde",
                    "--locked",
                    "--",
                    "-D",
                    "warnings",
                ],
            )
        },
        step(
            "cargo package: the crate builds from its packaged files",
            "cargo",
            &["package", "-p", "log-codes", "--allow-dirty", "--locked"],
        ),
        Step {
            dir: TS_CHECKS,
            ..step(
                "npm ci (TypeScript tooling, pinned)",
                "npm",
                &["ci", "--no-audit", "--no-fund"],
            )
        },
        Step {
            dir: TS_CHECKS,
            ..step(
                "TypeScript: tsc --strict x3, node --test, publint, attw",
                "npm",
                &["test"],
            )
        },
    ]
}

/// Locales whose translation must stay complete.
const REQUIRED_LOCALES: &[&str] = &["tr"];

/// Runs every check; returns the process exit code.
pub fn run_all() -> i32 {
    let root = workspace_root();
    let started = Instant::now();
    let base = guard_base(&root);
    let mut options = Options::workspace(Mode::Check);
    // The project ships every Turkish translation; a missing one fails here, at its cell.
    options.require_complete = REQUIRED_LOCALES.iter().map(|t| t.to_string()).collect();
    println!(
        "== translations complete (--require-complete {})",
        REQUIRED_LOCALES.join(" --require-complete ")
    );
    match &base {
        Some((rev, why)) => {
            println!(
                "== generated files are up to date, and the table is compatible with {rev} ({why})"
            );
            options.base = Some(rev.clone());
        }
        None => println!(
            "== generated files are up to date; stability guard: no base (no v* tag and HEAD has no \
             parent commit), so there is nothing to compare with"
        ),
    }
    match generate(&options) {
        Ok(summary) => {
            print!("{}", summary.coverage_lines());
            if let (Some(changes), Some((rev, _))) = (&summary.changes, &base) {
                print!("{}", guard::describe(rev, changes));
            }
        }
        Err(Failure::Stale(diffs)) => {
            for diff in diffs {
                print!("{diff}");
            }
            eprintln!("FAILED: generated files are stale; run `cargo xtask gen` and commit");
            return 1;
        }
        Err(Failure::Incompatible(message)) => {
            eprint!("{message}");
            eprintln!("FAILED: stability guard");
            return 1;
        }
        Err(Failure::InvalidTable(rendered)) => {
            eprint!("{rendered}");
            eprintln!("FAILED: the table is invalid");
            return 1;
        }
        Err(other) => {
            eprintln!("FAILED: {other:?}");
            return 1;
        }
    }
    let steps = steps();
    for (done, step) in steps.iter().enumerate() {
        if !run(&root, step) {
            eprintln!("FAILED: {}", step.name);
            println!("checks: {} passed, 1 failed", done + 1);
            return 1;
        }
    }
    // In process: `cargo test` above may have rebuilt this very binary.
    println!("== hostile corpus: rustc, rustdoc, tsc and node on every valid corpus table");
    match crate::corpus::run() {
        Ok(summary) => println!("{summary}"),
        Err(failure) => {
            eprintln!("FAILED: hostile corpus: {failure:?}");
            println!("checks: {} passed, 1 failed", steps.len() + 1);
            return 1;
        }
    }
    println!("== all checks passed in {:.0?}", started.elapsed());
    println!("checks: {} passed, 0 failed", steps.len() + 2);
    0
}

/// What the stability guard compares with: the latest release tag, else the previous commit.
fn guard_base(root: &Path) -> Option<(String, &'static str)> {
    let git = |args: &[&str]| {
        Command::new("git")
            .arg("-C")
            .arg(root)
            .args(args)
            .output()
            .ok()
            .filter(|o| o.status.success())
            .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_owned())
            .filter(|s| !s.is_empty())
    };
    if let Some(tag) = git(&["describe", "--tags", "--abbrev=0", "--match", "v*"]) {
        return Some((tag, "the latest release tag"));
    }
    git(&["rev-parse", "--verify", "--quiet", "HEAD~1"])
        .map(|_| ("HEAD~1".to_owned(), "no v* tag yet: the previous commit"))
}

fn run(root: &Path, step: &Step) -> bool {
    println!("== {}: {} {}", step.name, step.program, step.args.join(" "));
    let mut command = Command::new(step.program);
    command.args(step.args).current_dir(root.join(step.dir));
    for (key, value) in step.env {
        command.env(key, value);
    }
    match command.status() {
        Ok(status) => status.success(),
        Err(e) => {
            eprintln!("cannot run {}: {e}", step.program);
            false
        }
    }
}
