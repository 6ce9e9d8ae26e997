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
import { execFileSync } from "node:child_process";
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { setIntegrity } from "./index-html.mjs";
import { fail } from "./output.mjs";
import { root } from "./repo.mjs";

const THIRD_PASS = ["--flatten", "--rereloop", "-Oz", "-Oz", "--converge"];

/** The WebAssembly features index.html gives Trunk's own wasm-opt run. */
const wasmOptFlags = readFileSync(join(root, "index.html"), "utf8").match(/data-wasm-opt-params="([^"]*)"/)?.[1].split(/\s+/) ?? [];

/** The module names the WebAssembly in `bytes` imports from. */
const importModules = (bytes) => new Set(WebAssembly.Module.imports(new WebAssembly.Module(bytes)).map((i) => i.module));

/** Whether `name` can stand as a bare key and after a dot. */
const isIdentifier = (name) => /^[A-Za-z_$][\w$]*$/.test(name);

/** The glue is not shaped as this step expects. */
export class GlueShapeError extends Error {}

/**
 * Applies Binaryen's `mapping` ({ imports: [[module, from, to]], exports: [[from, to]] }, as
 * `--minify-imports-and-exports-and-modules` prints it) to wasm-bindgen's glue: each import's
 * key in the imports object, the module name that object is given under (now `module`), and
 * every `wasm.NAME` export read. Throws a GlueShapeError where the glue does not match.
 */
export function rewriteGlue(glue, mapping, module) {
  const property = (name) => (isIdentifier(name) ? name : JSON.stringify(name));
  for (const [owner, from, to] of mapping.imports) {
    const key = new RegExp(`(^|[\\s,{])${from.replace(/\$/g, "\\$")}(?=: )`, "gm");
    const found = glue.match(key)?.length ?? 0;
    if (found !== 1) throw new GlueShapeError(`import ${from} of ${owner} is a key ${found} times, not once`);
    glue = glue.replace(key, (_, before) => before + property(to));
  }
  const [named] = mapping.imports[0] ?? [];
  const moduleKey = `${JSON.stringify(named)}: `;
  if (glue.split(moduleKey).length !== 2) throw new GlueShapeError(`the import module ${named} is not named once`);
  glue = glue.replace(moduleKey, () => `${JSON.stringify(module)}: `);
  const exports = new Map(mapping.exports);
  return glue.replace(/\bwasm\.([A-Za-z_$][\w$]*)/g, (_, from) => {
    if (!exports.has(from)) throw new GlueShapeError(`wasm.${from} is not an export`);
    const to = exports.get(from);
    return isIdentifier(to) ? `wasm.${to}` : `wasm[${JSON.stringify(to)}]`;
  });
}

/**
 * Shortens the names of the app's WebAssembly in `dir` and of its glue, runs the extra wasm-opt
 * passes (not for a debug build) and writes the WebAssembly's new integrity into index.html.
 * A folder finished before (postbuild run again by hand or by a test) keeps its short names.
 */
export function shortenNames(dir, { debug = process.env.TRUNK_PROFILE === "debug" } = {}) {
  for (const name of readdirSync(dir).filter((file) => /^jardam-app-[0-9a-f]+_bg\.wasm$/.test(file))) {
    const wasmPath = join(dir, name);
    const gluePath = join(dir, name.replace(/_bg\.wasm$/, ".js"));
    if (![...importModules(readFileSync(wasmPath))].some((module) => module.endsWith("_bg.js"))) continue;
    const minifying = [...wasmOptFlags, "--minify-imports-and-exports-and-modules", ...(debug ? [] : ["-Oz"])];
    const mapping = JSON.parse(execFileSync("wasm-opt", [...minifying, wasmPath, "-o", wasmPath], { encoding: "utf8" }));
    if (!debug) execFileSync("wasm-opt", [...wasmOptFlags, ...THIRD_PASS, wasmPath, "-o", wasmPath]);
    const wasm = readFileSync(wasmPath);
    const modules = [...importModules(wasm)];
    const shapeChanged = (what) => fail(`${gluePath}: ${what}; the glue's shape changed (wasm-bindgen upgrade?)`);
    if (modules.length !== 1) shapeChanged(`expected one import module after minifying, found ${modules.join(", ")}`);
    try {
      writeFileSync(gluePath, rewriteGlue(readFileSync(gluePath, "utf8"), mapping, modules[0]));
    } catch (error) {
      if (!(error instanceof GlueShapeError)) throw error;
      shapeChanged(error.message);
    }
    setIntegrity(dir, name, wasm);
  }
}
