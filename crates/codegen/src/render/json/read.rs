//! The way back: a `log-codes.json` of any version read as a table, for `compat` and for any
//! file the xtask is given. Beside the writer, so a field the writer adds is read back here; the
//! table read is validated like a CSV one (`canonical::to_sheets`) by the callers that trust it.

use std::collections::BTreeMap;

use serde_json::Value;

use crate::model::{Code, NumberRange, Reserved, Table, Translation, Word};

/// Reads a `log-codes.json` (any version, extra fields ignored) as a table and its version. Files
/// before translations have neither `locales` nor `translations`.
pub fn table_from_json(text: &str) -> Result<(Table, String), String> {
    let document: Value = serde_json::from_str(text).map_err(|e| e.to_string())?;
    let version = string(Some(field(&document, "version", "the file")?), "version")?;
    let mut locales = match document.get("locales") {
        None => Vec::new(),
        Some(Value::Array(tags)) => (tags.iter().enumerate())
            .map(|(i, tag)| string(Some(tag), &format!("locales[{i}]")))
            .collect::<Result<_, _>>()?,
        Some(_) => return Err("locales: expected an array".to_owned()),
    };
    let Some(entries) = document.get("codes").and_then(Value::as_array) else {
        return Err("codes: expected an array".to_owned());
    };
    let mut codes = Vec::with_capacity(entries.len());
    for (i, entry) in entries.iter().enumerate() {
        codes.push(code(entry, &format!("codes[{i}]"))?);
    }
    locales.retain(|tag| tag != crate::locale::ENGLISH);
    let kinds = words(&document, "kinds", "kindInfo")?;
    let groups = words(&document, "groups", "groupInfo")?;
    let reserved = match document.get("reserved") {
        None => Vec::new(),
        Some(Value::Array(entries)) => (entries.iter().enumerate())
            .map(|(i, entry)| {
                let at = format!("reserved[{i}]");
                Ok(Reserved {
                    numbers: numbers(entry, &at)?,
                    note: string(entry.get("note"), &format!("{at}.note"))?,
                })
            })
            .collect::<Result<_, String>>()?,
        Some(_) => return Err("reserved: expected an array".to_owned()),
    };
    let table = Table::new(codes, kinds, groups, locales).with_reserved(reserved);
    Ok((table, version))
}

/// One entry of `codes`, at `codes[i]`.
fn code(entry: &Value, at: &str) -> Result<Code, String> {
    let inside = |key: &str| format!("{at}.{key}");
    let text = |key: &str| string(Some(field(entry, key, at)?), &inside(key));
    Ok(Code {
        code: field(entry, "code", at)?
            .as_u64()
            .and_then(|n| u16::try_from(n).ok())
            .ok_or_else(|| format!("{}: expected a number from 0 to 65535", inside("code")))?,
        name: text("name")?,
        title: text("title")?,
        description: optional(entry.get("description"), &inside("description"))?,
        kind: text("kind")?,
        group: text("group")?,
        deprecated: optional(entry.get("deprecated"), &inside("deprecated"))?,
        translations: translations(entry.get("translations"), &inside("translations"))?,
        counterpart: match entry.get("counterpart") {
            None | Some(Value::Null) => None,
            Some(value) => Some(number(value, &inside("counterpart"))?),
        },
    })
}

/// A `translations` object (absent in files before translations): title and optional
/// description by locale tag.
fn translations(value: Option<&Value>, at: &str) -> Result<BTreeMap<String, Translation>, String> {
    let mut translations = BTreeMap::new();
    match value {
        None => {}
        Some(Value::Object(by_tag)) => {
            for (tag, t) in by_tag {
                let at = format!("{at}.{tag}");
                let translation = Translation {
                    title: string(t.get("title"), &format!("{at}.title"))?,
                    description: optional(t.get("description"), &format!("{at}.description"))?,
                };
                translations.insert(tag.clone(), translation);
            }
        }
        Some(_) => return Err(format!("{at}: expected an object")),
    }
    Ok(translations)
}

/// The declared words of a `log-codes.json`: `kindInfo` (or `groupInfo`) with their display
/// titles; files before the declaration sheets have only the `kinds` list, whose words get the
/// title a new declaration would (`directory_sync` → `Directory Sync`).
fn words(document: &Value, list: &str, info: &str) -> Result<Vec<Word>, String> {
    if let Some(entries) = document.get(info) {
        let Some(entries) = entries.as_array() else {
            return Err(format!("{info}: expected an array"));
        };
        let mut words = Vec::with_capacity(entries.len());
        for (i, entry) in entries.iter().enumerate() {
            let at = |key: &str| format!("{info}[{i}].{key}");
            words.push(Word {
                name: string(entry.get("name"), &at("name"))?,
                title: string(entry.get("title"), &at("title"))?,
                description: optional(entry.get("description"), &at("description"))?,
                translations: translations(entry.get("translations"), &at("translations"))?,
                range: match entry.get("range") {
                    None | Some(Value::Null) => None,
                    Some(range) => Some(numbers(range, &at("range"))?),
                },
                counterpart_of: optional(entry.get("counterpartOf"), &at("counterpartOf"))?,
            });
        }
        return Ok(words);
    }
    let Some(names) = document.get(list).and_then(Value::as_array) else {
        return Err(format!("{list}: expected an array"));
    };
    (names.iter().enumerate())
        .map(|(i, name)| {
            let name = string(Some(name), &format!("{list}[{i}]"))?;
            Ok(Word {
                title: crate::naming::title(&name),
                name,
                description: None,
                translations: BTreeMap::new(),
                range: None,
                counterpart_of: None,
            })
        })
        .collect()
}

/// The field `key` of `object`, which must be there (even if null).
fn field<'a>(object: &'a Value, key: &str, at: &str) -> Result<&'a Value, String> {
    object
        .get(key)
        .ok_or_else(|| format!("{at}: missing field `{key}`"))
}

/// A code number.
fn number(value: &Value, at: &str) -> Result<u16, String> {
    (value.as_u64())
        .and_then(|n| u16::try_from(n).ok())
        .ok_or_else(|| format!("{at}: expected a number from 0 to 65535"))
}

/// `{ "first": N, "last": M }`.
fn numbers(value: &Value, at: &str) -> Result<NumberRange, String> {
    let end = |key: &str| number(field(value, key, at)?, &format!("{at}.{key}"));
    let (first, last) = (end("first")?, end("last")?);
    if first > last {
        return Err(format!("{at}: `first` is above `last`"));
    }
    Ok(NumberRange { first, last })
}

/// A string, at `at` for the message.
fn string(value: Option<&Value>, at: &str) -> Result<String, String> {
    value
        .and_then(Value::as_str)
        .map(str::to_owned)
        .ok_or_else(|| format!("{at}: expected a string"))
}

/// A string or null (or no field).
fn optional(value: Option<&Value>, at: &str) -> Result<Option<String>, String> {
    match value {
        None | Some(Value::Null) => Ok(None),
        value => string(value, at).map(Some),
    }
}
