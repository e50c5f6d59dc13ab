#!/usr/bin/env bash
# Runs every test of DPU Reality Check, installing what is missing first. Safe to run again.
#
#   scripts/test.sh
#
# Steps: formatting, clippy (host and wasm32), the engine's no-web-dependency invariant,
# all cargo tests (unit, integration, property, snapshot, CLI, app components), the engine
# benchmark, wasm DOM tests in headless Chromium, and the end-to-end suite with its size and
# speed report.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/tools.sh
source scripts/tools.sh

step() { printf '\n==> %s\n' "$*"; }

step "Installing what is missing"
ensure_rust_tools
ensure_test_tools

step "Formatting"
cargo fmt --all --check

step "Clippy (host)"
cargo clippy --workspace --all-targets --locked -- -D warnings

step "Clippy (wasm32: the engine, and the app with its browser tests)"
cargo clippy --target wasm32-unknown-unknown -p dpu-engine --locked -- -D warnings
cargo clippy --target wasm32-unknown-unknown -p dpu-reality-check --all-targets --locked -- -D warnings

step "The engine has no web dependency"
web_deps=$(cargo tree -p dpu-engine -e normal --prefix none --locked | grep -E '^(yew|wasm-bindgen|web-sys|js-sys|gloo)[ -]' || true)
if [ -n "$web_deps" ]; then
  echo "dpu-engine depends on web crates:"; echo "$web_deps"; exit 1
fi
echo "none"

step "Cargo tests (engine, CLI, app components)"
cargo test --workspace --locked

step "Benchmark: one evaluation with 10 000 uncertainty samples (budget 20 ms)"
bench_log=$(mktemp)
cargo bench -p dpu-engine --bench evaluate --locked -- --warm-up-time 1 --measurement-time 3 \
  >"$bench_log" 2>&1 || { cat "$bench_log"; exit 1; }
# Criterion prints "time: [low median high]" under each benchmark's name.
awk '!/^Benchmarking/ && /^[a-z]/ {name=$0} /time:/ {gsub(/[][]/,""); print "bench: " name ": median " $4 " " $5}' "$bench_log"
rm -f "$bench_log"

step "Wasm DOM tests (headless Chromium)"
scripts/wasm-test.sh

step "End-to-end tests (release build in headless Chromium)"
scripts/e2e.sh
