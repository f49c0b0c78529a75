//! `BENCHMARKS.md`, written from the results of every part.

use std::fmt::Write as _;
use std::fs;
use std::path::Path;
use std::process::Command;

use serde_json::Value;

use super::lookups::LOOKUP_GROUPS;

pub(super) fn machine() -> String {
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

pub(super) fn ns(value: f64) -> String {
    if value < 10.0 {
        format!("{value:.2} ns")
    } else {
        format!("{value:.1} ns")
    }
}

pub(super) fn read(results: &Path, part: &str) -> Option<Value> {
    serde_json::from_str(&fs::read_to_string(results.join(format!("{part}.json"))).ok()?).ok()
}

/// The report of every part whose results exist.
pub(super) fn render(results: &Path) -> String {
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
            "## Lookups\n\n`cargo xtask bench lookups` (criterion, `crates/bench/benches/lookups.rs`): median time per lookup on the real table, 70% known and 30% unknown inputs, over 1,024 items the branch predictor learns (hot) and 65,536 random items (random). Ratio = alternative / generated: above 1 the generated code is faster. The alternatives are written by `crates/bench/build.rs` from the same `codes.csv`. `code_to_kind` is measured on 65,536 random known codes, then on 65,536 random numbers no code has (most outside every range): `AnyLogCode::kind` answers both from the kinds' ranges.\n\n",
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
            // The two inputs, `hot` and `random` (or `known` and `unknown`), in that order.
            let mut inputs: Vec<&str> = rows
                .keys()
                .filter_map(|k| k.rsplit_once('/').map(|(_, i)| i))
                .collect();
            inputs.sort_by_key(|i| {
                ["hot", "random", "known", "unknown"]
                    .iter()
                    .position(|x| x == i)
            });
            inputs.dedup();
            let [first, second] = [
                inputs.first().copied().unwrap_or("hot"),
                inputs.get(1).copied().unwrap_or("random"),
            ];
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
                "### {group}\n\n| implementation | {first} | ratio | {second} | ratio |\n|---|---:|---:|---:|---:|"
            );
            for name in &names {
                let (hot, random) = (median(name, first), median(name, second));
                let _ = writeln!(
                    out,
                    "| {name} | {} | {:.2} | {} | {:.2} |",
                    ns(hot),
                    hot / median(generated, first),
                    ns(random),
                    random / median(generated, second)
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
    if let Some(check) = read(results, "check") {
        stream_check(&mut out, &check);
    }
    if let Some(bundle) = read(results, "bundle") {
        bundle_sizes(&mut out, &bundle);
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
    out
}

/// The sizes of the npm package's imports, beside the whole package's.
fn bundle_sizes(out: &mut String, bundle: &Value) {
    let _ = writeln!(
        out,
        "## What each import of the npm package costs an app\n\n`cargo xtask bench bundle` (`crates/log-codes/ts-checks/bundle.mjs`): an app that uses only the import named, bundled with esbuild (`--bundle --minify --format=esm`) and with Rollup 4 (node-resolve, then terser), in bytes minified and gzipped (level 9). The table has {} codes; its `LogCode` object alone is {} B minified. Share = the app's minified size / the whole package's, with the same bundler. The bundle test (`test/bundle.test.js`) asserts the limits and which text each bundle may hold.\n\n| app | esbuild | gzip | share | Rollup | gzip | share |\n|---|---:|---:|---:|---:|---:|---:|",
        bundle["codes"], bundle["logCodeObjectBytes"]
    );
    let Some(sizes) = bundle["sizes"].as_array() else {
        return;
    };
    let size = |app: &str, bundler: &str| {
        sizes
            .iter()
            .find(|s| s["app"] == app && s["bundler"] == bundler)
            .map(|s| (s["bytes"].as_f64().unwrap_or(f64::NAN), &s["gzip"]))
    };
    let mut apps: Vec<&str> = sizes.iter().filter_map(|s| s["app"].as_str()).collect();
    apps.dedup();
    for app in apps {
        let mut row = format!("| {app} |");
        for bundler in ["esbuild", "rollup"] {
            let whole = size("the whole package", bundler).map_or(f64::NAN, |(bytes, _)| bytes);
            match size(app, bundler) {
                Some((bytes, gzip)) => {
                    let _ = write!(
                        row,
                        " {bytes} B | {gzip} B | {:.0} % |",
                        100.0 * bytes / whole
                    );
                }
                None => row.push_str(" | | |"),
            }
        }
        let _ = writeln!(out, "{row}");
    }
    out.push('\n');
}

/// `log-codes check` beside the jq pipeline and `wc -l`.
fn stream_check(out: &mut String, check: &Value) {
    let number = |v: &Value| v.as_f64().unwrap_or(f64::NAN);
    let _ = writeln!(
        out,
        "## Checking a log stream\n\n`cargo xtask bench check`: `log-codes check --format json` (release build, {} worker threads, every line validated as JSON) on a generated stream of {:.2} GB, {} lines of realistic events (`log_codes_cli::synthetic`: the code after a nested object with a key of the same name in every other one, a tenth as numeric strings, {} malformed lines), page-cached, beside `jq -r .type | sort | uniq -c` (on a copy without the malformed lines: jq stops at the first) and `wc -l`, the floor; median of {} runs (jq: one). Per CPU-second = bytes / (user + system time), the honest \"per core\". `log-codes` × = its throughput / this tool's; of `wc -l` = this tool's throughput / that of `wc -l`.\n\n| tool | wall | MB/s | MB per CPU-second | `log-codes` × | of `wc -l` | peak memory |\n|---|---:|---:|---:|---:|---:|---:|",
        check["cores"],
        number(&check["bytes"]) / 1e9,
        check["lines"],
        check["malformed"],
        check["runs"]
    );
    let tool = number(&check["log-codes check"]["mb_per_s"]);
    let floor = number(&check["wc -l"]["mb_per_s"]);
    for name in ["log-codes check", "jq -r .type | sort | uniq -c", "wc -l"] {
        let row = &check[name];
        let speed = number(&row["mb_per_s"]);
        let _ = writeln!(
            out,
            "| `{}` | {:.2} s | {speed:.0} | {:.0} | {:.1} | {:.2} | {:.0} MiB |",
            name.replace('|', "\\|"),
            number(&row["seconds"]),
            number(&row["mb_per_cpu_s"]),
            tool / speed,
            speed / floor,
            number(&row["peak_mib"])
        );
    }
    out.push('\n');
}
