// The journey content of issue #16, per citizenship, offline on a 320-pixel phone in the reader's
// language: Hotlines leads with the reader's own embassy and folds other countries' missions
// away, Help now puts the reader's own mission beside 112, 102 and 103 and says that 112 works
// without a SIM card, and one new article, one new checklist and one new contact open with their
// sources, with axe-core finding no WCAG 2.2 AA violation on any of them.
import { test } from "node:test";
import assert from "node:assert/strict";
import { servedApp } from "./served-app.mjs";
import { axeViolations } from "./support.mjs";

const READERS = [
  { country: "KG", lang: "ky", article: "eaeu-contract-ended", checklist: "before-departure", contact: "kg-embassy-moscow" },
  { country: "KZ", lang: "ru", article: "self-employment", checklist: "wrongly-on-registry", contact: "kz-embassy-moscow" },
  { country: "UZ", lang: "uz", article: "patent-reissue", checklist: "patent-renewal", contact: "uz-embassy-moscow" },
  { country: "TJ", lang: "tg", article: "patent-two-regions", checklist: "before-departure", contact: "tj-embassy-moscow" },
];

const app = servedApp({ name: "journey", offline: true });

/** Chooses the language and the citizenship in More, as a reader does after the first start. */
async function become({ lang, country }) {
  const { page, url } = app;
  await page.goto(`${url}/more`);
  await page.locator("#language").selectOption(lang);
  await page.waitForFunction((code) => document.documentElement.lang === code, lang);
  await page.locator("#citizenship").selectOption(country);
}

/** Opens `path` and waits for `selector`; fails with axe-core's findings if there are any. */
async function visit(path, selector) {
  const { page, url } = app;
  await page.goto(`${url}${path}`);
  await page.locator(selector).first().waitFor();
  assert.deepEqual(await axeViolations(page), [], `axe on ${path}`);
  return page;
}

for (const reader of READERS) {
  const own = reader.country.toLowerCase();

  test(`${reader.country} in ${reader.lang}: Hotlines starts with the reader's own embassy, other countries folded away`, async () => {
    await become(reader);
    const page = await visit("/hotlines", "#contacts article.contact");
    const missions = await page
      .locator("#contacts article.contact:is([data-kind=embassy], [data-kind=consulate]):not(#other-countries *):not([hidden] *)")
      .evaluateAll((cards) => cards.map((c) => c.dataset.id));
    assert.equal(missions[0], `${own}-embassy-moscow`, `missions shown: ${missions.join(", ")}`);
    assert.ok(missions.every((id) => id.startsWith(`${own}-`)), `only own missions unfolded: ${missions.join(", ")}`);
    const folded = await page.locator("#other-countries article.contact").evaluateAll((cards) => cards.map((c) => c.dataset.id));
    assert.ok(folded.length > 0, "other countries' missions are under #other-countries");
    assert.ok(folded.every((id) => !id.startsWith(`${own}-`)), `folded: ${folded.join(", ")}`);
    assert.equal(await page.locator("#other-countries").getAttribute("open"), null, "folded by default");
  });

  test(`${reader.country} in ${reader.lang}: Help now has the reader's own mission beside 112, 102 and 103`, async () => {
    await become(reader);
    const page = await visit("/help", ".emergency-numbers a");
    const tiles = await page.locator(".emergency-numbers a").evaluateAll((links) =>
      links.map((a) => ({ href: a.getAttribute("href"), id: a.dataset.id ?? null, text: a.innerText })),
    );
    assert.equal(tiles[0].href, "tel:112", "112 first: it works without a SIM card");
    assert.deepEqual(tiles.slice(0, 3).map((t) => t.href).sort(), ["tel:102", "tel:103", "tel:112"]);
    const mine = tiles.find((t) => t.id?.startsWith(`${own}-`));
    assert.ok(mine, `a tile for the reader's own country: ${JSON.stringify(tiles)}`);
    assert.match(mine.href, /^(tel:\+\d+|\/hotlines\/[a-z-]+)$/);
    for (const tile of tiles.slice(0, 3)) {
      const number = tile.href.slice(4);
      assert.equal(tile.text.split(number).length - 1, 1, `${number} is shown once: ${JSON.stringify(tile.text)}`);
    }
    assert.match(await page.locator(".no-sim").innerText(), /112/);
  });

  test(`${reader.country} in ${reader.lang}: a new article, checklist and contact open offline with their sources`, async () => {
    await become(reader);
    let page = await visit(`/rights/${reader.article}`, `article[data-id="${reader.article}"] h1`);
    assert.ok((await page.locator("ol.sources > li").count()) > 0, `${reader.article} lists its sources`);
    page = await visit(`/checklists/${reader.checklist}`, "section[data-screen=checklist] h1");
    assert.ok((await page.locator("section[data-screen=checklist] [id^=step-]").count()) > 2, `${reader.checklist} has steps`);
    page = await visit(`/hotlines/${reader.contact}`, `article.contact[data-id="${reader.contact}"]`);
    const card = page.locator(`article.contact[data-id="${reader.contact}"]`);
    const text = await card.innerText();
    const phones = await card.locator("a.call").count();
    assert.ok(
      phones > 0 || (await card.locator(".muted").first().innerText()).length > 0,
      `${reader.contact} has a number or says it has none: ${text}`,
    );
    if (phones > 0) assert.ok((await card.locator(".phone .confirmed").first().innerText()).length > 0, "a number says when a source printed it");
    assert.ok((await page.locator("ol.sources > li").count()) > 0, `${reader.contact} lists its sources`);
  });
}
