//! `cargo xtask bench [lookups] [build] [scale]`: runs the benchmarks and writes their medians and
//! ratios into `crates/log-codes/BENCHMARKS.md`. Results are kept in `target/bench-results/` so
//! each part can be re-run alone. Not part of `cargo xtask test`.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use log_codes_codegen::synthetic::synthetic_table;
use log_codes_codegen::{Table, testing::parse};
use serde_json::{Value, json};

use crate::{Failure, workspace_root};

const PARTS: [&str; 4] = ["lookups", "build", "scale", "first-run"];

/// Runs the named parts (all when none) and rewrites the report.
pub fn run(parts: &[String]) -> Result<(), Failure> {
    let parts: Vec<&str> = if parts.is_empty() {
        PARTS.to_vec()
    } else {
        parts.iter().map(String::as_str).collect()
    };
    let root = workspace_root();
    let results = crate::target_dir().join("bench-results");
    fs::create_dir_all(&results)?;
    for part in parts {
        let value = match part {
            "lookups" => lookups(&root)?,
            "build" => build(&root)?,
            "scale" => scale(&root)?,
            "first-run" => first_run(&root)?,
            other => {
                return Err(Failure::Other(format!(
                    "unknown benchmark `{other}`; parts: {PARTS:?}"
                )));
            }
        };
        fs::write(
            results.join(format!("{part}.json")),
            serde_json::to_string_pretty(&value).unwrap(),
        )?;
    }
    let report = report(&root, &results)?;
    crate::files::write_atomically(
        &root.join("crates/log-codes/BENCHMARKS.md"),
        report.as_bytes(),
    )?;
    println!("wrote crates/log-codes/BENCHMARKS.md");
    Ok(())
}

fn cargo(root: &Path, args: &[&str]) -> Result<(), Failure> {
    println!("$ cargo {}", args.join(" "));
    let status = Command::new(env!("CARGO"))
        .args(args)
        .current_dir(root)
        .status()?;
    if status.success() {
        Ok(())
    } else {
        Err(Failure::Other(format!("cargo {} failed", args.join(" "))))
    }
}

/// Criterion's medians, in nanoseconds, by group and benchmark id.
fn criterion_medians(groups: &[&str]) -> Result<Value, Failure> {
    let mut medians: BTreeMap<String, BTreeMap<String, f64>> = BTreeMap::new();
    let mut stack = vec![crate::target_dir().join("criterion")];
    while let Some(dir) = stack.pop() {
        let Ok(entries) = fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.ends_with("new/benchmark.json") {
                let id: Value =
                    serde_json::from_str(&fs::read_to_string(&path)?).unwrap_or_default();
                let estimates: Value = serde_json::from_str(&fs::read_to_string(
                    path.with_file_name("estimates.json"),
                )?)
                .unwrap_or_default();
                let group = id["group_id"].as_str().unwrap_or_default().to_owned();
                if !groups.contains(&group.as_str()) {
                    continue;
                }
                let name = format!(
                    "{}/{}",
                    id["function_id"].as_str().unwrap_or_default(),
                    id["value_str"].as_str().unwrap_or_default()
                );
                let median = estimates["median"]["point_estimate"]
                    .as_f64()
                    .unwrap_or(f64::NAN);
                medians.entry(group).or_default().insert(name, median);
            }
        }
    }
    Ok(serde_json::to_value(medians).unwrap())
}

const LOOKUP_GROUPS: [&str; 8] = [
    "code_to_enum",
    "name_to_enum",
    "enum_to_title",
    "enum_to_name",
    "enum_to_kind",
    "enum_to_group",
    "serde_record",
    "serde_record_words",
];

fn lookups(root: &Path) -> Result<Value, Failure> {
    let _ = fs::remove_dir_all(crate::target_dir().join("criterion"));
    cargo(
        root,
        &["bench", "-p", "log-codes-bench", "--bench", "lookups"],
    )?;
    criterion_medians(&LOOKUP_GROUPS)
}

/// What [`measure`] saw of a command and its children.
struct Measured {
    /// Wall time.
    seconds: f64,
    /// The largest process's peak memory, in KiB.
    peak_kib: u64,
    /// User and system CPU time of the command and its children.
    cpu_seconds: f64,
}

