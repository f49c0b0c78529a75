//! `log-codes.json` and `log-codes.schema.json`: the table as data, and the JSON Schema
//! (draft 2020-12) that describes exactly that file. Both are built with `serde_json`, so every
//! string is escaped by it; key order is fixed by the structs (data) or sorted (schema).

use std::collections::BTreeMap;

use serde::ser::{Serialize, SerializeStruct, Serializer};
use serde_json::json;

pub mod read;

use super::{Artifact, RenderError};
use crate::model::{NumberRange, Package, Reserved, Table, Translation, Word};

/// The data file.
pub const DATA: &str = "log-codes.json";
/// Its schema.
pub const SCHEMA: &str = "log-codes.schema.json";

// `Serialize` is written out (field order = key order) rather than derived: `serde_derive` and the
// second `syn` it needs were a fifth of the first build's CPU time.
struct Document<'a> {
    schema: &'a str,
    version: &'a str,
    kinds: Vec<&'a str>,
    groups: Vec<&'a str>,
    kind_info: Vec<WordEntry<'a>>,
    group_info: Vec<WordEntry<'a>>,
    locales: Vec<&'a str>,
    reserved: Vec<ReservedEntry<'a>>,
    codes: Vec<Entry<'a>>,
}

/// Numbers, `{ "first": 2000, "last": 3999 }`.
struct RangeEntry(NumberRange);

impl Serialize for RangeEntry {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("Range", 2)?;
        s.serialize_field("first", &self.0.first)?;
        s.serialize_field("last", &self.0.last)?;
        s.end()
    }
}

/// A row of `reserved.csv`.
struct ReservedEntry<'a>(&'a Reserved);

impl Serialize for ReservedEntry<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("Reserved", 3)?;
        s.serialize_field("first", &self.0.numbers.first)?;
        s.serialize_field("last", &self.0.numbers.last)?;
        s.serialize_field("note", &self.0.note)?;
        s.end()
    }
}

/// A declared kind or group with its display title.
struct WordEntry<'a> {
    name: &'a str,
    title: &'a str,
    description: Option<&'a str>,
    translations: BTreeMap<&'a str, TranslationEntry<'a>>,
    range: Option<RangeEntry>,
    counterpart_of: Option<&'a str>,
}

struct Entry<'a> {
    code: u16,
    name: &'a str,
    title: &'a str,
    description: Option<&'a str>,
    kind: &'a str,
    group: &'a str,
    deprecated: Option<&'a str>,
    /// `None` only in the npm package's English metadata, which leaves the field out.
    translations: Option<BTreeMap<&'a str, TranslationEntry<'a>>>,
    counterpart: Option<u16>,
}

struct TranslationEntry<'a> {
    title: &'a str,
    /// Left out when not translated.
    description: Option<&'a str>,
}

impl Serialize for Document<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("Document", 9)?;
        s.serialize_field("$schema", self.schema)?;
        s.serialize_field("version", self.version)?;
        s.serialize_field("kinds", &self.kinds)?;
        s.serialize_field("groups", &self.groups)?;
        s.serialize_field("kindInfo", &self.kind_info)?;
        s.serialize_field("groupInfo", &self.group_info)?;
        s.serialize_field("locales", &self.locales)?;
        s.serialize_field("reserved", &self.reserved)?;
        s.serialize_field("codes", &self.codes)?;
        s.end()
    }
}

impl Serialize for Entry<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("Entry", 9)?;
        s.serialize_field("code", &self.code)?;
        s.serialize_field("name", self.name)?;
        s.serialize_field("title", self.title)?;
        s.serialize_field("description", &self.description)?;
        s.serialize_field("kind", self.kind)?;
        s.serialize_field("group", self.group)?;
        s.serialize_field("deprecated", &self.deprecated)?;
        if let Some(translations) = &self.translations {
            s.serialize_field("translations", translations)?;
        }
        s.serialize_field("counterpart", &self.counterpart)?;
        s.end()
    }
}

impl Serialize for WordEntry<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("WordEntry", 6)?;
        s.serialize_field("name", self.name)?;
        s.serialize_field("title", self.title)?;
        s.serialize_field("description", &self.description)?;
        s.serialize_field("translations", &self.translations)?;
        s.serialize_field("range", &self.range)?;
        s.serialize_field("counterpartOf", &self.counterpart_of)?;
        s.end()
    }
}

impl<'a> From<&'a Word> for WordEntry<'a> {
    fn from(w: &'a Word) -> Self {
        WordEntry {
            name: &w.name,
            title: &w.title,
            description: w.description.as_deref(),
            translations: translation_entries(&w.translations),
            range: w.range.map(RangeEntry),
            counterpart_of: w.counterpart_of.as_deref(),
        }
    }
}

