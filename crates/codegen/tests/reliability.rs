//! Tables that once broke the generator, through its top-level functions: each class of failure
//! of the reliability review, with a test that fails without its fix.

use crate::common;

use log_codes_codegen::{
    Package, SheetTexts, canonical, testing::parse, testing::render::render_all,
};

fn package() -> Package {
    Package::new("1.0.0")
}

/// The real table (canonical) with rows appended, each `name` at an unused code, of the first
/// declared kind and group.
fn real_table_with(names: &[&str]) -> SheetTexts {
    let real = common::valid(&common::real_sheets());
    let mut sheets = canonical::to_sheets(&real);
    let (kind, group) = (&real.kinds[0].name, &real.groups[0].name);
    // Numbers a code of the kind may have: unused, and in its range (or in no range).
    let mut free = (1..=u16::MAX)
        .filter(|&c| real.code(c).is_none() && real.reservation(c).is_none())
        .filter(|&c| {
            real.kind_of(c)
                .map_or(real.kinds[0].range.is_none(), |k| &k.name == kind)
        });
    let columns = sheets.codes.lines().next().unwrap().split(',').count();
    for name in names {
        let code = free.next().unwrap();
        sheets
            .codes
            .push_str(&format!("{code},{name},{name} Event,,{kind},{group}"));
        sheets.codes.push_str(&",".repeat(columns - 6));
        sheets.codes.push('\n');
    }
    sheets
}

#[test]
fn names_that_once_defeated_the_name_hash_generate() {
    let table = common::valid(&real_table_with(&["AccessFailed", "AcceptFailed"]));
    let started = std::time::Instant::now();
    render_all(&table, &package()).unwrap();
    assert!(started.elapsed().as_secs() < 5);
    common::check_artifacts("near-miss names", &table);
}

/// Every associated item and trait item of the generated types, in the generated and the
/// hand-written Rust: the reserved set of `naming` must hold each one (the kinds' predicates are
/// reserved by their own rule), so an item added later cannot slip past validation.
#[test]
fn every_item_of_the_generated_types_is_reserved() {
    use log_codes_codegen::testing::naming;
    use log_codes_codegen::testing::render::rust;

    let table = common::small_table();
    // The generated module holds the runtime too; the runtime's files are read again below,
    // for the items its macro writes.
    let generated = rust::render(&table).unwrap().contents;
    let runtime = concat!(env!("CARGO_MANIFEST_DIR"), "/runtime");
    let mut sources = vec![generated];
    for file in std::fs::read_dir(runtime).unwrap() {
        let path = file.unwrap().path();
        if path.extension().is_some_and(|e| e == "rs") {
            // `words.rs` implements `Kind` and `Group` through a macro: its body, with the
            // macro's parameters replaced, is read like any other items.
            let text = std::fs::read_to_string(&path).unwrap();
            sources.push(
                text.replace("$enum", "Kind")
                    .replace("$any", "AnyKind")
                    .replace("$names", "KIND_NAMES")
                    .replace("$titles", "KIND_TITLES")
                    .replace("$descriptions", "KIND_DESCRIPTIONS")
                    .replace("$title_translations", "KIND_TITLE_TRANSLATIONS")
                    .replace("$description_translations", "KIND_DESCRIPTION_TRANSLATIONS")
                    .replace("$what", "\"kind\"")
                    .replace("$example", "\"api\""),
            );
        }
    }
    let mut items = Vec::new();
    for source in &sources {
        collect_items(&syn::parse_file(source).unwrap().items, &mut items);
    }
    for expected in [
        "ALL",
        "from_code",
        "Err",
        "Error",
        "title_in",
        "from_tag",
        "fmt",
    ] {
        assert!(
            items.contains(&expected.to_owned()),
            "{expected} not found in {items:?}"
        );
    }
    let predicates: Vec<String> = table.kind_names().map(naming::predicate).collect();
    let missing: Vec<&String> = (items.iter())
        .filter(|item| naming::reserved(item).is_none() && !predicates.contains(item))
        .collect();
    assert!(missing.is_empty(), "add to naming::RESERVED: {missing:?}");
}

