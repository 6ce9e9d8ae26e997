// The post-build step that shortens wasm-bindgen's names (scripts/postbuild/names.mjs), on the
// glue of tests/fixtures/glue/ and the mapping Binaryen would print for it: no build needed.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { GlueShapeError, rewriteGlue } from "../../scripts/postbuild/names.mjs";

const fixture = join(dirname(fileURLToPath(import.meta.url)), "..", "fixtures", "glue");
const glue = readFileSync(join(fixture, "jardam-app.js"), "utf8");
const mapping = JSON.parse(readFileSync(join(fixture, "names.json"), "utf8"));

/** The lines of `after` that differ from those of `before`, as "LINE: text" (same line count asserted). */
function changedLines(before, after) {
  const old = before.split("\n");
  const now = after.split("\n");
  assert.equal(now.length, old.length, "the rewrite keeps every line");
  return now.flatMap((line, i) => (line === old[i] ? [] : [`${i + 1}: ${line.trim()}`]));
}

test("the import keys, the module name and every export read take the short names, and nothing else changes", () => {
  assert.deepEqual(changedLines(glue, rewriteGlue(glue, mapping, "a")), [
    "11: wasm.e(ptr, 0);",
    "17: const ret = wasm.f(this.__wbg_ptr);",
    "24: a: function(arg0, arg1) {",
    "28: b: function() {",
    "32: $1: function(arg0) {",
    "36: c: function() {",
    "37: const table = wasm.g;",
    '43: "a": import0,',
    "50: cachedUint8ArrayMemory0 = new Uint8Array(wasm.d.buffer);",
    "67: wasm.h();",
  ]);
});

test("a short name that is not a JS identifier is quoted as a key and read with brackets", () => {
  const quoted = {
    imports: mapping.imports.map(([module, from, to]) => [module, from, to === "a" ? "a-b" : to]),
    exports: mapping.exports.map(([from, to]) => [from, from === "memory" ? "0" : to]),
  };
  const rewritten = rewriteGlue(glue, quoted, "a");
  assert.match(rewritten, /^ {8}"a-b": function\(arg0, arg1\) \{$/m);
  assert.match(rewritten, /new Uint8Array\(wasm\["0"\]\.buffer\)/);
});

test("an import that is a key twice stops the rewrite, naming it", () => {
  const twice = glue.replace("// Logs through console.log;", "// Logs like __wbg_now_2c95c9de01293173: does;");
  assert.throws(() => rewriteGlue(twice, mapping, "a"), {
    name: "Error",
    message: "import __wbg_now_2c95c9de01293173 of ./jardam-app_bg.js is a key 2 times, not once",
  });
  assert.throws(() => rewriteGlue(twice, mapping, "a"), GlueShapeError);
});

test("an import the glue lacks, a module named twice or a read of no export stops the rewrite", () => {
  const missing = { ...mapping, imports: [...mapping.imports, ["./jardam-app_bg.js", "__wbg_gone_0000000000000000", "i"]] };
  assert.throws(() => rewriteGlue(glue, missing, "a"), { message: /__wbg_gone_0000000000000000 .* is a key 0 times/ });
  const twoModules = glue.replace("    return {\n", '    const again = { "./jardam-app_bg.js": import0 };\n    return {\n');
  assert.throws(() => rewriteGlue(twoModules, mapping, "a"), { message: "the import module ./jardam-app_bg.js is not named once" });
  const unknown = glue.replace("wasm.__wbindgen_start();", "wasm.__wbindgen_start();\n    wasm.__wbindgen_stop();");
  assert.throws(() => rewriteGlue(unknown, mapping, "a"), { message: "wasm.__wbindgen_stop is not an export" });
});
