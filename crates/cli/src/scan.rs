//! One line of a log stream: is it exactly one JSON object, and what is at the field? A single
//! pass over the bytes that validates the whole line as `serde_json` does (its oracle in the
//! property tests, `tests/scan.rs`) while it looks for the field, allocating nothing but for keys
//! and values with escapes.

mod strings;

/// What a line holds at the field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Line {
    /// A code: a JSON integer from 0 to 65535, or a string of one to five digits with that value.
    Code(u16),
    /// A value that is not a code: another number, another string, `null`, an object…
    NotACode,
    /// A JSON object without the field (or whose path crosses a value that is not an object).
    MissingField,
    /// Not exactly one JSON object: invalid JSON, another value, trailing text, or too long.
    Malformed,
}

/// A dotted path into the object: `type`, `data.code`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field {
    parts: Vec<Vec<u8>>,
    dotted: String,
}

impl Field {
    /// `data.code` → `data`, `code`; no part may be empty.
    pub fn parse(dotted: &str) -> Result<Field, String> {
        let parts: Vec<Vec<u8>> = dotted.split('.').map(|p| p.as_bytes().to_vec()).collect();
        if parts.iter().any(Vec::is_empty) {
            return Err(format!(
                "`{dotted}` is not a field: write a key, or keys joined by `.` (`data.code`)"
            ));
        }
        Ok(Field {
            parts,
            dotted: dotted.to_owned(),
        })
    }

    /// As given.
    pub fn as_str(&self) -> &str {
        &self.dotted
    }
}

/// How deep arrays and objects may nest: as `serde_json` allows (its recursion limit of 128 stops
/// at the 128th level).
const MAX_DEPTH: usize = 127;

/// Classifies one line (without its line break).
pub fn scan(line: &[u8], field: &Field) -> Line {
    // JSON is UTF-8; std's check has a fast path for ASCII. Past it, a byte above 0x7F is only
    // valid inside a string, which the parser below lets through.
    if std::str::from_utf8(line).is_err() {
        return Line::Malformed;
    }
    let mut parser = Parser {
        bytes: line,
        at: 0,
        depth: 0,
    };
    parser.whitespace();
    if parser.peek() != Some(b'{') {
        return Line::Malformed;
    }
    let Ok(found) = parser.object(Some(&field.parts)) else {
        return Line::Malformed;
    };
    parser.whitespace();
    if parser.at != line.len() {
        return Line::Malformed;
    }
    found.unwrap_or(Line::MissingField)
}

struct Parser<'a> {
    bytes: &'a [u8],
    at: usize,
    depth: usize,
}

/// A string token: its content's span, and whether it has escapes to decode.
struct Text {
    start: usize,
    end: usize,
    escaped: bool,
}

type Parsed<T> = Result<T, ()>;

