#!/usr/bin/env bash
# Installs what is missing (see scripts/tools.sh) and writes the release build to dist/:
# the page, its files, embed.js and its content-hashed copy, the embed demo, and the offline
# single file. Every address inside is relative: copy dist/ to any path of any static host.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/tools.sh"
ensure_build_tools
cd "$ROOT"
say "release build: trunk build --release"
release_env
trunk build --release
say "dist/ is ready to publish:"
ls -l dist >&2
