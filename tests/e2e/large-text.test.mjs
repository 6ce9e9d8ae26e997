// Text at 200 %: with the browser's default text size doubled (what Android's font-size setting
// does), every screen still fits 320 px without sideways scrolling, no control clips its text,
// and the end of each screen can be scrolled clear of the bottom navigation.
import { test } from "node:test";
import assert from "node:assert/strict";
import { servedApp } from "./served-app.mjs";
import { openScreen } from "./support.mjs";

const SCREENS = [
  "/rights",
  "/rights/police-check",
  "/hotlines",
  "/hotlines/kg-consulate-novosibirsk",
  "/checklists",
  "/checklists/kg-kz-worker-arrival",
  "/help",
  "/more",
];
const app = servedApp({ name: "large-text", offline: true });

test("every screen is usable with text at 200 % on a 320 px phone", async () => {
  const { page, url } = app;
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Page.enable");
  await cdp.send("Page.setFontSizes", { fontSizes: { standard: 32, fixed: 26 } });
  for (const path of SCREENS) {
    await openScreen(page, url, path);
    const report = await page.evaluate(() => {
      const visible = (el) => el.offsetParent !== null && !el.closest(".visually-hidden");
      const clipped = [...document.querySelectorAll("button, select, a, input, label, h1, h2, h3, p")]
        .filter(visible)
        .filter((el) => el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX !== "visible")
        .map((el) => el.id || el.textContent.trim().slice(0, 30));
      const main = document.querySelector("main");
      window.scrollTo(0, document.documentElement.scrollHeight);
      const last = main.lastElementChild.getBoundingClientRect().bottom;
      const navTop = document.querySelector("nav.tabs").getBoundingClientRect().top;
      return {
        fontSize: getComputedStyle(document.body).fontSize,
        width: document.documentElement.scrollWidth,
        clipped,
        hiddenUnderNav: Math.max(0, Math.round(last - navTop)),
      };
    });
    assert.equal(report.fontSize, "32px", "the doubled text size reaches the app");
    assert.ok(report.width <= 320, `${path} scrolls sideways: ${report.width}px`);
    assert.deepEqual(report.clipped, [], `${path}: controls clip their text`);
    assert.equal(report.hiddenUnderNav, 0, `${path}: the end of the screen stays under the navigation`);
  }
});
