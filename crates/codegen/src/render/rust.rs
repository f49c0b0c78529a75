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

use std::fmt::Write as _;

use proc_macro2::{Ident, Literal, TokenStream};
use quote::{format_ident, quote};

use super::{Artifact, RenderError, perfect_hash};
use crate::locale::{self, ENGLISH};
use crate::model::{Table, Word};
use crate::{markdown, naming};

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

fn word_variant(word: &str) -> Ident {
    format_ident!("{}", naming::variant(word))
}

/// A string literal, escaped by `proc_macro2`.
fn literal(text: &str) -> String {
    Literal::string(text).to_string()
}

/// `Some("text")` or `None`, the string escaped by `proc_macro2`.
fn option(value: Option<&str>) -> String {
    value.map_or_else(
        || "None".to_owned(),
        |text| format!("Some({})", literal(text)),
    )
}

/// One doc line at `indent`, as prettyplease prints a `#[doc]` attribute: `///` and the text,
/// unless the text starts with `/` (which would make `////`, a plain comment).
fn doc_line(out: &mut String, indent: &str, line: &str) {
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
struct WordVariants<'a> {
    words: &'a [Word],
    variants: Vec<String>,
}

impl<'a> WordVariants<'a> {
    fn new(words: &'a [Word]) -> Self {
        let variants = words.iter().map(|w| naming::variant(&w.name)).collect();
        WordVariants { words, variants }
    }

    /// The variant of a word of the table (the words are sorted).
    fn of(&self, word: &str) -> &str {
        let at =
            (self.words.binary_search_by(|w| w.name.as_str().cmp(word))).expect("a declared word");
        &self.variants[at]
    }
}

fn log_code_enum(out: &mut String, table: &Table) {
    let (kinds, groups) = (
        WordVariants::new(&table.kinds),
        WordVariants::new(&table.groups),
    );
    out.push_str(
        "/// A log event code known to this version of the crate; its discriminant is the code.\n\
         ///\n\
         /// New codes are added in minor releases, so the enum is non-exhaustive. To read codes\n\
         /// from log records that may be newer than this crate, use [`AnyLogCode`].\n\
         #[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]\n\
         #[non_exhaustive]\n\
         #[repr(u16)]\n\
         pub enum LogCode {\n",
    );
    for code in &table.codes {
        // Cell text is Markdown-escaped: rustdoc must show it as text, never as HTML, links or
        // a code block (which it would compile as a doctest).
        doc_line(out, "    ", &markdown::escape_line(&code.title));
        doc_line(out, "    ", "");
        if let Some(description) = &code.description {
            for line in description.lines() {
                doc_line(out, "    ", &markdown::escape_line(line));
            }
            doc_line(out, "    ", "");
        }
        let facts = format!(
            "Code `{}`, kind [`Kind::{}`], group [`Group::{}`].",
            code.code,
            kinds.of(&code.kind),
            groups.of(&code.group)
        );
        doc_line(out, "    ", &facts);
        if let Some(note) = &code.deprecated {
            // rustdoc renders the note as Markdown too: escaped like the doc text.
            let _ = writeln!(
                out,
                "    #[deprecated(note = {})]",
                literal(&markdown::escape_line(note))
            );
        }
        let _ = writeln!(out, "    {} = {},", code.name, code.code);
    }
    out.push_str("}\n");
}

fn word_enum(name: &str, doc: &str, words: &[Word]) -> TokenStream {
    let ident = format_ident!("{name}");
    let doc = format!(" {doc}");
    let variants = words.iter().map(|word| {
        // The display title and description are cell text, Markdown-escaped like a code's.
        let mut lines = vec![
            format!(" {}", markdown::escape_line(&word.title)),
            String::new(),
        ];
        if let Some(description) = &word.description {
            lines.extend(
                description
                    .lines()
                    .map(|l| format!(" {}", markdown::escape_line(l))),
            );
            lines.push(String::new());
        }
        lines.push(format!(" `{}`", word.name));
        let variant = word_variant(&word.name);
        quote!(#(#[doc = #lines])* #variant,)
    });
    quote! {
        #[doc = #doc]
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum #ident {
            #(#variants)*
        }
    }
}

fn log_code_items(table: &Table) -> TokenStream {
    let predicates = table.kind_names().map(|kind| {
        let predicate = format_ident!("{}", naming::predicate(kind));
        let variant = word_variant(kind);
        let doc = format!(" Whether the code is of kind [`Kind::{variant}`] (`{kind}`).");
        quote! {
            #[doc = #doc]
            pub const fn #predicate(self) -> bool {
                matches!(self.kind(), Kind::#variant)
            }
        }
    });
    let words_all = |enum_name: &str, words: &[Word]| {
        let ident = format_ident!("{enum_name}");
        let variants = words.iter().map(|w| word_variant(&w.name));
        let doc = format!(
            " Every {} in the table, sorted by name.",
            enum_name.to_lowercase()
        );
        quote! {
            impl #ident {
                #[doc = #doc]
                pub const ALL: All<#ident> = All::new(|| &[#(#ident::#variants),*]);
            }
        }
    };
    let kinds_all = words_all("Kind", &table.kinds);
    let groups_all = words_all("Group", &table.groups);
    quote! {
        impl LogCode {
            #(#predicates)*
        }

        #kinds_all
        #groups_all
    }
}

