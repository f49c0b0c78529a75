//! The API of [`LogCode`] and [`AnyLogCode`]: lookups by number and name, and the fields.

use core::fmt;
use core::str::FromStr;

use super::inline::quoting_error;
use super::{
    Group, Kind, LogCode, Position, CODE_NUMBERS, COUNTERPARTS, COUNTERPARTS_OF,
    COUNTERPARTS_OF_START, DEPRECATIONS, DESCRIPTIONS, GROUPS, KINDS, KIND_RANGES, NAMES,
    NAME_DISPLACEMENTS, NAME_SEED, NAME_SLOTS, NO_POSITION, SOME_KIND_UNRANGED, TITLES,
};

// Nothing evaluated at compile time holds `LogCode` values, only the plain numbers of
// `CODE_NUMBERS`: rustc checks every enum value in a constant by searching the variants'
// discriminants, which made a 10,000-code crate take half a minute to build. For the same reason
// `LogCode::ALL` is not a constant slice but a handle that dereferences to one.
const FIRST_CODE: u16 = CODE_NUMBERS[0];
const LAST_CODE: u16 = CODE_NUMBERS[CODE_NUMBERS.len() - 1];
const SPAN: usize = (LAST_CODE - FIRST_CODE) as usize + 1;

/// Code → position in [`LogCode::ALL`], as a dense table over `FIRST_CODE..=LAST_CODE` built at
/// compile time: a code's fields are one load away, and so is the answer to "is this a code?".
/// One more entry, always empty, stands for every number outside the range, so a lookup needs
/// no branch for the range.
const POSITIONS: &[Position; SPAN + 1] = &{
    let mut table = [NO_POSITION; SPAN + 1];
    let mut position = 0;
    while position < CODE_NUMBERS.len() {
        table[(CODE_NUMBERS[position] - FIRST_CODE) as usize] = position as Position;
        position += 1;
    }
    table
};

impl LogCode {
    /// Every code this version knows, sorted by code. It dereferences to `[LogCode]`, so slice
    /// methods work (`LogCode::ALL.len()`, `LogCode::ALL[0]`, `LogCode::ALL.iter()`), and
    /// `for code in LogCode::ALL` yields every code. [`LogCode::all`] gives the slice itself.
    ///
    /// ```
    /// # use log_codes::LogCode;
    /// assert!(!LogCode::ALL.is_empty());
    /// assert!(LogCode::ALL.windows(2).all(|w| w[0] < w[1]));
    /// let failures = LogCode::ALL.into_iter().filter(|c| c.is_failure()).count();
    /// assert!(failures > 0);
    /// ```
    pub const ALL: All<LogCode> = All::new(LogCode::all);

