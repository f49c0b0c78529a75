//! The generator end to end: on the real table, and on scratch copies of the seed table (a frozen
//! table whose rows these tests may name; the real table may change).

use crate::common;

use std::fs;

use crate::common::{files_under, scratch, seed_into};
use xtask::{Failure, Mode, Options, generate, workspace_root};

/// Plain `cargo test` fails when someone edited `codes.csv` (or the generator) and forgot to run
/// `cargo xtask gen`.
#[test]
fn committed_artifacts_are_up_to_date() {
    match generate(&Options::workspace(Mode::Check)) {
        Ok(summary) => assert!(summary.written.is_empty()),
        Err(Failure::Stale(diffs)) => panic!(
            "generated files are stale; run `cargo xtask gen` and commit:\n{}",
            diffs
                .iter()
                .map(|d| d.diff.as_str())
                .collect::<Vec<_>>()
                .join("\n")
        ),
        Err(other) => panic!("{other:?}"),
    }
}

fn seed_table() -> String {
    fs::read_to_string(common::seed_dir().join("codes.csv")).unwrap()
}

#[test]
fn editing_a_title_makes_check_fail_with_a_diff() {
    let dir = scratch("edited-title");
    let input = seed_into(&dir);
    let write = Options {
        input: input.clone(),
        out_dir: dir.join("out"),
        ..Options::workspace(Mode::Write)
    };
    generate(&write).unwrap();
    let edited = seed_table().replace("Successful Login,", "Successful Sign-In,");
    fs::write(&input, edited).unwrap();
    let options = Options {
        mode: Mode::Check,
        ..write
    };
    let Err(Failure::Stale(diffs)) = generate(&options) else {
        panic!("an edited title must make --check fail");
    };
    let all = diffs
        .iter()
        .map(|d| d.diff.as_str())
        .collect::<Vec<_>>()
        .join("\n");
    assert!(all.contains("+    \"Successful Sign-In\""), "{all}");
}

/// `--require-complete tr` on a table with one Turkish description missing: an error at that
/// cell, and nothing written; without it the table is valid and the summary has the coverage.
#[test]
fn require_complete_turns_a_missing_translation_into_an_error() {
    let dir = scratch("require-complete");
    let input = seed_into(&dir);
    let table = seed_table();
    let row = table.lines().find(|l| l.starts_with("2001,")).unwrap();
    let (kept, _) = row.rsplit_once(',').unwrap();
    fs::write(&input, table.replacen(row, &format!("{kept},"), 1)).unwrap();
    let out_dir = dir.join("out");
    let options = Options {
        input,
        out_dir: out_dir.clone(),
        ..Options::workspace(Mode::Write)
    };
    let strict = Options {
        require_complete: vec!["tr".into()],
        ..options.clone()
    };
    let Err(Failure::InvalidTable(invalid)) = generate(&strict) else {
        panic!("a missing translation must fail with --require-complete tr");
    };
    let rendered = &invalid.rendered;
    assert!(rendered.contains("codes.csv:7:"), "{rendered}");
    assert!(rendered.contains("missing `tr` description"), "{rendered}");
    assert!(!out_dir.exists(), "nothing may be written");
    let summary = generate(&options).unwrap();
    let coverage: Vec<String> = (summary.coverage.iter())
        .map(|(tag, c)| format!("{tag}: {c}"))
        .collect();
    assert_eq!(
        coverage,
        ["tr: 38/38 titles, 31/32 descriptions, 19/19 kind and group titles"]
    );
}

/// Removing a locale from the table removes its docs page and npm module: `--check` reports
/// them, `gen` deletes them, and a hand-written page beside them is left alone.
#[test]
fn the_page_of_a_removed_locale_is_removed() {
    let dir = scratch("removed-locale");
    let input = seed_into(&dir);
    let out_dir = dir.join("out");
    let write = Options {
        input: input.clone(),
        out_dir: out_dir.clone(),
        ..Options::workspace(Mode::Write)
    };
    generate(&write).unwrap();
    let page = out_dir.join("docs/tr/log-event-types.md");
    assert!(page.is_file());
    let notes = out_dir.join("docs/notes/log-event-types.md");
    fs::create_dir_all(notes.parent().unwrap()).unwrap();
    fs::write(&notes, "# Hand-written\n").unwrap();

    let sheets = xtask::sheets::read_sheets(&input).unwrap();
    let (table, _) = log_codes_codegen::testing::parse(&sheets.input());
    let mut english_only = table.unwrap();
    english_only.locales.clear();
    for code in &mut english_only.codes {
        code.translations.clear();
    }
    for word in english_only
        .kinds
        .iter_mut()
        .chain(&mut english_only.groups)
    {
        word.translations.clear();
    }
    let canonical = log_codes_codegen::canonical::to_sheets(&english_only);
    xtask::sheets::write_sheets(&input, &canonical).unwrap();

    let check = Options {
        mode: Mode::Check,
        ..write.clone()
    };
    let Err(Failure::Stale(diffs)) = generate(&check) else {
        panic!("--check must report the page of the removed locale");
    };
    assert!(
        diffs.iter().any(|d| d.diff.contains("no longer produces")),
        "{diffs:?}"
    );
    assert!(page.is_file(), "--check writes nothing");

    let summary = generate(&write).unwrap();
    // The page and the npm package's module and declarations of the locale.
    assert_eq!(summary.removed.len(), 3, "{summary:?}");
    assert!(
        !out_dir.join("ts/locales").exists(),
        "the locale modules and their directory go too: {summary:?}"
    );
    assert!(!page.exists() && !page.parent().unwrap().exists());
    assert!(notes.is_file(), "a hand-written file is not ours to delete");
    generate(&check).unwrap();
}

