//! The edits an editor makes to a table, drawn at random from a seed: each sequence gives a valid
//! table, written out as sheets an editor's spreadsheet would save.

use std::collections::BTreeMap;

use log_codes_codegen::compat::{self, Level};
use log_codes_codegen::{Code, Table, Translation, Word, canonical};

use crate::Failure;

/// A small, seedable generator (xorshift64*): a case is reproduced from its seed.
pub(super) struct Rng(u64);

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
pub(super) const TEXTS: [&str; 10] = [
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
pub(super) enum Edit {
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

pub(super) const EDITS: [Edit; 9] = [
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
pub(super) struct Edited {
    pub(super) table: Table,
    /// Rows saved in another order than by code.
    shuffled: bool,
    /// A counter for fresh names, words and numbers.
    fresh: usize,
    /// What was done, for the report of a failing case.
    pub(super) log: Vec<String>,
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

    /// A random number a new code of `kind` may have: in the kind's range (outside every
    /// other kind's), unused and not reserved.
    fn unused_number(&self, rng: &mut Rng, kind: &str) -> u16 {
        let used: std::collections::HashSet<u16> =
            self.table.codes.iter().map(|c| c.code).collect();
        let fits = |n: u16| {
            !used.contains(&n) && log_codes_codegen::numbering::may_have(&self.table, kind, n)
        };
        // Anywhere in the kind's range (or in every number): not always its first free one.
        let range = (self.table.kind(kind))
            .and_then(|k| k.range)
            .map_or((0, 65_536), |r| {
                (usize::from(r.first), usize::from(r.last) + 1)
            });
        let span = range.1 - range.0;
        let start = rng.below(span);
        (0..span)
            .map(|i| (range.0 + (start + i) % span) as u16)
            .find(|&n| fits(n))
            .expect("the kind has a free number")
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
            code: self.unused_number(rng, &kind),
            name: name.clone(),
            title: self.text(rng),
            translations: self.translations(rng, description.is_some()),
            description,
            kind,
            group,
            deprecated: None,
            counterpart: None,
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
                    range: None,
                    counterpart_of: None,
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

pub(super) fn capitalized(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|c| c.to_ascii_uppercase().to_string() + chars.as_str())
        .unwrap_or_default()
}

/// The sheets as an editor saves them: canonical, except the rows' order when shuffled.
pub(super) fn sheets(edited: &Edited, rng: &mut Rng) -> log_codes_codegen::SheetTexts {
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
pub(super) fn edited_case(base: &Table, seed: u64, case: usize) -> (Edited, Rng) {
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
pub(super) fn version_for(base: &Table, version: &str, edited: &Table) -> Result<String, Failure> {
    let changes = compat::compare(base, edited);
    if compat::worst(&changes) == Some(Level::Major) {
        compat::next_breaking(version).map_err(Failure::Other)
    } else {
        Ok(version.to_owned())
    }
}
