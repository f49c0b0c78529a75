//! `cargo xtask`: the thin CLI over `log-codes-codegen` that reads `codes.csv` and writes the
//! artifacts into `crates/log-codes`. The only code of the project that touches the disk.

pub mod bench;
pub mod checks;
pub mod corpus;
pub mod evolve;
pub mod files;
pub mod fuzz;
pub mod guard;
pub mod rebuilds;

use std::fmt::Write as _;
use std::io::IsTerminal as _;
use std::path::{Path, PathBuf};
use std::{fs, io};

use log_codes_codegen::compat::Change;
use log_codes_codegen::{Coverage, SheetName};

pub use files::{Mode, Outcome};

/// The workspace root (the parent of `xtask/`).
pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives in the workspace")
        .to_path_buf()
}

/// Where cargo builds: `CARGO_TARGET_DIR` when set (relative to the current directory, as cargo
/// reads it), else `target/` of the workspace. Everything the xtask writes besides the generated
/// files goes below it.
pub fn target_dir() -> PathBuf {
    match std::env::var_os("CARGO_TARGET_DIR").filter(|dir| !dir.is_empty()) {
        Some(dir) => std::env::current_dir().unwrap_or_default().join(dir),
        None => workspace_root().join("target"),
    }
}

/// What `cargo xtask gen` works on.
#[derive(Debug, Clone)]
pub struct Options {
    /// The repository root: its `Cargo.toml` holds the version, its git history the old tables.
    pub root: PathBuf,
    /// The table (default `codes.csv`).
    pub input: PathBuf,
    /// The crate directory the artifacts go to (default `crates/log-codes`).
    pub out_dir: PathBuf,
    /// Write, or only check.
    pub mode: Mode,
    /// A git revision to compare the table with (the stability guard), if any.
    pub base: Option<String>,
    /// Locales whose every translation must be present (`--require-complete tr`).
    pub require_complete: Vec<String>,
}

impl Options {
    /// The workspace's own table and crate.
    pub fn workspace(mode: Mode) -> Self {
        let root = workspace_root();
        Options {
            input: root.join("codes.csv"),
            out_dir: root.join("crates/log-codes"),
            root,
            mode,
            base: None,
            require_complete: Vec::new(),
        }
    }
}

/// How a run ended, besides success.
#[derive(Debug)]
pub enum Failure {
    /// The table is invalid: the rendered diagnostics. Nothing was written.
    InvalidTable(String),
    /// Check mode found stale files: one diff each.
    Stale(Vec<String>),
    /// A major change since the base revision without a breaking version bump.
    Incompatible(String),
    /// Something the user can fix outside the table (a missing file, a bad argument).
    Other(String),
}

impl From<io::Error> for Failure {
    fn from(e: io::Error) -> Self {
        Failure::Other(e.to_string())
    }
}

/// What a successful run did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary {
    /// Codes in the table.
    pub codes: usize,
    /// Files written.
    pub written: Vec<String>,
    /// Files already up to date.
    pub unchanged: usize,
    /// Generated files the table no longer produces, deleted.
    pub removed: Vec<String>,
    /// Rendered warnings, if any.
    pub warnings: Option<String>,
    /// The classified changes since the base revision, when one was given.
    pub changes: Option<Vec<Change>>,
    /// How much each locale translates, by tag.
    pub coverage: Vec<(String, Coverage)>,
}

impl Summary {
    /// One line per locale: `translations: tr: 38/38 titles, 32/32 descriptions`.
    pub fn coverage_lines(&self) -> String {
        let mut lines = String::new();
        for (tag, coverage) in &self.coverage {
            let _ = writeln!(lines, "translations: {tag}: {coverage}");
        }
        lines
    }
}

