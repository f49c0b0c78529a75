//! The npm package in `ts/`: ESM JavaScript, its declarations, `package.json`, and copies of the
//! JSON data and schema. Only erasable syntax: frozen objects and union types, no `enum` or
//! `namespace`. Every string and literal type is written by `serde_json`, whose escaping is valid
//! JavaScript and TypeScript; doc text goes through `jsdoc`. The fixed code of each module is real
//! JavaScript and TypeScript in `runtime/ts/`, checked by `tsc`, which the table's parts fill in.
//!
//! The modules are cut by what a bundle needs: `index.js` holds the names and numbers,
//! `metadata.js` the English text, and `locales/TAG.js` one translation, each imported only by
//! the functions that use it (see `runtime/ts/index.js`).

use std::fmt::Write as _;

use super::{Artifact, RenderError, json};
use crate::model::{Code, Package, Table, Word};
use crate::{markdown, naming};

mod locale;
mod manifest;

pub use locale::{
    DIR as LOCALES_DIR, declarations_path as locale_declarations_path,
    module_path as locale_module_path,
};

/// The package's files, relative to the crate.
pub const JS: &str = "ts/index.js";
/// The declarations.
pub const DTS: &str = "ts/index.d.ts";
/// The English metadata, which `index.js` re-exports.
pub const METADATA: &str = "ts/metadata.js";
/// The helpers the modules share.
pub const LOOKUP: &str = "ts/lookup.js";
/// The manifest.
pub const MANIFEST: &str = "ts/package.json";
/// The shipped copy of the JSON data.
pub const DATA: &str = "ts/log-codes.json";
/// The shipped copy of the JSON Schema.
pub const SCHEMA: &str = "ts/log-codes.schema.json";

/// Renders the package's generated files.
pub fn render(table: &Table, package: &Package) -> Result<Vec<Artifact>, RenderError> {
    let mut files = vec![
        Artifact {
            path: JS.to_owned(),
            contents: javascript(table, package),
        },
        Artifact {
            path: DTS.to_owned(),
            contents: declarations(table, package),
        },
        Artifact {
            path: METADATA.to_owned(),
            contents: metadata(table, package),
        },
        Artifact {
            path: LOOKUP.to_owned(),
            contents: fill(LOOKUP_TEMPLATE, |part| match part {
                "notice" => notice(package),
                other => unreachable!("lookup.js has no region `{other}`"),
            }),
        },
    ];
    for tag in &table.locales {
        files.extend(locale::render(table, package, tag));
    }
    files.push(Artifact {
        path: MANIFEST.to_owned(),
        contents: manifest::render(table, package)?,
    });
    Ok(files)
}

/// The JSON data and schema the package ships: copies of the rendered ones (`json::render`),
/// so neither is serialized twice.
pub fn shipped(json: &[Artifact]) -> Vec<Artifact> {
    (json.iter())
        .map(|artifact| Artifact {
            path: format!("ts/{}", artifact.path),
            contents: artifact.contents.clone(),
        })
        .collect()
}

/// A JSON (and so JavaScript and TypeScript) string literal.
fn literal(text: &str) -> String {
    serde_json::to_string(text).expect("a string always serializes")
}

fn nullable(text: Option<&str>) -> String {
    text.map_or_else(|| "null".to_owned(), literal)
}

fn notice(package: &Package) -> String {
    format!("// {}\n", package.notice)
}

/// A JSDoc block at `indent`. Lines are written as they are: text from cells goes through
/// [`markdown::jsdoc_line`] first.
fn jsdoc(lines: &[String], indent: &str) -> String {
    let mut out = format!("{indent}/**\n");
    for safe in lines {
        if safe.is_empty() {
            let _ = writeln!(out, "{indent} *");
        } else {
            let _ = writeln!(out, "{indent} * {safe}");
        }
    }
    let _ = writeln!(out, "{indent} */");
    out
}

