// The QR encoder the Share screens load (the npm package qrcode-generator, minified), written to
// DIR/qr-HASH16.js: loaded only by the screens that draw a code, so it is not part of the shell.
import { createHash } from "node:crypto";
import { readFileSync, readdirSync, unlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { minify } from "./minify.mjs";
import { sri } from "./output.mjs";
import { packagePath } from "./repo.mjs";

/** Writes the encoder into `dir` in place of any earlier one; returns `/NAME INTEGRITY` for `<meta name="jardam-qr">`. */
export async function writeQrEncoder(dir) {
  const code = (await minify(readFileSync(packagePath("qrcode-generator"), "utf8"), { ecma: 2015 })).code;
  const name = `qr-${createHash("sha256").update(code).digest("hex").slice(0, 16)}.js`;
  for (const old of readdirSync(dir).filter((file) => /^qr-[0-9a-f]{16}\.js$/.test(file))) unlinkSync(join(dir, old));
  writeFileSync(join(dir, name), code);
  return `/${name} ${sri(code)}`;
}
