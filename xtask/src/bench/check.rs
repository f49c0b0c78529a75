//! `bench check`: `log-codes check` on a generated stream of at least 1 GB (realistic events, as
//! `log_codes_cli::synthetic` writes them), beside `jq -r .type | sort | uniq -c` (on a copy
//! without the malformed lines: jq stops at the first) and `wc -l` (the floor: reading the bytes
//! and finding the line breaks), all page-cached, in the same run. The tool's counts must equal
//! what the stream's writer knows.

use std::fs::{self, File};
use std::io::{BufRead, BufReader, BufWriter, Write};
use std::path::Path;

use log_codes_cli::catalog::Catalog;
use log_codes_cli::synthetic::{self, Spec};
use serde_json::{Value, json};

use super::cargo;
use super::measure::{Measured, measure, median};
use crate::Failure;

/// The stream's size: at least this many bytes.
const BYTES: u64 = 1_000_000_000;
const SEED: u64 = 2026;
const RUNS: usize = 3;

pub(super) fn run(root: &Path) -> Result<Value, Failure> {
    cargo(
        root,
        &["build", "--release", "--locked", "-p", "log-codes-cli"],
    )?;
    let tool = crate::target_dir().join("release/log-codes");
    let work = crate::target_dir().join("bench-check");
    fs::create_dir_all(&work)?;
    let stream = work.join("events.ndjson");
    let clean = work.join("events-wellformed.ndjson");

    let catalog = Catalog::compiled();
    // About 400 bytes a line: enough lines for BYTES, checked after writing.
    let lines = BYTES / 380;
    println!("writing {} ({lines} lines)", stream.display());
    let mut out = BufWriter::with_capacity(1 << 20, File::create(&stream)?);
    let known = synthetic::write(&catalog, &Spec::realistic(lines, SEED), &mut out)?;
    out.flush()?;
    drop(out);
    if known.bytes < BYTES {
        return Err(Failure::Other(format!(
            "the stream is only {} bytes",
            known.bytes
        )));
    }
    without_lines(&stream, &clean, &known.malformed)?;
    let bytes = known.bytes as f64;
    let clean_bytes = fs::metadata(&clean)?.len() as f64;

    // Page-cache both files, then measure each tool in turn, RUNS times.
    let dir = work.as_path();
    let path = |p: &Path| p.display().to_string();
    for file in [&stream, &clean] {
        measure(dir, "cat", &[&path(file)])?;
    }
    let tool_path = path(&tool);
    let stream_path = path(&stream);
    let pipeline = format!(
        "jq -r .type < '{}' | sort | uniq -c > /dev/null",
        path(&clean)
    );
    let mut tool_runs = Vec::new();
    let mut wc_runs = Vec::new();
    let mut jq_runs = Vec::new();
    for _ in 0..RUNS {
        wc_runs.push(measure(dir, "wc", &["-l", &stream_path])?);
        tool_runs.push(measure(
            dir,
            &tool_path,
            &["check", "--format", "json", &stream_path],
        )?);
        println!(
            "  log-codes check: {:.2} s",
            tool_runs.last().map_or(0.0, |m| m.seconds)
        );
    }
    // jq is slow: one run is minutes; its median is of one.
    jq_runs.push(measure(dir, "sh", &["-c", &pipeline])?);
    println!("  jq pipeline: {:.1} s", jq_runs[0].seconds);

    // The tool's report (of the last measured run) must count what the writer wrote.
    let report: Value = serde_json::from_str(tool_runs.last().map_or("", |m| m.stdout.as_str()))
        .map_err(|e| Failure::Other(format!("the report: {e}")))?;
    let counted: u64 = (report["codes"].as_array().into_iter().flatten())
        .map(|c| c["count"].as_u64().unwrap_or(0))
        .sum();
    let expected: u64 = known.counts.values().sum();
    if counted != expected || report["malformed"]["count"] != known.malformed.len() {
        return Err(Failure::Other(format!(
            "log-codes check counted {counted} events and {} malformed lines; the writer wrote {expected} and {}",
            report["malformed"]["count"],
            known.malformed.len()
        )));
    }
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let summary = |runs: &[Measured], size: f64| {
        let seconds = median(runs.iter().map(|m| m.seconds).collect());
        let cpu = median(runs.iter().map(|m| m.cpu_seconds).collect());
        let peak = runs.iter().map(|m| m.peak_kib).max().unwrap_or(0);
        json!({
            "seconds": seconds,
            "cpu_seconds": cpu,
            "mb_per_s": size / 1e6 / seconds,
            "mb_per_cpu_s": size / 1e6 / cpu,
            "peak_mib": peak as f64 / 1024.0,
        })
    };
    Ok(json!({
        "bytes": known.bytes,
        "lines": known.lines,
        "malformed": known.malformed.len(),
        "cores": cores,
        "runs": RUNS,
        "log-codes check": summary(&tool_runs, bytes),
        "jq -r .type | sort | uniq -c": summary(&jq_runs, clean_bytes),
        "wc -l": summary(&wc_runs, bytes),
    }))
}

/// A copy of `from` without the lines numbered `skip` (sorted, 1-based).
fn without_lines(from: &Path, to: &Path, skip: &[u64]) -> Result<(), Failure> {
    let mut reader = BufReader::with_capacity(1 << 20, File::open(from)?);
    let mut out = BufWriter::with_capacity(1 << 20, File::create(to)?);
    let mut line = Vec::new();
    let (mut number, mut next) = (0u64, skip.iter().peekable());
    loop {
        line.clear();
        if reader.read_until(b'\n', &mut line)? == 0 {
            break;
        }
        number += 1;
        if next.peek() == Some(&&number) {
            next.next();
            continue;
        }
        out.write_all(&line)?;
    }
    out.flush()?;
    Ok(())
}
