//! One test per kind of change the stability guard classifies.

use log_codes_codegen::compat::{
    Level, changelog, compare, next_breaking, table_from_json, version_allows, worst,
};
use log_codes_codegen::{Input, Package, Table, testing::parse, testing::render::json};

const BASE: &str = "\
code,name,title,description,kind,group,deprecated
2001,SuccessfulLogin,Successful Login,User logged in successfully,success,login,
4000,FailedLogin,Failed Login,User failed to login,failure,login,
4002,FailedLoginInvalidPassword,Failed Login (Invalid Password),User entered incorrect password,failure,login,
";

/// The words BASE uses, declared; an edit that adds one declares it in `KINDS`/`GROUPS`.
const KINDS: &str = "kind,title\nsuccess,Success\nfailure,Failure\n";
const GROUPS: &str = "group,title\nlogin,Login\n";

fn table(csv: &str) -> Table {
    table_of(csv, KINDS, GROUPS)
}

fn table_of(csv: &str, kinds: &str, groups: &str) -> Table {
    let input = Input {
        codes: csv.as_bytes(),
        kinds: Some(kinds.as_bytes()),
        groups: Some(groups.as_bytes()),
        reserved: None,
    };
    let (table, report) = parse(&input);
    table.unwrap_or_else(|| panic!("{}", report.summary("codes.csv")))
}

/// The classified changes from BASE to BASE edited by `edit`: (level, message).
fn changes(edit: impl FnOnce(String) -> String) -> Vec<(Level, String)> {
    changes_declaring(edit, KINDS, GROUPS)
}

/// [`changes`], the edited table declaring `kinds` and `groups`.
fn changes_declaring(
    edit: impl FnOnce(String) -> String,
    kinds: &str,
    groups: &str,
) -> Vec<(Level, String)> {
    compare(
        &table(BASE),
        &table_of(&edit(BASE.to_owned()), kinds, groups),
    )
    .into_iter()
    .map(|c| (c.level, c.message))
    .collect()
}

#[test]
fn no_change() {
    assert_eq!(changes(|t| t), []);
}

#[test]
fn title_and_description_edits_are_patch() {
    let found = changes(|t| {
        t.replace(
            "Failed Login,User failed to login",
            "Failed Login,User failed to log in",
        )
        .replace("Successful Login,", "Successful Sign-In,")
    });
    assert_eq!(
        found,
        [
            (Level::Patch, "code 2001 `SuccessfulLogin`: title changed from \"Successful Login\" to \"Successful Sign-In\"".to_owned()),
            (Level::Patch, "code 4000 `FailedLogin`: description changed".to_owned()),
        ]
    );
}

#[test]
fn a_new_code_is_minor() {
    let found = changes(|t| {
        t + "4001,FailedLoginInvalidUser,Failed Login (Invalid User),User not found,failure,login,\n"
    });
    assert_eq!(
        found,
        [(
            Level::Minor,
            "new code 4001 `FailedLoginInvalidUser`: Failed Login (Invalid User)".to_owned()
        )]
    );
}

#[test]
fn a_new_kind_or_group_is_minor() {
    let found = changes_declaring(
        |t| t + "100,ApiReadOperation,API Read Operation,,api,api,\n",
        &format!("{KINDS}api,API\n"),
        &format!("{GROUPS}api,API\n"),
    );
    assert_eq!(
        found.iter().map(|(l, _)| *l).collect::<Vec<_>>(),
        [Level::Minor, Level::Minor, Level::Minor]
    );
    assert!(found.iter().any(|(_, m)| m == "new kind `api`: API"));
    assert!(found.iter().any(|(_, m)| m == "new group `api`: API"));
}

#[test]
fn a_display_title_description_or_translation_edit_is_patch() {
    let found = changes_declaring(
        |t| t,
        "kind,title,description\nsuccess,Succeeded,What went well\nfailure,Failure,\n",
        "group,title\nlogin,Sign-in\n",
    );
    assert_eq!(
        found,
        [
            (
                Level::Patch,
                "kind `success`: title changed from \"Success\" to \"Succeeded\"".to_owned()
            ),
            (
                Level::Patch,
                "kind `success`: description changed".to_owned()
            ),
            (
                Level::Patch,
                "group `login`: title changed from \"Login\" to \"Sign-in\"".to_owned()
            ),
        ]
    );
}

#[test]
fn removing_a_declared_group_no_code_uses_is_major() {
    let old = table_of(BASE, KINDS, &format!("{GROUPS}sso,SSO\n"));
    let found: Vec<(Level, String)> = compare(&old, &table(BASE))
        .into_iter()
        .map(|c| (c.level, c.message))
        .collect();
    assert_eq!(
        found,
        [(Level::Major, "group `sso` was removed".to_owned())]
    );
}

