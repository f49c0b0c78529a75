//! `reserved.csv`: numbers (or spans) retired for good, each with a note. Optional: no file
//! means no reserved number.

use std::ops::Range;

use super::structure::numbers;
use super::text::{TextRule, text_cell};
use crate::diagnostic::{Diagnostic, column_letter};
use crate::input::SheetName;
use crate::model::Reserved;
use crate::read::{Sheet, trimmed};
use crate::schema::{self, ReservedColumn};

/// `reserved.csv`: its rows, each with its `code` cell; problems in its own sheet.
pub(super) fn read_reserved(
    sheet: &Sheet,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<(Reserved, Range<usize>)> {
    let mut found = Vec::new();
    let mut problems = Vec::new();
    if let Some((header, rows)) = sheet.records.split_first() {
        let index = |column: ReservedColumn| {
            (header.cells.iter()).position(|c| trimmed(&c.value) == column.header())
        };
        let (code, note) = (index(ReservedColumn::Code), index(ReservedColumn::Note));
        for (cell, column) in header.cells.iter().zip(0..) {
            let text = trimmed(&cell.value);
            if !ReservedColumn::ALL.iter().any(|c| c.header() == text) {
                problems.push(
                    Diagnostic::error(
                        cell.span.clone(),
                        format!("unknown column `{text}` (column {})", column_letter(column)),
                    )
                    .label("not a column of `reserved.csv`")
                    .help(format!("the columns are: {}", schema::reserved_header())),
                );
            }
        }
        if let (Some(code), Some(note)) = (code, note) {
            let rule = TextRule {
                header: ReservedColumn::Note.header(),
                noun: "note",
                index: Some(note),
                required: true,
                multiline: false,
            };
            for row in rows.iter().filter(|r| !super::is_blank(r)) {
                let Some(cell) = row.cells.get(code) else {
                    continue;
                };
                let at = format!("(column `code`, {})", column_letter(code));
                let numbers = numbers(trimmed(&cell.value)).map_err(|(message, help)| {
                    problems.push(
                        Diagnostic::error(cell.span.clone(), format!("{message} {at}"))
                            .label("not a number or span")
                            .help(help),
                    );
                });
                let note = row
                    .cells
                    .get(note)
                    .and_then(|c| text_cell(c, &rule, &mut problems))
                    .flatten();
                if let (Ok(numbers), Some(note)) = (numbers, note) {
                    found.push((Reserved { numbers, note }, cell.span.clone()));
                }
            }
        } else {
            problems.push(
                Diagnostic::error(
                    header.span.clone(),
                    "the header needs a `code` and a `note` column",
                )
                .label("header row")
                .help(format!(
                    "start the file with the header `{}`",
                    schema::reserved_header()
                )),
            );
        }
    }
    found.sort_by_key(|(r, _)| r.numbers);
    for pair in found.windows(2) {
        if pair[0].0.numbers.overlaps(pair[1].0.numbers) {
            problems.push(
                Diagnostic::error(
                    pair[1].1.clone(),
                    format!("`{}` is reserved twice", pair[1].0.numbers),
                )
                .label("overlaps another row")
                .related(pair[0].1.clone(), format!("`{}` here", pair[0].0.numbers))
                .help("merge the two rows"),
            );
        }
    }
    diagnostics.extend(
        problems
            .into_iter()
            .map(|d| d.in_sheet(SheetName::Reserved)),
    );
    found
}
