//! Problems found in a table, located in the source text, and their rendering in cargo's style.

use std::fmt::Write as _;
use std::ops::Range;

#[cfg(feature = "render")]
use annotate_snippets::renderer::DecorStyle;
#[cfg(feature = "render")]
use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};

use crate::input::SheetName;

/// How bad a problem is: errors stop generation, warnings do not.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    /// The table cannot be generated until this is fixed.
    Error,
    /// Generation goes on, but the table probably says something unintended.
    Warning,
}

/// One problem, pointing at the cell (a byte range of the source text) it is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// The sheet the spans point into.
    pub sheet: SheetName,
    /// What is wrong, in one sentence.
    pub message: String,
    /// The cell (or part of the file) at fault.
    pub span: Range<usize>,
    /// A short label shown under the underlined cell.
    pub label: String,
    /// Another place that explains this one (the first row of a duplicate, say).
    pub related: Option<(Range<usize>, String)>,
    /// How to fix it.
    pub help: Option<String>,
}

impl Diagnostic {
    /// An error at `span`; add a label, help and related place with the builder methods.
    pub fn error(span: Range<usize>, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            sheet: SheetName::Codes,
            message: message.into(),
            span,
            label: String::new(),
            related: None,
            help: None,
        }
    }

    /// A warning at `span`.
    pub fn warning(span: Range<usize>, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(span, message)
        }
    }

    /// Places the problem (its span and related span) in `sheet`.
    pub fn in_sheet(mut self, sheet: SheetName) -> Self {
        self.sheet = sheet;
        self
    }

    /// Sets the label under the underlined cell.
    pub fn label(mut self, label: impl Into<String>) -> Self {
        self.label = label.into();
        self
    }

    /// Sets how to fix the problem.
    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Points at another place that explains this one.
    pub fn related(mut self, span: Range<usize>, label: impl Into<String>) -> Self {
        self.related = Some((span, label.into()));
        self
    }
}

/// The source text as diagnostics see it, with line and column lookup.
///
/// Invalid UTF-8 has been replaced (each bad sequence by U+FFFD) so that a file with encoding
/// errors can still be shown.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Source {
    text: String,
    line_starts: Vec<usize>,
}

impl Source {
    /// Indexes `text` for position lookups.
    pub fn new(text: String) -> Self {
        let line_starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        Source { text, line_starts }
    }

    /// The text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The 1-based line and 1-based character column of a byte offset.
    pub fn line_column(&self, offset: usize) -> (usize, usize) {
        let line = self.line_starts.partition_point(|&start| start <= offset) - 1;
        let start = self.line_starts[line];
        let column = self.text[start..offset.min(self.text.len())]
            .chars()
            .count()
            + 1;
        (line + 1, column)
    }
}

/// Every problem found in one table, with the sheets they point into.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    /// The source text of each sheet, by [`SheetName`] (empty for a sheet that does not exist).
    pub sources: [Source; 4],
    /// The problems, sheet by sheet, each in the order of its file.
    pub diagnostics: Vec<Diagnostic>,
}

impl Report {
    /// The source text of `sheet`.
    pub fn source(&self, sheet: SheetName) -> &Source {
        &self.sources[sheet as usize]
    }

    /// The 1-based line and column where `diagnostic` starts.
    pub fn line_column(&self, diagnostic: &Diagnostic) -> (usize, usize) {
        self.source(diagnostic.sheet)
            .line_column(diagnostic.span.start)
    }

    /// Whether any problem is an error (warnings alone do not stop generation).
    pub fn has_errors(&self) -> bool {
        self.diagnostics
            .iter()
            .any(|d| d.severity == Severity::Error)
    }

    /// `path:LINE:COLUMN: severity: message`, one line per problem: for tests and terse logs.
    /// `path` is the codes sheet's; the declaration sheets are beside it.
    pub fn summary(&self, path: &str) -> String {
        let mut out = String::new();
        for d in &self.diagnostics {
            let (line, column) = self.line_column(d);
            let path = d.sheet.beside(path);
            let severity = match d.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
            };
            let _ = writeln!(out, "{path}:{line}:{column}: {severity}: {}", d.message);
        }
        out
    }

    #[cfg(feature = "render")]
    /// Renders the first [`SHOWN`] problems as cargo does: the message, `--> path:LINE:COLUMN`,
    /// the line with the cell underlined, and help; then how many more of each kind there are,
    /// and a count. Each problem is rendered from its own lines only, so rendering stays linear
    /// in the size of the file, and unprintable characters are shown escaped. `path` is the codes
    /// sheet's; the declaration sheets are beside it.
    pub fn render(&self, path: &str, color: bool) -> String {
        let names = SheetName::ALL.map(|sheet| sheet.beside(path));
        self.render_sheets(&names, color)
    }

    /// [`Report::render`], each sheet named by `names` (by [`SheetName`]).
    #[cfg(feature = "render")]
    pub fn render_sheets(&self, names: &[String; 4], color: bool) -> String {
        let path = names[0].as_str();
        let renderer = if color {
            Renderer::styled()
        } else {
            Renderer::plain()
        }
        .decor_style(DecorStyle::Ascii);
        let mut out = String::new();
        for d in self.diagnostics.iter().take(SHOWN) {
            let level = match d.severity {
                Severity::Error => Level::ERROR,
                Severity::Warning => Level::WARNING,
            };
            let message = printable(&d.message);
            let label = printable(&d.label);
            let sheet_path = names[d.sheet as usize].clone();
            let source = self.source(d.sheet);
            let mut group: Group = level.primary_title(message.as_str()).element(excerpt(
                source,
                &sheet_path,
                &d.span,
                AnnotationKind::Primary,
                &label,
            ));
            let related = d
                .related
                .as_ref()
                .map(|(span, label)| (span, printable(label)));
            if let Some((span, label)) = &related {
                group = group.element(excerpt(
                    source,
                    &sheet_path,
                    span,
                    AnnotationKind::Context,
                    label,
                ));
            }
            let help = d.help.as_deref().map(printable);
            if let Some(help) = &help {
                group = group.element(Level::HELP.message(help.as_str()));
            }
            out.push_str(&renderer.render(&[group]));
            out.push_str("\n\n");
        }
        if self.diagnostics.len() > SHOWN {
            let mut more: Vec<(String, usize)> = Vec::new();
            for d in &self.diagnostics[SHOWN..] {
                let kind = kind_of(&d.message);
                match more.iter_mut().find(|(k, _)| *k == kind) {
                    Some((_, n)) => *n += 1,
                    None => more.push((kind, 1)),
                }
            }
            let _ = writeln!(
                out,
                "... and {} more problem{}, not shown:",
                self.diagnostics.len() - SHOWN,
                plural(self.diagnostics.len() - SHOWN)
            );
            for (kind, n) in more {
                let _ = writeln!(out, "  {n:>7} × {}", printable(&kind));
            }
            out.push('\n');
        }
        let errors = self
            .diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count();
        let warnings = self.diagnostics.len() - errors;
        let _ = writeln!(
            out,
            "{path}: {errors} error{}, {warnings} warning{}",
            plural(errors),
            plural(warnings)
        );
        out
    }
}

