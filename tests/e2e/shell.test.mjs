// The installable offline shell: first visit installs the worker, the shell and every
// destination load with the network off, Chrome finds the app installable, and a new build
// is offered as "Update available" and shown once accepted.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { rmSync } from "node:fs";
import { servedApp } from "./served-app.mjs";
import { appShown, configure, copyOfBuild, freePort, serve, waitForAsync, waitForController } from "./support.mjs";

const DESTINATIONS = ["rights", "hotlines", "checklists", "help", "more"];

let v2, server, page;
/** The first build, opened in a browser; v2 is the same build with another label, a new version. */
const app = servedApp({ name: "v1", lang: null, welcomed: false }, (app) => ({ server, page } = app));

before(() => {
  v2 = copyOfBuild("v2");
  configure(v2, { label: "e2e-second-build" });
});

after(() => {
  if (v2) rmSync(v2, { recursive: true, force: true });
});

test("first visit registers the worker and says it is ready to work offline", async () => {
  // The start page in the browser's language; the app starts when needed (static-pages.test.mjs),
  // the page registers the worker and says when the app is kept.
  await page.goto(`${server.url}/`);
  await waitForController(page);
  await page.locator("#offline-ready").waitFor({ state: "visible", timeout: 30000 });
  const caches = await page.evaluate(() => caches.keys());
  assert.equal(caches.filter((name) => name.startsWith("jardam-shell-")).length, 1);
});

test("Chrome reports no installability errors", async () => {
  const cdp = await app.context.newCDPSession(page);
  const { installabilityErrors } = await cdp.send("Page.getInstallabilityErrors");
  assert.deepEqual(installabilityErrors, []);
  const manifest = await cdp.send("Page.getAppManifest");
  assert.deepEqual(manifest.errors, []);
  await cdp.detach();
});

test("offline, a reload shows the shell and every destination", async () => {
  await server.stop();
  await app.context.setOffline(true);
  await page.reload();
  await page.locator("header .brand").waitFor();
  assert.equal(await page.locator(".status").getAttribute("data-online"), "false");
  for (const name of DESTINATIONS) {
    await page.locator(`nav.tabs a[href="/${name}"]`).click();
    await page.waitForURL(new RegExp(`/${name}$`));
    await page.locator(`section[data-screen="${name}"] h1`).waitFor();
    assert.equal(await page.locator(`nav.tabs a[href="/${name}"]`).getAttribute("aria-current"), "page");
  }
  await page.goBack();
  await page.locator('section[data-screen="help"]').waitFor();
  for (const name of DESTINATIONS) {
    await page.goto(`${server.url}/${name}`);
    await page.locator(`section[data-screen="${name}"] h1`).waitFor();
  }
});

// A browser of its own: Playwright's offline emulation of the test above can linger in the
// service worker of that context and hold back its update checks.
test("a new build is offered as an update and shown once accepted", async () => {
  const updater = await app.open();
  const updatePort = await freePort();
  let host = await serve(app.dir, updatePort);
  try {
    const tab = updater.page;
    // A first visit: the page registers the worker; opened again, it has the app at once.
    await tab.goto(`${host.url}/more`);
    await waitForController(tab);
    await tab.locator("#offline-ready").waitFor({ state: "visible", timeout: 30000 });
    await waitForAsync(tab, async () => (await navigator.serviceWorker.getRegistration())?.active?.state === "activated", null, {
      what: "the worker activated",
    });
    await tab.reload();
    await appShown(tab);
    const before = await tab.locator("#app-version").textContent();
    assert.doesNotMatch(before, /e2e-second-build/);
    await host.stop();
    host = await serve(v2, updatePort);
    assert.match(await (await fetch(`${host.url}/index.html`)).text(), /e2e-second-build/, "the new build is served");
    // The app looks for a new worker each time it opens; reopen it if the first look missed.
    let shown = false;
    for (let attempt = 0; attempt < 4 && !shown; attempt++) {
      await tab.goto(`${host.url}/more`);
      shown = await tab
        .locator("#update-notice")
        .waitFor({ state: "visible", timeout: 15000 })
        .then(() => true, () => false);
    }
    assert.ok(shown, "the Update available prompt appears");
    await Promise.all([tab.waitForEvent("load"), tab.locator("#update-notice button.primary").click()]);
    await tab.goto(`${host.url}/more`);
    await appShown(tab);
    await tab.locator("#app-version").waitFor();
    assert.match(await tab.locator("#app-version").textContent(), /e2e-second-build/);
    assert.equal(await tab.locator("#update-notice").count(), 0);
    const caches = await tab.evaluate(() => caches.keys());
    assert.equal(caches.filter((name) => name.startsWith("jardam-shell-")).length, 1);
    // What `/` opens straight from the cache (sw.js) is the new build's page.
    await waitForAsync(tab, async () => /e2e-second-build/.test(await (await caches.match("/"))?.text()), null, {
      what: "the new build's page kept for /",
    });
  } finally {
    await updater.close();
    await host.stop();
  }
});
