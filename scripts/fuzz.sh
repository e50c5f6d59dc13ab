#!/usr/bin/env bash
# Fuzzes each target with cargo-fuzz (libFuzzer) for SECONDS each (default 60): the scenario
# decoder (every reader of hostile text), then the bounds (objects of many members and
# repeated keys, saved lists past their size, names, the fragment's one reading).
# cargo-fuzz needs nightly flags; RUSTC_BOOTSTRAP lets the stable toolchain accept them.
set -euo pipefail
cd "$(dirname "$0")/../crates/engine"
seconds="${1:-60}"
command -v cargo-fuzz >/dev/null || cargo install --locked cargo-fuzz
for target in scenario_decoder bounds; do
  mkdir -p "fuzz/corpus/$target"
  cp -n fuzz/seeds/*.json "fuzz/corpus/$target/" 2>/dev/null || true
  RUSTC_BOOTSTRAP=1 cargo fuzz run "$target" "fuzz/corpus/$target" -- \
    -max_total_time="$seconds" -max_len=4096
done
