// What the benchmark scripts share: the emulated cheap phone (CPU, network, screen), what they
// measure inside the page (when useful content is painted, paints, layout shifts, the app taking
// over from a static page), bytes per request, Lighthouse, and a trace's long tasks.
import { execFileSync } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";

export const CPU_SLOWDOWN = 4;
/** Lighthouse's mobile slow 4G as DevTools throttling applies it (per request). */
export const SLOW_4G = {
  offline: false,
  latency: 150 * 3.75,
  downloadThroughput: (1.6 * 1024 * 0.9 * 1024) / 8,
  uploadThroughput: (750 * 0.9 * 1024) / 8,
};
export const MOBILE = {
  viewport: { width: 360, height: 640 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
  userAgent:
    "Mozilla/5.0 (Linux; Android 11; moto g power (2022)) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/125.0.0.0 Mobile Safari/537.36",
};

/** A CDP session on `page` with the phone's CPU (and, unless offline, network) applied. */
export async function throttle(context, page, { network = true } = {}) {
  const cdp = await context.newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: CPU_SLOWDOWN });
  await cdp.send("Network.enable");
  if (network) await cdp.send("Network.emulateNetworkConditions", SLOW_4G);
  return cdp;
}

/**
 * Bytes received per request of `page` (CDP encodedDataLength at loadingFinished), with when the
 * request finished on the wall clock (`finishedAt`, ms since the epoch, comparable with the
 * page's performance.timeOrigin) and whether it was blocked or failed.
 */
export function recordBytes(cdp) {
  const requests = new Map();
  let wallOffset = null; // ms: wall clock − CDP's monotonic clock
  cdp.on("Network.requestWillBeSent", ({ requestId, request, timestamp, wallTime }) => {
    if (wallOffset === null && wallTime) wallOffset = wallTime * 1000 - timestamp * 1000;
    requests.set(requestId, { url: request.url, bytes: 0, status: 0, fromWorker: false, finishedAt: null, failed: null });
  });
  cdp.on("Network.responseReceived", ({ requestId, response }) => {
    const r = requests.get(requestId);
    if (r) Object.assign(r, { status: response.status, fromWorker: response.fromServiceWorker === true });
  });
  cdp.on("Network.loadingFinished", ({ requestId, encodedDataLength, timestamp }) => {
    const r = requests.get(requestId);
    if (r) Object.assign(r, { bytes: encodedDataLength, finishedAt: timestamp * 1000 + (wallOffset ?? 0) });
  });
  cdp.on("Network.loadingFailed", ({ requestId, errorText, blockedReason }) => {
    const r = requests.get(requestId);
    if (r) r.failed = blockedReason || errorText || "failed";
  });
  return requests;
}

/** `/jardam-app-0123456789abcdef_bg.wasm` → `/jardam-app-HASH_bg.wasm` (and the strings files). */
export const fileName = (url) =>
  new URL(url).pathname.replace(/-[0-9a-f]{13,16}(?=[._])/, "-HASH").replace(/\.[0-9a-f]{16}\.json$/, ".json");

/**
 * An init script (argument: `{ content: [selector, …], heading }`): what a page load looks like
 * to its reader, in `window.__probe`, every time in ms from navigation start.
 * - `contentAt`: the first moment one of the `content` selectors matches an element of the shown
 *   root (`body>.app:not([hidden])`: a static page's, or the app's once it is shown) with no
 *   hidden ancestor, checked on every DOM mutation from the start of parsing (so content in the
 *   HTML counts when the parser inserts it), at DOMContentLoaded and in every animation frame
 *   (there also rendered: checkVisibility); `frameAfter`: after the frame that follows
 *   (requestAnimationFrame, then a task); `elementAt`: the element's paint as element timing
 *   reports it (the probe gives it an `elementtiming` attribute when found, before its first
 *   paint); `paintedAt`, on screen: `elementAt` where reported, else `frameAfter` but not
 *   before the first contentful paint (set by probeResult);
 * - `fp`, `fcp`, `lcp` (every candidate, with its element), `shifts` and `cls` (layout shifts
 *   without recent input, summed, and the largest session window), `longTasks`;
 * - `takeoverAt`: when the static page's root (`body>.app[data-static]`) left the page;
 * - `navigation`, `resources`: the document's and the files' timing entries at the load event;
 * - per animation frame: whether the shown root has a rendered `heading` (by default `main h1`)
 *   and the content;
 *   `h1Gaps` / `contentGaps`: frames without it after the first frame that had it,
 *   `framesBeforeH1`: frames before that (counted from the first frame after first paint).
 */
