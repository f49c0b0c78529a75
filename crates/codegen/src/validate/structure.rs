//! The table's structure: each kind's numbers (`kinds.csv`'s `range`), which kind's codes are
//! counterparts of which (`counterpart_of`), each code's counterpart (`codes.csv`'s
//! `counterpart`), and the numbers retired for good (`reserved.csv`, read in `reserved.rs`).
//! Checked once the table is built, each problem at its cell, with a number that would do
//! (`crate::numbering`).

use std::collections::HashMap;
use std::ops::Range;

use super::header::{Columns, first_cell};
use super::vocabulary::Declared;
use crate::diagnostic::{Diagnostic, column_letter};
use crate::input::SheetName;
use crate::model::{NumberRange, Table};
use crate::read::{Record, trimmed};
use crate::schema::{Column, WordColumn};

/// How many out-of-range or reserved codes get a suggested number (each one a search of the
/// range): the rest are told to pick one, so a table of 65,536 wrong codes stays fast.
const SUGGESTED: usize = 100;

/// A number or a span of numbers, `4003` or `4500-4519`.
pub(super) fn numbers(value: &str) -> Result<NumberRange, (String, String)> {
    let help = || "write a number, or two joined by `-` such as `2000-3999`".to_owned();
    let number = |text: &str| {
        let text = text.trim();
        (!text.is_empty() && text.bytes().all(|b| b.is_ascii_digit()))
            .then(|| text.parse::<u16>().ok())
            .flatten()
    };
    let (first, last) = match value.split_once(['-', '–', '—']) {
        Some((first, last)) => (number(first), number(last)),
        None => (number(value), number(value)),
    };
    match (first, last) {
        (Some(first), Some(last)) if first <= last => {
            if value.contains(['–', '—']) {
                return Err((
                    format!("`{value}` joins its numbers with a dash other than `-`"),
                    format!("write `{first}-{last}`"),
                ));
            }
            Ok(NumberRange { first, last })
        }
        (Some(first), Some(last)) => Err((
            format!("`{value}` goes down"),
            format!("write `{last}-{first}`"),
        )),
        _ => Err((
            format!("`{value}` is not a number or a span of numbers from 0 to 65535"),
            help(),
        )),
    }
}

/// Where the structure of `kinds.csv` is, for messages: each kind's `range` and
/// `counterpart_of` cells.
#[derive(Debug, Default)]
pub(super) struct KindCells {
    pub range: HashMap<String, (usize, Range<usize>)>,
    pub counterpart_of: HashMap<String, (usize, Range<usize>)>,
}

impl KindCells {
    /// A kind's `range` and `counterpart_of` cells (at `indexes`) in `row`, each remembered
    /// for the checks of the built table; a malformed range is reported at its cell.
    pub(super) fn read(
        &mut self,
        row: &Record,
        word: &str,
        indexes: [Option<usize>; 2],
        diagnostics: &mut Vec<Diagnostic>,
    ) -> (Option<NumberRange>, Option<String>) {
        let cell = |index: Option<usize>| index.and_then(|i| Some((i, row.cells.get(i)?)));
        let range = cell(indexes[0]).and_then(|(index, cell)| {
            let range = range_cell(cell, index, diagnostics).ok().flatten()?;
            self.range
                .insert(word.to_owned(), (index, cell.span.clone()));
            Some(range)
        });
        let counterpart_of = cell(indexes[1]).and_then(|(index, cell)| {
            let value = trimmed(&cell.value);
            (!value.is_empty()).then(|| {
                (self.counterpart_of).insert(word.to_owned(), (index, cell.span.clone()));
                value.to_owned()
            })
        });
        (range, counterpart_of)
    }
}