/// Validates the table, renders every artifact, checks stability against the base revision,
/// then writes (or checks) the files. Nothing is written unless all of that succeeded.
pub fn generate(options: &Options) -> Result<Summary, Failure> {
    let sheets = files::read_sheets(&options.input).map_err(Failure::Other)?;
    let shown_path = display_path(&options.input);
    let mut config = workspace_config(&options.root)?;
    for locale in &options.require_complete {
        config.require_complete(locale);
    }
    let names = SheetName::ALL.map(|sheet| sheet.beside(&shown_path));
    let sources = sheets.sources(&shown_path);
    let color = io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    let generated = match config.generate(&sources) {
        Ok(generated) => generated,
        Err(log_codes_codegen::Error::Invalid { report, .. }) => {
            return Err(Failure::InvalidTable(report.render_sheets(&names, color)));
        }
        Err(e) => return Err(Failure::Other(e.to_string())),
    };
    let (table, report) = (&generated.table, &generated.report);
    let mut warnings =
        (!report.diagnostics.is_empty()).then(|| report.render_sheets(&names, color));
    let canonical = log_codes_codegen::canonical::to_sheets(table);
    for sheet in SheetName::ALL {
        if sheets.get(sheet) != Some(canonical.get(sheet).as_bytes()) {
            let hint = format!(
                "note: {} is not in canonical form (a spreadsheet may have added a BOM, CRLF, `;`, \
                 quotes or spaces, or reordered rows or columns); `cargo xtask fmt` rewrites it without changing any value\n",
                names[sheet as usize]
            );
            warnings = Some(warnings.unwrap_or_default() + &hint);
        }
    }
    let package_version = workspace_version(&options.root)?;
    let artifacts = &generated.files;
    let changes = match &options.base {
        Some(base) => match guard::table_at(&options.root, base, &options.input)? {
            Some((old, old_version)) => Some(guard::check(
                base,
                &old,
                &old_version,
                table,
                &package_version,
            )?),
            None => {
                println!("compatibility: {base} has no table; nothing to compare");
                None
            }
        },
        None => None,
    };
    let mut summary = Summary {
        codes: table.codes.len(),
        written: vec![],
        unchanged: 0,
        removed: vec![],
        warnings,
        changes,
        coverage: (table.locales.iter())
            .map(|tag| (tag.clone(), table.coverage(tag)))
            .collect(),
    };
    if options.out_dir.as_os_str().is_empty() {
        return Err(Failure::Other(
            "--out-dir needs a directory (`.` for the current one)".to_owned(),
        ));
    }
    if options.mode == Mode::Write {
        fs::create_dir_all(&options.out_dir).map_err(io_at("create", &options.out_dir))?;
    }
    // Held until the run ends: a second run waits, so two runs never mix their files.
    let _lock = match (options.mode, options.out_dir.is_dir()) {
        (Mode::Write, _) => Some(files::lock(&options.out_dir, true).map_err(Failure::Other)?),
        (Mode::Check, true) => Some(files::lock(&options.out_dir, false).map_err(Failure::Other)?),
        (Mode::Check, false) => None,
    };
    // Each file is read once, for the preflight and for the comparison.
    let mut currents = Vec::with_capacity(artifacts.len());
    for artifact in artifacts {
        let path = options.out_dir.join(&artifact.path);
        let current = if path.is_dir() {
            None
        } else {
            files::current(&path).map_err(io_at("read", &path))?
        };
        currents.push(current);
    }
    preflight(
        &options.out_dir,
        artifacts,
        &currents,
        options.mode,
        config.notice(),
    )?;
    let mut stale = Vec::new();
    for (artifact, current) in artifacts.iter().zip(currents) {
        let path = options.out_dir.join(&artifact.path);
        if options.mode == Mode::Write {
            files::remove_stale_temps(&path)
                .map_err(io_at("remove a temporary file beside", &path))?;
        }
        let synced = files::sync_from(&path, current, &artifact.contents, options.mode);
        match synced.map_err(io_at("write", &path))? {
            Outcome::Unchanged => summary.unchanged += 1,
            Outcome::Written => summary.written.push(display_path(&path)),
            Outcome::Stale(diff) => stale.push(diff),
            Outcome::Removed => {}
        }
    }
    let produced: Vec<PathBuf> = (artifacts.iter())
        .map(|a| options.out_dir.join(&a.path))
        .collect();
    for dir in &generated.owned_dirs {
        let dir = options.out_dir.join(dir);
        let found = files::orphans(&dir, &produced, config.notice());
        for orphan in found.map_err(io_at("list", &dir))? {
            match files::retire(&orphan, options.mode).map_err(io_at("remove", &orphan))? {
                Outcome::Stale(diff) => stale.push(diff),
                _ => summary.removed.push(display_path(&orphan)),
            }
        }
    }
    if stale.is_empty() {
        Ok(summary)
    } else {
        Err(Failure::Stale(stale))
    }
}

