// Storage that fails: without IndexedDB the app runs from the bundled feed in memory and says
// so; a stored record that cannot be decoded is rebuilt from the bundled feed, never a blank
// screen.
import { test } from "node:test";
import assert from "node:assert/strict";
import { servedApp } from "./served-app.mjs";

/** Served only: each test opens a browser on a fresh profile, in English. */
const app = servedApp({ name: "storage", browser: false, lang: "en", welcomed: false });

/** An article on the app's list: the static page under it has the same list before the app runs. */
const LISTED = "body>.app:not([data-static]) #articles li[data-id=police-check]";

async function withEnglishPage(fn, initScript) {
  const browser = await app.open();
  try {
    const { page } = browser;
    if (initScript) await page.addInitScript(initScript);
    await fn(page);
  } finally {
    await browser.close();
  }
}

test("without IndexedDB the bundled content is shown from memory and the app says so", async () => {
  await withEnglishPage(
    async (page) => {
      await page.goto(`${app.url}/rights`);
      await page.locator(LISTED).waitFor();
      await page.goto(`${app.url}/more`);
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
    await firstStart(page);
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
    await page.locator(LISTED).waitFor();
    await page.locator('nav.tabs a[href="/more"]').click();
    await page.locator("#storage-status").filter({ hasText: /restored from the built-in copy/ }).waitFor();
  });
});

/** Every record of the app's database: { installed, packs: { lang: text } }. */
const readAll = (page) =>
  page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open("jardam");
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(["meta", "packs"], "readonly");
          const out = { installed: null, packs: {} };
          tx.objectStore("meta").get("installed").onsuccess = (e) => (out.installed = e.target.result ?? null);
          tx.objectStore("packs").openCursor().onsuccess = (e) => {
            const cursor = e.target.result;
            if (cursor) {
              out.packs[cursor.key] = cursor.value;
              cursor.continue();
            }
          };
          tx.oncomplete = () => {
            db.close();
            resolve(out);
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );

/** Writes one record into the app's database, as damage or another version would. */
const putRecord = (page, store, key, value) =>
  page.evaluate(
    ([store, key, value]) =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open("jardam");
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction([store], "readwrite");
          tx.objectStore(store).put(value, key);
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    [store, key, value],
  );

async function firstStart(page) {
  await page.goto(`${app.url}/rights`);
  await page.locator(LISTED).waitFor();
  await page.waitForFunction(() => document.querySelector("#content-status")?.dataset.contentVersion);
  // The start-up check against the app's own feed rewrites the installed record (its ETag) and
  // then logs the attempt: wait for the log, so a test's own writes are not overwritten later.
  await page.waitForFunction(() => JSON.parse(localStorage.getItem("jardam.sync.attempts") || "[]").length > 0);
}

async function storageStatus(page, pattern) {
  await page.locator('nav.tabs a[href="/more"]').click();
  const status = page.locator("#storage-status");
  try {
    await status.filter({ hasText: pattern }).waitFor({ timeout: 10000 });
  } catch (error) {
    throw new Error(`storage status ${JSON.stringify(await status.textContent().catch(() => null))}, expected ${pattern}`);
  }
}

test("a damaged pack record is rebuilt from the bundled feed and English is shown again", async () => {
  await withEnglishPage(async (page) => {
    await firstStart(page);
    const englishTitle = await page.locator(LISTED).textContent();
    const before = await readAll(page);
    assert.ok(before.packs.en, "the English pack is stored");
    await putRecord(page, "packs", "en", '{"schema": 1, "lang": "en", "arti');
    await page.reload();
    await page.locator(LISTED).waitFor();
    assert.equal(await page.locator(LISTED).textContent(), englishTitle);
    await storageStatus(page, /restored from the built-in copy/);
    const after = await readAll(page);
    assert.equal(after.packs.en, before.packs.en, "the pack record was rewritten whole");
  });
});

test("a quota error in the middle of the first save leaves nothing half-written and shows the bundled content", async () => {
  await withEnglishPage(
    async (page) => {
      await page.goto(`${app.url}/rights`);
      await page.locator(LISTED).waitFor();
      await storageStatus(page, /built-in copy until you close it/);
      const stored = await readAll(page);
      assert.deepEqual(stored, { installed: null, packs: {} }, "the failed swap left no record behind");
    },
    () => {
      const put = IDBObjectStore.prototype.put;
      IDBObjectStore.prototype.put = function (...args) {
        // The installed record goes in first; the packs after it fail: the middle of the swap.
        if (this.name === "packs") throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
        return put.apply(this, args);
      };
    },
  );
});

test("a quota error in the middle of replacing stored content keeps the stored records whole", async () => {
  await withEnglishPage(async (page) => {
    await firstStart(page);
    const before = await readAll(page);
    // Make the stored content look older than the bundled one, so the next start replaces it.
    const older = JSON.parse(before.installed);
    older.manifest.content_version -= 1;
    await putRecord(page, "meta", "installed", JSON.stringify(older));
    await page.addInitScript(() => {
      const put = IDBObjectStore.prototype.put;
      IDBObjectStore.prototype.put = function (...args) {
        if (this.name === "packs") throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
        return put.apply(this, args);
      };
      // Data saver holds back the start-up sync: it would find the same packs under the newer
      // manifest and rightly update the record alone, racing the bundled install under test.
      Object.defineProperty(navigator, "connection", { value: { saveData: true, type: "unknown" } });
    });
    await page.reload();
    await page.locator(LISTED).waitFor();
    await storageStatus(page, /built-in copy until you close it/);
    const after = await readAll(page);
    assert.deepEqual(JSON.parse(after.installed), older, "the installed record is the previous one");
    assert.deepEqual(after.packs, before.packs, "the stored packs are untouched");
  });
});

test("a database upgrade blocked by another tab runs from memory instead of waiting", async () => {
  const browser = await app.open();
  try {
    const { context, page: old } = browser;
    // The first tab: today's app, and a connection at today's version that ignores requests
    // to close (as an old app version might).
    await firstStart(old);
    await old.evaluate(
      () =>
        new Promise((resolve, reject) => {
          const open = indexedDB.open("jardam");
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            window.__heldOpen = open.result;
            resolve();
          };
        }),
    );
    // The second tab: a newer app that asks for the next version of the database, which
    // stays blocked while the first tab keeps its connection.
    const newer = await context.newPage();
    await newer.addInitScript(() => {
      const open = IDBFactory.prototype.open;
      IDBFactory.prototype.open = function (name, version) {
        const request = open.call(this, name, (version ?? 1) + 1);
        request.addEventListener("blocked", () => (window.__upgradeBlocked = true));
        return request;
      };
    });
    await newer.goto(`${app.url}/rights`);
    await newer.locator(LISTED).waitFor({ timeout: 30000 });
    assert.equal(await newer.evaluate(() => window.__upgradeBlocked === true), true, "the upgrade was blocked");
    await storageStatus(newer, /built-in copy until you close it/);
  } finally {
    await browser.close();
  }
});
