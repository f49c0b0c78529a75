//! `crates/log-codes/src/generated.rs`: the enums and the data tables behind the crate's API.
//!
//! The output is table-shaped on purpose: one array per field, indexed by a code's position in
//! code order. A `match` per accessor is slower at run time and far slower to compile for large
//! tables; the hand-written `lib.rs` turns codes into positions with a dense table built at
//! compile time.
//!
//! Items whose size does not grow with the table are built with `quote` and printed by
//! `prettyplease`. The per-code parts (the variants and the data arrays) are laid out line by line
//! here, in prettyplease's layout: parsing and pretty-printing 65,536 variants through `syn` took
//! seconds and half a gigabyte, printing them directly takes milliseconds. Every string in them is
//! still a `proc_macro2` literal, escaped by it.

mod items;
mod tables;

use std::fmt::Write as _;

use proc_macro2::{Ident, Literal, TokenStream};
use quote::format_ident;

use super::{Artifact, RenderError};
use crate::model::{Table, Word};
use crate::naming;
use items::*;
use tables::*;

/// Where the file goes, relative to the crate.
pub const PATH: &str = "src/generated.rs";

/// Whether the generated code implements `serde`'s traits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Serde {
    /// No serde code at all; the includer needs no `serde` dependency.
    Never,
    /// Always; the includer depends on `serde` (without `serde_derive`).
    Always,
    /// Behind `#[cfg(feature = "NAME")]`, a feature of the includer that enables its `serde`
    /// dependency (`crates/log-codes` has `serde`, the default).
    Feature(String),
}

impl Default for Serde {
    fn default() -> Self {
        Serde::Feature("serde".to_owned())
    }
}

impl Serde {
    /// The attribute that gates serde code: `cfg(all())` is always true, `cfg(any())` never.
    fn attribute(&self) -> String {
        match self {
            Serde::Never => "#[cfg(any())]".to_owned(),
            Serde::Always => "#[cfg(all())]".to_owned(),
            Serde::Feature(name) => format!("#[cfg(feature = {})]", literal(name)),
        }
    }
}

/// How the Rust output is included and documented.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RustOptions {
    /// The path a user names the generated items by (`log_codes`, or `my_crate::events`), for
    /// the examples in their docs.
    pub path: String,
    /// Whether serde code is generated, and behind which cfg.
    pub serde: Serde,
}

impl Default for RustOptions {
    fn default() -> Self {
        RustOptions {
            path: "log_codes".to_owned(),
            serde: Serde::default(),
        }
    }
}

/// The runtime: the code that is the same for every table (lookups, the open forms for data,
/// locales, serde), shipped with the generator in `crates/codegen/runtime/` and written into
/// every output as private modules whose public items are re-exported. The generated module is
/// then self-contained: `include!`-able from `OUT_DIR`, and what `crates/log-codes` is.
const RUNTIME: [(&str, &str); 6] = [
    ("codes", include_str!("../../runtime/codes.rs")),
    ("inline", include_str!("../../runtime/inline.rs")),
    ("locale", include_str!("../../runtime/locale.rs")),
    ("name_hash", include_str!("../../runtime/name_hash.rs")),
    ("words", include_str!("../../runtime/words.rs")),
    ("serde_impls", include_str!("../../runtime/serde_impls.rs")),
];

/// The line that starts the runtime in every Rust output: what follows is no table's text.
pub const RUNTIME_START: &str =
    "// The runtime: the same for every table (`runtime/` of the generator).";

fn runtime(out: &mut String, options: &RustOptions) {
    let serde = options.serde.attribute();
    let _ = writeln!(out, "\n{RUNTIME_START}");
    for (name, text) in RUNTIME {
        // The runtime's examples name the includer's path; its serde code is gated as asked.
        let text = text
            .replace("log_codes::", &format!("{}::", options.path))
            .replace("#[cfg(feature = \"serde\")]", &serde);
        out.push('\n');
        if name == "serde_impls" {
            let _ = writeln!(out, "{serde}");
        }
        let _ = writeln!(out, "mod {name} {{");
        for line in text.lines() {
            if line.is_empty() {
                out.push('\n');
            } else {
                let _ = writeln!(out, "    {line}");
            }
        }
        out.push_str("}\n");
        if name != "name_hash" && name != "serde_impls" {
            let _ = writeln!(out, "pub use self::{name}::*;");
        }
    }
}

/// Renders `generated.rs` as `crates/log-codes` has it.
pub fn render(table: &Table) -> Result<Artifact, RenderError> {
    render_with(table, super::GENERATED_NOTICE, &RustOptions::default())
}

/// Renders the self-contained Rust module of `table`, headed by `notice`: no inner attribute,
/// so it can be `include!`d anywhere.
pub fn render_with(
    table: &Table,
    notice: &str,
    options: &RustOptions,
) -> Result<Artifact, RenderError> {
    let mut out = format!("// {notice}\n\n");
    log_code_enum(&mut out, table);
    for item in [
        word_enum(
            "Kind",
            "What a code reports, from the `kind` column of the table.",
            &table.kinds,
        ),
        word_enum(
            "Group",
            "The area a code belongs to, from the `group` column of the table: filter logs by it.",
            &table.groups,
        ),
        log_code_items(table),
        locale_enum(table),
        fixed_tables(table),
    ] {
        out.push('\n');
        out.push_str(&pretty(item)?);
    }
    data_tables(&mut out, table)?;
    runtime(&mut out, options);
    Ok(Artifact {
        path: PATH.to_owned(),
        contents: out,
    })
}

fn pretty(item: TokenStream) -> Result<String, RenderError> {
    let file: syn::File = syn::parse2(item).map_err(|e| RenderError {
        path: PATH,
        message: e.to_string(),
    })?;
    Ok(prettyplease::unparse(&file))
}

pub(super) fn word_variant(word: &str) -> Ident {
    format_ident!("{}", naming::variant(word))
}

/// A string literal, escaped by `proc_macro2`.
pub(super) fn literal(text: &str) -> String {
    Literal::string(text).to_string()
}

/// `Some("text")` or `None`, the string escaped by `proc_macro2`.
pub(super) fn option(value: Option<&str>) -> String {
    value.map_or_else(
        || "None".to_owned(),
        |text| format!("Some({})", literal(text)),
    )
}

/// One doc line at `indent`, as prettyplease prints a `#[doc]` attribute: `///` and the text,
/// unless the text starts with `/` (which would make `////`, a plain comment).
pub(super) fn doc_line(out: &mut String, indent: &str, line: &str) {
    let text = line.trim_end();
    if text.starts_with('/') {
        let _ = writeln!(out, "{indent}#[doc = {}]", literal(&format!(" {text}")));
    } else if text.is_empty() {
        let _ = writeln!(out, "{indent}///");
    } else {
        let _ = writeln!(out, "{indent}/// {text}");
    }
}

/// The variants of a table's kind or group words, made once rather than once per code.
pub(super) struct WordVariants<'a> {
    words: &'a [Word],
    variants: Vec<String>,
}

impl<'a> WordVariants<'a> {
    pub(super) fn new(words: &'a [Word]) -> Self {
        let variants = words.iter().map(|w| naming::variant(&w.name)).collect();
        WordVariants { words, variants }
    }

    /// The variant of a word of the table (the words are sorted).
    pub(super) fn of(&self, word: &str) -> &str {
        let at =
            (self.words.binary_search_by(|w| w.name.as_str().cmp(word))).expect("a declared word");
        &self.variants[at]
    }
}
