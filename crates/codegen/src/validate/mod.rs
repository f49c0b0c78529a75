//! Stage 2: cells → a [`Table`], or every problem at once.

mod text;
mod translations;
mod vocabulary;
pub(crate) mod words;

use std::collections::HashMap;
use std::ops::Range;

use crate::chars::{hidden, invisible};
use crate::diagnostic::{Diagnostic, Severity, column_letter};
use crate::model::{Code, Table};
use crate::naming;
use crate::read::double_encoded;
use crate::read::{Cell, Record, Sheet};
use text::*;
use translations::Translations;
use words::*;

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

/// The columns of `codes.csv`, matched by header name in any order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Column {
    /// `code`: the number.
    Code,
    /// `name`: the PascalCase API name.
    Name,
    /// `title`: one line of text.
    Title,
    /// `description`: optional text.
    Description,
    /// `kind`: a snake_case word.
    Kind,
    /// `group`: a snake_case word.
    Group,
    /// `deprecated`: optional deprecation note.
    Deprecated,
}

impl Column {
    /// Every column, in the canonical order of the header.
    pub const ALL: [Column; 7] = [
        Column::Code,
        Column::Name,
        Column::Title,
        Column::Description,
        Column::Kind,
        Column::Group,
        Column::Deprecated,
    ];

    /// The header text.
    pub fn header(self) -> &'static str {
        match self {
            Column::Code => "code",
            Column::Name => "name",
            Column::Title => "title",
            Column::Description => "description",
            Column::Kind => "kind",
            Column::Group => "group",
            Column::Deprecated => "deprecated",
        }
    }

    /// What a cell of this column holds, for messages.
    pub fn noun(self) -> &'static str {
        match self {
            Column::Deprecated => "deprecation note",
            other => other.header(),
        }
    }

    /// Whether every row needs a value in this column (and the header must have it).
    pub fn required(self) -> bool {
        !matches!(self, Column::Description | Column::Deprecated)
    }
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
                canonical_header()
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
    let table = Table::new(codes, kinds, groups, locales);
    check_generated_names(&table, rows, &columns, &mut diagnostics);
    if !diagnostics.iter().any(|d| d.severity == Severity::Error) {
        check_name_hash(&table, rows, &columns, &mut diagnostics);
    }
    diagnostics.sort_by_key(|d| (d.sheet, d.span.start));
    let valid = !diagnostics.iter().any(|d| d.severity == Severity::Error);
    (valid.then_some(table), diagnostics)
}

fn canonical_header() -> String {
    Column::ALL.map(Column::header).join(",")
}

/// Spreadsheets save rows of empty cells below the data; they are not codes.
fn is_blank(record: &Record) -> bool {
    record
        .cells
        .iter()
        .all(|c| crate::read::trimmed(&c.value).is_empty())
}

/// Where each column is: column → index of its cell in a record. (An array, not a map: it is
/// read for every cell of every row.)
#[derive(Debug, Default)]
struct Columns([Option<usize>; Column::ALL.len()]);

impl Columns {
    fn get(&self, column: &Column) -> Option<&usize> {
        self.0[*column as usize].as_ref()
    }

    fn contains_key(&self, column: &Column) -> bool {
        self.get(column).is_some()
    }

    fn insert(&mut self, column: Column, index: usize) {
        self.0[column as usize] = Some(index);
    }
}

impl std::ops::Index<&Column> for Columns {
    type Output = usize;

    fn index(&self, column: &Column) -> &usize {
        self.get(column).expect("a column that was found")
    }
}

fn read_header(
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
                canonical_header()
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
                    canonical_header()
                )),
            );
        }
    }
    translations.check_header(header, options, diagnostics);
    (columns, translations)
}

