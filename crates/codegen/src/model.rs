//! Stage 3: the validated table as plain data. Renderers see only this.

use std::collections::BTreeMap;

/// A valid table: at least one code, sorted by code, names unique.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    /// Every code, sorted by number.
    pub codes: Vec<Code>,
    /// The kinds declared in `kinds.csv`, sorted by word.
    pub kinds: Vec<Word>,
    /// The groups declared in `groups.csv`, sorted by word.
    pub groups: Vec<Word>,
    /// The BCP 47 tags of the translations (`title.<tag>` columns), sorted; English, the
    /// `title` and `description` columns, is not among them.
    pub locales: Vec<String>,
    /// The numbers retired for good (`reserved.csv`), sorted; no code has one.
    pub reserved: Vec<Reserved>,
}

/// Code numbers from `first` to `last`, both included: a kind's range, a reserved span.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct NumberRange {
    /// The lowest number.
    pub first: u16,
    /// The highest number, at least `first`.
    pub last: u16,
}

impl NumberRange {
    /// Whether `code` is in the range.
    pub fn contains(self, code: u16) -> bool {
        (self.first..=self.last).contains(&code)
    }

    /// Whether the two ranges share a number.
    pub fn overlaps(self, other: NumberRange) -> bool {
        self.first <= other.last && other.first <= self.last
    }
}

impl std::fmt::Display for NumberRange {
    /// `2000-3999`, or `4003` for one number: as the sheets write it.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.first == self.last {
            write!(f, "{}", self.first)
        } else {
            write!(f, "{}-{}", self.first, self.last)
        }
    }
}

/// Numbers no code may ever have again: one row of `reserved.csv`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reserved {
    /// The number, or span of numbers.
    pub numbers: NumberRange,
    /// Why (what the numbers were).
    pub note: String,
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
    /// A snake_case word, the name of one of [`Table::kinds`].
    pub kind: String,
    /// A snake_case word, the name of one of [`Table::groups`].
    pub group: String,
    /// The deprecation note, or `None` when the code is active.
    pub deprecated: Option<String>,
    /// The translations of the title and description, by locale tag (one of
    /// [`Table::locales`]); a locale is missing where the title is not translated.
    pub translations: BTreeMap<String, Translation>,
    /// The number of the code this one is the counterpart of (a failure's success), when its
    /// kind declares counterparts ([`Word::counterpart_of`]).
    pub counterpart: Option<u16>,
}

/// A declared kind or group: one row of `kinds.csv` or `groups.csv`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    /// The snake_case word that codes, logs and every API use (`directory_sync`).
    pub name: String,
    /// The display title people read (`Directory Sync`, `MFA`).
    pub title: String,
    /// Text that may span lines, or `None`.
    pub description: Option<String>,
    /// The translations of the title and description, by locale tag (one of
    /// [`Table::locales`]); a locale is missing where the title is not translated.
    pub translations: BTreeMap<String, Translation>,
    /// A kind's numbers (`kinds.csv`'s `range`): its codes lie in it, and a code this version
    /// does not know has the kind whose range holds it. Ranges do not overlap. Never for a group.
    pub range: Option<NumberRange>,
    /// The kind whose codes this kind's codes are counterparts of (`failure` → `success`,
    /// `kinds.csv`'s `counterpart_of`). Never for a group.
    pub counterpart_of: Option<String>,
}

impl Word {
    /// The title in `locale`, English where it is not translated.
    pub fn title_in(&self, locale: &str) -> &str {
        self.translations
            .get(locale)
            .map_or(&self.title, |t| &t.title)
    }
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
    /// Declared kinds and groups whose title is translated.
    pub word_titles: usize,
    /// Every declared kind and group.
    pub words: usize,
    /// Declared kinds and groups whose description is translated.
    pub word_descriptions: usize,
    /// Declared kinds and groups that have an English description.
    pub words_described: usize,
}

impl Coverage {
    /// Whether every title and description is translated, in every sheet.
    pub fn is_complete(&self) -> bool {
        self.titles == self.codes
            && self.descriptions == self.described
            && self.word_titles == self.words
            && self.word_descriptions == self.words_described
    }

    /// How many texts are not translated (and shown in English instead).
    pub fn untranslated(&self) -> usize {
        (self.codes - self.titles)
            + (self.described - self.descriptions)
            + (self.words - self.word_titles)
            + (self.words_described - self.word_descriptions)
    }
}

impl std::fmt::Display for Coverage {
    /// `38/38 titles, 31/32 descriptions, 19/19 kind and group titles` (and their descriptions,
    /// when any kind or group has one).
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}/{} titles, {}/{} descriptions, {}/{} kind and group titles",
            self.titles,
            self.codes,
            self.descriptions,
            self.described,
            self.word_titles,
            self.words
        )?;
        if self.words_described > 0 {
            write!(
                f,
                ", {}/{} kind and group descriptions",
                self.word_descriptions, self.words_described
            )?;
        }
        Ok(())
    }
}

