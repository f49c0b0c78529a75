//! Writing generated files: only when changed, atomically, or (in check mode) not at all.

use std::fs;
use std::io::{self, Read as _, Write as _};
use std::path::{Path, PathBuf};

/// Whether to write stale files or only report them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Bring every file up to date.
    Write,
    /// Write nothing; report stale files with a diff.
    Check,
}

/// What happened to one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Already up to date; not touched (its mtime stays).
    Unchanged,
    /// Rewritten (or created).
    Written,
    /// Out of date in check mode; the unified diff from the file on disk to the expected text.
    Stale(String),
    /// A generated file the table no longer produces, deleted.
    Removed,
}

/// Brings `path` to `contents` according to `mode`. Line endings on disk are compared as LF, so
/// a checkout with `core.autocrlf` is not reported stale.
pub fn sync(path: &Path, contents: &str, mode: Mode) -> io::Result<Outcome> {
    sync_from(path, current(path)?, contents, mode)
}

/// The text of the file at `path` as [`sync`] compares it (CRLF read as LF), or `None` when
/// there is no file.
pub fn current(path: &Path) -> io::Result<Option<String>> {
    match fs::read(path) {
        Ok(bytes) => Ok(Some(String::from_utf8_lossy(&bytes).replace("\r\n", "\n"))),
        // A file where one of its directories should be is no file either (the preflight says
        // what is in the way).
        Err(e)
            if matches!(
                e.kind(),
                io::ErrorKind::NotFound | io::ErrorKind::NotADirectory
            ) =>
        {
            Ok(None)
        }
        Err(e) => Err(e),
    }
}

/// [`sync`] of a file whose [`current`] text was already read.
pub fn sync_from(
    path: &Path,
    current: Option<String>,
    contents: &str,
    mode: Mode,
) -> io::Result<Outcome> {
    if current.as_deref() == Some(contents) {
        return Ok(Outcome::Unchanged);
    }
    match mode {
        Mode::Check => Ok(Outcome::Stale(diff(path, current.as_deref(), contents))),
        Mode::Write => {
            write_atomically(path, contents.as_bytes())?;
            Ok(Outcome::Written)
        }
    }
}

/// The generated files below `dir` (a directory a target owns) that are not `produced`: files
/// that start with `notice`, found without following any link (what a link points at may be
/// outside the output directory).
pub fn orphans(dir: &Path, produced: &[PathBuf], notice: &str) -> io::Result<Vec<PathBuf>> {
    let mut found = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(dir) = pending.pop() {
        let Ok(entries) = fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let (path, kind) = (entry.path(), entry.file_type()?);
            if kind.is_dir() {
                pending.push(path);
            } else if kind.is_file() && !produced.contains(&path) && is_generated(&path, notice) {
                found.push(path);
            }
        }
    }
    found.sort();
    Ok(found)
}

/// Whether the file's first line is the generated notice; a file that cannot be read, or is not
/// text, is not ours.
fn is_generated(path: &Path, notice: &str) -> bool {
    use std::io::BufRead as _;
    let Ok(file) = fs::File::open(path) else {
        return false;
    };
    let mut first = Vec::new();
    let _ = io::BufReader::new(file)
        .take(4096)
        .read_until(b'\n', &mut first);
    String::from_utf8_lossy(&first).contains(notice)
}

/// Deletes an orphan (and its directory, once empty), or in check mode reports it as stale
/// with a diff to nothing.
pub fn retire(path: &Path, mode: Mode) -> io::Result<Outcome> {
    match mode {
        Mode::Check => {
            let current = fs::read_to_string(path)?;
            Ok(Outcome::Stale(format!(
                "{}(the table no longer produces {}: `cargo xtask gen` deletes it)\n",
                diff(path, Some(&current), ""),
                path.display()
            )))
        }
        Mode::Write => {
            fs::remove_file(path)?;
            if let Some(dir) = path.parent() {
                // Only when empty: anything else in it is not ours.
                let _ = fs::remove_dir(dir);
            }
            Ok(Outcome::Removed)
        }
    }
}

