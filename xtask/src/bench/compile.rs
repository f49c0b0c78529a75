//! `bench build`: how long a crate that depends on `log-codes` takes to build, against the
//! strum-derived enum a user would write instead.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use log_codes_codegen::synthetic::synthetic_table;
use log_codes_codegen::{Table, testing::parse};
use serde_json::{Value, json};

use super::measure::{Measured, measure};
use crate::Failure;
use crate::scratch::generated_crate;

#[path = "../../../crates/bench/alternatives/strum.rs"]
mod alternatives;

/// A scratch crate depending on `dependency` (a TOML value), outside the workspace.
pub(super) fn scratch_crate(dir: &Path, dependency: &str) -> Result<(), Failure> {
    let _ = fs::remove_dir_all(dir);
    fs::create_dir_all(dir.join("src"))?;
    fs::write(
        dir.join("Cargo.toml"),
        format!(
            "[package]\nname = \"scratch\"\nversion = \"0.0.0\"\nedition = \"2021\"\npublish = false\n\n[workspace]\n\n[dependencies]\nsubject = {dependency}\n"
        ),
    )?;
    fs::write(dir.join("src/lib.rs"), "pub use subject;\n")?;
    Ok(())
}

/// The crate a user would write instead: the same enum with strum derives carrying the titles,
/// descriptions, kinds, groups and translations (and serde_repr derives with `serde`).
pub(super) fn strum_crate(dir: &Path, table: &Table, serde: bool) -> Result<(), Failure> {
    let _ = fs::remove_dir_all(dir);
    fs::create_dir_all(dir.join("src"))?;
    let serde_deps = if serde {
        "serde = \"1\"\nserde_repr = \"0.1\"\n"
    } else {
        ""
    };
    fs::write(
        dir.join("Cargo.toml"),
        format!(
            "[package]\nname = \"strum-codes\"\nversion = \"0.0.0\"\nedition = \"2021\"\npublish = false\n\n[dependencies]\nstrum = {{ version = \"0.28\", features = [\"derive\"] }}\n{serde_deps}"
        ),
    )?;
    let lib = alternatives::strum_enum(table, "LogCode", serde);
    fs::write(dir.join("src/lib.rs"), lib)?;
    Ok(())
}

/// A scratch crate in `dir` depending on `package` at `path` (with `features`), built clean.
pub(super) fn build_dependent(
    dir: &Path,
    package: &str,
    path: &Path,
    features: &[&str],
    runs: usize,
) -> Result<Value, Failure> {
    let path = path.display().to_string().replace('\\', "/");
    let features = features
        .iter()
        .map(|f| format!("\"{f}\""))
        .collect::<Vec<_>>()
        .join(", ");
    scratch_crate(
        dir,
        &format!("{{ package = \"{package}\", path = \"{path}\", features = [{features}] }}"),
    )?;
    clean_build(dir, runs)
}

/// Debug builds of `dir`, each from an empty target directory: the median wall time and the
/// largest peak memory of `runs` builds.
pub(super) fn clean_build(dir: &Path, runs: usize) -> Result<Value, Failure> {
    clean_run(dir, runs, &["build", "--quiet"])
}

/// The median of `runs` runs of `cargo ARGS` in `dir`, each from an empty target directory.
pub(super) fn clean_run(dir: &Path, runs: usize, args: &[&str]) -> Result<Value, Failure> {
    // Resolve and fetch first, so the measurement is the build alone.
    let status = Command::new(env!("CARGO"))
        .args(["fetch", "--quiet"])
        .current_dir(dir)
        .status()?;
    if !status.success() {
        return Err(Failure::Other(format!(
            "cargo fetch failed in {}",
            dir.display()
        )));
    }
    let mut times = Vec::new();
    let mut peak = 0;
    for _ in 0..runs {
        let _ = fs::remove_dir_all(dir.join("target"));
        let Measured {
            seconds, peak_kib, ..
        } = measure(dir, env!("CARGO"), args)?;
        times.push(seconds);
        peak = peak.max(peak_kib);
    }
    times.sort_by(f64::total_cmp);
    let seconds = times[times.len() / 2];
    println!(
        "  {} cargo {}: {seconds:.2} s (median of {runs}), {} MiB",
        dir.display(),
        args.join(" "),
        peak / 1024
    );
    Ok(json!({ "seconds": seconds, "peak_mib": peak / 1024 }))
}