/// The doc lines of one code: title, description, facts and deprecation.
fn code_doc(code: &Code) -> Vec<String> {
    let mut lines = vec![markdown::jsdoc_line(&code.title), String::new()];
    if let Some(description) = &code.description {
        lines.extend(description.lines().map(markdown::jsdoc_line));
        lines.push(String::new());
    }
    lines.push(format!(
        "Code `{}`, kind `{}`, group `{}`.",
        code.code, code.kind, code.group
    ));
    if let Some(note) = &code.deprecated {
        lines.push(format!(
            "@deprecated {}",
            markdown::jsdoc_line(&note.replace('\n', " "))
        ));
    }
    lines
}

/// The fixed part of each file, with a `table:` region where the table's part goes.
const JS_TEMPLATE: &str = include_str!("../../runtime/ts/index.js");
const DTS_TEMPLATE: &str = include_str!("../../runtime/ts/index.d.ts");
const METADATA_TEMPLATE: &str = include_str!("../../runtime/ts/metadata.js");
const LOOKUP_TEMPLATE: &str = include_str!("../../runtime/ts/lookup.js");

/// `template` with its own header region dropped and each `table:` region (the markers and the
/// stand-in between them) replaced by `part(name)`.
fn fill(template: &str, part: impl Fn(&str) -> String) -> String {
    let mut out = String::with_capacity(template.len());
    let mut lines = template.lines();
    while let Some(line) = lines.next() {
        let Some(region) = line.strip_prefix("//#region ") else {
            out.push_str(line);
            out.push('\n');
            continue;
        };
        for inside in lines.by_ref() {
            if inside == "//#endregion" {
                break;
            }
        }
        if let Some(name) = region.strip_prefix("table: ") {
            out.push_str(&part(name));
        }
    }
    out
}

/// `lines` with a line break after each.
fn lines(lines: impl Iterator<Item = String>) -> String {
    lines.map(|line| line + "\n").collect()
}

/// `  [key, value],` lines: the pairs of a `lookup`.
fn pairs<K: std::fmt::Display>(pairs: impl Iterator<Item = (K, String)>) -> String {
    lines(pairs.map(|(key, value)| format!("  [{key}, {value}],")))
}

/// The functions each locale module exports and `index.js` picks one of by locale: `title`
/// feeds `titleIn`, and so on.
const BY_LOCALE: [(&str, &str); 4] = [
    ("titles", "title"),
    ("descriptions", "description"),
    ("kindTitles", "kindTitle"),
    ("groupTitles", "groupTitle"),
];

fn javascript(table: &Table, package: &Package) -> String {
    fill(JS_TEMPLATE, |part| match part {
        "notice" => notice(package),
        "locale-imports" => {
            let mut names: Vec<&str> = BY_LOCALE.iter().map(|(_, f)| *f).collect();
            names.sort_unstable();
            (table.locales.iter().enumerate())
                .map(|(index, tag)| {
                    let imported = lines(
                        (names.iter()).map(|name| format!("  {name} as {name}{},", index + 1)),
                    );
                    let from = literal(&format!("./{}", locale::file_name(tag, "js")));
                    format!("import {{\n{imported}}} from {from};\n")
                })
                .collect()
        }
        "by-locale" => lines(BY_LOCALE.iter().map(|(list, function)| {
            let english = format!("english{}", naming::pascal(function));
            let translated = (1..=table.locales.len()).map(|index| format!(", {function}{index}"));
            format!(
                "const {list} = [{english}{}];",
                translated.collect::<String>()
            )
        })),
        "codes" => {
            lines((table.codes.iter()).map(|code| format!("  {}: {},", code.name, code.code)))
        }
        "kinds" => word_members(&table.kinds),
        "groups" => word_members(&table.groups),
        "locales" => format!(
            "export const locales = /* @__PURE__ */ Object.freeze([{}]);\n",
            locale_tags(table).join(", ")
        ),
        "version" => format!("export const version = {};\n", literal(&package.version)),
        "kind-ranges" => lines(
            kind_ranges(table)
                .into_iter()
                .map(|(first, last, kind)| format!("  [{first}, {last}, {}],", literal(kind))),
        ),
        "unranged" => pairs(
            (table.codes.iter())
                .filter(|code| table.kind_of(code.code).is_none())
                .map(|code| (code.code, literal(&code.kind))),
        ),
        "counterparts" => pairs(
            (table.codes.iter())
                .filter_map(|code| Some((code.code, code.counterpart?.to_string()))),
        ),
        other => unreachable!("the JavaScript template has no region `{other}`"),
    })
}

