#!/usr/bin/env bash
# End-to-end tests of the release build in headless Chromium, then the size and speed report.
#
#   scripts/e2e.sh
#
# 1. installs what is missing (scripts/tools.sh): wasm32 target, trunk, wasm-bindgen-cli,
#    wasm-opt, chromium + chromium-driver, and playwright-core + axe-core in e2e/;
# 2. asks dpucheck for the expected verdicts (defaults, an edit, every preset);
# 3. builds the release bundle with `trunk build --release` into dist/;
# 4. runs e2e/tests with node's test runner against dist/ served on a loopback port;
# 5. prints the gzip size of html + js + wasm + css and the timings.
# Screenshots and figures land in e2e/artifacts/ (gitignored).
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/tools.sh"
ensure_build_tools
ensure_chromium
ensure_e2e_deps
cd "$ROOT"

ART="$ROOT/e2e/artifacts"
mkdir -p "$ART"

dpucheck() { cargo run -q --locked -p dpucheck -- "$@"; }
# The verdict of the scenario on stdin, as a JSON string.
verdict_of() {
    dpucheck evaluate - --format json \
        | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>process.stdout.write(JSON.stringify(JSON.parse(s).verdict)))'
}
# {"verdict": …, "findings": [ids], "best_plan": …, "p_worth_it", "p_best", "plans": [the
# report's plans[] rows without their texts and sources]} of the scenario on stdin: the
# oracle for the page's verdict, findings and "Plans compared".
expectation_of() {
    dpucheck evaluate - --format json \
        | node -e '
let s = "";
process.stdin.on("data", (d) => (s += d)).on("end", () => {
  const r = JSON.parse(s);
  const plans = r.plans.map(({ needs, loses, sources, ...row }) => row);
  process.stdout.write(JSON.stringify({
    verdict: r.verdict,
    findings: r.findings.map((f) => f.id),
    best_plan: r.best_plan,
    p_worth_it: r.uncertainty.p_worth_it,
    p_best: r.uncertainty.p_best,
    plans,
  }));
});'
}

say "expected verdicts from dpucheck"
TRAFFIC_EDIT=50
default_verdict="$(echo '{}' | verdict_of)"
edit_verdict="$(echo "{\"traffic\": {\"gbps_per_host\": $TRAFFIC_EDIT}}" | verdict_of)"
TOSS_UP=30
toss_up="$(echo "{\"traffic\": {\"gbps_per_host\": $TOSS_UP}}" | dpucheck evaluate - --format json \
    | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const r=JSON.parse(s);process.stdout.write(JSON.stringify({value:process.argv[1],verdict:r.verdict,p_worth_it:r.uncertainty.p_worth_it}))})' "$TOSS_UP")"
presets_json=""
# Every preset's name, as dpucheck lists them when asked for one it does not know (its
# `presets` listing runs a name of 20 characters or more into its title).
preset_names="$( (dpucheck preset '?' 2>&1 >/dev/null || true) | sed -n 's/.*allowed: //p' | grep -o '`[a-z0-9-]\+`' | tr -d '`')"
case " $(echo $preset_names) " in
    *" hype-case "*) ;;
    *) echo "e2e: no preset names from dpucheck: $preset_names" >&2; exit 1 ;;
esac
for name in $preset_names; do
    e="$(dpucheck preset "$name" | expectation_of)"
    presets_json="${presets_json:+$presets_json,
    }\"$name\": $e"
done
cat >"$ART/expected.json" <<JSON
{
  "default": $default_verdict,
  "traffic_edit": { "value": "$TRAFFIC_EDIT", "verdict": $edit_verdict },
  "toss_up": $toss_up,
  "presets": {
    $presets_json
  }
}
JSON
cat "$ART/expected.json"

# The share tests compare the page's JSON and Markdown exports with dpucheck's.
cargo build -q --locked -p dpucheck
export DPUCHECK="${CARGO_TARGET_DIR:-$ROOT/target}/debug/dpucheck"

say "release build: trunk build --release"
(release_env && trunk build --release)

say "e2e tests: node --test (e2e/tests)"
rm -f "$ART/metrics.json"
status=0
(cd e2e && DIST="$ROOT/dist" ARTIFACTS="$ART" node --test --test-reporter=spec --test-concurrency=1 tests/) || status=$?

say "size and speed"
if [ -f "$ART/metrics.json" ]; then
    node -e '
const m = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
const kb = (b) => (b / 1024).toFixed(1);
if (m.gzip_bytes) {
  const g = m.gzip_bytes;
  console.log(`bundle gzip: ${kb(m.gzip_total_bytes)} KB (html ${kb(g.html)} KB, js ${kb(g.js)} KB, wasm ${kb(g.wasm)} KB, css ${kb(g.css)} KB); budget 250 KB, target 200 KB`);
}
if (m.offline_bytes) console.log(`offline file: ${kb(m.offline_bytes)} KB; budget 600 KB`);
const ms = (k) => (m[k] === undefined ? "?" : `${m[k].toFixed(0)} ms`);
if (m.first_verdict_ms !== undefined) {
  console.log(`first verdict (pre-rendered): ${ms("first_verdict_ms")}; static page of the same markup: ${ms("static_first_verdict_ms")}; app live: ${ms("live_ms")}; interactive (a typed value answered): ${ms("interactive_ms")}  (medians of 7 loads after navigation)`);
  console.log(`at 4x CPU slowdown: app live: ${ms("live_4x_ms")}; interactive: ${ms("interactive_4x_ms")}  (medians of 7 loads)`);
}
if (m.input_to_verdict_ms !== undefined) console.log(`input to verdict: ${m.input_to_verdict_ms.toFixed(1)} ms; at 4x CPU slowdown ${m.input_to_verdict_4x_ms.toFixed(1)} ms (medians of 9 edits)`);
if (m.input_to_page_ms !== undefined) console.log(`input to the whole page caught up: ${m.input_to_page_ms.toFixed(1)} ms; at 4x CPU slowdown ${m.input_to_page_4x_ms.toFixed(1)} ms`);
if (m.embed_heights_px) console.log(`embed heights: ${Object.entries(m.embed_heights_px).map(([k, v]) => `${k} ${v}`).join(", ")}`);
' "$ART/metrics.json"
else
    echo "no figures (the suite did not get that far)"
fi
exit "$status"
