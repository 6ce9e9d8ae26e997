#!/usr/bin/env node
// The static pages (issue #19, scripts/postbuild/pages.mjs) on an emulated cheap phone, written to
// the section "## Static pages (issue #19)" of BENCHMARKS.md (other sections are left as they are).
//
// A copy of dist/ is served by nginx (scripts/serve.sh) on loopback and driven in Debian's
// Chromium with the phone of scripts/bench-perf.mjs (360×640, DPR 2, touch, CPU 4× slower, slow
// 4G as DevTools applies it), the browser's language Russian (ru-RU). Every first visit is a new
// browser on an empty profile.
//   1. first visit, /ru/rights and /rights: first useful content (the article list) on screen for
//      a new reader (the app starts only when needed: not here), the same page with its scripts
//      removed (every *.js and *.wasm request blocked with CDP Network.setBlockedURLs), and a
//      returning reader (a choice saved: the app starts at once), the three in turn in one run;
//   2. a shared article link (/ky/rights/police-check), first visit: its text on screen, likewise;
//   3. offline cold start of the installed app: /ky/rights visited online on a persistent profile
//      until the service worker controls it and keeps /ky/ for `/`; the browser closed, the
//      server stopped, the profile started again offline, `/` (the manifest's start_url) opened;
//      with the browser in Kyrgyz (the installed pages' language), and in Russian (the app then
//      picks its language at `/` from the browser: what that does to the next starts);
//   4. bytes before the first useful paint per page type (start, article, contact, checklist,
//      hotlines): CDP encodedDataLength of the page's responses finished before that paint;
//   5. the takeover (returning readers): paint and LCP timings, when the app replaced the static page (the static
//      root leaving <body>), animation frames without an h1 or the content in `main` after it
//      was first there, and layout shifts over the whole load (PerformanceObserver);
//   5b. a new reader tapping the search box on /ru/rights, 1 s after the load and once the worker
//      keeps the app: from the tap until the app has taken over;
//   6. Lighthouse mobile (simulated slow 4G + 4× CPU) on /ru/rights and /rights, 5 runs each,
//      every run reported; the long tasks behind its TBT (simulated, by task group) and those
//      of one DevTools-throttled traced first visit of /ru/rights (by trace event) go to the
//      console and to tests/output/bench-pages.json with every raw figure.
// What is measured in the page is PAGE_PROBE in scripts/bench-probes.mjs.
// Usage: node scripts/bench-pages.mjs [--runs N] [--lighthouse-runs N] [--skip-lighthouse]
//        [--skip-trace] [--pages ru-rights,article,…] [--dry-run (print, do not write BENCHMARKS.md)]
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { writeSection } from "./benchmarks-file.mjs";
import { median, startBench } from "./bench-run.mjs";
import {
  CPU_SLOWDOWN,
  MOBILE,
  PAGE_PROBE,
  fileName,
  lighthouse,
  probeResult,
  readTrace,
  recordBytes,
  startTrace,
  throttle,
  traceLongTasks,
} from "./bench-probes.mjs";
import { appShown, copyOfBuild, freePort, launchProfile, root, serve, waitForAsync, waitForController } from "../tests/e2e/support.mjs";

const arg = (name) => process.argv.includes(name);
const value = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const RUNS = Number(value("--runs", 5));
const LH_RUNS = Number(value("--lighthouse-runs", 5));
const HEADING = "## Static pages (issue #19)";
const PHONE = { ...MOBILE, locale: "ru-RU" };

/** The article list (the start and Rights), or the emergency numbers where the page shows them. */
const LIST = ["main #articles li", "main .emergency-numbers a"];
/** The pages measured, by page type; `content` is what counts as useful content on screen. */
const ALL_PAGES = [
  { key: "ru-rights", path: "/ru/rights", type: "Rights list", content: LIST },
  { key: "rights", path: "/rights", type: "Rights list, address without a language", content: LIST },
  { key: "start", path: "/ky/", type: "start", content: LIST },
  { key: "article", path: "/ky/rights/police-check", type: "article", content: ["main article.article .body > *"] },
  // A contact's page has no h1: its name is the contact's h3.
  { key: "contact", path: "/ky/hotlines/rosmigrant", type: "contact", content: ["main article.contact a.call"], heading: "main article.contact h3" },
  { key: "checklist", path: "/ky/checklists/patent-renewal", type: "checklist", content: ["main section[data-screen='checklist'] ol.steps li"] },
  { key: "hotlines", path: "/ky/hotlines", type: "hotlines", content: ["main #contacts article.contact"] },
];
const only = value("--pages", null)?.split(",");
const PAGES = only ? ALL_PAGES.filter((p) => only.includes(p.key)) : ALL_PAGES;

