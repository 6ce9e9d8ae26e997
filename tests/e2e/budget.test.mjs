// Size budget of the release build in dist/ (issue #8): what a first visit downloads for the
// app shell (scripts/shell-files.mjs says which files: the strings file counted is the largest
// language's, so the budget holds for every reader; no language is built into the WebAssembly) must stay at most 200 KB with brotli, and
// every content pack at most 60 KB, and every static page's HTML at most 14 KB. Sizes are deterministic, so they are tested here; timings
// live in `make bench`. Brotli quality 11, as served by nginx's static brotli or a CDN.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, constants } from "node:zlib";
import { root } from "./support.mjs";
import { shellFiles, stringsFiles } from "../../scripts/shell-files.mjs";

const KB = 1024;
export const SHELL_BUDGET = 200 * KB;
export const PACK_BUDGET = 60 * KB;
/** A static page's HTML: one round trip on a new connection, under the 16 KB per-file cut-off that throttled foreign CDNs apply in Russia. */
export const PAGE_BUDGET = 14 * KB;
const dist = join(root, "dist");

/** Brotli (quality 11) size of `bytes`. */
function brotli(bytes) {
  return brotliCompressSync(bytes, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
  }).length;
}

/** The UI strings files, one per language. */
function checkedStringsFiles() {
  const names = stringsFiles(dist);
  assert.deepEqual(
    names.map((name) => name.split("/")[1].split(".")[0]),
    ["en", "ky", "ru", "tg", "uz"],
    `expected a strings file for en, ky, ru, tg and uz in dist/l10n, found ${names.join(", ")}`,
  );
  return names;
}

const kb = (n) => `${(n / KB).toFixed(1)} KB`;

/** Brotli size of each shell file, largest first, and the total. */
function shellSizes() {
  const files = shellFiles(dist);
  for (const kind of [/\.js$/, /_bg\.wasm$/, /\.css$/, /\.webmanifest$/, /\.png$/]) {
    assert.ok(files.some((f) => kind.test(f)), `no ${kind} file found in dist/index.html: ${files.join(", ")}`);
  }
  const sizes = files.map((file) => {
    assert.ok(existsSync(join(dist, file)), `dist/index.html refers to ${file}, which is not in dist/`);
    return { file, brotli: brotli(readFileSync(join(dist, file))) };
  });
  const strings = checkedStringsFiles()
    .map((file) => ({ file: `${file} (the largest language)`, brotli: brotli(readFileSync(join(dist, file))) }))
    .sort((a, b) => b.brotli - a.brotli);
  sizes.push(strings[0]);
  const total = sizes.reduce((n, s) => n + s.brotli, 0);
  const table = sizes
    .sort((a, b) => b.brotli - a.brotli)
    .map((s) => `  ${s.file}: ${kb(s.brotli)}`)
    .join("\n");
  return { total, table };
}

test("the app shell is at most 200 KB with brotli", () => {
  const { total, table } = shellSizes();
  assert.ok(
    total <= SHELL_BUDGET,
    `the shell is ${kb(total)} with brotli, over its budget of ${kb(SHELL_BUDGET)} by ${kb(total - SHELL_BUDGET)}:\n${table}`,
  );
});

test("every content pack is at most 60 KB with brotli", () => {
  const dir = join(dist, "feed", "packs");
  const packs = readdirSync(dir).filter((name) => name.endsWith(".json"));
  assert.ok(packs.length >= 5, `expected a pack per language in ${dir}, found ${packs.join(", ")}`);
  const over = packs
    .map((name) => ({ name, brotli: brotli(readFileSync(join(dir, name))) }))
    .filter((p) => p.brotli > PACK_BUDGET);
  assert.deepEqual(
    over.map((p) => `${p.name}: ${kb(p.brotli)}`),
    [],
    `packs over the budget of ${kb(PACK_BUDGET)} with brotli`,
  );
});

test("every static page's HTML is at most 14 KB with brotli", () => {
  const pages = ["ky", "ru", "uz", "tg", "en"].flatMap((lang) =>
    readdirSync(join(dist, lang), { recursive: true })
      .filter((name) => name.endsWith(".html"))
      .map((name) => join(lang, name)),
  );
  assert.ok(pages.length > 400, `expected the static pages of every language in dist/, found ${pages.length}`);
  const sizes = pages.map((file) => ({ file, brotli: brotli(readFileSync(join(dist, file))) })).sort((a, b) => b.brotli - a.brotli);
  assert.deepEqual(
    sizes.filter((p) => p.brotli > PAGE_BUDGET).map((p) => `${p.file}: ${kb(p.brotli)}`),
    [],
    `static pages over the budget of ${kb(PAGE_BUDGET)} with brotli (largest: ${sizes[0].file}, ${kb(sizes[0].brotli)})`,
  );
});
