//! Changes to the table's structure. Readers infer the kind of a code they do not know from the
//! ranges they were built with, so a number whose range kind changes (a range narrowed, moved or
//! given to another kind) breaks them; a range that widens into numbers no range held only adds.
//! A counterpart or reserved number removed or changed breaks what was promised; a new one adds.

use super::{Change, Level, change};
use crate::model::{NumberRange, Table};

/// Every structural change from `old` to `new`.
pub(super) fn compare(old: &Table, new: &Table) -> Vec<Change> {
    let mut changes = ranges(old, new);
    for kind in &new.kinds {
        let Some(before) = old.kind(&kind.name) else {
            continue;
        };
        match (&before.counterpart_of, &kind.counterpart_of) {
            (None, Some(of)) => changes.push(change(
                Level::Minor,
                None,
                format!(
                    "kind `{}` codes are now counterparts of `{of}` codes",
                    kind.name
                ),
            )),
            (Some(of), after) if after.as_ref() != Some(of) => changes.push(change(
                Level::Major,
                None,
                format!(
                    "kind `{}` codes are no longer counterparts of `{of}` codes",
                    kind.name
                ),
            )),
            _ => {}
        }
    }
    for code in &new.codes {
        let Some(before) = old.code(code.code).filter(|b| b.name == code.name) else {
            continue;
        };
        let number = Some(code.code);
        match (before.counterpart, code.counterpart) {
            (None, Some(of)) => changes.push(change(
                Level::Minor,
                number,
                format!(
                    "code {} `{}` is the counterpart of {of}",
                    code.code, code.name
                ),
            )),
            (Some(of), after) if after != Some(of) => changes.push(change(
                Level::Major,
                number,
                format!(
                    "code {} `{}` is no longer the counterpart of {of}",
                    code.code, code.name
                ),
            )),
            _ => {}
        }
    }
    let kept = spans(|n| new.reservation(n).is_some());
    for reserved in &old.reserved {
        for numbers in missing(reserved.numbers, &kept) {
            changes.push(change(
                Level::Major,
                None,
                format!(
                    "{numbers} is no longer reserved ({}); a reserved number stays retired",
                    reserved.note
                ),
            ));
        }
    }
    for reserved in &new.reserved {
        if !(reserved.numbers.first..=reserved.numbers.last).all(|n| old.reservation(n).is_some()) {
            changes.push(change(
                Level::Minor,
                None,
                format!("{} is reserved: {}", reserved.numbers, reserved.note),
            ));
        }
    }
    changes
}

/// The parts of `range` that `kept` does not cover.
fn missing(range: NumberRange, kept: &[NumberRange]) -> Vec<NumberRange> {
    spans(|n| range.contains(n) && !kept.iter().any(|k| k.contains(n)))
}

/// The runs of numbers for which `holds` is true.
fn spans(holds: impl Fn(u16) -> bool) -> Vec<NumberRange> {
    let mut out: Vec<NumberRange> = Vec::new();
    for n in 0..=u16::MAX {
        if !holds(n) {
            continue;
        }
        match out.last_mut() {
            Some(last) if last.last.checked_add(1) == Some(n) => last.last = n,
            _ => out.push(NumberRange { first: n, last: n }),
        }
    }
    out
}

/// Per kind: the numbers its range no longer gives it (major) and the numbers it now holds that
/// no range held (minor).
fn ranges(old: &Table, new: &Table) -> Vec<Change> {
    fn kind(table: &Table, n: u16) -> Option<&str> {
        table.kind_of(n).map(|k| k.name.as_str())
    }
    let mut changes = Vec::new();
    let words: std::collections::BTreeSet<&str> =
        old.kind_names().chain(new.kind_names()).collect();
    for word in words {
        let lost = spans(|n| kind(old, n) == Some(word) && kind(new, n) != Some(word));
        let gained = spans(|n| kind(old, n).is_none() && kind(new, n) == Some(word));
        let list = |spans: &[NumberRange]| {
            spans
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(", ")
        };
        if !lost.is_empty() {
            changes.push(change(
                Level::Major,
                None,
                format!("numbers {} no longer have the kind `{word}`: readers built with its range take them for `{word}` codes", list(&lost)),
            ));
        }
        if !gained.is_empty() {
            changes.push(change(
                Level::Minor,
                None,
                format!("numbers {} now have the kind `{word}`", list(&gained)),
            ));
        }
    }
    changes
}
