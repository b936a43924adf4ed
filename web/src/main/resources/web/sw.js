// The app shell, cached so the pages open without a signal (reports made then wait in the outbox). API calls
// (/v1/...), the dev stack's /_local/... and other origins (photo uploads, tiles) are never intercepted.
const CACHE = 'lapor-shell-v1';
const SHELL = ['/', '/index.html', '/lapor.html', '/lacak.html', '/rt.html', '/petugas.html', '/publik.html',
  '/masuk.html', '/css/app.css', '/js/app.js', '/js/i18n.js', '/js/auth.js', '/js/outbox.js', '/js/map.js',
  '/js/report-form.js', '/js/home.js', '/js/lapor.js', '/js/lacak.js', '/js/rt.js', '/js/petugas.js',
  '/js/publik.js', '/js/masuk.js', '/manifest.webmanifest', '/icon.svg'];

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(SHELL)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys()
    .then((keys) => Promise.all(keys.filter((k) => k !== CACHE).map((k) => caches.delete(k))))
    .then(() => self.clients.claim()));
});

self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== 'GET' || url.origin !== location.origin
      || url.pathname.startsWith('/v1/') || url.pathname.startsWith('/_local/') || url.pathname === '/config.json') {
    return;
  }
  // network first (fresh pages when online), the cached shell without a signal
  event.respondWith(fetch(event.request)
    .then((response) => {
      if (response.ok) {
        const copy = response.clone();
        caches.open(CACHE).then((cache) => cache.put(event.request, copy));
      }
      return response;
    })
    .catch(() => caches.match(event.request, { ignoreSearch: true })));
});