/** What BENCHMARKS.md's "Cheap phone" recorded on 2026-11-22, before the static pages (the app drew every screen; /rights, language en). */
const BEFORE = {
  firstList: 3471,
  offline: 859,
  shellBytes: (225.5 + 0.8) * 1024,
  lighthouse: "98 (runs 97–98), FCP 847 ms, LCP 2255 ms, TBT 80 ms, CLS 0.002",
};
/** The offline starts: the browser in the installed pages' language, and in another. */
const OFFLINE = [
  { key: "ky", locale: "ky-KG", runs: RUNS, label: "browser in Kyrgyz, the language of the installed pages" },
  { key: "ru", locale: "ru-RU", runs: Math.max(2, Math.min(RUNS, 3)), label: "browser in Russian, installed from the Kyrgyz pages" },
  { key: "warm", locale: "ky-KG", runs: RUNS, warm: true, label: "browser in Kyrgyz, already running: a new page (as before was measured)" },
];
const GOAL_MS = 1200;
const GOAL_RATIO = 1.3;
const GOAL_OFFLINE = 400;

const watchdog = startBench("bench-pages", 45);
const ms = (x) => (x == null || Number.isNaN(x) ? "–" : x < 10 ? `${x.toFixed(1)} ms` : `${Math.round(x)} ms`);
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const range = (xs) => (xs.length > 1 ? ` (${ms(Math.min(...xs))}–${ms(Math.max(...xs))})` : "");
const med = (xs) => (xs.length ? median(xs) : NaN);
const yes = (ok) => (ok ? "met" : "**not met**");
const runs = (n) => `${n} run${n === 1 ? "" : "s"}`;
const load = () => loadavg().map((x) => x.toFixed(2)).join(" ");

/**
 * One first visit of `url` in a new browser on an empty profile: the probe, the bytes finished
 * before the content was painted, and, with `scripts` false, every *.js and *.wasm blocked.
 * A new reader's app starts only when needed (the starter, scripts/postbuild/pages.mjs): none
 * is waited for. With `returning`, a reader who has used the app on this phone (the first-start
 * questions answered, saved; no worker yet): the app starts at once, and its takeover is waited for.
 */
