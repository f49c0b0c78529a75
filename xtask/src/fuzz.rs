//! `cargo xtask fuzz [--seconds N]`: a mutation fuzzer for the CSV → model path that runs on the
//! stable toolchain (coverage-guided fuzzers need nightly here). Inputs start from the corpus of
//! awkward tables and the real table; each round mutates one (byte flips, inserts of the bytes
//! that matter to CSV, deletions, splices of two inputs) and checks the invariants: parsing never
//! panics, a table comes back exactly when there is no error, every diagnostic points inside the
//! file, and a valid table renders every artifact with its JSON reading back as the same table.
//! Inputs that break an invariant are saved under `target/fuzz-findings/`. Not part of CI.

use std::fs;
use std::panic;
use std::time::{Duration, Instant};

use log_codes_codegen::compat::table_from_json;
use log_codes_codegen::testing::render::json;
use log_codes_codegen::{Input, Package, testing::parse, testing::render::render_all};

use crate::files::SheetBytes;
use crate::{Failure, workspace_root};

/// SplitMix64: reproducible rounds from a seed.
struct Rng(u64);

impl Rng {
    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }
}

const INTERESTING: &[u8] = b"\",;\n\r \t\0\xEF\xBB\xBF\xC3\xC5\xFF\xE2\x80\xAE0123456789AZaz_-";

fn mutate(rng: &mut Rng, input: &[u8], other: &[u8]) -> Vec<u8> {
    let mut bytes = input.to_vec();
    for _ in 0..1 + rng.below(6) {
        let at = rng.below(bytes.len() + 1);
        match rng.below(5) {
            0 if at < bytes.len() => bytes[at] ^= 1 << rng.below(8),
            1 => bytes.insert(at, INTERESTING[rng.below(INTERESTING.len())]),
            2 if at < bytes.len() => {
                let end = (at + 1 + rng.below(8)).min(bytes.len());
                bytes.drain(at..end);
            }
            3 if !other.is_empty() => {
                let from = rng.below(other.len());
                let to = (from + 1 + rng.below(64)).min(other.len());
                bytes.splice(at..at, other[from..to].iter().copied());
            }
            _ => {
                if let Some(line_end) = bytes[at.min(bytes.len())..]
                    .iter()
                    .position(|&b| b == b'\n')
                {
                    let start = at + line_end + 1;
                    let line: Vec<u8> = bytes[at..start].to_vec();
                    bytes.splice(start..start, line);
                }
            }
        }
    }
    bytes
}

/// The invariants of one codes sheet, with fixed declaration sheets; `Err` says which broke.
fn check(bytes: &[u8], declared: &SheetBytes) -> Result<bool, String> {
    let input = Input {
        codes: bytes,
        ..declared.input()
    };
    let (table, report) = parse(&input);
    if table.is_some() == report.has_errors() {
        return Err("a table came back with errors, or none without".into());
    }
    for d in &report.diagnostics {
        let text = report.source(d.sheet).text();
        if d.span.start > d.span.end
            || d.span.end > text.len()
            || !text.is_char_boundary(d.span.start)
        {
            return Err(format!("diagnostic outside the file: {d:?}"));
        }
    }
    let _ = report.render("codes.csv", false);
    let Some(table) = table else { return Ok(false) };
    let artifacts = render_all(&table, &Package::new("1.0.0")).map_err(|e| e.to_string())?;
    let data = &artifacts
        .iter()
        .find(|a| a.path == json::DATA)
        .ok_or("no JSON")?
        .contents;
    let (back, _) = table_from_json(data)?;
    if back != table {
        return Err("the JSON does not read back as the table".into());
    }
    Ok(true)
}

/// Runs for `seconds`; returns a summary, or the findings.
pub fn run(seconds: u64) -> Result<String, Failure> {
    let root = workspace_root();
    // The codes sheets are mutated; the real table's declarations stay (the corpus uses few
    // words, and `api` is one of them).
    let declared = crate::files::read_sheets(&root.join("codes.csv")).map_err(Failure::Other)?;
    let mut pool: Vec<Vec<u8>> = vec![declared.codes.clone()];
    for entry in fs::read_dir(root.join("crates/codegen/tests/corpus"))? {
        let path = entry?.path().join("codes.csv");
        if path.is_file() {
            pool.push(fs::read(path)?);
        }
    }
    let findings_dir = crate::target_dir().join("fuzz-findings");
    let mut rng = Rng(u64::from(std::process::id()) ^ 0x5EED);
    let deadline = Instant::now() + Duration::from_secs(seconds);
    let (mut rounds, mut valid, mut findings) = (0u64, 0u64, 0u64);
    panic::set_hook(Box::new(|_| {}));
    while Instant::now() < deadline {
        let input = &pool[rng.below(pool.len())];
        let other = &pool[rng.below(pool.len())];
        let bytes = mutate(&mut rng, input, other);
        rounds += 1;
        let reason = match panic::catch_unwind(|| check(&bytes, &declared)) {
            Ok(Ok(is_valid)) => {
                valid += u64::from(is_valid);
                // Keep some inputs to mutate further, valid ones first.
                if (is_valid || rng.below(50) == 0) && pool.len() < 2000 && bytes.len() < 20_000 {
                    pool.push(bytes);
                }
                continue;
            }
            Ok(Err(reason)) => reason,
            Err(_) => "panic".to_owned(),
        };
        if findings < 100 {
            fs::create_dir_all(&findings_dir)?;
            fs::write(findings_dir.join(format!("finding-{findings}.csv")), &bytes)?;
            fs::write(
                findings_dir.join(format!("finding-{findings}.txt")),
                &reason,
            )?;
        }
        findings += 1;
    }
    let _ = panic::take_hook();
    let summary = format!(
        "fuzz: {rounds} inputs in {seconds} s ({valid} valid tables), {findings} finding(s){}",
        if findings > 0 {
            " saved under target/fuzz-findings/"
        } else {
            ""
        }
    );
    if findings > 0 {
        Err(Failure::Other(summary))
    } else {
        Ok(summary)
    }
}
