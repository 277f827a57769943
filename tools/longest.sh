#!/usr/bin/env bash
# The longest functions of the C++ core, longest first: a place to look when a function
# has grown past what one reading can hold.
#
#   tools/longest.sh [COUNT] [DIR]     COUNT defaults to 10, DIR to core
#
# Prints one line a function: its length in lines (from the line naming it to its
# closing brace), file:line, and its name (Class::name for members):
#   168  core/kb/compiler.cpp:263  read_article
#
# Uses Universal Ctags (Debian package universal-ctags), which reads C++ properly
# (strings, character literals, comments, raw strings) and gives each definition's
# first and last line. Lambdas are counted inside the function that holds them.
set -eu

count=${1:-10}
dir=${2:-core}

case $count in
  '' | *[!0-9]* | 0) echo "usage: $0 [COUNT] [DIR]  (COUNT a whole number from 1)" >&2; exit 2 ;;
esac
if [ ! -d "$dir" ]; then
  echo "$0: no directory '$dir'" >&2
  exit 2
fi
if ! command -v ctags >/dev/null 2>&1 || ! ctags --version 2>/dev/null | grep -q 'Universal Ctags'; then
  echo "$0: needs Universal Ctags (apt-get install universal-ctags)" >&2
  exit 1
fi

# Tags of function definitions (kind f), one a line, tab-separated:
#   name, file, line;", kind, line:N, scope:KIND:A::B, ..., end:M
# --excmd=number keeps the source text (which may hold tabs) out of the output.
find "$dir" -type f \( -name '*.cpp' -o -name '*.hpp' \) | LC_ALL=C sort |
  ctags -L - -f - --sort=no --language-force=C++ --kinds-C++=f \
    --fields=+neKZ --excmd=number |
  awk -F '\t' '
    $1 ~ /^__anon/ { next }   # lambdas: part of the function around them
    {
      start = ""; end = ""; owner = ""
      for (i = 4; i <= NF; i++) {
        if ($i ~ /^line:/) start = substr($i, 6)
        else if ($i ~ /^end:/) end = substr($i, 5)
        else if ($i ~ /^scope:(class|struct|union):/) {
          owner = $i
          sub(/^scope:[a-z]+:/, "", owner)
          n = split(owner, parts, "::")
          owner = parts[n]
          if (owner ~ /^__anon/) owner = ""
        }
      }
      if (start == "" || end == "") next
      name = owner == "" ? $1 : owner "::" $1
      printf "%d\t%s:%d\t%s\n", end - start + 1, $2, start, name
    }' |
  LC_ALL=C sort -t "$(printf '\t')" -k1,1nr -k2,2 |
  head -n "$count" |
  awk -F '\t' '{ printf "%5d  %s  %s\n", $1, $2, $3 }'
