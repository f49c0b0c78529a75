//! The generator end to end, on the real table and on scratch copies of it.

use std::fs;

mod common;

use common::{files_under, scratch};
use xtask::{Failure, Mode, Options, generate, workspace_root};

/// Plain `cargo test` fails when someone edited `codes.csv` (or the generator) and forgot to run
/// `cargo xtask gen`.
#[test]
fn committed_artifacts_are_up_to_date() {
    match generate(&Options::workspace(Mode::Check)) {
        Ok(summary) => assert!(summary.written.is_empty()),
        Err(Failure::Stale(diffs)) => panic!(
            "generated files are stale; run `cargo xtask gen` and commit:\n{}",
            diffs.join("\n")
        ),
        Err(other) => panic!("{other:?}"),
    }
}

fn real_table() -> String {
    fs::read_to_string(workspace_root().join("codes.csv")).unwrap()
}

#[test]
fn editing_a_title_makes_check_fail_with_a_diff() {
    let dir = scratch("edited-title");
    let input = dir.join("codes.csv");
    let edited = real_table().replace("Successful Login,", "Successful Sign-In,");
    fs::write(&input, edited).unwrap();
    let options = Options {
        input,
        ..Options::workspace(Mode::Check)
    };
    let Err(Failure::Stale(diffs)) = generate(&options) else {
        panic!("an edited title must make --check fail");
    };
    let all = diffs.join("\n");
    assert!(all.contains("+    \"Successful Sign-In\""), "{all}");
}

#[test]
fn gen_writes_once_then_leaves_files_alone() {
    let dir = scratch("twice");
    let input = dir.join("codes.csv");
    fs::write(&input, real_table()).unwrap();
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
    let input = dir.join("codes.csv");
    let broken = real_table()
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
    let Err(Failure::InvalidTable(rendered)) = generate(&options) else {
        panic!("the table is invalid");
    };
    assert!(rendered.contains("3 errors"), "{rendered}");
    for expected in ["codes.csv:8:1", "codes.csv:35:6", "codes.csv:33:17"] {
        assert!(rendered.contains(expected), "{expected} in {rendered}");
    }
    assert!(!out_dir.exists(), "nothing may be written");
}

/// JSON cannot say it is generated, so `.gitattributes` says it for every artifact.
#[test]
fn every_artifact_is_marked_generated_in_gitattributes() {
    let attributes = fs::read_to_string(workspace_root().join(".gitattributes")).unwrap();
    let table = fs::read(workspace_root().join("codes.csv")).unwrap();
    let (table, _) = log_codes_codegen::parse(&table);
    let package = log_codes_codegen::Package {
        version: xtask::workspace_version(&workspace_root()).unwrap(),
    };
    for artifact in log_codes_codegen::render_all(&table.unwrap(), &package).unwrap() {
        let line = format!("crates/log-codes/{} linguist-generated=true", artifact.path);
        assert!(
            attributes.lines().any(|l| l == line),
            "missing in .gitattributes: {line}"
        );
    }
}
