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

use log_codes_codegen::testing::render::sql::{self, Dialect};
use log_codes_codegen::{Code, Package, Table, compat};
use serde_json::{Value, json};

use crate::project::{Failure, target_dir};

mod engines;
mod report;

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
            let events = report::matches_the_tool(root, engine, &db, &work, &other)?;
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
