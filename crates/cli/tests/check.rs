//! `log-codes check` end to end: the binary on streams whose every count the writer knows.

use std::collections::BTreeMap;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use log_codes_cli::catalog::Catalog;
use log_codes_cli::synthetic::{self, Known, Spec};
use serde_json::Value;

fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("check-{name}"));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn log_codes(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_log-codes"))
        .args(args)
        .output()
        .unwrap()
}

fn json_report(args: &[&str]) -> (Value, i32) {
    let mut all = vec!["check", "--format", "json"];
    all.extend_from_slice(args);
    let output = log_codes(&all);
    let report = serde_json::from_slice(&output.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&output.stderr)));
    (report, output.status.code().unwrap())
}

/// The repository's table, with one code deprecated (so the stream can use a deprecated code
/// whatever today's table deprecates), as a log-codes.json given with `--table`.
fn table_with_a_deprecation(dir: &Path) -> (PathBuf, Catalog) {
    let json = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../log-codes/log-codes.json"
    ))
    .unwrap();
    let mut table: Value = serde_json::from_str(&json).unwrap();
    let codes = table["codes"].as_array_mut().unwrap();
    let middle = codes.len() / 2;
    codes[middle]["deprecated"] = Value::from("Retired: use another code.");
    let text = serde_json::to_string_pretty(&table).unwrap();
    let path = dir.join("log-codes.json");
    std::fs::write(&path, &text).unwrap();
    let catalog = Catalog::from_json(&text, "test table").unwrap();
    (path, catalog)
}

fn write_stream(dir: &Path, catalog: &Catalog, lines: u64, seed: u64) -> (PathBuf, Known) {
    let path = dir.join("events.ndjson");
    let mut file = std::io::BufWriter::new(std::fs::File::create(&path).unwrap());
    let known = synthetic::write(catalog, &Spec::realistic(lines, seed), &mut file).unwrap();
    file.flush().unwrap();
    (path, known)
}

fn line_numbers(findings: &Value) -> Vec<u64> {
    (findings["lines"].as_array().unwrap().iter())
        .map(|p| p["line"].as_u64().unwrap())
        .collect()
}