fn translation_entries(
    translations: &BTreeMap<String, Translation>,
) -> BTreeMap<&str, TranslationEntry<'_>> {
    (translations.iter())
        .map(|(tag, t)| (tag.as_str(), TranslationEntry::from(t)))
        .collect()
}

impl Serialize for TranslationEntry<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("TranslationEntry", 2)?;
        s.serialize_field("title", self.title)?;
        if let Some(description) = self.description {
            s.serialize_field("description", description)?;
        }
        s.end()
    }
}

impl<'a> From<&'a Translation> for TranslationEntry<'a> {
    fn from(t: &'a Translation) -> Self {
        TranslationEntry {
            title: &t.title,
            description: t.description.as_deref(),
        }
    }
}

impl<'a> From<&'a crate::model::Code> for Entry<'a> {
    fn from(c: &'a crate::model::Code) -> Self {
        Entry {
            code: c.code,
            name: &c.name,
            title: &c.title,
            description: c.description.as_deref(),
            kind: &c.kind,
            group: &c.group,
            deprecated: c.deprecated.as_deref(),
            translations: Some(translation_entries(&c.translations)),
            counterpart: c.counterpart,
        }
    }
}

/// One code as a compact JSON object, exactly as in the data file.
pub fn entry_json(code: &crate::model::Code) -> String {
    serde_json::to_string(&Entry::from(code)).expect("strings and numbers always serialize")
}

/// One code as in the data file but without its translations: the English metadata.
pub fn english_entry_json(code: &crate::model::Code) -> String {
    let entry = Entry {
        translations: None,
        ..Entry::from(code)
    };
    serde_json::to_string(&entry).expect("strings and numbers always serialize")
}

/// One kind or group as a compact JSON object, exactly as in `kindInfo` or `groupInfo`.
pub fn word_json(word: &Word) -> String {
    serde_json::to_string(&WordEntry::from(word)).expect("strings always serialize")
}

/// The data file's contents (also used by the TypeScript package, which ships a copy).
pub fn data(table: &Table, package: &Package) -> Result<String, RenderError> {
    let document = Document {
        schema: &format!("./{SCHEMA}"),
        version: &package.version,
        kinds: table.kind_names().collect(),
        groups: table.group_names().collect(),
        kind_info: table.kinds.iter().map(WordEntry::from).collect(),
        group_info: table.groups.iter().map(WordEntry::from).collect(),
        locales: table.languages().collect(),
        reserved: table.reserved.iter().map(ReservedEntry).collect(),
        codes: table.codes.iter().map(Entry::from).collect(),
    };
    pretty(&document, DATA)
}

