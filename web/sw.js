/*
 * Offline support: the demo's files are cached when first seen, so the assistant keeps
 * working without a network. Pages and the knowledge base are fetched fresh when
 * possible (network first) and served from the cache when offline.
 */
const cacheName = 'help-assistant-v3';
const shell = [
  './', 'index.html', 'site.css', 'help-assistant.css', 'help-assistant-define.js',
  'help-assistant.js', 'conversation.js', 'store.js', 'engine.js', 'engine-worker.js', 'i18n.js',
  'sanitize.js', 'outbox.js', 'handoff-view.js', 'agent.html', 'agent.js', 'agent.css', 'agent-i18n.js', 'dom.js',
  'assistant.js', 'assistant.wasm', 'kb.sqlite',
];

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(cacheName).then((cache) => cache.addAll(shell)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) if (name !== cacheName) await caches.delete(name);
    await self.clients.claim();
  })());
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith((async () => {
    const cache = await caches.open(cacheName);
    try {
      const response = await fetch(request);
      if (response.ok) await cache.put(request, response.clone());
      return response;
    } catch (offline) {
      const cached = await cache.match(request, { ignoreSearch: true });
      if (cached) return cached;
      throw offline;
    }
  })());
});
