//! The API of the generated word enums [`Kind`] and [`Group`], and their open forms for data.

use core::fmt;
use core::str::FromStr;

use super::{
    GROUP_DESCRIPTIONS, GROUP_DESCRIPTION_TRANSLATIONS, GROUP_NAMES, GROUP_TITLES,
    GROUP_TITLE_TRANSLATIONS, KIND_DESCRIPTIONS, KIND_DESCRIPTION_TRANSLATIONS, KIND_NAMES,
    KIND_TITLES, KIND_TITLE_TRANSLATIONS,
};
use super::inline::{Word, quoting_error};
use super::{Group, Kind, Locale, LOCALE_TAGS};

// One entry per variant in every table, one table per translation: the lookups below cannot go
// out of bounds.
const _: () = {
    let (kinds, groups) = (KIND_NAMES.len(), GROUP_NAMES.len());
    assert!(KIND_TITLES.len() == kinds && KIND_DESCRIPTIONS.len() == kinds);
    assert!(GROUP_TITLES.len() == groups && GROUP_DESCRIPTIONS.len() == groups);
    assert!(KIND_TITLE_TRANSLATIONS.len() + 1 == LOCALE_TAGS.len());
    assert!(GROUP_TITLE_TRANSLATIONS.len() + 1 == LOCALE_TAGS.len());
    let mut translation = 0;
    while translation < KIND_TITLE_TRANSLATIONS.len() {
        assert!(KIND_TITLE_TRANSLATIONS[translation].len() == kinds);
        assert!(KIND_DESCRIPTION_TRANSLATIONS[translation].len() == kinds);
        assert!(GROUP_TITLE_TRANSLATIONS[translation].len() == groups);
        assert!(GROUP_DESCRIPTION_TRANSLATIONS[translation].len() == groups);
        translation += 1;
    }
};

quoting_error!(
    /// A word that is not a [`Kind`] or [`Group`] this version knows; it quotes the input (its
    /// first 32 bytes).
    UnknownWord,
    "unknown kind or group word ",
    ""
);

