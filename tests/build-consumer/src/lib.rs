//! A crate with its own table of event codes, generated at build time by `log-codes-codegen`
//! and included from `OUT_DIR`.
#![no_std]
#![deny(missing_docs)]

/// The events of this crate's table (`table/events.csv`).
pub mod events {
    include!(concat!(env!("OUT_DIR"), "/src/generated.rs"));
}
