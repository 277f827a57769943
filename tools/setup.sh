#!/usr/bin/env bash
# Installs what building and testing need, and nothing twice:
#   Debian packages (only those missing), then npm packages (only when the lockfile changed).
#   tools/setup.sh            build and demo
#   tools/setup.sh --browser  also Chromium, for the browser tests
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(cmake g++ make emscripten catch2 libmd4c-dev libmd4c-html0-dev libyaml-cpp-dev nlohmann-json3-dev tcl dpkg-dev zlib1g-dev libmd-dev clang libclang-rt-14-dev pkg-config universal-ctags)
# kbc tells real words from typos with hunspell's dictionaries (core/kb/real_words.hpp).
packages+=(libhunspell-dev hunspell-en-us hunspell-sr hunspell-hr hunspell-bs hunspell-sl)
if [ "${1:-}" = "--browser" ]; then packages+=(chromium fonts-dejavu-core hugo); fi
command -v node >/dev/null && command -v npm >/dev/null || packages+=(nodejs npm)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "setup: installing ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# npm ci only when package-lock.json differs from what was installed last time.
stamp=node_modules/.package-lock.sha256
want=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  echo "setup: npm ci"
  npm ci --no-audit --no-fund --loglevel=error
  echo "$want" > "$stamp"
fi