macro_rules! word_api {
    (
        $enum:ident, $any:ident, $what:literal, $example:literal,
        $names:ident, $titles:ident, $descriptions:ident, $title_translations:ident,
        $description_translations:ident
    ) => {
        impl $enum {
            #[doc = concat!("The snake_case word of this ", $what, " in the table and on the wire.")]
            #[inline]
            pub const fn name(self) -> &'static str {
                $names[self as usize]
            }

            #[doc = concat!("The display title of this ", $what, " for people (`MFA`, `Directory Sync`), in English.")]
            ///
            /// Machines read [`name`](Self::name): `Display`, `FromStr` and serde use the word.
            #[inline]
            pub const fn title(self) -> &'static str {
                $titles[self as usize]
            }

            #[doc = concat!("The description of this ", $what, " in English, if it has one.")]
            #[inline]
            pub const fn description(self) -> Option<&'static str> {
                $descriptions[self as usize]
            }

            /// The display title in `locale`, or the English one where it is not translated.
            ///
            /// ```
            #[doc = concat!("use log_codes::{", stringify!($enum), ", Locale};")]
            ///
            #[doc = concat!("for value in ", stringify!($enum), "::ALL {")]
            ///     assert_eq!(value.title_in(Locale::En), value.title());
            ///     for locale in Locale::ALL {
            ///         assert!(!value.title_in(locale).is_empty());
            ///     }
            /// }
            /// ```
            pub const fn title_in(self, locale: Locale) -> &'static str {
                match locale.translation() {
                    Some(t) => match $title_translations[t][self as usize] {
                        Some(title) => title,
                        None => self.title(),
                    },
                    None => self.title(),
                }
            }

            /// The description in `locale`, or the English one where it is not translated.
            pub const fn description_in(self, locale: Locale) -> Option<&'static str> {
                match locale.translation() {
                    Some(t) => match $description_translations[t][self as usize] {
                        Some(description) => Some(description),
                        None => self.description(),
                    },
                    None => self.description(),
                }
            }

            #[doc = concat!("The ", $what, " with this word, if this version knows it.")]
            pub fn from_name(word: &str) -> Option<$enum> {
                // A table has a handful of words, and `==` rejects most of them by length: a
                // scan is faster than a binary search's comparisons.
                $enum::ALL.iter().copied().find(|value| value.name() == word)
            }
        }

        /// The snake_case word.
        impl fmt::Display for $enum {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.name())
            }
        }

        /// Parses the snake_case word.
        impl FromStr for $enum {
            type Err = UnknownWord;

            fn from_str(word: &str) -> Result<Self, Self::Err> {
                $enum::from_name(word).ok_or(UnknownWord::quoting(word))
            }
        }

        #[doc = concat!("A ", $what, " read from data: known to this version, or a word from a newer table.")]
        ///
        /// It owns an unknown word, inline (at most 32 bytes; no allocator), so a record holding
        /// it deserializes from any source (`serde_json::from_reader`, `from_value`) and outlives
        /// the input. It compares, hashes and displays by its word, like the known ones.
        ///
        /// ```
        #[doc = concat!("use log_codes::{", stringify!($any), ", ", stringify!($enum), "};")]
        ///
        #[doc = concat!("let first = ", stringify!($enum), "::ALL[0];")]
        #[doc = concat!("assert_eq!(", stringify!($any), "::new(first.name()), Some(", stringify!($any), "::Known(first)));")]
        #[doc = concat!("let newer = ", stringify!($any), "::new(\"from_the_future\").unwrap();")]
        /// assert_eq!(newer.known(), None);
        /// assert_eq!(newer.as_str(), "from_the_future");
        /// assert_eq!(newer.to_string(), "from_the_future");
        /// ```
        #[derive(Debug, Clone, Copy)]
        pub enum $any {
            #[doc = concat!("A ", $what, " this version knows.")]
            Known($enum),
            #[doc = concat!("A word this version does not know (not one of [`", stringify!($enum), "::ALL`]).")]
            Unknown(Word),
        }

        impl $any {
            #[doc = concat!("Classifies a word; `None` for an unknown word over 32 bytes (no ", $what, " word is that long).")]
            pub fn new(word: &str) -> Option<Self> {
                match $enum::from_name(word) {
                    Some(known) => Some($any::Known(known)),
                    None => Word::new(word).map($any::Unknown),
                }
            }

            #[doc = concat!("The known ", $what, ", if any.")]
            pub fn known(&self) -> Option<$enum> {
                match self {
                    $any::Known(known) => Some(*known),
                    // An unknown word made by hand may still be a known one.
                    $any::Unknown(word) => $enum::from_name(word.as_str()),
                }
            }

            /// The word.
            pub fn as_str(&self) -> &str {
                match self {
                    $any::Known(known) => known.name(),
                    $any::Unknown(word) => word.as_str(),
                }
            }
        }

        /// By the word: `Unknown` of a known word equals `Known`.
        impl PartialEq for $any {
            fn eq(&self, other: &Self) -> bool {
                self.as_str() == other.as_str()
            }
        }

        impl Eq for $any {}

        impl core::hash::Hash for $any {
            fn hash<H: core::hash::Hasher>(&self, state: &mut H) {
                self.as_str().hash(state);
            }
        }

        impl PartialEq<$enum> for $any {
            fn eq(&self, other: &$enum) -> bool {
                self.as_str() == other.name()
            }
        }

        impl PartialEq<$any> for $enum {
            fn eq(&self, other: &$any) -> bool {
                self.name() == other.as_str()
            }
        }

        impl From<$enum> for $any {
            fn from(known: $enum) -> Self {
                $any::Known(known)
            }
        }

        /// Any word of at most 32 bytes.
        impl FromStr for $any {
            type Err = UnknownWord;

            fn from_str(word: &str) -> Result<Self, Self::Err> {
                $any::new(word).ok_or(UnknownWord::quoting(word))
            }
        }

        /// The word.
        impl fmt::Display for $any {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }

        #[cfg(feature = "serde")]
        impl serde::Serialize for $enum {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.name())
            }
        }

        #[cfg(feature = "serde")]
        impl<'de> serde::Deserialize<'de> for $enum {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                struct Visitor;
                impl serde::de::Visitor<'_> for Visitor {
                    type Value = $enum;
                    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                        f.write_str(concat!("a ", $what, " word"))
                    }
                    fn visit_str<E: serde::de::Error>(self, word: &str) -> Result<$enum, E> {
                        $enum::from_name(word).ok_or_else(|| E::unknown_variant(word, $names))
                    }
                }
                deserializer.deserialize_str(Visitor)
            }
        }

        #[cfg(feature = "serde")]
        impl serde::Serialize for $any {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        #[cfg(feature = "serde")]
        impl<'de> serde::Deserialize<'de> for $any {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                struct Visitor;
                impl serde::de::Visitor<'_> for Visitor {
                    type Value = $any;
                    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                        f.write_str(concat!("a ", $what, " word of at most 32 bytes"))
                    }
                    fn visit_str<E: serde::de::Error>(self, word: &str) -> Result<$any, E> {
                        $any::new(word).ok_or_else(|| E::invalid_length(word.len(), &self))
                    }
                }
                deserializer.deserialize_str(Visitor)
            }
        }
    };
}

word_api!(
    Kind,
    AnyKind,
    "kind",
    "failure",
    KIND_NAMES,
    KIND_TITLES,
    KIND_DESCRIPTIONS,
    KIND_TITLE_TRANSLATIONS,
    KIND_DESCRIPTION_TRANSLATIONS
);
word_api!(
    Group,
    AnyGroup,
    "group",
    "login",
    GROUP_NAMES,
    GROUP_TITLES,
    GROUP_DESCRIPTIONS,
    GROUP_TITLE_TRANSLATIONS,
    GROUP_DESCRIPTION_TRANSLATIONS
);
