//! The translation columns, `title.<locale>` and `description.<locale>`: their headers, their
//! cells, and `--require-complete`.

use std::collections::BTreeMap;

use super::{Options, TextRule, text_cell};
use crate::diagnostic::{Diagnostic, column_letter};
use crate::locale::{self, TagError};
use crate::model::Translation;
use crate::read::{Cell, Record};
use crate::schema::{self, Translated as Field};

/// One translation column: where it is, and how messages name it (built once, not per row).
#[derive(Debug)]
struct Column {
    index: usize,
    /// `title.tr`.
    header: String,
    /// `` `tr` title ``.
    noun: String,
}

impl Column {
    fn new(index: usize, tag: &str, field: Field) -> Column {
        Column {
            index,
            header: field.translation(tag),
            noun: format!("`{tag}` {}", field.header()),
        }
    }

    /// `(column `title.tr`, H)`.
    fn at(&self) -> String {
        format!("(column `{}`, {})", self.header, column_letter(self.index))
    }
}

/// Where one locale's columns are in a record.
#[derive(Debug, Default)]
struct LocaleColumns {
    title: Option<Column>,
    description: Option<Column>,
}

impl LocaleColumns {
    fn get_mut(&mut self, field: Field) -> &mut Option<Column> {
        match field {
            Field::Title => &mut self.title,
            Field::Description => &mut self.description,
        }
    }
}

/// The translation columns of the header, by locale tag, and the locales that must be complete.
#[derive(Debug, Default)]
pub(super) struct Translations {
    by_locale: BTreeMap<String, LocaleColumns>,
    required: Vec<String>,
}

/// The English text of a row, which translations may fall back to.
pub(super) struct English<'a> {
    /// The title, when the cell is valid.
    pub title: Option<&'a str>,
    /// Whether the row has a description; `None` when that cell is invalid.
    pub described: Option<bool>,
}

impl Translations {
    /// The locales that have a title column, sorted.
    pub fn locales(&self) -> Vec<String> {
        let titled = self.by_locale.iter().filter(|(_, c)| c.title.is_some());
        titled.map(|(tag, _)| tag.clone()).collect()
    }

    /// Each locale with a title column, with that column's header cell.
    pub fn header_cells(&self, header: &Record) -> Vec<(String, std::ops::Range<usize>)> {
        (self.by_locale.iter())
            .filter_map(|(tag, c)| {
                let cell = header.cells.get(c.title.as_ref()?.index)?;
                Some((tag.clone(), cell.span.clone()))
            })
            .collect()
    }

    /// The cell of `row` holding the `tag` title.
    pub fn cell_span(&self, row: &Record, tag: &str) -> Option<std::ops::Range<usize>> {
        let index = self.by_locale.get(tag)?.title.as_ref()?.index;
        Some(row.cells.get(index)?.span.clone())
    }