    /// Every code this version knows, sorted by code, as a slice.
    #[inline]
    pub const fn all() -> &'static [LogCode] {
        // SAFETY: `LogCode` is `repr(u16)` with discriminant = code, so it has the layout of a
        // `u16`, and every number of `CODE_NUMBERS` is the discriminant of a variant (the
        // generator writes them from the same rows; `all_matches_the_variants` checks it).
        #[allow(unsafe_code)]
        unsafe {
            &*(CODE_NUMBERS as *const [u16] as *const [LogCode])
        }
    }

    /// The code with this number, if this version knows it.
    ///
    /// ```
    /// # use log_codes::LogCode;
    /// let first = LogCode::ALL[0];
    /// assert_eq!(LogCode::from_code(first.code()), Some(first));
    /// let unused = (0..=u16::MAX).find(|&n| !LogCode::ALL.iter().any(|c| c.code() == n));
    /// assert_eq!(LogCode::from_code(unused.unwrap()), None);
    /// ```
    #[inline]
    pub const fn from_code(code: u16) -> Option<LogCode> {
        let offset = code.wrapping_sub(FIRST_CODE) as usize;
        let offset = if offset < SPAN { offset } else { SPAN };
        if POSITIONS[offset] != NO_POSITION {
            // SAFETY: `LogCode` is `repr(u16)` with discriminant = code, and POSITIONS has an
            // entry exactly at the offsets of the discriminants (built from `CODE_NUMBERS`, the
            // discriminants in order; `from_code_agrees_with_the_variants` checks every u16),
            // so `code` is the discriminant of a variant.
            #[allow(unsafe_code)]
            Some(unsafe { core::mem::transmute::<u16, LogCode>(code) })
        } else {
            None
        }
    }

    /// The code with this name (exactly the variant's name, case-sensitive), if any.
    ///
    /// One hash of the name, two table loads and one comparison, whatever the table's size, and
    /// no branch on the name's bytes: the cost does not depend on which name it is, or whether
    /// it is one.
    #[inline]
    pub fn from_name(name: &str) -> Option<LogCode> {
        let bytes = name.as_bytes();
        let len = bytes.len();
        // Names of 8 to 32 bytes (nearly all) are read as four words, once, for the hash and for
        // the comparison: no loop and no call to `memcmp`. An empty slot holds position 0, whose
        // name the comparison then rejects.
        let slot_position = |hash| {
            NAME_SLOTS[super::name_hash::name_slot(hash, NAME_DISPLACEMENTS, NAME_SLOTS.len())] as usize
        };
        let (position, same) = if super::name_hash::has_words(len) {
            let words = super::name_hash::words(bytes);
            let position = slot_position(super::name_hash::words_hash(&words, len, NAME_SEED));
            let candidate = NAMES[position].as_bytes();
            let same = candidate.len() == len
                && super::name_hash::same_words(&super::name_hash::words(candidate), &words);
            (position, same)
        } else {
            let position = slot_position(super::name_hash::name_hash(bytes, NAME_SEED));
            (position, NAMES[position].as_bytes() == bytes)
        };
        if same {
            Some(LogCode::all()[position])
        } else {
            None
        }
    }

    #[inline]
    pub(super) const fn position(self) -> usize {
        POSITIONS[(self as u16 - FIRST_CODE) as usize] as usize
    }

    /// The number written to logs.
    #[inline]
    pub const fn code(self) -> u16 {
        self as u16
    }

    /// The stable API name, the same in every language: the variant's name.
    #[inline]
    pub const fn name(self) -> &'static str {
        NAMES[self.position()]
    }

    /// The one-line title.
    #[inline]
    pub const fn title(self) -> &'static str {
        TITLES[self.position()]
    }

    /// The description, or `None` for codes the table does not describe.
    #[inline]
    pub const fn description(self) -> Option<&'static str> {
        DESCRIPTIONS[self.position()]
    }

    /// The deprecation note, or `None` for an active code.
    #[inline]
    pub const fn deprecation(self) -> Option<&'static str> {
        DEPRECATIONS[self.position()]
    }

    /// Whether the code is deprecated (it stays known, but should no longer be emitted).
    #[inline]
    pub const fn is_deprecated(self) -> bool {
        self.deprecation().is_some()
    }

    /// What the code reports.
    #[inline]
    pub const fn kind(self) -> Kind {
        KINDS[self.position()]
    }

    /// The area the code belongs to.
    #[inline]
    pub const fn group(self) -> Group {
        GROUPS[self.position()]
    }

    /// The code this one is the counterpart of (a failure's success, for a failure rate), if
    /// the table names one.
    ///
    /// ```
    /// # use log_codes::LogCode;
    /// for code in LogCode::ALL.iter() {
    ///     if let Some(of) = code.counterpart() {
    ///         assert!(of.counterparts().any(|c| c == *code));
    ///     }
    /// }
    /// ```
    #[inline]
    pub const fn counterpart(self) -> Option<LogCode> {
        match COUNTERPARTS[self.position()] {
            Some(code) => LogCode::from_code(code),
            None => None,
        }
    }

    /// The codes whose counterpart this one is (a success's failures), in code order.
    #[inline]
    pub fn counterparts(self) -> Counterparts {
        let position = self.position();
        let (start, end) = (
            COUNTERPARTS_OF_START[position] as usize,
            COUNTERPARTS_OF_START[position + 1] as usize,
        );
        Counterparts(COUNTERPARTS_OF[start..end].iter())
    }
}

