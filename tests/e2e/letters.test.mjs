// Letters (issue #20): offline, in Kyrgyz, on a 320 px phone, the reader fills in the wage
// claim's form; wrong or empty fields are named in Kyrgyz; the app writes the Russian letter
// with the values typed; the print view shows that letter on an A4 page and the Kyrgyz
// explanation after it; axe finds nothing; no request leaves the page; and leaving the letter
// leaves nothing of what was typed anywhere in the browser's storage, unless the reader chose
// to keep it.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { servedApp } from "./served-app.mjs";
import { axeViolations, openScreen, root } from "./support.mjs";

const TODAY = new Date("2026-12-02T10:00:00+03:00");
const app = servedApp({ name: "letters", offline: true, lang: "ky" }, async (app) => {
  await app.context.clock.setFixedTime(TODAY);
  await app.context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: app.url });
});

const NAME = "Асанов Бакыт Жумабекович";
const VALUES = {
  employer_name: "ООО «Стройсервис»",
  full_name: NAME,
  job_title: "водитель",
  period: "сентябрь и октябрь 2026 года",
  amount: "90 000",
};

/** Every string the page's origin keeps: localStorage, sessionStorage and every IndexedDB record. */
async function everythingStored(page) {
  return page.evaluate(async () => {
    const out = [];
    for (const storage of [localStorage, sessionStorage]) {
      for (let i = 0; i < storage.length; i++) out.push(`${storage.key(i)}=${storage.getItem(storage.key(i))}`);
    }
    for (const { name } of await indexedDB.databases()) {
      const db = await new Promise((ok, fail) => {
        const open = indexedDB.open(name);
        open.onsuccess = () => ok(open.result);
        open.onerror = () => fail(open.error);
      });
      for (const store of db.objectStoreNames) {
        const all = await new Promise((ok, fail) => {
          const req = db.transaction(store).objectStore(store).getAll();
          req.onsuccess = () => ok(req.result);
          req.onerror = () => fail(req.error);
        });
        out.push(...all.map((v) => (typeof v === "string" ? v : JSON.stringify(v))));
      }
      db.close();
    }
    return out;
  });
}

const field = (page, id) => page.locator(`#field-${id}`);

/** Opens the wage claim as a reader finds it: the unpaid-wages article, its list of all letters
 * (a page of its own), then the claim. */
async function openWageClaim(page, url) {
  await openScreen(page, url, "/rights/unpaid-wages");
  await page.locator('main .body a[href="/letters"]').click();
  await page.waitForURL(/\/letters$/);
  await page.locator('#letter-list a[href="/letters/wage-claim"]').click();
  await page.waitForURL(/\/letters\/wage-claim$/);
  await page.locator('article.letter[data-id="wage-claim"] h1').waitFor();
}

/** The letters page's tap targets smaller than 44 × 44 px. */
const smallTargets = (page) =>
  page.evaluate(() =>
    [...document.querySelectorAll("a, button, input, textarea")]
      .filter((el) => el.offsetParent !== null && el.type !== "checkbox")
      .map((el) => ({ name: el.id || el.getAttribute("href") || el.tagName, r: el.getBoundingClientRect() }))
      .filter(({ r }) => r.height < 44 || r.width < 44)
      .map(({ name, r }) => `${name} ${Math.round(r.width)}x${Math.round(r.height)}`),
  );

