// Content sync against a local mirror (feed-server.mjs) that the tests switch per scenario:
// the bundled feed first, a 304 when nothing changed, every kind of bad feed refused with the
// content kept, a newer feed installed with only the packs the reader needs, no rollback,
// offline start from the device, and a dead first mirror skipped for the next one.
// The app is a copy of dist/ whose feed mirrors point at the local server (cross-origin).
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { DEAD_MIRROR, LOCAL_MIRROR, servedApp } from "./served-app.mjs";
import { articleTitles, checkForUpdates, contentStatus, diagnostics, goTab, syncIdle } from "./support.mjs";

const LANG = "en";

/** GET requests for packs among `requests`, as { lang, ... }. */
const packGets = (requests) =>
  requests
    .filter((r) => r.method === "GET" && r.path.startsWith("/feed/packs/"))
    .map((r) => ({ ...r, lang: r.path.slice("/feed/packs/".length).split(".")[0] }));
const gets = (requests, file) => requests.filter((r) => r.method === "GET" && r.path === `/feed/${file}`);

// Bounded: the set-up may wait for Cargo's lock while another build runs.
const SUITE = { timeout: 15 * 60 * 1000 };

describe("sync with one mirror", SUITE, () => {
  let feed, feeds, url, page;
  const app = servedApp({ name: "sync", mirrors: [LOCAL_MIRROR], lang: LANG, welcomed: false }, (app) => ({ feed, feeds, url, page } = app));
  /** Titles shown before any newer content: the bundled feed's. */
  let bundledTitles;

  test("first start installs the bundled feed and confirms it with the mirror", async () => {
    await page.goto(`${url}/rights`);
    bundledTitles = await articleTitles(page);
    assert.ok(Object.keys(bundledTitles).length >= 10, `only ${Object.keys(bundledTitles).length} articles shown`);
    await feed.waitFor((r) => gets(r, "manifest.json").length > 0, { what: "start-up manifest request" });
    await goTab(page, "more");
    await syncIdle(page);
    const [last] = await diagnostics(page);
    assert.equal(last.outcome, "up-to-date", JSON.stringify(last));
    assert.equal(last.mirror, feed.base);
    assert.match(await page.locator("#sync-message").textContent(), /up to date/i);
    // Same bytes as the bundled feed: the manifest and signature are read, no pack is.
    assert.equal(gets(feed.requests, "manifest.json")[0].status, 200);
    assert.equal(gets(feed.requests, "manifest.json.sig").length, 1);
    assert.deepEqual(packGets(feed.requests), [], "no pack downloaded for the same content");
    const status = await contentStatus(page);
    assert.equal(status.version, String(feeds.bundled.version));
    assert.match(status.text, /updated/i);
  });

  test("unchanged feed: the conditional request gets a 304 and nothing is downloaded", async () => {
    const etag = gets(feed.requests, "manifest.json").at(-1);
    const from = await checkForUpdates(page, feed);
    const now = feed.since(from);
    assert.equal(now.length, 1, `one GET expected, got ${JSON.stringify(now.map((r) => r.path))}`);
    assert.equal(now[0].path, "/feed/manifest.json");
    assert.ok(now[0].ifNoneMatch, "the manifest request carries If-None-Match");
    assert.equal(now[0].status, 304);
    assert.ok(etag.status === 200 || etag.status === 304);
    const [last] = await diagnostics(page);
    assert.equal(last.outcome, "up-to-date");
    assert.equal(last.bytes, 0);
    assert.match(await page.locator("#sync-message").textContent(), /up to date/i);
  });

  // Each of these leaves the installed content exactly as it was. `counted`: whether the
  // diagnostics' byte count must equal the body bytes the mirror sent (not for a time-out or a
  // download stopped at its cap, where the app stops reading on purpose).
  const failures = [
    { name: "tampered pack", feed: "tamperedPack", outcome: "hash-mismatch", message: /does not match/i, packs: ["en"], counted: true },
    { name: "pack of the wrong size", feed: "shortPack", outcome: "size-mismatch", message: /wrong size/i, packs: ["en"], counted: true },
    { name: "pack cut off mid-way", feed: "newer", truncate: "pack", outcome: "truncated", message: /cut off/i, packs: ["en"], counted: true },
    { name: "manifest cut off mid-way", feed: "newer", truncate: "manifest", outcome: "truncated", message: /cut off/i, packs: [], counted: true },
    { name: "stalled manifest (time-out)", feed: "newer", stall: "manifest", outcome: "timeout", message: /too long/i, packs: [], slow: true },
    { name: "older content version", feed: "older", outcome: "older-version", message: /older/i, packs: [], counted: true },
    { name: "unknown schema", feed: "unknownSchema", outcome: "unsupported-schema", message: /update the app/i, packs: [], counted: true },
    { name: "bad signature", feed: "badSignature", outcome: "bad-signature", message: /signature/i, packs: [], counted: true },
    { name: "unknown signing key", feed: "unknownKey", outcome: "unknown-key", message: /unknown key/i, packs: [], counted: true },
    { name: "manifest over the 64 KiB cap", feed: "tooLarge", outcome: "too-large", message: /too large/i, packs: [] },
    { name: "content for a newer app", feed: "appTooOld", outcome: "app-too-old", message: /update the app/i, packs: [], counted: true },
    // The signed manifest already says the pack is over the cap: refused before any download.
    { name: "pack over the 512 KiB cap", feed: "hugePack", outcome: "too-large", message: /too large/i, packs: [] },
    { name: "manifest that is not JSON", feed: "invalidJson", outcome: "invalid-json", message: /damaged/i, packs: [], counted: true },
    { name: "HTTP 500", feed: "newer", status: 500, outcome: "http-error", message: /error/i, packs: [] },
  ];

  for (const failure of failures) {
    test(`refused, content kept: ${failure.name} → ${failure.outcome}`, async () => {
      await goTab(page, "rights");
      const before = await articleTitles(page);
      assert.deepEqual(before, bundledTitles);
      const { feed: name, name: _, outcome, message, packs, slow, counted, ...behaviour } = failure;
      feed.use({ dir: feeds.feeds[name], ...behaviour });
      const started = Date.now();
      const from = await checkForUpdates(page, feed);
      const took = Date.now() - started;
      feed.use({ dir: feeds.feeds.unchanged });
      const [last] = await diagnostics(page);
      assert.equal(last.outcome, outcome, `diagnostics: ${JSON.stringify(last)}`);
      assert.match(await page.locator("#sync-message").textContent(), message);
      if (slow) assert.ok(took >= 9000 && took < 30000, `time-out after ${took} ms, expected about 10 s`);
      // Packs: only what had to be read before the failure showed (never for a bad manifest).
      assert.deepEqual(packGets(feed.since(from)).map((r) => r.lang), packs);
      if (counted) {
        const sent = feed.since(from).filter((r) => r.status === 200).reduce((n, r) => n + r.bytes, 0);
        assert.equal(last.bytes, sent, "diagnostics count the body bytes received");
      }
      if (failure.status) assert.equal(last.bytes, 0);
      const status = await contentStatus(page);
      assert.equal(status.version, String(feeds.bundled.version), "the content version did not change");
      assert.match(status.text, /updated/i);
      await goTab(page, "rights");
      assert.deepEqual(await articleTitles(page), bundledTitles, "the articles shown before are still shown");
    });
  }

  test("after every refusal, a reload shows the bundled content from the device and the mirror still answers 304", async () => {
    feed.use({ dir: feeds.feeds.unchanged });
    const from = feed.requests.length;
    await page.goto(`${url}/rights`);
    assert.deepEqual(await articleTitles(page), bundledTitles);
    await feed.waitFor((r) => gets(r.slice(from), "manifest.json").length > 0, { what: "start-up manifest request" });
    await goTab(page, "more");
    await syncIdle(page);
    // The validators kept are those of the content installed, not of any refused feed.
    assert.deepEqual(feed.since(from).map((r) => `${r.path} ${r.status}`), ["/feed/manifest.json 304"]);
    assert.equal((await diagnostics(page))[0].outcome, "up-to-date");
    assert.equal((await contentStatus(page)).version, String(feeds.bundled.version));
  });

  test("newer feed: installed at start-up, only the reader's packs downloaded, new title shown", async () => {
    feed.use({ dir: feeds.feeds.newer });
    const from = feed.requests.length;
    await page.goto(`${url}/rights`);
    const changed = page.locator(`#articles li[data-id="${feeds.newer.article}"] strong`);
    await page.waitForFunction(
      ([id, title]) => document.querySelector(`#articles li[data-id="${id}"]`)?.textContent.includes(title),
      [feeds.newer.article, feeds.newer.title],
      { timeout: 30000 },
    );
    assert.equal((await changed.textContent()).trim(), feeds.newer.title);
    const after = await articleTitles(page);
    assert.deepEqual(Object.keys(after).sort(), Object.keys(bundledTitles).sort());
    for (const [id, title] of Object.entries(after)) {
      if (id !== feeds.newer.article) assert.equal(title, bundledTitles[id], `title of ${id}`);
    }
    await goTab(page, "more");
    await syncIdle(page);
    const requests = feed.since(from);
    // Of the wanted packs (en, ru) only en, whose title changed, has a new hash: a pack's file
    // holds no content version, so ru is listed again unchanged and not downloaded.
    const packs = packGets(requests);
    assert.equal(feeds.newer.manifest.packs.ru.sha256, feeds.bundled.manifest.packs.ru.sha256, "ru unchanged");
    assert.deepEqual(packs.map((r) => r.lang), ["en"], JSON.stringify(packs.map((r) => r.path)));
    for (const pack of packs) {
      const entry = feeds.newer.manifest.packs[pack.lang];
      assert.equal(pack.path, `/feed/${entry.file}`);
      assert.equal(pack.status, 200);
      assert.equal(pack.bytes, entry.size);
    }
    const [last] = await diagnostics(page);
    assert.equal(last.outcome, "updated", JSON.stringify(last));
    const served = requests.filter((r) => r.status === 200).reduce((sum, r) => sum + r.bytes, 0);
    assert.equal(last.bytes, served, "diagnostics count the bytes received");
    assert.match(await page.locator("#sync-message").textContent(), /newer/i);
    const status = await contentStatus(page);
    assert.equal(status.version, String(feeds.newer.version));
    assert.match(status.text, /updated/i);
  });

  test("after the update, the next check is a 304: up-to-date, nothing downloaded", async () => {
    const from = await checkForUpdates(page, feed);
    const now = feed.since(from);
    assert.deepEqual(now.map((r) => `${r.path} ${r.status}`), ["/feed/manifest.json 304"]);
    const [last] = await diagnostics(page);
    assert.equal(last.outcome, "up-to-date");
    assert.equal(last.bytes, 0);
  });

  test("no rollback: the previous feed, now older than the installed one, is refused", async () => {
    feed.use({ dir: feeds.feeds.unchanged });
    const from = await checkForUpdates(page, feed);
    const [last] = await diagnostics(page);
    assert.equal(last.outcome, "older-version");
    assert.deepEqual(packGets(feed.since(from)), []);
    assert.equal((await contentStatus(page)).version, String(feeds.newer.version));
    await goTab(page, "rights");
    assert.equal((await articleTitles(page))[feeds.newer.article], feeds.newer.title);
    feed.use({ dir: feeds.feeds.newer });
  });

  test("offline, the app opened again shows the updated content from the device", async () => {
    await feed.settled();
    const from = feed.requests.length;
    // Closed, then opened again once the browser is offline: a new page gets the offline state
    // before it runs (CI once saw a request reach the mirror from a page reloaded offline).
    await page.close();
    await app.context.setOffline(true);
    try {
      page = app.page = await app.context.newPage();
      await page.goto(`${url}/rights`);
      assert.equal(await page.evaluate(() => navigator.onLine), false, "the page opened offline");
      const titles = await articleTitles(page);
      assert.equal(titles[feeds.newer.article], feeds.newer.title);
      const status = await contentStatus(page);
      assert.equal(status.version, String(feeds.newer.version));
      assert.match(status.text, /offline/i);
      await goTab(page, "more");
      await syncIdle(page);
      const [last] = await diagnostics(page);
      assert.equal(last.outcome, "no-network");
      assert.deepEqual(feed.since(from, { all: true }).map((r) => `${r.method} ${r.path} ${r.status}`), [], "nothing reached the mirror while offline");
    } finally {
      await app.context.setOffline(false);
    }
    // Back online the app checks again by itself (the `online` event): a 304.
    await feed.waitFor((r) => gets(r.slice(from), "manifest.json").length > 0, { what: "manifest request on `online`" });
    await syncIdle(page);
    await feed.settled();
    assert.deepEqual(feed.since(from).map((r) => `${r.path} ${r.status}`), ["/feed/manifest.json 304"]);
  });

  test("a mirror without ETags is revalidated with If-Modified-Since", async () => {
    feed.use({ dir: feeds.feeds.newer, etag: false });
    try {
      let from = await checkForUpdates(page, feed);
      // The stored ETag means nothing to this mirror: full manifest, same content, no pack.
      assert.deepEqual(feed.since(from).map((r) => `${r.path} ${r.status}`), ["/feed/manifest.json 200", "/feed/manifest.json.sig 200"]);
      assert.equal((await diagnostics(page))[0].outcome, "up-to-date");
      from = await checkForUpdates(page, feed);
      const [manifest, ...rest] = feed.since(from);
      assert.equal(manifest.ifNoneMatch, null, "no ETag known for this mirror any more");
      assert.ok(manifest.ifModifiedSince, "If-Modified-Since sent");
      assert.equal(manifest.status, 304);
      assert.deepEqual(rest, []);
      assert.equal((await diagnostics(page))[0].outcome, "up-to-date");
    } finally {
      feed.use({ dir: feeds.feeds.newer });
    }
  });

  test("switching to another language downloads that language's pack only", async () => {
    const entry = feeds.newer.manifest.packs.ky;
    const pack = JSON.parse(readFileSync(join(feeds.feeds.newer, entry.file), "utf8"));
    const kyTitle = pack.articles.find((a) => a.id === feeds.newer.article).title;
    assert.notEqual(kyTitle, feeds.newer.title);
    await goTab(page, "more");
    await syncIdle(page);
    const from = feed.requests.length;
    await page.selectOption("#language", "ky");
    await goTab(page, "rights");
    const shown = await page
      .waitForFunction(
        ([id, title]) => document.querySelector(`#articles li[data-id="${id}"]`)?.textContent.includes(title),
        [feeds.newer.article, kyTitle],
        { timeout: 20000 },
      )
      .then(() => true, () => false);
    await feed.settled();
    const requests = feed.since(from).map((r) => `${r.path} ${r.status}`);
    const title = (await articleTitles(page))[feeds.newer.article];
    assert.ok(shown, `Kyrgyz title "${kyTitle}" not shown (shown: "${title}"); mirror saw ${JSON.stringify(requests)}`);
    assert.deepEqual(packGets(feed.since(from)).map((r) => r.lang), ["ky"], JSON.stringify(requests));
    await page.evaluate(() => localStorage.setItem("jardam.lang", "en"));
  });
});

