//! `sql/`: the table as SQL tables for PostgreSQL, SQLite and DuckDB, and the live check's report
//! as a query over the user's `events(code)`. One data file per dialect (`log-codes.DIALECT.sql`):
//! one transaction that drops and recreates every table, so running the file of any version, any
//! number of times, leaves exactly that version's rows. Standard SQL everywhere it can be; the
//! dialects differ only where the engines do (a header, the test for a numeric string).
//!
//! Every text is a standard string literal, `'` doubled and nothing else: no engine here treats a
//! backslash in one as an escape (PostgreSQL is told so at the top of its file), and the shells'
//! own commands (`\` in psql, `.` in sqlite3) are only read outside a statement, which a literal
//! spanning lines never is. A text no engine can store (a NUL) is refused.

use std::fmt::Write as _;

use super::{Artifact, RenderError};
use crate::model::{Package, Table, Translation, Word};

/// The directory of the SQL files, relative to the crate.
pub const DIR: &str = "sql";

/// An engine the files are written for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dialect {
    /// PostgreSQL, through `psql -f` or any client.
    Postgres,
    /// SQLite, the library or the `sqlite3` shell.
    Sqlite,
    /// DuckDB, the library or its shell.
    Duckdb,
}

impl Dialect {
    /// Every dialect.
    pub const ALL: [Dialect; 3] = [Dialect::Postgres, Dialect::Sqlite, Dialect::Duckdb];

    /// The name in the files' names.
    pub fn name(self) -> &'static str {
        match self {
            Dialect::Postgres => "postgres",
            Dialect::Sqlite => "sqlite",
            Dialect::Duckdb => "duckdb",
        }
    }

    fn title(self) -> &'static str {
        match self {
            Dialect::Postgres => "PostgreSQL (`psql -f`)",
            Dialect::Sqlite => "SQLite (`sqlite3 DB < FILE`)",
            Dialect::Duckdb => "DuckDB (`duckdb DB < FILE`)",
        }
    }

    /// The one statement that makes `events(code)` from a JSON column: `payload` of
    /// `raw_events`, the code at `type`. The README shows it, and the SQL step runs it.
    pub fn json_events_view(self) -> &'static str {
        match self {
            Dialect::Postgres => {
                "CREATE VIEW events AS SELECT payload->>'type' AS code FROM raw_events;"
            }
            Dialect::Sqlite => {
                "CREATE VIEW events AS SELECT json_extract(payload, '$.type') AS code FROM raw_events;"
            }
            Dialect::Duckdb => {
                "CREATE VIEW events AS SELECT json_extract_string(payload, '$.type') AS code FROM raw_events;"
            }
        }
    }

    /// Whether `text`, a column of text, is one to five ASCII digits.
    fn is_digits(self, text: &str) -> String {
        match self {
            Dialect::Postgres => format!("{text} ~ '^[0-9]{{1,5}}$'"),
            Dialect::Sqlite => {
                format!("length({text}) BETWEEN 1 AND 5 AND {text} NOT GLOB '*[^0-9]*'")
            }
            Dialect::Duckdb => format!("regexp_full_match({text}, '[0-9]{{1,5}}')"),
        }
    }
}

/// The data file of `dialect`, relative to the crate.
pub fn data_path(dialect: Dialect) -> String {
    format!("{DIR}/log-codes.{}.sql", dialect.name())
}

/// The report query of `dialect`, relative to the crate.
pub fn report_path(dialect: Dialect) -> String {
    format!("{DIR}/report.{}.sql", dialect.name())
}

/// The tables, in the order they are created (and dropped in reverse).
pub const TABLES: [&str; 8] = [
    "log_code_table",
    "log_code_kinds",
    "log_code_groups",
    "log_codes",
    "log_code_translations",
    "log_code_kind_translations",
    "log_code_group_translations",
    "log_code_reserved",
];

/// Rows per `INSERT`: well within every engine's limits on a statement.
const ROWS_PER_INSERT: usize = 500;

/// Renders the data file and the report query of every dialect.
pub fn render(table: &Table, package: &Package) -> Result<Vec<Artifact>, RenderError> {
    let mut files = Vec::new();
    for dialect in Dialect::ALL {
        files.push(Artifact {
            path: data_path(dialect),
            contents: data(table, package, dialect)?,
        });
        files.push(Artifact {
            path: report_path(dialect),
            contents: report(package, dialect),
        });
    }
    Ok(files)
}

/// A standard SQL string literal: `'` doubled and nothing else; a NUL, which no engine here
/// stores, refused.
pub fn literal(value: &str) -> Result<String, RenderError> {
    if value.contains('\0') {
        return Err(RenderError {
            path: "sql",
            message: format!("a NUL character cannot be stored as SQL text: {value:?}"),
        });
    }
    Ok(format!("'{}'", value.replace('\'', "''")))
}

