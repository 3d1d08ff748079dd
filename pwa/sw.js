// Ventanilla service worker: keeps the app shell so the app opens with no
// network after the first visit.
//
// - Cache-first for the app shell: index.html, the hashed .js/.wasm/.css that
//   trunk produced, the manifest and the icons. The list and VERSION are
//   written into this file by scripts/sw-manifest.mjs (trunk post_build hook);
//   the placeholders below are what a build without the hook would ship.
// - Navigations go to the network first (so a new deployment is seen at
//   once) and fall back to the cached index.html when offline or slow.
// - Never touches cross-origin or non-GET requests: the app talks to CouchDB
//   and that traffic must always reach the network, uncached.
// - Never answers the connectivity probe (online.txt): the app asks for it
//   to learn whether the network works, so only the network may reply.
// - One cache per VERSION (a hash of the shell's content); older ones are
//   deleted on activate.

const VERSION = 'dev'; // __VENTANILLA_VERSION__
const PRECACHE = ['index.html', 'manifest.webmanifest']; // __VENTANILLA_PRECACHE__

const PREFIX = 'ventanilla-shell-';
const CACHE = PREFIX + VERSION;
const SHELL = 'index.html';
const PROBE = 'online.txt';
const NAVIGATION_TIMEOUT_MS = 4000;

const scopeUrl = (path) => new URL(path, self.registration.scope).href;
const PRECACHE_URLS = new Set(PRECACHE.map(scopeUrl).filter((u) => u !== scopeUrl(PROBE)));

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      // `reload` bypasses the HTTP cache so the shell matches this version.
      await cache.addAll(PRECACHE.map((p) => new Request(scopeUrl(p), { cache: 'reload' })));
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const names = await caches.keys();
      await Promise.all(names.filter((n) => n.startsWith(PREFIX) && n !== CACHE).map((n) => caches.delete(n)));
      if (self.registration.navigationPreload) {
        await self.registration.navigationPreload.enable().catch(() => {});
      }
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('message', (event) => {
  if (event.data === 'skipWaiting') self.skipWaiting();
});

async function cachedShell() {
  const cache = await caches.open(CACHE);
  return (await cache.match(scopeUrl(SHELL))) || Response.error();
}

async function navigate(event) {
  const network = (async () => {
    const preloaded = await event.preloadResponse;
    return preloaded || fetch(event.request);
  })();
  const timeout = new Promise((resolve) => setTimeout(resolve, NAVIGATION_TIMEOUT_MS, null));
  try {
    const response = await Promise.race([network, timeout]);
    if (response) return response;
  } catch (_) {
    // offline: fall through to the cached shell
  }
  // Keep the network attempt alive (preload must settle) but answer now.
  event.waitUntil(network.catch(() => {}));
  return cachedShell();
}

async function cacheFirst(request, key) {
  const cache = await caches.open(CACHE);
  const hit = await cache.match(key);
  if (hit) return hit;
  const response = await fetch(request);
  // Only shell files reach here; refill the cache if one went missing.
  if (response.ok && response.type === 'basic') {
    cache.put(key, response.clone()).catch(() => {});
  }
  return response;
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  // The probe goes to the network untouched: its failure is the evidence.
  if (url.origin + url.pathname === scopeUrl(PROBE)) return;

  if (request.mode === 'navigate') {
    event.respondWith(navigate(event));
    return;
  }
  url.search = '';
  url.hash = '';
  if (PRECACHE_URLS.has(url.href)) {
    event.respondWith(cacheFirst(request, url.href));
  }
  // Anything else (same-origin API calls included) goes to the network untouched.
});
