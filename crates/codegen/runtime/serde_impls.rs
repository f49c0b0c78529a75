//! `serde` for the code types, written out so the feature needs no `serde_derive`.
//! ([`Kind`](super::Kind) and [`Group`](super::Group) get theirs in `words.rs`.) A [`Locale`]
//! is its tag.

use core::fmt;

use serde::de::{Error, Unexpected, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::{AnyLogCode, Locale, LogCode};

/// Accepts any integer that fits a `u16`, as JSON numbers arrive as `u64` or `i64`.
struct CodeVisitor;

impl Visitor<'_> for CodeVisitor {
    type Value = u16;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a log code (an integer from 0 to 65535)")
    }

    fn visit_u64<E: Error>(self, value: u64) -> Result<u16, E> {
        u16::try_from(value).map_err(|_| E::invalid_value(Unexpected::Unsigned(value), &self))
    }

    fn visit_i64<E: Error>(self, value: i64) -> Result<u16, E> {
        u16::try_from(value).map_err(|_| E::invalid_value(Unexpected::Signed(value), &self))
    }
}

/// The number.
impl Serialize for LogCode {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_u16(self.code())
    }
}

/// A number this version knows; any other number is an error (read [`AnyLogCode`] to keep it).
impl<'de> Deserialize<'de> for LogCode {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let code = deserializer.deserialize_u16(CodeVisitor)?;
        LogCode::from_code(code).ok_or_else(|| {
            D::Error::invalid_value(Unexpected::Unsigned(code.into()), &"a known log code")
        })
    }
}

/// The number.
impl Serialize for AnyLogCode {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_u16(self.get())
    }
}

/// Any number from 0 to 65535, known or not.
impl<'de> Deserialize<'de> for AnyLogCode {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer
            .deserialize_u16(CodeVisitor)
            .map(AnyLogCode::new)
    }
}

/// The tag, `"tr"`.
impl Serialize for Locale {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.tag())
    }
}

struct LocaleVisitor;

impl Visitor<'_> for LocaleVisitor {
    type Value = Locale;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a locale tag this version has, such as \"en\"")
    }

    fn visit_str<E: Error>(self, tag: &str) -> Result<Locale, E> {
        Locale::from_tag(tag).ok_or_else(|| E::invalid_value(Unexpected::Str(tag), &self))
    }
}

/// A tag this version has (ignoring ASCII case); any other is an error.
impl<'de> Deserialize<'de> for Locale {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_str(LocaleVisitor)
    }
}
