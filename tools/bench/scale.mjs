#!/usr/bin/env node
// How the engine's cost grows with the size of the knowledge base.
//
//   node tools/bench/scale.mjs [--sizes 1000,10000,100000] [--json] [--chunk-pages N]
//                              [--first-answer-only] [--reuse]
//
// For each size it generates a synthetic knowledge base (deterministic: the words of the
// demo knowledge base, drawn with a Zipf-like distribution, in English and Serbian),
// builds it with kbc --corpus, and searches it with the WebAssembly engine in node.
// Prints build time, kb.sqlite size (raw and gzip), open time and query p50/p99 for the
// whole file in memory, also with each query typed letter by letter (typing_*); and,
// read in pages as the browser reads it (kbc --pages): what opening, a first search
// (median and max of 20, each a new visit) and each further keystroke download, in
// gzipped bytes and rounds of fetching, and warm p50/p99. The same
// for the first-answer index (quick_*: its head and the customer's texts to open, then
// the shards and texts each search names), alone with --first-answer-only.
// The queries are kept in synthetic-<size>.queries.jsonl beside the corpus.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gunzipSync, gzipSync } from 'node:zlib';
import { startQuick } from './lib/quick.mjs';
import { percentile } from './lib/metrics.mjs';
import { builtPaths } from './lib/paths.mjs';
import { random } from './lib/random.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BUILT = builtPaths(ROOT);  // kbc, the Wasm engine and the demo kb (lib/paths.mjs)
const OUT = path.join(BUILT.benchDir, 'scale');
const QUERIES = 300;
// Queries of their own, searched untimed first: the engine's WebAssembly reaches its
// optimised tier only after some hundreds of searches, and 30 warm-up searches left the
// first-tier spikes in p99 (1k: 12 ms; after this warm-up 2.6 ms).
const WARM_UP_QUERIES = 300;

// The demo knowledge base's words by language, most frequent first.
function vocabulary() {
  const corpus = path.join(OUT, 'demo-corpus.jsonl');
  execFileSync(BUILT.kbc, ['--export-corpus', BUILT.siteKb, '-o', corpus], { stdio: 'ignore' });
  const counts = { en: new Map(), 'sr-Latn': new Map() };
  for (const line of readFileSync(corpus, 'utf8').split('\n')) {
    if (!line) continue;
    const doc = JSON.parse(line);
    const words = counts[doc.lang];
    if (!words) continue;
    for (const w of `${doc.title} ${doc.body}`.toLowerCase().split(/[^\p{L}\p{N}]+/u)) {
      if (w.length > 1) words.set(w, (words.get(w) ?? 0) + 1);
    }
  }
  return Object.fromEntries(Object.entries(counts).map(([lang, m]) =>
    [lang, [...m.entries()].sort((a, b) => b[1] - a[1]).map(([w]) => w)]));
}

// Zipf-like: rank r is drawn with weight 1/(r+10).
function zipfPicker(words, rnd) {
  const cumulative = [];
  let total = 0;
  for (let r = 0; r < words.length; ++r) cumulative.push((total += 1 / (r + 10)));
  return () => {
    const x = rnd() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return words[lo];
  };
}

function generate(size, vocab) {
  const rnd = random(size);
  const pickers = Object.fromEntries(Object.entries(vocab).map(([l, w]) => [l, zipfPicker(w, rnd)]));
  const phrase = (lang, n) => Array.from({ length: n }, pickers[lang]).join(' ');
  const lines = [];
  for (let i = 0; i < size; ++i) {
    const lang = i % 2 === 0 ? 'en' : 'sr-Latn';
    lines.push(JSON.stringify({
      id: `a${i}`, lang, title: phrase(lang, 4 + Math.floor(rnd() * 5)),
      body: phrase(lang, 80 + Math.floor(rnd() * 120)), tags: [pickers[lang](), pickers[lang]()],
    }));
  }
  const file = path.join(OUT, `synthetic-${size}.jsonl`);
  writeFileSync(file, `${lines.join('\n')}\n`);
  const draw = (count) => Array.from({ length: count }, (_, k) =>
    phrase(k % 2 === 0 ? 'en' : 'sr-Latn', 2 + Math.floor(rnd() * 3)));
  const queries = draw(QUERIES);
  const warmUp = draw(WARM_UP_QUERIES);
  // Kept beside the corpus, to replay the same queries in a profiler.
  writeFileSync(path.join(OUT, `synthetic-${size}.queries.jsonl`),
    `${queries.map((q) => JSON.stringify({ q })).join('\n')}\n`);
  return { file, queries, warmUp };
}

