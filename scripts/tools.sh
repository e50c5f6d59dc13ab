#!/usr/bin/env bash
# Shared tool installer for scripts/serve.sh, scripts/e2e.sh and scripts/wasm-test.sh.
# Source it (`. scripts/tools.sh`) and call the ensure_* functions you need. Each one
# skips what is already installed at the right version, so running it twice is cheap.
# Trunk cannot download tools here: Trunk.toml pins `[tools]` to the versions installed below,
# and Trunk then uses the ones it finds on PATH.

set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# Outside the clone when CI keeps its build cache elsewhere (.ci/run sets CARGO_TARGET_DIR).
TOOLS_DIR="${CARGO_TARGET_DIR:-$ROOT/target}/tools"
export PATH="$HOME/.cargo/bin:$TOOLS_DIR/node_modules/.bin:$PATH"

TRUNK_VERSION='~0.21'
BINARYEN_VERSION=132

say() { printf '==> %s\n' "$*" >&2; }

# The wasm-bindgen version in Cargo.lock; the CLI must match it exactly.
wasm_bindgen_version() {
    awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$ROOT/Cargo.lock"
}

ensure_wasm_target() {
    if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
        say "adding the wasm32-unknown-unknown target"
        rustup target add wasm32-unknown-unknown
    fi
}

ensure_trunk() {
    if command -v trunk >/dev/null && trunk --version | grep -q '^trunk 0\.21\.'; then
        return
    fi
    say "installing trunk $TRUNK_VERSION"
    cargo install --locked trunk --version "$TRUNK_VERSION" \
        || cargo install trunk --version "$TRUNK_VERSION"
}

ensure_wasm_bindgen() {
    local want
    want="$(wasm_bindgen_version)"
    if [ -z "$want" ]; then
        say "wasm-bindgen not in Cargo.lock yet; resolving"
        (cd "$ROOT" && cargo fetch --target wasm32-unknown-unknown >/dev/null)
        want="$(wasm_bindgen_version)"
    fi
    if command -v wasm-bindgen >/dev/null && [ "$(wasm-bindgen --version | cut -d' ' -f2)" = "$want" ] \
        && command -v wasm-bindgen-test-runner >/dev/null; then
        return
    fi
    say "installing wasm-bindgen-cli $want (must match Cargo.lock)"
    # Its own lock file can name a dependency version the registry no longer offers;
    # then resolve afresh (the CLI's version itself stays exact).
    cargo install --locked wasm-bindgen-cli --version "=$want" \
        || cargo install wasm-bindgen-cli --version "=$want"
}

ensure_wasm_opt() {
    if [ -x "$TOOLS_DIR/node_modules/.bin/wasm-opt" ] \
        && "$TOOLS_DIR/node_modules/.bin/wasm-opt" --version | grep -q "version $BINARYEN_VERSION"; then
        return
    fi
    command -v npm >/dev/null || { say "npm is needed for wasm-opt (binaryen); install Node.js"; exit 1; }
    say "installing wasm-opt (npm binaryen@$BINARYEN_VERSION) into $TOOLS_DIR"
    mkdir -p "$TOOLS_DIR"
    npm install --prefix "$TOOLS_DIR" --no-audit --no-fund --silent "binaryen@$BINARYEN_VERSION" >&2
}

# Everything `trunk build` / `trunk serve` needs.
ensure_build_tools() {
    ensure_wasm_target
    ensure_trunk
    ensure_wasm_bindgen
    ensure_wasm_opt
}

# Headless Chromium and its driver for the browser tests.
ensure_chromium() {
    if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
        return
    fi
    say "installing chromium and chromium-driver with apt"
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    $sudo apt-get install -y -qq chromium chromium-driver
}

# playwright-core and axe-core for the e2e suite (never downloads browsers).
ensure_e2e_deps() {
    if [ -d "$ROOT/e2e/node_modules/playwright-core" ] && [ -d "$ROOT/e2e/node_modules/axe-core" ]; then
        return
    fi
    say "installing e2e dependencies (playwright-core, axe-core)"
    export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
    if [ -f "$ROOT/e2e/package-lock.json" ]; then
        (cd "$ROOT/e2e" && npm ci --no-audit --no-fund --silent)
    else
        (cd "$ROOT/e2e" && npm install --no-audit --no-fund --silent)
    fi
}

# Rust pieces the checks need: the wasm target, rustfmt and clippy.
ensure_rust_tools() {
    ensure_wasm_target
    local have
    have="$(rustup component list --installed)"
    for c in rustfmt clippy; do
        if ! grep -q "^$c" <<<"$have"; then
            say "adding rustup component $c"
            rustup component add "$c"
        fi
    done
}

# Everything scripts/wasm-test.sh and scripts/e2e.sh need.
ensure_test_tools() {
    ensure_build_tools
    ensure_chromium
    ensure_e2e_deps
}
