/*
 * The only code that touches the WebAssembly module (assistant.js + assistant.wasm).
 * It runs in a Web Worker, so typing never waits for the engine. web/engine.js talks to
 * it with messages: {id, method, params} → {id, ok, result | error}.
 */
/* global importScripts, createAssistantModule */
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

async function load({ kbUrl }) {
  const started = performance.now();
  // The knowledge base downloads while the engine's WebAssembly downloads and compiles
  // (instantiateStreaming), not after: on a slow phone the two share the time.
  const download = fetchKnowledgeBase(kbUrl);
  download.catch(() => {});  // awaited below; a failure is reported there
  // The module's promise never settles if the runtime aborts while starting; onAbort does.
  let abort;
  const aborted = new Promise((_, reject) => { abort = reject; });
  const module = await Promise.race([
    createAssistantModule({ onAbort: (what) => abort(fail('engine_aborted', `the engine stopped: ${what}`)) }),
    aborted,
  ]);
  const bytes = await download;
  engine = new module.Engine();
  const opened = engine.open(bytes);
  if (!opened.ok) {
    engine = null;
    throw fail(opened.error.code, opened.error.message);
  }
  return { ...opened, bytes: bytes.length, loadMs: Math.round(performance.now() - started) };
}

function call(method, params) {
  if (method === 'load') return (loading ??= load(params));
  if (!loading) throw fail('not_loaded', 'load the engine first');
  return loading.then(() => {
    const result =
      method === 'search' ? engine.search(String(params.query ?? ''), params.options ?? {})
      : method === 'forPage' ? engine.forPage(String(params.page ?? ''), params.options ?? {})
      : method === 'article' ? engine.article(String(params.id ?? ''), String(params.lang ?? 'en'))
      : method === 'converse' ? engine.converse(String(params.state ?? ''), JSON.stringify(params.action ?? {}), String(params.lang ?? 'en'))
      : method === 'render' ? engine.render(String(params.state ?? ''), String(params.lang ?? 'en'))
      : method === 'handoff' ? engine.handoff(String(params.state ?? ''), JSON.stringify(params.request ?? {}))
      : method === 'replyTime' ? engine.replyTime(String(params.team ?? ''), String(params.channel ?? ''), Number(params.now ?? Date.now()))
      : method === 'settings' ? engine.settings()
      : { ok: false, error: { code: 'invalid_argument', message: `no method ${method}` } };
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