describe("sync with the first mirror down", SUITE, () => {
  let feed, feeds, url, page, dead;
  const options = { name: "mirrors", mirrors: [DEAD_MIRROR, LOCAL_MIRROR], feed: "newer", lang: LANG, welcomed: false };
  servedApp(options, (app) => ({ feed, feeds, url, page, mirrors: [dead] } = app));

  test("a dead first mirror is recorded as no-network and the second one delivers", async () => {
    await page.goto(`${url}/rights`);
    await page.waitForFunction(
      ([id, title]) => document.querySelector(`#articles li[data-id="${id}"]`)?.textContent.includes(title),
      [feeds.newer.article, feeds.newer.title],
      { timeout: 30000 },
    );
    await goTab(page, "more");
    await syncIdle(page);
    const [last, previous] = await diagnostics(page);
    assert.equal(last.outcome, "updated", JSON.stringify(last));
    assert.equal(last.mirror, feed.base);
    assert.equal(previous?.outcome, "no-network", JSON.stringify(previous));
    assert.equal(previous.mirror, dead);
    assert.equal(previous.bytes, 0);
    assert.match(await page.locator("#sync-message").textContent(), /newer/i);
    assert.equal((await contentStatus(page)).version, String(feeds.newer.version));
    // The bundled packs were installed first; of the wanted ones only en changed.
    assert.deepEqual(packGets(feed.requests).map((r) => r.lang), ["en"]);
  });

  test("a manual check goes through the dead mirror to a 304 on the live one", async () => {
    const from = await checkForUpdates(page, feed);
    assert.deepEqual(feed.since(from).map((r) => `${r.path} ${r.status}`), ["/feed/manifest.json 304"]);
    const [last, previous] = await diagnostics(page);
    assert.equal(last.outcome, "up-to-date");
    assert.equal(previous.outcome, "no-network");
    assert.equal(previous.mirror, dead);
  });
});
