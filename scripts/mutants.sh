#!/usr/bin/env bash
# Mutation testing of the engine's model with cargo-mutants: every mutant of the cost model,
# the uncertainty analysis, the rules and the verdict must make some test fail. Not part of
# the README's test command (it takes an hour or more on 2 cores); run it now and then:
#
#   scripts/mutants.sh [extra cargo-mutants arguments]
#
# The list of missed mutants lands in target/mutants/mutants.out/missed.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v cargo-mutants >/dev/null || cargo install --locked cargo-mutants
# Pass `--file crates/engine/src/plans.rs` (after the script's name) to mutate one file only;
# the list below is the model: the cost model, the plans without a DPU (model 3), the
# uncertainty analysis, the rules, the verdict, the assumptions and the formula breakdown.
files=()
if ! printf '%s\n' "$@" | grep -qx -- '--file'; then
    for f in cost plans uncertainty rules evaluate assumptions breakdown; do
        files+=(--file "crates/engine/src/$f.rs")
    done
fi
exec cargo mutants --package dpu-engine "${files[@]}" \
    --jobs 1 --timeout 60 --output "${MUTANTS_OUT:-target/mutants}" "$@"
