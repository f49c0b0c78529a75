//! The sheets' columns: what a header of `codes.csv`, `kinds.csv` and `groups.csv` may hold,
//! and in which canonical order. Validation finds columns through it, `canonical` (`cargo xtask
//! fmt`) writes them through it and the synthetic tables build their headers with it, so a column
//! is named in this file alone.

/// The columns of `codes.csv`, matched by header name in any order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Column {
    /// `code`: the number.
    Code,
    /// `name`: the PascalCase API name.
    Name,
    /// `title`: one line of text.
    Title,
    /// `description`: optional text.
    Description,
    /// `kind`: a snake_case word.
    Kind,
    /// `group`: a snake_case word.
    Group,
    /// `deprecated`: optional deprecation note.
    Deprecated,
    /// `counterpart`: optional, the number of the code this one is the counterpart of.
    Counterpart,
}

impl Column {
    /// Every column, in the canonical order of the header.
    pub const ALL: [Column; 8] = [
        Column::Code,
        Column::Name,
        Column::Title,
        Column::Description,
        Column::Kind,
        Column::Group,
        Column::Deprecated,
        Column::Counterpart,
    ];

    /// The columns every canonical sheet has, the first of [`Column::ALL`]; the others only when
    /// a row uses them.
    pub const BASIC: [Column; 7] = {
        let mut basic = [Column::Code; 7];
        let mut at = 0;
        while at < basic.len() {
            basic[at] = Column::ALL[at];
            at += 1;
        }
        basic
    };

    /// The header text.
    pub fn header(self) -> &'static str {
        match self {
            Column::Code => "code",
            Column::Name => "name",
            Column::Title => Translated::Title.header(),
            Column::Description => Translated::Description.header(),
            Column::Kind => "kind",
            Column::Group => "group",
            Column::Deprecated => "deprecated",
            Column::Counterpart => "counterpart",
        }
    }

    /// What a cell of this column holds, for messages.
    pub fn noun(self) -> &'static str {
        match self {
            Column::Deprecated => "deprecation note",
            other => other.header(),
        }
    }

    /// Whether every row needs a value in this column (and the header must have it).
    pub fn required(self) -> bool {
        !matches!(
            self,
            Column::Description | Column::Deprecated | Column::Counterpart
        )
    }
}

/// The English columns that have a translation column per locale, in every sheet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Translated {
    /// `title.<locale>`.
    Title,
    /// `description.<locale>`.
    Description,
}

impl Translated {
    /// Both, in the canonical order of a locale's pair of columns.
    pub const ALL: [Translated; 2] = [Translated::Title, Translated::Description];

    /// The English column's header, the prefix of its translations' headers.
    pub fn header(self) -> &'static str {
        match self {
            Translated::Title => "title",
            Translated::Description => "description",
        }
    }

    /// The header of its translation into `tag`: `title.tr`.
    pub fn translation(self, tag: &str) -> String {
        format!("{}.{tag}", self.header())
    }
}

/// A translation column's header split into its English column's header and its tag (`title.tr`
/// → `("title", "tr")`), whether or not either part is valid; `None` without a `.`.
pub fn split_translation(header: &str) -> Option<(&str, &str)> {
    header.split_once('.')
}

/// Whether the column of header `header` may hold line breaks: a description or its translation.
pub fn is_multiline(header: &str) -> bool {
    let english = split_translation(header).map_or(header, |(english, _)| english);
    english == Translated::Description.header()
}

/// The columns of a declaration sheet (`kinds.csv`, `groups.csv`), matched by header name in any
/// order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WordColumn {
    /// The word, headed like the codes sheet's column that uses it: `kind` or `group`.
    Word,
    /// `title`: the display title, required.
    Title,
    /// `description`: optional text.
    Description,
    /// `range` (kinds only): optional, the kind's numbers, `2000-3999`.
    Range,
    /// `counterpart_of` (kinds only): optional, the kind whose codes this kind's codes are
    /// counterparts of (`failure`: `success`).
    CounterpartOf,
}

impl WordColumn {
    /// Every column, in the canonical order of the header.
    pub const ALL: [WordColumn; 5] = [
        WordColumn::Word,
        WordColumn::Title,
        WordColumn::Description,
        WordColumn::Range,
        WordColumn::CounterpartOf,
    ];

    /// The columns every canonical declaration sheet has; the others only when a row uses them.
    pub const BASIC: [WordColumn; 3] =
        [WordColumn::Word, WordColumn::Title, WordColumn::Description];

    /// Whether the sheet that declares the words of `uses` has this column.
    pub fn in_sheet(self, uses: Column) -> bool {
        uses == Column::Kind || !matches!(self, WordColumn::Range | WordColumn::CounterpartOf)
    }

    /// The header text in the sheet that declares the words of `uses` (`Column::Kind`).
    pub fn header(self, uses: Column) -> &'static str {
        match self {
            WordColumn::Word => uses.header(),
            WordColumn::Title => Translated::Title.header(),
            WordColumn::Description => Translated::Description.header(),
            WordColumn::Range => "range",
            WordColumn::CounterpartOf => "counterpart_of",
        }
    }

    /// Whether every row needs a value in this column.
    pub fn required(self) -> bool {
        matches!(self, WordColumn::Word | WordColumn::Title)
    }
}

/// The canonical header of `codes.csv` without translations: `code,name,title,…`.
pub fn codes_header() -> String {
    Column::BASIC.map(Column::header).join(",")
}

/// The canonical header of the declaration sheet of `uses` without translations:
/// `kind,title,description`.
pub fn words_header(uses: Column) -> String {
    WordColumn::BASIC.map(|c| c.header(uses)).join(",")
}

/// The columns of `reserved.csv`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReservedColumn {
    /// `code`: a number, or a span `4500-4519`.
    Code,
    /// `note`: why the numbers are retired, required.
    Note,
}

impl ReservedColumn {
    /// Every column, in the canonical order of the header.
    pub const ALL: [ReservedColumn; 2] = [ReservedColumn::Code, ReservedColumn::Note];

    /// The header text.
    pub fn header(self) -> &'static str {
        match self {
            ReservedColumn::Code => Column::Code.header(),
            ReservedColumn::Note => "note",
        }
    }
}

/// `code,note`.
pub fn reserved_header() -> String {
    ReservedColumn::ALL.map(ReservedColumn::header).join(",")
}

/// A header's cells: `english`, then each locale's translation columns in canonical order.
pub fn with_translations<'a>(
    english: impl IntoIterator<Item = &'a str>,
    locales: &[String],
) -> Vec<String> {
    let mut header: Vec<String> = english.into_iter().map(str::to_owned).collect();
    for tag in locales {
        header.extend(Translated::ALL.map(|column| column.translation(tag)));
    }
    header
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_are_in_canonical_order() {
        assert_eq!(
            codes_header(),
            "code,name,title,description,kind,group,deprecated"
        );
        assert_eq!(words_header(Column::Group), "group,title,description");
        let locales = ["pt-BR".to_owned()];
        assert_eq!(
            with_translations(["kind", "title"], &locales).join(","),
            "kind,title,title.pt-BR,description.pt-BR"
        );
    }

    #[test]
    fn descriptions_and_their_translations_span_lines() {
        assert!(is_multiline("description"));
        assert!(is_multiline("description.tr"));
        assert!(!is_multiline("title.tr"));
        assert!(!is_multiline("deprecated"));
        assert_eq!(split_translation("title.tr"), Some(("title", "tr")));
    }
}