/// A row cut short by a line break in an unquoted cell reads as two short records whose cells
/// add up to one more than the header's (the cell split in two): one error, saying to quote it.
fn unquoted_line_break(header: &Record, row: &Record, next: &Record) -> Option<Diagnostic> {
    let expected = header.cells.len();
    let (found, rest) = (row.cells.len(), next.cells.len());
    if found >= expected || rest >= expected || found + rest != expected + 1 {
        return None;
    }
    let (before, after) = (row.cells.last()?, next.cells.first()?);
    let column = crate::read::trimmed(&header.cells.get(found - 1)?.value);
    // Only descriptions may span lines: elsewhere the fix is to join the two halves.
    let multiline = column == "description" || column.starts_with("description.");
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

/// Header cell `index` repeats the column first at `first`.
fn repeated_column(header: &Record, index: usize, first: usize) -> Diagnostic {
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

fn ragged(row: &Record, expected: usize) -> Diagnostic {
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
struct RowCells<'a> {
    row: &'a Record,
    columns: &'a Columns,
}

impl<'a> RowCells<'a> {
    fn get(&self, column: Column) -> Option<&'a Cell> {
        self.columns
            .get(&column)
            .and_then(|&i| self.row.cells.get(i))
    }

    fn at(&self, column: Column) -> String {
        let letter = self
            .columns
            .get(&column)
            .map_or(String::new(), |&i| column_letter(i));
        format!("(column `{}`, {letter})", column.header())
    }
}

/// `(column `title`, C)`: the header and the letter a spreadsheet shows.
fn column_ref(columns: &Columns, column: Column) -> String {
    let letter = columns
        .get(&column)
        .map_or(String::new(), |&i| column_letter(i));
    format!("(column `{}`, {letter})", column.header())
}

/// Reads every cell of a row, reporting each problem; `None` when any is invalid.
fn read_row(
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
    })
}

