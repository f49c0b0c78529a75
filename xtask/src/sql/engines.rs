//! The three engines as the SQL step drives them: files through each one's own way in (the
//! `sqlite3` shell, `psql -f`, DuckDB's Python package), rows back as JSON arrays. PostgreSQL is a
//! throwaway server: `initdb` and `pg_ctl` refuse to run as root, so as root they run as the
//! `postgres` user; it listens on a socket in the step's directory only, and is stopped at the end.

use std::fs;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use serde_json::Value;

use super::{Dialect, sql};
use crate::project::{Failure, output_of, run_quietly};

/// Runs SQLite queries and DuckDB files and queries (the library's way: a script of statements).
const HELPER: &str = r#"import json, sys
kind, db, action, arg = sys.argv[1:5]
if kind == "sqlite":
    import sqlite3
    con = sqlite3.connect(db)
else:
    import duckdb
    con = duckdb.connect(db)
if action == "file":
    con.execute(open(arg, encoding="utf-8").read())
elif action == "rows":
    rows = con.execute(arg).fetchall()
    print(json.dumps([list(row) for row in rows], default=str))
elif action == "sql":
    con.execute(arg)
    con.commit()
elif action == "load":
    values = json.load(sys.stdin)
    con.execute("DROP TABLE IF EXISTS events")
    con.execute("DROP TABLE IF EXISTS raw_events")
    con.execute(f"CREATE TABLE {arg}")
    con.executemany(f"INSERT INTO {arg.split()[0]} VALUES (?)", [(v,) for v in values])
    con.commit()
"#;

pub enum Engine {
    Sqlite { helper: PathBuf },
    Postgres(Server),
    Duckdb { helper: PathBuf },
}

pub struct Server {
    bin: PathBuf,
    data: PathBuf,
    socket: PathBuf,
    as_postgres: bool,
}

/// The engines, PostgreSQL's server started.
pub fn start(work: &Path) -> Result<Vec<Engine>, Failure> {
    let helper = work.join("engines.py");
    fs::write(&helper, HELPER)?;
    for (tool, why) in [
        ("sqlite3", "the SQLite shell"),
        ("python3", "DuckDB's Python package"),
    ] {
        if Command::new(tool).arg("--version").output().is_err() {
            return Err(Failure::Other(format!(
                "{tool} ({why}) is not installed: .ci/run installs it"
            )));
        }
    }
    run_quietly(Command::new("python3").args(["-c", "import duckdb"])).map_err(|_| {
        Failure::Other(
            "the Python package duckdb is not installed: `pip install duckdb` (.ci/run does)"
                .to_owned(),
        )
    })?;
    let server = Server::start(work)?;
    Ok(vec![
        Engine::Sqlite {
            helper: helper.clone(),
        },
        Engine::Postgres(server),
        Engine::Duckdb { helper },
    ])
}

/// Stops the PostgreSQL server.
pub fn stop(engines: Vec<Engine>) {
    for engine in engines {
        if let Engine::Postgres(server) = engine {
            let _ = server
                .command("pg_ctl")
                .arg("-D")
                .arg(&server.data)
                .args(["-m", "fast", "-w", "stop"])
                .output();
        }
    }
}

impl Server {
    fn start(work: &Path) -> Result<Server, Failure> {
        let bindir = output_of(Command::new("pg_config").arg("--bindir"))
            .map(|dir| PathBuf::from(dir.trim()))
            .ok()
            .filter(|dir| dir.join("initdb").is_file())
            .or_else(newest_server_bin)
            .ok_or_else(|| {
                Failure::Other("PostgreSQL's server (initdb, pg_ctl) is not installed: `apt-get install postgresql` (.ci/run does)".to_owned())
            })?;
        let as_postgres =
            output_of(Command::new("id").arg("-u")).is_ok_and(|uid| uid.trim() == "0");
        let (data, socket) = (work.join("pg-data"), work.join("pg-socket"));
        fs::create_dir_all(&data)?;
        fs::create_dir_all(&socket)?;
        let server = Server {
            bin: bindir,
            data,
            socket,
            as_postgres,
        };
        if as_postgres {
            for dir in [&server.data, &server.socket] {
                run_quietly(Command::new("chown").arg("postgres:postgres").arg(dir))?;
            }
        }
        run_quietly(server.command("initdb").arg("-D").arg(&server.data).args([
            "-U",
            "postgres",
            "--auth=trust",
            "-E",
            "UTF8",
            "--no-locale",
        ]))?;
        let options = format!(
            "-k {} -c listen_addresses= -c fsync=off",
            server.socket.display()
        );
        run_quietly(
            server
                .command("pg_ctl")
                .arg("-D")
                .arg(&server.data)
                .args(["-l"])
                .arg(server.data.join("server.log"))
                .args(["-o", &options, "-w", "start"]),
        )?;
        Ok(server)
    }

