//! The docs page read back by a real Markdown parser: one row per code with exactly the table's
//! title and description, and no HTML from any cell.

use log_codes_codegen::render::docs;
use log_codes_codegen::{Package, Table, parse};
mod common;

use common::{expected_rows, read_tables};

fn page(csv: &str) -> (Table, String) {
    let (table, report) = parse(csv.as_bytes());
    let table = table.unwrap_or_else(|| panic!("{}", report.summary("codes.csv")));
    let page = docs::page(
        &table,
        &Package {
            version: "1.0.0".into(),
        },
        "en",
    );
    (table, page)
}

#[test]
fn the_docs_page_reads_back_as_the_seed_table() {
    let csv = include_str!("../../../codes.csv");
    let (_, page) = page(csv);
    let mut from_docs = read_tables(&page);
    from_docs.sort();
    let mut seed = read_tables(include_str!("data/seed-log-event-types.md"));
    seed.sort();
    assert_eq!(seed.len(), 38);
    assert_eq!(from_docs, seed);
}

#[test]
fn hostile_cells_stay_text() {
    let nasty = [
        "pipe | inside",
        "<script>alert(1)</script> and <b>bold</b>",
        "{{ constructor.constructor('alert(1)')() }}",
        "*em* _em_ **strong** ~~strike~~ `code` [link](https://example.com) ![img](x.png)",
        "back\\slash \\| and \\\\",
        "&amp; &lt; &#123; entities",
        "``` fenced",
        "# heading? - list? + list? 1. list? > quote?",
        ":tada: $math$ ^sup^ [^1]",
        "emoji 🎉 and İıŞşĞğ 漢字 العربية e\u{301}",
        "line\u{2028}separator",
    ];
    let mut csv = String::from("code,name,title,description,kind,group\n");
    for (i, text) in nasty.iter().enumerate() {
        let quoted = text.replace('"', "\"\"");
        csv.push_str(&format!(
            "{},Code{i},\"{quoted}\",\"{quoted}\nsecond line\",api,api\n",
            i + 1
        ));
    }
    let (table, page) = page(&csv);
    let mut rows = read_tables(&page);
    rows.sort();
    assert_eq!(rows, expected_rows(&table));
}
