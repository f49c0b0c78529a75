//! The npm package in `ts/`: ESM JavaScript, its declarations, `package.json`, and copies of the
//! JSON data and schema. Only erasable syntax: frozen objects and union types, no `enum` or
//! `namespace`. Every string and literal type is written by `serde_json`, whose escaping is valid
//! JavaScript and TypeScript; doc text goes through `jsdoc`. The fixed code of `index.js` and
//! `index.d.ts` is real JavaScript and TypeScript in `runtime/ts/`, checked by `tsc`, which the
//! table's parts fill in.

use std::fmt::Write as _;

use serde_json::json;

use super::{Artifact, RenderError, json};
use crate::model::{Code, Package, Table, Word};
use crate::{markdown, naming};

/// The package's files, relative to the crate.
pub const JS: &str = "ts/index.js";
/// The declarations.
pub const DTS: &str = "ts/index.d.ts";
/// The manifest.
pub const MANIFEST: &str = "ts/package.json";
/// The shipped copy of the JSON data.
pub const DATA: &str = "ts/log-codes.json";
/// The shipped copy of the JSON Schema.
pub const SCHEMA: &str = "ts/log-codes.schema.json";

/// Renders the package's generated files.
pub fn render(table: &Table, package: &Package) -> Result<Vec<Artifact>, RenderError> {
    Ok(vec![
        Artifact {
            path: JS.to_owned(),
            contents: javascript(table, package),
        },
        Artifact {
            path: DTS.to_owned(),
            contents: declarations(table, package),
        },
        Artifact {
            path: MANIFEST.to_owned(),
            contents: manifest(package)?,
        },
    ])
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

fn javascript(table: &Table, package: &Package) -> String {
    fill(JS_TEMPLATE, |part| match part {
        "notice" => format!("// {}\n", package.notice),
        "codes" => {
            lines((table.codes.iter()).map(|code| format!("  {}: {},", code.name, code.code)))
        }
        "kinds" => word_members(&table.kinds),
        "groups" => word_members(&table.groups),
        "locales" => format!(
            "export const locales = Object.freeze([{}]);\n",
            locale_tags(table).join(", ")
        ),
        // Each entry is the JSON of the code, as in log-codes.json: a JSON object is a
        // JavaScript object literal, and serde_json's escaping is valid JavaScript.
        "entries" => {
            lines((table.codes.iter()).map(|code| format!("  {},", json::entry_json(code))))
        }
        "version" => format!("export const version = {};\n", literal(&package.version)),
        // Each kind and group as in `kindInfo`/`groupInfo` of log-codes.json, by word.
        "kind-info" => word_info(&table.kinds),
        "group-info" => word_info(&table.groups),
        "kind-ranges" => {
            let mut ranged: Vec<_> = (table.kinds.iter())
                .filter_map(|k| Some((k.range?, literal(&k.name))))
                .collect();
            ranged.sort();
            lines(
                ranged
                    .into_iter()
                    .map(|(range, kind)| format!("  [{}, {}, {kind}],", range.first, range.last)),
            )
        }
        other => unreachable!("the JavaScript template has no region `{other}`"),
    })
}

/// The members of `Kind` or `Group`: `  DirectorySync: "directory_sync",`.
fn word_members(words: &[Word]) -> String {
    lines(words.iter().map(|word| {
        let variant = naming::variant(&word.name);
        format!("  {variant}: {},", literal(&word.name))
    }))
}

/// The entries of the `kindInfo` or `groupInfo` map.
fn word_info(words: &[Word]) -> String {
    lines(words.iter().map(|word| {
        let (name, info) = (literal(&word.name), json::word_json(word));
        format!("  [{name}, deepFreeze({info})],")
    }))
}

fn declarations(table: &Table, package: &Package) -> String {
    fill(DTS_TEMPLATE, |part| match part {
        "notice" => format!("// {}\n", package.notice),
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
        "  {{ readonly code: {}; readonly name: {}; readonly title: {}; readonly description: {}; readonly kind: {}; readonly group: {}; readonly deprecated: {}; readonly translations: {}; readonly counterpart: {} }},",
        code.code,
        literal(&code.name),
        literal(&code.title),
        nullable(code.description.as_deref()),
        literal(&code.kind),
        literal(&code.group),
        nullable(code.deprecated.as_deref()),
        translations_type(code),
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

/// The literal type of a code's translations:
/// `{ readonly tr: { readonly title: "…"; readonly description: "…" } }`.
fn translations_type(code: &Code) -> String {
    let entries: Vec<String> = (code.translations.iter())
        .map(|(tag, t)| {
            let description = (t.description.as_deref()).map_or(String::new(), |d| {
                format!("; readonly description: {}", literal(d))
            });
            format!(
                "readonly {}: {{ readonly title: {}{description} }}",
                literal(tag),
                literal(&t.title)
            )
        })
        .collect();
    if entries.is_empty() {
        "{}".to_owned()
    } else {
        format!("{{ {} }}", entries.join("; "))
    }
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

fn manifest(package: &Package) -> Result<String, RenderError> {
    let manifest = json!({
        "name": package.npm_name,
        "version": package.version,
        "description": package.description,
        "license": "MIT OR Apache-2.0",
        "keywords": ["log", "codes", "events", "audit"],
        "type": "module",
        "exports": {
            ".": { "types": "./index.d.ts", "default": "./index.js" },
            "./log-codes.json": "./log-codes.json",
            "./log-codes.schema.json": "./log-codes.schema.json",
            "./package.json": "./package.json"
        },
        "main": "./index.js",
        "types": "./index.d.ts",
        "files": ["index.js", "index.d.ts", "log-codes.json", "log-codes.schema.json"],
        "sideEffects": false,
        "engines": { "node": ">=20" }
    });
    let mut text = serde_json::to_string_pretty(&manifest).map_err(|e| RenderError {
        path: MANIFEST,
        message: e.to_string(),
    })?;
    text.push('\n');
    Ok(text)
}
