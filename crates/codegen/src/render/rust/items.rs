//! The items made from the table's words and codes: the `LogCode`, `Kind`, `Group` and
//! `Locale` enums, with their docs from the cells, and the predicates and `ALL` constants.

use std::fmt::Write as _;

use proc_macro2::{Ident, TokenStream};
use quote::{format_ident, quote};

use super::*;
use crate::locale::{self, ENGLISH};
use crate::model::{Table, Word};
use crate::{markdown, naming};

pub(super) fn log_code_enum(out: &mut String, table: &Table) {
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

pub(super) fn word_enum(name: &str, doc: &str, words: &[Word]) -> TokenStream {
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

pub(super) fn log_code_items(table: &Table) -> TokenStream {
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
pub(super) fn locale_enum(table: &Table) -> TokenStream {
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
