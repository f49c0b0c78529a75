//! `cargo xtask bench [lookups] [build] [scale] [first-run] [bundle] [check]`: runs the benchmarks and writes their medians and
//! ratios into `crates/log-codes/BENCHMARKS.md`. Results are kept in `target/bench-results/` so
//! each part can be re-run alone. Not part of `cargo xtask test`.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;
use std::process::Command;

use serde_json::Value;

use crate::{Failure, workspace_root};

mod bundle;
mod check;
mod compile;
mod first_run;
mod lookups;
pub mod measure;
mod report;
mod scale;

const PARTS: [&str; 6] = ["lookups", "build", "scale", "first-run", "bundle", "check"];

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
            // Only the report, from the results kept of earlier runs.
            "report" => continue,
            "lookups" => lookups::run(&root)?,
            "build" => compile::run(&root)?,
            "scale" => scale::run(&root)?,
            "first-run" => first_run::run(&root)?,
            "bundle" => bundle::run(&root)?,
            "check" => check::run(&root)?,
            other => {
                return Err(Failure::Other(format!(
                    "unknown benchmark `{other}`; parts: {PARTS:?}, or `report` alone"
                )));
            }
        };
        fs::write(
            results.join(format!("{part}.json")),
            serde_json::to_string_pretty(&value).unwrap(),
        )?;
    }
    let report = report::render(&results);
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
