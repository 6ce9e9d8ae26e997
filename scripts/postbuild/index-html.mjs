// index.html of the output folder: the integrity of the files it links and the <meta> tags that
// the post-build steps fill in. Trunk's HTML minifier drops quotes and reorders attributes, so
// tags are matched loosely.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fail, sri } from "./output.mjs";

/** The path of index.html in `dir`. */
export const indexPath = (dir) => join(dir, "index.html");

/** Replaces the integrity of index.html's `<link>` to `/name` with that of `bytes`. */
export function setIntegrity(dir, name, bytes) {
  const html = readFileSync(indexPath(dir), "utf8");
  const link = new RegExp(`(<link[^>]*href="?/${name.replace(/\./g, "\\.")}"?[^>]*integrity=)"?sha384-[A-Za-z0-9+/=]+"?`);
  if (!link.test(html)) fail(`index.html has no integrity for ${name} to update`);
  writeFileSync(indexPath(dir), html.replace(link, `$1${sri(bytes)}`));
}

/** `value` as an HTML attribute value: unquoted where HTML reads it the same (bytes of every page). */
const attribute = (value) => (/^[^\s"'=<>`]+$/.test(value) ? value : `"${value}"`);

/**
 * Writes each `content` of `contents` ({ NAME: content }) into index.html's
 * `<meta name="NAME">`; stops, writing nothing, if one of the tags is missing.
 */
export function fillMeta(dir, contents) {
  let html = readFileSync(indexPath(dir), "utf8");
  for (const [name, content] of Object.entries(contents)) {
    const tag = new RegExp(`<meta[^>]*\\bname="?${name}"?[^>]*>`);
    if (!tag.test(html)) fail(`index.html has no <meta name="${name}">`);
    html = html.replace(tag, () => `<meta name=${name} content=${attribute(content)}>`);
  }
  writeFileSync(indexPath(dir), html);
}
