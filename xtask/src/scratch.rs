//! Scratch crates outside the workspace, for the checks that build what the generator writes
//! (the corpus, the evolution test, the build benchmarks).

use std::fs;
use std::path::Path;

use crate::Failure;

/// A crate like `crates/log-codes`, generated from `table_csv`, a workspace of its own: the
/// generated module and a `lib.rs` that includes it.
pub fn generated_crate(dir: &Path, table_csv: &Path) -> Result<(), Failure> {
    let _ = fs::remove_dir_all(dir);
    fs::create_dir_all(dir.join("src"))?;
    // The generated module is the whole crate; `lib.rs` only includes it.
    fs::write(
        dir.join("src/lib.rs"),
        "//! A crate generated from one table.\n#![no_std]\n\ninclude!(\"generated.rs\");\n",
    )?;
    fs::write(
        dir.join("Cargo.toml"),
        "[package]\nname = \"log-codes\"\nversion = \"0.0.0\"\nedition = \"2021\"\npublish = false\n\n[features]\nserde = [\"dep:serde\"]\n\n[dependencies]\nserde = { version = \"1\", optional = true, default-features = false }\n\n[workspace]\n",
    )?;
    let options = crate::Options {
        input: table_csv.to_path_buf(),
        out_dir: dir.to_path_buf(),
        ..crate::Options::workspace(crate::Mode::Write)
    };
    crate::generate(&options)?;
    Ok(())
}
