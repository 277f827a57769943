/*
 * The only code that touches the WebAssembly modules (assistant.js + assistant.wasm, and
 * quick.wasm). It runs in a Web Worker, so typing never waits for the engine. web/engine.js
 * talks to it with messages: {id, method, params} → {id, ok, result | error}.
 */
/* global importScripts, createAssistantModule */
// What the first answer needs starts downloading now, before anything else: the
// first-answer module (quick.wasm) and the first-answer index's head (both usually handed
// over by the page) and, once that is here, the texts in the customer's language. They
// answer the first searches (core/kb/quick_index.hpp). The whole engine (assistant.wasm,
// compiled as it arrives, see instantiateWasm), the manifest and the hot pages start once
// those are in and no first search is fetching: on a slow phone they would otherwise
// share the bandwidth, and HTTP/1.1's six connections, with the first answer.
// The worker's name says {kb, lang, quick} (see Engine.#start).
const workerParams = (() => {
  try {
    return JSON.parse(self.name || '{}') ?? {};
  } catch {
    return {};
  }
})();
const early = {
  url: typeof workerParams.kb === 'string' ? workerParams.kb : null,
  lang: typeof workerParams.lang === 'string' && workerParams.lang ? workerParams.lang : 'en',
  download: null,
  quick: null,  // Promise of the first-answer engine, or null when there is none
  quickFiles: null,  // takes {wasm, head} from the page (see startQuick)
  wasm: null,
};
if (early.url && isManifest(early.url)) {
  early.quick = startQuick(early.url);  // the manifest waits, as the whole engine does
} else if (early.url) {
  early.download = startDownload(early.url);  // a whole kb.sqlite: no first-answer index
  early.download.catch(() => {});  // awaited by load(); a failure is reported there
}
// The whole engine's script: tools/build.sh puts it in front of this one in the site's
// engine-worker.js (importScripts would stop this worker until it arrived, and a first
// search sent meanwhile would wait); unbundled, it is fetched here.
if (typeof createAssistantModule === 'undefined') importScripts('assistant.js');

let engine = null;
let trapped = '';  // what the module said when it trapped: the worker is done (onmessage)
let engineReady = false;  // engine has opened the knowledge base (load() has finished)
let loading = null;

function fail(code, message) {
  return Object.assign(new Error(message), { code });
}

async function fetchKnowledgeBase(kbUrl) {
  let response;
  try {
    response = await fetch(kbUrl);
  } catch (e) {
    throw fail('kb_unavailable', `could not download the knowledge base: ${e.message}`);
  }
  if (!response.ok) throw fail('kb_unavailable', `the knowledge base answered HTTP ${response.status}`);
  // Content-Length counts the bytes on the wire: when the server compressed the file
  // (nginx gzip_static, most CDNs) the body read here is longer. It only sizes the
  // progress bar; the body is read to its end, however long.
  const announced = Number(response.headers.get('content-length')) || 0;
  const encoded = Boolean(response.headers.get('content-encoding'));
  if (!response.body) return new Uint8Array(await response.arrayBuffer());
  const parts = [];
  const reader = response.body.getReader();
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    parts.push(value);
    received += value.length;
    if (announced && !encoded) self.postMessage({ progress: { received: Math.min(received, announced), total: announced } });
  }
  const bytes = new Uint8Array(received);
  let at = 0;
  for (const part of parts) {
    bytes.set(part, at);
    at += part.length;
  }
  return bytes;
}

// --- a knowledge base read in pages (kbc --pages; core/kb/paged.hpp) ------------------
// kb/manifest.json names the hot pages (what opening and most first searches read) and
// the chunks' key; a call that needs a chunk not yet here answers pages_missing with their
// numbers, and is run again once they are fetched (several at once, from the service
// worker's cache when it has them). Chunk n is <key>-<n>.bin, the key being the start of
// the SHA-256 of the whole knowledge base: a name never comes back with other bytes.
let pages = null;  // {base: URL, manifest, fetching: Map chunk → Promise}

// The Cache API (where the service worker stores the site) answers when the network
// cannot, or first for a file that never changes. This worker may have started before the
// service worker took control of the page, so its fetches do not always pass through it.
async function fromCache(url) {
  try {
    return (await self.caches?.match(url, { ignoreSearch: true })) ?? null;
  } catch {
    return null;  // no Cache API here (an opaque origin, a private window)
  }
}

