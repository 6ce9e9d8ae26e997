// Shared helpers of the end-to-end tests: serve a build with the repo's nginx configuration on
// loopback, and drive Debian's Chromium through playwright-core (never a downloaded browser).
import { spawn, execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer, connect } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

export const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

/**
 * The closers of every browser and server still open. A test that fails before closing its own
 * would keep the test file's process, and with it the whole suite, waiting; whatever is left is
 * closed when the file's tests have ended, and the failure is reported as it happened.
 */
const stillOpen = new Set();
// Only under the test runner (it marks the files it runs): scripts that use these helpers, such
// as the benchmarks, close what they open themselves and must not start a test run.
if (process.env.NODE_TEST_CONTEXT) {
  const { after } = await import("node:test");
  after(async () => {
    for (const close of [...stillOpen]) await close().catch(() => {});
  });
}

/** Registers `close` until it has run once; returns the closer to call instead. */
function tracked(close) {
  const once = async () => {
    stillOpen.delete(once);
    await close();
  };
  stillOpen.add(once);
  return once;
}

/** Chromium flags for this machine: no sandbox as root, no background traffic to Google. */
const FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** A free TCP port on 127.0.0.1. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function waitForPort(port, timeoutMs = 10000) {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const attempt = () => {
      const socket = connect(port, "127.0.0.1");
      socket.once("connect", () => {
        socket.end();
        resolve();
      });
      socket.once("error", () => {
        socket.destroy();
        if (Date.now() > deadline) reject(new Error(`nothing listens on port ${port}`));
        else setTimeout(attempt, 100);
      });
    };
    attempt();
  });
}

/** Serves `dir` with scripts/serve.sh (nginx) on `port`; resolves to a handle with stop(). */
export async function serve(dir, port) {
  const child = spawn(join(root, "scripts", "serve.sh"), [dir, String(port)], {
    stdio: ["ignore", "ignore", "inherit"],
  });
  const stop = tracked(
    () =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once("exit", resolve);
        child.kill("SIGTERM");
      }),
  );
  const exited = new Promise((resolve) => child.once("exit", (code) => resolve(`scripts/serve.sh ${dir} stopped (exit ${code})`)));
  const failure = await Promise.race([waitForPort(port).then(() => null, (error) => error.message), exited]);
  if (failure !== null) {
    await stop();
    throw new Error(`${failure} before port ${port} answered`);
  }
  return { url: `http://127.0.0.1:${port}`, stop };
}

/** A private copy of the release build in dist/, so a test may change it (mode 700, as mkdtemp makes it). */
export function copyOfBuild(label) {
  const dir = mkdtempSync(join(tmpdir(), `jardam-${label}-`));
  cpSync(join(root, "dist"), dir, { recursive: true });
  return dir;
}

/**
 * Chromium with a persistent temporary profile: Chrome reports incognito contexts as not
 * installable, so installability needs a real profile.
 */
export async function launch(options = {}) {
  const profile = mkdtempSync(join(tmpdir(), "jardam-profile-"));
  const browser = await launchProfile(profile, options);
  const close = tracked(async () => {
    await browser.close();
    rmSync(profile, { recursive: true, force: true });
  });
  return { context: browser.context, close };
}

/**
 * Resolves once `predicate(arg)`, run in `page` and awaited there, is truthy; polls every
 * `polling` ms. (Playwright's waitForFunction does not await a promise: an async predicate
 * would count as true at once.)
 */
