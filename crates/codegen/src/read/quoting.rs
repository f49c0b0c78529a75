//! RFC 4180 quoting of one raw field, which `csv-core` does not check: either no quotes at all,
//! or quoted as a whole with inner quotes doubled.

use std::ops::Range;

use crate::diagnostic::Diagnostic;

pub(super) enum QuotingProblem {
    Unclosed,
    TextAfterClosingQuote(usize),
    QuoteInUnquotedCell(usize),
}

impl QuotingProblem {
    pub(super) fn at(self, raw: &str, span: Range<usize>) -> Diagnostic {
        match self {
            QuotingProblem::Unclosed => Diagnostic::error(
                span.start..span.start + 1,
                "this quote is never closed, so the rest of the file was read as one cell",
            )
            .label("opened here")
            .help("close the quoted cell with `\"`; a quote inside it is written twice (`\"\"`)"),
            QuotingProblem::TextAfterClosingQuote(at) => Diagnostic::error(
                span.clone(),
                "malformed quoting: text follows the closing quote of this cell",
            )
            .label(format!("`{}` follows the closing quote", &raw[at + 1..]))
            .help("a quote inside a quoted cell is written twice: `\"5\"\" disk\"`"),
            QuotingProblem::QuoteInUnquotedCell(at) if raw[..at].trim().is_empty() => {
                Diagnostic::error(
                    span.clone(),
                    "malformed quoting: spaces before the opening quote of a cell that holds a separator or a line break",
                )
                .label("the cell was split here")
                .help("delete the spaces between the separator and `\"`")
            }
            QuotingProblem::QuoteInUnquotedCell(at) => Diagnostic::error(
                span.clone(),
                "malformed quoting: a quote inside a cell that is not quoted",
            )
            .label(format!("quote after `{}`", &raw[..at]))
            .help("quote the whole cell and write the inner quote twice: `\"5\"\" disk\"`"),
        }
    }
}

/// Checks a raw cell against RFC 4180: either no quotes at all, or quoted as a whole with inner
/// quotes doubled.
pub(super) fn quoting_problem(raw: &str) -> Option<QuotingProblem> {
    let Some(inner) = raw.strip_prefix('"') else {
        return raw.find('"').map(QuotingProblem::QuoteInUnquotedCell);
    };
    let bytes = inner.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'"' {
            if bytes.get(i + 1) == Some(&b'"') {
                i += 2;
                continue;
            }
            return (i + 1 != bytes.len()).then_some(QuotingProblem::TextAfterClosingQuote(i + 1));
        }
        i += 1;
    }
    // No closing quote: csv-core swallowed everything to the end of the input.
    Some(QuotingProblem::Unclosed)
}
