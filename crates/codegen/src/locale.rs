//! Locale tags of the translation columns (`title.tr`, `description.pt-BR`): BCP 47 tags limited
//! to a language, an optional script and an optional region.
//!
//! Every locale becomes an identifier in every artifact (`Locale::PtBr` in Rust, `"pt-BR"` in
//! TypeScript and JSON, a docs directory), so a tag is accepted only in its canonical spelling,
//! and variants, extensions and private-use subtags, which no dashboard needs for a title, are
//! refused rather than half-supported.

/// The language of the `title` and `description` columns, the fallback of every translation.
pub const ENGLISH: &str = "en";

/// Why a tag cannot name a translation column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TagError {
    /// Not a `language[-Script][-REGION]` tag.
    Malformed,
    /// A well-formed tag in another spelling: the canonical one.
    NotCanonical(String),
    /// `en` itself, or English under another code (`eng`): English is the `title` and
    /// `description` columns.
    English,
    /// A code that names no language: `und` (undetermined), `mul` (multiple), `zxx` (no
    /// linguistic content), `mis`, or the private-use range `qaa`–`qtz`.
    NotALanguage,
    /// A tag whose identifier would clash with a generated item (`err` → `Locale::Err`).
    Reserved(&'static str),
}

/// Checks that `tag` is a canonical tag other than `en`.
pub fn check(tag: &str) -> Result<(), TagError> {
    match canonical(tag) {
        None => Err(TagError::Malformed),
        Some(canonical) if canonical != tag => Err(TagError::NotCanonical(canonical)),
        Some(_) if tag == ENGLISH || language(tag) == "eng" => Err(TagError::English),
        Some(_) if !names_a_language(language(tag)) => Err(TagError::NotALanguage),
        Some(_) => match crate::naming::reserved(&variant(tag)) {
            Some(item) => Err(TagError::Reserved(item)),
            None => Ok(()),
        },
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

fn language(tag: &str) -> &str {
    tag.split('-').next().unwrap_or_default()
}

/// Whether a (lowercase) language subtag names a language: ISO 639's special codes and its
/// private-use range do not.
fn names_a_language(language: &str) -> bool {
    let private_use = language.len() == 3 && ("qaa"..="qtz").contains(&language);
    !private_use && !matches!(language, "und" | "mul" | "zxx" | "mis")
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
    crate::naming::variant(tag)
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
        assert_eq!(check("eng"), Err(TagError::English));
        assert_eq!(check("eng-GB"), Err(TagError::English));
        for tag in ["und", "mul", "zxx", "mis", "qaa", "qtz", "qab-BR"] {
            assert_eq!(check(tag), Err(TagError::NotALanguage), "{tag}");
        }
        assert_eq!(check("qua"), Ok(()));
        assert_eq!(check("err"), Err(TagError::Reserved("Err")));
    }

    #[test]
    fn variants() {
        assert_eq!(variant("en"), "En");
        assert_eq!(variant("pt-BR"), "PtBr");
        assert_eq!(variant("zh-Hant"), "ZhHant");
        assert_eq!(variant("es-419"), "Es419");
    }
}