export const PAGE_PROBE = ({ content, heading = "main h1" }) => {
  if (window.top !== window || window.__probe) return;
  const shown = "body>.app:not([hidden])";
  const wanted = content.map((s) => `${shown} ${s}`).join(", ");
  const p = (window.__probe = {
    timeOrigin: performance.timeOrigin,
    contentAt: null, contentHow: null, contentIn: null, contentWhat: null, paintedAt: null, frameAfter: null, elementAt: null,
    fp: null, fcp: null, lcp: [], shifts: [], cls: 0, clsWindow: 0, longTasks: [],
    takeoverAt: null, staticPage: false, domContentLoaded: null, load: null,
    frames: 0, framesBeforeH1: 0, firstH1Frame: null, h1Gaps: [], contentGaps: [],
    h1: { first: null, takeover: null }, lang: { first: null, takeover: null },
  });
  const rendered = (el) => (el.checkVisibility ? el.checkVisibility() : el.getClientRects().length > 0);
  const inStatic = (el) => el?.closest?.("[data-static]") != null;
  const describe = (el) => {
    if (!el || !el.tagName) return "(gone)";
    const cls = typeof el.className === "string" && el.className.trim() ? "." + el.className.trim().split(/\s+/).join(".") : "";
    const where = inStatic(el) ? "static page" : el.isConnected ? "app" : "gone";
    return `${el.tagName.toLowerCase()}${el.id ? "#" + el.id : ""}${cls} (${where})`;
  };
  // Outside animation frames only the DOM is read (no hidden ancestor), so that the probe never
  // forces a style or layout pass while the page is parsed.
  const firstShown = (styled) => {
    for (const el of document.querySelectorAll(wanted)) if (!el.closest("[hidden]") && (!styled || rendered(el))) return el;
    return null;
  };
  const h1 = (styled = true) => {
    const el = document.querySelector(`${shown} ${heading}`);
    return el && !el.closest("[hidden]") && (!styled || rendered(el)) ? el : null;
  };
  const text = (el) => el?.textContent.replace(/\s+/g, " ").trim() ?? null;
  let bodyWatched = false;
  const check = (how) => {
    if (!bodyWatched && document.body) watchBody();
    if (p.contentAt !== null) return true;
    const el = firstShown(how === "animation frame");
    if (!el) return false;
    p.contentAt = performance.now();
    p.contentHow = how;
    p.contentIn = inStatic(el) ? "static page" : "app";
    p.contentWhat = describe(el);
    // Element timing gives the paint's own time; the attribute counts only before the element's
    // first paint, and text is reported for the block that holds it: the element and what is in it.
    for (const e of [el, ...el.querySelectorAll("*")].slice(0, 20)) if (!e.hasAttribute("elementtiming")) e.setAttribute("elementtiming", "jardam-probe");
    p.h1.first = text(h1(false));
    p.lang.first = document.documentElement.lang;
    requestAnimationFrame(() => setTimeout(() => (p.paintedAt = performance.now())));
    return true;
  };
  // Until the content is found: every mutation of the document, parser insertions included.
  const parsing = new MutationObserver(() => check("DOM mutation") && parsing.disconnect());
  parsing.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ["hidden", "class"] });
  // The whole load: the body's children, for the static root leaving.
  const watchBody = () => {
    bodyWatched = true;
    p.staticPage = document.querySelector("body>.app[data-static]") !== null || p.staticPage;
    new MutationObserver((records) => {
      if (p.takeoverAt !== null) return;
      for (const record of records)
        for (const node of record.removedNodes)
          if (node.nodeType === 1 && node.matches(".app[data-static]")) {
            p.takeoverAt = performance.now();
            p.h1.takeover = text(h1(false));
            p.lang.takeover = document.documentElement.lang;
            return;
          }
    }).observe(document.body, { childList: true });
  };
  document.addEventListener("DOMContentLoaded", () => {
    p.domContentLoaded = performance.now();
    p.staticPage = document.querySelector("body>.app[data-static]") !== null;
    check("DOMContentLoaded");
  });
  addEventListener("load", () => {
    p.load = performance.now();
    const [nav] = performance.getEntriesByType("navigation");
    const round = (x) => Math.round(x * 10) / 10;
    if (nav) p.navigation = Object.fromEntries(["workerStart", "fetchStart", "requestStart", "responseStart", "responseEnd", "domInteractive", "domContentLoadedEventStart"].map((k) => [k, round(nav[k])]));
    p.resources = performance.getEntriesByType("resource").map((r) => ({ name: new URL(r.name).pathname, start: round(r.startTime), end: round(r.responseEnd), worker: r.workerStart > 0 }));
  });
  const frame = () => {
    if (p.stopped) return;
    check("animation frame");
    p.frames++;
    const now = performance.now();
    const hasH1 = h1() !== null;
    if (p.firstH1Frame === null) {
      if (hasH1) p.firstH1Frame = now;
      else if (p.fp !== null || p.frames > 1) p.framesBeforeH1++;
    } else if (!hasH1 && p.h1Gaps.length < 100) p.h1Gaps.push(Math.round(now));
    if (p.contentAt !== null && firstShown(true) === null && p.contentGaps.length < 100) p.contentGaps.push(Math.round(now));
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
  const observe = (type, each) => {
    try {
      new PerformanceObserver((list) => list.getEntries().forEach(each)).observe({ type, buffered: true });
    } catch {}
  };
  observe("paint", (e) => (p[e.name === "first-paint" ? "fp" : "fcp"] = e.startTime));
  observe("largest-contentful-paint", (e) => p.lcp.push({ t: e.startTime, size: e.size, what: describe(e.element) }));
  let session = { start: -1, last: -1, value: 0 };
  observe("layout-shift", (e) => {
    if (e.hadRecentInput) return;
    p.cls += e.value;
    if (session.start < 0 || e.startTime - session.last > 1000 || e.startTime - session.start > 5000) session = { start: e.startTime, last: e.startTime, value: 0 };
    session.value += e.value;
    session.last = e.startTime;
    p.clsWindow = Math.max(p.clsWindow, session.value);
    if (p.shifts.length < 20) p.shifts.push({ t: Math.round(e.startTime), value: e.value, sources: (e.sources ?? []).map((s) => describe(s.node)) });
  });
  observe("element", (e) => {
    if (e.identifier === "jardam-probe") p.elementAt = Math.min(p.elementAt ?? Infinity, e.renderTime || e.loadTime);
  });
  observe("longtask", (e) => p.longTasks.push({ t: Math.round(e.startTime), d: Math.round(e.duration) }));
};

