// Podium's offline shell. The deck page is rendered by the server, so without this a reload while
// offline would fail before any script ran and the edits kept in IndexedDB could not be shown.
// Deck pages: network first, the last copy when the network fails. Next's hashed static files:
// cache first (their names change with their content). Nothing else is touched: the API and the
// WebSocket always go to the network.
const CACHE = "podium-shell-v1";
const DECK_PAGE = /^\/d\/[A-Za-z0-9_-]{1,64}$/;
const STATIC_ASSET = /^\/_next\/static\//;

self.addEventListener("install", () => self.skipWaiting());

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((name) => name !== CACHE).map((name) => caches.delete(name))))
      .then(() => self.clients.claim()),
  );
});

// The page that installed this worker was loaded without it: it sends the URLs of its document and
// scripts to keep.
self.addEventListener("message", (event) => {
  if (event.data?.type !== "keep-shell" || !Array.isArray(event.data.urls)) return;
  const urls = event.data.urls.filter((href) => {
    const url = new URL(href, self.location.origin);
    return url.origin === self.location.origin && (DECK_PAGE.test(url.pathname) || STATIC_ASSET.test(url.pathname));
  });
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(urls)));
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === "navigate" && DECK_PAGE.test(url.pathname)) event.respondWith(networkFirst(request));
  else if (STATIC_ASSET.test(url.pathname)) event.respondWith(cacheFirst(request));
});

async function networkFirst(request) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put(request, response.clone());
    return response;
  } catch (error) {
    const cached = await cache.match(request);
    if (cached) return cached;
    throw error;
  }
}

async function cacheFirst(request) {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}
