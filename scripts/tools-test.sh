#!/usr/bin/env bash
# Tests scripts/tools.sh the way a fresh clone takes it, without compiling any tool (seconds,
# not the 15 minutes of a real install). Run by scripts/test.sh, so by CI, whose cached build
# directory and installed tools would otherwise hide every install path a newcomer takes.
#
#   scripts/tools-test.sh
#
# 1. The versions agree: Trunk.toml's pins, Cargo.lock's wasm-bindgen, the npm locks, and
#    the rust-version of the pinned trunk and wasm-bindgen-cli against this toolchain.
# 2. wasm-bindgen-cli is staged as a fresh clone stages it (no CARGO_TARGET_DIR, so target/
#    inside the clone): outside the workspace, the right version, the lock file in place, and
#    `cargo metadata --locked` passes there (cargo's workspace check and the lock's check).
#    The same check must refuse a copy staged inside the clone (the regression of issue 15).
# 3. A lock file in scripts/tools/ is there only while the published one does not resolve.
# 4. The npm installs (wasm-opt, the e2e packages) are from lock files at the pinned versions.
set -euo pipefail
unset CARGO_TARGET_DIR
# shellcheck source=scripts/tools.sh
. "$(dirname "${BASH_SOURCE[0]}")/tools.sh"
cd "$ROOT"

passed=0
failed=0
ok() { printf 'ok: %s\n' "$*"; passed=$((passed + 1)); }
fail() { printf 'FAILED: %s\n' "$*"; failed=$((failed + 1)); }
check() { # check DESCRIPTION COMMAND...
    local what="$1"
    shift
    if "$@"; then ok "$what"; else fail "$what"; fi
}
toml_value() { # toml_value FILE KEY: the string value of KEY = "…" in FILE
    sed -n "s/^$2 *= *\"\\(.*\\)\"/\\1/p" "$1" | head -n 1
}

# 1. Versions agree.
want_wb="$(wasm_bindgen_version)"
check "Trunk.toml pins wasm_bindgen $want_wb, the wasm-bindgen of Cargo.lock" \
    test "$(toml_value Trunk.toml wasm_bindgen)" = "$want_wb"
check "Trunk.toml pins wasm_opt version_$BINARYEN_VERSION, the binaryen tools.sh installs" \
    test "$(toml_value Trunk.toml wasm_opt)" = "version_$BINARYEN_VERSION"
trunk_req="$(toml_value Trunk.toml trunk-version)"
check "trunk $TRUNK_VERSION is within Trunk.toml's trunk-version $trunk_req" \
    test "${TRUNK_VERSION%.*}" = "${trunk_req#^}"
npm_version() { # npm_version DIR PACKAGE: the version DIR's package-lock.json installs
    node -e 'const l = require(process.argv[1] + "/package-lock.json");
             process.stdout.write(String((l.packages["node_modules/" + process.argv[2]] || {}).version))' "$1" "$2"
}
check "scripts/tools/package-lock.json installs binaryen $BINARYEN_VERSION" \
    test "$(npm_version "$NPM_TOOLS" binaryen | cut -d. -f1)" = "$BINARYEN_VERSION"
for pkg in playwright-core axe-core; do
    v="$(npm_version "$ROOT/e2e" "$pkg")"
    check "e2e/package-lock.json pins $pkg ($v)" test "$v" != undefined
done
rust_version_of() { # rust_version_of CRATE VERSION: its rust-version, from the registry
    cargo info --quiet "$1@$2" 2>/dev/null | sed -n 's/^rust-version: *//p'
}
rustc_version="$(rustc --version | cut -d' ' -f2)"
meets() { # meets NEED: this rustc is at least NEED
    [ "$(printf '%s\n%s\n' "$1" "$rustc_version" | sort -V | head -n 1)" = "$1" ]
}
need="$(rust_version_of trunk "$TRUNK_VERSION")"
check "trunk $TRUNK_VERSION builds with rustc $rustc_version (needs ${need:-any})" meets "${need:-0}"
need="$(rust_version_of wasm-bindgen-cli "$want_wb")"
check "wasm-bindgen-cli $want_wb builds with rustc $rustc_version (needs ${need:-any})" meets "${need:-0}"

# 2. wasm-bindgen-cli staged as a fresh clone stages it.
check "a fresh clone's build directory is inside the clone ($TOOLS_DIR)" \
    test "$TOOLS_DIR" = "$ROOT/target/tools"
lock="$(wasm_bindgen_lock "$want_wb")"
if work="$(stage_crate wasm-bindgen-cli "$want_wb" "$lock")"; then
    ok "wasm-bindgen-cli $want_wb staged and checked with ${lock:-its published lock}"
    case "$work/" in
        "$ROOT"/*) fail "the staged source $work is outside the clone" ;;
        *) ok "the staged source $work is outside the clone" ;;
    esac
    if [ -n "$lock" ]; then
        check "the staged Cargo.lock is scripts/tools/${lock##*/}" cmp -s "$lock" "$work/Cargo.lock"
    fi
    check "cargo metadata --locked passes in the staged source" \
        bash -c 'cd "$1" && cargo metadata --locked --format-version 1 >/dev/null 2>&1' _ "$work"
    # Negative control: the same source copied inside the clone, where the broken installer
    # put it, must be refused by the check that guards the install.
    inside="$ROOT/target/tools-test/wasm-bindgen-cli-$want_wb"
    rm -rf "$inside"
    mkdir -p "$inside"
    cp -R "$work/." "$inside/"
    if (check_staged "$inside" wasm-bindgen-cli "$want_wb") 2>/dev/null; then
        fail "a source staged inside the clone passes the check"
    else
        ok "a source staged inside the clone is refused"
    fi
    check "cargo itself refuses it there (the workspace check)" \
        bash -c '! (cd "$1" && cargo metadata --format-version 1 >/dev/null 2>&1)' _ "$inside"
    rm -rf "$inside" "$work"
else
    fail "wasm-bindgen-cli $want_wb could not be staged"
fi

# 3. A committed lock only where the published one does not resolve.
if [ -n "$lock" ]; then
    if work="$(stage_crate wasm-bindgen-cli "$want_wb" 2>/dev/null)"; then
        rm -rf "$work"
        fail "the published lock of wasm-bindgen-cli $want_wb resolves: delete ${lock#"$ROOT"/}"
    else
        ok "the published lock of wasm-bindgen-cli $want_wb does not resolve, so ${lock##*/} is needed"
    fi
fi

printf '%s passed, %s failed\n' "$passed" "$failed"
[ "$failed" -eq 0 ]
