//! `docs/log-event-types.md`: the table as the documentation page it started as, for a VitePress
//! site and for GitHub-flavoured Markdown, and one page per translation
//! (`docs/tr/log-event-types.md`); and the code table the READMEs include.
//!
//! A translated page shows the English text, marked, where a cell has no translation, and says
//! at the top how many texts that is.
//!
//! Cell text is plain text, never markup: `markdown::escape` turns everything Markdown, GFM
//! tables, HTML and VitePress (Vue `{{ }}` interpolation, emoji shortcodes) would interpret into
//! escapes or entities, so a Markdown parser reads back exactly the table's text.

use std::fmt::Write as _;

use super::Artifact;
use super::page_text::{self, PageText};
use crate::locale::ENGLISH;
use crate::markdown::escape;
use crate::model::{Code, Package, Table, Word};

/// The directory of every page: its generated files belong to the docs target.
pub const DIR: &str = "docs";

/// Where the English page goes, relative to the crate.
pub const PATH: &str = "docs/log-event-types.md";

/// Where a locale's page goes: English at [`PATH`], a translation in a directory of its tag.
pub fn path(locale: &str) -> String {
    if locale == ENGLISH {
        PATH.to_owned()
    } else {
        format!("docs/{locale}/log-event-types.md")
    }
}

/// Renders the English page and one page per translation.
pub fn render(table: &Table, package: &Package) -> Vec<Artifact> {
    table
        .languages()
        .map(|locale| Artifact {
            path: path(locale),
            contents: page(table, package, locale),
        })
        .collect()
}

/// The page in `locale`: a title, links to the other languages, one sentence, then one section
/// per group headed by its display title (in the order of each group's first code), each with a Code | Title | Description
/// table in code order.
pub fn page(table: &Table, package: &Package, locale: &str) -> String {
    let own = page_text::for_locale(locale);
    let text = own.unwrap_or(&page_text::ENGLISH);
    // The chrome is Markdown written for the page; only the version and the table's text are
    // escaped.
    let mut out = format!("<!-- {} -->\n\n# {}\n\n", package.notice, text.title);
    languages(&mut out, table, locale);
    let intro = text.intro.replace("{version}", &escape(&package.version));
    let _ = writeln!(out, "{intro}\n");
    if own.is_none() {
        let _ = writeln!(
            out,
            "> The titles and descriptions below are in `{locale}`; the rest of this page is in \
             English.\n"
        );
    }
    let cells = Cells { locale, text };
    let untranslated = cells.untranslated(table);
    if untranslated > 0 {
        let note = (text.incomplete)
            .replace("{count}", &untranslated.to_string())
            .replace("{mark}", &format!("*{}*", text.untranslated));
        let _ = writeln!(out, "> {note}\n");
    }
    structure(&mut out, table, &cells);
    let [code_column, title_column, description_column] = text.columns;
    for (group, codes) in sections(table) {
        let _ = writeln!(out, "## {}\n", cells.heading(group));
        let _ = writeln!(
            out,
            "| {code_column} | {title_column} | {description_column} |\n|---|---|---|"
        );
        for code in &codes {
            let _ = writeln!(
                out,
                "| {} | {} | {} |",
                code_cell(code),
                cells.title(code),
                cells.description(code)
            );
        }
        out.push('\n');
        deprecations(&mut out, &codes, text.deprecated, locale != ENGLISH);
        counterparts(&mut out, &codes, text.counterparts);
    }
    out
}

/// The kinds' number ranges and the reserved numbers, when the table has them.
fn structure(out: &mut String, table: &Table, cells: &Cells) {
    let mut ranged: Vec<_> = (table.kinds.iter())
        .filter_map(|k| Some((k.range?, cells.heading(k))))
        .collect();
    ranged.sort_by_key(|(range, _)| *range);
    if !ranged.is_empty() {
        let _ = writeln!(out, "{}\n", cells.text.ranges);
        for (range, kind) in ranged {
            let _ = writeln!(out, "- {range}: {kind}");
        }
        out.push('\n');
    }
    if !table.reserved.is_empty() {
        let _ = writeln!(out, "{}\n", cells.text.reserved);
        for reserved in &table.reserved {
            let _ = writeln!(out, "- {}: {}", reserved.numbers, escape(&reserved.note));
        }
        out.push('\n');
    }
}

/// Each code of a section that is the counterpart of another, linked to it.
fn counterparts(out: &mut String, codes: &[&Code], heading: &str) {
    let paired: Vec<(u16, u16)> = (codes.iter())
        .filter_map(|c| Some((c.code, c.counterpart?)))
        .collect();
    if paired.is_empty() {
        return;
    }
    let _ = writeln!(out, "{heading}\n");
    for (code, of) in paired {
        let _ = writeln!(out, "- [{code}](#code-{code}) → [{of}](#code-{of})");
    }
    out.push('\n');
}

/// The cells of one locale's page: translated text, or the English text marked.
struct Cells<'a> {
    locale: &'a str,
    text: &'a PageText,
}

