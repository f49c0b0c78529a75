//! The Rust crate says exactly what `log-codes.json` says: the same codes, in the same order, with
//! the same name, title, description, kind, group and deprecation, and the same translations in
//! every locale. (The TypeScript checks compare the JS module and its declarations with the same
//! file.) It lives in this consumer crate, not in the published one, whose package holds its
//! sources only; it runs with the `serde` feature, which brings `serde_json`.
#![cfg(feature = "serde")]

use log_codes::{Group, Kind, Locale, LogCode};
use serde_json::Value;

fn table() -> Value {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../crates/log-codes/log-codes.json"
    );
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn text(value: &Value) -> Option<&str> {
    match value {
        Value::Null => None,
        Value::String(s) => Some(s),
        other => panic!("expected a string or null, got {other}"),
    }
}

#[test]
#[allow(deprecated)]
fn every_code_agrees_with_the_json() {
    let table = table();
    let rows = table["codes"].as_array().unwrap();
    assert_eq!(rows.len(), LogCode::ALL.len());
    for (row, code) in rows.iter().zip(LogCode::ALL) {
        let number = row["code"].as_u64().unwrap();
        assert_eq!(u64::from(code.code()), number);
        assert_eq!(code.name(), row["name"], "{number}");
        assert_eq!(code.title(), row["title"], "{number}");
        assert_eq!(code.description(), text(&row["description"]), "{number}");
        assert_eq!(code.kind().name(), row["kind"], "{number}");
        assert_eq!(code.group().name(), row["group"], "{number}");
        assert_eq!(code.deprecation(), text(&row["deprecated"]), "{number}");
        assert_eq!(format!("{code:?}"), code.name(), "the variant is the name");
    }
}

#[test]
fn kinds_groups_and_version_agree_with_the_json() {
    let table = table();
    let words = |key: &str| -> Vec<String> {
        table[key]
            .as_array()
            .unwrap()
            .iter()
            .map(|w| w.as_str().unwrap().to_owned())
            .collect()
    };
    let kinds: Vec<String> = Kind::ALL.iter().map(|k| k.name().to_owned()).collect();
    let groups: Vec<String> = Group::ALL.iter().map(|g| g.name().to_owned()).collect();
    let locales: Vec<String> = Locale::ALL.iter().map(|l| l.tag().to_owned()).collect();
    assert_eq!(kinds, words("kinds"));
    assert_eq!(groups, words("groups"));
    assert_eq!(locales, words("locales"));
    assert_eq!(table["version"], crate_version());
}

/// Each kind's and group's display title and description, in every locale, is the JSON's
/// (`kindInfo`, `groupInfo`), English where a translation is absent.
#[test]
fn display_titles_agree_with_the_json() {
    let table = table();
    let check = |key: &str, found: Vec<(&str, [Vec<Option<&str>>; 2])>| {
        let entries = table[key].as_array().unwrap();
        assert_eq!(entries.len(), found.len(), "{key}");
        for (entry, (name, [titles, descriptions])) in entries.iter().zip(found) {
            assert_eq!(entry["name"], name, "{key}");
            for (i, &locale) in Locale::ALL.iter().enumerate() {
                let translation = &entry["translations"][locale.tag()];
                let title = translation["title"].as_str().or(entry["title"].as_str());
                let description =
                    (translation["description"].as_str()).or(text(&entry["description"]));
                assert_eq!(titles[i], title, "{key} {name} {locale}");
                assert_eq!(descriptions[i], description, "{key} {name} {locale}");
            }
        }
    };
    let by_locale = |title: &dyn Fn(Locale) -> &'static str,
                     description: &dyn Fn(Locale) -> Option<&'static str>| {
        [
            Locale::ALL.iter().map(|&l| Some(title(l))).collect(),
            Locale::ALL.iter().map(|&l| description(l)).collect(),
        ]
    };
    check(
        "kindInfo",
        (Kind::ALL.iter())
            .map(|&k| {
                (
                    k.name(),
                    by_locale(&|l| k.title_in(l), &|l| k.description_in(l)),
                )
            })
            .collect(),
    );
    check(
        "groupInfo",
        (Group::ALL.iter())
            .map(|&g| {
                (
                    g.name(),
                    by_locale(&|l| g.title_in(l), &|l| g.description_in(l)),
                )
            })
            .collect(),
    );
    for kind in Kind::ALL {
        assert_eq!(kind.title_in(Locale::En), kind.title());
    }
}

/// The version of `log-codes`: `[workspace.package] version` of the workspace it belongs to.
fn crate_version() -> String {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../Cargo.toml");
    let manifest = std::fs::read_to_string(path).unwrap();
    let section = manifest.split("[workspace.package]").nth(1).unwrap();
    let line = section.lines().find(|l| l.starts_with("version")).unwrap();
    line.split('"').nth(1).unwrap().to_owned()
}

/// In every locale, `translated_*` is exactly the JSON's translation (absent where it has none)
/// and `*_in` falls back to the English fields where it is absent.
#[test]
fn every_translation_agrees_with_the_json() {
    let table = table();
    let rows = table["codes"].as_array().unwrap();
    for &locale in &Locale::ALL[1..] {
        let tag = locale.tag();
        for (row, code) in rows.iter().zip(LogCode::ALL) {
            let translation = &row["translations"][tag];
            let title = translation["title"].as_str();
            let description = translation["description"].as_str();
            let number = code.code();
            assert_eq!(code.translated_title(locale), title, "{tag} {number}");
            assert_eq!(
                code.translated_description(locale),
                description,
                "{tag} {number}"
            );
            let english = row["title"].as_str();
            assert_eq!(
                Some(code.title_in(locale)),
                title.or(english),
                "{tag} {number}"
            );
            let english = text(&row["description"]);
            assert_eq!(
                code.description_in(locale),
                description.or(english),
                "{tag} {number}"
            );
        }
    }
    let translated: Vec<&str> = rows[0]["translations"]
        .as_object()
        .map(|t| t.keys().map(String::as_str).collect())
        .unwrap_or_default();
    for tag in translated {
        assert!(
            Locale::from_tag(tag).is_some(),
            "the JSON translates into `{tag}`"
        );
    }
}
