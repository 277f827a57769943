#!/usr/bin/env bash
# The one command for the demo: install what is missing, build, serve on localhost.
#   PORT=8080 tools/demo.sh
set -euo pipefail
cd "$(dirname "$0")/.."
tools/setup.sh
tools/build.sh
exec node tools/serve.mjs build/site