#[test]
fn gen_writes_once_then_leaves_files_alone() {
    let dir = scratch("twice");
    let input = seed_into(&dir);
    let out_dir = dir.join("out");
    let options = Options {
        input,
        out_dir: out_dir.clone(),
        ..Options::workspace(Mode::Write)
    };
    let first = generate(&options).unwrap();
    assert!(!first.written.is_empty());
    assert_eq!(first.unchanged, 0);
    let mtimes: Vec<_> = files_under(&out_dir)
        .iter()
        .map(|p| fs::metadata(p).unwrap().modified().unwrap())
        .collect();
    std::thread::sleep(std::time::Duration::from_millis(20));
    let second = generate(&options).unwrap();
    assert!(second.written.is_empty());
    assert_eq!(second.unchanged, first.written.len());
    let again: Vec<_> = files_under(&out_dir)
        .iter()
        .map(|p| fs::metadata(p).unwrap().modified().unwrap())
        .collect();
    assert_eq!(mtimes, again, "an unchanged file must keep its mtime");
    generate(&Options {
        mode: Mode::Check,
        ..options
    })
    .unwrap();
}

#[test]
fn an_invalid_table_writes_nothing() {
    let dir = scratch("invalid");
    let input = seed_into(&dir);
    let broken = seed_table()
        .replace("2010,SuccessfulSignup", "2001,SuccessfulSignup")
        .replace("FailedMfa,Failed MFA", "failed_mfa,Failed MFA")
        .replace("4300,HookFailed,Hook Failed", "4300,HookFailed,");
    fs::write(&input, broken).unwrap();
    let out_dir = dir.join("out");
    let options = Options {
        input,
        out_dir: out_dir.clone(),
        ..Options::workspace(Mode::Write)
    };
    let Err(Failure::InvalidTable(invalid)) = generate(&options) else {
        panic!("the table is invalid");
    };
    let rendered = &invalid.rendered;
    assert!(rendered.contains("3 errors"), "{rendered}");
    // The same places as data, for `--format json` and `github`.
    let located: Vec<String> = (invalid.problems.iter())
        .map(|p| format!("{}:{}:{}", p.file, p.line, p.column))
        .collect();
    for expected in ["codes.csv:8:1", "codes.csv:35:6", "codes.csv:33:17"] {
        assert!(rendered.contains(expected), "{expected} in {rendered}");
        assert!(
            located.iter().any(|l| l.ends_with(expected)),
            "{expected} in {located:?}"
        );
    }
    assert!(!out_dir.exists(), "nothing may be written");
}

/// JSON cannot say it is generated, so `.gitattributes` says it for every artifact (asked of git
/// itself, so patterns such as the one for the translated docs pages count).
#[test]
fn every_artifact_is_marked_generated_in_gitattributes() {
    let sheets = xtask::sheets::read_sheets(&workspace_root().join("codes.csv")).unwrap();
    let (table, _) = log_codes_codegen::testing::parse(&sheets.input());
    let package =
        log_codes_codegen::Package::new(xtask::workspace_version(&workspace_root()).unwrap());
    let artifacts =
        log_codes_codegen::testing::render::render_all(&table.unwrap(), &package).unwrap();
    let paths: Vec<String> = (artifacts.iter())
        .map(|a| format!("crates/log-codes/{}", a.path))
        .collect();
    let output = std::process::Command::new("git")
        .args(["check-attr", "linguist-generated", "--"])
        .args(&paths)
        .current_dir(workspace_root())
        .output()
        .unwrap();
    assert!(output.status.success());
    let answers = String::from_utf8(output.stdout).unwrap();
    for path in &paths {
        let line = format!("{path}: linguist-generated: true");
        assert!(
            answers.lines().any(|l| l == line),
            "not marked in .gitattributes: {path}\n{answers}"
        );
    }
}

/// The committed Rust module is what `Config` gives a build script: the repository's
/// configuration (`workspace_config`) on the real sheets renders it byte for byte.
#[test]
fn the_crate_is_what_config_gives_a_build_script() {
    let root = workspace_root();
    let sheets = xtask::sheets::read_sheets(&root.join("codes.csv")).unwrap();
    let generated = xtask::workspace_config(&root)
        .unwrap()
        .generate(&sheets.sources("codes.csv"))
        .unwrap();
    let committed = fs::read_to_string(root.join("crates/log-codes/src/generated.rs")).unwrap();
    assert!(
        generated.file("src/generated.rs") == Some(committed.as_str()),
        "crates/log-codes/src/generated.rs is not what Config generates: run `cargo xtask gen`"
    );
    let lib = fs::read_to_string(root.join("crates/log-codes/src/lib.rs")).unwrap();
    assert!(lib.contains("include!(\"generated.rs\");"));
    assert!(
        !committed.lines().any(|l| l.starts_with("#![")),
        "no inner attribute"
    );
}
