/**
 * docs/elements.md, "Writing a widget", quotes the example widget that the browser tests run
 * (test/platform/fixtures/example-widget.ts): each TypeScript block of the section must appear in
 * that file, word for word, so the guide never shows code that was not tested.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';

const guide = await readFile(new URL('../../../docs/elements.md', import.meta.url), 'utf8');
const example = await readFile(new URL('./platform/fixtures/example-widget.ts', import.meta.url), 'utf8');

/** The section under `heading`, up to the next heading of the same level. */
function section(markdown: string, heading: string): string {
  const start = markdown.indexOf(`\n${heading}\n`);
  assert.ok(start >= 0, `docs/elements.md has no section "${heading}"`);
  const level = heading.split(' ')[0]!;
  const end = markdown.indexOf(`\n${level} `, start + heading.length + 1);
  return markdown.slice(start, end < 0 ? undefined : end);
}

test('"Writing a widget" quotes the tested example widget word for word', () => {
  const blocks = [...section(guide, '## Writing a widget').matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]!);
  assert.ok(blocks.length >= 2, 'the section shows the controller pattern in code');
  for (const block of blocks) assert.ok(example.includes(block), `not in example-widget.ts:\n${block}`);
});