/// Checks the structure of a built table.
pub(super) fn check(
    table: &Table,
    kinds: Option<&Declared>,
    rows: &[Record],
    columns: &Columns,
    diagnostics: &mut Vec<Diagnostic>,
) {
    if let Some(kinds) = kinds {
        check_kinds(table, &kinds.cells, diagnostics);
    }
    let at = |column: Column| super::header::column_ref(columns, column);
    let mut suggested = 0;
    let mut suggest = |kind: &str, group: &str, counterpart| {
        suggested += 1;
        (suggested <= SUGGESTED)
            .then(|| crate::numbering::next_code(table, kind, group, counterpart))
            .flatten()
    };
    for code in &table.codes {
        let cell = || first_cell(rows, columns, Column::Code, &code.code.to_string());
        let kind = table.kind(&code.kind);
        if let Some(range) = kind
            .and_then(|k| k.range)
            .filter(|r| !r.contains(code.code))
        {
            let free = suggest(&code.kind, &code.group, code.counterpart);
            diagnostics.push(
                Diagnostic::error(cell(), format!("code {} is outside the range {range} of kind `{}` {}", code.code, code.kind, at(Column::Code)))
                    .label("outside its kind's range")
                    .help(match free {
                        Some(n) => format!("number it in {range}, such as `{n}` (free), or give it the kind whose range holds it"),
                        None => format!("number it in {range}, or give it the kind whose range holds it"),
                    }),
            );
        }
        let holder = table.kind_of(code.code).filter(|k| k.name != code.kind);
        if let (Some(other), None) = (holder, kind.and_then(|k| k.range)) {
            let free = suggest(&code.kind, &code.group, code.counterpart);
            let range = other.range.unwrap_or(NumberRange { first: 0, last: 0 });
            let such = free.map_or(String::new(), |n| format!(" such as `{n}`"));
            diagnostics.push(
                Diagnostic::error(cell(), format!("code {} of kind `{}` lies in the range {range} of kind `{}` {}", code.code, code.kind, other.name, at(Column::Code)))
                    .label("in another kind's range")
                    .help(format!("a reader takes a number in {range} for a `{}` code: give the code that kind, or a number outside the ranges{such}", other.name)),
            );
        }
        if let Some(reserved) = table.reservation(code.code) {
            let free = suggest(&code.kind, &code.group, code.counterpart);
            let such = free.map_or(String::new(), |n| format!(", such as `{n}`"));
            diagnostics.push(
                Diagnostic::error(
                    cell(),
                    format!(
                        "code {} is reserved ({}: {}) {}",
                        code.code,
                        reserved.numbers,
                        reserved.note,
                        at(Column::Code)
                    ),
                )
                .label("a retired number")
                .help(format!(
                    "a reserved number is never used again: give the code a free number{such}"
                )),
            );
        }
        if let Some(of) = code.counterpart {
            check_counterpart(table, code, of, rows, columns, diagnostics);
        }
    }
}

fn check_counterpart(
    table: &Table,
    code: &crate::model::Code,
    of: u16,
    rows: &[Record],
    columns: &Columns,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let at = super::header::column_ref(columns, Column::Counterpart);
    let cell = first_cell_of_row(rows, columns, code.code);
    let kind = table.kind(&code.kind);
    let problem = match (
        kind.and_then(|k| k.counterpart_of.as_deref()),
        table.code(of),
    ) {
        (None, _) => Some((
            format!(
                "code {} has a counterpart, but kind `{}` declares none {at}",
                code.code, code.kind
            ),
            format!(
                "declare in `kinds.csv` which kind's codes `{}` codes are counterparts of (its `counterpart_of` column), or empty the cell",
                code.kind
            ),
        )),
        (Some(_), None) => Some((
            format!(
                "the counterpart {of} of code {} is not a code of the table {at}",
                code.code
            ),
            "write the number of an existing code, or empty the cell".to_owned(),
        )),
        // An undeclared `counterpart_of` is its own error, in `kinds.csv`.
        (Some(expected), _) if !table.kind_names().any(|k| k == expected) => None,
        (Some(expected), Some(other)) if other.kind != expected => Some((
            format!(
                "the counterpart {of} of code {} is a `{}` code, not a `{expected}` code {at}",
                code.code, other.kind
            ),
            format!(
                "a `{}` code is the counterpart of a `{expected}` code: write the number of one",
                code.kind
            ),
        )),
        _ => None,
    };
    if let Some((message, help)) = problem {
        diagnostics.push(
            Diagnostic::error(cell, message)
                .label("not a counterpart")
                .help(help),
        );
    }
}

