// DIR/sw.js, the service worker, from assets/sw.js: the precache list is every output file but the static pages, and
// the cache version is derived from their hashes, so each new build is a new cache. The static
// pages are not precached (the worker keeps the reader's language's as it learns it) but
// count for the version: new pages are a new cache.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { minify } from "./minify.mjs";
import { digest, isStaticPage, outputFiles } from "./output.mjs";
import { root } from "./repo.mjs";

/** Writes `dir`/sw.js (minified); returns { version, precached: the number of files }. */
export async function writeServiceWorker(dir) {
  const files = outputFiles(dir);
  const precache = files.filter((path) => !isStaticPage(path));
  const version = digest(dir, files).slice(0, 16);
  const worker = readFileSync(join(root, "assets", "sw.js"), "utf8")
    .replace("__JARDAM_VERSION__", () => version)
    .replace("__JARDAM_PRECACHE__", () => JSON.stringify(precache.map((path) => "/" + path)));
  writeFileSync(join(dir, "sw.js"), (await minify(worker, { ecma: 2020, toplevel: true })).code);
  return { version, precached: precache.length };
}