/**
 * Waits until the probe saw the content painted (and, with `takeover`, the app take the page
 * over), then `settle` ms more (late paints and shifts); stops the probe and returns it.
 */
export async function probeResult(page, { takeover = false, settle = 1500, timeout = 60000 } = {}) {
  const poll = { timeout, polling: 200 };
  await page.waitForFunction(() => window.__probe?.paintedAt != null, null, poll);
  // The app shown: in place of a static page, or (no static page) in place of the boot splash.
  if (takeover)
    await page.waitForFunction(
      () => window.__probe.takeoverAt != null || (!window.__probe.staticPage && document.querySelector("body>.app:not([data-static]):not([hidden])")),
      null,
      poll,
    );
  await page.waitForFunction(() => window.__probe.load != null, null, poll);
  await new Promise((resolve) => setTimeout(resolve, settle));
  return page.evaluate(() => {
    const p = window.__probe;
    p.stopped = true;
    // On screen: the content's own paint (element timing) where the browser reported it; else the
    // frame after it was found, and never before the first contentful paint.
    p.frameAfter = p.paintedAt;
    p.paintedAt = p.elementAt ?? Math.max(p.paintedAt, p.fcp ?? 0);
    p.paintedHow = p.elementAt !== null ? "element timing" : "frame after";
    return JSON.parse(JSON.stringify(p));
  });
}

/**
 * An init script: records when the first article of /rights is in the shown root
 * (`window.__articlesAt`) and the frame after, when it is on screen (`window.__articlesPainted`).
 * The list may be in the HTML (a static page) or drawn by the app: checked on every mutation
 * from the start of parsing, at DOMContentLoaded and in every animation frame until found.
 */
export const ARTICLES_PROBE = () => {
  if (window.top !== window) return;
  const seen = () => {
    if (window.__articlesAt) return true;
    const li = document.querySelector("body>.app:not([hidden]) #articles li");
    if (!li || li.closest("[hidden]")) return false;
    window.__articlesAt = performance.now();
    requestAnimationFrame(() => setTimeout(() => (window.__articlesPainted = performance.now())));
    return true;
  };
  const observer = new MutationObserver(() => seen() && observer.disconnect());
  observer.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ["hidden"] });
  document.addEventListener("DOMContentLoaded", seen);
  const frame = () => seen() || requestAnimationFrame(frame);
  requestAnimationFrame(frame);
};