/// English, then one variant per translation; `Locale as usize - 1` indexes the translation
/// tables.
fn locale_enum(table: &Table) -> TokenStream {
    let english = format_ident!("{}", locale::variant(ENGLISH));
    let variants: Vec<Ident> = (table.locales.iter())
        .map(|tag| format_ident!("{}", locale::variant(tag)))
        .collect();
    let docs = (table.locales.iter()).map(|tag| {
        let coverage = table.coverage(tag);
        format!(" `{tag}`: {coverage}; English where a cell is not translated.")
    });
    let tags = table.languages();
    quote! {
        /// A language of the titles and descriptions: English, the table's own, then each
        /// translation the table has (a column such as `title.tr`).
        ///
        /// New locales are added in minor releases, so the enum is non-exhaustive.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum Locale {
            /// `en`: the `title` and `description` columns, the fallback of every translation.
            #english,
            #(#[doc = #docs] #variants,)*
        }

        impl Locale {
            /// Every locale: English, then the translations sorted by tag.
            pub const ALL: All<Locale> = All::new(|| &[Locale::#english, #(Locale::#variants),*]);
        }

        /// The BCP 47 tag of each locale, by discriminant.
        const LOCALE_TAGS: &[&str] = &[#(#tags),*];
    }
}

/// The tables whose size does not depend on the number of codes.
fn fixed_tables(table: &Table) -> TokenStream {
    let position = match table.codes.len() {
        0..255 => quote!(u8),
        255..65535 => quote!(u16),
        _ => quote!(u32),
    };
    let kinds = word_tables("KIND", &table.kinds, &table.locales);
    let groups = word_tables("GROUP", &table.groups, &table.locales);
    quote! {
        /// Index of a code in [`LogCode::ALL`] and in the per-field tables below.
        type Position = #position;
        /// No code: an empty slot of a lookup table.
        const NO_POSITION: Position = Position::MAX;
        #kinds
        #groups
    }
}

/// The words, display titles and descriptions of the kinds (or groups), by discriminant, and
/// their translations by translation (`Locale as usize - 1`), `None` where not translated.
fn word_tables(prefix: &str, words: &[Word], locales: &[String]) -> TokenStream {
    let ident = |suffix: &str| format_ident!("{prefix}_{suffix}");
    let (names, titles, descriptions, title_translations, description_translations) = (
        ident("NAMES"),
        ident("TITLES"),
        ident("DESCRIPTIONS"),
        ident("TITLE_TRANSLATIONS"),
        ident("DESCRIPTION_TRANSLATIONS"),
    );
    let optional = |text: Option<&str>| match text {
        Some(text) => quote!(Some(#text)),
        None => quote!(None),
    };
    let name_values = words.iter().map(|w| &w.name);
    let title_values = words.iter().map(|w| &w.title);
    let description_values = words.iter().map(|w| optional(w.description.as_deref()));
    let translated = |field: fn(&crate::model::Translation) -> Option<&str>| {
        (locales.iter())
            .map(|tag| {
                let values =
                    (words.iter()).map(|w| optional(w.translations.get(tag).and_then(field)));
                quote!(&[#(#values),*])
            })
            .collect::<Vec<_>>()
    };
    let title_arrays = translated(|t| Some(t.title.as_str()));
    let description_arrays = translated(|t| t.description.as_deref());
    quote! {
        const #names: &[&str] = &[#(#name_values),*];
        const #titles: &[&str] = &[#(#title_values),*];
        const #descriptions: &[Option<&str>] = &[#(#description_values),*];
        const #title_translations: &[&[Option<&str>]] = &[#(#title_arrays),*];
        const #description_translations: &[&[Option<&str>]] = &[#(#description_arrays),*];
    }
}

/// `const NAME: &[TYPE] = &[` one item per line `];`, with a doc line.
fn array(out: &mut String, doc: &str, name: &str, ty: &str, items: impl Iterator<Item = String>) {
    if !out.ends_with("]\n") {
        out.push('\n');
    }
    doc_line(out, "", doc);
    let _ = writeln!(out, "const {name}: &[{ty}] = &[");
    for item in items {
        let _ = writeln!(out, "    {item},");
    }
    out.push_str("];\n");
}

/// Per translation, its titles and descriptions by position (`None` where not translated), and
/// the tables of those arrays by translation.
fn translation_tables(out: &mut String, table: &Table) {
    let mut titles = Vec::new();
    let mut descriptions = Vec::new();
    for tag in &table.locales {
        let suffix = naming::constant_suffix(tag);
        let (title, description) = (format!("TITLES_{suffix}"), format!("DESCRIPTIONS_{suffix}"));
        let translations = || table.codes.iter().map(|c| c.translations.get(tag));
        array(
            out,
            &format!("The `{tag}` titles, by position."),
            &title,
            "Option<&str>",
            translations().map(|t| option(t.map(|t| t.title.as_str()))),
        );
        array(
            out,
            &format!("The `{tag}` descriptions, by position."),
            &description,
            "Option<&str>",
            translations().map(|t| option(t.and_then(|t| t.description.as_deref()))),
        );
        titles.push(title);
        descriptions.push(description);
    }
    for (doc, name, arrays) in [
        ("title", "TITLE_TRANSLATIONS", titles),
        ("description", "DESCRIPTION_TRANSLATIONS", descriptions),
    ] {
        array(
            out,
            &format!("The {doc} arrays, by translation (`Locale as usize - 1`)."),
            name,
            "&[Option<&str>]",
            arrays.into_iter(),
        );
    }
}

/// The per-code arrays, all in code order, and the name lookup's perfect hash table.
fn data_tables(out: &mut String, table: &Table) -> Result<(), RenderError> {
    let codes = &table.codes;
    let (kinds, groups) = (
        WordVariants::new(&table.kinds),
        WordVariants::new(&table.groups),
    );
    // A function, not a constant of `LogCode` values: rustc checks each enum value in a constant
    // by searching the discriminants, which made the crate's test build quadratic in codes.
    out.push('\n');
    doc_line(
        out,
        "",
        "Every variant by its path, in code order, for the crate's tests to check the unsafe casts against.",
    );
    out.push_str(
        "#[cfg(test)]\n#[allow(deprecated)]\nfn for_each_variant(mut visit: impl FnMut(LogCode)) {\n",
    );
    for code in codes {
        let _ = writeln!(out, "    visit(LogCode::{});", code.name);
    }
    out.push_str("}\n");
    array(
        out,
        "The number of every code, in code order (the discriminants of `LogCode`).",
        "CODE_NUMBERS",
        "u16",
        codes.iter().map(|c| c.code.to_string()),
    );
    array(
        out,
        "The names, by position.",
        "NAMES",
        "&str",
        codes.iter().map(|c| literal(&c.name)),
    );
    array(
        out,
        "The titles, by position.",
        "TITLES",
        "&str",
        codes.iter().map(|c| literal(&c.title)),
    );
    array(
        out,
        "The descriptions, by position.",
        "DESCRIPTIONS",
        "Option<&str>",
        codes.iter().map(|c| option(c.description.as_deref())),
    );
    array(
        out,
        "The deprecation notes, by position.",
        "DEPRECATIONS",
        "Option<&str>",
        codes.iter().map(|c| option(c.deprecated.as_deref())),
    );
    array(
        out,
        "The kinds, by position.",
        "KINDS",
        "Kind",
        codes.iter().map(|c| format!("Kind::{}", kinds.of(&c.kind))),
    );
    array(
        out,
        "The groups, by position.",
        "GROUPS",
        "Group",
        codes
            .iter()
            .map(|c| format!("Group::{}", groups.of(&c.group))),
    );
    translation_tables(out, table);
    let names: Vec<&str> = codes.iter().map(|c| c.name.as_str()).collect();
    let hash = perfect_hash::build(&names).map_err(|e| {
        let pairs: Vec<String> = (e.colliding.iter().take(5))
            .map(|&(a, b)| {
                let (a, b) = (&codes[a], &codes[b]);
                format!(
                    "`{}` (code {}) and `{}` (code {})",
                    a.name, a.code, b.name, b.code
                )
            })
            .collect();
        RenderError {
            path: PATH,
            message: format!(
                "no perfect hash of the names was found; these names kept the most seeds from working: {} \
                 (please report this: every name should hash apart; renaming one of them avoids it)",
                pairs.join(", ")
            ),
        }
    })?;
    out.push('\n');
    doc_line(
        out,
        "",
        "The name lookup's perfect hash (see `name_hash.rs`): its seed, one displacement",
    );
    doc_line(out, "", "per bucket, and slot → position.");
    let _ = writeln!(out, "const NAME_SEED: u64 = {};", hash.seed);
    array(
        out,
        "Displacement of each bucket.",
        "NAME_DISPLACEMENTS",
        "u32",
        hash.displacements.iter().map(u32::to_string),
    );
    array(
        out,
        "Position of the name in each slot; an empty slot holds 0, which the name comparison rejects.",
        "NAME_SLOTS",
        "Position",
        hash.slots
            .iter()
            .map(|slot| slot.unwrap_or_default().to_string()),
    );
    Ok(())
}
