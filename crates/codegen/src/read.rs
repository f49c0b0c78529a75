//! Stage 1: bytes → cells with their positions, plus the problems only the raw file shows
//! (encoding, quoting).
//!
//! `csv-core` splits the fields; it accepts malformed quoting silently (`"Succ"essful` reads as
//! `Successful`), so every field's raw text is checked against RFC 4180 here.

use std::ops::Range;

use csv_core::{ReadFieldResult, Reader};

use crate::diagnostic::{Diagnostic, Source, column_letter};

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

/// The file as records; the first is the header.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sheet {
    /// Every record, header first.
    pub records: Vec<Record>,
}

/// Decodes and splits `bytes`. An invalid UTF-8 file yields only encoding diagnostics: its cells
/// could not be trusted.
pub fn read(bytes: &[u8]) -> (Source, Sheet, Vec<Diagnostic>) {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let (text, encoding_errors) = decode(bytes);
    let source = Source::new(text);
    if !encoding_errors.is_empty() {
        return (source, Sheet { records: vec![] }, encoding_errors);
    }
    let (sheet, diagnostics) = split(source.text());
    (source, sheet, diagnostics)
}

fn decode(bytes: &[u8]) -> (String, Vec<Diagnostic>) {
    let mut text = String::with_capacity(bytes.len());
    let mut errors = Vec::new();
    for chunk in bytes.utf8_chunks() {
        text.push_str(chunk.valid());
        if !chunk.invalid().is_empty() {
            let start = text.len();
            text.push(char::REPLACEMENT_CHARACTER);
            let shown: Vec<String> = chunk
                .invalid()
                .iter()
                .map(|b| format!("0x{b:02X}"))
                .collect();
            errors.push(
                Diagnostic::error(
                    start..text.len(),
                    format!("invalid UTF-8 (byte {})", shown.join(" ")),
                )
                .label("not UTF-8")
                .help(
                    "the file was saved in a legacy encoding; save it again as \
                     \"CSV UTF-8 (Comma delimited)\" (Excel) or with character set \"Unicode (UTF-8)\" \
                     (LibreOffice)",
                ),
            );
        }
    }
    (text, errors)
}

fn split(text: &str) -> (Sheet, Vec<Diagnostic>) {
    let input = text.as_bytes();
    let mut reader = Reader::new();
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
            ReadFieldResult::InputEmpty => {
                if pos < input.len() {
                    continue;
                }
                // Signal the end of input: the last field, if any, comes back as a Field.
                let (result, _, wrote) = reader.read_field(&[], &mut output[written..]);
                written += wrote;
                if let ReadFieldResult::Field { .. } = result {
                    let (cell, problem) = cell(text, field_start, pos, &output[..written]);
                    problems.extend(problem.map(|p| (cells.len(), p)));
                    cells.push(cell);
                    records.push(record(std::mem::take(&mut cells)));
                }
                break;
            }
            ReadFieldResult::OutputFull => {
                output.resize(output.len() * 2, 0);
            }
            ReadFieldResult::Field { record_end } => {
                let (cell, problem) = cell(text, field_start, pos, &output[..written]);
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
            let name = header.get(index).map_or("", |c| c.value.trim());
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
fn cell(text: &str, start: usize, end: usize, value: &[u8]) -> (Cell, Option<Diagnostic>) {
    let raw = &text[start..end];
    let leading = raw.len() - raw.trim_start_matches(['\r', '\n']).len();
    let raw = &raw[leading..];
    let raw = raw
        .strip_suffix(',')
        .or_else(|| raw.strip_suffix("\r\n"))
        .or_else(|| raw.strip_suffix('\n'))
        .or_else(|| raw.strip_suffix('\r'))
        .unwrap_or(raw);
    let span = start + leading..start + leading + raw.len();
    let problem = quoting_problem(raw).map(|p| p.at(raw, span.clone()));
    let value = String::from_utf8_lossy(value).replace("\r\n", "\n");
    (Cell { value, span }, problem)
}

enum QuotingProblem {
    Unclosed,
    TextAfterClosingQuote(usize),
    QuoteInUnquotedCell(usize),
}

impl QuotingProblem {
    fn at(self, raw: &str, span: Range<usize>) -> Diagnostic {
        match self {
            QuotingProblem::Unclosed => Diagnostic::error(
                span.start..span.start + 1,
                "this quote is never closed, so the rest of the file was read as one cell",
            )
            .label("opened here")
            .help("close the quoted cell with `\"`; a quote inside it is written twice (`\"\"`)"),
            QuotingProblem::TextAfterClosingQuote(at) => Diagnostic::error(
                span.clone(),
                "malformed quoting: text follows the closing quote of this cell",
            )
            .label(format!("`{}` follows the closing quote", &raw[at + 1..]))
            .help("a quote inside a quoted cell is written twice: `\"5\"\" disk\"`"),
            QuotingProblem::QuoteInUnquotedCell(at) => Diagnostic::error(
                span.clone(),
                "malformed quoting: a quote inside a cell that is not quoted",
            )
            .label(format!("quote after `{}`", &raw[..at]))
            .help("quote the whole cell and write the inner quote twice: `\"5\"\" disk\"`"),
        }
    }
}

/// Checks a raw cell against RFC 4180: either no quotes at all, or quoted as a whole with inner
/// quotes doubled.
fn quoting_problem(raw: &str) -> Option<QuotingProblem> {
    let Some(inner) = raw.strip_prefix('"') else {
        return raw.find('"').map(QuotingProblem::QuoteInUnquotedCell);
    };
    let bytes = inner.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'"' {
            if bytes.get(i + 1) == Some(&b'"') {
                i += 2;
                continue;
            }
            return (i + 1 != bytes.len()).then_some(QuotingProblem::TextAfterClosingQuote(i + 1));
        }
        i += 1;
    }
    // No closing quote: csv-core swallowed everything to the end of the input.
    Some(QuotingProblem::Unclosed)
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
    fn invalid_utf8_is_reported_at_each_bad_byte() {
        let (source, sheet, diagnostics) = read(b"a,b\nGiri\xfe,\xe7\n");
        assert!(sheet.records.is_empty());
        let at: Vec<_> = diagnostics
            .iter()
            .map(|d| source.line_column(d.span.start))
            .collect();
        assert_eq!(at, [(2, 5), (2, 7)]);
    }

    #[test]
    fn bom_is_not_part_of_the_first_cell() {
        assert_eq!(values("\u{FEFF}code\n1\n"), [vec!["code"], vec!["1"]]);
    }
}
