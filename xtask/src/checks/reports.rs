//! The reports as data, checked end to end: each command's `--format json` output, of a valid
//! and of a broken table, validates against its schema (`xtask/schemas/`, with ajv); `--format
//! github` writes exactly one workflow command per problem for every invalid table of the hostile
//! corpus, and nothing a cell could turn into another command; every format exits as the text
//! does.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::Failure;
use crate::report::github::SHOWN;

/// One command line to report on, in every format.
struct Case {
    name: String,
    args: Vec<String>,
    /// The exit status the verdict must be.
    exit: i32,
}

/// What a run printed and how it ended.
struct Run {
    stdout: String,
    exit: i32,
}

fn run(args: &[String], format: &str) -> Result<Run, Failure> {
    let output = Command::new(crate::project::xtask_exe()?)
        .args(args)
        .args(["--format", format])
        .env("NO_COLOR", "1")
        .output()?;
    Ok(Run {
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        exit: output.status.code().unwrap_or(-1),
    })
}

fn args(words: &[&str]) -> Vec<String> {
    words.iter().map(|w| w.to_string()).collect()
}

fn shown(path: &Path) -> String {
    path.display().to_string()
}

/// Copies the real table's sheets into `dir`, optionally editing the codes sheet.
fn table(root: &Path, dir: &Path, edit: impl Fn(String) -> String) -> Result<PathBuf, Failure> {
    fs::create_dir_all(dir)?;
    for sheet in ["kinds.csv", "groups.csv"] {
        fs::copy(root.join(sheet), dir.join(sheet))?;
    }
    let codes = dir.join("codes.csv");
    fs::write(&codes, edit(fs::read_to_string(root.join("codes.csv"))?))?;
    Ok(codes)
}

/// Runs every case in every format; returns a summary.
pub fn run_all(root: &Path) -> Result<String, Failure> {
    let work = crate::target_dir().join("xtask-reports");
    let _ = fs::remove_dir_all(&work);
    let reports = work.join("reports");
    fs::create_dir_all(&reports)?;
    let valid = table(root, &work.join("valid"), |csv| csv)?;
    let broken = table(root, &work.join("broken"), |csv| {
        csv + "x,bad_name,\"Two\nlines ::error::forged\",failur,login\n"
    })?;
    // A code removed: a breaking change that a CSV file's missing version cannot allow.
    let removed = table(root, &work.join("removed"), |csv| {
        let mut lines: Vec<&str> = csv.lines().collect();
        lines.remove(1);
        lines.join("\n") + "\n"
    })?;
    // More problems than GitHub shows: the first ones annotated, then the summary line.
    let many = work.join("many/codes.csv");
    crate::sheets::write_sheets(
        &many,
        &log_codes_codegen::synthetic::synthetic_bad_table(3 * SHOWN),
    )?;
    let out = work.join("out");
    let json = root.join("crates/log-codes/log-codes.json");
    // `gen --check` of a generated directory whose table has changed since: stale files.
    let retitled = table(root, &work.join("retitled"), |csv| {
        csv.replacen("Successful", "Succeeded", 1)
    })?;
    let checked = work.join("checked");
    let status = Command::new(crate::project::xtask_exe()?)
        .args([
            "gen",
            "--input",
            &shown(&valid),
            "--out-dir",
            &shown(&checked),
        ])
        .output()?;
    if !status.status.success() {
        return Err(Failure::Other("gen of the real table failed".to_owned()));
    }
    let case = |name: &str, words: &[&str], exit| Case {
        name: name.to_owned(),
        args: args(words),
        exit,
    };
    let mut cases = vec![
        case(
            "gen-valid",
            &["gen", "--input", &shown(&valid), "--out-dir", &shown(&out)],
            0,
        ),
        case(
            "gen-broken",
            &["gen", "--input", &shown(&broken), "--out-dir", &shown(&out)],
            1,
        ),
        case(
            "gen-many-broken",
            &["gen", "--input", &shown(&many), "--out-dir", &shown(&out)],
            1,
        ),
        case(
            "gen-missing",
            &["gen", "--input", &shown(&work.join("none.csv"))],
            2,
        ),
        case(
            "gen-check-fresh",
            &[
                "gen",
                "--check",
                "--input",
                &shown(&valid),
                "--out-dir",
                &shown(&checked),
            ],
            0,
        ),
        case(
            "gen-check-stale",
            &[
                "gen",
                "--check",
                "--input",
                &shown(&retitled),
                "--out-dir",
                &shown(&checked),
            ],
            1,
        ),
        case("gen-check-base", &["gen", "--check", "--base", "HEAD"], 0),
        case("compat-same", &["compat", &shown(&json), &shown(&json)], 0),
        case(
            "compat-removed",
            &["compat", &shown(&json), &shown(&removed)],
            1,
        ),
        case(
            "compat-broken",
            &["compat", &shown(&json), &shown(&broken)],
            1,
        ),
        case("changelog-valid", &["changelog", "--base", "HEAD"], 0),
        case(
            "changelog-broken",
            &["changelog", "--base", "HEAD", "--input", &shown(&broken)],
            1,
        ),
    ];
    let mut hostile = 0;
    let corpus = root.join("crates/codegen/tests/corpus");
    let mut dirs: Vec<PathBuf> = fs::read_dir(&corpus)?
        .map(|entry| entry.map(|e| e.path()))
        .collect::<Result<_, _>>()?;
    dirs.sort();
    for dir in dirs.iter().filter(|d| d.join("codes.csv").is_file()) {
        let expected = fs::read_to_string(dir.join("expected")).unwrap_or_default();
        if expected.lines().last().is_some_and(|l| l.starts_with("ok")) {
            continue;
        }
        hostile += 1;
        let name = dir.file_name().unwrap_or_default().to_string_lossy();
        let codes = shown(&dir.join("codes.csv"));
        let out = shown(&work.join("corpus-out"));
        cases.push(case(
            &format!("corpus-{name}"),
            &["gen", "--input", &codes, "--out-dir", &out],
            1,
        ));
    }
    let mut annotations = 0;
    for case in &cases {
        let text = run(&case.args, "text")?;
        let json = run(&case.args, "json")?;
        let github = run(&case.args, "github")?;
        for (format, found) in [("text", &text), ("json", &json), ("github", &github)] {
            if found.exit != case.exit {
                return Err(Failure::Other(format!(
                    "{}: --format {format} exited {} instead of {}:\n{}",
                    case.name, found.exit, case.exit, found.stdout
                )));
            }
        }
        let document: serde_json::Value = serde_json::from_str(&json.stdout).map_err(|e| {
            Failure::Other(format!(
                "{}: not one JSON document ({e}):\n{}",
                case.name, json.stdout
            ))
        })?;
        fs::write(reports.join(format!("{}.json", case.name)), &json.stdout)?;
        annotations += check_commands(&case.name, &github.stdout, &document)?;
    }
    let checked_streams = check_reports(root, &work, &reports)?;
    let node = Command::new("node")
        .arg(root.join("crates/log-codes/ts-checks/validate-reports.mjs"))
        .arg(&reports)
        .arg(root.join("xtask/schemas"))
        .arg(root.join("crates/cli/schemas"))
        .current_dir(root.join("crates/log-codes/ts-checks"))
        .status()?;
    if !node.success() {
        return Err(Failure::Other(
            "a JSON report does not match its schema".to_owned(),
        ));
    }
    Ok(format!(
        "reports: {} command lines, each in text, json (valid against its schema) and github with the same exit status; {hostile} invalid corpus tables among them; {annotations} workflow commands, one per problem up to {SHOWN} and then a summary line, none forged; {checked_streams} `log-codes check` reports valid against theirs",
        cases.len()
    ))
}

