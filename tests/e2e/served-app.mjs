// The fixture of the end-to-end tests: the app served with given feed mirrors, feed and
// language, opened in Chromium (online, or installed and then offline), and closed again when
// the tests of its file or `describe` block have ended.
import { after, before } from "node:test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { prepareFeeds, startFeedServer } from "./feed-server.mjs";
import { appShown, configure, copyOfBuild, freePort, launch, launchProfile, presetLanguage, serve, waitForController } from "./support.mjs";

/** In `mirrors`: a local FeedServer (feed-server.mjs) started for the app. */
export const LOCAL_MIRROR = Symbol("the local feed mirror");
/** In `mirrors`: an address on 127.0.0.1 where nothing listens. */
export const DEAD_MIRROR = Symbol("a mirror nobody answers on");

/** The phone the tests use unless they say otherwise. */
const PHONE = { width: 320, height: 640 };

/**
 * Serves the app for the tests of the file or `describe` block this is called in, set up by a
 * `before` hook and closed by an `after` hook; see openApp for `options` and for what the
 * returned app holds once the hook has run. `then(app)`, if given, runs in the same hook once
 * the app is open: a set-up that needs the app goes there, for Node 20 runs the top-level
 * `before` hooks of a file side by side, not one after the other.
 */
export function servedApp(options, then) {
  const app = {};
  // Long: re-running the post-build step may wait for Cargo's lock while another build runs.
  before(
    async () => {
      await openApp(options, app);
      await then?.(app);
    },
    { timeout: 10 * 60 * 1000 },
  );
  after(() => app.close?.());
  return app;
}

/**
 * Serves a private copy of the release build in dist/ and opens it in Chromium on a persistent
 * profile of its own. Options:
 * - name: names the temporary folders, and the build label (`e2e-NAME`) if the build is changed;
 * - label: a build label of its own (re-runs the post-build step);
 * - mirrors: the feed mirrors, base URLs or LOCAL_MIRROR / DEAD_MIRROR (re-runs the post-build
 *   step); with LOCAL_MIRROR, every feed variant of prepareFeeds is built;
 * - feed: the variant the local mirror serves at first (default "unchanged");
 * - lang: the language every page starts in unless the user chose one ("en"; null: none);
 * - welcomed: whether the first-start questions count as answered (true);
 * - viewport: the page's size (320 × 640);
 * - offline: open /rights, wait for the service worker and the articles, then stop the server
 *   and take the browser offline (an installed app, used without a network);
 * - browser: false to serve only (tests open browsers with app.open).
 * Fills `app` (returned) with { dir, url, server, mirrors (as configured), feed, feeds, context,
 * page, open(options), reopen(), close() }: `feed` is the local FeedServer, `feeds` its variants;
 * open() starts another browser on a fresh profile (lang, welcomed, viewport as above) and
 * resolves to { context, page, close }; reopen() restarts the app's browser on its profile,
 * offline again if it was.
 */
export async function openApp(options, app = {}) {
  const { name, label, mirrors, feed = "unchanged", offline = false, browser = true, ...opening } = options;
  const folders = [];
  let closeBrowser = null;
  app.close = async () => {
    await closeBrowser?.();
    await app.server?.stop();
    await app.feed?.close();
    for (const folder of folders) rmSync(folder, { recursive: true, force: true });
  };
  app.dir = copyOfBuild(name);
  folders.push(app.dir);
  if (mirrors?.includes(LOCAL_MIRROR)) app.feed = await startFeedServer();
  const dead = mirrors?.includes(DEAD_MIRROR) ? `http://127.0.0.1:${await freePort()}/feed/` : null;
  app.mirrors = mirrors?.map((mirror) => (mirror === LOCAL_MIRROR ? app.feed.base : mirror === DEAD_MIRROR ? dead : mirror));
  if (label || mirrors) configure(app.dir, { label: label ?? `e2e-${name}`, mirrors: app.mirrors });
  if (app.feed) {
    app.feeds = prepareFeeds(join(app.dir, "feed"));
    folders.push(app.feeds.dir);
    app.feed.use({ dir: app.feeds.feeds[feed] });
  }
  app.server = await serve(app.dir, await freePort());
  app.url = app.server.url;
  app.open = async (more = {}) => {
    const session = await launch({ viewport: more.viewport ?? PHONE });
    await startsIn(session.context, { ...opening, ...more });
    return { context: session.context, page: await session.context.newPage(), close: session.close };
  };
  if (!browser) return app;

  const profile = mkdtempSync(join(tmpdir(), `jardam-${name}-profile-`));
  folders.push(profile);
  const start = async () => {
    const session = await launchProfile(profile, { viewport: opening.viewport ?? PHONE });
    closeBrowser = session.close;
    app.context = session.context;
    await startsIn(app.context, opening);
    app.page = await app.context.newPage();
  };
  await start();
  if (offline) {
    await app.page.goto(`${app.url}/rights`);
    await waitForController(app.page);
    await appShown(app.page);
    await app.page.locator("#articles li").first().waitFor();
    await app.server.stop();
    await app.context.setOffline(true);
  }
  app.reopen = async () => {
    await closeBrowser();
    await start();
    if (offline) await app.context.setOffline(true);
  };
  return app;
}

/** Makes every page of `context` start in `lang` unless the user chose one, and welcomed or not. */
async function startsIn(context, { lang = "en", welcomed = true }) {
  if (lang) await presetLanguage(context, lang);
  if (welcomed) await context.addInitScript(() => localStorage.setItem("jardam.welcomed", "true"));
}
