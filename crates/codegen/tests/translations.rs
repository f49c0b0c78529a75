//! Translation columns: every diagnostic they can give, coverage, `--require-complete`, and what
//! one missing Turkish cell of the real table does to every artifact.

use crate::common;

use expect_test::{Expect, expect};
use log_codes_codegen::testing::render::{docs, page_text};
use log_codes_codegen::{
    Input, Package, Report, SheetTexts, Table, testing::Options, testing::parse_with,
    testing::render::render_all,
};

const HEADER: &str = "code,name,title,description,kind,group,deprecated";

/// The kind `api`, translated into Turkish, which most tables here use.
const KINDS: &str = "kind,title,description,title.tr,description.tr\napi,API,,API,\n";
/// The group `api`, translated into Turkish.
const GROUPS: &str = "group,title,description,title.tr,description.tr\napi,API,,API,\n";

fn options(require_complete: &[&str]) -> Options {
    Options {
        require_complete: require_complete.iter().map(|t| t.to_string()).collect(),
        ..Default::default()
    }
}

/// Parses `csv` with the kind and group `api` declared.
fn parse_csv(csv: &str, options: &Options) -> (Option<Table>, Report) {
    let input = Input {
        codes: csv.as_bytes(),
        kinds: Some(KINDS.as_bytes()),
        groups: Some(GROUPS.as_bytes()),
        reserved: None,
    };
    parse_with(&input, options)
}

fn check_with(csv: &str, require_complete: &[&str], expected: Expect) {
    let options = options(require_complete);
    let (table, report) = parse_csv(csv, &options);
    assert_eq!(table.is_some(), !report.has_errors());
    expected.assert_eq(&report.summary("codes.csv"));
}

fn check(csv: &str, expected: Expect) {
    check_with(csv, &[], expected);
}

/// The diagnostics as `cargo xtask gen` prints them, with their help lines.
fn rendered(csv: &str, require_complete: &[&str]) -> String {
    let options = options(require_complete);
    parse_csv(csv, &options).1.render("codes.csv", false)
}

#[test]
fn translation_columns_are_read_in_any_order() {
    let csv = format!(
        "description.tr,{HEADER},title.pt-BR,title.tr\n\
         Kullanıcı giriş yaptı,2001,SuccessfulLogin,Successful Login,User logged in,success,login,,Login bem-sucedido,Başarılı Oturum Açma\n\
         ,4000,FailedLogin,Failed Login,,failure,login,,,\n"
    );
    let sheets = SheetTexts::declaring(csv, &["failure", "success"], &["login"]);
    let (table, report) = parse_with(&sheets.input(), &options(&[]));
    let table = table.unwrap_or_else(|| panic!("{}", report.summary("codes.csv")));
    assert_eq!(table.locales, ["pt-BR", "tr"]);
    let login = &table.codes[0];
    assert_eq!(login.translations["tr"].title, "Başarılı Oturum Açma");
    assert_eq!(
        login.translations["tr"].description.as_deref(),
        Some("Kullanıcı giriş yaptı")
    );
    assert_eq!(login.translations["pt-BR"].description, None);
    assert!(table.codes[1].translations.is_empty());
    assert_eq!(
        table.coverage("tr").to_string(),
        "1/2 titles, 1/1 descriptions, 0/3 kind and group titles"
    );
    assert_eq!(
        table.coverage("pt-BR").to_string(),
        "1/2 titles, 0/1 descriptions, 0/3 kind and group titles"
    );
}

