//! The report as GitHub Actions workflow commands: an error per failed gate (and one per line of
//! a malformed, missing-field or not-a-code finding whose gate failed, the first few), a notice
//! with the coverage; every value escaped by `escape::github_*`.

use std::fmt::Write as _;

use log_codes_codegen::escape::{github_data, github_property};

use super::{Gate, Report};

/// Line annotations written per failed gate: GitHub shows about ten per step.
const SHOWN: usize = 10;

pub fn render(report: &Report) -> String {
    let mut out = String::new();
    for verdict in report.verdicts.iter().filter(|v| v.failed) {
        let message = match verdict.gate {
            Some(Gate::Unknown) => {
                let codes: Vec<String> = report
                    .unknown()
                    .map(|s| format!("{} ×{}", s.code, s.count))
                    .collect();
                format!(
                    "{} events with codes the table {} does not have: {}",
                    verdict.found,
                    report.table_version,
                    codes.join(", ")
                )
            }
            Some(Gate::Deprecated) => {
                let codes: Vec<String> = (report.deprecated())
                    .map(|s| {
                        format!(
                            "{} {} ×{}",
                            s.code,
                            s.name.as_deref().unwrap_or_default(),
                            s.count
                        )
                    })
                    .collect();
                format!(
                    "{} events with deprecated codes: {}",
                    verdict.found,
                    codes.join(", ")
                )
            }
            Some(gate) => format!("{} lines: {}", verdict.found, gate.name()),
            None => format!(
                "coverage {:.4} is below --min-coverage {}: {} active codes never seen",
                verdict.found,
                verdict.required.unwrap_or_default(),
                report.never_seen.len()
            ),
        };
        let title = verdict.gate.map_or("min-coverage", Gate::name);
        let _ = writeln!(
            out,
            "::error title={}::{}",
            github_property(&format!("log-codes check: {title}")),
            github_data(&message)
        );
        let findings = match verdict.gate {
            Some(Gate::Malformed) => Some(&report.malformed),
            Some(Gate::MissingField) => Some(&report.missing_field),
            Some(Gate::NotACode) => Some(&report.not_a_code),
            _ => None,
        };
        for place in findings
            .into_iter()
            .flat_map(|f| f.places.iter().take(SHOWN))
        {
            let _ = writeln!(
                out,
                "::error file={},line={},title={}::{}",
                github_property(&report.inputs[place.input]),
                place.line,
                github_property(&format!("log-codes check: {title}")),
                github_data(title)
            );
        }
    }
    let _ = writeln!(
        out,
        "::notice title=log-codes check::{}",
        github_data(&format!(
            "{} lines, {} events; coverage {} of {} active codes ({:.1} %)",
            report.lines,
            report.events,
            report.coverage.seen,
            report.coverage.active,
            100.0 * report.coverage.ratio()
        ))
    );
    out
}
