#!/usr/bin/env bash
# Real-DOM tests of the app in headless Chromium (wasm-bindgen-test, tests/app/browser.rs).
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/tools.sh"
ensure_wasm_target
ensure_wasm_bindgen
ensure_chromium
cd "$ROOT"
export CHROMEDRIVER=/usr/bin/chromedriver
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner
export WASM_BINDGEN_TEST_TIMEOUT=60
cargo test -p dpu-reality-check --target wasm32-unknown-unknown --test app "$@"