// Files that never change (named by a hash), kept by this worker once they have
// been read as good: the service worker stores only what the page asks it to (above the
// offline limit, not the chunks and first-answer files a search reads), and on a first
// visit this worker's requests do not pass through it. A repeat visit then searches from
// this device. Kept only after checking, as a damaged download kept under a name that is
// never fetched again would break every later visit.
const keptFiles = 'help-assistant-kept';

function keep(url, bytes) {
  self.caches?.open(keptFiles).then((cache) => cache.put(url, new Response(bytes))).catch(() => {});
}

// Once this deployment's knowledge base has opened: kept files of the same folder named
// by another key (an earlier deployment's, whose names never come back) are deleted, so
// a device holds one version of the help center, not every one it saw.
async function pruneKept(base, manifest) {
  const cache = await self.caches?.open(keptFiles).catch(() => null);
  if (!cache) return;
  const current = new Set([manifest.key, manifest.quick?.key].filter(Boolean));
  for (const request of await cache.keys()) {
    const url = new URL(request.url);
    const key = /^([0-9a-f]{16})(-[A-Za-z0-9-]+)?\.bin$/.exec(url.pathname.slice(url.pathname.lastIndexOf('/') + 1))?.[1];
    if (new URL('.', url).href === base.href && key && !current.has(key)) await cache.delete(request);
  }
}

// An immutable file's bytes as they came (gzipped), and its bytes to read; keep(url,
// raw) once they are read as good.
async function immutableFile(url) {
  const raw = await download(url, { immutable: true });
  return { raw, bytes: await unzipped(raw) };
}

// A file's response: from the network (the cache when the network fails), or from the
// cache first for a file that never changes. kb_unavailable when neither has it.
async function respond(url, { immutable = false } = {}) {
  let response = immutable ? await fromCache(url) : null;
  if (!response) {
    try {
      response = await fetch(url);
    } catch (e) {
      response = await fromCache(url);
      // Offline, a search whose files were never stored needs the network (the widget
      // says so); anything else that cannot be had is unavailable.
      const offline = self.navigator?.onLine === false;
      if (!response) throw fail(offline ? 'offline' : 'kb_unavailable', `could not download ${url}: ${e.message}`);
    }
  }
  if (!response.ok) throw fail('kb_unavailable', `${url} answered HTTP ${response.status}`);
  return response;
}

async function download(url, options) {
  return new Uint8Array(await (await respond(url, options)).arrayBuffer());
}

