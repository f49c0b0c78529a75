//! A build script's promise, checked: a copy of `tests/build-consumer` rebuilds when its table
//! changes and for nothing else. The copy lives in the target directory, so the files touched
//! are the copy's.

use std::fs;
use std::path::Path;
use std::process::Command;

use crate::Failure;

/// Builds the copy four times: once, then unchanged (the build script must not run), after
/// touching `src/lib.rs` (still not), after touching a sheet (it must).
pub fn run(root: &Path) -> Result<String, Failure> {
    let work = crate::target_dir().join("build-consumer-rebuilds");
    let _ = fs::remove_dir_all(&work);
    let source = root.join("tests/build-consumer");
    for dir in ["src", "table", "tests"] {
        fs::create_dir_all(work.join(dir))?;
        for entry in fs::read_dir(source.join(dir))? {
            let path = entry?.path();
            fs::copy(
                &path,
                work.join(dir).join(path.file_name().unwrap_or_default()),
            )?;
        }
    }
    for file in ["build.rs", "Cargo.lock"] {
        fs::copy(source.join(file), work.join(file))?;
    }
    // The generator by its absolute path, as the copy is elsewhere.
    let codegen = root.join("crates/codegen").display().to_string();
    let manifest = fs::read_to_string(source.join("Cargo.toml"))?
        .replace("../../crates/codegen", &codegen.replace('\\', "/"));
    fs::write(work.join("Cargo.toml"), manifest)?;
    // Copied files are as new as the first build's start: on a coarse clock cargo would find
    // them changed since, and rerun the build script with nothing changed. Two seconds back.
    let earlier = std::time::SystemTime::now() - std::time::Duration::from_secs(2);
    for dir in ["src", "table", "tests"] {
        for entry in fs::read_dir(work.join(dir))? {
            fs::File::options()
                .append(true)
                .open(entry?.path())?
                .set_modified(earlier)?;
        }
    }
    for file in ["build.rs", "Cargo.lock", "Cargo.toml"] {
        fs::File::options()
            .append(true)
            .open(work.join(file))?
            .set_modified(earlier)?;
    }

    let last = std::cell::RefCell::new(String::new());
    let build = || -> Result<bool, Failure> {
        let output = Command::new(env!("CARGO"))
            .args(["build", "--locked", "-v"])
            .current_dir(&work)
            // Shared with the build-script consumer's steps: the generator is built already.
            .env(
                "CARGO_TARGET_DIR",
                crate::target_dir().join("build-consumer"),
            )
            .output()?;
        let log = String::from_utf8_lossy(&output.stderr);
        *last.borrow_mut() = log.to_string();
        if !output.status.success() {
            return Err(Failure::Other(format!(
                "cargo build of {}:\n{log}",
                work.display()
            )));
        }
        // `-v` names each build script it runs (the copy's, in the shared target directory).
        Ok(log.lines().any(|l| {
            l.contains("Running")
                && l.contains("log-codes-build-consumer-")
                && l.contains("build-script-build")
        }))
    };
    build()?;
    // A second ahead: the last build's own timestamps may be a coarse clock's tick later than
    // `now` (and the copy is a scratch one).
    let touch = |path: &Path| -> Result<(), Failure> {
        let file = fs::OpenOptions::new().append(true).open(path)?;
        let later = std::time::SystemTime::now() + std::time::Duration::from_secs(1);
        file.set_modified(later)?;
        Ok(())
    };
    let mut problems = Vec::new();
    if build()? {
        problems.push("the build script ran again with nothing changed");
    }
    touch(&work.join("src/lib.rs"))?;
    if build()? {
        problems.push("the build script ran again after src/lib.rs changed");
    }
    touch(&work.join("table/kinds.csv"))?;
    if !build()? {
        problems.push("the build script did not run after table/kinds.csv changed");
    }
    if problems.is_empty() {
        Ok("build-script consumer: unchanged or with src/lib.rs touched, its build script does not run; with a sheet touched, it does".to_owned())
    } else {
        Err(Failure::Other(format!(
            "{}\nthe last build said:\n{}",
            problems.join("; "),
            last.borrow()
        )))
    }
}
