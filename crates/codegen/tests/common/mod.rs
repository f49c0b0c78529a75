//! Helpers shared by the integration tests.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

/// One table row as a reader sees it: (code, title, description).
pub type Row = (u16, String, String);

/// Parses every table of a Markdown page. Inline HTML is allowed only where the generator puts
/// it: the `<a id>` anchor of the Code cell and `<br>` for a line break; anything else fails.
pub fn read_tables(markdown: &str) -> Vec<Row> {
    let mut rows = Vec::new();
    let mut cells: Vec<String> = Vec::new();
    let mut cell: Option<String> = None;
    for event in Parser::new_ext(
        markdown,
        Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH,
    ) {
        match event {
            Event::Start(Tag::TableCell) => cell = Some(String::new()),
            Event::End(TagEnd::TableCell) => cells.push(cell.take().unwrap()),
            Event::End(TagEnd::TableRow) => {
                let row = std::mem::take(&mut cells);
                assert_eq!(row.len(), 3, "a row keeps its three columns: {row:?}");
                rows.push((row[0].parse().unwrap(), row[1].clone(), row[2].clone()));
            }
            Event::End(TagEnd::TableHead) => cells.clear(),
            Event::Text(text) => {
                if let Some(cell) = &mut cell {
                    cell.push_str(&text);
                }
            }
            Event::InlineHtml(html) | Event::Html(html) => {
                let anchor = html.starts_with("<a id=\"code-") || &*html == "</a>";
                match cell.as_mut() {
                    Some(cell) if &*html == "<br>" => cell.push('\n'),
                    Some(_) if cells.is_empty() && anchor => {}
                    None if html.starts_with("<!--") => {}
                    _ => panic!("HTML from a cell: {html:?}"),
                }
            }
            Event::Start(Tag::Emphasis | Tag::Strong | Tag::Strikethrough | Tag::Link { .. })
                if cell.is_some() =>
            {
                panic!("markup from a cell: {event:?}")
            }
            Event::Code(code) if cell.is_some() => panic!("code span from a cell: {code:?}"),
            _ => {}
        }
    }
    rows
}
