//! `cargo xtask add` and `cargo xtask deprecate`: the two edits an editor makes most, done to the
//! table as the spreadsheet would, then regenerated. The new code's number follows the rule of
//! `log_codes_codegen::numbering`; every problem is the diagnostic `gen` gives, and nothing is
//! written unless the edited table is valid.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use log_codes_codegen::canonical;
use log_codes_codegen::testing::{naming, parse};
use log_codes_codegen::{Code, SheetName, Table, Translation};

use crate::project::{Failure, Invalid, display_path, workspace_root};
use crate::{Mode, Options, files, flags, generate, sheets};

/// The table `input` holds, which must be valid.
fn read(input: &Path) -> Result<Table, Failure> {
    let sheets = sheets::read_sheets(input).map_err(Failure::Other)?;
    let (table, report) = parse(&sheets.input());
    table.ok_or_else(|| Failure::InvalidTable(Invalid::at(&report, &display_path(input))))
}

/// `TAG=TEXT` of `--translated-title` (the form `--title.TAG TEXT` is rewritten to).
fn tagged(values: &[String]) -> Result<BTreeMap<String, String>, Failure> {
    (values.iter())
        .map(|value| match value.split_once('=') {
            Some((tag, text)) if !tag.is_empty() => Ok((tag.to_owned(), text.to_owned())),
            _ => Err(Failure::Other(format!(
                "`{value}`: write a translation as `--title.TAG TEXT` (`--title.tr \"Başarılı Giriş\"`)"
            ))),
        })
        .collect()
}

/// Adds the code the flags describe; returns what was done.
pub fn add(flags: &flags::Add) -> Result<String, Failure> {
    let root = workspace_root();
    let input = flags
        .input
        .clone()
        .unwrap_or_else(|| root.join("codes.csv"));
    let table = read(&input)?;
    let titles = tagged(&flags.translated_title)?;
    let descriptions = tagged(&flags.translated_description)?;
    for tag in titles.keys().chain(descriptions.keys()) {
        if !table.locales.contains(tag) {
            return Err(Failure::Other(format!(
                "the table has no `{tag}` translation; its locales are: {}",
                table.locales.join(", ")
            )));
        }
    }
    // The locales the project requires complete must be given now: `cargo xtask test` would
    // refuse the row later.
    for tag in crate::checks::required_locales(&root, &input).map_err(Failure::Other)? {
        if !titles.contains_key(&tag) {
            return Err(Failure::Other(format!(
                "`{tag}` is required complete ([workspace.metadata.log-codes] require-complete): add --title.{tag} \"…\""
            )));
        }
        if flags.description.is_some() && !descriptions.contains_key(&tag) {
            return Err(Failure::Other(format!(
                "`{tag}` is required complete: add --description.{tag} \"…\" for the description"
            )));
        }
    }
    let translations = (titles.into_iter())
        .map(|(tag, title)| {
            let description = descriptions.get(&tag).cloned();
            (tag, Translation { title, description })
        })
        .collect();
    let number = match flags.code {
        Some(code) => code,
        None => log_codes_codegen::numbering::next_code(
            &table,
            &flags.kind,
            &flags.group,
            flags.counterpart,
        )
        .ok_or_else(|| Failure::Other(format!("kind `{}` has no free number left", flags.kind)))?,
    };
    let code = Code {
        code: number,
        name: flags
            .name
            .clone()
            .unwrap_or_else(|| naming::pascal(&flags.title)),
        title: flags.title.clone(),
        description: flags.description.clone(),
        kind: flags.kind.clone(),
        group: flags.group.clone(),
        deprecated: None,
        translations,
        counterpart: flags.counterpart,
    };
    let what = format!(
        "added {} `{}` ({}, {})",
        code.code, code.name, code.kind, code.group
    );
    let mut codes = table.codes.clone();
    codes.push(code);
    let edited = Table::new(
        codes,
        table.kinds.clone(),
        table.groups.clone(),
        table.locales.clone(),
    )
    .with_reserved(table.reserved.clone());
    save(
        &input,
        flags.out_dir.as_deref(),
        &edited,
        flags.dry_run,
        &what,
    )
}

/// Marks a code deprecated; returns what was done.
pub fn deprecate(flags: &flags::Deprecate) -> Result<String, Failure> {
    let input = (flags.input.clone()).unwrap_or_else(|| workspace_root().join("codes.csv"));
    let mut table = read(&input)?;
    let code = (table.codes.iter_mut())
        .find(|c| c.code == flags.code)
        .ok_or_else(|| Failure::Other(format!("the table has no code {}", flags.code)))?;
    code.deprecated = Some(flags.note.clone());
    let what = format!("deprecated {} `{}`", code.code, code.name);
    save(&input, flags.out_dir.as_deref(), &table, false, &what)
}

/// Writes `edited` as the canonical sheets at `input` (or, with `dry_run`, shows the change),
/// once the sheets read back as a valid table, then regenerates.
fn save(
    input: &Path,
    out_dir: Option<&Path>,
    edited: &Table,
    dry_run: bool,
    what: &str,
) -> Result<String, Failure> {
    let texts = canonical::to_sheets(edited);
    // Read back as `gen` reads the files: any problem is its diagnostic, at its cell.
    let (valid, report) = parse(&texts.input());
    if valid.is_none() {
        return Err(Failure::InvalidTable(Invalid::at(
            &report,
            &display_path(input),
        )));
    }
    let on_disk = sheets::read_sheets(input).map_err(Failure::Other)?;
    let changed: Vec<SheetName> = (SheetName::ALL.into_iter())
        .filter(|&sheet| !canonical::is_canonical(sheet, on_disk.get(sheet), &texts))
        .collect();
    if dry_run {
        let mut out = format!("{what} (dry run: nothing written)\n");
        for sheet in changed {
            let path = sheets::sheet_path(input, sheet);
            let old = on_disk.get(sheet).map(String::from_utf8_lossy);
            out.push_str(&files::diff(&path, old.as_deref(), texts.get(sheet)));
        }
        return Ok(out);
    }
    for sheet in changed {
        let path: PathBuf = sheets::sheet_path(input, sheet);
        files::write_atomically(&path, texts.get(sheet).as_bytes())
            .map_err(|e| Failure::Other(format!("cannot write {}: {e}", path.display())))?;
    }
    let mut options = Options::workspace(Mode::Write);
    options.input = input.to_path_buf();
    if let Some(out_dir) = out_dir {
        options.out_dir = out_dir.to_path_buf();
    }
    let summary = generate(&options)?;
    Ok(format!(
        "{what}\n{}",
        crate::generate::describe(&summary, Mode::Write)
    ))
}
