//! `bench scale`: the generator at 1,000, 10,000 and 65,536 rows, as a library and end to end.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

use log_codes_codegen::synthetic::synthetic_table;
use serde_json::{Value, json};

use super::measure::{Measured, measure};
use super::{cargo, criterion_medians};
use crate::Failure;

pub(super) fn run(root: &Path) -> Result<Value, Failure> {
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
        crate::sheets::write_sheets(&csv, &synthetic_table(rows))?;
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
