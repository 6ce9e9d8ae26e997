// A local feed mirror for the sync tests and the sync benchmark: a small Node HTTP server on
// 127.0.0.1 that serves one feed folder under /feed/ the way a real mirror would (strong
// SHA-256 ETags with If-None-Match → 304, Last-Modified with If-Modified-Since, CORS for a
// cross-origin app), and misbehaves on demand (cut-off or stalled bodies, HTTP errors). Every
// request is recorded (method, path, status, bytes sent) so a test can tell exactly what the
// app downloaded.
//
// It also builds the feed variants the scenarios need: a newer feed with one English title
// changed (jardam-feed build on a copy of content/), a tampered pack, feeds signed here with
// the development key (an older content version, an unknown schema), and so on.
import { createHash, createPrivateKey, generateKeyPairSync, sign } from "node:crypto";
import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { dirname, join, normalize, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { brotliCompressSync, gzipSync } from "node:zlib";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

/** Id of the committed development key (keys/README.md). */
export const DEV_KEY_ID = "dev-insecure-2026";

/** The article whose English title the `newer` feed changes. */
export const CHANGED_ARTICLE = "registration-eaeu";

const sha256 = (bytes) => createHash("sha256").update(bytes).digest("hex");

// ---------------------------------------------------------------------------------------------
// Signing

/** The 32-byte seed of keys/DEVELOPMENT-ONLY-INSECURE.key. */
export function devSeed() {
  const text = readFileSync(join(root, "keys", "DEVELOPMENT-ONLY-INSECURE.key"), "utf8");
  const lines = text
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith("#"));
  if (lines.length !== 1 || !/^[0-9a-f]{64}$/i.test(lines[0])) throw new Error("unreadable development key");
  return Buffer.from(lines[0], "hex");
}

/** An ed25519 private KeyObject from a raw 32-byte seed (PKCS#8 wrapping). */
function keyFromSeed(seed) {
  const der = Buffer.concat([Buffer.from("302e020100300506032b657004220420", "hex"), seed]);
  return createPrivateKey({ key: der, format: "der", type: "pkcs8" });
}

/** The text of manifest.json.sig for `manifest` (bytes): lowercase hex and a line break. */
export function signatureFile(manifest, key = keyFromSeed(devSeed())) {
  return sign(null, manifest, key).toString("hex") + "\n";
}

/** A fresh ed25519 key nobody trusts. */
export function strangerKey() {
  return generateKeyPairSync("ed25519").privateKey;
}

// ---------------------------------------------------------------------------------------------
// Feed folders

/** Reads a feed folder: manifest bytes and parsed manifest. */
export function readFeed(dir) {
  const bytes = readFileSync(join(dir, "manifest.json"));
  return { bytes, manifest: JSON.parse(bytes) };
}

/**
 * Writes a feed folder from `base` (copied: packs and all) with a new manifest, signed with
 * `key` (default: the development key). `manifest` may be an object (pretty-printed like
 * jardam-feed does) or exact bytes.
 */
export function deriveFeed(base, out, manifest, { key, signature } = {}) {
  cpSync(base, out, { recursive: true });
  const bytes = Buffer.isBuffer(manifest) ? manifest : Buffer.from(JSON.stringify(manifest, null, 2));
  writeFileSync(join(out, "manifest.json"), bytes);
  writeFileSync(join(out, "manifest.json.sig"), signature ?? signatureFile(bytes, key));
  return out;
}

/**
 * Builds a feed with `jardam-feed build` from a temporary copy of content/, with
 * `content_version` set and optionally the titles of one article replaced
 * (`title: { article, en, ky, … }`, one per language given).
 */
