#!/usr/bin/env bash
# The one command for the tests: install what is missing, build, and run every suite.
#   1. Catch2 unit tests, native, with AddressSanitizer + UBSan; then the core built with
#      a seventh language (a table row and data files, tests/fixtures/seventh-language)
#   2. the same Catch2 suite compiled to WebAssembly, under node
#   3. JavaScript tests of the Embind API (node's test runner)
#   4. browser tests in Chromium (Playwright)
#   5. each libFuzzer harness for a short while (tools/fuzz.sh; FUZZ_SECONDS, default 30)
# In CI (CI=true) warnings are errors.
set -euo pipefail
cd "$(dirname "$0")/.."
export NODE_PATH=/usr/share/nodejs
jobs=$(nproc)
werror=OFF; [ "${CI:-}" = "true" ] && werror=ON

tools/setup.sh --browser
tools/build.sh

# The Catch2 suites write the handoff packages they make here; step 3 checks them
# against the JSON Schema.
mkdir -p build/test-packages

echo "== 1. unit tests, native (ASan + UBSan)"
[ -f build/asan/Makefile ] || cmake -S . -B build/asan -DCMAKE_BUILD_TYPE=Debug -DHA_SANITIZE=ON >/dev/null
cmake -S . -B build/asan -DHA_WERROR=$werror >/dev/null
cmake --build build/asan -j"$jobs" --target ha_tests
build/asan/ha_tests
[ -f build/seventh/Makefile ] || cmake -S . -B build/seventh -DCMAKE_BUILD_TYPE=Debug -DHA_TESTS=OFF \
  -DHA_LANGUAGE_FIXTURE="$PWD/tests/fixtures/seventh-language" >/dev/null
cmake -S . -B build/seventh -DHA_WERROR=$werror >/dev/null
cmake --build build/seventh -j"$jobs" --target ha_language_fixture_tests
build/seventh/ha_language_fixture_tests

echo "== 2. unit tests, WebAssembly under node"
cmake -S . -B build/wasm -DHA_WERROR=$werror >/dev/null
cmake --build build/wasm -j"$jobs" --target ha_tests
node --no-experimental-fetch build/wasm/ha_tests.js

echo "== 3. JavaScript API tests"
node --test tests/js/

echo "== 4. browser tests (Chromium)"
node --test --test-concurrency=1 tests/browser/

echo "== 5. fuzzing (libFuzzer, ASan + UBSan)"
HA_WERROR=$werror tools/fuzz.sh "${FUZZ_SECONDS:-30}"
