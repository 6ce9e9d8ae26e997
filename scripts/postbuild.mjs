#!/usr/bin/env node
// Finishes a Trunk build (run as Trunk's post_build hook, or by hand on a dist folder):
//   0. shortens wasm-bindgen's import and export names in the WebAssembly (Binaryen, then one
//      more -Oz) and in its JS glue, minifies the glue with terser (Trunk's own minifier cannot
//      parse it) and writes both files' new Subresource Integrity hashes into index.html;
//   1. builds the signed content feed into DIR/feed (jardam-feed build) and the UI strings of
//      every language into DIR/l10n (jardam-feed strings), and lists
//      them in index.html (<meta name="jardam-l10n">) for the script that preloads the reader's;
//   2. writes the build label into index.html (<meta name="jardam-build">) and the QR encoder
//      the Share screens load (the library qrcode-generator, minified) into DIR/qr-HASH16.js,
//      named with its address and integrity in <meta name="jardam-qr">;
//   3. writes the Content Security Policy, with the SHA-256 of the two inline scripts (the
//      strings preload and Trunk's bootstrap) and the feed mirrors' origins, into index.html (<meta http-equiv>) and, with the other
//      security and caching headers, into DIR/_headers (the format several static hosts read;
//      scripts/serve.sh gives nginx the policy from it);
//   4. writes DIR/sw.js from assets/sw.js with the precache list and a cache version derived
//      from the hashes of every file it precaches, so each new build is a new cache (minified
//      by terser).
// Usage: node scripts/postbuild.mjs [DIR]   (DIR defaults to $TRUNK_STAGING_DIR)
// Environment: JARDAM_BUILD_LABEL overrides the label; JARDAM_SIGNING_KEY signs the feed;
// JARDAM_FEED_MIRRORS lists the feed mirrors (base URLs, space-separated, tried in order;
// default: the app's own /feed/).
import { createHash } from "node:crypto";
import { execFileSync } from "node:child_process";
import { readFileSync, readdirSync, unlinkSync, writeFileSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";
import { stringsFiles } from "./shell-files.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const dir = process.argv[2] || process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error("postbuild: give the output folder, or run as Trunk's post_build hook");
  process.exit(2);
}

/** Files the worker must not precache: itself, source maps and the static hosts' header rules. */
const skip = (path) => path === "sw.js" || path === "_headers" || path.endsWith(".map");

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

const indexPath = join(dir, "index.html");

/** Subresource Integrity value of `bytes`, as Trunk writes it. */
const sri = (bytes) => `sha384-${createHash("sha384").update(bytes).digest("base64")}`;

/** Replaces the integrity of the `<link>` to `/name` in index.html with that of `bytes`. */
function rewriteIntegrity(name, bytes) {
  const html = readFileSync(indexPath, "utf8");
  const link = new RegExp(`(<link[^>]*href="?/${name.replace(/\./g, "\\.")}"?[^>]*integrity=)"?sha384-[A-Za-z0-9+/=]+"?`);
  if (!link.test(html)) {
    console.error(`postbuild: index.html has no integrity for ${name} to update`);
    process.exit(1);
  }
  writeFileSync(indexPath, html.replace(link, `$1${sri(bytes)}`));
}

