//! Published codes stay stable: compare two tables, classify every change as patch, minor or
//! major, refuse a major change unless the version was bumped for it, and write the changelog.
//!
//! Consumers store the numbers in log databases and match on the names in code, so once released
//! a code keeps its number, its name, its kind, its group and its meaning.

mod structure;

use std::collections::BTreeMap;
use std::fmt::{self, Write as _};

pub use crate::render::json::read::table_from_json;

use crate::diagnostic::Report;
use crate::model::{Code, Table, Word};

/// Checks a table read from JSON ([`table_from_json`]) like the table it claims to be: written as
/// its canonical sheets (row N+1 of the codes sheet is the Nth code of the file) and validated by
/// the rules of a `codes.csv`. A file written by hand or by another tool is trusted no further.
pub fn validated(table: &Table) -> Result<Table, Box<Report>> {
    let sheets = crate::canonical::to_sheets(table);
    match crate::pipeline::parse(&sheets.input()) {
        (Some(table), _) => Ok(table),
        (None, report) => Err(Box::new(report)),
    }
}

/// How a change affects consumers, in Cargo's semver terms.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Level {
    /// Text edits: titles, descriptions, deprecation notes.
    Patch,
    /// Additions: new codes, new kinds or groups, new deprecations.
    Minor,
    /// Breaks consumers: a removed code, a changed name, kind or group, a reused number.
    Major,
}

impl fmt::Display for Level {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Level::Patch => "patch",
            Level::Minor => "minor",
            Level::Major => "major",
        })
    }
}

/// One classified change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// Patch, minor or major.
    pub level: Level,
    /// The code it is about, if one.
    pub code: Option<u16>,
    /// What changed, in one sentence.
    pub message: String,
}

fn change(level: Level, code: Option<u16>, message: String) -> Change {
    Change {
        level,
        code,
        message,
    }
}

/// Every change from `old` to `new`, ordered by code (changes to kinds and groups last).
pub fn compare(old: &Table, new: &Table) -> Vec<Change> {
    let new_by_code: BTreeMap<u16, &Code> = new.codes.iter().map(|c| (c.code, c)).collect();
    let old_by_code: BTreeMap<u16, &Code> = old.codes.iter().map(|c| (c.code, c)).collect();
    let new_by_name: BTreeMap<&str, &Code> =
        new.codes.iter().map(|c| (c.name.as_str(), c)).collect();
    let mut changes = Vec::new();
    for before in &old.codes {
        let number = Some(before.code);
        let Some(after) = new_by_code.get(&before.code) else {
            if let Some(moved) = new_by_name.get(before.name.as_str()) {
                changes.push(change(
                    Level::Major,
                    number,
                    format!(
                        "name `{}` moved from {} to {}",
                        before.name, before.code, moved.code
                    ),
                ));
            } else {
                changes.push(change(
                    Level::Major,
                    number,
                    format!(
                        "code {} `{}` was removed; keep it and fill its `deprecated` cell instead",
                        before.code, before.name
                    ),
                ));
            }
            continue;
        };
        changes.extend(compare_code(before, after, &new_by_name));
    }
    for after in &new.codes {
        if !old_by_code.contains_key(&after.code) && !old.codes.iter().any(|c| c.name == after.name)
        {
            changes.push(change(
                Level::Minor,
                Some(after.code),
                format!("new code {} `{}`: {}", after.code, after.name, after.title),
            ));
        }
    }
    for (what, before, after) in [
        ("kind", &old.kinds, &new.kinds),
        ("group", &old.groups, &new.groups),
    ] {
        changes.extend(compare_words(what, before, after));
    }
    changes.extend(compare_translations(old, new));
    changes.extend(structure::compare(old, new));
    changes
}

fn compare_code(before: &Code, after: &Code, new_by_name: &BTreeMap<&str, &Code>) -> Vec<Change> {
    let number = Some(before.code);
    let code = before.code;
    let mut changes = Vec::new();
    if before.name != after.name {
        let message = match new_by_name.get(before.name.as_str()) {
            Some(moved) => format!(
                "number {code} reused for `{}`; its name `{}` moved to {}",
                after.name, before.name, moved.code
            ),
            None => format!(
                "code {code} renamed from `{}` to `{}`",
                before.name, after.name
            ),
        };
        // Under another name it is another code: comparing its texts would be noise.
        return vec![change(Level::Major, number, message)];
    }
    for (what, old, new) in [
        ("kind", &before.kind, &after.kind),
        ("group", &before.group, &after.group),
    ] {
        if old != new {
            changes.push(change(
                Level::Major,
                number,
                format!(
                    "code {code} `{}` changed its {what} from `{old}` to `{new}`",
                    after.name
                ),
            ));
        }
    }
    if before.title != after.title {
        changes.push(change(
            Level::Patch,
            number,
            format!(
                "code {code} `{}`: title changed from \"{}\" to \"{}\"",
                after.name, before.title, after.title
            ),
        ));
    }
    if before.description != after.description {
        changes.push(change(
            Level::Patch,
            number,
            format!("code {code} `{}`: description changed", after.name),
        ));
    }
    match (&before.deprecated, &after.deprecated) {
        (None, Some(note)) => changes.push(change(
            Level::Minor,
            number,
            format!("code {code} `{}` deprecated: {note}", after.name),
        )),
        (Some(_), None) => changes.push(change(
            Level::Minor,
            number,
            format!("code {code} `{}` is no longer deprecated", after.name),
        )),
        (Some(old), Some(new)) if old != new => changes.push(change(
            Level::Patch,
            number,
            format!("code {code} `{}`: deprecation note changed", after.name),
        )),
        _ => {}
    }
    changes
}