/// Everything that would stop the writes half-way, found before the first one: a file the
/// generator does not own where an artifact goes (never replaced), a file where a directory must
/// be, a directory where a file must be.
/// An I/O error as a failure that names what was being done, and to which path.
fn io_at<'a>(doing: &'a str, path: &'a Path) -> impl FnOnce(io::Error) -> Failure + 'a {
    move |e| Failure::Other(format!("cannot {doing} {}: {e}", path.display()))
}

fn preflight(
    out_dir: &Path,
    artifacts: &[log_codes_codegen::Artifact],
    currents: &[Option<String>],
    mode: Mode,
    notice: &str,
) -> Result<(), Failure> {
    let mut problems = Vec::new();
    if mode == Mode::Write {
        // Every directory a file will be renamed into must take a new file: found now, not after
        // the first artifacts were replaced.
        let mut dirs: Vec<&Path> = (artifacts.iter())
            .filter_map(|a| {
                let path = Path::new(&a.path);
                path.ancestors()
                    .skip(1)
                    .find(|dir| out_dir.join(dir).is_dir())
            })
            .collect();
        dirs.sort();
        dirs.dedup();
        for dir in dirs {
            let dir = out_dir.join(dir);
            if let Err(e) = files::probe_writable(&dir) {
                problems.push(format!("{} cannot be written to: {e}", dir.display()));
            }
        }
    }
    for (artifact, current) in artifacts.iter().zip(currents) {
        let path = out_dir.join(&artifact.path);
        for dir in path.ancestors().skip(1) {
            let inside = dir.starts_with(out_dir) && dir != out_dir;
            // A file, or a link to anything but a directory.
            let not_a_dir = fs::symlink_metadata(dir).is_ok() && !dir.is_dir();
            if inside && not_a_dir {
                problems.push(format!(
                    "{} is a file, where a directory must be",
                    dir.display()
                ));
            }
        }
        if path.is_dir() {
            problems.push(format!(
                "{} is a directory, where a generated file must be",
                path.display()
            ));
        }
        if let Some(current) = current
            && *current != artifact.contents
            && !files::owned(current, &artifact.contents, notice)
        {
            problems.push(format!(
                "{} is in the way: it was not written by the generator (no `{}` line; a JSON file is ours only when it is the same document), so it is never replaced",
                path.display(),
                notice
            ));
        }
    }
    problems.sort();
    problems.dedup();
    if problems.is_empty() {
        Ok(())
    } else {
        Err(Failure::Other(format!(
            "nothing was written to {}:\n  {}\n(choose an empty or generated directory with --out-dir, or move these files away)",
            out_dir.display(),
            problems.join("\n  ")
        )))
    }
}

/// The generator's configuration for this repository: every target, the notice naming
/// `cargo xtask gen`, the workspace version. `crates/log-codes` is exactly what it generates, as
/// a build script with the same `Config` would.
pub fn workspace_config(root: &Path) -> Result<log_codes_codegen::Config, Failure> {
    let mut config = log_codes_codegen::Config::new();
    config
        .generated_by("cargo xtask gen from codes.csv")
        .version(&workspace_version(root)?);
    Ok(config)
}

/// The version set once in the workspace `Cargo.toml` under `root`.
pub fn workspace_version(root: &Path) -> Result<String, Failure> {
    let path = root.join("Cargo.toml");
    version_of(&fs::read_to_string(&path)?, &path.display().to_string())
}

/// `[workspace.package] version` of a manifest's text.
pub fn version_of(manifest: &str, shown: &str) -> Result<String, Failure> {
    let manifest: toml::Table =
        toml::from_str(manifest).map_err(|e| Failure::Other(format!("{shown}: {e}")))?;
    manifest
        .get("workspace")
        .and_then(|w| w.get("package"))
        .and_then(|p| p.get("version"))
        .and_then(|v| v.as_str())
        .map(str::to_owned)
        .ok_or_else(|| Failure::Other(format!("{shown}: no [workspace.package] version")))
}

/// A path relative to the current directory when it is inside it, as cargo shows paths.
fn display_path(path: &Path) -> String {
    let cwd = std::env::current_dir().unwrap_or_default();
    path.strip_prefix(&cwd)
        .unwrap_or(path)
        .display()
        .to_string()
}

