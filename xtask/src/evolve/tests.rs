//! The edits alone, for many seeds, in a second.

use super::edits::*;
use crate::workspace_root;
use log_codes_codegen::Table;

/// Every sequence of edits gives a valid table that reads back as the edited model, and
/// the stability guard accepts it with the version a user would set; a major change is
/// only ever the removal of one of the table's locales. (The builds and test suites of `cargo xtask evolve`
/// need minutes; this checks the edits alone, for many seeds, in a second.)
#[test]
fn every_sequence_of_edits_is_a_valid_table_the_guard_accepts() {
    let root = workspace_root();
    let real = crate::sheets::read_sheets(&root.join("codes.csv")).unwrap();
    let (base, report) = log_codes_codegen::testing::parse(&real.input());
    let (base, base_warnings) = (base.unwrap(), report.diagnostics.len());
    let mut kinds_of_edit = std::collections::BTreeSet::new();
    // `EVOLVE_CASES=N` tries more (a case is a seed and an index).
    let cases: usize = std::env::var("EVOLVE_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(200);
    for case in 0..cases {
        let (edited, mut rng) = edited_case(&base, 7, case);
        let sheets = sheets(&edited, &mut rng);
        let (parsed, report) = log_codes_codegen::testing::parse(&sheets.input());
        let log = edited.log.join("; ");
        let parsed = parsed.unwrap_or_else(|| panic!("{log}\n{}", report.summary("codes.csv")));
        // No edit adds a warning (a table may have some of its own: a declared, unused kind).
        assert!(
            report.diagnostics.len() <= base_warnings,
            "{log}\n{}",
            report.summary("codes.csv")
        );
        let expected = Table::new(
            edited.table.codes.clone(),
            edited.table.kinds.clone(),
            edited.table.groups.clone(),
            edited.table.locales.clone(),
        );
        assert_eq!(parsed, expected, "{log}");
        let version = version_for(&base, "1.2.3", &parsed).unwrap();
        crate::guard::check("base", &base, "1.2.3", &parsed, &version).unwrap();
        let removed = (base.locales.iter()).any(|l| !parsed.locales.contains(l));
        assert_eq!(version != "1.2.3", removed, "{log}");
        kinds_of_edit.extend(
            edited
                .log
                .iter()
                .map(|e| e.split(' ').next().unwrap().to_owned()),
        );
    }
    // Every kind of edit happened.
    assert_eq!(
        kinds_of_edit.into_iter().collect::<Vec<_>>(),
        [
            "add",
            "deprecate",
            "edit",
            "remove",
            "retitle",
            "save",
            "translate"
        ]
    );
}
