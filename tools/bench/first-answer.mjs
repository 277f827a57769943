#!/usr/bin/env node
// Time to the first answer, as a customer on a phone feels it: Chromium opens the page on
// an emulated slow network, the customer types a question at once, and the clock stops
// when the first result is on screen. Beside it, in the same run, Pagefind (npm) indexing
// the same articles as HTML pages, served by the same server on the same network.
//
//   node tools/bench/first-answer.mjs [--runs 3] [--network fast3g,slow4g] [--json]
//                                     [--site DIR]   (ours from another build, e.g. an
//                                                     older commit's build/site)
//                                     [--chunked]    (gzip without Content-Length, as
//                                                     nginx's on-the-fly gzip sends it)
//                                                     [--timeline]  (each response of the
//                                                     first visits: ms from navigation)
//                                     [--synthetic N] (the demo page on the synthetic
//                                                     knowledge base of N articles that
//                                                     tools/bench/scale.mjs --sizes N built,
//                                                     and Pagefind on the same articles)
//
// The network is emulated by the server (tools/serve.mjs throttle), so it applies alike
// to the page, its workers and its service worker: every response waits one round trip,
// and all share one link. Fast 3G: 150 ms, 1.6 Mbit/s; Slow 4G: 70 ms, 9 Mbit/s (the
// figures Lighthouse uses). Both sites are gzipped by the server with Content-Length.
//
// Each run is a first visit (a new browser context: no cache, no service worker), then
// a repeat visit in the same context (files in the HTTP cache, revalidated as the site
// asks; ours also waits until its service worker says it has stored them).
// Prints the median over runs of: ms from navigation to the first result, bytes and
// requests the server sent before it; ms to the settled answer (ours: the whole engine's,
// which replaces the first-answer index's; Pagefind's first is final); and ms and bytes
// from typing the next question to its first result (next_*).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { serve } from '../serve.mjs';
import { percentile } from './lib/metrics.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SITE = path.join(ROOT, 'build/site');
const OUT = path.join(ROOT, 'build/bench/first-answer');
const networks = {
  fast3g: { rttMs: 150, kbps: 1600 },
  slow4g: { rttMs: 70, kbps: 9000 },
};
// Typed at once, as a customer who came with a question; each is answered by both.
const QUERY = 'forgot password';
// The customer's next question, once the page has settled on the first answer (ours:
// the whole engine's, which replaces the first-answer index's): what a new search costs
// when the engine has started but has read nothing for these words.
const NEXT = 'router lights blinking';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    network: { type: 'string', default: 'fast3g,slow4g' },
    json: { type: 'boolean', default: false },
    site: { type: 'string', default: SITE },
    chunked: { type: 'boolean', default: false },
    timeline: { type: 'boolean', default: false },
    synthetic: { type: 'string' },
  },
});

// The site to measure: the demo, or the demo page on a synthetic knowledge base.
function ourSite() {
  if (!values.synthetic) return path.resolve(values.site);
  const scale = path.join(ROOT, 'build/bench/scale');
  const kb = path.join(scale, `synthetic-${values.synthetic}.sqlite`);
  const pages = path.join(scale, `synthetic-${values.synthetic}-pages`);
  if (!existsSync(kb) || !existsSync(pages)) {
    throw new Error(`build it first: node tools/bench/scale.mjs --sizes ${values.synthetic}`);
  }
  mkdirSync(OUT, { recursive: true });
  const dir = path.join(OUT, `site-${values.synthetic}`);
  rmSync(dir, { recursive: true, force: true });
  execFileSync('cp', ['-r', path.resolve(values.site), dir]);
  rmSync(path.join(dir, 'kb'), { recursive: true, force: true });
  execFileSync('cp', ['-r', pages, path.join(dir, 'kb')]);
  execFileSync('cp', [kb, path.join(dir, 'kb.sqlite')]);
  return dir;
}
const OURS = ourSite();

function escapeHtml(s) {
  return s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
}

