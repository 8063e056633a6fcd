/**
 * Debian's Chromium (or `CHROME_PATH`) through puppeteer-core, headless, with the flags this
 * machine needs, for the demo's browser test and its screenshots. Never downloads a browser.
 * @module
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';

/** The Chromium to drive, or an error naming how to install one. */
export function chromiumPath(): string {
  const candidates = process.env.CHROME_PATH ? [process.env.CHROME_PATH] : ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
  const found = candidates.find((path) => existsSync(path));
  if (!found) {
    throw new Error(`No Chromium at ${candidates.join(' or ')}: install it with \`apt-get install -y chromium\` or set CHROME_PATH.`);
  }
  return found;
}

/** A headless Chromium with a fresh profile; `close()` also removes the profile. */
export async function launchChromium(): Promise<{ browser: Browser; close(): Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), 'partnerkit-demo-chromium-'));
  const browser = await puppeteer.launch({
    executablePath: chromiumPath(),
    headless: true,
    userDataDir: profile,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-renderer-backgrounding',
      '--disable-background-timer-throttling',
      '--disable-backgrounding-occluded-windows',
    ],
  });
  return {
    browser,
    async close() {
      await browser.close().catch(() => {});
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Waits until every PartnerKit widget on the page has rendered and left its loading state (to
 * data, empty or error alike), then for two frames, so what follows sees a painted page.
 */
export async function waitForWidgets(page: Page, timeout = 60_000): Promise<void> {
  await page.waitForFunction(
    () => {
      const widgets = [...document.querySelectorAll('partner-scorecard, deal-register, resource-library')];
      return widgets.every((el) => el.shadowRoot?.childElementCount && !el.shadowRoot.querySelector('[part~="loading"], [aria-busy="true"]'));
    },
    { polling: 'raf', timeout },
  );
  await page.evaluate(async () => {
    await document.fonts.ready;
    await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
  });
}