/// One row of `bench build`: a scratch crate in `dir` depending on `package` at `path`, built
/// `runs` times, compared with the row `versus` (none when empty).
pub(super) struct Subject {
    row: &'static str,
    dir: &'static str,
    package: &'static str,
    path: PathBuf,
    features: &'static [&'static str],
    runs: usize,
    versus: &'static str,
}

/// Small crates are built five times (the median is kept), the 10,000-code ones once.
pub(super) const RUNS: usize = 5;

pub(super) fn run(root: &Path) -> Result<Value, Failure> {
    let work = crate::target_dir().join("bench-build");
    fs::create_dir_all(&work)?;
    let sheets = crate::sheets::read_sheets(&root.join("codes.csv")).map_err(Failure::Other)?;
    let (table, report) = parse(&sheets.input());
    let table = table
        .ok_or_else(|| Failure::InvalidTable(crate::project::Invalid::at(&report, "codes.csv")))?;
    let crate_path = root.join("crates/log-codes");
    strum_crate(&work.join("strum-codes"), &table, false)?;
    strum_crate(&work.join("strum-codes-serde"), &table, true)?;
    // 10,000 codes: the generated crate against the strum equivalent.
    let csv = work.join("rows-10000/codes.csv");
    let synthetic = synthetic_table(10_000);
    crate::sheets::write_sheets(&csv, &synthetic)?;
    let (big, _) = parse(&synthetic.input());
    let big = big.expect("the synthetic table is valid");
    generated_crate(&work.join("log-codes-10000"), &csv)?;
    strum_crate(&work.join("strum-codes-10000"), &big, false)?;

    let subject = |row, dir, package, path, features, runs, versus| Subject {
        row,
        dir,
        package,
        path,
        features,
        runs,
        versus,
    };
    let subjects = [
        subject(
            "log-codes (default)",
            "log-codes",
            "log-codes",
            crate_path.clone(),
            &[],
            RUNS,
            "strum equivalent",
        ),
        subject(
            "log-codes + serde",
            "log-codes-serde",
            "log-codes",
            crate_path,
            &["serde"],
            RUNS,
            "strum + serde_repr equivalent",
        ),
        subject(
            "strum equivalent",
            "strum",
            "strum-codes",
            work.join("strum-codes"),
            &[],
            RUNS,
            "",
        ),
        subject(
            "strum + serde_repr equivalent",
            "strum-serde",
            "strum-codes",
            work.join("strum-codes-serde"),
            &[],
            RUNS,
            "",
        ),
        subject(
            "10,000 codes: log-codes",
            "gen-10000",
            "log-codes",
            work.join("log-codes-10000"),
            &[],
            1,
            "10,000 codes: strum equivalent",
        ),
        subject(
            "10,000 codes: strum equivalent",
            "strum-10000",
            "strum-codes",
            work.join("strum-codes-10000"),
            &[],
            1,
            "",
        ),
    ];
    let mut results = BTreeMap::new();
    // What every build pays whatever it depends on: cargo, and the scratch crate itself.
    let baseline = work.join("no-dependency");
    let _ = fs::remove_dir_all(&baseline);
    fs::create_dir_all(baseline.join("src"))?;
    fs::write(
        baseline.join("Cargo.toml"),
        "[package]\nname = \"scratch\"\nversion = \"0.0.0\"\nedition = \"2021\"\npublish = false\n\n[workspace]\n",
    )?;
    fs::write(baseline.join("src/lib.rs"), "")?;
    results.insert("no dependency (cargo alone)", clean_build(&baseline, RUNS)?);
    for s in subjects {
        let mut value = build_dependent(&work.join(s.dir), s.package, &s.path, s.features, s.runs)?;
        if !s.versus.is_empty() {
            value["versus"] = json!(s.versus);
        }
        results.insert(s.row, value);
    }
    // The generated crate's own tests stay linear in codes too (no constant of `LogCode` values).
    results.insert(
        "10,000 codes: log-codes' own tests (cargo test --no-run)",
        clean_run(
            &work.join("log-codes-10000"),
            1,
            &["test", "--no-run", "--quiet"],
        )?,
    );
    Ok(serde_json::to_value(results).unwrap())
}
