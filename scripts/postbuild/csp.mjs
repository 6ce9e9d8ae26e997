// The Content Security Policy: nothing inline but Trunk's bootstrap script in index.html and the
// static pages' one line (pages.mjs, PAGE_SCRIPT), each allowed by its hash, nothing from other origins but the feed mirrors,
// WebAssembly allowed to compile. index.html carries it in a <meta http-equiv>; the header form
// (headers.mjs) adds what only works as a header.
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { indexPath } from "./index-html.mjs";
import { fail } from "./output.mjs";

/** The policy source that allows the inline script or style sheet `body`. */
const hash = (body) => `'sha256-${createHash("sha256").update(body, "utf8").digest("base64")}'`;

/** `{ name: [sources] }` as a policy string. */
const policy = (directives) =>
  Object.entries(directives)
    .map(([name, sources]) => [name, ...sources].join(" "))
    .join("; ");

/**
 * Writes the policy for index.html's inline scripts and the feed `mirrors` into index.html, in
 * place of any earlier one, right after `<meta charset>`; returns the policy for the header,
 * which also allows the inline style sheets and scripts of the static pages, `styles` and
 * `scripts` (their text).
 */
export function writeSecurityPolicy(dir, mirrors, styles = [], scripts = []) {
  const index = readFileSync(indexPath(dir), "utf8");
  const inlineScripts = [...index.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
  const scriptHashes = inlineScripts.map(hash);
  const mirrorOrigins = [...new Set(mirrors.filter((m) => /^https?:/.test(m)).map((m) => new URL(m).origin))];
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
  const metaPolicy = policy(directives);
  directives["style-src"] = ["'self'", ...styles.map(hash)];
  directives["script-src"] = [...directives["script-src"], ...scripts.map(hash)];
  const html = index
    .replace(/<meta[^>]*http-equiv="?Content-Security-Policy"?[^>]*>\s*/i, "")
    .replace(/<meta charset="?utf-8"?>/i, (charset) => `${charset}<meta http-equiv="Content-Security-Policy" content="${metaPolicy}">`);
  if (!html.includes(metaPolicy)) fail("index.html has no <meta charset=utf-8> to put the security policy after");
  writeFileSync(indexPath(dir), html);
  // frame-ancestors only works as a header (browsers ignore it, with a warning, in a <meta>).
  return policy({ ...directives, "frame-ancestors": ["'none'"] });
}