impl Parser<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    fn whitespace(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.peek() {
            self.at += 1;
        }
    }

    fn eat(&mut self, byte: u8) -> Parsed<()> {
        if self.peek() == Some(byte) {
            self.at += 1;
            Ok(())
        } else {
            Err(())
        }
    }

    fn nest(&mut self) -> Parsed<()> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            Err(())
        } else {
            Ok(())
        }
    }

    /// An object at `{`; with `path`, what its value at `path` is (the last of duplicate keys,
    /// as `serde_json` keeps).
    fn object(&mut self, path: Option<&[Vec<u8>]>) -> Parsed<Option<Line>> {
        self.eat(b'{')?;
        self.nest()?;
        self.whitespace();
        let mut found = None;
        if self.peek() == Some(b'}') {
            self.at += 1;
            self.depth -= 1;
            return Ok(found);
        }
        loop {
            let key = self.string()?;
            self.whitespace();
            self.eat(b':')?;
            self.whitespace();
            match path.filter(|path| self.text_is(&key, &path[0])) {
                Some([_]) => found = Some(self.classified()?),
                Some([_, rest @ ..]) => {
                    found = Some(if self.peek() == Some(b'{') {
                        self.object(Some(rest))?.unwrap_or(Line::MissingField)
                    } else {
                        self.value()?;
                        Line::MissingField
                    });
                }
                _ => self.value()?,
            }
            self.whitespace();
            match self.peek() {
                Some(b',') => {
                    self.at += 1;
                    self.whitespace();
                }
                Some(b'}') => {
                    self.at += 1;
                    self.depth -= 1;
                    return Ok(found);
                }
                _ => return Err(()),
            }
        }
    }

    fn array(&mut self) -> Parsed<()> {
        self.eat(b'[')?;
        self.nest()?;
        self.whitespace();
        if self.peek() == Some(b']') {
            self.at += 1;
            self.depth -= 1;
            return Ok(());
        }
        loop {
            self.value()?;
            self.whitespace();
            match self.peek() {
                Some(b',') => {
                    self.at += 1;
                    self.whitespace();
                }
                Some(b']') => {
                    self.at += 1;
                    self.depth -= 1;
                    return Ok(());
                }
                _ => return Err(()),
            }
        }
    }

    fn value(&mut self) -> Parsed<()> {
        match self.peek() {
            Some(b'{') => self.object(None).map(drop),
            Some(b'[') => self.array(),
            Some(b'"') => self.string().map(drop),
            Some(b'-' | b'0'..=b'9') => self.number().map(drop),
            Some(b't') => self.literal(b"true"),
            Some(b'f') => self.literal(b"false"),
            Some(b'n') => self.literal(b"null"),
            _ => Err(()),
        }
    }

    /// The value at the field, classified.
    fn classified(&mut self) -> Parsed<Line> {
        match self.peek() {
            Some(b'"') => {
                let text = self.string()?;
                Ok(match self.decoded(&text) {
                    Some(digits) => code_of_digits(&digits),
                    None => code_of_digits(&self.bytes[text.start..text.end]),
                })
            }
            Some(b'-' | b'0'..=b'9') => Ok(self.number()?.map_or(Line::NotACode, Line::Code)),
            _ => self.value().map(|()| Line::NotACode),
        }
    }

    fn literal(&mut self, word: &[u8]) -> Parsed<()> {
        if self.bytes[self.at..].starts_with(word) {
            self.at += word.len();
            Ok(())
        } else {
            Err(())
        }
    }

    /// A number; `Some(code)` when it is an integer literal from 0 to 65535.
    fn number(&mut self) -> Parsed<Option<u16>> {
        let start = self.at;
        let negative = self.peek() == Some(b'-');
        if negative {
            self.at += 1;
        }
        let digits_start = self.at;
        match self.peek() {
            Some(b'0') => self.at += 1,
            Some(b'1'..=b'9') => self.digits(),
            _ => return Err(()),
        }
        let digits = self.at - digits_start;
        let mut integer = true;
        if self.peek() == Some(b'.') {
            self.at += 1;
            integer = false;
            self.required_digits()?;
        }
        let mut exponent = false;
        if let Some(b'e' | b'E') = self.peek() {
            self.at += 1;
            integer = false;
            exponent = true;
            if let Some(b'+' | b'-') = self.peek() {
                self.at += 1;
            }
            self.required_digits()?;
        }
        // `serde_json` refuses a number whose value overflows an f64, which takes an exponent or
        // over 308 digits; only those are parsed here.
        if exponent || digits > 308 {
            let token = std::str::from_utf8(&self.bytes[start..self.at]).map_err(drop)?;
            if !token.parse::<f64>().map_err(drop)?.is_finite() {
                return Err(());
            }
        }
        if negative || !integer || digits > 5 {
            return Ok(None);
        }
        let value = (self.bytes[digits_start..self.at].iter())
            .fold(0u32, |n, d| n * 10 + u32::from(d - b'0'));
        Ok(u16::try_from(value).ok())
    }

    fn digits(&mut self) {
        while let Some(b'0'..=b'9') = self.peek() {
            self.at += 1;
        }
    }

    fn required_digits(&mut self) -> Parsed<()> {
        let start = self.at;
        self.digits();
        if self.at == start { Err(()) } else { Ok(()) }
    }
}

/// A string's content as a code: one to five ASCII digits with a value up to 65535.
fn code_of_digits(digits: &[u8]) -> Line {
    if digits.is_empty() || digits.len() > 5 || !digits.iter().all(u8::is_ascii_digit) {
        return Line::NotACode;
    }
    let value = (digits.iter()).fold(0u32, |n, d| n * 10 + u32::from(d - b'0'));
    u16::try_from(value).map_or(Line::NotACode, Line::Code)
}
