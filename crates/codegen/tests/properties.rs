//! Property tests, bounded for CI (`PROPTEST_CASES` raises the count for a longer run, and a
//! failing case is kept in `properties.proptest-regressions` to be replayed first):
//! random valid tables generate artifacts that say exactly what the table says, and random,
//! mangled or fuzzer-mutated bytes (the corpus's tables, mutated) never make the reader or
//! validator panic, always get diagnostics with valid positions, and render faithfully when they
//! stay valid: one invariant, [`input_invariants`], for all of them.

use crate::common;

use std::collections::BTreeMap;

use log_codes_codegen::compat::table_from_json;
use log_codes_codegen::model::{Code, Table, Translation, Word};
use log_codes_codegen::testing::render::{json, render_all};
use log_codes_codegen::{Input, Package, SheetTexts, canonical, testing::chars, testing::parse};
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
                    range: None,
                    counterpart_of: None,
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
        let code = Code { code, name: stem.clone(), title, description, kind, group, deprecated, translations, counterpart: None, };
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

/// [`input_invariants`] of a codes sheet with every word of the random tables declared.
fn check_positions(bytes: &[u8]) {
    let declared = every_word_declared();
    input_invariants(&Input {
        codes: bytes,
        ..declared.input()
    });
}

/// What holds of any input, valid or not (the one invariant every property of arbitrary bytes
/// checks): parsing returns; every diagnostic points inside its sheet, on a real line and
/// column; a table comes back exactly when there is no error; and a table that comes back renders
/// every artifact saying exactly what it says, with its JSON reading back as the same table.
fn input_invariants(input: &Input) {
    let (table, report) = parse(input);
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
    if let Some(table) = table {
        common::check_artifacts("a parsed input", &table);
        let artifacts = render_all(&table, &Package::new("1.0.0")).unwrap();
        let data = artifacts.iter().find(|a| a.path == json::DATA).unwrap();
        let (back, _) = table_from_json(&data.contents).unwrap();
        assert_eq!(back, table, "the JSON reads back as the table");
    }
}

/// The corpus's awkward tables (quotes, BOMs, `;`, hostile text…), each with its own sheets.
fn corpus() -> &'static [SheetTexts] {
    static CORPUS: std::sync::OnceLock<Vec<SheetTexts>> = std::sync::OnceLock::new();
    CORPUS.get_or_init(|| {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
        let mut cases: Vec<_> = std::fs::read_dir(dir)
            .unwrap()
            .map(|entry| entry.unwrap().path())
            .filter(|path| path.join("codes.csv").is_file())
            .collect();
        cases.sort();
        let read = |path: std::path::PathBuf| {
            String::from_utf8_lossy(&std::fs::read(path).unwrap_or_default()).into_owned()
        };
        (cases.into_iter())
            .map(|case| SheetTexts {
                codes: read(case.join("codes.csv")),
                kinds: read(case.join("kinds.csv")),
                groups: read(case.join("groups.csv")),
                reserved: String::new(),
            })
            .collect()
    })
}

/// The bytes that matter to a CSV reader: quotes, delimiters, line ends, a BOM, the lead bytes
/// of UTF-8 sequences, a bidirectional control, digits and letters.
const INTERESTING: &[u8] = b"\",;\n\r \t\0\xEF\xBB\xBF\xC3\xC5\xFF\xE2\x80\xAE0123456789AZaz_-";

/// One edit of a byte string: a bit flipped, an interesting byte inserted, up to 8 bytes
/// deleted, up to 64 bytes of another table spliced in, or a line repeated.
#[derive(Debug, Clone)]
enum Mutation {
    Flip(prop::sample::Index, u8),
    Insert(prop::sample::Index, prop::sample::Index),
    Delete(prop::sample::Index, usize),
    Splice(
        prop::sample::Index,
        prop::sample::Index,
        prop::sample::Index,
        usize,
    ),
    RepeatLine(prop::sample::Index),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let at = any::<prop::sample::Index>;
    prop_oneof![
        (at(), 0..8u8).prop_map(|(i, bit)| Mutation::Flip(i, bit)),
        (at(), at()).prop_map(|(i, byte)| Mutation::Insert(i, byte)),
        (at(), 1..8usize).prop_map(|(i, n)| Mutation::Delete(i, n)),
        (at(), at(), at(), 1..64usize).prop_map(|(i, t, f, n)| Mutation::Splice(i, t, f, n)),
        at().prop_map(Mutation::RepeatLine),
    ]
}

fn mutate(bytes: &mut Vec<u8>, mutation: &Mutation, corpus: &[SheetTexts]) {
    let at = |i: &prop::sample::Index, len: usize| i.index(len + 1);
    match mutation {
        Mutation::Flip(i, bit) if !bytes.is_empty() => {
            let i = i.index(bytes.len());
            bytes[i] ^= 1 << bit;
        }
        Mutation::Insert(i, byte) => {
            let i = at(i, bytes.len());
            bytes.insert(i, INTERESTING[byte.index(INTERESTING.len())]);
        }
        Mutation::Delete(i, n) if !bytes.is_empty() => {
            let i = i.index(bytes.len());
            bytes.drain(i..(i + n).min(bytes.len()));
        }
        Mutation::Splice(i, table, from, n) => {
            let other = corpus[table.index(corpus.len())].codes.as_bytes();
            if !other.is_empty() {
                let from = from.index(other.len());
                let piece = &other[from..(from + n).min(other.len())];
                let i = at(i, bytes.len());
                bytes.splice(i..i, piece.iter().copied());
            }
        }
        Mutation::RepeatLine(i) => {
            let i = at(i, bytes.len()).min(bytes.len());
            if let Some(end) = bytes[i..].iter().position(|&b| b == b'\n') {
                let line = bytes[i..=i + end].to_vec();
                bytes.splice(i + end + 1..i + end + 1, line);
            }
        }
        _ => {}
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, max_shrink_iters: 200, ..ProptestConfig::default() })]

    /// The corpus's tables, mutated as a fuzzer would: the shared invariant holds, and a
    /// mutation that keeps a table valid still renders it faithfully.
    #[test]
    fn mutated_corpus_tables_keep_the_invariants(
        case in any::<prop::sample::Index>(),
        mutations in proptest::collection::vec(mutation(), 1..6),
    ) {
        let corpus = corpus();
        let sheets = &corpus[case.index(corpus.len())];
        let mut codes = sheets.codes.clone().into_bytes();
        for mutation in &mutations {
            mutate(&mut codes, mutation, corpus);
        }
        input_invariants(&Input { codes: &codes, ..sheets.input() });
    }
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
                translations: BTreeMap::new(), counterpart: None,
            })
            .collect();
        let declared = |word: &str| vec![Word {
            name: word.to_owned(),
            title: word.to_owned(),
            description: None,
            translations: BTreeMap::new(), range: None, counterpart_of: None,
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
