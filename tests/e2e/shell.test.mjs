// The installable offline shell: first visit installs the worker, the shell and every
// destination load with the network off, Chrome finds the app installable, and a new build
// is offered as "Update available" and shown once accepted.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { rmSync } from "node:fs";
import { copyOfBuild, freePort, launch, relabel, serve, waitForController } from "./support.mjs";

const DESTINATIONS = ["rights", "hotlines", "checklists", "help", "more"];

let v1, v2, port, server, browser, page;

before(async () => {
  v1 = copyOfBuild("v1");
  v2 = copyOfBuild("v2");
  relabel(v2, "e2e-second-build");
  port = await freePort();
  server = await serve(v1, port);
  browser = await launch();
  page = await browser.context.newPage();
});

after(async () => {
  await browser?.close();
  await server?.stop();
  for (const dir of [v1, v2]) if (dir) rmSync(dir, { recursive: true, force: true });
});

test("first visit registers the worker and says it is ready to work offline", async () => {
  await page.goto(`${server.url}/`);
  await page.waitForURL(/\/rights$/);
  await waitForController(page);
  await page.locator("#offline-ready").waitFor({ state: "visible", timeout: 30000 });
  const caches = await page.evaluate(() => caches.keys());
  assert.equal(caches.filter((name) => name.startsWith("jardam-shell-")).length, 1);
});

test("Chrome reports no installability errors", async () => {
  const cdp = await browser.context.newCDPSession(page);
  const { installabilityErrors } = await cdp.send("Page.getInstallabilityErrors");
  assert.deepEqual(installabilityErrors, []);
  const manifest = await cdp.send("Page.getAppManifest");
  assert.deepEqual(manifest.errors, []);
  await cdp.detach();
});

test("offline, a reload shows the shell and every destination", async () => {
  await server.stop();
  await browser.context.setOffline(true);
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

test("a new build is offered as an update and shown once accepted", async () => {
  await browser.context.setOffline(false);
  await page.waitForFunction(() => navigator.onLine);
  server = await serve(v2, port);
  await page.goto(`${server.url}/more`);
  const before = await page.locator("#app-version").textContent();
  assert.doesNotMatch(before, /e2e-second-build/);
  await page.locator("#update-notice").waitFor({ state: "visible", timeout: 60000 });
  await Promise.all([page.waitForEvent("load"), page.locator("#update-notice button.primary").click()]);
  await page.goto(`${server.url}/more`);
  await page.locator("#app-version").waitFor();
  assert.match(await page.locator("#app-version").textContent(), /e2e-second-build/);
  assert.equal(await page.locator("#update-notice").count(), 0);
  const caches = await page.evaluate(() => caches.keys());
  assert.equal(caches.filter((name) => name.startsWith("jardam-shell-")).length, 1);
});
