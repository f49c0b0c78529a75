//! Every diagnostic the generator can give, each on the smallest table that triggers it.
//! Run with `UPDATE_EXPECT=1` to refresh the expectations after an intended change.

use expect_test::{Expect, expect};
use log_codes_codegen::{Input, Report, SheetTexts, Table};

const HEADER: &str = "code,name,title,description,kind,group,deprecated\n";

/// The words most tables here use: the kind `api` and the group `api`.
const API: (&[&str], &[&str]) = (&["api"], &["api"]);
/// The words of the tables about logins.
const LOGIN: (&[&str], &[&str]) = (&["success"], &["login"]);

/// Parses `codes` with declaration sheets declaring exactly `words` (kinds, groups).
fn parse_with_words(codes: &[u8], words: (&[&str], &[&str])) -> (Option<Table>, Report) {
    let declared = SheetTexts::declaring("", words.0, words.1);
    let input = Input {
        codes,
        ..declared.input()
    };
    log_codes_codegen::testing::parse(&input)
}

/// [`parse_with_words`] with the kind and group `api`.
fn parse(codes: &[u8]) -> (Option<Table>, Report) {
    parse_with_words(codes, API)
}

/// The one-line summary of every problem, `codes.csv:LINE:COLUMN: severity: message`; the
/// table declares the kind and group `api`.
fn check(csv: &str, expected: Expect) {
    check_words(csv, API, expected);
}

/// [`check`] with other declared words.
fn check_words(csv: &str, words: (&[&str], &[&str]), expected: Expect) {
    let (table, report) = parse_with_words(csv.as_bytes(), words);
    assert_eq!(table.is_some(), !report.has_errors());
    expected.assert_eq(&report.summary("codes.csv"));
}

fn check_bytes(bytes: &[u8], expected: Expect) {
    let (table, report) = parse(bytes);
    assert_eq!(table.is_some(), !report.has_errors());
    expected.assert_eq(&report.summary("codes.csv"));
}

/// The summary for a table given as its three sheets.
fn check_sheets(sheets: &SheetTexts, expected: Expect) {
    let (table, report) = log_codes_codegen::testing::parse(&sheets.input());
    assert_eq!(table.is_some(), !report.has_errors());
    expected.assert_eq(&report.summary("codes.csv"));
}

fn rows(rows: &str) -> String {
    format!("{HEADER}{rows}")
}

#[test]
fn a_valid_table_has_no_diagnostics() {
    check_words(
        &rows("2001,SuccessfulLogin,Successful Login,,success,login,\n"),
        LOGIN,
        expect![""],
    );
}

