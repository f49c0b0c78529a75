//! The npm package in `ts/`: ESM JavaScript, its declarations, `package.json`, and copies of the
//! JSON data and schema. Only erasable syntax: frozen objects and union types, no `enum` or
//! `namespace`. Every string and literal type is written by `serde_json`, whose escaping is valid
//! JavaScript and TypeScript; doc text goes through `jsdoc`.

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

fn doc(text: &str) -> Vec<String> {
    text.lines().map(str::to_owned).collect()
}

const LOG_CODE_DOC: &str =
    "Every log code this version knows, by name: `LogCode.SuccessfulLogin === 2001`.";
const KIND_DOC: &str = "Every kind of code (the `kind` column), by PascalCase name.";
const GROUP_DOC: &str = "Every group of codes (the `group` column), by PascalCase name.";
const LIST_DOC: &str = "The metadata of every code this version knows, ordered by code.";
const VERSION_DOC: &str = "The version of this package, the Rust crate and the JSON file.";
const IS_LOG_CODE_DOC: &str = "Whether `value` is a code this version knows.";
const INFO_DOC: &str = "The metadata of a code, or `undefined` when this version does not know it\n(a code from a newer table). Never throws.";
const BY_NAME_DOC: &str = "The metadata of the code with this name, or `undefined`.";
const LOCALES_DOC: &str = "Every locale of the titles and descriptions: English (the `title` and\n`description` fields) first, then each translation, by tag.";
const KIND_TITLE_DOC: &str = "The display title of a kind in `locale` (English by default, and where it\nis not translated); `undefined` for a kind this version does not know.";
const GROUP_TITLE_DOC: &str = "The display title of a group in `locale` (English by default, and where it\nis not translated); `undefined` for a group this version does not know.";
const IS_LOCALE_DOC: &str =
    "Whether `value` is the tag of a locale this version has (exactly, as in {@link locales}).";
const LOOKUP_DOC: &str = "The best locale for a user's language tag, by the lookup of RFC 4647: the tag\nitself (ignoring ASCII case), then without its last subtag, and so on\n(`\"tr-TR\"` finds `\"tr\"`); `\"en\"` when nothing matches.";
const TITLE_IN_DOC: &str = "The title of a code in `locale`, or the English title where it is not\ntranslated; `undefined` for a code this version does not know.";
const DESCRIPTION_IN_DOC: &str = "The description of a code in `locale`, or the English one where it is not\ntranslated (`null` when the code has none); `undefined` for a code this\nversion does not know.";

/// The translation helpers, the same for every table.
const LOCALE_FUNCTIONS: &str = r#"const asciiLowercase = (text) => text.replace(/[A-Z]/g, (c) => c.toLowerCase());

function translation(info, locale) {
  return Object.hasOwn(info.translations, locale) ? info.translations[locale] : undefined;
}
"#;

