//! `ts/locales/TAG.js` and `.d.ts`: one translation's titles and descriptions, with English where
//! a cell is not translated. `index.js` imports each for `titleIn` and the like; an app that shows
//! one locale imports only its module (`log-codes/locales/TAG`).

use super::{Artifact, Package, Table, fill, literal, notice, pairs};
use crate::model::Word;

/// The directory of the locale modules, relative to the crate: the package's generated files
/// there are the table's locales, and a module of a removed locale is deleted.
pub const DIR: &str = "ts/locales";

const JS_TEMPLATE: &str = include_str!("../../../runtime/ts/locales/locale.js");
const DTS_TEMPLATE: &str = include_str!("../../../runtime/ts/locales/locale.d.ts");

/// `locales/TAG.EXTENSION`, relative to the package. A tag is a canonical BCP 47 tag (letters,
/// digits and `-`, validated), so it is a safe file name, and two tags never differ by case alone.
pub fn file_name(tag: &str, extension: &str) -> String {
    format!("locales/{tag}.{extension}")
}

/// The module of locale `tag`, relative to the crate.
pub fn module_path(tag: &str) -> String {
    format!("ts/{}", file_name(tag, "js"))
}

/// The declarations of locale `tag`, relative to the crate.
pub fn declarations_path(tag: &str) -> String {
    format!("ts/{}", file_name(tag, "d.ts"))
}

/// The module and declarations of locale `tag`.
pub fn render(table: &Table, package: &Package, tag: &str) -> [Artifact; 2] {
    let js = fill(JS_TEMPLATE, |part| match part {
        "notice" => notice(package),
        "locale" => format!("export const locale = {};\n", literal(tag)),
        "titles" => pairs(
            (table.codes.iter())
                .filter_map(|code| Some((code.code, literal(&code.translations.get(tag)?.title)))),
        ),
        "descriptions" => pairs((table.codes.iter()).filter_map(|code| {
            let description = code.translations.get(tag)?.description.as_deref()?;
            Some((code.code, literal(description)))
        })),
        "kind-titles" => word_titles(&table.kinds, tag),
        "group-titles" => word_titles(&table.groups, tag),
        other => unreachable!("the locale template has no region `{other}`"),
    });
    let dts = fill(DTS_TEMPLATE, |part| match part {
        "notice" => notice(package),
        "locale" => format!("export declare const locale: {};\n", literal(tag)),
        other => unreachable!("the locale declarations template has no region `{other}`"),
    });
    [
        Artifact {
            path: module_path(tag),
            contents: js,
        },
        Artifact {
            path: declarations_path(tag),
            contents: dts,
        },
    ]
}

/// `  ["word", "Başlık"],` for each word translated into `tag`.
fn word_titles(words: &[Word], tag: &str) -> String {
    pairs((words.iter()).filter_map(|word| {
        let translation = word.translations.get(tag)?;
        Some((literal(&word.name), literal(&translation.title)))
    }))
}