async function firstVisit(url, page, { scripts, returning = false, trace = false }) {
  const profile = mkdtempSync(join(tmpdir(), "jardam-pages-profile-"));
  const browser = await launchProfile(profile, PHONE);
  try {
    await browser.context.addInitScript(PAGE_PROBE, { content: page.content, heading: page.heading });
    if (returning) await browser.context.addInitScript(() => localStorage.setItem("jardam.welcomed", "true"));
    const tab = browser.context.pages()[0] ?? (await browser.context.newPage());
    const cdp = await throttle(browser.context, tab);
    // URL patterns (the older `urls` form matches anywhere in the address: *.js would block .json);
    // a Chromium without them gets Playwright's interception instead.
    if (!scripts) {
      const block = (ext) => ({ urlPattern: `*://*:*/*.${ext}`, block: true });
      await cdp.send("Network.setBlockedURLs", { urlPatterns: [block("js"), block("wasm")] }).catch(() => tab.route(/\.(js|wasm)$/, (route) => route.abort("blockedbyclient")));
    }
    const requests = recordBytes(cdp);
    const stopTrace = trace ? await startTrace(cdp) : null;
    // Nothing is asked of the page before its load event: Playwright's own script, parsed at the
    // first question (~100 ms at 4×), came before the first paint in some runs.
    await tab.goto(url, { waitUntil: "load" });
    const probe = await probeResult(tab, { takeover: scripts && returning });
    const events = stopTrace ? await stopTrace() : null;
    // The app renders into a root of its own (hidden until it takes over): anything in it, or the static root gone.
    const appStarted = await tab.evaluate(
      () => [...document.querySelectorAll("body>.app:not([data-static])")].some((root) => root.childElementCount > 0) || !document.querySelector("body>.app[data-static]"),
    );
    const own = [...requests.values()].filter((r) => r.url.startsWith(new URL(url).origin));
    const blocked = own.filter((r) => r.failed).map((r) => fileName(r.url));
    if (!scripts && (appStarted || !blocked.some((name) => name.startsWith("/pages-")) || blocked.some((name) => !/\.(js|wasm)$/.test(name))))
      throw new Error(`${url} without scripts: the app ${appStarted ? "started" : "was not blocked"} (blocked: ${blocked.join(", ") || "nothing"})`);
    if (!probe.staticPage) console.error(`bench-pages: WARNING: ${url} was not a static page`);
    if (scripts && !returning && appStarted) console.error(`bench-pages: WARNING: a new reader's app started on ${url}`);
    const paintedWall = probe.timeOrigin + probe.paintedAt;
    const before = own.filter((r) => r.finishedAt !== null && r.finishedAt <= paintedWall);
    const sum = (rs) => rs.reduce((n, r) => n + r.bytes, 0);
    const lastLcp = probe.lcp.at(-1) ?? null;
    const afterFcp = probe.longTasks.filter((t) => probe.fcp !== null && t.t >= probe.fcp);
    return {
      scripts,
      painted: probe.paintedAt,
      probe,
      lcp: lastLcp?.t ?? null,
      lcpWhat: lastLcp?.what ?? null,
      bytesBefore: sum(before),
      filesBefore: before.map((r) => `${fileName(r.url)} ${kb(r.bytes)}`),
      bytesAll: sum(own),
      blocked,
      appStarted,
      blocking: afterFcp.reduce((n, t) => n + Math.max(0, t.d - 50), 0),
      longTasks: probe.longTasks,
      trace: events ? traceLongTasks(events) : null,
    };
  } finally {
    await browser.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

/**
 * A new reader's first visit of `url` who reaches for the search box: once the page has loaded
 * and, with `afterWorker`, once the worker keeps the app (the page says "Ready to work offline"),
 * else 1 s after the load, the box is tapped; how long from the tap until the app has taken
 * the page over (its own search box, focused, under the finger).
 */
async function reachForSearch(url, { afterWorker }) {
  const profile = mkdtempSync(join(tmpdir(), "jardam-pages-reach-"));
  const browser = await launchProfile(profile, PHONE);
  try {
    await browser.context.addInitScript(PAGE_PROBE, { content: LIST });
    await browser.context.addInitScript(() => addEventListener("pointerdown", () => (window.__tapAt ??= performance.now()), true));
    const tab = browser.context.pages()[0] ?? (await browser.context.newPage());
    await throttle(browser.context, tab);
    await tab.goto(url, { waitUntil: "load" });
    if (afterWorker) await tab.locator("body>.app[data-static] #offline-ready").waitFor({ timeout: 120000 });
    else await new Promise((resolve) => setTimeout(resolve, 1000));
    await tab.locator("body>.app[data-static] main input#search").tap();
    await appShown(tab, { timeout: 120000 });
    await tab.waitForFunction(() => document.activeElement?.id === "search" && !document.activeElement.closest("[data-static]"), null, { timeout: 30000 });
    return await tab.evaluate(() => ({ takeover: window.__probe.takeoverAt - window.__tapAt }));
  } finally {
    await browser.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

/** Installs the app from `url`/ky/rights on `profile` (online): waits until the worker keeps /ky/ for `/`, then for the app's first start. */
async function install(url, profile, locale) {
  const browser = await launchProfile(profile, { ...PHONE, locale });
  try {
    const tab = browser.context.pages()[0] ?? (await browser.context.newPage());
    await tab.goto(`${url}/ky/rights`);
    await waitForController(tab);
    // The start page is kept for `/` (sw.js), and the app's own first start settles.
    await waitForAsync(tab, async () => (await caches.match("/"))?.url.endsWith("/ky/"), null, {
      timeout: 60000,
      what: "/ky/ kept for /",
    });
    // Opened again (the worker answers it), the page has the app at once: its first start settles.
    await tab.reload();
    await appShown(tab);
    await new Promise((resolve) => setTimeout(resolve, 1000));
  } finally {
    await browser.close();
  }
}

/**
 * The installed app started again: the profile relaunched offline, 4× CPU, `url`/ opened; with
 * `warm`, in a new page once the relaunched browser has shown a blank one and settled.
 */
async function offlineStart(url, profile, { locale, trace = false, warm = false }) {
  const browser = await launchProfile(profile, { ...PHONE, locale, offline: true });
  try {
    if (warm) {
      await (browser.context.pages()[0] ?? (await browser.context.newPage())).goto("about:blank");
      await new Promise((settled) => setTimeout(settled, 2000));
    }
    await browser.context.addInitScript(PAGE_PROBE, { content: LIST });
    const tab = warm ? await browser.context.newPage() : (browser.context.pages()[0] ?? (await browser.context.newPage()));
    const cdp = await throttle(browser.context, tab, { network: false });
    const requests = recordBytes(cdp);
    const stopTrace = trace ? await startTrace(cdp) : null;
    await tab.goto(`${url}/`, { waitUntil: "load" });
    const probe = await probeResult(tab, { takeover: true, settle: 1000 });
    const events = stopTrace ? await stopTrace() : null;
    const document = [...requests.values()].find((r) => new URL(r.url).pathname === "/");
    return {
      painted: probe.paintedAt,
      probe,
      fromWorker: document?.fromWorker ?? null,
      status: document?.status ?? null,
      trace: events ? traceLongTasks(events, { threshold: 30 }) : null,
    };
  } finally {
    await browser.close();
  }
}

const cleanups = [];
let result;
let raw;
try {
  const startLoad = load();
  const app = copyOfBuild("bench-pages");
  cleanups.push(() => rmSync(app, { recursive: true, force: true }));
  const server = await serve(app, await freePort());
  cleanups.push(() => server.stop());

  // 1, 2, 4, 5. First visits: each page as a new reader, without its scripts and as a returning
  // reader, the order turning each run.
  const visits = Object.fromEntries(PAGES.map((p) => [p.key, { app: [], html: [], returning: [] }]));
  const KINDS = ["app", "html", "returning"];
  for (let run = 0; run < RUNS; run++) {
    for (const page of PAGES) {
      for (const kind of [...KINDS.slice(run % 3), ...KINDS.slice(0, run % 3)]) {
        const visit = await firstVisit(`${server.url}${page.path}`, page, { scripts: kind !== "html", returning: kind === "returning" });
        visits[page.key][kind].push(visit);
        console.error(
          `bench-pages: run ${run + 1}/${RUNS} ${page.path} ${{ app: "new reader", html: "HTML only", returning: "returning reader" }[kind]}: content on screen ${ms(visit.painted)}` +
            (kind === "returning" ? `, app took over ${ms(visit.probe.takeoverAt)}` : kind === "app" ? `, app ${visit.appStarted ? "started" : "not started"}` : ""),
        );
      }
    }
  }
  // A new reader reaching for the search box: the app started by the tap.
  const reach = { early: [], ready: [] };
  if (PAGES.some((p) => p.key === "ru-rights")) {
    for (let i = 0; i < RUNS; i++) {
      for (const afterWorker of [false, true]) {
        const r = await reachForSearch(`${server.url}/ru/rights`, { afterWorker });
        reach[afterWorker ? "ready" : "early"].push(r);
        console.error(`bench-pages: reach for search ${afterWorker ? "once the worker keeps the app" : "1 s after the load"} ${i + 1}/${RUNS}: app took over ${ms(r.takeover)} after the tap`);
      }
    }
  }
  // One traced first visit of a returning reader (not counted): the app's start-up's long tasks on the emulated phone, by trace event.
  const traced = arg("--skip-trace") ? null : await firstVisit(`${server.url}/ru/rights`, ALL_PAGES[0], { scripts: true, returning: true, trace: true });

  // 3. Offline cold start of the installed app, the browser in Kyrgyz and in Russian.
  const offline = {};
  let offlineTraced = null;
  for (const scenario of OFFLINE) {
    const profile = mkdtempSync(join(tmpdir(), "jardam-pages-installed-"));
    cleanups.push(() => rmSync(profile, { recursive: true, force: true }));
    const installServer = await serve(app, await freePort());
    try {
      await install(installServer.url, profile, scenario.locale);
    } finally {
      await installServer.stop();
    }
    const starts = (offline[scenario.key] = []);
    for (let i = 0; i < scenario.runs; i++) {
      starts.push(await offlineStart(installServer.url, profile, { locale: scenario.locale, warm: scenario.warm }));
      const { probe } = starts.at(-1);
      console.error(
        `bench-pages: offline cold start (${scenario.locale}) ${i + 1}/${scenario.runs}: list on screen ${ms(probe.paintedAt)} in the ${probe.contentIn}, ` +
          `h1 "${probe.h1.first}"` + (probe.h1.takeover ? ` → "${probe.h1.takeover}"` : ""),
      );
    }
    if (scenario.key === "ky" && !arg("--skip-trace")) offlineTraced = await offlineStart(installServer.url, profile, { locale: scenario.locale, trace: true });
  }

  // 6. Lighthouse, its own Chromium on a fresh profile: /ru/rights and /rights alternately.
  const lh = { "/ru/rights": [], "/rights": [] };
  if (!arg("--skip-lighthouse")) {
    const traceFile = join(tmpdir(), `jardam-lh-trace-${process.pid}.json`);
    for (let i = 0; i < LH_RUNS; i++) {
      for (const path of Object.keys(lh)) {
        const run = lighthouse(root, `${server.url}${path}`, { tracePath: traceFile });
        // Lighthouse records the trace unthrottled and simulates a 4× slower CPU.
        run.traceTasks = traceLongTasks(readTrace(traceFile), { threshold: 50 / CPU_SLOWDOWN });
        lh[path].push(run);
        console.error(`bench-pages: Lighthouse ${path} ${i + 1}/${LH_RUNS}: ${run.performance}, LCP ${ms(run.lcp)}, TBT ${ms(run.tbt)}`);
      }
    }
  }
  const endLoad = load();

  // The report.
  const date = new Date().toISOString().slice(0, 10);
  const chromium = execFileSync(process.env.CHROMIUM || "/usr/bin/chromium", ["--version"], { encoding: "utf8" }).trim();
  const v = (key, kind) => visits[key]?.[kind] ?? [];
  const painted = (key, kind) => v(key, kind).map((x) => x.painted);
  const firstRow = (page, before) => {
    const withApp = painted(page.key, "app");
    const html = painted(page.key, "html");
    const ratio = med(withApp) / med(html);
    return (
      `| \`${page.path}\` (${page.type}) | ${before} | ${ms(med(withApp))}${range(withApp)} | ${ms(med(html))}${range(html)} | ` +
      `${ratio.toFixed(2)}× | ${yes(med(withApp) <= GOAL_MS)} / ${yes(ratio <= GOAL_RATIO)} |`
    );
  };
  const shown = (key) => PAGES.some((p) => p.key === key);
  const page = (key) => ALL_PAGES.find((p) => p.key === key);
  const firstTable = [
    "| page | before | with scripts, a new reader: median (min–max) | HTML only: median (min–max) | ratio | ≤ 1,200 ms / ≤ 1.3× |",
    "|---|---:|---:|---:|---:|---|",
  ];
  const lines = [
    HEADING,
    "",
    `Produced by \`node scripts/bench-pages.mjs\` on ${date} (${chromium}, headless, loopback) on ${cpus().length} × ${cpus()[0]?.model ?? "CPU"} ` +
      `(${cpus().length} cores, shared; load average ${startLoad} at the start, ${endLoad} at the end): a copy of the release build in dist/ served by nginx ` +
      `(deploy/nginx.conf), mobile emulation (360×640, DPR 2, touch, browser language ru-RU), CPU slowed ${CPU_SLOWDOWN}× ` +
      `(CDP Emulation.setCPUThrottlingRate) and slow 4G as DevTools applies it (562.5 ms per request, 1.47 Mbit/s down, ` +
      `0.68 Mbit/s up). Every first visit is a new browser on an empty profile, ${runs(RUNS)} per page; "HTML only" is the same ` +
      `page with every \`*.js\` and \`*.wasm\` request blocked (CDP Network.setBlockedURLs, URL patterns); a "returning reader" has ` +
      `the first-start questions answered on the phone (saved; no service worker yet), so the app starts at once, where a new ` +
      `reader's starts only when a control is reached for (none is, here); the three run in turn. ` +
      `"On screen": an init script checks for the content on every DOM mutation from the start of parsing (content in the HTML ` +
      `counts as the parser inserts it), at DOMContentLoaded and in every animation frame; on screen is then the ` +
      `element's own paint as element timing reports it (the probe marks it \`elementtiming\` when found, before its ` +
      `first paint), or where no entry comes the next animation frame and a task, never before the first contentful ` +
      `paint; times are from navigation start. "Before": the figures of "Cheap phone" on ` +
      `2026-11-22, when the app drew every screen itself (/rights, language en).`,
    "",
    "**First visit: first useful content on screen** (the article list; on the other pages their contacts, the contact's number, the checklist's steps)",
    "",
    ...firstTable,
    ...["ru-rights", "rights", "start", "hotlines", "contact", "checklist"].filter(shown).map((key) => firstRow(page(key), key === "ru-rights" || key === "rights" ? ms(BEFORE.firstList) : "")),
    "",
  ];
  {
    const all = (kind) => PAGES.flatMap((p) => v(p.key, kind));
    const blocking = (kind) => ms(med(all(kind).map((x) => x.blocking)));
    lines.push(
      `A new reader's app started in ${all("app").filter((x) => x.appStarted).length} of ${all("app").length} visits. Main-thread blocking ` +
        `in the page after the first contentful paint (long tasks' time over 50 ms, summed, to ${"1.5 s"} after the load; medians over every page): ` +
        `new reader ${blocking("app")}, HTML only ${blocking("html")}, returning reader (the app's start-up) ${blocking("returning")}.`,
      "",
    );
  }
  if (reach.early.length) {
    const row = (label, rs) => `| ${label} | ${ms(med(rs.map((r) => r.takeover)))}${range(rs.map((r) => r.takeover))} |`;
    lines.push(
      "**A new reader reaches for the search box (`/ru/rights`): from the tap until the app has taken over**",
      "",
      "| tapped | app took over after the tap: median (min–max) |",
      "|---|---:|",
      row("1 s after the load", reach.early),
      row('once the worker keeps the app ("Ready to work offline")', reach.ready),
      "",
      `${runs(RUNS)} each, a new browser on an empty profile every time. The tap starts the app (the starter); at the takeover the ` +
        `box, what was typed and the focus are the app's (the bench waits for the focus in the app's box).`,
      "",
    );
  }
  if (shown("article")) {
    lines.push("**A shared article link, first visit: the article's text on screen**", "", ...firstTable, firstRow(page("article"), ""), "");
  }
  if (Object.keys(offline).length) {
    lines.push(
      "**Offline cold start of the installed app, 4× CPU: the article list on screen**",
      "",
      "| browser language | before | list on screen: median (min–max) | every start | first contentful paint | app took over | shown first → after the takeover | goal ≤ 400 ms |",
      "|---|---:|---:|---|---:|---:|---|---|",
    );
    for (const scenario of OFFLINE) {
      const starts = offline[scenario.key];
      const t = starts.map((o) => o.painted);
      const p = starts.map((o) => o.probe);
      const seen = [...new Set(p.map((x) => `${x.contentIn === "static page" ? "static page" : "app shell"} "${x.h1.first}" (${x.lang.first}) → ${x.h1.takeover === null ? (x.takeoverAt === null ? "no static page to take over" : "–") : `"${x.h1.takeover}" (${x.lang.takeover})`}`))];
      lines.push(
        `| ${scenario.label} (${scenario.locale}), ${starts.length} starts | ${scenario.key !== "ru" ? ms(BEFORE.offline) : ""} | ${ms(med(t))}${range(t)} | ${t.map(ms).join(", ")} | ` +
          `${ms(med(p.map((x) => x.fcp).filter((x) => x !== null)))} | ${ms(med(p.map((x) => x.takeoverAt).filter((x) => x !== null)))} | ${seen.join("; ")} | ${yes(med(t) <= GOAL_OFFLINE)} |`,
      );
    }
    const fromWorker = Object.values(offline).flat().every((o) => o.fromWorker);
    const ky = offline.ky.map((o) => o.probe);
    const at = (f) => ms(med(ky.map(f).filter((x) => x != null)));
    lines.push(
      "",
      `Installed by visiting /ky/rights online until the service worker controlled the page, kept /ky/ for \`/\` and the app had taken over; then the browser closed, the server stopped, the same profile started again offline and ` +
        `opened \`/\`, each start a new browser (the last row: a new page in it, once it had shown a blank page and ` +
        `settled for 2 s). The document ${fromWorker ? "came from the service worker's caches every time" : "**did not always come from the service worker's caches**"}. ` +
        `Where the Kyrgyz starts' time goes (medians): ` +
        (med(ky.map((x) => x.navigation?.workerStart ?? 0)) === 0
          ? "the worker was not started for the document (the browser answered it from the worker's cache by its static route), "
          : `the worker started at ${at((x) => x.navigation?.workerStart)}, `) +
        `the document's response began at ${at((x) => x.navigation?.responseStart)} and ended at ${at((x) => x.navigation?.responseEnd)}, ` +
        `DOMContentLoaded at ${at((x) => x.domContentLoaded)}, first paint at ${at((x) => x.fcp)}. ` +
        `Before: a new page in the running browser (not a relaunch), /rights, the app drawing the list.`,
      "",
    );
  }
  const bytesPages = ["start", "article", "contact", "checklist", "hotlines", "ru-rights"].filter(shown);
  if (bytesPages.length) {
    lines.push(
      "**Bytes before the first useful paint, first visit (a new reader)**",
      "",
      "| page type | address | before the paint: median | files | whole visit (page's own requests) |",
      "|---|---|---:|---|---:|",
      ...bytesPages.map((key) => {
        const runs = v(key, "app");
        const typical = runs.find((r) => r.bytesBefore === median(runs.map((x) => x.bytesBefore))) ?? runs[0];
        return `| ${page(key).type} | \`${page(key).path}\` | ${kb(med(runs.map((r) => r.bytesBefore)))} | ${typical.filesBefore.join(", ")} | ${kb(med(runs.map((r) => r.bytesAll)))} |`;
      }),
      "",
      `CDP encodedDataLength of the page's responses that finished before the content was painted (gzip over plain HTTP: ` +
        `Chromium asks for brotli only over HTTPS). Before: nothing was drawn until the whole shell had arrived, ` +
        `${kb(BEFORE.shellBytes)} (the app shell and the feed manifest, "Cheap phone"). The service worker's precache runs in ` +
        `the worker, outside these counts.`,
      "",
    );
  }
  const takeoverPages = PAGES.map((p) => p.key);
  lines.push(
    "**The takeover, a returning reader's first visit: paints, the app replacing the static page, layout shifts**",
    "",
    "| page | first contentful paint | LCP (its element) | content on screen | app took over | frames without h1 / content after first shown | CLS (sum, largest of the runs) | h1 kept its text |",
    "|---|---:|---:|---:|---:|---:|---:|---|",
    ...takeoverPages.map((key) => {
      const runs = v(key, "returning");
      const p = runs.map((r) => r.probe);
      const lcpWhat = [...new Set(runs.map((r) => r.lcpWhat))].join("; ");
      const gaps = p.reduce((n, x) => n + x.h1Gaps.length, 0);
      const contentGaps = p.reduce((n, x) => n + x.contentGaps.length, 0);
      const kept = p.every((x) => x.h1.takeover === null || x.h1.takeover === x.h1.first);
      const changed = p.find((x) => x.h1.takeover !== null && x.h1.takeover !== x.h1.first);
      return (
        `| \`${page(key).path}\` | ${ms(med(p.map((x) => x.fcp)))} | ${ms(med(runs.map((r) => r.lcp)))} (${lcpWhat}) | ${ms(med(runs.map((r) => r.painted)))} | ` +
        `${ms(med(p.map((x) => x.takeoverAt).filter((x) => x !== null)))} | ${gaps} / ${contentGaps} | ${Math.max(...p.map((x) => x.cls)).toFixed(3)} | ` +
        `${kept ? "yes" : `**no**: "${changed.h1.first}" (${changed.lang.first}) → "${changed.h1.takeover}" (${changed.lang.takeover})`} |`
      );
    }),
    "",
    `Medians of ${runs(RUNS)}. The takeover is the moment the static page's root left <body> (a MutationObserver in the init ` +
      `script); an animation-frame loop notes in every frame whether the shown root's \`main\` has a rendered h1 and the ` +
      `content, and the frames without after they were first there are summed over all runs (goal 0). CLS: every ` +
      `layout-shift entry without recent input over the whole load (until ${"1.5 s"} after the takeover), summed.`,
    "",
  );
  const lhRuns = Object.entries(lh).filter(([, runs]) => runs.length);
  if (lhRuns.length) {
    const version = lhRuns[0][1][0].version;
    lines.push(
      `**Lighthouse ${version} mobile (simulated slow 4G, 4× CPU), every run**`,
      "",
      "| address | run | Performance | FCP | LCP | TBT | CLS | Accessibility / Best Practices |",
      "|---|---|---:|---:|---:|---:|---:|---|",
    );
    for (const [path, runs] of lhRuns) {
      runs.forEach((r, i) =>
        lines.push(`| \`${path}\` | ${i + 1} | ${r.performance} | ${ms(r.fcp)} | ${ms(r.lcp)} | ${ms(r.tbt)} | ${r.cls.toFixed(3)} | ${r.accessibility} / ${r.bestPractices} |`),
      );
      const m = (f) => med(runs.map(f));
      lines.push(`| \`${path}\` | **median** | **${m((r) => r.performance)}** | ${ms(m((r) => r.fcp))} | ${ms(m((r) => r.lcp))} | ${ms(m((r) => r.tbt))} | ${m((r) => r.cls).toFixed(3)} | |`);
    }
    const all = lhRuns.flatMap(([, runs]) => runs);
    const perfect = all.filter((r) => r.performance === 100 && r.lcp <= 1500 && r.tbt <= 150).length;
    const elements = [...new Set(all.map((r) => r.lcpElement).filter(Boolean))];
    lines.push(
      "",
      `Goal: Performance 100 with LCP ≤ 1.5 s and TBT ≤ 150 ms: ${perfect} of ${all.length} runs. Before (/rights): ${BEFORE.lighthouse}. ` +
        `LCP element: ${elements.map((e) => `\`${e.replace(/`/g, "'").replace(/\|/g, "\\|")}\``).join("; ") || "–"}.`,
      ...(all.some((r) => r.failed.length) ? [`Audits below full score (any run): ${[...new Set(all.flatMap((r) => r.failed))].join(", ")}.`] : []),
      "",
    );
  }
  result = lines.join("\n");
  raw = { date, chromium, load: { start: startLoad, end: endLoad }, visits, reach, traced, offline, offlineTraced, lighthouse: lh };

  // The long tasks (for whoever shortens them), on the console.
  const report = [];
  for (const [path, runs] of lhRuns) {
    runs.forEach((r, i) => {
      report.push(`Lighthouse ${path} run ${i + 1}: TBT ${ms(r.tbt)}; long tasks (simulated): ` + (r.longTasks.map((t) => `${ms(t.duration)} at ${ms(t.startTime)} ${fileName(t.url.startsWith("http") ? t.url : "http://x/" + t.url)} {${Object.entries(t).filter(([k]) => !["url", "duration", "startTime"].includes(k)).map(([k, x]) => `${k} ${x}`).join(", ")}}`).join("; ") || "none"));
      for (const t of r.traceTasks.tasks) report.push(`    trace (unthrottled): ${ms(t.duration)} at ${ms(t.start)}: ${t.parts.map(([name, d]) => `${name} ${ms(d)}`).join(", ")}`);
    });
  }
  if (traced?.trace) {
    report.push(`Traced first visit of /ru/rights by a returning reader (DevTools throttling, 4× CPU): content on screen ${ms(traced.painted)}, app took over ${ms(traced.probe.takeoverAt)}; long tasks:`);
    for (const t of traced.trace.tasks) report.push(`    ${ms(t.duration)} at ${ms(t.start)}: ${t.parts.map(([name, d]) => `${name} ${ms(d)}`).join(", ")}`);
  }
  if (offlineTraced?.trace) {
    report.push(`Traced offline cold start (4× CPU): list on screen ${ms(offlineTraced.painted)}, FCP ${ms(offlineTraced.probe.fcp)}, app took over ${ms(offlineTraced.probe.takeoverAt)}; tasks ≥ 30 ms:`);
    for (const t of offlineTraced.trace.tasks) report.push(`    ${ms(t.duration)} at ${ms(t.start)}: ${t.parts.map(([name, d]) => `${name} ${ms(d)}`).join(", ")}`);
  }
  for (const key of Object.keys(visits)) {
    const runs = visits[key].app;
    report.push(`Long tasks in the page (PerformanceObserver, 4× CPU) ${page(key).path}: ` + runs.map((r) => r.longTasks.map((t) => `${t.d} ms@${t.t}`).join(" ") || "none").join(" | "));
  }
  console.error(report.join("\n"));
} finally {
  for (const cleanup of cleanups.reverse()) await cleanup();
  clearTimeout(watchdog);
}

mkdirSync(join(root, "tests", "output"), { recursive: true });
writeFileSync(join(root, "tests", "output", "bench-pages.json"), JSON.stringify(raw, null, 1));
console.log(result);
if (arg("--dry-run")) console.error("bench-pages: --dry-run: BENCHMARKS.md left as it is; raw figures in tests/output/bench-pages.json");
else writeSection(HEADING, result, "bench-pages");
