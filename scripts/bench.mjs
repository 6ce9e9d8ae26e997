#!/usr/bin/env node
// Measures the release build in dist/ and rewrites BENCHMARKS.md.
// Shell = what a first visit loads for the app (scripts/shell-files.mjs: index.html, JS, WASM,
// CSS, web manifest, linked icons, sw.js and one language's UI strings); sizes raw, gzip
// (level 9) and brotli (quality 11), as a static host would serve them.
// Usage: make bench   (or: node scripts/bench.mjs after `make build`)
import { execFileSync } from "node:child_process";
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { cpus, release } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { shellFiles, stringsFiles } from "./shell-files.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const dist = join(root, "dist");

/** Raw, gzip and brotli byte counts of one file. */
export function sizes(bytes) {
  return {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
    }).length,
  };
}

const kb = (n) => (n / 1024).toFixed(1);
const hashless = (name) => name.replace(/[-.][0-9a-f]{8,16}(?=[_.])/, (m) => `${m[0]}HASH`);
const rows = shellFiles(dist).map((name) => ({ name: hashless(name), ...sizes(readFileSync(join(dist, name))) }));
// One language's strings: the largest, as the budget counts them (a Russian reader loads none).
const strings = stringsFiles(dist)
  .map((name) => ({ name, ...sizes(readFileSync(join(dist, name))) }))
  .sort((a, b) => b.brotli - a.brotli);
rows.push({ ...strings[0], name: `${hashless(strings[0].name)} (largest of ${strings.length})` });
const total = rows.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }), {
  raw: 0,
  gzip: 0,
  brotli: 0,
});

function version(cmd, args) {
  try {
    return execFileSync(cmd, args, { encoding: "utf8" }).trim().split("\n")[0];
  } catch {
    return "not found";
  }
}

const packDir = join(dist, "feed", "packs");
const packs = readdirSync(packDir)
  .sort()
  .map((name) => ({ name: name.replace(/\.[0-9a-f]{16}\.json$/, ".json"), ...sizes(readFileSync(join(packDir, name))) }));
const worker = readFileSync(join(dist, "sw.js"), "utf8");
const precached = JSON.parse(worker.match(/=\s*(\["\/[^\]]*\])/)[1]);
const install = precached
  .map((url) => sizes(readFileSync(join(dist, url.slice(1)))))
  .reduce((t, r) => ({ raw: t.raw + r.raw, brotli: t.brotli + r.brotli }), { raw: 0, brotli: 0 });

const date = new Date().toISOString().slice(0, 10);
const machine = `${cpus().length} × ${cpus()[0]?.model ?? "unknown CPU"}, Linux ${release()}`;
const lines = [
  "# Benchmarks",
  "",
  "Produced by `make bench` (scripts/bench.mjs, scripts/bench-sync.mjs, then scripts/bench-perf.mjs); rerun it to refresh every figure.",
  "",
  `- Date: ${date}`,
  `- Machine: ${machine}`,
  `- Toolchain: ${version("rustc", ["--version"])}; ${version("trunk", ["--version"])}; wasm-opt ${version("wasm-opt", ["--version"])}`,
  "",
  "## App shell size (release build)",
  "",
  "What a first visit downloads for the app (scripts/shell-files.mjs; file names carry content",
  "hashes): index.html, JS, WASM, CSS, web manifest, linked icons, the service worker and the UI",
  "strings of one language (the largest; Russian is built in). gzip level 9, brotli quality 11.",
  `Budget: ${kb(200 * 1024)} KB with brotli (tests/e2e/budget.test.mjs).`,
  "",
  "| file | raw KB | gzip KB | brotli KB |",
  "|---|---:|---:|---:|",
  ...rows.map((r) => `| ${r.name.replace(/-[0-9a-f]{16}/, "-HASH")} | ${kb(r.raw)} | ${kb(r.gzip)} | ${kb(r.brotli)} |`),
  `| **shell total** | **${kb(total.raw)}** | **${kb(total.gzip)}** | **${kb(total.brotli)}** |`,
  "",
  "## Content packs (bundled feed, one per language)",
  "",
  "| pack | raw KB | gzip KB | brotli KB |",
  "|---|---:|---:|---:|",
  ...packs.map((r) => `| ${r.name} | ${kb(r.raw)} | ${kb(r.gzip)} | ${kb(r.brotli)} |`),
  "",
  "## First install",
  "",
  `The service worker precaches ${precached.length} files: ${kb(install.raw)} KB raw, ` +
    `${kb(install.brotli)} KB with brotli (shell, web manifest, icons, feed manifest and every pack).`,
  "",
];
// Keep the sections other scripts write (scripts/bench-sync.mjs …).
const own = new Set(lines.filter((l) => l.startsWith("## ")));
let kept = [];
try {
  const sections = readFileSync(join(root, "BENCHMARKS.md"), "utf8").split(/\n(?=## )/).slice(1);
  kept = sections.filter((section) => !own.has(section.split("\n")[0]));
} catch {
  kept = [];
}
writeFileSync(join(root, "BENCHMARKS.md"), [lines.join("\n"), ...kept].join("\n").replace(/\n*$/, "\n"));
console.log(lines.join("\n"));