/// The schema's contents. Its `$id` names the version, since the `kind` and `group` enums change
/// with the table.
pub fn schema(table: &Table, package: &Package) -> Result<String, RenderError> {
    let text_or_null = json!({ "type": ["string", "null"] });
    let schema = json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": format!("urn:log-codes:{SCHEMA}:{}", package.version),
        "title": "log-codes table",
        "description": "Every tenant log event code with its name, title, description, kind, group, \
            deprecation and translations, ordered by code. A newer version of the file may add codes, \
            kinds, groups, locales and fields: readers should tolerate them.",
        "type": "object",
        "required": ["$schema", "version", "kinds", "groups", "kindInfo", "groupInfo", "locales", "reserved", "codes"],
        "additionalProperties": false,
        "properties": {
            "$schema": { "type": "string" },
            "version": {
                "description": "The version of the crate and npm package this file belongs to.",
                "type": "string",
                "pattern": "^[0-9]+\\.[0-9]+\\.[0-9]+(-[0-9A-Za-z.-]+)?(\\+[0-9A-Za-z.-]+)?$"
            },
            "kinds": { "type": "array", "uniqueItems": true, "items": { "$ref": "#/$defs/kind" } },
            "groups": { "type": "array", "uniqueItems": true, "items": { "$ref": "#/$defs/group" } },
            "kindInfo": {
                "description": "Each kind of `kinds`, in the same order, with its display title.",
                "type": "array", "items": word_schema("kind")
            },
            "groupInfo": {
                "description": "Each group of `groups`, in the same order, with its display title.",
                "type": "array", "items": word_schema("group")
            },
            "locales": {
                "description": "The BCP 47 tags of the languages of the titles and descriptions: \
                    `en` (the `title` and `description` fields, the fallback of every \
                    translation) first, then the locales of `translations`.",
                "type": "array", "uniqueItems": true, "items": { "$ref": "#/$defs/locale" }
            },
            "reserved": {
                "description": "Numbers retired for good, sorted: no code of this or a later version has one.",
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["first", "last", "note"],
                    "additionalProperties": false,
                    "properties": {
                        "first": { "$ref": "#/$defs/number" },
                        "last": { "$ref": "#/$defs/number" },
                        "note": { "type": "string", "minLength": 1 }
                    }
                }
            },
            "codes": { "type": "array", "items": { "$ref": "#/$defs/code" } }
        },
        "$defs": {
            "kind": { "description": "What a code reports.", "enum": table.kind_names().collect::<Vec<_>>() },
            "group": { "description": "The area a code belongs to.", "enum": table.group_names().collect::<Vec<_>>() },
            "locale": { "description": "A language of the table.", "enum": table.languages().collect::<Vec<_>>() },
            "number": { "type": "integer", "minimum": 0, "maximum": 65535 },
            "range": {
                "description": "Code numbers from `first` to `last`, both included.",
                "type": "object",
                "required": ["first", "last"],
                "additionalProperties": false,
                "properties": { "first": { "$ref": "#/$defs/number" }, "last": { "$ref": "#/$defs/number" } }
            },
            "translation": {
                "description": "A code's title and description in one locale. A missing \
                    description is not translated: show the English one.",
                "type": "object",
                "required": ["title"],
                "additionalProperties": false,
                "properties": {
                    "title": { "type": "string", "minLength": 1 },
                    "description": { "type": "string", "minLength": 1 }
                }
            },
            "code": {
                "type": "object",
                "required": [
                    "code", "name", "title", "description", "kind", "group", "deprecated",
                    "translations", "counterpart"
                ],
                "additionalProperties": false,
                "properties": {
                    "code": {
                        "description": "The number written to logs.",
                        "type": "integer", "minimum": 0, "maximum": 65535
                    },
                    "name": {
                        "description": "The stable API name, the same in every language.",
                        "type": "string", "pattern": "^[A-Z][A-Za-z0-9]*$"
                    },
                    "title": { "type": "string", "minLength": 1 },
                    "description": text_or_null,
                    "kind": { "$ref": "#/$defs/kind" },
                    "group": { "$ref": "#/$defs/group" },
                    "deprecated": {
                        "description": "The deprecation note, or null for an active code.",
                        "type": ["string", "null"]
                    },
                    "translations": { "$ref": "#/$defs/translations" },
                    "counterpart": {
                        "description": "The number of the code this one is the counterpart of (a failure's success), or null.",
                        "type": ["integer", "null"], "minimum": 0, "maximum": 65535
                    }
                }
            },
            "translations": translations_schema(table)
        }
    });
    pretty(&schema, SCHEMA)
}

/// A declared kind or group: its word (as codes use it), display title, description and
/// translations.
fn word_schema(what: &str) -> serde_json::Value {
    json!({
        "type": "object",
        "required": ["name", "title", "description", "translations", "range", "counterpartOf"],
        "additionalProperties": false,
        "properties": {
            "name": {
                "description": format!("The word, as in a code's `{what}`."),
                "$ref": format!("#/$defs/{what}")
            },
            "title": {
                "description": "The display title people read.",
                "type": "string", "minLength": 1
            },
            "description": { "type": ["string", "null"] },
            "translations": { "$ref": "#/$defs/translations" },
            "range": {
                "description": "A kind's numbers: its codes, and a code a reader does not know, lie in it. Null for a kind without one and for every group.",
                "oneOf": [{ "type": "null" }, { "$ref": "#/$defs/range" }]
            },
            "counterpartOf": {
                "description": "The kind whose codes this kind's codes are counterparts of (a failure's success), or null.",
                "oneOf": [{ "type": "null" }, { "$ref": "#/$defs/kind" }]
            }
        }
    })
}

/// A code's `translations`: an object keyed by the table's locales (an empty `enum` is not
/// valid JSON Schema, so a table without translations says "no properties" instead).
fn translations_schema(table: &Table) -> serde_json::Value {
    let description = "The title and description by locale; a locale is missing where the title \
        is not translated: show the English one.";
    if table.locales.is_empty() {
        return json!({ "description": description, "type": "object", "maxProperties": 0 });
    }
    json!({
        "description": description,
        "type": "object",
        "propertyNames": { "enum": table.locales },
        "additionalProperties": { "$ref": "#/$defs/translation" }
    })
}

/// Both files, at the crate root.
pub fn render(table: &Table, package: &Package) -> Result<Vec<Artifact>, RenderError> {
    Ok(vec![
        Artifact {
            path: DATA.to_owned(),
            contents: data(table, package)?,
        },
        Artifact {
            path: SCHEMA.to_owned(),
            contents: schema(table, package)?,
        },
    ])
}

/// Two-space indentation and a trailing newline.
fn pretty(value: &impl Serialize, path: &'static str) -> Result<String, RenderError> {
    let mut text = serde_json::to_string_pretty(value).map_err(|e| RenderError {
        path,
        message: e.to_string(),
    })?;
    text.push('\n');
    Ok(text)
}
