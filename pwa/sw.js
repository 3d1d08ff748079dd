// Ventanilla's service worker: keeps the app shell so the app opens with no
// network after one visit. Records never pass through here (they live in
// IndexedDB); cross-origin requests (a CouchDB hub) are never cached.
// The build hook (scripts/sw-manifest.mjs) fills in the list and version.
const VERSION = 'dev';
const SHELL = ['/', '/index.html'];
const CACHE = `ventanilla-shell-${VERSION}`;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(CACHE).then((cache) => cache.addAll(SHELL)).then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('ventanilla-shell-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    // Any app route: the network when it answers, else the cached shell.
    event.respondWith(
      fetch(request).catch(() => caches.match('/index.html', { cacheName: CACHE })),
    );
    return;
  }
  event.respondWith(
    caches.match(request, { cacheName: CACHE }).then((hit) => hit || fetch(request)),
  );
});
