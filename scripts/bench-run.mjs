// What every benchmark script does first: insist on a release build and never hang.
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const dist = join(dirname(fileURLToPath(import.meta.url)), "..", "dist");

/**
 * Exits (2) when dist/ holds no release build; otherwise starts a watchdog that ends the
 * process (1) after `minutes`. Returns the watchdog, for clearTimeout when done.
 */
export function startBench(name, minutes) {
  if (!existsSync(join(dist, "index.html"))) {
    console.error(`${name}: no release build in dist/ (run \`make build\` first)`);
    process.exit(2);
  }
  return setTimeout(() => {
    console.error(`${name}: gave up after ${minutes} minutes`);
    process.exit(1);
  }, minutes * 60 * 1000);
}

/** The median of a list of numbers. */
export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
