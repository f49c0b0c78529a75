//! Where each problem of a report is, as CI tools take it: the 1-based line and column, and the
//! header of the column its cell is in (`title.tr`), for reports as data and annotations.

use crate::diagnostic::Report;
use crate::input::SheetName;
use crate::read::{self, Sheet};

/// A problem's place in its sheet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    /// 1-based line.
    pub line: usize,
    /// 1-based character column.
    pub column: usize,
    /// The header of the column whose cell the problem is in, when it is in a cell under a
    /// header that has text (for a header cell, its own text).
    pub column_name: Option<String>,
}

impl Report {
    /// The location of every diagnostic, in order. Each sheet is read once and each problem
    /// found by binary search, so this stays linear in the size of the table.
    pub fn locations(&self) -> Vec<Location> {
        // Only the sheets that have a problem are read again (most reports have none).
        let sheets = SheetName::ALL.map(|name| {
            let read = self.diagnostics.iter().any(|d| d.sheet == name);
            read.then(|| read::read(self.source(name).text().as_bytes()).1)
        });
        (self.diagnostics.iter())
            .map(|d| {
                let (line, column) = self.line_column(d);
                let sheet = sheets[d.sheet as usize].as_ref();
                let column_name = sheet.and_then(|sheet| column_name(sheet, d.span.start));
                Location {
                    line,
                    column,
                    column_name,
                }
            })
            .collect()
    }
}

/// The header text of the column of the cell that holds `offset`, if any.
fn column_name(sheet: &Sheet, offset: usize) -> Option<String> {
    let header = sheet.records.first()?;
    let at = sheet.records.partition_point(|r| r.span.end < offset);
    let record = sheet.records.get(at).filter(|r| r.span.start <= offset)?;
    let index =
        (record.cells.iter()).position(|c| c.span.start <= offset && offset <= c.span.end)?;
    let name = read::trimmed(&header.cells.get(index)?.value);
    (!name.is_empty()).then(|| name.to_owned())
}

#[cfg(test)]
mod tests {
    use crate::input::SheetTexts;

    #[test]
    fn problems_are_located_at_their_cells_with_the_column_name() {
        let codes =
            "code,name,title,kind,group\n1,bad_name,T,failure,login\nx,Good,T,failure,login\n";
        let sheets = SheetTexts::declaring(codes, &["failure"], &["login"]);
        let (_, report) = crate::pipeline::parse(&sheets.input());
        let found: Vec<_> = report
            .locations()
            .into_iter()
            .map(|l| (l.line, l.column, l.column_name))
            .collect();
        assert_eq!(
            found,
            [
                (2, 3, Some("name".to_owned())),
                (3, 1, Some("code".to_owned()))
            ]
        );
    }
}
