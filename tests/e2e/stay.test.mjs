// The 90-day counter on the Checklists screen, offline, with the clock fixed at 15 June 2026:
// trips are counted for the calendar year, the last allowed day is right, the EAEU-contract
// answer turns the limit off, bad dates are refused, and trips survive a restart.
import { test } from "node:test";
import assert from "node:assert/strict";
import { servedApp } from "./served-app.mjs";

const TODAY = new Date("2026-06-15T09:00:00+03:00");
const app = servedApp({ name: "stay", offline: true }, (app) => app.context.clock.setFixedTime(TODAY));

async function addTrip(page, entry, exit = "") {
  await page.locator("#stay-entry").fill(entry);
  await page.locator("#stay-entry").dispatchEvent("change");
  await page.locator("#stay-exit").fill(exit);
  await page.locator("#stay-exit").dispatchEvent("change");
  await page.locator("#stay-add").click();
}

const result = (page) => page.locator("#stay-result");

test("trips are counted for this year and give the last allowed day", async () => {
  const { page, url } = app;
  await page.goto(`${url}/checklists`);
  await page.locator("#stay-counter").waitFor();
  assert.match(await page.locator("#stay-counter").textContent(), /No trips noted yet/);
  await addTrip(page, "2025-12-20", "2026-02-18"); // 1 January to 18 February: 49 days this year
  await addTrip(page, "2026-06-01"); // still here: 1 to 15 June, 15 days
  await page.waitForFunction(() => document.querySelectorAll("#stay-trips li").length === 2);
  assert.match(await result(page).textContent(), /64 of 90 days used in 2026\. Days left: 26\. .*last day is Jul 11, 2026/);
  assert.equal(await result(page).getAttribute("data-state"), "ok");
  assert.match(await page.locator("#stay-trips li").nth(1).textContent(), /Jun 1, 2026 – still here/);
});

test("the EAEU-contract answer turns the limit off, and it all survives a restart", async () => {
  let page = app.page;
  await page.locator("#stay-exempt").check();
  await page.waitForFunction(() => document.querySelector("#stay-result")?.dataset.state === "exempt");
  assert.match(await result(page).textContent(), /depends on your contract or patent/);
  await app.reopen();
  await app.context.clock.setFixedTime(TODAY);
  page = app.page;
  await page.goto(`${app.url}/checklists`);
  await page.locator("#stay-trips li").nth(1).waitFor();
  assert.equal(await page.locator("#stay-exempt").isChecked(), true);
  await page.locator("#stay-exempt").uncheck();
  await page.waitForFunction(() => document.querySelector("#stay-result")?.dataset.state === "ok");
});

test("removing a trip recounts; going over 90 days says by how much and when it resets", async () => {
  const page = app.page;
  await page.locator("#stay-trips li").nth(1).locator("button.remove").click();
  await page.waitForFunction(() => document.querySelectorAll("#stay-trips li").length === 1);
  // 49 days used, not in Russia today: today would be day 50, then 40 more.
  assert.match(await result(page).textContent(), /49 of 90 days used in 2026\. Days left: 41\. .*last day is Jul 25, 2026/);
  await addTrip(page, "2026-03-01", "2026-04-30"); // 61 more days: 110 in all
  await page.waitForFunction(() => document.querySelector("#stay-result")?.dataset.state === "overdue");
  assert.match(await result(page).textContent(), /over the limit by 20 days\. A new count starts on Jan 1, 2027/);
});

test("an exit before the entry is refused with a message", async () => {
  const page = app.page;
  await page.locator("#stay-entry").fill("2026-05-10");
  await page.locator("#stay-entry").dispatchEvent("change");
  await page.locator("#stay-exit").fill("2026-05-01");
  await page.locator("#stay-exit").dispatchEvent("change");
  await page.locator('#stay-counter [role="alert"]').waitFor();
  assert.match(await page.locator('#stay-counter [role="alert"]').textContent(), /cannot be before/);
  assert.equal(await page.locator("#stay-add").isDisabled(), true);
  assert.equal(await page.locator("#stay-trips li").count(), 2);
});
