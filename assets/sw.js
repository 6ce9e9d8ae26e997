// Jardam's service worker. scripts/postbuild/sw.mjs fills in VERSION and PRECACHE from the build output.
const VERSION = "__JARDAM_VERSION__";
const PRECACHE = __JARDAM_PRECACHE__;
const PREFIX = "jardam-shell-";
const CACHE = PREFIX + VERSION;
const FEED = "/feed/";

addEventListener("install", (event) => {
  // The new version waits: the page asks it to take over when the user taps "Update".
  event.waitUntil(
    Promise.all([
      caches
        .open(CACHE)
        .then((cache) => cache.addAll(PRECACHE.map((url) => new Request(url, { cache: "reload" }))))
        .then(seedStart),
      // The installed app opens `/` (the manifest's start_url): where the browser has static
      // routes, it answers that from START itself, without starting this worker first.
      event.addRoutes?.({ condition: { urlPattern: { pathname: "/" }, requestMode: "navigate" }, source: { cacheName: START } }).catch(() => {}),
    ])
  );
});

addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(
          keys.filter((key) => key.startsWith(PREFIX) && key !== CACHE).map((key) => caches.delete(key))
        )
      )
      .then(() => clients.claim())
      // The pages open now name the reader's language (the app keeps it in the address).
      .then(() => clients.matchAll())
      .then(async (pages) => {
        const langs = pages.map((p) => langOf(new URL(p.url).pathname)).filter(Boolean);
        // START still holds the old version's page, whose files went with its cache.
        if (!langs.length) langs.push(await storedLang());
        await Promise.all(langs.map(learn));
      })
  );
});

addEventListener("message", (event) => {
  if (event.data === "skip-waiting") self.skipWaiting();
});

// The reader's language, as the last page or UI strings asked for showed it, kept across
// restarts of the worker in a cache of its own, with the version and language of what START
// holds ("/start").
const LANG = "jardam-lang";
const langOf = (path) => (path + "/").match(/^\/(?:l10n\/)?(ky|ru|uz|tg|en)[/.]/)?.[1];
const storedLang = async () => (await caches.match("/", { cacheName: LANG }))?.text();

// What `/` opens, under "/": the start page of the reader's language, or the app shell while
// no language is known (it shows the start in the browser's language).
const START = "jardam-start";

// The app shell in START, unless a page is there: it must never miss (a route's miss goes to
// the network, which an offline start does not have).
async function seedStart() {
  const start = await caches.open(START);
  if (!(await start.match("/"))) await start.put("/", await caches.match("/index.html", { cacheName: CACHE }));
}

// Keeps the language, and its start page: what the installed app opens first, in this
// version's cache and in START.
async function learn(lang) {
  const keep = await caches.open(LANG);
  const mark = `${VERSION} ${lang}`;
  if ((await (await keep.match("/start"))?.text()) === mark) return;
  const cache = await caches.open(CACHE);
  let page = null;
  if (lang) {
    await keep.put("/", new Response(lang));
    page = (await cache.match(`/${lang}/`)) || (await cache.add(`/${lang}/`).then(() => cache.match(`/${lang}/`), () => null));
  }
  await (await caches.open(START)).put("/", page ?? (await cache.match("/index.html")));
  if (page) await keep.put("/start", new Response(mark));
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

addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== location.origin) return;
  const lang = langOf(url.pathname);
  if (lang) event.waitUntil(learn(lang));
  if (request.mode === "navigate") {
    event.respondWith(page(event, url.pathname));
  } else if (url.pathname.startsWith(FEED)) {
    event.respondWith(feed(request));
  } else {
    event.respondWith(cacheFirst(request));
  }
});