    /// Takes header cell `index` when it is a translation column (or a misspelt one), reporting
    /// any problem with it; `false` leaves the cell to the other columns.
    pub fn read_header_cell(
        &mut self,
        header: &Record,
        index: usize,
        diagnostics: &mut Vec<Diagnostic>,
    ) -> bool {
        let cell = &header.cells[index];
        let text = crate::read::trimmed(&cell.value);
        let Some((prefix, tag)) = schema::split_translation(text) else {
            return false;
        };
        let letter = column_letter(index);
        let Some(field) = Field::ALL.into_iter().find(|f| f.header() == prefix) else {
            let closest = Field::ALL
                .into_iter()
                .find(|f| strsim::levenshtein(&prefix.to_lowercase(), f.header()) <= 2);
            let Some(field) = closest else {
                return false;
            };
            diagnostics.push(
                Diagnostic::error(
                    cell.span.clone(),
                    format!("unknown column `{text}` (column {letter})"),
                )
                .label("not a column of the table")
                .help(format!("did you mean `{}.{tag}`?", field.header())),
            );
            return true;
        };
        let problem = match locale::check(tag) {
            Ok(()) => None,
            Err(TagError::Malformed) => Some((
                format!("`{tag}` in column `{text}` is not a locale tag (column {letter})"),
                "write a BCP 47 tag such as `tr`, `de` or `pt-BR`: a language, then optionally \
                 a script and a region, joined by `-`"
                    .to_owned(),
            )),
            Err(TagError::NotCanonical(canonical)) => Some((
                format!("locale tag `{tag}` is not in its canonical form (column {letter})"),
                format!("write `{prefix}.{canonical}`"),
            )),
            Err(TagError::English) => Some((
                format!("column `{text}` would translate into English (column {letter})"),
                format!(
                    "English is the `{prefix}` column, the fallback of every translation: \
                     rename this column to the locale it translates, or delete it"
                ),
            )),
            Err(TagError::NotALanguage) => Some((
                format!("`{tag}` in column `{text}` names no language (column {letter})"),
                "`und`, `mul`, `zxx`, `mis` and `qaa`–`qtz` are special or private-use codes; \
                 write the tag of the language the column is in, such as `tr` or `pt-BR`"
                    .to_owned(),
            )),
            Err(TagError::Reserved(item)) => Some((
                format!(
                    "locale tag `{tag}` would become `Locale::{}`, which clashes with the generated item `{item}` (column {letter})",
                    locale::variant(tag)
                ),
                "this tag cannot name a translation column; use the tag with a region, such as `{tag}-XX`"
                    .replace("{tag}", tag),
            )),
        };
        if let Some((message, help)) = problem {
            diagnostics.push(
                Diagnostic::error(cell.span.clone(), message)
                    .label("not a valid locale")
                    .help(help),
            );
            return true;
        }
        let slot = self.by_locale.entry(tag.to_owned()).or_default();
        match slot.get_mut(field) {
            Some(first) => diagnostics.push(super::repeated_column(header, index, first.index)),
            empty => *empty = Some(Column::new(index, tag, field)),
        }
        true
    }

    /// Checks the translation columns as a whole, once the header is read.
    pub fn check_header(
        &mut self,
        header: &Record,
        options: &Options,
        diagnostics: &mut Vec<Diagnostic>,
    ) {
        for (tag, columns) in &mut self.by_locale {
            if let (None, Some(description)) = (&columns.title, &columns.description) {
                let description = description.index;
                diagnostics.push(
                    Diagnostic::error(
                        header.cells[description].span.clone(),
                        format!(
                            "column `description.{tag}` has no `title.{tag}` column (column {})",
                            column_letter(description)
                        ),
                    )
                    .label("translation without titles")
                    .help(format!(
                        "add a `title.{tag}` column: a locale's titles are translated first, \
                         its descriptions fall back to English where they are not"
                    )),
                );
                // Reported once here rather than once per row.
                columns.description = None;
            }
        }
        for tag in &options.require_complete {
            let missing = match self.by_locale.get(tag) {
                _ if locale::check(tag).is_err() => {
                    let help = match locale::canonical(tag) {
                        Some(canonical) => format!("require `{canonical}`"),
                        None => "name a locale tag such as `tr`".to_owned(),
                    };
                    diagnostics.push(
                        Diagnostic::error(
                            header.span.clone(),
                            format!("`{tag}` is required complete but names no translation"),
                        )
                        .label("header row")
                        .help(help),
                    );
                    continue;
                }
                Some(LocaleColumns {
                    title: Some(_),
                    description: Some(_),
                }) => {
                    self.required.push(tag.clone());
                    continue;
                }
                Some(LocaleColumns { title: Some(_), .. }) => Field::Description.translation(tag),
                _ => Field::Title.translation(tag),
            };
            diagnostics.push(
                Diagnostic::error(
                    header.span.clone(),
                    format!(
                        "`{tag}` is required complete, so every `{tag}` translation is needed, but the \
                         header has no `{missing}` column"
                    ),
                )
                .label("header row")
                .help(format!(
                    "add the columns `title.{tag}` and `description.{tag}` and translate every \
                     row"
                )),
            );
        }
    }

