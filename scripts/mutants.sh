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
exec cargo mutants --package dpu-engine \
    --file crates/engine/src/cost.rs \
    --file crates/engine/src/uncertainty.rs \
    --file crates/engine/src/rules.rs \
    --file crates/engine/src/evaluate.rs \
    --jobs 1 --timeout 60 --output "${MUTANTS_OUT:-target/mutants}" "$@"
