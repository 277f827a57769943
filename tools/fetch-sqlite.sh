#!/usr/bin/env bash
# Makes the SQLite amalgamation (sqlite3.c, sqlite3.h) from Debian's source package,
# so the native and the WebAssembly builds compile the very same SQLite version.
# The result is cached outside the work tree and never committed.
#
#   tools/fetch-sqlite.sh            prints the folder that holds sqlite3.c
#
# Needs: dpkg-dev (apt-get source), tcl (tclsh), a deb-src entry (added if missing).
set -euo pipefail

version=3.40.1
cache="${HELP_ASSISTANT_CACHE:-$HOME/.cache/help-assistant}/sqlite-$version"
if [ -f "$cache/sqlite3.c" ] && [ -f "$cache/sqlite3.h" ]; then
  echo "$cache"
  exit 0
fi

log() { echo "fetch-sqlite: $*" >&2; }

# apt-get source needs a deb-src line for bookworm main.
if ! grep -rqsE '^(deb-src|Types:.*deb-src)' /etc/apt/sources.list /etc/apt/sources.list.d/; then
  log "adding a deb-src entry for Debian bookworm main"
  printf '%s\n' 'Types: deb-src' 'URIs: http://deb.debian.org/debian' 'Suites: bookworm bookworm-updates' \
    'Components: main' 'Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg' \
    > /etc/apt/sources.list.d/help-assistant-src.sources
  apt-get update -qq >&2
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
log "downloading Debian's sqlite3 source package"
apt-get source -qq --download-only sqlite3 >&2 || { apt-get update -qq >&2; apt-get source -qq --download-only sqlite3 >&2; }
dpkg-source --no-check -x sqlite3_*.dsc src >/dev/null 2>&1
got=$(cat src/VERSION)
if [ "$got" != "$version" ]; then
  log "expected SQLite $version, Debian's source package has $got"
  exit 1
fi
log "building the amalgamation"
(cd src && ./configure -q >/dev/null && make -s sqlite3.c >/dev/null 2>&1)
mkdir -p "$cache"
cp src/sqlite3.c src/sqlite3.h src/sqlite3ext.h "$cache/"
# fts5.h is what a custom tokenizer includes; the amalgamation carries the same text.
cp src/ext/fts5/fts5.h "$cache/"
log "cached in $cache"
echo "$cache"
