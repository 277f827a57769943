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
  // (A first answer's search, before the whole engine is ready, does not count.)
  widget.addEventListener('search', (event) => { if (!event.detail.provisional) cacheAll(); });
  widget.addEventListener('ready', () => setTimeout(cacheAll, 10000), { once: true });
}
