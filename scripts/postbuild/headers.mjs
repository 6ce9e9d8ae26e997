// DIR/_headers, the format several static hosts read (scripts/serve.sh gives nginx the policy
// from it): security headers everywhere, never-cached entry points, year-long immutable caching
// for content-addressed files only (Trunk's -HASH16 names and the feed's packs/LANG.HASH16.json;
// every new content gives a pack a new name).
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { outputFiles } from "./output.mjs";

/** Powerful features no page of the app uses are switched off; the screen wake lock stays. */
const PERMISSIONS = [
  "accelerometer=()",
  "camera=()",
  "display-capture=()",
  "geolocation=()",
  "gyroscope=()",
  "hid=()",
  "magnetometer=()",
  "microphone=()",
  "midi=()",
  "payment=()",
  "serial=()",
  "usb=()",
  "screen-wake-lock=(self)",
].join(", ");

/** Paths a browser must ask for again each time (no-cache): the entry points and the feed manifest. */
const ENTRY_POINTS = ["/", "/index.html", "/letters.html", "/sw.js", "/manifest.webmanifest", "/feed/manifest.json", "/feed/manifest.json.sig", "/sitemap.xml", "/robots.txt", ...["ky", "ru", "uz", "tg", "en"].map((lang) => `/${lang}/*`)];

/** Writes `dir`/_headers with the Content Security Policy `policy` (csp.mjs). */
export function writeHeaders(dir, policy) {
  const security = [
    `Content-Security-Policy: ${policy}`,
    "Referrer-Policy: no-referrer",
    "X-Content-Type-Options: nosniff",
    "Permissions-Policy: " + PERMISSIONS,
  ];
  const immutable = "Cache-Control: public, max-age=31536000, immutable";
  const rules = [
    ["/*", security],
    ...ENTRY_POINTS.map((path) => [path, ["Cache-Control: no-cache"]]),
    ...outputFiles(dir)
      .filter((path) => /-[0-9a-f]{8,16}(_bg)?\.(js|wasm|css)$/.test(path))
      .map((path) => ["/" + path, [immutable]]),
    ["/feed/packs/*", [immutable]],
    ["/l10n/*", [immutable]],
  ];
  writeFileSync(join(dir, "_headers"), rules.map(([path, headers]) => [path, ...headers.map((h) => "  " + h)].join("\n")).join("\n") + "\n");
}
