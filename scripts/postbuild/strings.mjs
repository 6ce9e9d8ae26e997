// The UI strings of every language, built into DIR/l10n by the editors' tool (jardam-feed
// strings). Each static page preloads its language's (pages.mjs).
import { join } from "node:path";
import { runFeedTool } from "./feed.mjs";

/** Builds one strings file per language into `dir`/l10n. */
export function buildStrings(dir) {
  runFeedTool(["strings", "--out", join(dir, "l10n")]);
}
