//! The table's structure, refused at its cells: kinds' ranges, counterparts, reserved numbers.
//! Each test builds its own small table.

use expect_test::{Expect, expect};
use log_codes_codegen::SheetTexts;
use log_codes_codegen::testing::parse;

const KINDS: &str = "kind,title,range,counterpart_of\napi,API,100-199,\nsuccess,Success,2000-3999,\nfailure,Failure,4000-5999,success\n";
const GROUPS: &str = "group,title\nlogin,Login\nreset,Reset\n";
const HEADER: &str = "code,name,title,kind,group,counterpart\n";
const ROWS: &str = "100,ApiRead,API Read,api,login,\n2001,SuccessfulLogin,Successful Login,success,login,\n2050,SuccessfulReset,Successful Reset,success,reset,\n4000,FailedLogin,Failed Login,failure,login,2001\n";

fn sheets(rows: &str, kinds: &str, reserved: &str) -> SheetTexts {
    SheetTexts {
        codes: format!("{HEADER}{ROWS}{rows}"),
        kinds: kinds.to_owned(),
        groups: GROUPS.to_owned(),
        reserved: reserved.to_owned(),
    }
}

fn check(sheets: &SheetTexts, expected: Expect) {
    let (table, report) = parse(&sheets.input());
    assert_eq!(table.is_some(), !report.has_errors());
    expected.assert_eq(&report.summary("codes.csv"));
}

/// The help of the only problem.
fn help(sheets: &SheetTexts) -> String {
    let (_, report) = parse(&sheets.input());
    assert_eq!(
        report.diagnostics.len(),
        1,
        "{}",
        report.summary("codes.csv")
    );
    report.diagnostics[0].help.clone().unwrap_or_default()
}

#[test]
fn a_table_with_ranges_counterparts_and_reserved_numbers_is_valid() {
    let sheets = sheets(
        "4001,FailedReset,Failed Reset,failure,reset,2050\n",
        KINDS,
        "code,note\n4003,retired\n4500-4519,retired block\n",
    );
    check(&sheets, expect![""]);
    let (table, _) = parse(&sheets.input());
    let table = table.unwrap();
    assert_eq!(table.reserved.len(), 2);
    assert_eq!(table.code(4001).unwrap().counterpart, Some(2050));
    assert_eq!(
        table.kind_of(4999).map(|k| k.name.as_str()),
        Some("failure")
    );
    assert_eq!(table.kind_of(9999), None);
}

