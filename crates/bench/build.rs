//! Writes the alternatives a user would hand-write, from the same table (`codes.csv` and its
//! declaration sheets), so the benchmarks
//! compare like with like and nothing is typed by hand: a strum-derived enum, `match`es, a sorted
//! array, `phf` maps, and a dense enum with per-field arrays. (It also shows the generator library
//! used from another crate's build script.)

use std::fmt::Write as _;
use std::path::Path;

#[path = "alternatives/strum.rs"]
mod alternatives;

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let read = |name: &str| {
        let path = root.join(name);
        println!("cargo::rerun-if-changed={}", path.display());
        std::fs::read(&path).unwrap()
    };
    let (codes, kinds, groups) = (read("codes.csv"), read("kinds.csv"), read("groups.csv"));
    let input = log_codes_codegen::Input {
        codes: &codes,
        kinds: Some(&kinds),
        groups: Some(&groups),
        reserved: None,
    };
    let (table, report) = log_codes_codegen::testing::parse(&input);
    let table = table.unwrap_or_else(|| panic!("{}", report.summary("codes.csv")));
    let codes = &table.codes;
    let mut out = String::new();

    // A hand-written enum with strum and serde_repr derives, discriminant = code.
    out.push_str(&alternatives::strum_enum(&table, "StrumCode", true));
    out.push('\n');

    // A dense enum (discriminants 0..n) with per-field arrays: the fastest field access.
    out.push_str("#[derive(Clone, Copy, PartialEq, Eq, Debug)]\npub enum DenseCode {\n");
    for c in codes {
        let _ = writeln!(out, "    {},", c.name);
    }
    out.push_str("}\n\n");
    let array = |name: &str, ty: &str, items: Vec<String>| {
        format!(
            "pub static {name}: [{ty}; {}] = [{}];\n",
            items.len(),
            items.join(", ")
        )
    };
    let variants = |prefix: &str| {
        codes
            .iter()
            .map(|c| format!("{prefix}::{}", c.name))
            .collect::<Vec<_>>()
    };
    out.push_str(&array("DENSE_ALL", "DenseCode", variants("DenseCode")));
    out.push_str(&array(
        "DENSE_TITLES",
        "&str",
        codes.iter().map(|c| format!("{:?}", c.title)).collect(),
    ));
    out.push_str(&array(
        "DENSE_NAMES",
        "&str",
        codes.iter().map(|c| format!("{:?}", c.name)).collect(),
    ));
    out.push_str(&array(
        "DENSE_KINDS",
        "log_codes::Kind",
        codes
            .iter()
            .map(|c| {
                format!(
                    "log_codes::Kind::{}",
                    log_codes_codegen::testing::naming::variant(&c.kind)
                )
            })
            .collect(),
    ));
    out.push_str(&array(
        "DENSE_GROUPS",
        "log_codes::Group",
        codes
            .iter()
            .map(|c| {
                format!(
                    "log_codes::Group::{}",
                    log_codes_codegen::testing::naming::variant(&c.group)
                )
            })
            .collect(),
    ));

    // Sorted (code, variant) pairs for binary search.
    out.push_str(&array(
        "SORTED",
        "(u16, log_codes::LogCode)",
        codes
            .iter()
            .map(|c| format!("({}, log_codes::LogCode::{})", c.code, c.name))
            .collect(),
    ));

    // `match`es, as a hand-written enum would have them.
    out.push_str("#[allow(deprecated)]\npub fn match_from_code(code: u16) -> Option<log_codes::LogCode> {\n    match code {\n");
    for c in codes {
        let _ = writeln!(
            out,
            "        {} => Some(log_codes::LogCode::{}),",
            c.code, c.name
        );
    }
    out.push_str("        _ => None,\n    }\n}\n\n");
    out.push_str("#[allow(deprecated)]\npub fn match_from_name(name: &str) -> Option<log_codes::LogCode> {\n    match name {\n");
    for c in codes {
        let _ = writeln!(
            out,
            "        {:?} => Some(log_codes::LogCode::{}),",
            c.name, c.name
        );
    }
    out.push_str("        _ => None,\n    }\n}\n\n");
    for (field, ty, value) in [
        (
            "title",
            "&'static str",
            Box::new(|c: &log_codes_codegen::Code| format!("{:?}", c.title))
                as Box<dyn Fn(&_) -> String>,
        ),
        (
            "name",
            "&'static str",
            Box::new(|c: &log_codes_codegen::Code| format!("{:?}", c.name)),
        ),
        (
            "kind",
            "log_codes::Kind",
            Box::new(|c: &log_codes_codegen::Code| {
                format!(
                    "log_codes::Kind::{}",
                    log_codes_codegen::testing::naming::variant(&c.kind)
                )
            }),
        ),
        (
            "group",
            "log_codes::Group",
            Box::new(|c: &log_codes_codegen::Code| {
                format!(
                    "log_codes::Group::{}",
                    log_codes_codegen::testing::naming::variant(&c.group)
                )
            }),
        ),
    ] {
        let _ = writeln!(
            out,
            "#[allow(deprecated)]\npub fn match_{field}(code: log_codes::LogCode) -> {ty} {{\n    match code {{"
        );
        for c in codes {
            let _ = writeln!(
                out,
                "        log_codes::LogCode::{} => {},",
                c.name,
                value(c)
            );
        }
        out.push_str("        _ => unreachable!(),\n    }\n}\n\n");
    }

    // phf maps.
    let mut by_code = phf_codegen::Map::new();
    let mut by_name = phf_codegen::Map::new();
    for c in codes {
        by_code.entry(c.code, format!("log_codes::LogCode::{}", c.name));
        by_name.entry(c.name.as_str(), format!("log_codes::LogCode::{}", c.name));
    }
    let _ = writeln!(
        out,
        "#[allow(deprecated)]\npub static PHF_BY_CODE: phf::Map<u16, log_codes::LogCode> = {};",
        by_code.build()
    );
    let _ = writeln!(
        out,
        "#[allow(deprecated)]\npub static PHF_BY_NAME: phf::Map<&'static str, log_codes::LogCode> = {};",
        by_name.build()
    );

    let path = Path::new(&std::env::var("OUT_DIR").unwrap()).join("alternatives.rs");
    std::fs::write(path, out).unwrap();
}
