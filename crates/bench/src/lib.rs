//! The alternatives the benchmarks compare the generated crate with (written by `build.rs` from
//! `codes.csv`), and reproducible inputs: 70% known and 30% unknown values.

#![allow(missing_docs)]

use std::collections::HashMap;

use log_codes::LogCode;
use rustc_hash::FxHashMap;

include!(concat!(env!("OUT_DIR"), "/alternatives.rs"));

/// The small input the branch predictor learns, and the large random one.
pub const HOT: usize = 1024;
pub const RANDOM: usize = 65_536;

/// A fixed-seed generator (SplitMix64), so every run measures the same inputs.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    /// True with probability 7/10.
    pub fn known(&mut self) -> bool {
        self.below(10) < 7
    }
}

/// `len` numbers: 70% known codes, 30% numbers no code has.
pub fn code_inputs(len: usize) -> Vec<u16> {
    let mut rng = Rng::new(1);
    (0..len)
        .map(|_| {
            if rng.known() {
                LogCode::ALL[rng.below(LogCode::ALL.len())].code()
            } else {
                loop {
                    let n = rng.next_u64() as u16 % 5000;
                    if LogCode::from_code(n).is_none() {
                        break n;
                    }
                }
            }
        })
        .collect()
}

/// `len` names: 70% known, 30% near misses (a known name with one letter changed).
pub fn name_inputs(len: usize) -> Vec<String> {
    let mut rng = Rng::new(2);
    (0..len)
        .map(|_| {
            let name = LogCode::ALL[rng.below(LogCode::ALL.len())].name();
            if rng.known() {
                name.to_owned()
            } else {
                let mut bytes = name.as_bytes().to_vec();
                let at = rng.below(bytes.len());
                bytes[at] = if bytes[at] == b'x' { b'y' } else { b'x' };
                String::from_utf8(bytes).unwrap()
            }
        })
        .collect()
}

/// `len` known codes, in random order.
pub fn variant_inputs(len: usize) -> Vec<LogCode> {
    let mut rng = Rng::new(3);
    (0..len)
        .map(|_| LogCode::ALL[rng.below(LogCode::ALL.len())])
        .collect()
}

/// The same picks as [`variant_inputs`], as the dense enum.
pub fn dense_inputs(len: usize) -> Vec<DenseCode> {
    let mut rng = Rng::new(3);
    (0..len)
        .map(|_| DENSE_ALL[rng.below(DENSE_ALL.len())])
        .collect()
}

/// `len` JSON log records with known codes.
pub fn record_inputs(len: usize) -> Vec<String> {
    variant_inputs(len)
        .into_iter()
        .map(|c| format!(r#"{{"code":{},"message":"user 42"}}"#, c.code()))
        .collect()
}

/// `len` JSON log records with known codes, with their kind and group words.
pub fn word_record_inputs(len: usize) -> Vec<String> {
    variant_inputs(len)
        .into_iter()
        .map(|c| {
            format!(
                r#"{{"code":{},"kind":"{}","group":"{}","message":"user 42"}}"#,
                c.code(),
                c.kind(),
                c.group()
            )
        })
        .collect()
}

pub fn hash_map_by_code() -> HashMap<u16, LogCode> {
    LogCode::ALL.iter().map(|&c| (c.code(), c)).collect()
}

pub fn fx_map_by_code() -> FxHashMap<u16, LogCode> {
    LogCode::ALL.iter().map(|&c| (c.code(), c)).collect()
}

pub fn hash_map_by_name() -> HashMap<&'static str, LogCode> {
    LogCode::ALL.iter().map(|&c| (c.name(), c)).collect()
}

pub fn fx_map_by_name() -> FxHashMap<&'static str, LogCode> {
    LogCode::ALL.iter().map(|&c| (c.name(), c)).collect()
}

pub fn binary_search(code: u16) -> Option<LogCode> {
    SORTED
        .binary_search_by_key(&code, |&(c, _)| c)
        .ok()
        .map(|i| SORTED[i].1)
}

/// A log record as a consumer would define it, forward compatible.
#[derive(serde::Deserialize)]
pub struct Record {
    pub code: log_codes::AnyLogCode,
    pub message: String,
}

