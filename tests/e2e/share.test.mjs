// Sharing, offline: the QR code on Share decodes to the app's address, consultant mode shows
// all five languages and asks to keep the screen on, every item has a share link that opens it
// offline, the poster and handout render for print (screenshots in tests/output/), and the
// content hand-off file: a newer valid file updates the content, a tampered, older or foreign
// file is refused and nothing changes, and an exported file updates another phone.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openApp, servedApp } from "./served-app.mjs";
import { appShown, root } from "./support.mjs";
import { buildFeed, deriveFeed, readFeed } from "./feed-server.mjs";

const jsQR = readFileSync(join(root, "tests", "node_modules", "jsqr", "dist", "jsQR.js"), "utf8");
const output = join(root, "tests", "output");
const CHANGED = { article: "police-check", en: "Stopped by the police: what to do (hand-off edition)" };
const app = servedApp({ name: "share", offline: true }, (app) =>
  app.context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: app.url }),
);
let feeds, bundledVersion;

/** A hand-off file made from a feed folder, as Jardam writes them. */
function handOff(dir) {
  const { bytes, manifest } = readFeed(dir);
  const packs = {};
  for (const [lang, entry] of Object.entries(manifest.packs)) {
    packs[lang] = readFileSync(join(dir, entry.file), "utf8");
  }
  const signature = readFileSync(join(dir, "manifest.json.sig"), "utf8");
  return { format: "jardam-content", manifest: bytes.toString("utf8"), signature, packs };
}

const asFile = (name, bundle) => ({
  name,
  mimeType: "application/json",
  buffer: Buffer.from(typeof bundle === "string" ? bundle : JSON.stringify(bundle)),
});

before(() => {
  feeds = mkdtempSync(join(tmpdir(), "jardam-share-feeds-"));
  const bundled = readFeed(join(root, "dist", "feed"));
  bundledVersion = bundled.manifest.content_version;
  buildFeed(join(feeds, "newer"), { contentVersion: bundledVersion + 1, title: CHANGED });
  deriveFeed(join(root, "dist", "feed"), join(feeds, "older"), { ...bundled.manifest, content_version: 0 });
  mkdirSync(output, { recursive: true });
});

after(() => {
  if (feeds) rmSync(feeds, { recursive: true, force: true });
});

/** Draws the page's QR code on a canvas and decodes it with jsQR. */
async function decodeQr(page, selector) {
  await page.evaluate(jsQR);
  return page.evaluate((sel) => {
    // Drawn from the path itself (the policy allows no data: images).
    const svg = document.querySelector(sel);
    const side = svg.viewBox.baseVal.width;
    const scale = 400 / side;
    const canvas = Object.assign(document.createElement("canvas"), { width: 400, height: 400 });
    const context = canvas.getContext("2d");
    context.fillStyle = "#fff";
    context.fillRect(0, 0, 400, 400);
    context.scale(scale, scale);
    context.fillStyle = "#000";
    context.fill(new Path2D(svg.querySelector("path").getAttribute("d")));
    const pixels = context.getImageData(0, 0, 400, 400);
    return window.jsQR(pixels.data, 400, 400)?.data ?? null;
  }, selector);
}

test("the QR code on Share decodes to the app's address; the link can be copied", async () => {
  const { page, url } = app;
  await page.goto(`${url}/more`);
  await page.locator("#open-share").click();
  await page.locator('section[data-screen="share"] svg.qr').waitFor();
  assert.equal(await decodeQr(page, 'section[data-screen="share"] svg.qr'), `${url}/`);
  assert.equal(await page.locator(".short-url").textContent(), url.replace("http://", ""));
  await page.locator("#copy-app-link").click();
  await page.locator("#share-status", { hasText: "Link copied" }).waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), `${url}/`);
  const steps = await page.locator(".install-steps li").allTextContents();
  assert.match(steps.join("\n"), /Android, Chrome.*Install app/);
  assert.match(steps.join("\n"), /iPhone, Safari.*Add to Home Screen/);
});

