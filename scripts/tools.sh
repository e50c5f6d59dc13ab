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
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$TOOLS_DIR/node_modules/.bin:$PATH"

# Exact versions, installed only from lock files: a tool never changes version by itself.
TRUNK_VERSION='0.21.14'
BINARYEN_VERSION=132
# npm tools (binaryen's wasm-opt): package.json + package-lock.json, installed with `npm ci`.
NPM_TOOLS="$ROOT/scripts/tools"

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
    if command -v trunk >/dev/null && [ "$(trunk --version)" = "trunk $TRUNK_VERSION" ]; then
        return
    fi
    say "installing trunk $TRUNK_VERSION (with its published Cargo.lock)"
    cargo install --locked --force trunk --version "=$TRUNK_VERSION"
}

# The unpacked registry source of crate $1 at exact version $2 (downloaded and checked against
# the registry's checksum by cargo itself, through a throwaway manifest that depends on it).
crate_source() {
    local name="$1" version="$2" tmp
    tmp="$(mktemp -d)"
    mkdir -p "$tmp/src"
    : >"$tmp/src/lib.rs"
    cat >"$tmp/Cargo.toml" <<TOML
[package]
name = "fetch-source"
version = "0.0.0"
edition = "2021"
publish = false

[dependencies]
$name = "=$version"

[workspace]
TOML
    local dir status=0
    dir="$( (cd "$tmp" && cargo metadata --format-version 1 --manifest-path "$tmp/Cargo.toml") \
        | node -e '
let s = ""; process.stdin.on("data", (d) => (s += d)).on("end", () => {
  const [name, version] = process.argv.slice(1);
  const p = JSON.parse(s).packages.find((p) => p.name === name && p.version === version);
  if (!p) process.exit(1);
  process.stdout.write(require("path").dirname(p.manifest_path));
});' "$name" "$version")" || status=$?
    rm -rf "$tmp"
    # Only a crate with a library can be fetched this way (cargo ignores a binary-only one).
    if [ "$status" -ne 0 ] || [ ! -f "$dir/Cargo.toml" ]; then
        say "cannot find the registry source of $name $version"
        return 1
    fi
    printf '%s\n' "$dir"
}

# A tool's crate source, ready to build: copied from the registry into a fresh temporary
# directory outside every Cargo workspace, with lock file $3 (or the lock published with the
# crate), and checked. Prints the directory; the caller removes it.
#
# Never stage under the clone (target/ included): cargo would take the clone's Cargo.toml for
# the workspace and refuse the package ("current package believes it's in a workspace when
# it's not"). A fresh clone has no CARGO_TARGET_DIR, so that is where target/ is.
stage_crate() {
    local name="$1" version="$2" lock="${3:-}" src work
    src="$(crate_source "$name" "$version")" \
        || { say "cannot fetch the source of $name $version"; return 1; }
    work="$(mktemp -d "${TMPDIR:-/tmp}/dpu-tool-$name-$version.XXXXXX")"
    cp -R "$src/." "$work/"
    if [ -n "$lock" ]; then cp "$lock" "$work/Cargo.lock"; fi
    check_staged "$work" "$name" "$version" || { rm -rf "$work"; return 1; }
    printf '%s\n' "$work"
}

# Checks a staged crate the way `cargo install --locked --path` will see it: outside the clone,
# the package and version wanted, a lock file in place that resolves unchanged (`--locked`),
# and a rust-version this toolchain meets. Cheap: no compilation.
check_staged() {
    local work="$1" name="$2" version="$3" meta
    case "$(cd "$work" && pwd -P)/" in
        "$(cd "$ROOT" && pwd -P)/"*) say "$work is inside the clone $ROOT"; return 1 ;;
    esac
    [ -f "$work/Cargo.lock" ] || { say "$name $version: no Cargo.lock in $work"; return 1; }
    meta="$(cd "$work" && cargo metadata --locked --format-version 1 --manifest-path "$work/Cargo.toml")" \
        || { say "$name $version does not resolve with its lock file (cargo metadata --locked)"; return 1; }
    node -e '
const [name, version, rustc] = process.argv.slice(1);
const m = JSON.parse(require("fs").readFileSync(0, "utf8"));
const root = m.packages.find((p) => p.id === m.resolve.root);
if (!root || root.name !== name || root.version !== version) {
  console.error(`==> staged ${root && root.name} ${root && root.version}, wanted ${name} ${version}`);
  process.exit(1);
}
const need = (root.rust_version || "0").split(".").map(Number);
const have = rustc.split(".").map(Number);
for (let i = 0; i < 3; i++) {
  if ((have[i] || 0) !== (need[i] || 0)) {
    if ((have[i] || 0) < (need[i] || 0)) {
      console.error(`==> ${name} ${version} needs rustc ${root.rust_version}; this is ${rustc}`);
      process.exit(1);
    }
    break;
  }
}' "$name" "$version" "$(rustc --version | cut -d' ' -f2)" <<<"$meta"
}

