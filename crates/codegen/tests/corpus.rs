//! The corpus of awkward and hostile tables in `tests/corpus/`: each case is a directory with the
//! sheets of one table (`codes.csv`, and `kinds.csv` and `groups.csv` unless the case is about
//! their absence) and its expected outcome in `expected` (the diagnostics, then `ok: N codes`
//! when the table is valid).
//! Every valid table is rendered, and every artifact must say exactly what the table says: the
//! JSON parses back to the table, the Rust and JavaScript literals evaluate to the cells, the
//! docs page reads back with a Markdown parser, and no cell can open a doc-comment code block or
//! close a comment. (`cargo xtask test` also compiles, doc-tests, type-checks and runs all the
//! valid ones together.) Refresh the expectations with `UPDATE_EXPECT=1`.

use std::fs;
use std::path::Path;

use crate::common::check_artifacts;
use log_codes_codegen::{Input, SheetName, testing::parse};

/// One case: its name and the bytes of each sheet it has, by [`SheetName`].
type Case = (String, [Option<Vec<u8>>; 4]);

fn corpus() -> Vec<Case> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
    let mut cases: Vec<Case> = fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .map(|case| {
            let sheets = SheetName::ALL.map(|sheet| fs::read(case.join(sheet.file_name())).ok());
            assert!(sheets[0].is_some(), "{} has no codes.csv", case.display());
            (
                case.file_name().unwrap().to_string_lossy().into_owned(),
                sheets,
            )
        })
        .collect();
    cases.sort();
    cases
}

#[test]
fn every_case_has_its_expected_outcome() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
    let cases = corpus();
    assert!(cases.len() >= 40, "the corpus keeps at least 40 tables");
    let update = std::env::var_os("UPDATE_EXPECT").is_some();
    let mut failures = Vec::new();
    for (name, [codes, kinds, groups, reserved]) in &cases {
        let input = Input {
            codes: codes.as_deref().unwrap_or_default(),
            kinds: kinds.as_deref(),
            groups: groups.as_deref(),
            reserved: reserved.as_deref(),
        };
        let (table, report) = parse(&input);
        let mut outcome = report.summary("codes.csv");
        if let Some(table) = &table {
            outcome.push_str(&format!("ok: {} codes\n", table.codes.len()));
            check_artifacts(name, table);
        }
        let expected_path = dir.join(name).join("expected");
        if update {
            fs::write(&expected_path, &outcome).unwrap();
        } else if fs::read_to_string(&expected_path).ok().as_deref() != Some(outcome.as_str()) {
            failures.push(format!("{name}:\n{outcome}"));
        }
    }
    assert!(
        failures.is_empty(),
        "outcomes differ (UPDATE_EXPECT=1 to accept):\n{}",
        failures.join("\n")
    );
}
