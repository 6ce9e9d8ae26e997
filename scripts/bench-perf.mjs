#!/usr/bin/env node
// Performance of the release build in dist/ on an emulated cheap phone (issue #8), written to
// the section "## Cheap phone" of BENCHMARKS.md (other sections are left as they are).
//
// A copy of dist/ is served by nginx (scripts/serve.sh) on loopback and driven in Debian's
// Chromium (playwright-core) with mobile emulation (360×640, touch, DPR 2), a 4× CPU slowdown
// (CDP Emulation.setCPUThrottlingRate) and Lighthouse's "slow 4G" profile as DevTools applies
// it (CDP Network.emulateNetworkConditions: 562.5 ms latency, 1,474.6 kbit/s down, 675 kbit/s up):
//   1. first visit: bytes the page transferred (CDP encodedDataLength, by file) and time to the
//      first article list on screen (a static page's, scripts/postbuild/pages.mjs, or the app's;
//      scripts/bench-pages.mjs measures the static pages in detail);
//   2. offline cold start: the installed app opened in a new page with the network off, at its
//      start_url and at /rights (a page the worker has not kept);
//   3. search typed into the app (real pack) and language switch (select change → new text on
//      screen, measured in the page with a MutationObserver and the next animation frame);
//   4. memory after a full tour: WebAssembly memory + JS heap used (CDP Performance.getMetrics,
//      after a forced garbage collection);
//   5. Lighthouse (npm `lighthouse`, mobile preset, simulated slow 4G + 4× CPU) on /rights, five
//      runs, the one with the median Performance score reported;
//   6. search over 1,000 generated articles in Chromium (app/tests/search_speed.rs, release
//      profile, through wasm-bindgen-test-runner; not throttled, see the note written with it).
// Usage: node scripts/bench-perf.mjs [--runs N] [--skip-lighthouse] [--skip-search] [--dry-run (print only)]
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { writeSection } from "./benchmarks-file.mjs";
import { median, startBench } from "./bench-run.mjs";
import {
  ARTICLES_PROBE,
  CPU_SLOWDOWN,
  MOBILE,
  PAGE_PROBE,
  articlesPaintedAt,
  fileName as shortName,
  lighthouse,
  probeResult,
  recordBytes,
  throttle,
} from "./bench-probes.mjs";
import {
  appShown,
  copyOfBuild,
  freePort,
  goTab,
  launchProfile,
  presetLanguage,
  root,
  serve,
  waitForController,
} from "../tests/e2e/support.mjs";

const arg = (name) => process.argv.includes(name);
const runsArg = process.argv.indexOf("--runs");
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 5;
const LH_RUNS = 5;
const HEADING = "## Cheap phone";
/** First useful content of a start page: the emergency numbers, or an article list. */
const START_CONTENT = ["main .emergency-numbers a", "main #articles li"];

const watchdog = startBench("bench-perf", 15);
const ms = (x) => (x < 1 ? `${x.toFixed(2)} ms` : x < 10 ? `${x.toFixed(1)} ms` : `${Math.round(x)} ms`);
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const mb = (n) => `${(n / 1024 / 1024).toFixed(1)} MB`;
const stats = (xs) => `${ms(median(xs))} | ${ms(Math.min(...xs))} | ${ms(Math.max(...xs))} | ${xs.length}`;

// In every page: the app's wasm memory (and, with ARTICLES_PROBE, when the list is painted).
const MEMORY_PROBE = () => {
  addEventListener("TrunkApplicationStarted", (event) => (window.__wasmMemory = Object.values(event.detail.wasm).find((v) => v instanceof WebAssembly.Memory)));
};

/** Time from changing the language select to the first article title changing on screen. */
async function switchLanguage(page, code) {
  return page.evaluate(
    (code) =>
      new Promise((resolve, reject) => {
        const select = document.querySelector("select#language");
        if (!select) return reject(new Error("no language select on this screen"));
        // The picker's own label ("Language", "Язык", "Тил"…) is drawn in the new language.
        const label = () => select.closest("label")?.querySelector("span")?.textContent;
        const before = label();
        const start = performance.now();
        const observer = new MutationObserver(() => {
          if (label() === before) return;
          observer.disconnect();
          requestAnimationFrame(() => resolve(performance.now() - start));
        });
        observer.observe(document.body, { childList: true, subtree: true, characterData: true });
        select.value = code;
        select.dispatchEvent(new Event("change", { bubbles: true }));
        setTimeout(() => reject(new Error(`no new text 10 s after switching to ${code}`)), 10000);
      }),
    code,
  );
}

