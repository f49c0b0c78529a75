//! Stage 1: bytes → cells with their positions, plus the problems only the raw file shows
//! (encoding, quoting).
//!
//! `csv-core` splits the fields; it accepts malformed quoting silently (`"Succ"essful` reads as
//! `Successful`), so every field's raw text is checked against RFC 4180 here.

use std::ops::Range;

use csv_core::{ReadFieldResult, ReaderBuilder};

mod encoding;
mod quoting;

use crate::diagnostic::{Diagnostic, Source, column_letter};
pub use encoding::double_encoded;
use encoding::*;
use quoting::*;

/// One cell: its value (quotes removed, `""` undone, CRLF as LF) and where it stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cell {
    /// The value as a spreadsheet shows it.
    pub value: String,
    /// The raw cell in the source text, quotes included.
    pub span: Range<usize>,
}

/// One record of the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    /// The cells, in file order.
    pub cells: Vec<Cell>,
    /// From the first cell's start to the last cell's end.
    pub span: Range<usize>,
}

/// A cell's value without the spaces and tabs around it. Only those: any other character at
/// either end (U+000B, U+0085, U+2028, …) is judged as it would be inside the cell.
pub fn trimmed(value: &str) -> &str {
    value.trim_matches([' ', '\t'])
}

/// The file as records; the first is the header.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sheet {
    /// Every record, header first.
    pub records: Vec<Record>,
}

