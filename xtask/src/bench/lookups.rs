//! `bench lookups`: the generated crate's lookups against strum, `match`, `HashMap`, `FxHashMap`
//! and `phf` (criterion, in `crates/bench`).

use std::fs;
use std::path::Path;

use serde_json::Value;

use super::{cargo, criterion_medians};
use crate::Failure;

pub(super) const LOOKUP_GROUPS: [&str; 9] = [
    "code_to_enum",
    "code_to_kind",
    "name_to_enum",
    "enum_to_title",
    "enum_to_name",
    "enum_to_kind",
    "enum_to_group",
    "serde_record",
    "serde_record_words",
];

pub(super) fn run(root: &Path) -> Result<Value, Failure> {
    let _ = fs::remove_dir_all(crate::target_dir().join("criterion"));
    cargo(
        root,
        &["bench", "-p", "log-codes-bench", "--bench", "lookups"],
    )?;
    criterion_medians(&LOOKUP_GROUPS)
}
