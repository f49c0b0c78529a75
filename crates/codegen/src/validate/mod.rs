//! Stage 2: cells → a [`Table`], or every problem at once. One module per job: the header,
//! the cells of a row, the names, uniqueness, the translations, the declared words.

mod cells;
mod header;
mod names;
mod reserved;
mod structure;
mod text;
mod translations;
mod uniqueness;
mod vocabulary;
pub(crate) mod words;

use crate::chars::{hidden, invisible};
use crate::diagnostic::{Diagnostic, Severity, column_letter};
use crate::model::{Code, Table};
use crate::naming;
use crate::read::double_encoded;
use crate::read::{Cell, Record, Sheet};
use crate::schema::{self, Column};
use text::*;
use translations::Translations;
use words::*;

use cells::*;
use header::*;
use names::*;
use uniqueness::*;

/// What a team asks of the table beyond validity.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Options {
    /// Locales whose every title and description must be translated (`--require-complete tr`):
    /// a missing translation is an error at its cell.
    pub require_complete: Vec<String>,
    /// For a table from before the declaration sheets (a git revision, to compare with): a
    /// missing `kinds.csv` or `groups.csv` declares the words its codes use, titled after them.
    /// Never for the table being edited, whose typos it would let through.
    pub declare_used_words: bool,
}

/// The sheets of one table, read; a declaration sheet that does not exist is `None`.
#[derive(Debug, Clone, Copy)]
pub struct Sheets<'a> {
    /// `codes.csv`.
    pub codes: &'a Sheet,
    /// `kinds.csv`.
    pub kinds: Option<&'a Sheet>,
    /// `groups.csv`.
    pub groups: Option<&'a Sheet>,
    /// `reserved.csv`, optional.
    pub reserved: Option<&'a Sheet>,
}

/// Validates the sheets: the table when there is no error, and every problem (errors and
/// warnings), sheet by sheet in file order.
pub fn validate(sheets: Sheets, options: &Options) -> (Option<Table>, Vec<Diagnostic>) {
    let mut diagnostics = Vec::new();
    let declare = |sheet: Option<&Sheet>, column, diagnostics: &mut Vec<Diagnostic>| {
        sheet.map(|sheet| {
            vocabulary::read(
                sheet,
                vocabulary::Vocabulary { column },
                options,
                diagnostics,
            )
        })
    };
    let declarations = Declarations {
        kinds: declare(sheets.kinds, Column::Kind, &mut diagnostics),
        groups: declare(sheets.groups, Column::Group, &mut diagnostics),
    };
    let Some((header, rows)) = sheets.codes.records.split_first() else {
        let empty = Diagnostic::error(0..0, "the file has no header row")
            .label("empty file")
            .help(format!(
                "start the file with the header `{}`",
                schema::codes_header()
            ));
        diagnostics.push(empty);
        return (None, diagnostics);
    };
    let (columns, translations) = read_header(header, options, &mut diagnostics);
    let mut seen = Seen::default();
    let mut codes = Vec::new();
    let mut records = rows.iter().filter(|r| !is_blank(r)).peekable();
    while let Some(row) = records.next() {
        if let Some(broken) = records
            .peek()
            .and_then(|next| unquoted_line_break(header, row, next))
        {
            // One error for the two halves, which are not rows of their own.
            diagnostics.push(broken);
            records.next();
            continue;
        }
        if row.cells.len() != header.cells.len() {
            diagnostics.push(ragged(row, header.cells.len()));
        }
        let found = RowCells {
            row,
            columns: &columns,
        };
        let read = read_row(
            &found,
            &translations,
            &declarations,
            &mut seen,
            &mut diagnostics,
        );
        if let Some(code) = read {
            codes.push(code);
        }
    }
    if rows.iter().all(is_blank) && !diagnostics.iter().any(|d| d.severity == Severity::Error) {
        diagnostics.push(
            Diagnostic::error(header.span.clone(), "the table has no codes")
                .label("only a header")
                .help("add one row per code below the header"),
        );
    }
    let locales = translations.locales();
    let mut declared = Vec::new();
    for column in [Column::Kind, Column::Group] {
        let vocabulary = vocabulary::Vocabulary { column };
        match declarations.of(column) {
            Some(found) => {
                check_declared(found, vocabulary, &codes, &locales, &mut diagnostics);
                declared.push(found.words.clone());
            }
            None => {
                diagnostics.push(missing_sheet(vocabulary, header, &columns, rows));
                declared.push(Vec::new());
            }
        }
    }
    let groups = declared.pop().unwrap_or_default();
    let kinds = declared.pop().unwrap_or_default();
    let reserved = (sheets.reserved)
        .map(|sheet| reserved::read_reserved(sheet, &mut diagnostics))
        .unwrap_or_default();
    let table = Table::new(codes, kinds, groups, locales)
        .with_reserved(reserved.into_iter().map(|(r, _)| r).collect());
    let kinds = declarations.of(Column::Kind);
    structure::check(&table, kinds, rows, &columns, &mut diagnostics);
    check_generated_names(&table, rows, &columns, &mut diagnostics);
    if !diagnostics.iter().any(|d| d.severity == Severity::Error) {
        check_name_hash(&table, rows, &columns, &mut diagnostics);
    }
    diagnostics.sort_by_key(|d| (d.sheet, d.span.start));
    let valid = !diagnostics.iter().any(|d| d.severity == Severity::Error);
    (valid.then_some(table), diagnostics)
}

/// Spreadsheets save rows of empty cells below the data; they are not codes.
fn is_blank(record: &Record) -> bool {
    record
        .cells
        .iter()
        .all(|c| crate::read::trimmed(&c.value).is_empty())
}