// The same articles as HTML pages, one per article and language, indexed by Pagefind.
function buildPagefindSite() {
  const dir = path.join(OUT, 'pagefind-site');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const corpus = path.join(OUT, 'corpus.jsonl');
  execFileSync(path.join(ROOT, 'build/native/kbc'), ['--export-corpus', path.join(OURS, 'kb.sqlite'), '-o', corpus]);
  const docs = readFileSync(corpus, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line));
  for (const doc of docs) {
    const lang = doc.lang ?? 'en';
    const file = path.join(dir, lang, `${doc.id}.html`);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${escapeHtml(doc.title)}</title></head>
<body><main data-pagefind-body><h1>${escapeHtml(doc.title)}</h1><p>${escapeHtml((doc.tags ?? []).join(', '))}</p>
<p>${escapeHtml(doc.body)}</p></main></body></html>\n`);
  }
  // The search page: Pagefind's own API, loaded when the customer types (as its UI does),
  // showing the first result's title and excerpt.
  writeFileSync(path.join(dir, 'index.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width"><title>Search</title></head><body>
<input id="q" type="search" aria-label="Search"><ol id="results"></ol>
<script type="module">
const input = document.getElementById('q');
let pagefind;
input.addEventListener('input', async () => {
  pagefind ??= import('/pagefind/pagefind.js').then(async (pf) => { await pf.init(); return pf; });
  const pf = await pagefind;
  const query = input.value;
  const found = await pf.search(query);
  if (!found || input.value !== query) return;
  const shown = await Promise.all(found.results.slice(0, 5).map((r) => r.data()));
  const list = document.getElementById('results');
  list.replaceChildren(...shown.map((d) => Object.assign(document.createElement('li'), { textContent: d.meta.title + ' ' + d.excerpt })));
  list.dataset.query = query;
});
</script></body></html>\n`);
  execFileSync(path.join(ROOT, 'node_modules/.bin/pagefind'), ['--site', dir], { stdio: 'ignore' });
  return { dir, docs: docs.length };
}

// Opens the page, types at once, and waits for the first result of the whole query.
// Both waits poll every 20 ms (Playwright's own wait for an element backs off to 500 ms
// between looks, which would count up to half a second of the benchmark's own time).
async function firstResult(page, url, { input, results }) {
  await page.goto(url, { waitUntil: 'commit' });
  const shown = (selector) => page.waitForFunction((s) => {
    const find = (root) => root.querySelector(s) ?? [...root.querySelectorAll('*')]
      .map((e) => e.shadowRoot && find(e.shadowRoot)).find(Boolean);
    const found = find(document);
    return found && found.getClientRects().length > 0;
  }, selector.split(' ').pop(), { timeout: 120000, polling: 20 });  // (the part inside a shadow root)
  await shown(input);
  await page.locator(input).fill(QUERY);
  await resultFor(page, results, QUERY);
  return page.evaluate(() => performance.now());
}

// Waits until the first result of query is on screen.
function resultFor(page, results, query) {
  return page.waitForFunction(({ results: r, query: q }) => {
    const find = (root) => root.querySelector(r) ?? [...root.querySelectorAll('*')]
      .map((e) => e.shadowRoot && find(e.shadowRoot)).find(Boolean);
    const list = find(document);
    return list && list.dataset.query === q && list.querySelector('li');
  }, { results, query }, { timeout: 120000, polling: 20 });
}

// The next question on the same page: ms from typing it to its first result.
async function nextResult(page, { input, results }) {
  const started = await page.evaluate(() => performance.now());
  await page.locator(input).fill(NEXT);
  await resultFor(page, results, NEXT);
  return (await page.evaluate(() => performance.now())) - started;
}

// One line per response sent before the first result: when it was asked for, when its
// first and last bytes left (ms since the benchmark navigated), its gzip bytes.
function printTimeline(engine, network, run, started, resultMs, log) {
  console.log(`\n${engine} ${network} run ${run + 1}: first result at ${Math.round(resultMs)} ms (page clock)`);
  const at = (ms) => String(Math.round(ms - started)).padStart(6);
  for (const e of log) {
    console.log(`${at(e.startMs)} ${e.firstByteMs ? at(e.firstByteMs) : '     -'} ${e.endMs ? at(e.endMs) : '     -'} ${String(e.bytes).padStart(8)}  ${e.path}`);
  }
}

