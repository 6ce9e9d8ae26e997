// The letters page (app/src/letters/): its module, which Trunk builds as a `worker` asset into
// DIR/jardam-letters.js and DIR/jardam-letters_bg.wasm, renamed with a hash of their content
// (so hosts may cache them for good, as the rest) with the glue minified; a starter
// DIR/letters-HASH16.js that imports the glue and starts the WebAssembly; and DIR/letters.html,
// the page served at /letters and /letters/ID (deploy/nginx.conf, the service worker), with the
// app's style sheet and its own (assets/letters.css), icons and security policy. The app links to it; none of it is part of the
// shell a first visit loads.
import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync, renameSync, unlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { minify } from "./minify.mjs";
import { fail, sri } from "./output.mjs";
import { root } from "./repo.mjs";

const hash16 = (bytes) => createHash("sha256").update(bytes).digest("hex").slice(0, 16);

/** The file of `dir` whose name matches `pattern`, if any. */
const named = (dir, pattern) => readdirSync(dir).find((file) => pattern.test(file));

/** Removes the files of `dir` whose names match `pattern`. */
const removeAll = (dir, pattern) => readdirSync(dir).filter((file) => pattern.test(file)).forEach((file) => unlinkSync(join(dir, file)));

/**
 * Renames and minifies the module Trunk wrote into `dir` (a second run on the same folder keeps
 * the renamed files) and writes its starter and letters.html with the security policy `policy`.
 */
export async function writeLettersPage(dir, policy) {
  const wasm = join(dir, "jardam-letters_bg.wasm");
  if (existsSync(wasm)) {
    removeAll(dir, /^jardam-letters-[0-9a-f]{16}_bg\.wasm$/);
    renameSync(wasm, join(dir, `jardam-letters-${hash16(readFileSync(wasm))}_bg.wasm`));
  }
  const glue = join(dir, "jardam-letters.js");
  if (existsSync(glue)) {
    removeAll(dir, /^jardam-letters-[0-9a-f]{16}\.js$/);
    const { code } = await minify(readFileSync(glue, "utf8"), { module: true, ecma: 2020 });
    writeFileSync(join(dir, `jardam-letters-${hash16(code)}.js`), code);
    unlinkSync(glue);
  }
  const wasmName = named(dir, /^jardam-letters-[0-9a-f]{16}_bg\.wasm$/);
  const glueName = named(dir, /^jardam-letters-[0-9a-f]{16}\.js$/);
  if (!wasmName || !glueName) fail("Trunk built no letters module (jardam-letters.js and jardam-letters_bg.wasm)");
  // The module's `main` mounts the page once its WebAssembly has started.
  const starter = `import init from "/${glueName}";\ninit({ module_or_path: "/${wasmName}" });\n`;
  removeAll(dir, /^letters-[0-9a-f]{16}\.js$/);
  const name = `letters-${hash16(starter)}.js`;
  writeFileSync(join(dir, name), starter);
  const index = readFileSync(join(dir, "index.html"), "utf8");
  const keep = (pattern, what) => index.match(pattern)?.[0] ?? fail(`index.html has no ${what} for letters.html`);
  const head = [
    keep(/<meta[^>]*name="?viewport"?[^>]*>/, "viewport"),
    keep(/<meta[^>]*name="?theme-color"?[^>]*>/, "theme colour"),
    keep(/<link[^>]*rel="?manifest"?[^>]*>/, "web manifest link"),
    keep(/<link[^>]*rel="?icon"?[^>]*>/, "icon link"),
    keep(/<link[^>]*rel="?stylesheet"?[^>]*>/, "style sheet link"),
  ];
  const css = readFileSync(join(root, "assets", "letters.css"));
  removeAll(dir, /^letters-[0-9a-f]{16}\.css$/);
  const cssName = `letters-${hash16(css)}.css`;
  writeFileSync(join(dir, cssName), css);
  head.push(`<link rel=stylesheet href="/${cssName}" integrity="${sri(css)}">`);
  const meta = policy.replace(/; frame-ancestors [^;]*/, "");
  const page =
    `<!doctype html><html dir=ltr><meta charset=utf-8><meta http-equiv="Content-Security-Policy" content="${meta}">` +
    `<title>Jardam</title>${head.join("")}` +
    `<script type=module src="/${name}" integrity="${sri(starter)}" crossorigin></script>` +
    `<body><div aria-busy=true class=boot id=boot>Jardam</div>` +
    `<noscript>Jardam needs JavaScript. · Для работы Jardam нужен JavaScript. · Jardam үчүн JavaScript керек.</noscript></body></html>\n`;
  writeFileSync(join(dir, "letters.html"), page);
}
