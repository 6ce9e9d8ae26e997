// The static pages: every screen and item of the app in every language, as HTML that shows its
// content before (and without) the WebAssembly. They are the app's own screens: the built app
// runs in Chromium on the output folder, shows each page in each language, and its DOM is
// written out, so a static page cannot drift from the screen the app later puts in its place.
// Written: DIR/LANG/index.html (the start), DIR/LANG/PATH.html (/ky/rights/patent-basics is
// ky/rights/patent-basics.html), DIR/sitemap.xml, DIR/robots.txt, the starter
// DIR/pages-HASH16.js that loads the app (or, with no WebAssembly or no app to be had, the no-app style sheet) and
// that style sheet, DIR/static-HASH16.css (from assets/static.css; also linked in <noscript>).
// The public address of the site (canonical links, hreflang, Open Graph, the sitemap) is
// JARDAM_SITE_URL, by default http://localhost:8080 (what `make serve` serves).
import { createHash } from "node:crypto";
import { createServer } from "node:http";
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import { dirname, extname, join, normalize } from "node:path";
import { stringsFiles } from "../shell-files.mjs";
import { fail, sri } from "./output.mjs";
import { pathToFileURL } from "node:url";
import { packagePath, root } from "./repo.mjs";

/** The languages, in the app's order, with their names and Open Graph locales. */
export const LANGS = [
  ["ky", "Кыргызча", "ky_KG"],
  ["ru", "Русский", "ru_RU"],
  ["uz", "Oʻzbekcha", "uz_UZ"],
  ["tg", "Тоҷикӣ", "tg_TJ"],
  ["en", "English", "en_US"],
];

/**
 * The app's own addresses (core::route::Page) that have a static page; the crawl follows links
 * to these only. Share's modes (consultant, poster, handout) show a QR code and print: the app's
 * shell serves them.
 */
export const APP_PATH = /^\/(?:(?:rights|hotlines|checklists)(?:\/[a-z0-9-]+)?|help|more|share)?$/;

/** The file of the static page at `address` (`/ky/` or `/ky/rights/a`), relative to the output folder. */
export const pageFile = (address) => (address.endsWith("/") ? `${address.slice(1)}index.html` : `${address.slice(1)}.html`);

const hash16 = (bytes) => createHash("sha256").update(bytes).digest("hex").slice(0, 16);
const escape = (text) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const removeAll = (dir, pattern) => readdirSync(dir).filter((file) => pattern.test(file)).forEach((file) => unlinkSync(join(dir, file)));

/** The strings of every language the pages use, from locales/LANG.toml (one-line basic strings). */
function pageStrings() {
  const strings = {};
  for (const [lang] of LANGS) {
    strings[lang] = {};
    const text = readFileSync(join(root, "locales", `${lang}.toml`), "utf8");
    for (const [, key, value] of text.matchAll(/^(page_[a-z_]+|offline_ready|close)\s*=\s*("(?:[^"\\]|\\.)*")\s*$/gm)) strings[lang][key] = JSON.parse(value);
    for (const key of ["page_needs_app", "page_languages", "offline_ready", "close"]) if (!strings[lang][key]) fail(`locales/${lang}.toml has no ${key}`);
  }
  return strings;
}

const TYPES = { ".html": "text/html", ".js": "text/javascript", ".wasm": "application/wasm", ".css": "text/css", ".json": "application/json", ".png": "image/png", ".webmanifest": "application/manifest+json", ".sig": "application/octet-stream", ".svg": "image/svg+xml" };

/** Serves `dir` on loopback, answering an address that is not a file with index.html (as the app's host does for its screens), and a missing file with 404. */
async function serve(dir) {
  const server = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url, "http://x").pathname)).replace(/^(\.\.[/\\])+/, "");
    let file = join(dir, path);
    if (!existsSync(file) || !statSync(file).isFile()) {
      // The worker is written after the pages: the app finds none, as on a host without one.
      if (extname(path)) return response.writeHead(404).end();
      file = join(dir, "index.html");
    }
    response.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" });
    response.end(readFileSync(file));
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { server, origin: `http://127.0.0.1:${server.address().port}` };
}

/**
 * In the page: the app's root as the static page's body markup, with addresses under `lang`,
 * what only holds at the moment of rendering (the online state, opening hours, the QR code)
 * left out, and what a reader without the app needs: one line saying what needs it, the
 * emergency numbers on the start and Rights pages, and links to the page in every language.
 */
