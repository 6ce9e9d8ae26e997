// The repository a build runs in: its root folder, and the npm packages of tests/ that the
// post-build steps use (scripts/setup.sh installs them).
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** The repository's root folder. */
export const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

/** The main file of the npm package `name` of tests/. */
export const packagePath = (name) => createRequire(join(root, "tests", "package.json")).resolve(name);
