//! The header of `codes.csv`: which column is where, unknown and repeated columns, and how
//! messages name a column (`(column `title`, C)`).

use std::ops::Range;

use super::*;
use crate::diagnostic::{Diagnostic, column_letter};
use crate::read::Record;
use crate::schema::{self, Column};

/// Where each column is: column → index of its cell in a record. (An array, not a map: it is
/// read for every cell of every row.)
#[derive(Debug, Default)]
pub(super) struct Columns([Option<usize>; Column::ALL.len()]);

impl Columns {
    pub(super) fn get(&self, column: &Column) -> Option<&usize> {
        self.0[*column as usize].as_ref()
    }

    pub(super) fn contains_key(&self, column: &Column) -> bool {
        self.get(column).is_some()
    }

    pub(super) fn insert(&mut self, column: Column, index: usize) {
        self.0[column as usize] = Some(index);
    }
}

impl std::ops::Index<&Column> for Columns {
    type Output = usize;

    fn index(&self, column: &Column) -> &usize {
        self.get(column).expect("a column that was found")
    }
}

pub(super) fn read_header(
    header: &Record,
    options: &Options,
    diagnostics: &mut Vec<Diagnostic>,
) -> (Columns, Translations) {
    let mut columns = Columns::default();
    let mut translations = Translations::default();
    let mut unknown = Vec::new();
    for (index, cell) in header.cells.iter().enumerate() {
        let text = crate::read::trimmed(&cell.value);
        if translations.read_header_cell(header, index, diagnostics) {
            continue;
        }
        match Column::ALL.into_iter().find(|c| c.header() == text) {
            Some(column) if columns.contains_key(&column) => {
                diagnostics.push(repeated_column(header, index, columns[&column]));
            }
            Some(column) => {
                columns.insert(column, index);
            }
            None => unknown.push((index, cell)),
        }
    }
    let mut suggested = Vec::new();
    for (index, cell) in unknown {
        let text = crate::read::trimmed(&cell.value);
        let closest = Column::ALL
            .into_iter()
            .filter(|c| !columns.contains_key(c))
            .map(|c| (strsim::levenshtein(&text.to_lowercase(), c.header()), c))
            .min_by_key(|&(distance, _)| distance)
            .filter(|&(distance, _)| distance <= 2);
        let mut diagnostic = Diagnostic::error(
            cell.span.clone(),
            format!("unknown column `{text}` (column {})", column_letter(index)),
        )
        .label("not a column of the table");
        diagnostic = match closest {
            Some((_, column)) => {
                suggested.push(column);
                diagnostic.help(format!("did you mean `{}`?", column.header()))
            }
            None => diagnostic.help(format!(
                "the columns are: {}, and optional translations such as `title.tr`, `description.tr`",
                schema::codes_header()
            )),
        };
        diagnostics.push(diagnostic);
    }
    for column in Column::ALL {
        if column.required() && !columns.contains_key(&column) && !suggested.contains(&column) {
            diagnostics.push(
                Diagnostic::error(
                    header.span.clone(),
                    format!("the header has no `{}` column", column.header()),
                )
                .label("header row")
                .help(format!(
                    "add a `{}` column; the full header is `{}`",
                    column.header(),
                    schema::codes_header()
                )),
            );
        }
    }
    translations.check_header(header, options, diagnostics);
    (columns, translations)
}

/// Header cell `index` repeats the column first at `first`.
pub(super) fn repeated_column(header: &Record, index: usize, first: usize) -> Diagnostic {
    let text = crate::read::trimmed(&header.cells[index].value);
    Diagnostic::error(
        header.cells[index].span.clone(),
        format!(
            "column `{text}` appears twice (column {})",
            column_letter(index)
        ),
    )
    .label("second header with this name")
    .related(header.cells[first].span.clone(), "first one here")
    .help("delete one of the two columns")
}

/// `(column `title`, C)`: the header and the letter a spreadsheet shows.
pub(super) fn column_ref(columns: &Columns, column: Column) -> String {
    let letter = columns
        .get(&column)
        .map_or(String::new(), |&i| column_letter(i));
    format!("(column `{}`, {letter})", column.header())
}

pub(super) fn first_cell(
    rows: &[Record],
    columns: &Columns,
    column: Column,
    value: &str,
) -> Range<usize> {
    columns
        .get(&column)
        .and_then(|&i| {
            rows.iter()
                .filter_map(|r| r.cells.get(i))
                .find(|c| crate::read::trimmed(&c.value) == value)
        })
        .map(|c| c.span.clone())
        .unwrap_or_default()
}
