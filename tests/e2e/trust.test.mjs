// What the app says about how far to trust an item, offline on a 320-pixel phone with the clock
// fixed: the review level in words with the number of sources and the date, numbered sources,
// figures shown as possibly changed only after their period ends, proposals marked as not law,
// machine translations marked, in all five languages, and axe-core finds no WCAG 2.2 AA violation.
import { test } from "node:test";
import assert from "node:assert/strict";
import { servedApp } from "./served-app.mjs";
import { axeViolations, openScreen } from "./support.mjs";

const DECEMBER = new Date("2026-12-15T12:00:00+03:00");
const NEXT_YEAR = new Date("2027-01-02T12:00:00+03:00");
const LANGS = ["ru", "ky", "en", "uz", "tg"];

const app = servedApp({ name: "trust", offline: true }, (app) => app.context.clock.setFixedTime(DECEMBER));

/** Opens an article and waits until it is drawn whole. */
async function article(id) {
  await openScreen(app.page, app.url, `/rights/${id}`);
  return app.page;
}

/** Switches the app to `lang` with More → Language (offline, its pack comes from the bundled feed). */
async function useLanguage(lang) {
  const { page, url } = app;
  await page.goto(`${url}/more`);
  await page.locator("#language").selectOption(lang);
  await page.waitForFunction((code) => document.documentElement.lang === code, lang);
}

test("the review level says who checked it against how many sources and when, and sources are numbered", async () => {
  const page = await article("registration-eaeu");
  const line = page.locator(".verified").last(); // the article's own, after its contacts' cards
  assert.equal(await line.getAttribute("data-level"), "checked-against-sources");
  assert.equal(await line.getAttribute("data-checked-on"), "2026-12-01");
  assert.match(
    await line.textContent(),
    /^Checked by the editors against 6 sources on Dec 1, 2026 · not a lawyer's advice$/,
  );
  assert.equal(await page.locator("ol.sources > li").count(), 6);
  const first = await page.locator("ol.sources > li").first().locator("a").getAttribute("href");
  const reference = page.locator(`.body a[href="${first}"]`).first();
  assert.equal(await reference.textContent(), "[1]", "the text's [1] links to source 1");
  const own = page.locator('article[data-id="registration-eaeu"]');
  assert.equal(await own.locator("[data-review=needs-legal-review]").count(), 0);
});

test("figures are marked as possibly changed only after their period, by the device's clock", async () => {
  let page = await article("patent-monthly-payment");
  assert.equal(await page.locator("[data-mark=expired]").count(), 0, "31 Dec 2026 is still ahead on 15 Dec");
  assert.match(await page.locator('[data-mark=valid-until][data-date="2026-12-31"]').textContent(), /These figures hold until Dec 31, 2026\./);

  page = await article("ruid-biometrics");
  const expired = page.locator('[data-mark=expired][data-date="2026-06-30"]');
  assert.match(await expired.textContent(), /^For the period until Jun 30, 2026 — these figures may have changed since/);
  const own = page.locator('article[data-id="ruid-biometrics"]');
  assert.equal(await own.locator("[data-review=needs-legal-review]").count(), 1, "weak sources stay marked");
  assert.equal(await page.locator(".verified").last().getAttribute("data-level"), "needs-legal-review");

  await app.context.clock.setFixedTime(NEXT_YEAR);
  page = await article("patent-monthly-payment");
  await page.locator('[data-mark=expired][data-date="2026-12-31"]').waitFor();
  await app.context.clock.setFixedTime(DECEMBER);
});

test("proposals live in their own category and say they are not law, with the date", async () => {
  const { page, url } = app;
  await page.goto(`${url}/rights`);
  await page.locator("#articles li").first().waitFor();
  await article("proposed-changes");
  const mark = page.locator('[data-mark=proposed][data-date="2026-12-01"]');
  assert.match(await mark.textContent(), /^Proposed, not law yet — as of Dec 1, 2026\./);
  const rules = await article("ruid-biometrics");
  assert.equal(await rules.locator("[data-mark=proposed]").count(), 0, "a rule in force carries no proposal mark");
});

test("every language shows the marks in its own words, and machine translations say so", async () => {
  const shown = {};
  for (const lang of LANGS) {
    await useLanguage(lang);
    const page = await article("ruid-biometrics");
    await page.waitForFunction((code) => document.documentElement.lang === code, lang);
    const texts = {
      level: (await page.locator(".verified").last().textContent()).trim(),
      expired: (await page.locator("[data-mark=expired]").textContent()).trim(),
    };
    const proposal = await article("proposed-changes");
    texts.proposed = (await proposal.locator("[data-mark=proposed]").textContent()).trim();
    for (const [mark, text] of Object.entries(texts)) assert.ok(text.length > 10, `${lang}: ${mark} is shown`);
    // The pack of the reader's language replaces the bundled Russian one once it is read.
    const textLang = lang === "uz" || lang === "tg" ? "ru" : lang;
    const own = proposal.locator(`article[data-id="proposed-changes"][lang="${textLang}"]`);
    await own.waitFor();
    if (textLang !== lang) await own.locator("[data-fallback=ru]").waitFor();
    const machine = await own.locator("[data-review=machine-translated]").count();
    const fallback = await own.locator("[data-fallback=ru]").count();
    // proposed-changes is written in ru and en by the editors and machine-translated into ky.
    assert.equal(machine, lang === "ky" ? 1 : 0, `${lang}: machine-translation mark`);
    assert.equal(fallback, lang === "uz" || lang === "tg" ? 1 : 0, `${lang}: shown in Russian`);
    shown[lang] = texts;
  }
  for (const lang of LANGS.filter((l) => l !== "en")) {
    for (const mark of Object.keys(shown.en)) {
      assert.notEqual(shown[lang][mark], shown.en[mark], `${lang}: ${mark} is not the English text`);
    }
  }
  await useLanguage("en");
});

test("the marked screens pass axe-core (WCAG 2.2 AA) and fit 320 px", async () => {
  for (const id of ["registration-eaeu", "ruid-biometrics", "proposed-changes", "patent-monthly-payment"]) {
    const page = await article(id);
    const violations = await axeViolations(page);
    assert.deepEqual(violations, [], `axe on /rights/${id}`);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 320, `/rights/${id} scrolls sideways: ${width}px`);
  }
});
