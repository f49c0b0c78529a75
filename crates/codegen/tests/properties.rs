//! Property tests, bounded for CI (`PROPTEST_CASES` raises the count for a longer run):
//! random valid tables generate artifacts that say exactly what the table says, and random or
//! mangled bytes never make the reader or validator panic, and always get diagnostics with valid
//! positions.

mod common;

use std::collections::BTreeMap;

use log_codes_codegen::model::{Code, Table, Translation, Word};
use log_codes_codegen::{Input, SheetTexts, canonical, testing::chars, testing::parse};
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

const WORDS: [&str; 7] = [
    "api",
    "success",
    "failure",
    "login",
    "mfa",
    "directory_sync",
    "x9",
];

fn word() -> impl Strategy<Value = String> {
    prop::sample::select(WORDS.to_vec()).prop_map(str::to_owned)
}

/// The declarations of the words `codes` use in one column: a random display title (ending in
/// the word, so that titles differ), description and translations for each.
fn declarations(words: std::collections::BTreeSet<String>) -> impl Strategy<Value = Vec<Word>> {
    let count = words.len();
    let words: Vec<String> = words.into_iter().collect();
    proptest::collection::vec((text(), multiline()), count).prop_flat_map(move |texts| {
        let words = words.clone();
        let described: Vec<bool> = texts.iter().map(|(_, d)| d.is_some()).collect();
        let translated: Vec<_> = described.iter().map(|&d| translations(d)).collect();
        (Just(texts), translated).prop_map(move |(texts, translations)| {
            (words.iter().zip(texts).zip(translations))
                .map(|((name, (title, description)), translations)| Word {
                    name: name.clone(),
                    title: format!("{title} {name}"),
                    description,
                    translations: translations
                        .into_iter()
                        .map(|(tag, t)| {
                            (
                                tag,
                                Translation {
                                    title: format!("{} {name}", t.title),
                                    ..t
                                },
                            )
                        })
                        .collect(),
                })
                .collect()
        })
    })
}

/// Declaration sheets for any of [`WORDS`], for bytes that are not made from a table.
fn every_word_declared() -> SheetTexts {
    SheetTexts::declaring(String::new(), &WORDS, &WORDS)
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
    fn valid_codes()(rows in proptest::collection::vec(row(), 1..30)) -> Vec<Code> {
        let mut seen = std::collections::HashSet::new();
        rows
            .into_iter()
            .filter(|(code, _, _)| seen.insert(*code))
            .enumerate()
            .map(|(i, (_, stem, code))| Code { name: format!("{stem}{i}"), ..code })
            .collect()
    }
}

/// A valid table: random codes, and a random declaration of each word they use.
fn valid_table() -> impl Strategy<Value = Table> {
    valid_codes().prop_flat_map(|codes| {
        let used = |field: fn(&Code) -> &String| codes.iter().map(field).cloned().collect();
        let kinds = declarations(used(|c| &c.kind));
        let groups = declarations(used(|c| &c.group));
        (Just(codes), kinds, groups).prop_map(|(codes, kinds, groups)| {
            Table::new(codes, kinds, groups, LOCALES.map(str::to_owned).to_vec())
        })
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, max_shrink_iters: 200, ..ProptestConfig::default() })]

    #[test]
    fn valid_tables_generate_faithful_artifacts(table in valid_table()) {
        let sheets = canonical::to_sheets(&table);
        let (parsed, report) = parse(&sheets.input());
        prop_assert!(parsed.is_some(), "{}\n{sheets:?}", report.summary("codes.csv"));
        prop_assert_eq!(parsed.as_ref(), Some(&table));
        common::check_artifacts("random table", &table);
    }

    #[test]
    fn random_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        check_positions(&bytes);
    }

    #[test]
    fn mangled_tables_never_panic(table in valid_table(), edits in proptest::collection::vec((any::<prop::sample::Index>(), prop::sample::select(vec![b'"', b',', b';', b'\n', b'\r', b' ', 0u8, 0xC3, 0xFF, b'A'])), 1..8)) {
        let mut bytes = canonical::to_sheets(&table).codes.into_bytes();
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
    let declared = every_word_declared();
    let input = Input {
        codes: bytes,
        ..declared.input()
    };
    let (table, report) = parse(&input);
    assert_eq!(table.is_some(), !report.has_errors());
    for d in &report.diagnostics {
        let source = report.source(d.sheet);
        let text = source.text();
        let lines = text.split('\n').count();
        assert!(
            d.span.start <= d.span.end && d.span.end <= text.len(),
            "{d:?}"
        );
        assert!(
            text.is_char_boundary(d.span.start) && text.is_char_boundary(d.span.end),
            "{d:?}"
        );
        let (line, column) = source.line_column(d.span.start);
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
        let declared = |word: &str| vec![Word {
            name: word.to_owned(),
            title: word.to_owned(),
            description: None,
            translations: BTreeMap::new(),
        }];
        Table::new(codes, declared("failure"), declared("login"), vec![])
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
    parse(&SheetTexts::declaring(csv, &["failure"], &["login"]).input())
        .0
        .is_some()
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