    /// The translations of one row, reporting every problem with its cells; the map holds the
    /// locales whose title is translated and valid.
    pub fn read_row(
        &self,
        row: &Record,
        english: &English,
        diagnostics: &mut Vec<Diagnostic>,
    ) -> BTreeMap<String, Translation> {
        let mut translations = BTreeMap::new();
        for (tag, columns) in &self.by_locale {
            let required = self.required.contains(tag);
            let title = read_cell(row, columns.title.as_ref(), false, diagnostics);
            let description = read_cell(row, columns.description.as_ref(), true, diagnostics);
            if let Some(cell) = &description {
                if cell.value.is_some() {
                    description_needs(cell, english, &title, diagnostics);
                } else if required && cell.valid && english.described == Some(true) {
                    diagnostics.push(untranslated(cell, tag, Field::Description, None));
                }
            }
            if let Some(cell) = &title {
                if required && cell.valid && cell.value.is_none() {
                    diagnostics.push(untranslated(cell, tag, Field::Title, english.title));
                }
            }
            if let Some(title) = title.and_then(|c| c.value) {
                translations.insert(
                    tag.clone(),
                    Translation {
                        title,
                        description: description.and_then(|c| c.value),
                    },
                );
            }
        }
        translations
    }
}

/// One translation cell as read.
struct Read<'a> {
    cell: &'a Cell,
    column: &'a Column,
    /// The text, when the cell holds valid text.
    value: Option<String>,
    /// Whether the cell is empty or valid text.
    valid: bool,
}

fn read_cell<'a>(
    row: &'a Record,
    column: Option<&'a Column>,
    multiline: bool,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Read<'a>> {
    let column = column?;
    let cell = row.cells.get(column.index)?;
    let rule = TextRule {
        header: &column.header,
        noun: &column.noun,
        index: Some(column.index),
        required: false,
        multiline,
    };
    let text = text_cell(cell, &rule, diagnostics);
    Some(Read {
        cell,
        column,
        valid: text.is_some(),
        value: text.flatten(),
    })
}

/// A translated description needs an English description to translate and a translated title.
fn description_needs(
    description: &Read,
    english: &English,
    title: &Option<Read>,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let span = description.cell.span.clone();
    let at = description.column.at();
    if english.described == Some(false) {
        diagnostics.push(
            Diagnostic::error(
                span,
                format!("this translates a description the row does not have {at}"),
            )
            .label("nothing to translate")
            .help("write the English `description` first, or empty this cell"),
        );
        return;
    }
    let title_untranslated = match title {
        Some(title) => title.valid && title.value.is_none(),
        None => true,
    };
    if title_untranslated {
        let where_title = title
            .as_ref()
            .map_or(String::new(), |t| format!(" {}", t.column.at()));
        let title_header = description
            .column
            .header
            .replacen("description", "title", 1);
        diagnostics.push(
            Diagnostic::error(
                span,
                format!("the description is translated but the title is not {at}"),
            )
            .label("translation without a title")
            .help(format!(
                "translate the title in `{title_header}`{where_title} too, or empty this cell"
            )),
        );
    }
}

fn untranslated(cell: &Read, tag: &str, field: Field, english: Option<&str>) -> Diagnostic {
    let help = match english {
        Some(text) => format!("translate {text:?} into `{tag}`"),
        None => format!("translate the English {} into `{tag}`", field.header()),
    };
    Diagnostic::error(
        cell.cell.span.clone(),
        format!(
            "missing `{tag}` {}, and `{tag}` is required complete {}",
            field.header(),
            cell.column.at()
        ),
    )
    .label("not translated")
    .help(help)
}
