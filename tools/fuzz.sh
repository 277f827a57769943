#!/usr/bin/env bash
# Fuzzes core with libFuzzer (clang, AddressSanitizer + UBSan): tests/fuzz/fuzz_*.cpp.
#   tools/fuzz.sh [seconds per harness, default 30] [harness ...]
# Corpora grow in build/fuzz/corpus/<harness> (seeded from tests/fuzz/seeds/<harness>);
# a crash leaves its input in build/fuzz/crashes/ and the script fails. Prints the
# executions of each harness (docs/reliability.md keeps the totals).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-30}
shift || true
harnesses=("$@")
[ ${#harnesses[@]} -gt 0 ] || harnesses=(text search session package kb_image quick kbc)

if [ ! -f build/fuzz/Makefile ]; then
  CC=clang CXX=clang++ cmake -S . -B build/fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DHA_FUZZ=ON -DHA_SANITIZE=ON -DHA_TESTS=OFF >/dev/null
fi
cmake -S . -B build/fuzz -DHA_WERROR="${HA_WERROR:-OFF}" >/dev/null
cmake --build build/fuzz -j"$(nproc)" --target "${harnesses[@]/#/fuzz_}"

mkdir -p build/fuzz/crashes
status=0
for h in "${harnesses[@]}"; do
  corpus=build/fuzz/corpus/$h
  mkdir -p "$corpus"
  seeds=(); [ -d "tests/fuzz/seeds/$h" ] && seeds=("tests/fuzz/seeds/$h")
  dict=(); [ -f "tests/fuzz/$h.dict" ] && dict=("-dict=tests/fuzz/$h.dict")
  log=build/fuzz/$h.log
  if build/fuzz/fuzz_"$h" "$corpus" "${seeds[@]}" "${dict[@]}" -max_total_time="$seconds" \
      -print_final_stats=1 -artifact_prefix=build/fuzz/crashes/"$h"- -rss_limit_mb=2048 >"$log" 2>&1; then
    echo "fuzz $h: $(grep -o 'number_of_executed_units: [0-9]*' "$log" | cut -d' ' -f2) executions, no crash"
  else
    echo "fuzz $h: FAILED"; grep -E "ERROR|SUMMARY|#0 |#1 |#2 |#3 " "$log" | head -20
    status=1
  fi
done
exit $status