// A knowledge base read in pages (kbc --pages), as the browser reads it: what opening,
// a first search and each further keystroke download (gzipped bytes, files, rounds of
// fetching; a round is a round trip on the customer's network).
class PagedReader {
  constructor(module, dir) {
    this.dir = dir;
    this.manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
    this.engine = new module.Engine();
    const m = this.manifest;
    this.engine.usePages({ pageSize: m.page_size, pageCount: m.page_count, chunkPages: m.chunk_pages });
    this.held = new Set();
    // The manifest as a server sends it (gzipped), like every other file counted here.
    this.bytes = gzipSync(readFileSync(path.join(dir, 'manifest.json'))).length;
    this.files = 1;
    this.rounds = 1;
    const hot = this.#file(m.hot.file);
    if (!this.engine.addHot(m.hot.pages, hot).ok) throw new Error('hot pages refused');
    this.rounds += 1;
  }

  #file(name) {
    const zipped = readFileSync(path.join(this.dir, name));
    this.bytes += zipped.length;
    this.files += 1;
    return gunzipSync(zipped);
  }

  // As web/engine-worker.js: missing chunks, with read-ahead when a call reads in order.
  run(call) {
    const asked = new Set();
    let ahead = 2;
    for (;;) {
      const result = call();
      if (result.ok || result.error.code !== 'pages_missing') return result;
      this.rounds += 1;
      const wanted = new Set(result.chunks);
      let sequential = false;
      for (const i of result.chunks) {
        if (!asked.has(i - 1)) continue;
        sequential = true;
        for (let k = 1; k < ahead && i + k < this.manifest.chunk_count; k++) wanted.add(i + k);
      }
      ahead = sequential ? Math.min(ahead * 2, 64) : 2;
      for (const i of wanted) asked.add(i);
      for (const i of wanted) {
        if (!this.held.has(i)) this.engine.addChunk(i, this.#file(`${this.manifest.key}-${i}.bin`));
        this.held.add(i);
      }
    }
  }

  take() {
    const counts = { bytes: this.bytes, files: this.files, rounds: this.rounds };
    Object.assign(this, { bytes: 0, files: 0, rounds: 0 });
    return counts;
  }
}

function measurePaged(module, dir, queries) {
  // Opening, then the first search, each on a fresh reader (a new visit).
  const first = [];
  let open = null;
  let openMs = 0;
  for (const q of queries.slice(0, 20)) {
    const started = process.hrtime.bigint();
    const reader = new PagedReader(module, dir);
    if (!reader.run(() => reader.engine.openPages()).ok) throw new Error('paged open failed');
    openMs = Number(process.hrtime.bigint() - started) / 1e6;
    open = reader.take();
    reader.run(() => reader.engine.search(q, { limit: 10 }));
    first.push(reader.take());
    reader.engine.delete();
  }
  // Typing one query letter by letter after a first search, then the rest warm.
  const reader = new PagedReader(module, dir);
  reader.run(() => reader.engine.openPages());
  reader.run(() => reader.engine.search(queries[0], { limit: 10 }));
  reader.take();
  let keystrokeMax = 0;
  for (const q of queries.slice(1, 6)) {
    for (let n = 2; n <= q.length; ++n) {
      reader.run(() => reader.engine.search(q.slice(0, n), { limit: 10 }));
      keystrokeMax = Math.max(keystrokeMax, reader.take().bytes);
    }
  }
  for (const q of queries) reader.run(() => reader.engine.search(q, { limit: 10 }));
  const micros = queries.map((q) => {
    const t = process.hrtime.bigint();
    reader.run(() => reader.engine.search(q, { limit: 10 }));
    return Number(process.hrtime.bigint() - t) / 1000;
  });
  reader.engine.delete();
  const pick = (key, p) => percentile(first.map((f) => f[key]), p);
  return {
    total_bytes: JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')).bytes,
    open_bytes: open.bytes,
    open_requests: open.files,
    open_round_trips: open.rounds,
    open_ms: +openMs.toFixed(1),
    first_query_bytes: pick('bytes', 0.5),
    first_query_bytes_max: pick('bytes', 1),
    first_query_round_trips: pick('rounds', 1),
    keystroke_bytes_max: keystrokeMax,
    paged_p50_us: +percentile(micros, 0.5).toFixed(1),
    paged_p99_us: +percentile(micros, 0.99).toFixed(1),
  };
}