/// Decodes and splits `bytes`. An invalid UTF-8 file yields only encoding diagnostics: its cells
/// could not be trusted.
pub fn read(bytes: &[u8]) -> (Source, Sheet, Vec<Diagnostic>) {
    if let Some(problem) = not_a_csv(bytes) {
        let text = String::from_utf8_lossy(bytes).replace('\0', "");
        let end = text.find('\n').unwrap_or(text.len()).min(text.len());
        let span = 0..text[..end].trim_end_matches('\r').len();
        return (
            Source::new(text),
            Sheet { records: vec![] },
            vec![problem(span)],
        );
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let (text, encoding_errors) = decode(bytes);
    let source = Source::new(text);
    if !encoding_errors.is_empty() {
        return (source, Sheet { records: vec![] }, encoding_errors);
    }
    let (sheet, diagnostics) = split(source.text(), delimiter(source.text()));
    (source, sheet, diagnostics)
}

/// `,`, or `;` when the header line holds `;` and no `,`: Excel saves "CSV" with `;` where the
/// decimal separator is a comma (Turkish, German, French and other locales).
pub fn delimiter(text: &str) -> u8 {
    let header = text.lines().next().unwrap_or_default();
    if header.contains(';') && !header.contains(',') {
        b';'
    } else {
        b','
    }
}

fn split(text: &str, delimiter: u8) -> (Sheet, Vec<Diagnostic>) {
    let input = text.as_bytes();
    let mut reader = ReaderBuilder::new().delimiter(delimiter).build();
    let mut records = Vec::new();
    let mut cells = Vec::new();
    // Quoting problems, with the index of their cell, to name the column once the header is read.
    let mut problems: Vec<(usize, Diagnostic)> = Vec::new();
    let mut output = vec![0u8; 1024];
    let mut pos = 0;
    let mut field_start = 0;
    let mut written = 0;
    loop {
        let (result, read, wrote) = reader.read_field(&input[pos..], &mut output[written..]);
        pos += read;
        written += wrote;
        match result {
            // Call again with the rest; at the end the rest is empty, which tells csv-core the
            // input is over, and the last field comes back as a Field.
            ReadFieldResult::InputEmpty => {}
            ReadFieldResult::OutputFull => {
                output.resize(output.len() * 2, 0);
            }
            ReadFieldResult::Field { record_end } => {
                let (cell, problem) = cell(
                    text,
                    field_start,
                    pos,
                    &output[..written],
                    delimiter,
                    cells.is_empty(),
                );
                problems.extend(problem.map(|p| (cells.len(), p)));
                cells.push(cell);
                if record_end {
                    records.push(record(std::mem::take(&mut cells)));
                }
                field_start = pos;
                written = 0;
            }
            ReadFieldResult::End => break,
        }
    }
    let header = records.first().map_or(&[][..], |r: &Record| &r.cells[..]);
    let diagnostics = problems
        .into_iter()
        .map(|(index, mut diagnostic)| {
            let name = header.get(index).map_or("", |c| trimmed(&c.value));
            diagnostic.message = format!(
                "{} (column `{name}`, {})",
                diagnostic.message,
                column_letter(index)
            );
            diagnostic
        })
        .collect();
    (Sheet { records }, diagnostics)
}

fn record(cells: Vec<Cell>) -> Record {
    let span = cells.first().map_or(0, |c| c.span.start)..cells.last().map_or(0, |c| c.span.end);
    Record { cells, span }
}

/// Builds a cell from the raw bytes `text[start..end]` (which may begin with the blank lines
/// `csv-core` skipped and end with the delimiter or line break that closed it).
fn cell(
    text: &str,
    start: usize,
    end: usize,
    value: &[u8],
    delimiter: u8,
    first_in_record: bool,
) -> (Cell, Option<Diagnostic>) {
    let raw = &text[start..end];
    // Blank lines csv-core skipped come before the first cell of a record.
    let leading = if first_in_record {
        raw.len() - raw.trim_start_matches(['\r', '\n']).len()
    } else {
        0
    };
    let raw = &raw[leading..];
    let raw = raw
        .strip_suffix(char::from(delimiter))
        .or_else(|| raw.strip_suffix("\r\n"))
        .or_else(|| raw.strip_suffix('\n'))
        .or_else(|| raw.strip_suffix('\r'))
        .unwrap_or(raw);
    let span = start + leading..start + leading + raw.len();
    // Spaces around a quoted cell (` "a, b" `) are trimmed like spaces around any cell.
    let trimmed = raw.trim_matches([' ', '\t']);
    if trimmed.len() != raw.len() && trimmed.starts_with('"') && quoting_problem(trimmed).is_none()
    {
        let value = trimmed[1..trimmed.len() - 1]
            .replace("\"\"", "\"")
            .replace("\r\n", "\n");
        return (Cell { value, span }, None);
    }
    let problem = quoting_problem(raw).map(|p| p.at(raw, span.clone()));
    let value = String::from_utf8_lossy(value);
    let value = if value.contains('\r') {
        value.replace("\r\n", "\n")
    } else {
        value.into_owned()
    };
    (Cell { value, span }, problem)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(text: &str) -> Vec<Vec<String>> {
        let (_, sheet, diagnostics) = read(text.as_bytes());
        assert!(diagnostics.is_empty(), "{diagnostics:?}");
        sheet
            .records
            .iter()
            .map(|r| r.cells.iter().map(|c| c.value.clone()).collect())
            .collect()
    }

    fn spans(text: &str) -> Vec<Vec<&str>> {
        let (_, sheet, _) = read(text.as_bytes());
        sheet
            .records
            .iter()
            .map(|r| r.cells.iter().map(|c| &text[c.span.clone()]).collect())
            .collect()
    }

    #[test]
    fn quoted_cells_keep_commas_quotes_and_line_breaks() {
        assert_eq!(
            values("a,b\n\"x, y\",\"say \"\"hi\"\"\r\nnow\"\n"),
            [vec!["a", "b"], vec!["x, y", "say \"hi\"\nnow"]]
        );
    }

    #[test]
    fn spans_cover_the_raw_cell_across_blank_lines_and_crlf() {
        let text = "a,b\r\n\r\n\"q\",\r\nc,d";
        assert_eq!(
            spans(text),
            [vec!["a", "b"], vec!["\"q\"", ""], vec!["c", "d"]]
        );
    }

    #[test]
    fn malformed_quoting_is_reported() {
        for (text, expected) in [
            ("a\n\"Succ\"essful\n", "text follows the closing quote"),
            (
                "a\nSucc\"essful\n",
                "a quote inside a cell that is not quoted",
            ),
            ("a,b\n\"open,x\ny,z\n", "never closed"),
        ] {
            let (_, _, diagnostics) = read(text.as_bytes());
            assert_eq!(diagnostics.len(), 1, "{text:?}");
            assert!(diagnostics[0].message.contains(expected), "{diagnostics:?}");
        }
    }

    #[test]
    fn invalid_utf8_is_reported_once_per_line_with_its_legacy_reading() {
        let (source, sheet, diagnostics) = read(b"a,b\nGiri\xfe,\xe7\nok,ok\nCaf\xe9,x\n");
        assert!(sheet.records.is_empty());
        let at: Vec<_> = diagnostics
            .iter()
            .map(|d| source.line_column(d.span.start))
            .collect();
        assert_eq!(at, [(2, 5), (4, 4)]);
        assert!(
            diagnostics[0]
                .message
                .ends_with("in Windows-1254 (Turkish) it reads `Giriş,ç`"),
            "{}",
            diagnostics[0].message
        );
        assert!(
            diagnostics[1]
                .message
                .ends_with("in Windows-1252 (Western European) it reads `Café,x`"),
            "{}",
            diagnostics[1].message
        );
    }

    #[test]
    fn double_encoding_is_recognised() {
        assert_eq!(
            double_encoded("GiriÅŸ baÅŸarÄ±lÄ±").as_deref(),
            Some("Giriş başarılı")
        );
        assert_eq!(double_encoded("Ã§ok"), Some("çok".to_owned()));
        assert_eq!(double_encoded("Giriş"), None);
        assert_eq!(double_encoded("plain"), None);
        assert_eq!(double_encoded("漢字"), None);
    }

    #[test]
    fn semicolon_files_and_spaces_around_quotes() {
        assert_eq!(
            values("code;name\n1;\"a;b\"\n"),
            [vec!["code", "name"], vec!["1", "a;b"]]
        );
        assert_eq!(
            values("a,b\n \"x\" , \"y\"\"z\"\t\n"),
            [vec!["a", "b"], vec!["x", "y\"z"]]
        );
    }

    #[test]
    fn bom_is_not_part_of_the_first_cell() {
        assert_eq!(values("\u{FEFF}code\n1\n"), [vec!["code"], vec!["1"]]);
    }
}
