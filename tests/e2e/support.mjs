// Shared helpers of the end-to-end tests: serve a build with the repo's nginx configuration on
// loopback, and drive Debian's Chromium through playwright-core (never a downloaded browser).
import { spawn, execFileSync } from "node:child_process";
import { chmodSync, cpSync, mkdtempSync, rmSync } from "node:fs";
import { createServer, connect } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

export const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

/** Chromium flags for this machine: no sandbox as root, no background traffic to Google. */
const FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** A free TCP port on 127.0.0.1. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function waitForPort(port, timeoutMs = 10000) {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const attempt = () => {
      const socket = connect(port, "127.0.0.1");
      socket.once("connect", () => {
        socket.end();
        resolve();
      });
      socket.once("error", () => {
        socket.destroy();
        if (Date.now() > deadline) reject(new Error(`nothing listens on port ${port}`));
        else setTimeout(attempt, 100);
      });
    };
    attempt();
  });
}

/** Serves `dir` with scripts/serve.sh (nginx) on `port`; resolves to a handle with stop(). */
export async function serve(dir, port) {
  const child = spawn(join(root, "scripts", "serve.sh"), [dir, String(port)], {
    stdio: ["ignore", "ignore", "inherit"],
  });
  await waitForPort(port);
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", resolve);
        child.kill("SIGTERM");
      }),
  };
}

/** A private copy of the release build in dist/, so a test may change it. */
export function copyOfBuild(label) {
  const dir = mkdtempSync(join(tmpdir(), `jardam-${label}-`));
  cpSync(join(root, "dist"), dir, { recursive: true });
  chmodSync(dir, 0o755); // nginx's workers run as an unprivileged user and must read it
  return dir;
}

/** Re-runs the post-build step on `dir` with a new build label: a new version of the app. */
export function relabel(dir, label) {
  execFileSync("node", [join(root, "scripts", "postbuild.mjs"), dir], {
    env: { ...process.env, JARDAM_BUILD_LABEL: label },
    stdio: ["ignore", "ignore", "inherit"],
  });
}

/**
 * Chromium with a persistent temporary profile: Chrome reports incognito contexts as not
 * installable, so installability needs a real profile.
 */
export async function launch(options = {}) {
  const profile = mkdtempSync(join(tmpdir(), "jardam-profile-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    headless: true,
    args: FLAGS,
    viewport: { width: 360, height: 740 },
    ...options,
  });
  const close = async () => {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  };
  return { context, close };
}

/** Resolves once a service worker controls the page. */
export async function waitForController(page) {
  await page.waitForFunction(() => navigator.serviceWorker && navigator.serviceWorker.controller !== null, null, {
    timeout: 30000,
  });
}