const engines = [
  { name: 'ours', site: () => OURS, input: 'help-assistant input[type=search]', results: '.results', cached: 'html[data-offline-ready]',
    settled: `help-assistant .results[data-query="${QUERY}"][data-provisional="false"]` },
  { name: 'pagefind', site: () => buildPagefindSite().dir, input: '#q', results: '#results' },
];

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--no-first-run', '--disable-quic'],
});
mkdirSync(OUT, { recursive: true });
if (!existsSync(path.join(SITE, 'kb.sqlite'))) throw new Error('build the demo first: tools/build.sh');
const rows = [];
for (const engine of engines) {
  const folder = engine.site();
  for (const name of values.network.split(',')) {
    const server = await serve(folder, { throttle: networks[name], gzip: values.chunked ? 'chunked' : true });
    const url = `http://localhost:${server.address().port}/`;
    const first = [];
    const next = [];
    const repeat = [];
    for (let run = 0; run < Number(values.runs); run++) {
      const context = await browser.newContext({ locale: 'en-US', viewport: { width: 360, height: 640 } });
      const page = await context.newPage();
      Object.assign(server.traffic, { requests: 0, bytes: 0, sent: 0, log: [] });
      const started = performance.now();
      const ms = await firstResult(page, url, engine);
      first.push({ ms, ...server.traffic });  // sent: the bytes on the wire by the first result
      if (values.timeline) printTimeline(engine.name, name, run, started, ms, server.traffic.log);
      // The next question, once the first answer has settled (counted from then on):
      // ours replaces the first answer by the whole engine's (settled_ms, from navigation).
      if (engine.settled) await page.locator(engine.settled).waitFor({ state: 'attached', timeout: 180000 });
      first.at(-1).settled = engine.settled ? performance.now() - started : ms;
      Object.assign(server.traffic, { requests: 0, bytes: 0, sent: 0, log: [] });
      const nextMs = await nextResult(page, engine);
      next.push({ ms: nextMs, ...server.traffic });
      // A site with a service worker says when it has stored its files.
      // (An older build that does not say so gets 30 s.)
      if (engine.cached) await page.locator(engine.cached).waitFor({ state: 'attached', timeout: 30000 }).catch(() => {});
      Object.assign(server.traffic, { requests: 0, bytes: 0, sent: 0, log: [] });
      const againStarted = performance.now();
      const again = await firstResult(page, url, engine);
      repeat.push({ ms: again, ...server.traffic });
      if (values.timeline) printTimeline(engine.name, `${name} repeat`, run, againStarted, again, server.traffic.log);
      await context.close();
    }
    await new Promise((done) => server.close(done));
    const median = (list, key) => Math.round(percentile(list.map((r) => r[key]), 0.5));
    const row = {
      engine: engine.name, network: name,
      first_ms: median(first, 'ms'), first_kib: Math.round(median(first, 'sent') / 1024), first_requests: median(first, 'requests'),
      settled_ms: median(first, 'settled'),
      next_ms: median(next, 'ms'), next_kib: Math.round(median(next, 'sent') / 1024),
      repeat_ms: median(repeat, 'ms'), repeat_kib: Math.round(median(repeat, 'sent') / 1024), repeat_requests: median(repeat, 'requests'),
    };
    rows.push(row);
    if (values.json) console.log(JSON.stringify(row));
  }
}
await browser.close();
if (!values.json) {
  console.log(`first answer for "${QUERY}", median of ${values.runs} runs (ms from navigation; KiB and requests the server sent)`);
  console.log(`then "${NEXT}" on the same page once the first answer has settled (next_*)`);
  console.log('engine    network  first_ms  first_KiB  first_req  settled_ms  next_ms  next_KiB  repeat_ms  repeat_KiB  repeat_req');
  for (const r of rows) {
    console.log(`${r.engine.padEnd(9)} ${r.network.padEnd(8)} ${String(r.first_ms).padStart(8)} ${String(r.first_kib).padStart(10)} ${String(r.first_requests).padStart(10)} ${String(r.settled_ms).padStart(11)} ${String(r.next_ms).padStart(8)} ${String(r.next_kib).padStart(9)} ${String(r.repeat_ms).padStart(10)} ${String(r.repeat_kib).padStart(11)} ${String(r.repeat_requests).padStart(11)}`);
  }
}
