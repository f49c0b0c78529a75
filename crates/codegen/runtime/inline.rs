//! Text kept inline, with no allocator: the word of a kind or group from newer data, and the
//! input an error quotes. Every word of a table fits (the generator refuses longer ones).

use core::cmp::Ordering;
use core::fmt;
use core::hash::{Hash, Hasher};

/// How many bytes of text are kept inline: the longest kind or group word, and how much of its
/// input an error quotes.
pub const INLINE_BYTES: usize = 32;

/// Up to [`INLINE_BYTES`] of text, marked when it was cut from a longer one.
#[derive(Clone, Copy)]
pub(crate) struct Inline {
    bytes: [u8; INLINE_BYTES],
    len: u8,
    cut: bool,
}

impl Inline {
    /// The text itself, or `None` when it is longer than [`INLINE_BYTES`].
    pub(crate) fn exact(text: &str) -> Option<Inline> {
        (text.len() <= INLINE_BYTES).then(|| Inline::quoted(text))
    }

    /// The text, or its first bytes (cut at a character boundary) and a mark that it was cut.
    pub(crate) fn quoted(text: &str) -> Inline {
        let mut end = text.len().min(INLINE_BYTES);
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        let mut bytes = [0; INLINE_BYTES];
        bytes[..end].copy_from_slice(&text.as_bytes()[..end]);
        Inline {
            bytes,
            len: end as u8,
            cut: end < text.len(),
        }
    }

    /// The text kept.
    pub(crate) fn as_str(&self) -> &str {
        // Always whole characters of a `str`: `quoted` cuts at a boundary.
        core::str::from_utf8(&self.bytes[..usize::from(self.len)]).unwrap_or_default()
    }
}

impl PartialEq for Inline {
    fn eq(&self, other: &Self) -> bool {
        (self.as_str(), self.cut) == (other.as_str(), other.cut)
    }
}

impl Eq for Inline {}

impl Hash for Inline {
    fn hash<H: Hasher>(&self, state: &mut H) {
        (self.as_str(), self.cut).hash(state);
    }
}

impl PartialOrd for Inline {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Inline {
    fn cmp(&self, other: &Self) -> Ordering {
        (self.as_str(), self.cut).cmp(&(other.as_str(), other.cut))
    }
}

/// The text, and `…` when it was cut.
impl fmt::Display for Inline {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())?;
        if self.cut {
            f.write_str("…")?;
        }
        Ok(())
    }
}

impl fmt::Debug for Inline {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?}", self.as_str())?;
        if self.cut {
            f.write_str("…")?;
        }
        Ok(())
    }
}

/// A parse error that quotes its input: `$name` holds the first 32 bytes (cut at a character),
/// shows them in its message between `$before` and `$after`, and stays `Copy`.
macro_rules! quoting_error {
    ($(#[$doc:meta])* $name:ident, $before:literal, $after:literal) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub struct $name(super::inline::Inline);

        impl $name {
            pub(crate) fn quoting(input: &str) -> $name {
                $name(super::inline::Inline::quoted(input))
            }

            /// The rejected input (its first 32 bytes, cut at a character).
            pub fn input(&self) -> &str {
                self.0.as_str()
            }
        }

        impl core::fmt::Display for $name {
            fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                write!(f, concat!($before, "`{}`", $after), self.0)
            }
        }

        impl core::error::Error for $name {}
    };
}
pub(crate) use quoting_error;

/// A kind or group word that this version does not know, kept inline: at most
/// [`INLINE_BYTES`] bytes, any text (a newer table's words are snake_case, but data is data).
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Word(Inline);

impl Word {
    /// The word, or `None` when it is longer than [`INLINE_BYTES`].
    pub fn new(word: &str) -> Option<Word> {
        Inline::exact(word).map(Word)
    }

    /// The word.
    pub fn as_str(&self) -> &str {
        self.0.as_str()
    }
}

impl fmt::Display for Word {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Debug for Word {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_kept_whole_or_cut_at_a_character() {
        assert_eq!(Inline::exact("warning").unwrap().as_str(), "warning");
        assert!(Inline::exact(core::str::from_utf8(&[b'x'; 33]).unwrap()).is_none());
        // 20 times `ğ`, two bytes each: cut after 16 of them, never inside one.
        let mut bytes = [0u8; 40];
        for pair in bytes.chunks_mut(2) {
            pair.copy_from_slice("ğ".as_bytes());
        }
        let long = core::str::from_utf8(&bytes).unwrap();
        let quoted = Inline::quoted(long);
        assert_eq!(quoted.as_str(), &long[..32]);
        let mut shown = [0u8; 64];
        let mut cursor = Cursor(&mut shown, 0);
        fmt::write(&mut cursor, format_args!("{quoted}")).unwrap();
        let len = cursor.1;
        assert!(core::str::from_utf8(&shown[..len]).unwrap().ends_with('…'));
        let odd = core::str::from_utf8(&bytes[..33 + 1]).unwrap(); // 17 characters, 34 bytes
        assert_eq!(Inline::quoted(odd).as_str(), &long[..32]);
        assert_eq!(Word::new("from_the_future").unwrap().as_str(), "from_the_future");
        assert_ne!(Inline::quoted("abc"), Inline::quoted("abd"));
    }

    struct Cursor<'a>(&'a mut [u8], usize);

    impl fmt::Write for Cursor<'_> {
        fn write_str(&mut self, s: &str) -> fmt::Result {
            self.0[self.1..self.1 + s.len()].copy_from_slice(s.as_bytes());
            self.1 += s.len();
            Ok(())
        }
    }
}
