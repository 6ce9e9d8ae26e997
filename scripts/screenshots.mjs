#!/usr/bin/env node
// Writes a screenshot of every screen in every language at 360 px (DPR 2) into one folder, for a
// reviewer to look through: NN-screen.LANG.png, the whole page, taken from the release build in
// dist/ served by nginx, with the first-start questions answered.
// Usage: node scripts/screenshots.mjs [FOLDER]   (make screenshots; default tests/output/screenshots)
import { mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { freePort, launch, presetLanguage, root, serve, waitForController } from "../tests/e2e/support.mjs";
import { SCREENS } from "../tests/e2e/screen-list.mjs";

const LANGS = ["ky", "ru", "uz", "tg", "en"];
const out = process.argv[2] || join(root, "tests", "output", "screenshots");
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

const server = await serve(join(root, "dist"), await freePort());
try {
  for (const lang of LANGS) {
    const browser = await launch({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 2 });
    try {
      await presetLanguage(browser.context, lang);
      await browser.context.addInitScript(() => localStorage.setItem("jardam.welcomed", "true"));
      const page = await browser.context.newPage();
      await page.goto(`${server.url}/rights`);
      await waitForController(page);
      for (const [index, path] of SCREENS.entries()) {
        await page.goto(`${server.url}${path}`);
        await page.locator("section.screen").first().waitFor();
        await page.waitForLoadState("networkidle");
        const name = `${String(index + 1).padStart(2, "0")}-${path.slice(1).replaceAll("/", "-")}.${lang}.png`;
        await page.screenshot({ path: join(out, name), fullPage: true });
      }
    } finally {
      await browser.close();
    }
  }
  console.log(`screenshots: ${SCREENS.length} screens × ${LANGS.length} languages in ${out}`);
} finally {
  await server.stop();
}