/// The `counterpart` cell of the row of `code`.
fn first_cell_of_row(rows: &[Record], columns: &Columns, code: u16) -> Range<usize> {
    let (Some(&code_at), Some(&counterpart_at)) = (
        columns.get(&Column::Code),
        columns.get(&Column::Counterpart),
    ) else {
        return 0..0;
    };
    let number = code.to_string();
    (rows.iter())
        .find(|r| {
            r.cells
                .get(code_at)
                .is_some_and(|c| trimmed(&c.value) == number)
        })
        .and_then(|r| r.cells.get(counterpart_at))
        .map_or(0..0, |c| c.span.clone())
}

/// Kinds' ranges do not overlap; a kind's codes are counterparts of another declared kind's.
fn check_kinds(table: &Table, cells: &KindCells, diagnostics: &mut Vec<Diagnostic>) {
    let mut ranged: Vec<(&str, NumberRange)> = (table.kinds.iter())
        .filter_map(|k| Some((k.name.as_str(), k.range?)))
        .collect();
    ranged.sort_by_key(|&(_, range)| range);
    let mut problems = Vec::new();
    let header = WordColumn::Range.header(Column::Kind);
    for pair in ranged.windows(2) {
        let ((first, first_range), (second, second_range)) = (pair[0], pair[1]);
        if first_range.overlaps(second_range) {
            let (index, span) = cells.range.get(second).cloned().unwrap_or_default();
            let related = cells
                .range
                .get(first)
                .map(|(_, s)| s.clone())
                .unwrap_or_default();
            problems.push(
                Diagnostic::error(span, format!("the range {second_range} of kind `{second}` overlaps the range {first_range} of kind `{first}` (column `{header}`, {})", column_letter(index)))
                    .label("overlaps")
                    .related(related, format!("`{first}`'s range"))
                    .help("a number has one kind: make the ranges apart"),
            );
        }
    }
    let header = WordColumn::CounterpartOf.header(Column::Kind);
    for kind in &table.kinds {
        let Some(of) = &kind.counterpart_of else {
            continue;
        };
        let declared = table.kinds.iter().any(|k| &k.name == of);
        if declared && of != &kind.name {
            continue;
        }
        let (index, span) = cells
            .counterpart_of
            .get(&kind.name)
            .cloned()
            .unwrap_or_default();
        let kinds: Vec<&str> = table.kind_names().filter(|k| *k != kind.name).collect();
        problems.push(
            Diagnostic::error(
                span,
                format!(
                    "`{of}` is not another declared kind (column `{header}`, {})",
                    column_letter(index)
                ),
            )
            .label("not a kind")
            .help(format!(
                "write the kind whose codes `{}` codes are counterparts of: one of {}",
                kind.name,
                kinds.join(", ")
            )),
        );
    }
    diagnostics.extend(problems.into_iter().map(|d| d.in_sheet(SheetName::Kinds)));
}

/// The `range` cell of a kind, `None` when empty; a problem is reported at the cell.
pub(super) fn range_cell(
    cell: &crate::read::Cell,
    index: usize,
    diagnostics: &mut Vec<Diagnostic>,
) -> Result<Option<NumberRange>, ()> {
    let value = trimmed(&cell.value);
    if value.is_empty() {
        return Ok(None);
    }
    numbers(value).map(Some).map_err(|(message, help)| {
        let header = WordColumn::Range.header(Column::Kind);
        diagnostics.push(
            Diagnostic::error(
                cell.span.clone(),
                format!("{message} (column `{header}`, {})", column_letter(index)),
            )
            .label("not a range")
            .help(help),
        );
    })
}
