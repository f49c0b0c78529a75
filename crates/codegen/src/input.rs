//! The sheets a table is made of: `codes.csv`, and beside it the declared vocabulary,
//! `kinds.csv` and `groups.csv`.

use crate::schema::{Column, WordColumn};

/// One of the table's sheets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub enum SheetName {
    /// `codes.csv`: one row per code.
    #[default]
    Codes,
    /// `kinds.csv`: one row per kind word, with its display title.
    Kinds,
    /// `groups.csv`: one row per group word, with its display title.
    Groups,
    /// `reserved.csv`: numbers (or spans of them) retired for good. Optional: no file means no
    /// reserved number.
    Reserved,
}

impl SheetName {
    /// Every sheet, the codes first.
    pub const ALL: [SheetName; 4] = [
        SheetName::Codes,
        SheetName::Kinds,
        SheetName::Groups,
        SheetName::Reserved,
    ];

    /// Whether the table may do without the sheet (no file reads as a sheet of no rows).
    pub fn optional(self) -> bool {
        self == SheetName::Reserved
    }

    /// The file name of the sheet in this repository (`codes.csv` may have another name when
    /// given with `--input`; the declaration sheets never do).
    pub fn file_name(self) -> &'static str {
        match self {
            SheetName::Codes => "codes.csv",
            SheetName::Kinds => "kinds.csv",
            SheetName::Groups => "groups.csv",
            SheetName::Reserved => "reserved.csv",
        }
    }

    /// Where this sheet is, given the path of the codes sheet: the codes sheet itself, or the
    /// declaration sheet in the same directory (`tables/x.csv` → `tables/kinds.csv`).
    pub fn beside(self, codes_path: &str) -> String {
        if self == SheetName::Codes {
            return codes_path.to_owned();
        }
        match codes_path.rfind(['/', '\\']) {
            Some(slash) => format!("{}{}", &codes_path[..=slash], self.file_name()),
            None => self.file_name().to_owned(),
        }
    }

    /// [`SheetName::beside`] for a path on the disk.
    pub fn path_beside(self, codes_path: &std::path::Path) -> std::path::PathBuf {
        match self {
            SheetName::Codes => codes_path.to_path_buf(),
            other => codes_path.with_file_name(other.file_name()),
        }
    }
}

/// The bytes of every sheet of one table. A declaration sheet that does not exist is `None`:
/// the table is then refused, with the rows to write into it.
#[derive(Debug, Clone, Copy, Default)]
pub struct Input<'a> {
    /// `codes.csv`.
    pub codes: &'a [u8],
    /// `kinds.csv`, if it exists.
    pub kinds: Option<&'a [u8]>,
    /// `groups.csv`, if it exists.
    pub groups: Option<&'a [u8]>,
    /// `reserved.csv`, if it exists.
    pub reserved: Option<&'a [u8]>,
}

impl<'a> Input<'a> {
    /// The bytes of `sheet`, if it exists.
    pub fn get(&self, sheet: SheetName) -> Option<&'a [u8]> {
        match sheet {
            SheetName::Codes => Some(self.codes),
            SheetName::Kinds => self.kinds,
            SheetName::Groups => self.groups,
            SheetName::Reserved => self.reserved,
        }
    }
}

/// The text of every sheet of one table, as the generator writes them (`cargo xtask fmt`, the
/// synthetic tables) and as files hold them.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SheetTexts {
    /// `codes.csv`.
    pub codes: String,
    /// `kinds.csv`.
    pub kinds: String,
    /// `groups.csv`.
    pub groups: String,
    /// `reserved.csv`; empty for a table without the sheet.
    pub reserved: String,
}

impl SheetTexts {
    /// A codes sheet with declaration sheets that declare exactly `kinds` and `groups`, each
    /// titled after its word (`directory_sync` → `Directory Sync`): for tests and tools that
    /// write a table in code. The words are named by the caller, never taken from the codes, so
    /// a misspelt word in `codes` is still refused.
    pub fn declaring(codes: impl Into<String>, kinds: &[&str], groups: &[&str]) -> SheetTexts {
        let sheet = |uses: Column, words: &[&str]| {
            let header = [WordColumn::Word, WordColumn::Title].map(|c| c.header(uses));
            let mut csv = header.join(",") + "\n";
            for word in words {
                csv.push_str(&format!("{word},{}\n", crate::naming::title(word)));
            }
            csv
        };
        SheetTexts {
            codes: codes.into(),
            kinds: sheet(Column::Kind, kinds),
            groups: sheet(Column::Group, groups),
            reserved: String::new(),
        }
    }

    /// The sheets as generator reads them.
    pub fn input(&self) -> Input<'_> {
        Input {
            codes: self.codes.as_bytes(),
            kinds: Some(self.kinds.as_bytes()),
            groups: Some(self.groups.as_bytes()),
            reserved: (!self.reserved.is_empty()).then_some(self.reserved.as_bytes()),
        }
    }

    /// The text of `sheet`.
    pub fn get(&self, sheet: SheetName) -> &str {
        match sheet {
            SheetName::Codes => &self.codes,
            SheetName::Kinds => &self.kinds,
            SheetName::Groups => &self.groups,
            SheetName::Reserved => &self.reserved,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn declaration_sheets_are_beside_the_codes_sheet() {
        assert_eq!(SheetName::Kinds.beside("codes.csv"), "kinds.csv");
        assert_eq!(SheetName::Groups.beside("a/b/mine.csv"), "a/b/groups.csv");
        assert_eq!(SheetName::Kinds.beside(r"a\codes.csv"), r"a\kinds.csv");
        assert_eq!(SheetName::Codes.beside("a/mine.csv"), "a/mine.csv");
    }
}
