//! The report query against `log-codes check`: the same events in an engine (an integer
//! column, a text one, a JSON column through the view) and as NDJSON for the tool, compared
//! section by section.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;
use std::process::Command;

use log_codes_codegen::testing::render::sql;
use log_codes_codegen::{Package, Table};
use serde_json::{Value, json};

use super::Engine;
use crate::project::{Failure, output_of};

/// The report query over events, as an integer column and as a text one, against
/// `log-codes check --table` on the same events written as NDJSON.
pub(super) fn matches_the_tool(
    root: &Path,
    engine: &Engine,
    db: &str,
    work: &Path,
    table: &Table,
) -> Result<usize, Failure> {
    let package = Package::new("0.0.1");
    let files = sql::render(table, &package).map_err(|e| Failure::Other(e.to_string()))?;
    let file = |path: String| {
        (files.iter())
            .find(|a| a.path == path)
            .map(|a| a.contents.clone())
            .ok_or_else(|| Failure::Other(format!("no {path}")))
    };
    let data = work.join(format!("report-table.{}.sql", engine.dialect().name()));
    fs::write(&data, file(sql::data_path(engine.dialect()))?)?;
    engine.run_file(db, &data)?;
    let report_sql = file(sql::report_path(engine.dialect()))?;
    let json_table = work.join("report-table.json");
    let json_files = log_codes_codegen::testing::render::json::render(table, &package)
        .map_err(|e| Failure::Other(e.to_string()))?;
    let json_text = (json_files.iter())
        .find(|a| a.path == log_codes_codegen::testing::render::json::DATA)
        .map(|a| a.contents.clone())
        .unwrap_or_default();
    fs::write(&json_table, json_text)?;
    let values = event_values(table);
    let tool = crate::project::log_codes_tool(root)?;
    let report_sql = report_sql.trim_end().trim_end_matches(';').to_owned();
    let compare = |what: &str, lines: String| -> Result<(), Failure> {
        let sql_report = normalize_sql(engine.rows(db, &report_sql)?);
        let ndjson = work.join("events.ndjson");
        fs::write(&ndjson, lines)?;
        let output = output_of(
            Command::new(&tool)
                .args(["check", "--format", "json", "--table"])
                .arg(&json_table)
                .arg(&ndjson),
        )?;
        let check: Value =
            serde_json::from_str(&output).map_err(|e| Failure::Other(e.to_string()))?;
        let tool_report = normalize_tool(&check);
        if sql_report == tool_report {
            return Ok(());
        }
        let differs: Vec<&String> = (sql_report.keys().chain(tool_report.keys()))
            .filter(|k| sql_report.get(*k) != tool_report.get(*k))
            .collect();
        Err(Failure::Other(format!(
            "{}: the report query over {what} differs from log-codes check in {differs:?}:\nquery: {:?}\ntool: {:?}",
            engine.describe(),
            differs.first().and_then(|k| sql_report.get(*k)),
            differs.first().and_then(|k| tool_report.get(*k)),
        )))
    };
    // The events as NDJSON: an integer as a JSON number, any other value as a string.
    let ndjson = |events: &[Option<String>]| -> String {
        (events.iter())
            .map(|v| match v {
                None => "{}".to_owned(),
                Some(v) => match v.parse::<i64>() {
                    Ok(n) if n.to_string() == *v => format!("{{\"type\":{n}}}"),
                    _ => format!(
                        "{{\"type\":{}}}",
                        serde_json::to_string(v).expect("a string")
                    ),
                },
            })
            .collect::<Vec<_>>()
            .join("\n")
            + "\n"
    };
    for (column, as_text) in [("INTEGER", false), ("TEXT", true)] {
        // As integers: those values that are integers, written as the engine stores them.
        let events: Vec<Option<String>> = (values.iter())
            .filter_map(|v| match v {
                Some(v) if !as_text => v.parse::<i64>().ok().map(|n| Some(n.to_string())),
                other => Some(other.clone()),
            })
            .collect();
        engine.events(db, work, column, &events)?;
        // A text that reads as an integer is still a string to the tool.
        let lines = if as_text {
            (events.iter())
                .map(|v| match v {
                    None => "{}\n".to_owned(),
                    Some(v) => format!(
                        "{{\"type\":{}}}\n",
                        serde_json::to_string(v).expect("a string")
                    ),
                })
                .collect()
        } else {
            ndjson(&events)
        };
        compare(&format!("{column} codes"), lines)?;
    }
    // From a JSON column, by the view the README and the report file show.
    let lines = ndjson(&values);
    let payloads: Vec<String> = lines.lines().map(str::to_owned).collect();
    engine.raw_events(db, work, &payloads)?;
    engine.execute(db, engine.dialect().json_events_view())?;
    compare("a JSON column", lines)?;
    Ok(values.len())
}

