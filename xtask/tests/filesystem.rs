//! The file system as an unlucky user or an attacker leaves it: files the generator does not
//! own, links, odd inputs, relative paths with `--base`, and two runs at once.

use crate::common;

use std::fs;
use std::path::Path;
use std::process::{Command, Output};

use crate::common::scratch;
use xtask::workspace_root;

fn xtask(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_xtask"))
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap()
}

fn table(dir: &Path) -> std::path::PathBuf {
    common::real_into(dir)
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[test]
fn a_file_the_generator_does_not_own_is_never_replaced() {
    let dir = scratch("fs-owned");
    table(&dir);
    let out = dir.join("out");
    for (path, text) in [
        ("src/generated.rs", "// my own code\n"),
        ("log-codes.json", "{\"mine\": true}\n"),
        (
            "ts/package.json",
            "{\"name\": \"my-app\", \"type\": \"module\"}\n",
        ),
    ] {
        let _ = fs::remove_dir_all(&out);
        let file = out.join(path);
        fs::create_dir_all(file.parent().unwrap()).unwrap();
        fs::write(&file, text).unwrap();
        let output = xtask(&["gen", "--input", "codes.csv", "--out-dir", "out"], &dir);
        assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
        assert!(
            stderr(&output).contains("is in the way"),
            "{}",
            stderr(&output)
        );
        assert_eq!(fs::read_to_string(&file).unwrap(), text, "{path} untouched");
        assert_eq!(
            common::files_under(&out).len(),
            1,
            "nothing else was written"
        );
    }
    // Generated files, JSON ones included, are replaced on the next run.
    let _ = fs::remove_dir_all(&out);
    assert!(
        xtask(&["gen", "--input", "codes.csv", "--out-dir", "out"], &dir)
            .status
            .success()
    );
    another_table(&dir.join("codes.csv"));
    let output = xtask(&["gen", "--input", "codes.csv", "--out-dir", "out"], &dir);
    assert!(output.status.success(), "{}", stderr(&output));
}

/// Replaces the table with one that changes every artifact, whatever the real table holds.
fn another_table(input: &Path) {
    let before = fs::read_to_string(input).unwrap();
    let other = log_codes_codegen::synthetic::synthetic_table(50);
    assert_ne!(before, other.codes);
    xtask::sheets::write_sheets(input, &other).unwrap();
}

#[test]
fn a_file_where_a_directory_must_be_stops_the_run_before_any_write() {
    let dir = scratch("fs-dir-file");
    table(&dir);
    let out = dir.join("out");
    fs::create_dir_all(&out).unwrap();
    fs::write(out.join("ts"), "not a directory").unwrap();
    let output = xtask(&["gen", "--input", "codes.csv", "--out-dir", "out"], &dir);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("is a file, where a directory must be"),
        "{}",
        stderr(&output)
    );
    assert!(
        !out.join("src").exists(),
        "the Rust artifact was not written either"
    );
}