/// The value of a checked cell, or `None` with its error (message and help) reported at the cell.
fn reported<T>(
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

fn parse_code(value: &str) -> Result<u16, (String, String)> {
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

fn check_name(name: &str, title: Option<&str>) -> Result<String, (String, String)> {
    let suggestion = || {
        let from = title.filter(|t| !t.is_empty()).unwrap_or(name);
        let suggested = naming::pascal(from);
        // Only a name the same rules accept is suggested (not one of Turkish letters, say).
        let valid = naming::is_pascal(&suggested)
            && suggested != "Self"
            && naming::reserved(&suggested).is_none();
        if valid {
            format!("write `{suggested}`: PascalCase, acronyms as words (`MfaRequired`, `SmsSent`)")
        } else {
            "write a PascalCase name: a capital letter, then letters and digits".to_owned()
        }
    };
    if name.is_empty() {
        return Err(("missing name".into(), suggestion()));
    }
    if !naming::is_pascal(name) {
        return Err((format!("name `{name}` is not PascalCase"), suggestion()));
    }
    if name == "Self" {
        return Err((
            "name `Self` is a Rust keyword".into(),
            "choose another name".into(),
        ));
    }
    if let Some(item) = naming::reserved(name) {
        return Err((
            format!("name `{name}` reads like the generated item `{item}`"),
            format!("choose a more specific name, such as `{name}Event`"),
        ));
    }
    Ok(name.to_owned())
}

/// Remembers the first row of each code and name, to report the second one.
#[derive(Default)]
struct Seen {
    codes: HashMap<u16, (Range<usize>, String)>,
    names: HashMap<String, (Range<usize>, String)>,
}

impl Seen {
    fn code(
        &mut self,
        code: u16,
        name: &str,
        span: Range<usize>,
        at: impl FnOnce() -> String,
    ) -> Option<Diagnostic> {
        if let Some((first, first_name)) = self.codes.get(&code) {
            let at = at();
            let by = if first_name.is_empty() {
                String::new()
            } else {
                format!(" by `{first_name}`")
            };
            return Some(
                Diagnostic::error(span, format!("code {code} is used twice {at}"))
                    .label("second use")
                    .related(first.clone(), format!("first used here{by}"))
                    .help("give one of the rows an unused code"),
            );
        }
        self.codes.insert(code, (span, name.to_owned()));
        None
    }

    fn name(
        &mut self,
        name: &str,
        span: Range<usize>,
        at: impl FnOnce() -> String,
    ) -> Option<Diagnostic> {
        // Lowercased, `FooBar` and `Foobar` meet in anchors, file names and case-insensitive
        // lookups: one of them must go.
        let key = name.to_lowercase();
        if let Some((first, first_name)) = self.names.get(&key) {
            let at = at();
            let message = if first_name == name {
                format!("name `{name}` is used twice {at}")
            } else {
                format!("name `{name}` collides with `{first_name}` once lowercased (`{key}`) {at}")
            };
            return Some(
                Diagnostic::error(span, message)
                    .label("second use")
                    .related(first.clone(), "first used here")
                    .help("names are the API in every language; make this one distinct"),
            );
        }
        self.names.insert(key, (span, name.to_owned()));
        None
    }
}

/// Kind words become `is_<kind>` predicates, which a code's name must not read like.
fn check_generated_names(
    table: &Table,
    rows: &[Record],
    columns: &Columns,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let predicates: Vec<(String, &str)> = table
        .kind_names()
        .map(|kind| (naming::fold(&naming::predicate(kind)), kind))
        .collect();
    for name in table.codes.iter().map(|c| &c.name) {
        // Valid names are ASCII letters and digits: folding them is lowercasing them.
        let found = predicates
            .iter()
            .find(|(predicate, _)| predicate.eq_ignore_ascii_case(name));
        if let Some((_, kind)) = found {
            let span = first_cell(rows, columns, Column::Name, name);
            diagnostics.push(
                Diagnostic::error(
                    span,
                    format!(
                        "name `{name}` reads like the generated predicate `LogCode::is_{kind}` {}",
                        column_ref(columns, Column::Name)
                    ),
                )
                .label("collides")
                .help(format!(
                    "choose a more specific name, such as `{name}Event`"
                )),
            );
        }
    }
}

/// The name lookup of the Rust crate needs a perfect hash of the names; names that no seed
/// tells apart are refused at their cells (the renderer would fail on them with no cell to
/// point at). Never seen with the current hash, whose tests try near-miss names of every length.
fn check_name_hash(
    table: &Table,
    rows: &[Record],
    columns: &Columns,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let names: Vec<&str> = table.codes.iter().map(|c| c.name.as_str()).collect();
    if let Err(error) = crate::render::perfect_hash::build(&names) {
        diagnostics.extend(hash_diagnostics(&error, table, rows, columns));
    }
}

fn hash_diagnostics(
    error: &crate::render::perfect_hash::HashError,
    table: &Table,
    rows: &[Record],
    columns: &Columns,
) -> Vec<Diagnostic> {
    (error.colliding.iter())
        .map(|&(first, second)| {
            let (first, second) = (&table.codes[first].name, &table.codes[second].name);
            Diagnostic::error(
                first_cell(rows, columns, Column::Name, second),
                format!(
                    "name `{second}` cannot be told apart from `{first}` by the name lookup's hash {}",
                    column_ref(columns, Column::Name)
                ),
            )
            .label("hashes like another name")
            .related(first_cell(rows, columns, Column::Name, first), "this name")
            .help(format!(
                "rename one of them, such as `{second}Event`, and please report the two names: every name should hash apart"
            ))
        })
        .collect()
}

fn first_cell(rows: &[Record], columns: &Columns, column: Column, value: &str) -> Range<usize> {
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Names the hash cannot tell apart (none are known: the error is made up here) are refused
    /// at the second name's cell, pointing at the first.
    #[test]
    fn names_that_hash_alike_are_refused_at_their_cells() {
        let csv = "code,name,title,kind,group\n1,FirstName,A,failure,login\n2,OtherName,B,failure,login\n";
        let (_, sheet, _) = crate::read::read(csv.as_bytes());
        let declared = crate::SheetTexts::declaring("", &["failure"], &["login"]);
        let (_, kinds, _) = crate::read::read(declared.kinds.as_bytes());
        let (_, groups, _) = crate::read::read(declared.groups.as_bytes());
        let sheets = Sheets {
            codes: &sheet,
            kinds: Some(&kinds),
            groups: Some(&groups),
        };
        let (table, _) = validate(sheets, &Options::default());
        let table = table.unwrap();
        let (header, rows) = sheet.records.split_first().unwrap();
        let (columns, _) = read_header(header, &Options::default(), &mut Vec::new());
        let error = crate::render::perfect_hash::HashError {
            colliding: vec![(0, 1)],
        };
        let found = hash_diagnostics(&error, &table, rows, &columns);
        assert_eq!(found.len(), 1);
        assert_eq!(&csv[found[0].span.clone()], "OtherName");
        let (related, _) = found[0].related.clone().unwrap();
        assert_eq!(&csv[related], "FirstName");
        assert!(
            found[0]
                .message
                .contains("`OtherName` cannot be told apart from `FirstName`")
        );
        assert!(
            found[0]
                .help
                .as_deref()
                .unwrap()
                .contains("`OtherNameEvent`")
        );
    }
}
