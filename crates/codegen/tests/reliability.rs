//! Tables that once broke the generator, through its top-level functions: each class of failure
//! of the reliability review, with a test that fails without its fix.

mod common;

use log_codes_codegen::{Package, parse, render_all};

fn package() -> Package {
    Package {
        version: "1.0.0".into(),
    }
}

/// The real table with rows appended, each `name,kind` at an unused code.
fn real_table_with(rows: &[(&str, &str)]) -> String {
    let mut csv =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../codes.csv")).unwrap();
    let (table, _) = parse(csv.as_bytes());
    let used: Vec<u16> = table.unwrap().codes.iter().map(|c| c.code).collect();
    let mut free = (1..=u16::MAX).filter(|c| !used.contains(c));
    let columns = csv.lines().next().unwrap().split(',').count();
    for (name, kind) in rows {
        let code = free.next().unwrap();
        csv.push_str(&format!("{code},{name},{name} Event,,{kind},login"));
        csv.push_str(&",".repeat(columns - 6));
        csv.push('\n');
    }
    csv
}

#[test]
fn names_that_once_defeated_the_name_hash_generate() {
    let csv = real_table_with(&[("AccessFailed", "failure"), ("AcceptFailed", "failure")]);
    let (table, report) = parse(csv.as_bytes());
    let table = table.unwrap_or_else(|| panic!("{}", report.summary("codes.csv")));
    let started = std::time::Instant::now();
    render_all(&table, &package()).unwrap();
    assert!(started.elapsed().as_secs() < 5);
    common::check_artifacts("near-miss names", &table);
}