/// The codes whose counterpart a code is: [`LogCode::counterparts`].
#[derive(Debug, Clone)]
pub struct Counterparts(core::slice::Iter<'static, u16>);

impl Iterator for Counterparts {
    type Item = LogCode;

    #[inline]
    fn next(&mut self) -> Option<LogCode> {
        self.0.next().and_then(|&code| LogCode::from_code(code))
    }

    #[inline]
    fn size_hint(&self) -> (usize, Option<usize>) {
        self.0.size_hint()
    }
}

impl ExactSizeIterator for Counterparts {}

impl DoubleEndedIterator for Counterparts {
    #[inline]
    fn next_back(&mut self) -> Option<LogCode> {
        self.0.next_back().and_then(|&code| LogCode::from_code(code))
    }
}

impl core::iter::FusedIterator for Counterparts {}

/// The name, as the variant is called.
impl fmt::Debug for LogCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Every value of a type this version knows, in order: [`LogCode::ALL`], `Kind::ALL`,
/// `Group::ALL`, `Locale::ALL`. It dereferences to a slice (`ALL.len()`, `ALL[0]`,
/// `ALL.iter()`), and `for value in T::ALL` yields each value.
///
/// It holds a function, not the values: a constant of `LogCode` values makes rustc search the
/// discriminants for each of them, which made a 10,000-code crate take half a minute to build.
#[derive(Clone, Copy)]
pub struct All<T: 'static> {
    slice: fn() -> &'static [T],
}

impl<T> All<T> {
    pub(crate) const fn new(slice: fn() -> &'static [T]) -> All<T> {
        All { slice }
    }
}

impl<T> core::ops::Deref for All<T> {
    type Target = [T];

    #[inline]
    fn deref(&self) -> &[T] {
        (self.slice)()
    }
}

impl<T: Copy> IntoIterator for All<T> {
    type Item = T;
    type IntoIter = core::iter::Copied<core::slice::Iter<'static, T>>;

    fn into_iter(self) -> Self::IntoIter {
        (self.slice)().iter().copied()
    }
}

impl<T> IntoIterator for &All<T> {
    type Item = &'static T;
    type IntoIter = core::slice::Iter<'static, T>;

    fn into_iter(self) -> Self::IntoIter {
        (self.slice)().iter()
    }
}

impl<T: fmt::Debug> fmt::Debug for All<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries((self.slice)()).finish()
    }
}

/// The number and the title, separated by a space.
impl fmt::Display for LogCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.code(), self.title())
    }
}

impl From<LogCode> for u16 {
    #[inline]
    fn from(code: LogCode) -> u16 {
        code.code()
    }
}

impl TryFrom<u16> for LogCode {
    type Error = UnknownCode;

    #[inline]
    fn try_from(code: u16) -> Result<Self, Self::Error> {
        LogCode::from_code(code).ok_or(UnknownCode(i128::from(code)))
    }
}

/// Parses a code's number (`"4041"`, as logs and URLs carry it) or its name (exactly the
/// variant's, case-sensitive).
impl FromStr for LogCode {
    type Err = UnknownName;

    #[inline]
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        // Names first: a number is never a name (names start with a capital letter).
        match LogCode::from_name(text) {
            Some(code) => Ok(code),
            None => number(text).and_then(LogCode::from_code).ok_or_else(|| unknown(text)),
        }
    }
}

/// The error quoting `text`, out of the way of the lookups' fast path.
#[cold]
#[inline(never)]
fn unknown(text: &str) -> UnknownName {
    UnknownName::quoting(text)
}

