// The suite's own plumbing: a test that fails mid-way, with its browser and nginx still open,
// ends its file with a failure instead of keeping the suite waiting (issue #14).
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { join } from "node:path";
import { root } from "./support.mjs";

test("a test that fails with its browser and server open ends with a failure, not a hang", async () => {
  // Without the runner's own marker, so the child runs its file as a top-level `node --test` does.
  const { NODE_TEST_CONTEXT: _, ...env } = process.env;
  const child = spawn(process.execPath, ["--test", join(root, "tests", "fixtures", "fails-midway.mjs")], {
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  const limitMs = 60000;
  const killer = setTimeout(() => child.kill("SIGKILL"), limitMs);
  const [code, signal] = await new Promise((resolve) => child.once("exit", (...result) => resolve(result)));
  clearTimeout(killer);
  assert.equal(signal, null, `the file still ran after ${limitMs / 1000} s and was killed:\n${output}`);
  assert.equal(code, 1, output);
  assert.match(output, /failed mid-way on purpose/);
  assert.match(output, /^# fail 1$/m);
});