/// Whether the file at `path`, holding `current`, is one the generator wrote and may replace
/// with `new`: it starts with the generated notice, or it is the same generated JSON document
/// (JSON has no comments: the schema by its `$id`, the data by its `$schema`, the npm manifest by
/// its `name` and `type`). Anything else is someone else's file.
pub fn owned(current: &str, new: &str, notice: &str) -> bool {
    if current.lines().take(2).any(|line| line.contains(notice)) {
        return true;
    }
    let (Ok(serde_json::Value::Object(current)), Ok(serde_json::Value::Object(new))) = (
        serde_json::from_str::<serde_json::Value>(current),
        serde_json::from_str::<serde_json::Value>(new),
    ) else {
        return false;
    };
    let same = |key: &str| new.get(key).is_some() && current.get(key) == new.get(key);
    let urn = |value: Option<&serde_json::Value>| {
        value
            .and_then(|v| v.as_str())
            .and_then(|v| v.strip_prefix("urn:log-codes:"))
            .and_then(|v| v.rsplit_once(':'))
            .map(|(file, _version)| file.to_owned())
    };
    if new.contains_key("$id") {
        return urn(current.get("$id")).is_some_and(|file| Some(file) == urn(new.get("$id")));
    }
    if new.contains_key("$schema") {
        return same("$schema");
    }
    same("name") && same("type")
}

/// An advisory lock on the output directory itself (no file is added to it), held until
/// dropped: exclusive to write, shared to check. A run that has to wait says so, as cargo does.
pub fn lock(dir: &Path, exclusive: bool) -> Result<fs::File, String> {
    let file = fs::File::open(dir).map_err(|e| format!("cannot lock {}: {e}", dir.display()))?;
    let attempt = if exclusive {
        file.try_lock()
    } else {
        file.try_lock_shared()
    };
    match attempt {
        Ok(()) => return Ok(file),
        Err(fs::TryLockError::WouldBlock) => {
            eprintln!(
                "    Blocking waiting for file lock on {} (another `cargo xtask gen` is running)",
                dir.display()
            );
        }
        Err(fs::TryLockError::Error(e)) => {
            return Err(format!("cannot lock {}: {e}", dir.display()));
        }
    }
    let waited = if exclusive {
        file.lock()
    } else {
        file.lock_shared()
    };
    waited.map_err(|e| format!("cannot lock {}: {e}", dir.display()))?;
    Ok(file)
}

/// Whether a file can be created in `dir`: a temporary file is created there and removed.
pub fn probe_writable(dir: &Path) -> io::Result<()> {
    let probe = dir.join(format!(".log-codes-probe.{}.tmp", std::process::id()));
    fs::File::create(&probe)?;
    fs::remove_file(&probe)
}

/// Removes temporary files an interrupted run left beside `path` (`.NAME.PID.tmp`).
pub fn remove_stale_temps(path: &Path) -> io::Result<()> {
    let (Some(dir), Some(name)) = (path.parent(), path.file_name()) else {
        return Ok(());
    };
    let prefix = format!(".{}.", name.to_string_lossy());
    let Ok(entries) = fs::read_dir(dir) else {
        return Ok(());
    };
    for entry in entries.flatten() {
        let file = entry.file_name().to_string_lossy().into_owned();
        let regular = entry.file_type().is_ok_and(|t| t.is_file());
        if regular && file.starts_with(&prefix) && file.ends_with(".tmp") {
            fs::remove_file(entry.path())?;
        }
    }
    Ok(())
}

/// A test hook: with `LOG_CODES_GEN_ABORT_BEFORE_RENAME=N`, the process aborts after writing the
/// temporary file of its Nth write, before renaming it, as a kill at the worst moment would.
fn abort_if_asked() {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static WRITES: AtomicUsize = AtomicUsize::new(0);
    let Some(limit) = std::env::var("LOG_CODES_GEN_ABORT_BEFORE_RENAME")
        .ok()
        .and_then(|v| v.parse::<usize>().ok())
    else {
        return;
    };
    if WRITES.fetch_add(1, Ordering::SeqCst) + 1 == limit {
        std::process::abort();
    }
}

