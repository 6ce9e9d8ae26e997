// The build label the app shows in More (`<meta name="jardam-build">`).
import { digest, isStaticPage, outputFiles } from "./output.mjs";

/**
 * JARDAM_BUILD_LABEL, or else the first 8 hex digits of the digest of every output file but
 * index.html; letters, digits and `_ . + -` only.
 */
export function buildLabel(dir, label = process.env.JARDAM_BUILD_LABEL) {
  const chosen = label || digest(dir, outputFiles(dir).filter((path) => path !== "index.html" && !isStaticPage(path))).slice(0, 8);
  return chosen.replace(/[^\w.+-]/g, "");
}
