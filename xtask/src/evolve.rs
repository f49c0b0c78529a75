//! `cargo xtask evolve`: the promise "edit the table, run `gen`, and every test stays green",
//! tried. Starting from the real table, each case applies a random sequence of valid edits (a
//! code added in any kind and group, titles and descriptions edited, a code deprecated, a
//! translation added, a kind's or group's display title edited, a group added, a locale added or
//! removed, rows reordered), writes the sheets as an editor would, and regenerates a crate from
//! them; the stability guard must accept each sequence (with the version bumped, as a user
//! would, when it holds a major change). Then every case's crate is unit-tested, doc-tested and
//! documented (warnings denied) in one cargo workspace, and every case's TypeScript package runs
//! the whole `ts-checks` suite (tsc under three resolutions, `node --test`, the docs' links,
//! publint and attw).

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;
use std::process::Command;

use log_codes_codegen::compat::{self, Level};
use log_codes_codegen::{Code, Table, Translation, Word, canonical};

use crate::{Failure, Mode, Options, workspace_root};

/// How many cases `cargo xtask test` runs: about 13 s each on two cores, most of it the
/// TypeScript suite (within the two minutes the step may take).
pub const CASES_IN_TEST: usize = 4;

/// A small, seedable generator (xorshift64*): a case is reproduced from its seed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// Text an editor may type, awkward on purpose: quotes, backslashes, Markdown, template and
/// comment syntax, other scripts.
const TEXTS: [&str; 10] = [
    "Password Changed",
    "Token \"Refreshed\"",
    "Export `report` for ${tenant}",
    "Rule */ evaluated | skipped",
    "Giriş başarısız: İşlem reddedildi",
    "Sign-in via www.example.com <b>blocked</b>",
    "Back\\slash and *stars*",
    "🔐 Key rotated",
    "Café, naïve, 東京",
    "# not a heading - not a list",
];

/// One edit a user might make, and whether the stability guard calls it major.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Edit {
    AddCode,
    ChangeText,
    Deprecate,
    Translate,
    RetitleWord,
    AddGroup,
    AddLocale,
    RemoveLocale,
    ReorderRows,
}

const EDITS: [Edit; 9] = [
    Edit::AddCode,
    Edit::ChangeText,
    Edit::Deprecate,
    Edit::Translate,
    Edit::RetitleWord,
    Edit::AddGroup,
    Edit::AddLocale,
    Edit::RemoveLocale,
    Edit::ReorderRows,
];

/// A table being edited: the model, and how the editor saves it.
struct Edited {
    table: Table,
    /// Rows saved in another order than by code.
    shuffled: bool,
    /// A counter for fresh names, words and numbers.
    fresh: usize,
    log: Vec<String>,
}

impl Edited {
    fn text(&mut self, rng: &mut Rng) -> String {
        self.fresh += 1;
        format!("{} {}", rng.pick(&TEXTS), self.fresh)
    }

    /// `Aa`, `Ab`, …: a suffix for PascalCase names and snake_case words alike.
    fn letters(&mut self) -> String {
        self.fresh += 1;
        let (mut n, mut out) = (self.fresh, String::new());
        loop {
            out.insert(0, char::from(b'a' + (n % 26) as u8));
            n /= 26;
            if n == 0 {
                break;
            }
        }
        out
    }

    fn unused_number(&self, rng: &mut Rng) -> u16 {
        let used: std::collections::HashSet<u16> =
            self.table.codes.iter().map(|c| c.code).collect();
        let start = rng.below(65_536);
        (0..65_536)
            .map(|i| ((start + i) % 65_536) as u16)
            .find(|n| !used.contains(n))
            .expect("a table has fewer than 65,536 codes here")
    }

    fn translations(&mut self, rng: &mut Rng, described: bool) -> BTreeMap<String, Translation> {
        let locales = self.table.locales.clone();
        let mut out = BTreeMap::new();
        for tag in locales {
            if rng.chance(70) {
                let description = (described && rng.chance(60)).then(|| self.text(rng));
                out.insert(
                    tag,
                    Translation {
                        title: self.text(rng),
                        description,
                    },
                );
            }
        }
        out
    }