/** Time from typing `query` (one input event) to the results list changing on screen. */
async function typeSearch(page, query) {
  return page.evaluate(
    (query) =>
      new Promise((resolve, reject) => {
        const input = document.querySelector("input[type=search]");
        if (!input) return reject(new Error("no search field"));
        const start = performance.now();
        const observer = new MutationObserver(() => {
          if (!document.querySelector("#search-results li, #search-none")) return;
          observer.disconnect();
          requestAnimationFrame(() => resolve(performance.now() - start));
        });
        observer.observe(document.body, { childList: true, subtree: true, characterData: true });
        input.value = query;
        input.dispatchEvent(new Event("input", { bubbles: true }));
        setTimeout(() => reject(new Error(`no results 10 s after typing ${query}`)), 10000);
      }),
    query,
  );
}

async function clearSearch(page) {
  await page.evaluate(() => {
    const input = document.querySelector("input[type=search]");
    input.value = "";
    input.dispatchEvent(new Event("input", { bubbles: true }));
  });
  await page.locator("#articles").waitFor({ state: "visible" });
}

/** WebAssembly memory + JS heap used, after a forced garbage collection. */
async function memory(page, cdp) {
  await cdp.send("HeapProfiler.collectGarbage");
  await cdp.send("Performance.enable");
  const { metrics } = await cdp.send("Performance.getMetrics");
  const metric = (name) => metrics.find((m) => m.name === name)?.value ?? 0;
  const wasm = await page.evaluate(() => window.__wasmMemory?.buffer.byteLength ?? 0);
  return { wasm, jsUsed: metric("JSHeapUsedSize"), jsTotal: metric("JSHeapTotalSize") };
}

/** Search over 1,000 generated articles in Chromium: app/tests/search_speed.rs, release. */
function searchInChromium() {
  const run = spawnSync(
    "cargo",
    ["test", "--release", "-p", "jardam-app", "--target", "wasm32-unknown-unknown", "--test", "search_speed", "--", "--include-ignored", "--nocapture"],
    {
      cwd: root,
      encoding: "utf8",
      env: {
        ...process.env,
        CHROMEDRIVER: "/usr/bin/chromedriver",
        CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER: "wasm-bindgen-test-runner",
      },
      timeout: 15 * 60 * 1000,
    },
  );
  const lines = `${run.stdout}\n${run.stderr}`.split("\n").filter((l) => l.includes("search-speed:"));
  if (run.status !== 0 || lines.length === 0) {
    throw new Error(`search_speed failed (status ${run.status}):\n${run.stdout}\n${run.stderr}`);
  }
  return lines.map((l) => JSON.parse(l.slice(l.indexOf("search-speed:") + "search-speed:".length)));
}