/// Codes as logs hold them: known (some deprecated), unknown in and out of the kinds' ranges,
/// numbers that are no codes, numeric and other strings, and NULL for a missing field; every
/// known code but every fifth at least once.
fn event_values(table: &Table) -> Vec<Option<String>> {
    let mut values = Vec::new();
    for (i, code) in table.codes.iter().enumerate() {
        if i % 5 != 2 {
            for _ in 0..=(i % 3) {
                values.push(Some(code.code.to_string()));
            }
        }
    }
    let unknown = (0..=u16::MAX)
        .step_by(7919)
        .filter(|&n| table.code(n).is_none());
    values.extend(unknown.map(|n| Some(n.to_string())));
    for other in [
        "65536", "-1", "70000", "00042", "abc", "", " 12", "1e3", "4041.0",
    ] {
        values.push(Some(other.to_owned()));
    }
    values.extend([None, None]);
    values
}

/// The query's rows as `section/code/group` → the row, the columns the tool also reports.
fn normalize_sql(rows: Vec<Value>) -> BTreeMap<String, Value> {
    let mut out = BTreeMap::new();
    for row in rows {
        let section = row[0].as_str().unwrap_or_default().to_owned();
        let key = format!("{section}/{}/{}", row[1], row[4]);
        let value = match section.as_str() {
            "code" => json!([row[2], row[3], row[4], integer(&row[6])]),
            "unknown" => json!([row[3], integer(&row[6])]),
            "deprecated" => json!([row[5], integer(&row[6])]),
            "never_seen" => json!([row[2], row[4]]),
            "coverage" => json!([integer(&row[6]), integer(&row[7])]),
            _ => json!([integer(&row[6])]),
        };
        out.insert(key, value);
    }
    out
}

/// An engine's integer, whatever type it came as (a bigint may come as text or a float).
fn integer(value: &Value) -> Value {
    match value {
        Value::String(s) => s.parse::<i64>().map_or(Value::Null, Value::from),
        Value::Number(n) => n.as_f64().map_or(Value::Null, |f| Value::from(f as i64)),
        other => other.clone(),
    }
}

/// The same keys from `log-codes check --format json`.
fn normalize_tool(check: &Value) -> BTreeMap<String, Value> {
    let mut out = BTreeMap::new();
    let list = |key: &str| check[key].as_array().cloned().unwrap_or_default();
    for c in list("codes") {
        out.insert(
            format!("code/{}/{}", c["code"], c["group"]),
            json!([c["name"], c["kind"], c["group"], c["count"]]),
        );
    }
    for u in list("unknown") {
        out.insert(
            format!("unknown/{}/null", u["code"]),
            json!([u["kind"], u["count"]]),
        );
    }
    let groups: BTreeMap<String, Value> = (list("codes").iter())
        .map(|c| (c["code"].to_string(), c["group"].clone()))
        .collect();
    for d in list("deprecated") {
        let group = groups
            .get(&d["code"].to_string())
            .cloned()
            .unwrap_or(Value::Null);
        out.insert(
            format!("deprecated/{}/{group}", d["code"]),
            json!([d["note"], d["count"]]),
        );
    }
    for m in list("neverSeen") {
        out.insert(
            format!("never_seen/{}/{}", m["code"], m["group"]),
            json!([m["name"], m["group"]]),
        );
    }
    let coverage = &check["coverage"];
    out.insert(
        "coverage/null/null".to_owned(),
        json!([coverage["seen"], coverage["active"]]),
    );
    for g in list("groups") {
        out.insert(
            format!("coverage/null/{}", g["group"]),
            json!([g["coverage"]["seen"], g["coverage"]["active"]]),
        );
    }
    out.insert(
        "not_a_code/null/null".to_owned(),
        json!([check["notACode"]["count"]]),
    );
    out.insert(
        "missing_field/null/null".to_owned(),
        json!([check["missingField"]["count"]]),
    );
    out
}
