// Jardam's service worker. scripts/postbuild/sw.mjs fills in VERSION and PRECACHE from the build output.
const VERSION = "__JARDAM_VERSION__";
const PRECACHE = __JARDAM_PRECACHE__;
const PREFIX = "jardam-shell-";
const CACHE = PREFIX + VERSION;
const FEED = "/feed/";

self.addEventListener("install", (event) => {
  // The new version waits: the page asks it to take over when the user taps "Update".
  event.waitUntil(
    caches.open(CACHE).then((cache) =>
      cache.addAll(PRECACHE.map((url) => new Request(url, { cache: "reload" })))
    )
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(
          keys.filter((key) => key.startsWith(PREFIX) && key !== CACHE).map((key) => caches.delete(key))
        )
      )
      .then(() => self.clients.claim())
  );
});

self.addEventListener("message", (event) => {
  if (event.data === "skip-waiting") self.skipWaiting();
});

// A page: the letters page at /letters and /letters/ID, the app shell everywhere else.
async function page(url) {
  const letters = url.pathname === "/letters" || url.pathname.startsWith("/letters/");
  const file = letters ? "/letters.html" : "/index.html";
  const cache = await caches.open(CACHE);
  return (await cache.match(file)) || fetch(file);
}

// The feed. The app's sync asks with `cache: "no-store"`: those requests go to the network
// only, so an offline check fails honestly instead of finding the bundled copy. Every other
// feed request (the first install of the bundled feed) is answered from the precache. Network
// answers are never stored here, so an error is never kept.
async function feed(request) {
  if (request.cache === "no-store") return fetch(request);
  const bundled = await caches.match(new URL(request.url).pathname, { cacheName: CACHE });
  return bundled || fetch(request);
}

async function cacheFirst(request) {
  return (await caches.match(request, { cacheName: CACHE })) || fetch(request);
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === "navigate") {
    event.respondWith(page(url));
  } else if (url.pathname.startsWith(FEED)) {
    event.respondWith(feed(request));
  } else {
    event.respondWith(cacheFirst(request));
  }
});
