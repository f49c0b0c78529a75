//! The stability guard (`gen --base REV`), `cargo xtask changelog --base REV [--input PATH]` and
//! `cargo xtask compat OLD NEW`: the table at a git revision (or in an older file) against the
//! table now, classified by `log_codes_codegen::compat`.

use std::path::Path;
use std::process::Command;

use log_codes_codegen::compat::{self, Change, Level};
use log_codes_codegen::testing::diagnostic::printable;
use log_codes_codegen::{Input, SheetName, Table, testing::parse, testing::parse_with};

use crate::project::{Failure, Invalid, Verdict, display_path, workspace_root, workspace_version};

/// The table and workspace version at a revision; `None` when `codes.csv` did not exist there.
pub fn table_at(root: &Path, rev: &str, input: &Path) -> Result<Option<(Table, String)>, Failure> {
    git(
        root,
        &[
            "rev-parse",
            "--verify",
            "--quiet",
            &format!("{rev}^{{commit}}"),
        ],
    )
    .map_err(|_| Failure::Other(format!("`{rev}` is not a revision of this repository")))?;
    // The same file at that revision: relative to the repository, whatever the current directory.
    let resolve = |path: &Path| std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    let absolute = std::env::current_dir()
        .map(|cwd| cwd.join(input))
        .unwrap_or_else(|_| input.to_path_buf());
    let relative = resolve(&absolute)
        .strip_prefix(resolve(root))
        .map_err(|_| {
            Failure::Other(format!(
                "{} is outside the repository {}, so it has no history for --base {rev} to compare with; \
                 compare two files with `cargo xtask compat OLD NEW` instead",
                input.display(),
                root.display()
            ))
        })?
        .to_string_lossy()
        .replace('\\', "/");
    let Ok(csv) = git(root, &["show", &format!("{rev}:{relative}")]) else {
        return Ok(None);
    };
    // The declaration sheets beside it at that revision; a revision from before them declares
    // the words its codes use.
    let beside = |sheet: SheetName| {
        let path = sheet.beside(&relative);
        git(root, &["show", &format!("{rev}:{path}")]).ok()
    };
    let (kinds, groups) = (beside(SheetName::Kinds), beside(SheetName::Groups));
    let reserved = beside(SheetName::Reserved);
    let input = Input {
        codes: csv.as_bytes(),
        kinds: kinds.as_deref().map(str::as_bytes),
        groups: groups.as_deref().map(str::as_bytes),
        reserved: reserved.as_deref().map(str::as_bytes),
    };
    let legacy = log_codes_codegen::testing::Options {
        declare_used_words: true,
        ..Default::default()
    };
    let (table, report) = parse_with(&input, &legacy);
    let table = table.ok_or_else(|| {
        Failure::Other(format!(
            "{relative} at {rev} is not a valid table:\n{}",
            report.summary(&relative)
        ))
    })?;
    let manifest = git(root, &["show", &format!("{rev}:Cargo.toml")])?;
    Ok(Some((
        table,
        crate::version_of(&manifest, &format!("Cargo.toml at {rev}"))?,
    )))
}

fn git(root: &Path, args: &[&str]) -> Result<String, Failure> {
    let output = Command::new("git")
        .arg("-C")
        .arg(root)
        .args(args)
        .output()
        .map_err(|e| Failure::Other(format!("cannot run git: {e}")))?;
    if !output.status.success() {
        return Err(Failure::Other(format!(
            "git {}: {}",
            args.join(" "),
            String::from_utf8_lossy(&output.stderr).trim()
        )));
    }
    String::from_utf8(output.stdout).map_err(|e| Failure::Other(e.to_string()))
}

/// The classified changes since `base`, or a failure naming every major change when the version
/// was not bumped for them.
pub fn check(
    base: &str,
    old: &Table,
    old_version: &str,
    new: &Table,
    new_version: &str,
) -> Result<Vec<Change>, Failure> {
    let verdict = verdict(base, old, Some(old_version), new, Some(new_version))?;
    match verdict.refusal {
        None => Ok(verdict.changes),
        Some(_) => Err(Failure::Incompatible(Box::new(verdict))),
    }
}