/// What the artifacts say about the package besides the table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Package {
    /// The version, shared by the crate, the npm package and the JSON.
    pub version: String,
    /// The first line of every generated file that has comments: `@generated by … ; do not edit`.
    pub notice: String,
    /// The npm package's name.
    pub npm_name: String,
    /// The npm package's description.
    pub description: String,
}

impl Package {
    /// This project's package (`log-codes`, generated by `cargo xtask gen`) at `version`.
    pub fn new(version: impl Into<String>) -> Package {
        Package {
            version: version.into(),
            notice: crate::render::GENERATED_NOTICE.to_owned(),
            npm_name: "log-codes".to_owned(),
            description:
                "Tenant log event codes with their names, titles, descriptions, kinds and \
                          groups, generated from the same table as the Rust crate and the JSON."
                    .to_owned(),
        }
    }
}

impl Table {
    /// Builds a table from rows and declarations in any order. The caller (validation)
    /// guarantees unique codes, names and words, codes of declared kinds and groups, and
    /// translations only in `locales`.
    pub fn new(
        mut codes: Vec<Code>,
        mut kinds: Vec<Word>,
        mut groups: Vec<Word>,
        mut locales: Vec<String>,
    ) -> Table {
        locales.sort();
        locales.dedup();
        codes.sort_by_key(|c| c.code);
        kinds.sort_by(|a, b| a.name.cmp(&b.name));
        groups.sort_by(|a, b| a.name.cmp(&b.name));
        Table {
            codes,
            kinds,
            groups,
            locales,
            reserved: Vec::new(),
        }
    }

    /// The table with the numbers `reserved` retired, sorted.
    pub fn with_reserved(mut self, mut reserved: Vec<Reserved>) -> Table {
        reserved.sort_by_key(|r| r.numbers);
        self.reserved = reserved;
        self
    }

    /// The declared kind `word` (the kinds are sorted by word).
    pub fn kind(&self, word: &str) -> Option<&Word> {
        let at = (self.kinds)
            .binary_search_by(|k| k.name.as_str().cmp(word))
            .ok()?;
        Some(&self.kinds[at])
    }

    /// The kind whose range holds `code`, known or not.
    pub fn kind_of(&self, code: u16) -> Option<&Word> {
        (self.kinds.iter()).find(|k| k.range.is_some_and(|r| r.contains(code)))
    }

    /// The code numbered `code`, if the table has it.
    pub fn code(&self, code: u16) -> Option<&Code> {
        let at = self.codes.binary_search_by_key(&code, |c| c.code).ok()?;
        Some(&self.codes[at])
    }

    /// The codes whose counterpart is `code`, in code order.
    pub fn counterparts_of(&self, code: u16) -> impl Iterator<Item = &Code> {
        (self.codes.iter()).filter(move |c| c.counterpart == Some(code))
    }

    /// Whether no code may have `code`: a reserved number.
    pub fn reservation(&self, code: u16) -> Option<&Reserved> {
        self.reserved.iter().find(|r| r.numbers.contains(code))
    }

    /// Every language of the table's text: English (`title`, `description`), then each
    /// translation, by tag.
    pub fn languages(&self) -> impl Iterator<Item = &str> {
        let translated = self.locales.iter().map(String::as_str);
        std::iter::once(crate::locale::ENGLISH).chain(translated)
    }

    /// The words of the declared kinds, sorted.
    pub fn kind_names(&self) -> impl Iterator<Item = &str> {
        self.kinds.iter().map(|k| k.name.as_str())
    }

    /// The words of the declared groups, sorted.
    pub fn group_names(&self) -> impl Iterator<Item = &str> {
        self.groups.iter().map(|g| g.name.as_str())
    }

    /// How much of the table `locale` translates.
    pub fn coverage(&self, locale: &str) -> Coverage {
        let translated = || self.codes.iter().filter_map(|c| c.translations.get(locale));
        let words = || self.kinds.iter().chain(&self.groups);
        let translated_words = || words().filter_map(|w| w.translations.get(locale));
        Coverage {
            titles: translated().count(),
            codes: self.codes.len(),
            descriptions: translated().filter(|t| t.description.is_some()).count(),
            described: self
                .codes
                .iter()
                .filter(|c| c.description.is_some())
                .count(),
            word_titles: translated_words().count(),
            words: words().count(),
            word_descriptions: translated_words()
                .filter(|t| t.description.is_some())
                .count(),
            words_described: words().filter(|w| w.description.is_some()).count(),
        }
    }
}
