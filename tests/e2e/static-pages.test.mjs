// The static pages (scripts/postbuild/pages.mjs): read without JavaScript and without
// WebAssembly, in Kyrgyz, on a 320 px phone; a shared link's article in the HTML before the app
// runs; the app taking over with newer content, keeping scroll and focus; the sitemap; axe.
import { test, describe } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { LOCAL_MIRROR, servedApp } from "./served-app.mjs";
import { appShown, axeViolations, launch, launchProfile, root, waitForAsync, waitForController } from "./support.mjs";

const PHONE = { width: 320, height: 640 };
const LANGS = ["ky", "ru", "uz", "tg", "en"];
const ids = (folder) => readdirSync(join(root, "content", folder)).filter((f) => f.endsWith(".toml")).map((f) => f.replace(/\.toml$/, ""));

/** Holds back the app's WebAssembly on `page` until the returned function is called. */
async function holdWasm(page) {
  let release;
  const held = new Promise((resolve) => (release = resolve));
  await page.route(/_bg\.wasm$/, async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

/** Reads Kyrgyz pages by plain links: an article, its contact's number, another language. */
async function readByLinks(page, url) {
  await page.goto(`${url}/ky/rights`);
  assert.equal(await page.getAttribute("html", "lang"), "ky");
  // The emergency numbers on the first screen, callable.
  const emergency = page.locator("main .static-only .emergency-numbers a[href^='tel:']");
  assert.ok((await emergency.count()) >= 1, "emergency numbers on the Rights page");
  assert.ok(await emergency.first().isVisible(), "emergency numbers shown");
  assert.ok(await page.locator("main .needs-app").isVisible(), "the line saying search needs the app");
  assert.equal(await page.locator("main input").isVisible(), false, "no dead search box");
  await page.locator('#articles li[data-id="police-check"] a').click();
  await page.waitForURL(/\/ky\/rights\/police-check$/);
  const article = page.locator('article.article[data-id="police-check"]');
  assert.ok((await article.locator("h1").textContent()).trim().length > 0);
  assert.ok((await article.locator(".body").textContent()).length > 200, "the article's text is there");
  const contact = page.locator("main .contacts article.contact h3 a").first();
  const href = await contact.getAttribute("href");
  assert.match(href, /^\/ky\/hotlines\/[a-z0-9-]+$/);
  await contact.click();
  await page.waitForURL(new RegExp(`${href}$`));
  const call = page.locator("main a.call[href^='tel:']").first();
  assert.ok(await call.isVisible(), "the number is a tel: link");
  assert.match(await call.getAttribute("href"), /^tel:\+?[0-9]+$/);
  await page.locator("nav.langs a[hreflang='ru']").click();
  await page.waitForURL(new RegExp(`${href.replace("/ky/", "/ru/")}$`));
  assert.equal(await page.getAttribute("html", "lang"), "ru");
}

describe("static pages", () => {
  const app = servedApp({ name: "static", mirrors: [LOCAL_MIRROR], feed: "newer", lang: "en", browser: false });

  test("without JavaScript: an article in Kyrgyz, its contact's tel: link, another language; nothing of the app downloaded", async () => {
    const { context, close } = await launch({ viewport: PHONE, javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      const fetched = [];
      page.on("request", (request) => fetched.push(new URL(request.url()).pathname));
      await readByLinks(page, app.url);
      assert.deepEqual(fetched.filter((path) => /\.(js|wasm)$|^\/l10n\//.test(path)), [], "no script, WebAssembly or UI strings requested");
      // Green as the build saw it, the dot would say "online" whatever the phone's state.
      assert.equal(await page.locator("body>.app[data-static] .status .dot").evaluate((dot) => getComputedStyle(dot).visibility), "hidden", "no online dot on a static page");
    } finally {
      await close();
    }
  });

  test("without WebAssembly: the same by plain links, and the page says what needs the app", async () => {
    const { context, close } = await launch({ viewport: PHONE });
    try {
      await context.addInitScript(() => Object.defineProperty(window, "WebAssembly", { value: undefined }));
      const page = await context.newPage();
      await readByLinks(page, app.url);
      assert.equal(await page.locator("body>.app:not([data-static])").count(), 0, "the app never started");
      assert.equal(await page.locator("body>.app[data-static]").count(), 1, "the static page stays");
    } finally {
      await close();
    }
  });

  test("when the WebAssembly or the UI strings cannot be had (the connection broke off), the page hides what needs the app and says so", async () => {
    for (const [what, files] of [["the WebAssembly", /_bg\.wasm$/], ["the UI strings", /\/l10n\/[a-z]+\.[0-9a-f]+\.json$/]]) {
      const { context, close } = await launch({ viewport: PHONE });
      try {
        const page = await context.newPage();
        await page.route(files, (route) => route.abort("internetdisconnected"));
        await page.goto(`${app.url}/ky/rights`);
        await page.locator("main .needs-app").waitFor({ state: "visible", timeout: 15000 });
        // The line shows at once; the style sheet that hides what needs the app follows it.
        await assert.doesNotReject(page.locator("main input").waitFor({ state: "hidden", timeout: 5000 }), `${what}: no dead search box`);
        assert.ok(await page.locator("main .static-only .emergency-numbers a[href^='tel:']").first().isVisible(), `${what}: emergency numbers shown`);
        assert.ok(await page.locator("nav.langs a[hreflang='ru']").isVisible(), `${what}: language links shown`);
        assert.equal(await page.locator("body>.app[data-static]").count(), 1, `${what}: the static page stays`);
      } finally {
        await close();
      }
    }
  });

  test("a shared article link: its text is in the HTML at DOMContentLoaded, then the app takes over with the newer content, keeping scroll and focus", async () => {
    // No service worker: it would answer the WebAssembly from its cache, past the hold below.
    const { context, close } = await launch({ viewport: PHONE, serviceWorkers: "block" });
    try {
      const page = await context.newPage();
      const { article, title: newer } = app.feeds.newer;
      // First visit: the app stores the newer feed the mirror serves.
      await page.goto(`${app.url}/en/rights`);
      await appShown(page);
      await page.waitForFunction(
        ([id, title]) => document.querySelector(`body>.app:not([data-static]) #articles li[data-id="${id}"]`)?.textContent.includes(title),
        [article, newer],
        { timeout: 30000 },
      );
      await context.addInitScript(() =>
        document.addEventListener("DOMContentLoaded", () => {
          window.__atLoaded = {
            title: document.querySelector("article.article h1")?.textContent ?? null,
            static: document.querySelector("body>.app")?.hasAttribute("data-static") ?? false,
            started: document.querySelector("body>.app:not([data-static])") !== null,
          };
        }),
      );
      // The WebAssembly waits until the reader has scrolled and focused a link.
      const release = await holdWasm(page);
      await page.goto(`${app.url}/en/rights/${article}`, { waitUntil: "domcontentloaded" });
      const loaded = await page.evaluate(() => window.__atLoaded);
      assert.equal(loaded.static, true, "a static page");
      assert.equal(loaded.started, false, "the app had not started");
      assert.ok(loaded.title?.trim(), "the article's title was in the HTML");
      assert.notEqual(loaded.title.trim(), newer, "the static page has the bundled content");
      await page.evaluate(() => window.scrollTo(0, 300));
      const focused = page.locator("main .related a").first();
      await focused.focus();
      const focusedHref = (await focused.getAttribute("href")).replace(/^\/en/, "");
      const scrolled = await page.evaluate(() => window.scrollY);
      assert.ok(scrolled > 100, `the page scrolled (${scrolled})`);
      // The cards that came on screen are drawn at their own heights by the next frames.
      await page.evaluate(() => new Promise((drawn) => requestAnimationFrame(() => requestAnimationFrame(drawn))));
      const focusedTop = () => page.evaluate(() => document.activeElement?.getBoundingClientRect().top);
      const before = await focusedTop();
      assert.equal(await page.locator("body>.app[data-static]").count(), 1, "the static page is still shown (the WebAssembly held back)");
      release();
      await appShown(page);
      const title = (await page.locator("article.article h1").textContent()).trim();
      assert.equal(title, newer, "the newer content on the phone replaced the static page's");
      assert.equal(await page.locator("header .status .dot").evaluate((dot) => getComputedStyle(dot).visibility), "visible", "the app's own status dot is shown");
      assert.equal(await page.evaluate(() => document.activeElement?.closest("main .related") !== null), true, "focus kept on the related link");
      assert.equal(await page.evaluate(() => document.activeElement?.getAttribute("href")), focusedHref, "focus kept");
      const after = await focusedTop();
      assert.ok(Math.abs(after - before) <= 1, `the focused link at ${after} px after the takeover, ${before} px before (scroll kept)`);
      assert.equal(await page.locator("body>.app").count(), 1, "one screen");
      assert.match(page.url(), new RegExp(`/en/rights/${article}$`));
    } finally {
      await close();
    }
  });

  test("a list scrolled far down: after the takeover the same entry is where it was (entries off screen are laid out on demand)", async () => {
    const { context, close } = await launch({ viewport: PHONE });
    try {
      const page = await context.newPage();
      const wasm = [];
      page.on("request", (request) => request.url().endsWith("_bg.wasm") && wasm.push(request.url()));
      const release = await holdWasm(page);
      await page.goto(`${app.url}/ky/rights`, { waitUntil: "domcontentloaded" });
      const entries = page.locator("body>.app[data-static] #articles li[data-id]");
      const deep = entries.nth(Math.floor((await entries.count()) * 0.7));
      const id = await deep.getAttribute("data-id");
      await deep.scrollIntoViewIfNeeded();
      await page.evaluate(() => window.scrollBy(0, -100));
      // The entries that came on screen are drawn at their own heights by the next frames.
      await page.evaluate(() => new Promise((drawn) => requestAnimationFrame(() => requestAnimationFrame(drawn))));
      const top = (selector) => page.evaluate((s) => document.querySelector(s)?.getBoundingClientRect().top, selector);
      const before = await top(`body>.app[data-static] li[data-id="${id}"]`);
      assert.ok(before > 0 && before < PHONE.height, `entry ${id} on screen (${before})`);
      assert.equal(await page.locator("body>.app[data-static]").count(), 1, "the static page is still shown");
      release();
      await appShown(page);
      const after = await top(`body>.app:not([data-static]) li[data-id="${id}"]`);
      assert.ok(Math.abs(after - before) <= 1, `entry ${id} at ${after} px after the takeover, ${before} px before`);
      // The starter fetches it once.
      assert.equal(wasm.length, 1, `WebAssembly requests: ${wasm.join(", ")}`);
    } finally {
      await close();
    }
  });

  test("what the reader ticked, dated or searched on the static page before the app came is the app's at the takeover", async () => {
    // No service worker: on the second page it would answer the WebAssembly past the hold.
    const { context, close } = await launch({ viewport: PHONE, serviceWorkers: "block" });
    try {
      const page = await context.newPage();
      const release = await holdWasm(page);
      const shown = "body>.app[data-static]";
      await page.goto(`${app.url}/ky/checklists/patent-renewal`, { waitUntil: "domcontentloaded" });
      const box = page.locator(`${shown} li.step input[type=checkbox]`).first();
      const boxId = await box.getAttribute("id");
      await box.check();
      const date = page.locator(`${shown} input[type=date]`).first();
      const dateId = await date.getAttribute("id");
      await date.fill("2026-11-20");
      assert.equal(await page.locator(shown).count(), 1, "ticked and dated on the static page");
      release();
      await appShown(page);
      assert.equal(await page.locator(`#${boxId}`).isChecked(), true, "the tick is kept");
      assert.equal(await page.locator(`#${dateId}`).inputValue(), "2026-11-20", "the date is kept");
      await page.locator(`li.step.done #${boxId}`).waitFor({ timeout: 5000 });
      const saved = await page.evaluate(() => ({ ticked: localStorage.getItem("jardam.ticked.patent-renewal"), dates: localStorage.getItem("jardam.dates") }));
      assert.ok(saved.ticked?.includes(boxId.replace(/^step-/, "")), `the app saved the tick (${saved.ticked})`);
      assert.match(saved.dates ?? "", /2026-11-20/, "the app saved the date");

      await page.unroute(/_bg\.wasm$/);
      const again = await holdWasm(page);
      await page.goto(`${app.url}/ky/rights`, { waitUntil: "domcontentloaded" });
      await page.locator(`${shown} #search`).fill("патент");
      await page.locator(`${shown} #search`).press("Enter");
      assert.match(page.url(), /\/ky\/rights$/, "Enter does not send the form");
      assert.equal(await page.locator(shown).count(), 1, "searched on the static page");
      again();
      await appShown(page);
      assert.equal(await page.locator("#search").inputValue(), "патент", "the search text is kept");
      await page.locator("#search-results li").first().waitFor({ timeout: 5000 });
    } finally {
      await close();
    }
  });

  test("a file picked on the static page before the app came is not handed over (it cannot be), and nothing breaks", async () => {
    // A first visit: no service worker answers the WebAssembly past the hold.
    const { context, close } = await launch({ viewport: PHONE });
    try {
      const page = await context.newPage();
      const errors = [];
      page.on("pageerror", (error) => errors.push(error.message));
      const release = await holdWasm(page);
      await page.goto(`${app.url}/ky/share`, { waitUntil: "domcontentloaded" });
      await page.locator("body>.app[data-static] #import-content").setInputFiles({ name: "content.json", mimeType: "application/json", buffer: Buffer.from("{}") });
      assert.equal(await page.locator("body>.app[data-static]").count(), 1, "picked on the static page");
      release();
      await appShown(page);
      await page.evaluate(() => new Promise((drawn) => requestAnimationFrame(() => requestAnimationFrame(drawn))));
      assert.equal(await page.locator("#import-content").inputValue(), "", "the app's file input is empty");
      assert.deepEqual(errors, [], "no error at the takeover");
    } finally {
      await close();
    }
  });

  test("a reader who answered the first-start questions is not shown them on a static page", async () => {
    const { context, close } = await launch({ viewport: PHONE });
    try {
      const page = await context.newPage();
      await page.route(/_bg\.wasm$/, (route) => route.abort());
      // Shown or not from the first paint: the page's starter, which runs later, never comes.
      await page.route(/\/pages-[0-9a-f]+\.js$/, (route) => route.abort());
      const welcome = () => page.locator("body>.app[data-static] #welcome").isVisible();
      await page.goto(`${app.url}/ky/rights`, { waitUntil: "domcontentloaded" });
      assert.equal(await welcome(), true, "a first visit shows the questions");
      await page.evaluate(() => localStorage.setItem("jardam.welcomed", "true"));
      await page.goto(`${app.url}/ky/rights`, { waitUntil: "domcontentloaded" });
      assert.equal(await welcome(), false, "answered: not shown again");
      assert.ok(await page.locator("#articles li").first().isVisible(), "the list is there");
    } finally {
      await close();
    }
  });

  test("the installed app opened at / offline after a restart: the start page of the reader's language, answered without starting the worker", async () => {
    const profile = mkdtempSync(join(tmpdir(), "jardam-start-"));
    // What the worker keeps for `/` (sw.js), once it is the start page of `lang`.
    const startIs = (page, lang) =>
      waitForAsync(page, async (lang) => (await caches.match("/"))?.url.endsWith(`/${lang}/`), lang, {
        what: `the ${lang} start page kept for /`,
      });
    const openStart = async () => {
      const browser = await launchProfile(profile, { viewport: PHONE, offline: true });
      try {
        const page = browser.context.pages()[0] ?? (await browser.context.newPage());
        await page.goto(`${app.url}/`, { waitUntil: "domcontentloaded" });
        return await page.evaluate(() => ({
          lang: document.documentElement.lang,
          title: document.title,
          static: document.querySelector("body>.app[data-static]") !== null,
          workerStart: performance.getEntriesByType("navigation")[0].workerStart,
        }));
      } finally {
        await browser.close();
      }
    };
    const title = (lang) => readFileSync(join(app.dir, lang, "index.html"), "utf8").match(/<title>([^<]*)<\/title>/)[1];
    try {
      for (const lang of ["ky", "ru"]) {
        const online = await launchProfile(profile, { viewport: PHONE });
        try {
          const page = online.context.pages()[0] ?? (await online.context.newPage());
          await page.goto(`${app.url}/${lang}/rights`);
          await waitForController(page);
          await startIs(page, lang);
        } finally {
          await online.close();
        }
        const start = await openStart();
        assert.deepEqual(
          { lang: start.lang, title: start.title, static: start.static },
          { lang, title: title(lang), static: true },
          `offline, / opens the ${lang} start page`,
        );
        assert.equal(start.workerStart, 0, "the browser answered / from the cache itself, before the worker started");
      }
    } finally {
      rmSync(profile, { recursive: true, force: true });
    }
  });

  test("sitemap.xml lists every page in every language, each answers 200; robots.txt names it", async () => {
    const sitemap = await (await fetch(`${app.url}/sitemap.xml`)).text();
    const paths = [...sitemap.matchAll(/<loc>https?:\/\/[^/]+(\/[^<]*)<\/loc>/g)].map((m) => m[1]);
    const byLang = Object.fromEntries(LANGS.map((lang) => [lang, paths.filter((p) => p.startsWith(`/${lang}/`)).map((p) => p.slice(lang.length + 1)).sort()]));
    for (const lang of LANGS) assert.deepEqual(byLang[lang], byLang.ru, `${lang} has the same pages as ru`);
    assert.equal(paths.length, byLang.ru.length * LANGS.length);
    const expected = ["/", "/rights", "/hotlines", "/checklists", "/help", "/more", "/share", ...ids("articles").map((id) => `/rights/${id}`), ...ids("contacts").map((id) => `/hotlines/${id}`), ...ids("checklists").map((id) => `/checklists/${id}`)];
    for (const path of expected) assert.ok(byLang.ru.includes(path), `the sitemap has ${path}`);
    const failed = [];
    for (let i = 0; i < paths.length; i += 16) {
      const answers = await Promise.all(paths.slice(i, i + 16).map(async (path) => [path, (await fetch(`${app.url}${path}`)).status]));
      failed.push(...answers.filter(([, status]) => status !== 200).map(([path, status]) => `${path} ${status}`));
    }
    assert.deepEqual(failed, []);
    assert.match(await (await fetch(`${app.url}/robots.txt`)).text(), /^Sitemap: https?:\/\/\S+\/sitemap\.xml$/m);
  });

  test("every static page has its title, description, canonical, hreflang and Open Graph tags, and no inline script but those its policy allows by hash", () => {
    const headers = readFileSync(join(app.dir, "_headers"), "utf8");
    const scriptSources = headers.match(/script-src ([^;\n]*)/)[1].split(" ");
    const pages = LANGS.flatMap((lang) => readdirSync(join(app.dir, lang), { recursive: true }).filter((f) => f.endsWith(".html")).map((f) => join(lang, f)));
    assert.ok(pages.length > 400, `${pages.length} pages`);
    for (const file of pages) {
      const html = readFileSync(join(app.dir, file), "utf8");
      const lang = file.slice(0, 2);
      assert.match(html, new RegExp(`<html lang="${lang}"`), file);
      assert.match(html, /<title>[^<]+ · Jardam<\/title>/, file);
      assert.match(html, /<meta name="description" content="[^"]{10,}">/, file);
      assert.match(html, new RegExp(`<link rel="canonical" href="https?://[^"]+/${lang}/`), file);
      for (const code of [...LANGS, "x-default"]) assert.match(html, new RegExp(`hreflang="${code}" href="https?://`), `${file} ${code}`);
      for (const property of ["og:title", "og:description", "og:url", "og:type", "og:locale"]) assert.match(html, new RegExp(`property="${property}" content="[^"]+"`), `${file} ${property}`);
      const policy = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]*)">/)?.[1] ?? "";
      assert.ok(policy.includes("script-src 'self' 'wasm-unsafe-eval' 'sha256-"), `${file}: its policy allows only hashed inline scripts`);
      for (const [, body] of html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)) {
        const hash = `'sha256-${createHash("sha256").update(body, "utf8").digest("base64")}'`;
        assert.ok(policy.includes(hash) && scriptSources.includes(hash), `${file} has an inline script its policy does not allow: ${body.slice(0, 60)}`);
      }
      assert.doesNotMatch(html.slice(html.indexOf("<body>")), /127\.0\.0\.1/, `${file} names the build's own server`);
    }
  });

  test("axe finds nothing on the static pages at 320 px, as a browser without WebAssembly shows them", async () => {
    const { context, close } = await launch({ viewport: PHONE });
    try {
      await context.addInitScript(() => Object.defineProperty(window, "WebAssembly", { value: undefined }));
      const page = await context.newPage();
      for (const path of ["/ky/", "/ky/rights/police-check", "/ky/hotlines", "/ru/hotlines/emergency-112", "/uz/checklists", "/tg/checklists/patent-renewal", "/en/help", "/ky/share", "/ky/more"]) {
        await page.goto(`${app.url}${path}`);
        await page.locator("main .static-only, main .langs").first().waitFor();
        const violations = await axeViolations(page);
        assert.deepEqual(violations, [], path);
        assert.equal(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth), true, `${path} scrolls sideways`);
      }
    } finally {
      await close();
    }
  });
});

describe("a first visit starts the app only when it is needed", () => {
  // The mirror serves the content the pages were built from; nothing of the app is on the phone.
  const app = servedApp({ name: "on-demand", mirrors: [LOCAL_MIRROR], lang: null, welcomed: false, browser: false });
  const STATIC = "body>.app[data-static]";
  /** The WebAssembly files the page itself fetched (not its worker's precache). */
  const wasmFetched = (page) => page.evaluate(() => performance.getEntriesByType("resource").filter((e) => e.name.endsWith("_bg.wasm")).length);

  test("a reader who only reads: no WebAssembly for the page, the worker keeps the app for offline and says so; the next page has the app", async () => {
    const { page, close } = await app.open();
    try {
      const from = app.feed.requests.length;
      await page.goto(`${app.url}/en/rights`);
      await page.locator(`${STATIC} #offline-ready`).waitFor({ timeout: 30000 });
      assert.match(await page.locator("#offline-ready").textContent(), /^Ready to work offline/);
      await app.feed.waitFor((requests) => requests.slice(from).some((r) => r.path.endsWith("/manifest.json")), { what: "the check for newer content" });
      await page.waitForTimeout(500);
      assert.equal(await page.locator(STATIC).count(), 1, "the static page stays");
      assert.equal(await wasmFetched(page), 0, "the page fetched no WebAssembly");
      assert.equal(await page.locator("main input#search").isVisible(), true, "the search box is offered (it starts the app)");
      await page.locator('#articles li[data-id="police-check"] a').click();
      await page.waitForURL(/\/en\/rights\/police-check$/);
      await appShown(page);
      assert.equal(await page.locator('article[data-id="police-check"] h1').isVisible(), true, "the article, now on the app's screen");
    } finally {
      await close();
    }
  });

  test("the search box focused on a first visit starts the app, and what was typed meanwhile is searched", async () => {
    const { page, close } = await app.open();
    try {
      await page.goto(`${app.url}/en/rights`);
      await page.waitForLoadState("load");
      assert.equal(await page.locator(STATIC).count(), 1, "the static page until then");
      await page.locator("main input#search").click();
      await page.keyboard.type("patent");
      await appShown(page);
      const search = page.locator("body>.app:not([data-static]) #search");
      assert.equal(await search.inputValue(), "patent");
      assert.equal(await page.evaluate(() => document.activeElement?.id), "search", "the focus stays in the search box");
      await page.locator("#search-results li[data-kind=article]").first().waitFor({ timeout: 10000 });
      assert.match(await page.locator("#search-results li[data-kind=article]").first().textContent(), /patent/i);
    } finally {
      await close();
    }
  });

  test("a button pressed before the app came is pressed on the app's screen: the first-start questions saved", async () => {
    const { page, close } = await app.open();
    try {
      await page.goto(`${app.url}/en/`);
      await page.waitForLoadState("load");
      await page.locator(`${STATIC} #welcome-citizenship`).selectOption("KG");
      await page.locator(`${STATIC} #welcome-save`).click();
      await appShown(page);
      await page.locator("#welcome").waitFor({ state: "detached", timeout: 10000 });
      const saved = await page.evaluate(() => ({ welcomed: localStorage.getItem("jardam.welcomed"), citizenship: localStorage.getItem("jardam.citizenship") }));
      assert.equal(saved.welcomed, "true");
      assert.match(saved.citizenship ?? "", /KG/);
    } finally {
      await close();
    }
  });

  test("the browser's install offer, made before the app started, reaches the app's Install button", async () => {
    const { context, page, close } = await app.open();
    try {
      await context.addInitScript(() => addEventListener("beforeinstallprompt", () => (window.__offered = true)));
      await page.goto(`${app.url}/en/share`);
      await waitForAsync(page, () => window.__offered === true, null, { timeout: 30000, what: "the install offer" });
      assert.equal(await page.locator(STATIC).count(), 1, "made to the static page");
      await page.locator(`${STATIC} main button`).first().focus();
      await appShown(page);
      await page.locator("#install-app").waitFor({ timeout: 10000 });
    } finally {
      await close();
    }
  });

  test("anything of the reader's saved on the phone, or newer content on the mirror, starts the app at once", async () => {
    for (const [what, set] of [
      ["a saved language", async (context) => context.addInitScript(() => localStorage.setItem("jardam.lang", JSON.stringify("ky")))],
      ["newer content", async () => app.feed.use({ dir: app.feeds.feeds.newer })],
    ]) {
      const { context, page, close } = await app.open();
      try {
        await set(context);
        await page.goto(`${app.url}/en/rights`);
        await appShown(page);
        if (what === "a saved language") assert.equal(await page.getAttribute("html", "lang"), "ky", "the saved language wins over the page's");
        else await page.locator(`#articles li[data-id="${app.feeds.newer.article}"]`).filter({ hasText: app.feeds.newer.title }).waitFor({ timeout: 30000 });
      } finally {
        await close();
        app.feed.use({ dir: app.feeds.feeds.unchanged });
      }
    }
  });
});
