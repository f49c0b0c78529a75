//! Stage 3: the validated table as plain data. Renderers see only this.

use std::collections::BTreeMap;

/// A valid table: at least one code, sorted by code, names unique.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    /// Every code, sorted by number.
    pub codes: Vec<Code>,
    /// The distinct `kind` words, sorted.
    pub kinds: Vec<String>,
    /// The distinct `group` words, sorted.
    pub groups: Vec<String>,
    /// The BCP 47 tags of the translations (`title.<tag>` columns), sorted; English, the
    /// `title` and `description` columns, is not among them.
    pub locales: Vec<String>,
}

/// One row of the table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Code {
    /// The number written to logs.
    pub code: u16,
    /// The PascalCase API name.
    pub name: String,
    /// One line of text.
    pub title: String,
    /// Text that may span lines (`\n`), or `None`.
    pub description: Option<String>,
    /// A snake_case word, one of [`Table::kinds`].
    pub kind: String,
    /// A snake_case word, one of [`Table::groups`].
    pub group: String,
    /// The deprecation note, or `None` when the code is active.
    pub deprecated: Option<String>,
    /// The translations of the title and description, by locale tag (one of
    /// [`Table::locales`]); a locale is missing where the title is not translated.
    pub translations: BTreeMap<String, Translation>,
}

/// A code's title and description in one locale.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Translation {
    /// The translated title.
    pub title: String,
    /// The translated description; `None` where it is not translated (or the code has none).
    pub description: Option<String>,
}

/// How much of the table one locale translates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Coverage {
    /// Codes whose title is translated.
    pub titles: usize,
    /// Every code: each has a title.
    pub codes: usize,
    /// Codes whose description is translated.
    pub descriptions: usize,
    /// Codes that have an English description.
    pub described: usize,
}

impl Coverage {
    /// Whether every title and description is translated.
    pub fn is_complete(&self) -> bool {
        self.titles == self.codes && self.descriptions == self.described
    }
}

impl std::fmt::Display for Coverage {
    /// `38/38 titles, 31/32 descriptions`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}/{} titles, {}/{} descriptions",
            self.titles, self.codes, self.descriptions, self.described
        )
    }
}

/// What the artifacts say about the package besides the table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Package {
    /// The workspace version, shared by the crate, the npm package and the JSON.
    pub version: String,
}

impl Table {
    /// Builds a table from rows in any order, deriving sorted kinds and groups.
    /// The caller (validation) guarantees unique codes and names, and translations only in
    /// `locales`.
    pub fn new(mut codes: Vec<Code>, mut locales: Vec<String>) -> Table {
        locales.sort();
        locales.dedup();
        codes.sort_by_key(|c| c.code);
        let distinct = |field: fn(&Code) -> &String| {
            let mut words: Vec<&String> = codes.iter().map(field).collect();
            words.sort_unstable();
            words.dedup();
            words.into_iter().cloned().collect::<Vec<String>>()
        };
        let kinds = distinct(|c| &c.kind);
        let groups = distinct(|c| &c.group);
        Table {
            codes,
            kinds,
            groups,
            locales,
        }
    }

    /// Every language of the table's text: English (`title`, `description`), then each
    /// translation, by tag.
    pub fn languages(&self) -> impl Iterator<Item = &str> {
        let translated = self.locales.iter().map(String::as_str);
        std::iter::once(crate::locale::ENGLISH).chain(translated)
    }

    /// How much of the table `locale` translates.
    pub fn coverage(&self, locale: &str) -> Coverage {
        let translated = || self.codes.iter().filter_map(|c| c.translations.get(locale));
        Coverage {
            titles: translated().count(),
            codes: self.codes.len(),
            descriptions: translated().filter(|t| t.description.is_some()).count(),
            described: self
                .codes
                .iter()
                .filter(|c| c.description.is_some())
                .count(),
        }
    }
}
