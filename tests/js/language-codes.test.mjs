// The core's languages are one table (core/common/language_table.inc, README "Languages"):
// code, script, stemmer, headings, fallback chain. Every other file of the core and of
// kbc reads what it needs from the table, so adding a language is a row of it and its
// data files. This test fails on code that names a language itself.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const root = new URL('../../', import.meta.url).pathname;
const table = 'core/common/language_table.inc';

// Files that name languages for a reason of their own, and which codes.
const named = new Map([
  // The language identifier's model: its evidence (function words, letters, forms) is
  // one set per language it tells apart, in this order.
  ['core/text/langid.hpp', null],
  // Not languages: a stemmer's suffix, an HTML element.
  ['core/text/stem.cpp', new Set(['en'])],
  ['core/text/html.cpp', new Set(['hr'])],
]);

function filesUnder(dir) {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : /\.(c|h)pp$/.test(name) ? [full] : [];
  });
}

// The codes and the names authors write, from the table's rows.
function tableCodes() {
  const text = readFileSync(path.join(root, table), 'utf8');
  const rows = [...text.matchAll(/\{"([A-Za-z-]+)",\s*"[^"]*",\s*"([A-Za-z-]+)",/g)];
  return new Set(rows.flatMap((row) => [row[1], row[2]]));
}

// Code without its comments (a comment may show an example), string literals kept.
function withoutComments(source) {
  return source.replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, ' '))
    .replace(/("(?:[^"\\\n]|\\.)*")|\/\/[^\n]*/g, (match, literal) => literal ?? '');
}

test('the table has the languages the product speaks', () => {
  assert.deepEqual([...tableCodes()].sort(), ['bs', 'en', 'hr', 'sl', 'sr', 'sr-Cyrl', 'sr-Latn']);
});

test('no file of the core or of kbc but the table names a language code', () => {
  const codes = tableCodes();
  const files = [...filesUnder(path.join(root, 'core')), ...filesUnder(path.join(root, 'tools/kbc'))];
  const naming = [];
  for (const file of files) {
    const relative = path.relative(root, file);
    if (relative === table) continue;
    const allowed = named.has(relative) ? named.get(relative) : new Set();
    if (allowed === null) continue;
    withoutComments(readFileSync(file, 'utf8')).split('\n').forEach((line, i) => {
      for (const [, literal] of line.matchAll(/"([A-Za-z-]{2,7})"/g)) {
        if (codes.has(literal) && !allowed.has(literal)) naming.push(`${relative}:${i + 1}: "${literal}"`);
      }
    });
  }
  assert.deepEqual(naming, []);
});

test('the check finds a language named in code, and not one in a comment', () => {
  const line = 'if (lang == "sr-Cyrl") return; // "hr" as an example';
  const found = [...withoutComments(line).matchAll(/"([A-Za-z-]{2,7})"/g)].map((m) => m[1]);
  assert.deepEqual(found, ['sr-Cyrl']);
  assert.ok(tableCodes().has(found[0]));
});
