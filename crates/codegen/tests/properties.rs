//! Property tests, bounded for CI (`PROPTEST_CASES` raises the count for a longer run):
//! random valid tables generate artifacts that say exactly what the table says, and random or
//! mangled bytes never make the reader or validator panic, and always get diagnostics with valid
//! positions.

mod common;

use std::collections::BTreeMap;

use log_codes_codegen::model::{Code, Table, Translation};
use log_codes_codegen::{canonical, chars, parse};
use proptest::prelude::*;

/// Text a cell may hold: any Unicode but controls and format characters (so no bidirectional
/// controls), trimmed, with at least one visible character.
fn text() -> impl Strategy<Value = String> {
    "\\PC{1,40}"
        .prop_map(|s| s.trim().to_owned())
        .prop_filter("visible", |s| !s.chars().all(chars::invisible))
}

/// Like [`text`], over several lines; each line is trimmed too, as CRLF-safe text.
fn multiline() -> impl Strategy<Value = Option<String>> {
    proptest::option::of(proptest::collection::vec(text(), 1..4).prop_map(|lines| lines.join("\n")))
}

fn word() -> impl Strategy<Value = String> {
    prop::sample::select(vec![
        "api",
        "success",
        "failure",
        "login",
        "mfa",
        "directory_sync",
        "x9",
    ])
    .prop_map(str::to_owned)
}

const LOCALES: [&str; 2] = ["pt-BR", "tr"];

/// A translation per locale or none; a translated description only where the English one exists.
fn translations(described: bool) -> impl Strategy<Value = BTreeMap<String, Translation>> {
    let one = proptest::option::of((text(), multiline()));
    proptest::collection::vec(one, LOCALES.len()).prop_map(move |cells| {
        (LOCALES.iter().zip(cells))
            .filter_map(|(tag, cell)| {
                let (title, description) = cell?;
                let description = description.filter(|_| described);
                Some((tag.to_string(), Translation { title, description }))
            })
            .collect()
    })
}

prop_compose! {
    fn row()(code in any::<u16>(), stem in "[A-Z][a-z]{0,8}", title in text(), description in multiline(),
             kind in word(), group in word(), deprecated in proptest::option::of(text()))
            (translations in translations(description.is_some()), code in Just(code), stem in Just(stem),
             title in Just(title), description in Just(description), kind in Just(kind),
             group in Just(group), deprecated in Just(deprecated)) -> (u16, String, Code) {
        let code = Code { code, name: stem.clone(), title, description, kind, group, deprecated, translations };
        (code.code, stem, code)
    }
}

prop_compose! {
    /// Up to 30 rows with distinct codes; names made distinct by a numeric suffix.
    fn valid_table()(rows in proptest::collection::vec(row(), 1..30)) -> Table {
        let mut seen = std::collections::HashSet::new();
        let codes = rows
            .into_iter()
            .filter(|(code, _, _)| seen.insert(*code))
            .enumerate()
            .map(|(i, (_, stem, code))| Code { name: format!("{stem}{i}"), ..code })
            .collect();
        Table::new(codes, LOCALES.map(str::to_owned).to_vec())
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, max_shrink_iters: 200, ..ProptestConfig::default() })]

    #[test]
    fn valid_tables_generate_faithful_artifacts(table in valid_table()) {
        let csv = canonical::to_csv(&table);
        let (parsed, report) = parse(csv.as_bytes());
        prop_assert!(parsed.is_some(), "{}\n{csv}", report.summary("codes.csv"));
        prop_assert_eq!(parsed.as_ref(), Some(&table));
        common::check_artifacts("random table", &table);
    }

    #[test]
    fn random_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        check_positions(&bytes);
    }

    #[test]
    fn mangled_tables_never_panic(table in valid_table(), edits in proptest::collection::vec((any::<prop::sample::Index>(), prop::sample::select(vec![b'"', b',', b';', b'\n', b'\r', b' ', 0u8, 0xC3, 0xFF, b'A'])), 1..8)) {
        let mut bytes = canonical::to_csv(&table).into_bytes();
        for (at, byte) in edits {
            let at = at.index(bytes.len() + 1);
            if at < bytes.len() && byte == b'A' {
                bytes.remove(at);
            } else {
                bytes.insert(at, byte);
            }
        }
        check_positions(&bytes);
    }
}

/// Parsing returns; every diagnostic points inside the source, on a real line and column; a
/// table comes back exactly when there is no error.
fn check_positions(bytes: &[u8]) {
    let (table, report) = parse(bytes);
    assert_eq!(table.is_some(), !report.has_errors());
    let text = report.source.text();
    let lines = text.split('\n').count();
    for d in &report.diagnostics {
        assert!(
            d.span.start <= d.span.end && d.span.end <= text.len(),
            "{d:?}"
        );
        assert!(
            text.is_char_boundary(d.span.start) && text.is_char_boundary(d.span.end),
            "{d:?}"
        );
        let (line, column) = report.source.line_column(d.span.start);
        assert!(
            line >= 1 && line <= lines && column >= 1,
            "{d:?} at {line}:{column}"
        );
    }
    let _ = report.render("codes.csv", false);
}

prop_compose! {
    /// Names that a weak hash confuses: two to five chunks of 1 to 8 letters in every order, and
    /// each order with one letter changed, so names share prefixes, suffixes and whole chunks.
    fn near_miss_table()(chunks in proptest::collection::vec("[A-Z][a-z]{0,7}", 2..6)) -> Table {
        let mut names = std::collections::BTreeSet::new();
        let mut order: Vec<usize> = (0..chunks.len()).collect();
        permutations(&mut order, 0, &mut |order| {
            let name: String = order.iter().map(|&i| chunks[i].as_str()).collect();
            let last = name.len() - 1;
            let mut changed = name.clone().into_bytes();
            changed[last] = if changed[last] == b'z' { b'y' } else { b'z' };
            names.insert(String::from_utf8(changed).unwrap());
            names.insert(name);
        });
        let codes = names
            .into_iter()
            .filter(|name| parse_name(name))
            .enumerate()
            .map(|(i, name)| Code {
                code: i as u16,
                title: format!("Event {name}"),
                name,
                description: None,
                kind: "failure".into(),
                group: "login".into(),
                deprecated: None,
                translations: BTreeMap::new(),
            })
            .collect();
        Table::new(codes, vec![])
    }
}

fn permutations(order: &mut Vec<usize>, from: usize, visit: &mut impl FnMut(&[usize])) {
    if from == order.len() {
        visit(order);
        return;
    }
    for i in from..order.len() {
        order.swap(from, i);
        permutations(order, from + 1, visit);
        order.swap(from, i);
    }
}

/// Whether the generator accepts `name` as a name (chunks such as `A` + `B` make `AB`, which
/// is not PascalCase).
fn parse_name(name: &str) -> bool {
    let csv = format!("code,name,title,kind,group\n1,{name},T,failure,login\n");
    parse(csv.as_bytes()).0.is_some()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// Every byte of a name counts in the name hash: near-miss names always get a table.
    #[test]
    fn near_miss_names_always_get_a_lookup_table(table in near_miss_table()) {
        prop_assume!(!table.codes.is_empty());
        common::check_artifacts("near-miss names", &table);
    }
}