fn nullable(value: Option<&str>) -> Result<String, RenderError> {
    value.map_or_else(|| Ok("NULL".to_owned()), literal)
}

fn number(value: Option<u16>) -> String {
    value.map_or_else(|| "NULL".to_owned(), |n| n.to_string())
}

/// `INSERT INTO name VALUES …;` in batches; nothing for no rows.
fn inserts(out: &mut String, name: &str, rows: &[String]) {
    for batch in rows.chunks(ROWS_PER_INSERT) {
        let _ = writeln!(out, "INSERT INTO {name} VALUES\n  {};", batch.join(",\n  "));
    }
}

fn data(table: &Table, package: &Package, dialect: Dialect) -> Result<String, RenderError> {
    let mut out = format!(
        "-- {}\n-- The log-codes table {} for {}: one transaction that drops and recreates every\n-- table, so running this file, once or again, leaves exactly this version's rows.\n",
        package.notice,
        package.version,
        dialect.title()
    );
    if dialect == Dialect::Postgres {
        // Backslashes in literals are data, whatever the server's default.
        out.push_str("SET standard_conforming_strings = on;\n");
    }
    out.push_str("BEGIN;\n");
    for name in TABLES.iter().rev() {
        let _ = writeln!(out, "DROP TABLE IF EXISTS {name};");
    }
    out.push_str(
        "CREATE TABLE log_code_table (version TEXT NOT NULL);\n\
         CREATE TABLE log_code_kinds (name TEXT PRIMARY KEY, title TEXT NOT NULL, description TEXT, first_code INTEGER, last_code INTEGER, counterpart_of TEXT);\n\
         CREATE TABLE log_code_groups (name TEXT PRIMARY KEY, title TEXT NOT NULL, description TEXT);\n\
         CREATE TABLE log_codes (code INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, title TEXT NOT NULL, description TEXT, kind TEXT NOT NULL, group_name TEXT NOT NULL, deprecated TEXT, counterpart INTEGER);\n\
         CREATE TABLE log_code_translations (code INTEGER NOT NULL, locale TEXT NOT NULL, title TEXT NOT NULL, description TEXT, PRIMARY KEY (code, locale));\n\
         CREATE TABLE log_code_kind_translations (name TEXT NOT NULL, locale TEXT NOT NULL, title TEXT NOT NULL, PRIMARY KEY (name, locale));\n\
         CREATE TABLE log_code_group_translations (name TEXT NOT NULL, locale TEXT NOT NULL, title TEXT NOT NULL, PRIMARY KEY (name, locale));\n\
         CREATE TABLE log_code_reserved (first_code INTEGER NOT NULL, last_code INTEGER NOT NULL, note TEXT NOT NULL);\n",
    );
    inserts(
        &mut out,
        "log_code_table",
        &[format!("({})", literal(&package.version)?)],
    );
    let kinds = (table.kinds.iter())
        .map(|k| {
            Ok(format!(
                "({}, {}, {}, {}, {}, {})",
                literal(&k.name)?,
                literal(&k.title)?,
                nullable(k.description.as_deref())?,
                number(k.range.map(|r| r.first)),
                number(k.range.map(|r| r.last)),
                nullable(k.counterpart_of.as_deref())?
            ))
        })
        .collect::<Result<Vec<_>, RenderError>>()?;
    inserts(&mut out, "log_code_kinds", &kinds);
    let groups = (table.groups.iter())
        .map(|g| {
            Ok(format!(
                "({}, {}, {})",
                literal(&g.name)?,
                literal(&g.title)?,
                nullable(g.description.as_deref())?
            ))
        })
        .collect::<Result<Vec<_>, RenderError>>()?;
    inserts(&mut out, "log_code_groups", &groups);
    let mut codes = Vec::with_capacity(table.codes.len());
    let mut translations = Vec::new();
    for c in &table.codes {
        codes.push(format!(
            "({}, {}, {}, {}, {}, {}, {}, {})",
            c.code,
            literal(&c.name)?,
            literal(&c.title)?,
            nullable(c.description.as_deref())?,
            literal(&c.kind)?,
            literal(&c.group)?,
            nullable(c.deprecated.as_deref())?,
            number(c.counterpart)
        ));
        for (locale, Translation { title, description }) in &c.translations {
            translations.push(format!(
                "({}, {}, {}, {})",
                c.code,
                literal(locale)?,
                literal(title)?,
                nullable(description.as_deref())?
            ));
        }
    }
    inserts(&mut out, "log_codes", &codes);
    inserts(&mut out, "log_code_translations", &translations);
    inserts(
        &mut out,
        "log_code_kind_translations",
        &word_translations(&table.kinds)?,
    );
    inserts(
        &mut out,
        "log_code_group_translations",
        &word_translations(&table.groups)?,
    );
    let reserved = (table.reserved.iter())
        .map(|r| {
            Ok(format!(
                "({}, {}, {})",
                r.numbers.first,
                r.numbers.last,
                literal(&r.note)?
            ))
        })
        .collect::<Result<Vec<_>, RenderError>>()?;
    inserts(&mut out, "log_code_reserved", &reserved);
    out.push_str("COMMIT;\n");
    Ok(out)
}

