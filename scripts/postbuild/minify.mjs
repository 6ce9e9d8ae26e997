// Minifying with terser (an npm package of tests/): the JS glue here; the QR encoder and the
// service worker in their own steps. Trunk's own minifier cannot parse wasm-bindgen's glue.
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { setIntegrity } from "./index-html.mjs";
import { packagePath } from "./repo.mjs";

/** terser's `minify(code, options)`. */
export const { minify } = await import(pathToFileURL(packagePath("terser")));

/**
 * Minifies the app's JS glue in `dir` and writes its new integrity into index.html. Its imports
 * object's functions become methods (`unsafe_methods`, 76 B less with brotli): the WebAssembly
 * calls them, nothing constructs them with `new`.
 */
export async function minifyGlue(dir) {
  for (const name of readdirSync(dir).filter((file) => /^jardam-app-[0-9a-f]+\.js$/.test(file))) {
    const path = join(dir, name);
    const { code } = await minify(readFileSync(path, "utf8"), { module: true, ecma: 2020, compress: { unsafe_methods: true } });
    writeFileSync(path, code);
    setIntegrity(dir, name, code);
  }
}

/** Writes the web manifest Trunk copied into `dir` without its whitespace (31 B with brotli). */
export function minifyManifest(dir) {
  const path = join(dir, "manifest.webmanifest");
  writeFileSync(path, JSON.stringify(JSON.parse(readFileSync(path, "utf8"))));
}
