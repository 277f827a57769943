// The first-answer module (quick.wasm, core/wasm/quick_exports.cpp) in node, for the
// benchmarks, as web/engine-worker.js runs it in the browser: strings written into its
// buffer as UTF-8, results read back as JSON.
import { readFileSync } from 'node:fs';

export async function startQuick(wasmFile) {
  const { instance } = await WebAssembly.instantiate(readFileSync(wasmFile), {
    env: { emscripten_notify_memory_growth() {} },
    wasi_snapshot_preview1: { proc_exit(code) { throw new Error(`quick.wasm stopped (${code})`); } },
  });
  const x = instance.exports;
  x._initialize();
  const call = (fn, parts, ...args) => {
    const bytes = parts.map((p) => (typeof p === 'string' ? new TextEncoder().encode(p) : p));
    let at = x.quick_buffer(bytes.reduce((n, b) => n + b.length, 0));
    for (const b of bytes) {
      new Uint8Array(x.memory.buffer, at, b.length).set(b);
      at += b.length;
    }
    const out = x[fn](...args);
    return JSON.parse(new TextDecoder().decode(new Uint8Array(x.memory.buffer, out, x.quick_result_bytes())));
  };
  const length = (s) => new TextEncoder().encode(s).length;
  return {
    // {ok, files}: the texts to add first for a customer in lang.
    open: (lang, head) => call('quick_open', [lang, head], length(lang)),
    add: (name, bytes) => call('quick_add', [name, bytes], length(name)),
    // {ok, hits} or {ok: false, error: {code: 'pages_missing'}, files}.
    search: (query, lang, limit = 10, flows = true) => call('quick_search', [lang, query], length(lang), limit, flows ? 1 : 0),
  };
}
