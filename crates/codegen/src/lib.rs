//! The log-codes generator: a table of log event codes (`codes.csv`, with its declared kinds and
//! groups in `kinds.csv` and `groups.csv`) in; a Rust module, an npm package, a JSON file with its
//! schema and docs pages out, all saying the same thing, or every problem of the table at once.
//!
//! One front door: a [`Config`] says what to render, [`Config::generate`] takes the [`Sources`]
//! and gives the files ([`Generated`]) or the diagnostics ([`Error`], which prints them as cargo
//! does). `cargo xtask gen` uses it; so can any repository's build script:
//!
//! ```no_run
//! // build.rs of a crate with `table/events.csv`, `table/kinds.csv` and `table/groups.csv`,
//! // and `log-codes-codegen` in its [build-dependencies].
//! use std::path::Path;
//!
//! use log_codes_codegen::{Config, Serde, Sources, Target};
//!
//! fn main() -> Result<(), Box<dyn std::error::Error>> {
//!     let sources = Sources::for_build_script(Path::new("table/events.csv"))?;
//!     let generated = Config::new()
//!         .targets(&[Target::Rust])
//!         .generated_by("build.rs")
//!         .rust_path("my_crate::events")
//!         .serde(Serde::Never)
//!         .generate(&sources)?;
//!     generated.write_for_build_script(Path::new(&std::env::var("OUT_DIR")?))?;
//!     Ok(())
//! }
//! ```
//!
//! and in the crate, `pub mod events { include!(concat!(env!("OUT_DIR"), "/src/generated.rs")); }`
//! gives `events::LogCode`, `AnyLogCode`, `Kind`, `Group` and `Locale` with the API of the
//! `log-codes` crate (which is made exactly this way, from this repository's table).
//!
//! The same, run here on a table given in code:
//!
//! ```
//! use log_codes_codegen::{Config, SheetName, Sources, Target};
//!
//! let codes = "code,name,title,kind,group\n10,UserInvited,User Invited,success,team\n";
//! let sources = Sources::new("events.csv", codes.into())
//!     .with(SheetName::Kinds, b"kind,title\nsuccess,Success\n".to_vec())
//!     .with(SheetName::Groups, b"group,title\nteam,Team\n".to_vec());
//! let generated = Config::new().targets(&[Target::Rust]).generate(&sources)?;
//! assert_eq!(generated.table.codes[0].name, "UserInvited");
//! assert!(generated.file("src/generated.rs").unwrap().contains("UserInvited = 10"));
//!
//! // A typo is refused with every problem at its cell.
//! let typo = Sources::new("events.csv", codes.replace("success,team", "sucess,team").into())
//!     .with(SheetName::Kinds, b"kind,title\nsuccess,Success\n".to_vec())
//!     .with(SheetName::Groups, b"group,title\nteam,Team\n".to_vec());
//! let error = Config::new().generate(&typo).unwrap_err();
//! assert!(error.to_string().contains("events.csv:2:"));
//! assert!(error.to_string().contains("did you mean `success`?"));
//! # Ok::<(), log_codes_codegen::Error>(())
//! ```
//!
//! Besides the front door: the [`model`] of a valid table, [`compat`] (classify the changes
//! between two tables or JSON files) and [`canonical`] (the one canonical form of the sheets).
//! Data flows one way inside: read → validate → model → render; no disk I/O but the two
//! build-script helpers.
#![deny(missing_docs)]
// Without the `render` feature (the command-line tool reads and validates tables, renders
// nothing) the renderers' helpers go unused.
#![cfg_attr(not(feature = "render"), allow(dead_code, unused_imports))]

pub mod canonical;
mod chars;
pub mod compat;
#[cfg(feature = "render")]
mod config;
mod diagnostic;
pub mod escape;
mod input;
mod locale;
mod location;
mod markdown;
pub mod model;
mod naming;
pub mod numbering;
mod pipeline;
mod read;
mod render;
mod schema;
#[doc(hidden)]
pub mod synthetic;
#[doc(hidden)]
pub mod testing;
mod validate;

#[cfg(feature = "render")]
pub use config::{Config, Error, Generated, NamedSheet, Serde, Sources, Target};
pub use diagnostic::{Diagnostic, Report, Severity, Source};
pub use input::{Input, SheetName, SheetTexts};
pub use location::Location;
pub use model::{Code, Coverage, Package, Table, Translation, Word};
pub use render::{Artifact, RenderError};