/// The number written in `text`, if it is one: ASCII digits only, as logs carry codes.
fn number(text: &str) -> Option<u16> {
    if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

impl PartialEq<u16> for LogCode {
    #[inline]
    fn eq(&self, other: &u16) -> bool {
        self.code() == *other
    }
}

impl PartialEq<LogCode> for u16 {
    #[inline]
    fn eq(&self, other: &LogCode) -> bool {
        *self == other.code()
    }
}

/// An integer that is not the number of a code this version knows (for [`AnyLogCode`]: one
/// outside 0–65535).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct UnknownCode(i128);

impl UnknownCode {
    /// The rejected number.
    pub const fn value(self) -> i128 {
        self.0
    }
}

impl fmt::Display for UnknownCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "no log code has the number {}", self.0)
    }
}

impl core::error::Error for UnknownCode {}

quoting_error!(
    /// A text that is neither the number nor the name of a code this version knows; it quotes
    /// the input (its first 32 bytes).
    UnknownName,
    "",
    " is neither the number nor the name of a known log code"
);

/// `TryFrom` every integer type: for [`LogCode`], a number of a known code; for
/// [`AnyLogCode`], any number from 0 to 65535.
macro_rules! from_integers {
    ($($int:ty),*) => {$(
        impl TryFrom<$int> for LogCode {
            type Error = UnknownCode;

            #[inline]
            fn try_from(value: $int) -> Result<Self, Self::Error> {
                u16::try_from(value)
                    .ok()
                    .and_then(LogCode::from_code)
                    .ok_or(UnknownCode(value as i128))
            }
        }

        impl TryFrom<$int> for AnyLogCode {
            type Error = UnknownCode;

            #[inline]
            fn try_from(value: $int) -> Result<Self, Self::Error> {
                u16::try_from(value)
                    .map(AnyLogCode::new)
                    .map_err(|_| UnknownCode(value as i128))
            }
        }
    )*};
}

from_integers!(u8, u32, u64, u128, usize, i8, i16, i32, i64, i128, isize);

/// A log code read from data: any number, known to this version or not.
///
/// Use it wherever codes come from outside (log records, databases, other services), so a code
/// added after this crate was built is kept rather than rejected. It is a `u16` in memory and, with
/// the `serde` feature, a number on the wire.
///
/// ```
/// use log_codes::{AnyLogCode, LogCode};
///
/// // A number this version has no code for, as a newer system may log.
/// let number = (0..=u16::MAX).find(|&n| LogCode::from_code(n).is_none()).unwrap();
/// let newer = AnyLogCode::new(number);
/// assert_eq!(newer.known(), None);
/// assert_eq!(newer.get(), number);
/// assert_eq!(newer.title(), None);
///
/// let first = LogCode::ALL[0];
/// let known = AnyLogCode::from(first);
/// assert_eq!(known, first);
/// assert_eq!(known.title(), Some(first.title()));
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[repr(transparent)]
pub struct AnyLogCode(u16);

impl AnyLogCode {
    /// Wraps any number.
    #[inline]
    pub const fn new(code: u16) -> Self {
        AnyLogCode(code)
    }

    /// The number.
    #[inline]
    pub const fn get(self) -> u16 {
        self.0
    }

    /// The known code, or `None` when the number is newer than this crate.
    #[inline]
    pub const fn known(self) -> Option<LogCode> {
        LogCode::from_code(self.0)
    }

