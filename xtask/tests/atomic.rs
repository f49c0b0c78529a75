//! A run killed at the worst moment (a temporary file written, not yet renamed) leaves every file
//! either old or new; `--check` reports the mixed state; the next `gen` repairs it and removes the
//! leftover temporary file.

use crate::common;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::common::{files_under, scratch};
use xtask::{Failure, Mode, Options, generate};

fn snapshot(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    files_under(dir)
        .into_iter()
        .map(|p| (p.clone(), fs::read(&p).unwrap()))
        .collect()
}

#[test]
fn a_killed_run_leaves_old_or_new_files_and_the_next_run_repairs_it() {
    let dir = scratch("atomic");
    // The seed table, whose columns, words and free numbers are known.
    let input = common::seed_into(&dir);
    let out = dir.join("out");
    let table = fs::read_to_string(&input).unwrap();
    let options = Options {
        input: input.clone(),
        out_dir: out.clone(),
        ..Options::workspace(Mode::Write)
    };
    generate(&options).unwrap();
    let old = snapshot(&out);

    // An edit that changes every artifact: a new code.
    fs::write(
        &input,
        format!("{table}4999,NewEvent,New Event,,failure,login,,,\n"),
    )
    .unwrap();
    let status = Command::new(env!("CARGO_BIN_EXE_xtask"))
        .args(["gen", "--input"])
        .arg(&input)
        .arg("--out-dir")
        .arg(&out)
        .env("LOG_CODES_GEN_ABORT_BEFORE_RENAME", "3")
        .status()
        .unwrap();
    assert!(!status.success(), "the hook aborts the run");

    let temps: Vec<PathBuf> = files_under(&out)
        .into_iter()
        .filter(|p| p.to_string_lossy().ends_with(".tmp"))
        .collect();
    assert_eq!(
        temps.len(),
        1,
        "the interrupted write left its temporary file: {temps:?}"
    );
    let (mut new_files, mut old_files) = (0, 0);
    for (path, before) in &old {
        let now = fs::read(path).unwrap();
        if &now == before {
            old_files += 1;
        } else {
            new_files += 1;
        }
    }
    assert_eq!(
        new_files, 2,
        "two files were renamed into place before the kill"
    );
    assert!(old_files > 0);

    let check = Options {
        mode: Mode::Check,
        ..options.clone()
    };
    let Err(Failure::Stale(diffs)) = generate(&check) else {
        panic!("--check must report the mixed state")
    };
    // Some artifacts (the schema, package.json) do not change with a new code: only the others
    // are stale.
    assert!(!diffs.is_empty() && diffs.len() <= old_files);

    let repaired = generate(&options).unwrap();
    assert_eq!(repaired.written.len(), diffs.len());
    assert!(
        files_under(&out)
            .iter()
            .all(|p| !p.to_string_lossy().ends_with(".tmp")),
        "no temporary file left"
    );
    generate(&check).unwrap();
}