/// Wall time, CPU time and peak memory of a command and its children, measured in a child xtask
/// so earlier commands do not count. `CARGO_TARGET_DIR` is not passed on: each measured build
/// uses the target directory of the directory it runs in.
fn measure(dir: &Path, program: &str, args: &[&str]) -> Result<Measured, Failure> {
    let output = Command::new(std::env::current_exe()?)
        .arg("__measure")
        .arg(program)
        .args(args)
        .current_dir(dir)
        .env_remove("CARGO_TARGET_DIR")
        .output()?;
    let text = String::from_utf8_lossy(&output.stdout);
    let line = text.lines().last().unwrap_or_default();
    let fields: Vec<&str> = line.split_whitespace().collect();
    match (fields.as_slice(), output.status.success()) {
        ([wall, peak, cpu], true) => Ok(Measured {
            seconds: wall.parse().unwrap_or(f64::NAN),
            peak_kib: peak.parse().unwrap_or(0),
            cpu_seconds: cpu.parse().unwrap_or(f64::NAN),
        }),
        _ => Err(Failure::Other(format!(
            "{program} {} failed in {}:\n{}{}",
            args.join(" "),
            dir.display(),
            text,
            String::from_utf8_lossy(&output.stderr)
        ))),
    }
}

/// The `__measure` helper: runs the command, then prints `seconds peak_kib cpu_seconds`.
pub fn measure_child(args: &[String]) -> i32 {
    let started = Instant::now();
    let status = Command::new(&args[0]).args(&args[1..]).status();
    let wall = started.elapsed().as_secs_f64();
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: getrusage writes into the struct we own.
    unsafe { libc::getrusage(libc::RUSAGE_CHILDREN, &mut usage) };
    let seconds = |t: libc::timeval| t.tv_sec as f64 + t.tv_usec as f64 / 1e6;
    let cpu = seconds(usage.ru_utime) + seconds(usage.ru_stime);
    match status {
        Ok(status) if status.success() => {
            println!("{wall:.3} {} {cpu:.3}", usage.ru_maxrss);
            0
        }
        _ => 1,
    }
}

/// The median of some measurements.
fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}

/// `cargo xtask bench first-run`: what a new user waits for on a fresh clone of the committed
/// HEAD, with the crates already fetched. The first `cargo xtask gen` from an empty target
/// directory (median of 3), the 65,536-row table with the binary that build made (median of 5,
/// wall and CPU), the first `cargo xtask test` (once: it takes minutes), and the same two
/// commands warm.
fn first_run(root: &Path) -> Result<Value, Failure> {
    let work = crate::target_dir().join("bench-first-run");
    let clone = work.join("clone");
    let _ = fs::remove_dir_all(&work);
    fs::create_dir_all(&work)?;
    let status = Command::new("git")
        .args(["clone", "--quiet"])
        .arg(root)
        .arg(&clone)
        .status()?;
    if !status.success() {
        return Err(Failure::Other(format!(
            "git clone of {} failed",
            root.display()
        )));
    }
    let table = work.join("rows-65536/codes.csv");
    crate::files::write_sheets(&table, &synthetic_table(65_536))?;
    let cargo = env!("CARGO");
    let mut cold_gen = Vec::new();
    for run in 1..=3 {
        let _ = fs::remove_dir_all(clone.join("target"));
        let measured = measure(&clone, cargo, &["xtask", "gen"])?;
        println!(
            "  first `cargo xtask gen`, run {run}: {:.1} s",
            measured.seconds
        );
        cold_gen.push(measured.seconds);
    }
    let warm_gen = measure(&clone, cargo, &["xtask", "gen"])?.seconds;
    let exe = clone.join("target/debug/xtask").display().to_string();
    let (mut wall, mut cpu) = (Vec::new(), Vec::new());
    // Five runs: the CPU time of writing 160 MB varies from run to run by a quarter of a second.
    for run in 1..=5 {
        let out = work.join(format!("out-{run}"));
        let args = [
            "gen",
            "--input",
            &table.display().to_string(),
            "--out-dir",
            &out.display().to_string(),
        ];
        let measured = measure(&clone, &exe, &args)?;
        println!(
            "  65,536 rows, run {run}: {:.2} s wall, {:.2} s CPU",
            measured.seconds, measured.cpu_seconds
        );
        wall.push(measured.seconds);
        cpu.push(measured.cpu_seconds);
        // Each run writes into an empty directory, as a first `gen` does; 160 MB of earlier
        // output left behind would make each run pay for the page cache of the one before.
        let _ = fs::remove_dir_all(&out);
    }
    let _ = fs::remove_dir_all(clone.join("target"));
    let cold_test = measure(&clone, cargo, &["xtask", "test"])?.seconds;
    println!("  first `cargo xtask test`: {cold_test:.0} s");
    let warm_test = measure(&clone, cargo, &["xtask", "test"])?.seconds;
    let _ = fs::remove_dir_all(&work);
    Ok(json!({
        "cold_gen": median(cold_gen),
        "warm_gen": warm_gen,
        "rows_65536_wall": median(wall),
        "rows_65536_cpu": median(cpu),
        "cold_test": cold_test,
        "warm_test": warm_test,
    }))
}

