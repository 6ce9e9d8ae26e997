// The size-tuned release build's nightly options stay inside it (issue #14): the build stops
// with a plain sentence on a rustc they were not checked with, and the feed tool that the
// post-build step runs is built without them.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { copyOfBuild, root } from "./support.mjs";

/** A folder of stand-in commands, each a shell script `NAME` with the given body. */
function standIns(commands) {
  const bin = mkdtempSync(join(tmpdir(), "jardam-bin-"));
  for (const [name, body] of Object.entries(commands)) {
    writeFileSync(join(bin, name), `#!/bin/sh\n${body}\n`);
    chmodSync(join(bin, name), 0o755);
  }
  return bin;
}

test("on a rustc the options were not checked with, the release build stops and says why", () => {
  const bin = standIns({ rustc: 'echo "rustc 1.99.0 (000000000 2027-01-01)"', trunk: 'echo "trunk ran" >&2; exit 3' });
  try {
    const run = spawnSync(join(root, "scripts", "build-release.sh"), [], {
      env: { ...process.env, PATH: `${bin}:${process.env.PATH}` },
      encoding: "utf8",
    });
    assert.equal(run.status, 1, run.stderr);
    assert.doesNotMatch(run.stderr, /trunk ran/);
    assert.match(run.stderr, /this is rustc 1\.99\.0/);
    for (const named of ["-Zbuild-std", "-Cpanic=immediate-abort", "-Zfmt-debug=none", "-Zlocation-detail=none", "RUSTC_BOOTSTRAP=1", "31 KB"]) {
      assert.ok(run.stderr.includes(named), `the message does not name ${named}:\n${run.stderr}`);
    }
  } finally {
    rmSync(bin, { recursive: true, force: true });
  }
});

test("the post-build step runs the feed tool without the release build's nightly options", () => {
  const dir = copyOfBuild("release-flags");
  const seen = join(dir, "cargo-env.txt");
  const cargo = execFileSync("sh", ["-c", "command -v cargo"], { encoding: "utf8" }).trim();
  const bin = standIns({ cargo: `env >> "${seen}"\nexec "${cargo}" "$@"` });
  try {
    execFileSync("node", [join(root, "scripts", "postbuild.mjs"), dir], {
      env: {
        ...process.env,
        PATH: `${bin}:${process.env.PATH}`,
        RUSTC_BOOTSTRAP: "1",
        CARGO_UNSTABLE_BUILD_STD: "std,panic_abort",
        CARGO_UNSTABLE_BUILD_STD_FEATURES: "optimize_for_size",
        CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS: "-Zfmt-debug=none",
        CARGO_TARGET_DIR: join(dir, "size-tuned-target"),
      },
      stdio: ["ignore", "ignore", "pipe"],
    });
    const env = readFileSync(seen, "utf8");
    assert.match(env, /^PATH=/m, "the stand-in cargo never ran");
    assert.doesNotMatch(env, /^(RUSTC_BOOTSTRAP|CARGO_UNSTABLE_[A-Z_]+|CARGO_TARGET_DIR|CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS)=/m);
    // The feed was still built and signed.
    assert.ok(readFileSync(join(dir, "feed", "manifest.json"), "utf8").length > 0);
  } finally {
    rmSync(bin, { recursive: true, force: true });
    rmSync(dir, { recursive: true, force: true });
  }
});