export function buildFeed(out, { contentVersion, title, generated } = {}) {
  const work = mkdtempSync(join(tmpdir(), "jardam-content-"));
  try {
    const content = join(work, "content");
    cpSync(join(root, "content"), content, { recursive: true });
    const feedToml = join(content, "feed.toml");
    const toml = readFileSync(feedToml, "utf8");
    if (contentVersion !== undefined) {
      if (!/^content_version = \d+$/m.test(toml)) throw new Error("content/feed.toml has no content_version line");
      writeFileSync(feedToml, toml.replace(/^content_version = \d+$/m, `content_version = ${contentVersion}`));
    }
    if (title) {
      const file = join(content, "articles", `${title.article}.toml`);
      let text = readFileSync(file, "utf8");
      for (const [lang, value] of Object.entries(title).filter(([key]) => key !== "article")) {
        // The first `title = "..."` after the [text.LANG] table header.
        const table = new RegExp(`(\\[text\\.${lang}\\][^[]*?\\ntitle = )"[^"\\n]*"`);
        const changed = text.replace(table, (_, head) => `${head}${JSON.stringify(value)}`);
        if (changed === text) throw new Error(`no ${lang} title found in ${file}`);
        text = changed;
      }
      writeFileSync(file, text);
    }
    const args = ["run", "--quiet", "-p", "jardam-feed", "--", "build", "--content", content, "--out", out];
    if (generated) args.push("--generated", generated);
    try {
      execFileSync("cargo", args, { cwd: root, stdio: ["ignore", "pipe", "pipe"] });
    } catch (error) {
      throw new Error(`jardam-feed build failed:\n${error.stderr}`);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return out;
}

/** `time` as the UTC second jardam-feed wants (2026-11-21T12:00:00Z). */
const rfc3339 = (time) => new Date(time).toISOString().replace(/\.\d{3}Z$/, "Z");

/**
 * Every feed variant the scenarios serve, built next to each other in a temporary folder,
 * from `bundled` (the app copy's own bundled feed folder, DIR/feed):
 *
 * - unchanged: the bundled feed itself;
 * - newer: content_version + 1 and new English and Kyrgyz titles of CHANGED_ARTICLE (jardam-feed
 *   build): the en and ky packs change, the others keep their bytes;
 * - tamperedPack: newer with one byte of its English pack changed (same size);
 * - shortPack: newer with its English pack one byte shorter (served whole: wrong size);
 * - older: the bundled manifest with content_version 0, validly signed here;
 * - unknownSchema: the bundled manifest with schema 2 and a higher version, validly signed;
 * - badSignature: newer's manifest with a changed version under newer's signature;
 * - unknownKey: newer's manifest naming another key and signed with it;
 * - tooLarge: newer's manifest padded past the app's 64 KiB cap, validly signed;
 * - appTooOld: newer's manifest asking for app version 99.0.0, validly signed;
 * - hugePack: newer's manifest listing a 600 KiB English pack (past the 512 KiB cap);
 * - invalidJson: a manifest that is not JSON.
 *
 * Returns { dir, feeds: {name: folder}, bundled: {version, manifest}, newer: {...}, remove() }.
 */
export function prepareFeeds(bundled) {
  const dir = mkdtempSync(join(tmpdir(), "jardam-feeds-"));
  const at = (name) => join(dir, name);
  const base = readFeed(bundled);
  const version = base.manifest.content_version;
  const newTitle = `Migration registration for EAEU citizens (revised ${Date.now().toString(36)})`;
  const newerDir = buildFeed(at("newer"), {
    contentVersion: version + 1,
    // Kyrgyz too, so that a reader switching to Kyrgyz has a pack to download.
    title: { article: CHANGED_ARTICLE, en: newTitle, ky: `Миграциялык каттоо (жаңыланды ${Date.now().toString(36)})` },
    generated: rfc3339(Date.now()),
  });
  const newer = readFeed(newerDir);

  const tamperedPack = at("tampered-pack");
  cpSync(newerDir, tamperedPack, { recursive: true });
  const enPack = join(tamperedPack, newer.manifest.packs.en.file);
  const packBytes = readFileSync(enPack);
  const i = packBytes.indexOf(Buffer.from(newTitle)); // inside a string: still valid JSON
  packBytes[i] = packBytes[i] === 0x4d ? 0x6d : 0x4d; // 'M' <-> 'm'
  writeFileSync(enPack, packBytes);

  const shortPack = at("short-pack");
  cpSync(newerDir, shortPack, { recursive: true });
  const shortFile = join(shortPack, newer.manifest.packs.en.file);
  writeFileSync(shortFile, readFileSync(shortFile).subarray(0, -1));

  const older = deriveFeed(bundled, at("older"), { ...base.manifest, content_version: 0 });
  const unknownSchema = deriveFeed(bundled, at("unknown-schema"), {
    ...base.manifest,
    schema: 2,
    content_version: version + 5,
  });
  const forged = Buffer.from(
    newer.bytes.toString().replace(`"content_version": ${version + 1}`, `"content_version": ${version + 9}`),
  );
  if (forged.equals(newer.bytes)) throw new Error("could not alter the newer manifest");
  const badSignature = deriveFeed(newerDir, at("bad-signature"), forged, {
    signature: readFileSync(join(newerDir, "manifest.json.sig"), "utf8"),
  });
  const unknownKey = deriveFeed(newerDir, at("unknown-key"), { ...newer.manifest, key_id: "someone-else-2026" }, {
    key: strangerKey(),
  });
  const padded = Buffer.from(JSON.stringify({ ...newer.manifest, padding: "x".repeat(70 * 1024) }, null, 2));
  const tooLarge = deriveFeed(newerDir, at("too-large"), padded);
  const appTooOld = deriveFeed(newerDir, at("app-too-old"), { ...newer.manifest, min_app_version: "99.0.0" });
  // A signed manifest listing an English pack over the app's 512 KiB cap (hash and size true).
  const huge = Buffer.alloc(600 * 1024, 0x20);
  const hugeFile = `packs/en.${sha256(huge).slice(0, 16)}.json`;
  const hugePack = deriveFeed(newerDir, at("huge-pack"), {
    ...newer.manifest,
    packs: { ...newer.manifest.packs, en: { file: hugeFile, sha256: sha256(huge), size: huge.length } },
  });
  writeFileSync(join(hugePack, hugeFile), huge);
  const invalidJson = deriveFeed(bundled, at("invalid-json"), Buffer.from("<html>Sorry, this page is not here</html>\n"));

  return {
    dir,
    bundled: { version, manifest: base.manifest },
    newer: { version: version + 1, manifest: newer.manifest, article: CHANGED_ARTICLE, title: newTitle },
    feeds: {
      unchanged: bundled,
      newer: newerDir,
      tamperedPack,
      shortPack,
      older,
      unknownSchema,
      badSignature,
      unknownKey,
      tooLarge,
      appTooOld,
      hugePack,
      invalidJson,
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

// ---------------------------------------------------------------------------------------------
// The server

/**
 * A scenario: which folder to serve and how to misbehave.
 * - dir: the feed folder served under /feed/ (404 for anything else);
 * - truncate: "manifest" | "pack": announce the full Content-Length, send half, close;
 * - stall: "manifest" | "pack": send the headers and a few bytes, then nothing, ever;
 * - status: answer the manifest with this HTTP status (e.g. 500) and a short body;
 * - compress: gzip/brotli JSON bodies when the client accepts it (like nginx does);
 * - etag: false: a mirror without ETags (Last-Modified only; If-None-Match is ignored).
 */
const IDLE = { dir: null };

/** The local mirror. `await new FeedServer().start()`; `base` is the mirror URL (…/feed/). */
export class FeedServer {
  constructor() {
    this.scenario = IDLE;
    /** Every request: { at, method, path, status, bytes (body), headerBytes (status line and headers sent), requestBytes, ifNoneMatch, ifModifiedSince, acceptEncoding, origin, referer, cookie, aborted }. */
    this.requests = [];
    this.sockets = new Set();
    this.inflight = 0;
    this.lastActivity = Date.now();
    this.cache = new Map();
    this.server = createServer((req, res) => this.handle(req, res));
    this.server.on("connection", (socket) => {
      this.sockets.add(socket);
      socket.on("close", () => this.sockets.delete(socket));
    });
  }

  /** Listens on 127.0.0.1 (`port`, default a free one). */
  start(port = 0) {
    return new Promise((resolve, reject) => {
      this.server.once("error", reject);
      this.server.listen(port, "127.0.0.1", () => {
        this.port = this.server.address().port;
        this.origin = `http://127.0.0.1:${this.port}`;
        this.base = `${this.origin}/feed/`;
        resolve(this);
      });
    });
  }

  /** Switches behaviour: a scenario object (see above). Clears nothing. */
  use(scenario) {
    this.scenario = { ...IDLE, ...scenario };
    return this;
  }

  /** Forgets recorded requests. */
  clear() {
    this.requests = [];
  }

  /** Requests recorded since index `from`, GETs only unless `all`. */
  since(from = 0, { all = false } = {}) {
    return this.requests.slice(from).filter((r) => all || r.method === "GET");
  }

  /** Resolves once no request is in flight and none started for `quietMs` (bounded). */
  async settled({ quietMs = 400, timeoutMs = 30000 } = {}) {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (this.inflight === 0 && Date.now() - this.lastActivity >= quietMs) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`feed server still busy after ${timeoutMs} ms (${this.inflight} in flight)`);
  }

  /** Resolves once `predicate(requests)` holds (bounded). */
  async waitFor(predicate, { timeoutMs = 15000, what = "a request" } = {}) {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (predicate(this.requests)) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`feed server: no ${what} within ${timeoutMs} ms; saw ${JSON.stringify(this.requests.map((r) => `${r.method} ${r.path} ${r.status}`))}`);
  }

  /** Stops listening and drops every connection, stalled ones included. */
  close() {
    return new Promise((resolve) => {
      for (const socket of this.sockets) socket.destroy();
      this.server.close(() => resolve());
      this.server.closeAllConnections?.();
    });
  }

  body(file) {
    const stat = statSync(file);
    const key = `${file}:${stat.mtimeMs}:${stat.size}`;
    let entry = this.cache.get(key);
    if (!entry) {
      const bytes = readFileSync(file);
      entry = { bytes, mtime: stat.mtime, variants: new Map() };
      this.cache.set(key, entry);
    }
    return entry;
  }

  handle(req, res) {
    const scenario = this.scenario;
    const url = new URL(req.url, "http://x");
    const record = {
      at: Date.now(),
      method: req.method,
      path: url.pathname,
      status: 0,
      bytes: 0,
      headerBytes: 0,
      ifNoneMatch: req.headers["if-none-match"] ?? null,
      ifModifiedSince: req.headers["if-modified-since"] ?? null,
      acceptEncoding: req.headers["accept-encoding"] ?? null,
      origin: req.headers.origin ?? null,
      referer: req.headers.referer ?? null,
      // Bytes of the request line and headers as they came over the wire (HTTP/1.1).
      requestBytes:
        Buffer.byteLength(`${req.method} ${req.url} HTTP/${req.httpVersion}\r\n\r\n`) +
        req.rawHeaders.reduce((n, v) => n + Buffer.byteLength(v) + 2, 0), // "name: " and "value\r\n"
      cookie: req.headers.cookie ?? null,
      aborted: false,
    };
    this.requests.push(record);
    this.inflight++;
    this.lastActivity = Date.now();
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      this.inflight--;
      this.lastActivity = Date.now();
    };
    res.on("close", () => {
      if (!res.writableFinished) record.aborted = true;
      finish();
    });

    const cors = {
      "Access-Control-Allow-Origin": "*",
      "Access-Control-Expose-Headers": "ETag, Last-Modified, Content-Length",
    };
    const send = (status, headers, body = Buffer.alloc(0)) => {
      record.status = status;
      res.writeHead(status, { ...cors, ...headers, "Content-Length": body.length });
      record.headerBytes = Buffer.byteLength(res._header ?? "");
      record.bytes = body.length;
      res.end(body);
    };

    if (req.method === "OPTIONS") {
      return send(204, {
        "Access-Control-Allow-Methods": "GET, HEAD",
        "Access-Control-Allow-Headers": "If-None-Match, If-Modified-Since",
        "Access-Control-Max-Age": "600",
      });
    }
    if (req.method !== "GET" && req.method !== "HEAD") return send(405, { Allow: "GET, HEAD, OPTIONS" });
    if (!scenario.dir || !url.pathname.startsWith("/feed/")) return send(404, { "Content-Type": "text/plain" }, Buffer.from("not found\n"));
    const rel = normalize(decodeURIComponent(url.pathname.slice("/feed/".length)));
    if (!rel || rel.startsWith("..") || rel.includes(`${sep}..`) || rel.startsWith(sep)) return send(400, {});
    const file = join(scenario.dir, rel);
    let entry;
    try {
      entry = this.body(file);
    } catch {
      return send(404, { "Content-Type": "text/plain" }, Buffer.from("not found\n"));
    }
    const kind = rel === "manifest.json" ? "manifest" : rel.startsWith("packs/") ? "pack" : "other";
    if (scenario.status && kind === "manifest") {
      return send(scenario.status, { "Content-Type": "text/plain" }, Buffer.from(`error ${scenario.status}\n`));
    }

    // Content negotiation (off unless the scenario compresses, so byte counts are file sizes).
    let body = entry.bytes;
    let encoding = null;
    const accepts = (name) => new RegExp(`\\b${name}\\b`).test(record.acceptEncoding ?? "");
    if (scenario.compress && rel.endsWith(".json")) {
      encoding = accepts("br") ? "br" : accepts("gzip") ? "gzip" : null;
      if (encoding) {
        if (!entry.variants.has(encoding)) {
          entry.variants.set(encoding, encoding === "br" ? brotliCompressSync(entry.bytes) : gzipSync(entry.bytes, { level: 6 }));
        }
        body = entry.variants.get(encoding);
      }
    }
    const etag = `"${sha256(body).slice(0, 32)}${encoding ? `-${encoding}` : ""}"`;
    const lastModified = entry.mtime.toUTCString();
    const headers = {
      "Content-Type": rel.endsWith(".json") ? "application/json" : "text/plain; charset=utf-8",
      ...(scenario.etag === false ? {} : { ETag: etag }),
      "Last-Modified": lastModified,
      "Cache-Control": kind === "pack" ? "public, max-age=31536000, immutable" : "no-cache",
      Vary: "Accept-Encoding",
      ...(encoding ? { "Content-Encoding": encoding } : {}),
    };

    // Conditional requests: If-None-Match (weak comparison, RFC 9110 13.1.2) wins over
    // If-Modified-Since.
    const misbehaves = scenario.truncate === kind || scenario.stall === kind;
    if (!misbehaves) {
      const inm = scenario.etag === false ? null : record.ifNoneMatch;
      const strip = (tag) => tag.trim().replace(/^W\//, "");
      if (inm !== null) {
        if (inm.trim() === "*" || inm.split(",").some((t) => strip(t) === strip(etag))) return send(304, headers);
      } else if (record.ifModifiedSince !== null) {
        const since = Date.parse(record.ifModifiedSince);
        if (!Number.isNaN(since) && Math.floor(entry.mtime.getTime() / 1000) * 1000 <= since) return send(304, headers);
      }
    }
    if (req.method === "HEAD") {
      record.status = 200;
      res.writeHead(200, { ...cors, ...headers, "Content-Length": body.length });
      record.headerBytes = Buffer.byteLength(res._header ?? "");
      return res.end();
    }

    if (scenario.truncate === kind) {
      record.status = 200;
      res.writeHead(200, { ...cors, ...headers, "Content-Length": body.length });
      record.headerBytes = Buffer.byteLength(res._header ?? "");
      const half = body.subarray(0, Math.floor(body.length / 2));
      record.bytes = half.length;
      res.write(half, () => setTimeout(() => res.socket?.destroy(), 50));
      return;
    }
    if (scenario.stall === kind) {
      record.status = 200;
      res.writeHead(200, { ...cors, ...headers, "Content-Length": body.length });
      record.headerBytes = Buffer.byteLength(res._header ?? "");
      const start = body.subarray(0, Math.min(16, body.length - 1));
      record.bytes = start.length;
      res.write(start); // and nothing more: the client must give up by itself
      return;
    }
    send(200, headers, body);
  }
}

/** Starts a FeedServer on a free port. */
export async function startFeedServer(port = 0) {
  return new FeedServer().start(port);
}

/** Lists the files of a folder, relative (for debugging a variant). */
export function listFeed(dir) {
  return readdirSync(dir, { recursive: true });
}
