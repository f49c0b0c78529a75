//! `cargo xtask test`: every check the project has, in the order that fails fastest.

use std::fs;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use crate::{Failure, Mode, Options, generate, guard, workspace_root};

mod reports;

pub use reports::run_all as reports;
pub(crate) mod steps;

use steps::{Step, steps};

/// `[workspace.metadata.log-codes] require-complete` of the workspace manifest, without the
/// locales the table does not have (each named in a note): removing a locale is a valid edit.
pub(crate) fn required_locales(root: &Path, input: &Path) -> Result<Vec<String>, String> {
    let path = root.join("Cargo.toml");
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    let manifest: toml::Table =
        toml::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
    let listed = manifest
        .get("workspace")
        .and_then(|w| w.get("metadata"))
        .and_then(|m| m.get("log-codes"))
        .and_then(|l| l.get("require-complete"));
    let Some(listed) = listed else {
        return Ok(Vec::new());
    };
    let tags: Vec<String> = (listed.as_array().into_iter().flatten())
        .map(|tag| tag.as_str().map(str::to_owned))
        .collect::<Option<_>>()
        .ok_or_else(|| {
            format!(
                "{}: `require-complete` must be a list of locale tags",
                path.display()
            )
        })?;
    let sheets = crate::sheets::read_sheets(input)?;
    // An invalid table keeps every listed locale: `gen` reports the table's own problems.
    let locales = log_codes_codegen::testing::parse(&sheets.input())
        .0
        .map(|t| t.locales);
    let has = |tag: &String| locales.as_ref().is_none_or(|l| l.contains(tag));
    let (present, absent): (Vec<String>, Vec<String>) = tags.into_iter().partition(has);
    for tag in absent {
        println!(
            "    note: `{tag}` is required complete but the table has no `title.{tag}` column"
        );
    }
    Ok(present)
}

/// Runs a check of this process as step `n`, printing its summary, or its failure and the step's
/// name as the error.
fn in_process(
    times: &mut Vec<(String, Duration)>,
    n: usize,
    total: usize,
    heading: &str,
    name: &str,
    check: impl FnOnce() -> Result<String, Failure>,
) -> Result<(), String> {
    let at = Instant::now();
    println!("[{n}/{total}] {heading}");
    match check() {
        Ok(summary) => println!("{summary}"),
        Err(failure) => {
            eprintln!("{failure:?}");
            return Err(name.to_owned());
        }
    }
    times.push((name.to_owned(), at.elapsed()));
    Ok(())
}

/// The tools the steps need besides cargo, with what needs them.
const TOOLS: &[(&str, &str)] = &[
    ("git", "the stability guard (the table at the last release)"),
    (
        "node",
        "the TypeScript checks and the hostile corpus (Node.js 20 or newer)",
    ),
    ("npm", "installing the pinned TypeScript tooling (`npm ci`)"),
    (
        "sha256sum",
        "checking the release's SHA256SUMS with another implementation",
    ),
    ("tar", "listing the release's npm tarball"),
];