#[test]
fn inputs_that_are_not_tables_are_refused_without_reading_them() {
    let dir = scratch("fs-input");
    fs::create_dir_all(dir.join("a-directory")).unwrap();
    for (input, expected) in [
        ("a-directory", "it is a directory"),
        ("/dev/zero", "not a regular file"),
        ("missing.csv", "cannot read missing.csv"),
    ] {
        let output = xtask(
            &["gen", "--check", "--input", input, "--out-dir", "out"],
            &dir,
        );
        assert_eq!(output.status.code(), Some(2));
        assert!(
            stderr(&output).contains(expected),
            "{input}: {}",
            stderr(&output)
        );
    }
    // A sparse file past the limit is refused by its size, at once.
    let big = fs::File::create(dir.join("big.csv")).unwrap();
    big.set_len(xtask::sheets::MAX_INPUT + 1).unwrap();
    let output = xtask(
        &["gen", "--check", "--input", "big.csv", "--out-dir", "out"],
        &dir,
    );
    assert!(
        stderr(&output).contains("more than the 256 MiB"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn base_compares_the_same_file_and_refuses_one_outside_the_repository() {
    let root = workspace_root();
    let outside = common::Outside::new("fs-base");
    let outside = &outside.0;
    table(outside);
    let output = xtask(
        &[
            "gen",
            "--check",
            "--base",
            "HEAD",
            "--input",
            "codes.csv",
            "--out-dir",
            "out",
        ],
        outside,
    );
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("is outside the repository"),
        "{}",
        stderr(&output)
    );
    // Relative to another directory of the repository, the same file is found at the revision.
    let output = Command::new(env!("CARGO_BIN_EXE_xtask"))
        .args([
            "gen",
            "--check",
            "--base",
            "HEAD",
            "--input",
            "../codes.csv",
        ])
        .current_dir(root.join("crates"))
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        !stdout.contains("has no table"),
        "{stdout}{}",
        stderr(&output)
    );
}

#[cfg(unix)]
#[test]
fn fmt_through_a_link_rewrites_the_target_and_keeps_the_link() {
    let dir = scratch("fs-fmt-link");
    let real = dir.join("real.csv");
    // The seed table is in canonical form (the real one need not be: an editor may have
    // appended a row out of order).
    let input = common::seed_into(&dir);
    let csv = fs::read_to_string(&input).unwrap();
    fs::remove_file(&input).unwrap();
    fs::write(&real, csv.replace('\n', "\r\n")).unwrap();
    std::os::unix::fs::symlink(&real, dir.join("codes.csv")).unwrap();
    let output = xtask(&["fmt", "--input", "codes.csv"], &dir);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(
        fs::symlink_metadata(dir.join("codes.csv"))
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(fs::read_to_string(&real).unwrap(), csv);
}

#[cfg(unix)]
#[test]
fn orphan_cleanup_follows_no_link_and_leaves_hand_written_files() {
    let dir = scratch("fs-orphans");
    table(&dir);
    let out = dir.join("out");
    assert!(
        xtask(&["gen", "--input", "codes.csv", "--out-dir", "out"], &dir)
            .status
            .success()
    );
    let elsewhere = dir.join("elsewhere");
    fs::create_dir_all(&elsewhere).unwrap();
    let victim = elsewhere.join("log-event-types.md");
    let notice = log_codes_codegen::testing::render::GENERATED_NOTICE;
    fs::write(&victim, format!("<!-- {notice} -->\n")).unwrap();
    std::os::unix::fs::symlink(&elsewhere, out.join("docs/linked")).unwrap();
    fs::create_dir_all(out.join("docs/binary")).unwrap();
    fs::write(
        out.join("docs/binary/log-event-types.md"),
        b"\xff\xfe\x00not text",
    )
    .unwrap();
    fs::create_dir_all(out.join("docs/mine")).unwrap();
    fs::write(out.join("docs/mine/log-event-types.md"), "# my page\n").unwrap();
    let output = xtask(&["gen", "--input", "codes.csv", "--out-dir", "out"], &dir);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(victim.exists(), "a linked directory is not followed");
    assert!(out.join("docs/binary/log-event-types.md").exists());
    assert!(out.join("docs/mine/log-event-types.md").exists());
}

/// Two runs on one output directory: the second waits for the first and says so, and the files
/// are all from one table.
#[test]
fn a_second_run_waits_for_the_first() {
    let dir = scratch("fs-lock");
    table(&dir);
    let out = dir.join("out");
    fs::create_dir_all(&out).unwrap();
    let held = xtask::files::lock(&out, true).unwrap();
    let mut waiting = Command::new(env!("CARGO_BIN_EXE_xtask"))
        .args(["gen", "--input", "codes.csv", "--out-dir", "out"])
        .current_dir(&dir)
        .stderr(std::process::Stdio::piped())
        .stdout(std::process::Stdio::null())
        .spawn()
        .unwrap();
    std::thread::sleep(std::time::Duration::from_millis(1500));
    assert!(
        waiting.try_wait().unwrap().is_none(),
        "the second run waits"
    );
    assert!(!out.join("src").exists(), "and has written nothing");
    drop(held);
    let output = waiting.wait_with_output().unwrap();
    assert!(output.status.success());
    assert!(
        stderr(&output).contains("Blocking waiting for file lock"),
        "{}",
        stderr(&output)
    );
    assert!(out.join("src/generated.rs").exists());
}

/// `compat` reads JSON like a table (a duplicate code is an error, not "no change"), prints
/// cells escaped, and its exit status is the verdict, also for CSV files and downgrades.
#[test]
fn compat_validates_json_and_its_exit_status_is_the_verdict() {
    let dir = scratch("compat-verdict");
    let input = table(&dir);
    assert!(
        xtask(&["gen", "--input", "codes.csv", "--out-dir", "out"], &dir)
            .status
            .success()
    );
    let json = fs::read_to_string(dir.join("out/log-codes.json")).unwrap();
    // `compat` from the generated JSON to a copy with one edit.
    let compat_with = |file: &str, edit: &dyn Fn(&mut serde_json::Value)| {
        let mut data: serde_json::Value = serde_json::from_str(&json).unwrap();
        edit(&mut data);
        fs::write(dir.join(file), data.to_string()).unwrap();
        xtask(&["compat", "out/log-codes.json", file], &dir)
    };

    // A duplicate code.
    let output = compat_with("dup.json", &|data| {
        let codes = data["codes"].as_array_mut().unwrap();
        let first = codes[0].clone();
        codes.push(first);
    });
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("is used twice"),
        "{}",
        stderr(&output)
    );

    // A title that would drive the terminal.
    let output = compat_with("escape.json", &|data| {
        data["codes"][0]["title"] = "\u{1b}[2J\u{1b}[1;1Hcompatibility: no change".into();
    });
    let all = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        stderr(&output)
    );
    assert!(!all.contains('\u{1b}'), "{all}");
    assert_eq!(output.status.code(), Some(1), "{all}");

    // A major change between CSV files fails.
    let csv = fs::read_to_string(&input).unwrap();
    let removed: String = csv
        .lines()
        .take(1)
        .chain(csv.lines().skip(2))
        .map(|l| format!("{l}\n"))
        .collect();
    fs::write(dir.join("removed.csv"), removed).unwrap();
    let output = xtask(&["compat", "codes.csv", "removed.csv"], &dir);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));

    // A version that goes backwards fails.
    let output = compat_with("older.json", &|data| data["version"] = "0.0.1".into());
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("goes backwards"),
        "{}",
        stderr(&output)
    );
}

