#!/usr/bin/env bash
# Mutation testing of the engine with cargo-mutants: every mutant of every file of
# crates/engine/src must make some test fail. Not part of the README's test command (the
# whole engine takes hours on 2 cores); run it now and then, a file at a time:
#
#   scripts/mutants.sh [extra cargo-mutants arguments]
#
# The list of missed mutants lands in target/mutants/mutants.out/missed.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v cargo-mutants >/dev/null || cargo install --locked cargo-mutants
# Pass `--file crates/engine/src/plans.rs` (after the script's name) to mutate one file only,
# and `-- --lib` at the end to run only the library's tests for each mutant (faster; the
# integration tests then do not count).
files=()
if ! printf '%s\n' "$@" | grep -qx -- '--file'; then
    for f in crates/engine/src/*.rs; do
        files+=(--file "$f")
    done
fi
exec cargo mutants --package dpu-engine "${files[@]}" \
    --jobs 1 --timeout 60 --output "${MUTANTS_OUT:-target/mutants}" "$@"
