//! How the table's names, kind and group words and locale tags become identifiers and titles,
//! and which identifiers the generated code already uses. Validation refuses what would clash;
//! every renderer, suggestion and test makes identifiers through this module (the only user of
//! `heck`), so they cannot drift apart.

use std::collections::HashMap;
use std::sync::LazyLock;

use heck::{ToShoutySnakeCase, ToSnakeCase, ToTitleCase, ToUpperCamelCase};

/// Every associated item and trait item of the generated types (`LogCode`, `Kind`, `Group`,
/// `Locale`), in the generated and the hand-written Rust, and every export of the TypeScript
/// package. A name, or a variant made from a word or tag, that reads the same once folded
/// (case and `_` ignored) is refused: `Err` would make `Self::Err` of `FromStr` ambiguous and the
/// crate would not compile, `All` reads like `ALL`, and so on. Tests parse the rendered Rust with
/// `syn` and the declarations with the TypeScript compiler and fail when an item is missing here,
/// so an item added later is reserved without anyone remembering to.
pub const RESERVED: &[&str] = &[
    // Associated items of the Rust types.
    "ALL",
    "all",
    "code",
    "name",
    "title",
    "description",
    "deprecation",
    "is_deprecated",
    "kind",
    "group",
    "from_code",
    "from_name",
    "position",
    "title_in",
    "description_in",
    "translated_title",
    "translated_description",
    "tag",
    "from_tag",
    "lookup",
    "translation",
    "counterpart",
    "counterparts",
    "Counterparts",
    // Items of the traits they implement. (Derived methods such as `eq` or `lt` are not listed:
    // no variant can clash with them, and `Lt` is Lithuanian.)
    "Err",
    "Error",
    "from_str",
    "try_from",
    "from",
    "fmt",
    "eq",
    "serialize",
    "deserialize",
    // Exports of the TypeScript package.
    "LogCode",
    "LogCodeName",
    "AnyLogCode",
    "Kind",
    "AnyKind",
    "Group",
    "AnyGroup",
    "locales",
    "Locale",
    "TranslatedLocale",
    "Translation",
    "LogCodeInfo",
    "logCodes",
    "version",
    "isLogCode",
    "logCodeInfo",
    "logCodeByName",
    "isLocale",
    "lookupLocale",
    "titleIn",
    "descriptionIn",
    "kindTitle",
    "groupTitle",
    "kindOf",
    // What JavaScript objects already have.
    "constructor",
    "prototype",
    "toString",
    "valueOf",
    "hasOwnProperty",
    "__proto__",
];

/// `name` with case and `_` ignored: the form in which two identifiers are confused.
pub fn fold(name: &str) -> String {
    name.chars()
        .filter(|&c| c != '_')
        .flat_map(char::to_lowercase)
        .collect()
}

/// The reserved item that `identifier` reads like, if any.
pub fn reserved(identifier: &str) -> Option<&'static str> {
    FOLDED_RESERVED.get(fold(identifier).as_str()).copied()
}

/// [`RESERVED`] by folded form, built once: validation asks for every name and word of a table.
static FOLDED_RESERVED: LazyLock<HashMap<String, &'static str>> = LazyLock::new(|| {
    // In list order, the first item of a folded form wins (`ALL` before `all`).
    let mut folded = HashMap::new();
    for item in RESERVED {
        folded.entry(fold(item)).or_insert(*item);
    }
    folded
});

/// The enum variant a kind or group word becomes: `directory_sync` → `DirectorySync`.
pub fn variant(word: &str) -> String {
    pascal(word)
}

/// Any text in PascalCase, the shape of a code's name: `Successful login` → `SuccessfulLogin`.
pub fn pascal(text: &str) -> String {
    text.to_upper_camel_case()
}

/// Whether `name` is a name's shape: an ASCII capital, then ASCII letters and digits, in the
/// PascalCase [`pascal`] gives (acronyms as words: `MfaRequired`, not `MFARequired`).
pub fn is_pascal(name: &str) -> bool {
    name.starts_with(|c: char| c.is_ascii_uppercase())
        && name.chars().all(|c| c.is_ascii_alphanumeric())
        && pascal(name) == name
}

/// Any text as a kind or group word's shape: `DirectorySync` → `directory_sync`.
pub fn snake(text: &str) -> String {
    text.to_snake_case()
}

/// The display title a word gets when nobody wrote one: `directory_sync` → `Directory Sync`.
pub fn title(word: &str) -> String {
    word.to_title_case()
}

/// The suffix of a locale's constants in the Rust crate: `pt-BR` → `PT_BR` (`TITLES_PT_BR`).
pub fn constant_suffix(tag: &str) -> String {
    tag.to_shouty_snake_case()
}

/// Whether `word` makes a variant in the PascalCase the names use: one-letter parts make runs
/// of capitals (`a_l_l` → `ALL`, which reads like the constant `ALL` and fails clippy's
/// `upper_case_acronyms`; `a_b` → `AB`).
pub fn round_trips(word: &str) -> bool {
    !variant(word)
        .as_bytes()
        .windows(2)
        .any(|pair| pair[0].is_ascii_uppercase() && pair[1].is_ascii_uppercase())
}

/// The `LogCode` predicate of a kind: `failure` → `is_failure`.
pub fn predicate(kind: &str) -> String {
    format!("is_{kind}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folded_items_are_found() {
        assert_eq!(reserved("Err"), Some("Err"));
        assert_eq!(reserved("All"), Some("ALL"));
        assert_eq!(reserved("FromCode"), Some("from_code"));
        assert_eq!(reserved("SuccessfulLogin"), None);
    }

    #[test]
    fn words_round_trip_through_their_variant() {
        assert!(round_trips("directory_sync"));
        assert!(round_trips("mfa"));
        assert!(!round_trips("a_l_l"));
        assert!(!round_trips("a_b"));
        assert!(round_trips("group_1"));
    }

    #[test]
    fn conversions_agree_with_the_shapes() {
        assert_eq!(pascal("Successful login"), "SuccessfulLogin");
        assert!(is_pascal("MfaRequired"));
        assert!(!is_pascal("MFARequired"));
        assert!(!is_pascal("Ağ"));
        assert_eq!(snake("DirectorySync"), "directory_sync");
        assert_eq!(title("directory_sync"), "Directory Sync");
        assert_eq!(constant_suffix("pt-BR"), "PT_BR");
    }
}
