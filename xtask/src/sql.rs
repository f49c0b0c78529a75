//! The SQL step of `cargo xtask test` (alone: `cargo xtask __sql`): the generated SQL files run
//! in the real engines, SQLite (its `sqlite3` shell), PostgreSQL (a throwaway server started here
//! and stopped at the end) and DuckDB (its Python package), each table read back and compared
//! with the model:
//! - the hostile corpus, with descriptions whose lines start with `.` and `\` (the shells'
//!   commands), stays data, every byte;
//! - a file loads twice in a row, and after another version's file, leaving exactly its rows;
//! - the report query over `events(code)`, integer and text, equals `log-codes check` on the same
//!   events.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use log_codes_codegen::testing::render::sql::{self, Dialect};
use log_codes_codegen::{Code, Package, Table, compat};
use serde_json::{Value, json};

use crate::project::{Failure, output_of, run_quietly, target_dir};

mod engines;

use engines::Engine;

pub fn run(root: &Path) -> Result<String, Failure> {
    let work = target_dir().join("xtask-sql");
    let _ = fs::remove_dir_all(&work);
    fs::create_dir_all(&work)?;
    let engines = engines::start(&work)?;
    let result = (|| -> Result<Vec<String>, Failure> {
        let hostile = hostile_table(root)?;
        let real = crate::guard::table_from_file(&root.join("codes.csv"))?.0;
        let other = other_version(&real)?;
        let mut checked = Vec::new();
        for engine in &engines {
            let name = engine.dialect().name();
            // The hostile corpus, twice: data in the engine and its shell.
            let db = engine.database(&work, &format!("{name}-hostile"))?;
            let file = write_sql(&work, &hostile, "9.9.9", engine.dialect(), "hostile")?;
            engine.run_file(&db, &file)?;
            engine.run_file(&db, &file)?;
            same_rows(engine, &db, &hostile, "9.9.9", "the hostile corpus")?;
            // Versions: the other version's file, then this one's, then this one's again.
            let db = engine.database(&work, &format!("{name}-versions"))?;
            let older = write_sql(&work, &other, "0.0.1", engine.dialect(), "older")?;
            let newer = write_sql(&work, &real, "0.1.0", engine.dialect(), "newer")?;
            engine.run_file(&db, &older)?;
            same_rows(engine, &db, &other, "0.0.1", "the other version")?;
            engine.run_file(&db, &newer)?;
            engine.run_file(&db, &newer)?;
            same_rows(engine, &db, &real, "0.1.0", "this version after the other")?;
            engine.run_file(&db, &older)?;
            same_rows(
                engine,
                &db,
                &other,
                "0.0.1",
                "the other version after this one",
            )?;
            // The live check as a query, against the tool.
            let db = engine.database(&work, &format!("{name}-report"))?;
            let events = report_matches_the_tool(root, engine, &db, &work, &other)?;
            checked.push(format!("{} ({events} events)", engine.describe()));
        }
        Ok(checked)
    })();
    engines::stop(engines);
    let checked = result?;
    Ok(format!(
        "sql: the hostile corpus stays data, the files load twice and after another version's leaving exactly their rows, and the report query equals log-codes check, in {}",
        checked.join(", ")
    ))
}

/// The corpus's valid tables as one, plus a code whose description's lines are the shells'
/// commands, validated as any table is.
fn hostile_table(root: &Path) -> Result<Table, Failure> {
    let (_, mut table) = crate::corpus::merged(&root.join("crates/codegen/tests/corpus"))?;
    let free = (0..=u16::MAX)
        .rev()
        .find(|&n| {
            table.code(n).is_none() && table.kind_of(n).is_none() && table.reservation(n).is_none()
        })
        .ok_or_else(|| Failure::Other("no free number".to_owned()))?;
    let template = table.codes[0].clone();
    let unranged = table
        .kinds
        .iter()
        .find(|k| k.range.is_none())
        .map(|k| k.name.clone());
    let Some(kind) = unranged else {
        return Ok(table);
    };
    table.codes.push(Code {
        code: free,
        name: "ShellCommands".to_owned(),
        title: "A title's 'quotes' and \\backslash".to_owned(),
        description: Some(
            ".shell echo pwned\n\\! echo pwned\n.quit\n\\q\n'); DROP TABLE log_codes; --"
                .to_owned(),
        ),
        deprecated: Some("\\copy log_codes to '/tmp/x' -- .output /tmp/x".to_owned()),
        kind,
        counterpart: None,
        ..template
    });
    table.codes.sort_by_key(|c| c.code);
    compat::validated(&table).map_err(|report| {
        Failure::Other(format!(
            "the hostile SQL table is not valid:\n{}",
            report.summary("codes.csv")
        ))
    })
}