function snapshot({ lang, langs, strings, emergency, path }) {
  const app = document.querySelector("body>.app").cloneNode(true);
  app.dataset.static = "";
  const walker = document.createTreeWalker(app, NodeFilter.SHOW_COMMENT);
  const comments = [];
  while (walker.nextNode()) comments.push(walker.currentNode);
  comments.forEach((c) => c.remove());
  const local = /^\/(?:(?:rights|hotlines|checklists|help|more|share)(?:[/?#]|$)|$|[?#])/;
  for (const a of app.querySelectorAll("a[href^='/']")) {
    const href = a.getAttribute("href");
    if (local.test(href)) a.setAttribute("href", `/${lang}${href}`);
  }
  app.querySelectorAll(".status .net, .status .content-date, .version").forEach((e) => (e.textContent = ""));
  app.querySelectorAll(".hours, svg.qr, canvas, .share-status").forEach((e) => e.remove());
  // The starter's notice when the worker it registered has the app ready for offline use.
  const notices = app.querySelector(".notices");
  if (notices) Object.assign(notices.dataset, { offlineReady: strings.offline_ready, close: strings.close });
  const main = app.querySelector("main");
  const screen = main.querySelector(".screen");
  if (main.querySelector("button, input, select, textarea")) {
    const line = document.createElement("p");
    line.className = "needs-app";
    line.id = "boot-failed";
    line.hidden = true;
    line.textContent = strings.page_needs_app;
    (screen.querySelector("h1 + .intro") ?? screen.querySelector("h1"))?.after(line);
  }
  if ((path === "/" || path === "/rights") && emergency) {
    const block = document.createElement("section");
    block.className = "static-only";
    block.hidden = true;
    block.innerHTML = emergency;
    (screen.querySelector(".needs-app") ?? screen.querySelector("h1")).after(block);
  }
  const nav = document.createElement("nav");
  nav.className = "static-only langs";
  nav.hidden = true;
  nav.setAttribute("aria-label", strings.page_languages);
  for (const [code, name] of langs) {
    const a = document.createElement("a");
    a.href = `/${code}${path}`;
    a.lang = code;
    a.hreflang = code;
    a.textContent = name;
    if (code === lang) a.setAttribute("aria-current", "page");
    nav.append(a);
  }
  main.append(nav);
  const text = (selector) => main.querySelector(selector)?.textContent.replace(/\s+/g, " ").trim();
  const h1 = text("h1") || text(".contact h3") || text(".scan") || "Jardam";
  const contact = main.querySelector(".contact");
  const description =
    text(".lead") ||
    (contact && [text(".contact h3"), ...[...contact.querySelectorAll(".call .number")].map((n) => n.textContent)].join(", ")) ||
    text(".intro") ||
    text("p:not(.needs-app):not(.short-url)") ||
    "";
  const links = [...document.querySelectorAll("body>.app a[href]")].map((a) => new URL(a.href).pathname);
  return { html: app.outerHTML, title: h1, description, article: !!main.querySelector("article.article"), links };
}

/**
 * The `<head>` of the static page `address` in `lang`, with the version of the content it
 * shows (`jardam-content`: the starter starts the app when the feed has a newer one). Where
 * scripts run, the small files the app needs first are preloaded: the UI strings as a fetch,
 * the glue as a script, not a module (fetched at once, parsed only when the starter imports
 * it). The WebAssembly is not: on a first visit the app may never be needed (the starter).
 */
function head({ index, policy, style, glue, content, keyMeta, lang, locale, path, title, description, article, site, stringsFile, starter }) {
  const keep = (pattern) => index.match(pattern)?.[0] ?? fail(`index.html has no ${pattern} for the static pages`);
  const url = (code) => `${site}/${code}${path}`;
  const short = description.length > 200 ? description.slice(0, 197).replace(/\s+\S*$/, "") + "…" : description;
  const full = title === "Jardam" ? title : `${title} · Jardam`;
  return [
    headStart(index, policy),
    `<title>${escape(full)}</title>`,
    keyMeta,
    `<meta name="jardam-content" content="${content}">`,
    `<meta name="description" content="${escape(short)}">`,
    `<link rel="canonical" href="${url(lang)}">`,
    ...LANGS.map(([code]) => `<link rel="alternate" hreflang="${code}" href="${url(code)}">`),
    `<link rel="alternate" hreflang="x-default" href="${url("ru")}">`,
    `<meta property="og:type" content="${article ? "article" : "website"}">`,
    `<meta property="og:site_name" content="Jardam">`,
    `<meta property="og:title" content="${escape(title)}">`,
    `<meta property="og:description" content="${escape(short)}">`,
    `<meta property="og:url" content="${url(lang)}">`,
    `<meta property="og:locale" content="${locale}">`,
    `<meta property="og:image" content="${site}/icons/icon-512.png">`,
    keep(/<link[^>]*rel="?manifest"?[^>]*>/),
    keep(/<link[^>]*rel="?icon"?[^>]*>/),
    keep(/<link[^>]*rel="?apple-touch-icon"?[^>]*>/),
    `<style>${style}</style>`,
    `<link rel="preload" as="script" crossorigin="anonymous" href="${glue}" media="(scripting: enabled)">`,
    `<link rel="preload" as="fetch" crossorigin="anonymous" href="/${stringsFile}" media="(scripting: enabled)">`,
    `<script type="module" src="/${starter.name}" integrity="${starter.integrity}" crossorigin="anonymous"></script>`,
    `<noscript><link rel="stylesheet" href="/${starter.css}"></noscript>`,
  ].join("");
}

/** What a static page's `<head>` begins with, before its `<title>`: index.html's metas and PAGE_SCRIPT. */
const headStart = (index, policy) => indexMetas(index, policy) + `<script>${PAGE_SCRIPT}</script>`;

/**
 * The metas of index.html the static pages carry (the app reads its build label, feed mirrors
 * and QR encoder from them), with the security policy `policy` (the header's, which allows the
 * pages' inline style sheet, without what only works as a header).
 */
const indexMetas = (index, policy) =>
  [...index.matchAll(/<meta\b[^>]*>/g)]
    .map((m) => m[0])
    .map((m) => (/http-equiv="?Content-Security-Policy/i.test(m) ? `<meta http-equiv="Content-Security-Policy" content="${policy.replace(/; frame-ancestors [^;]*/, "")}">` : m))
    .join("");

/**
 * The static pages' one inline script (allowed by its hash, csp.mjs), run before the body is
 * parsed: a reader who answered or skipped the first-start questions (platform::prefs::welcomed)
 * is not shown them (PAGE_RULES) from the first paint on; removed later, they moved the page.
 */
export const PAGE_SCRIPT = `try{localStorage.getItem("jardam.welcomed")==="true"&&document.documentElement.classList.add("welcomed")}catch(e){}`;

/**
 * What the static pages' style sheet adds to the app's: the browser lays out only the list
 * entries and contact cards on screen or near it (the rest at estimated heights, measured at
 * 360 px: articles 177–215 px on average, contacts 830–873 px), on the static page and on the
 * app's screen that replaces it. Where the reader had scrolled before the app took over, the
 * starter sets `full-layout` (every height real) and puts back what they looked at: the static
 * page may have passed over entries at estimated heights, so the scroll offset alone would not.
 */
const PAGE_RULES =
  ".welcomed #welcome{display:none}" +
  // The page cannot know whether the phone is online (it may be answered offline, or have no
  // app): its status dot, green as the build saw it, is hidden until the app's own is shown.
  "[data-static] .status .dot{visibility:hidden}" +
  ".articles>li{content-visibility:auto;contain-intrinsic-size:auto 200px}" +
  ".contact{content-visibility:auto;contain-intrinsic-size:auto 850px}" +
  ".full-layout :is(.articles>li,.contact){content-visibility:visible}";

/**
 * The static pages' style sheet, in the page (no round trip before the first paint on a slow
 * network): the app's, which index.html links, and PAGE_RULES. Its hash is in the security
 * policy (csp.mjs).
 */
export function pageStyle(dir) {
  const index = readFileSync(join(dir, "index.html"), "utf8");
  const href = index.match(/<link[^>]*href=["']?\/(app-[0-9a-f]+\.css)[^>]*rel=["']?stylesheet|<link[^>]*rel=["']?stylesheet["']?[^>]*href=["']?\/(app-[0-9a-f]+\.css)/);
  const file = href?.[1] ?? href?.[2] ?? fail("index.html links no app style sheet for the static pages");
  return readFileSync(join(dir, file), "utf8") + PAGE_RULES;
}

/**
 * What the pages are rendered from: the app's code, the content packs, the page strings and
 * this step. A post-build run on a folder whose pages have the same key (a test re-running it
 * with other feed mirrors or another build label) only gives the pages index.html's new metas.
 */
function renderKey(dir, index, site) {
  const hash = createHash("sha256").update(site).update(index.match(/jardam-app-[0-9a-f]+(_bg)?\.(js|wasm)/g)?.join() ?? "");
  hash.update(readdirSync(join(dir, "feed", "packs")).sort().join());
  hash.update(pageStyle(dir));
  for (const file of ["scripts/postbuild/pages.mjs", "assets/static.css", ...LANGS.map(([lang]) => `locales/${lang}.toml`)]) hash.update(readFileSync(join(root, file)));
  return hash.digest("hex").slice(0, 16);
}

/** The static pages of `dir`, as addresses, from its sitemap. */
const sitemapAddresses = (dir) => [...readFileSync(join(dir, "sitemap.xml"), "utf8").matchAll(/<loc>[^<]*?(\/(?:ky|ru|uz|tg|en)\/[^<]*)<\/loc>/g)].map((m) => m[1]);

/** Writes the static pages, sitemap.xml and robots.txt of `dir` (a finished build but for the worker and headers); returns how many pages. */
export async function writeStaticPages(dir, policy, site = process.env.JARDAM_SITE_URL || "http://localhost:8080") {
  site = site.replace(/\/+$/, "");
  const index = readFileSync(join(dir, "index.html"), "utf8");
  const key = renderKey(dir, index, site);
  const keyMeta = `<meta name="jardam-pages" content="${key}">`;
  const start = join(dir, "ru", "index.html");
  if (existsSync(start) && existsSync(join(dir, "sitemap.xml")) && readFileSync(start, "utf8").includes(keyMeta)) {
    const addresses = sitemapAddresses(dir);
    for (const address of addresses) {
      const file = join(dir, pageFile(address));
      writeFileSync(file, readFileSync(file, "utf8").replace(/<head>[\s\S]*?<title>/, () => `<head>${headStart(index, policy)}<title>`));
    }
    return addresses.length;
  }
  const glue = index.match(/from\s*['"](\/jardam-app-[0-9a-f]+\.js)['"]/)?.[1] ?? fail("index.html imports no jardam-app glue");
  const wasm = index.match(/module_or_path:\s*['"](\/jardam-app-[0-9a-f]+_bg\.wasm)['"]/)?.[1] ?? fail("index.html starts no jardam-app WebAssembly");
  const strings = pageStrings();
  const content = JSON.parse(readFileSync(join(dir, "feed", "manifest.json"), "utf8")).content_version ?? fail("the feed's manifest has no content_version");
  const style = pageStyle(dir);
  const l10n = stringsFiles(dir);

  const css = readFileSync(join(root, "assets", "static.css"));
  removeAll(dir, /^static-[0-9a-f]{16}\.css$/);
  const cssName = `static-${hash16(css)}.css`;
  writeFileSync(join(dir, cssName), css);
  // With WebAssembly, the app (as index.html starts it), and when it takes the page over
  // (platform::document::take_over removes the static root), what the reader looked at and the
  // focus put back on the app's screen before the next frame; without, or when the app cannot
  // be had, the style sheet for a page without the app.
  const code = `const sheet = document.createElement("link");
sheet.rel = "stylesheet";
sheet.href = "/${cssName}";
const withoutApp = () => sheet.isConnected || document.head.append(sheet);
if (self.WebAssembly) {
  const page = document.querySelector("body>.app[data-static]");
  // An app that finds no UI strings to show itself in shows #boot-failed (lib.rs, start): on a
  // static page, the line saying what needs the app.
  const failed = document.getElementById("boot-failed");
  if (failed) new MutationObserver(withoutApp).observe(failed, { attributeFilter: ["hidden"] });
  // Where an element of the static page is, so that its counterpart on the app's screen can be
  // found: the nearest element with a data-id, then child indexes down to it, from the root.
  const where = (element) => {
    const steps = [];
    for (let e = element; e && !e.matches("body>.app"); e = e.parentElement) {
      if (e.dataset.id) return { id: e.dataset.id, tag: e.tagName, steps };
      steps.unshift([...e.parentElement.children].indexOf(e));
    }
    return element?.closest("body>.app") ? { steps } : null;
  };
  const find = (place) => {
    if (!place) return null;
    const root = document.querySelector("body>.app");
    let e = place.id ? [...(root?.querySelectorAll("[data-id]") ?? [])].find((x) => x.dataset.id === place.id && x.tagName === place.tag) : root;
    for (const i of place.steps) e = e?.children[i];
    return e ?? null;
  };
  // What the reader looks at and its distance from the top, noted as they scroll, move the
  // focus or the page's height changes: the focused element while it is on screen, else the
  // element in the middle of it.
  let y = scrollY, anchor = null, focused = null, noting = false, pressed = null, offer = null;
  const note = () => {
    noting = false;
    const active = document.activeElement?.closest("body>.app[data-static] main *");
    const box = active?.getBoundingClientRect();
    if (box && box.height && box.top >= 0 && box.bottom <= innerHeight) return (anchor = { focus: true, top: box.top });
    const element = document.elementFromPoint(innerWidth / 2, innerHeight / 2)?.closest("body>.app[data-static] main *");
    anchor = element ? { place: where(element), top: element.getBoundingClientRect().top } : null;
  };
  const later = () => {
    if (!noting) {
      noting = true;
      requestAnimationFrame(note);
    }
  };
  addEventListener("scroll", () => {
    y = scrollY;
    later();
  }, { passive: true });
  // Heights change without a scroll: entries near the screen laid out at their real height
  // (PAGE_RULES), fonts. The observer reports after layout, so what it notes is what is shown.
  if (page) new ResizeObserver(note).observe(page);
  // The focused element: by its id, else among the links to the same address the one with the
  // same ancestors (tags and classes), else by its place.
  const unlocalized = (href) => href?.replace(/^\\/(ky|ru|uz|tg|en)(?=\\/)/, "");
  const ancestry = (e) => {
    const names = [];
    for (; e && !e.matches("body>.app"); e = e.parentElement) names.push(e.tagName + "." + e.className);
    return names.join("<");
  };
  addEventListener("focusin", ({ target }) => {
    focused = page?.contains(target) ? { id: target.id, href: unlocalized(target.getAttribute("href")), ancestry: ancestry(target), place: where(target) } : null;
    later();
  });
  const focusedNow = () => {
    if (!focused) return null;
    if (focused.id) return document.getElementById(focused.id);
    const links = focused.href ? [...document.querySelectorAll("body>.app a[href]")].filter((a) => unlocalized(a.getAttribute("href")) === focused.href) : [];
    return links.find((a) => ancestry(a) === focused.ancestry) ?? links[0] ?? find(focused.place);
  };
  // What the reader typed, picked or ticked on the static page before the app came (by id):
  // given to the app's own control as if done there, its handlers run, so nothing is lost.
  const changed = new Map();
  const keep = ({ target }) => target.id && page?.contains(target) && changed.set(target.id, target);
  addEventListener("input", keep, true);
  addEventListener("change", keep, true);
  // Enter in the search box would send its form, reloading the page without the text.
  addEventListener("submit", (event) => page?.contains(event.target) && event.preventDefault(), true);
  const handOver = () => {
    for (const [id, before] of changed) {
      const control = document.getElementById(id);
      // A file picked cannot be given to another input (the reader picks it again).
      if (!control || control.type !== before.type || control.type === "file") continue;
      const field = before.type === "checkbox" || before.type === "radio" ? "checked" : "value";
      if (control[field] === before[field]) continue;
      control[field] = before[field];
      for (const type of ["input", "change"]) control.dispatchEvent(new Event(type, { bubbles: true }));
    }
  };
  // The first install's notice, as the app shows it, in the page's language (snapshot).
  const readyOffline = () => {
    const box = page.querySelector(".notices");
    if (!box?.dataset.offlineReady) return;
    const notice = document.createElement("div");
    notice.className = "notice ok";
    notice.id = "offline-ready";
    notice.setAttribute("role", "status");
    const text = document.createElement("span");
    text.textContent = box.dataset.offlineReady;
    const close = document.createElement("button");
    close.textContent = box.dataset.close;
    close.onclick = () => notice.remove();
    notice.append(text, close);
    box.append(notice);
  };
  new MutationObserver((_, observer) => {
    if (page?.isConnected) return;
    observer.disconnect();
    // The page's title names its screen; the app, moving between screens, is "Jardam".
    document.title = "Jardam";
    // The app shows its first-start questions as it sees fit (PAGE_SCRIPT).
    document.documentElement.classList.remove("welcomed");
    // The same element at the same height (PAGE_RULES), and the focus on the same element.
    if (y) document.documentElement.classList.add("full-layout");
    scrollTo(0, y);
    const now = focusedNow();
    const same = y && anchor && (anchor.focus ? now : find(anchor.place));
    if (same) scrollBy(0, same.getBoundingClientRect().top - anchor.top);
    now?.focus({ preventScroll: true });
    handOver();
    if (offer) dispatchEvent(offer);
    if (pressed) {
      const same = (b) => b?.matches("button") && b.textContent.trim() === pressed.text;
      const named = [...document.querySelectorAll("body>.app button")].filter(same);
      const again = pressed.id ? document.getElementById(pressed.id) : named.length === 1 ? named[0] : find(pressed.place);
      if (same(again)) again.click();
    }
  }).observe(document.body, { childList: true });
  // When the app starts: at once where the reader has it (the installed app, a page its worker
  // answered, anything the app saved on the phone: a saved language wins over the page's) or
  // where the feed has newer content than the page; else, on a first visit, when the reader
  // reaches for what needs it (a control pressed or focused). A reader who only reads and calls
  // waits for no WebAssembly and pays for no start-up; the worker, registered once the page has
  // loaded, keeps the app on the phone for offline use meanwhile.
  const start = async () => {
    // The page is painted before the app's files are asked for and its glue runs: an installed
    // app's files come at once from the worker's cache, and running them first held the first
    // paint back.
    await new Promise((painted) => requestAnimationFrame(() => setTimeout(painted)));
    const module_or_path = fetch("${wasm}");
    // The app writes dates and numbers with Intl, whose data loads on first use (34 ms for a
    // date on the benchmark machine, 0.4 ms after): loaded here, in a task of its own while the
    // WebAssembly downloads, not in the app's first render.
    const locale = /^(ru|en)$/.test(document.documentElement.lang) ? document.documentElement.lang : "ru";
    new Date(0).toLocaleDateString(locale, { timeZone: "UTC" });
    (0).toLocaleString(locale);
    await new Promise((next) => setTimeout(next));
    try {
      const { default: init } = await import("${glue}");
      const wasm = await init({ module_or_path });
      dispatchEvent(new CustomEvent("TrunkApplicationStarted", { detail: { wasm } }));
    } catch (error) {
      // The connection broke off or a file came damaged: the page stays as it is without the
      // app, its controls hidden and the line saying so shown; the next page opened tries again.
      if (page?.isConnected) withoutApp();
      throw error;
    }
  };
  let starting = null;
  const go = () => (starting ??= start());
  // The browser's install offer comes once, perhaps before the app: kept and handed to it.
  addEventListener("beforeinstallprompt", (event) => {
    event.preventDefault();
    offer = event;
  }, { once: true });
  let saved = false;
  try {
    saved = Object.keys(localStorage).some((key) => key.startsWith("jardam."));
  } catch {}
  const worker = navigator.serviceWorker;
  if (saved || worker?.controller || matchMedia("(display-mode: standalone)").matches) go();
  else {
    const reach = ({ target }) => page?.contains(target) && target.closest("button, input, select, textarea, label") && !target.closest(".notices") && go();
    addEventListener("pointerdown", reach, true);
    addEventListener("focusin", reach, true);
    // A button pressed before the app came is pressed again on the app's screen, while the
    // press still counts as the reader's (user activation): the button with its id, else the
    // one button with its text, else the one at its place if it has the same text.
    addEventListener("click", ({ target }) => {
      const button = page?.contains(target) && target.closest("button");
      if (button) pressed = { id: button.id, place: where(button), text: button.textContent.trim() };
    }, true);
    addEventListener("load", () => {
      worker?.register("/sw.js").then(() => worker.ready).then(() => page?.isConnected && readyOffline(), () => {});
      // The site's feed may be newer than the page (content is published without a new build).
      const meta = (name) => document.querySelector(\`meta[name="\${name}"]\`)?.content ?? "";
      // The first mirror as the app reads the list (jardam_core::sync::parse_mirrors).
      const mirror = meta("jardam-feed-mirrors").split(/\\s+/).find((url) => /^(\\/|https?:\\/\\/)/.test(url)) ?? "/feed/";
      if (!navigator.connection?.saveData) {
        fetch(mirror.replace(/\\/?$/, "/manifest.json"), { cache: "no-store" })
          .then((answer) => answer.json())
          .then((manifest) => manifest.content_version > Number(meta("jardam-content")) && go(), () => {});
      }
    });
  }
} else withoutApp();
`;
  removeAll(dir, /^pages-[0-9a-f]{16}\.js$/);
  const starter = { name: `pages-${hash16(code)}.js`, integrity: sri(code), css: cssName };
  writeFileSync(join(dir, starter.name), code);

  for (const [lang] of LANGS) rmSync(join(dir, lang), { recursive: true, force: true });
  const playwright = await import(pathToFileURL(packagePath("playwright-core")).href);
  const chromium = playwright.chromium ?? playwright.default.chromium;
  const { server, origin } = await serve(dir);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  const addresses = [];
  try {
    for (const [lang, , locale] of LANGS) {
      const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
      // The app shell the build serves has no language of its own: the reader's is saved.
      await context.addInitScript((code) => localStorage.setItem("jardam.lang", JSON.stringify(code)), lang);
      const page = await context.newPage();
      const errors = [];
      page.on("pageerror", (error) => errors.push(error.message));
      await page.goto(`${origin}/${lang}/help`);
      await page.waitForSelector("body>.app main .screen", { timeout: 30000 });
      const emergency = await page.evaluate(() => {
        const numbers = document.querySelector("main .emergency-numbers");
        const heading = numbers?.previousElementSibling;
        return numbers ? (heading?.outerHTML ?? "") + numbers.outerHTML : "";
      });
      const stringsFile = l10n.find((file) => file.startsWith(`l10n/${lang}.`)) ?? fail(`no strings file for ${lang}`);
      const queue = ["/", "/rights", "/hotlines", "/checklists", "/help", "/more", "/share"];
      const seen = new Set(queue);
      while (queue.length) {
        const path = queue.shift();
        await page.evaluate(async (address) => {
          history.pushState(null, "", address);
          dispatchEvent(new PopStateEvent("popstate"));
          for (let i = 0; i < 3; i++) await new Promise((resolve) => requestAnimationFrame(resolve));
          // The Share screen draws once the QR encoder has loaded (the code is left out).
          for (let i = 0; i < 100 && /\/share$/.test(address) && !document.querySelector("main svg.qr"); i++) {
            await new Promise((resolve) => setTimeout(resolve, 50));
          }
        }, `/${lang}${path}`);
        // The build's own server, wherever the app shows its address, is the site's.
        const ours = (text) => text.replaceAll(origin, site).replaceAll(new URL(origin).host, new URL(site).host);
        const shot = await page.evaluate(snapshot, { lang, langs: LANGS, strings: strings[lang], emergency, path });
        for (const link of shot.links) {
          const next = link.replace(new RegExp(`^/${lang}(?=/)`), "");
          if (APP_PATH.test(next) && next !== "/" && !seen.has(next)) {
            seen.add(next);
            queue.push(next);
          }
        }
        const html =
          `<!doctype html><html lang="${lang}" dir="ltr"><head>` +
          head({ index, policy, style, glue, content, keyMeta, lang, locale, path, site, stringsFile, starter, ...shot, title: ours(shot.title), description: ours(shot.description) }) +
          `</head><body>${ours(shot.html)}</body></html>\n`;
        const address = path === "/" ? `/${lang}/` : `/${lang}${path}`;
        const file = join(dir, pageFile(address));
        mkdirSync(dirname(file), { recursive: true });
        writeFileSync(file, html);
        addresses.push(address);
      }
      if (errors.length) fail(`the app failed while rendering the ${lang} pages: ${errors.join("; ")}`);
      await context.close();
    }
  } finally {
    await browser.close();
    server.close();
  }
  const urls = addresses.map((address) => `<url><loc>${site}${address}</loc></url>`).join("\n");
  writeFileSync(join(dir, "sitemap.xml"), `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls}\n</urlset>\n`);
  writeFileSync(join(dir, "robots.txt"), `User-agent: *\nAllow: /\nDisallow: /feed/\nSitemap: ${site}/sitemap.xml\n`);
  return addresses.length;
}
