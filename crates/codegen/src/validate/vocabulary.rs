//! The declaration sheets, `kinds.csv` and `groups.csv`: one row per word with its display
//! title, description and translations. A code may use only a declared word, so a typo in a
//! code's `kind` is an error, not a new public enum variant.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use super::translations::{English, Translations};
use super::{Options, TextRule, text_cell, word_problem};
use crate::diagnostic::{Diagnostic, Severity, column_letter};
use crate::input::SheetName;
use crate::model::Word;
use crate::naming;
use crate::read::{Record, Sheet, trimmed};
use crate::schema::{self, Column, WordColumn as Field};

/// What one declaration sheet declares.
#[derive(Debug, Default)]
pub(super) struct Declared {
    /// The valid rows.
    pub words: Vec<Word>,
    /// Every word the sheet names, valid or not, with its cell: a code using a word whose
    /// declaration is broken gets no second error.
    pub named: HashMap<String, Range<usize>>,
    /// The words of [`Declared::words`], looked up for every code's cell.
    pub valid: HashSet<String>,
    /// The translation columns the sheet has, by locale, with their header cells.
    pub locales: Vec<(String, Range<usize>)>,
    /// Where each kind's structure is written, for the checks of the built table.
    pub cells: super::structure::KindCells,
}

/// Which vocabulary a sheet declares: [`Column::Kind`] or [`Column::Group`].
#[derive(Debug, Clone, Copy)]
pub(super) struct Vocabulary {
    pub column: Column,
}

impl Vocabulary {
    pub fn sheet(self) -> SheetName {
        if self.column == Column::Kind {
            SheetName::Kinds
        } else {
            SheetName::Groups
        }
    }

    fn header(self, field: Field) -> &'static str {
        field.header(self.column)
    }

    /// `kind,title,description`.
    pub fn canonical_header(self) -> String {
        schema::words_header(self.column)
    }

    /// The row that declares `word`, with a display title made from it, as a user would add it.
    pub fn row_for(self, word: &str) -> String {
        format!("{word},{}", naming::title(word))
    }
}

/// Reads and validates one declaration sheet; its diagnostics are in its own sheet.
pub(super) fn read(
    sheet: &Sheet,
    vocabulary: Vocabulary,
    options: &Options,
    diagnostics: &mut Vec<Diagnostic>,
) -> Declared {
    let mut found = Vec::new();
    let declared = read_sheet(sheet, vocabulary, options, &mut found);
    diagnostics.extend(found.into_iter().map(|d| d.in_sheet(vocabulary.sheet())));
    declared
}

