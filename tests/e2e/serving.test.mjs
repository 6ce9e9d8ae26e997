// Production serving: the real nginx configuration (deploy/nginx.conf through scripts/serve.sh)
// sends the security headers and the caching rules, and the app runs a full tour, online and
// then offline from its service worker, without a single Content Security Policy violation or
// console error.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { servedApp } from "./served-app.mjs";
import { waitForController } from "./support.mjs";

let dir;
const app = servedApp({ name: "serving", label: "e2e-serving", browser: false }, (app) => ({ dir } = app));

const get = (path, headers = {}) => fetch(`${app.url}${path}`, { headers, redirect: "manual" });

/** The policy's directives: { name: [sources] }. */
function directives(policy) {
  return Object.fromEntries(
    policy
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...sources]) => [name, sources]),
  );
}

test("a build in a folder only its owner may enter is served (nginx works as the invoking user)", async () => {
  assert.equal(statSync(dir).mode & 0o777, 0o700);
  for (const path of ["/", "/rights/registration-eaeu", "/feed/manifest.json"]) {
    assert.equal((await get(path)).status, 200, path);
  }
});

test("the shell carries a strict Content Security Policy and the other security headers", async () => {
  for (const path of ["/", "/rights/registration-eaeu", "/feed/manifest.json", "/no-such-file.js"]) {
    const response = await get(path);
    const csp = response.headers.get("content-security-policy");
    assert.ok(csp, `${path} has no Content-Security-Policy`);
    const d = directives(csp);
    assert.deepEqual(d["default-src"], ["'none'"]);
    assert.deepEqual(d["frame-ancestors"], ["'none'"]);
    assert.deepEqual(d["object-src"], ["'none'"]);
    assert.deepEqual(d["base-uri"], ["'none'"]);
    for (const [name, sources] of Object.entries(d)) {
      for (const source of sources) {
        // Only keywords and hashes: no third-party origin, no wildcard, no inline allowance.
        assert.match(source, /^'(self|none|wasm-unsafe-eval|sha256-[A-Za-z0-9+/]+=*)'$/, `${name} ${source} in ${path}`);
      }
    }
    assert.equal(response.headers.get("referrer-policy"), "no-referrer");
    assert.equal(response.headers.get("x-content-type-options"), "nosniff");
    const permissions = response.headers.get("permissions-policy");
    for (const denied of ["geolocation=()", "camera=()", "microphone=()", "payment=()", "usb=()"]) {
      assert.ok(permissions.includes(denied), `${denied} missing in ${permissions}`);
    }
    assert.ok(permissions.includes("screen-wake-lock=(self)"), permissions);
  }
  // The hashes in the policy are those of index.html's one inline script, the bootstrap Trunk
  // wrote, and of the static pages' one line (the same in every page), and only those.
  const inlineScripts = (html) => [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
  const index = await (await get("/index.html")).text();
  const inline = inlineScripts(index);
  assert.equal(inline.length, 1, "Trunk's bootstrap is the only inline script");
  assert.match(inline[0], /module_or_path/, "the inline script is Trunk's bootstrap");
  const pageInline = inlineScripts(await (await get("/ky/rights")).text());
  assert.equal(pageInline.length, 1, "a static page has one inline script");
  const hashes = [...inline, ...pageInline].map((body) => `'sha256-${createHash("sha256").update(body).digest("base64")}'`);
  const scriptSrc = directives((await get("/")).headers.get("content-security-policy"))["script-src"];
  assert.deepEqual(scriptSrc, ["'self'", "'wasm-unsafe-eval'", ...hashes]);
  // The same policy is in the page for hosts that cannot send headers (without frame-ancestors).
  assert.ok(index.includes(`http-equiv="Content-Security-Policy"`), "no CSP <meta>");
  // The header rules for static hosts are not served.
  assert.equal((await get("/_headers")).status, 404);
});

test("entry points are revalidated, content-addressed files are immutable, the feed has ETags", async () => {
  for (const path of ["/", "/index.html", "/rights", "/sw.js", "/manifest.webmanifest", "/feed/manifest.json", "/feed/manifest.json.sig"]) {
    assert.equal((await get(path)).headers.get("cache-control"), "no-cache", path);
  }
  const hashed = readdirSync(dir).filter((f) => /-[0-9a-f]{8,16}(_bg)?\.(js|wasm|css)$/.test(f));
  assert.ok(hashed.length >= 3, hashed.join());
  for (const file of hashed) {
    assert.equal((await get(`/${file}`)).headers.get("cache-control"), "public, max-age=31536000, immutable", file);
  }
  // Packs are named after their content, so a pack name never serves other bytes: immutable.
  const manifest = JSON.parse(readFileSync(join(dir, "feed", "manifest.json"), "utf8"));
  for (const [lang, entry] of Object.entries(manifest.packs)) {
    const bytes = readFileSync(join(dir, "feed", entry.file));
    const sha = createHash("sha256").update(bytes).digest("hex");
    assert.equal(entry.file, `packs/${lang}.${sha.slice(0, 16)}.json`);
    assert.equal((await get(`/feed/${entry.file}`)).headers.get("cache-control"), "public, max-age=31536000, immutable");
  }
  // So are the UI strings files, checked by the app against the SHA-256 it was built with.
  const strings = readdirSync(join(dir, "l10n"));
  assert.equal(strings.length, 5, strings.join());
  for (const file of strings) {
    const sha = createHash("sha256").update(readFileSync(join(dir, "l10n", file))).digest("hex");
    assert.equal(file, `${file.split(".")[0]}.${sha.slice(0, 16)}.json`);
    assert.equal((await get(`/l10n/${file}`)).headers.get("cache-control"), "public, max-age=31536000, immutable", file);
  }
  // A missing feed file is a 404, never the shell.
  assert.equal((await get("/feed/packs/xx.0000000000000000.json")).status, 404);
  // The manifest answers a conditional request with 304.
  const first = await get("/feed/manifest.json", { "accept-encoding": "br" });
  const etag = first.headers.get("etag");
  assert.ok(etag, "the feed manifest has an ETag");
  await first.arrayBuffer();
  const again = await get("/feed/manifest.json", { "if-none-match": etag, "accept-encoding": "br" });
  assert.equal(again.status, 304);
  // The worker is always sent whole.
  assert.equal((await get("/sw.js")).headers.get("etag"), null);
  // Compressed where it pays.
  const wasm = hashed.find((f) => f.endsWith(".wasm"));
  const compressed = await get(`/${wasm}`, { "accept-encoding": "br, gzip" });
  assert.match(compressed.headers.get("content-encoding") ?? "", /^(br|gzip)$/);
});

/** Visits every tab and one detail page of each kind. */
async function tour(page, base) {
  await page.goto(`${base}/rights`);
  await page.locator("#articles li[data-id] a").first().click();
  await page.waitForURL(/\/rights\/[a-z0-9-]+$/);
  await page.locator("article, main").first().waitFor();
  for (const [tab, detail] of [
    ["hotlines", /\/hotlines\/[a-z0-9-]+$/],
    ["checklists", /\/checklists\/[a-z0-9-]+$/],
  ]) {
    await page.locator(`nav.tabs a[href="/${tab}"]`).click();
    await page.locator(`section[data-screen="${tab}"]`).waitFor();
    await page.locator(`section[data-screen="${tab}"] a[href^="/${tab}/"]`).first().click();
    await page.waitForURL(detail);
  }
  for (const tab of ["help", "more"]) {
    await page.locator(`nav.tabs a[href="/${tab}"]`).click();
    await page.locator(`section[data-screen="${tab}"]`).waitFor();
  }
}

test("a full tour online and offline raises no CSP violation and no console error", async () => {
  const browser = await app.open({ lang: "en" });
  const problems = [];
  try {
    const { context, page } = browser;
    await context.exposeBinding("__jardamViolation", (_source, text) => problems.push(`CSP: ${text}`));
    await context.addInitScript(() => {
      document.addEventListener("securitypolicyviolation", (e) =>
        window.__jardamViolation(`${e.violatedDirective} blocked ${e.blockedURI || "inline"} (${e.sourceFile}:${e.lineNumber})`),
      );
    });
    page.on("console", (message) => {
      // Every error counts; of the warnings, those about the policies (Trunk's preload links
      // draw an unrelated one about `integrity`).
      const policy = /Content[- ]Security[- ]Policy|Permissions[- ]Policy|Referrer/i.test(message.text());
      if (message.type() === "error" || (message.type() === "warning" && policy)) {
        problems.push(`console ${message.type()}: ${message.text()}`);
      }
    });
    page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
    await page.goto(`${app.url}/rights`);
    await waitForController(page);
    await tour(page, app.url);
    await context.setOffline(true);
    await page.reload();
    await tour(page, app.url);
    await page.goto(`${app.url}/hotlines`);
    await page.locator('section[data-screen="hotlines"]').waitFor();
    assert.deepEqual(problems, []);
    // The policy is enforced (offline too, from the worker's copy) and the listener works: an
    // injected inline script does not run and is reported.
    const ran = await page.evaluate(() => {
      document.addEventListener("securitypolicyviolation", () => (window.__reported = true), { once: true });
      const script = document.createElement("script");
      script.textContent = "window.__injected = true";
      document.head.append(script);
      return window.__injected === true; // an inline script that may run has run by now
    });
    assert.equal(ran, false, "an injected inline script ran");
    await page.waitForFunction(() => window.__reported === true);
    assert.ok(problems.some((p) => p.startsWith("CSP: script-src")), problems.join("\n"));
  } finally {
    await browser.close();
  }
});
