// Five languages, offline: once the app is installed and the server is gone, switching through
// ky, ru, uz, tg and en in More changes every screen at once (no reload), sets <html lang>, is
// remembered after a restart, and leaves no missing-key marker and no English on a non-English
// screen. Then: the letters of the five languages render with installed system fonts, never a
// downloaded one, and Roboto (stock Android's system font) has every one of them.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { servedApp } from "./served-app.mjs";
import { goTab, root } from "./support.mjs";
import { readLocale } from "./locales.mjs";

const LANGS = ["ky", "ru", "uz", "tg", "en"];
/** Latin words a Cyrillic screen may have: names of apps, Wi-Fi, ID (card), the languages' own names. */
const PROPER_NAMES = [
  "Jardam", "WhatsApp", "Telegram", "RuID", "RuStore", "Wi-Fi", "ID", "English", "Oʻzbekcha",
  // Names the content cites as they are written: a site, Telegram bots, phones and systems.
  "migrant.kg", "@pomoshrussiamigrant", "@huquqiy_yordam_uzbot", "SIM", "Android", "HarmonyOS", "iPhone",
];

const locales = Object.fromEntries(LANGS.map((lang) => [lang, readLocale(lang)]));
const KEYS = Object.keys(locales.en);

/** The fixed pieces of a text around its `{placeholders}`, long enough to be telling. */
function pieces(text) {
  return text
    .split(/\{[a-z_]+\}/)
    .map((piece) => piece.trim().replace(/^[\s.,:;·—–-]+|[\s.,:;·—–-]+$/g, ""))
    .filter((piece) => piece.length >= 4 && /\p{L}/u.test(piece));
}

/** English pieces that must not be seen on a screen in `lang`: those its own file lacks. */
function englishPieces(lang) {
  const own = locales[lang];
  const found = new Set();
  for (const key of KEYS) {
    const mine = own[key].join("\n");
    for (const text of locales.en[key]) {
      for (const piece of pieces(text)) if (!mine.includes(piece)) found.add(piece);
    }
  }
  return [...found];
}

const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** `piece` as a whole phrase: not inside a longer word. */
const phrase = (piece) => new RegExp(`(?<!\\p{L})${escape(piece)}(?!\\p{L})`, "u");

let url, page;
const app = servedApp({ name: "languages", offline: true, viewport: { width: 1280, height: 720 } }, (app) => ({ url, page } = app));
const latinSeen = [];


/** The text a reader sees: visible text nodes, accessible names and placeholders. */
async function visibleTexts() {
  return page.evaluate(() => {
    const texts = [document.title];
    const shown = (el) => el.checkVisibility({ visibilityProperty: true });
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement;
      // The language picker names each language in itself; sources are cited by their titles,
      // which content/ holds in one language only.
      if (!el || el.closest("select[id$=language], .sources, script, style") || !shown(el)) continue;
      if (node.textContent.trim()) texts.push(node.textContent.trim());
    }
    for (const el of document.querySelectorAll("[aria-label], [title], [placeholder], [alt]")) {
      if (!shown(el)) continue;
      for (const name of ["aria-label", "title", "placeholder", "alt"]) {
        const value = el.getAttribute(name);
        if (value) texts.push(value);
      }
    }
    return texts;
  });
}