fn javascript(table: &Table, package: &Package) -> String {
    let mut out = format!("// {}\n\n", package.notice);
    out.push_str(&jsdoc(&doc(LOG_CODE_DOC), ""));
    out.push_str("export const LogCode = Object.freeze({\n");
    for code in &table.codes {
        let _ = writeln!(out, "  {}: {},", code.name, code.code);
    }
    out.push_str("});\n\n");
    for (name, words, text) in [
        ("Kind", &table.kinds, KIND_DOC),
        ("Group", &table.groups, GROUP_DOC),
    ] {
        out.push_str(&jsdoc(&doc(text), ""));
        let _ = writeln!(out, "export const {name} = Object.freeze({{");
        for word in words {
            let _ = writeln!(
                out,
                "  {}: {},",
                naming::variant(&word.name),
                literal(&word.name)
            );
        }
        out.push_str("});\n\n");
    }
    out.push_str(&jsdoc(&doc(LOCALES_DOC), ""));
    let _ = writeln!(
        out,
        "export const locales = Object.freeze([{}]);\n",
        locale_tags(table).join(", ")
    );
    out.push_str(
        "const deepFreeze = (value) => {\n  \
         for (const inner of Object.values(value)) {\n    \
         if (typeof inner === \"object\" && inner !== null) deepFreeze(inner);\n  \
         }\n  return Object.freeze(value);\n};\n\n",
    );
    out.push_str(&jsdoc(&doc(LIST_DOC), ""));
    out.push_str("export const logCodes = deepFreeze([\n");
    // Each entry is the JSON of the code, as in log-codes.json: a JSON object is a JavaScript
    // object literal, and serde_json's escaping is valid JavaScript.
    for code in &table.codes {
        let _ = writeln!(out, "  {},", json::entry_json(code));
    }
    out.push_str("]);\n\n");
    out.push_str(&jsdoc(&doc(VERSION_DOC), ""));
    let _ = writeln!(
        out,
        "export const version = {};\n",
        literal(&package.version)
    );
    out.push_str(
        "const byCode = new Map(logCodes.map((info) => [info.code, info]));\n\
         const byName = new Map(logCodes.map((info) => [info.name, info]));\n\n",
    );
    // Each kind and group as in `kindInfo`/`groupInfo` of log-codes.json, by word.
    for (name, words) in [("kindInfo", &table.kinds), ("groupInfo", &table.groups)] {
        let _ = writeln!(out, "const {name} = new Map([");
        for word in words.iter() {
            let _ = writeln!(
                out,
                "  [{}, deepFreeze({})],",
                literal(&word.name),
                json::word_json(word)
            );
        }
        out.push_str("]);\n\n");
    }
    out.push_str(&jsdoc(&doc(IS_LOG_CODE_DOC), ""));
    out.push_str("export function isLogCode(value) {\n  return typeof value === \"number\" && byCode.has(value);\n}\n\n");
    out.push_str(&jsdoc(&doc(INFO_DOC), ""));
    out.push_str("export function logCodeInfo(code) {\n  return byCode.get(code);\n}\n\n");
    out.push_str(&jsdoc(&doc(BY_NAME_DOC), ""));
    out.push_str("export function logCodeByName(name) {\n  return byName.get(name);\n}\n\n");
    out.push_str(LOCALE_FUNCTIONS);
    out.push('\n');
    out.push_str(&jsdoc(&doc(IS_LOCALE_DOC), ""));
    out.push_str(
        "export function isLocale(value) {\n  \
         return typeof value === \"string\" && locales.includes(value);\n}\n\n",
    );
    out.push_str(&jsdoc(&doc(LOOKUP_DOC), ""));
    out.push_str(
        "export function lookupLocale(tag) {\n  \
         let rest = asciiLowercase(String(tag));\n  \
         for (;;) {\n    \
         const found = locales.find((locale) => asciiLowercase(locale) === rest);\n    \
         if (found !== undefined) return found;\n    \
         const end = Math.max(rest.lastIndexOf(\"-\"), rest.lastIndexOf(\"_\"));\n    \
         if (end < 0) return \"en\";\n    \
         rest = rest.slice(0, end);\n    \
         // A single-letter subtag left at the end (an extension's singleton) goes too.\n    \
         const start = Math.max(rest.lastIndexOf(\"-\"), rest.lastIndexOf(\"_\"));\n    \
         if (start >= 0 && rest.length - start === 2) rest = rest.slice(0, start);\n  \
         }\n}\n\n",
    );
    out.push_str(&jsdoc(&doc(TITLE_IN_DOC), ""));
    out.push_str(
        "export function titleIn(code, locale) {\n  \
         const info = byCode.get(code);\n  \
         return info && (translation(info, locale)?.title ?? info.title);\n}\n\n",
    );
    out.push_str(&jsdoc(&doc(DESCRIPTION_IN_DOC), ""));
    out.push_str(
        "export function descriptionIn(code, locale) {\n  \
         const info = byCode.get(code);\n  \
         return info && (translation(info, locale)?.description ?? info.description);\n}\n",
    );
    for (function, map, doc_text) in [
        ("kindTitle", "kindInfo", KIND_TITLE_DOC),
        ("groupTitle", "groupInfo", GROUP_TITLE_DOC),
    ] {
        out.push('\n');
        out.push_str(&jsdoc(&doc(doc_text), ""));
        let _ = write!(
            out,
            "export function {function}(word, locale = \"en\") {{\n  \
             const info = {map}.get(word);\n  \
             return info && (translation(info, locale)?.title ?? info.title);\n}}\n",
        );
    }
    out
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

fn declarations(table: &Table, package: &Package) -> String {
    let mut out = format!("// {}\n\n", package.notice);
    out.push_str(&jsdoc(&doc(LOG_CODE_DOC), ""));
    out.push_str("export declare const LogCode: {\n");
    for code in &table.codes {
        out.push_str(&jsdoc(&code_doc(code), "  "));
        let _ = writeln!(out, "  readonly {}: {};", code.name, code.code);
    }
    out.push_str("};\n");
    out.push_str(&jsdoc(
        &doc("A code this version knows: the union of the values of {@link LogCode}."),
        "",
    ));
    out.push_str("export type LogCode = (typeof LogCode)[keyof typeof LogCode];\n");
    out.push_str(&jsdoc(&doc("The name of a code this version knows."), ""));
    out.push_str("export type LogCodeName = keyof typeof LogCode;\n");
    out.push_str(&jsdoc(
        &doc("A code read from data, which may be newer than this package: any number,\nwith editor completion for the known ones."),
        "",
    ));
    out.push_str("export type AnyLogCode = LogCode | (number & {});\n\n");
    for (name, words, text) in [
        ("Kind", &table.kinds, KIND_DOC),
        ("Group", &table.groups, GROUP_DOC),
    ] {
        out.push_str(&jsdoc(&doc(text), ""));
        let _ = writeln!(out, "export declare const {name}: {{");
        for word in words {
            out.push_str(&jsdoc(&word_doc(word), "  "));
            let _ = writeln!(
                out,
                "  readonly {}: {};",
                naming::variant(&word.name),
                literal(&word.name)
            );
        }
        out.push_str("};\n");
        let lower = name.to_lowercase();
        out.push_str(&jsdoc(&[format!("A {lower} this version knows.")], ""));
        let _ = writeln!(
            out,
            "export type {name} = (typeof {name})[keyof typeof {name}];"
        );
        out.push_str(&jsdoc(
            &[format!(
                "A {lower} read from data, which may be newer than this package."
            )],
            "",
        ));
        let _ = writeln!(out, "export type Any{name} = {name} | (string & {{}});\n");
    }
    out.push_str(&jsdoc(&doc(LOCALES_DOC), ""));
    let _ = writeln!(
        out,
        "export declare const locales: readonly [{}];",
        locale_tags(table).join(", ")
    );
    out.push_str(&jsdoc(
        &doc("A locale this version has: `\"en\"` or a translation's tag."),
        "",
    ));
    out.push_str("export type Locale = (typeof locales)[number];\n");
    out.push_str(&jsdoc(&doc("A locale other than English."), ""));
    out.push_str("export type TranslatedLocale = Exclude<Locale, \"en\">;\n");
    out.push_str(&jsdoc(
        &doc("A code's title and description in one locale. A missing `description` is not\ntranslated: show the English one."),
        "",
    ));
    out.push_str(
        "export interface Translation {\n  readonly title: string;\n  readonly description?: string;\n}\n\n",
    );
    out.push_str(&jsdoc(
        &doc("The metadata of one code, as in `log-codes.json`."),
        "",
    ));
    out.push_str(
        "export interface LogCodeInfo {\n\
         \x20 /** The number written to logs. */\n  readonly code: LogCode;\n\
         \x20 /** The stable API name, the same in every language. */\n  readonly name: LogCodeName;\n\
         \x20 /** One line of text. */\n  readonly title: string;\n\
         \x20 /** Text that may span lines, or `null`. */\n  readonly description: string | null;\n\
         \x20 /** What the code reports. */\n  readonly kind: Kind;\n\
         \x20 /** The area the code belongs to. */\n  readonly group: Group;\n\
         \x20 /** The deprecation note, or `null` for an active code. */\n  readonly deprecated: string | null;\n\
         \x20 /** The title and description by locale; a locale is missing where the title is not translated. */\n\
         \x20 readonly translations: { readonly [L in TranslatedLocale]?: Translation };\n\
         }\n\n",
    );
    out.push_str(&jsdoc(&doc(LIST_DOC), ""));
    out.push_str("export declare const logCodes: readonly [\n");
    for code in &table.codes {
        let _ = writeln!(
            out,
            "  {{ readonly code: {}; readonly name: {}; readonly title: {}; readonly description: {}; readonly kind: {}; readonly group: {}; readonly deprecated: {}; readonly translations: {} }},",
            code.code,
            literal(&code.name),
            literal(&code.title),
            nullable(code.description.as_deref()),
            literal(&code.kind),
            literal(&code.group),
            nullable(code.deprecated.as_deref()),
            translations_type(code),
        );
    }
    out.push_str("];\n\n");
    out.push_str(&jsdoc(&doc(VERSION_DOC), ""));
    let _ = writeln!(
        out,
        "export declare const version: {};\n",
        literal(&package.version)
    );
    out.push_str(&jsdoc(&doc(IS_LOG_CODE_DOC), ""));
    out.push_str("export declare function isLogCode(value: unknown): value is LogCode;\n");
    out.push_str(&jsdoc(&doc(INFO_DOC), ""));
    out.push_str("export declare function logCodeInfo(code: LogCode): LogCodeInfo;\n");
    out.push_str(&jsdoc(&doc(INFO_DOC), ""));
    out.push_str(
        "export declare function logCodeInfo(code: AnyLogCode): LogCodeInfo | undefined;\n",
    );
    out.push_str(&jsdoc(&doc(BY_NAME_DOC), ""));
    out.push_str("export declare function logCodeByName(name: LogCodeName): LogCodeInfo;\n");
    out.push_str(&jsdoc(&doc(BY_NAME_DOC), ""));
    out.push_str("export declare function logCodeByName(name: string): LogCodeInfo | undefined;\n");
    out.push_str(&jsdoc(&doc(IS_LOCALE_DOC), ""));
    out.push_str("export declare function isLocale(value: unknown): value is Locale;\n");
    out.push_str(&jsdoc(&doc(LOOKUP_DOC), ""));
    out.push_str("export declare function lookupLocale(tag: string): Locale;\n");
    for (signature, doc_text) in [
        (
            "titleIn(code: LogCode, locale: Locale): string",
            TITLE_IN_DOC,
        ),
        (
            "titleIn(code: AnyLogCode, locale: Locale): string | undefined",
            TITLE_IN_DOC,
        ),
        (
            "descriptionIn(code: LogCode, locale: Locale): string | null",
            DESCRIPTION_IN_DOC,
        ),
        (
            "descriptionIn(code: AnyLogCode, locale: Locale): string | null | undefined",
            DESCRIPTION_IN_DOC,
        ),
    ] {
        out.push_str(&jsdoc(&doc(doc_text), ""));
        let _ = writeln!(out, "export declare function {signature};");
    }
    for (function, name, doc_text) in [
        ("kindTitle", "Kind", KIND_TITLE_DOC),
        ("groupTitle", "Group", GROUP_TITLE_DOC),
    ] {
        let lower = name.to_lowercase();
        for (word, result) in [
            (name.to_owned(), "string"),
            (format!("Any{name}"), "string | undefined"),
        ] {
            out.push_str(&jsdoc(&doc(doc_text), ""));
            let _ = writeln!(
                out,
                "export declare function {function}({lower}: {word}, locale?: Locale): {result};"
            );
        }
    }
    out
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