pub(crate) fn diff(path: &Path, old: Option<&str>, new: &str) -> String {
    let name = path.display().to_string();
    let old_name = if old.is_some() {
        name.clone()
    } else {
        "/dev/null".to_owned()
    };
    similar::TextDiff::from_lines(old.unwrap_or(""), new)
        .unified_diff()
        .context_radius(3)
        .header(&old_name, &format!("{name} (expected)"))
        .to_string()
}

/// Writes a temporary file beside `path` and renames it over `path`, so a reader (or a run killed
/// half-way) sees either the old file or the new one, never a mix.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    fs::create_dir_all(dir)?;
    let temp = temp_path(path);
    let result = (|| {
        let mut file = fs::File::create(&temp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        abort_if_asked();
        fs::rename(&temp, path)
    })();
    if result.is_err() {
        let _ = fs::remove_file(&temp);
    }
    result
}

fn temp_path(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map_or_else(Default::default, |n| n.to_string_lossy().into_owned());
    path.with_file_name(format!(".{name}.{}.tmp", std::process::id()))
}

/// Copies the directory `from` to `to`, but for the entries (at any depth) whose name `keep`
/// refuses.
pub fn copy_tree(
    from: &Path,
    to: &Path,
    keep: &dyn Fn(&std::ffi::OsStr) -> bool,
) -> io::Result<()> {
    fs::create_dir_all(to)?;
    for entry in fs::read_dir(from)? {
        let entry = entry?;
        let name = entry.file_name();
        if !keep(&name) {
            continue;
        }
        let path = entry.path();
        if path.is_dir() {
            copy_tree(&path, &to.join(&name), keep)?;
        } else {
            fs::copy(&path, to.join(&name))?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Below the build's target directory, as the integration tests' scratch directories are.
    fn scratch(name: &str) -> PathBuf {
        let dir = crate::target_dir()
            .join("tmp")
            .join(format!("xtask-files-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        dir
    }

    #[test]
    fn unchanged_file_is_not_rewritten() {
        let dir = scratch("unchanged");
        let path = dir.join("a.txt");
        assert_eq!(sync(&path, "one\n", Mode::Write).unwrap(), Outcome::Written);
        let before = fs::metadata(&path).unwrap().modified().unwrap();
        std::thread::sleep(std::time::Duration::from_millis(20));
        assert_eq!(
            sync(&path, "one\n", Mode::Write).unwrap(),
            Outcome::Unchanged
        );
        assert_eq!(fs::metadata(&path).unwrap().modified().unwrap(), before);
        assert_eq!(
            fs::read_dir(&dir).unwrap().count(),
            1,
            "no temp file left behind"
        );
    }

    #[test]
    fn check_mode_writes_nothing_and_shows_a_diff() {
        let dir = scratch("check");
        let path = dir.join("a.txt");
        fs::write(&path, "one\ntwo\n").unwrap();
        let Outcome::Stale(diff) = sync(&path, "one\n2\n", Mode::Check).unwrap() else {
            panic!("expected stale");
        };
        assert!(diff.contains("-two\n+2\n"), "{diff}");
        assert_eq!(fs::read_to_string(&path).unwrap(), "one\ntwo\n");
        let missing = dir.join("b.txt");
        assert!(matches!(
            sync(&missing, "x\n", Mode::Check).unwrap(),
            Outcome::Stale(_)
        ));
        assert!(!missing.exists());
    }

    #[test]
    fn crlf_checkout_is_not_stale() {
        let dir = scratch("crlf");
        let path = dir.join("a.txt");
        fs::write(&path, "one\r\ntwo\r\n").unwrap();
        assert_eq!(
            sync(&path, "one\ntwo\n", Mode::Check).unwrap(),
            Outcome::Unchanged
        );
    }
}