    /// A server program, as the `postgres` user when this runs as root.
    fn command(&self, program: &str) -> Command {
        let program = self.bin.join(program);
        if self.as_postgres {
            let mut command = Command::new("runuser");
            command.args(["-u", "postgres", "--"]).arg(program);
            command
        } else {
            Command::new(program)
        }
    }

    fn psql(&self, db: &str) -> Command {
        let mut command = Command::new(self.bin.join("psql"));
        command
            .args(["-X", "-q", "-v", "ON_ERROR_STOP=1", "-h"])
            .arg(&self.socket)
            .args(["-U", "postgres", "-d", db]);
        command
    }
}

/// `/usr/lib/postgresql/VERSION/bin`, the newest, where Debian puts the server.
fn newest_server_bin() -> Option<PathBuf> {
    let mut versions: Vec<(u32, PathBuf)> = fs::read_dir("/usr/lib/postgresql")
        .ok()?
        .flatten()
        .filter_map(|e| Some((e.file_name().to_str()?.parse().ok()?, e.path().join("bin"))))
        .filter(|(_, bin)| bin.join("initdb").is_file())
        .collect();
    versions.sort();
    versions.pop().map(|(_, bin)| bin)
}

/// An event's value in SQL: the renderer's string literal for a string.
fn literal(value: &Value) -> Result<String, Failure> {
    Ok(match value {
        Value::Null => "NULL".to_owned(),
        Value::String(s) => sql::literal(s).map_err(|e| Failure::Other(e.to_string()))?,
        other => other.to_string(),
    })
}

impl Engine {
    pub fn dialect(&self) -> Dialect {
        match self {
            Engine::Sqlite { .. } => Dialect::Sqlite,
            Engine::Postgres(_) => Dialect::Postgres,
            Engine::Duckdb { .. } => Dialect::Duckdb,
        }
    }

