//! The docs page read back by a real Markdown parser: one row per code with exactly the table's
//! title and description, and no HTML from any cell. Seed fidelity is proven on a frozen copy
//! of the table as it started (`data/seed/`), so editing `codes.csv` never breaks it; the real
//! table is checked against itself.

use crate::common;

use crate::common::{expected_rows, read_tables};
use log_codes_codegen::testing::render::docs;
use log_codes_codegen::{Package, SheetTexts, Table};

fn page(sheets: &SheetTexts) -> (Table, String) {
    let table = common::valid(sheets);
    let page = docs::page(&table, &Package::new("1.0.0"), "en");
    (table, page)
}

/// The seed table, through every artifact, says what the seed docs page says.
#[test]
fn the_seed_table_reads_back_as_the_seed_page() {
    let seed_sheets = common::sheets_in(common::SEED);
    let (table, page) = page(&seed_sheets);
    let mut from_docs = read_tables(&page);
    from_docs.sort();
    let mut seed = read_tables(include_str!("data/seed-log-event-types.md"));
    seed.sort();
    assert_eq!(seed.len(), 38);
    assert_eq!(from_docs, seed);
    common::check_artifacts("the seed table", &table);
}

/// The real table's docs page reads back as the real table, whatever its rows are now.
#[test]
fn the_docs_page_reads_back_as_the_table() {
    let (table, page) = page(&common::real_sheets());
    let mut from_docs = read_tables(&page);
    from_docs.sort();
    assert_eq!(
        from_docs,
        expected_rows(&table),
        "the docs page does not read back as codes.csv: run `cargo xtask gen`, and if this \
         persists, the docs renderer lost or changed a cell"
    );
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
    let declared = |codes: String| SheetTexts::declaring(codes, &["api"], &["api"]);
    for (i, text) in nasty.iter().enumerate() {
        let quoted = text.replace('"', "\"\"");
        csv.push_str(&format!(
            "{},Code{i},\"{quoted}\",\"{quoted}\nsecond line\",api,api\n",
            i + 1
        ));
    }
    let (table, page) = page(&declared(csv));
    let mut rows = read_tables(&page);
    rows.sort();
    assert_eq!(rows, expected_rows(&table));
}
