#!/usr/bin/env node
// Finishes a Trunk build (run as Trunk's post_build hook, or by hand on a dist folder), one step
// of scripts/postbuild/ after the other:
//   1. names.mjs, minify.mjs: shortens wasm-bindgen's import and export names in the
//      WebAssembly (Binaryen, then more wasm-opt passes) and in its JS glue, minifies the glue
//      with terser and writes both files' new Subresource Integrity hashes into index.html,
//      and drops the web manifest's whitespace;
//   2. feed.mjs, strings.mjs: builds the signed content feed into DIR/feed and the UI strings
//      of every language into DIR/l10n (jardam-feed build, jardam-feed strings);
//   3. qr.mjs, label.mjs, index-html.mjs: writes the QR encoder the Share screens load into
//      DIR/qr-HASH16.js, then the build label, the feed mirrors, the strings files and the QR
//      encoder's address and integrity into index.html's <meta name="jardam-…"> tags;
//   4. csp.mjs, headers.mjs: writes the Content Security Policy into index.html and, with the
//      other security and caching headers, into DIR/_headers;
//   5. letters.mjs: the letters page, DIR/letters.html, with its module and starter;
//   6. pages.mjs: the static pages, every screen and item in every language rendered by the
//      app itself in Chromium, with DIR/sitemap.xml and DIR/robots.txt (before the headers, which
//      name them, and the worker);
//   7. sw.mjs: writes DIR/sw.js with the precache list and a cache version derived from the
//      hashes of every file (the static pages are kept as they are visited, not precached).
// Usage: node scripts/postbuild.mjs [DIR]   (DIR defaults to $TRUNK_STAGING_DIR)
// Environment: JARDAM_BUILD_LABEL overrides the label; JARDAM_SIGNING_KEY signs the feed;
// JARDAM_FEED_MIRRORS lists the feed mirrors (base URLs, space-separated, tried in order;
// default: the app's own /feed/).
import { writeSecurityPolicy } from "./postbuild/csp.mjs";
import { buildFeed, feedMirrors } from "./postbuild/feed.mjs";
import { writeHeaders } from "./postbuild/headers.mjs";
import { fillMeta } from "./postbuild/index-html.mjs";
import { buildLabel } from "./postbuild/label.mjs";
import { minifyGlue, minifyManifest } from "./postbuild/minify.mjs";
import { shortenNames } from "./postbuild/names.mjs";
import { writeLettersPage } from "./postbuild/letters.mjs";
import { PAGE_SCRIPT, pageStyle, writeStaticPages } from "./postbuild/pages.mjs";
import { writeQrEncoder } from "./postbuild/qr.mjs";
import { buildStrings } from "./postbuild/strings.mjs";
import { writeServiceWorker } from "./postbuild/sw.mjs";

const dir = process.argv[2] || process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error("postbuild: give the output folder, or run as Trunk's post_build hook");
  process.exit(2);
}
const mirrors = feedMirrors();

shortenNames(dir);
await minifyGlue(dir);
minifyManifest(dir);
buildFeed(dir);
buildStrings(dir);
const qr = await writeQrEncoder(dir);
const label = buildLabel(dir);
fillMeta(dir, { "jardam-build": label, "jardam-feed-mirrors": mirrors.join(" "), "jardam-qr": qr });
const policy = writeSecurityPolicy(dir, mirrors, [pageStyle(dir)], [PAGE_SCRIPT]);
await writeLettersPage(dir, policy);
const pages = await writeStaticPages(dir, policy);
writeHeaders(dir, policy);
const { version, precached } = await writeServiceWorker(dir);
console.log(`postbuild: build ${label}, ${pages} static pages, cache ${version}, ${precached} files precached`);