#[test]
fn a_deprecation_is_minor_and_its_note_edit_patch() {
    let deprecated = |t: String| {
        t.replace(
            "failure,login,\n4002",
            "failure,login,use 4002 instead\n4002",
        )
    };
    assert_eq!(
        changes(deprecated),
        [(
            Level::Minor,
            "code 4000 `FailedLogin` deprecated: use 4002 instead".to_owned()
        )]
    );
    let old = table(&deprecated(BASE.to_owned()));
    let new = table(&deprecated(BASE.to_owned()).replace("use 4002 instead", "use 4002"));
    assert_eq!(worst(&compare(&old, &new)), Some(Level::Patch));
}

#[test]
fn a_removed_code_is_major() {
    let found = changes(|t| {
        t.replace(
            "4000,FailedLogin,Failed Login,User failed to login,failure,login,\n",
            "",
        )
    });
    assert_eq!(
        found,
        [(
            Level::Major,
            "code 4000 `FailedLogin` was removed; keep it and fill its `deprecated` cell instead"
                .to_owned()
        )]
    );
}

#[test]
fn a_renamed_code_is_major() {
    let found = changes(|t| t.replace("2001,SuccessfulLogin,", "2001,LoginSucceeded,"));
    assert_eq!(
        found,
        [(
            Level::Major,
            "code 2001 renamed from `SuccessfulLogin` to `LoginSucceeded`".to_owned()
        )]
    );
}

#[test]
fn a_name_moved_to_another_number_is_major() {
    let found = changes(|t| t.replace("2001,SuccessfulLogin,", "2002,SuccessfulLogin,"));
    assert_eq!(
        found,
        [(
            Level::Major,
            "name `SuccessfulLogin` moved from 2001 to 2002".to_owned()
        )]
    );
}

#[test]
fn a_reused_number_is_major() {
    let found = changes(|t| {
        t.replace("2001,SuccessfulLogin,", "2002,SuccessfulLogin,")
            + "2001,SessionStarted,Session Started,,success,login,\n"
    });
    assert_eq!(
        found,
        [(
            Level::Major,
            "number 2001 reused for `SessionStarted`; its name `SuccessfulLogin` moved to 2002"
                .to_owned()
        )]
    );
}

#[test]
fn a_changed_kind_or_group_is_major() {
    let found = changes_declaring(
        |t| {
            t.replace(
                "incorrect password,failure,login,",
                "incorrect password,success,password,",
            )
        },
        KINDS,
        &format!("{GROUPS}password,Password\n"),
    );
    assert_eq!(
        found,
        [
            (
                Level::Major,
                "code 4002 `FailedLoginInvalidPassword` changed its kind from `failure` to `success`".to_owned()
            ),
            (
                Level::Major,
                "code 4002 `FailedLoginInvalidPassword` changed its group from `login` to `password`".to_owned()
            ),
            (Level::Minor, "new group `password`: Password".to_owned()),
        ]
    );
}

#[test]
fn a_removed_kind_is_major() {
    let found = changes_declaring(
        |t| t.replace("success,login", "failure,login"),
        "kind,title\nfailure,Failure\n",
        GROUPS,
    );
    assert!(
        found.contains(&(Level::Major, "kind `success` was removed".to_owned())),
        "{found:?}"
    );
}

#[test]
fn major_changes_need_a_breaking_version_bump() {
    for (old, new, allowed) in [
        ("0.1.0", "0.1.0", false),
        ("0.1.0", "0.1.5", false),
        ("0.1.0", "0.2.0", true),
        ("0.0.3", "0.0.4", true),
        ("1.4.2", "1.5.0", false),
        ("1.4.2", "2.0.0", true),
        ("1.4.2", "1.0.0", false),
    ] {
        assert_eq!(
            version_allows(old, new, Level::Major),
            Ok(allowed),
            "{old} -> {new}"
        );
        assert_eq!(version_allows(old, new, Level::Minor), Ok(true));
    }
    assert_eq!(next_breaking("0.1.3").unwrap(), "0.2.0");
    assert_eq!(next_breaking("0.0.3").unwrap(), "0.0.4");
    assert_eq!(next_breaking("1.4.2").unwrap(), "2.0.0");
    assert!(version_allows("one", "0.2.0", Level::Major).is_err());
}

