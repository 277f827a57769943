#!/usr/bin/env node
// Which language did the customer write in? The engine's identifier (core/text/langid)
// on tests/relevance/langid.jsonl: 420 short queries written for the purpose, 70 per
// language and script, a third of the Latin South Slavic ones without diacritics. Each
// query is searched as on a page whose language the site did not set (the widget's
// language is English until the customer's words say otherwise), and search()'s
// queryLang is compared with the label. Bars (issue 13): ≥ 95 % on queries of 3+
// words, ≥ 85 % on 1–2 words, every language and script.
//
//   node tools/bench/langid.mjs [--kb build/site/kb.sqlite] [--current en] [--json]
//        --kb       the knowledge base whose own words and letter sequences help (the
//                   demo's by default; an English-only one shows the built-in evidence)
//        --current  the language the page is in when the customer types
//        --queries  another labelled set (tests/relevance/langid-heldout.jsonl: 240 queries
//                   written later by someone who had not seen the first set or the lexicon)
//
// "same family" counts Serbian, Croatian and Bosnian as one: their results are the same
// articles in nearly the same words, and a Bosnian reader falls back to Croatian.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { builtPaths } from './lib/paths.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const { values } = parseArgs({
  options: {
    kb: { type: 'string', default: path.join(ROOT, 'build/site/kb.sqlite') },
    current: { type: 'string', default: 'en' },
    queries: { type: 'string', default: path.join(ROOT, 'tests/relevance/langid.jsonl') },
    json: { type: 'boolean', default: false },
  },
});

const paths = builtPaths(ROOT);
const require = createRequire(import.meta.url);
const createModule = require(path.join(paths.wasmDir, 'assistant.js'));
const module = await createModule({ wasmBinary: readFileSync(path.join(paths.wasmDir, 'assistant.wasm')) });
const engine = new module.Engine();
const opened = engine.open(readFileSync(values.kb));
if (!opened.ok) throw new Error(`${values.kb}: ${JSON.stringify(opened.error)}`);

const queries = readFileSync(values.queries, 'utf8')
  .split('\n').filter(Boolean).map((line) => JSON.parse(line));
const family = new Set(['sr-Latn', 'hr', 'bs']);
const rows = new Map();
const wrong = [];
for (const { q, lang } of queries) {
  const found = engine.search(q, { lang: values.current, limit: 1 });
  if (!found.ok) throw new Error(`search failed for "${q}": ${found.error.code}`);
  const got = found.queryLang;
  const bucket = q.trim().split(/\s+/).length <= 2 ? 'short' : 'long';
  const row = rows.get(lang) ?? { short: [0, 0, 0, 0], long: [0, 0, 0, 0] };  // right, family, unsure, all
  const counts = row[bucket];
  counts[0] += got === lang;
  counts[1] += got === lang || (family.has(got) && family.has(lang));
  counts[2] += got === '';
  counts[3] += 1;
  rows.set(lang, row);
  if (got !== lang) wrong.push({ q, lang, got });
}
engine.delete();

const percent = (n, all) => (all ? (100 * n) / all : 0);
const table = [...rows].map(([lang, row]) => ({
  lang,
  short: { n: row.short[3], right: percent(row.short[0], row.short[3]), family: percent(row.short[1], row.short[3]), unsure: percent(row.short[2], row.short[3]) },
  long: { n: row.long[3], right: percent(row.long[0], row.long[3]), family: percent(row.long[1], row.long[3]), unsure: percent(row.long[2], row.long[3]) },
}));

if (values.json) {
  console.log(JSON.stringify({ kb: path.relative(ROOT, values.kb), current: values.current, table, wrong }, null, 2));
} else {
  const f = (x) => `${x.toFixed(0)} %`.padStart(6);
  console.log(`knowledge base ${path.relative(ROOT, values.kb)}, page language ${values.current}`);
  console.log('language   1–2 words: right  same family  unsure │ 3+ words: right  same family  unsure');
  for (const { lang, short, long } of table) {
    console.log(`${lang.padEnd(9)} ${String(short.n).padStart(4)}      ${f(short.right)}  ${f(short.family)}     ${f(short.unsure)} │ ${String(long.n).padStart(4)}    ${f(long.right)}  ${f(long.family)}     ${f(long.unsure)}`);
  }
}