test("consultant mode: a big code, the steps in all five languages, the screen kept on", async () => {
  const { page, url } = app;
  await page.addInitScript(() => {
    window.__wakeLocks = [];
    if (navigator.wakeLock) {
      const request = navigator.wakeLock.request.bind(navigator.wakeLock);
      navigator.wakeLock.request = (type) => (window.__wakeLocks.push(type), request(type));
    }
  });
  await page.goto(`${url}/share/consultant`);
  await page.locator("#consultant svg.qr").waitFor();
  await page.waitForFunction(() => document.querySelectorAll(".consultant-lang").length === 5);
  assert.equal(await decodeQr(page, "#consultant svg.qr"), `${url}/`);
  const langs = await page.locator(".consultant-lang").evaluateAll((els) => els.map((e) => e.lang));
  assert.deepEqual(langs.sort(), ["en", "ky", "ru", "tg", "uz"]);
  const box = await page.locator("#consultant svg.qr").boundingBox();
  assert.ok(box.width >= 280, `the code fills the 320 px screen: ${box.width}px`);
  assert.deepEqual(await page.evaluate(() => window.__wakeLocks), ["screen"]);
});

test("every article, contact and checklist has a share link that opens it offline", async () => {
  const { page, url } = app;
  for (const [path, title] of [
    ["/rights/police-check", 'article[data-id="police-check"] h1'],
    ["/hotlines/kg-embassy-moscow", 'article.contact[data-id="kg-embassy-moscow"]'],
    ["/checklists/lost-passport", 'section[data-screen="checklist"] h1'],
  ]) {
    await page.goto(`${url}${path}`);
    await appShown(page);
    await page.locator(title).waitFor();
    await page.locator("#share-item").click();
    await page.locator(".share-status", { hasText: "Link copied" }).waitFor();
    const link = await page.evaluate(() => navigator.clipboard.readText());
    // The link names the reader's language, so it opens the page in it.
    assert.equal(link, `${url}/en${path}`);
    const fresh = await page.context().newPage();
    await fresh.goto(link);
    await fresh.locator(title).waitFor();
    await fresh.close();
  }
});

test("the A4 poster and A6 handout render for print", async () => {
  const { page, url } = app;
  for (const size of ["poster", "handout"]) {
    await page.goto(`${url}/share/${size}`);
    await page.locator("#print-sheet svg.qr").waitFor();
    // Print stays off until the numbers to remember are on the sheet.
    const print = page.locator("#print-now:enabled");
    await print.waitFor();
    assert.notEqual(await page.locator(".sheet-numbers li").count(), 0, "numbers shown once Print is on");
    await page.emulateMedia({ media: "print" });
    const shown = await page.evaluate(() => ({
      nav: getComputedStyle(document.querySelector("nav.tabs")).display,
      button: document.querySelector("#print-now").checkVisibility(),
      numbers: document.querySelector(".sheet-numbers").textContent,
    }));
    assert.equal(shown.nav, "none", "no navigation on paper");
    assert.equal(shown.button, false, "no Print button on paper");
    assert.match(shown.numbers, /112/);
    await page.screenshot({ path: join(output, `print-${size}.png`), fullPage: true });
    assert.equal(await decodeQr(page, "#print-sheet svg.qr"), `${url}/`);
    await page.emulateMedia({ media: "screen" });
  }
});

test("before the flight: consultant mode, poster and handout say why to install now", async () => {
  const { page, url } = app;
  await page.goto(`${url}/share`);
  for (const id of ["open-consultant-departure", "open-poster-departure", "open-handout-departure"]) {
    await page.locator(`#${id}`).waitFor();
  }
  await page.goto(`${url}/share/consultant-departure`);
  await page.locator("#consultant svg.qr").waitFor();
  await page.waitForFunction(() => document.querySelectorAll(".consultant-lang .departure").length === 5);
  const notes = await page.locator(".consultant-lang").evaluateAll((els) =>
    els.map((e) => [e.lang, e.querySelector(".departure")?.textContent ?? ""]),
  );
  assert.deepEqual(notes.map(([lang]) => lang).sort(), ["en", "ky", "ru", "tg", "uz"]);
  for (const [lang, note] of notes) assert.match(note, /24/, `${lang}: the 24 hours without mobile data`);
  assert.equal(new Set(notes.map(([, note]) => note)).size, 5, "each language's own words");
  assert.equal(await decodeQr(page, "#consultant svg.qr"), `${url}/`);
  for (const size of ["poster", "handout"]) {
    await page.goto(`${url}/share/${size}-departure`);
    await page.locator("#print-sheet svg.qr").waitFor();
    assert.match(await page.locator("#print-sheet .departure").textContent(), /^Install now, before you fly: .*24 hours/);
    await page.goto(`${url}/share/${size}`);
    await page.locator("#print-sheet svg.qr").waitFor();
    assert.equal(await page.locator("#print-sheet .departure").count(), 0, "the ordinary sheet has no departure line");
  }
});

