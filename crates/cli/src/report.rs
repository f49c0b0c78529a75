//! What a check found, as data: the counts per code, kind and group, the unknown and deprecated
//! codes in use, the active codes never seen and the coverage, the findings with their lines, and
//! the gates. One value, written as text, JSON or GitHub annotations (`report/*.rs`).

use crate::catalog::Catalog;
use crate::tally::{Finding, Findings, Tally};

mod github;
mod json;
mod text;

pub use github::render as github;
pub use json::render as json;
pub use text::render as text;

/// A code seen in the stream.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Seen {
    pub code: u16,
    pub count: u64,
    /// The table's name for it; `None` for a code the table does not have.
    pub name: Option<String>,
    /// Its kind: the known code's, or for an unknown one the kind whose range holds it.
    pub kind: Option<String>,
    pub group: Option<String>,
    /// The deprecation note of a deprecated code.
    pub deprecated: Option<String>,
}

/// Active codes seen among those declared.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Coverage {
    pub active: usize,
    pub seen: usize,
}

impl Coverage {
    /// Seen / active; 1 when nothing is active (nothing can be missing).
    pub fn ratio(&self) -> f64 {
        if self.active == 0 {
            1.0
        } else {
            self.seen as f64 / self.active as f64
        }
    }
}

/// A group's events and coverage.
#[derive(Debug, Clone, PartialEq)]
pub struct GroupSummary {
    pub group: String,
    pub count: u64,
    pub coverage: Coverage,
}

/// An active code never seen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Missing {
    pub code: u16,
    pub name: String,
    pub group: String,
}

/// What `--fail-on` can name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gate {
    Unknown,
    Deprecated,
    Malformed,
    MissingField,
    NotACode,
}

impl Gate {
    pub const ALL: [Gate; 5] = [
        Gate::Unknown,
        Gate::Deprecated,
        Gate::Malformed,
        Gate::MissingField,
        Gate::NotACode,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Gate::Unknown => "unknown",
            Gate::Deprecated => "deprecated",
            Gate::Malformed => "malformed",
            Gate::MissingField => "missing-field",
            Gate::NotACode => "not-a-code",
        }
    }

    /// `unknown,deprecated` → the gates; an unknown name is an error naming the others.
    pub fn parse_list(list: &str) -> Result<Vec<Gate>, String> {
        (list.split(','))
            .map(|name| {
                Gate::ALL
                    .into_iter()
                    .find(|g| g.name() == name.trim())
                    .ok_or_else(|| {
                        let names: Vec<&str> = Gate::ALL.iter().map(|g| g.name()).collect();
                        format!(
                            "`{name}` is not a gate: --fail-on takes {}",
                            names.join(", ")
                        )
                    })
            })
            .collect()
    }
}

/// One gate asked for, and whether it failed.
#[derive(Debug, Clone, PartialEq)]
pub struct Verdict {
    /// A `--fail-on` gate, or `None` for `--min-coverage`.
    pub gate: Option<Gate>,
    /// How many events or lines the gate counts (for coverage: the ratio).
    pub found: f64,
    pub required: Option<f64>,
    pub failed: bool,
}

/// Everything a check reports.
#[derive(Debug, Clone)]
pub struct Report {
    pub table_version: String,
    pub table_source: String,
    pub inputs: Vec<String>,
    pub field: String,
    pub lines: u64,
    /// Lines with a code, known or not.
    pub events: u64,
    /// Every code seen, by number.
    pub seen: Vec<Seen>,
    /// Events by kind (known codes by their kind, unknown ones by their range's), by word.
    pub kinds: Vec<(String, u64)>,
    /// Events and coverage by group, by word.
    pub groups: Vec<GroupSummary>,
    pub never_seen: Vec<Missing>,
    pub coverage: Coverage,
    pub malformed: Findings,
    pub missing_field: Findings,
    pub not_a_code: Findings,
    pub verdicts: Vec<Verdict>,
}

