// The core screens, offline, on a 320-pixel phone: search finds an article, a contact has a
// call link, a ticked step survives a restart, an entry date gives the right due date, Help
// now is one tap from every screen, and axe-core finds no WCAG 2.2 AA violation.
import { test } from "node:test";
import assert from "node:assert/strict";
import { SCREENS } from "./screen-list.mjs";
import { servedApp } from "./served-app.mjs";
import { axeViolations, openScreen } from "./support.mjs";

let url, page;
const app = servedApp({ name: "screens", offline: true }, (app) => ({ url, page } = app));

test("search finds an article as the user types, typos and all", async () => {
  await page.goto(`${url}/rights`);
  await page.locator("#search").fill("pasport lost");
  await page.locator("#search-results li[data-kind=article][data-id=lost-passport]").waitFor();
  await page.locator("#search-results li[data-kind=article][data-id=lost-passport] a").click();
  await page.waitForURL(/\/rights\/lost-passport$/);
  await page.locator('article[data-id="lost-passport"] h1').waitFor();
  assert.ok((await page.locator(".sources li").count()) > 0, "sources are shown");
  assert.match(
    await page.locator(".verified").first().textContent(),
    /Checked by the editors against \d+ sources? on .* · not a lawyer's advice/,
  );
});

test("a contact has a tap-to-call link, the date it was checked and a stale mark for old sources", async () => {
  await page.goto(`${url}/hotlines`);
  const card = page.locator('article.contact[data-id="tj-labour-ministry-russia"]');
  await card.waitFor();
  assert.equal(await card.locator('a[href="tel:+79660312222"]').count(), 1);
  assert.equal(await card.locator(".verified").getAttribute("data-checked-on"), "2026-12-01");
  assert.equal(await card.locator("[data-stale=true]").count(), 1, "numbers whose newest source is from 2024 look stale");
  const emergency = page.locator('article.contact[data-id="emergency-112"]');
  assert.equal(await emergency.locator('a[href="tel:112"]').count(), 1);
  assert.match(await emergency.locator(".hours").textContent(), /Open 24 hours/);
  const ngo = page.locator('article.contact[data-id="civic-assistance-committee"] .hours');
  assert.match(await ngo.textContent(), /Moscow time/);
  assert.ok(["true", "false"].includes(await ngo.getAttribute("data-open")));
});

test("an entry date gives the real due date", async () => {
  await page.goto(`${url}/checklists/kg-kz-worker-arrival`);
  const deadline = page.locator('li[data-step="registration"] .deadline');
  await deadline.waitFor();
  assert.equal(await deadline.getAttribute("data-state"), "no-date");
  await page.locator("#date-entry").fill("2026-11-21");
  await page.locator("#date-entry").dispatchEvent("change");
  await page.waitForFunction(
    () => document.querySelector('li[data-step="registration"] .deadline')?.textContent.includes("Dec 21, 2026")
  );
});

test("a ticked step is still ticked after a restart", async () => {
  await page.goto(`${url}/checklists/kg-kz-worker-arrival`);
  await page.locator("#step-passport").check();
  await app.reopen();
  page = app.page;
  await page.goto(`${url}/checklists/kg-kz-worker-arrival`);
  await page.locator("#step-passport").waitFor();
  assert.equal(await page.locator("#step-passport").isChecked(), true);
  assert.equal(await page.locator("#step-migration-card").isChecked(), false);
  assert.equal(await page.locator("#date-entry").inputValue(), "2026-11-21");
});

test("Help now is one tap from every screen", async () => {
  for (const path of SCREENS) {
    await page.goto(`${url}${path}`);
    await page.locator("main .screen").first().waitFor();
    await page.locator('nav.tabs a[href="/help"]').click();
    await page.locator('section[data-screen="help"] a[href="tel:112"]').waitFor();
  }
  await page.locator("#show-officer").click();
  const card = page.locator("#officer-card");
  await card.waitFor();
  assert.ok((await card.locator('[lang="ru"]').count()) >= 2, "Russian side");
  assert.ok((await card.locator('[lang="en"]').count()) >= 1, "the reader's language beside it");
});

test("every screen passes axe-core (WCAG 2.2 AA), fits 320 px and has 44 px controls", async () => {
  for (const path of SCREENS) {
    await openScreen(page, url, path);
    const violations = await axeViolations(page);
    assert.deepEqual(violations, [], `axe on ${path}`);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 320, `${path} scrolls sideways: ${width}px`);
    const small = await page.evaluate(() =>
      [...document.querySelectorAll("nav a, button, select, input, .call, .chat, .back, .articles a")]
        .filter((el) => el.offsetParent !== null)
        .map((el) => ({ name: el.id || el.getAttribute("href") || el.className || el.tagName, r: el.getBoundingClientRect() }))
        .filter(({ r }) => r.height < 44 || r.width < 44)
        .map(({ name, r }) => `${name} ${Math.round(r.width)}x${Math.round(r.height)}`)
    );
    assert.deepEqual(small, [], `tap targets under 44 px on ${path}`);
  }
});
