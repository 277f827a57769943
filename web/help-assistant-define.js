// The page's one script for the widget. It starts the engine (a worker that downloads the
// WebAssembly and the knowledge base) at once, before the rest of the widget's code has
// arrived: on a slow phone the engine is most of what the first answer waits for, and
// each script fetched before the worker starts costs a round trip. Module scripts run once
// the page is parsed, so the first <help-assistant> is there to say which knowledge base.
const first = document.querySelector('help-assistant');
let early = null;
if (first) {
  // The widget's style sheet, asked for now rather than when the widget first draws.
  const style = document.createElement('link');
  Object.assign(style, { rel: 'preload', as: 'style', href: new URL('./help-assistant.css', import.meta.url).href });
  document.head.append(style);
  const kbUrl = new URL(first.getAttribute('kb-src') || 'kb/manifest.json', document.baseURI).href;
  const url = new URL('./engine-worker.js', import.meta.url);
  url.searchParams.set('kb', kbUrl);
  // Its texts come with the first-answer index (the widget settles the language itself).
  url.searchParams.set('lang', first.getAttribute('lang') || navigator.language || 'en');
  // The first-answer module and index head (see engine-worker.js) are asked for from here,
  // now: the worker's own requests would go out only once it has started, behind the
  // widget's scripts. Whatever does not arrive, the worker fetches itself.
  const paged = /\.json$/.test(new URL(kbUrl).pathname);
  if (paged) url.searchParams.set('quick', 'page');
  const worker = new Worker(url);
  if (paged) {
    const get = (href) => fetch(href).then((r) => (r.ok ? r.arrayBuffer() : null)).catch(() => null);
    Promise.all([get(new URL('./quick.wasm', import.meta.url)), get(new URL('quick.bin', kbUrl))]).then(([wasm, head]) => {
      worker.postMessage({ quickFiles: { wasm, head } }, [wasm, head].filter(Boolean));
    });
  }
  early = { kbUrl, worker };
}

const [{ Engine }, { HelpAssistantElement }] = await Promise.all([import('./engine.js'), import('./help-assistant.js')]);
if (early) Engine.adopt(early);
if (!customElements.get('help-assistant')) customElements.define('help-assistant', HelpAssistantElement);
