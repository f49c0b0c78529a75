//! The API of the generated word enums [`Kind`] and [`Group`], and their open forms for data.

use core::fmt;
use core::str::FromStr;

use super::{
    GROUP_DESCRIPTIONS, GROUP_DESCRIPTION_TRANSLATIONS, GROUP_NAMES, GROUP_TITLES,
    GROUP_TITLE_TRANSLATIONS, KIND_DESCRIPTIONS, KIND_DESCRIPTION_TRANSLATIONS, KIND_NAMES,
    KIND_TITLES, KIND_TITLE_TRANSLATIONS,
};
use super::{Group, Kind, Locale};

// One entry per variant in every table, one table per translation: the lookups below cannot go
// out of bounds.
const _: () = {
    assert!(KIND_TITLES.len() == Kind::ALL.len() && KIND_DESCRIPTIONS.len() == Kind::ALL.len());
    assert!(GROUP_TITLES.len() == Group::ALL.len() && GROUP_DESCRIPTIONS.len() == Group::ALL.len());
    assert!(KIND_TITLE_TRANSLATIONS.len() + 1 == Locale::ALL.len());
    assert!(GROUP_TITLE_TRANSLATIONS.len() + 1 == Locale::ALL.len());
    let mut translation = 0;
    while translation < KIND_TITLE_TRANSLATIONS.len() {
        assert!(KIND_TITLE_TRANSLATIONS[translation].len() == Kind::ALL.len());
        assert!(KIND_DESCRIPTION_TRANSLATIONS[translation].len() == Kind::ALL.len());
        assert!(GROUP_TITLE_TRANSLATIONS[translation].len() == Group::ALL.len());
        assert!(GROUP_DESCRIPTION_TRANSLATIONS[translation].len() == Group::ALL.len());
        translation += 1;
    }
};

/// A word that is not a [`Kind`] or [`Group`] this version knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct UnknownWord;

impl fmt::Display for UnknownWord {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("unknown kind or group word")
    }
}

impl core::error::Error for UnknownWord {}

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
            ///     for &locale in Locale::ALL {
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
                $enum::from_name(word).ok_or(UnknownWord)
            }
        }

        #[doc = concat!("A ", $what, " read from data: known to this version, or a word from a newer table.")]
        ///
        /// It borrows an unknown word from the input, so it needs no allocator. With the `serde`
        /// feature it deserializes from a borrowed string (as `serde_json::from_str` gives); table
        /// words are plain snake_case, so they never need unescaping.
        ///
        /// ```
        #[doc = concat!("use log_codes::{", stringify!($any), ", ", stringify!($enum), "};")]
        ///
        #[doc = concat!("assert_eq!(", stringify!($any), "::new(\"", $example, "\").known(), ", stringify!($enum), "::from_name(\"", $example, "\"));")]
        #[doc = concat!("let newer = ", stringify!($any), "::new(\"from_the_future\");")]
        /// assert_eq!(newer.known(), None);
        /// assert_eq!(newer.as_str(), "from_the_future");
        /// ```
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum $any<'a> {
            #[doc = concat!("A ", $what, " this version knows.")]
            Known($enum),
            #[doc = concat!("A word this version does not know (not one of [`", stringify!($enum), "::ALL`]).")]
            Unknown(&'a str),
        }

        impl<'a> $any<'a> {
            /// Classifies a word.
            pub fn new(word: &'a str) -> Self {
                match $enum::from_name(word) {
                    Some(known) => $any::Known(known),
                    None => $any::Unknown(word),
                }
            }

            #[doc = concat!("The known ", $what, ", if any.")]
            pub const fn known(self) -> Option<$enum> {
                match self {
                    $any::Known(known) => Some(known),
                    $any::Unknown(_) => None,
                }
            }

            /// The word.
            pub const fn as_str(self) -> &'a str {
                match self {
                    $any::Known(known) => known.name(),
                    $any::Unknown(word) => word,
                }
            }
        }

        impl From<$enum> for $any<'_> {
            fn from(known: $enum) -> Self {
                $any::Known(known)
            }
        }

        /// The word.
        impl fmt::Display for $any<'_> {
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
        impl serde::Serialize for $any<'_> {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        #[cfg(feature = "serde")]
        impl<'de: 'a, 'a> serde::Deserialize<'de> for $any<'a> {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                struct Visitor<'a>(core::marker::PhantomData<&'a ()>);
                impl<'de: 'a, 'a> serde::de::Visitor<'de> for Visitor<'a> {
                    type Value = $any<'a>;
                    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                        f.write_str(concat!("a ", $what, " word borrowed from the input"))
                    }
                    fn visit_borrowed_str<E: serde::de::Error>(self, word: &'de str) -> Result<$any<'a>, E> {
                        Ok($any::new(word))
                    }
                    fn visit_str<E: serde::de::Error>(self, word: &str) -> Result<$any<'a>, E> {
                        // A transient string can only be kept when it is a known word.
                        $enum::from_name(word).map($any::Known).ok_or_else(|| {
                            E::invalid_value(serde::de::Unexpected::Str(word), &self)
                        })
                    }
                }
                deserializer.deserialize_str(Visitor(core::marker::PhantomData))
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
