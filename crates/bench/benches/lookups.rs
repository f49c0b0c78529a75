//! Lookups of the generated code against the alternatives a user would write, side by side in one
//! run, per lookup, over a small input the branch predictor learns ("hot", 1,024 items) and a large
//! random one ("random", 65,536 items), 70% known and 30% unknown.
//!
//! Run: `cargo bench -p log-codes-bench --bench lookups`; then `cargo xtask bench-report` writes
//! the medians and ratios into `crates/log-codes/BENCHMARKS.md`.

use std::hint::black_box;
use std::time::Duration;

use criterion::{
    BenchmarkGroup, BenchmarkId, Criterion, criterion_group, criterion_main, measurement::WallTime,
};
use log_codes::{AnyLogCode, LogCode};
use log_codes_bench::*;

/// Measures `lookup` once per item, cycling through the input.
fn per_item<T, R>(
    group: &mut BenchmarkGroup<'_, WallTime>,
    name: &str,
    inputs: &[Vec<T>; 2],
    lookup: impl Fn(&T) -> R,
) {
    labeled(group, name, ["hot", "random"], inputs, lookup);
}

/// [`per_item`] with other names for the two inputs.
fn labeled<T, R>(
    group: &mut BenchmarkGroup<'_, WallTime>,
    name: &str,
    labels: [&str; 2],
    inputs: &[Vec<T>; 2],
    lookup: impl Fn(&T) -> R,
) {
    for (label, input) in labels.into_iter().zip(inputs) {
        let mask = input.len() - 1;
        group.bench_function(BenchmarkId::new(name, label), |b| {
            let mut i = 0;
            b.iter(|| {
                i = (i + 1) & mask;
                black_box(lookup(black_box(&input[i])))
            })
        });
    }
}

fn both<T>(make: impl Fn(usize) -> Vec<T>) -> [Vec<T>; 2] {
    [make(HOT), make(RANDOM)]
}

fn code_to_enum(c: &mut Criterion) {
    let inputs = both(code_inputs);
    let (hash, fx) = (hash_map_by_code(), fx_map_by_code());
    let mut group = c.benchmark_group("code_to_enum");
    per_item(&mut group, "generated from_code", &inputs, |&n| {
        LogCode::from_code(n)
    });
    per_item(&mut group, "strum FromRepr", &inputs, |&n| {
        StrumCode::from_repr(n)
    });
    per_item(&mut group, "match", &inputs, |&n| match_from_code(n));
    per_item(&mut group, "sorted array, binary search", &inputs, |&n| {
        binary_search(n)
    });
    per_item(&mut group, "std HashMap", &inputs, |n| hash.get(n).copied());
    per_item(&mut group, "FxHashMap", &inputs, |n| fx.get(n).copied());
    per_item(&mut group, "phf Map", &inputs, |n| {
        PHF_BY_CODE.get(n).copied()
    });
    group.finish();
}

/// The kind of a code from a log: `AnyLogCode::kind` answers for unknown codes too, from the
/// kinds' ranges; against the lookup it must stay near, and what a user writes without it.
fn code_to_kind(c: &mut Criterion) {
    let mut rng = Rng::new(7);
    let known: Vec<u16> = (0..RANDOM)
        .map(|_| LogCode::ALL[rng.below(LogCode::ALL.len())].code())
        .collect();
    let unknown: Vec<u16> = std::iter::from_fn(|| Some(rng.next_u64() as u16))
        .filter(|&n| LogCode::from_code(n).is_none())
        .take(RANDOM)
        .collect();
    let inputs = [known, unknown];
    let mut group = c.benchmark_group("code_to_kind");
    let labels = ["known", "unknown"];
    labeled(
        &mut group,
        "generated AnyLogCode::kind",
        labels,
        &inputs,
        |&n| AnyLogCode::new(n).kind(),
    );
    labeled(
        &mut group,
        "generated from_code (no kind)",
        labels,
        &inputs,
        |&n| LogCode::from_code(n),
    );
    labeled(
        &mut group,
        "from_code, then kind (no range)",
        labels,
        &inputs,
        |&n| LogCode::from_code(n).map(LogCode::kind),
    );
    group.finish();
}

