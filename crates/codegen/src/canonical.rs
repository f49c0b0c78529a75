//! The one canonical form of the sheets (`cargo xtask fmt`): UTF-8 without BOM, LF, `,`, the
//! columns in their documented order (then `title.<locale>`, `description.<locale>` for each
//! locale, sorted by tag), rows sorted by code (by word in `kinds.csv` and `groups.csv`), cells
//! trimmed and quoted only when they must be. Writing a table in this form and reading it back
//! gives the same table.

use std::collections::BTreeMap;

use csv_core::{QuoteStyle, WriteResult, WriterBuilder};

use crate::input::SheetName;
use crate::input::SheetTexts;
use crate::model::{Table, Translation, Word};
use crate::schema::{self, Column, ReservedColumn, WordColumn};

/// Every sheet of the table as canonical CSV text.
pub fn to_sheets(table: &Table) -> SheetTexts {
    SheetTexts {
        codes: to_csv(table),
        kinds: words_csv(Column::Kind, &table.kinds, &table.locales),
        groups: words_csv(Column::Group, &table.groups, &table.locales),
        reserved: reserved_csv(table),
    }
}

/// `reserved.csv`: a row per number or span, sorted; empty (no file) when there is none.
fn reserved_csv(table: &Table) -> String {
    if table.reserved.is_empty() {
        return String::new();
    }
    let mut out = Vec::new();
    write_record(&mut out, &ReservedColumn::ALL.map(ReservedColumn::header));
    for reserved in &table.reserved {
        write_record(&mut out, &[&reserved.numbers.to_string(), &reserved.note]);
    }
    String::from_utf8(out).expect("UTF-8 in, UTF-8 out")
}

/// Whether a sheet on the disk (`None`: no file) is the canonical text: an optional sheet
/// without rows is canonical as no file or as its header alone.
pub fn is_canonical(sheet: SheetName, on_disk: Option<&[u8]>, canonical: &SheetTexts) -> bool {
    let text = canonical.get(sheet);
    if on_disk == Some(text.as_bytes()) {
        return true;
    }
    let header_only = format!("{}\n", schema::reserved_header());
    sheet.optional()
        && text.is_empty()
        && on_disk.is_none_or(|bytes| bytes == header_only.as_bytes())
}

/// A declaration sheet: the word, its title and description, then each locale's columns.
fn words_csv(column: Column, words: &[Word], locales: &[String]) -> String {
    let mut out = Vec::new();
    // The structure columns only when a word has them: most tables have none.
    let ranged = words.iter().any(|w| w.range.is_some());
    let paired = words.iter().any(|w| w.counterpart_of.is_some());
    let used = |c: &WordColumn| match c {
        WordColumn::Range => ranged,
        WordColumn::CounterpartOf => paired,
        _ => true,
    };
    let english = WordColumn::ALL
        .into_iter()
        .filter(used)
        .map(|c| c.header(column));
    let header = schema::with_translations(english, locales);
    write_record(
        &mut out,
        &header.iter().map(String::as_str).collect::<Vec<_>>(),
    );
    for word in words {
        let range = word.range.map(|r| r.to_string()).unwrap_or_default();
        let mut cells = vec![
            word.name.as_str(),
            &word.title,
            word.description.as_deref().unwrap_or_default(),
        ];
        if ranged {
            cells.push(&range);
        }
        if paired {
            cells.push(word.counterpart_of.as_deref().unwrap_or_default());
        }
        push_translations(&mut cells, &word.translations, locales);
        write_record(&mut out, &cells);
    }
    String::from_utf8(out).expect("UTF-8 in, UTF-8 out")
}

fn push_translations<'a>(
    cells: &mut Vec<&'a str>,
    translations: &'a BTreeMap<String, Translation>,
    locales: &[String],
) {
    for tag in locales {
        let translation = translations.get(tag);
        cells.push(translation.map_or("", |t| &t.title));
        cells.push(
            translation
                .and_then(|t| t.description.as_deref())
                .unwrap_or_default(),
        );
    }
}

