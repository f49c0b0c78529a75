//! The data tables: the per-word tables (fixed size) built with `quote`, and the per-code arrays
//! and the name lookup's perfect hash, printed line by line in prettyplease's layout.

use std::fmt::Write as _;

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::*;
use crate::model::{Table, Word};
use crate::naming;
use crate::render::{RenderError, perfect_hash};

/// The tables whose size does not depend on the number of codes.
pub(super) fn fixed_tables(table: &Table) -> TokenStream {
    let position = match table.codes.len() {
        0..255 => quote!(u8),
        255..65535 => quote!(u16),
        _ => quote!(u32),
    };
    let kinds = word_tables("KIND", &table.kinds, &table.locales);
    let groups = word_tables("GROUP", &table.groups, &table.locales);
    let mut ranged: Vec<_> = (table.kinds.iter())
        .filter_map(|k| Some((k.range?, word_variant(&k.name))))
        .collect();
    ranged.sort_by_key(|(range, _)| *range);
    let unranged = table.kinds.iter().any(|k| k.range.is_none());
    let ranges = ranged.iter().map(|(range, variant)| {
        let (first, last) = (range.first, range.last);
        quote!((#first, #last, Some(Kind::#variant)))
    });
    let count = ranged.len() + 1;
    quote! {
        /// Index of a code in [`LogCode::ALL`] and in the per-field tables below.
        type Position = #position;
        /// No code: an empty slot of a lookup table.
        const NO_POSITION: Position = Position::MAX;
        #kinds
        #groups
        /// The kinds' number ranges, `(first, last, kind)`, sorted and apart, after a sentinel
        /// that holds no number.
        const KIND_RANGES: [(u16, u16, Option<Kind>); #count] = [(0, 0, None), #(#ranges),*];
        /// Whether a kind has no range (then a known code may lie outside every range).
        const SOME_KIND_UNRANGED: bool = #unranged;
    }
}

/// The words, display titles and descriptions of the kinds (or groups), by discriminant, and
/// their translations by translation (`Locale as usize - 1`), `None` where not translated.
pub(super) fn word_tables(prefix: &str, words: &[Word], locales: &[String]) -> TokenStream {
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
pub(super) fn array(
    out: &mut String,
    doc: &str,
    name: &str,
    ty: &str,
    items: impl Iterator<Item = String>,
) {
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
pub(super) fn translation_tables(out: &mut String, table: &Table) {
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
pub(super) fn data_tables(out: &mut String, table: &Table) -> Result<(), RenderError> {
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
        "The number of the code each code is the counterpart of, by position.",
        "COUNTERPARTS",
        "Option<u16>",
        codes.iter().map(|c| {
            c.counterpart
                .map_or_else(|| "None".to_owned(), |n| format!("Some({n})"))
        }),
    );
    // The inverse, as compressed rows: the codes whose counterpart is the code at position `p`
    // are `COUNTERPARTS_OF[COUNTERPARTS_OF_START[p]..COUNTERPARTS_OF_START[p + 1]]`.
    let mut of: Vec<Vec<u16>> = vec![Vec::new(); codes.len()];
    for code in codes {
        if let Some(at) = code
            .counterpart
            .and_then(|n| codes.binary_search_by_key(&n, |c| c.code).ok())
        {
            of[at].push(code.code);
        }
    }
    let mut start = 0;
    let starts = std::iter::once(0).chain(of.iter().map(|list| {
        start += list.len();
        start
    }));
    array(
        out,
        "Where each position's counterparts start in `COUNTERPARTS_OF` (one more entry: the end).",
        "COUNTERPARTS_OF_START",
        "Position",
        starts
            .map(|n| n.to_string())
            .collect::<Vec<_>>()
            .into_iter(),
    );
    array(
        out,
        "The codes whose counterpart each code is, by position, in code order.",
        "COUNTERPARTS_OF",
        "u16",
        of.iter().flatten().map(u16::to_string),
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
