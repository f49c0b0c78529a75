//! Realistic log streams whose every count is known, for the tests and `cargo xtask bench check`:
//! events of a few hundred bytes, the code after a nested object that has a key of the same name
//! in every other one, a tenth of the codes as numeric strings, and a share of truncated lines,
//! lines without the field, values that are not codes, deprecated and unknown codes. Not part of
//! the tool's interface.

use std::collections::BTreeMap;
use std::io::{self, Write};

use crate::catalog::Catalog;

/// What to write.
#[derive(Debug, Clone)]
pub struct Spec {
    pub lines: u64,
    pub seed: u64,
    /// Per million lines.
    pub malformed_ppm: u64,
    pub missing_field_ppm: u64,
    pub not_a_code_ppm: u64,
    pub unknown_ppm: u64,
    pub deprecated_ppm: u64,
}

impl Spec {
    /// The mix the issue asks for: 0.05 % malformed lines, and a little of every other finding.
    pub fn realistic(lines: u64, seed: u64) -> Spec {
        Spec {
            lines,
            seed,
            malformed_ppm: 500,
            missing_field_ppm: 100,
            not_a_code_ppm: 100,
            unknown_ppm: 200,
            deprecated_ppm: 300,
        }
    }
}

/// What the stream holds, as its writer knows it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Known {
    pub lines: u64,
    pub bytes: u64,
    /// Events by code (known or not).
    pub counts: BTreeMap<u16, u64>,
    /// 1-based line numbers.
    pub malformed: Vec<u64>,
    pub missing_field: Vec<u64>,
    pub not_a_code: Vec<u64>,
}

/// splitmix64: small, fast, and the same on every machine.
struct Random(u64);

impl Random {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

/// The codes the stream uses: most active codes (every seventh is never sent, so coverage has
/// gaps), the deprecated ones, and numbers the table does not have.
struct Codes {
    active: Vec<u16>,
    deprecated: Vec<u16>,
    unknown: Vec<u16>,
}

impl Codes {
    fn of(catalog: &Catalog) -> Codes {
        let active: Vec<u16> = (catalog.entries.iter())
            .filter(|e| e.deprecated.is_none())
            .map(|e| e.code)
            .enumerate()
            .filter(|(i, _)| i % 7 != 3)
            .map(|(_, code)| code)
            .collect();
        let deprecated = (catalog.entries.iter())
            .filter(|e| e.deprecated.is_some())
            .map(|e| e.code)
            .collect();
        // Numbers no code has, spread over the whole range (some in a kind's range, some not).
        let unknown = (0..=u16::MAX)
            .step_by(4099)
            .filter(|&n| catalog.entry(n).is_none())
            .collect();
        Codes {
            active,
            deprecated,
            unknown,
        }
    }
}

/// Writes `spec.lines` lines to `out` and returns what they hold.
pub fn write(catalog: &Catalog, spec: &Spec, out: &mut dyn Write) -> io::Result<Known> {
    let codes = Codes::of(catalog);
    let mut random = Random(spec.seed);
    let mut known = Known::default();
    let mut line = Vec::with_capacity(1024);
    let thresholds = [
        spec.malformed_ppm,
        spec.missing_field_ppm,
        spec.not_a_code_ppm,
        spec.unknown_ppm,
        spec.deprecated_ppm,
    ];
    for number in 1..=spec.lines {
        line.clear();
        let mut roll = random.below(1_000_000);
        let mut pick = None;
        for (what, &ppm) in thresholds.iter().enumerate() {
            if roll < ppm {
                pick = Some(what);
                break;
            }
            roll -= ppm;
        }
        let pool = match pick {
            Some(3) if !codes.unknown.is_empty() => &codes.unknown,
            Some(4) if !codes.deprecated.is_empty() => &codes.deprecated,
            _ => &codes.active,
        };
        let code = if pool.is_empty() {
            None
        } else {
            Some(pool[random.below(pool.len() as u64) as usize])
        };
        let value = match (pick, code) {
            (Some(1), _) => None,
            (Some(2), _) => Some(
                ["\"n/a\"", "-1", "2001.5", "null", "\"70000\"", "{}"][random.below(6) as usize]
                    .to_owned(),
            ),
            (_, Some(code)) if random.below(10) == 0 => Some(format!("\"{code}\"")),
            (_, Some(code)) => Some(code.to_string()),
            (_, None) => None,
        };
        // Every odd line has the field after the nested object: at least half of them.
        event(&mut random, value.as_deref(), number % 2 == 1, &mut line);
        match (pick, value.as_ref(), code) {
            // A line cut short, as a crashed writer leaves it: the field may be before the cut.
            (Some(0), _, _) => {
                let cut = 1 + random.below(line.len() as u64 - 2) as usize;
                line.truncate(cut);
                known.malformed.push(number);
            }
            (Some(1), _, _) | (_, None, _) => known.missing_field.push(number),
            (Some(2), _, _) => known.not_a_code.push(number),
            (_, Some(_), Some(code)) => *known.counts.entry(code).or_default() += 1,
            (_, Some(_), None) => unreachable!("a value is written for a code"),
        }
        line.push(b'\n');
        out.write_all(&line)?;
        known.bytes += line.len() as u64;
    }
    known.lines = spec.lines;
    Ok(known)
}

const APPS: [&str; 4] = ["Dashboard", "Mobile \\\"Beta\\\"", "Partner portal", "CLI"];
const PATHS: [&str; 4] = ["/authorize", "/oauth/token", "/u/login", "/api/v2/users"];

/// One event, about 300 to 500 bytes; `value` is the field's JSON value, or `None` to leave the
/// field out; `field_last` puts it after the nested object that has a key of the same name.
fn event(random: &mut Random, value: Option<&str>, field_last: bool, out: &mut Vec<u8>) {
    let (day, second) = (1 + random.below(28), random.below(86_400));
    let id = random.next();
    let head = format!(
        "{{\"date\":\"2026-11-{day:02}T{:02}:{:02}:{:02}.{:03}Z\",\"log_id\":\"9002026{id:020}\",\"client_id\":\"{:016x}\",\"client_name\":\"{}\",\"ip\":\"203.0.113.{}\"",
        second / 3600,
        second / 60 % 60,
        second % 60,
        random.below(1000),
        random.next(),
        APPS[random.below(4) as usize],
        random.below(255),
    );
    out.extend_from_slice(head.as_bytes());
    let field = value.map(|v| format!(",\"type\":{v}")).unwrap_or_default();
    if !field_last {
        out.extend_from_slice(field.as_bytes());
    }
    let details = format!(
        ",\"details\":{{\"request\":{{\"method\":\"POST\",\"path\":\"{}\",\"type\":\"nested\"}},\"elapsed_ms\":{}.{},\"tags\":[\"sso\",{},null,true],\"type\":{}}}",
        PATHS[random.below(4) as usize],
        random.below(900),
        random.below(10),
        random.below(100),
        random.below(5000),
    );
    out.extend_from_slice(details.as_bytes());
    out.extend_from_slice(b",\"user_agent\":\"Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36\",\"user_id\":\"auth0|");
    out.extend_from_slice(format!("{:012x}", random.next() >> 16).as_bytes());
    out.extend_from_slice(b"\",\"description\":\"caf\\u00e9 \xc3\xa9v\xc3\xa9nement\"");
    if field_last {
        out.extend_from_slice(field.as_bytes());
    }
    out.push(b'}');
}
