//! `cargo xtask fmt [--input PATH]`: every sheet of a valid table rewritten in canonical form.

use std::fs;
use std::path::Path;

use log_codes_codegen::SheetName;

use crate::project::{Failure, Invalid, display_path};
use crate::{files, sheets};

/// Rewrites every sheet of a valid table in canonical form (atomically; a sheet already
/// canonical is untouched).
pub fn format_table(path: &Path) -> Result<String, Failure> {
    let sheets = sheets::read_sheets(path).map_err(Failure::Other)?;
    let shown = display_path(path);
    let (table, report) = log_codes_codegen::testing::parse(&sheets.input());
    let table = table.ok_or_else(|| Failure::InvalidTable(Invalid::at(&report, &shown)))?;
    let canonical = log_codes_codegen::canonical::to_sheets(&table);
    let mut lines = Vec::new();
    for sheet in SheetName::ALL {
        let shown = sheet.beside(&shown);
        let text = canonical.get(sheet);
        let on_disk = sheets.get(sheet);
        if log_codes_codegen::canonical::is_canonical(sheet, on_disk, &canonical) {
            // An optional sheet that does not exist is not mentioned.
            if on_disk.is_some() {
                lines.push(format!("{shown} is already in canonical form"));
            }
            continue;
        }
        // Through a link, the file it points at is rewritten and the link kept.
        let path = sheets::sheet_path(path, sheet);
        let target = fs::canonicalize(&path)
            .map_err(|e| Failure::Other(format!("cannot resolve {}: {e}", path.display())))?;
        files::write_atomically(&target, text.as_bytes())
            .map_err(|e| Failure::Other(format!("cannot write {}: {e}", target.display())))?;
        lines.push(format!("rewrote {shown} in canonical form"));
    }
    Ok(format!(
        "{}\n{} codes, {} kinds and {} groups read",
        lines.join("\n"),
        table.codes.len(),
        table.kinds.len(),
        table.groups.len()
    ))
}