/// Another version of `table`: every other code, one deprecated, no translations.
fn other_version(table: &Table) -> Result<Table, Failure> {
    let mut other = table.clone();
    other.codes = (other.codes.into_iter()).step_by(2).collect();
    let kept: Vec<u16> = other.codes.iter().map(|c| c.code).collect();
    for code in &mut other.codes {
        code.translations.clear();
        if code.counterpart.is_some_and(|c| !kept.contains(&c)) {
            code.counterpart = None;
        }
    }
    if let Some(code) = other.codes.iter_mut().find(|c| c.deprecated.is_none()) {
        code.deprecated = Some("Retired: it's replaced.".to_owned());
    }
    other.locales.clear();
    for word in other.kinds.iter_mut().chain(&mut other.groups) {
        word.translations.clear();
    }
    compat::validated(&other).map_err(|report| {
        Failure::Other(format!(
            "the other version is not valid:\n{}",
            report.summary("codes.csv")
        ))
    })
}

fn write_sql(
    work: &Path,
    table: &Table,
    version: &str,
    dialect: Dialect,
    name: &str,
) -> Result<PathBuf, Failure> {
    let package = Package::new(version);
    let files = sql::render(table, &package).map_err(|e| Failure::Other(e.to_string()))?;
    let path = work.join(format!("{name}.{}.sql", dialect.name()));
    let data = files
        .into_iter()
        .find(|a| a.path == sql::data_path(dialect))
        .ok_or_else(|| Failure::Other("no data file".to_owned()))?;
    fs::write(&path, data.contents)?;
    Ok(path)
}

/// Every table read back equals the model, row for row.
fn same_rows(
    engine: &Engine,
    db: &str,
    table: &Table,
    version: &str,
    what: &str,
) -> Result<(), Failure> {
    let text = |s: &str| Value::from(s);
    let optional = |s: &Option<String>| s.as_deref().map_or(Value::Null, Value::from);
    let number = |n: Option<u16>| n.map_or(Value::Null, Value::from);
    let mut expected: BTreeMap<&str, Vec<Value>> = BTreeMap::new();
    expected.insert("log_code_table", vec![json!([version])]);
    expected.insert(
        "log_code_kinds",
        (table.kinds.iter())
            .map(|k| {
                json!([
                    k.name,
                    k.title,
                    optional(&k.description),
                    number(k.range.map(|r| r.first)),
                    number(k.range.map(|r| r.last)),
                    optional(&k.counterpart_of)
                ])
            })
            .collect(),
    );
    expected.insert(
        "log_code_groups",
        table
            .groups
            .iter()
            .map(|g| json!([g.name, g.title, optional(&g.description)]))
            .collect(),
    );
    expected.insert(
        "log_codes",
        (table.codes.iter())
            .map(|c| {
                json!([
                    c.code,
                    c.name,
                    c.title,
                    optional(&c.description),
                    c.kind,
                    c.group,
                    optional(&c.deprecated),
                    number(c.counterpart)
                ])
            })
            .collect(),
    );
    expected.insert(
        "log_code_translations",
        (table.codes.iter())
            .flat_map(|c| {
                c.translations
                    .iter()
                    .map(move |(l, t)| json!([c.code, l, t.title, t.description]))
            })
            .collect(),
    );
    for (name, words) in [
        ("log_code_kind_translations", &table.kinds),
        ("log_code_group_translations", &table.groups),
    ] {
        expected.insert(
            name,
            (words.iter())
                .flat_map(|w| {
                    w.translations
                        .iter()
                        .map(move |(l, t)| json!([w.name, l, t.title]))
                })
                .collect(),
        );
    }
    expected.insert(
        "log_code_reserved",
        (table.reserved.iter())
            .map(|r| json!([r.numbers.first, r.numbers.last, text(&r.note)]))
            .collect(),
    );
    for (name, mut rows) in expected {
        let mut found = engine.rows(db, &format!("SELECT * FROM {name}"))?;
        rows.sort_by_key(Value::to_string);
        found.sort_by_key(Value::to_string);
        if found != rows {
            let first = (0..rows.len().max(found.len()))
                .find(|&i| rows.get(i) != found.get(i))
                .unwrap_or(0);
            return Err(Failure::Other(format!(
                "{}: {what}: {name} differs from the table (row {first}: expected {:?}, found {:?})",
                engine.describe(),
                rows.get(first),
                found.get(first)
            )));
        }
    }
    Ok(())
}

/// The report query over events, as an integer column and as a text one, against
/// `log-codes check --table` on the same events written as NDJSON.
fn report_matches_the_tool(
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
    let tool = crate::target_dir().join("debug/log-codes");
    if !tool.is_file() {
        run_quietly(
            Command::new(env!("CARGO"))
                .args(["build", "--quiet", "-p", "log-codes-cli"])
                .current_dir(root),
        )?;
    }
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

#[cfg(test)]
mod tests {
    use super::Dialect;

    /// The README shows the statements the SQL step runs, word for word.
    #[test]
    fn the_readme_shows_each_engines_json_view() {
        let readme = std::fs::read_to_string(crate::workspace_root().join("README.md")).unwrap();
        for dialect in Dialect::ALL {
            assert!(
                readme.contains(dialect.json_events_view()),
                "{}",
                dialect.json_events_view()
            );
        }
    }
}