test("a wage claim filled in Kyrgyz offline prints the Russian letter with the Kyrgyz explanation", { timeout: 120000 }, async () => {
  const { page, context, url } = app;
  const requests = [];
  const onRequest = (request) => requests.push(request.url());
  await openWageClaim(page, url);
  context.on("request", onRequest);
  try {
    assert.equal(await page.locator("article.letter h1").textContent(), "Айлыкты төлөп берүү талабы");
    assert.equal(await page.locator('label[for="field-amount"]').textContent(), "Карыздын суммасы, рубль");
    assert.ok(await page.locator('article.letter [data-review="machine-translated"]').isVisible(), "the Kyrgyz text says it is a machine translation");
    assert.ok(await page.locator('article.letter [data-review="needs-legal-review"]').isVisible());

    // Nothing filled in: every required field is named, in Kyrgyz, and the first one has focus.
    await page.locator("#letter-make").click();
    await page.waitForFunction(() => document.activeElement?.id === "field-employer_name");
    assert.equal(await page.locator('[aria-invalid="true"]').count(), 5);
    assert.equal(await page.locator("#error-full_name").textContent(), "Бул талааны толтуруңуз.");
    assert.equal(await page.locator("#letter-sheet").count(), 0, "no letter with empty fields");

    // An impossible amount is refused with its own message.
    for (const [id, value] of Object.entries(VALUES)) await field(page, id).fill(id === "amount" ? "сто тысяч" : value);
    await page.locator("#letter-make").click();
    await page.waitForFunction(() => document.activeElement?.id === "field-amount");
    assert.match(await page.locator("#error-amount").textContent(), /^Сумманы рубль менен жазыңыз/);
    assert.equal(await page.locator('[aria-invalid="true"]').count(), 1);

    await field(page, "amount").fill(VALUES.amount);
    await page.locator("#letter-make").click();
    await page.waitForFunction(() => document.activeElement?.id === "letter-done");
    const sheet = page.locator("#letter-sheet");
    assert.equal(await sheet.getAttribute("lang"), "ru");
    assert.equal(await sheet.locator(".letter-to").textContent(), "Руководителю ООО «Стройсервис»");
    assert.equal(await sheet.locator(".letter-title").textContent(), "Заявление о выплате задолженности по заработной плате");
    const letter = await sheet.innerText();
    assert.match(letter, /Мне не выплачена заработная плата за сентябрь и октябрь 2026 года в сумме 90 000 рублей\./);
    assert.match(letter, new RegExp(`02\\.12\\.2026\\s+_+ / ${NAME} /`));
    assert.doesNotMatch(letter, /[{}]/, "no placeholder left");
    assert.deepEqual(await axeViolations(page), []);
    assert.deepEqual(await smallTargets(page), []);
    const overflow = await page.evaluate(() => document.scrollingElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `the screen scrolls sideways by ${overflow} px at 320 px`);

    // Copy: the clipboard holds the whole letter as text.
    await page.locator("#letter-copy").click();
    await page.locator(".letter-result .share-status", { hasText: "Текст көчүрүлдү." }).waitFor();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    assert.ok(copied.startsWith("Руководителю ООО «Стройсервис»\n\nот Асанов"), copied.slice(0, 80));
    assert.match(copied, /90 000 рублей/);

    // Print: the letter, then on a page of its own the Kyrgyz explanation; the form is not printed.
    await page.emulateMedia({ media: "print" });
    const shown = await page.evaluate(() => ({
      form: document.querySelector(".letter-form").checkVisibility(),
      title: document.querySelector("article.letter > h1").checkVisibility(),
      buttons: document.querySelector(".letter-actions").checkVisibility(),
      tabs: document.querySelector(".tabs")?.checkVisibility() ?? false,
      sheet: document.querySelector("#letter-sheet").checkVisibility(),
      explained: document.querySelector(".letter-explained").checkVisibility(),
      explainedLang: document.querySelector(".letter-explained").closest("[lang]").lang,
      explanation: document.querySelector(".letter-explained").innerText,
    }));
    assert.deepEqual(
      { form: shown.form, title: shown.title, buttons: shown.buttons, tabs: shown.tabs, sheet: shown.sheet, explained: shown.explained, lang: shown.explainedLang },
      { form: false, title: false, buttons: false, tabs: false, sheet: true, explained: true, lang: "ky" },
    );
    assert.match(shown.explanation, /Катта эмне делет/);
    assert.match(shown.explanation, /айлык айына эки жолу/);
    const output = join(root, "tests", "output");
    mkdirSync(output, { recursive: true });
    await page.screenshot({ path: join(output, "letter-print.png"), fullPage: true });
    const pdf = await page.pdf({ preferCSSPageSize: true });
    writeFileSync(join(output, "letter-print.pdf"), pdf);
    const boxes = [...pdf.toString("latin1").matchAll(/\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/g)].map((m) => [Math.round(m[1]), Math.round(m[2])]);
    assert.ok(boxes.length >= 2, `the letter and its explanation take ${boxes.length} page(s)`);
    // A4 is 210 × 297 mm: 595.3 × 841.9 points.
    for (const [w, h] of boxes) assert.ok(Math.abs(w - 595) <= 1 && Math.abs(h - 842) <= 1, `a printed page of ${w} × ${h} pt is not A4`);
    await page.emulateMedia({ media: "screen" });
  } finally {
    context.off("request", onRequest);
    await page.emulateMedia({ media: "screen" });
  }
  assert.deepEqual(requests, [], "writing, copying and printing the letter sent no request");

  // Leaving the letter forgets it: nothing typed is stored, and coming back shows an empty form.
  await page.locator(".detail-bar a.back").click();
  await page.locator("#letter-list li").first().waitFor();
  const stored = await everythingStored(page);
  assert.ok(stored.length > 0, "the content is stored, so the search below looks at something");
  assert.deepEqual(stored.filter((s) => s.includes("Асанов") || s.includes("Стройсервис»") && s.includes("90 000")), []);
  assert.ok(!stored.some((s) => s.startsWith("jardam.letter.")));
  await openWageClaim(page, url);
  assert.equal(await field(page, "full_name").inputValue(), "");
});

