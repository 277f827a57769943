// The page's one script for the widget. It starts the engine (a worker that downloads the
// WebAssembly and the knowledge base) at once, before the rest of the widget's code has
// arrived: on a slow phone the engine is most of what the first answer waits for, and
// each script fetched before the worker starts costs a round trip. Module scripts run once
// the page is parsed, so the first <help-assistant> is there to say which knowledge base.
const first = document.querySelector('help-assistant');
let early = null;
if (first) {
  const kbUrl = new URL(first.getAttribute('kb-src') || 'kb/manifest.json', document.baseURI).href;
  const url = new URL('./engine-worker.js', import.meta.url);
  url.searchParams.set('kb', kbUrl);
  early = { kbUrl, worker: new Worker(url) };
}

const [{ Engine }, { HelpAssistantElement }] = await Promise.all([import('./engine.js'), import('./help-assistant.js')]);
if (early) Engine.adopt(early);
if (!customElements.get('help-assistant')) customElements.define('help-assistant', HelpAssistantElement);