#[test]
fn a_generated_stream_gives_exactly_the_counts_its_writer_knows() {
    let dir = scratch("known");
    let (table, catalog) = table_with_a_deprecation(&dir);
    let (stream, known) = write_stream(&dir, &catalog, 40_000, 7);
    let (report, status) =
        json_report(&["--table", table.to_str().unwrap(), stream.to_str().unwrap()]);
    assert_eq!(status, 0, "no gate asked for");
    assert_eq!(report["lines"], known.lines);

    let counts: BTreeMap<u16, u64> = (report["codes"].as_array().unwrap().iter())
        .map(|c| {
            (
                c["code"].as_u64().unwrap() as u16,
                c["count"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(counts, known.counts);
    let unknown: Vec<u16> = known
        .counts
        .keys()
        .copied()
        .filter(|&c| catalog.entry(c).is_none())
        .collect();
    let reported: Vec<u16> = (report["unknown"].as_array().unwrap().iter())
        .map(|u| u["code"].as_u64().unwrap() as u16)
        .collect();
    assert_eq!(reported, unknown);
    assert!(!unknown.is_empty(), "the stream has unknown codes");
    for u in report["unknown"].as_array().unwrap() {
        let code = u["code"].as_u64().unwrap() as u16;
        assert_eq!(
            u["kind"].as_str(),
            catalog.kind_of(code),
            "an unknown code's kind is its range's"
        );
    }
    let deprecated: Vec<u16> = (known.counts.keys().copied())
        .filter(|&c| catalog.entry(c).is_some_and(|e| e.deprecated.is_some()))
        .collect();
    let reported: Vec<u16> = (report["deprecated"].as_array().unwrap().iter())
        .map(|d| d["code"].as_u64().unwrap() as u16)
        .collect();
    assert_eq!(reported, deprecated);
    assert!(
        !deprecated.is_empty(),
        "the stream uses the deprecated code"
    );
    assert_eq!(
        report["deprecated"][0]["note"],
        "Retired: use another code."
    );

    let never: Vec<u16> = (catalog.entries.iter())
        .filter(|e| e.deprecated.is_none() && !known.counts.contains_key(&e.code))
        .map(|e| e.code)
        .collect();
    let reported: Vec<u16> = (report["neverSeen"].as_array().unwrap().iter())
        .map(|m| m["code"].as_u64().unwrap() as u16)
        .collect();
    assert_eq!(reported, never);
    assert!(!never.is_empty(), "coverage has gaps");
    let active = catalog
        .entries
        .iter()
        .filter(|e| e.deprecated.is_none())
        .count();
    assert_eq!(report["coverage"]["active"], active);
    assert_eq!(report["coverage"]["seen"], active - never.len());

    assert_eq!(line_numbers(&report["malformed"]), known.malformed);
    assert_eq!(line_numbers(&report["missingField"]), known.missing_field);
    assert_eq!(line_numbers(&report["notACode"]), known.not_a_code);
    assert!(
        !known.malformed.is_empty()
            && !known.missing_field.is_empty()
            && !known.not_a_code.is_empty()
    );
    for group in report["groups"].as_array().unwrap() {
        let word = group["group"].as_str().unwrap();
        let expected: u64 = (catalog.entries.iter())
            .filter(|e| e.group == word)
            .map(|e| known.counts.get(&e.code).copied().unwrap_or(0))
            .sum();
        assert_eq!(group["count"], expected, "{word}");
    }
}

#[test]
fn fail_on_unknown_fails_on_one_unknown_code_and_passes_without() {
    let dir = scratch("fail-on");
    let catalog = Catalog::compiled();
    let known = catalog.entries[0].code;
    let unknown = (0..=u16::MAX)
        .find(|&n| catalog.entry(n).is_none())
        .unwrap();
    let clean = dir.join("clean.ndjson");
    std::fs::write(&clean, format!("{{\"type\":{known}}}\n").repeat(3)).unwrap();
    let dirty = dir.join("dirty.ndjson");
    std::fs::write(
        &dirty,
        format!("{{\"type\":{known}}}\n{{\"type\":{unknown}}}\n"),
    )
    .unwrap();
    let status = |path: &Path| {
        log_codes(&["check", "--fail-on", "unknown", path.to_str().unwrap()])
            .status
            .code()
    };
    assert_eq!(status(&clean), Some(0));
    assert_eq!(status(&dirty), Some(1));
    let (report, code) = json_report(&["--fail-on", "unknown,malformed", dirty.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert_eq!(report["ok"], false);
    assert_eq!(
        report["gates"][0],
        serde_json::json!({ "gate": "unknown", "found": 1.0, "failed": true })
    );
    assert_eq!(report["gates"][1]["failed"], false);
}

#[test]
fn min_coverage_fails_below_the_ratio() {
    let dir = scratch("coverage");
    let catalog = Catalog::compiled();
    let path = dir.join("one.ndjson");
    std::fs::write(&path, format!("{{\"type\":{}}}\n", catalog.entries[0].code)).unwrap();
    let path = path.to_str().unwrap();
    assert_eq!(
        log_codes(&["check", "--min-coverage", "0", path])
            .status
            .code(),
        Some(0)
    );
    let active = catalog
        .entries
        .iter()
        .filter(|e| e.deprecated.is_none())
        .count();
    let expected = if active > 1 { Some(1) } else { Some(0) };
    assert_eq!(
        log_codes(&["check", "--min-coverage", "0.99", path])
            .status
            .code(),
        expected
    );
}

/// Rotated logs concatenated: several gzip members, one stream.
#[test]
fn concatenated_gzip_members_report_as_the_plain_file() {
    let dir = scratch("gzip");
    let (stream, _) = write_stream(&dir, &Catalog::compiled(), 5_000, 11);
    let text = std::fs::read(&stream).unwrap();
    let half = text.len() / 2;
    let mut gz = Vec::new();
    for part in [&text[..half], &text[half..]] {
        let mut encoder = flate2_encoder();
        encoder.write_all(part).unwrap();
        gz.extend(encoder.finish().unwrap());
    }
    let gz_path = dir.join("events.ndjson.gz");
    std::fs::write(&gz_path, gz).unwrap();
    let (mut plain, _) = json_report(&[stream.to_str().unwrap()]);
    let (mut zipped, _) = json_report(&[gz_path.to_str().unwrap()]);
    for report in [&mut plain, &mut zipped] {
        for key in ["inputs", "malformed", "missingField", "notACode"] {
            strip_inputs(&mut report[key]);
        }
    }
    assert_eq!(plain, zipped);
    assert!(plain["lines"].as_u64().unwrap() == 5_000);
}

fn strip_inputs(value: &mut Value) {
    match value {
        Value::Array(items) => items.iter_mut().for_each(strip_inputs),
        Value::Object(map) => {
            map.remove("input");
            map.values_mut().for_each(strip_inputs);
        }
        Value::String(s) => *s = String::new(),
        _ => {}
    }
}

fn flate2_encoder() -> flate2::write::GzEncoder<Vec<u8>> {
    flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast())
}

#[test]
fn a_line_over_the_limit_is_malformed_and_the_count_goes_on() {
    let dir = scratch("long");
    let long = format!("{{\"type\":1,\"pad\":\"{}\"}}", "x".repeat(10_000));
    let path = dir.join("long.ndjson");
    std::fs::write(
        &path,
        format!("{{\"type\":1}}\n{long}\n{{\"type\":1}}\n{long}"),
    )
    .unwrap();
    let (report, _) = json_report(&[
        "--max-line-bytes",
        "1000",
        "--threads",
        "3",
        path.to_str().unwrap(),
    ]);
    assert_eq!(report["lines"], 4);
    assert_eq!(line_numbers(&report["malformed"]), [2, 4]);
    assert_eq!(report["codes"][0]["count"], 2);
}

#[test]
fn standard_input_and_several_files_number_lines_per_input() {
    let dir = scratch("inputs");
    let a = dir.join("a.ndjson");
    std::fs::write(&a, "{\"type\":1}\nbad\n").unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_log-codes"))
        .args(["check", "--format", "json", a.to_str().unwrap(), "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"{\"type\":1}\n{\"type\":1}\nalso bad")
        .unwrap();
    let output = child.wait_with_output().unwrap();
    let report: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(report["lines"], 5);
    let places: Vec<(String, u64)> = (report["malformed"]["lines"].as_array().unwrap().iter())
        .map(|p| {
            (
                p["input"].as_str().unwrap().to_owned(),
                p["line"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        places,
        [(a.to_str().unwrap().to_owned(), 2), ("-".to_owned(), 3)]
    );
}

#[test]
fn usage_and_io_errors_exit_2() {
    assert_eq!(
        log_codes(&["check", "/no/such/file.ndjson"]).status.code(),
        Some(2)
    );
    assert_eq!(
        log_codes(&["check", "--format", "yaml"]).status.code(),
        Some(2)
    );
    assert_eq!(
        log_codes(&["check", "--fail-on", "everything"])
            .status
            .code(),
        Some(2)
    );
    assert_eq!(
        log_codes(&["check", "--min-coverage", "2"]).status.code(),
        Some(2)
    );
    assert_eq!(
        log_codes(&["check", "--field", "a..b"]).status.code(),
        Some(2)
    );
    assert_eq!(log_codes(&["frobnicate"]).status.code(), Some(2));
}

#[test]
fn a_table_that_is_not_valid_is_refused_with_its_problems() {
    let dir = scratch("bad-table");
    let json = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../log-codes/log-codes.json"
    ))
    .unwrap();
    let mut table: Value = serde_json::from_str(&json).unwrap();
    table["codes"][0]["name"] = Value::from("not pascal");
    let path = dir.join("log-codes.json");
    std::fs::write(&path, serde_json::to_string(&table).unwrap()).unwrap();
    let output = log_codes(&["check", "--table", path.to_str().unwrap(), "/dev/null"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("not a valid table"));
}

#[test]
fn text_and_github_reports_escape_what_the_inputs_name() {
    let dir = scratch("escape");
    let path = dir.join("evil\u{1b}[2J,name:%.ndjson");
    std::fs::write(&path, "not json\n").unwrap();
    let path = path.to_str().unwrap();
    let text = String::from_utf8(log_codes(&["check", path]).stdout).unwrap();
    assert!(
        !text.contains('\u{1b}') && text.contains("\\u{1b}[2J"),
        "{text}"
    );
    let github = log_codes(&[
        "check",
        "--format",
        "github",
        "--fail-on",
        "malformed",
        path,
    ]);
    let github = String::from_utf8(github.stdout).unwrap();
    assert!(
        github.contains("file=") && !github.contains('\u{1b}'),
        "{github}"
    );
    let annotation = github.lines().find(|l| l.contains("file=")).unwrap();
    assert!(annotation.contains("%2Cname%3A%25.ndjson"), "{annotation}");
}

#[test]
fn a_last_line_without_a_line_break_counts() {
    let dir = scratch("last-line");
    let catalog = Catalog::compiled();
    let path = dir.join("one.ndjson");
    std::fs::write(&path, format!("{{\"type\":{}}}", catalog.entries[0].code)).unwrap();
    let (report, _) = json_report(&[path.to_str().unwrap()]);
    assert_eq!(report["lines"], 1);
    assert_eq!(report["events"], 1);
    let empty = dir.join("empty.ndjson");
    std::fs::write(&empty, "").unwrap();
    let (report, _) = json_report(&[empty.to_str().unwrap()]);
    assert_eq!(report["lines"], 0);
}