/// The stability guard's verdict on the changes from `old` to `new`. With both versions, a major
/// change needs a breaking version bump and the version may not go backwards; a CSV file carries
/// no version (`None`), so no bump can allow a major change.
pub fn verdict(
    base: &str,
    old: &Table,
    old_version: Option<&str>,
    new: &Table,
    new_version: Option<&str>,
) -> Result<Verdict, Failure> {
    let changes = compat::compare(old, new);
    let refusal = match (old_version, new_version) {
        (Some(old_version), Some(new_version)) => {
            versioned_refusal(base, &changes, old_version, new_version)?
        }
        _ => (compat::worst(&changes) == Some(Level::Major)).then(|| {
            "error: breaking changes, and a CSV file carries no version that could allow them\n"
                .to_owned()
        }),
    };
    Ok(Verdict {
        base: base.to_owned(),
        changes,
        old_version: old_version.map(str::to_owned),
        new_version: new_version.map(str::to_owned),
        refusal,
    })
}

/// Why changes between two versioned tables are refused, if they are.
fn versioned_refusal(
    base: &str,
    changes: &[Change],
    old_version: &str,
    new_version: &str,
) -> Result<Option<String>, Failure> {
    let parse = |v: &str| semver::Version::parse(v).ok();
    if let (Some(before), Some(after)) = (parse(old_version), parse(new_version))
        && after < before
    {
        return Ok(Some(format!(
            "error: the version goes backwards since {base}: {old_version} → {new_version}; a newer table needs a newer version\n"
        )));
    }
    let allowed = compat::worst(changes)
        .map(|level| compat::version_allows(old_version, new_version, level))
        .transpose()
        .map_err(Failure::Other)?
        .unwrap_or(true);
    if allowed {
        return Ok(None);
    }
    let mut message = String::new();
    let majors: Vec<&Change> = changes.iter().filter(|c| c.level == Level::Major).collect();
    for change in &majors {
        message.push_str(&format!(
            "error: breaking change since {base}: {}\n",
            printable(&change.message)
        ));
    }
    message.push_str(&format!(
        "error: {} breaking change{} since {base} (version {old_version}) need{} a breaking version bump: \
         set `version = \"{}\"` in [workspace.package] of Cargo.toml, or undo {}\n",
        majors.len(),
        if majors.len() == 1 { "" } else { "s" },
        if majors.len() == 1 { "s" } else { "" },
        compat::next_breaking(old_version).map_err(Failure::Other)?,
        if majors.len() == 1 { "it" } else { "them" },
    ));
    Ok(Some(message))
}

/// One line per change, for the terminal.
pub fn describe(base: &str, changes: &[Change]) -> String {
    if changes.is_empty() {
        return format!("compatibility: no change to the table since {base}\n");
    }
    let worst = compat::worst(changes).expect("not empty");
    let mut out = format!(
        "compatibility: {} change{} since {base}, {worst} at most\n",
        changes.len(),
        if changes.len() == 1 { "" } else { "s" }
    );
    for change in changes {
        // Messages quote cells, which a JSON file read back was not obliged to keep printable.
        out.push_str(&format!(
            "  {:<5}  {}\n",
            change.level,
            printable(&change.message)
        ));
    }
    out
}

