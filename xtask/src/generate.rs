//! `cargo xtask gen [--check] [--base REV] [--require-complete LOCALE]… [--input PATH]
//! [--out-dir DIR]`: validate the table, render every artifact, check stability against a base
//! revision, then write (or check) the files.

use std::fmt::Write as _;
use std::io::IsTerminal as _;
use std::path::{Path, PathBuf};
use std::{fs, io};

use log_codes_codegen::{Coverage, SheetName};

use crate::files::{self, Mode, Outcome};
use crate::project::{
    Failure, Invalid, Problem, Stale, Verdict, display_path, workspace_config, workspace_root,
    workspace_version,
};
use crate::report::Reported;
use crate::sheets;
use crate::{flags, guard};

/// Runs `gen` as the command line asked; the caller reports the outcome.
pub fn run(flags: &flags::Gen) -> Reported {
    let mode = if flags.check {
        Mode::Check
    } else {
        Mode::Write
    };
    let mut options = Options::workspace(mode);
    if let Some(input) = &flags.input {
        options.input = input.clone();
    }
    if let Some(out_dir) = &flags.out_dir {
        options.out_dir = out_dir.clone();
    }
    options.base = flags.base.clone();
    options.require_complete = flags.require_complete.clone();
    Reported::Gen {
        input: display_path(&options.input),
        mode,
        result: generate(&options),
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
    /// The warnings rendered for a terminal, if any.
    pub warnings: Option<String>,
    /// The warnings as data.
    pub problems: Vec<Problem>,
    /// What else the run noticed (a sheet not in canonical form, a base without a table).
    pub notes: Vec<String>,
    /// The stability guard's verdict since the base revision, when one was given.
    pub verdict: Option<Verdict>,
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
    let sheets = sheets::read_sheets(&options.input).map_err(Failure::Other)?;
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
            return Err(Failure::InvalidTable(Invalid::new(&report, &names, color)));
        }
        Err(e) => return Err(Failure::Other(e.to_string())),
    };
    let (table, report) = (&generated.table, &generated.report);
    let warnings = (!report.diagnostics.is_empty()).then(|| report.render_sheets(&names, color));
    let mut notes = Vec::new();
    let canonical = log_codes_codegen::canonical::to_sheets(table);
    for sheet in SheetName::ALL {
        if !log_codes_codegen::canonical::is_canonical(sheet, sheets.get(sheet), &canonical) {
            notes.push(format!(
                "{} is not in canonical form (a spreadsheet may have added a BOM, CRLF, `;`, \
                 quotes or spaces, or reordered rows or columns); `cargo xtask fmt` rewrites it without changing any value",
                names[sheet as usize]
            ));
        }
    }
    let package_version = workspace_version(&options.root)?;
    let artifacts = &generated.files;
    let verdict = match &options.base {
        Some(base) => match guard::table_at(&options.root, base, &options.input)? {
            Some((old, old_version)) => {
                let versions = (Some(old_version.as_str()), Some(package_version.as_str()));
                let verdict = guard::verdict(base, &old, versions.0, table, versions.1)?;
                if verdict.refusal.is_some() {
                    return Err(Failure::Incompatible(Box::new(verdict)));
                }
                Some(verdict)
            }
            None => {
                notes.push(format!("{base} has no table; nothing to compare"));
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
        problems: Problem::all(report, &names),
        notes,
        verdict,
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
            Outcome::Stale(diff) => stale.push(Stale {
                path: display_path(&path),
                diff,
            }),
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
                Outcome::Stale(diff) => stale.push(Stale {
                    path: display_path(&orphan),
                    diff,
                }),
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

/// An I/O error as a failure that names what was being done, and to which path.
fn io_at<'a>(doing: &'a str, path: &'a Path) -> impl FnOnce(io::Error) -> Failure + 'a {
    move |e| Failure::Other(format!("cannot {doing} {}: {e}", path.display()))
}

/// Everything that would stop the writes half-way, found before the first one: a file the
/// generator does not own where an artifact goes (never replaced), a file where a directory must
/// be, a directory where a file must be.
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

/// What a run did, for the terminal.
pub fn describe(summary: &Summary, mode: Mode) -> String {
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
