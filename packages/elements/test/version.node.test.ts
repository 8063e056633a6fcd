/** `VERSION` (compared by `defineElement` across bundles) must be the package's version. */
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { VERSION } from '../src/platform/version.js';

test('VERSION equals package.json version', () => {
  const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  assert.equal(VERSION, manifest.version);
});