impl Report {
    pub fn new(
        catalog: &Catalog,
        tally: &Tally,
        inputs: Vec<String>,
        field: &str,
        fail_on: &[Gate],
        min_coverage: Option<f64>,
    ) -> Report {
        let seen: Vec<Seen> = (0..=u16::MAX)
            .filter(|&code| tally.counts[usize::from(code)] > 0)
            .map(|code| {
                let entry = catalog.entry(code);
                Seen {
                    code,
                    count: tally.counts[usize::from(code)],
                    name: entry.map(|e| e.name.clone()),
                    kind: catalog.kind_of(code).map(str::to_owned),
                    group: entry.map(|e| e.group.clone()),
                    deprecated: entry.and_then(|e| e.deprecated.clone()),
                }
            })
            .collect();
        let kinds = (catalog.kinds.iter())
            .map(|kind| {
                let count = (seen.iter())
                    .filter(|s| s.kind.as_deref() == Some(kind))
                    .map(|s| s.count)
                    .sum();
                (kind.clone(), count)
            })
            .collect();
        let active = |group: Option<&str>| -> Vec<&crate::catalog::Entry> {
            (catalog.entries.iter())
                .filter(|e| e.deprecated.is_none() && group.is_none_or(|g| e.group == g))
                .collect()
        };
        let coverage_of = |group: Option<&str>| {
            let active = active(group);
            Coverage {
                active: active.len(),
                seen: (active.iter())
                    .filter(|e| tally.counts[usize::from(e.code)] > 0)
                    .count(),
            }
        };
        let groups = (catalog.groups.iter())
            .map(|group| GroupSummary {
                group: group.clone(),
                count: (catalog.entries.iter())
                    .filter(|e| e.group == *group)
                    .map(|e| tally.counts[usize::from(e.code)])
                    .sum(),
                coverage: coverage_of(Some(group)),
            })
            .collect();
        let never_seen = (active(None).into_iter())
            .filter(|e| tally.counts[usize::from(e.code)] == 0)
            .map(|e| Missing {
                code: e.code,
                name: e.name.clone(),
                group: e.group.clone(),
            })
            .collect();
        let coverage = coverage_of(None);
        let events = seen.iter().map(|s| s.count).sum();
        let mut report = Report {
            table_version: catalog.version.clone(),
            table_source: catalog.source.clone(),
            inputs,
            field: field.to_owned(),
            lines: tally.lines,
            events,
            seen,
            kinds,
            groups,
            never_seen,
            coverage,
            malformed: tally.findings(Finding::Malformed).clone(),
            missing_field: tally.findings(Finding::MissingField).clone(),
            not_a_code: tally.findings(Finding::NotACode).clone(),
            verdicts: Vec::new(),
        };
        report.verdicts = (fail_on.iter())
            .map(|&gate| {
                let found = report.count_of(gate);
                Verdict {
                    gate: Some(gate),
                    found: found as f64,
                    required: None,
                    failed: found > 0,
                }
            })
            .chain(min_coverage.map(|required| Verdict {
                gate: None,
                found: report.coverage.ratio(),
                required: Some(required),
                failed: report.coverage.ratio() < required,
            }))
            .collect();
        report
    }

    /// The events or lines a gate counts.
    pub fn count_of(&self, gate: Gate) -> u64 {
        match gate {
            Gate::Unknown => self.unknown().map(|s| s.count).sum(),
            Gate::Deprecated => self.deprecated().map(|s| s.count).sum(),
            Gate::Malformed => self.malformed.count,
            Gate::MissingField => self.missing_field.count,
            Gate::NotACode => self.not_a_code.count,
        }
    }

    /// The codes seen that the table does not have.
    pub fn unknown(&self) -> impl Iterator<Item = &Seen> {
        self.seen.iter().filter(|s| s.name.is_none())
    }

    /// The deprecated codes seen.
    pub fn deprecated(&self) -> impl Iterator<Item = &Seen> {
        self.seen.iter().filter(|s| s.deprecated.is_some())
    }

    /// Whether every gate passed.
    pub fn passed(&self) -> bool {
        self.verdicts.iter().all(|v| !v.failed)
    }

    /// The findings of the lines, with their names in reports.
    pub fn findings(&self) -> [(&'static str, &'static str, &Findings); 3] {
        [
            (
                "malformed",
                "malformed lines (not exactly one JSON object)",
                &self.malformed,
            ),
            (
                "missingField",
                "lines without the field",
                &self.missing_field,
            ),
            ("notACode", "values that are not codes", &self.not_a_code),
        ]
    }
}
