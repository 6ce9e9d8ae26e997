// What a reader sees on a 320 and a 360 px phone (issue #17), offline, in each of the five
// languages, on every screen: no line ends inside a word unless at a hyphen the word has (each
// word's line boxes are read with Range.getClientRects()); no word of another language's UI
// strings in a text that is in the reader's language where the reader's own strings exist (a
// fallback item in Russian is marked lang="ru" and checked as Russian); and on Hotlines and Help
// now the first call button is on screen without scrolling, above the bottom navigation.
import { before, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { servedApp } from "./served-app.mjs";
import { goTab, root } from "./support.mjs";
import { readLocale } from "./locales.mjs";
import { SCREENS } from "./screen-list.mjs";

const LANGS = ["ky", "ru", "uz", "tg", "en"];
const SIZES = [
  { width: 320, height: 640 },
  { width: 360, height: 740 },
];
/** Screens whose first call button must be visible without scrolling. */
const CALL_FIRST = ["/hotlines", "/help"];

/** Lower-case words of at least four letters in `text`. */
const words = (text) => (text.toLowerCase().match(/[\p{L}\p{M}ʻʼ'’]{4,}/gu) ?? []).map((w) => w.replace(/['’ʼ]/g, ""));

/** Every string of a content pack (titles, bodies, names, notes, sources…), as one text. */
function packText(lang) {
  const dir = join(root, "dist", "feed", "packs");
  const file = readdirSync(dir).find((name) => name.startsWith(`${lang}.`));
  const out = [];
  const walk = (value) => {
    if (typeof value === "string") out.push(value);
    else if (value && typeof value === "object") Object.values(value).forEach(walk);
  };
  walk(JSON.parse(readFileSync(join(dir, file), "utf8")));
  return out.join("\n");
}

/**
 * Per language, the words that must not appear in its text: words of the other languages' UI
 * strings that are in neither its own UI strings nor its content (where a loanword is its own).
 */
function foreignWords() {
  const ui = Object.fromEntries(LANGS.map((lang) => [lang, new Set(words(Object.values(readLocale(lang)).flat().join("\n")))]));
  return Object.fromEntries(
    LANGS.map((lang) => {
      const own = new Set([...ui[lang], ...words(packText(lang))]);
      const foreign = new Set();
      for (const other of LANGS.filter((l) => l !== lang)) for (const word of ui[other]) if (!own.has(word)) foreign.add(word);
      return [lang, [...foreign]];
    }),
  );
}

const app = servedApp({ name: "layout", offline: true });
let foreign;

before(() => {
  foreign = foreignWords();
});

/** Switches the app to `lang` in More. */
async function useLanguage(lang) {
  const { page, url } = app;
  await page.goto(`${url}/more`);
  await page.locator("#language").selectOption(lang);
  await page.waitForFunction((code) => document.documentElement.lang === code, lang);
  // The language's content pack is in place once an article written in it is listed in it.
  await goTab(page, "rights");
  await page.locator(`#articles li[data-id="police-check"][lang="${lang}"]`).waitFor();
}

/** Lines that end inside a word without a hyphen, and words of another language, on the page. */
function inspect(foreignList) {
  const foreignSet = new Set(foreignList);
  const broken = [];
  const mixed = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement;
    // Sources are English citations by design; addresses are not words.
    if (!el || !el.checkVisibility() || el.closest(".sources, .short-url, a[href^='http'], a[href^='mailto:'], svg")) continue;
    const text = node.textContent;
    const lang = el.closest("[lang]")?.lang;
    for (const match of text.matchAll(/[\p{L}\p{M}\p{N}ʻʼ'’-]+/gu)) {
      const word = match[0];
      const start = match.index;
      const range = document.createRange();
      range.setStart(node, start);
      range.setEnd(node, start + word.length);
      const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
      if (tops.size > 1) {
        // Where does the line change? Allowed only right after a hyphen the word has.
        let previousTop = null;
        for (let i = 0; i < word.length; i++) {
          range.setStart(node, start + i);
          range.setEnd(node, start + i + 1);
          const rect = [...range.getClientRects()].find((r) => r.width > 0);
          if (!rect) continue;
          const top = Math.round(rect.top);
          if (previousTop !== null && top !== previousTop && !["-", "\u00ad"].includes(word[i - 1])) {
            broken.push(`"${word.slice(0, i)}|${word.slice(i)}" in <${el.tagName.toLowerCase()} class="${el.className}">`);
            break;
          }
          previousTop = top;
        }
      }
      const clean = word.toLowerCase().replace(/['’ʼ]/g, "");
      if (lang && lang === document.documentElement.lang && clean.length >= 4 && foreignSet.has(clean)) {
        mixed.push(`"${word}" in <${el.tagName.toLowerCase()} class="${el.className}">: ${text.trim().slice(0, 80)}`);
      }
    }
  }
  return { broken: [...new Set(broken)], mixed: [...new Set(mixed)] };
}

/** Whether the first call link on the page is fully visible above the bottom navigation. */
function firstCallVisible() {
  const call = document.querySelector("main a[href^='tel:']");
  if (!call) return "no call button";
  const box = call.getBoundingClientRect();
  const floor = document.querySelector("nav.tabs")?.getBoundingClientRect().top ?? window.innerHeight;
  return box.top >= 0 && box.bottom <= floor ? true : `its bottom is at ${Math.round(box.bottom)} px, the visible area ends at ${Math.round(floor)} px`;
}

for (const size of SIZES) {
  test(`at ${size.width} px in five languages: words whole, one language, call buttons in view`, async () => {
    const { page, url } = app;
    await page.setViewportSize(size);
    const problems = [];
    for (const lang of LANGS) {
      await useLanguage(lang);
      for (const path of SCREENS) {
        await page.goto(`${url}${path}`);
        await page.locator("main .screen").first().waitFor();
        await page.locator("main :is(h1, .sheet-brand, .contact h3)").first().waitFor();
        if (CALL_FIRST.includes(path)) await page.locator("main a[href^='tel:']").first().waitFor();
        const { broken, mixed } = await page.evaluate(inspect, foreign[lang]);
        for (const b of broken) problems.push(`${lang} ${size.width}px ${path}: word broken ${b}`);
        for (const m of mixed) problems.push(`${lang} ${size.width}px ${path}: another language's word ${m}`);
        if (CALL_FIRST.includes(path)) {
          const visible = await page.evaluate(firstCallVisible);
          if (visible !== true) problems.push(`${lang} ${size.width}px ${path}: first call button not in view: ${visible}`);
        }
      }
    }
    assert.deepEqual(problems, []);
  });
}
