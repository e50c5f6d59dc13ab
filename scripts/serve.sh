#!/usr/bin/env bash
# Installs what is missing (see scripts/tools.sh) and serves the app on http://127.0.0.1:8080.
# Extra arguments go to `trunk serve` (e.g. --release). A development build has no pre-rendered
# pages and no offline file (scripts/post-build.mjs): the page renders in the browser, and a
# rebuild after an edit does not compile the native pre-renderer too. --release has both.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/tools.sh"
ensure_build_tools
cd "$ROOT"
say "serving on http://127.0.0.1:8080"
exec trunk serve --address 127.0.0.1 --port 8080 "$@"
