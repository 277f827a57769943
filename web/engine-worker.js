/*
 * The only code that touches the WebAssembly module (assistant.js + assistant.wasm).
 * It runs in a Web Worker, so typing never waits for the engine. web/engine.js talks to
 * it with messages: {id, method, params} → {id, ok, result | error}.
 */
/* global importScripts, createAssistantModule */
// Everything the first answer needs starts downloading now, in parallel, before the
// engine's script (below) has arrived: the WebAssembly (compiled as it arrives, see
// instantiateWasm), the knowledge base named in this worker's URL, and, as soon as its
// manifest is here, its hot pages.
const early = {
  url: new URL(self.location.href).searchParams.get('kb'),
  wasm: respond(wasmUrl()),
  download: null,
  pages: null,
};
early.wasm.catch(() => {});  // awaited by instantiateWasm; a failure is reported there
if (early.url) {
  early.download = startDownload(early.url);
  early.download.catch(() => {});  // awaited by load(); a failure is reported there
  if (isManifest(early.url)) {
    early.pages = early.download.then((bytes) => beginPages(early.url, bytes));
    early.pages.catch(() => {});
  }
}
importScripts('assistant.js');

let engine = null;
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
// the chunks; a call that needs a chunk not yet here answers pages_missing with their
// numbers, and is run again once they are fetched (several at once, from the service
// worker's cache when it has them). A file's name is the SHA-256 of its bytes.
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

// A file's response: from the network (the cache when the network fails), or from the
// cache first for a file that never changes. kb_unavailable when neither has it.
async function respond(url, { immutable = false } = {}) {
  let response = immutable ? await fromCache(url) : null;
  if (!response) {
    try {
      response = await fetch(url);
    } catch (e) {
      response = await fromCache(url);
      if (!response) throw fail('kb_unavailable', `could not download ${url}: ${e.message}`);
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

async function verified(name, bytes) {
  if (!self.crypto?.subtle) return bytes;  // only on https and localhost
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  const hex = [...digest.slice(0, 8)].map((b) => b.toString(16).padStart(2, '0')).join('');
  if (`${hex}.bin` !== name) throw fail('corrupt_database', `${name} does not hold what its name says`);
  return bytes;
}

async function pagesFile(name) {
  return verified(name, await unzipped(await download(new URL(name, pages.base), { immutable: true })));
}

function addChunk(index) {
  let fetching = pages.fetching.get(index);
  if (!fetching) {
    const name = pages.manifest.chunks[index];
    if (typeof name !== 'string') return Promise.reject(fail('corrupt_database', `no chunk ${index}`));
    fetching = pagesFile(name).then((bytes) => {
      const added = engine.addChunk(index, bytes);
      if (!added.ok) throw fail('corrupt_database', added.error.message);
    });
    fetching.catch(() => pages.fetching.delete(index));  // a failed download may be tried again
    pages.fetching.set(index, fetching);
  }
  return fetching;
}

// Read-ahead: a call that asks for the chunk after one it asked for in the previous round
// is reading a table in order (the speller's word list, a long flow), so it is sent the
// chunks after it too, twice as many each round: a scan of n chunks takes log2(n)
// rounds, not n. (tools/bench/scale.mjs reads the same way.)
function withReadAhead(missing, previous, ahead) {
  const wanted = new Set(missing);
  let sequential = false;
  for (const i of missing) {
    if (!previous.has(i - 1)) continue;
    sequential = true;
    for (let k = 1; k < ahead && i + k < pages.manifest.chunks.length; k++) wanted.add(i + k);
  }
  return { chunks: [...wanted], sequential };
}

// Runs call until it has every chunk it needs; stillWanted() false stops early (a newer
// search made this one pointless).
async function withChunks(run, stillWanted = () => true) {
  let previous = new Set();
  let ahead = 2;
  for (let round = 0; ; round++) {
    const result = run();
    if (result.ok || result.error.code !== 'pages_missing' || !pages) return result;
    if (!stillWanted()) return { ok: true, hits: [], superseded: true };  // never shown
    if (round === 40) return { ok: false, error: { code: 'kb_unavailable', message: 'the knowledge base keeps asking for chunks' } };
    const { chunks, sequential } = withReadAhead(result.chunks, previous, ahead);
    ahead = sequential ? Math.min(ahead * 2, 64) : 2;
    previous = new Set(chunks);
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
  pages = { base: new URL('.', manifestUrl), manifest, fetching: new Map() };
  const hot = pagesFile(manifest.hot?.file);
  hot.catch(() => {});  // awaited by openPaged
  return { manifest, hot };
}

async function openPaged(module, manifestUrl, manifestDownload) {
  const begun = manifestUrl === early.url && early.pages ? early.pages : manifestDownload.then((bytes) => beginPages(manifestUrl, bytes));
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
  // The knowledge base downloads while the engine's WebAssembly downloads and compiles
  // (instantiateStreaming), not after: on a slow phone the two share the time.
  const paged = isManifest(kbUrl);
  const downloading = kbUrl === early.url ? early.download : startDownload(kbUrl);
  downloading.catch(() => {});  // awaited below; a failure is reported there
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
    ({ opened, bytes } = await openPaged(module, kbUrl, downloading));
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
  return { ...opened, bytes, loadMs: Math.round(performance.now() - started) };
}

let latestSearch = 0;

function call(method, params) {
  if (method === 'load') return (loading ??= load(params));
  if (!loading) throw fail('not_loaded', 'load the engine first');
  const ticket = method === 'search' ? ++latestSearch : 0;
  return loading.then(async () => {
    const run = () =>
      method === 'search' ? engine.search(String(params.query ?? ''), params.options ?? {})
      : method === 'forPage' ? engine.forPage(String(params.page ?? ''), params.options ?? {})
      : method === 'article' ? engine.article(String(params.id ?? ''), String(params.lang ?? 'en'))
      : method === 'converse' ? engine.converse(String(params.state ?? ''), JSON.stringify(params.action ?? {}), String(params.lang ?? 'en'))
      : method === 'render' ? engine.render(String(params.state ?? ''), String(params.lang ?? 'en'))
      : method === 'handoff' ? engine.handoff(String(params.state ?? ''), JSON.stringify(params.request ?? {}))
      : method === 'replyTime' ? engine.replyTime(String(params.team ?? ''), String(params.channel ?? ''), Number(params.now ?? Date.now()))
      : method === 'settings' ? engine.settings()
      : { ok: false, error: { code: 'invalid_argument', message: `no method ${method}` } };
    const result = await withChunks(run, () => method !== 'search' || ticket === latestSearch);
    if (!result.ok) throw fail(result.error.code, result.error.message);
    if (typeof result.view === 'string') result.view = JSON.parse(result.view);
    return result;
  });
}

self.onmessage = async (event) => {
  const { id, method, params } = event.data;
  try {
    const result = await call(method, params ?? {});
    self.postMessage({ id, ok: true, result });
  } catch (e) {
    self.postMessage({ id, ok: false, error: { code: e.code ?? 'internal', message: String(e.message ?? e) } });
  }
};
