//! Text cells (titles, descriptions, deprecation notes, translations): one line or several,
//! and no character that hides text or drives a terminal.

use super::*;

/// A text cell: `Some(None)` when empty and optional, `None` when invalid.
pub(super) fn text(
    row: &RowCells,
    column: Column,
    multiline: bool,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Option<String>> {
    let Some(cell) = row.get(column) else {
        return Some(None);
    };
    let rule = TextRule {
        header: column.header(),
        noun: column.noun(),
        index: row.columns.get(&column).copied(),
        required: column.required(),
        multiline,
    };
    text_cell(cell, &rule, diagnostics)
}

/// How to read one text cell, and how to speak of it.
pub(super) struct TextRule<'a> {
    /// The column's header, `title` or `title.tr`.
    pub(super) header: &'a str,
    /// What the cell holds, `title` or `` `tr` title ``.
    pub(super) noun: &'a str,
    /// The column's index, for [`TextRule::at`].
    pub(super) index: Option<usize>,
    pub(super) required: bool,
    pub(super) multiline: bool,
}

impl TextRule<'_> {
    /// `(column `title`, C)`, built only for a message.
    fn at(&self) -> String {
        let letter = self.index.map_or(String::new(), column_letter);
        format!("(column `{}`, {letter})", self.header)
    }
}

/// A text cell under `rule`: `Some(None)` when empty and optional, `None` when invalid.
pub(super) fn text_cell(
    cell: &Cell,
    rule: &TextRule,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Option<String>> {
    let value = crate::read::trimmed(&cell.value);
    let problem = if value.is_empty() {
        if !rule.required {
            return Some(None);
        }
        Some((
            format!("missing {}", rule.noun),
            format!("every code needs a {}", rule.noun),
        ))
    } else if rule.required && value.chars().all(invisible) {
        Some((
            format!("the {} has no visible character", rule.noun),
            format!(
                "write the {}; the cell holds only spaces or invisible characters",
                rule.noun
            ),
        ))
    } else if let Some(c) = value.chars().find(|&c| unsafe_char(c, rule.multiline)) {
        let what = if c == '\n' {
            "a line break".to_owned()
        } else {
            describe(c)
        };
        let help = if c == '\n' {
            format!("keep the {} on one line", rule.noun)
        } else {
            "delete the character; it is invisible in most editors and unsafe in generated code"
                .to_owned()
        };
        Some((format!("the {} contains {what}", rule.noun), help))
    } else {
        None
    };
    match problem {
        None => {
            if let Some(intended) = double_encoded(value) {
                diagnostics.push(
                    Diagnostic::warning(
                        cell.span.clone(),
                        format!(
                            "the {} looks double-encoded (UTF-8 read as Windows-1252) {}",
                            rule.noun,
                            rule.at()
                        ),
                    )
                    .label("garbled text")
                    .help(format!("did you mean `{intended}`? Retype the cell, or open the file as UTF-8 when importing it")),
                );
            }
            Some(Some(value.to_owned()))
        }
        Some((message, help)) => {
            diagnostics.push(
                Diagnostic::error(cell.span.clone(), format!("{message} {}", rule.at()))
                    .label(format!("invalid {}", rule.header))
                    .help(help),
            );
            None
        }
    }
}

/// Control characters (C0, DEL, C1) other than a line break where one is allowed; the
/// bidirectional overrides, isolates and marks (LRM, RLM, ALM) that can make code read
/// differently than it compiles; tag characters and interlinear annotations, which hide text;
/// and a byte order mark inside a cell.
pub(super) fn unsafe_char(c: char, multiline: bool) -> bool {
    (c.is_control() && !(multiline && c == '\n')) || hidden(c).is_some()
}

pub(super) fn describe(c: char) -> String {
    let kind = if c.is_control() {
        "control character"
    } else {
        hidden(c).unwrap_or("invisible character")
    };
    format!("the {kind} U+{:04X}", c as u32)
}
