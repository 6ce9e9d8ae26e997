// The UI strings of every language, built into DIR/l10n by the editors' tool (jardam-feed
// strings), and their list for the script in index.html that preloads the reader's.
import { join } from "node:path";
import { stringsFiles } from "../shell-files.mjs";
import { runFeedTool } from "./feed.mjs";

/** Builds one strings file per language into `dir`/l10n. */
export function buildStrings(dir) {
  runFeedTool(["strings", "--out", join(dir, "l10n")]);
}

/** The strings files of `dir`, as index.html's preload script reads them: `ky.HASH16 uz.HASH16 …`. */
export const stringsList = (dir) =>
  stringsFiles(dir)
    .map((path) => path.replace(/^l10n\//, "").replace(/\.json$/, ""))
    .join(" ");
