// The page's one script for the widget. It starts the engine (a worker that downloads the
// WebAssembly and the knowledge base) at once, before the rest of the widget's code has
// arrived: on a slow phone the engine is most of what the first answer waits for, and
// each script fetched before the worker starts costs a round trip. Module scripts run once
// the page is parsed, so the first <help-assistant> is there to say which knowledge base.
// One tag is enough: a page without the element whose script tag says data-kb gets the
// widget as a launcher in the corner, its files found next to this script:
//   <script type="module" src="/assistant/help-assistant-define.js" data-kb="kb/manifest.json"></script>
// (data-kb relative to the script; data-mode="inline" and data-lang, data-page as the
// element's attributes.)
// One module: tools/build.sh bundles the widget's modules into it (esbuild), so that they
// arrive in one request instead of a wave per level of imports. Asked for first: on a
// slow phone it is what the customer waits for to type (the page may ask for it even
// sooner, with <link rel="modulepreload">, as index.html does).
const widgetModule = import('./help-assistant.js');

const tag = [...document.querySelectorAll('script[data-kb]')]
  .find((script) => script.src && new URL(script.src, document.baseURI).href === import.meta.url);
if (tag && !document.querySelector('help-assistant')) {
  const element = document.createElement('help-assistant');
  element.setAttribute('kb-src', new URL(tag.dataset.kb, import.meta.url).href);
  element.setAttribute('mode', tag.dataset.mode || 'launcher');
  if (tag.dataset.lang) element.setAttribute('lang', tag.dataset.lang);
  if (tag.dataset.page) element.setAttribute('page', tag.dataset.page);
  document.body.append(element);
}

const first = document.querySelector('help-assistant');
let early = null;
// Enter in the page's own search box, shown until the widget has come (index.html): the
// widget sends the words once it has taken the box over.
const earlyBox = first?.querySelector('input');
earlyBox?.addEventListener('keydown', (e) => {
  if (e.key === 'Enter' && earlyBox.value.trim()) earlyBox.dataset.sent = 'true';
});
// A launcher starts its engine when the customer reaches for it, not with the page.
if (first && first.getAttribute('mode') !== 'launcher') {
  // The widget's style sheet, asked for now rather than when the widget first draws.
  const style = document.createElement('link');
  Object.assign(style, { rel: 'preload', as: 'style', href: new URL('./help-assistant.css', import.meta.url).href });
  document.head.append(style);
  const kbUrl = new URL(first.getAttribute('kb-src') || 'kb/manifest.json', document.baseURI).href;
  // The worker's name tells it the knowledge base, the customer's language (whose texts
  // come first; the widget settles the language itself) and that this page sends it the
  // first-answer module and index head (engine-worker.js): asked for from here, now, as
  // the worker's own requests would go out only once it has started, behind the widget's
  // scripts. Whatever does not arrive, the worker fetches itself.
  const paged = /\.json$/.test(new URL(kbUrl).pathname);
  const lang = first.getAttribute('lang') || navigator.language || '';
  const worker = new Worker(new URL('./engine-worker.js', import.meta.url), {
    name: JSON.stringify({ kb: kbUrl, lang, quick: paged ? 'page' : '' }),
  });
  if (paged) {
    const get = (href) => fetch(href).then((r) => (r.ok ? r.arrayBuffer() : null)).catch(() => null);
    Promise.all([get(new URL('./quick.wasm', import.meta.url)), get(new URL('quick.bin', kbUrl))]).then(([wasm, head]) => {
      worker.postMessage({ quickFiles: { wasm, head } }, [wasm, head].filter(Boolean));
    });
  }
  early = { kbUrl, worker };
}

const { Engine, HelpAssistantElement } = await widgetModule;
if (early) Engine.adopt(early);
if (!customElements.get('help-assistant')) customElements.define('help-assistant', HelpAssistantElement);
