// UI strings per language (issue #8): every language is one file under /l10n/ that index.html
// preloads in parallel with the app (none is built into the WebAssembly). A reader downloads
// their own language's strings once and no other's; a file that is not the one the app was built
// with is refused, and the app then opens in Russian, says so, and keeps the reader's choice;
// with no strings at all the start screen says, in Russian and English, that the app did not load.
import { test } from "node:test";
import assert from "node:assert/strict";
import { servedApp } from "./served-app.mjs";
import { appShown } from "./support.mjs";

const app = servedApp({ name: "strings", browser: false });

/** Opens /rights in a fresh profile with `lang` saved and returns the page, the /l10n/ paths it requested and a closer. */
async function open(lang, { tamper = null, wait = true, path = `/${lang}/rights` } = {}) {
  const { page, close } = await app.open({ lang });
  const requested = [];
  page.on("request", (request) => {
    const path = new URL(request.url()).pathname;
    if (path.startsWith("/l10n/")) requested.push(path);
  });
  if (tamper) {
    await page.route(tamper, async (route) => {
      const response = await route.fetch();
      const text = (await response.text()).replace(/"[^"]+"/, '"Altered"');
      await route.fulfill({ response, body: text });
    });
  }
  // By default the static page of the reader's language, as a link in that language opens it.
  await page.goto(`${app.url}${path}`);
  if (wait) {
    await appShown(page);
    await page.locator("#articles li").first().waitFor();
  }
  return { page, requested, close };
}

test("a Kyrgyz reader downloads the Kyrgyz strings once, preloaded, and no other language's", async () => {
  const { page, requested, close } = await open("ky");
  try {
    assert.equal(await page.evaluate(() => document.documentElement.lang), "ky");
    assert.equal(await page.locator("nav.tabs a[href='/rights']").innerText(), "Укуктар");
    const preload = await page.evaluate(() =>
      [...document.querySelectorAll("link[rel=preload][as=fetch]")].map((l) => new URL(l.href).pathname),
    );
    assert.equal(preload.filter((p) => p.startsWith("/l10n/")).length, 1, `preloads: ${preload.join(", ")}`);
    assert.match(preload.find((p) => p.startsWith("/l10n/")), /^\/l10n\/ky\.[0-9a-f]{16}\.json$/);
    // The app's own fetch is answered by the preload: one request, not two.
    assert.equal(requested.length, 1, `requests for strings: ${requested.join(", ")}`);
    assert.match(requested[0], /^\/l10n\/ky\./);
  } finally {
    await close();
  }
});

test("a Russian reader downloads the Russian strings once, preloaded, and no other language's", async () => {
  const { page, requested, close } = await open("ru");
  try {
    assert.equal(await page.evaluate(() => document.documentElement.lang), "ru");
    assert.equal(await page.locator("nav.tabs a[href='/rights']").innerText(), "Права");
    assert.equal(requested.length, 1, `requests for strings: ${requested.join(", ")}`);
    assert.match(requested[0], /^\/l10n\/ru\.[0-9a-f]{16}\.json$/);
  } finally {
    await close();
  }
});

test("with no strings file to be had, the app shell says so in Russian and English; a static page stays readable", async () => {
  const { page, requested, close } = await open("ky", { tamper: "**/l10n/*.json", wait: false, path: "/index.html" });
  try {
    const failed = page.locator("#boot-failed");
    await failed.waitFor();
    assert.match(await failed.innerText(), /Не удалось загрузить Jardam.*Jardam could not load/s);
    assert.equal(await page.locator("nav.tabs").count(), 0);
    requested.length = 0;
    await page.goto(`${app.url}/ky/rights`);
    await page.waitForFunction(() => performance.getEntriesByType("resource").some((e) => e.name.includes("/l10n/ru.")), null, { timeout: 20000 });
    await page.waitForTimeout(300);
    assert.ok((await page.locator("body>.app[data-static] #articles li").count()) > 10, "the static page's articles stay");
    assert.equal(await page.locator("body>.app:not([data-static])").count(), 0, "the app did not start");
  } finally {
    await close();
  }
});

test("an altered strings file is refused: the app opens in Russian, says so and keeps the choice", async () => {
  const { page, close } = await open("ky", { tamper: "**/l10n/ky.*.json" });
  try {
    assert.equal(await page.evaluate(() => document.documentElement.lang), "ru");
    assert.equal(await page.locator("nav.tabs a[href='/rights']").innerText(), "Права");
    const notice = page.locator("#language-unavailable");
    await notice.waitFor();
    assert.match(await notice.innerText(), /^Кыргызча: не удалось загрузить тексты/);
    assert.equal(await page.evaluate(() => document.body.innerText.includes("Altered")), false);
    // The reader's choice is kept, so the next start tries Kyrgyz again.
    assert.equal(await page.evaluate(() => localStorage.getItem("jardam.lang")), '"ky"');
    // Choosing English in More now loads the (unaltered) English strings and hides the notice.
    await page.unroute("**/l10n/*.json");
    await page.locator("nav.tabs a[href='/more']").click();
    await page.locator("#language").selectOption("en");
    await page.waitForFunction(() => document.documentElement.lang === "en");
    assert.equal(await page.locator("nav.tabs a[href='/rights']").innerText(), "Rights");
    assert.equal(await notice.count(), 0);
  } finally {
    await close();
  }
});