/// A scratch crate depending on `dependency` (a TOML value), outside the workspace.
fn scratch_crate(dir: &Path, dependency: &str) -> Result<(), Failure> {
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
fn strum_crate(dir: &Path, table: &Table, serde: bool) -> Result<(), Failure> {
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
    let mut lib = String::from(
        "#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, strum::FromRepr, strum::EnumString, strum::IntoStaticStr, strum::EnumMessage, strum::EnumProperty, strum::EnumIter, strum::EnumCount)]\n",
    );
    if serde {
        lib.push_str("#[derive(serde_repr::Serialize_repr, serde_repr::Deserialize_repr)]\n");
    }
    lib.push_str("#[repr(u16)]\n#[non_exhaustive]\npub enum LogCode {\n");
    for code in &table.codes {
        let mut translations = String::new();
        for (tag, translation) in &code.translations {
            let key = tag.to_lowercase().replace('-', "_");
            let _ = write!(translations, ", title_{key} = {:?}", translation.title);
            if let Some(description) = &translation.description {
                let _ = write!(translations, ", description_{key} = {description:?}");
            }
        }
        let _ = writeln!(
            lib,
            "    #[strum(message = {:?}, detailed_message = {:?}, props(kind = {:?}, group = {:?}{translations}))]\n    {} = {},",
            code.title,
            code.description.as_deref().unwrap_or_default(),
            code.kind,
            code.group,
            code.name,
            code.code
        );
    }
    lib.push_str("}\n");
    fs::write(dir.join("src/lib.rs"), lib)?;
    Ok(())
}

/// A crate like `crates/log-codes`, generated from `table_csv`, a workspace of its own: the
/// generated module and a `lib.rs` that includes it.
pub(crate) fn generated_crate(dir: &Path, table_csv: &Path) -> Result<(), Failure> {
    let _ = fs::remove_dir_all(dir);
    fs::create_dir_all(dir.join("src"))?;
    // The generated module is the whole crate; `lib.rs` only includes it.
    fs::write(
        dir.join("src/lib.rs"),
        "//! A crate generated from one table.\n#![no_std]\n\ninclude!(\"generated.rs\");\n",
    )?;
    fs::write(
        dir.join("Cargo.toml"),
        "[package]\nname = \"log-codes\"\nversion = \"0.0.0\"\nedition = \"2021\"\npublish = false\n\n[features]\nserde = [\"dep:serde\"]\n\n[dependencies]\nserde = { version = \"1\", optional = true, default-features = false }\n\n[workspace]\n",
    )?;
    let options = crate::Options {
        input: table_csv.to_path_buf(),
        out_dir: dir.to_path_buf(),
        ..crate::Options::workspace(crate::Mode::Write)
    };
    crate::generate(&options)?;
    Ok(())
}

/// A scratch crate in `dir` depending on `package` at `path` (with `features`), built clean.
fn build_dependent(
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
fn clean_build(dir: &Path, runs: usize) -> Result<Value, Failure> {
    clean_run(dir, runs, &["build", "--quiet"])
}

/// The median of `runs` runs of `cargo ARGS` in `dir`, each from an empty target directory.
fn clean_run(dir: &Path, runs: usize, args: &[&str]) -> Result<Value, Failure> {
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
struct Subject {
    row: &'static str,
    dir: &'static str,
    package: &'static str,
    path: PathBuf,
    features: &'static [&'static str],
    runs: usize,
    versus: &'static str,
}

/// Small crates are built five times (the median is kept), the 10,000-code ones once.
const RUNS: usize = 5;

fn build(root: &Path) -> Result<Value, Failure> {
    let work = crate::target_dir().join("bench-build");
    fs::create_dir_all(&work)?;
    let sheets = crate::files::read_sheets(&root.join("codes.csv")).map_err(Failure::Other)?;
    let (table, report) = parse(&sheets.input());
    let table = table.ok_or_else(|| Failure::InvalidTable(report.summary("codes.csv")))?;
    let crate_path = root.join("crates/log-codes");
    strum_crate(&work.join("strum-codes"), &table, false)?;
    strum_crate(&work.join("strum-codes-serde"), &table, true)?;
    // 10,000 codes: the generated crate against the strum equivalent.
    let csv = work.join("rows-10000/codes.csv");
    let synthetic = synthetic_table(10_000);
    crate::files::write_sheets(&csv, &synthetic)?;
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

fn scale(root: &Path) -> Result<Value, Failure> {
    let _ = fs::remove_dir_all(crate::target_dir().join("criterion/generator"));
    cargo(
        root,
        &["bench", "-p", "log-codes-bench", "--bench", "generator"],
    )?;
    let library = criterion_medians(&["generator"])?;
    // End to end: the xtask binary (already built: a warm build), fresh output directories.
    let work = crate::target_dir().join("bench-scale");
    fs::create_dir_all(&work)?;
    let mut end_to_end = BTreeMap::new();
    for rows in [1_000usize, 10_000, 65_536] {
        let csv = work.join(format!("rows-{rows}/codes.csv"));
        crate::files::write_sheets(&csv, &synthetic_table(rows))?;
        let out = work.join(format!("out-{rows}"));
        let _ = fs::remove_dir_all(&out);
        let exe = std::env::current_exe()?;
        let Measured {
            seconds, peak_kib, ..
        } = measure(
            root,
            &exe.display().to_string(),
            &[
                "gen",
                "--input",
                &csv.display().to_string(),
                "--out-dir",
                &out.display().to_string(),
            ],
        )?;
        println!(
            "  cargo xtask gen, {rows} rows: {seconds:.2} s, {} MiB",
            peak_kib / 1024
        );
        end_to_end.insert(
            rows.to_string(),
            json!({ "seconds": seconds, "peak_mib": peak_kib / 1024 }),
        );
    }
    Ok(json!({ "library": library, "end_to_end": end_to_end }))
}

fn machine() -> String {
    let cpu = fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|info| {
            info.lines()
                .find(|l| l.starts_with("model name"))
                .map(|l| l.split(':').nth(1).unwrap_or("").trim().to_owned())
        })
        .unwrap_or_else(|| "unknown CPU".to_owned());
    let cores = std::thread::available_parallelism().map_or(0, |n| n.get());
    let rustc = Command::new("rustc")
        .arg("--version")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_owned())
        .unwrap_or_default();
    format!("{cpu}, {cores} cores; {rustc}")
}

fn ns(value: f64) -> String {
    if value < 10.0 {
        format!("{value:.2} ns")
    } else {
        format!("{value:.1} ns")
    }
}

fn read(results: &Path, part: &str) -> Option<Value> {
    serde_json::from_str(&fs::read_to_string(results.join(format!("{part}.json"))).ok()?).ok()
}

fn report(root: &Path, results: &Path) -> Result<String, Failure> {
    let _ = root;
    let mut out = String::from(
        "<!-- written by `cargo xtask bench` from its own measurements; do not edit -->\n\n# Benchmarks\n\n",
    );
    let _ = writeln!(
        out,
        "Measured on: {}. Shared machine: quote medians and ratios, not absolute times.\n",
        machine()
    );
    if let Some(lookups) = read(results, "lookups") {
        out.push_str(
            "## Lookups\n\n`cargo xtask bench lookups` (criterion, `crates/bench/benches/lookups.rs`): median time per lookup on the real table, 70% known and 30% unknown inputs, over 1,024 items the branch predictor learns (hot) and 65,536 random items (random). Ratio = alternative / generated: above 1 the generated code is faster. The alternatives are written by `crates/bench/build.rs` from the same `codes.csv`.\n\n",
        );
        for group in LOOKUP_GROUPS {
            let Some(rows) = lookups[group].as_object() else {
                continue;
            };
            let mut names: Vec<&str> = rows
                .keys()
                .filter_map(|k| k.rsplit_once('/').map(|(n, _)| n))
                .collect();
            names.dedup();
            let generated = names
                .iter()
                .find(|n| n.starts_with("generated"))
                .copied()
                .unwrap_or_default();
            let median = |name: &str, input: &str| {
                rows.get(&format!("{name}/{input}"))
                    .and_then(Value::as_f64)
                    .unwrap_or(f64::NAN)
            };
            let _ = writeln!(
                out,
                "### {group}\n\n| implementation | hot | ratio | random | ratio |\n|---|---:|---:|---:|---:|"
            );
            for name in &names {
                let (hot, random) = (median(name, "hot"), median(name, "random"));
                let _ = writeln!(
                    out,
                    "| {name} | {} | {:.2} | {} | {:.2} |",
                    ns(hot),
                    hot / median(generated, "hot"),
                    ns(random),
                    random / median(generated, "random")
                );
            }
            out.push('\n');
        }
    }
    if let Some(build) = read(results, "build") {
        out.push_str("## What consumers pay to compile\n\n`cargo xtask bench build`: a scratch crate depending on each, built from a fresh target directory (dependencies fetched beforehand), debug profile; the median of five builds (one for the 10,000-code crates). Peak memory is that of the largest process (rustc). Ratio = this crate's time / the strum equivalent's; \"no dependency\" is what cargo and the scratch crate cost in every row. The strum equivalents carry the same titles, descriptions, kinds, groups and translations as strum properties.\n\n| crate | wall time | ratio | peak memory |\n|---|---:|---:|---:|\n");
        if let Some(rows) = build.as_object() {
            for (name, value) in rows {
                let seconds = value["seconds"].as_f64().unwrap_or(f64::NAN);
                let ratio = (value["versus"].as_str())
                    .and_then(|versus| rows.get(versus))
                    .and_then(|versus| versus["seconds"].as_f64())
                    .map_or(String::new(), |versus| format!("{:.2}", seconds / versus));
                let _ = writeln!(
                    out,
                    "| {name} | {seconds:.2} s | {ratio} | {} MiB |",
                    value["peak_mib"]
                );
            }
        }
        out.push('\n');
    }
    if let Some(scale) = read(results, "scale") {
        out.push_str("## The generator at scale\n\n`cargo xtask bench scale`: synthetic tables (the 65,536-row one holds every u16 code). The library alone (parse, validate, render every artifact; criterion median, `crates/bench/benches/generator.rs`), and `cargo xtask gen` end to end with a warm build into a fresh directory.\n\n| rows | library (median) | `cargo xtask gen` | peak memory |\n|---:|---:|---:|---:|\n");
        for rows in ["1000", "10000", "65536"] {
            let library = scale["library"]["generator"][format!("parse+validate+render/{rows}")]
                .as_f64()
                .unwrap_or(f64::NAN);
            let e2e = &scale["end_to_end"][rows];
            let _ = writeln!(
                out,
                "| {rows} | {:.0} ms | {:.2} s | {} MiB |",
                library / 1e6,
                e2e["seconds"].as_f64().unwrap_or(f64::NAN),
                e2e["peak_mib"]
            );
        }
        out.push_str("\nThe failure paths, library alone (criterion median): a table of 65,536 rows that are all refused, validated and its diagnostics rendered (the first 100 in full, then counts); the perfect hash of the name lookup built for 65,536 realistic names (`synthetic::realistic_names`: shared prefixes, suffixes and single-letter differences).\n\n| case | median | budget |\n|---|---:|---:|\n");
        for (id, budget) in [
            ("refuse+render diagnostics/65536", "2 s"),
            ("name hash of realistic names/65536", "0.5 s"),
        ] {
            let median = scale["library"]["generator"][id]
                .as_f64()
                .unwrap_or(f64::NAN);
            let _ = writeln!(out, "| {id} | {:.0} ms | {budget} |", median / 1e6);
        }
        out.push('\n');
    }
    if let Some(first) = read(results, "first-run") {
        let value = |key: &str| first[key].as_f64().unwrap_or(f64::NAN);
        out.push_str("## The first run on a fresh clone\n\n`cargo xtask bench first-run`: a fresh clone of the committed HEAD, crates already fetched, an empty target directory; cold figures beside the warm ones (the same command again).\n\n| what | cold | warm | budget |\n|---|---:|---:|---:|\n");
        let _ = writeln!(
            out,
            "| `cargo xtask gen` (median of 3) | {:.1} s | {:.2} s | 60 s |",
            value("cold_gen"),
            value("warm_gen")
        );
        let _ = writeln!(
            out,
            "| 65,536 rows with the binary that build made (median of 5) | {:.2} s wall, {:.2} s CPU |  | 2.5 s wall, 2 s CPU |",
            value("rows_65536_wall"),
            value("rows_65536_cpu")
        );
        let _ = writeln!(
            out,
            "| `cargo xtask test` | {:.0} s | {:.0} s | 600 s |",
            value("cold_test"),
            value("warm_test")
        );
        out.push('\n');
    }
    Ok(out)
}
