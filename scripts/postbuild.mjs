#!/usr/bin/env node
// Finishes a Trunk build (run as Trunk's post_build hook, or by hand on a dist folder):
//   1. builds the signed content feed into DIR/feed (jardam-feed build);
//   2. writes the build label into index.html (<meta name="jardam-build">);
//   3. writes DIR/sw.js from assets/sw.js with the precache list and a cache version derived
//      from the hashes of every file it precaches, so each new build is a new cache.
// Usage: node scripts/postbuild.mjs [DIR]   (DIR defaults to $TRUNK_STAGING_DIR)
// Environment: JARDAM_BUILD_LABEL overrides the label; JARDAM_SIGNING_KEY signs the feed;
// JARDAM_FEED_MIRRORS lists the feed mirrors (base URLs, space-separated, tried in order;
// default: the app's own /feed/).
import { createHash } from "node:crypto";
import { execFileSync } from "node:child_process";
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const dir = process.argv[2] || process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error("postbuild: give the output folder, or run as Trunk's post_build hook");
  process.exit(2);
}

/** Files the worker must not precache: itself and source maps. */
const skip = (path) => path === "sw.js" || path.endsWith(".map");

function files(base) {
  return readdirSync(base, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(base, join(entry.parentPath, entry.name)).split(sep).join("/"))
    .filter((path) => !skip(path))
    .sort();
}

function digest(paths) {
  const hash = createHash("sha256");
  for (const path of paths) {
    hash.update(path).update("\0").update(readFileSync(join(dir, path))).update("\0");
  }
  return hash.digest("hex");
}

execFileSync("cargo", ["run", "--quiet", "-p", "jardam-feed", "--", "build", "--out", join(dir, "feed")], {
  cwd: root,
  stdio: "inherit",
});

const indexPath = join(dir, "index.html");
const label =
  process.env.JARDAM_BUILD_LABEL || digest(files(dir).filter((p) => p !== "index.html")).slice(0, 8);
const index = readFileSync(indexPath, "utf8");
// Trunk's HTML minifier drops quotes and reorders attributes, so match the tag loosely.
const meta = /<meta[^>]*\bname="?jardam-build"?[^>]*>/;
if (!meta.test(index)) {
  console.error("postbuild: index.html has no <meta name=\"jardam-build\"> to label");
  process.exit(1);
}
const mirrorsMeta = /<meta[^>]*\bname="?jardam-feed-mirrors"?[^>]*>/;
const mirrors = (process.env.JARDAM_FEED_MIRRORS || "/feed/").split(/\s+/).filter(Boolean);
for (const mirror of mirrors) {
  if (!/^(\/|https?:\/\/)[^\s"<>]*\/$/.test(mirror)) {
    console.error(`postbuild: feed mirror ${mirror} must be /path/ or http(s)://host/path/`);
    process.exit(1);
  }
}
const labelled = index
  .replace(meta, `<meta name="jardam-build" content="${label.replace(/[^\w.+-]/g, "")}">`)
  .replace(mirrorsMeta, `<meta name="jardam-feed-mirrors" content="${mirrors.join(" ")}">`);
if (!mirrorsMeta.test(index)) {
  console.error("postbuild: index.html has no <meta name=\"jardam-feed-mirrors\">");
  process.exit(1);
}
writeFileSync(indexPath, labelled);

const precache = files(dir);
const version = digest(precache).slice(0, 16);
const worker = readFileSync(join(root, "assets", "sw.js"), "utf8")
  .replace("__JARDAM_VERSION__", version)
  .replace("__JARDAM_PRECACHE__", JSON.stringify(precache.map((p) => "/" + p)));
writeFileSync(join(dir, "sw.js"), worker);
console.log(`postbuild: build ${label}, cache ${version}, ${precache.length} files precached`);