    fn add_code(&mut self, rng: &mut Rng, group: Option<String>) -> String {
        let kind = rng.pick(&self.table.kinds).name.clone();
        let group = group.unwrap_or_else(|| rng.pick(&self.table.groups).name.clone());
        let name = format!("Evolved{}", capitalized(&self.letters()));
        let description = rng.chance(60).then(|| {
            let first = self.text(rng);
            if rng.chance(30) {
                format!("{first}\n{}", self.text(rng))
            } else {
                first
            }
        });
        let code = Code {
            code: self.unused_number(rng),
            name: name.clone(),
            title: self.text(rng),
            translations: self.translations(rng, description.is_some()),
            description,
            kind,
            group,
            deprecated: None,
        };
        let added = format!("add {} `{name}` ({}, {})", code.code, code.kind, code.group);
        self.table.codes.push(code);
        added
    }

    /// Applies `edit`; returns what it did, or `None` when it does not apply to this table.
    fn apply(&mut self, edit: Edit, rng: &mut Rng) -> Option<String> {
        let count = self.table.codes.len();
        match edit {
            Edit::AddCode => Some(self.add_code(rng, None)),
            Edit::ChangeText => {
                let at = rng.below(count);
                let text = self.text(rng);
                let locale = rng
                    .pick(
                        &self
                            .table
                            .languages()
                            .map(str::to_owned)
                            .collect::<Vec<_>>(),
                    )
                    .clone();
                let code = &mut self.table.codes[at];
                if locale == log_codes_codegen::testing::locale::ENGLISH {
                    if rng.chance(50) {
                        code.title = text;
                    } else {
                        code.description = Some(text);
                        // A translated description needs its English one: kept.
                    }
                } else {
                    let translation = code.translations.entry(locale.clone());
                    translation
                        .or_insert(Translation {
                            title: String::new(),
                            description: None,
                        })
                        .title = text;
                }
                Some(format!("edit the {locale} text of {}", code.code))
            }
            Edit::Deprecate => {
                let active: Vec<usize> = (0..count)
                    .filter(|&i| self.table.codes[i].deprecated.is_none())
                    .collect();
                let at = *active.get(rng.below(active.len()))?;
                let other = self.table.codes[rng.below(count)].code;
                let code = &mut self.table.codes[at];
                code.deprecated = Some(format!("use {other} instead"));
                Some(format!("deprecate {}", code.code))
            }
            Edit::Translate => {
                let tag = self
                    .table
                    .locales
                    .get(rng.below(self.table.locales.len()))?
                    .clone();
                let untranslated: Vec<usize> = (0..count)
                    .filter(|&i| !self.table.codes[i].translations.contains_key(&tag))
                    .collect();
                let at = *untranslated.get(rng.below(untranslated.len()))?;
                let title = self.text(rng);
                let code = &mut self.table.codes[at];
                code.translations.insert(
                    tag.clone(),
                    Translation {
                        title,
                        description: None,
                    },
                );
                Some(format!("translate {} into {tag}", code.code))
            }
            Edit::RetitleWord => {
                let kinds = rng.chance(50);
                let text = self.text(rng);
                let words = if kinds {
                    &mut self.table.kinds
                } else {
                    &mut self.table.groups
                };
                let at = rng.below(words.len());
                words[at].title = text;
                Some(format!(
                    "retitle the {} `{}`",
                    if kinds { "kind" } else { "group" },
                    words[at].name
                ))
            }
            Edit::AddGroup => {
                let word = format!("evolved_{}", self.letters());
                let title = format!("Evolved {}", self.text(rng));
                let translations = self.translations(rng, false);
                let description = rng.chance(50).then(|| self.text(rng));
                self.table.groups.push(Word {
                    name: word.clone(),
                    title,
                    description,
                    translations,
                });
                self.table.groups.sort_by(|a, b| a.name.cmp(&b.name));
                // A new group comes with its first code.
                let code = self.add_code(rng, Some(word.clone()));
                Some(format!("add the group `{word}` and {code}"))
            }
            Edit::AddLocale => {
                let tag = ["de", "pt-BR", "zh-Hant", "es-419"]
                    .into_iter()
                    .find(|t| !self.table.locales.iter().any(|l| l == t))?
                    .to_owned();
                self.table.locales.push(tag.clone());
                self.table.locales.sort();
                for at in 0..count {
                    if rng.chance(50) {
                        let title = self.text(rng);
                        self.table.codes[at].translations.insert(
                            tag.clone(),
                            Translation {
                                title,
                                description: None,
                            },
                        );
                    }
                }
                let group = rng.below(self.table.groups.len());
                let title = self.text(rng);
                self.table.groups[group].translations.insert(
                    tag.clone(),
                    Translation {
                        title,
                        description: None,
                    },
                );
                Some(format!("add the locale {tag}, partly translated"))
            }
            Edit::RemoveLocale => {
                let tag = self
                    .table
                    .locales
                    .get(rng.below(self.table.locales.len()))?
                    .clone();
                self.table.locales.retain(|l| *l != tag);
                let words = self.table.kinds.iter_mut().chain(&mut self.table.groups);
                for translations in words.map(|w| &mut w.translations) {
                    translations.remove(&tag);
                }
                for code in &mut self.table.codes {
                    code.translations.remove(&tag);
                }
                Some(format!("remove the locale {tag}"))
            }
            Edit::ReorderRows => {
                self.shuffled = true;
                Some("save the rows in another order".to_owned())
            }
        }
    }
}

