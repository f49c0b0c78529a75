//! `ts/package.json`: every module a consumer may import is in `exports` (one subpath per
//! locale) and in `files`; the internal modules are in `files` only.

use serde_json::{Map, Value, json};

use super::{DTS, JS, LOOKUP, MANIFEST, METADATA, locale};
use crate::model::{Package, Table};
use crate::render::RenderError;

/// `./NAME` of a path in `ts/`.
fn relative(path: &str) -> String {
    format!(
        "./{}",
        path.strip_prefix("ts/").expect("a path in the package")
    )
}

/// The licence of the package (`license`) and its texts. They live beside the crate, not in the
/// generated directory: the release stages them with it (`cargo xtask dist`), and `npm pack`
/// ships only what `files` lists.
const LICENSE: &str = "MIT OR Apache-2.0";
const LICENSE_FILES: [&str; 2] = ["LICENSE-MIT", "LICENSE-APACHE"];

pub fn render(table: &Table, package: &Package) -> Result<String, RenderError> {
    let module = |js: &str, dts: &str| json!({ "types": relative(dts), "default": relative(js) });
    let mut exports = Map::new();
    exports.insert(".".to_owned(), module(JS, DTS));
    let mut files: Vec<String> = [JS, DTS, LOOKUP, METADATA].map(relative).to_vec();
    for tag in &table.locales {
        let (js, dts) = (locale::module_path(tag), locale::declarations_path(tag));
        exports.insert(format!("./locales/{tag}"), module(&js, &dts));
        files.extend([relative(&js), relative(&dts)]);
    }
    for data in [
        "./log-codes.json",
        "./log-codes.schema.json",
        "./package.json",
    ] {
        exports.insert(data.to_owned(), Value::from(data));
    }
    files.extend(["./log-codes.json", "./log-codes.schema.json"].map(str::to_owned));
    files.extend(LICENSE_FILES.map(|file| format!("./{file}")));
    let files: Vec<&str> = files.iter().map(|f| &f[2..]).collect();
    let manifest = json!({
        "name": package.npm_name,
        "version": package.version,
        "description": package.description,
        "license": LICENSE,
        "keywords": ["log", "codes", "events", "audit"],
        "type": "module",
        "exports": exports,
        "main": relative(JS),
        "types": relative(DTS),
        "files": files,
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