#[test]
fn json_files_compare_like_tables_and_extra_fields_are_ignored() {
    let render =
        |csv: &str, version: &str| json::data(&table(csv), &Package::new(version)).unwrap();
    let old = render(BASE, "0.1.0");
    let new = render(
        &BASE.replace("2001,SuccessfulLogin,", "2001,LoginSucceeded,"),
        "0.2.0",
    )
    .replacen("\"version\"", "\"addedLater\": true,\n  \"version\"", 1);
    let (old_table, old_version) = table_from_json(&old).unwrap();
    let (new_table, new_version) = table_from_json(&new).unwrap();
    assert_eq!(
        (old_version.as_str(), new_version.as_str()),
        ("0.1.0", "0.2.0")
    );
    assert_eq!(old_table, table(BASE));
    let found = compare(&old_table, &new_table);
    assert_eq!(worst(&found), Some(Level::Major));
    assert_eq!(
        version_allows(&old_version, &new_version, Level::Major),
        Ok(true)
    );
}

#[test]
fn changelog_lists_changes_by_level() {
    let found = compare(
        &table(BASE),
        &table(
            &(BASE
                .replace("User not found", "x")
                .replace("Successful Login,", "Successful Sign-In,")
                + "4001,FailedLoginInvalidUser,Failed Login (Invalid User),User not found,failure,login,\n"),
        ),
    );
    assert_eq!(
        changelog("0.2.0", &found),
        "## 0.2.0\n\n### Added\n\n- new code 4001 `FailedLoginInvalidUser`\\: Failed Login (Invalid User)\n\n### Changed text\n\n- code 2001 `SuccessfulLogin`\\: title changed from \"Successful Login\" to \"Successful Sign-In\"\n"
    );
}

/// BASE with a Turkish title for every code and a Turkish description for 2001.
fn with_turkish(csv: &str) -> String {
    let mut out = String::new();
    for (i, line) in csv.lines().enumerate() {
        out.push_str(line);
        out.push_str(match i {
            0 => ",title.tr,description.tr\n",
            1 => ",Başarılı Oturum Açma,Kullanıcı başarıyla oturum açtı\n",
            _ => ",Başarısız,\n",
        });
    }
    out
}

#[test]
fn a_new_locale_is_minor_and_a_removed_one_major() {
    let turkish = with_turkish(BASE);
    let added: Vec<(Level, String)> = compare(&table(BASE), &table(&turkish))
        .into_iter()
        .map(|c| (c.level, c.message))
        .collect();
    assert_eq!(
        added,
        [(
            Level::Minor,
            "new locale `tr` (3/3 titles, 1/3 descriptions, 0/3 kind and group titles)".to_owned()
        )]
    );
    let removed = compare(&table(&turkish), &table(BASE));
    assert_eq!(worst(&removed), Some(Level::Major));
    assert_eq!(removed[0].message, "locale `tr` was removed");
}

#[test]
fn translation_edits_are_patch() {
    let before = with_turkish(BASE);
    let after = before
        .replace("Başarılı Oturum Açma", "Başarılı Giriş")
        .replace("Kullanıcı başarıyla oturum açtı", "")
        .replace(
            "incorrect password,failure,login,,Başarısız,",
            "incorrect password,failure,login,,Başarısız,Yanlış parola",
        );
    let found: Vec<(Level, String)> = compare(&table(&before), &table(&after))
        .into_iter()
        .map(|c| (c.level, c.message))
        .collect();
    assert_eq!(
        found,
        [
            (
                Level::Patch,
                "code 2001 `SuccessfulLogin`: `tr` title translation changed".to_owned()
            ),
            (
                Level::Patch,
                "code 2001 `SuccessfulLogin`: `tr` description no longer translated".to_owned()
            ),
            (
                Level::Patch,
                "code 4002 `FailedLoginInvalidPassword`: `tr` description translated".to_owned()
            ),
        ]
    );
}

#[test]
fn translations_survive_the_json_round_trip() {
    let turkish = table(&with_turkish(BASE));
    let package = Package::new("1.0.0");
    let (from_json, _) = table_from_json(&json::data(&turkish, &package).unwrap()).unwrap();
    assert_eq!(from_json, turkish);
}

/// Cells are text in the changelog: a title with a link, HTML, a bare domain or a code span
/// reads back from Markdown as that text, and only the names are code.
#[test]
fn changelog_cells_stay_text() {
    let hostile = "[click](https://evil.example) <b>x</b> www.evil.com `rm -rf` *y*";
    let found = compare(
        &table(BASE),
        &table(
            &(BASE.to_owned()
                + &format!("4001,FailedLoginInvalidUser,{hostile},,failure,login,\n")),
        ),
    );
    let section = changelog("0.2.0", &found);
    let line = section
        .lines()
        .find(|l| l.starts_with("- new code"))
        .unwrap();
    assert!(
        line.contains("\\[click\\]") && !line.contains("<b>"),
        "{line}"
    );
    assert!(
        line.contains("www\\.evil\\.com") && line.contains("\\`rm"),
        "{line}"
    );
    assert!(line.contains("`FailedLoginInvalidUser`"), "{line}");
}
