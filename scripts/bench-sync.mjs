#!/usr/bin/env node
// Measures content sync and offline start of the release build in dist/ (build it first:
// `make build`), and writes the section "## Sync and offline start" of BENCHMARKS.md (other
// sections are left as they are).
//
// A copy of dist/ is served by nginx (scripts/serve.sh) with its feed mirror set to a local
// Node mirror (tests/e2e/feed-server.mjs, gzip/brotli like nginx), and driven in Debian's
// Chromium through playwright-core:
//   (a) bytes on the wire for a sync when nothing changed (conditional GET → 304);
//   (b) bytes on the wire for a sync where one English article title changed;
//   (c) time from opening the installed app with the network off to the first article list on
//       screen: a new page in the running browser, and a browser started again on the profile.
// Bytes are CDP Network's encodedDataLength at loadingFinished (response headers + body as
// received), cross-checked with the mirror's own count of what it sent and received.
// Usage: node scripts/bench-sync.mjs [--runs N]
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { writeSection } from "./benchmarks-file.mjs";
import { median, startBench } from "./bench-run.mjs";
import { ARTICLES_PROBE, articlesPaintedAt } from "./bench-probes.mjs";
import { prepareFeeds, startFeedServer } from "../tests/e2e/feed-server.mjs";
import {
  buildWithMirrors,
  checkForUpdates,
  freePort,
  goTab,
  launchProfile,
  presetLanguage,
  root,
  serve,
  syncIdle,
  waitForController,
} from "../tests/e2e/support.mjs";

const runsArg = process.argv.indexOf("--runs");
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 7;
const HEADING = "## Sync and offline start";

const watchdog = startBench("bench-sync", 5);
const ms = (x) => `${Math.round(x)} ms`;
const kb = (n) => (n < 1024 ? `${n} B` : `${(n / 1024).toFixed(1)} KB`);

/**
 * Records the page's requests through CDP. Bytes received per request: encodedDataLength of
 * loadingFinished (headers + body); a preflight finishes with 0 there and a 304 read by fetch
 * ends in loadingFailed (canceled), so for those the headers' encodedDataLength from
 * responseReceived plus any dataReceived is used instead.
 */
async function recorder(context, page) {
  const cdp = await context.newCDPSession(page);
  const requests = new Map();
  const get = (id) => requests.get(id) ?? {};
  cdp.on("Network.requestWillBeSent", ({ requestId, request, type }) => {
    requests.set(requestId, { url: request.url, method: request.method, type, status: 0, headers: 0, data: 0, finished: 0 });
  });
  cdp.on("Network.responseReceived", ({ requestId, response, type }) => {
    Object.assign(get(requestId), { status: response.status, headers: response.encodedDataLength, type });
  });
  cdp.on("Network.dataReceived", ({ requestId, encodedDataLength }) => {
    const r = get(requestId);
    r.data = (r.data ?? 0) + encodedDataLength;
  });
  cdp.on("Network.loadingFinished", ({ requestId, encodedDataLength }) => {
    get(requestId).finished = encodedDataLength;
  });
  await cdp.send("Network.enable");
  const bytes = (r) => Math.max(r.finished, r.headers + r.data);
  return {
    mark: () => new Set(requests.keys()),
    since: (mark, origin) =>
      [...requests].filter(([id, r]) => !mark.has(id) && r.url.startsWith(origin)).map(([, r]) => ({ ...r, bytes: bytes(r) })),
    detach: () => cdp.detach().catch(() => {}),
  };
}

/** One measured check for updates: CDP and mirror-side byte counts. */
async function measuredCheck(page, feed, rec) {
  const mark = rec.mark();
  const from = await checkForUpdates(page, feed);
  await feed.settled();
  await new Promise((r) => setTimeout(r, 200)); // let CDP's last loadingFinished arrive
  const cdp = rec.since(mark, feed.origin);
  const served = feed.requests.slice(from);
  const [last] = await page.$$eval("#diagnostics li", (items) => items.map((li) => li.dataset.outcome));
  return {
    outcome: last,
    received: cdp.reduce((n, r) => n + r.bytes, 0),
    cdp,
    served,
    sentByMirror: served.reduce((n, r) => n + r.headerBytes + r.bytes, 0),
    sentByApp: served.reduce((n, r) => n + r.requestBytes, 0),
  };
}