// Chunks are gzipped at build time. A host that labels .bin files as gzip has them
// unzipped by the browser already: both arrive here as the right bytes.
async function unzipped(bytes) {
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return bytes;
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

// A file of the pages, checked by whoever reads it (gzip's own check while unzipping,
// then the engine: a chunk or the hot pages of the wrong size is refused), kept once read.
async function pagesFile(name, check) {
  const url = new URL(name, pages.base);
  const { raw, bytes } = await immutableFile(url);
  check(bytes);
  keep(url, raw);
  return bytes;
}

function addChunk(index) {
  let fetching = pages.fetching.get(index);
  if (!fetching) {
    if (!(index >= 0 && index < pages.manifest.chunk_count)) return Promise.reject(fail('corrupt_database', `no chunk ${index}`));
    fetching = pagesFile(`${pages.manifest.key}-${index}.bin`, (bytes) => {
      const added = engine.addChunk(index, bytes);
      if (!added.ok) throw fail('corrupt_database', added.error.message);
    });
    fetching.catch(() => pages.fetching.delete(index));  // a failed download may be tried again
    pages.fetching.set(index, fetching);
  }
  return fetching;
}

// Read-ahead: a call that asks for the chunk after one it asked for in an earlier round
// is reading a table or a doclist in order (the speller's word list, a long flow, a
// common word's entries in the index, often two words' at once, a chunk of each per
// round), so it is sent the chunks after it too, twice as many each round: a scan of n
// chunks takes about log2(n) rounds, not n. (tools/bench/scale.mjs reads the same way.)
function withReadAhead(missing, asked, ahead) {
  const wanted = new Set(missing);
  let sequential = false;
  for (const i of missing) {
    if (!asked.has(i - 1)) continue;
    sequential = true;
    for (let k = 1; k < ahead && i + k < pages.manifest.chunk_count; k++) wanted.add(i + k);
  }
  return { chunks: [...wanted], sequential };
}

// Rounds of fetching after which a call is taken to be broken (an engine that keeps
// asking); a search at 100,000 articles takes at most about 15.
const maxRounds = 100;

// Runs call until it has every chunk it needs; stillWanted() false stops early (a newer
// search made this one pointless).
async function withChunks(run, stillWanted = () => true) {
  const asked = new Set();
  let ahead = 2;
  for (let round = 0; ; round++) {
    const result = run();
    if (result.ok || result.error.code !== 'pages_missing' || !pages) return result;
    if (!stillWanted()) return { ok: true, hits: [], superseded: true };  // never shown
    if (round === maxRounds) return { ok: false, error: { code: 'kb_unavailable', message: 'the knowledge base keeps asking for chunks' } };
    const { chunks, sequential } = withReadAhead(result.chunks, asked, ahead);
    ahead = sequential ? Math.min(ahead * 2, 64) : 2;
    for (const i of chunks) asked.add(i);
    await Promise.all(chunks.map(addChunk));
  }
}

// A paged knowledge base is named by its manifest; anything else is a whole kb.sqlite.
function isManifest(url) {
  return /\.json$/.test(new URL(url).pathname);
}

function startDownload(url) {
  return isManifest(url) ? download(url) : fetchKnowledgeBase(url);
}

// Reads the manifest and starts downloading the hot pages (the engine need not be
// running yet).
function beginPages(manifestUrl, manifestBytes) {
  let manifest;
  try {
    manifest = JSON.parse(new TextDecoder().decode(manifestBytes));
  } catch (e) {
    throw fail('corrupt_database', `the knowledge base's manifest is not JSON: ${e.message}`);
  }
  // A manifest of another version of the engine (an earlier one named each chunk): the
  // page and its knowledge base come from two deployments, and a reload mends it.
  if (!/^[0-9a-f]{16}$/.test(manifest.key) || !Number.isInteger(manifest.chunk_count) ||
      !Array.isArray(manifest.hot?.pages)) {
    throw fail('version_mismatch', 'the knowledge base\'s manifest is not of this engine\'s version');
  }
  pages = { base: new URL('.', manifestUrl), manifest, fetching: new Map() };
  const hot = pagesFile(manifest.hot.file, (bytes) => {
    if (bytes.length !== manifest.hot.pages.length * manifest.page_size) {
      throw fail('corrupt_database', `the hot pages have ${bytes.length} bytes`);
    }
  });
  hot.catch(() => {});  // awaited by openPaged
  return { manifest, hot };
}

// --- the first answer (quick.wasm; core/kb/quick_index.hpp) -----------------------------
// A plain WebAssembly module without Emscripten's runtime: strings go in through its
// buffer as UTF-8, results come back as JSON text.
class QuickEngine {
  #exports;

  constructor(instance) {
    this.#exports = instance.exports;
    this.#exports._initialize();
  }

  // The bytes of the parts, one after another, into the module's buffer; then fn(...args).
  #call(fn, parts, ...args) {
    const x = this.#exports;
    const total = parts.reduce((n, part) => n + part.length, 0);
    let at = x.quick_buffer(total);
    for (const part of parts) {
      new Uint8Array(x.memory.buffer, at, part.length).set(part);
      at += part.length;
    }
    const result = fn(...args);
    return JSON.parse(new TextDecoder().decode(new Uint8Array(x.memory.buffer, result, x.quick_result_bytes())));
  }

  // {ok, files}: the texts to add before searching in lang.
  open(lang, head) {
    const encoded = new TextEncoder().encode(lang);
    return this.#call(this.#exports.quick_open, [encoded, head], encoded.length);
  }

  add(name, bytes) {
    const encoded = new TextEncoder().encode(name);
    return this.#call(this.#exports.quick_add, [encoded, bytes], encoded.length);
  }

  // {ok, hits, lang, quick: true}, or {ok: false, error: {code: 'pages_missing'}, files}.
  search(query, options) {
    const lang = new TextEncoder().encode(String(options.lang ?? 'en'));
    return this.#call(this.#exports.quick_search, [lang, new TextEncoder().encode(query)],
      lang.length, Number(options.limit) || 10, (options.includeFlows === false ? 0 : 1) | (options.keepScript ? 2 : 0));
  }
}

