//! `docs/log-event-types.md`: the table as the documentation page it started as, for a VitePress
//! site and for GitHub-flavoured Markdown; and the code table the READMEs include.
//!
//! Cell text is plain text, never markup: [`escape`] turns everything Markdown, GFM tables,
//! HTML and VitePress (Vue `{{ }}` interpolation, emoji shortcodes) would interpret into escapes
//! or entities, so a Markdown parser reads back exactly the table's text.

use std::fmt::Write as _;

use super::{Artifact, GENERATED_NOTICE};
use crate::model::{Code, Package, Table};

/// Where the page goes, relative to the crate.
pub const PATH: &str = "docs/log-event-types.md";

/// Renders the page.
pub fn render(table: &Table, package: &Package) -> Artifact {
    Artifact {
        path: PATH,
        contents: page(table, package),
    }
}

/// The page: a title, one sentence, then one section per group (in the order of each group's
/// first code), each with a Code | Title | Description table in code order.
pub fn page(table: &Table, package: &Package) -> String {
    let mut out = format!("<!-- {GENERATED_NOTICE} -->\n\n# Log Event Types\n\n");
    let _ = writeln!(
        out,
        "Tenant log codes (version {}) are listed in the tables below, one per group.\n",
        escape(&package.version)
    );
    for group in groups_in_code_order(table) {
        let codes: Vec<&Code> = table.codes.iter().filter(|c| c.group == group).collect();
        let _ = writeln!(out, "## {}\n", heading(&group));
        out.push_str("| Code | Title | Description |\n|---|---|---|\n");
        for code in &codes {
            let _ = writeln!(
                out,
                "| {} | {} | {} |",
                code_cell(code),
                escape(&code.title),
                code.description.as_deref().map(escape).unwrap_or_default()
            );
        }
        out.push('\n');
        deprecations(&mut out, &codes);
    }
    out
}

/// One table of every code with its API name, kind and group, for the READMEs.
pub fn summary_table(table: &Table) -> String {
    let mut out = String::from("| Code | Name | Title | Kind | Group |\n|---|---|---|---|---|\n");
    for code in &table.codes {
        let _ = writeln!(
            out,
            "| {} | `{}` | {} | {} | {} |",
            code.code,
            code.name,
            escape(&code.title),
            escape(&code.kind),
            escape(&code.group)
        );
    }
    let deprecated: Vec<&Code> = table
        .codes
        .iter()
        .filter(|c| c.deprecated.is_some())
        .collect();
    if !deprecated.is_empty() {
        out.push('\n');
        deprecations(&mut out, &deprecated);
    }
    out
}

/// The deprecated codes of a section, each with its note, on lines of their own so the Title and
/// Description cells hold exactly the table's text.
fn deprecations(out: &mut String, codes: &[&Code]) {
    let deprecated: Vec<&&Code> = codes.iter().filter(|c| c.deprecated.is_some()).collect();
    if deprecated.is_empty() {
        return;
    }
    out.push_str("Deprecated:\n\n");
    for code in deprecated {
        let note = code.deprecated.as_deref().unwrap_or_default();
        let _ = writeln!(out, "- [{0}](#code-{0}): {1}", code.code, escape(note));
    }
    out.push('\n');
}

/// The number, with an anchor to link to one code: `#code-2001`.
fn code_cell(code: &Code) -> String {
    format!("<a id=\"code-{0}\"></a>{0}", code.code)
}

/// `directory_sync` → `Directory sync`: GitHub and VitePress both make it the anchor
/// `#directory-sync`.
pub fn heading(group: &str) -> String {
    let words = group.replace('_', " ");
    let mut chars = words.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// The anchor GitHub and VitePress give [`heading`]'s text.
pub fn anchor(group: &str) -> String {
    group.replace('_', "-")
}

fn groups_in_code_order(table: &Table) -> Vec<String> {
    let mut groups: Vec<String> = Vec::new();
    for code in &table.codes {
        if !groups.contains(&code.group) {
            groups.push(code.group.clone());
        }
    }
    groups
}

/// Plain text as Markdown that every target reads back as the same text: inline markup
/// characters are backslash-escaped, HTML-significant ones and Vue's braces become entities, and
/// a line break becomes `<br>` (a table row must stay on one line).
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '{' => out.push_str("&#123;"),
            '}' => out.push_str("&#125;"),
            '\n' => out.push_str("<br>"),
            '\\' | '`' | '*' | '_' | '[' | ']' | '|' | '~' | '$' | ':' | '#' | '!' | '^' | '@' => {
                out.push('\\');
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out
}

/// One line of plain text as a line of a Markdown document (a doc comment, a JSDoc block):
/// [`escape`], with the line's leading spaces dropped (four would start a code block, which
/// rustdoc compiles as a doctest) and a leading list, quote or heading marker escaped.
pub fn escape_line(line: &str) -> String {
    let line = line.trim_start();
    let mut out = escape(line);
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    if line.starts_with(['-', '+', '=']) {
        out.insert(0, '\\');
    } else if digits > 0 && matches!(line.as_bytes().get(digits), Some(b'.' | b')')) {
        out.insert(digits, '\\');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_and_anchors() {
        assert_eq!(heading("directory_sync"), "Directory sync");
        assert_eq!(anchor("directory_sync"), "directory-sync");
        assert_eq!(heading("mfa"), "Mfa");
    }

    #[test]
    fn line_starts_cannot_open_blocks() {
        assert_eq!(escape_line("    indented code"), "indented code");
        assert_eq!(escape_line("- item"), "\\- item");
        assert_eq!(escape_line("+ item"), "\\+ item");
        assert_eq!(escape_line("==="), "\\===");
        assert_eq!(escape_line("12. twelve"), "12\\. twelve");
        assert_eq!(escape_line("3) three"), "3\\) three");
        assert_eq!(escape_line("2001 login"), "2001 login");
        assert_eq!(escape_line("```rust"), "\\`\\`\\`rust");
    }

    #[test]
    fn escaping_leaves_plain_text_alone() {
        assert_eq!(
            escape("Failed Login (Invalid User)"),
            "Failed Login (Invalid User)"
        );
        assert_eq!(
            escape("AD/LDAP user synchronizing failed."),
            "AD/LDAP user synchronizing failed."
        );
        assert_eq!(
            escape("a|b <i>{{x}}</i>\nc"),
            "a\\|b &lt;i&gt;&#123;&#123;x&#125;&#125;&lt;/i&gt;<br>c"
        );
    }
}