/** Milliseconds from navigation start until the article list was painted in `page`. */
export async function articlesPaintedAt(page, timeout = 60000) {
  await page.waitForFunction(() => window.__articlesPainted !== undefined, null, { timeout, polling: 100 });
  return page.evaluate(() => window.__articlesPainted);
}

/**
 * Lighthouse, mobile preset (simulated slow 4G + 4× CPU), in its own Chromium against `url`:
 * scores 0–100, metrics, the LCP element and its phases, and the long tasks (simulated
 * durations, with their time by task group). With `tracePath`, the trace is written there.
 */
export function lighthouse(root, url, { tracePath } = {}) {
  const script = `
    import lighthouse from "lighthouse";
    import * as chromeLauncher from "chrome-launcher";
    import { writeFileSync } from "node:fs";
    const [url, tracePath] = process.argv.slice(1);
    const chrome = await chromeLauncher.launch({
      chromePath: process.env.CHROMIUM || "/usr/bin/chromium",
      chromeFlags: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });
    try {
      const result = await lighthouse(url, {
        port: chrome.port, output: "json", logLevel: "error",
        onlyCategories: ["performance", "accessibility", "best-practices"],
      });
      const lhr = result.lhr;
      if (tracePath) writeFileSync(tracePath, JSON.stringify(result.artifacts.Trace));
      const score = (id) => Math.round((lhr.categories[id].score ?? 0) * 100);
      const failed = Object.values(lhr.audits)
        .filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode !== "informative"
          && a.scoreDisplayMode !== "manual" && a.scoreDisplayMode !== "notApplicable")
        .map((a) => a.id);
      const lcpElement = lhr.audits["largest-contentful-paint-element"]?.details?.items ?? [];
      const node = lcpElement[0]?.items?.[0]?.node;
      const phases = (lcpElement[1]?.items ?? []).map((i) => [i.phase, Math.round(i.timing)]);
      const long = lhr.audits["long-tasks"]?.details;
      const debug = long?.debugData;
      console.log(JSON.stringify({
        version: lhr.lighthouseVersion,
        performance: score("performance"), accessibility: score("accessibility"),
        bestPractices: score("best-practices"),
        fcp: lhr.audits["first-contentful-paint"].numericValue,
        lcp: lhr.audits["largest-contentful-paint"].numericValue,
        tbt: lhr.audits["total-blocking-time"].numericValue,
        cls: lhr.audits["cumulative-layout-shift"].numericValue,
        si: lhr.audits["speed-index"].numericValue,
        lcpElement: node ? (node.selector + " " + (node.snippet || "")).slice(0, 160) : null,
        lcpPhases: phases,
        longTasks: (debug?.tasks ?? []).map(({ urlIndex, ...t }) => ({ url: debug.urls[urlIndex], ...t })),
        bootup: (lhr.audits["bootup-time"]?.details?.items ?? []).map((i) => ({ url: i.url, total: Math.round(i.total), scripting: Math.round(i.scripting), parseCompile: Math.round(i.scriptParseCompile) })),
        mainThread: (lhr.audits["mainthread-work-breakdown"]?.details?.items ?? []).map((i) => [i.group, Math.round(i.duration)]),
        failed,
      }));
    } finally {
      await chrome.kill();
    }`;
  const out = execFileSync("node", ["--input-type=module", "-e", script, url, tracePath ?? ""], {
    cwd: join(root, "tests"),
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
    timeout: 5 * 60 * 1000,
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(out.trim().split("\n").pop());
}

/** Trace categories for long-task attribution (what DevTools' Performance panel records, and V8's compile and wasm events). */
export const TRACE_CATEGORIES = [
  "toplevel",
  "devtools.timeline",
  "disabled-by-default-devtools.timeline",
  "blink.user_timing",
  "loading",
  "v8",
  "v8.execute",
  "disabled-by-default-v8.compile",
  "v8.wasm",
  "disabled-by-default-v8.wasm.detailed",
];

/** Starts a trace on `cdp` (a page's session); returns a function that stops it and resolves to its events. */
export async function startTrace(cdp) {
  await cdp.send("Tracing.start", { transferMode: "ReturnAsStream", traceConfig: { includedCategories: TRACE_CATEGORIES } });
  return async () => {
    const complete = new Promise((resolve) => cdp.once("Tracing.tracingComplete", resolve));
    await cdp.send("Tracing.end");
    const { stream } = await complete;
    let text = "";
    for (;;) {
      const chunk = await cdp.send("IO.read", { handle: stream, size: 1 << 20 });
      text += chunk.base64Encoded ? Buffer.from(chunk.data, "base64").toString("utf8") : chunk.data;
      if (chunk.eof) break;
    }
    await cdp.send("IO.close", { handle: stream });
    const parsed = JSON.parse(text);
    return Array.isArray(parsed) ? parsed : parsed.traceEvents;
  };
}

/** Reads a trace Lighthouse wrote (see `lighthouse(…, { tracePath })`) and removes the file. */
export function readTrace(path) {
  const parsed = JSON.parse(readFileSync(path, "utf8"));
  rmSync(path, { force: true });
  return Array.isArray(parsed) ? parsed : parsed.traceEvents;
}

/**
 * The long tasks of a trace: top-level tasks of the page's renderer main thread of at least
 * `threshold` ms (as recorded), from navigation start, each with the events that took its time
 * (self time by event, with the script or function they ran).
 */
export function traceLongTasks(events, { threshold = 50, origin = "http://127.0.0.1", top = 10 } = {}) {
  const threadNames = new Map();
  for (const e of events) if (e.ph === "M" && e.name === "thread_name") threadNames.set(`${e.pid}:${e.tid}`, e.args?.name);
  const navigations = events.filter((e) => e.name === "navigationStart" && String(e.args?.data?.documentLoaderURL ?? "").startsWith(origin));
  const navigation = navigations.at(-1);
  if (!navigation) return { error: "no navigation to the server in the trace", tasks: [] };
  const key = `${navigation.pid}:${navigation.tid}`;
  const base = navigation.ts;
  const onThread = events.filter((e) => `${e.pid}:${e.tid}` === key && e.ph === "X" && typeof e.dur === "number" && e.ts >= base).sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const isTask = (e) => e.name === "RunTask" || e.name === "ThreadControllerImpl::RunTask";
  const tasks = [];
  let end = -1;
  for (const e of onThread) {
    if (!isTask(e) || e.ts < end) continue;
    end = e.ts + e.dur;
    if (e.dur / 1000 >= threshold) tasks.push(e);
  }
  const base_name = (url) => String(url || "").replace(/^https?:\/\/[^/]+/, "").replace(/-[0-9a-f]{13,16}(?=[._])/, "-HASH") || "";
  const label = (e) => {
    const d = e.args?.data ?? e.args ?? {};
    const url = base_name(d.url || d.fileName || d.stackTrace?.[0]?.url);
    if (e.name === "FunctionCall") return `FunctionCall ${d.functionName || "(anonymous)"}${url ? " " + url : ""}`;
    if (url && /Script|compile|Compile|wasm|Wasm|ParseHTML|ResourceFinish/i.test(e.name)) return `${e.name} ${url}`;
    return e.name;
  };
  const result = [];
  for (const task of tasks.sort((a, b) => b.dur - a.dur).slice(0, top)) {
    const inside = onThread.filter((e) => e !== task && e.ts >= task.ts && e.ts + e.dur <= task.ts + task.dur);
    // Self time of each event: its duration minus its direct children's.
    const stack = [];
    const self = new Map();
    const add = (e, us) => self.set(label(e), (self.get(label(e)) ?? 0) + us);
    const nodes = inside.map((e) => ({ e, children: 0 }));
    let covered = 0;
    for (const node of nodes) {
      while (stack.length && node.e.ts >= stack.at(-1).e.ts + stack.at(-1).e.dur) {
        const done = stack.pop();
        add(done.e, done.e.dur - done.children);
      }
      if (stack.length) stack.at(-1).children += node.e.dur;
      else covered += node.e.dur;
      stack.push(node);
    }
    while (stack.length) {
      const done = stack.pop();
      add(done.e, done.e.dur - done.children);
    }
    if (task.dur - covered > 0) self.set("(task itself)", task.dur - covered);
    const parts = [...self].sort((a, b) => b[1] - a[1]).slice(0, 5).map(([name, us]) => [name, Math.round(us / 100) / 10]);
    result.push({ start: Math.round((task.ts - base) / 1000), duration: Math.round(task.dur / 100) / 10, parts });
  }
  return { tasks: result.sort((a, b) => a.start - b.start) };
}