test("what the reader chose to keep stays on the phone until they untick it", async () => {
  const { page, url } = app;
  await openWageClaim(page, url);
  await page.locator("#letter-keep").check();
  await field(page, "full_name").fill(NAME);
  await page.waitForFunction(() => localStorage.getItem("jardam.letter.wage-claim")?.includes("Асанов"));
  await page.reload();
  await page.locator('article.letter[data-id="wage-claim"] h1').waitFor();
  assert.equal(await field(page, "full_name").inputValue(), NAME);
  assert.ok(await page.locator("#letter-keep").isChecked());
  await page.locator("#letter-keep").uncheck();
  await page.waitForFunction(() => localStorage.getItem("jardam.letter.wage-claim") === null);
  const stored = await everythingStored(page);
  assert.deepEqual(stored.filter((s) => s.includes("Асанов")), []);
});

test("the list of letters in Kyrgyz is clean for axe at 320 px and its links are large enough", async () => {
  const { page, url } = app;
  await openScreen(page, url, "/letters");
  assert.equal(await page.locator("#letter-list li").count(), 7);
  assert.equal(await page.locator("main h1").textContent(), "Каттар");
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(await smallTargets(page), []);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 320, `the list scrolls sideways: ${width}px`);
});

test("the articles the issue names link to their letters, and the link opens the form", async () => {
  const { page, url } = app;
  const expected = {
    "unpaid-wages": "/letters/wage-claim",
    "passport-kept-by-employer": "/letters/passport-return-demand",
    "registry-wrongly-listed": "/letters/registry-removal-application",
    "returning-home": "/letters/work-documents-request",
  };
  for (const [article, letter] of Object.entries(expected)) {
    await openScreen(page, url, `/rights/${article}`);
    const links = await page.locator('main .body a[href^="/letters/"]').evaluateAll((as) => as.map((a) => a.getAttribute("href")));
    assert.ok(links.includes(letter), `${article}: ${links.join(", ")}`);
  }
  await page.locator('main .body a[href="/letters/work-documents-request"]').click();
  await page.locator('article.letter[data-id="work-documents-request"] h1').waitFor();
  assert.equal(new URL(page.url()).pathname, "/letters/work-documents-request");
});
