//! The READMEs of the crate (shown on crates.io) and of the npm package: hand-written prose from
//! `crates/codegen/templates/`, with the code table generated in place of `<!-- codes -->`, and
//! the examples' codes taken from the table (`{{a.code}}`, `{{b.name}}`, `{{b.kind}}`: its first
//! and last active codes), so an example, which the crate's doctests run, is true of any table.

use super::{Artifact, docs};
use crate::model::{Code, Package, Table};
use crate::naming;

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
                    with_examples(&template.replace(MARKER, &codes), table)
                ),
            }
        })
        .collect()
}

/// `template` with its example placeholders filled: `a` is the table's first active code, `b` its
/// last (a table has a code; when none is active, its first and last). Names and kinds are
/// identifiers and codes numbers, so nothing needs escaping in Markdown or code.
fn with_examples(template: &str, table: &Table) -> String {
    let active: Vec<&Code> = table
        .codes
        .iter()
        .filter(|c| c.deprecated.is_none())
        .collect();
    let pool: Vec<&Code> = if active.is_empty() {
        table.codes.iter().collect()
    } else {
        active
    };
    let (Some(a), Some(b)) = (pool.first(), pool.last()) else {
        return template.to_owned();
    };
    let mut out = template.to_owned();
    for (key, code) in [("a", a), ("b", b)] {
        out = out
            .replace(&format!("{{{{{key}.code}}}}"), &code.code.to_string())
            .replace(&format!("{{{{{key}.name}}}}"), &code.name)
            .replace(&format!("{{{{{key}.kind}}}}"), &naming::variant(&code.kind));
    }
    out
}
