//! Every integration test of the crate in one binary: the helpers in `common` are compiled
//! once, and one link replaces one per file.

mod common;

mod atomic;
mod cli;
mod edit;
mod filesystem;
mod generate;
mod guard;
mod packaging;