const quickImports = {
  env: { emscripten_notify_memory_growth() {} },
  wasi_snapshot_preview1: { proc_exit(code) { throw new Error(`quick.wasm stopped (${code})`); } },
};

// The first-answer engine opened on its head (kb/quick.bin beside the manifest: it names
// the index's other files), or null when the knowledge base has no first-answer index or
// it cannot be had (the whole engine then answers the first search too, later). The page
// may have downloaded quick.wasm and the head already (help-assistant-define.js: its
// requests go out before the worker has started), and posts them here.
async function startQuick(manifestUrl) {
  const base = new URL('.', manifestUrl);
  const fromPage = workerParams.quick === 'page'
    ? new Promise((resolve) => { early.quickFiles = resolve; })
    : Promise.resolve({});
  try {
    const given = await fromPage;
    const [{ instance }, head] = await Promise.all([
      given.wasm ? WebAssembly.instantiate(given.wasm, quickImports) : respond(new URL('quick.wasm', self.location.href)).then((response) =>
        /application\/wasm/.test(response.headers.get('content-type') ?? '')
          ? WebAssembly.instantiateStreaming(response, quickImports)
          : response.arrayBuffer().then((bytes) => WebAssembly.instantiate(bytes, quickImports))),
      given.head ? new Uint8Array(given.head) : download(new URL('quick.bin', base)),
    ]);
    const quick = { engine: new QuickEngine(instance), files: new Map() };
    // One download per file, however many searches ask for it, added to the index as it
    // comes.
    quick.file = (name) => {
      if (!quick.files.has(name)) {
        // Not verified by a hash: the index's files are named by one key, a hash of them
        // all (core/kb/quick_writer.hpp), and its reader checks each file's form.
        const url = new URL(name, base);
        const got = immutableFile(url).then(({ raw, bytes }) => {
          const added = quick.engine.add(name, bytes);
          if (!added.ok) throw fail('corrupt_database', added.error.message);
          keep(url, raw);
          return bytes;
        });
        got.catch(() => quick.files.delete(name));  // asked again by the next search
        quick.files.set(name, got);
      }
      return quick.files.get(name);
    };
    const opened = quick.engine.open(early.lang, await unzipped(head));
    if (!opened.ok) throw fail(opened.error.code, opened.error.message);
    // The customer's texts, before a search asks for them with its terms.
    for (const name of opened.files) quick.file(name).catch(() => {});
    return quick;
  } catch (e) {
    console.warn(`help-assistant: the first answer waits for the whole engine (${e.message})`);
    return null;
  }
}

// A search answered by the first-answer engine, fetching the index files it names.
async function quickSearch(quick, params, stillWanted) {
  for (let round = 0; round < 4; round++) {
    const result = quick.engine.search(String(params.query ?? ''), params.options ?? {});
    if (result.ok || result.error.code !== 'pages_missing') return result;
    if (!stillWanted()) return { ok: true, hits: [], superseded: true };  // never shown
    await Promise.all(result.files.map((name) => quick.file(name)));  // each added as it comes
  }
  return { ok: false, error: { code: 'kb_unavailable', message: 'the first-answer index keeps asking for files' } };
}

// Resolves once the first-answer engine has started (or failed), the customer's first
// search has been answered (or they have not typed for a while), and no search has been
// sent for typingPauseMs; or after quickPatienceMs whatever happened: a first-answer file
// stuck on the network, or a customer typing on and on, must not keep the whole engine
// away. The whole engine's downloads (about 600 KB) would otherwise share a phone's link
// with the first searches' few KB: on Fast 3G, at 10,000 articles, its WebAssembly and
// manifest started 0.2 s before the customer's first search had been sent, and the
// search's files waited behind them.
const quickPatienceMs = 5000;
// On a repeat visit the first-answer engine is ready at once (its files come from the
// cache), and the customer types at once: the whole engine's start, about 0.3 s of this
// thread's time, waits for their first search, or for this pause. On a first visit the
// first-answer engine is ready about when the search box shows: a customer who came with
// a question types within a second.
const localReadyMs = 250;
const repeatPauseMs = 600;
const firstPauseMs = 1000;
const typingPauseMs = 400;
async function quickSettled() {
  const settled = (async () => {
    await early.quick;
    if (firstSearches.seen === 0) {
      await new Promise((resolve) => {
        firstSearches.first = resolve;
        setTimeout(resolve, performance.now() < localReadyMs ? repeatPauseMs : firstPauseMs);
      });
    }
    for (;;) {
      while (firstSearches.pending > 0) await new Promise((resolve) => firstSearches.idle.push(resolve));
      const quiet = performance.now() - firstSearches.lastAt;
      if (firstSearches.seen === 0 || quiet >= typingPauseMs) return;
      await new Promise((resolve) => setTimeout(resolve, typingPauseMs - quiet));
    }
  })();
  await Promise.race([settled, new Promise((resolve) => setTimeout(resolve, quickPatienceMs))]);
}

