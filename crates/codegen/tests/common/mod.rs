//! Helpers shared by the integration tests.
#![allow(dead_code)]

use log_codes_codegen::compat::table_from_json;
use log_codes_codegen::testing::render::{docs, json, page_text, rust, typescript};
use log_codes_codegen::{
    Artifact, Package, Report, SheetTexts, Table, testing::parse, testing::render::render_all,
};
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
use serde_json::Value;

fn artifact<'a>(artifacts: &'a [Artifact], path: &str) -> &'a str {
    &artifacts.iter().find(|a| a.path == path).unwrap().contents
}

/// One table row as a reader sees it: (code, title, description).
pub type Row = (u16, String, String);

/// Parses every table of a Markdown page. Inline HTML is allowed only where the generator puts
/// it: the `<a id>` anchor of the Code cell, `<br>` for a line break, and English text standing in
/// for a translation, `<span lang="en">…</span> *mark*`, read as `[en]…[/en] mark`; anything else
/// fails.
pub fn read_tables(markdown: &str) -> Vec<Row> {
    let mut rows = Vec::new();
    let mut cells: Vec<String> = Vec::new();
    let mut cell: Option<String> = None;
    // Right after `</span>`: the mark may follow, in emphasis.
    let mut after_english = false;
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
                after_english &= text.trim().is_empty();
            }
            Event::End(TagEnd::Emphasis) => {}
            Event::Start(Tag::Emphasis) if cell.is_some() && after_english => {}
            Event::InlineHtml(html) | Event::Html(html) => {
                let anchor = html.starts_with("<a id=\"code-") || &*html == "</a>";
                after_english = false;
                match cell.as_mut() {
                    Some(cell) if &*html == "<br>" => cell.push('\n'),
                    Some(cell) if &*html == "<span lang=\"en\">" => cell.push_str("[en]"),
                    Some(cell) if &*html == "</span>" => {
                        cell.push_str("[/en]");
                        after_english = true;
                    }
                    Some(_) if cells.is_empty() && anchor => {}
                    None if html.starts_with("<!--") => {}
                    // A deprecation note, in English on a translated page.
                    None if matches!(&*html, "<span lang=\"en\">" | "</span>") => {}
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

/// A small table that uses every feature: two kinds, rows out of order, a description over two
/// lines, an empty description, a deprecated code, and a translation that is complete for one
/// code, lacks a description for another and is missing for the third.
pub const SMALL_TABLE: &str = "\
code,name,title,description,kind,group,deprecated,title.tr,description.tr
4002,FailedLoginInvalidPassword,Failed Login (Invalid Password),\"User entered
incorrect password\",failure,login,,Başarısız Oturum Açma (Geçersiz Parola),
100,ApiReadOperation,API Read Operation,,api,api,,,
4001,FailedLoginInvalidUser,Failed Login (Invalid User),User not found,failure,login,use 4002 instead,Başarısız Oturum Açma (Geçersiz Kullanıcı),Kullanıcı bulunamadı
";

/// The declarations of [`SMALL_TABLE`]'s kinds (one with a description, one translated).
pub const SMALL_KINDS: &str = "\
kind,title,description,title.tr,description.tr
api,API,Operations on the management API,API,Yönetim API'si üzerindeki işlemler
failure,Failure,,Başarısızlık,
";

/// The declarations of [`SMALL_TABLE`]'s groups (one not translated).
pub const SMALL_GROUPS: &str = "\
group,title,title.tr
api,API,API
login,Login,
";

/// Every sheet of the small table.
pub fn small_sheets() -> SheetTexts {
    SheetTexts {
        codes: SMALL_TABLE.to_owned(),
        kinds: SMALL_KINDS.to_owned(),
        groups: SMALL_GROUPS.to_owned(),
        reserved: String::new(),
    }
}

/// The small table, parsed.
pub fn small_table() -> Table {
    valid(&small_sheets())
}

/// A table that must be valid.
pub fn valid(sheets: &SheetTexts) -> Table {
    let (table, report) = parse(&sheets.input());
    table.unwrap_or_else(|| panic!("{}", report.summary("codes.csv")))
}

/// Parses `codes` with declaration sheets declaring exactly `kinds` and `groups`.
pub fn parse_declaring(codes: &str, kinds: &[&str], groups: &[&str]) -> (Option<Table>, Report) {
    parse(&SheetTexts::declaring(codes, kinds, groups).input())
}

/// The sheets of the repository's table, as they are now (for tests that follow the table).
pub fn real_sheets() -> SheetTexts {
    sheets_in(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
}

/// The seed table: a frozen copy of the sheets as the table started, from the seed docs page
/// (`data/seed-log-event-types.md`). Tests may rely on its facts; it never changes.
pub const SEED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/seed");

/// The three sheets in `dir`.
pub fn sheets_in(dir: &str) -> SheetTexts {
    let read = |name: &str| std::fs::read_to_string(format!("{dir}/{name}")).unwrap();
    SheetTexts {
        codes: read("codes.csv"),
        kinds: read("kinds.csv"),
        groups: read("groups.csv"),
        reserved: String::new(),
    }
}

/// The rows a reader of the docs page should find, sorted.
pub fn expected_rows(table: &Table) -> Vec<Row> {
    let mut rows: Vec<Row> = table
        .codes
        .iter()
        .map(|c| {
            (
                c.code,
                c.title.clone(),
                c.description.clone().unwrap_or_default(),
            )
        })
        .collect();
    rows.sort();
    rows
}

/// The rows a reader of `locale`'s page should find, sorted: the translations, and the English
/// text marked with `mark` where a cell has none.
pub fn expected_translated_rows(table: &Table, locale: &str, mark: &str) -> Vec<Row> {
    let english = |text: &str| format!("[en]{text}[/en] {mark}");
    let mut rows: Vec<Row> = (table.codes.iter())
        .map(|c| {
            let translation = c.translations.get(locale);
            let title = translation.map_or_else(|| english(&c.title), |t| t.title.clone());
            let description = match (
                &c.description,
                translation.and_then(|t| t.description.as_ref()),
            ) {
                (_, Some(translated)) => translated.clone(),
                (Some(text), None) => english(text),
                (None, None) => String::new(),
            };
            (c.code, title, description)
        })
        .collect();
    rows.sort();
    rows
}

/// Renders every artifact of a valid table and checks that each says exactly what the table
/// says: the JSON parses back to the table, the Rust and JavaScript literals evaluate to the
/// cells, the declarations' literal types hold them, the docs page reads back with a Markdown
/// parser, and no cell opens a doc-comment code block or closes a comment.
pub fn check_artifacts(name: &str, table: &Table) {
    let package = Package::new("1.0.0");
    let artifacts = render_all(table, &package).unwrap_or_else(|e| panic!("{name}: {e}"));

    let (from_json, _) = table_from_json(artifact(&artifacts, json::DATA)).unwrap();
    assert_eq!(&from_json, table, "{name}: JSON round trip");

    check_rust(name, table, artifact(&artifacts, rust::PATH));
    check_javascript(name, table, &artifacts);
    check_declarations(name, table, artifact(&artifacts, typescript::DTS));

    let mut rows = read_tables(artifact(&artifacts, docs::PATH));
    rows.sort();
    assert_eq!(rows, expected_rows(table), "{name}: docs page round trip");
    for locale in &table.locales {
        let mut rows = read_tables(artifact(&artifacts, &docs::path(locale)));
        rows.sort();
        let mark = page_text::for_locale(locale)
            .unwrap_or(&page_text::ENGLISH)
            .untranslated;
        let expected = expected_translated_rows(table, locale, mark);
        assert_eq!(rows, expected, "{name}: {locale} docs page round trip");
    }
}

/// The string arrays of `generated.rs`, read back by `syn`, hold the cells exactly; no doc line
/// can start a code block.
fn check_rust(name: &str, table: &Table, source: &str) {
    let file = syn::parse_file(source)
        .unwrap_or_else(|e| panic!("{name}: generated.rs does not parse: {e}"));
    let strings = |wanted: &str| -> Vec<Option<String>> {
        for item in &file.items {
            if let syn::Item::Const(item) = item
                && item.ident == wanted
            {
                let syn::Expr::Reference(reference) = &*item.expr else {
                    panic!()
                };
                let syn::Expr::Array(array) = &*reference.expr else {
                    panic!()
                };
                return array.elems.iter().map(literal_value).collect();
            }
        }
        panic!("{name}: no {wanted}");
    };
    let some = |values: Vec<&str>| {
        values
            .into_iter()
            .map(|v| Some(v.to_owned()))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        strings("TITLES"),
        some(table.codes.iter().map(|c| c.title.as_str()).collect()),
        "{name}"
    );
    assert_eq!(
        strings("NAMES"),
        some(table.codes.iter().map(|c| c.name.as_str()).collect()),
        "{name}"
    );
    assert_eq!(
        strings("DESCRIPTIONS"),
        table
            .codes
            .iter()
            .map(|c| c.description.clone())
            .collect::<Vec<_>>(),
        "{name}"
    );
    assert_eq!(
        strings("DEPRECATIONS"),
        table
            .codes
            .iter()
            .map(|c| c.deprecated.clone())
            .collect::<Vec<_>>(),
        "{name}"
    );
    // The counterparts, as numbers: each item is `Some(N)` or `None`.
    let counterparts = (file.items.iter())
        .find_map(|item| match item {
            syn::Item::Const(item) if item.ident == "COUNTERPARTS" => Some(&item.expr),
            _ => None,
        })
        .unwrap_or_else(|| panic!("{name}: no COUNTERPARTS"));
    let syn::Expr::Reference(reference) = &**counterparts else {
        panic!("{name}: COUNTERPARTS is no reference")
    };
    let syn::Expr::Array(array) = &*reference.expr else {
        panic!("{name}: COUNTERPARTS is no array")
    };
    let written: Vec<Option<u16>> = (array.elems.iter())
        .map(|item| match item {
            syn::Expr::Call(call) => match call.args.first() {
                Some(syn::Expr::Lit(syn::ExprLit {
                    lit: syn::Lit::Int(n),
                    ..
                })) => Some(n.base10_parse().unwrap()),
                _ => panic!("{name}: not a number"),
            },
            _ => None,
        })
        .collect();
    let expected: Vec<Option<u16>> = table.codes.iter().map(|c| c.counterpart).collect();
    assert_eq!(written, expected, "{name}");
    for locale in &table.locales {
        let suffix = log_codes_codegen::testing::naming::constant_suffix(locale);
        let translations = || table.codes.iter().map(|c| c.translations.get(locale));
        assert_eq!(
            strings(&format!("TITLES_{suffix}")),
            translations()
                .map(|t| t.map(|t| t.title.clone()))
                .collect::<Vec<_>>(),
            "{name}: {locale}"
        );
        assert_eq!(
            strings(&format!("DESCRIPTIONS_{suffix}")),
            (translations().map(|t| t.and_then(|t| t.description.clone()))).collect::<Vec<_>>(),
            "{name}: {locale}"
        );
    }
    // The doc lines made from the table's text; the runtime's examples are code blocks.
    let (from_table, _) = source.split_once(rust::RUNTIME_START).unwrap();
    for line in from_table
        .lines()
        .filter_map(|l| l.trim_start().strip_prefix("///"))
    {
        let text = line.strip_prefix(' ').unwrap_or(line);
        assert!(
            !text.starts_with("```") && !text.starts_with("    ") && !text.starts_with('\t'),
            "{name}: doc line opens a code block: {line}"
        );
        assert!(
            !text.contains('<'),
            "{name}: raw HTML in a doc line: {line}"
        );
    }
}

/// `"text"` → `Some("text")`, `Some("text")` → `Some("text")`, `None` → `None`.
fn literal_value(expr: &syn::Expr) -> Option<String> {
    match expr {
        syn::Expr::Lit(syn::ExprLit {
            lit: syn::Lit::Str(s),
            ..
        }) => Some(s.value()),
        syn::Expr::Call(call) => literal_value(&call.args[0]),
        syn::Expr::Path(_) => None,
        other => panic!("unexpected element {other:?}"),
    }
}

/// Each metadata entry of `metadata.js` is JSON that parses back to the code's English cells, and
/// each pair of a locale module (`[2001, "…"],`) is JSON that parses back to a translated cell;
/// comments cannot be closed by cell text in any module.
fn check_javascript(name: &str, table: &Table, artifacts: &[Artifact]) {
    let metadata = artifact(artifacts, typescript::METADATA);
    let entries: Vec<Value> = metadata
        .lines()
        .filter_map(|l| l.trim().strip_prefix("{\"code\""))
        .map(|rest| {
            serde_json::from_str(&format!("{{\"code\"{}", rest.strip_suffix(",").unwrap())).unwrap()
        })
        .collect();
    let expected: Vec<Value> = table
        .codes
        .iter()
        .map(|c| serde_json::from_str(&json::english_entry_json(c)).unwrap())
        .collect();
    assert_eq!(entries, expected, "{name}: metadata.js entries");
    for tag in &table.locales {
        let module = artifact(artifacts, &typescript::locale_module_path(tag));
        let translated = |translations: &std::collections::BTreeMap<
            String,
            log_codes_codegen::Translation,
        >| { translations.get(tag).cloned() };
        let words = |words: &[log_codes_codegen::Word]| -> Vec<(Value, String)> {
            (words.iter())
                .filter_map(|w| {
                    Some((
                        Value::from(w.name.clone()),
                        translated(&w.translations)?.title,
                    ))
                })
                .collect()
        };
        let expected = [
            (
                "titles",
                (table.codes.iter())
                    .filter_map(|c| Some((Value::from(c.code), translated(&c.translations)?.title)))
                    .collect(),
            ),
            (
                "descriptions",
                (table.codes.iter())
                    .filter_map(|c| {
                        Some((
                            Value::from(c.code),
                            translated(&c.translations)?.description?,
                        ))
                    })
                    .collect(),
            ),
            ("kindTitles", words(&table.kinds)),
            ("groupTitles", words(&table.groups)),
        ];
        for (list, pairs) in expected {
            assert_eq!(lookup_pairs(module, list), pairs, "{name}: {tag} {list}");
        }
        assert_comments_closed_only_by_us(name, module);
    }
    for path in [typescript::JS, typescript::METADATA, typescript::LOOKUP] {
        assert_comments_closed_only_by_us(name, artifact(artifacts, path));
    }
}

/// The pairs of the `lookup` named `list` in a module: `const list = … lookup(() => [`, then one
/// `  [key, "value"],` line each, until `]);`.
fn lookup_pairs(module: &str, list: &str) -> Vec<(Value, String)> {
    let start = format!("const {list} = ");
    let mut lines = module.lines().skip_while(|l| !l.starts_with(&start));
    assert!(lines.next().is_some(), "no lookup {list}");
    lines
        .take_while(|l| *l != "]);")
        .map(|line| {
            let pair: (Value, String) =
                serde_json::from_str(line.trim().strip_suffix(',').unwrap()).unwrap();
            pair
        })
        .collect()
}

/// The declared literal types of the metadata tuple hold the cells exactly.
fn check_declarations(name: &str, table: &Table, source: &str) {
    let fields = [
        "name",
        "title",
        "description",
        "kind",
        "group",
        "deprecated",
    ];
    let mut found = Vec::new();
    for line in source
        .lines()
        .filter(|l| l.trim_start().starts_with("{ readonly code: "))
    {
        let mut values = Vec::new();
        let mut rest = line;
        for field in fields {
            let key = format!("readonly {field}: ");
            let at = rest
                .find(&key)
                .unwrap_or_else(|| panic!("{name}: no {field} in {line}"));
            rest = &rest[at + key.len()..];
            if let Some(after) = rest.strip_prefix("null") {
                values.push(Value::Null);
                rest = after;
                continue;
            }
            values.push(Value::String(json_string(&mut rest)));
        }
        found.push(values);
    }
    let expected: Vec<Vec<Value>> = table
        .codes
        .iter()
        .map(|c| {
            let entry: Value = serde_json::from_str(&json::entry_json(c)).unwrap();
            fields
                .iter()
                .map(|f| entry[f].clone())
                .collect::<Vec<Value>>()
        })
        .collect();
    assert_eq!(found, expected, "{name}: index.d.ts literal types");
    assert_comments_closed_only_by_us(name, source);
}

/// The JSON string literal at the start of `rest`, which moves past it.
fn json_string(rest: &mut &str) -> String {
    let mut stream = serde_json::Deserializer::from_str(rest).into_iter::<String>();
    let value = stream.next().unwrap().unwrap();
    *rest = &rest[stream.byte_offset()..];
    value
}

/// In comment lines, every `*/` ends a comment this renderer opened. (Code lines hold cell text
/// only inside string literals, checked above.)
fn assert_comments_closed_only_by_us(name: &str, source: &str) {
    let comment_lines = source.lines().filter(|l| {
        let t = l.trim_start();
        t.starts_with("/**") || t.starts_with('*')
    });
    for line in comment_lines {
        if line.contains("*/") {
            let trimmed = line.trim();
            assert!(
                trimmed == "*/"
                    || (trimmed.starts_with("/**")
                        && trimmed.ends_with("*/")
                        && trimmed.matches("*/").count() == 1),
                "{name}: `*/` inside a comment: {line}"
            );
        }
    }
}
