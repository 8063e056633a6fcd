/**
 * Code the docs quote from tested files (the examples, the type tests) is what those files say:
 * `<!-- quote: path#region -->` before a fenced block (scripts/doc-quotes.mjs). The checker is
 * tried on a stale quote first, so a checker that finds nothing cannot pass for a clean tree.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { findQuotes, markdownFiles } from '../../scripts/doc-quotes.mjs';
import { ROOT } from '../server.js';

test('the checker finds a stale quote, a missing region and a marker without a block', () => {
  const dir = mkdtempSync(join(tmpdir(), 'partnerkit-quotes-'));
  try {
    mkdirSync(join(dir, 'src'));
    writeFileSync(join(dir, 'src', 'a.ts'), ['const hidden = 0;', '  // #region shown', '  const shown = 1;', '  // #endregion shown', ''].join('\n'));
    const page = [
      '<!-- quote: src/a.ts#shown -->',
      '```ts',
      'const shown = 1;',
      '```',
      '<!-- quote: src/a.ts#shown -->',
      '```ts',
      'const shown = 2;',
      '```',
      '<!-- quote: src/a.ts#gone -->',
      '```ts',
      '```',
      '<!-- quote: src/a.ts -->',
      'no block',
    ].join('\n');
    writeFileSync(join(dir, 'page.md'), page);
    const quotes = findQuotes(dir, [join(dir, 'page.md')]);
    assert.deepEqual(
      quotes.map((q) => [q.line, q.error ?? (q.shown === q.expected ? 'same' : 'stale')]),
      [
        [1, 'same'],
        [5, 'stale'],
        [9, 'src/a.ts has no region gone'],
        [12, 'the marker is not followed by a fenced code block'],
      ],
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('every quote in README.md, examples/README.md and docs/*.md matches its source', () => {
  const quotes = findQuotes(ROOT, markdownFiles(ROOT));
  assert.ok(quotes.length >= 10, `only ${quotes.length} quotes found`);
  const stale = quotes.filter((q) => q.error || q.shown !== q.expected).map((q) => `${q.file}:${q.line} ${q.source}: ${q.error ?? 'differs (node scripts/doc-quotes.mjs --write)'}`);
  assert.deepEqual(stale, []);
});