fn name_to_enum(c: &mut Criterion) {
    let inputs = both(name_inputs);
    let (hash, fx) = (hash_map_by_name(), fx_map_by_name());
    let mut group = c.benchmark_group("name_to_enum");
    per_item(&mut group, "generated from_name", &inputs, |n| {
        LogCode::from_name(n)
    });
    // FromStr also reads numbers, and its error quotes the refused input (30% of these).
    per_item(
        &mut group,
        "parse: FromStr, error quoting the input",
        &inputs,
        |n| n.parse::<LogCode>().ok(),
    );
    per_item(&mut group, "strum EnumString", &inputs, |n| {
        n.parse::<StrumCode>().ok()
    });
    per_item(&mut group, "match", &inputs, |n| match_from_name(n));
    per_item(&mut group, "std HashMap", &inputs, |n| {
        hash.get(n.as_str()).copied()
    });
    per_item(&mut group, "FxHashMap", &inputs, |n| {
        fx.get(n.as_str()).copied()
    });
    per_item(&mut group, "phf Map", &inputs, |n| {
        PHF_BY_NAME.get(n.as_str()).copied()
    });
    group.finish();
}

fn fields(c: &mut Criterion) {
    let codes = both(variant_inputs);
    let dense = both(dense_inputs);
    let mut group = c.benchmark_group("enum_to_title");
    per_item(&mut group, "generated title()", &codes, |c| c.title());
    per_item(&mut group, "match", &codes, |&c| match_title(c));
    per_item(&mut group, "dense array", &dense, |&d| {
        DENSE_TITLES[d as usize]
    });
    group.finish();
    let mut group = c.benchmark_group("enum_to_name");
    per_item(&mut group, "generated name()", &codes, |c| c.name());
    per_item(&mut group, "match", &codes, |&c| match_name(c));
    per_item(&mut group, "dense array", &dense, |&d| {
        DENSE_NAMES[d as usize]
    });
    group.finish();
    let mut group = c.benchmark_group("enum_to_kind");
    per_item(&mut group, "generated kind()", &codes, |c| c.kind());
    per_item(&mut group, "match", &codes, |&c| match_kind(c));
    per_item(&mut group, "dense array", &dense, |&d| {
        DENSE_KINDS[d as usize]
    });
    group.finish();
    let mut group = c.benchmark_group("enum_to_group");
    per_item(&mut group, "generated group()", &codes, |c| c.group());
    per_item(&mut group, "match", &codes, |&c| match_group(c));
    per_item(&mut group, "dense array", &dense, |&d| {
        DENSE_GROUPS[d as usize]
    });
    group.finish();
}

fn serde(c: &mut Criterion) {
    let records = both(record_inputs);
    let mut group = c.benchmark_group("serde_record");
    per_item(&mut group, "generated AnyLogCode", &records, |json| {
        serde_json::from_str::<Record>(json)
            .map(|r| (r.code, r.message.len()))
            .ok()
    });
    per_item(&mut group, "serde_repr enum", &records, |json| {
        serde_json::from_str::<ReprRecord>(json)
            .map(|r| (r.code, r.message.len()))
            .ok()
    });
    group.finish();
    let records = both(word_record_inputs);
    let mut group = c.benchmark_group("serde_record_words");
    per_item(
        &mut group,
        "generated AnyKind/AnyGroup (owned, inline)",
        &records,
        |json| {
            serde_json::from_str::<WordRecord>(json)
                .map(|r| (r.code, r.kind.known(), r.group.known(), r.message.len()))
                .ok()
        },
    );
    per_item(&mut group, "borrowed &str words", &records, |json| {
        serde_json::from_str::<BorrowedWordRecord>(json)
            .map(|r| (r.code, r.kind.len(), r.group.len(), r.message.len()))
            .ok()
    });
    per_item(&mut group, "String words", &records, |json| {
        serde_json::from_str::<StringWordRecord>(json)
            .map(|r| (r.code, r.kind.len(), r.group.len(), r.message.len()))
            .ok()
    });
    per_item(
        &mut group,
        "serde_repr enum, String words",
        &records,
        |json| {
            serde_json::from_str::<ReprWordRecord>(json)
                .map(|r| (r.code, r.kind.len(), r.group.len(), r.message.len()))
                .ok()
        },
    );
    group.finish();
    let _ = AnyLogCode::new(0);
}

fn config() -> Criterion {
    Criterion::default()
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_millis(1500))
        .sample_size(40)
}

criterion_group! { name = benches; config = config(); targets = code_to_enum, code_to_kind, name_to_enum, fields, serde }
criterion_main!(benches);