// Short import and export names. wasm-bindgen names each of the app's ~250 imports after its
// Rust item plus a hash (`__wbg_fetch_21015a0a4570ab44`) and writes every name twice, in the
// WebAssembly and in the JS glue. Binaryen renames them to one to three letters and prints the
// mapping, which is applied to the glue; a second -Oz after the renaming finds a little more:
// together 4.8 KB less WebAssembly and 2.7 KB less JS with brotli (BENCHMARKS.md).
// The glue is still wasm-bindgen's unminified output here, so its shapes are known: the
// imports are the keys of one object under the module name, the exports are read as `wasm.NAME`.
// A third pass flattens the code and rebuilds its control flow (--flatten --rereloop), then
// shrinks it until nothing changes: 1.7 KB less WebAssembly with brotli for a few seconds more
// build time (BENCHMARKS.md, "Fourth round").
const THIRD_PASS = ["--flatten", "--rereloop", "-Oz", "-Oz", "--converge"];
const wasmOptFlags = readFileSync(join(root, "index.html"), "utf8").match(/data-wasm-opt-params="([^"]*)"/)?.[1].split(/\s+/) ?? [];
/** The module names the WebAssembly in `bytes` imports from. */
const importModules = (bytes) => new Set(WebAssembly.Module.imports(new WebAssembly.Module(bytes)).map((i) => i.module));
for (const name of readdirSync(dir).filter((file) => /^jardam-app-[0-9a-f]+_bg\.wasm$/.test(file))) {
  const wasmPath = join(dir, name);
  const gluePath = join(dir, name.replace(/_bg\.wasm$/, ".js"));
  // A folder finished before (postbuild run again by hand or by a test) keeps its short names.
  if (![...importModules(readFileSync(wasmPath))].some((module) => module.endsWith("_bg.js"))) continue;
  const mapping = JSON.parse(
    execFileSync("wasm-opt", [...wasmOptFlags, "--minify-imports-and-exports-and-modules", ...(process.env.TRUNK_PROFILE === "debug" ? [] : ["-Oz"]), wasmPath, "-o", wasmPath], {
      encoding: "utf8",
    }),
  );
  if (process.env.TRUNK_PROFILE !== "debug") execFileSync("wasm-opt", [...wasmOptFlags, ...THIRD_PASS, wasmPath, "-o", wasmPath]);
  const wasm = readFileSync(wasmPath);
  const modules = importModules(wasm);
  let glue = readFileSync(gluePath, "utf8");
  const fail = (what) => {
    console.error(`postbuild: ${gluePath}: ${what}; the glue's shape changed (wasm-bindgen upgrade?)`);
    process.exit(1);
  };
  if (modules.size !== 1) fail(`expected one import module after minifying, found ${[...modules].join(", ")}`);
  const property = (key) => (/^[A-Za-z_$][\w$]*$/.test(key) ? key : JSON.stringify(key));
  for (const [module, from, to] of mapping.imports) {
    const key = new RegExp(`(^|[\\s,{])${from.replace(/\$/g, "\\$")}(?=: )`, "gm");
    const found = glue.match(key)?.length ?? 0;
    if (found !== 1) fail(`import ${from} of ${module} is a key ${found} times, not once`);
    glue = glue.replace(key, `$1${property(to)}`);
  }
  const [module] = mapping.imports[0] ?? [];
  const moduleKey = `${JSON.stringify(module)}: `;
  if (glue.split(moduleKey).length !== 2) fail(`the import module ${module} is not named once`);
  glue = glue.replace(moduleKey, `${JSON.stringify([...modules][0])}: `);
  const exports = new Map(mapping.exports);
  glue = glue.replace(/\bwasm\.([A-Za-z_$][\w$]*)/g, (all, from) => {
    if (!exports.has(from)) fail(`wasm.${from} is not an export`);
    const to = exports.get(from);
    return /^[A-Za-z_$][\w$]*$/.test(to) ? `wasm.${to}` : `wasm[${JSON.stringify(to)}]`;
  });
  writeFileSync(gluePath, glue);
  rewriteIntegrity(name, wasm);
}

// terser is an npm package of tests/ (scripts/setup.sh installs it).
const terser = createRequire(join(root, "tests", "package.json")).resolve("terser");
const { minify } = await import(pathToFileURL(terser));
for (const name of readdirSync(dir).filter((file) => /^jardam-app-[0-9a-f]+\.js$/.test(file))) {
  const path = join(dir, name);
  const { code } = await minify(readFileSync(path, "utf8"), { module: true, ecma: 2020 });
  writeFileSync(path, code);
  rewriteIntegrity(name, code);
}