    /// The code's kind, even for a code newer than this crate: the kind whose number range
    /// holds it (the table declares the ranges in `kinds.csv`), else the known code's kind;
    /// `None` for an unknown number that no range holds.
    ///
    /// ```
    /// # use log_codes::{AnyLogCode, LogCode};
    /// for code in LogCode::ALL.iter() {
    ///     assert_eq!(AnyLogCode::from(*code).kind(), Some(code.kind()));
    /// }
    /// ```
    #[inline]
    pub const fn kind(self) -> Option<Kind> {
        // Ranges hold only their own kind's codes (validation sees to it), so a range answers
        // for known and unknown codes alike; a known code of a kind without a range is looked up.
        // The ranges are sorted and apart: the one that may hold the number is the last that
        // starts at or below it, found by counting (no branch on which range it is).
        // Entry 0 is a sentinel that starts at 0 and holds no kind, so there always is one.
        let mut starts = 0;
        let mut at = 1;
        while at < KIND_RANGES.len() {
            starts += (KIND_RANGES[at].0 <= self.0) as usize;
            at += 1;
        }
        let (_, last, kind) = KIND_RANGES[starts];
        if self.0 <= last && kind.is_some() {
            return kind;
        }
        // Every code lies in its kind's range: outside them all, no code is known.
        if !SOME_KIND_UNRANGED {
            return None;
        }
        match self.known() {
            Some(code) => Some(code.kind()),
            None => None,
        }
    }

    /// The title, when the code is known.
    #[inline]
    pub const fn title(self) -> Option<&'static str> {
        match self.known() {
            Some(code) => Some(code.title()),
            None => None,
        }
    }
}

impl From<u16> for AnyLogCode {
    #[inline]
    fn from(code: u16) -> Self {
        AnyLogCode(code)
    }
}

impl From<LogCode> for AnyLogCode {
    #[inline]
    fn from(code: LogCode) -> Self {
        AnyLogCode(code.code())
    }
}

impl From<AnyLogCode> for u16 {
    #[inline]
    fn from(code: AnyLogCode) -> u16 {
        code.0
    }
}

impl PartialEq<LogCode> for AnyLogCode {
    fn eq(&self, other: &LogCode) -> bool {
        self.0 == other.code()
    }
}

impl PartialEq<AnyLogCode> for LogCode {
    fn eq(&self, other: &AnyLogCode) -> bool {
        self.code() == other.0
    }
}

impl PartialEq<u16> for AnyLogCode {
    #[inline]
    fn eq(&self, other: &u16) -> bool {
        self.0 == *other
    }
}

impl PartialEq<AnyLogCode> for u16 {
    #[inline]
    fn eq(&self, other: &AnyLogCode) -> bool {
        *self == other.0
    }
}

/// Parses any number from 0 to 65535, or the name of a known code.
impl FromStr for AnyLogCode {
    type Err = UnknownName;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        match number(text) {
            Some(code) => Ok(AnyLogCode(code)),
            None => LogCode::from_name(text)
                .map(AnyLogCode::from)
                .ok_or_else(|| unknown(text)),
        }
    }
}

/// `AnyLogCode(NUMBER Name)`, or `AnyLogCode(NUMBER unknown)` for a number this version has no
/// code for.
impl fmt::Debug for AnyLogCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.known() {
            Some(code) => write!(f, "AnyLogCode({} {})", self.0, code.name()),
            None => write!(f, "AnyLogCode({} unknown)", self.0),
        }
    }
}

