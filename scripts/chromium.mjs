// Debian's headless Chromium, launched one way by every tool that drives a browser: the browser
// tests (web-test-runner.config.mjs), the demo's test and screenshots, the benchmarks, and
// `npm test`'s check that a browser exists. Plain ESM so Node loads it without tsx; its types are
// in chromium.d.mts. Never downloads a browser.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Where a Chromium is looked for, in order, when CHROME_PATH is not set. */
export const CHROMIUM_CANDIDATES = Object.freeze(['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome']);

/**
 * Flags for a root user in a container on a closed network. Without the networking ones Chromium
 * floods the network with refused connections; without the backgrounding ones a page that is not
 * the front tab gets throttled timers and no animation frames, which stalls tests and skews timings.
 */
export const CHROMIUM_ARGS = Object.freeze([
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
]);

/** CHROME_PATH if it exists, else the first candidate that does, else null. */
export function findChromium() {
  const candidates = process.env.CHROME_PATH ? [process.env.CHROME_PATH] : CHROMIUM_CANDIDATES;
  return candidates.find((path) => existsSync(path)) ?? null;
}

/** The Chromium to drive, or an error that says how to get one. */
export function chromiumPath() {
  const found = findChromium();
  if (found) return found;
  const looked = process.env.CHROME_PATH ? [process.env.CHROME_PATH] : CHROMIUM_CANDIDATES;
  throw new Error(`No Chromium at ${looked.join(' or ')}: install Debian's with \`apt-get install -y chromium\` or set CHROME_PATH to a Chrome or Chromium binary.`);
}

/** Puppeteer launch options: that Chromium, headless, with {@link CHROMIUM_ARGS}. */
export function chromiumLaunchOptions() {
  return { executablePath: chromiumPath(), headless: true, args: [...CHROMIUM_ARGS] };
}

/** Launches Chromium through puppeteer-core in a fresh profile under `tmpDir`; `close()` removes the profile too. */
export async function launchChromium({ tmpDir = tmpdir() } = {}) {
  // Loaded here, so `npm test` can look for a browser without loading puppeteer.
  const { default: puppeteer } = await import('puppeteer-core');
  const profile = mkdtempSync(join(tmpDir, 'partnerkit-chromium-'));
  let browser;
  try {
    browser = await puppeteer.launch({ ...chromiumLaunchOptions(), userDataDir: profile });
  } catch (error) {
    rmSync(profile, { recursive: true, force: true });
    throw error;
  }
  return {
    browser,
    async close() {
      await browser.close().catch(() => {});
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
