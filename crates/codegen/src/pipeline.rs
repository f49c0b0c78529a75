//! The stages run in order: read each sheet, validate them together, keep the table only when
//! there is no error.

use crate::diagnostic::{Report, Source};
use crate::input::{Input, SheetName};
use crate::model::Table;
use crate::read;
use crate::schema::Column;
use crate::validate::{self, Options};

/// Reads and validates a table from its sheets. The table is `Some` exactly when the report has
/// no errors; the report may still hold warnings.
pub fn parse(input: &Input) -> (Option<Table>, Report) {
    parse_with(input, &Options::default())
}

/// [`parse`], with what a team requires beyond validity.
pub fn parse_with(input: &Input, options: &Options) -> (Option<Table>, Report) {
    let mut sources: [Source; 4] = Default::default();
    let mut sheets: [Option<read::Sheet>; 4] = Default::default();
    let mut diagnostics = Vec::new();
    let mut unreadable = false;
    let mut declared_by_use = Vec::new();
    for name in SheetName::ALL {
        let (source, sheet, problems) = match (input.get(name), &sheets[0]) {
            (Some(bytes), _) => read::read(bytes),
            (None, Some(codes)) if options.declare_used_words && !name.optional() => {
                let column = if name == SheetName::Kinds {
                    Column::Kind
                } else {
                    Column::Group
                };
                declared_by_use.push(validate::words::used_words_sheet(codes, column));
                read::read(declared_by_use.last().map_or(&[][..], |t| t.as_bytes()))
            }
            (None, _) => continue,
        };
        unreadable |= sheet.records.is_empty() && !problems.is_empty();
        sources[name as usize] = source;
        sheets[name as usize] = Some(sheet);
        diagnostics.extend(problems.into_iter().map(|d| d.in_sheet(name)));
    }
    let table = if unreadable {
        None
    } else {
        let [codes, kinds, groups, reserved] = &sheets;
        let sheets = validate::Sheets {
            codes: codes.as_ref().expect("the codes sheet is always read"),
            kinds: kinds.as_ref(),
            groups: groups.as_ref(),
            reserved: reserved.as_ref(),
        };
        let (table, problems) = validate::validate(sheets, options);
        // A cell whose quoting is broken has an unreliable value: its quoting diagnostic says
        // all there is to say.
        let broken: Vec<(SheetName, usize)> = diagnostics
            .iter()
            .map(|d| (d.sheet, d.span.start))
            .collect();
        diagnostics.extend(
            problems
                .into_iter()
                .filter(|p| !broken.contains(&(p.sheet, p.span.start))),
        );
        table
    };
    diagnostics.sort_by_key(|d| (d.sheet, d.span.start));
    let report = Report {
        sources,
        diagnostics,
    };
    let table = table.filter(|_| !report.has_errors());
    (table, report)
}
