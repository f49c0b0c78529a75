//! Which number a new code gets: the rule `cargo xtask add` follows and validation suggests, so
//! an editor never guesses from the table's patterns.
//!
//! 1. With a counterpart (a failure's success), the number at the same offset in the kind's
//!    range as the counterpart has in its own kind's range: the table's pattern, 2010 → 4010,
//!    2434 → 4434, so 2050 gives 4050; when that number is free and in the range.
//! 2. Otherwise the lowest free number above the group's highest code of that kind.
//! 3. Otherwise the lowest free number of the kind's range (of every number, for a kind without
//!    one).
//!
//! A number is free when no code has it, it is not reserved, and no other kind's range holds
//! it.

use crate::model::{NumberRange, Table};

/// Every number, for a kind without a range.
const EVERY: NumberRange = NumberRange {
    first: 0,
    last: u16::MAX,
};

/// The number for a new code of `kind` in `group`, the counterpart of `counterpart` if given;
/// `None` when the kind's range is full.
pub fn next_code(table: &Table, kind: &str, group: &str, counterpart: Option<u16>) -> Option<u16> {
    let range = table.kind(kind).and_then(|k| k.range).unwrap_or(EVERY);
    let free = |n: u16| table.code(n).is_none() && may_have(table, kind, n);
    let same_offset = counterpart.and_then(|of| {
        let of_range = table.code(of).and_then(|c| table.kind(&c.kind))?.range?;
        let offset = of.checked_sub(of_range.first)?;
        range
            .first
            .checked_add(offset)
            .filter(|&n| range.contains(n) && free(n))
    });
    if same_offset.is_some() {
        return same_offset;
    }
    let highest = (table.codes.iter())
        .filter(|c| c.kind == kind && c.group == group && range.contains(c.code))
        .map(|c| c.code)
        .max();
    let above = highest
        .and_then(|h| h.checked_add(1))
        .and_then(|start| (start..=range.last).find(|&n| free(n)));
    above.or_else(|| (range.first..=range.last).find(|&n| free(n)))
}

/// Whether a code of `kind` may have the number `n`, used or not: it is not reserved, it lies
/// in the kind's range, and no other kind's range holds it (for a kind without a range).
pub fn may_have(table: &Table, kind: &str, n: u16) -> bool {
    let own = table.kind(kind).and_then(|k| k.range).unwrap_or(EVERY);
    own.contains(n)
        && table.reservation(n).is_none()
        && table.kind_of(n).is_none_or(|k| k.name == kind)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::SheetTexts;

    fn table(codes: &str, kinds: &str) -> Table {
        let sheets = SheetTexts {
            codes: format!("code,name,title,kind,group,counterpart\n{codes}"),
            kinds: format!("kind,title,range,counterpart_of\n{kinds}"),
            groups: "group,title\nlogin,Login\nsignup,Signup\nreset,Reset\n".to_owned(),
            reserved: "code,note\n4003,retired\n".to_owned(),
        };
        let (table, report) = crate::pipeline::parse(&sheets.input());
        table.unwrap_or_else(|| panic!("{}", report.summary("codes.csv")))
    }

    #[test]
    fn the_three_rules_in_order() {
        let table = table(
            "2001,A,A,success,login,\n2010,B,B,success,signup,\n2050,C,C,success,reset,\n4000,D,D,failure,login,2001\n4001,E,E,failure,login,2001\n4010,F,F,failure,signup,2010\n",
            "success,Success,2000-3999,\nfailure,Failure,4000-5999,success\n",
        );
        // The same offset as the counterpart: 2050 → 4050.
        assert_eq!(
            next_code(&table, "failure", "reset", Some(2050)),
            Some(4050)
        );
        // Taken (4001) or reserved (4003)? Then above the group's highest failure: 4002.
        assert_eq!(
            next_code(&table, "failure", "login", Some(2001)),
            Some(4002)
        );
        // Without a counterpart, above the group's highest code of the kind.
        assert_eq!(next_code(&table, "failure", "signup", None), Some(4011));
        assert_eq!(next_code(&table, "success", "login", None), Some(2002));
        // A group without codes of the kind: the lowest free number of the range.
        assert_eq!(next_code(&table, "failure", "reset", None), Some(4002));
    }
}
