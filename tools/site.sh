#!/usr/bin/env bash
# Writes a help center's site from a knowledge-base folder, with the engine tools/build.sh
# built (kbc, assistant.{js,wasm}, quick.wasm):
#   tools/site.sh <knowledge-base folder> <site folder>
# The knowledge base in pages (kbc), web/ with the widget's modules bundled into one
# (esbuild), and site.js: the company's name and contacts from the folder's site.yaml, so
# another company deploys by changing knowledge-base/ only.
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -eq 2 ] || { echo "usage: tools/site.sh <knowledge-base folder> <site folder>" >&2; exit 2; }
kb=$1
out=$2

mkdir -p "$out"
cp web/*.html web/*.css web/*.js "$out/"
# After the copy: web/site.js (the neutral one the sources are tested with) is replaced.
build/native/kbc "$kb" -o "$out/kb.sqlite" --pages "$out/kb" --site-module "$out/site.js"
node tools/brand.mjs "$out"  # the company's name in the pages' {{company}}
# The widget's, the agent console's and the demo page's modules, each as one file with its words
# (web/strings/*.json) inside (esbuild, npm): one request where the browser would find
# them level by level (help-assistant.js imports nine more).
cp -r web/strings "$out/"
for page in help-assistant agent demo-page; do
  node_modules/.bin/esbuild "$out/$page.js" --bundle --format=esm --minify --target=es2022 \
    --log-level=warning --allow-overwrite --outfile="$out/$page.js"
done
cp build/wasm/assistant.js build/wasm/assistant.wasm build/wasm/quick.wasm "$out/"
# The worker's script with the engine's script in front: one file, never a wait inside it.
cat build/wasm/assistant.js web/engine-worker.js > "$out/engine-worker.js"
