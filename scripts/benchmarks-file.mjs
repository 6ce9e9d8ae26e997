// BENCHMARKS.md, written section by section: each benchmark script replaces its own section
// ("## Heading" up to the next "## ") and leaves the others as they are.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const file = join(dirname(fileURLToPath(import.meta.url)), "..", "BENCHMARKS.md");

/** Replaces (or appends) the section that starts with the line `heading` by `text`. */
export function writeSection(heading, text, by) {
  const current = existsSync(file) ? readFileSync(file, "utf8") : "# Benchmarks\n";
  const start = current.indexOf(`${heading}\n`);
  let updated;
  if (start < 0) {
    updated = `${current.replace(/\n*$/, "\n")}\n${text}`;
  } else {
    const next = current.indexOf("\n## ", start + heading.length);
    updated = current.slice(0, start) + text + (next < 0 ? "" : current.slice(next));
  }
  writeFileSync(file, updated.replace(/\n*$/, "\n"));
  console.error(`${by}: section "${heading.slice(3)}" written to BENCHMARKS.md`);
}
