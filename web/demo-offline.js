// The demo page's offline mode, as a file of its own (a strict Content-Security-Policy
// runs no inline script).
// Offline after one visit: after the first answer (not before: it needs all of the
// bandwidth), or 10 s after the assistant is ready when nobody searches, the service
// worker stores the demo's files. The page then says so on <html data-offline-ready>.
if ('serviceWorker' in navigator && location.protocol !== 'file:') {
  const registered = navigator.serviceWorker.register('sw.js');
  registered.catch((e) => console.warn('offline mode unavailable:', e.message));
  navigator.serviceWorker.addEventListener('message', (event) => {
    if (event.data === 'cached') document.documentElement.dataset.offlineReady = 'true';
  });
  let asked = false;
  const cacheAll = async () => {
    if (asked) return;
    asked = true;
    const registration = await navigator.serviceWorker.ready;
    registration.active?.postMessage('cache-all');
  };
  const widget = document.querySelector('help-assistant');
  // (A first answer's search, before the whole engine is ready, does not count; nor does
  // the browser's own 'search' event of the page's early search box, on Enter.)
  widget.addEventListener('search', (event) => {
    if (event instanceof CustomEvent && !event.detail?.provisional) cacheAll();
  });
  widget.addEventListener('ready', () => setTimeout(cacheAll, 10000), { once: true });

  // Files from two deployments (an update stored half way: a new knowledge base beside
  // the engine before it): the service worker fetches every file again, and the page
  // reloads once with one deployment's files. Once per tab: if that does not mend it, the
  // widget's message and the way to a person stay.
  widget.addEventListener('help-assistant:failed', async (event) => {
    const mended = 'help-assistant-mended';
    if (event.detail.code !== 'version_mismatch' || !navigator.serviceWorker.controller ||
        sessionStorage.getItem(mended)) return;
    sessionStorage.setItem(mended, String(Date.now()));
    const stored = new Promise((resolve) => {
      navigator.serviceWorker.addEventListener('message', (e) => {
        if (e.data === 'cached' || e.data === 'cache-failed') resolve(e.data);
      });
    });
    document.documentElement.dataset.mending = 'true';
    (await navigator.serviceWorker.ready).active?.postMessage('cache-all');
    if (await stored === 'cached') location.reload();
  });
}