const USAGE: &str = "\
usage: cargo xtask gen [--check] [--base REV] [--require-complete LOCALE]… [--input PATH]
                       [--out-dir DIR]
       cargo xtask changelog --base REV
       cargo xtask compat OLD NEW
       cargo xtask fmt [--input PATH]
       cargo xtask test
       cargo xtask corpus
       cargo xtask fuzz [--seconds N]
       cargo xtask evolve [--cases N] [--seed S]
       cargo xtask bench [lookups] [build] [scale] [first-run]

  gen              validate codes.csv and regenerate the artifacts in crates/log-codes
  --check          write nothing; fail with a diff when a generated file is stale
  --base REV       also compare the table with codes.csv at git revision REV: fail on a
                   breaking change unless the workspace version was bumped for it
  --require-complete LOCALE
                   fail, at each cell, when a title or description lacks its LOCALE
                   translation (`tr`, `pt-BR`; repeat the option for several)
  --input PATH     the table to read (default: codes.csv)
  --out-dir DIR    where the crate's artifacts go (default: crates/log-codes)
  changelog        print the changes since REV as a CHANGELOG.md section
  compat           classify the changes between two tables (log-codes.json or codes.csv files)
                   and fail on a breaking change without a breaking version bump
  bench            run the benchmarks (all parts, or those named) and write
                   crates/log-codes/BENCHMARKS.md; not part of `test`
  fmt              rewrite codes.csv in canonical form (UTF-8, LF, `,`, sorted by code,
                   minimal quoting, trimmed cells) without changing any value
  corpus           build, unit-test, document, type-check and run the artifacts of every valid table
                   of crates/codegen/tests/corpus (needs `npm ci` in ts-checks)
  fuzz             mutate the corpus tables for N seconds (default 60) and check that
                   parsing never panics and valid tables render faithfully; not part of `test`
  evolve           apply N random sequences of valid edits (default 3) to the real table, and
                   check that each regenerates, passes the stability guard, and keeps the
                   generated crate's and the TypeScript package's tests green; `--seed` replays
  test             run every check: formatting, clippy, tests, docs, freshness, stability,
                   packaging and the TypeScript package";

/// A parsed command line.
#[derive(Debug, Clone)]
pub enum Command {
    /// `gen`, with or without `--check`.
    Gen(Options),
    /// `changelog --base REV`.
    Changelog(String),
    /// `compat OLD NEW`.
    Compat(PathBuf, PathBuf),
    /// `test`.
    Test,
    /// `bench [PART…]`.
    Bench(Vec<String>),
    /// `fmt [--input PATH]`.
    Fmt(PathBuf),
    /// `corpus`.
    Corpus,
    /// `fuzz [--seconds N]`.
    Fuzz(u64),
    /// `evolve [--cases N] [--seed S]`.
    Evolve(usize, u64),
}

/// Parses the command line (without the program name).
pub fn parse_args(args: &[String]) -> Result<Command, String> {
    let mut args = args.iter();
    let command = args.next().map(String::as_str);
    let rest: Vec<&String> = args.collect();
    match command {
        Some("gen") => parse_gen(&rest).map(Command::Gen),
        Some("test") if rest.is_empty() => Ok(Command::Test),
        Some("corpus") if rest.is_empty() => Ok(Command::Corpus),
        Some("fuzz") => match rest.as_slice() {
            [] => Ok(Command::Fuzz(60)),
            [flag, seconds] if *flag == "--seconds" => seconds
                .parse()
                .map(Command::Fuzz)
                .map_err(|_| format!("--seconds takes a whole number\n\n{USAGE}")),
            _ => Err(format!("fuzz takes only --seconds N\n\n{USAGE}")),
        },
        Some("evolve") => parse_evolve(&rest).map(|(cases, seed)| Command::Evolve(cases, seed)),
        Some("bench") => Ok(Command::Bench(rest.iter().map(|s| s.to_string()).collect())),
        Some("fmt") => match rest.as_slice() {
            [] => Ok(Command::Fmt(workspace_root().join("codes.csv"))),
            [flag, path] if *flag == "--input" => Ok(Command::Fmt(path.into())),
            _ => Err(format!("fmt takes only --input PATH\n\n{USAGE}")),
        },
        Some("changelog") => match rest.as_slice() {
            [flag, base] if *flag == "--base" => Ok(Command::Changelog(base.to_string())),
            _ => Err(format!("changelog needs --base REV\n\n{USAGE}")),
        },
        Some("compat") => match rest.as_slice() {
            [old, new] => Ok(Command::Compat(old.into(), new.into())),
            _ => Err(format!("compat needs two files, OLD and NEW\n\n{USAGE}")),
        },
        Some("help" | "--help" | "-h") | None => Err(USAGE.to_owned()),
        Some(other) => Err(format!(
            "unknown command or options for `{other}`\n\n{USAGE}"
        )),
    }
}