fn read_sheet(
    sheet: &Sheet,
    vocabulary: Vocabulary,
    options: &Options,
    diagnostics: &mut Vec<Diagnostic>,
) -> Declared {
    let mut declared = Declared::default();
    let file = vocabulary.sheet().file_name();
    let Some((header, rows)) = sheet.records.split_first() else {
        diagnostics.push(
            Diagnostic::error(0..0, format!("`{file}` has no header row"))
                .label("empty file")
                .help(format!(
                    "start the file with the header `{}`",
                    vocabulary.canonical_header()
                )),
        );
        return declared;
    };
    let (columns, translations) = read_header(header, vocabulary, options, diagnostics);
    declared.locales = translations.header_cells(header);
    let Some(word_index) = columns[0] else {
        return declared;
    };
    let mut titles: HashMap<String, Range<usize>> = HashMap::new();
    let mut variants: HashMap<String, (String, Range<usize>)> = HashMap::new();
    for row in rows.iter().filter(|r| !super::is_blank(r)) {
        if row.cells.len() != header.cells.len() {
            diagnostics.push(super::ragged(row, header.cells.len()));
        }
        let before = diagnostics.len();
        let Some(word_cell) = row.cells.get(word_index) else {
            continue;
        };
        let word = trimmed(&word_cell.value).to_owned();
        if let Some(first) = declared.named.get(&word) {
            diagnostics.push(
                Diagnostic::error(
                    word_cell.span.clone(),
                    format!(
                        "{} `{word}` is declared twice {}",
                        vocabulary.column.header(),
                        at(vocabulary, Field::Word, word_index)
                    ),
                )
                .label("second declaration")
                .related(first.clone(), "first declared here")
                .help("delete one of the two rows"),
            );
            continue;
        }
        if !word.is_empty() {
            declared.named.insert(word.clone(), word_cell.span.clone());
        }
        let checked = match word_problem(&word, vocabulary.column) {
            None => Ok(()),
            Some((problem, shaped)) => {
                Err((problem, super::word_help(&word, vocabulary.column, shaped)))
            }
        };
        if let Err((message, help)) = checked {
            diagnostics.push(
                Diagnostic::error(
                    word_cell.span.clone(),
                    format!("{message} {}", at(vocabulary, Field::Word, word_index)),
                )
                .label(format!("not a valid {}", vocabulary.column.header()))
                .help(help),
            );
        } else {
            let variant = naming::variant(&word);
            if let Some((first, first_span)) = variants.get(&variant) {
                diagnostics.push(
                    Diagnostic::error(
                        word_cell.span.clone(),
                        format!(
                            "{} `{word}` and `{first}` both become the variant `{variant}` {}",
                            vocabulary.column.header(),
                            at(vocabulary, Field::Word, word_index)
                        ),
                    )
                    .label("collides")
                    .related(first_span.clone(), "this one")
                    .help(format!(
                        "use one spelling for the {}",
                        vocabulary.column.header()
                    )),
                );
            } else {
                variants.insert(variant, (word.clone(), word_cell.span.clone()));
            }
        }
        let title = columns[1].and_then(|index| {
            let rule = rule(vocabulary, Field::Title, index, false);
            text_cell(row.cells.get(index)?, &rule, diagnostics).flatten()
        });
        if let (Some(title), Some(index)) = (&title, columns[1]) {
            let cell = &row.cells[index];
            check_title(
                vocabulary,
                title,
                &cell.span,
                &mut titles,
                at(vocabulary, Field::Title, index),
                diagnostics,
            );
        }
        let description = match columns[2] {
            Some(index) => row.cells.get(index).and_then(|cell| {
                text_cell(
                    cell,
                    &rule(vocabulary, Field::Description, index, true),
                    diagnostics,
                )
            }),
            None => Some(None),
        };
        let (range, counterpart_of) =
            (declared.cells).read(row, &word, [columns[3], columns[4]], diagnostics);
        let english = English {
            title: title.as_deref(),
            described: description.as_ref().map(Option::is_some),
        };
        let translated = translations.read_row(row, &english, diagnostics);
        for (tag, translation) in &translated {
            let span = translations.cell_span(row, tag).unwrap_or_default();
            if let Some(clash) = crate::render::docs::anchor_clash(&translation.title) {
                diagnostics.push(anchor_error(vocabulary, &translation.title, &clash, span));
            }
        }
        let valid = !diagnostics[before..]
            .iter()
            .any(|d| d.severity == Severity::Error);
        if let (true, Some(title), Some(description)) = (valid, title, description) {
            declared.valid.insert(word.clone());
            declared.words.push(Word {
                name: word,
                title,
                description,
                translations: translated,
                range,
                counterpart_of,
            });
        }
    }
    if declared.named.is_empty() && !diagnostics.iter().any(|d| d.severity == Severity::Error) {
        diagnostics.push(
            Diagnostic::error(header.span.clone(), format!("`{file}` declares nothing"))
                .label("only a header")
                .help(format!(
                    "add one row per {} below the header, such as `{}`",
                    vocabulary.column.header(),
                    vocabulary.row_for("directory_sync")
                )),
        );
    }
    declared
}

