//! What a check counts: every line by what it holds, every code by number, and the places of
//! the findings (the first [`KEPT`] of each kind, so memory stays flat on any stream).

use crate::scan::Line;

/// How many places of each finding are kept; the count goes on.
pub const KEPT: usize = 1000;

/// A line of one input: the input's index among those checked, and its 1-based line number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Place {
    pub input: usize,
    pub line: u64,
}

/// One kind of finding: how many, and where the first [`KEPT`] are.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Findings {
    pub count: u64,
    pub places: Vec<Place>,
}

/// The findings a line can be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Finding {
    Malformed,
    MissingField,
    NotACode,
}

impl Finding {
    fn of(line: Line) -> Option<Finding> {
        match line {
            Line::Code(_) => None,
            Line::NotACode => Some(Finding::NotACode),
            Line::MissingField => Some(Finding::MissingField),
            Line::Malformed => Some(Finding::Malformed),
        }
    }
}

/// Everything counted over the inputs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tally {
    /// Lines read.
    pub lines: u64,
    /// Events by code number, known or not.
    pub counts: Vec<u64>,
    /// Lines that are not exactly one JSON object, without the field, or whose value is not a
    /// code, in that order (indexed by [`Finding`]).
    pub findings: [Findings; 3],
}

impl Default for Tally {
    fn default() -> Self {
        Tally {
            lines: 0,
            counts: vec![0; 1 << 16],
            findings: Default::default(),
        }
    }
}

impl Tally {
    pub fn findings(&self, finding: Finding) -> &Findings {
        &self.findings[finding as usize]
    }

    /// Adds counts of codes made elsewhere (another worker's).
    pub fn add_counts(&mut self, counts: &[u64]) {
        for (total, n) in self.counts.iter_mut().zip(counts) {
            *total += n;
        }
    }
}

/// The findings of one chunk of lines, numbered within the chunk (from 0).
#[derive(Debug, Default)]
pub struct ChunkFindings {
    pub lines: u64,
    pub local: [(u64, Vec<u64>); 3],
}

impl ChunkFindings {
    /// Counts `line`, the chunk's line number `index`, into `counts` or the findings.
    pub fn record(&mut self, index: u64, line: Line, counts: &mut [u64]) {
        self.lines += 1;
        match Finding::of(line) {
            None => {
                if let Line::Code(code) = line {
                    counts[usize::from(code)] += 1;
                }
            }
            Some(finding) => {
                let (count, places) = &mut self.local[finding as usize];
                *count += 1;
                if places.len() < KEPT {
                    places.push(index);
                }
            }
        }
    }

    /// Adds the chunk, whose first line is line `first_line` of input `input`, into `tally`.
    pub fn merge_into(self, tally: &mut Tally, input: usize, first_line: u64) {
        tally.lines += self.lines;
        for (findings, (count, places)) in tally.findings.iter_mut().zip(self.local) {
            for local in places {
                if findings.places.len() < KEPT {
                    findings.places.push(Place {
                        input,
                        line: first_line + local,
                    });
                }
            }
            findings.count += count;
        }
    }
}
