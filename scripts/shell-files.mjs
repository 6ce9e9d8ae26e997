// What "the app shell" is, for the size budget (tests/e2e/budget.test.mjs) and the benchmark
// (scripts/bench.mjs): index.html, every file it links or imports (JS, WASM, CSS, web manifest,
// icons), the service worker the app registers (sw.js) and the UI strings of the reader's
// language (l10n/LANG.HASH16.json, preloaded by the static pages; no language is built into the WASM).
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";

/** The files index.html loads, and sw.js, as paths relative to `dist`, sorted. */
export function shellFiles(dist) {
  const html = readFileSync(join(dist, "index.html"), "utf8");
  const files = new Set(["index.html", "sw.js"]);
  for (const [, attrs] of html.matchAll(/<link\b([^>]*)>/g)) {
    const href = attrs.match(/\bhref=("([^"]*)"|'([^']*)'|([^\s>]+))/);
    const url = href && (href[2] ?? href[3] ?? href[4]);
    if (url && url.startsWith("/") && !url.startsWith("//")) files.add(url.slice(1));
  }
  for (const [, url] of html.matchAll(/\bfrom\s+'(\/[^']+)'|\bfrom\s+"(\/[^"]+)"/g)) if (url) files.add(url.slice(1));
  for (const [, url] of html.matchAll(/module_or_path:\s*'(\/[^']+)'/g)) files.add(url.slice(1));
  return [...files].sort();
}

/** The UI strings files, one per language, as paths relative to `dist`, sorted. */
export function stringsFiles(dist) {
  return readdirSync(join(dist, "l10n"))
    .filter((name) => /^[a-z]+\.[0-9a-f]{16}\.json$/.test(name))
    .sort()
    .map((name) => `l10n/${name}`);
}