const cleanups = [];
let result;
try {
  const feed = await startFeedServer();
  cleanups.push(() => feed.close());
  const app = buildWithMirrors("bench-sync", [feed.base]);
  cleanups.push(() => rmSync(app, { recursive: true, force: true }));
  const feeds = prepareFeeds(join(app, "feed"));
  cleanups.push(() => feeds.remove());
  feed.use({ dir: feeds.feeds.unchanged, compress: true });
  const server = await serve(app, await freePort());
  cleanups.push(() => server.stop());
  const profile = mkdtempSync(join(tmpdir(), "jardam-bench-profile-"));
  cleanups.push(() => rmSync(profile, { recursive: true, force: true }));

  let browser = await launchProfile(profile);
  cleanups.push(() => browser.close().catch(() => {}));
  await presetLanguage(browser.context, "en");
  let page = await browser.context.newPage();
  const rec = await recorder(browser.context, page);

  // Install, first start-up sync (same feed as bundled: manifest and signature, no pack).
  await page.goto(`${server.url}/rights`);
  await waitForController(page);
  await page.locator("#offline-ready").waitFor({ state: "visible", timeout: 30000 });
  await page.locator("#articles li").first().waitFor({ timeout: 30000 });
  await goTab(page, "more");
  await syncIdle(page);
  await feed.settled();

  // (a) nothing changed: the first check pays for a CORS preflight (If-None-Match is not a
  // simple header); later ones within the preflight cache time do not.
  const unchanged = [];
  for (let i = 0; i < 3; i++) unchanged.push(await measuredCheck(page, feed, rec));
  const acceptEncoding = feed.requests.find((r) => r.method === "GET")?.acceptEncoding ?? "(none)";

  // (b) one article's English and Kyrgyz titles changed (content_version + 1).
  feed.use({ dir: feeds.feeds.newer, compress: true });
  const newer = await measuredCheck(page, feed, rec);
  const packsServed = newer.served.filter((r) => r.path.startsWith("/feed/packs/"));
  const packBytes = packsServed.reduce((n, r) => n + r.bytes, 0);
  // packs/LANG.HASH.json
  const fetched = packsServed.map((r) => r.path.split("/").pop().split(".")[0]);
  const rawPacks = fetched.reduce((n, lang) => n + feeds.newer.manifest.packs[lang].size, 0);
  // The languages whose pack the newer feed changed, from the two signed manifests.
  const changed = Object.keys(feeds.newer.manifest.packs).filter(
    (lang) => feeds.newer.manifest.packs[lang].sha256 !== feeds.bundled.manifest.packs[lang]?.sha256,
  );
  await rec.detach();
  await page.close();

  // (c1) network off, new page in the running browser (worker installed, content stored).
  await browser.context.setOffline(true);
  await browser.context.addInitScript(ARTICLES_PROBE);
  const warm = [];
  for (let i = 0; i < RUNS; i++) {
    page = await browser.context.newPage();
    await page.goto(`${server.url}/rights`);
    warm.push(await articlesPaintedAt(page, 30000));
    await page.close();
  }
  await browser.close();

  // (c2) network off, the browser started again on the same profile: wall time from launch to
  // the list on screen, and the page's own time from navigation start.
  const cold = [];
  for (let i = 0; i < Math.min(RUNS, 5); i++) {
    const started = performance.now();
    browser = await launchProfile(profile, { offline: true });
    await browser.context.addInitScript(ARTICLES_PROBE);
    page = browser.context.pages()[0] ?? (await browser.context.newPage());
    await page.goto(`${server.url}/rights`);
    const inPage = await articlesPaintedAt(page, 30000);
    cold.push({ wall: performance.now() - started, inPage });
    await browser.close();
  }

  const a = unchanged.map((u) => u.received);
  const aSent = unchanged.map((u) => u.sentByApp);
  const preflight = unchanged[0].served.find((r) => r.method === "OPTIONS");
  const preflights = unchanged.filter((u) => u.served.some((r) => r.method === "OPTIONS")).length;
  const requestList = (check) => check.served.map((r) => `${r.method} ${r.path.replace(/^\/feed\//, "").replace(/\.[0-9a-f]{16}\.json$/, ".json")} ${r.status}`).join(", ");
  const date = new Date().toISOString().slice(0, 10);
  const lines = [
    HEADING,
    "",
    `Produced by \`node scripts/bench-sync.mjs\` on ${date}: release build in dist/, Chromium headless, ` +
      `loopback, language en. Mirror: tests/e2e/feed-server.mjs, compressing like nginx (Chromium sent ` +
      `\`Accept-Encoding: ${acceptEncoding}\`). "Received" is what CDP's Network domain reports per ` +
      `request (encodedDataLength: response headers + body); "sent" is the request lines and headers ` +
      `the mirror received.`,
    "",
    "| sync | received | sent | requests | outcome |",
    "|---|---:|---:|---|---|",
    `| (a) nothing changed (median of ${a.length}) | ${kb(median(a))} | ${kb(median(aSent))} | ${requestList(unchanged[0])} | ${unchanged.map((u) => u.outcome).join(", ")} |`,
    `| (b) one article's English and Kyrgyz titles changed | ${kb(newer.received)} | ${kb(newer.sentByApp)} | ${requestList(newer)} | ${newer.outcome} |`,
    "",
    `(a) goal: under 1 KB received. The mirror's own count of the bytes it sent: ${kb(median(unchanged.map((u) => u.sentByMirror)))}. ` +
      (preflight
        ? `${preflights} of ${unchanged.length} checks began with a CORS preflight (OPTIONS, ` +
          `${kb(preflight.requestBytes)} sent, ${kb(preflight.headerBytes)} received), which the ` +
          `If-None-Match request header makes necessary for a mirror on another origin; the mirror ` +
          `allows caching it for 600 s.`
        : "No CORS preflight was needed."),
    `(b) of the reader's language (en) and the fallback (ru), only the packs whose hash changed are ` +
      `fetched: ${fetched.join(", ") || "none"}. A pack's file holds no content version, so a pack ` +
      `whose content did not change keeps its hash; the newer feed changed ${changed.join(", ")} ` +
      `of ${Object.keys(feeds.newer.manifest.packs).length} packs. (Until 2026-12-04 every pack ` +
      `carried the version, and the same sync fetched en and ru: 111.5 KB.) ` +
      `Packs: ${kb(packBytes)} compressed, ${kb(rawPacks)} raw.`,
    "",
    "| offline start (network off, app installed) | median | min | max | runs |",
    "|---|---:|---:|---:|---:|",
    `| (c) new page → first article list painted (from navigation start) | ${ms(median(warm))} | ${ms(Math.min(...warm))} | ${ms(Math.max(...warm))} | ${warm.length} |`,
    `| (c) browser started again → list painted (from navigation start) | ${ms(median(cold.map((c) => c.inPage)))} | ${ms(Math.min(...cold.map((c) => c.inPage)))} | ${ms(Math.max(...cold.map((c) => c.inPage)))} | ${cold.length} |`,
    `| (c) browser started again → list painted (wall time from launch) | ${ms(median(cold.map((c) => c.wall)))} | ${ms(Math.min(...cold.map((c) => c.wall)))} | ${ms(Math.max(...cold.map((c) => c.wall)))} | ${cold.length} |`,
    "",
  ];
  result = lines.join("\n");
} finally {
  for (const cleanup of cleanups.reverse()) await cleanup();
  clearTimeout(watchdog);
}

console.log(result);
writeSection(HEADING, result, "bench-sync");
