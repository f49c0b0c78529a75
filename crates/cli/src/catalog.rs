//! The table a stream is checked against: the one compiled into the tool (the `log-codes` crate)
//! or a `log-codes.json` of any version (`--table`), read and validated as `compat` reads it. Both
//! become the same plain data, indexed by number for the hot loop.

use log_codes::{AnyLogCode, Group, Kind, LogCode};
use log_codes_codegen::Table;
use log_codes_codegen::compat;

/// One known code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub code: u16,
    pub name: String,
    pub kind: String,
    pub group: String,
    /// The deprecation note; `None` for an active code.
    pub deprecated: Option<String>,
}

/// The table: its codes by number, and the kind of every number.
#[derive(Debug, Clone)]
pub struct Catalog {
    /// The table's version.
    pub version: String,
    /// Where it came from: `compiled in` or the file given.
    pub source: String,
    /// Every code, sorted by number.
    pub entries: Vec<Entry>,
    /// Every kind's word, sorted.
    pub kinds: Vec<String>,
    /// Every group's word, sorted.
    pub groups: Vec<String>,
    /// For each number, the index of its entry, or `NONE`.
    by_code: Vec<u32>,
    /// For each number, the index in `kinds` of its kind (as `AnyLogCode::kind` answers: the
    /// range's, else the known code's), or `NONE`.
    kind_of: Vec<u32>,
}

const NONE: u32 = u32::MAX;

impl Catalog {
    /// The table compiled into this tool.
    pub fn compiled() -> Catalog {
        let entries = (LogCode::all().iter())
            .map(|code| Entry {
                code: code.code(),
                name: code.name().to_owned(),
                kind: code.kind().name().to_owned(),
                group: code.group().name().to_owned(),
                deprecated: code.deprecation().map(str::to_owned),
            })
            .collect();
        let kinds: Vec<String> = Kind::ALL.into_iter().map(|k| k.name().to_owned()).collect();
        let groups = Group::ALL
            .into_iter()
            .map(|g| g.name().to_owned())
            .collect();
        Catalog::new(
            env!("CARGO_PKG_VERSION").to_owned(),
            "compiled in".to_owned(),
            entries,
            kinds,
            groups,
            |n| AnyLogCode::new(n).kind().map(Kind::name),
        )
    }

    /// A table read from `log-codes.json` text, validated as `compat` validates it.
    pub fn from_json(text: &str, source: &str) -> Result<Catalog, String> {
        let (table, version) =
            compat::table_from_json(text).map_err(|e| format!("{source}: {e}"))?;
        let table = compat::validated(&table).map_err(|report| {
            format!("{source} is not a valid table:\n{}", report.summary(source))
        })?;
        Ok(Catalog::from_table(&table, version, source))
    }

    fn from_table(table: &Table, version: String, source: &str) -> Catalog {
        let entries = (table.codes.iter())
            .map(|c| Entry {
                code: c.code,
                name: c.name.clone(),
                kind: c.kind.clone(),
                group: c.group.clone(),
                deprecated: c.deprecated.clone(),
            })
            .collect();
        let kinds = table.kinds.iter().map(|k| k.name.clone()).collect();
        let groups = table.groups.iter().map(|g| g.name.clone()).collect();
        // As `AnyLogCode::kind` answers: the range's kind, else the known code's.
        Catalog::new(version, source.to_owned(), entries, kinds, groups, |n| {
            (table.kind_of(n).map(|k| k.name.as_str()))
                .or_else(|| table.code(n).map(|c| c.kind.as_str()))
        })
    }

    fn new<'a>(
        version: String,
        source: String,
        entries: Vec<Entry>,
        kinds: Vec<String>,
        groups: Vec<String>,
        kind_of: impl Fn(u16) -> Option<&'a str>,
    ) -> Catalog {
        let mut by_code = vec![NONE; 1 << 16];
        for (index, entry) in entries.iter().enumerate() {
            by_code[usize::from(entry.code)] = u32::try_from(index).expect("at most 65536 codes");
        }
        let kind_of = (0..=u16::MAX)
            .map(|n| {
                let kind = kind_of(n).and_then(|word| kinds.iter().position(|k| k == word));
                kind.map_or(NONE, |at| u32::try_from(at).expect("few kinds"))
            })
            .collect();
        Catalog {
            version,
            source,
            entries,
            kinds,
            groups,
            by_code,
            kind_of,
        }
    }

    /// The known code numbered `code`.
    pub fn entry(&self, code: u16) -> Option<&Entry> {
        let at = self.by_code[usize::from(code)];
        (at != NONE).then(|| &self.entries[at as usize])
    }

    /// The kind of `code`, known or not: the kind whose range holds it, else the known code's.
    pub fn kind_of(&self, code: u16) -> Option<&str> {
        let at = self.kind_of[usize::from(code)];
        (at != NONE).then(|| self.kinds[at as usize].as_str())
    }
}