/// `log-codes check --format json` on a passing and a failing stream (every finding, gates of
/// both kinds, `--table`), written beside the xtask's reports for the schema check.
fn check_reports(root: &Path, work: &Path, reports: &Path) -> Result<usize, Failure> {
    let tool = crate::project::log_codes_tool(root)?;
    let catalog = log_codes_cli::catalog::Catalog::compiled();
    let stream = work.join("events.ndjson");
    let mut text = Vec::new();
    log_codes_cli::synthetic::write(
        &catalog,
        &log_codes_cli::synthetic::Spec::realistic(5_000, 3),
        &mut text,
    )?;
    fs::write(&stream, text)?;
    let clean = work.join("clean.ndjson");
    fs::write(
        &clean,
        format!("{{\"type\":{}}}\n", catalog.entries[0].code),
    )?;
    let table = root.join("crates/log-codes/log-codes.json");
    let (stream, clean, table) = (
        stream.display().to_string(),
        clean.display().to_string(),
        table.display().to_string(),
    );
    let cases: [(&str, Vec<&str>, i32); 3] = [
        ("check-passed", vec![clean.as_str()], 0),
        (
            "check-failed",
            vec![
                "--fail-on",
                "unknown,deprecated,malformed,missing-field,not-a-code",
                "--min-coverage",
                "1",
                stream.as_str(),
            ],
            1,
        ),
        (
            "check-table",
            vec![
                "--table",
                table.as_str(),
                "--field",
                "type",
                stream.as_str(),
            ],
            0,
        ),
    ];
    for (name, args, expected) in &cases {
        let output = Command::new(&tool)
            .args(["check", "--format", "json"])
            .args(args)
            .output()?;
        if output.status.code() != Some(*expected) {
            return Err(Failure::Other(format!(
                "log-codes check {}: exit {:?} instead of {expected}:\n{}",
                args.join(" "),
                output.status.code(),
                String::from_utf8_lossy(&output.stderr)
            )));
        }
        fs::write(reports.join(format!("{name}.json")), &output.stdout)?;
    }
    Ok(cases.len())
}

/// Checks that `--format github` wrote one command per problem of the JSON report (the first
/// [`SHOWN`], then a plain summary line) and nothing else; returns how many commands.
fn check_commands(
    case: &str,
    github: &str,
    document: &serde_json::Value,
) -> Result<usize, Failure> {
    let problems = document["problems"].as_array().map_or(0, Vec::len);
    let fail = |why: String| Err(Failure::Other(format!("{case}: {why}:\n{github}")));
    let mut commands = 0;
    for line in github.lines() {
        let command = ["::error ", "::warning ", "::notice ", "::error::"]
            .iter()
            .any(|start| line.starts_with(start));
        if command {
            commands += 1;
        } else if !line.starts_with("log-codes: ") {
            return fail(format!(
                "a line that is neither a command nor the summary: {line:?}"
            ));
        }
    }
    if case.starts_with("corpus-") || case.ends_with("-broken") {
        if commands != problems.min(SHOWN) {
            return fail(format!("{commands} commands for {problems} problems"));
        }
        let summarized = github.lines().any(|l| l.starts_with("log-codes: "));
        if summarized != (problems > SHOWN) {
            return fail("the summary line must say how many problems were left out".to_owned());
        }
    }
    Ok(commands)
}