fn capitalized(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|c| c.to_ascii_uppercase().to_string() + chars.as_str())
        .unwrap_or_default()
}

/// The sheets as an editor saves them: canonical, except the rows' order when shuffled.
fn sheets(edited: &Edited, rng: &mut Rng) -> log_codes_codegen::SheetTexts {
    let mut table = Table::new(
        edited.table.codes.clone(),
        edited.table.kinds.clone(),
        edited.table.groups.clone(),
        edited.table.locales.clone(),
    );
    let mut sheets = canonical::to_sheets(&table);
    if edited.shuffled {
        // The fields are plain data: the codes in another order write the rows in that order.
        for i in (1..table.codes.len()).rev() {
            table.codes.swap(i, rng.below(i + 1));
        }
        sheets.codes = canonical::to_csv(&table);
    }
    sheets
}

/// Case `case` of `seed`: the real table with a random sequence of valid edits, and the
/// generator it continues with (for the rows' order).
fn edited_case(base: &Table, seed: u64, case: usize) -> (Edited, Rng) {
    let case_seed = seed
        .wrapping_add(case as u64)
        .wrapping_mul(0x9E37_79B9_7F4A_7C15)
        | 1;
    let mut rng = Rng(case_seed);
    let mut edited = Edited {
        table: base.clone(),
        shuffled: false,
        fresh: 0,
        log: Vec::new(),
    };
    for _ in 0..3 + rng.below(6) {
        let edit = *rng.pick(&EDITS);
        if let Some(done) = edited.apply(edit, &mut rng) {
            edited.log.push(done);
        }
    }
    (edited, rng)
}

/// The version a user sets for the edits: the next breaking one when they hold a major change.
fn version_for(base: &Table, version: &str, edited: &Table) -> Result<String, Failure> {
    let changes = compat::compare(base, edited);
    if compat::worst(&changes) == Some(Level::Major) {
        compat::next_breaking(version).map_err(Failure::Other)
    } else {
        Ok(version.to_owned())
    }
}

