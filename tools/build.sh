#!/usr/bin/env bash
# Builds everything the demo needs into build/site/:
#   kbc (native) → kb.sqlite from knowledge-base/; assistant.{js,wasm} and quick.wasm
#   (Emscripten); web/, with the widget's modules bundled into one (esbuild).
# Incremental: CMake and make skip what is up to date. A configure that failed (a
# package missing) leaves a CMakeCache.txt but no Makefile, so it is run again.
set -euo pipefail
cd "$(dirname "$0")/.."
export NODE_PATH=/usr/share/nodejs   # Debian's emscripten needs acorn from there
jobs=$(nproc)

[ -f build/native/Makefile ] || cmake -S . -B build/native -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build/native -j"$jobs" --target kbc
[ -f build/wasm/Makefile ] || emcmake cmake -S . -B build/wasm -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build/wasm -j"$jobs" --target assistant quick

mkdir -p build/site
build/native/kbc knowledge-base -o build/site/kb.sqlite --pages build/site/kb
cp web/*.html web/*.css web/*.js build/site/
# The widget's modules as one file (esbuild, npm): one request where the browser would
# find them level by level (help-assistant.js imports eight more).
node_modules/.bin/esbuild web/help-assistant.js --bundle --format=esm --minify --target=es2022 \
  --log-level=warning --outfile=build/site/help-assistant.js
cp build/wasm/assistant.js build/wasm/assistant.wasm build/wasm/quick.wasm build/site/
# The worker's script with the engine's script in front: one file, never a wait inside it.
cat build/wasm/assistant.js web/engine-worker.js > build/site/engine-worker.js
echo "build: build/site is ready"
