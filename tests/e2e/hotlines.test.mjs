// Hotlines, offline: the region filter keeps what serves the chosen region (and all of Russia),
// pinned contacts stay at the top, and both survive a restart.
import { test } from "node:test";
import assert from "node:assert/strict";
import { servedApp } from "./served-app.mjs";

const app = servedApp({ name: "hotlines", offline: true });

const ids = (page) => page.locator("#contacts article.contact:not([hidden] *)").evaluateAll((cards) => cards.map((c) => c.dataset.id));

test("the region filter shows who serves that region, and Russia-wide numbers always", async () => {
  const { page, url } = app;
  await page.goto(`${url}/hotlines`);
  await page.locator('article.contact[data-id="kg-consulate-yekaterinburg"]').waitFor();
  const everyone = await ids(page);
  const names = await page.locator("#region option").allTextContents();
  assert.equal(names[0], "All regions");
  assert.ok(names.includes("Tomsk Region") && names.includes("St Petersburg"), names.join(", "));

  await page.locator("#region").selectOption("tomsk");
  await page.waitForFunction(() => !document.querySelector('[data-id="kg-consulate-yekaterinburg"]'));
  const tomsk = await ids(page);
  assert.ok(tomsk.includes("kg-consulate-novosibirsk"), "the consulate whose district holds Tomsk");
  assert.ok(tomsk.includes("emergency-112") && tomsk.includes("kg-embassy-moscow"), "Russia-wide contacts stay");
  for (const gone of ["kg-consulate-yekaterinburg", "kg-office-vladivostok", "civic-assistance-committee"]) {
    assert.ok(!tomsk.includes(gone), `${gone} does not serve Tomsk`);
  }
  assert.ok(tomsk.length < everyone.length);
  const serves = await page.locator('[data-id="kg-consulate-novosibirsk"] .serves').textContent();
  assert.match(serves, /Tomsk Region/, "regions are shown by name, not id");
});

test("a pinned contact goes to the top, even outside the region, and stays after a restart", async () => {
  const { url } = app;
  let page = app.page;
  await page.goto(`${url}/hotlines`);
  const pin = page.locator('article.contact[data-id="kg-consulate-novosibirsk"] button.pin');
  await pin.waitFor();
  assert.equal(await pin.getAttribute("aria-pressed"), "false");
  assert.match(await pin.getAttribute("aria-label"), /^Pin .+ to the top$/);
  await pin.click();
  await page.locator("#pinned").waitFor();
  assert.equal((await ids(page))[0], "kg-consulate-novosibirsk");

  await page.locator("#region").selectOption("moscow");
  await page.waitForFunction(() => document.querySelector('[data-id="civic-assistance-committee"]'));
  const moscow = await ids(page);
  assert.equal(moscow[0], "kg-consulate-novosibirsk", "pinned contacts ignore the filter");
  assert.equal(moscow.filter((id) => id === "kg-consulate-novosibirsk").length, 1, "shown once");

  await app.reopen();
  page = app.page;
  await page.goto(`${url}/hotlines`);
  await page.locator("#pinned").waitFor();
  assert.equal(await page.locator("#region").inputValue(), "moscow");
  assert.equal((await ids(page))[0], "kg-consulate-novosibirsk");
  const again = page.locator('#contacts article.contact[data-id="kg-consulate-novosibirsk"] button.pin');
  assert.equal(await again.getAttribute("aria-pressed"), "true");
  await again.click();
  await page.waitForFunction(() => !document.querySelector("#pinned"));
  await page.locator("#region").selectOption("");
  await page.locator('article.contact[data-id="kg-consulate-yekaterinburg"]').waitFor();
});

test("pinning from the keyboard keeps focus on the pin and leaves the other cards as they were", async () => {
  const { page, url } = app;
  await page.goto(`${url}/hotlines`);
  const card = (id) => `#contacts article.contact[data-id="${id}"]`;
  await page.locator(card("kg-consulate-novosibirsk")).waitFor();
  await page.waitForFunction(() => !document.querySelector("#pinned"));
  // Mark two cards that do not move: a keyed list keeps their elements, a rebuilt one does not.
  await page.evaluate((selectors) => selectors.forEach((s) => (document.querySelector(s).dataset.mark = "kept")),
    [card("emergency-112"), card("kg-embassy-moscow")]);
  const focusedPin = () =>
    page.evaluate(() => {
      const el = document.activeElement;
      return el?.matches("button.pin") ? `${el.closest("article.contact").dataset.id} ${el.getAttribute("aria-pressed")}` : el?.tagName;
    });

  await page.locator(`${card("kg-consulate-novosibirsk")} button.pin`).focus();
  await page.keyboard.press("Enter");
  await page.locator("#pinned").waitFor();
  assert.equal((await ids(page))[0], "kg-consulate-novosibirsk");
  await page.waitForFunction(() => document.activeElement?.getAttribute("aria-pressed") === "true");
  assert.equal(await focusedPin(), "kg-consulate-novosibirsk true", "focus follows the card to the top");

  await page.keyboard.press("Space");
  await page.waitForFunction(() => !document.querySelector("#pinned"));
  await page.waitForFunction(() => document.activeElement?.getAttribute("aria-pressed") === "false");
  assert.equal(await focusedPin(), "kg-consulate-novosibirsk false", "and back to its group");

  const kept = await page.evaluate((selectors) => selectors.map((s) => document.querySelector(s)?.dataset.mark ?? "rebuilt"),
    [card("emergency-112"), card("kg-embassy-moscow")]);
  assert.deepEqual(kept, ["kept", "kept"], "the cards that did not move were not rebuilt");
});
