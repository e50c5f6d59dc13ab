//! The JSON reader and the saved-list bound on the inputs of issue 18: one object of 160,000
//! keys (11.6 s in the page before the reader sorted once instead of inserting each key),
//! the 4.8 MB saved list another page of the origin could write (102 s a load; now refused
//! by its size, unread), and the largest list still read (1 MiB of one object's keys).

use criterion::{Criterion, criterion_group, criterion_main};
use dpu_engine::{json, saved};

/// `{"k159999":0,…,"k000000":0}`: `n` keys in reverse order.
fn object(n: usize) -> String {
    let members: Vec<String> = (0..n).rev().map(|i| format!(r#""k{i:06}":0"#)).collect();
    format!("{{{}}}", members.join(","))
}

/// A saved list whose one scenario is an object of `n` keys.
fn list(n: usize) -> String {
    format!(
        r#"{{"version":1,"saved":[{{"name":"x","scenario":{}}}]}}"#,
        object(n)
    )
}

fn bench(c: &mut Criterion) {
    let mut g = c.benchmark_group("json");
    g.sample_size(10);
    let keys = object(160_000);
    g.bench_function("read an object of 160,000 keys (2 MB)", |b| {
        b.iter(|| json::parse(std::hint::black_box(&keys)))
    });
    let huge = list(400_000);
    assert!(huge.len() > 4_800_000);
    g.bench_function("saved list of 4.8 MB (refused by its size)", |b| {
        b.iter(|| saved::parse(Some(std::hint::black_box(&huge))))
    });
    let mut n = 80_000;
    while list(n + 1_000).len() <= saved::MAX_STORED_BYTES {
        n += 1_000;
    }
    let largest = list(n);
    g.bench_function("saved list of 1 MiB (the largest read)", |b| {
        b.iter(|| saved::parse(Some(std::hint::black_box(&largest))))
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