/// Runs every check; returns the process exit code.
pub fn run_all() -> i32 {
    let root = workspace_root();
    let started = Instant::now();
    let missing: Vec<String> = (TOOLS.iter())
        .filter(|(tool, _)| Command::new(tool).arg("--version").output().is_err())
        .map(|(tool, needed_by)| format!("  `{tool}`, for {needed_by}"))
        .collect();
    if !missing.is_empty() {
        eprintln!(
            "error: cargo xtask test needs tools that are not on PATH:\n{}\n\
             install them and run again (on Debian or Ubuntu: `apt-get install git nodejs npm`; \
             Node.js 20 or newer: https://nodejs.org)",
            missing.join("\n")
        );
        return 2;
    }
    // Every step's temporary files go below the build's target directory, removed at the end:
    // a run leaves nothing in the system's temporary directory.
    let temp = crate::target_dir().join("xtask-test-tmp");
    let _ = fs::remove_dir_all(&temp);
    if let Err(e) = fs::create_dir_all(&temp) {
        eprintln!("error: cannot create {}: {e}", temp.display());
        return 2;
    }
    let steps = steps();
    let total = steps.len() + 7;
    let mut times: Vec<(String, Duration)> = Vec::new();
    let outcome = (|| {
        let at = Instant::now();
        println!("[1/{total}] generated files, translations and the stability guard");
        if !generated_files_check(&root) {
            return Err("generated files, translations and the stability guard".to_owned());
        }
        times.push((
            "generated files, translations, stability".to_owned(),
            at.elapsed(),
        ));
        for (n, step) in steps.iter().enumerate() {
            let at = Instant::now();
            println!(
                "[{}/{total}] {}: {} {}",
                n + 2,
                step.name,
                step.program,
                step.args.join(" ")
            );
            if !run(&root, step, &temp) {
                return Err(step.name.to_owned());
            }
            if let Some(why) = step.expected_warning {
                println!("    (expected: {why})");
            }
            times.push((step.name.to_owned(), at.elapsed()));
            println!("    ok in {:.1} s", at.elapsed().as_secs_f64());
        }
        // In process: `cargo test` above may have rebuilt this very binary.
        let heading = "reports as data: --format json against its schemas (ajv), --format github on the hostile corpus, the same exit status in every format";
        in_process(&mut times, total - 5, total, heading, "reports", || {
            reports::run_all(&root)
        })?;
        let heading =
            "build-script consumer: its table's edits, and nothing else, rerun its build script";
        in_process(
            &mut times,
            total - 4,
            total,
            heading,
            "build-script consumer rebuilds",
            || crate::rebuilds::run(&root),
        )?;
        let heading = "release: cargo xtask dist twice, byte-identical, SHA256SUMS, cargo and npm publish dry-runs, the README's recipes from scratch repositories";
        in_process(&mut times, total - 3, total, heading, "release", || {
            crate::release::run(&root)
        })?;
        let heading = "SQL in SQLite, PostgreSQL and DuckDB: the hostile corpus stays data, the files reload and upgrade exactly, the report query equals log-codes check";
        in_process(&mut times, total - 2, total, heading, "sql", || {
            crate::sql::run(&root)
        })?;
        let heading =
            "hostile corpus: rustc, clippy, rustdoc, tsc and node on every valid corpus table";
        in_process(
            &mut times,
            total - 1,
            total,
            heading,
            "hostile corpus",
            crate::corpus::run,
        )?;
        let cases = crate::evolve::CASES_IN_TEST;
        let seed = crate::evolve::fresh_seed();
        let heading = format!(
            "evolution: {cases} random sequences of valid edits of the table, each regenerated and tested (replay: cargo xtask evolve --cases {cases} --seed {seed})"
        );
        in_process(&mut times, total, total, &heading, "evolution", || {
            crate::evolve::run(&root.join("codes.csv"), cases, seed)
        })?;
        Ok(())
    })();
    let _ = fs::remove_dir_all(&temp);
    println!("\nstep times:");
    for (name, time) in &times {
        println!("  {:>7.1} s  {name}", time.as_secs_f64());
    }
    match outcome {
        Ok(()) => {
            println!("== all checks passed in {:.0?}", started.elapsed());
            println!("checks: {total} passed, 0 failed");
            0
        }
        Err(step) => {
            eprintln!("FAILED: {step}");
            println!("checks: {} passed, 1 failed", times.len());
            1
        }
    }
}

/// `gen --check` with the translations required and the stability guard against the last
/// release (or the previous commit).
fn generated_files_check(root: &Path) -> bool {
    let base = guard_base(root);
    let mut options = Options::workspace(Mode::Check);
    // The locales the workspace manifest requires complete; a missing translation fails here,
    // at its cell.
    match required_locales(root, &options.input) {
        Ok(required) => {
            if !required.is_empty() {
                println!(
                    "    translations complete (--require-complete {})",
                    required.join(" --require-complete ")
                );
            }
            options.require_complete = required;
        }
        Err(message) => {
            eprintln!("{message}");
            return false;
        }
    }
    match &base {
        Some((rev, why)) => {
            println!("    the table is compatible with {rev} ({why})");
            options.base = Some(rev.clone());
        }
        None => println!(
            "    stability guard: no base (no v* tag and HEAD has no parent commit), so there is \
             nothing to compare with"
        ),
    }
    match generate(&options) {
        Ok(summary) => {
            print!("{}", summary.coverage_lines());
            if let Some(verdict) = &summary.verdict {
                print!("{}", guard::describe(&verdict.base, &verdict.changes));
            }
            true
        }
        Err(failure) => {
            crate::report::failure(&failure);
            false
        }
    }
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

fn run(root: &Path, step: &Step, temp: &Path) -> bool {
    if let Some(target) = step.needs_target
        && !target_installed(target)
    {
        println!(
            "    skipped: the standard library of {target} is not installed (`rustup target add {target}`)"
        );
        return true;
    }
    let mut command = Command::new(step.program);
    command
        .args(step.args)
        .current_dir(root.join(step.dir))
        .env("TMPDIR", temp);
    for (key, value) in step.env {
        command.env(key, value);
    }
    if let Some(target) = step.target {
        command.env("CARGO_TARGET_DIR", crate::target_dir().join(target));
    }
    match command.status() {
        Ok(status) => status.success(),
        Err(e) => {
            eprintln!("cannot run {}: {e}", step.program);
            false
        }
    }
}

/// Whether rustc has the standard library of `target` (`rustup target add`).
fn target_installed(target: &str) -> bool {
    let libdir = Command::new("rustc")
        .args(["--print", "target-libdir", "--target", target])
        .output();
    libdir.is_ok_and(|output| {
        let dir = String::from_utf8_lossy(&output.stdout);
        output.status.success() && fs::read_dir(dir.trim()).is_ok_and(|mut d| d.next().is_some())
    })
}
