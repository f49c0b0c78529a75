//! Stage 3: the validated table as plain data. Renderers see only this.

/// A valid table: at least one code, sorted by code, names unique.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    /// Every code, sorted by number.
    pub codes: Vec<Code>,
    /// The distinct `kind` words, sorted.
    pub kinds: Vec<String>,
    /// The distinct `group` words, sorted.
    pub groups: Vec<String>,
}

/// One row of the table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Code {
    /// The number written to logs.
    pub code: u16,
    /// The PascalCase API name.
    pub name: String,
    /// One line of text.
    pub title: String,
    /// Text that may span lines (`\n`), or `None`.
    pub description: Option<String>,
    /// A snake_case word, one of [`Table::kinds`].
    pub kind: String,
    /// A snake_case word, one of [`Table::groups`].
    pub group: String,
    /// The deprecation note, or `None` when the code is active.
    pub deprecated: Option<String>,
}

/// What the artifacts say about the package besides the table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Package {
    /// The workspace version, shared by the crate, the npm package and the JSON.
    pub version: String,
}

impl Table {
    /// Builds a table from rows in any order, deriving sorted kinds and groups.
    /// The caller (validation) guarantees unique codes and names.
    pub fn new(mut codes: Vec<Code>) -> Table {
        codes.sort_by_key(|c| c.code);
        let distinct = |field: fn(&Code) -> &String| {
            let mut words: Vec<String> = codes.iter().map(|c| field(c).clone()).collect();
            words.sort();
            words.dedup();
            words
        };
        let kinds = distinct(|c| &c.kind);
        let groups = distinct(|c| &c.group);
        Table {
            codes,
            kinds,
            groups,
        }
    }
}