/// Display titles head the docs page's sections and label dashboards: two equal ones (ignoring
/// case) could not be told apart, and a group's must not take another anchor of the page.
fn check_title(
    vocabulary: Vocabulary,
    title: &str,
    span: &Range<usize>,
    titles: &mut HashMap<String, Range<usize>>,
    at: String,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let key = title.to_lowercase();
    if let Some(first) = titles.get(&key) {
        diagnostics.push(
            Diagnostic::error(
                span.clone(),
                format!(
                    "the title {title:?} is used twice {at}; readers could not tell the two {}s apart",
                    vocabulary.column.header()
                ),
            )
            .label("second use")
            .related(first.clone(), "first used here")
            .help("give each a distinct title"),
        );
    } else {
        titles.insert(key, span.clone());
    }
    if vocabulary.column == Column::Group {
        if let Some(clash) = crate::render::docs::anchor_clash(title) {
            diagnostics.push(anchor_error(vocabulary, title, &clash, span.clone()));
        }
    }
}

fn anchor_error(
    vocabulary: Vocabulary,
    title: &str,
    clash: &str,
    span: Range<usize>,
) -> Diagnostic {
    Diagnostic::error(
        span,
        format!(
            "the {} title {title:?} would have {clash} on the docs page",
            vocabulary.column.header()
        ),
    )
    .label("heading clashes")
    .help("choose another title")
}

fn rule(vocabulary: Vocabulary, field: Field, index: usize, multiline: bool) -> TextRule<'static> {
    TextRule {
        header: vocabulary.header(field),
        noun: vocabulary.header(field),
        index: Some(index),
        required: field.required(),
        multiline,
    }
}

fn at(vocabulary: Vocabulary, field: Field, index: usize) -> String {
    format!(
        "(column `{}`, {})",
        vocabulary.header(field),
        column_letter(index)
    )
}

/// Where each field is in the header, and the translation columns.
fn read_header(
    header: &Record,
    vocabulary: Vocabulary,
    options: &Options,
    diagnostics: &mut Vec<Diagnostic>,
) -> ([Option<usize>; Field::ALL.len()], Translations) {
    let mut columns = [None; Field::ALL.len()];
    let mut translations = Translations::default();
    let mut unknown = Vec::new();
    for (index, cell) in header.cells.iter().enumerate() {
        let text = trimmed(&cell.value);
        if translations.read_header_cell(header, index, diagnostics) {
            continue;
        }
        match Field::ALL
            .iter()
            .position(|&f| f.in_sheet(vocabulary.column) && vocabulary.header(f) == text)
        {
            Some(field) if let Some(first) = columns[field] => {
                diagnostics.push(super::repeated_column(header, index, first));
            }
            Some(field) => columns[field] = Some(index),
            None => unknown.push((index, cell)),
        }
    }
    let mut suggested = Vec::new();
    for (index, cell) in unknown {
        let text = trimmed(&cell.value);
        let closest = (0..Field::ALL.len())
            .filter(|&f| columns[f].is_none() && Field::ALL[f].in_sheet(vocabulary.column))
            .map(|f| {
                let header = vocabulary.header(Field::ALL[f]);
                (strsim::levenshtein(&text.to_lowercase(), header), f)
            })
            .min()
            .filter(|&(distance, _)| distance <= 2);
        let help = match closest {
            Some((_, field)) => {
                suggested.push(field);
                format!("did you mean `{}`?", vocabulary.header(Field::ALL[field]))
            }
            None => format!(
                "the columns are: {}, and optional translations such as `title.tr`",
                vocabulary.canonical_header()
            ),
        };
        diagnostics.push(
            Diagnostic::error(
                cell.span.clone(),
                format!("unknown column `{text}` (column {})", column_letter(index)),
            )
            .label(format!(
                "not a column of `{}`",
                vocabulary.sheet().file_name()
            ))
            .help(help),
        );
    }
    for (field, found) in columns.iter().enumerate().take(2) {
        if found.is_none() && !suggested.contains(&field) {
            let name = vocabulary.header(Field::ALL[field]);
            diagnostics.push(
                Diagnostic::error(
                    header.span.clone(),
                    format!("the header has no `{name}` column"),
                )
                .label("header row")
                .help(format!(
                    "add a `{name}` column; the full header is `{}`",
                    vocabulary.canonical_header()
                )),
            );
        }
    }
    translations.check_header(header, options, diagnostics);
    (columns, translations)
}