async function openPaged(module, begun) {
  const { manifest, hot: hotDownload } = await begun;
  engine = new module.Engine();
  const used = engine.usePages({ pageSize: manifest.page_size, pageCount: manifest.page_count, chunkPages: manifest.chunk_pages });
  if (!used.ok) throw fail('corrupt_database', used.error.message);
  const hot = await hotDownload;
  const added = engine.addHot(manifest.hot.pages, hot);
  if (!added.ok) throw fail('corrupt_database', added.error.message);
  return { opened: await withChunks(() => engine.openPages()), bytes: hot.length };
}

// Emscripten's hook for starting the WebAssembly: the download that began with this
// worker, compiled while it arrives. A host that does not label .wasm files
// application/wasm gets the slower way (the whole file, then compile).
function instantiateWasm(imports, done, failed) {
  const response = early.wasm ?? respond(wasmUrl());
  early.wasm = null;  // a body can be read once; a second engine downloads its own
  response.then(async (got) => {
    const streamable = /application\/wasm/.test(got.headers.get('content-type') ?? '');
    return streamable
      ? WebAssembly.instantiateStreaming(got, imports)
      : WebAssembly.instantiate(await got.arrayBuffer(), imports);
  }).then(({ instance, module }) => done(instance, module), failed);
  return {};  // the exports arrive through done()
}

function wasmUrl() {
  return new URL('assistant.wasm', self.location.href);
}

async function load({ kbUrl }) {
  const started = performance.now();
  const paged = isManifest(kbUrl);
  if (kbUrl === early.url) await quickSettled();
  const downloading = (kbUrl === early.url && early.download) || startDownload(kbUrl);
  downloading.catch(() => {});  // awaited below; a failure is reported there
  // The WebAssembly (compiled as it arrives, instantiateStreaming), the manifest and then
  // the hot pages download together.
  early.wasm = respond(wasmUrl());
  early.wasm.catch(() => {});  // awaited by instantiateWasm; a failure is reported there
  const begun = paged ? downloading.then((bytes) => beginPages(kbUrl, bytes)) : null;
  begun?.catch(() => {});  // awaited by openPaged
  // The module's promise never settles if the runtime aborts while starting; onAbort does.
  let abort;
  const aborted = new Promise((_, reject) => { abort = reject; });
  const module = await Promise.race([
    createAssistantModule({
      onAbort: (what) => abort(fail('engine_aborted', `the engine stopped: ${what}`)),
      instantiateWasm: (imports, done) => instantiateWasm(imports, done, abort),
    }),
    aborted,
  ]);
  let opened;
  let bytes;
  if (paged) {
    ({ opened, bytes } = await openPaged(module, begun));
  } else {
    const image = await downloading;
    engine = new module.Engine();
    opened = engine.open(image);
    bytes = image.length;
  }
  if (!opened.ok) {
    engine = null;
    throw fail(opened.error.code, opened.error.message);
  }
  engineReady = true;
  if (paged) pruneKept(pages.base, pages.manifest).catch(() => {});
  return { ...opened, bytes, loadMs: Math.round(performance.now() - started) };
}

let latestSearch = 0;
let warm = false;  // the whole engine has answered a search (see call)

// Searches sent before the whole engine is ready and not yet answered: while there are
// any, the whole engine waits to download (see load).
const firstSearches = { pending: 0, idle: [], seen: 0, first: null, lastAt: 0 };