// The first-answer index (kbc writes it beside the pages; core/kb/quick_index.hpp), as the
// browser's worker reads it before the whole engine has arrived: opening (the head, and
// the texts the customer reads hits in), a first search, each further keystroke.
async function measureQuick(dir, queries) {
  const wasm = path.join(BUILT.wasmDir, 'quick.wasm');
  const visit = async () => {
    const quick = await startQuick(wasm);
    const counts = { bytes: 0, files: 0, rounds: 0, texts: 0 };
    const fetchFiles = (names) => {
      counts.rounds += 1;
      return names.map((name) => {
        const zipped = readFileSync(path.join(dir, name));
        const bytes = gunzipSync(zipped);
        counts.bytes += zipped.length;
        counts.files += 1;
        if (bytes.subarray(0, 4).toString() === 'HAQX') counts.texts += zipped.length;
        return [name, bytes];
      });
    };
    const [[, head]] = fetchFiles(['quick.bin']);
    const opened = quick.open('en', head);
    if (!opened.ok) throw new Error(`quick open failed: ${JSON.stringify(opened.error)}`);
    for (const [name, bytes] of fetchFiles(opened.files)) quick.add(name, bytes);
    const run = (q) => {
      for (;;) {
        const found = quick.search(q, 'en', 10);
        if (found.ok || found.error.code !== 'pages_missing') return found;
        for (const [name, bytes] of fetchFiles(found.files)) quick.add(name, bytes);
      }
    };
    const take = () => {
      const taken = { ...counts };
      Object.assign(counts, { bytes: 0, files: 0, rounds: 0, texts: 0 });
      return taken;
    };
    return { run, take };
  };
  const first = [];
  let open = null;
  for (const q of queries.slice(0, 20)) {
    const reader = await visit();
    open = reader.take();
    reader.run(q);
    first.push(reader.take());
  }
  const reader = await visit();
  reader.run(queries[0]);
  reader.take();
  let keystrokeMax = 0;
  let keystrokeTexts = 0;  // of the keystroke that fetched the most, the texts' bytes
  for (const q of queries.slice(1, 6)) {
    for (let n = 2; n <= q.length; ++n) {
      reader.run(q.slice(0, n));
      const taken = reader.take();
      if (taken.bytes > keystrokeMax) [keystrokeMax, keystrokeTexts] = [taken.bytes, taken.texts];
    }
  }
  for (const q of queries) reader.run(q);
  const micros = queries.map((q) => {
    const t = process.hrtime.bigint();
    reader.run(q);
    return Number(process.hrtime.bigint() - t) / 1000;
  });
  const pick = (key, p) => percentile(first.map((f) => f[key]), p);
  return {
    quick_bytes: JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')).quick?.bytes ?? null,
    quick_open_bytes: open.bytes,
    quick_open_round_trips: open.rounds,
    quick_first_query_bytes: pick('bytes', 0.5),
    quick_first_query_bytes_max: pick('bytes', 1),
    quick_first_query_round_trips: pick('rounds', 1),
    quick_keystroke_bytes_max: keystrokeMax,
    quick_keystroke_text_bytes: keystrokeTexts,
    quick_p50_us: +percentile(micros, 0.5).toFixed(1),
    quick_p99_us: +percentile(micros, 0.99).toFixed(1),
  };
}

