#!/usr/bin/env bash
# The property tests of the page's own replacements for library code, at 100,000 cases each
# (the README's test command runs them at proptest's default 256): float.rs against std's
# float formatting and parsing, json.rs against serde_json, sort.rs against std's sorts, and
# the percentiles by selection against a sort. Optimised build; takes minutes, not seconds.
#
#   scripts/deep-test.sh [CASES]     # default 100000
set -euo pipefail
cd "$(dirname "$0")/.."
cases="${1:-100000}"
PROPTEST_CASES="$cases" cargo test -p dpu-engine --release --locked --lib -- \
  float:: json:: sort:: uncertainty::tests::percentiles