# The lock file scripts/tools/ holds for wasm-bindgen-cli $1, or nothing when the published one
# resolves. The lock published with wasm-bindgen-cli can name a dependency version the registry
# does not offer (0.2.130's names webpki-roots 1.0.11); then scripts/tools/ holds a lock made
# from it with the smallest change (see scripts/tools/README.md). Never an unlocked install.
wasm_bindgen_lock() {
    local lock="$ROOT/scripts/tools/wasm-bindgen-cli-$1.Cargo.lock"
    if [ -f "$lock" ]; then printf '%s\n' "$lock"; fi
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
    local lock work how="its published Cargo.lock"
    lock="$(wasm_bindgen_lock "$want")"
    if [ -n "$lock" ]; then how="scripts/tools/${lock##*/}"; fi
    say "installing wasm-bindgen-cli $want (must match Cargo.lock) with $how"
    work="$(stage_crate wasm-bindgen-cli "$want" "$lock")" || {
        say "wasm-bindgen-cli $want does not build with that lock; make one with"
        say "scripts/tools/wasm-bindgen-cli-lock.sh $want and commit it (scripts/tools/README.md)"
        exit 1
    }
    cargo install --locked --force --path "$work"
    rm -rf "$work"
}

ensure_wasm_opt() {
    local bin="$TOOLS_DIR/node_modules/.bin/wasm-opt"
    if [ -x "$bin" ] && "$bin" --version | grep -q "version $BINARYEN_VERSION" \
        && cmp -s "$NPM_TOOLS/package-lock.json" "$TOOLS_DIR/package-lock.json"; then
        return
    fi
    command -v npm >/dev/null || { say "npm is needed for wasm-opt (binaryen); install Node.js"; exit 1; }
    say "installing wasm-opt (binaryen $BINARYEN_VERSION) and terser (scripts/tools/package-lock.json) into $TOOLS_DIR"
    mkdir -p "$TOOLS_DIR"
    cp "$NPM_TOOLS/package.json" "$NPM_TOOLS/package-lock.json" "$TOOLS_DIR/"
    (cd "$TOOLS_DIR" && npm ci --no-audit --no-fund --silent >&2)
    "$bin" --version | grep -q "version $BINARYEN_VERSION" \
        || { say "wasm-opt is not binaryen $BINARYEN_VERSION after npm ci"; exit 1; }
}

# The standard library's source, for the release build's own std (see release_env).
ensure_rust_src() {
    if ! rustup component list --installed | grep -qx 'rust-src'; then
        say "adding rustup component rust-src (the release build compiles std for size)"
        rustup component add rust-src
    fi
}

# Everything `trunk build` / `trunk serve` needs.
ensure_build_tools() {
    ensure_wasm_target
    ensure_rust_src
    ensure_trunk
    ensure_wasm_bindgen
    ensure_wasm_opt
}

# The release build of the page (build.sh, e2e.sh, wasm-size.sh) compiles the standard library
# itself, for size, with panics that abort at once: the page's wasm then carries no panic
# messages, no panic locations, no unwinding support and no `{:?}` formatting (nothing the
# page shows uses it; saved.rs writes out its one Debug-style quote), and std is optimised for
# size like the rest. Measured on the model 3 page: 242,276 → about 226,000 bytes of wasm, gzip -9
# (−16 KB), which keeps what the page loads under its 250 KB budget (SPEC §9). These are
# unstable options of the pinned stable toolchain, switched on with RUSTC_BOOTSTRAP for the
# release build of the page only; development builds, tests and the CLI use none of them. A
# panic then stops the wasm with a RuntimeError, which the head script turns into the same
# #panic banner the panic hook shows in development builds.
release_env() {
    export RUSTC_BOOTSTRAP=1
    export CARGO_UNSTABLE_BUILD_STD=std,panic_abort
    export CARGO_UNSTABLE_BUILD_STD_FEATURES=optimize_for_size
    export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none -Zfmt-debug=none"
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
# Installed again whenever e2e/package-lock.json changes (a copy of the lock it was installed
# from is kept beside the packages).
ensure_e2e_deps() {
    local stamp="$ROOT/e2e/node_modules/.installed-from.package-lock.json"
    if [ -d "$ROOT/e2e/node_modules/playwright-core" ] && [ -d "$ROOT/e2e/node_modules/axe-core" ] \
        && cmp -s "$ROOT/e2e/package-lock.json" "$stamp"; then
        return
    fi
    say "installing e2e dependencies (playwright-core, axe-core) from e2e/package-lock.json"
    export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
    (cd "$ROOT/e2e" && npm ci --no-audit --no-fund --silent)
    cp "$ROOT/e2e/package-lock.json" "$stamp"
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
