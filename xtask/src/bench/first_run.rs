//! `bench first-run`: what a new user waits for on a fresh clone.

use std::fs;
use std::path::Path;
use std::process::Command;

use log_codes_codegen::synthetic::synthetic_table;
use serde_json::{Value, json};

use super::measure::{measure, median};
use crate::Failure;

/// `cargo xtask bench first-run`: what a new user waits for on a fresh clone of the committed
/// HEAD, with the crates already fetched. The first `cargo xtask gen` from an empty target
/// directory (median of 3), the 65,536-row table with the binary that build made (median of 5,
/// wall and CPU), the first `cargo xtask test` (once: it takes minutes), and the same two
/// commands warm.
pub(super) fn run(root: &Path) -> Result<Value, Failure> {
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
    crate::sheets::write_sheets(&table, &synthetic_table(65_536))?;
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
