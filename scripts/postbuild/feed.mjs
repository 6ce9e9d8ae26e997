// The signed content feed, built into DIR/feed by the editors' tool (jardam-feed build), and
// the feed mirrors the app syncs from.
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { fail } from "./output.mjs";
import { root } from "./repo.mjs";

/**
 * The environment for the editors' feed tool: the release build's nightly options
 * (scripts/size-flags.sh) and target folder are left out, so jardam-feed is the plain stable
 * build that `cargo test` also makes, not one with a host standard library rebuilt for size.
 */
const feedToolEnv = () =>
  Object.fromEntries(
    Object.entries(process.env).filter(
      ([name]) => name !== "RUSTC_BOOTSTRAP" && name !== "CARGO_TARGET_DIR" && !name.startsWith("CARGO_UNSTABLE_") && !/^CARGO_TARGET_.+_RUSTFLAGS$/.test(name),
    ),
  );

/** Runs `jardam-feed ARGS…` in the repository. */
export function runFeedTool(args) {
  execFileSync("cargo", ["run", "--quiet", "-p", "jardam-feed", "--", ...args], { cwd: root, env: feedToolEnv(), stdio: "inherit" });
}

/** Builds the signed content feed into `dir`/feed (signed with JARDAM_SIGNING_KEY if set). */
export function buildFeed(dir) {
  runFeedTool(["build", "--out", join(dir, "feed")]);
}

/**
 * The feed mirrors of `list` (base URLs, space-separated, tried in order; JARDAM_FEED_MIRRORS,
 * by default the app's own /feed/); stops on one that is not `/path/` or `http(s)://host/path/`.
 */
export function feedMirrors(list = process.env.JARDAM_FEED_MIRRORS) {
  const mirrors = (list || "/feed/").split(/\s+/).filter(Boolean);
  for (const mirror of mirrors) {
    if (!/^(\/|https?:\/\/)[^\s"<>]*\/$/.test(mirror)) fail(`feed mirror ${mirror} must be /path/ or http(s)://host/path/`);
  }
  return mirrors;
}
