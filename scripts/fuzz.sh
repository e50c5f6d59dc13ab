#!/usr/bin/env bash
# Fuzzes the scenario decoder with cargo-fuzz (libFuzzer) for SECONDS (default 60).
# cargo-fuzz needs nightly flags; RUSTC_BOOTSTRAP lets the stable toolchain accept them.
set -euo pipefail
cd "$(dirname "$0")/../crates/engine"
seconds="${1:-60}"
command -v cargo-fuzz >/dev/null || cargo install --locked cargo-fuzz
mkdir -p fuzz/corpus/scenario_decoder
cp -n fuzz/seeds/*.json fuzz/corpus/scenario_decoder/ 2>/dev/null || true
RUSTC_BOOTSTRAP=1 cargo fuzz run scenario_decoder fuzz/corpus/scenario_decoder -- \
  -max_total_time="$seconds" -max_len=4096
