/**
 * Every relative link and anchor in README.md and docs/*.md resolves. The checker is tested on
 * broken input first, so a checker that finds nothing cannot pass for a clean tree.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { ROOT } from '../server.js';
import { anchorsOf, checkLinks, slug } from './link-check.js';

test('the checker finds missing files, missing anchors and ignores code', () => {
  const dir = mkdtempSync(join(tmpdir(), 'partnerkit-links-'));
  try {
    writeFileSync(
      join(dir, 'a.md'),
      [
        '# Title',
        '## Same heading',
        '## Same heading',
        'See [b](b.md#sessions-and-security), [gone](gone.md), [bad anchor](b.md#nowhere), [self](#same-heading-1), [self bad](#nope).',
        '![shot](missing.png) and [web](https://example.com/x) and `[code](not-checked.md)`',
        '```md',
        '[fenced](also-not-checked.md)',
        '```',
        '[ref]: b.md#explicit-id',
        '<a href="b.md#an-html-anchor">html</a>',
      ].join('\n'),
    );
    writeFileSync(join(dir, 'b.md'), '# B\n## Sessions and security\n## Later {#explicit-id}\n<a id="an-html-anchor"></a>\n');
    const broken = checkLinks([join(dir, 'a.md')], dir).map((b) => `${b.line} ${b.target}`);
    assert.deepEqual(broken, ['4 gone.md', '4 b.md#nowhere', '4 #nope', '5 missing.png']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('anchors follow GitHub’s slugs', () => {
  assert.equal(slug('Sessions and security'), 'sessions-and-security');
  assert.equal(slug('`<deal-register>`: register deals'), 'deal-register-register-deals');
  assert.equal(slug('React 19 (custom elements)'), 'react-19-custom-elements');
  assert.equal(slug('Tiếng Việt & theming'), 'tiếng-việt--theming');
  assert.deepEqual([...anchorsOf('# A\n# A\n```\n# not a heading\n```\n')], ['a', 'a-1']);
});

test('every relative link in README.md and docs/*.md resolves', () => {
  const docs = readdirSync(join(ROOT, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .map((name) => join(ROOT, 'docs', name));
  const broken = checkLinks([join(ROOT, 'README.md'), ...docs], ROOT);
  assert.deepEqual(
    broken.map((b) => `${b.file}:${b.line} ${b.target}: ${b.why}`),
    [],
  );
});