fn word_translations(words: &[Word]) -> Result<Vec<String>, RenderError> {
    let mut rows = Vec::new();
    for word in words {
        for (locale, translation) in &word.translations {
            rows.push(format!(
                "({}, {}, {})",
                literal(&word.name)?,
                literal(locale)?,
                literal(&translation.title)?
            ));
        }
    }
    Ok(rows)
}

/// The live check's report over `events(code)` (integer or text), as `log-codes check` gives
/// it: one row per finding, `section` naming which.
fn report(package: &Package, dialect: Dialect) -> String {
    let digits = dialect.is_digits("t.code_text");
    let cast = match dialect {
        Dialect::Duckdb => "TRY_CAST(t.code_text AS INTEGER)",
        _ => "CAST(t.code_text AS INTEGER)",
    };
    format!(
        "-- {notice}
-- The live check of `log-codes check` over a table of events, for {title}: create or fill
-- `events(code)` (the code as an integer or as text), then run this query. One row per finding:
--   section 'code'        every code seen: events, and its name, kind and group when the table
--                          has it (an unknown code's kind is the one whose range holds it)
--   section 'unknown'     codes seen that the table does not have
--   section 'deprecated'  deprecated codes seen, the note in `note`
--   section 'never_seen'  active codes never seen
--   section 'coverage'    active codes seen (`events`) of `active`, overall (no group) and by group
--   section 'not_a_code'  values that are not codes; 'missing_field' NULL values
-- From a JSON column (`payload` of `raw_events`, the code at `type`):
--   {view}
WITH t AS (
  SELECT CAST(code AS TEXT) AS code_text FROM events
),
parsed AS (
  SELECT code_text, CASE WHEN {digits} THEN {cast} END AS code FROM t
),
seen AS (
  SELECT code, COUNT(*) AS events FROM parsed WHERE code <= 65535 GROUP BY code
),
known AS (
  SELECT c.code, c.name, c.kind, c.group_name, c.deprecated, COALESCE(s.events, 0) AS events
  FROM log_codes c LEFT JOIN seen s ON s.code = c.code
),
ranged AS (
  SELECT s.code, s.events, k.name AS kind
  FROM seen s LEFT JOIN log_code_kinds k ON s.code BETWEEN k.first_code AND k.last_code
)
SELECT 'code' AS section, r.code, c.name, COALESCE(c.kind, r.kind) AS kind, c.group_name, CAST(NULL AS TEXT) AS note, r.events, CAST(NULL AS INTEGER) AS active
  FROM ranged r LEFT JOIN log_codes c ON c.code = r.code
UNION ALL
SELECT 'unknown', r.code, NULL, r.kind, NULL, NULL, r.events, NULL
  FROM ranged r WHERE NOT EXISTS (SELECT 1 FROM log_codes c WHERE c.code = r.code)
UNION ALL
SELECT 'deprecated', code, name, kind, group_name, deprecated, events, NULL
  FROM known WHERE deprecated IS NOT NULL AND events > 0
UNION ALL
SELECT 'never_seen', code, name, kind, group_name, NULL, 0, NULL
  FROM known WHERE deprecated IS NULL AND events = 0
UNION ALL
SELECT 'coverage', NULL, NULL, NULL, NULL, NULL,
       COALESCE(SUM(CASE WHEN events > 0 THEN 1 ELSE 0 END), 0), COUNT(*)
  FROM known WHERE deprecated IS NULL
UNION ALL
SELECT 'coverage', NULL, NULL, NULL, g.name, NULL,
       COALESCE(SUM(CASE WHEN k.events > 0 THEN 1 ELSE 0 END), 0), COUNT(k.code)
  FROM log_code_groups g LEFT JOIN known k ON k.group_name = g.name AND k.deprecated IS NULL
  GROUP BY g.name
UNION ALL
SELECT 'not_a_code', NULL, NULL, NULL, NULL, NULL, COUNT(*), NULL
  FROM parsed WHERE code_text IS NOT NULL AND (code IS NULL OR code > 65535)
UNION ALL
SELECT 'missing_field', NULL, NULL, NULL, NULL, NULL, COUNT(*), NULL
  FROM parsed WHERE code_text IS NULL
ORDER BY section, code, group_name;
",
        notice = package.notice,
        title = dialect.title(),
        view = dialect.json_events_view(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_literal_doubles_quotes_and_nothing_else() {
        assert_eq!(
            literal("it's \\ a \"test\"\n.quit").unwrap(),
            "'it''s \\ a \"test\"\n.quit'"
        );
        assert!(literal("nul\0").is_err());
    }
}
