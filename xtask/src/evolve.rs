//! `cargo xtask evolve`: the promise "edit the table, run `gen`, and every test stays green",
//! tried. Starting from the real table, each case applies a random sequence of valid edits (a
//! code added in any kind and group, titles and descriptions edited, a code deprecated, a
//! translation added, a kind's or group's display title edited, a group added, a locale added or
//! removed, rows reordered), writes the sheets as an editor would, and regenerates a crate from
//! them; the stability guard must accept each sequence (with the version bumped, as a user
//! would, when it holds a major change). Then every case's crate is unit-tested, doc-tested and
//! documented (warnings denied) in one cargo workspace, and every case's TypeScript package runs
//! the whole `ts-checks` suite (tsc under three resolutions, `node --test`, the docs' links,
//! publint and attw).

use std::fs;
use std::path::Path;
use std::process::Command;

use crate::project::Invalid;
use crate::{Failure, Mode, Options, workspace_root};

/// How many cases `cargo xtask test` runs: about 13 s each on two cores, most of it the
/// TypeScript suite (within the two minutes the step may take).
pub const CASES_IN_TEST: usize = 4;

mod edits;
#[cfg(test)]
mod tests;

use edits::{edited_case, sheets, version_for};

/// Runs `cases` cases from `seed`; returns a summary.
pub fn run(input: &Path, cases: usize, seed: u64) -> Result<String, Failure> {
    let root = workspace_root();
    let work = crate::target_dir().join("evolve");
    let _ = fs::remove_dir_all(&work);
    fs::create_dir_all(&work)?;
    let real = crate::sheets::read_sheets(input).map_err(Failure::Other)?;
    let (base, report) = log_codes_codegen::testing::parse(&real.input());
    let shown = crate::project::display_path(input);
    let base = base.ok_or_else(|| Failure::InvalidTable(Invalid::at(&report, &shown)))?;
    let version = crate::workspace_version(&root)?;
    let mut members = Vec::new();
    let mut described = Vec::new();
    for case in 0..cases {
        let (edited, mut rng) = edited_case(&base, seed, case);
        let name = format!("case-{case}");
        let context = |e: Failure| {
            let text = match e {
                Failure::InvalidTable(invalid) => invalid.rendered,
                Failure::Incompatible(verdict) => verdict.refusal.unwrap_or_default(),
                Failure::Other(text) => text,
                stale @ Failure::Stale(_) => return stale,
            };
            Failure::Other(format!(
                "evolve {name} (seed {seed}, edits: {}):\n{text}",
                edited.log.join("; ")
            ))
        };
        let table_dir = work.join("tables").join(&name);
        let csv = table_dir.join("codes.csv");
        crate::sheets::write_sheets(&csv, &sheets(&edited, &mut rng))?;
        let (parsed, report) = log_codes_codegen::testing::parse(
            &crate::sheets::read_sheets(&csv)
                .map_err(Failure::Other)?
                .input(),
        );
        let parsed = parsed
            .ok_or_else(|| context(Failure::InvalidTable(Invalid::at(&report, "codes.csv"))))?;
        // A user bumps the version for a major change; the guard must then accept the edits.
        let new_version = version_for(&base, &version, &parsed)?;
        crate::guard::check("the real table", &base, &version, &parsed, &new_version)
            .map_err(context)?;
        fs::write(
            table_dir.join("Cargo.toml"),
            format!("[workspace.package]\nversion = \"{new_version}\"\n"),
        )?;
        let crate_dir = work.join("crates").join(&name);
        crate::scratch::generated_crate(&crate_dir, &csv).map_err(context)?;
        // The crate's own `lib.rs` (its docs and doctests, the README's example), which must hold
        // for any table.
        fs::copy(
            root.join("crates/log-codes/src/lib.rs"),
            crate_dir.join("src/lib.rs"),
        )?;
        // Generated again with the case's version, then checked: nothing stale.
        for mode in [Mode::Write, Mode::Check] {
            crate::generate(&Options {
                root: table_dir.clone(),
                input: csv.clone(),
                out_dir: crate_dir.clone(),
                mode,
                ..Options::workspace(mode)
            })
            .map_err(context)?;
        }
        fs::write(
            crate_dir.join("Cargo.toml"),
            format!(
                "[package]\nname = \"log-codes-{name}\"\nversion = \"{new_version}\"\nedition = \"2021\"\npublish = false\n\n[lib]\nname = \"log_codes\"\n\n[features]\nserde = [\"dep:serde\"]\n\n[dependencies]\nserde = {{ version = \"1\", optional = true, default-features = false }}\n"
            ),
        )?;
        members.push(format!("\"crates/{name}\""));
        described.push(format!("  {name}: {}", edited.log.join("; ")));
    }
    fs::write(
        work.join("Cargo.toml"),
        format!(
            "[workspace]\nresolver = \"2\"\nmembers = [{}]\n",
            members.join(", ")
        ),
    )?;
    println!(
        "evolve: seed {seed}, {cases} cases\n{}",
        described.join("\n")
    );
    let cargo = |args: &[&str]| {
        let mut command = Command::new(env!("CARGO"));
        command
            .args(args)
            .arg("--manifest-path")
            .arg(work.join("Cargo.toml"))
            .env("CARGO_TARGET_DIR", work.join("target"))
            .env("RUSTDOCFLAGS", "-D warnings");
        command
    };
    // Every case's unit tests and doc tests (the hand-written ones included: they follow the
    // table), and its docs with warnings denied.
    crate::project::run_quietly(&mut cargo(&[
        "test",
        "--quiet",
        "--workspace",
        "--all-features",
    ]))?;
    for case in 0..cases {
        crate::project::run_quietly(&mut cargo(&[
            "doc",
            "--quiet",
            "--no-deps",
            "--all-features",
            "-p",
            &format!("log-codes-case-{case}"),
        ]))?;
    }
    // The suite reads the generator's naming rules beside the crate, as in the repository.
    symlink(&root.join("crates/codegen"), &work.join("crates/codegen"))?;
    for case in 0..cases {
        ts_suite(&root, &work.join("crates").join(format!("case-{case}")))?;
    }
    Ok(format!(
        "evolve: {cases} edited tables (seed {seed}) regenerated, accepted by the stability guard, and green: crate tests, doctests and docs, and the TypeScript suite"
    ))
}

