//! Tenant log event codes as a Rust enum: each code of the table is a variant of [`LogCode`] (the
//! README lists them), with its number, title, description, [`Kind`] and [`Group`].
//!
//! The enum and its tables are generated from the project's `codes.csv` by `cargo xtask gen`;
//! this crate is plain committed code with no build script and no required dependency, and it is
//! `no_std`.
//!
//! # From a number, a name, or a record
//!
//! The examples take their codes from the table, so they hold whatever it holds.
//!
//! ```
//! use log_codes::{Group, LogCode};
//!
//! let code = LogCode::ALL.into_iter().last().unwrap();
//! let number = code.code();
//! assert_eq!(LogCode::from_code(number), Some(code));
//! println!("{}: {}", code.title(), code.description().unwrap_or_default());
//! println!("a {} code of the group {}", code.kind(), code.group());
//!
//! assert_eq!(code.name().parse::<LogCode>(), Ok(code));
//! assert_eq!(u16::from(code), number);
//! assert_eq!(LogCode::try_from(number), Ok(code));
//!
//! // As `http::StatusCode` does: the number parses too, and codes compare with numbers.
//! assert_eq!(number.to_string().parse::<LogCode>(), Ok(code));
//! assert!(code == number);
//!
//! // A number no code has: `None`, never a panic.
//! let unused = (0..=u16::MAX).find(|&n| LogCode::from_code(n).is_none()).unwrap();
//! assert!(LogCode::try_from(unused).is_err());
//!
//! let same_group = LogCode::ALL.iter().filter(|c| c.group() == code.group()).count();
//! assert!(same_group >= 1);
//! println!("{} ({same_group} codes)", Group::title(code.group()));
//! ```
//!
//! # Codes newer than this crate
//!
//! A log written by a newer system may carry a code this version does not know. Read such
//! numbers as [`AnyLogCode`]: it keeps the number, and tells you whether it is known.
//!
//! ```
//! use log_codes::{AnyLogCode, LogCode};
//!
//! let newer = (0..=u16::MAX).find(|&n| LogCode::from_code(n).is_none()).unwrap();
//! let first = LogCode::ALL.into_iter().next().unwrap();
//! for number in [first.code(), newer] {
//!     let code = AnyLogCode::new(number);
//!     match code.known() {
//!         Some(known) => assert_eq!(known, first),
//!         None => assert_eq!(code.to_string(), newer.to_string()),
//!     }
//! }
//! ```
//!
//! Kind and group words read from data work the same way with [`AnyKind`] and [`AnyGroup`],
//! which own an unknown word (inline, at most 32 bytes, no allocator): a record of these types
//! deserializes from any reader (`serde_json::from_reader`, `from_value`) and outlives its input.
//!
//! # Titles in other languages
//!
//! The table translates titles and descriptions into each [`Locale`] besides English.
//! [`LogCode::title_in`] and [`LogCode::description_in`] fall back to English cell by cell;
//! [`LogCode::translated_title`] and [`LogCode::translated_description`] say whether a
//! translation exists, to mark English text shown in its place.
//!
//! ```
//! use log_codes::{Locale, LogCode};
//!
//! // From a user's preferences: the table's Turkish when it has it, else English.
//! let locale = Locale::lookup("tr-TR");
//! let code = LogCode::ALL.into_iter().next().unwrap();
//! let shown = code.title_in(locale);
//! assert_eq!(shown, code.translated_title(locale).unwrap_or(code.title()));
//! assert_eq!(code.title_in(Locale::En), code.title());
//! assert_eq!(locale.tag().parse::<Locale>(), Ok(locale));
//!
//! // Kinds and groups have display titles too.
//! println!("{}: {shown}", code.group().title_in(locale));
//! ```
//!
//! # Features
//!
//! - `serde`: [`LogCode`] and [`AnyLogCode`] (de)serialize as their number, [`Kind`], [`Group`],
//!   [`AnyKind`] and [`AnyGroup`] as their snake_case word, [`Locale`] as its tag. The impls are
//!   written out by hand, so the feature pulls in `serde` without `serde_derive` or `syn`.
#![no_std]
#![deny(missing_docs, unsafe_code)]

// The README's example is compiled and run as a doctest, so it stays true of any table.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;

// The enums, their data and the runtime, as the generator writes them for any build script.
include!("generated.rs");
