#!/usr/bin/env bash
# Runs every test of DPU Reality Check, installing what is missing first. Safe to run again.
#
#   scripts/test.sh
#
# Steps: the build after Trunk (scripts/post-build.mjs) on its own, formatting, clippy (host
# and wasm32), the engine's no-web-dependency invariant, all cargo tests (unit, integration,
# property, snapshot, CLI, app components), the engine benchmark, wasm DOM tests in headless
# Chromium, and the end-to-end suite with its size and speed report.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/tools.sh
source scripts/tools.sh

step() { printf '\n==> [%d s] %s\n' "$SECONDS" "$*"; }

step "The installer, as a fresh clone takes it (no compilation)"
scripts/tools-test.sh

# Before anything compiles: the e2e build runs this program, and a step of it that breaks
# fails there with less to go on. (The e2e suite runs e2e/tests/ again, this file included.)
step "The build after Trunk: its own tests (node --test, no build)"
node --test e2e/tests/post-build.test.mjs

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
# Criterion prints "time: [low median high]" under each benchmark's name. The budget is a
# check on the median, here rather than in a timed test.
awk -v budget_ms=20 '
  !/^Benchmarking/ && /^[a-z]/ { name = $0 }
  /time:/ {
    gsub(/[][]/, "")
    unit = $5; ms = $4 * (unit == "s" ? 1000 : unit == "ms" ? 1 : unit == "µs" || unit == "us" ? 0.001 : 0.000001)
    print "bench: " name ": median " $4 " " $5
    if (ms > budget_ms) { print "bench: " name " is over its budget of " budget_ms " ms"; over = 1 }
    n++
  }
  END { if (n == 0) { print "bench: no result"; exit 1 } exit over }' "$bench_log" \
  || { rm -f "$bench_log"; exit 1; }
rm -f "$bench_log"

step "Size guard: none of std's float formatting or parsing, sorts or our own BTreeMaps in the page"
scripts/wasm-size.sh --check

step "Wasm DOM tests (headless Chromium)"
scripts/wasm-test.sh

step "End-to-end tests (release build in headless Chromium)"
scripts/e2e.sh

step "All passed"
