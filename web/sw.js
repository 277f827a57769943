/*
 * Offline support and fast repeat visits.
 *
 * First visit: nothing is pre-cached while the page loads (the page needs all of the
 * bandwidth then). Once the assistant is ready, the page posts 'cache-all' and the files
 * below are stored; they come from the browser's HTTP cache, revalidated, so little
 * crosses the network twice. The worker answers 'cached' when they are all in.
 *
 * Later visits: every file is answered from the cache at once, and fetched again in the
 * background (stale-while-revalidate); a new deployment shows on the visit after. All
 * files of one visit come from one cache, so the engine and the knowledge base it opens
 * are always from the same deployment unless a background update was cut half way; the
 * widget then says the help center needs an update, and the next visit has both.
 * Offline, the cache answers; the handoff webhook (POST) is never cached.
 */
const cacheName = 'help-assistant-v11';
const files = [
  './', 'index.html', 'embed.html', 'demo-offline.js', 'demo-page.js', 'site.css', 'help-assistant.css', 'help-assistant-define.js',
  'help-assistant.js', 'conversation.js', 'store.js', 'engine.js', 'engine-worker.js', 'i18n.js',
  'sanitize.js', 'contact.js', 'outbox.js', 'handoff-view.js', 'agent.html', 'agent.js', 'agent.css', 'agent-i18n.js', 'dom.js',
  'languages.js', 'language-pick.js',
  'site.js', 'assistant.js', 'assistant.wasm', 'quick.wasm', 'kb/manifest.json',
];
// The knowledge base's files are stored too while they add up to at most what site.yaml
// sets (offline.max_mb; 8 MB unless set; the demo's are about 1.3 MB): the manifest then
// lists them as offline_files. A larger help center keeps the files it has used.

self.addEventListener('install', () => self.skipWaiting());

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    // Earlier versions' caches go; help-assistant-kept, the immutable files the engine's
    // worker fetched (engine-worker.js), stays: it may be filled before this activates.
    for (const name of await caches.keys()) {
      if (name !== cacheName && name.startsWith('help-assistant-v')) await caches.delete(name);
    }
    await self.clients.claim();
  })());
});

// A knowledge-base file is named by a hash of the whole build and its place: a stored one
// is never out of date.
function immutable(url) {
  return /(^|\/)kb\/[0-9a-f]{16}-[A-Za-z0-9-]+\.bin$/.test(url);
}

self.addEventListener('message', (event) => {
  if (event.data !== 'cache-all') return;
  event.waitUntil((async () => {
    const cache = await caches.open(cacheName);
    let ok = true;
    const wanted = [...files];
    let current = null;  // the keys that name this deployment's knowledge-base files
    try {
      const manifest = await (await fetch(new Request('kb/manifest.json', { cache: 'no-cache' }))).json();
      current = new Set([manifest.key, manifest.quick?.key].filter(Boolean));
      wanted.push(`kb/${manifest.hot.file}`);
      // The first-answer index's head: a repeat visit answers from it while the engine
      // starts (with the files it has used, stored as they came).
      if (manifest.quick) wanted.push(`kb/${manifest.quick.head}`);
      // Every file, when the help center is small enough to be kept whole (kbc lists
      // them only then).
      wanted.push(...(manifest.offline_files ?? []).map((name) => `kb/${name}`));
    } catch {
      ok = false;
    }
    // Two at a time and at low priority: the customer's own requests (the files of the
    // next question) must not wait behind the whole knowledge base, which took all six
    // of a server's connections for seconds on a slow phone network. A knowledge-base
    // file already stored is never fetched again (its name changes with its bytes).
    const queue = [...wanted];
    const store = async () => {
      for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
        try {
          if (immutable(file) && await cache.match(file)) continue;
          const response = await fetch(new Request(file, { cache: 'no-cache', priority: 'low' }));
          if (response.ok) await cache.put(file, response);
          else ok = false;
        } catch {
          ok = false;
        }
      }
    };
    await Promise.all([store(), store()]);
    // An earlier deployment's files (names that never come back) go.
    if (current) {
      for (const request of await cache.keys()) {
        const match = /\/kb\/([0-9a-f]{16})(-[A-Za-z0-9-]+)?\.bin$/.exec(new URL(request.url).pathname);
        if (match && !current.has(match[1])) await cache.delete(request);
      }
    }
    event.source?.postMessage(ok ? 'cached' : 'cache-failed');
  })());
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith((async () => {
    const cache = await caches.open(cacheName);
    const cached = await cache.match(request, { ignoreSearch: true });
    if (cached && immutable(request.url)) return cached;
    const fresh = fetch(request).then(async (response) => {
      if (response.ok) await cache.put(request, response.clone());
      return response;
    });
    if (!cached) return fresh;
    event.waitUntil(fresh.catch(() => {}));  // offline: the cached copy was enough
    return cached;
  })());
});
