//! Every integration test of the crate in one binary: the helpers in `common` are compiled
//! once, and one link replaces one per file.

mod common;

mod compat;
mod corpus;
mod diagnostics;
mod docs_roundtrip;
mod properties;
mod reliability;
mod render_rust;
mod render_snapshots;
mod structure;
mod translations;
