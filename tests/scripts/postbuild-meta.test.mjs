// index.html's <meta> tags that the post-build step fills in (scripts/postbuild/index-html.mjs):
// values unquoted only where HTML reads them the same, and a second fill finds the tags again.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fillMeta } from "../../scripts/postbuild/index-html.mjs";

/** The metas' contents as a browser's parser reads them, after filling `contents` in. */
function filled(html, ...fills) {
  const dir = mkdtempSync(join(tmpdir(), "jardam-meta-"));
  writeFileSync(join(dir, "index.html"), html);
  try {
    for (const contents of fills) fillMeta(dir, contents);
    return readFileSync(join(dir, "index.html"), "utf8");
  } finally {
    rmSync(dir, { recursive: true });
  }
}

/** `name` → content of every `<meta name content>` in `html`, quoted or not. */
const metas = (html) =>
  Object.fromEntries([...html.matchAll(/<meta name=([\w-]+) content=(?:"([^"]*)"|([^\s>]*))>/g)].map((m) => [m[1], m[2] ?? m[3]]));

const page = `<head><meta name=jardam-build content=dev><meta name="jardam-feed-mirrors" content="/feed/"><meta name=jardam-qr content=""></head>`;

test("a value without spaces or quotes is written unquoted, others quoted, and HTML reads each back", () => {
  const html = filled(page, { "jardam-build": "548c5a51", "jardam-feed-mirrors": "/feed/ https://b.example/feed/", "jardam-qr": "/qr.js sha384-a/b+c=" });
  assert.match(html, /<meta name=jardam-build content=548c5a51>/);
  assert.match(html, /content="\/feed\/ https:\/\/b\.example\/feed\/"/);
  assert.deepEqual(metas(html), { "jardam-build": "548c5a51", "jardam-feed-mirrors": "/feed/ https://b.example/feed/", "jardam-qr": "/qr.js sha384-a/b+c=" });
});

test("an empty value stays quoted, and filling again replaces what the first fill wrote", () => {
  assert.match(filled(page, { "jardam-build": "" }), /<meta name=jardam-build content="">/);
  const html = filled(page, { "jardam-build": "", "jardam-feed-mirrors": "/feed/" }, { "jardam-build": "v2", "jardam-feed-mirrors": "/m/" });
  assert.deepEqual(metas(html), { "jardam-build": "v2", "jardam-feed-mirrors": "/m/", "jardam-qr": "" });
  assert.equal(html.match(/<meta/g).length, 3);
});