const GENERATED_TYPES: [&str; 4] = ["LogCode", "Kind", "Group", "Locale"];

/// The items of every `impl` of a generated type, also inside macro bodies and modules.
fn collect_items(items: &[syn::Item], found: &mut Vec<String>) {
    for item in items {
        match item {
            syn::Item::Impl(block) => {
                let syn::Type::Path(ty) = &*block.self_ty else {
                    continue;
                };
                let name = ty.path.segments.last().unwrap().ident.to_string();
                if !GENERATED_TYPES.contains(&name.as_str()) {
                    continue;
                }
                for item in &block.items {
                    let ident = match item {
                        syn::ImplItem::Fn(f) => &f.sig.ident,
                        syn::ImplItem::Const(c) => &c.ident,
                        syn::ImplItem::Type(t) => &t.ident,
                        _ => continue,
                    };
                    found.push(ident.to_string());
                }
            }
            syn::Item::Macro(mac) => {
                // A `macro_rules!` body: `(pattern) => { items }` arms.
                let tokens: Vec<proc_macro2::TokenTree> =
                    mac.mac.tokens.clone().into_iter().collect();
                for tree in tokens {
                    if let proc_macro2::TokenTree::Group(group) = tree {
                        if group.delimiter() == proc_macro2::Delimiter::Brace {
                            if let Ok(file) = syn::parse2::<syn::File>(group.stream()) {
                                collect_items(&file.items, found);
                            }
                        }
                    }
                }
            }
            syn::Item::Mod(module) => {
                if let Some((_, items)) = &module.content {
                    collect_items(items, found);
                }
            }
            _ => {}
        }
    }
}

/// Each reserved item, tried as a name, a kind, a group and a locale tag wherever it has the
/// shape of one, is refused at its cell; a near miss of it is accepted.
#[test]
fn every_reserved_item_is_refused_in_every_column() {
    use log_codes_codegen::testing::naming::{RESERVED, pascal, snake};

    let accepted = |csv: &str| {
        common::parse_declaring(csv, &["failure"], &["login"])
            .0
            .is_some()
    };
    for item in RESERVED {
        let name = pascal(item);
        let word = snake(item);
        if !name.is_empty() {
            let csv = format!("code,name,title,kind,group\n1,{name},T,failure,login\n");
            assert!(!accepted(&csv), "name {name}");
            let near = format!("code,name,title,kind,group\n1,{name}Event,T,failure,login\n");
            assert!(accepted(&near), "name {name}Event");
        }
        if !word.is_empty() && word.bytes().all(|b| b.is_ascii_lowercase() || b == b'_') {
            for column in ["kind", "group"] {
                let (kind, group) = if column == "kind" {
                    (word.as_str(), "login")
                } else {
                    ("failure", word.as_str())
                };
                let csv = format!("code,name,title,kind,group\n1,Event,T,{kind},{group}\n");
                // Declared in its sheet, where it is refused.
                let (table, _) = common::parse_declaring(&csv, &[kind], &[group]);
                assert!(table.is_none(), "{column} {word}");
            }
        }
        if (2..=3).contains(&item.len()) && item.bytes().all(|b| b.is_ascii_alphabetic()) {
            let tag = item.to_lowercase();
            let csv =
                format!("code,name,title,kind,group,title.{tag}\n1,Event,T,failure,login,x\n");
            assert!(!accepted(&csv), "locale {tag}");
        }
    }
}

/// Diagnostics render in time linear in the file: each from its own lines, the first 100 in
/// full, then a count per kind of problem.
#[test]
fn many_problems_render_quickly_and_briefly() {
    let mut csv = String::from("code,name,title,kind,group\n");
    for i in 0..20_000 {
        csv.push_str(&format!("x{i},Name{i},Title,failure,login\n"));
        csv.push_str(&format!("{i},bad{i},Title,failure,login\n"));
    }
    let started = std::time::Instant::now();
    let (table, report) = common::parse_declaring(&csv, &["failure"], &["login"]);
    assert!(table.is_none());
    assert_eq!(report.diagnostics.len(), 40_000);
    let rendered = report.render("codes.csv", false);
    let elapsed = started.elapsed();
    assert_eq!(
        rendered.matches("\nerror: ").count() + 1,
        100,
        "{rendered:.2000}"
    );
    assert!(
        rendered.contains("... and 39900 more problems, not shown:"),
        "{}",
        &rendered[rendered.len() - 500..]
    );
    assert!(
        rendered.contains("19950 × code `…` is not a number"),
        "{}",
        &rendered[rendered.len() - 500..]
    );
    assert!(
        rendered.contains("19950 × name `…` is not PascalCase"),
        "{}",
        &rendered[rendered.len() - 500..]
    );
    assert!(rendered.ends_with("codes.csv: 40000 errors, 0 warnings\n"));
    assert!(elapsed.as_secs() < 10, "{elapsed:?}");
}

