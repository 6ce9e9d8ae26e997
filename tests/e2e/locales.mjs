// The UI strings of locales/*.toml as the browser tests read them.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { root } from "./support.mjs";

/**
 * The strings of a locale file: { key: [texts] } (a plural key has one text per form). The
 * files use one line per key, `key = "text"` or `key = { one = "…", other = "…" }`; any other
 * line fails here, so a change of format cannot silently empty the check.
 */
export function readLocale(lang) {
  const strings = {};
  const file = `locales/${lang}.toml`;
  for (const [index, line] of readFileSync(join(root, file), "utf8").split("\n").entries()) {
    if (/^\s*(#|$)/.test(line)) continue;
    const match = line.match(/^([a-z0-9_]+) = (.*)$/);
    assert.ok(match, `${file}:${index + 1}: not a one-line entry`);
    const [, key, value] = match;
    const literals = [...value.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((m) => JSON.parse(`"${m[1]}"`));
    assert.ok(literals.length > 0, `${file}:${index + 1}: no string`);
    strings[key] = literals;
  }
  return strings;
}

