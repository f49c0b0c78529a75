//! Scratch crates outside the workspace, for the checks that build what the generator writes
//! (the corpus, the evolution test, the build benchmarks).

use std::fs;
use std::path::Path;

use crate::Failure;

/// A crate like `crates/log-codes`, generated from `table_csv`, a workspace of its own: the
/// generated module, a `lib.rs` that includes it, and the real crate's manifest (its features and
/// dependencies, so the two cannot differ) with a scratch version.
pub fn generated_crate(dir: &Path, table_csv: &Path) -> Result<(), Failure> {
    let _ = fs::remove_dir_all(dir);
    fs::create_dir_all(dir.join("src"))?;
    // The generated module is the whole crate; `lib.rs` only includes it. (The real `lib.rs`
    // is the crate's docs, whose examples a caller that needs them copies in.)
    fs::write(
        dir.join("src/lib.rs"),
        "//! A crate generated from one table.\n#![no_std]\n\ninclude!(\"generated.rs\");\n",
    )?;
    let real = crate::workspace_root().join("crates/log-codes/Cargo.toml");
    fs::write(
        dir.join("Cargo.toml"),
        scratch_manifest(&fs::read_to_string(&real)?)?,
    )?;
    let options = crate::Options {
        input: table_csv.to_path_buf(),
        out_dir: dir.to_path_buf(),
        ..crate::Options::workspace(crate::Mode::Write)
    };
    crate::generate(&options)?;
    Ok(())
}

/// The manifest of a scratch copy of the crate: the real manifest's name, edition, features and
/// dependencies, version `0.0.0`, unpublished, a workspace of its own.
fn scratch_manifest(real: &str) -> Result<String, Failure> {
    let real: toml::Table = toml::from_str(real)
        .map_err(|e| Failure::Other(format!("crates/log-codes/Cargo.toml: {e}")))?;
    let field = |table: &str, key: &str| real.get(table).and_then(|t| t.get(key)).cloned();
    let mut package = toml::Table::new();
    for key in ["name", "edition"] {
        if let Some(value) = field("package", key) {
            package.insert(key.to_owned(), value);
        }
    }
    package.insert("version".to_owned(), "0.0.0".into());
    package.insert("publish".to_owned(), false.into());
    let mut manifest = toml::Table::new();
    manifest.insert("package".to_owned(), package.into());
    for table in ["features", "dependencies"] {
        if let Some(value) = real.get(table) {
            manifest.insert(table.to_owned(), value.clone());
        }
    }
    manifest.insert("workspace".to_owned(), toml::Table::new().into());
    toml::to_string(&manifest).map_err(|e| Failure::Other(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_scratch_manifest_keeps_the_real_features_and_dependencies() {
        let real = fs::read_to_string(crate::workspace_root().join("crates/log-codes/Cargo.toml"))
            .unwrap();
        let scratch: toml::Table = toml::from_str(&scratch_manifest(&real).unwrap()).unwrap();
        let real: toml::Table = toml::from_str(&real).unwrap();
        assert_eq!(scratch["features"], real["features"]);
        assert_eq!(scratch["dependencies"], real["dependencies"]);
        assert_eq!(scratch["package"]["name"], real["package"]["name"]);
        assert_eq!(scratch["package"]["version"].as_str(), Some("0.0.0"));
        assert!(scratch["workspace"].as_table().unwrap().is_empty());
    }
}
