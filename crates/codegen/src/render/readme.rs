//! The READMEs of the crate (shown on crates.io) and of the npm package: hand-written prose from
//! `crates/codegen/templates/`, with the code table generated in place of `<!-- codes -->`.

use super::{Artifact, docs};
use crate::model::{Package, Table};

const MARKER: &str = "<!-- codes -->";
const TEMPLATES: [(&str, &str); 2] = [
    ("README.md", include_str!("../../templates/crate-README.md")),
    (
        "ts/README.md",
        include_str!("../../templates/npm-README.md"),
    ),
];

/// Renders both READMEs.
pub fn render(table: &Table, package: &Package) -> Vec<Artifact> {
    let codes = docs::summary_table(table);
    TEMPLATES
        .iter()
        .map(|&(path, template)| {
            debug_assert!(template.contains(MARKER), "{path} template has no {MARKER}");
            Artifact {
                path: path.to_owned(),
                contents: format!(
                    "<!-- {} (prose: crates/codegen/templates) -->\n\n{}",
                    package.notice,
                    template.replace(MARKER, &codes)
                ),
            }
        })
        .collect()
}