/// Runs `cases` cases from `seed`; returns a summary.
pub fn run(cases: usize, seed: u64) -> Result<String, Failure> {
    let root = workspace_root();
    let work = crate::target_dir().join("evolve");
    let _ = fs::remove_dir_all(&work);
    fs::create_dir_all(&work)?;
    let real = crate::files::read_sheets(&root.join("codes.csv")).map_err(Failure::Other)?;
    let (base, report) = log_codes_codegen::testing::parse(&real.input());
    let base = base.ok_or_else(|| Failure::InvalidTable(report.summary("codes.csv")))?;
    let version = crate::workspace_version(&root)?;
    let mut members = Vec::new();
    let mut described = Vec::new();
    for case in 0..cases {
        let (edited, mut rng) = edited_case(&base, seed, case);
        let name = format!("case-{case}");
        let context = |e: Failure| match e {
            Failure::InvalidTable(text) | Failure::Incompatible(text) | Failure::Other(text) => {
                Failure::Other(format!(
                    "evolve {name} (seed {seed}, edits: {}):\n{text}",
                    edited.log.join("; ")
                ))
            }
            other => other,
        };
        let table_dir = work.join("tables").join(&name);
        let csv = table_dir.join("codes.csv");
        crate::files::write_sheets(&csv, &sheets(&edited, &mut rng))?;
        let (parsed, report) = log_codes_codegen::testing::parse(
            &crate::files::read_sheets(&csv)
                .map_err(Failure::Other)?
                .input(),
        );
        let parsed = parsed
            .ok_or_else(|| context(Failure::InvalidTable(report.render("codes.csv", false))))?;
        // A user bumps the version for a major change; the guard must then accept the edits.
        let new_version = version_for(&base, &version, &parsed)?;
        crate::guard::check("the real table", &base, &version, &parsed, &new_version)
            .map_err(context)?;
        fs::write(
            table_dir.join("Cargo.toml"),
            format!("[workspace.package]\nversion = \"{new_version}\"\n"),
        )?;
        let crate_dir = work.join("crates").join(&name);
        crate::bench::generated_crate(&crate_dir, &csv).map_err(context)?;
        // The crate's own `lib.rs` (its docs and doctests, the README's example), which must hold
        // for any table.
        fs::copy(
            root.join("crates/log-codes/src/lib.rs"),
            crate_dir.join("src/lib.rs"),
        )?;
        // Generated again with the case's version, then checked: nothing stale.
        for mode in [Mode::Write, Mode::Check] {
            crate::generate(&Options {
                root: table_dir.clone(),
                input: csv.clone(),
                out_dir: crate_dir.clone(),
                mode,
                ..Options::workspace(mode)
            })
            .map_err(context)?;
        }
        fs::write(
            crate_dir.join("Cargo.toml"),
            format!(
                "[package]\nname = \"log-codes-{name}\"\nversion = \"{new_version}\"\nedition = \"2021\"\npublish = false\n\n[lib]\nname = \"log_codes\"\n\n[features]\nserde = [\"dep:serde\"]\n\n[dependencies]\nserde = {{ version = \"1\", optional = true, default-features = false }}\n"
            ),
        )?;
        members.push(format!("\"crates/{name}\""));
        described.push(format!("  {name}: {}", edited.log.join("; ")));
    }
    fs::write(
        work.join("Cargo.toml"),
        format!(
            "[workspace]\nresolver = \"2\"\nmembers = [{}]\n",
            members.join(", ")
        ),
    )?;
    println!(
        "evolve: seed {seed}, {cases} cases\n{}",
        described.join("\n")
    );
    let cargo = |args: &[&str]| {
        let mut command = Command::new(env!("CARGO"));
        command
            .args(args)
            .arg("--manifest-path")
            .arg(work.join("Cargo.toml"))
            .env("CARGO_TARGET_DIR", work.join("target"))
            .env("RUSTDOCFLAGS", "-D warnings");
        command
    };
    // Every case's unit tests and doc tests (the hand-written ones included: they follow the
    // table), and its docs with warnings denied.
    run_command(&mut cargo(&[
        "test",
        "--quiet",
        "--workspace",
        "--all-features",
    ]))?;
    for case in 0..cases {
        run_command(&mut cargo(&[
            "doc",
            "--quiet",
            "--no-deps",
            "--all-features",
            "-p",
            &format!("log-codes-case-{case}"),
        ]))?;
    }
    // The suite reads the generator's naming rules beside the crate, as in the repository.
    symlink(&root.join("crates/codegen"), &work.join("crates/codegen"))?;
    for case in 0..cases {
        ts_suite(&root, &work.join("crates").join(format!("case-{case}")))?;
    }
    Ok(format!(
        "evolve: {cases} edited tables (seed {seed}) regenerated, accepted by the stability guard, and green: crate tests, doctests and docs, and the TypeScript suite"
    ))
}

/// The whole `ts-checks` suite against the package of `crate_dir`: the suite's files, beside
/// the case's `ts/` as they are beside the real one, with the pinned tools of the real
/// `node_modules` and `log-codes` pointing at the case's package.
fn ts_suite(root: &Path, crate_dir: &Path) -> Result<(), Failure> {
    let checks = root.join("crates/log-codes/ts-checks");
    let suite = crate_dir.join("ts-checks");
    copy_tree(&checks, &suite, &|name| name != "node_modules")?;
    let modules = suite.join("node_modules");
    fs::create_dir_all(&modules)?;
    for entry in fs::read_dir(checks.join("node_modules"))? {
        let entry = entry?;
        let name = entry.file_name();
        if name != "log-codes" && name != ".package-lock.json" {
            symlink(&entry.path(), &modules.join(&name))?;
        }
    }
    symlink(&crate_dir.join("ts"), &modules.join("log-codes"))?;
    run_command(
        Command::new("npm")
            // The package's checks; the generator's templates (`typecheck:runtime`) are not the
            // case's and are checked once by `cargo xtask test`.
            .args(["run", "test:package", "--silent"])
            .current_dir(&suite),
    )
}