async function measure(size, vocab, module) {
  const { file, queries, warmUp } = generate(size, vocab);
  const kb = path.join(OUT, `synthetic-${size}.sqlite`);
  const pages = path.join(OUT, `synthetic-${size}-pages`);
  let started = process.hrtime.bigint();
  // --reuse: measure the engine on the knowledge base an earlier run built (only the
  // reader changed); build_s is then null.
  const reuse = values.reuse && existsSync(path.join(pages, 'manifest.json'));
  if (!reuse) {
    const chunking = values['chunk-pages'] ? ['--chunk-pages', values['chunk-pages']] : [];
    execFileSync(BUILT.kbc, ['--corpus', file, '-o', kb, '--pages', pages, ...chunking], { stdio: 'ignore' });
  }
  const buildMs = reuse ? null : Number(process.hrtime.bigint() - started) / 1e6;
  if (values['first-answer-only']) {
    return { articles: size, build_s: buildMs === null ? null : +(buildMs / 1000).toFixed(2), ...(await measureQuick(pages, queries)) };
  }
  const bytes = readFileSync(kb);

  started = process.hrtime.bigint();
  const engine = new module.Engine();
  const opened = engine.open(bytes);
  if (!opened.ok) throw new Error(JSON.stringify(opened.error));
  const openMs = Number(process.hrtime.bigint() - started) / 1e6;

  const timed = (list) => list.map((q) => {
    const t = process.hrtime.bigint();
    engine.search(q, { limit: 10 });
    return Number(process.hrtime.bigint() - t) / 1000;
  });
  timed(warmUp);
  const micros = timed(queries);
  // Keystrokes: each query again as it is typed, from the second letter of its last word
  // on (a word being typed matches what it may become: query.hpp).
  const typing = timed(queries.flatMap((q) => {
    const last = q.lastIndexOf(' ') + 1;
    return Array.from({ length: Math.max(q.length - last - 1, 0) }, (_, k) => q.slice(0, last + 2 + k));
  }));
  engine.delete();
  return {
    articles: size,
    build_s: buildMs === null ? null : +(buildMs / 1000).toFixed(2),
    kb_bytes: statSync(kb).size,
    kb_gzip_bytes: gzipSync(bytes, { level: 6 }).length,
    whole_open_ms: +openMs.toFixed(1),
    p50_us: +percentile(micros, 0.5).toFixed(1),
    p99_us: +percentile(micros, 0.99).toFixed(1),
    typing_p50_us: +percentile(typing, 0.5).toFixed(1),
    typing_p99_us: +percentile(typing, 0.99).toFixed(1),
    ...measurePaged(module, pages, queries),
    ...(await measureQuick(pages, queries)),
  };
}

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,10000,100000' },
    json: { type: 'boolean' },
    'chunk-pages': { type: 'string' },  // kbc chooses by size when not given
    'first-answer-only': { type: 'boolean' },
    reuse: { type: 'boolean' },
  },
});
mkdirSync(OUT, { recursive: true });
const vocab = vocabulary();
const require = createRequire(import.meta.url);
const module = await require(path.join(BUILT.wasmDir, 'assistant.js'))({
  wasmBinary: readFileSync(path.join(BUILT.wasmDir, 'assistant.wasm')),
});
for (const size of values.sizes.split(',').map(Number)) {
  const row = await measure(size, vocab, module);
  console.log(values.json ? JSON.stringify(row) : Object.entries(row).map(([k, v]) => `${k}=${v}`).join('  '));
}
