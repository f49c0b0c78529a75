//! Snapshots of the JSON, TypeScript and docs renderers on a small table that uses every feature
//! (see `render_rust.rs` for the Rust one). Refresh with `UPDATE_EXPECT=1 cargo test`.

use crate::common;

use expect_test::expect_file;
use log_codes_codegen::testing::render::{docs, json, sql, typescript};
use log_codes_codegen::{Package, Table};

fn table() -> Table {
    common::small_table()
}

fn package() -> Package {
    Package::new("1.2.3")
}

fn artifact(path: &str) -> String {
    log_codes_codegen::testing::render::render_all(&table(), &package())
        .unwrap()
        .into_iter()
        .find(|a| a.path == path)
        .unwrap_or_else(|| panic!("no artifact {path}"))
        .contents
}

#[test]
fn json_data() {
    expect_file!["snapshots/log-codes.json"].assert_eq(&artifact(json::DATA));
}

#[test]
fn json_schema() {
    expect_file!["snapshots/log-codes.schema.json"].assert_eq(&artifact(json::SCHEMA));
}

#[test]
fn typescript_module() {
    expect_file!["snapshots/index.js"].assert_eq(&artifact(typescript::JS));
}

#[test]
fn typescript_declarations() {
    expect_file!["snapshots/index.d.ts"].assert_eq(&artifact(typescript::DTS));
}

#[test]
fn typescript_metadata() {
    expect_file!["snapshots/metadata.js"].assert_eq(&artifact(typescript::METADATA));
}

#[test]
fn typescript_lookup() {
    expect_file!["snapshots/lookup.js"].assert_eq(&artifact(typescript::LOOKUP));
}

/// One translation's module, English where a cell is not translated.
#[test]
fn typescript_locale_module() {
    expect_file!["snapshots/locales/tr.js"]
        .assert_eq(&artifact(&typescript::locale_module_path("tr")));
    expect_file!["snapshots/locales/tr.d.ts"]
        .assert_eq(&artifact(&typescript::locale_declarations_path("tr")));
}

#[test]
fn npm_manifest() {
    expect_file!["snapshots/package.json"].assert_eq(&artifact(typescript::MANIFEST));
}

/// The data file and the report query of one dialect (the others differ in their header and
/// the numeric-string test only).
#[test]
fn sql_files() {
    expect_file!["snapshots/sql/log-codes.postgres.sql"]
        .assert_eq(&artifact(&sql::data_path(sql::Dialect::Postgres)));
    expect_file!["snapshots/sql/report.sqlite.sql"]
        .assert_eq(&artifact(&sql::report_path(sql::Dialect::Sqlite)));
}

#[test]
fn docs_page() {
    expect_file!["snapshots/log-event-types.md"].assert_eq(&artifact(docs::PATH));
}

/// Translated chrome, and the English text marked where the translation is missing.
#[test]
fn translated_docs_page() {
    expect_file!["snapshots/log-event-types.tr.md"].assert_eq(&artifact(&docs::path("tr")));
}

#[test]
fn the_package_ships_the_same_json_as_the_crate() {
    assert_eq!(artifact(typescript::DATA), artifact(json::DATA));
    assert_eq!(artifact(typescript::SCHEMA), artifact(json::SCHEMA));
}
