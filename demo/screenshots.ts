#!/usr/bin/env node
// The screenshots in docs/screenshots, taken from the real demo: a fresh demo on a temporary data
// directory (exactly what a first `npm start` shows), or a running one with --url.
//
//   node --conditions=partnerkit-source --import tsx demo/screenshots.ts
//   node --conditions=partnerkit-source --import tsx demo/screenshots.ts --url http://127.0.0.1:8787
import { mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { launchChromium, waitForWidgets } from './browser.js';
import { ensureCdnBuild } from './build.js';
import { ROOT, type RunningDemo, startDemo } from './server.js';

/** The pages pictured, as a first `npm start` shows them. */
const SHOTS = [
  { file: 'intranet.png', path: '/intranet' },
  { file: 'portal.png', path: '/portal' },
  { file: 'portal-vi-brand.png', path: '/portal?lang=vi&theme=brand' },
] as const;

const OUT = join(ROOT, 'docs', 'screenshots');
const say = (line: string) => process.stdout.write(`${line}\n`);

const { values } = parseArgs({ options: { url: { type: 'string' } } });
let demo: RunningDemo | undefined;
let dataDir: string | undefined;
if (!values.url) {
  await ensureCdnBuild((reason) => say(`building the elements' CDN bundle (${reason})`));
  dataDir = mkdtempSync(join(tmpdir(), 'partnerkit-screenshots-'));
  demo = await startDemo({ dataDir, port: 0, logger: false });
}
const base = values.url ?? (demo as RunningDemo).url;
const chromium = await launchChromium();
try {
  mkdirSync(OUT, { recursive: true });
  for (const shot of SHOTS) {
    const page = await chromium.browser.newPage();
    await page.setViewport({ width: 1280, height: 900 });
    await page.goto(new URL(shot.path, base).href, { waitUntil: 'domcontentloaded' });
    await waitForWidgets(page);
    const file = join(OUT, shot.file);
    await page.screenshot({ path: file as `${string}.png`, fullPage: true });
    say(`${file.slice(ROOT.length + 1)}  ${Math.round(statSync(file).size / 1024)} KB`);
    await page.close();
  }
} finally {
  await chromium.close();
  await demo?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}