    pub fn describe(&self) -> &'static str {
        match self {
            Engine::Sqlite { .. } => "SQLite (the sqlite3 shell)",
            Engine::Postgres(_) => "PostgreSQL (psql -f, a throwaway server)",
            Engine::Duckdb { .. } => "DuckDB (its Python package)",
        }
    }

    /// A new, empty database: a file, or a PostgreSQL database.
    pub fn database(&self, work: &Path, name: &str) -> Result<String, Failure> {
        let name = name.replace('-', "_");
        match self {
            Engine::Postgres(server) => {
                run_quietly(
                    server
                        .psql("postgres")
                        .arg("-c")
                        .arg(format!("DROP DATABASE IF EXISTS {name}")),
                )?;
                run_quietly(
                    server
                        .psql("postgres")
                        .arg("-c")
                        .arg(format!("CREATE DATABASE {name}")),
                )?;
                Ok(name)
            }
            _ => {
                let path = work.join(format!("{name}.db"));
                let _ = fs::remove_file(&path);
                Ok(path.display().to_string())
            }
        }
    }

    /// Runs a file of SQL the way a user would.
    pub fn run_file(&self, db: &str, file: &Path) -> Result<(), Failure> {
        match self {
            Engine::Sqlite { .. } => {
                let input = fs::File::open(file)?;
                run_quietly(Command::new("sqlite3").args(["-bail", db]).stdin(input))
            }
            Engine::Postgres(server) => run_quietly(server.psql(db).arg("-f").arg(file)),
            Engine::Duckdb { helper } => run_quietly(
                Command::new("python3")
                    .arg(helper)
                    .args(["duckdb", db, "file"])
                    .arg(file),
            ),
        }
    }

    /// The rows of a query, each a JSON array in column order.
    pub fn rows(&self, db: &str, query: &str) -> Result<Vec<Value>, Failure> {
        let text = match self {
            Engine::Sqlite { helper } => output_of(
                Command::new("python3")
                    .arg(helper)
                    .args(["sqlite", db, "rows", query]),
            )?,
            Engine::Duckdb { helper } => output_of(
                Command::new("python3")
                    .arg(helper)
                    .args(["duckdb", db, "rows", query]),
            )?,
            Engine::Postgres(server) => {
                // Each row's values in column order: json_each keeps the order of row_to_json.
                let wrapped = format!(
                    "SELECT COALESCE(json_agg((SELECT json_agg(value) FROM json_each(row_to_json(x)))), '[]') FROM ({query}\n) x"
                );
                output_of(server.psql(db).arg("-At").arg("-c").arg(wrapped))?
            }
        };
        let rows: Value = serde_json::from_str(text.trim())
            .map_err(|e| Failure::Other(format!("{}: {e}: {text}", self.describe())))?;
        Ok(rows.as_array().cloned().unwrap_or_default())
    }

    /// Runs one statement.
    pub fn execute(&self, db: &str, statement: &str) -> Result<(), Failure> {
        match self {
            Engine::Postgres(server) => run_quietly(server.psql(db).arg("-c").arg(statement)),
            Engine::Sqlite { helper } => run_quietly(
                Command::new("python3")
                    .arg(helper)
                    .args(["sqlite", db, "sql", statement]),
            ),
            Engine::Duckdb { helper } => run_quietly(
                Command::new("python3")
                    .arg(helper)
                    .args(["duckdb", db, "sql", statement]),
            ),
        }
    }

    /// `raw_events(payload)`, a JSON column (the engine's JSON type where it has one), holding
    /// `payloads`.
    pub fn raw_events(&self, db: &str, work: &Path, payloads: &[String]) -> Result<(), Failure> {
        let json = match self {
            Engine::Postgres(_) => "jsonb",
            Engine::Sqlite { .. } => "TEXT",
            Engine::Duckdb { .. } => "JSON",
        };
        let values: Vec<Value> = payloads.iter().map(|p| Value::from(p.as_str())).collect();
        self.one_column(db, work, "raw_events", &format!("payload {json}"), &values)
    }

    /// `events(code)` of `column` type, holding `values` (`None` is NULL).
    pub fn events(
        &self,
        db: &str,
        work: &Path,
        column: &str,
        values: &[Option<String>],
    ) -> Result<(), Failure> {
        let typed: Vec<Value> = (values.iter())
            .map(|v| match v {
                None => Value::Null,
                Some(v) if column == "INTEGER" => v.parse::<i64>().map_or(Value::Null, Value::from),
                Some(v) => Value::from(v.as_str()),
            })
            .collect();
        self.one_column(db, work, "events", &format!("code {column}"), &typed)
    }

    /// A table of one column, `column` (its name and type), holding `values`, after the tables
    /// `events` and `raw_events` are dropped.
    fn one_column(
        &self,
        db: &str,
        work: &Path,
        table: &str,
        column: &str,
        values: &[Value],
    ) -> Result<(), Failure> {
        let definition = format!("{table} ({column})");
        match self {
            Engine::Postgres(server) => {
                let rows = (values.iter())
                    .map(|v| Ok(format!("({})", literal(v)?)))
                    .collect::<Result<Vec<_>, Failure>>()?;
                let script = work.join(format!("{table}.postgres.sql"));
                fs::write(
                    &script,
                    format!(
                        "DROP TABLE IF EXISTS events;\nDROP TABLE IF EXISTS raw_events;\nCREATE TABLE {definition};\nINSERT INTO {table} VALUES {};\n",
                        rows.join(", ")
                    ),
                )?;
                run_quietly(server.psql(db).arg("-f").arg(&script))
            }
            Engine::Sqlite { helper } | Engine::Duckdb { helper } => {
                let kind = if matches!(self, Engine::Sqlite { .. }) {
                    "sqlite"
                } else {
                    "duckdb"
                };
                let mut command = Command::new("python3");
                command.arg(helper).args([kind, db, "load", &definition]);
                piped(&mut command, &Value::from(values.to_vec()), self.describe())
            }
        }
    }
}

/// Runs `command` with `input` as JSON on its standard input.
fn piped(command: &mut Command, input: &Value, engine: &str) -> Result<(), Failure> {
    let mut child = command
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()?;
    child
        .stdin
        .take()
        .expect("piped")
        .write_all(input.to_string().as_bytes())?;
    let output = child.wait_with_output()?;
    if output.status.success() {
        Ok(())
    } else {
        Err(Failure::Other(format!(
            "{engine}: {}",
            String::from_utf8_lossy(&output.stderr)
        )))
    }
}
