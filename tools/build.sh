#!/usr/bin/env bash
# Builds everything the demo needs into build/site/:
#   kbc (native) and assistant.{js,wasm} and quick.wasm (Emscripten), then the site from
#   knowledge-base/ (tools/site.sh: the pages, web/ bundled, site.js from site.yaml).
# Incremental: CMake and make skip what is up to date. A configure that failed (a
# package missing) leaves a CMakeCache.txt but no Makefile, so it is run again.
set -euo pipefail
cd "$(dirname "$0")/.."
export NODE_PATH=/usr/share/nodejs   # Debian's emscripten needs acorn from there
jobs=$(nproc)
[ -f build/native/Makefile ] || cmake -S . -B build/native -DCMAKE_BUILD_TYPE=Release >/dev/null
[ -f build/wasm/Makefile ] || emcmake cmake -S . -B build/wasm -DCMAKE_BUILD_TYPE=Release >/dev/null
# In CI (CI=true) warnings are errors here too: kbc and the engine customers download.
# (Set, never unset: a later build without CI keeps what it has instead of rebuilding.)
if [ "${CI:-}" = "true" ]; then
  cmake -S . -B build/native -DHA_WERROR=ON >/dev/null
  cmake -S . -B build/wasm -DHA_WERROR=ON >/dev/null
fi
cmake --build build/native -j"$jobs" --target kbc
cmake --build build/wasm -j"$jobs" --target assistant quick

tools/site.sh knowledge-base build/site
echo "build: build/site is ready"
