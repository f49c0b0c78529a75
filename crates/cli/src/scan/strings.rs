//! Strings inside a line: their runs of plain bytes read eight at a time, their escapes checked
//! as `serde_json` checks them, and decoded only in the rare case a key or value has any.

use super::{Parsed, Parser, Text};

impl Parser<'_> {
    /// A string at `"`: its content, validated (escapes, no control characters; the line's
    /// UTF-8 was checked before).
    pub(super) fn string(&mut self) -> Parsed<Text> {
        self.eat(b'"')?;
        let start = self.at;
        let mut escaped = false;
        loop {
            self.plain_run()?;
            match self.bytes[self.at] {
                b'"' => {
                    let end = self.at;
                    self.at += 1;
                    return Ok(Text {
                        start,
                        end,
                        escaped,
                    });
                }
                b'\\' => {
                    escaped = true;
                    self.at += 1;
                    self.escape()?;
                }
                _ => return Err(()),
            }
        }
    }

    /// Moves past the plain run of a string (everything but `"`, `\` and control characters) to
    /// the next byte that is not plain; there must be one. Eight bytes at a time while it can:
    /// the lowest byte a word's mask marks is exactly the first one not plain.
    fn plain_run(&mut self) -> Parsed<()> {
        while let Some(chunk) = self.bytes.get(self.at..self.at + 8) {
            let word = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
            let mask = not_plain(word);
            if mask != 0 {
                self.at += (mask.trailing_zeros() / 8) as usize;
                return Ok(());
            }
            self.at += 8;
        }
        let rest = &self.bytes[self.at..];
        self.at += rest
            .iter()
            .position(|&b| !PLAIN[usize::from(b)])
            .ok_or(())?;
        Ok(())
    }

    /// After `\`: one escape; a `\u` surrogate must come in a pair, as `serde_json` requires.
    fn escape(&mut self) -> Parsed<()> {
        match self.peek().ok_or(())? {
            b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't' => {
                self.at += 1;
                Ok(())
            }
            b'u' => {
                self.at += 1;
                let unit = self.hex4()?;
                match unit {
                    0xD800..=0xDBFF => {
                        self.eat(b'\\')?;
                        self.eat(b'u')?;
                        match self.hex4()? {
                            0xDC00..=0xDFFF => Ok(()),
                            _ => Err(()),
                        }
                    }
                    0xDC00..=0xDFFF => Err(()),
                    _ => Ok(()),
                }
            }
            _ => Err(()),
        }
    }

    fn hex4(&mut self) -> Parsed<u16> {
        let digits = self.bytes.get(self.at..self.at + 4).ok_or(())?;
        let mut value = 0u16;
        for &d in digits {
            let nibble = match d {
                b'0'..=b'9' => d - b'0',
                b'a'..=b'f' => d - b'a' + 10,
                b'A'..=b'F' => d - b'A' + 10,
                _ => return Err(()),
            };
            value = value * 16 + u16::from(nibble);
        }
        self.at += 4;
        Ok(value)
    }

    /// A string's content with its escapes decoded, when it has any (the rare case).
    pub(super) fn decoded(&self, text: &Text) -> Option<Vec<u8>> {
        if !text.escaped {
            return None;
        }
        let quoted = &self.bytes[text.start - 1..=text.end];
        serde_json::from_slice::<String>(quoted)
            .ok()
            .map(String::into_bytes)
    }

    pub(super) fn text_is(&self, text: &Text, wanted: &[u8]) -> bool {
        match self.decoded(text) {
            Some(decoded) => decoded == wanted,
            None => &self.bytes[text.start..text.end] == wanted,
        }
    }
}

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGHS: u64 = 0x8080_8080_8080_8080;

/// The high bit of each byte of `word` that is zero: exact for the lowest such byte (those
/// above it may be marked falsely, by the borrow), which is all [`Parser::plain_run`] reads.
const fn zero_bytes(word: u64) -> u64 {
    word.wrapping_sub(ONES) & !word & HIGHS
}

/// The bytes of `word` (little-endian) that are not plain in a string: `"`, `\` or below 0x20.
const fn not_plain(word: u64) -> u64 {
    let control = word.wrapping_sub(0x20 * ONES) & !word & HIGHS;
    control | zero_bytes(word ^ (b'"' as u64 * ONES)) | zero_bytes(word ^ (b'\\' as u64 * ONES))
}

/// The bytes a string's plain run may hold: all but `"`, `\` and the control characters.
static PLAIN: [bool; 256] = {
    let mut table = [true; 256];
    let mut b = 0;
    while b < 0x20 {
        table[b] = false;
        b += 1;
    }
    table[b'"' as usize] = false;
    table[b'\\' as usize] = false;
    table
};
