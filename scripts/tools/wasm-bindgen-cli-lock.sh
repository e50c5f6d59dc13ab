#!/usr/bin/env bash
# Writes scripts/tools/wasm-bindgen-cli-VERSION.Cargo.lock: the lock published with
# wasm-bindgen-cli VERSION, with `cargo update -p CRATE --precise V` applied for each
# CRATE@V given, checked to resolve with --locked. Prints the change for review.
#
#   scripts/tools/wasm-bindgen-cli-lock.sh 0.2.130 webpki-roots@1.0.10
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/../tools.sh"
version="${1:?usage: $0 VERSION [CRATE@VERSION ...]}"
shift
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
src="$(crate_source wasm-bindgen-cli "$version")"
cp -R "$src/." "$work/"
cp "$work/Cargo.lock" "$work/Cargo.lock.published"
for pin in "$@"; do
    (cd "$work" && cargo update -p "${pin%@*}" --precise "${pin#*@}")
done
(cd "$work" && cargo metadata --locked --format-version 1 >/dev/null)
out="$ROOT/scripts/tools/wasm-bindgen-cli-$version.Cargo.lock"
cp "$work/Cargo.lock" "$out"
diff -u "$work/Cargo.lock.published" "$out" || true
say "wrote ${out#"$ROOT"/}"