/// Each kind's range, `(first, last, kind)`, sorted.
fn kind_ranges(table: &Table) -> Vec<(u16, u16, &str)> {
    let mut ranged: Vec<_> = (table.kinds.iter())
        .filter_map(|k| Some((k.range?.first, k.range?.last, k.name.as_str())))
        .collect();
    ranged.sort_unstable();
    ranged
}

fn metadata(table: &Table, package: &Package) -> String {
    fill(METADATA_TEMPLATE, |part| match part {
        "notice" => notice(package),
        // Each entry is the JSON of the code, as in log-codes.json but for the translations: a
        // JSON object is a JavaScript object literal, and serde_json's escaping is valid
        // JavaScript.
        "entries" => {
            lines((table.codes.iter()).map(|code| format!("  {},", json::english_entry_json(code))))
        }
        "kind-titles" => word_titles(&table.kinds),
        "group-titles" => word_titles(&table.groups),
        other => unreachable!("the metadata template has no region `{other}`"),
    })
}

/// `  ["word", "Title"],` for each word: its English display title.
fn word_titles(words: &[Word]) -> String {
    pairs((words.iter()).map(|word| (literal(&word.name), literal(&word.title))))
}

/// The members of `Kind` or `Group`: `  DirectorySync: "directory_sync",`.
fn word_members(words: &[Word]) -> String {
    lines(words.iter().map(|word| {
        let variant = naming::variant(&word.name);
        format!("  {variant}: {},", literal(&word.name))
    }))
}

fn declarations(table: &Table, package: &Package) -> String {
    fill(DTS_TEMPLATE, |part| match part {
        "notice" => notice(package),
        "codes" => (table.codes.iter())
            .map(|code| {
                let member = format!("  readonly {}: {};\n", code.name, code.code);
                jsdoc(&code_doc(code), "  ") + &member
            })
            .collect(),
        "kinds" => word_declarations(&table.kinds),
        "groups" => word_declarations(&table.groups),
        "locales" => format!(
            "export declare const locales: readonly [{}];\n",
            locale_tags(table).join(", ")
        ),
        "entries" => lines(table.codes.iter().map(entry_type)),
        "version" => format!(
            "export declare const version: {};\n",
            literal(&package.version)
        ),
        other => unreachable!("the declarations template has no region `{other}`"),
    })
}

/// The literal type of one entry of `logCodes`.
fn entry_type(code: &Code) -> String {
    format!(
        "  {{ readonly code: {}; readonly name: {}; readonly title: {}; readonly description: {}; readonly kind: {}; readonly group: {}; readonly deprecated: {}; readonly counterpart: {} }},",
        code.code,
        literal(&code.name),
        literal(&code.title),
        nullable(code.description.as_deref()),
        literal(&code.kind),
        literal(&code.group),
        nullable(code.deprecated.as_deref()),
        code.counterpart
            .map_or_else(|| "null".to_owned(), |n| n.to_string()),
    )
}

/// The members of `Kind` or `Group` in the declarations, each with its doc.
fn word_declarations(words: &[Word]) -> String {
    (words.iter())
        .map(|word| {
            let variant = naming::variant(&word.name);
            let member = format!("  readonly {variant}: {};\n", literal(&word.name));
            jsdoc(&word_doc(word), "  ") + &member
        })
        .collect()
}

/// `"en"`, then each translation's tag, as string literals.
fn locale_tags(table: &Table) -> Vec<String> {
    table.languages().map(literal).collect()
}

/// The doc lines of a kind or group: its display title, description and word.
fn word_doc(word: &Word) -> Vec<String> {
    let mut lines = vec![markdown::jsdoc_line(&word.title), String::new()];
    if let Some(description) = &word.description {
        lines.extend(description.lines().map(markdown::jsdoc_line));
        lines.push(String::new());
    }
    lines.push(format!("`{}`", word.name));
    lines
}
