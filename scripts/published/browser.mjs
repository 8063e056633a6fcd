// The published check's pages in Chromium (the project's one launcher, scripts/chromium.mjs): load
// a page, wait until every PartnerKit widget on it has rendered data (not loading, not an error,
// not "no client"), and measure the JavaScript the page loaded.
import { gzipSync } from 'node:zlib';
import { launchChromium } from '../chromium.mjs';

export { launchChromium };

/** In the page: which tags have not rendered yet, and why (empty when all have). */
function pendingWidgets(tags) {
  const pending = [];
  for (const tag of tags) {
    const elements = [...document.querySelectorAll(tag)];
    if (elements.length === 0) pending.push(`<${tag}> is not on the page`);
    else if (!customElements.get(tag)) pending.push(`<${tag}> is not defined`);
    for (const element of elements) {
      const root = element.shadowRoot;
      if (!root || root.childElementCount === 0) {
        pending.push(`<${tag}> has not rendered`);
        continue;
      }
      const state = root.querySelector('[part~="loading"], [part~="error"], [part~="no-client"], [aria-busy="true"]');
      if (state) pending.push(`<${tag}> shows ${state.getAttribute('part') ?? 'aria-busy'}: ${state.textContent?.replace(/\s+/g, ' ').trim().slice(0, 160)}`);
    }
  }
  return pending;
}

/**
 * Opens `url` and waits until every tag of `tags` on it has rendered its data. Fails with what
 * each widget shows, and with the page's errors, when they do not within `timeout`, or when the
 * page threw or logged an error on the way.
 * @param {import('puppeteer-core').Browser} browser
 * @param {string} url
 * @param {{ tags: string[], timeout?: number, then?: (page: import('puppeteer-core').Page) => Promise<void> }} options
 * @returns {Promise<{ scripts: number, bytes: number, gzipBytes: number, bodies: Buffer[] }>} the JavaScript the page loaded
 */
export async function expectWidgets(browser, url, { tags, timeout = 60_000, then }) {
  const page = await browser.newPage();
  const problems = [];
  const scripts = [];
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  page.on('console', (message) => {
    // A failed load is reported below with its URL.
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) problems.push(`console error: ${message.text()}`);
  });
  page.on('response', (response) => {
    const { pathname } = new URL(response.url());
    if (response.status() >= 400 && pathname !== '/favicon.ico') problems.push(`${response.status()} for ${response.request().method()} ${response.url()}`);
    if (response.request().resourceType() === 'script' && response.ok()) scripts.push(response.buffer().catch(() => Buffer.alloc(0)));
  });
  page.on('requestfailed', (request) => {
    // A widget aborts what it no longer needs (a pre-check superseded by more typing): not a failure.
    const why = request.failure()?.errorText ?? 'failed';
    if (why !== 'net::ERR_ABORTED') problems.push(`${why}: ${request.method()} ${request.url()}`);
  });
  try {
    await page.goto(url, { waitUntil: 'load', timeout });
    try {
      await page.waitForFunction(`(${pendingWidgets})(${JSON.stringify(tags)}).length === 0`, { timeout, polling: 250 });
    } catch {
      const pending = await page.evaluate(pendingWidgets, tags).catch((error) => [String(error)]);
      throw new Error(`${url}: the widgets did not render in ${timeout / 1000} s:\n  ${[...pending, ...problems].join('\n  ')}`);
    }
    await then?.(page);
    if (problems.length) throw new Error(`${url}:\n  ${problems.join('\n  ')}`);
    const bodies = await Promise.all(scripts);
    return {
      scripts: bodies.length,
      bytes: bodies.reduce((sum, body) => sum + body.length, 0),
      gzipBytes: bodies.reduce((sum, body) => sum + gzipSync(body, { level: 6 }).length, 0),
      bodies,
    };
  } finally {
    await page.close().catch(() => {});
  }
}

/**
 * Registers a deal through `<deal-register>`'s form, as a person would, and waits until the page
 * shows `expected` (an app's own reaction to `pk-deal-submitted`).
 * @param {import('puppeteer-core').Page} page
 * @param {RegExp} expected
 */
export async function registerDeal(page, expected) {
  const company = `Published check ${Date.now()}`;
  await page.locator('deal-register >>> #f-company').setTimeout(30_000).fill(company);
  await page.locator('deal-register >>> #f-domain').fill(`check-${Date.now()}.example`);
  await page.locator('deal-register >>> input[name="type"][value="resell"]').click();
  await page.locator('deal-register >>> [part~="submit-button"]').click();
  await page.waitForFunction((source) => new RegExp(source).test(document.body.innerText), { timeout: 30_000, polling: 250 }, expected.source);
}
