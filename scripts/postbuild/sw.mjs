// DIR/sw.js, the service worker, from assets/sw.js: the precache list is every output file, and
// the cache version is derived from their hashes, so each new build is a new cache.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { minify } from "./minify.mjs";
import { digest, outputFiles } from "./output.mjs";
import { root } from "./repo.mjs";

/** Writes `dir`/sw.js (minified); returns { version, precached: the number of files }. */
export async function writeServiceWorker(dir) {
  const precache = outputFiles(dir);
  const version = digest(dir, precache).slice(0, 16);
  const worker = readFileSync(join(root, "assets", "sw.js"), "utf8")
    .replace("__JARDAM_VERSION__", () => version)
    .replace("__JARDAM_PRECACHE__", () => JSON.stringify(precache.map((path) => "/" + path)));
  writeFileSync(join(dir, "sw.js"), (await minify(worker, { ecma: 2020 })).code);
  return { version, precached: precache.length };
}