fn parse_evolve(args: &[&String]) -> Result<(usize, u64), String> {
    let (mut cases, mut seed) = (evolve::CASES_IN_TEST, evolve::fresh_seed());
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        let value = args
            .next()
            .ok_or_else(|| format!("{arg} needs a value\n\n{USAGE}"));
        let number = |v: &String| {
            v.parse::<u64>()
                .map_err(|_| format!("{arg} takes a whole number\n\n{USAGE}"))
        };
        match arg.as_str() {
            "--cases" => cases = number(value?)? as usize,
            "--seed" => seed = number(value?)?,
            other => return Err(format!("unknown option `{other}`\n\n{USAGE}")),
        }
    }
    Ok((cases, seed))
}

fn parse_gen(args: &[&String]) -> Result<Options, String> {
    let mut options = Options::workspace(Mode::Write);
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        let mut value = |flag: &str| {
            args.next()
                .map(|v| v.to_string())
                .ok_or_else(|| format!("{flag} needs a value\n\n{USAGE}"))
        };
        match arg.as_str() {
            "--check" => options.mode = Mode::Check,
            "--input" => options.input = value("--input")?.into(),
            "--out-dir" => options.out_dir = value("--out-dir")?.into(),
            "--base" => options.base = Some(value("--base")?),
            "--require-complete" => options.require_complete.push(value("--require-complete")?),
            "--help" | "-h" => return Err(USAGE.to_owned()),
            other => return Err(format!("unknown option `{other}`\n\n{USAGE}")),
        }
    }
    Ok(options)
}

/// Runs the CLI and returns the process exit code: 0 done, 1 invalid table, stale files or a
/// breaking change, 2 anything else.
pub fn main_with_args(args: &[String]) -> i32 {
    match args.first().map(String::as_str) {
        Some("__measure") => return bench::measure_child(&args[1..]),
        // One step of `cargo xtask test` alone, for working on it.
        Some("__rebuilds") => {
            return match rebuilds::run(&workspace_root()) {
                Ok(summary) => {
                    println!("{summary}");
                    0
                }
                Err(failure) => report(failure),
            };
        }
        Some("help" | "--help" | "-h") => {
            println!("{USAGE}");
            return 0;
        }
        _ => {}
    }
    let command = match parse_args(args) {
        Ok(command) => command,
        Err(message) => {
            eprintln!("{message}");
            return 2;
        }
    };
    let result = match command {
        Command::Test => return checks::run_all(),
        Command::Bench(parts) => bench::run(&parts),
        Command::Fmt(path) => format_table(&path).map(|message| println!("{message}")),
        Command::Corpus => corpus::run().map(|message| println!("{message}")),
        Command::Fuzz(seconds) => fuzz::run(seconds).map(|message| println!("{message}")),
        Command::Evolve(cases, seed) => {
            evolve::run(cases, seed).map(|message| println!("{message}"))
        }
        Command::Gen(options) => generate(&options).map(|summary| {
            if let Some(warnings) = &summary.warnings {
                eprint!("{warnings}");
            }
            if let (Some(changes), Some(base)) = (&summary.changes, &options.base) {
                print!("{}", guard::describe(base, changes));
            }
            println!("{}", describe(&summary, options.mode));
        }),
        Command::Changelog(base) => changelog(&base).map(|section| print!("{section}")),
        Command::Compat(old, new) => compat(&old, &new).map(|text| print!("{text}")),
    };
    match result {
        Ok(()) => 0,
        Err(failure) => report(failure),
    }
}

fn report(failure: Failure) -> i32 {
    match failure {
        Failure::InvalidTable(rendered) => {
            eprint!("{rendered}");
            eprintln!("nothing was written; fix the table and run `cargo xtask gen` again");
            1
        }
        Failure::Stale(diffs) => {
            for diff in &diffs {
                print!("{diff}");
            }
            eprintln!(
                "{} generated file{} stale; run `cargo xtask gen` and commit the result",
                diffs.len(),
                if diffs.len() == 1 { " is" } else { "s are" }
            );
            1
        }
        Failure::Incompatible(message) => {
            eprint!("{message}");
            1
        }
        Failure::Other(message) => {
            eprintln!("error: {message}");
            2
        }
    }
}

