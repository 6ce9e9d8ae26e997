// Privacy: in a whole session (install, every destination, articles and a contact page, a
// reload served by the worker, a language change, an update check) neither the page nor its
// service worker talks to anything but the app's own origin and the configured feed mirrors. Requests are recorded twice: by
// Playwright's context-wide `request` event (which in Chromium includes the service worker's
// own fetches, checked below) and by the Chrome DevTools Protocol's Network domain on the page.
import { test } from "node:test";
import assert from "node:assert/strict";
import { LOCAL_MIRROR, servedApp } from "./served-app.mjs";
import { checkForUpdates, goTab, syncIdle, waitForController } from "./support.mjs";

const DESTINATIONS = ["rights", "hotlines", "checklists", "help", "more"];

/** Every request seen: { url, by: "context" | "cdp", worker: bool, type }. */
const seen = [];
let feed, page;

/** Records every request of the app's browser, as the context and as CDP see them. */
async function record(app) {
  ({ feed, page } = app);
  app.context.on("request", (request) => {
    seen.push({ url: request.url(), by: "context", worker: request.serviceWorker() !== null, type: request.resourceType() });
  });
  const cdp = await app.context.newCDPSession(page);
  cdp.on("Network.requestWillBeSent", ({ request, type }) => seen.push({ url: request.url, by: "cdp", worker: false, type }));
  await cdp.send("Network.enable");
}

const app = servedApp({ name: "privacy", mirrors: [LOCAL_MIRROR], feed: "newer", lang: "en", welcomed: false }, record);

const t0 = Date.now();
const step = (what) => process.env.JARDAM_E2E_DEBUG && process.stderr.write(`${Date.now() - t0} ms: ${what}\n`);

test("a whole session only talks to the app's origin and its feed mirror", { timeout: 5 * 60 * 1000 }, async () => {
  // Install: the worker precaches the shell and the bundled feed; the app syncs at start.
  await page.goto(`${app.url}/`);
  await page.waitForURL(/\/rights$/);
  await waitForController(page);
  await page.locator("#offline-ready").waitFor({ state: "visible", timeout: 30000 });
  await page.locator("#articles li[data-id]").first().waitFor({ timeout: 30000 });
  step("installed");
  for (const name of DESTINATIONS) await goTab(page, name);
  // Inside: two articles (sources and links are shown, never loaded) and a contact page.
  for (const nth of [0, 5]) {
    await goTab(page, "rights");
    await page.locator('#articles li a[href^="/rights/"]').nth(nth).click();
    await page.locator('section[data-screen="article"]').waitFor();
  }
  await goTab(page, "hotlines");
  await page.locator('section[data-screen="hotlines"] a[href^="/hotlines/"]').first().click();
  await page.locator('section[data-screen="contact"]').waitFor();
  await goTab(page, "more");
  step("visited");
  // A reload is answered by the worker; the app syncs again at start.
  await page.reload();
  await page.locator('section[data-screen="more"]').waitFor();
  await syncIdle(page);
  step("reloaded");
  // Change the language, then check for updates by hand.
  await page.selectOption("#language", "ky");
  await page.waitForFunction(() => document.documentElement.lang === "ky");
  await syncIdle(page);
  step("language changed");
  await checkForUpdates(page, feed);
  step("checked");
  for (const name of DESTINATIONS) await goTab(page, name);
  await feed.settled();
  step("settled");

  const allowed = new Set([new URL(app.url).origin, new URL(feed.base).origin]);
  const http = seen.filter((r) => /^https?:/.test(r.url));
  const local = seen.filter((r) => /^(data|blob):/.test(r.url));
  const other = seen.filter((r) => !http.includes(r) && !local.includes(r));
  assert.deepEqual(other.map((r) => r.url), [], "requests with other schemes");
  const strangers = http.filter((r) => !allowed.has(new URL(r.url).origin));
  assert.deepEqual(
    strangers.map((r) => `${r.by}${r.worker ? " (worker)" : ""}: ${r.url}`),
    [],
    `only ${[...allowed].join(" and ")} may be contacted`,
  );

  // The recording is real: it saw the worker's precache, the page's own loads, and the mirror.
  const fromWorker = seen.filter((r) => r.worker);
  assert.ok(fromWorker.length > 0, "Playwright reported no service-worker request: the check would be blind to the worker");
  assert.ok(fromWorker.some((r) => r.url.endsWith("/feed/manifest.json")), "the worker precached the bundled feed");
  assert.ok(seen.some((r) => r.by === "cdp" && r.url.startsWith(app.url)), "CDP saw the page's requests");
  assert.ok(seen.some((r) => r.by === "cdp" && r.url.startsWith(feed.base)), "CDP saw the sync requests");
  assert.ok(seen.some((r) => r.by === "context" && r.url.startsWith(feed.base)), "Playwright saw the sync requests");
  // And the mirror saw only feed files: nothing else is sent to it.
  const paths = new Set(feed.requests.map((r) => r.path));
  for (const path of paths) assert.match(path, /^\/feed\/(manifest\.json(\.sig)?|packs\/[a-z-]+\.[0-9a-f]{16}\.json)$/, path);
  // The mirror learns the app's origin at most: no cookies, no page path in the Referer.
  for (const r of feed.requests) {
    assert.ok(r.origin === null || r.origin === app.url, `Origin ${r.origin}`);
    assert.equal(r.cookie, null, `cookie sent to the mirror: ${r.cookie}`);
    assert.ok(r.referer === null || r.referer === `${app.url}/`, `Referer ${r.referer} tells the mirror what is read`);
  }
});
