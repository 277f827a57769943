#!/usr/bin/env bash
# Writes web/languages.js, the language table as the page reads it, from the core's table
# (core/common/language_table.inc) with kbc, then what follows from it: the catalogue
# indexes that import each language's words (web/strings/*/index.js) and the handoff
# schemas' language enums (tools/language-files.mjs). Run it after changing the table;
# tests/js/language-codes.test.mjs fails while they differ.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x build/native/kbc ] || tools/build.sh
cmake --build build/native --target kbc >/dev/null
build/native/kbc --language-module web/languages.js
node tools/language-files.mjs