#[test]
fn malformed_non_canonical_and_english_tags() {
    check(
        &format!(
            "{HEADER},title.tr_TR,title.TR,title.en,title.turkish,title.\n1,A,A,,api,api,,a,b,c,d,e\n"
        ),
        expect![[r#"
            codes.csv:1:51: error: locale tag `tr_TR` is not in its canonical form (column H)
            codes.csv:1:63: error: locale tag `TR` is not in its canonical form (column I)
            codes.csv:1:72: error: column `title.en` would translate into English (column J)
            codes.csv:1:81: error: `turkish` in column `title.turkish` is not a locale tag (column K)
            codes.csv:1:95: error: `` in column `title.` is not a locale tag (column L)
            kinds.csv:1:24: error: `kinds.csv` translates into `tr`, a locale the codes sheet does not have
            groups.csv:1:25: error: `groups.csv` translates into `tr`, a locale the codes sheet does not have
        "#]],
    );
    assert!(
        rendered(&format!("{HEADER},title.tr_TR\n1,A,A,,api,api,,a\n"), &[])
            .contains("write `title.tr-TR`")
    );
}

#[test]
fn misspelt_and_repeated_translation_columns() {
    check(
        &format!("{HEADER},titel.tr,title.tr,title.tr\n1,A,A,,api,api,,a,b,c\n"),
        expect![[r#"
            codes.csv:1:51: error: unknown column `titel.tr` (column H)
            codes.csv:1:69: error: column `title.tr` appears twice (column J)
        "#]],
    );
    assert!(
        rendered(&format!("{HEADER},titel.tr\n1,A,A,,api,api,,a\n"), &[])
            .contains("did you mean `title.tr`?")
    );
}

#[test]
fn a_description_column_without_its_title_column() {
    check(
        &format!("{HEADER},description.de\n1,A,A,B,api,api,,b\n"),
        expect![[r#"
            codes.csv:1:51: error: column `description.de` has no `title.de` column (column H)
            kinds.csv:1:24: error: `kinds.csv` translates into `tr`, a locale the codes sheet does not have
            groups.csv:1:25: error: `groups.csv` translates into `tr`, a locale the codes sheet does not have
        "#]],
    );
}

#[test]
fn a_translated_description_needs_a_translated_title_and_an_english_description() {
    check(
        &format!(
            "{HEADER},title.tr,description.tr\n\
             1,A,A,English,api,api,,,Türkçe\n\
             2,B,B,,api,api,,Bee,Türkçe\n"
        ),
        expect![[r#"
            codes.csv:2:25: error: the description is translated but the title is not (column `description.tr`, I)
            codes.csv:3:21: error: this translates a description the row does not have (column `description.tr`, I)
        "#]],
    );
}

#[test]
fn translations_are_checked_like_the_english_text() {
    check(
        &format!(
            "{HEADER},title.tr,description.tr\n\
             1,A,A,English,api,api,,\"two\nlines\",\"two\nlines are fine\"\n\
             2,B,B,English,api,api,,Bee\u{202E},ok\n\
             3,C,C,English,api,api,,BaÅŸarÄ±lÄ±,ok\n"
        ),
        expect![[r#"
            codes.csv:2:24: error: the `tr` title contains a line break (column `title.tr`, H)
            codes.csv:5:24: error: the `tr` title contains the bidirectional control character U+202E (column `title.tr`, H)
            codes.csv:6:24: warning: the `tr` title looks double-encoded (UTF-8 read as Windows-1252) (column `title.tr`, H)
        "#]],
    );
}

#[test]
fn require_complete_reports_every_missing_cell() {
    let csv = format!(
        "{HEADER},title.tr,description.tr\n\
         1,A,Alpha,English,api,api,,,\n\
         2,B,Beta,,api,api,,Bee,\n\
         3,C,Gamma,English,api,api,,Gee,\n"
    );
    check(&csv, expect![""]);
    check_with(
        &csv,
        &["tr"],
        expect![[r#"
            codes.csv:2:28: error: missing `tr` title, and `tr` is required complete (column `title.tr`, H)
            codes.csv:2:29: error: missing `tr` description, and `tr` is required complete (column `description.tr`, I)
            codes.csv:4:32: error: missing `tr` description, and `tr` is required complete (column `description.tr`, I)
        "#]],
    );
    assert!(rendered(&csv, &["tr"]).contains("translate \"Alpha\" into `tr`"));
}

#[test]
fn require_complete_of_a_locale_the_table_lacks() {
    let csv = format!("{HEADER},title.tr\n1,A,A,,api,api,,a\n");
    check_with(
        &csv,
        &["de", "tr", "TR"],
        expect![[r#"
            codes.csv:1:1: error: `de` is required complete, so every `de` translation is needed, but the header has no `title.de` column
            codes.csv:1:1: error: `tr` is required complete, so every `tr` translation is needed, but the header has no `description.tr` column
            codes.csv:1:1: error: `TR` is required complete but names no translation
            kinds.csv:1:1: error: `de` is required complete, so every `de` translation is needed, but the header has no `title.de` column
            kinds.csv:1:1: error: `TR` is required complete but names no translation
            groups.csv:1:1: error: `de` is required complete, so every `de` translation is needed, but the header has no `title.de` column
            groups.csv:1:1: error: `TR` is required complete but names no translation
        "#]],
    );
}

/// On the seed table (a frozen copy of the table as it started, completely translated), with the
/// Turkish description of 4041 emptied: coverage drops, the docs row shows the English text with
/// the fallback mark, and `--require-complete tr` fails at that cell. (An emptied title with its
/// description left is an error of its own, tested above.)
#[test]
fn one_missing_turkish_cell_in_the_seed_table() {
    let seed = common::sheets_in(common::SEED);
    let parse_seed = |codes: &str, options: &Options| {
        let input = Input {
            codes: codes.as_bytes(),
            ..seed.input()
        };
        parse_with(&input, options)
    };
    let csv = seed.codes.as_str();
    let complete = parse_seed(csv, &options(&["tr"])).0.unwrap();
    assert!(complete.coverage("tr").is_complete());
    assert_eq!(
        complete.coverage("tr").to_string(),
        "38/38 titles, 32/32 descriptions, 19/19 kind and group titles"
    );

    let line = csv.lines().position(|l| l.starts_with("4041,")).unwrap();
    let row = csv.lines().nth(line).unwrap();
    let blocked = complete.codes.iter().find(|c| c.code == 4041).unwrap();
    let turkish = blocked.translations["tr"].description.as_deref().unwrap();
    // The last cell, quoted when it holds a comma.
    let start = row.rfind(turkish).unwrap();
    let start = start - usize::from(row[..start].ends_with('"'));
    let emptied = row[..start].to_owned();
    let edited = csv.replacen(row, &emptied, 1);

    let table = parse_seed(&edited, &options(&[])).0.unwrap();
    assert_eq!(
        table.coverage("tr").to_string(),
        "38/38 titles, 31/32 descriptions, 19/19 kind and group titles"
    );
    let package = Package::new("1.0.0");
    let artifacts = render_all(&table, &package).unwrap();
    let page = &artifacts
        .iter()
        .find(|a| a.path == docs::path("tr"))
        .unwrap()
        .contents;
    let row_4041 = page.lines().find(|l| l.contains("\"code-4041\"")).unwrap();
    let mark = page_text::TURKISH.untranslated;
    let english = blocked.description.as_deref().unwrap();
    assert!(
        row_4041.ends_with(&format!("| <span lang=\"en\">{english}</span> *{mark}* |")),
        "{row_4041}"
    );
    assert!(
        page.contains("çevirisi olmayan 1 metin"),
        "the page says one text is English"
    );
    common::check_artifacts("one missing Turkish description", &table);

    let column = emptied.chars().count() + 1;
    let (none, report) = parse_seed(&edited, &options(&["tr"]));
    assert!(none.is_none());
    assert_eq!(
        report.summary("codes.csv"),
        format!(
            "codes.csv:{}:{column}: error: missing `tr` description, and `tr` is required \
             complete (column `description.tr`, I)\n",
            line + 1
        )
    );
}
