//! One full evaluation (rules, cost model, 10 000 uncertainty samples). Budget: 20 ms natively.

use criterion::{Criterion, criterion_group, criterion_main};
use dpu_engine::{Scenario, evaluate, presets};

fn bench(c: &mut Criterion) {
    let default = Scenario::default();
    c.bench_function("evaluate default scenario (10k samples)", |b| {
        b.iter(|| evaluate(std::hint::black_box(&default)))
    });
    let nfv = presets::preset("nfv-heavy")
        .and_then(|p| p.scenario().ok())
        .unwrap_or_default();
    c.bench_function("evaluate nfv-heavy (10k samples)", |b| {
        b.iter(|| evaluate(std::hint::black_box(&nfv)))
    });
    let json = presets::preset("hype-case").map(|p| p.json).unwrap_or("{}");
    c.bench_function("parse + evaluate hype-case JSON", |b| {
        b.iter(|| dpu_engine::evaluate_json(std::hint::black_box(json)))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