/// A record with the kind and group: the generated owned types, forward compatible and
/// `DeserializeOwned` (words kept inline).
#[derive(serde::Deserialize)]
pub struct WordRecord {
    pub code: log_codes::AnyLogCode,
    pub kind: log_codes::AnyKind,
    pub group: log_codes::AnyGroup,
    pub message: String,
}

/// The same with the words borrowed from the input: no copy, but not `DeserializeOwned`.
#[derive(serde::Deserialize)]
pub struct BorrowedWordRecord<'a> {
    pub code: log_codes::AnyLogCode,
    pub kind: &'a str,
    pub group: &'a str,
    pub message: String,
}

/// The same with the words as `String`s: owned, one allocation each.
#[derive(serde::Deserialize)]
pub struct StringWordRecord {
    pub code: log_codes::AnyLogCode,
    pub kind: String,
    pub group: String,
    pub message: String,
}

/// The same with a serde_repr code (which cannot hold a newer one) and `String` words.
#[derive(serde::Deserialize)]
pub struct ReprWordRecord {
    pub code: StrumCode,
    pub kind: String,
    pub group: String,
    pub message: String,
}

/// The same record with a serde_repr enum: it cannot hold a newer code.
#[derive(serde::Deserialize)]
pub struct ReprRecord {
    pub code: StrumCode,
    pub message: String,
}

pub use log_codes_codegen::synthetic::synthetic_table;

#[cfg(test)]
mod tests {
    use super::*;

    /// Every alternative answers like the generated code, so the benchmarks compare equals.
    #[test]
    fn alternatives_agree_with_the_generated_code() {
        let by_code = (hash_map_by_code(), fx_map_by_code());
        for code in code_inputs(4096).into_iter().chain(0..=5000) {
            let expected = LogCode::from_code(code);
            assert_eq!(match_from_code(code), expected);
            assert_eq!(binary_search(code), expected);
            assert_eq!(by_code.0.get(&code).copied(), expected);
            assert_eq!(by_code.1.get(&code).copied(), expected);
            assert_eq!(PHF_BY_CODE.get(&code).copied(), expected);
            assert_eq!(
                StrumCode::from_repr(code).map(|s| s as u16),
                expected.map(LogCode::code)
            );
        }
        let by_name = (hash_map_by_name(), fx_map_by_name());
        for name in name_inputs(4096) {
            let expected = name.parse::<LogCode>().ok();
            assert_eq!(match_from_name(&name), expected);
            assert_eq!(by_name.0.get(name.as_str()).copied(), expected);
            assert_eq!(by_name.1.get(name.as_str()).copied(), expected);
            assert_eq!(PHF_BY_NAME.get(name.as_str()).copied(), expected);
            let strum: Option<StrumCode> = name.parse().ok();
            assert_eq!(strum.map(|s| s as u16), expected.map(LogCode::code));
        }
        for (code, dense) in variant_inputs(512).into_iter().zip(dense_inputs(512)) {
            assert_eq!(code.title(), match_title(code));
            assert_eq!(code.title(), DENSE_TITLES[dense as usize]);
            assert_eq!(code.name(), match_name(code));
            assert_eq!(code.name(), DENSE_NAMES[dense as usize]);
            assert_eq!(code.kind(), match_kind(code));
            assert_eq!(code.kind(), DENSE_KINDS[dense as usize]);
            assert_eq!(code.group(), match_group(code));
            assert_eq!(code.group(), DENSE_GROUPS[dense as usize]);
        }
        for json in word_record_inputs(64) {
            let ours: WordRecord = serde_json::from_str(&json).unwrap();
            let borrowed: BorrowedWordRecord = serde_json::from_str(&json).unwrap();
            let strings: StringWordRecord = serde_json::from_str(&json).unwrap();
            let repr: ReprWordRecord = serde_json::from_str(&json).unwrap();
            assert_eq!(ours.kind.as_str(), borrowed.kind);
            assert_eq!(ours.group.as_str(), strings.group);
            assert_eq!(ours.code.get(), repr.code as u16);
        }
        for json in record_inputs(64) {
            let ours: Record = serde_json::from_str(&json).unwrap();
            let theirs: ReprRecord = serde_json::from_str(&json).unwrap();
            assert_eq!(ours.code.get(), theirs.code as u16);
            assert_eq!(ours.message, theirs.message);
        }
    }
}