/// The lines of `source` that `span` covers, as a snippet numbered from their first line.
#[cfg(feature = "render")]
fn excerpt<'a>(
    source: &Source,
    path: &'a str,
    span: &Range<usize>,
    kind: AnnotationKind,
    label: &'a str,
) -> Snippet<'a, annotate_snippets::Annotation<'a>> {
    let text = source.text();
    let span = clamp(span, text);
    let (first, _) = source.line_column(span.start);
    let (last, _) = source.line_column(span.end);
    let start = source.line_starts[first - 1];
    let end = source
        .line_starts
        .get(last)
        .map_or(text.len(), |&next| next - 1);
    let lines = shown_source(&text[start..end.max(span.end).min(text.len())]);
    Snippet::source(lines)
        .line_start(first)
        .path(path)
        .fold(true)
        .annotation(kind.span(span.start - start..span.end - start).label(label))
}

/// How many problems [`Report::render`] shows in full.
pub const SHOWN: usize = 100;

/// A problem's message with its particulars (quoted values, numbers) left out, to count problems
/// of one kind: "code `x` is not a number (column `code`, A)" → "code `…` is not a number".
fn kind_of(message: &str) -> String {
    let message = message.split(" (column").next().unwrap_or(message);
    let mut out = String::new();
    let mut quoted = false;
    for c in message.chars() {
        match c {
            '`' => {
                if !quoted {
                    out.push_str("`…`");
                }
                quoted = !quoted;
            }
            _ if quoted => {}
            '0'..='9' => {
                if !out.ends_with('N') {
                    out.push('N');
                }
            }
            _ => out.push(c),
        }
    }
    out
}

/// Text for a terminal: control characters (an escape sequence could clear the screen or forge
/// a line) and bidirectional controls written as `\u{1b}`, everything else as it is.
pub fn printable(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if is_unprintable(c) {
            out.push_str(&c.escape_unicode().to_string());
        } else {
            out.push(c);
        }
    }
    out
}

fn is_unprintable(c: char) -> bool {
    (c.is_control() && !matches!(c, '\n' | '\r')) || crate::chars::hidden(c).is_some()
}

/// The source as shown under a diagnostic: each byte of an unprintable character shown as `?`,
/// so every span still points at its cell.
fn shown_source(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if is_unprintable(c) {
            (0..c.len_utf8()).for_each(|_| out.push('?'));
        } else {
            out.push(c);
        }
    }
    out
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// Keeps a span inside the text and on character boundaries, so rendering never panics.
fn clamp(span: &Range<usize>, text: &str) -> Range<usize> {
    let floor = |mut i: usize| {
        i = i.min(text.len());
        while !text.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    let start = floor(span.start);
    start..floor(span.end).max(start)
}

/// A spreadsheet column letter: 0 → `A`, 25 → `Z`, 26 → `AA`.
pub fn column_letter(index: usize) -> String {
    let mut n = index + 1;
    let mut letters = Vec::new();
    while n > 0 {
        let rem = (n - 1) % 26;
        letters.push(b'A' + rem as u8);
        n = (n - 1) / 26;
    }
    letters.reverse();
    String::from_utf8(letters).expect("ASCII letters")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_letters_follow_spreadsheets() {
        let letters: Vec<_> = [0, 2, 25, 26, 27, 51, 52, 701, 702]
            .into_iter()
            .map(column_letter)
            .collect();
        assert_eq!(
            letters,
            ["A", "C", "Z", "AA", "AB", "AZ", "BA", "ZZ", "AAA"]
        );
    }

    #[test]
    fn line_and_column_count_characters() {
        let source = Source::new("a,b\nçé,x\n".to_owned());
        assert_eq!(source.line_column(0), (1, 1));
        assert_eq!(source.line_column(2), (1, 3));
        assert_eq!(source.line_column(4), (2, 1));
        assert_eq!(source.line_column(9), (2, 4));
    }
}
