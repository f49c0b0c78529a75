//! The tool's integration tests, one binary.

mod check;
mod scan;
