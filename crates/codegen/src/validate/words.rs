//! The kind and group words of the codes sheet: each must be one its declaration sheet
//! declares; the word rule itself; and what to say when a declaration sheet is missing.

use std::collections::HashSet;

use super::*;

/// The declared kinds and groups, as read (`None` for a sheet that does not exist).
pub(super) struct Declarations {
    pub(super) kinds: Option<vocabulary::Declared>,
    pub(super) groups: Option<vocabulary::Declared>,
}

impl Declarations {
    pub(super) fn of(&self, column: Column) -> Option<&vocabulary::Declared> {
        if column == Column::Kind {
            self.kinds.as_ref()
        } else {
            self.groups.as_ref()
        }
    }
}

/// A declared word that no code uses is a warning (it still becomes a variant: a kind may be
/// declared before its codes); a translation of a locale the codes do not have is an error.
pub(super) fn check_declared(
    found: &vocabulary::Declared,
    vocabulary: vocabulary::Vocabulary,
    codes: &[Code],
    locales: &[String],
    diagnostics: &mut Vec<Diagnostic>,
) {
    let sheet = vocabulary.sheet();
    let column = vocabulary.column;
    let used: HashSet<&str> = codes
        .iter()
        .map(|c| {
            if column == Column::Kind {
                c.kind.as_str()
            } else {
                c.group.as_str()
            }
        })
        .collect();
    for word in &found.words {
        if !used.contains(word.name.as_str()) && !codes.is_empty() {
            let span = found.named.get(&word.name).cloned().unwrap_or_default();
            diagnostics.push(
                Diagnostic::warning(
                    span,
                    format!(
                        "{} `{}` is declared but no code uses it",
                        column.header(),
                        word.name
                    ),
                )
                .in_sheet(sheet)
                .label("unused")
                .help(format!(
                    "use it in the `{}` column of a code, or delete this row",
                    column.header()
                )),
            );
        }
    }
    for (tag, span) in &found.locales {
        if !locales.contains(tag) {
            let closest = (locales.iter())
                .map(|l| {
                    (
                        strsim::levenshtein(&tag.to_lowercase(), &l.to_lowercase()),
                        l,
                    )
                })
                .filter(|&(distance, _)| distance <= 2)
                .min();
            let help = match closest {
                Some((_, l)) => format!("did you mean `title.{l}`?"),
                None => format!(
                    "add the `title.{tag}` column to the codes sheet first, or delete this column"
                ),
            };
            diagnostics.push(
                Diagnostic::error(
                    span.clone(),
                    format!(
                        "`{}` translates into `{tag}`, a locale the codes sheet does not have",
                        sheet.file_name()
                    ),
                )
                .in_sheet(sheet)
                .label("locale without codes")
                .help(help),
            );
        }
    }
}

/// A table without one of its declaration sheets: one error, with the rows to write.
pub(super) fn missing_sheet(
    vocabulary: vocabulary::Vocabulary,
    header: &Record,
    columns: &Columns,
    rows: &[Record],
) -> Diagnostic {
    let column = vocabulary.column;
    let file = vocabulary.sheet().file_name();
    let span = columns
        .get(&column)
        .and_then(|&i| header.cells.get(i))
        .map_or(header.span.clone(), |c| c.span.clone());
    let lines = declarations_of_use(rows, columns.get(&column).copied(), vocabulary);
    let lines = lines.trim_end();
    Diagnostic::error(
        span,
        format!(
            "`{file}` is missing: every {} a code uses is declared there, with its display title",
            column.header()
        ),
    )
    .label(format!("these {}s are not declared", column.header()))
    .help(format!(
        "create `{file}` beside the codes sheet with these rows, and check each title:\n{lines}"
    ))
}

/// For [`Options::declare_used_words`]: the declaration sheet of the valid words the codes use
/// in `column`.
pub(crate) fn used_words_sheet(codes: &Sheet, column: Column) -> String {
    let vocabulary = vocabulary::Vocabulary { column };
    let Some((header, rows)) = codes.records.split_first() else {
        return declarations_of_use(&[], None, vocabulary);
    };
    let index =
        (header.cells.iter()).position(|c| crate::read::trimmed(&c.value) == column.header());
    declarations_of_use(rows, index, vocabulary)
}

/// A declaration sheet, `kind,title` and one row per valid word of the cells at `index`, sorted,
/// each titled after its word.
pub(super) fn declarations_of_use(
    rows: &[Record],
    index: Option<usize>,
    vocabulary: vocabulary::Vocabulary,
) -> String {
    let column = vocabulary.column;
    let mut words: Vec<&str> = index
        .map(|i| {
            (rows.iter().filter_map(|r| r.cells.get(i)))
                .map(|c| crate::read::trimmed(&c.value))
                .filter(|w| word_problem(w, column).is_none())
                .collect()
        })
        .unwrap_or_default();
    words.sort_unstable();
    words.dedup();
    let mut text = format!("{},title\n", column.header());
    for word in words {
        text.push_str(&vocabulary.row_for(word));
        text.push('\n');
    }
    text
}