/**
 * The environment for the editors' feed tool: the release build's nightly options
 * (scripts/size-flags.sh) and target folder are left out, so jardam-feed is the plain stable
 * build that `cargo test` also makes, not one with a host standard library rebuilt for size.
 */
const feedToolEnv = Object.fromEntries(
  Object.entries(process.env).filter(
    ([name]) => name !== "RUSTC_BOOTSTRAP" && name !== "CARGO_TARGET_DIR" && !name.startsWith("CARGO_UNSTABLE_") && !/^CARGO_TARGET_.+_RUSTFLAGS$/.test(name),
  ),
);
for (const command of [
  ["build", "--out", join(dir, "feed")],
  ["strings", "--out", join(dir, "l10n")],
]) {
  execFileSync("cargo", ["run", "--quiet", "-p", "jardam-feed", "--", ...command], { cwd: root, env: feedToolEnv, stdio: "inherit" });
}
/** The strings files, as index.html's preload script reads them: `ky.HASH16 uz.HASH16 …`. */
const stringFiles = stringsFiles(dir)
  .map((path) => path.replace(/^l10n\//, "").replace(/\.json$/, ""))
  .join(" ");

// The QR encoder: loaded only by the screens that draw a code, so it is not part of the shell.
const qrSource = createRequire(join(root, "tests", "package.json")).resolve("qrcode-generator");
const qrCode = (await minify(readFileSync(qrSource, "utf8"), { ecma: 2015 })).code;
const qrName = `qr-${createHash("sha256").update(qrCode).digest("hex").slice(0, 16)}.js`;
for (const old of readdirSync(dir).filter((file) => /^qr-[0-9a-f]{16}\.js$/.test(file))) unlinkSync(join(dir, old));
writeFileSync(join(dir, qrName), qrCode);
const qrMeta = /<meta[^>]*\bname="?jardam-qr"?[^>]*>/;

const label =
  process.env.JARDAM_BUILD_LABEL || digest(files(dir).filter((p) => p !== "index.html")).slice(0, 8);
const index = readFileSync(indexPath, "utf8");
// Trunk's HTML minifier drops quotes and reorders attributes, so match the tag loosely.
const meta = /<meta[^>]*\bname="?jardam-build"?[^>]*>/;
/** Powerful features no page of the app uses are switched off; the screen wake lock stays. */
const PERMISSIONS = [
  "accelerometer=()",
  "camera=()",
  "display-capture=()",
  "geolocation=()",
  "gyroscope=()",
  "hid=()",
  "magnetometer=()",
  "microphone=()",
  "midi=()",
  "payment=()",
  "serial=()",
  "usb=()",
  "screen-wake-lock=(self)",
].join(", ");
if (!meta.test(index)) {
  console.error("postbuild: index.html has no <meta name=\"jardam-build\"> to label");
  process.exit(1);
}
const mirrorsMeta = /<meta[^>]*\bname="?jardam-feed-mirrors"?[^>]*>/;
const stringsMeta = /<meta[^>]*\bname="?jardam-l10n"?[^>]*>/;
if (!qrMeta.test(index)) {
  console.error("postbuild: index.html has no <meta name=\"jardam-qr\">");
  process.exit(1);
}
if (!stringsMeta.test(index)) {
  console.error("postbuild: index.html has no <meta name=\"jardam-l10n\">");
  process.exit(1);
}
const mirrors = (process.env.JARDAM_FEED_MIRRORS || "/feed/").split(/\s+/).filter(Boolean);
for (const mirror of mirrors) {
  if (!/^(\/|https?:\/\/)[^\s"<>]*\/$/.test(mirror)) {
    console.error(`postbuild: feed mirror ${mirror} must be /path/ or http(s)://host/path/`);
    process.exit(1);
  }
}
if (!mirrorsMeta.test(index)) {
  console.error("postbuild: index.html has no <meta name=\"jardam-feed-mirrors\">");
  process.exit(1);
}

// Content Security Policy: nothing inline but Trunk's bootstrap script and the strings preload
// (allowed by their hashes), nothing from other origins but the feed mirrors, WebAssembly
// allowed to compile.
const inlineScripts = [...index.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
const scriptHashes = inlineScripts.map((body) => `'sha256-${createHash("sha256").update(body, "utf8").digest("base64")}'`);
const mirrorOrigins = [...new Set(mirrors.filter((m) => /^https?:/.test(m)).map((m) => new URL(m).origin))];
const policy = (directives) =>
  Object.entries(directives)
    .map(([name, sources]) => [name, ...sources].join(" "))
    .join("; ");
const directives = {
  "default-src": ["'none'"],
  "script-src": ["'self'", "'wasm-unsafe-eval'", ...scriptHashes],
  "style-src": ["'self'"],
  "img-src": ["'self'"],
  "font-src": ["'self'"],
  "connect-src": ["'self'", ...mirrorOrigins],
  "manifest-src": ["'self'"],
  "worker-src": ["'self'"],
  "base-uri": ["'none'"],
  "form-action": ["'none'"],
  "object-src": ["'none'"],
};
// frame-ancestors only works as a header (browsers ignore it, with a warning, in a <meta>).
const headerPolicy = policy({ ...directives, "frame-ancestors": ["'none'"] });
const metaPolicy = policy(directives);
const cspMeta = /<meta[^>]*http-equiv="?Content-Security-Policy"?[^>]*>\s*/i;
const labelled = index
  .replace(cspMeta, "")
  .replace(meta, `<meta name="jardam-build" content="${label.replace(/[^\w.+-]/g, "")}">`)
  .replace(mirrorsMeta, `<meta name="jardam-feed-mirrors" content="${mirrors.join(" ")}">`)
  .replace(stringsMeta, `<meta name="jardam-l10n" content="${stringFiles}">`)
  .replace(qrMeta, `<meta name="jardam-qr" content="/${qrName} ${sri(qrCode)}">`)
  .replace(/<meta charset="?utf-8"?>/i, (charset) => `${charset}<meta http-equiv="Content-Security-Policy" content="${metaPolicy}">`);
if (!labelled.includes(metaPolicy)) {
  console.error("postbuild: index.html has no <meta charset=utf-8> to put the security policy after");
  process.exit(1);
}
writeFileSync(indexPath, labelled);

// Headers for any static host: security headers everywhere, never-cached entry points,
// year-long immutable caching for content-addressed files only (Trunk's -HASH16 names and the
// feed's packs/LANG.HASH16.json; every new content gives a pack a new name).
const security = [
  `Content-Security-Policy: ${headerPolicy}`,
  "Referrer-Policy: no-referrer",
  "X-Content-Type-Options: nosniff",
  "Permissions-Policy: " + PERMISSIONS,
];
const immutable = "Cache-Control: public, max-age=31536000, immutable";
const rules = [
  ["/*", security],
  ...["/", "/index.html", "/sw.js", "/manifest.webmanifest", "/feed/manifest.json", "/feed/manifest.json.sig"].map((path) => [
    path,
    ["Cache-Control: no-cache"],
  ]),
  ...files(dir)
    .filter((path) => /-[0-9a-f]{8,16}(_bg)?\.(js|wasm|css)$/.test(path))
    .map((path) => ["/" + path, [immutable]]),
  ["/feed/packs/*", [immutable]],
  ["/l10n/*", [immutable]],
];
writeFileSync(join(dir, "_headers"), rules.map(([path, headers]) => [path, ...headers.map((h) => "  " + h)].join("\n")).join("\n") + "\n");

const precache = files(dir);
const version = digest(precache).slice(0, 16);
const worker = readFileSync(join(root, "assets", "sw.js"), "utf8")
  .replace("__JARDAM_VERSION__", version)
  .replace("__JARDAM_PRECACHE__", JSON.stringify(precache.map((p) => "/" + p)));
writeFileSync(join(dir, "sw.js"), (await minify(worker, { ecma: 2020 })).code);
console.log(`postbuild: build ${label}, cache ${version}, ${precache.length} files precached`);
