//! Wall time, CPU time and peak memory of a command and its children, measured in a child
//! xtask (`__measure`) so that earlier commands do not count.

use std::path::Path;
use std::process::Command;
use std::time::Instant;

use crate::Failure;

/// What [`measure`] saw of a command and its children.
pub(super) struct Measured {
    /// Wall time.
    pub(super) seconds: f64,
    /// The largest process's peak memory, in KiB.
    pub(super) peak_kib: u64,
    /// User and system CPU time of the command and its children.
    pub(super) cpu_seconds: f64,
    /// What the command printed on its standard output.
    pub(super) stdout: String,
}

/// Wall time, CPU time and peak memory of a command and its children, measured in a child xtask
/// so earlier commands do not count. `CARGO_TARGET_DIR` is not passed on: each measured build
/// uses the target directory of the directory it runs in.
pub(super) fn measure(dir: &Path, program: &str, args: &[&str]) -> Result<Measured, Failure> {
    let output = Command::new(std::env::current_exe()?)
        .arg("__measure")
        .arg(program)
        .args(args)
        .current_dir(dir)
        .env_remove("CARGO_TARGET_DIR")
        .output()?;
    let text = String::from_utf8_lossy(&output.stdout);
    // The command's own output, then the helper's line of figures.
    let (stdout, line) = (text.trim_end_matches('\n').rsplit_once('\n')).unwrap_or(("", &text));
    let fields: Vec<&str> = line.split_whitespace().collect();
    match (fields.as_slice(), output.status.success()) {
        ([wall, peak, cpu], true) => Ok(Measured {
            seconds: wall.parse().unwrap_or(f64::NAN),
            peak_kib: peak.parse().unwrap_or(0),
            cpu_seconds: cpu.parse().unwrap_or(f64::NAN),
            stdout: stdout.to_owned(),
        }),
        _ => Err(Failure::Other(format!(
            "{program} {} failed in {}:\n{}{}",
            args.join(" "),
            dir.display(),
            text,
            String::from_utf8_lossy(&output.stderr)
        ))),
    }
}

/// The `__measure` helper: runs the command, then prints `seconds peak_kib cpu_seconds`.
pub fn child(args: &[String]) -> i32 {
    let Some((program, args)) = args.split_first() else {
        eprintln!("usage: xtask __measure PROGRAM [ARG]…");
        return 2;
    };
    let started = Instant::now();
    let status = Command::new(program).args(args).status();
    let wall = started.elapsed().as_secs_f64();
    let (peak_kib, cpu) = children_usage();
    match status {
        Ok(status) if status.success() => {
            println!("{wall:.3} {peak_kib} {cpu:.3}");
            0
        }
        _ => 1,
    }
}

/// The largest finished child's peak memory (KiB) and the children's CPU seconds.
#[cfg(unix)]
fn children_usage() -> (u64, f64) {
    // SAFETY: `rusage` is plain data, for which all zeros is a valid value.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: getrusage writes into the struct we own.
    unsafe { libc::getrusage(libc::RUSAGE_CHILDREN, &mut usage) };
    let seconds = |t: libc::timeval| t.tv_sec as f64 + t.tv_usec as f64 / 1e6;
    let peak_kib = u64::try_from(usage.ru_maxrss).unwrap_or_default();
    (peak_kib, seconds(usage.ru_utime) + seconds(usage.ru_stime))
}

/// Without `getrusage` (Windows), the benchmarks report wall time only: no memory, no CPU time.
#[cfg(not(unix))]
fn children_usage() -> (u64, f64) {
    (0, f64::NAN)
}

/// The median of some measurements.
pub(super) fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}
