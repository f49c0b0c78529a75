//! One row of `codes.csv`: its shape (a cell too many or too few, a line break in an unquoted
//! cell) and its cells, each read and checked into a [`Code`].

use super::*;
use crate::diagnostic::{Diagnostic, Severity, column_letter};
use crate::model::Code;
use crate::read::{Cell, Record};
use crate::schema::{self, Column};

/// A row cut short by a line break in an unquoted cell reads as two short records whose cells
/// add up to one more than the header's (the cell split in two): one error, saying to quote it.
pub(super) fn unquoted_line_break(
    header: &Record,
    row: &Record,
    next: &Record,
) -> Option<Diagnostic> {
    let expected = header.cells.len();
    let (found, rest) = (row.cells.len(), next.cells.len());
    if found >= expected || rest >= expected || found + rest != expected + 1 {
        return None;
    }
    let (before, after) = (row.cells.last()?, next.cells.first()?);
    let column = crate::read::trimmed(&header.cells.get(found - 1)?.value);
    // Only descriptions may span lines: elsewhere the fix is to join the two halves.
    let multiline = schema::is_multiline(column);
    let quote = |text: String| format!("\"{}\"", text.replace('"', "\"\""));
    let help = if multiline {
        let joined = quote(format!("{}\n{}", before.value, after.value));
        format!("a cell that spans lines must be quoted: write {joined}, or remove the line break")
    } else {
        let joined = quote(format!("{} {}", before.value.trim(), after.value.trim()));
        format!("a `{column}` cell is one line: write {joined}")
    };
    Some(
        Diagnostic::error(
            before.span.start..after.span.end,
            format!(
                "a line break inside an unquoted cell (column `{column}`, {})",
                column_letter(found - 1)
            ),
        )
        .label("the row goes on after the line break")
        .help(help),
    )
}

pub(super) fn ragged(row: &Record, expected: usize) -> Diagnostic {
    let found = row.cells.len();
    let span = match row.cells.get(expected) {
        Some(first_extra) => first_extra.span.start..row.span.end,
        None => row.span.end..row.span.end,
    };
    Diagnostic::error(
        span,
        format!("this row has {found} cells but the header has {expected}"),
    )
    .label(if found > expected {
        "extra cells"
    } else {
        "cells missing from here"
    })
    .help(if found > expected {
        "a cell holding a comma must be quoted: `\"Failed Login, retried\"`"
    } else {
        "give the row a cell for every column of the header (empty ones are fine: `,,`)"
    })
}

/// The cells of one row, looked up by column.
pub(super) struct RowCells<'a> {
    pub(super) row: &'a Record,
    pub(super) columns: &'a Columns,
}

impl<'a> RowCells<'a> {
    pub(super) fn get(&self, column: Column) -> Option<&'a Cell> {
        self.columns
            .get(&column)
            .and_then(|&i| self.row.cells.get(i))
    }

    pub(super) fn at(&self, column: Column) -> String {
        let letter = self
            .columns
            .get(&column)
            .map_or(String::new(), |&i| column_letter(i));
        format!("(column `{}`, {letter})", column.header())
    }
}

/// Reads every cell of a row, reporting each problem; `None` when any is invalid.
pub(super) fn read_row(
    row: &RowCells,
    translations: &Translations,
    declarations: &Declarations,
    seen: &mut Seen,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Code> {
    let before = diagnostics.len();
    let title = text(row, Column::Title, false, diagnostics);
    let code = row.get(Column::Code).and_then(|cell| {
        let checked = parse_code(crate::read::trimmed(&cell.value));
        reported(
            checked,
            cell,
            row.at(Column::Code),
            "not a code",
            diagnostics,
        )
    });
    let name = row.get(Column::Name).and_then(|cell| {
        let title = title.as_ref().and_then(|t| t.as_deref());
        let checked = check_name(crate::read::trimmed(&cell.value), title);
        reported(
            checked,
            cell,
            row.at(Column::Name),
            "not a valid name",
            diagnostics,
        )
    });
    let name_cell = row.get(Column::Name);
    if let (Some(code), Some(cell)) = (code, row.get(Column::Code)) {
        let name = name.as_deref().unwrap_or_default();
        diagnostics.extend(seen.code(code, name, cell.span.clone(), || row.at(Column::Code)));
    }
    if let (Some(name), Some(cell)) = (&name, name_cell) {
        diagnostics.extend(seen.name(name, cell.span.clone(), || row.at(Column::Name)));
    }
    let description = text(row, Column::Description, true, diagnostics);
    let kind = word(row, Column::Kind, declarations, diagnostics);
    let group = word(row, Column::Group, declarations, diagnostics);
    let deprecated = text(row, Column::Deprecated, false, diagnostics);
    let counterpart = match row.get(Column::Counterpart) {
        Some(cell) if !crate::read::trimmed(&cell.value).is_empty() => {
            let checked = parse_code(crate::read::trimmed(&cell.value));
            let at = row.at(Column::Counterpart);
            reported(checked, cell, at, "not a code", diagnostics).map(Some)
        }
        _ => Some(None),
    };
    let english = translations::English {
        title: title.as_ref().and_then(|t| t.as_deref()),
        described: description.as_ref().map(Option::is_some),
    };
    let translated = translations.read_row(row.row, &english, diagnostics);
    if diagnostics[before..]
        .iter()
        .any(|d| d.severity == Severity::Error)
    {
        return None;
    }
    Some(Code {
        code: code?,
        name: name?,
        title: title??,
        description: description.flatten(),
        kind: kind?,
        group: group?,
        deprecated: deprecated.flatten(),
        translations: translated,
        counterpart: counterpart?,
    })
}

/// The value of a checked cell, or `None` with its error (message and help) reported at the cell.
pub(super) fn reported<T>(
    checked: Result<T, (String, String)>,
    cell: &Cell,
    at: String,
    label: &str,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<T> {
    checked
        .map_err(|(message, help)| {
            diagnostics.push(
                Diagnostic::error(cell.span.clone(), format!("{message} {at}"))
                    .label(label)
                    .help(help),
            )
        })
        .ok()
}

pub(super) fn parse_code(value: &str) -> Result<u16, (String, String)> {
    let range = "codes are whole numbers from 0 to 65535".to_owned();
    if value.is_empty() {
        return Err(("missing code".into(), range));
    }
    let all_digits = value.bytes().all(|b| b.is_ascii_digit());
    if let (true, Ok(code)) = (all_digits, value.parse::<u16>()) {
        if value.len() > 1 && value.starts_with('0') {
            // `0003` is 3 to a spreadsheet and "0003" to a reader: one spelling per code.
            return Err((
                format!("code {value} has leading zeros"),
                format!("write `{code}`"),
            ));
        }
        return Ok(code);
    }
    let unsigned = value
        .strip_prefix('+')
        .filter(|d| d.bytes().all(|b| b.is_ascii_digit()));
    if let Some(code) = unsigned.and_then(|digits| digits.parse::<u16>().ok()) {
        return Err((
            format!("code {value} has a sign"),
            format!("write `{code}`"),
        ));
    }
    let digits = value.strip_prefix('-').unwrap_or(value);
    if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
        let problem = if value.starts_with('-') {
            "is negative"
        } else {
            "is out of range"
        };
        return Err((format!("code {value} {problem}"), range));
    }
    Err((format!("code `{value}` is not a number"), range))
}