/// The number alone, as it appears in logs.
impl fmt::Display for AnyLogCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_number_has_the_kind_of_its_range_or_of_its_code() {
        for number in 0..=u16::MAX {
            let any = AnyLogCode::new(number);
            // The sentinel holds no kind.
            let ranged = KIND_RANGES
                .iter()
                .filter_map(|&(first, last, kind)| Some((first, last, kind?)))
                .find(|&(first, last, _)| (first..=last).contains(&number))
                .map(|(_, _, kind)| kind);
            let expected = ranged.or(LogCode::from_code(number).map(LogCode::kind));
            assert_eq!(any.kind(), expected, "{number}");
            if let (Some(code), Some(ranged)) = (LogCode::from_code(number), ranged) {
                assert_eq!(code.kind(), ranged, "a range holds only its own kind's codes");
            }
        }
    }

    #[test]
    fn counterparts_are_the_inverse_of_counterpart() {
        for &code in LogCode::ALL.iter() {
            let expected = || {
                (LogCode::ALL.iter())
                    .copied()
                    .filter(move |c| c.counterpart() == Some(code))
            };
            assert!(code.counterparts().eq(expected()), "{code}");
            assert_eq!(code.counterparts().len(), expected().count());
            assert!(code.counterparts().rev().eq(expected().rev()), "{code}");
            assert_eq!(
                code.counterpart().map(LogCode::code),
                COUNTERPARTS[code.position()]
            );
        }
    }

    #[test]
    fn every_code_round_trips_through_number_and_name() {
        for (position, &code) in LogCode::ALL.iter().enumerate() {
            assert_eq!(code.position(), position);
            assert_eq!(LogCode::from_code(code.code()), Some(code));
            assert_eq!(LogCode::from_name(code.name()), Some(code));
        }
    }

    /// The unsafe casts are sound: every number they accept is the discriminant of a variant,
    /// checked against the variants written out by path (`for_each_variant`, test builds only).
    #[test]
    fn from_code_agrees_with_the_variants() {
        let mut by_number = [None; 1 << 16];
        super::super::for_each_variant(|code| by_number[code as u16 as usize] = Some(code));
        for number in 0..=u16::MAX {
            assert_eq!(
                LogCode::from_code(number),
                by_number[number as usize],
                "{number}"
            );
        }
    }

    #[test]
    fn all_matches_the_variants() {
        let mut count = 0;
        super::super::for_each_variant(|code| {
            assert_eq!(LogCode::all()[count], code);
            assert_eq!(LogCode::ALL[count], code);
            count += 1;
        });
        assert_eq!(count, LogCode::all().len());
        assert_eq!(CODE_NUMBERS.len(), count);
    }

    #[test]
    fn numbers_between_and_around_codes_are_unknown() {
        let known = (0..=u16::MAX)
            .filter(|&n| LogCode::from_code(n).is_some())
            .count();
        assert_eq!(known, LogCode::ALL.len());
        assert_eq!(LogCode::from_name(""), None);
        assert_eq!(LogCode::from_name("successfullogin"), None);
    }

    /// Every near miss of every name (one byte changed, one dropped or added at either end) is
    /// unknown, unless it is another name: the word comparison and the empty slots (which point
    /// at position 0) never accept a wrong name.
    #[test]
    fn near_misses_of_names_are_unknown() {
        let expected = |text: &[u8]| {
            LogCode::ALL
                .into_iter()
                .find(|c| c.name().as_bytes() == text)
        };
        let mut buffer = [0u8; 64];
        for code in LogCode::ALL {
            let name = code.name().as_bytes();
            let len = name.len();
            let check = |text: &[u8]| {
                let text = core::str::from_utf8(text).unwrap();
                assert_eq!(
                    LogCode::from_name(text),
                    expected(text.as_bytes()),
                    "{text:?}"
                );
            };
            for at in 0..len {
                for byte in [b'x', b'A', b'0', name[at] ^ 0x20] {
                    buffer[..len].copy_from_slice(name);
                    buffer[at] = byte;
                    check(&buffer[..len]);
                }
            }
            check(&name[1..]);
            check(&name[..len - 1]);
            buffer[..len].copy_from_slice(name);
            buffer[len] = b'x';
            check(&buffer[..=len]);
            buffer[0] = b'x';
            buffer[1..=len].copy_from_slice(name);
            check(&buffer[..=len]);
        }
        for len in 0..64 {
            buffer[..len].fill(b'A');
            check_unknown(core::str::from_utf8(&buffer[..len]).unwrap());
        }
    }

    fn check_unknown(text: &str) {
        let known = LogCode::ALL.into_iter().any(|c| c.name() == text);
        assert_eq!(LogCode::from_name(text).is_some(), known, "{text:?}");
    }

    #[test]
    fn all_is_sorted_by_code() {
        assert!(LogCode::ALL.windows(2).all(|w| w[0].code() < w[1].code()));
    }
}
