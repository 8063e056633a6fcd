/**
 * The browser side of the demo's test and screenshots: the project's one way to launch Chromium
 * (`scripts/chromium.mjs`: `CHROME_PATH` or Debian's, headless, never downloaded), and a wait for
 * the widgets to settle.
 * @module
 */
import type { Page } from 'puppeteer-core';

export { launchChromium } from '../scripts/chromium.mjs';

/**
 * Waits until every PartnerKit widget on the page has rendered and left its loading state (to
 * data, empty or error alike), then for two frames, so what follows sees a painted page.
 */
export async function waitForWidgets(page: Page, timeout = 60_000): Promise<void> {
  await page.waitForFunction(
    () => {
      const widgets = [...document.querySelectorAll('partner-scorecard, deal-register, resource-library, partner-plan, partner-application')];
      return widgets.every((el) => el.shadowRoot?.childElementCount && !el.shadowRoot.querySelector('[part~="loading"], [aria-busy="true"]'));
    },
    { polling: 'raf', timeout },
  );
  await page.evaluate(async () => {
    await document.fonts.ready;
    await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
  });
}
