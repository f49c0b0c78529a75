//! Reading the table's sheets from the disk: the codes sheet and the declaration sheets beside
//! it, each refused before it is read when it is not a regular file or too large.

use std::fs;
use std::io::{self, Read as _};
use std::path::{Path, PathBuf};

use log_codes_codegen::SheetName;

/// The largest table read: a 65,536-row table with translations is about 11 MB.
pub const MAX_INPUT: u64 = 256 * 1024 * 1024;

/// The bytes of every sheet of a table, read from the disk.
#[derive(Debug, Clone, Default)]
pub struct SheetBytes {
    /// The codes sheet.
    pub codes: Vec<u8>,
    /// `kinds.csv` beside it, if it exists.
    pub kinds: Option<Vec<u8>>,
    /// `groups.csv` beside it, if it exists.
    pub groups: Option<Vec<u8>>,
    /// `reserved.csv` beside it, if it exists.
    pub reserved: Option<Vec<u8>>,
}

impl SheetBytes {
    /// The sheets as the generator reads them.
    pub fn input(&self) -> log_codes_codegen::Input<'_> {
        log_codes_codegen::Input {
            codes: &self.codes,
            kinds: self.kinds.as_deref(),
            groups: self.groups.as_deref(),
            reserved: self.reserved.as_deref(),
        }
    }

    /// The bytes of `sheet`, if it exists.
    pub fn get(&self, sheet: SheetName) -> Option<&[u8]> {
        self.input().get(sheet)
    }

    /// The sheets as the generator's front door takes them, the codes sheet shown as `shown`.
    pub fn sources(&self, shown: &str) -> log_codes_codegen::Sources {
        let mut sources = log_codes_codegen::Sources::new(shown, self.codes.clone());
        for (sheet, bytes) in [
            (SheetName::Kinds, &self.kinds),
            (SheetName::Groups, &self.groups),
            (SheetName::Reserved, &self.reserved),
        ] {
            if let Some(bytes) = bytes {
                sources = sources.with(sheet, bytes.clone());
            }
        }
        sources
    }
}

/// Where `sheet` of the table whose codes sheet is `codes` is: the declaration sheets are beside
/// it.
pub fn sheet_path(codes: &Path, sheet: SheetName) -> PathBuf {
    sheet.path_beside(codes)
}

/// Writes every sheet of a table made in code: the codes sheet at `codes`, the declaration sheets
/// beside it (for scratch tables: benchmarks, the corpus).
pub fn write_sheets(codes: &Path, sheets: &log_codes_codegen::SheetTexts) -> io::Result<()> {
    if let Some(dir) = codes.parent().filter(|d| !d.as_os_str().is_empty()) {
        fs::create_dir_all(dir)?;
    }
    for sheet in SheetName::ALL {
        // An optional sheet without rows is no file.
        if !(sheet.optional() && sheets.get(sheet).is_empty()) {
            fs::write(sheet_path(codes, sheet), sheets.get(sheet))?;
        }
    }
    Ok(())
}

/// Reads the codes sheet and the declaration sheets beside it, each as [`read_input`] does; a
/// declaration sheet that does not exist is `None` (the generator then says what to write in it).
pub fn read_sheets(codes: &Path) -> Result<SheetBytes, String> {
    let beside = |sheet: SheetName| -> Result<Option<Vec<u8>>, String> {
        let path = sheet_path(codes, sheet);
        match fs::symlink_metadata(&path) {
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
            _ => read_input(&path).map(Some),
        }
    };
    Ok(SheetBytes {
        codes: read_input(codes)?,
        kinds: beside(SheetName::Kinds)?,
        groups: beside(SheetName::Groups)?,
        reserved: beside(SheetName::Reserved)?,
    })
}

/// Reads a table file, refusing what is not a regular file (a directory, a FIFO, a device) or
/// is larger than [`MAX_INPUT`], without reading such a thing at all.
pub fn read_input(path: &Path) -> Result<Vec<u8>, String> {
    let shown = path.display();
    let metadata = fs::metadata(path).map_err(|e| format!("cannot read {shown}: {e}"))?;
    if !metadata.is_file() {
        let what = if metadata.is_dir() {
            "a directory"
        } else {
            "not a regular file (a FIFO, socket or device)"
        };
        return Err(format!(
            "cannot read {shown}: it is {what}; pass the table's CSV file"
        ));
    }
    if metadata.len() > MAX_INPUT {
        return Err(format!(
            "cannot read {shown}: it is {} MiB, more than the {} MiB a table may be",
            metadata.len() / (1024 * 1024),
            MAX_INPUT / (1024 * 1024)
        ));
    }
    let mut bytes = Vec::with_capacity(metadata.len() as usize);
    fs::File::open(path)
        .and_then(|file| file.take(MAX_INPUT + 1).read_to_end(&mut bytes))
        .map_err(|e| format!("cannot read {shown}: {e}"))?;
    if bytes.len() as u64 > MAX_INPUT {
        return Err(format!(
            "cannot read {shown}: it grew past {} MiB while being read",
            MAX_INPUT / (1024 * 1024)
        ));
    }
    Ok(bytes)
}
