import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { test } from 'node:test';
import * as rules from '@partnerkit/core/rules';
import * as core from '@partnerkit/core';

const RULES_DIR = new URL('../../src/rules/', import.meta.url);

test('the rules import nothing but each other and the schemas (they run in browsers)', async () => {
  const files = (await readdir(RULES_DIR)).filter((f) => f.endsWith('.ts'));
  assert.ok(files.length >= 6, files.join(', '));
  for (const file of files) {
    const source = await readFile(new URL(file, RULES_DIR), 'utf8');
    const specifiers = [...source.matchAll(/\bfrom\s+'([^']+)'|\bimport\s*\(\s*'([^']+)'/g)].map((m) => m[1] ?? m[2]);
    for (const specifier of specifiers) {
      assert.match(specifier ?? '', /^\.\/[a-z-]+\.js$|^\.\.\/schemas\/index\.js$/, `${file} imports ${specifier}`);
    }
    assert.doesNotMatch(source, /\b(process|Buffer|require|__dirname|globalThis\.process)\b|node:/, `${file} uses a Node-only API`);
  }
});

test('every rule is exported from @partnerkit/core as well', () => {
  for (const name of Object.keys(rules)) assert.equal((core as Record<string, unknown>)[name], (rules as Record<string, unknown>)[name], name);
});
