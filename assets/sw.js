// Jardam's service worker. scripts/postbuild/sw.mjs fills in VERSION and PRECACHE from the build output.
const VERSION = "__JARDAM_VERSION__";
const PRECACHE = __JARDAM_PRECACHE__;
const CACHE = "jardam-shell-" + VERSION;
const FEED = "/feed/";

addEventListener("install", (event) => {
  // The new version waits: the page asks it to take over when the user taps "Update".
  event.waitUntil(
    caches.open(CACHE).then(async (cache) => {
      await cache.addAll(PRECACHE.map((url) => new Request(url, { cache: "reload" })));
      // What `/` opens: the app shell until the start page of the reader's language is known
      // (learn). It must never miss: a route's miss goes to the network.
      await cache.put("/", await cache.match("/index.html"));
    })
  );
  // The installed app opens `/` (the manifest's start_url): where the browser has static
  // routes, it answers that from the cache itself, without starting this worker first.
  event.addRoutes?.({ condition: { urlPattern: { pathname: "/" } }, source: { cacheName: CACHE } });
});

addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      const stored = await storedLang();
      for (const key of await caches.keys()) if (key !== CACHE) await caches.delete(key);
      await clients.claim();
      // The pages open now name the reader's language (the app keeps it in the address); else
      // it is the one the old version's `/` was in.
      const langs = (await clients.matchAll()).map((p) => langOf(new URL(p.url).pathname)).filter(Boolean);
      await Promise.all((langs.length ? langs : [stored]).map(learn));
    })()
  );
});

addEventListener("message", (event) => {
  if (event.data === "skip-waiting") self.skipWaiting();
});

const langOf = (path) => (path + "/").match(/^\/(?:l10n\/)?(ky|ru|uz|tg|en)[/.]/)?.[1];
// The reader's language: that of the page `/` opens.
const storedLang = async () => langOf(new URL((await caches.match("/"))?.url || location).pathname);

// Keeps the start page of `lang`, as the last page or UI strings asked for showed it, for `/`:
// one language after the other in the order asked, so the last one asked for is kept.
let learning = Promise.resolve();
const learn = (lang) => (learning = learning.then(() => keepLang(lang), () => keepLang(lang)));

async function keepLang(lang) {
  const cache = await caches.open(CACHE);
  const path = `/${lang}/`;
  if (!lang || (await cache.match("/"))?.url.endsWith(path)) return;
  const page = (await cache.match(path)) || (await cache.add(path).then(() => cache.match(path), () => null));
  if (page) await cache.put("/", page);
}

// A page: the letters page at /letters and /letters/ID; else the static page of the address
// (a path without a language is the reader's language's page), from the cache, else the
// network (kept once it has arrived, while the page already shows), else the app shell, which
// shows any page from the content on the phone.
async function page(event, path) {
  const cache = await caches.open(CACHE);
  let lang = langOf(path);
  if (/^\/letters(\/|$)/.test(path)) path = "/letters.html";
  else if (!lang && (lang = await storedLang())) path = "/" + lang + path;
  try {
    const held = await cache.match(path);
    if (held) return held;
    const answer = await fetch(path);
    if (answer.ok) {
      if (lang) event.waitUntil(cache.put(path, answer.clone()));
      return answer;
    }
  } catch {}
  return (await cache.match("/index.html")) || fetch("/index.html");
}

// From this version's cache under `key`, else the network.
const cached = async (key, request) => (await caches.match(key, { cacheName: CACHE })) || fetch(request);

addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== location.origin) return;
  const lang = langOf(url.pathname);
  if (lang) event.waitUntil(learn(lang));
  if (request.mode === "navigate") {
    event.respondWith(page(event, url.pathname));
  } else {
    // The feed: the app's sync asks with `cache: "no-store"`, and those requests go to the
    // network only, so an offline check fails honestly instead of finding the bundled copy;
    // every other feed request (the first install of the bundled feed) is answered from the
    // precache, whatever its query. Network answers are never stored here, so an error is
    // never kept.
    const feed = url.pathname.startsWith(FEED);
    event.respondWith(feed && request.cache === "no-store" ? fetch(request) : cached(feed ? url.pathname : request, request));
  }
});