export async function waitForAsync(page, predicate, arg, { timeout = 30000, polling = 200, what = "the condition" } = {}) {
  const deadline = Date.now() + timeout;
  for (;;) {
    if (await page.evaluate(predicate, arg)) return;
    if (Date.now() > deadline) throw new Error(`waited ${timeout} ms for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, polling));
  }
}

/** Resolves once a service worker controls the page. */
export async function waitForController(page) {
  await page.waitForFunction(() => navigator.serviceWorker && navigator.serviceWorker.controller !== null, null, {
    timeout: 30000,
  });
}

// ---------------------------------------------------------------------------------------------
// Feed sync helpers (served-app.mjs, sync.test.mjs, privacy.test.mjs, scripts/bench-sync.mjs)

/**
 * Re-runs the post-build step on `dir` with a build label and/or feed mirrors (base URLs
 * ending in `/`, tried in order). The bundled feed in DIR/feed is rebuilt by it.
 */
export function configure(dir, { label, mirrors } = {}) {
  const env = { ...process.env };
  if (label) env.JARDAM_BUILD_LABEL = label;
  if (mirrors) env.JARDAM_FEED_MIRRORS = mirrors.join(" ");
  try {
    execFileSync("node", [join(root, "scripts", "postbuild.mjs"), dir], { env, stdio: ["ignore", "pipe", "pipe"] });
  } catch (error) {
    throw new Error(`postbuild on ${dir} failed:\n${error.stderr}`);
  }
}

/** A private copy of dist/ whose app syncs from `mirrors`. */
export function buildWithMirrors(label, mirrors) {
  const dir = copyOfBuild(label);
  configure(dir, { label: `e2e-${label}`, mirrors });
  return dir;
}

/** Makes every page of `context` start in `lang` unless the user already chose one. */
export async function presetLanguage(context, lang) {
  await context.addInitScript((code) => {
    try {
      if (!localStorage.getItem("jardam.lang")) localStorage.setItem("jardam.lang", JSON.stringify(code));
    } catch {}
  }, lang);
}

/**
 * Resolves once the app has taken the page over: its own root is in the page, not a static
 * page's (`data-static`, scripts/postbuild/pages.mjs) or the boot splash.
 */
export async function appShown(page, { timeout = 30000 } = {}) {
  await page.locator("body>.app:not([data-static])").waitFor({ timeout });
}

/** Follows a bottom-navigation link (client-side: no reload, so no start-up sync). */
export async function goTab(page, name) {
  await appShown(page);
  await page.locator(`nav.tabs a[href="/${name}"]`).click();
  await page.waitForURL(new RegExp(`/${name}$`));
  await page.locator(`section[data-screen="${name}"]`).waitFor();
}

/** The articles on /rights: { id: title }, waiting until at least one is shown. */
export async function articleTitles(page, { timeout = 20000 } = {}) {
  await appShown(page, { timeout });
  await page.locator("#articles li[data-id]").first().waitFor({ timeout });
  return page.$$eval("#articles li[data-id]", (items) =>
    Object.fromEntries(items.map((li) => [li.dataset.id, (li.querySelector("strong") ?? li).textContent.trim()])),
  );
}

/** The diagnostics list on /more, newest first: [{ outcome, bytes, mirror, text }]. */
export async function diagnostics(page, { timeout = 20000 } = {}) {
  await page.locator("#diagnostics li").first().waitFor({ timeout });
  return page.$$eval("#diagnostics li", (items) =>
    items.map((li) => ({
      outcome: li.dataset.outcome,
      bytes: li.dataset.bytes === undefined ? null : Number(li.dataset.bytes),
      mirror: li.querySelector(".mirror")?.textContent.trim() ?? null,
      text: li.textContent.trim(),
    })),
  );
}

/** The header's content status: { text, version }. */
export async function contentStatus(page) {
  const status = page.locator("#content-status");
  await status.waitFor();
  return { text: (await status.textContent()).trim(), version: await status.getAttribute("data-content-version") };
}

/** Waits until no sync runs: the "Check for updates" button on /more is enabled again. */
export async function syncIdle(page, { timeout = 40000 } = {}) {
  await page.waitForFunction(() => {
    const button = document.querySelector("#check-updates");
    return button !== null && !button.disabled;
  }, null, { timeout, polling: 100 });
}

/**
 * Taps "Check for updates" on /more (navigating there client-side if needed) and waits until
 * `feed` (a FeedServer) has seen the manifest request and the check has finished.
 * Returns the index of the first request of this check in feed.requests.
 */
export async function checkForUpdates(page, feed, { timeout = 40000 } = {}) {
  if (!/\/more$/.test(page.url())) await goTab(page, "more");
  await syncIdle(page, { timeout });
  const from = feed.requests.length;
  await page.locator("#check-updates").click();
  await feed.waitFor((requests) => requests.slice(from).some((r) => r.method === "GET" && r.path.endsWith("/manifest.json")), {
    what: "manifest request after tapping Check for updates",
  });
  await syncIdle(page, { timeout });
  return from;
}

/**
 * Chromium on a given persistent profile folder, which is kept when the browser closes: for
 * starting the same installed app again (a cold launch).
 */
export async function launchProfile(profile, options = {}) {
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    headless: true,
    args: FLAGS,
    viewport: { width: 360, height: 740 },
    ...options,
  });
  return { context, close: tracked(() => context.close()) };
}

// ---------------------------------------------------------------------------------------------
// Screens drawn whole (the screen, large-text and trust tests measure them)

/** What each screen draws last, by its path: its content, the start-up sync's outcome, a QR code. */
const DRAWN_LAST = [
  [/^\/rights$/, () => "#articles li[data-id]"],
  [/^\/rights\/([a-z0-9-]+)$/, (id) => `article[data-id="${id}"] h1`],
  [/^\/hotlines$/, () => "#contacts article.contact"],
  [/^\/hotlines\/([a-z0-9-]+)$/, (id) => `article.contact[data-id="${id}"]`],
  [/^\/checklists$/, () => "#checklists li"],
  [/^\/checklists\/[a-z0-9-]+$/, () => 'section[data-screen="checklist"] ol.sources'],
  [/^\/letters$/, () => "#letter-list li"],
  [/^\/letters\/([a-z0-9-]+)$/, (id) => `article.letter[data-id="${id}"] h1`],
  [/^\/help$/, () => ".emergency-numbers a"],
  [/^\/more$/, () => "#check-updates:enabled"],
  [/^\/share$/, () => 'section[data-screen="share"] svg.qr'],
  [/^\/share\/(poster|handout)$/, () => "#print-now:enabled"],
];

/**
 * Opens `path` of the app at `url` and resolves once its screen is drawn whole: what the screen
 * draws last is there, the fonts are loaded and the browser has painted twice since.
 */
export async function openScreen(page, url, path) {
  await page.goto(`${url}${path}`);
  const found = DRAWN_LAST.map(([pattern, selector]) => [path.match(pattern), selector]).find(([match]) => match);
  if (!found) throw new Error(`openScreen: no idea what ${path} draws last`);
  const [[, ...groups], selector] = found;
  if (!path.startsWith("/letters")) await appShown(page);
  await page.locator(`main ${selector(...groups)}`).first().waitFor();
  await page.evaluate(async () => {
    await document.fonts.ready;
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  });
}

/** axe-core's script, read the first time a test asks for it. */
let axeSource;

/** The WCAG 2.2 AA violations axe-core finds on `page`, one line each: "rule: first targets". */
export async function axeViolations(page) {
  axeSource ??= readFileSync(join(root, "tests", "node_modules", "axe-core", "axe.min.js"), "utf8");
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const result = await window.axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
    });
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`);
  });
}
