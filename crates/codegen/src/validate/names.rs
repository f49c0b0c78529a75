//! The rules of a code's name: PascalCase, not a reserved item, not a kind's predicate, and
//! apart from every other name in the name lookup's hash.

use super::*;
use crate::diagnostic::Diagnostic;
use crate::model::Table;
use crate::naming;
use crate::read::Record;
use crate::schema::Column;

pub(super) fn check_name(name: &str, title: Option<&str>) -> Result<String, (String, String)> {
    let suggestion = || {
        let from = title.filter(|t| !t.is_empty()).unwrap_or(name);
        let suggested = naming::pascal(from);
        // Only a name the same rules accept is suggested (not one of Turkish letters, say).
        let valid = naming::is_pascal(&suggested)
            && suggested != "Self"
            && naming::reserved(&suggested).is_none();
        if valid {
            format!("write `{suggested}`: PascalCase, acronyms as words (`MfaRequired`, `SmsSent`)")
        } else {
            "write a PascalCase name: a capital letter, then letters and digits".to_owned()
        }
    };
    if name.is_empty() {
        return Err(("missing name".into(), suggestion()));
    }
    if !naming::is_pascal(name) {
        return Err((format!("name `{name}` is not PascalCase"), suggestion()));
    }
    if name == "Self" {
        return Err((
            "name `Self` is a Rust keyword".into(),
            "choose another name".into(),
        ));
    }
    if let Some(item) = naming::reserved(name) {
        return Err((
            format!("name `{name}` reads like the generated item `{item}`"),
            format!("choose a more specific name, such as `{name}Event`"),
        ));
    }
    Ok(name.to_owned())
}

/// Kind words become `is_<kind>` predicates, which a code's name must not read like.
pub(super) fn check_generated_names(
    table: &Table,
    rows: &[Record],
    columns: &Columns,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let predicates: Vec<(String, &str)> = table
        .kind_names()
        .map(|kind| (naming::fold(&naming::predicate(kind)), kind))
        .collect();
    for name in table.codes.iter().map(|c| &c.name) {
        // Valid names are ASCII letters and digits: folding them is lowercasing them.
        let found = predicates
            .iter()
            .find(|(predicate, _)| predicate.eq_ignore_ascii_case(name));
        if let Some((_, kind)) = found {
            let span = first_cell(rows, columns, Column::Name, name);
            diagnostics.push(
                Diagnostic::error(
                    span,
                    format!(
                        "name `{name}` reads like the generated predicate `LogCode::is_{kind}` {}",
                        column_ref(columns, Column::Name)
                    ),
                )
                .label("collides")
                .help(format!(
                    "choose a more specific name, such as `{name}Event`"
                )),
            );
        }
    }
}

/// The name lookup of the Rust crate needs a perfect hash of the names; names that no seed
/// tells apart are refused at their cells (the renderer would fail on them with no cell to
/// point at). Never seen with the current hash, whose tests try near-miss names of every length.
pub(super) fn check_name_hash(
    table: &Table,
    rows: &[Record],
    columns: &Columns,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let names: Vec<&str> = table.codes.iter().map(|c| c.name.as_str()).collect();
    if let Err(error) = crate::render::perfect_hash::build(&names) {
        diagnostics.extend(hash_diagnostics(&error, table, rows, columns));
    }
}

pub(super) fn hash_diagnostics(
    error: &crate::render::perfect_hash::HashError,
    table: &Table,
    rows: &[Record],
    columns: &Columns,
) -> Vec<Diagnostic> {
    (error.colliding.iter())
        .map(|&(first, second)| {
            let (first, second) = (&table.codes[first].name, &table.codes[second].name);
            Diagnostic::error(
                first_cell(rows, columns, Column::Name, second),
                format!(
                    "name `{second}` cannot be told apart from `{first}` by the name lookup's hash {}",
                    column_ref(columns, Column::Name)
                ),
            )
            .label("hashes like another name")
            .related(first_cell(rows, columns, Column::Name, first), "this name")
            .help(format!(
                "rename one of them, such as `{second}Event`, and please report the two names: every name should hash apart"
            ))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Names the hash cannot tell apart (none are known: the error is made up here) are refused
    /// at the second name's cell, pointing at the first.
    #[test]
    fn names_that_hash_alike_are_refused_at_their_cells() {
        let csv = "code,name,title,kind,group\n1,FirstName,A,failure,login\n2,OtherName,B,failure,login\n";
        let (_, sheet, _) = crate::read::read(csv.as_bytes());
        let declared = crate::SheetTexts::declaring("", &["failure"], &["login"]);
        let (_, kinds, _) = crate::read::read(declared.kinds.as_bytes());
        let (_, groups, _) = crate::read::read(declared.groups.as_bytes());
        let sheets = Sheets {
            codes: &sheet,
            kinds: Some(&kinds),
            groups: Some(&groups),
            reserved: None,
        };
        let (table, _) = validate(sheets, &Options::default());
        let table = table.unwrap();
        let (header, rows) = sheet.records.split_first().unwrap();
        let (columns, _) = read_header(header, &Options::default(), &mut Vec::new());
        let error = crate::render::perfect_hash::HashError {
            colliding: vec![(0, 1)],
        };
        let found = hash_diagnostics(&error, &table, rows, &columns);
        assert_eq!(found.len(), 1);
        assert_eq!(&csv[found[0].span.clone()], "OtherName");
        let (related, _) = found[0].related.clone().unwrap();
        assert_eq!(&csv[related], "FirstName");
        assert!(
            found[0]
                .message
                .contains("`OtherName` cannot be told apart from `FirstName`")
        );
        assert!(
            found[0]
                .help
                .as_deref()
                .unwrap()
                .contains("`OtherNameEvent`")
        );
    }
}
