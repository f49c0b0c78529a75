//! The report as one JSON document, described by `schemas/check.schema.json`.

use serde_json::json;

use super::Report;
use crate::tally::Findings;

/// The schema's `$id`, which the document names.
pub const SCHEMA: &str = "urn:log-codes:check.schema.json";

pub fn render(report: &Report) -> String {
    let places = |findings: &Findings| {
        json!({
            "count": findings.count,
            "lines": findings.places.iter().map(|p| json!({
                "input": report.inputs[p.input],
                "line": p.line,
            })).collect::<Vec<_>>(),
            "truncated": findings.count > findings.places.len() as u64,
        })
    };
    let coverage =
        |c: &super::Coverage| json!({ "active": c.active, "seen": c.seen, "ratio": c.ratio() });
    let mut document = json!({
        "$schema": SCHEMA,
        "report": "check",
        "ok": report.passed(),
        "table": { "version": report.table_version, "source": report.table_source },
        "inputs": report.inputs,
        "field": report.field,
        "lines": report.lines,
        "events": report.events,
        "codes": report.seen.iter().map(|s| json!({
            "code": s.code,
            "count": s.count,
            "name": s.name,
            "kind": s.kind,
            "group": s.group,
            "deprecated": s.deprecated,
        })).collect::<Vec<_>>(),
        "kinds": report.kinds.iter().map(|(kind, count)| json!({ "kind": kind, "count": count })).collect::<Vec<_>>(),
        "groups": report.groups.iter().map(|g| json!({
            "group": g.group,
            "count": g.count,
            "coverage": coverage(&g.coverage),
        })).collect::<Vec<_>>(),
        "unknown": report.unknown().map(|s| json!({ "code": s.code, "count": s.count, "kind": s.kind })).collect::<Vec<_>>(),
        "deprecated": report.deprecated().map(|s| json!({
            "code": s.code, "name": s.name, "count": s.count, "note": s.deprecated,
        })).collect::<Vec<_>>(),
        "neverSeen": report.never_seen.iter().map(|m| json!({ "code": m.code, "name": m.name, "group": m.group })).collect::<Vec<_>>(),
        "coverage": coverage(&report.coverage),
        "gates": report.verdicts.iter().map(|v| match v.gate {
            Some(gate) => json!({ "gate": gate.name(), "found": v.found, "failed": v.failed }),
            None => json!({ "gate": "min-coverage", "found": v.found, "required": v.required, "failed": v.failed }),
        }).collect::<Vec<_>>(),
    });
    for (key, _, findings) in report.findings() {
        document[key] = places(findings);
    }
    let mut text = serde_json::to_string_pretty(&document).expect("JSON always serializes");
    text.push('\n');
    text
}
