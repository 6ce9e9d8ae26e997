// Storage that fails: without IndexedDB the app runs from the bundled feed in memory and says
// so; a stored record that cannot be decoded is rebuilt from the bundled feed, never a blank
// screen.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { rmSync } from "node:fs";
import { copyOfBuild, freePort, launch, serve } from "./support.mjs";

let dir, server;

before(async () => {
  dir = copyOfBuild("storage");
  server = await serve(dir, await freePort());
});

after(async () => {
  await server?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function withEnglishPage(fn, initScript) {
  const browser = await launch();
  try {
    const page = await browser.context.newPage();
    await page.addInitScript(() => localStorage.setItem("jardam.lang", '"en"'));
    if (initScript) await page.addInitScript(initScript);
    await fn(page);
  } finally {
    await browser.close();
  }
}

test("without IndexedDB the bundled content is shown from memory and the app says so", async () => {
  await withEnglishPage(
    async (page) => {
      await page.goto(`${server.url}/rights`);
      await page.locator("#articles li[data-id=police-check]").waitFor();
      await page.goto(`${server.url}/more`);
      await page.locator("#storage-status").filter({ hasText: /built-in copy until you close it/ }).waitFor();
    },
    () => {
      IDBFactory.prototype.open = function () {
        throw new DOMException("IndexedDB is disabled", "SecurityError");
      };
    }
  );
});

test("a stored record that cannot be decoded is rebuilt from the bundled feed", async () => {
  await withEnglishPage(async (page) => {
    await page.goto(`${server.url}/rights`);
    await page.locator("#articles li[data-id=police-check]").waitFor();
    await page.waitForFunction(() => document.querySelector("#content-status")?.dataset.contentVersion);
    await page.evaluate(
      () =>
        new Promise((resolve, reject) => {
          const open = indexedDB.open("jardam");
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const tx = open.result.transaction(["meta"], "readwrite");
            tx.objectStore("meta").put("{ this is not json", "installed");
            tx.oncomplete = () => {
              open.result.close();
              resolve();
            };
            tx.onerror = () => reject(tx.error);
          };
        })
    );
    await page.reload();
    await page.locator("#articles li[data-id=police-check]").waitFor();
    await page.locator('nav.tabs a[href="/more"]').click();
    await page.locator("#storage-status").filter({ hasText: /restored from the built-in copy/ }).waitFor();
  });
});
