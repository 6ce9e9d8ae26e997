// What the benchmark scripts measure inside the page: when the first article list is painted.

/**
 * An init script: records when the first article of /rights is in the DOM
 * (`window.__articlesAt`) and the frame after, when it is on screen (`window.__articlesPainted`).
 */
export const ARTICLES_PROBE = () => {
  const seen = () => {
    if (window.__articlesAt || !document.querySelector("#articles li")) return false;
    window.__articlesAt = performance.now();
    requestAnimationFrame(() => (window.__articlesPainted = performance.now()));
    return true;
  };
  new MutationObserver((_, observer) => seen() && observer.disconnect()).observe(document, {
    childList: true,
    subtree: true,
  });
};

/** Milliseconds from navigation start until the article list was painted in `page`. */
export async function articlesPaintedAt(page, timeout = 60000) {
  await page.locator("#articles li").first().waitFor({ timeout });
  await page.waitForFunction(() => window.__articlesPainted !== undefined, null, { timeout: 10000 });
  return page.evaluate(() => window.__articlesPainted);
}