impl Cells<'_> {
    fn title(&self, code: &Code) -> String {
        if self.locale == ENGLISH {
            return escape(&code.title);
        }
        match code.translations.get(self.locale) {
            Some(translation) => escape(&translation.title),
            None => self.english(&code.title),
        }
    }

    fn description(&self, code: &Code) -> String {
        let Some(english) = &code.description else {
            return String::new();
        };
        if self.locale == ENGLISH {
            return escape(english);
        }
        let translated = code.translations.get(self.locale);
        match translated.and_then(|t| t.description.as_ref()) {
            Some(description) => escape(description),
            None => self.english(english),
        }
    }

    /// English text on a translated page: marked up as English, and visibly so.
    fn english(&self, text: &str) -> String {
        format!(
            "<span lang=\"en\">{}</span> *{}*",
            escape(text),
            self.text.untranslated
        )
    }

    /// How many titles and descriptions the page shows in English for want of a translation.
    fn untranslated(&self, table: &Table) -> usize {
        if self.locale == ENGLISH {
            return 0;
        }
        let coverage = table.coverage(self.locale);
        let headings = sections(table)
            .iter()
            .filter(|(group, _)| !group.translations.contains_key(self.locale))
            .count();
        (coverage.codes - coverage.titles) + (coverage.described - coverage.descriptions) + headings
    }

    /// A group's display title, as its section's heading.
    fn heading(&self, group: &Word) -> String {
        if self.locale == ENGLISH {
            return escape(&group.title);
        }
        match group.translations.get(self.locale) {
            Some(translation) => escape(&translation.title),
            None => self.english(&group.title),
        }
    }
}

/// `**English** · [Türkçe](tr/log-event-types.md)`: every page of the table, this one in bold.
fn languages(out: &mut String, table: &Table, current: &str) {
    if table.locales.is_empty() {
        return;
    }
    let up = if current == ENGLISH { "" } else { "../" };
    let links: Vec<String> = table
        .languages()
        .map(|locale| {
            let name = page_text::for_locale(locale).map_or(locale, |t| t.language);
            if locale == current {
                format!("**{name}**")
            } else {
                format!("[{name}]({up}{})", path(locale).trim_start_matches("docs/"))
            }
        })
        .collect();
    let _ = writeln!(out, "{}\n", links.join(" · "));
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
        deprecations(&mut out, &deprecated, page_text::ENGLISH.deprecated, false);
    }
    out
}

/// The deprecated codes of a section, each with its note, on lines of their own so the Title and
/// Description cells hold exactly the table's text. Notes are not translated: on a translated
/// page they are marked up as English.
fn deprecations(out: &mut String, codes: &[&Code], heading: &str, translated_page: bool) {
    let deprecated: Vec<&&Code> = codes.iter().filter(|c| c.deprecated.is_some()).collect();
    if deprecated.is_empty() {
        return;
    }
    let _ = writeln!(out, "{heading}\n");
    for code in deprecated {
        let note = escape(code.deprecated.as_deref().unwrap_or_default());
        let note = if translated_page {
            format!("<span lang=\"en\">{note}</span>")
        } else {
            note
        };
        let _ = writeln!(out, "- [{0}](#code-{0}): {note}", code.code);
    }
    out.push('\n');
}

/// The number, with an anchor to link to one code: `#code-2001`.
fn code_cell(code: &Code) -> String {
    format!("<a id=\"code-{0}\"></a>{0}", code.code)
}

/// The anchor a heading gets, near enough for both GitHub and VitePress to clash where this
/// does: lowercased, each run of other characters than letters and digits one `-`, none at
/// either end (`Directory Sync` → `directory-sync`).
pub fn anchor(heading: &str) -> String {
    let mut out = String::with_capacity(heading.len());
    for c in heading.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    if out.ends_with('-') {
        out.pop();
    }
    out
}

/// What a group heading's anchor would be confused with on a page: another anchor the page
/// already has (`code-2001` of a code, the page title's), if any.
pub fn anchor_clash(heading: &str) -> Option<String> {
    let anchor = anchor(heading);
    let code = anchor
        .strip_prefix("code-")
        .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()));
    if code {
        return Some(format!("the anchor `#{anchor}` of code {}", &anchor[5..]));
    }
    (page_text::all().iter())
        .find(|text| self::anchor(text.title) == anchor)
        .map(|text| {
            format!(
                "the anchor `#{anchor}` of the page title \"{}\"",
                text.title
            )
        })
}

/// The groups that have codes, in the order of their first code, each with its codes in code
/// order.
fn sections(table: &Table) -> Vec<(&Word, Vec<&Code>)> {
    // Groups are sorted by word: a code finds its group by binary search.
    let mut by_group: Vec<Option<usize>> = vec![None; table.groups.len()];
    let mut sections: Vec<(&Word, Vec<&Code>)> = Vec::new();
    for code in &table.codes {
        let Ok(group) = (table.groups).binary_search_by(|g| g.name.as_str().cmp(&code.group))
        else {
            continue;
        };
        let section = *by_group[group].get_or_insert_with(|| {
            sections.push((&table.groups[group], Vec::new()));
            sections.len() - 1
        });
        sections[section].1.push(code);
    }
    sections
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_and_anchors() {
        assert_eq!(anchor("Directory Sync"), "directory-sync");
        assert_eq!(anchor("MFA"), "mfa");
        assert_eq!(anchor(" E-posta doğrulaması!"), "e-posta-doğrulaması");
        assert!(anchor_clash("Code 2001").is_some());
        assert!(anchor_clash("log event types").is_some());
        assert!(anchor_clash("Code 2001 Event").is_none());
    }
}
