//! `crates/log-codes/src/generated.rs`: the enums and the data tables behind the crate's API.
//!
//! The output is table-shaped on purpose: one array per field, indexed by a code's position in
//! code order. A `match` per accessor is slower at run time and far slower to compile for large
//! tables; the hand-written `lib.rs` turns codes into positions with a dense table built at
//! compile time.

use heck::ToUpperCamelCase;
use proc_macro2::{Ident, Literal, TokenStream};
use quote::{format_ident, quote};

use super::{Artifact, GENERATED_NOTICE, RenderError, perfect_hash};
use crate::model::{Code, Table};

/// Where the file goes, relative to the crate.
pub const PATH: &str = "src/generated.rs";

/// Renders `generated.rs`.
pub fn render(table: &Table) -> Result<Artifact, RenderError> {
    let items = [
        log_code_enum(table),
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
        data_tables(table),
    ];
    let mut contents = format!("// {GENERATED_NOTICE}\n");
    // Items are printed one by one so that a blank line separates them.
    for (i, item) in items.into_iter().enumerate() {
        let file: syn::File = syn::parse2(item).map_err(|e| RenderError {
            path: PATH,
            message: e.to_string(),
        })?;
        if i > 0 {
            contents.push('\n');
        }
        contents.push_str(&prettyplease::unparse(&file));
    }
    Ok(Artifact {
        path: PATH,
        contents,
    })
}

fn variant(code: &Code) -> Ident {
    format_ident!("{}", code.name)
}

fn word_variant(word: &str) -> Ident {
    format_ident!("{}", word.to_upper_camel_case())
}

/// Doc attributes, one per line, each starting with a space as `///` would.
fn doc_lines<'a>(lines: impl IntoIterator<Item = &'a str>) -> TokenStream {
    let lines = lines.into_iter().map(|line| {
        let line = if line.is_empty() {
            String::new()
        } else {
            format!(" {line}")
        };
        quote!(#[doc = #line])
    });
    quote!(#(#lines)*)
}

fn log_code_enum(table: &Table) -> TokenStream {
    let variants = table.codes.iter().map(|code| {
        let ident = variant(code);
        let number = Literal::u16_unsuffixed(code.code);
        let facts = format!(
            "Code `{}`, kind [`Kind::{}`], group [`Group::{}`].",
            code.code,
            word_variant(&code.kind),
            word_variant(&code.group)
        );
        let mut lines = vec![code.title.as_str(), ""];
        if let Some(description) = &code.description {
            lines.extend(description.lines());
            lines.push("");
        }
        lines.push(&facts);
        let docs = doc_lines(lines);
        let deprecated = code
            .deprecated
            .as_deref()
            .map(|note| quote!(#[deprecated(note = #note)]));
        quote! {
            #docs
            #deprecated
            #ident = #number,
        }
    });
    quote! {
        #![allow(deprecated)]

        /// A log event code known to this version of the crate; its discriminant is the code.
        ///
        /// New codes are added in minor releases, so the enum is non-exhaustive. To read codes
        /// from log records that may be newer than this crate, use [`AnyLogCode`](crate::AnyLogCode).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        #[repr(u16)]
        pub enum LogCode {
            #(#variants)*
        }
    }
}

fn word_enum(name: &str, doc: &str, words: &[String]) -> TokenStream {
    let ident = format_ident!("{name}");
    let doc = format!(" {doc}");
    let variants = words.iter().map(|word| {
        let doc = format!(" `{word}`");
        let variant = word_variant(word);
        quote!(#[doc = #doc] #variant,)
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
    let all = table.codes.iter().map(variant);
    let predicates = table.kinds.iter().map(|kind| {
        let predicate = format_ident!("is_{kind}");
        let variant = word_variant(kind);
        let doc = format!(" Whether the code is of kind [`Kind::{variant}`] (`{kind}`).");
        quote! {
            #[doc = #doc]
            pub const fn #predicate(self) -> bool {
                matches!(self.kind(), Kind::#variant)
            }
        }
    });
    let words_all = |enum_name: &str, words: &[String]| {
        let ident = format_ident!("{enum_name}");
        let variants = words.iter().map(|w| word_variant(w));
        let doc = format!(
            " Every {} in the table, sorted by name.",
            enum_name.to_lowercase()
        );
        quote! {
            impl #ident {
                #[doc = #doc]
                pub const ALL: &'static [#ident] = &[#(#ident::#variants),*];
            }
        }
    };
    let kinds_all = words_all("Kind", &table.kinds);
    let groups_all = words_all("Group", &table.groups);
    quote! {
        impl LogCode {
            /// Every code this version knows, sorted by code.
            pub const ALL: &'static [LogCode] = &[#(LogCode::#all),*];

            #(#predicates)*
        }

        #kinds_all
        #groups_all
    }
}

fn data_tables(table: &Table) -> TokenStream {
    let codes = &table.codes;
    let position = match codes.len() {
        0..255 => quote!(u8),
        255..65535 => quote!(u16),
        _ => quote!(u32),
    };
    let names = codes.iter().map(|c| &c.name);
    let titles = codes.iter().map(|c| &c.title);
    let option = |value: &Option<String>| match value {
        Some(text) => quote!(Some(#text)),
        None => quote!(None),
    };
    let descriptions = codes.iter().map(|c| option(&c.description));
    let deprecations = codes.iter().map(|c| option(&c.deprecated));
    let kinds = codes.iter().map(|c| word_variant(&c.kind));
    let groups = codes.iter().map(|c| word_variant(&c.group));
    let names_list: Vec<&str> = codes.iter().map(|c| c.name.as_str()).collect();
    let hash = perfect_hash::build(&names_list);
    let seed = Literal::u64_unsuffixed(hash.seed);
    let displacements = hash
        .displacements
        .iter()
        .map(|&d| Literal::u32_unsuffixed(d));
    let slots = hash.slots.iter().map(|slot| match slot {
        Some(position) => {
            let position = Literal::usize_unsuffixed(*position);
            quote!(#position)
        }
        None => quote!(NO_POSITION),
    });
    let kind_names = &table.kinds;
    let group_names = &table.groups;
    quote! {
        /// Index of a code in [`LogCode::ALL`] and in the per-field tables below.
        pub(crate) type Position = #position;
        /// No code: an empty slot of a lookup table.
        pub(crate) const NO_POSITION: Position = Position::MAX;

        pub(crate) const NAMES: &[&str] = &[#(#names),*];
        pub(crate) const TITLES: &[&str] = &[#(#titles),*];
        pub(crate) const DESCRIPTIONS: &[Option<&str>] = &[#(#descriptions),*];
        pub(crate) const DEPRECATIONS: &[Option<&str>] = &[#(#deprecations),*];
        pub(crate) const KINDS: &[Kind] = &[#(Kind::#kinds),*];
        pub(crate) const GROUPS: &[Group] = &[#(Group::#groups),*];
        /// The name lookup's perfect hash table (see `name_hash.rs`): seed, displacements, and
        /// slot → position.
        pub(crate) const NAME_SEED: u64 = #seed;
        pub(crate) const NAME_DISPLACEMENTS: &[u32] = &[#(#displacements),*];
        pub(crate) const NAME_SLOTS: &[Position] = &[#(#slots),*];
        pub(crate) const KIND_NAMES: &[&str] = &[#(#kind_names),*];
        pub(crate) const GROUP_NAMES: &[&str] = &[#(#group_names),*];
    }
}
