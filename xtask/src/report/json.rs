//! Reports as one JSON document each, described by `xtask/schemas/<report>.schema.json`. Unlike
//! the text, a document lists every problem. Strings are escaped by `serde_json`.

use log_codes_codegen::Severity;
use log_codes_codegen::compat::{self, Change, Level};
use serde_json::{Value, json};

use super::Reported;
use crate::files::Mode;
use crate::project::{Failure, Problem, Verdict};

/// The `$id` of the schema of `report`.
pub fn schema_id(report: &str) -> String {
    format!("urn:log-codes:report:{report}")
}

/// The document of a report.
pub fn document(reported: &Reported) -> Value {
    let ok = reported.exit_code() == 0;
    let (kind, mut document, failure) = match reported {
        Reported::Gen {
            input,
            mode,
            result,
        } => {
            let mode = match mode {
                Mode::Write => "write",
                Mode::Check => "check",
            };
            let mut document = json!({
                "input": input, "mode": mode, "codes": null, "written": [], "unchanged": 0,
                "removed": [], "stale": [], "notes": [], "compatibility": null,
            });
            if let Ok(summary) = result {
                document["codes"] = summary.codes.into();
                document["written"] = json!(summary.written);
                document["unchanged"] = summary.unchanged.into();
                document["removed"] = json!(summary.removed);
                document["notes"] = json!(summary.notes);
                document["problems"] = problems(&summary.problems);
                document["compatibility"] = summary.verdict.as_ref().map_or(Value::Null, verdict);
            }
            ("gen", document, result.as_ref().err())
        }
        Reported::Compat { new, result } => {
            let document = match result {
                Ok(found) => json!({ "new": new, "compatibility": verdict(found) }),
                Err(_) => json!({ "new": new, "compatibility": null }),
            };
            ("compat", document, result.as_ref().err())
        }
        Reported::Changelog(result) => {
            let document = match result {
                Ok(changelog) => json!({
                    "base": changelog.base,
                    "version": changelog.version,
                    "changes": changes(&changelog.changes),
                    "markdown": changelog.section,
                }),
                Err(_) => json!({ "base": null, "version": null, "changes": [], "markdown": null }),
            };
            ("changelog", document, result.as_ref().err())
        }
    };
    // What every report has comes first; then the report's own fields.
    let mut head = json!({
        "$schema": schema_id(kind), "report": kind, "ok": ok, "error": null, "problems": [],
    });
    if let (Value::Object(head), Value::Object(body)) = (&mut head, document) {
        head.extend(body);
    }
    document = head;
    match failure {
        Some(Failure::InvalidTable(invalid)) => document["problems"] = problems(&invalid.problems),
        Some(Failure::Stale(files)) => {
            document["stale"] = (files.iter())
                .map(|file| json!({ "path": file.path, "diff": file.diff }))
                .collect();
        }
        Some(Failure::Incompatible(found)) => document["compatibility"] = verdict(found),
        Some(Failure::Other(message)) => document["error"] = message.as_str().into(),
        None => {}
    }
    document
}

fn problems(problems: &[Problem]) -> Value {
    (problems.iter())
        .map(|p| {
            json!({
                "severity": severity(p.severity),
                "message": p.message,
                "help": p.help,
                "file": p.file,
                "line": p.line,
                "column": p.column,
                "column_name": p.column_name,
            })
        })
        .collect()
}

fn severity(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    }
}

fn verdict(verdict: &Verdict) -> Value {
    json!({
        "base": verdict.base,
        "old_version": verdict.old_version,
        "new_version": verdict.new_version,
        "changes": changes(&verdict.changes),
        "worst": compat::worst(&verdict.changes).map(level),
        "accepted": verdict.refusal.is_none(),
        "refusal": verdict.refusal,
    })
}

fn changes(changes: &[Change]) -> Value {
    (changes.iter())
        .map(|c| json!({ "level": level(c.level), "code": c.code, "message": c.message }))
        .collect()
}

/// `patch`, `minor` or `major`.
pub fn level(level: Level) -> &'static str {
    match level {
        Level::Patch => "patch",
        Level::Minor => "minor",
        Level::Major => "major",
    }
}
