#!/usr/bin/env bash
# What the release wasm holds: builds it with symbol names kept, runs wasm-bindgen and
# wasm-opt -Oz as Trunk does, prints the gzip size of the stripped module and the largest
# items (twiggy), for finding what to cut.
#
#   scripts/wasm-size.sh [N]     # N: how many items to list (default 40)
#   scripts/wasm-size.sh --check # the size guard scripts/test.sh runs: fails if the module
#                                # carries std's float formatting or parsing, std's sorts or
#                                # a BTreeMap of our own (scripts/wasm-names.mjs)
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/tools.sh"
ensure_build_tools
cd "$ROOT"
check=false
if [ "${1:-}" = "--check" ]; then check=true; fi
$check || command -v twiggy >/dev/null || cargo install --locked twiggy
target="${CARGO_TARGET_DIR:-$ROOT/target}/size"
out="$target/out"
release_env
CARGO_TARGET_DIR="$target" CARGO_PROFILE_RELEASE_STRIP=false \
    cargo build -q --locked --release --target wasm32-unknown-unknown -p dpu-reality-check --bin dpu-reality-check
rm -rf "$out"
wasm-bindgen --target web --out-dir "$out" "$target/wasm32-unknown-unknown/release/dpu-reality-check.wasm" 2>/dev/null
features="--enable-bulk-memory --enable-bulk-memory-opt --enable-nontrapping-float-to-int --enable-sign-ext --enable-reference-types --enable-multivalue --converge --low-memory-unused"
# shellcheck disable=SC2086
wasm-opt $features -Oz --debuginfo "$out/dpu-reality-check_bg.wasm" -o "$out/named.wasm"
# shellcheck disable=SC2086
wasm-opt $features -Oz --strip-debug --strip-producers "$out/dpu-reality-check_bg.wasm" -o "$out/stripped.wasm"
echo "wasm: $(stat -c %s "$out/stripped.wasm") bytes, $(gzip -9 -c "$out/stripped.wasm" | wc -c) gzip -9"
if $check; then exec node "$ROOT/scripts/wasm-names.mjs" --check "$out/named.wasm"; fi
twiggy top -n "${1:-40}" "$out/named.wasm"