/** Checks the screen shown now against the strings of `lang`. */
async function checkScreen(lang, where) {
  const texts = await visibleTexts();
  const all = texts.join("\n");
  assert.ok(texts.length > 3, `${lang} ${where}: nothing shown`);
  assert.doesNotMatch(all, /\{[a-z_]+\}/, `${lang} ${where}: a placeholder was not filled`);
  const keys = texts.filter((text) => KEYS.includes(text));
  assert.deepEqual(keys, [], `${lang} ${where}: a key name is shown instead of its text`);
  for (const selector of ["h1", "h2", "button", "label", "nav.tabs a"]) {
    const empty = await page.$$eval(selector, (els) =>
      els.filter((el) => el.checkVisibility() && !el.textContent.trim() && !el.getAttribute("aria-label")).length,
    );
    assert.equal(empty, 0, `${lang} ${where}: an empty ${selector}`);
  }
  if (lang === "en") return;
  const english = englishPieces(lang).filter((piece) => phrase(piece).test(all));
  assert.deepEqual(english, [], `${lang} ${where}: English UI text on a ${lang} screen`);
  if (lang !== "uz") {
    // A Cyrillic screen has no Latin words but proper names.
    const latin = await page.evaluate(() => {
      const words = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const el = node.parentElement;
        // Sources, the language picker, addresses (mail, web, feed mirror) and the version label.
        const skip = ".sources, select[id$=language], a[href^='mailto:'], a[href^='http'], .mirror, .version";
        if (!el || el.closest(skip) || !el.checkVisibility()) continue;
        words.push(...(node.textContent.match(/[A-Za-z][A-Za-zʻ]+/g) ?? []));
      }
      return words;
    });
    const allowed = new Set(PROPER_NAMES.flatMap((name) => name.split(/[^A-Za-zʻ]+/)));
    const unexpected = [...new Set(latin)].filter((word) => !allowed.has(word));
    if (unexpected.length) latinSeen.push(`${lang} ${where}: ${unexpected.join(" ")}`);
  }
}

/** Follows an in-app link (client-side) and waits for the detail screen. */
async function openLink(href, screen) {
  await page.locator(`main a[href="${href}"]`).first().click();
  await page.waitForURL(new RegExp(`${href}$`));
  await page.locator(`section[data-screen="${screen}"]`).waitFor();
}

/** Every tab, an article, a contact, a checklist and the officer card, checked in `lang`. */
async function visitEverything(lang) {
  await goTab(page, "rights");
  await page.locator("#articles li[data-id]").first().waitFor();
  await checkScreen(lang, "/rights");
  await openLink("/rights/police-check", "article");
  await page.locator('article[data-id="police-check"] h1').waitFor();
  await checkScreen(lang, "/rights/police-check");
  // Offline, a language chosen for the first time gets its content from the bundled feed the
  // worker precached: police-check is written in all five, so it is shown in the screen's own.
  await page.locator(`article[data-id="police-check"][lang="${lang}"]`).waitFor();
  const notes = page.locator('article[data-id="police-check"] > [data-fallback="ru"]');
  assert.equal(await notes.count(), 0, `${lang}: police-check needs no fallback note`);
  if (lang === "uz" || lang === "tg") {
    // This article has no Uzbek or Tajik text yet: it is shown in Russian, and says so.
    await page.locator(".back").click();
    await openLink("/rights/amina-moscow", "article");
    await page.locator('article[data-id="amina-moscow"][lang="ru"]').waitFor();
    assert.equal(await page.locator('article[data-id="amina-moscow"] > [data-fallback="ru"]').textContent(), locales[lang].not_translated[0]);
    await checkScreen(lang, "/rights/amina-moscow");
  }

  await goTab(page, "hotlines");
  await page.locator("article.contact").first().waitFor();
  await checkScreen(lang, "/hotlines");
  await openLink("/hotlines/kg-embassy-moscow", "contact");
  await page.locator('article.contact[data-id="kg-embassy-moscow"]').waitFor();
  await checkScreen(lang, "/hotlines/kg-embassy-moscow");

  await goTab(page, "checklists");
  await page.locator("#checklists li").first().waitFor();
  await checkScreen(lang, "/checklists");
  await openLink("/checklists/kg-kz-worker-arrival", "checklist");
  await page.locator("li.step").first().waitFor();
  await checkScreen(lang, "/checklists/kg-kz-worker-arrival");

  await goTab(page, "help");
  await page.locator('section[data-screen="help"] a[href="tel:112"]').waitFor();
  await checkScreen(lang, "/help");
  await page.locator("#show-officer").click();
  await page.locator("#officer-card").waitFor();
  await page.locator("#officer-card button").click();

  await goTab(page, "more");
  await checkScreen(lang, "/more");
}