function call(method, params) {
  if (method === 'load') return (loading ??= load(params));
  if (!loading) throw fail('not_loaded', 'load the engine first');
  const ticket = method === 'search' ? ++latestSearch : 0;
  // Until the whole engine has answered a search, its search pages are not here yet (on a
  // repeat visit it opens before the customer types, then fetches them): the first-answer
  // engine answers meanwhile, unless the page asks for the whole engine (options.whole) or
  // for what only it has (the agents' articles).
  const options = params.options ?? {};
  if (method === 'search' && early.quick && !options.includeAgent) {
    if (!engineReady || (!warm && !options.whole)) return searchFirst(params, ticket);
    if (!options.whole) {
      // Warm: the whole engine answers at once when it holds the pages the search reads.
      // When it does not, the first-answer engine answers first (a few KB in one or two
      // round trips, where the whole engine's pages for a new query at a large help
      // center take many), and the page asks again with whole: true, which fetches them.
      const tried = engine.search(String(params.query ?? ''), options);
      if (tried.ok) return tried;
      if (tried.error.code !== 'pages_missing') throw fail(tried.error.code, tried.error.message);
      return searchFirst(params, ticket, () => true);
    }
  }
  return loading.then(() => callEngine(method, params, ticket));
}

async function callEngine(method, params, ticket) {
  const run = () =>
    method === 'search' ? engine.search(String(params.query ?? ''), params.options ?? {})
    : method === 'forPage' ? engine.forPage(String(params.page ?? ''), params.options ?? {})
    : method === 'article' ? engine.article(String(params.id ?? ''), String(params.lang ?? 'en'))
    : method === 'converse' ? engine.converse(String(params.state ?? ''), JSON.stringify(params.action ?? {}), String(params.lang ?? 'en'))
    : method === 'render' ? engine.render(String(params.state ?? ''), String(params.lang ?? 'en'))
    : method === 'handoff' ? engine.handoff(String(params.state ?? ''), JSON.stringify(params.request ?? {}))
    : method === 'update' ? engine.update(JSON.stringify(params.request ?? {}))
    : method === 'replyTime' ? engine.replyTime(String(params.team ?? ''), String(params.channel ?? ''), Number(params.now ?? Date.now()))
    : method === 'settings' ? engine.settings()
    : { ok: false, error: { code: 'invalid_argument', message: `no method ${method}` } };
  const result = await withChunks(run, () => method !== 'search' || ticket === latestSearch);
  if (!result.ok) throw fail(result.error.code, result.error.message);
  if (method === 'search') warm = true;
  if (typeof result.view === 'string') result.view = JSON.parse(result.view);
  return result;
}

// A search before the whole engine is ready: the first-answer engine answers it (a
// search result with quick: true), or, without one, the whole engine once it is ready.
// firstStill(): whether the first answer is still wanted when it can be had.
async function searchFirst(params, ticket, firstStill = () => !engineReady || !warm) {
  firstSearches.pending++;
  firstSearches.seen++;
  firstSearches.lastAt = performance.now();
  firstSearches.first?.();
  let result = null;
  try {
    const quick = await early.quick;
    if (quick && firstStill()) result = await quickSearch(quick, params, () => ticket === latestSearch);
  } catch (e) {
    console.warn(`help-assistant: the first answer waits for the whole engine (${e.message})`);
  } finally {
    if (--firstSearches.pending === 0) for (const resolve of firstSearches.idle.splice(0)) resolve();
  }
  // Without an answer from it, the whole engine answers once it is ready.
  return result?.ok ? result : loading.then(() => callEngine('search', params, ticket));
}

self.onmessage = async (event) => {
  if (event.data.quickFiles) {
    early.quickFiles?.(event.data.quickFiles);
    return;
  }
  const { id, method, params } = event.data;
  try {
    if (trapped) throw fail('engine_aborted', `the engine stopped earlier: ${trapped}`);
    const result = await call(method, params ?? {});
    self.postMessage({ id, ok: true, result });
  } catch (e) {
    // A WebAssembly trap (a fault in the module) leaves its memory in a state nothing
    // can trust: this worker answers no more calls, and the page starts a new one.
    if (!trapped && e instanceof WebAssembly.RuntimeError) trapped = String(e.message ?? e);
    const code = trapped ? 'engine_aborted' : e.code ?? 'internal';
    self.postMessage({ id, ok: false, error: { code, message: String(e.message ?? e) } });
  }
};