/// A code's `kind` or `group` word: one its declaration sheet declares.
pub(super) fn word(
    row: &RowCells,
    column: Column,
    declarations: &Declarations,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<String> {
    let cell = row.get(column)?;
    let value = crate::read::trimmed(&cell.value);
    let declared = declarations.of(column);
    if declared.is_some_and(|d| d.named.contains_key(value)) {
        // A broken declaration has its own error; only a valid one makes the row valid.
        let valid = declared.is_some_and(|d| d.valid.contains(value));
        return valid.then(|| value.to_owned());
    }
    let problem = word_problem(value, column);
    let Some(declared) = declared else {
        // The missing sheet is one error, listing the words to declare.
        if let Some((problem, shaped)) = problem {
            diagnostics.push(
                Diagnostic::error(cell.span.clone(), format!("{problem} {}", row.at(column)))
                    .label(format!("not a valid {}", column.header()))
                    .help(word_help(value, column, shaped)),
            );
        }
        return None;
    };
    let vocabulary = vocabulary::Vocabulary { column };
    let file = vocabulary.sheet().file_name();
    let (message, help) = match (value.is_empty(), closest_declared(value, declared)) {
        (true, _) => (format!("missing {}", column.header()), None),
        (false, Some(closest)) => (
            format!("{} `{value}` is not declared in `{file}`", column.header()),
            Some(format!("did you mean `{closest}`?")),
        ),
        (false, None) => (
            format!("{} `{value}` is not declared in `{file}`", column.header()),
            problem.is_none().then(|| {
                format!(
                    "to add a new {0}, declare it with a row of `{file}` such as `{1}`",
                    column.header(),
                    vocabulary.row_for(value)
                )
            }),
        ),
    };
    let help = help.unwrap_or_else(|| {
        let words: Vec<String> = (declared.words.iter().take(8))
            .map(|w| format!("`{}`", w.name))
            .collect();
        format!(
            "use one of the {}s declared in `{file}`: {}{}",
            column.header(),
            words.join(", "),
            if declared.words.len() > 8 {
                ", …"
            } else {
                ""
            }
        )
    });
    diagnostics.push(
        Diagnostic::error(cell.span.clone(), format!("{message} {}", row.at(column)))
            .label(format!("not a declared {}", column.header()))
            .help(help),
    );
    None
}

/// The declared word a misspelling most likely meant: the same word once snake-cased, or one
/// at most two edits away (a third of the word, for short words).
pub(super) fn closest_declared<'a>(
    value: &str,
    declared: &'a vocabulary::Declared,
) -> Option<&'a str> {
    let snake = naming::snake(value);
    let words = || declared.words.iter().map(|w| w.name.as_str());
    words().find(|&w| w == snake).or_else(|| {
        let limit = (value.chars().count() / 3).clamp(1, 2);
        words()
            .map(|w| (strsim::levenshtein(&snake, w), w))
            .filter(|&(distance, _)| distance <= limit)
            .min()
            .map(|(_, w)| w)
    })
}

/// How to fix a word with `word_problem`: a suggestion only when the same rules accept it.
pub(super) fn word_help(value: &str, column: Column, shaped: bool) -> String {
    let accepted = |word: &str| word != value && word_problem(word, column).is_none();
    let suggested = naming::snake(value);
    let specific = format!("{value}_event");
    if accepted(&suggested) {
        format!("write `{suggested}`: lowercase words joined by `_`")
    } else if shaped && accepted(&specific) {
        format!("choose a more specific word, such as `{specific}`")
    } else {
        "write lowercase words joined by `_`, such as `directory_sync`".to_owned()
    }
}

/// The longest kind or group word: the generated `Word` holds this many bytes inline.
pub(super) const MAX_WORD: usize = 32;

/// What is wrong with `value` as a `kind` or `group` word, if anything, and whether it is at
/// least a snake_case word (so that a more specific word could do).
pub(super) fn word_problem(value: &str, column: Column) -> Option<(String, bool)> {
    let what = column.header();
    let shaped = value.split('_').all(|part| {
        !part.is_empty()
            && part
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
    }) && value.starts_with(|c: char| c.is_ascii_lowercase());
    if value.is_empty() {
        return Some((format!("missing {what}"), false));
    }
    if !shaped {
        return Some((format!("{what} `{value}` is not a snake_case word"), false));
    }
    if value.len() > MAX_WORD {
        // The crate keeps a word from newer data inline, in this many bytes.
        return Some((
            format!("{what} `{value}` is longer than {MAX_WORD} bytes"),
            false,
        ));
    }
    let variant = naming::variant(value);
    let clash = naming::reserved(&variant).or_else(|| naming::reserved(&naming::predicate(value)));
    let problem = if !naming::round_trips(value) {
        format!("{what} `{value}` becomes the variant `{variant}`, a run of capitals")
    } else if value == "self" {
        format!("{what} `self` would become the keyword `Self`")
    } else if let Some(item) = clash {
        format!("{what} `{value}` would clash with the generated item `{item}`")
    } else {
        return None;
    };
    Some((problem, true))
}
