// The output folder the post-build steps finish: its files, their digest, integrity values and
// how a step gives up.
import { createHash } from "node:crypto";
import { readFileSync, readdirSync } from "node:fs";
import { join, relative, sep } from "node:path";

/** Files the worker must not precache: itself, source maps and the static hosts' header rules. */
const skip = (path) => path === "sw.js" || path === "_headers" || path.endsWith(".map");

/** The static pages and the files for search engines (pages.mjs): kept by the worker as they are visited, never precached. */
export const isStaticPage = (path) => /^(ky|ru|uz|tg|en)\//.test(path) || path === "sitemap.xml" || path === "robots.txt";

/** Every file of `dir` but those `skip` names, as sorted `/`-separated paths relative to it. */
export function outputFiles(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join("/"))
    .filter((path) => !skip(path))
    .sort();
}

/** SHA-256 (hex) over the names and contents of `paths` in `dir`, in the order given. */
export function digest(dir, paths) {
  const hash = createHash("sha256");
  for (const path of paths) {
    hash.update(path).update("\0").update(readFileSync(join(dir, path))).update("\0");
  }
  return hash.digest("hex");
}

/** Subresource Integrity value of `bytes`, as Trunk writes it. */
export const sri = (bytes) => `sha384-${createHash("sha384").update(bytes).digest("base64")}`;

/** Stops the build with `message` on stderr (exit status 1). */
export function fail(message) {
  console.error(`postbuild: ${message}`);
  process.exit(1);
}