/// Rewrites every sheet of a valid table in canonical form (atomically; a sheet already
/// canonical is untouched).
pub fn format_table(path: &Path) -> Result<String, Failure> {
    let sheets = files::read_sheets(path).map_err(Failure::Other)?;
    let shown = display_path(path);
    let (table, report) = log_codes_codegen::testing::parse(&sheets.input());
    let table = table.ok_or_else(|| Failure::InvalidTable(report.render(&shown, false)))?;
    let canonical = log_codes_codegen::canonical::to_sheets(&table);
    let mut lines = Vec::new();
    for sheet in SheetName::ALL {
        let shown = sheet.beside(&shown);
        let text = canonical.get(sheet);
        if sheets.get(sheet) == Some(text.as_bytes()) {
            lines.push(format!("{shown} is already in canonical form"));
            continue;
        }
        // Through a link, the file it points at is rewritten and the link kept.
        let path = files::sheet_path(path, sheet);
        let target = fs::canonicalize(&path)
            .map_err(|e| Failure::Other(format!("cannot resolve {}: {e}", path.display())))?;
        files::write_atomically(&target, text.as_bytes())
            .map_err(|e| Failure::Other(format!("cannot write {}: {e}", target.display())))?;
        lines.push(format!("rewrote {shown} in canonical form"));
    }
    Ok(format!(
        "{}\n{} codes, {} kinds and {} groups read",
        lines.join("\n"),
        table.codes.len(),
        table.kinds.len(),
        table.groups.len()
    ))
}

/// The `CHANGELOG.md` section for the current version, from the changes since `base`.
pub fn changelog(base: &str) -> Result<String, Failure> {
    let root = workspace_root();
    let input = root.join("codes.csv");
    let version = workspace_version(&root)?;
    let sheets = files::read_sheets(&input).map_err(Failure::Other)?;
    let (table, report) = log_codes_codegen::testing::parse(&sheets.input());
    let table = table.ok_or_else(|| Failure::InvalidTable(report.render("codes.csv", false)))?;
    let changes = match guard::table_at(&root, base, &input)? {
        Some((old, _)) => log_codes_codegen::compat::compare(&old, &table),
        None => log_codes_codegen::compat::compare(
            &log_codes_codegen::Table::new(vec![], vec![], vec![], vec![]),
            &table,
        ),
    };
    Ok(log_codes_codegen::compat::changelog(&version, &changes))
}

/// Classifies the changes between two table files and applies the version rule when both carry
/// a version (JSON files do).
pub fn compat(old: &Path, new: &Path) -> Result<String, Failure> {
    let (old_table, old_version) = guard::table_from_file(old)?;
    let (new_table, new_version) = guard::table_from_file(new)?;
    let base = old.display().to_string();
    let changes = match (&old_version, &new_version) {
        (Some(old_version), Some(new_version)) => {
            guard::check(&base, &old_table, old_version, &new_table, new_version)?
        }
        _ => log_codes_codegen::compat::compare(&old_table, &new_table),
    };
    let described = guard::describe(&base, &changes);
    // The exit status is the verdict: without two versions, no bump can allow a major change.
    let unversioned = old_version.is_none() || new_version.is_none();
    if unversioned
        && log_codes_codegen::compat::worst(&changes)
            == Some(log_codes_codegen::compat::Level::Major)
    {
        return Err(Failure::Incompatible(format!(
            "{described}error: breaking changes, and a CSV file carries no version that could allow them\n"
        )));
    }
    Ok(described)
}

fn describe(summary: &Summary, mode: Mode) -> String {
    let mut line = summary.coverage_lines();
    let _ = write!(line, "{} codes read; ", summary.codes);
    match mode {
        Mode::Check => {
            let _ = write!(
                line,
                "all {} generated files are up to date",
                summary.unchanged
            );
        }
        Mode::Write => {
            let _ = write!(
                line,
                "{} file{} written, {} unchanged",
                summary.written.len(),
                if summary.written.len() == 1 { "" } else { "s" },
                summary.unchanged
            );
            for path in &summary.written {
                let _ = write!(line, "\n  wrote {path}");
            }
            for path in &summary.removed {
                let _ = write!(line, "\n  removed {path} (the table no longer produces it)");
            }
        }
    }
    line
}