/// Declared words are enum variants: a new one is an addition, a removed one breaks matches. Their
/// display titles and descriptions are text: a fix.
fn compare_words(what: &str, before: &[Word], after: &[Word]) -> Vec<Change> {
    let find = |words: &'_ [Word], name: &str| -> Option<usize> {
        words.binary_search_by(|w| w.name.as_str().cmp(name)).ok()
    };
    let mut changes = Vec::new();
    for word in after.iter().filter(|w| find(before, &w.name).is_none()) {
        let message = format!("new {what} `{}`: {}", word.name, word.title);
        changes.push(change(Level::Minor, None, message));
    }
    for old in before {
        let Some(new) = find(after, &old.name).map(|i| &after[i]) else {
            let message = format!("{what} `{}` was removed", old.name);
            changes.push(change(Level::Major, None, message));
            continue;
        };
        let name = &old.name;
        if old.title != new.title {
            changes.push(change(
                Level::Patch,
                None,
                format!(
                    "{what} `{name}`: title changed from \"{}\" to \"{}\"",
                    old.title, new.title
                ),
            ));
        }
        if old.description != new.description {
            let message = format!("{what} `{name}`: description changed");
            changes.push(change(Level::Patch, None, message));
        }
        if old.translations != new.translations {
            let message = format!("{what} `{name}`: translations changed");
            changes.push(change(Level::Patch, None, message));
        }
    }
    changes
}

/// Locales are a `Locale` enum in Rust: a new one is an addition, a removed one breaks matches.
/// Within a locale both tables have, translations are text: a fix.
fn compare_translations(old: &Table, new: &Table) -> Vec<Change> {
    let mut changes = Vec::new();
    for tag in new.locales.iter().filter(|t| !old.locales.contains(t)) {
        changes.push(change(
            Level::Minor,
            None,
            format!("new locale `{tag}` ({})", new.coverage(tag)),
        ));
    }
    for tag in old.locales.iter().filter(|t| !new.locales.contains(t)) {
        changes.push(change(
            Level::Major,
            None,
            format!("locale `{tag}` was removed"),
        ));
    }
    let old_by_code: BTreeMap<u16, &Code> = old.codes.iter().map(|c| (c.code, c)).collect();
    for after in &new.codes {
        let Some(before) = old_by_code.get(&after.code) else {
            continue;
        };
        for tag in new.locales.iter().filter(|t| old.locales.contains(t)) {
            let (was, is) = (before.translations.get(tag), after.translations.get(tag));
            let title = (was.map(|t| &t.title), is.map(|t| &t.title));
            let description = (
                was.and_then(|t| t.description.as_ref()),
                is.and_then(|t| t.description.as_ref()),
            );
            for (field, (was, is)) in [("title", title), ("description", description)] {
                let what = match (was, is) {
                    (None, Some(_)) => "translated",
                    (Some(_), None) => "no longer translated",
                    (Some(a), Some(b)) if a != b => "translation changed",
                    _ => continue,
                };
                changes.push(change(
                    Level::Patch,
                    Some(after.code),
                    format!(
                        "code {} `{}`: `{tag}` {field} {what}",
                        after.code, after.name
                    ),
                ));
            }
        }
    }
    changes
}

/// The most severe level among `changes`, if any.
pub fn worst(changes: &[Change]) -> Option<Level> {
    changes.iter().map(|c| c.level).max()
}

/// Whether going from `old` to `new` is a bump that allows changes of `level`, by Cargo's semver
/// rules (for 0.x, the minor number is the breaking one; for 0.0.x, every bump is breaking).
pub fn version_allows(old: &str, new: &str, level: Level) -> Result<bool, String> {
    let parse = |v: &str| semver::Version::parse(v).map_err(|e| format!("version `{v}`: {e}"));
    let (old, new) = (parse(old)?, parse(new)?);
    if level < Level::Major {
        return Ok(true);
    }
    let compatible = semver::VersionReq::parse(&format!("^{old}")).map_err(|e| e.to_string())?;
    Ok(new > old && !compatible.matches(&new))
}

/// The smallest version after `old` that allows a major change.
pub fn next_breaking(old: &str) -> Result<String, String> {
    let old = semver::Version::parse(old).map_err(|e| format!("version `{old}`: {e}"))?;
    Ok(match (old.major, old.minor) {
        (0, 0) => format!("0.0.{}", old.patch + 1),
        (0, minor) => format!("0.{}.0", minor + 1),
        (major, _) => format!("{}.0.0", major + 1),
    })
}

/// A `CHANGELOG.md` section for `version`: breaking changes, additions, then fixes.
pub fn changelog(version: &str, changes: &[Change]) -> String {
    let mut out = format!("## {version}\n");
    if changes.is_empty() {
        out.push_str("\nNo changes to the table.\n");
    }
    for (level, heading) in [
        (Level::Major, "Breaking changes"),
        (Level::Minor, "Added"),
        (Level::Patch, "Changed text"),
    ] {
        let lines: Vec<&Change> = changes.iter().filter(|c| c.level == level).collect();
        if lines.is_empty() {
            continue;
        }
        let _ = write!(out, "\n### {heading}\n\n");
        for change in lines {
            let _ = writeln!(out, "- {}", crate::markdown::message_line(&change.message));
        }
    }
    out
}