/// The codes sheet as canonical CSV text.
pub fn to_csv(table: &Table) -> String {
    let mut out = Vec::new();
    let paired = table.codes.iter().any(|c| c.counterpart.is_some());
    let columns = Column::ALL
        .into_iter()
        .filter(|&c| paired || c != Column::Counterpart);
    let header = schema::with_translations(columns.map(Column::header), &table.locales);
    write_record(
        &mut out,
        &header.iter().map(String::as_str).collect::<Vec<_>>(),
    );
    for code in &table.codes {
        let number = code.code.to_string();
        let mut cells = vec![
            number.as_str(),
            &code.name,
            &code.title,
            code.description.as_deref().unwrap_or_default(),
            &code.kind,
            &code.group,
            code.deprecated.as_deref().unwrap_or_default(),
        ];
        let counterpart = code.counterpart.map(|n| n.to_string()).unwrap_or_default();
        if paired {
            cells.push(&counterpart);
        }
        push_translations(&mut cells, &code.translations, &table.locales);
        write_record(&mut out, &cells);
    }
    String::from_utf8(out).expect("UTF-8 in, UTF-8 out")
}

fn write_record(out: &mut Vec<u8>, cells: &[&str]) {
    let mut writer = WriterBuilder::new()
        .quote_style(QuoteStyle::Necessary)
        .build();
    let mut buffer = vec![0u8; 1024];
    for (i, cell) in cells.iter().enumerate() {
        if i > 0 {
            let (_, n) = writer.delimiter(&mut buffer);
            out.extend_from_slice(&buffer[..n]);
        }
        let mut input = cell.as_bytes();
        loop {
            let (result, read, wrote) = writer.field(input, &mut buffer);
            out.extend_from_slice(&buffer[..wrote]);
            input = &input[read..];
            match result {
                WriteResult::InputEmpty => break,
                WriteResult::OutputFull => buffer.resize(buffer.len() * 2, 0),
            }
        }
        let (_, n) = writer.finish(&mut buffer);
        out.extend_from_slice(&buffer[..n]);
    }
    out.push(b'\n');
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Input;
    use crate::pipeline::parse;

    #[test]
    fn canonical_form_round_trips_and_is_stable() {
        let messy = "\u{FEFF}group;kind;title;name;code;description\r\n\
                     login;success; \"Successful \"\"Login\"\"\" ;SuccessfulLogin;2001;\"two\r\nlines\"\r\n\
                     api;api;API Read;ApiReadOperation;100;a, b\r\n";
        let kinds = "title;kind\r\nSuccess;success\r\n\"API\";api\r\n";
        let groups = "group,title,description\nlogin,Login,\"Sign-in, by any means\"\napi,API,\n";
        let input = Input {
            codes: messy.as_bytes(),
            kinds: Some(kinds.as_bytes()),
            groups: Some(groups.as_bytes()),
            reserved: None,
        };
        let (table, report) = parse(&input);
        let table = table.unwrap_or_else(|| panic!("{}", report.summary("codes.csv")));
        let canonical = to_csv(&table);
        assert_eq!(
            canonical,
            "code,name,title,description,kind,group,deprecated\n\
             100,ApiReadOperation,API Read,\"a, b\",api,api,\n\
             2001,SuccessfulLogin,\"Successful \"\"Login\"\"\",\"two\nlines\",success,login,\n"
        );
        let sheets = to_sheets(&table);
        assert_eq!(
            sheets.kinds,
            "kind,title,description\napi,API,\nsuccess,Success,\n"
        );
        assert_eq!(
            sheets.groups,
            "group,title,description\napi,API,\nlogin,Login,\"Sign-in, by any means\"\n"
        );
        let (again, _) = parse(&sheets.input());
        assert_eq!(again.as_ref(), Some(&table));
        assert_eq!(to_sheets(&again.unwrap()), sheets);
    }
}
