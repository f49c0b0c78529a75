//! The log-codes generator: `codes.csv` text in, validated [`Table`] or [`Report`] out; table in,
//! file contents out. No disk I/O here: the `xtask` CLI (or another repo's `build.rs`) does that.
//!
//! Data flows one way: [`read`] → [`validate`] → [`model`] → [`render`].

pub mod canonical;
pub mod chars;
pub mod compat;
pub mod diagnostic;
pub mod locale;
pub mod model;
pub mod naming;
pub mod read;
pub mod render;
pub mod synthetic;
pub mod validate;

pub use diagnostic::{Diagnostic, Report, Severity};
pub use model::{Code, Coverage, Package, Table, Translation};
pub use render::{Artifact, RenderError, render_all};
pub use validate::Options;

/// Reads and validates a table. The table is `Some` exactly when the report has no errors; the
/// report may still hold warnings.
pub fn parse(bytes: &[u8]) -> (Option<Table>, Report) {
    parse_with(bytes, &Options::default())
}

/// [`parse`], with what a team requires beyond validity.
pub fn parse_with(bytes: &[u8], options: &Options) -> (Option<Table>, Report) {
    let (source, sheet, mut diagnostics) = read::read(bytes);
    let table = if sheet.records.is_empty() && !diagnostics.is_empty() {
        None
    } else {
        let (table, problems) = validate::validate(&sheet, options);
        // A cell whose quoting is broken has an unreliable value: its quoting diagnostic says
        // all there is to say.
        let broken: Vec<usize> = diagnostics.iter().map(|d| d.span.start).collect();
        diagnostics.extend(
            problems
                .into_iter()
                .filter(|p| !broken.contains(&p.span.start)),
        );
        table
    };
    diagnostics.sort_by_key(|d| d.span.start);
    let report = Report {
        source,
        diagnostics,
    };
    let table = table.filter(|_| !report.has_errors());
    (table, report)
}
