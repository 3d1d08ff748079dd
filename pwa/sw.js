// Ventanilla service worker: keeps the app so it opens with no network after
// the first visit.
//
// - SHELL (PRECACHE): what the first page needs (index.html, the main piece,
//   its glue, the CSS, the manifest, the icons), cached on install.
// - PIECES: the other areas' wasm pieces, fetched in the background when the
//   app says its first page is on screen ("precache-pieces"), so every area
//   opens offline later without slowing the first paint.
// - Both lists and VERSION are written into this file by scripts/assemble.mjs
//   (the release build); the placeholders below are what a dev build ships.
// - A new version copies every file it shares with the old cache instead of
//   downloading it again: names are content-hashed, so the same name is the
//   same bytes, and a release re-downloads only what changed.
// - Navigations go to the network first (so a new deployment is seen at
//   once) and fall back to the cached index.html when offline or slow.
// - Never touches cross-origin or non-GET requests: the app talks to CouchDB
//   and that traffic must always reach the network, uncached.
// - Never answers the connectivity probe (online.txt): the app asks for it
//   to learn whether the network works, so only the network may reply.
// - One cache per VERSION; older ones are deleted on activate.

const VERSION = 'dev'; // __VENTANILLA_VERSION__
const PRECACHE = ['index.html', 'manifest.webmanifest']; // __VENTANILLA_PRECACHE__
const PIECES = []; // __VENTANILLA_PIECES__

const PREFIX = 'ventanilla-shell-';
const CACHE = PREFIX + VERSION;
const SHELL = 'index.html';
const PROBE = 'online.txt';
const NAVIGATION_TIMEOUT_MS = 4000;

const scopeUrl = (path) => new URL(path, self.registration.scope).href;
const PRECACHE_URLS = new Set([...PRECACHE, ...PIECES].map(scopeUrl).filter((u) => u !== scopeUrl(PROBE)));
// `name-<16 hex>.ext`: the same name always holds the same bytes.
const HASHED = /-[0-9a-f]{16}(_bg)?\.[a-z0-9]+$/;

// Puts each of `paths` into `cache`: from an older version's cache when the
// name is content-hashed and already there, else (unless `network` is false)
// from the network; the unhashed ones are revalidated so they match this
// version.
async function fill(cache, paths, network = true) {
  const older = (await caches.keys()).filter((n) => n.startsWith(PREFIX) && n !== CACHE);
  for (const path of paths) {
    const url = scopeUrl(path);
    if (await cache.match(url)) continue;
    let response;
    if (HASHED.test(path)) {
      for (const name of older) {
        response = await (await caches.open(name)).match(url);
        if (response) break;
      }
    }
    if (!response && !network) continue;
    if (!response) {
      // `no-cache`: the browser asks the server whether its copy is current
      // (a 304 costs no body), so an unchanged icon is not downloaded again.
      response = await fetch(new Request(url, { cache: HASHED.test(path) ? 'default' : 'no-cache' }));
      if (!response.ok) throw new Error(`${path}: ${response.status}`);
    }
    await cache.put(url, response);
  }
}

let piecesRun = null;
// Fetches the pieces not cached yet, one at a time; a failure leaves the
// rest for the next time the app asks (the area shows its own message).
// Stops when a newer version has replaced this one (its cache is gone):
// an old worker must not fetch the old pieces again into a cache nobody reads.
function precachePieces() {
  piecesRun ??= (async () => {
    for (const piece of PIECES) {
      if (!(await caches.has(CACHE))) return;
      await fill(await caches.open(CACHE), [piece]).catch(() => {});
    }
  })().finally(() => {
    piecesRun = null;
  });
  return piecesRun;
}

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      await fill(cache, PRECACHE);
      // Pieces the old version already held come along now, before activate
      // drops the old cache; the others wait for "precache-pieces".
      await fill(cache, PIECES, false);
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
  if (event.data === 'precache-pieces') event.waitUntil(precachePieces());
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

// A poor connection drops a request now and then; a piece or shell file is
// immutable, so asking once more is safe and spares the person the area's
// "could not be opened" message. A second failure is the answer.
async function fetchTwice(request) {
  try {
    return await fetch(request);
  } catch (_) {
    await new Promise((resolve) => setTimeout(resolve, 300));
    return fetch(request);
  }
}

async function cacheFirst(request, key) {
  const cache = await caches.open(CACHE);
  const hit = await cache.match(key);
  if (hit) return hit;
  const response = await fetchTwice(request);
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