fn copy_tree(
    from: &Path,
    to: &Path,
    keep: &dyn Fn(&std::ffi::OsStr) -> bool,
) -> Result<(), Failure> {
    fs::create_dir_all(to)?;
    for entry in fs::read_dir(from)? {
        let entry = entry?;
        let name = entry.file_name();
        if !keep(&name) {
            continue;
        }
        let path = entry.path();
        if path.is_dir() {
            copy_tree(&path, &to.join(&name), keep)?;
        } else {
            fs::copy(&path, to.join(&name))?;
        }
    }
    Ok(())
}

#[cfg(unix)]
fn symlink(target: &Path, link: &Path) -> Result<(), Failure> {
    std::os::unix::fs::symlink(target, link).map_err(Failure::from)
}

#[cfg(not(unix))]
fn symlink(target: &Path, link: &Path) -> Result<(), Failure> {
    std::os::windows::fs::symlink_dir(target, link).map_err(Failure::from)
}

/// Runs a command quietly: its output is shown only when it fails.
fn run_command(command: &mut Command) -> Result<(), Failure> {
    let output = command
        .output()
        .map_err(|e| Failure::Other(format!("{command:?}: {e}")))?;
    if output.status.success() {
        return Ok(());
    }
    Err(Failure::Other(format!(
        "{command:?} failed:\n{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )))
}

/// The default seed: different on each run (printed, so a failure can be replayed with `--seed`).
pub fn fresh_seed() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(1, |d| d.as_nanos() as u64)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every sequence of edits gives a valid table that reads back as the edited model, and
    /// the stability guard accepts it with the version a user would set; a major change is
    /// only ever the removal of one of the table's locales. (The builds and test suites of `cargo xtask evolve`
    /// need minutes; this checks the edits alone, for many seeds, in a second.)
    #[test]
    fn every_sequence_of_edits_is_a_valid_table_the_guard_accepts() {
        let root = workspace_root();
        let real = crate::files::read_sheets(&root.join("codes.csv")).unwrap();
        let (base, report) = log_codes_codegen::testing::parse(&real.input());
        let (base, base_warnings) = (base.unwrap(), report.diagnostics.len());
        let mut kinds_of_edit = std::collections::BTreeSet::new();
        // `EVOLVE_CASES=N` tries more (a case is a seed and an index).
        let cases: usize = std::env::var("EVOLVE_CASES")
            .ok()
            .and_then(|n| n.parse().ok())
            .unwrap_or(200);
        for case in 0..cases {
            let (edited, mut rng) = edited_case(&base, 7, case);
            let sheets = sheets(&edited, &mut rng);
            let (parsed, report) = log_codes_codegen::testing::parse(&sheets.input());
            let log = edited.log.join("; ");
            let parsed = parsed.unwrap_or_else(|| panic!("{log}\n{}", report.summary("codes.csv")));
            // No edit adds a warning (a table may have some of its own: a declared, unused kind).
            assert!(
                report.diagnostics.len() <= base_warnings,
                "{log}\n{}",
                report.summary("codes.csv")
            );
            let expected = Table::new(
                edited.table.codes.clone(),
                edited.table.kinds.clone(),
                edited.table.groups.clone(),
                edited.table.locales.clone(),
            );
            assert_eq!(parsed, expected, "{log}");
            let version = version_for(&base, "1.2.3", &parsed).unwrap();
            crate::guard::check("base", &base, "1.2.3", &parsed, &version).unwrap();
            let removed = (base.locales.iter()).any(|l| !parsed.locales.contains(l));
            assert_eq!(version != "1.2.3", removed, "{log}");
            kinds_of_edit.extend(
                edited
                    .log
                    .iter()
                    .map(|e| e.split(' ').next().unwrap().to_owned()),
            );
        }
        // Every kind of edit happened.
        assert_eq!(
            kinds_of_edit.into_iter().collect::<Vec<_>>(),
            [
                "add",
                "deprecate",
                "edit",
                "remove",
                "retitle",
                "save",
                "translate"
            ]
        );
    }
}