#[test]
fn a_code_outside_its_kind_s_range_is_refused_with_a_free_number() {
    let sheets = sheets(
        "4051,SuccessfulRetry,Successful Retry,success,login,\n",
        KINDS,
        "",
    );
    check(
        &sheets,
        expect![[r#"
            codes.csv:6:1: error: code 4051 is outside the range 2000-3999 of kind `success` (column `code`, A)
        "#]],
    );
    // Above the group's highest success: 2002.
    expect![
        "number it in 2000-3999, such as `2002` (free), or give it the kind whose range holds it"
    ]
    .assert_eq(&help(&sheets));
}

#[test]
fn a_code_of_a_kind_without_a_range_may_not_sit_in_another_kind_s() {
    let kinds = format!("{KINDS}other,Other,,\n");
    let sheets = sheets("2500,Odd,Odd,other,login,\n", &kinds, "");
    check(
        &sheets,
        expect![[r#"
        codes.csv:6:1: error: code 2500 of kind `other` lies in the range 2000-3999 of kind `success` (column `code`, A)
    "#]],
    );
    expect!["a reader takes a number in 2000-3999 for a `success` code: give the code that kind, or a number outside the ranges such as `6000`"].assert_eq(&help(&sheets));
}

#[test]
fn ranges_must_be_apart_and_well_written() {
    let kinds = "kind,title,range,counterpart_of\napi,API,100-199,\nsuccess,Success,2000-4500,\nfailure,Failure,4000–5999,success\nother,Other,300-200,\n";
    check(
        &sheets("", kinds, ""),
        expect![[r#"
            kinds.csv:4:17: error: `4000–5999` joins its numbers with a dash other than `-` (column `range`, C)
            kinds.csv:5:13: error: `300-200` goes down (column `range`, C)
        "#]],
    );
    let kinds = "kind,title,range,counterpart_of\napi,API,100-199,\nsuccess,Success,2000-4500,\nfailure,Failure,4000-5999,success\nreset,Reset,x,\n";
    check(
        &sheets("", kinds, ""),
        expect![[r#"
            kinds.csv:4:17: error: the range 4000-5999 of kind `failure` overlaps the range 2000-4500 of kind `success` (column `range`, C)
            kinds.csv:5:13: error: `x` is not a number or a span of numbers from 0 to 65535 (column `range`, C)
        "#]],
    );
}

#[test]
fn a_reserved_number_is_never_used_again() {
    let reserved = "code,note\n2001-2001,the old login\n4500-4519,retired\n4510,again\n";
    check(
        &sheets("", KINDS, reserved),
        expect![[r#"
            codes.csv:3:1: error: code 2001 is reserved (2001: the old login) (column `code`, A)
            reserved.csv:4:1: error: `4510` is reserved twice
        "#]],
    );
    let reserved = "code,note,why\nx,retired,\n4600,,\n";
    check(
        &sheets("", KINDS, reserved),
        expect![[r#"
            reserved.csv:1:11: error: unknown column `why` (column C)
            reserved.csv:2:1: error: `x` is not a number or a span of numbers from 0 to 65535 (column `code`, A)
            reserved.csv:3:6: error: missing note (column `note`, B)
        "#]],
    );
}

#[test]
fn counterparts_are_codes_of_the_declared_kind() {
    let rows = "4001,FailedA,Failed A,failure,login,2999\n4002,FailedB,Failed B,failure,login,4000\n101,ApiB,API B,api,login,2001\n";
    check(
        &sheets(rows, KINDS, ""),
        expect![[r#"
            codes.csv:6:37: error: the counterpart 2999 of code 4001 is not a code of the table (column `counterpart`, F)
            codes.csv:7:37: error: the counterpart 4000 of code 4002 is a `failure` code, not a `success` code (column `counterpart`, F)
            codes.csv:8:26: error: code 101 has a counterpart, but kind `api` declares none (column `counterpart`, F)
        "#]],
    );
    let kinds = "kind,title,range,counterpart_of\napi,API,100-199,\nsuccess,Success,2000-3999,\nfailure,Failure,4000-5999,sucess\n";
    check(
        &sheets("", kinds, ""),
        expect![[r#"
            kinds.csv:4:27: error: `sucess` is not another declared kind (column `counterpart_of`, D)
        "#]],
    );
}

#[test]
fn groups_have_no_range_column() {
    let sheets = SheetTexts {
        groups: "group,title,range\nlogin,Login,1-9\nreset,Reset,\n".to_owned(),
        ..sheets("", KINDS, "")
    };
    check(
        &sheets,
        expect![[r#"
            groups.csv:1:13: error: unknown column `range` (column C)
        "#]],
    );
}

#[test]
fn structural_changes_are_classified() {
    use log_codes_codegen::compat::compare;
    let table = |rows: &str, kinds: &str, reserved: &str| {
        parse(&sheets(rows, kinds, reserved).input()).0.unwrap()
    };
    let old = table("", KINDS, "code,note\n4003,retired\n");
    let changes = |new| -> Vec<String> {
        compare(&old, &new)
            .iter()
            .map(|c| format!("{}: {}", c.level, c.message))
            .collect()
    };
    // Widening into numbers no range held adds; narrowing takes numbers readers had a kind for.
    let wider = KINDS.replace("4000-5999", "4000-6999");
    expect![[r#"["minor: numbers 6000-6999 now have the kind `failure`"]"#]].assert_eq(&format!(
        "{:?}",
        changes(table("", &wider, "code,note\n4003,retired\n"))
    ));
    let narrower = KINDS.replace("4000-5999", "4000-4999");
    expect![[r#"["major: numbers 5000-5999 no longer have the kind `failure`: readers built with its range take them for `failure` codes"]"#]].assert_eq(&format!("{:?}", changes(table("", &narrower, "code,note\n4003,retired\n"))));
    // A counterpart or a reserved number removed breaks a promise; a new one adds.
    let unpaired = table("", KINDS, "").codes.clone();
    let mut new = table("", KINDS, "code,note\n4003,retired\n4004,also\n");
    new.codes = unpaired
        .into_iter()
        .map(|mut c| {
            c.counterpart = None;
            c
        })
        .collect();
    expect![[r#"["major: code 4000 `FailedLogin` is no longer the counterpart of 2001", "minor: 4004 is reserved: also"]"#]].assert_eq(&format!("{:?}", changes(new)));
    expect![[
        r#"["major: 4003 is no longer reserved (retired); a reserved number stays retired"]"#
    ]]
    .assert_eq(&format!("{:?}", changes(table("", KINDS, ""))));
}

/// A table from before the declaration sheets (a git revision) declares the words its codes use,
/// and has no reserved numbers: `reserved.csv` is optional, never made up.
#[test]
fn a_legacy_table_gets_no_reserved_sheet_made_up() {
    let codes = "code,name,title,kind,group\n2001,SuccessfulLogin,Successful Login,success,login\n";
    let input = log_codes_codegen::Input {
        codes: codes.as_bytes(),
        ..Default::default()
    };
    let legacy = log_codes_codegen::testing::Options {
        declare_used_words: true,
        ..Default::default()
    };
    let (table, report) = log_codes_codegen::testing::parse_with(&input, &legacy);
    let table = table.unwrap_or_else(|| panic!("{}", report.summary("codes.csv")));
    assert!(table.reserved.is_empty());
}