#[test]
fn a_header_of_many_unknown_columns_is_refused_quickly() {
    let header: Vec<String> = (0..200_000).map(|i| format!("c{i}")).collect();
    let csv = format!("{}\n", header.join(","));
    let started = std::time::Instant::now();
    let (_, report) = common::parse_declaring(&csv, &["failure"], &["login"]);
    let rendered = report.render("codes.csv", false);
    assert!(rendered.contains("more problems, not shown"));
    assert!(started.elapsed().as_secs() < 10, "{:?}", started.elapsed());
}

/// A cell cannot reach the terminal as an escape sequence: controls in the source line and in
/// messages are shown escaped.
#[test]
fn diagnostics_print_no_terminal_escapes() {
    let csv = "code,name,title,kind,group\n1,Bad\x1b[2J,Title\x1b]0;x\x07,failure,log\u{202E}in\n";
    let (table, report) = common::parse_declaring(csv, &["failure"], &["login"]);
    assert!(table.is_none());
    let rendered = report.render("codes.csv", false);
    assert!(
        !rendered.contains(['\x1b', '\x07', '\u{202E}']),
        "{rendered}"
    );
    assert!(rendered.contains("\\u{1b}"), "{rendered}");
}

/// Bare domains and URLs in any cell stay text on GitHub: every Markdown artifact (docs pages in
/// every locale, READMEs) read with comrak, a port of GitHub's cmark-gfm, with its autolink
/// extension, holds no link but the docs' own anchors and pages. (markdown-it with `linkify`,
/// as VitePress reads them, is checked by `ts-checks/markdown-links.mjs`.)
#[test]
fn bare_domains_are_not_github_autolinks() {
    let csv = "code,name,title,description,kind,group,deprecated,title.tr,description.tr\n\
        1,BareDomain,Go to www.example.com,See evil.com/login or http://x.example,failure,login,use example.org/new,Bak www.example.com,Bak evil.com/login\n\
        2,MailAddress,Write to a@b.example,\"ftp://files.example, https://x.example/a?b=c\",failure,login,,,\n";
    let sheets = SheetTexts {
        codes: csv.to_owned(),
        kinds: "kind,title\nfailure,See evil.com/fail\n".to_owned(),
        groups: "group,title,title.tr\nlogin,Log in at www.example.com,Bak www.example.com\n"
            .to_owned(),
        reserved: String::new(),
    };
    let (table, report) = parse(&sheets.input());
    let table = table.unwrap_or_else(|| panic!("{}", report.summary("codes.csv")));
    let artifacts = render_all(&table, &package()).unwrap();
    let mut options = comrak::Options::default();
    options.extension.autolink = true;
    options.extension.table = true;
    options.extension.strikethrough = true;
    options.render.r#unsafe = true;
    let mut pages = 0;
    for artifact in artifacts.iter().filter(|a| a.path.ends_with(".md")) {
        pages += 1;
        let arena = comrak::Arena::new();
        let root = comrak::parse_document(&arena, &artifact.contents, &options);
        for node in root.descendants() {
            if let comrak::nodes::NodeValue::Link(link) = &node.data().value {
                let url = &link.url;
                let own = url.starts_with('#') || (url.ends_with(".md") && !url.contains(':'));
                assert!(own, "{}: a link to {url:?}", artifact.path);
            }
        }
    }
    assert!(pages >= 3, "docs pages and READMEs were read");
}
