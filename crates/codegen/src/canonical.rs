//! The one canonical form of `codes.csv` (`cargo xtask fmt`): UTF-8 without BOM, LF, `,`, the
//! columns in their documented order (then `title.<locale>`, `description.<locale>` for each
//! locale, sorted by tag), rows sorted by code, cells trimmed and quoted only when they
//! must be. Writing a table in this form and reading it back gives the same table.

use csv_core::{QuoteStyle, WriteResult, WriterBuilder};

use crate::model::Table;
use crate::validate::Column;

/// The table as canonical CSV text.
pub fn to_csv(table: &Table) -> String {
    let mut out = Vec::new();
    let mut header: Vec<String> = Column::ALL.iter().map(|c| c.header().to_owned()).collect();
    for tag in &table.locales {
        header.extend([format!("title.{tag}"), format!("description.{tag}")]);
    }
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
        for tag in &table.locales {
            let translation = code.translations.get(tag);
            cells.push(translation.map_or("", |t| &t.title));
            cells.push(
                translation
                    .and_then(|t| t.description.as_deref())
                    .unwrap_or_default(),
            );
        }
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
    use crate::parse;

    #[test]
    fn canonical_form_round_trips_and_is_stable() {
        let messy = "\u{FEFF}group;kind;title;name;code;description\r\n\
                     login;success; \"Successful \"\"Login\"\"\" ;SuccessfulLogin;2001;\"two\r\nlines\"\r\n\
                     api;api;API Read;ApiReadOperation;100;a, b\r\n";
        let (table, report) = parse(messy.as_bytes());
        let table = table.unwrap_or_else(|| panic!("{}", report.summary("codes.csv")));
        let canonical = to_csv(&table);
        assert_eq!(
            canonical,
            "code,name,title,description,kind,group,deprecated\n\
             100,ApiReadOperation,API Read,\"a, b\",api,api,\n\
             2001,SuccessfulLogin,\"Successful \"\"Login\"\"\",\"two\nlines\",success,login,\n"
        );
        let (again, _) = parse(canonical.as_bytes());
        assert_eq!(again.as_ref(), Some(&table));
        assert_eq!(to_csv(&again.unwrap()), canonical);
    }
}
