//! The report for a terminal. Every text from the table or the inputs goes through
//! `escape::terminal`, so no file name or note can move the cursor or forge a line.

use std::fmt::Write as _;

use log_codes_codegen::escape::terminal;

use super::{Report, Verdict};
use crate::tally::Findings;

/// Items of a list shown before "and N more".
const SHOWN: usize = 20;

pub fn render(report: &Report) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "log-codes check: {} lines from {} input{}, field `{}`, table {} ({})",
        report.lines,
        report.inputs.len(),
        if report.inputs.len() == 1 { "" } else { "s" },
        terminal(&report.field),
        terminal(&report.table_version),
        terminal(&report.table_source),
    );
    let _ = writeln!(
        out,
        "events: {} with a code; coverage: {} of {} active codes seen ({:.1} %)",
        report.events,
        report.coverage.seen,
        report.coverage.active,
        100.0 * report.coverage.ratio()
    );
    let kinds: Vec<String> = (report.kinds.iter())
        .map(|(k, n)| format!("{} {n}", terminal(k)))
        .collect();
    let _ = writeln!(out, "by kind: {}", kinds.join(", "));
    let groups: Vec<String> = (report.groups.iter())
        .map(|g| {
            format!(
                "{} {} ({}/{})",
                terminal(&g.group),
                g.count,
                g.coverage.seen,
                g.coverage.active
            )
        })
        .collect();
    let _ = writeln!(out, "by group: {}", groups.join(", "));
    let unknown: Vec<String> = (report.unknown())
        .map(|s| {
            let kind = s.kind.as_deref().map_or("no kind".to_owned(), terminal);
            format!("{} ×{} ({kind})", s.code, s.count)
        })
        .collect();
    list(&mut out, "unknown codes", &unknown);
    let deprecated: Vec<String> = (report.deprecated())
        .map(|s| {
            let name = s.name.as_deref().map(terminal).unwrap_or_default();
            let note = s
                .deprecated
                .as_deref()
                .map(|n| terminal(&n.replace('\n', " ")))
                .unwrap_or_default();
            format!("{} {name} ×{}: {note}", s.code, s.count)
        })
        .collect();
    list(&mut out, "deprecated codes in use", &deprecated);
    let never: Vec<String> = (report.never_seen.iter())
        .map(|m| format!("{} {} ({})", m.code, terminal(&m.name), terminal(&m.group)))
        .collect();
    list(&mut out, "active codes never seen", &never);
    for (_, title, findings) in report.findings() {
        places(&mut out, report, title, findings);
    }
    for verdict in &report.verdicts {
        let _ = writeln!(out, "{}", verdict_line(verdict));
    }
    out
}

fn list(out: &mut String, title: &str, items: &[String]) {
    let _ = write!(out, "{title}: {}", items.len());
    for item in items.iter().take(SHOWN) {
        let _ = write!(out, "\n  {item}");
    }
    if items.len() > SHOWN {
        let _ = write!(out, "\n  … and {} more", items.len() - SHOWN);
    }
    out.push('\n');
}

fn places(out: &mut String, report: &Report, title: &str, findings: &Findings) {
    let shown: Vec<String> = (findings.places.iter().take(SHOWN))
        .map(|p| format!("{}:{}", terminal(&report.inputs[p.input]), p.line))
        .collect();
    let _ = write!(out, "{title}: {}", findings.count);
    if !shown.is_empty() {
        let more = findings.count - shown.len() as u64;
        let _ = write!(
            out,
            " (at {}{})",
            shown.join(", "),
            if more > 0 {
                format!(", … {more} more")
            } else {
                String::new()
            }
        );
    }
    out.push('\n');
}

fn verdict_line(verdict: &Verdict) -> String {
    let outcome = if verdict.failed { "FAILED" } else { "passed" };
    match (verdict.gate, verdict.required) {
        (Some(gate), _) => format!(
            "--fail-on {}: {outcome} ({} found)",
            gate.name(),
            verdict.found
        ),
        (None, required) => format!(
            "--min-coverage {}: {outcome} (coverage {:.4})",
            required.unwrap_or_default(),
            verdict.found
        ),
    }
}