/// The whole `ts-checks` suite against the package of `crate_dir`: the suite's files, beside
/// the case's `ts/` as they are beside the real one, with the pinned tools of the real
/// `node_modules` and `log-codes` pointing at the case's package.
fn ts_suite(root: &Path, crate_dir: &Path) -> Result<(), Failure> {
    let checks = root.join("crates/log-codes/ts-checks");
    let suite = crate_dir.join("ts-checks");
    crate::files::copy_tree(&checks, &suite, &|name| name != "node_modules")?;
    let modules = suite.join("node_modules");
    fs::create_dir_all(&modules)?;
    for entry in fs::read_dir(checks.join("node_modules"))? {
        let entry = entry?;
        let name = entry.file_name();
        if name != "log-codes" && name != ".package-lock.json" {
            symlink(&entry.path(), &modules.join(&name))?;
        }
    }
    symlink(&crate_dir.join("ts"), &modules.join("log-codes"))?;
    crate::project::run_quietly(
        Command::new("npm")
            // The package's checks; the generator's templates (`typecheck:runtime`) are not the
            // case's and are checked once by `cargo xtask test`.
            .args(["run", "test:package", "--silent"])
            .current_dir(&suite),
    )
}

#[cfg(unix)]
fn symlink(target: &Path, link: &Path) -> Result<(), Failure> {
    std::os::unix::fs::symlink(target, link).map_err(Failure::from)
}

#[cfg(not(unix))]
fn symlink(target: &Path, link: &Path) -> Result<(), Failure> {
    std::os::windows::fs::symlink_dir(target, link).map_err(Failure::from)
}

/// The default seed: different on each run (printed, so a failure can be replayed with `--seed`).
pub fn fresh_seed() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(1, |d| d.as_nanos() as u64)
}