async function importFile(page, file) {
  await page.locator("#import-content").setInputFiles(file);
  await page.waitForFunction(() => document.querySelector("#handoff-status")?.dataset.ok);
  return {
    ok: await page.locator("#handoff-status").getAttribute("data-ok"),
    text: await page.locator("#handoff-status").textContent(),
  };
}

async function policeTitle(page, url) {
  await page.goto(`${url}/rights/police-check`);
  return page.locator('article[data-id="police-check"] h1').textContent();
}

test("hand-off files: tampered, foreign and same-version ones are refused, a newer one is taken", async () => {
  const { page, url } = app;
  const before = await policeTitle(page, url);
  await page.goto(`${url}/share`);

  const newer = handOff(join(feeds, "newer"));
  const tampered = structuredClone(newer);
  tampered.packs.en = tampered.packs.en.replace(CHANGED.en, CHANGED.en.replace("police", "Police"));
  let result = await importFile(page, asFile("tampered.json", tampered));
  assert.equal(result.ok, "false");
  assert.match(result.text, /does not match the signed list|wrong size/);

  result = await importFile(page, asFile("photo.json", "not a content file"));
  assert.deepEqual(result, { ok: "false", text: "This is not a Jardam content file. Nothing changed." });

  result = await importFile(page, asFile("same.json", handOff(join(root, "dist", "feed"))));
  assert.equal(result.ok, "false");
  assert.match(result.text, new RegExp(`already have \\(version ${bundledVersion}\\)`));
  assert.equal(await policeTitle(page, url), before, "nothing changed");

  await page.goto(`${url}/share`);
  result = await importFile(page, asFile("newer.json", newer));
  assert.deepEqual(result, { ok: "true", text: `Content updated from the file: version ${bundledVersion + 1}.` });
  assert.equal(await policeTitle(page, url), CHANGED.en);

  await page.goto(`${url}/share`);
  result = await importFile(page, asFile("older.json", handOff(join(feeds, "older"))));
  assert.equal(result.ok, "false");
  assert.match(result.text, new RegExp(`older content \\(version 0\\) than yours \\(version ${bundledVersion + 1}\\)`));
  await app.reopen();
  assert.equal(await policeTitle(app.page, url), CHANGED.en, "the newer content is kept after a restart");
});

test("a saved content file updates another phone that has older content", async () => {
  const { page, url } = app;
  await page.goto(`${url}/share`);
  const [download] = await Promise.all([page.waitForEvent("download"), page.locator("#export-content").click()]);
  assert.equal(download.suggestedFilename(), `jardam-content-v${bundledVersion + 1}.json`);
  const saved = JSON.parse(readFileSync(await download.path(), "utf8"));
  assert.equal(saved.format, "jardam-content");
  assert.deepEqual(Object.keys(saved.packs).sort(), ["en", "ru"], "the packs this phone holds");
  writeFileSync(join(output, "exported-content.json"), JSON.stringify(saved));

  const other = await openApp({ name: "share-other", offline: true });
  try {
    await other.page.goto(`${other.url}/share`);
    const result = await importFile(other.page, join(output, "exported-content.json"));
    assert.equal(result.ok, "true", result.text);
    assert.equal(await policeTitle(other.page, other.url), CHANGED.en);
  } finally {
    await other.close();
    rmSync(join(output, "exported-content.json"), { force: true });
  }
});