test("switching through five languages offline changes every screen at once, with no English left", async () => {
  const welcome = page.locator("#welcome-skip");
  if (await welcome.isVisible()) await welcome.click();
  for (const lang of LANGS) {
    await goTab(page, "more");
    const stamp = await page.evaluate(() => (window.__jardamStamp = Math.random()));
    await page.locator("#language").selectOption(lang);
    await page.waitForFunction((code) => document.documentElement.lang === code, lang);
    await page.waitForFunction(
      (text) => document.querySelector('section[data-screen="more"] h1')?.textContent === text,
      locales[lang].nav_more[0],
    );
    await visitEverything(lang);
    assert.equal(await page.evaluate(() => window.__jardamStamp), stamp, `${lang}: the page reloaded`);

    await page.reload();
    await page.locator('section[data-screen="more"]').waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.lang), lang, `${lang}: forgotten after a restart`);
    assert.equal(await page.locator("#language").inputValue(), lang);
    assert.equal(await page.locator('section[data-screen="more"] h1').textContent(), locales[lang].nav_more[0]);
  }
  assert.deepEqual(latinSeen, [], "Latin words on a Cyrillic screen");
});

test("the five languages' letters render with installed system fonts, and Roboto has them all", async () => {
  const fontRequests = [];
  page.on("request", (request) => {
    if (request.resourceType() === "font" || /\.(woff2?|ttf|otf)(\?|$)/.test(request.url())) fontRequests.push(request.url());
  });
  await page.goto(`${url}/more`);
  await page.locator('section[data-screen="more"]').waitFor();
  // Kyrgyz and Tajik letters beyond Russian's, both cases, and Uzbek's oʻ gʻ (U+02BB) and ʼ (U+02BC).
  const letters = [..."ңөүӣӯҳҷқғҢӨҮӢӮҲҶҚҒʻʼ"];
  // Each letter in its own probe, once in the app's fonts and once in Roboto alone.
  await page.evaluate((chars) => {
    for (const [index, char] of chars.entries()) {
      for (const [prefix, family] of [["app", ""], ["roboto", "Roboto"]]) {
        const span = document.createElement("span");
        span.id = `probe-${prefix}-${index}`;
        span.textContent = char;
        span.style.fontFamily = family;
        document.querySelector("main").append(span);
      }
    }
  }, letters);
  const cdp = await app.context.newCDPSession(page);
  await cdp.send("DOM.enable");
  await cdp.send("CSS.enable");
  const { root: doc } = await cdp.send("DOM.getDocument");
  const fontsOf = async (selector) => {
    const { nodeId } = await cdp.send("DOM.querySelector", { nodeId: doc.nodeId, selector });
    return (await cdp.send("CSS.getPlatformFontsForNode", { nodeId })).fonts;
  };
  // A letter no installed font has is drawn as the font's missing-glyph box, the same picture as
  // a character that is in no font at all (U+10FFFD, private use).
  const boxes = await page.evaluate((chars) => {
    const canvas = Object.assign(document.createElement("canvas"), { width: 48, height: 48 });
    const ctx = canvas.getContext("2d", { willReadFrequently: true });
    const family = getComputedStyle(document.body).fontFamily;
    const picture = (char, font) => {
      ctx.font = `32px ${font}`;
      ctx.clearRect(0, 0, 48, 48);
      ctx.fillText(char, 8, 36);
      return ctx.getImageData(0, 0, 48, 48).data.join();
    };
    return [family, "Roboto"].map((font) => {
      const box = picture("\u{10FFFD}", font);
      return chars.filter((char) => picture(char, font) === box);
    });
  }, letters);
  assert.deepEqual(boxes, [[], []], "letters drawn as missing-glyph boxes (app fonts, Roboto)");
  for (const [index, char] of letters.entries()) {
    const app = await fontsOf(`#probe-app-${index}`);
    assert.equal(app.length, 1, `${char}: ${JSON.stringify(app)}`);
    assert.equal(app[0].isCustomFont, false, `${char} is drawn by a web font`);
    const roboto = await fontsOf(`#probe-roboto-${index}`);
    assert.deepEqual(roboto.map((f) => f.familyName), ["Roboto"], `${char} is not in Roboto`);
  }
  const faces = await page.evaluate(() =>
    [...document.styleSheets].flatMap((s) => [...s.cssRules]).filter((r) => r instanceof CSSFontFaceRule).length,
  );
  assert.equal(faces, 0, "no @font-face rule");
  assert.equal(await page.evaluate(() => document.fonts.size), 0, "no font is loaded by the page");
  assert.deepEqual(fontRequests, [], "no font file is requested");
});