const cleanups = [];
let result;
try {
  const app = copyOfBuild("bench-perf");
  cleanups.push(() => rmSync(app, { recursive: true, force: true }));
  const server = await serve(app, await freePort());
  cleanups.push(() => server.stop());
  const profile = mkdtempSync(join(tmpdir(), "jardam-perf-profile-"));
  cleanups.push(() => rmSync(profile, { recursive: true, force: true }));

  let browser = await launchProfile(profile, MOBILE);
  cleanups.push(() => browser.close().catch(() => {}));
  await presetLanguage(browser.context, "en");
  await browser.context.addInitScript(MEMORY_PROBE);
  await browser.context.addInitScript(ARTICLES_PROBE);

  // 1. First visit on slow 4G with a 4× slower CPU.
  let page = browser.context.pages()[0] ?? (await browser.context.newPage());
  let cdp = await throttle(browser.context, page);
  const requests = recordBytes(cdp);
  await page.goto(`${server.url}/rights`);
  const firstVisitPainted = await articlesPaintedAt(page);
  // The list may be a static page's (scripts/postbuild/pages.mjs): the rest needs the app.
  await appShown(page, { timeout: 120000 });
  await waitForController(page);
  await page.locator("#offline-ready").waitFor({ state: "visible", timeout: 120000 });
  await new Promise((r) => setTimeout(r, 500));
  const transferred = [...requests.values()].filter((r) => r.url.startsWith(server.url) && r.bytes > 0);
  const isFeed = (r) => new URL(r.url).pathname.startsWith("/feed/");
  const shell = transferred.filter((r) => !isFeed(r));
  const feed = transferred.filter(isFeed);
  const sum = (rs) => rs.reduce((n, r) => n + r.bytes, 0);
  const fileName = (r) => shortName(r.url);

  // 3a. Search typed into the app (the real pack), 4× CPU.
  const searches = [];
  for (const query of ["reg", "patent", "registration", "patnet", "работа"]) {
    searches.push({ query, time: await typeSearch(page, query) });
    await clearSearch(page);
  }

  // 3b. Language switch on More, 4× CPU: each language once, then back and forth.
  await goTab(page, "more");
  const switches = [];
  for (const code of ["ru", "ky", "uz", "tg", "en", "ru", "en", "ru", "en"]) {
    switches.push({ code, time: await switchLanguage(page, code) });
    await new Promise((r) => setTimeout(r, 300));
  }

  // 4. The rest of the tour, then memory.
  for (const tab of ["rights", "hotlines", "checklists", "help", "more"]) {
    await goTab(page, tab);
    if (tab === "rights" || tab === "hotlines" || tab === "checklists") {
      const link = page.locator(`section[data-screen="${tab}"] a[href^="/${tab}/"]`).first();
      if ((await link.count()) > 0) {
        await link.click();
        await page.waitForURL(new RegExp(`/${tab}/`));
        await page.goBack();
      }
    }
  }
  const mem = await memory(page, cdp);
  await cdp.detach().catch(() => {});
  await page.close();

  // 2. Offline cold start: new page, network off, 4× CPU; at the manifest's start_url (what the
  // installed app opens: its static start page, kept by the worker) and at /rights (never
  // loaded as a page on this profile: the worker has no static page for it, the app draws it).
  await browser.context.setOffline(true);
  await browser.context.addInitScript(PAGE_PROBE, { content: START_CONTENT });
  const offline = [];
  const offlineStart = [];
  for (let i = 0; i < RUNS; i++) {
    for (const path of ["/", "/rights"]) {
      page = await browser.context.newPage();
      cdp = await throttle(browser.context, page, { network: false });
      await page.goto(`${server.url}${path}`);
      if (path === "/") offlineStart.push((await probeResult(page, { settle: 200 })).paintedAt);
      else offline.push(await articlesPaintedAt(page));
      await cdp.detach().catch(() => {});
      await page.close();
    }
  }
  await browser.close();

  // 5. Lighthouse (its own Chromium, a fresh profile: a first visit).
  // One Lighthouse run swings by a few points (TBT varies most), so the run with the median
  // Performance score of LH_RUNS is reported, with every run's score beside it.
  const lhRuns = [];
  if (!arg("--skip-lighthouse")) {
    for (let i = 0; i < LH_RUNS; i++) lhRuns.push(lighthouse(root, `${server.url}/rights`));
    lhRuns.sort((a, b) => a.performance - b.performance);
  }
  const lh = lhRuns.length ? lhRuns[Math.floor(lhRuns.length / 2)] : null;

  // 6. Search over 1,000 generated articles.
  const speed = arg("--skip-search") ? null : searchInChromium();

  const date = new Date().toISOString().slice(0, 10);
  const chromium = execFileSync(process.env.CHROMIUM || "/usr/bin/chromium", ["--version"], { encoding: "utf8" }).trim();
  const lines = [
    HEADING,
    "",
    `Produced by \`node scripts/bench-perf.mjs\` on ${date} (${chromium}, headless, loopback): the release ` +
      `build in dist/ served by nginx, mobile emulation (360×640, DPR 2, touch), CPU slowed ${CPU_SLOWDOWN}× ` +
      `(CDP Emulation.setCPUThrottlingRate) and Lighthouse's slow 4G as DevTools applies it (562.5 ms per ` +
      `request, 1.47 Mbit/s down, 0.68 Mbit/s up). Language en.`,
    "",
    "| measure | result | goal |",
    "|---|---:|---|",
    // Chromium asks for brotli only over HTTPS, so loopback HTTP gets gzip; the budget (brotli)
    // is checked on the files by tests/e2e/budget.test.mjs.
    `| first visit: app shell transferred, gzip over plain HTTP (${shell.length} files) | ${kb(sum(shell))} | budget ≤ 200 KB with brotli: tests/e2e/budget.test.mjs |`,
    ...(feed.length
      ? [`| first visit: content fetched by the page (${feed.map(fileName).join(", ")}) | ${kb(sum(feed))} | one pack ≤ 60 KB |`]
      : []),
    `| first visit: first article list on screen (from navigation start) | ${ms(firstVisitPainted)} | |`,
    `| offline cold start (installed, network off, new page) at start_url \`/\` → emergency numbers or list on screen, median of ${offlineStart.length} | ${ms(median(offlineStart))} | < 1 s |`,
    `| offline, new page at /rights, never loaded as a page (the app draws it) → list on screen, median of ${offline.length} | ${ms(median(offline))} | < 1 s |`,
    `| search typed in the app (this pack), median of ${searches.length} queries | ${ms(median(searches.map((s) => s.time)))} | < 10 ms |`,
    `| language switch, median of ${switches.length} (select change → new text on screen) | ${ms(median(switches.map((s) => s.time)))} | < 100 ms |`,
    `| memory after the tour: WASM ${mb(mem.wasm)} + JS heap used ${mb(mem.jsUsed)} | ${mb(mem.wasm + mem.jsUsed)} | < 30 MB |`,
    ...(lh
      ? [
          `| Lighthouse ${lh.version} mobile: Performance / Accessibility / Best Practices, median of ${lhRuns.length} runs (Performance ${lhRuns.map((r) => r.performance).join(", ")}) | ${lh.performance} / ${lh.accessibility} / ${lh.bestPractices} | ≥ 95 / 100 / 100 |`,
          `| Lighthouse: FCP / LCP / TBT / CLS | ${ms(lh.fcp)} / ${ms(lh.lcp)} / ${ms(lh.tbt)} / ${lh.cls.toFixed(3)} | |`,
        ]
      : []),
    ...(speed
      ? speed.map((s) =>
          s.kind === "build"
            ? `| search index build, ${s.articles} generated articles (${s.words} words), median of ${s.runs} | ${ms(s.median_ms)} | < 100 ms |`
            : `| search query "${s.query}" over ${s.articles} articles, median of ${s.runs} (${s.hits} hits) | ${ms(s.median_ms)} | < 10 ms |`,
        )
      : []),
    "",
    "First-visit files: " + shell.map((r) => `${fileName(r)} ${kb(r.bytes)}`).join(", ") + ".",
    "Bytes are as nginx (deploy/nginx.conf) sends them: gzip, the files' brotli sizes are in the size sections. " +
      "The service worker's precache downloads (content packs included) run in the worker, outside these page counts (see \"First install\").",
    `Searches in the app: ${searches.map((s) => `"${s.query}" ${ms(s.time)}`).join(", ")} (one input event → results on screen).`,
    `Language switches: ${switches.map((s) => `${s.code} ${ms(s.time)}`).join(", ")}; the first switch to a language reads its pack from the device or the bundled feed.`,
    `Offline cold starts: at \`/\` ${offlineStart.map(ms).join(", ")}; at /rights ${offline.map(ms).join(", ")}.`,
    ...(lh && lh.failed.length ? [`Lighthouse audits below full score: ${lh.failed.join(", ")}.`] : []),
    ...(speed
      ? [
          "Search over 1,000 articles runs in Chromium through wasm-bindgen-test-runner (app/tests/search_speed.rs, " +
            "release profile) without CPU throttling; on the emulated phone expect about 4× these times.",
        ]
      : []),
    "",
  ];
  result = lines.join("\n");
} finally {
  for (const cleanup of cleanups.reverse()) await cleanup();
  clearTimeout(watchdog);
}

console.log(result);
if (arg("--dry-run")) console.error("bench-perf: --dry-run: BENCHMARKS.md left as it is");
else writeSection(HEADING, result, "bench-perf");
