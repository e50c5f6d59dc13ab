#!/usr/bin/env bash
# Fuzzes each target with cargo-fuzz (libFuzzer) for SECONDS each (default 60): the scenario
# decoder (every reader of hostile text), the bounds (objects of many members and repeated
# keys, saved lists past their size, names, the fragment's one reading), then the two
# differential targets: the page's own float code against std (float_diff) and its own JSON
# reader and writers against serde_json (json_diff).
# cargo-fuzz needs nightly flags; RUSTC_BOOTSTRAP lets the stable toolchain accept them.
set -euo pipefail
cd "$(dirname "$0")/../crates/engine"
seconds="${1:-60}"
command -v cargo-fuzz >/dev/null || cargo install --locked cargo-fuzz
for target in scenario_decoder bounds float_diff json_diff; do
  mkdir -p "fuzz/corpus/$target"
  cp -n fuzz/seeds/*.json "fuzz/corpus/$target/" 2>/dev/null || true
  RUSTC_BOOTSTRAP=1 cargo fuzz run "$target" "fuzz/corpus/$target" -- \
    -max_total_time="$seconds" -max_len=4096
done
