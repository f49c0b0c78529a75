//! Each code and each name once: the second use is an error pointing at the first.

use std::collections::HashMap;
use std::ops::Range;

use crate::diagnostic::Diagnostic;

/// Remembers the first row of each code and name, to report the second one.
#[derive(Default)]
pub(super) struct Seen {
    codes: HashMap<u16, (Range<usize>, String)>,
    names: HashMap<String, (Range<usize>, String)>,
}

impl Seen {
    pub(super) fn code(
        &mut self,
        code: u16,
        name: &str,
        span: Range<usize>,
        at: impl FnOnce() -> String,
    ) -> Option<Diagnostic> {
        if let Some((first, first_name)) = self.codes.get(&code) {
            let at = at();
            let by = if first_name.is_empty() {
                String::new()
            } else {
                format!(" by `{first_name}`")
            };
            return Some(
                Diagnostic::error(span, format!("code {code} is used twice {at}"))
                    .label("second use")
                    .related(first.clone(), format!("first used here{by}"))
                    .help("give one of the rows an unused code"),
            );
        }
        self.codes.insert(code, (span, name.to_owned()));
        None
    }

    pub(super) fn name(
        &mut self,
        name: &str,
        span: Range<usize>,
        at: impl FnOnce() -> String,
    ) -> Option<Diagnostic> {
        // Lowercased, `FooBar` and `Foobar` meet in anchors, file names and case-insensitive
        // lookups: one of them must go.
        let key = name.to_lowercase();
        if let Some((first, first_name)) = self.names.get(&key) {
            let at = at();
            let message = if first_name == name {
                format!("name `{name}` is used twice {at}")
            } else {
                format!("name `{name}` collides with `{first_name}` once lowercased (`{key}`) {at}")
            };
            return Some(
                Diagnostic::error(span, message)
                    .label("second use")
                    .related(first.clone(), "first used here")
                    .help("names are the API in every language; make this one distinct"),
            );
        }
        self.names.insert(key, (span, name.to_owned()));
        None
    }
}
