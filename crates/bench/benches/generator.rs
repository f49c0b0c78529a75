//! The generator library alone (parse → validate → render every artifact) on synthetic tables of
//! 1,000, 10,000 and 65,536 rows (every possible u16 code); refusing 65,536 bad rows; the name
//! hash of 65,536 realistic names.
//!
//! Run: `cargo bench -p log-codes-bench --bench generator`.

use std::time::Duration;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use log_codes_bench::synthetic_table;
use log_codes_codegen::{Package, testing::parse, testing::render::render_all};

fn generator(c: &mut Criterion) {
    let package = Package::new("0.1.0");
    let mut group = c.benchmark_group("generator");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_millis(200))
        .measurement_time(Duration::from_secs(3));
    for rows in [1_000, 10_000, 65_536] {
        let csv = synthetic_table(rows);
        group.bench_function(BenchmarkId::new("parse+validate+render", rows), |b| {
            b.iter(|| {
                let (table, _) = parse(&csv.input());
                render_all(&table.unwrap(), &package).unwrap()
            })
        });
    }
    // The failure paths at scale: a table whose every row is refused (validation and the
    // rendered diagnostics), and the name hash of realistic, near-miss names.
    let bad = log_codes_codegen::synthetic::synthetic_bad_table(65_536);
    group.bench_function(BenchmarkId::new("refuse+render diagnostics", 65_536), |b| {
        b.iter(|| {
            let (table, report) = parse(&bad.input());
            assert!(table.is_none());
            report.render("codes.csv", false)
        })
    });
    let names = log_codes_codegen::synthetic::realistic_names(65_536);
    let names: Vec<&str> = names.iter().map(String::as_str).collect();
    group.bench_function(
        BenchmarkId::new("name hash of realistic names", 65_536),
        |b| b.iter(|| log_codes_codegen::testing::render::perfect_hash::build(&names).unwrap()),
    );
    group.finish();
}

criterion_group!(benches, generator);
criterion_main!(benches);