/// A directory that takes no new file (immutable here, as a read-only mount would be) is found
/// before the first write: the Rust artifact is not left new with the TypeScript one old.
#[cfg(unix)]
#[test]
fn an_unwritable_directory_stops_the_run_before_any_write() {
    struct Mutable<'a>(&'a Path);
    impl Drop for Mutable<'_> {
        fn drop(&mut self) {
            let _ = Command::new("chattr").arg("-i").arg(self.0).status();
        }
    }
    let dir = scratch("fs-unwritable");
    let input = table(&dir);
    let out = dir.join("out");
    assert!(
        xtask(&["gen", "--input", "codes.csv", "--out-dir", "out"], &dir)
            .status
            .success()
    );
    let before = fs::read(out.join("src/generated.rs")).unwrap();
    let locked = out.join("ts");
    let immutable = Command::new("chattr").arg("+i").arg(&locked).status();
    if !immutable.is_ok_and(|s| s.success()) {
        eprintln!("chattr +i is not available here; nothing to test");
        return;
    }
    let _restore = Mutable(&locked);
    another_table(&input);
    let output = xtask(&["gen", "--input", "codes.csv", "--out-dir", "out"], &dir);
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("cannot be written to"),
        "{}",
        stderr(&output)
    );
    assert_eq!(fs::read(out.join("src/generated.rs")).unwrap(), before);
}

#[test]
fn an_empty_out_dir_is_refused() {
    let dir = scratch("fs-empty-out");
    table(&dir);
    let output = xtask(&["gen", "--input", "codes.csv", "--out-dir", ""], &dir);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("--out-dir needs a directory"),
        "{}",
        stderr(&output)
    );
    assert_eq!(
        fs::read_dir(&dir).unwrap().count(),
        3,
        "nothing written beside the table's three sheets"
    );
}