#[test]
fn duplicate_code_points_at_both_rows() {
    let csv = rows(
        "2001,SuccessfulLogin,Successful Login,,success,login,\n2001,Other,Other,,success,login,\n",
    );
    check_words(
        &csv,
        LOGIN,
        expect![[r#"
        codes.csv:3:1: error: code 2001 is used twice (column `code`, A)
    "#]],
    );
    let (_, report) = parse_with_words(csv.as_bytes(), LOGIN);
    let related = report.diagnostics[0].related.as_ref().unwrap();
    assert_eq!(
        report
            .source(log_codes_codegen::SheetName::Codes)
            .line_column(related.0.start),
        (2, 1)
    );
    assert!(related.1.contains("SuccessfulLogin"));
}

#[test]
fn duplicate_name() {
    check_words(
        &rows(
            "2001,SuccessfulLogin,Successful Login,,success,login,\n2002,SuccessfulLogin,Again,,success,login,\n",
        ),
        LOGIN,
        expect![[r#"
            codes.csv:3:6: error: name `SuccessfulLogin` is used twice (column `name`, B)
        "#]],
    );
}

#[test]
fn names_that_collide_once_lowercased() {
    check(
        &rows("1,FooBar,A,,api,api,\n2,Foobar,B,,api,api,\n"),
        expect![[r#"
            codes.csv:3:3: error: name `Foobar` collides with `FooBar` once lowercased (`foobar`) (column `name`, B)
        "#]],
    );
}

#[test]
fn bad_codes() {
    check(
        &rows(
            "abc,A,A,,api,api,\n-5,B,B,,api,api,\n70000,C,C,,api,api,\n,D,D,,api,api,\n1.5,E,E,,api,api,\n",
        ),
        expect![[r#"
            codes.csv:2:1: error: code `abc` is not a number (column `code`, A)
            codes.csv:3:1: error: code -5 is negative (column `code`, A)
            codes.csv:4:1: error: code 70000 is out of range (column `code`, A)
            codes.csv:5:1: error: missing code (column `code`, A)
            codes.csv:6:1: error: code `1.5` is not a number (column `code`, A)
        "#]],
    );
}

#[test]
fn unknown_column_suggests_the_closest_name() {
    check(
        "code,name,titel,description,kind,group\n1,A,A,,api,api\n",
        expect![[r#"
            codes.csv:1:11: error: unknown column `titel` (column C)
        "#]],
    );
    let (_, report) = parse(b"code,name,titel,description,kind,group\n1,A,A,,api,api\n");
    assert_eq!(
        report.diagnostics[0].help.as_deref(),
        Some("did you mean `title`?")
    );
}

#[test]
fn unknown_column_far_from_any_name_lists_the_columns() {
    let (_, report) = parse(&rows_with_extra().into_bytes());
    expect![[r#"
        codes.csv:1:51: error: unknown column `severity` (column H)
    "#]]
    .assert_eq(&report.summary("codes.csv"));
    assert!(
        report.diagnostics[0]
            .help
            .as_deref()
            .unwrap()
            .contains("code,name,title")
    );
}

fn rows_with_extra() -> String {
    "code,name,title,description,kind,group,deprecated,severity\n1,A,A,,api,api,,high\n".to_owned()
}

#[test]
fn missing_required_column() {
    check(
        "code,name,description,kind,group\n1,A,,api,api\n",
        expect![[r#"
            codes.csv:1:1: error: the header has no `title` column
        "#]],
    );
}

#[test]
fn optional_columns_may_be_left_out() {
    check("code,name,title,kind,group\n1,A,A,api,api\n", expect![""]);
}

#[test]
fn duplicate_column() {
    check(
        "code,name,title,kind,group,title\n1,A,A,api,api,B\n",
        expect![[r#"
            codes.csv:1:28: error: column `title` appears twice (column F)
        "#]],
    );
}

#[test]
fn empty_required_cells() {
    check(
        &rows("1,,A,,api,api,\n2,B,,,api,api,\n3,C,C,,,api,\n4,D,D,,api,,\n"),
        expect![[r#"
            codes.csv:2:3: error: missing name (column `name`, B)
            codes.csv:3:5: error: missing title (column `title`, C)
            codes.csv:4:8: error: missing kind (column `kind`, E)
            codes.csv:5:12: error: missing group (column `group`, F)
        "#]],
    );
}

#[test]
fn invalid_name_suggests_pascal_case_from_the_title() {
    let csv = rows(
        "4041,blocked_ip,Blocked IP Address,,failure,blocking,\n4042,BlockedIPAddress,Blocked IP Address,,failure,blocking,\n4043,9Lives,Nine Lives,,failure,blocking,\n",
    );
    const BLOCKING: (&[&str], &[&str]) = (&["failure"], &["blocking"]);
    check_words(
        &csv,
        BLOCKING,
        expect![[r#"
        codes.csv:2:6: error: name `blocked_ip` is not PascalCase (column `name`, B)
        codes.csv:3:6: error: name `BlockedIPAddress` is not PascalCase (column `name`, B)
        codes.csv:4:6: error: name `9Lives` is not PascalCase (column `name`, B)
    "#]],
    );
    let (_, report) = parse_with_words(csv.as_bytes(), BLOCKING);
    let helps: Vec<_> = report
        .diagnostics
        .iter()
        .map(|d| d.help.clone().unwrap())
        .collect();
    assert!(
        helps[0].starts_with("write `BlockedIpAddress`"),
        "{helps:?}"
    );
    assert!(
        helps[1].starts_with("write `BlockedIpAddress`"),
        "{helps:?}"
    );
    assert!(helps[2].starts_with("write `NineLives`"), "{helps:?}");
}

#[test]
fn names_that_shadow_generated_items() {
    check(
        &rows(
            "1,All,A,,api,api,\n2,Self,B,,api,api,\n3,IsApi,C,,api,api,\n4,FromCode,D,,api,api,\n",
        ),
        expect![[r#"
            codes.csv:2:3: error: name `All` reads like the generated item `ALL` (column `name`, B)
            codes.csv:3:3: error: name `Self` is a Rust keyword (column `name`, B)
            codes.csv:4:3: error: name `IsApi` reads like the generated predicate `LogCode::is_api` (column `name`, B)
            codes.csv:5:3: error: name `FromCode` reads like the generated item `from_code` (column `name`, B)
        "#]],
    );
}

#[test]
fn invalid_kind_and_group_words_are_refused_where_they_are_declared() {
    let sheets = SheetTexts {
        codes: rows("1,A,A,,success,api,\n2,B,B,,api,Directory Sync,\n3,C,C,,self,api,\n"),
        kinds: "kind,title\nSuccess,Success\napi,API\nself,Self\n".into(),
        groups: "group,title\napi,API\nDirectory Sync,Directory Sync\n".into(),
        reserved: String::new(),
    };
    check_sheets(
        &sheets,
        expect![[r#"
            codes.csv:2:8: error: kind `success` is not declared in `kinds.csv` (column `kind`, E)
            kinds.csv:2:1: error: kind `Success` is not a snake_case word (column `kind`, A)
            kinds.csv:4:1: error: kind `self` would become the keyword `Self` (column `kind`, A)
            groups.csv:3:1: error: group `Directory Sync` is not a snake_case word (column `group`, A)
        "#]],
    );
}

/// The crate keeps an unknown word from data inline, in 32 bytes: no declared word is longer.
#[test]
fn a_word_longer_than_32_bytes_is_refused() {
    let long = "a_very_long_group_word_for_a_table_x"; // 36 bytes
    let sheets = SheetTexts::declaring(rows(&format!("1,A,A,,api,{long},\n")), &["api"], &[long]);
    check_sheets(
        &sheets,
        expect![[r#"
            groups.csv:2:1: error: group `a_very_long_group_word_for_a_table_x` is longer than 32 bytes (column `group`, A)
        "#]],
    );
}

#[test]
fn kind_words_that_become_the_same_variant() {
    let sheets = SheetTexts::declaring(
        rows("1,A,A,,api,email_2,\n2,B,B,,api,email2,\n"),
        &["api"],
        &["email_2", "email2"],
    );
    check_sheets(
        &sheets,
        expect![[r#"
            groups.csv:3:1: error: group `email2` and `email_2` both become the variant `Email2` (column `group`, A)
        "#]],
    );
}

#[test]
fn an_undeclared_kind_suggests_the_closest_declared_one() {
    let sheets = SheetTexts::declaring(
        rows(
            "1,A,A,,failure,login,\n2,B,B,,failur,login,\n3,C,C,,Failure,login,\n4,D,D,,warning,login,\n5,E,E,,başarı,login,\n",
        ),
        &["api", "failure"],
        &["login"],
    );
    check_sheets(
        &sheets,
        expect![[r#"
            codes.csv:3:8: error: kind `failur` is not declared in `kinds.csv` (column `kind`, E)
            codes.csv:4:8: error: kind `Failure` is not declared in `kinds.csv` (column `kind`, E)
            codes.csv:5:8: error: kind `warning` is not declared in `kinds.csv` (column `kind`, E)
            codes.csv:6:8: error: kind `başarı` is not declared in `kinds.csv` (column `kind`, E)
            kinds.csv:2:1: warning: kind `api` is declared but no code uses it
        "#]],
    );
    let (_, report) = log_codes_codegen::testing::parse(&sheets.input());
    let helps: Vec<&str> = (report.diagnostics.iter())
        .map(|d| d.help.as_deref().unwrap())
        .collect();
    assert_eq!(helps[0], "did you mean `failure`?");
    assert_eq!(helps[1], "did you mean `failure`?");
    // A new word is a deliberate row of its own; a word that could not be declared is not
    // suggested as one.
    assert_eq!(
        helps[2],
        "to add a new kind, declare it with a row of `kinds.csv` such as `warning,Warning`"
    );
    assert_eq!(
        helps[3],
        "use one of the kinds declared in `kinds.csv`: `api`, `failure`"
    );
}

/// A suggested fix is itself valid: a title of Turkish letters suggests no name made of them.
#[test]
fn a_suggested_name_is_always_a_valid_one() {
    let csv = rows(
        "1,başarılı_giriş,Başarılı Giriş,,api,api,\n2,all,All,,api,api,\n3,x y,Hook Failed,,api,api,\n",
    );
    let (_, report) = parse(csv.as_bytes());
    let helps: Vec<&str> = (report.diagnostics.iter())
        .map(|d| d.help.as_deref().unwrap())
        .collect();
    assert_eq!(
        helps,
        [
            "write a PascalCase name: a capital letter, then letters and digits",
            "write a PascalCase name: a capital letter, then letters and digits",
            "write `HookFailed`: PascalCase, acronyms as words (`MfaRequired`, `SmsSent`)",
        ]
    );
}

#[test]
fn a_table_without_its_declaration_sheets_gets_the_rows_to_write() {
    let codes = rows("1,A,A,,failure,login,\n2,B,B,,success,login,\n3,C,C,,failure,mfa,\n");
    let (table, report) = log_codes_codegen::testing::parse(&Input {
        codes: codes.as_bytes(),
        kinds: None,
        groups: None,
        reserved: None,
    });
    assert!(table.is_none());
    expect![[r#"
        codes.csv:1:29: error: `kinds.csv` is missing: every kind a code uses is declared there, with its display title
        codes.csv:1:34: error: `groups.csv` is missing: every group a code uses is declared there, with its display title
    "#]]
    .assert_eq(&report.summary("codes.csv"));
    // The rows it lists make a valid table.
    let written: Vec<String> = (report.diagnostics.iter())
        .map(|d| {
            let help = d.help.as_deref().unwrap();
            help.split_once(":\n").unwrap().1.to_owned() + "\n"
        })
        .collect();
    assert_eq!(written[0], "kind,title\nfailure,Failure\nsuccess,Success\n");
    let fixed = Input {
        codes: codes.as_bytes(),
        kinds: Some(written[0].as_bytes()),
        groups: Some(written[1].as_bytes()),
        reserved: None,
    };
    let (table, report) = log_codes_codegen::testing::parse(&fixed);
    assert!(table.is_some(), "{}", report.summary("codes.csv"));
    assert!(report.diagnostics.is_empty());
}

#[test]
fn declaration_sheet_problems() {
    let sheets = SheetTexts {
        codes: "code,name,title,kind,group,title.tr\n1,A,A,api,login,A\n2,B,B,api,mfa,B\n3,C,C,api,sms,C\n"
            .into(),
        kinds: "kind,titel\napi,API\n".into(),
        groups: "group,title,title.de,notes\nlogin,Login,Anmeldung,x\nmfa,MFA,,\nmfa,Again,,\nsms,mfa,,\nsso,Code 2001,,\n".into(), reserved: String::new(),
    };
    check_sheets(
        &sheets,
        expect![[r#"
            kinds.csv:1:6: error: unknown column `titel` (column B)
            groups.csv:1:13: error: `groups.csv` translates into `de`, a locale the codes sheet does not have
            groups.csv:1:22: error: unknown column `notes` (column D)
            groups.csv:4:1: error: group `mfa` is declared twice (column `group`, A)
            groups.csv:5:5: error: the title "mfa" is used twice (column `title`, B); readers could not tell the two groups apart
            groups.csv:6:5: error: the group title "Code 2001" would have the anchor `#code-2001` of code 2001 on the docs page
        "#]],
    );
}

/// A declaration sheet's locale the codes sheet lacks suggests the closest one it has.
#[test]
fn a_misspelt_locale_of_a_declaration_sheet_suggests_the_codes_one() {
    let sheets = SheetTexts {
        codes: "code,name,title,kind,group,title.pt-BR\n1,A,A,api,login,A\n".into(),
        kinds: "kind,title,title.pt-PT\napi,API,API\n".into(),
        groups: "group,title,title.de\nlogin,Login,Anmeldung\n".into(),
        reserved: String::new(),
    };
    let (_, report) = log_codes_codegen::testing::parse(&sheets.input());
    let helps: Vec<&str> = (report.diagnostics.iter())
        .map(|d| d.help.as_deref().unwrap())
        .collect();
    assert_eq!(
        helps,
        [
            "did you mean `title.pt-BR`?",
            "add the `title.de` column to the codes sheet first, or delete this column",
        ]
    );
}

#[test]
fn require_complete_covers_the_declaration_sheets() {
    let sheets = SheetTexts {
        codes: "code,name,title,kind,group,title.tr\n1,A,A,api,login,A\n".into(),
        kinds: "kind,title\napi,API\n".into(),
        groups: "group,title,title.tr\nlogin,Login,\n".into(),
        reserved: String::new(),
    };
    let options = log_codes_codegen::testing::Options {
        require_complete: vec!["tr".into()],
        ..Default::default()
    };
    let (table, report) = log_codes_codegen::testing::parse_with(&sheets.input(), &options);
    assert!(table.is_none());
    expect![[r#"
        codes.csv:1:1: error: `tr` is required complete, so every `tr` translation is needed, but the header has no `description.tr` column
        kinds.csv:1:1: error: `tr` is required complete, so every `tr` translation is needed, but the header has no `title.tr` column
        groups.csv:1:1: error: `tr` is required complete, so every `tr` translation is needed, but the header has no `description.tr` column
    "#]]
    .assert_eq(&report.summary("codes.csv"));
}

#[test]
fn ragged_rows() {
    check(
        &rows("1,A,A,,api,api,,extra,more\n2,B,B,,api\n"),
        expect![[r#"
            codes.csv:2:17: error: this row has 9 cells but the header has 7
            codes.csv:3:11: error: this row has 5 cells but the header has 7
        "#]],
    );
}

#[test]
fn malformed_quoting() {
    check(
        &rows("2001,\"Succ\"essful,A,,api,api,\n2002,Succ\"ess,B,,api,api,\n"),
        expect![[r#"
            codes.csv:2:6: error: malformed quoting: text follows the closing quote of this cell (column `name`, B)
            codes.csv:3:6: error: malformed quoting: a quote inside a cell that is not quoted (column `name`, B)
        "#]],
    );
}

#[test]
fn unclosed_quote_swallows_the_rest_of_the_file() {
    check(
        &rows("1,A,\"Open,,api,api,\n2,B,B,,api,api,\n"),
        expect![[r#"
            codes.csv:2:5: error: this quote is never closed, so the rest of the file was read as one cell (column `title`, C)
            codes.csv:3:16: error: this row has 3 cells but the header has 7
        "#]],
    );
}

#[test]
fn invalid_utf8_names_every_bad_byte() {
    check_bytes(
        b"code,name,title,description,kind,group,deprecated\n1,A,Giri\xfe,,api,api,\n2,B,\xc7ok,,api,api,\n",
        expect![[r#"
            codes.csv:2:9: error: this line is not UTF-8 (byte 0xFE); in Windows-1254 (Turkish) it reads `1,A,Giriş,,api,api,`
            codes.csv:3:5: error: this line is not UTF-8 (byte 0xC7); in Windows-1252 (Western European) it reads `2,B,Çok,,api,api,`
        "#]],
    );
}

#[test]
fn control_and_bidirectional_characters() {
    check(
        &rows(
            "1,A,Bell\u{7},,api,api,\n2,B,B,Tab\there,api,api,\n3,C,C,x\u{202E}y,api,api,\n4,D,D,x\u{85}y,api,api,\n",
        ),
        expect![[r#"
            codes.csv:2:5: error: the title contains the control character U+0007 (column `title`, C)
            codes.csv:3:7: error: the description contains the control character U+0009 (column `description`, D)
            codes.csv:4:7: error: the description contains the bidirectional control character U+202E (column `description`, D)
            codes.csv:5:7: error: the description contains the control character U+0085 (column `description`, D)
        "#]],
    );
}

#[test]
fn line_breaks_only_in_descriptions() {
    check(
        &rows("1,A,\"Two\nlines\",\"Two\r\nlines\",api,api,\n2,B,B,,api,api,\"use 1\ninstead\"\n"),
        expect![[r#"
            codes.csv:2:5: error: the title contains a line break (column `title`, C)
            codes.csv:5:16: error: the deprecation note contains a line break (column `deprecated`, G)
        "#]],
    );
}

#[test]
fn semicolon_separated_file_is_accepted() {
    check(
        "code;name;title;description;kind;group;deprecated\n1;A;A;;api;api;\n",
        expect![""],
    );
}

#[test]
fn double_encoded_text_is_flagged_with_the_intended_text() {
    let csv = rows("1,A,BaÅŸarÄ±lÄ± GiriÅŸ,Ã§ok,api,api,\n");
    check(
        &csv,
        expect![[r#"
        codes.csv:2:5: warning: the title looks double-encoded (UTF-8 read as Windows-1252) (column `title`, C)
        codes.csv:2:24: warning: the description looks double-encoded (UTF-8 read as Windows-1252) (column `description`, D)
    "#]],
    );
    let (table, report) = parse(csv.as_bytes());
    assert!(table.is_some(), "a warning does not stop generation");
    assert_eq!(
        report.diagnostics[0].help.as_deref(),
        Some(
            "did you mean `Başarılı Giriş`? Retype the cell, or open the file as UTF-8 when importing it"
        )
    );
}

#[test]
fn spaces_around_cells_are_trimmed() {
    let (table, report) =
        parse(rows("  7 , A , \"Title \"\"quoted\"\"\" ,  , api ,api,\n").as_bytes());
    let table = table.unwrap_or_else(|| panic!("{}", report.summary("codes.csv")));
    let code = &table.codes[0];
    assert_eq!(
        (code.code, code.name.as_str(), code.title.as_str()),
        (7, "A", "Title \"quoted\"")
    );
    assert_eq!(code.description, None);
    // csv-core splits a cell at a separator when spaces come before its quote: say so.
    check(
        &rows("7,A, \"Title, with comma\",,api,api,\n"),
        expect![[r#"
            codes.csv:2:5: error: malformed quoting: spaces before the opening quote of a cell that holds a separator or a line break (column `title`, C)
            codes.csv:2:13: error: malformed quoting: a quote inside a cell that is not quoted (column `description`, D)
            codes.csv:2:26: error: missing kind (column `kind`, E)
            codes.csv:2:35: error: this row has 8 cells but the header has 7
        "#]],
    );
}

#[test]
fn trailing_newline_or_none_and_blank_trailing_lines() {
    for ending in ["", "\n", "\r\n", "\n\n\n", "\r\n\r\n"] {
        let csv = format!("{HEADER}1,A,A,,api,api,{ending}");
        let (table, report) = parse(csv.as_bytes());
        assert!(
            report.diagnostics.is_empty(),
            "{ending:?}: {}",
            report.summary("codes.csv")
        );
        assert_eq!(table.unwrap().codes.len(), 1);
    }
}

#[test]
fn empty_file_and_header_only() {
    check(
        "",
        expect![[r#"
        codes.csv:1:1: error: the file has no header row
    "#]],
    );
    check(
        HEADER,
        expect![[r#"
        codes.csv:1:1: error: the table has no codes
    "#]],
    );
}

#[test]
fn bom_crlf_and_blank_rows_are_accepted() {
    let csv = "\u{FEFF}code,name,title,description,kind,group,deprecated\r\n1,A,A,,api,api,\r\n,,,,,,\r\n\r\n";
    let (table, report) = parse(csv.as_bytes());
    assert!(
        report.diagnostics.is_empty(),
        "{}",
        report.summary("codes.csv")
    );
    assert_eq!(table.unwrap().codes.len(), 1);
    check(
        "\u{FEFF}code,name,title,description,kind,group,deprecated\r\n1,A,,,api,api,\r\n",
        expect![[r#"
            codes.csv:2:5: error: missing title (column `title`, C)
        "#]],
    );
}

#[test]
fn three_problems_in_one_run() {
    let csv = rows(
        "2001,SuccessfulLogin,Successful Login,,success,login,\n2001,Other,Other,,success,login,\n2002,bad name,Bad Name,,success,login,\n2003,NoTitle,,,success,login,\n",
    );
    let (table, report) = parse_with_words(csv.as_bytes(), LOGIN);
    assert!(table.is_none());
    expect![[r#"
        error: code 2001 is used twice (column `code`, A)
         --> codes.csv:3:1
          |
        3 | 2001,Other,Other,,success,login,
          | ^^^^ second use
          |
         ::: codes.csv:2:1
          |
        2 | 2001,SuccessfulLogin,Successful Login,,success,login,
          | ---- first used here by `SuccessfulLogin`
          |
          = help: give one of the rows an unused code

        error: name `bad name` is not PascalCase (column `name`, B)
         --> codes.csv:4:6
          |
        4 | 2002,bad name,Bad Name,,success,login,
          |      ^^^^^^^^ not a valid name
          |
          = help: write `BadName`: PascalCase, acronyms as words (`MfaRequired`, `SmsSent`)

        error: missing title (column `title`, C)
         --> codes.csv:5:14
          |
        5 | 2003,NoTitle,,,success,login,
          |              ^ invalid title
          |
          = help: every code needs a title

        codes.csv: 3 errors, 0 warnings
    "#]]
    .assert_eq(&report.render("codes.csv", false));
}