/// Reads a table from a `log-codes.json` or a `codes.csv` (with the declaration sheets beside it);
/// the version is `None` for a CSV.
pub fn table_from_file(path: &Path) -> Result<(Table, Option<String>), Failure> {
    let bytes = std::fs::read(path)
        .map_err(|e| Failure::Other(format!("cannot read {}: {e}", path.display())))?;
    if path.extension().is_some_and(|e| e == "json") {
        let text = std::str::from_utf8(&bytes)
            .map_err(|e| Failure::Other(format!("{}: not UTF-8: {e}", path.display())))?;
        let (table, version) = compat::table_from_json(text)
            .map_err(|e| Failure::Other(format!("{}: {}", path.display(), printable(&e))))?;
        let shown = format!("{} (as a table)", path.display());
        return match compat::validated(&table) {
            Ok(table) => Ok((table, Some(version))),
            Err(report) => Err(Failure::InvalidTable(Invalid::at(&report, &shown))),
        };
    }
    let sheets = crate::sheets::read_sheets(path).map_err(Failure::Other)?;
    let (table, report) = parse(&sheets.input());
    let shown = path.display().to_string();
    table
        .map(|t| (t, None))
        .ok_or_else(|| Failure::InvalidTable(Invalid::at(&report, &shown)))
}

/// The changes since a revision, for `CHANGELOG.md`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Changelog {
    /// The revision compared with.
    pub base: String,
    /// The workspace version the section is for.
    pub version: String,
    /// Every change, classified.
    pub changes: Vec<Change>,
    /// The section, as Markdown.
    pub section: String,
}

/// The `CHANGELOG.md` section for the current version, from the changes since `base`.
pub fn changelog(base: &str, input: &Path) -> Result<Changelog, Failure> {
    let root = workspace_root();
    let version = workspace_version(&root)?;
    let sheets = crate::sheets::read_sheets(input).map_err(Failure::Other)?;
    let (table, report) = log_codes_codegen::testing::parse(&sheets.input());
    let shown = display_path(input);
    let table = table.ok_or_else(|| Failure::InvalidTable(Invalid::at(&report, &shown)))?;
    let changes = match table_at(&root, base, input)? {
        Some((old, _)) => compat::compare(&old, &table),
        None => compat::compare(&Table::new(vec![], vec![], vec![], vec![]), &table),
    };
    Ok(Changelog {
        base: base.to_owned(),
        section: compat::changelog(&version, &changes),
        version,
        changes,
    })
}

/// The release notes of the workspace version: the changes since the latest `v*` tag of another
/// version that HEAD contains, or every code when there is none (the first release).
pub fn release_notes(root: &Path) -> Result<String, Failure> {
    let version = workspace_version(root)?;
    let tags = git(
        root,
        &[
            "tag",
            "--list",
            "v*",
            "--merged",
            "HEAD",
            "--sort=-v:refname",
        ],
    )?;
    let previous = (tags.lines())
        .map(str::trim)
        .find(|tag| !tag.is_empty() && tag.strip_prefix('v') != Some(version.as_str()));
    let input = root.join("codes.csv");
    let (base, section) = match previous {
        Some(tag) => (
            format!("Changes since {tag}."),
            changelog(tag, &input)?.section,
        ),
        None => {
            let (table, _) = table_from_file(&input)?;
            let changes = compat::compare(&Table::new(vec![], vec![], vec![], vec![]), &table);
            let first = "The first release: every code is new.".to_owned();
            (first, compat::changelog(&version, &changes))
        }
    };
    // The section's own `## VERSION` heading is the notes' title; its `###` become `##`.
    let body = section
        .strip_prefix(&format!("## {version}\n"))
        .unwrap_or(&section);
    Ok(format!(
        "# log-codes {version}\n\n{base} The crate, the npm package and the JSON share this version.\n{}",
        body.replace("\n### ", "\n## ")
    ))
}

/// Classifies the changes between two table files and applies the version rule when both carry
/// a version (JSON files do).
pub fn compat(old: &Path, new: &Path) -> Result<Verdict, Failure> {
    let (old_table, old_version) = table_from_file(old)?;
    let (new_table, new_version) = table_from_file(new)?;
    let base = old.display().to_string();
    verdict(
        &base,
        &old_table,
        old_version.as_deref(),
        &new_table,
        new_version.as_deref(),
    )
}
