//! Locale tags of the translation columns (`title.tr`, `description.pt-BR`): BCP 47 tags limited
//! to a language, an optional script and an optional region.
//!
//! Every locale becomes an identifier in every artifact (`Locale::PtBr` in Rust, `"pt-BR"` in
//! TypeScript and JSON, a docs directory), so a tag is accepted only in its canonical spelling,
//! and variants, extensions and private-use subtags, which no dashboard needs for a title, are
//! refused rather than half-supported.

use heck::ToUpperCamelCase;

/// The language of the `title` and `description` columns, the fallback of every translation.
pub const ENGLISH: &str = "en";

/// Why a tag cannot name a translation column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TagError {
    /// Not a `language[-Script][-REGION]` tag.
    Malformed,
    /// A well-formed tag in another spelling: the canonical one.
    NotCanonical(String),
    /// `en` itself: English is the `title` and `description` columns.
    English,
}

/// Checks that `tag` is a canonical tag other than `en`.
pub fn check(tag: &str) -> Result<(), TagError> {
    match canonical(tag) {
        None => Err(TagError::Malformed),
        Some(canonical) if canonical != tag => Err(TagError::NotCanonical(canonical)),
        Some(_) if tag == ENGLISH => Err(TagError::English),
        Some(_) => Ok(()),
    }
}

/// The canonical spelling of a `language[-Script][-REGION]` tag written in any case and with `-`
/// or `_` (`pt_br` → `pt-BR`, `ZH-hant` → `zh-Hant`), or `None` when it is not one.
pub fn canonical(tag: &str) -> Option<String> {
    let mut subtags = tag.split(['-', '_']);
    let language = subtags.next()?;
    if !(2..=3).contains(&language.len()) || !language.bytes().all(|b| b.is_ascii_alphabetic()) {
        return None;
    }
    let mut out = language.to_ascii_lowercase();
    let mut rest: Vec<&str> = subtags.collect();
    if let Some(script) = rest.first().filter(|s| is_script(s)) {
        out.push('-');
        out.push_str(&script[..1].to_ascii_uppercase());
        out.push_str(&script[1..].to_ascii_lowercase());
        rest.remove(0);
    }
    if let Some(region) = rest.first().filter(|r| is_region(r)) {
        out.push('-');
        out.push_str(&region.to_ascii_uppercase());
        rest.remove(0);
    }
    rest.is_empty().then_some(out)
}

fn is_script(subtag: &str) -> bool {
    subtag.len() == 4 && subtag.bytes().all(|b| b.is_ascii_alphabetic())
}

fn is_region(subtag: &str) -> bool {
    (subtag.len() == 2 && subtag.bytes().all(|b| b.is_ascii_alphabetic()))
        || (subtag.len() == 3 && subtag.bytes().all(|b| b.is_ascii_digit()))
}

/// The identifier a tag becomes in Rust: `en` → `En`, `pt-BR` → `PtBr`, `es-419` → `Es419`.
pub fn variant(tag: &str) -> String {
    tag.to_upper_camel_case()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn canonical_tags_are_accepted() {
        for tag in [
            "tr",
            "de",
            "pt-BR",
            "zh-Hant",
            "sr-Latn-RS",
            "es-419",
            "en-GB",
            "fil",
        ] {
            assert_eq!(check(tag), Ok(()), "{tag}");
        }
    }

    #[test]
    fn other_spellings_get_the_canonical_one() {
        for (tag, canonical) in [
            ("TR", "tr"),
            ("pt_BR", "pt-BR"),
            ("pt-br", "pt-BR"),
            ("zh-HANT", "zh-Hant"),
            ("SR-latn-rs", "sr-Latn-RS"),
        ] {
            assert_eq!(check(tag), Err(TagError::NotCanonical(canonical.into())));
        }
    }

    #[test]
    fn malformed_tags_and_english_are_refused() {
        for tag in [
            "",
            "t",
            "turkish",
            "tr-",
            "tr-TR-x-private",
            "de-CH-1996",
            "12",
            "tr TR",
        ] {
            assert_eq!(check(tag), Err(TagError::Malformed), "{tag:?}");
        }
        assert_eq!(check("en"), Err(TagError::English));
    }

    #[test]
    fn variants() {
        assert_eq!(variant("en"), "En");
        assert_eq!(variant("pt-BR"), "PtBr");
        assert_eq!(variant("zh-Hant"), "ZhHant");
        assert_eq!(variant("es-419"), "Es419");
    }
}
