//! Stage 1: bytes → cells with their positions, plus the problems only the raw file shows
//! (encoding, quoting).
//!
//! `csv-core` splits the fields; it accepts malformed quoting silently (`"Succ"essful` reads as
//! `Successful`), so every field's raw text is checked against RFC 4180 here.

use std::ops::Range;

use csv_core::{ReadFieldResult, ReaderBuilder};

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

const SAVE_AS_CSV: &str = "save the sheet as \"CSV UTF-8 (Comma delimited)\" (Excel) or \"Text CSV\" \
     with character set \"Unicode (UTF-8)\" and `,` as the field delimiter (LibreOffice)";

/// A file that is another format than CSV: UTF-16 (Excel's "Unicode Text"), JSON, or
/// tab-separated text. Named for what it is, with how to save it as CSV.
fn not_a_csv(bytes: &[u8]) -> Option<impl FnOnce(std::ops::Range<usize>) -> Diagnostic> {
    let zeros = bytes.iter().take(4096).filter(|&&b| b == 0).count();
    let sample = bytes.len().min(4096);
    let message = if bytes.starts_with(b"\xFF\xFE")
        || bytes.starts_with(b"\xFE\xFF")
        || (sample > 0 && zeros * 4 >= sample)
    {
        "this file is UTF-16 text (Excel's \"Unicode Text\"), not a CSV file"
    } else {
        let text = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        let first = text.iter().copied().find(|b| !b.is_ascii_whitespace());
        let header = text.split(|&b| b == b'\n').next().unwrap_or_default();
        if matches!(first, Some(b'{' | b'[')) {
            "this file is JSON, not a CSV table (a `log-codes.json` is generated from the table, never read as one)"
        } else if header.contains(&b'\t') && !header.contains(&b',') && !header.contains(&b';') {
            "this file is tab-separated text, not a CSV file"
        } else {
            return None;
        }
    };
    Some(move |span| {
        Diagnostic::error(span, message)
            .label("read as the header")
            .help(SAVE_AS_CSV)
    })
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

/// Decodes UTF-8, replacing each invalid sequence with U+FFFD, with one error per line that has
/// any: it points at the first bad byte and shows what the line says in the legacy encoding it
/// was most likely saved in.
fn decode(bytes: &[u8]) -> (String, Vec<Diagnostic>) {
    let mut text = String::with_capacity(bytes.len());
    let mut errors = Vec::new();
    for line in bytes.split_inclusive(|&b| b == b'\n') {
        let mut first_bad: Option<(usize, u8)> = None;
        for chunk in line.utf8_chunks() {
            text.push_str(chunk.valid());
            if let Some(&byte) = chunk.invalid().first() {
                first_bad.get_or_insert((text.len(), byte));
                text.push(char::REPLACEMENT_CHARACTER);
            }
        }
        if let Some((at, byte)) = first_bad {
            let (encoding, reading) = legacy_reading(line);
            errors.push(
                Diagnostic::error(
                    at..at + char::REPLACEMENT_CHARACTER.len_utf8(),
                    format!("this line is not UTF-8 (byte 0x{byte:02X}); in {encoding} it reads `{reading}`"),
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

/// The line decoded as Windows-1254 (Turkish) when that yields Turkish letters, else as
/// Windows-1252 (Western European), which Excel uses for "CSV (Comma delimited)" in those locales.
fn legacy_reading(line: &[u8]) -> (&'static str, String) {
    let line = line.strip_suffix(b"\n").unwrap_or(line);
    let line = line.strip_suffix(b"\r").unwrap_or(line);
    let (turkish, _, _) = encoding_rs::WINDOWS_1254.decode(line);
    if turkish.chars().any(|c| "ğĞışŞİ".contains(c)) {
        return ("Windows-1254 (Turkish)", turkish.into_owned());
    }
    let (western, _, _) = encoding_rs::WINDOWS_1252.decode(line);
    ("Windows-1252 (Western European)", western.into_owned())
}

/// Text that a spreadsheet decoded twice (UTF-8 read as Windows-1252 and saved again as UTF-8:
/// `GiriÅŸ` for `Giriş`): the likely intended text, if `text` is that.
pub fn double_encoded(text: &str) -> Option<String> {
    if text.is_ascii() {
        return None;
    }
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1252.encode(text);
    if unmappable {
        return None;
    }
    let intended = std::str::from_utf8(&bytes).ok()?;
    (intended != text).then(|| intended.to_owned())
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
            QuotingProblem::QuoteInUnquotedCell(at) if raw[..at].trim().is_empty() => {
                Diagnostic::error(
                    span.clone(),
                    "malformed quoting: spaces before the opening quote of a cell that holds a separator or a line break",
                )
                .label("the cell was split here")
                .help("delete the spaces between the separator and `\"`")
            }
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
