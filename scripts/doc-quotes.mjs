#!/usr/bin/env node
// Code in the docs that quotes a tested file stays what the file says. A quote is a fenced block
// right after a marker naming the file and, optionally, a region of it:
//
//   <!-- quote: examples/express/server.mjs#session-route -->
//   ```js
//   ...the lines between `#region session-route` and `#endregion session-route`, dedented...
//   ```
//
// `node scripts/doc-quotes.mjs` fails when a quote differs from its source (the link check in
// demo/test runs it too); `--write` rewrites the quotes from their sources.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const MARKER = /^<!-- quote: (\S+?)(?:#([\w-]+))? -->$/;
const REGION = (kind, name) => new RegExp(`^\\s*(?://|<!--|#|/\\*)\\s*#${kind}${name ? ` ${name}` : '(?: [\\w-]+)?'}\\b.*$`);

/** The text a quote of `file` (and `region`) must show. */
export function quoteSource(root, file, region) {
  const lines = readFileSync(join(root, file), 'utf8').replace(/\n$/, '').split('\n');
  let body = lines;
  if (region) {
    const start = lines.findIndex((line) => REGION('region', region).test(line));
    const end = lines.findIndex((line, i) => i > start && REGION('endregion', region).test(line));
    if (start < 0 || end < 0) throw new Error(`${file} has no region ${region}`);
    body = lines.slice(start + 1, end);
  }
  // Region markers inside what is quoted are for this tool, not for readers.
  body = body.filter((line) => !REGION('region').test(line) && !REGION('endregion').test(line));
  const indent = Math.min(...body.filter((l) => l.trim()).map((l) => /^ */.exec(l)[0].length));
  return body.map((line) => line.slice(indent)).join('\n');
}

/**
 * The quotes of `markdownFiles`, each with what it shows and what its source says.
 * @returns {{ file: string, line: number, source: string, shown: string, expected: string | null, error?: string, start: number, end: number }[]}
 */
export function findQuotes(root, markdownFiles) {
  const quotes = [];
  for (const path of markdownFiles) {
    const lines = readFileSync(path, 'utf8').split('\n');
    lines.forEach((line, i) => {
      const marker = MARKER.exec(line.trim());
      if (!marker) return;
      const open = i + 1;
      const fence = /^(\s*)(`{3,})\w*\s*$/.exec(lines[open] ?? '');
      const quote = { file: relative(root, path), line: i + 1, source: `${marker[1]}${marker[2] ? `#${marker[2]}` : ''}`, shown: '', expected: null, start: open + 1, end: open + 1 };
      if (!fence) {
        quotes.push({ ...quote, error: 'the marker is not followed by a fenced code block' });
        return;
      }
      const close = lines.findIndex((l, j) => j > open && l.trim() === fence[2]);
      quote.end = close;
      quote.shown = lines.slice(open + 1, close).join('\n');
      try {
        quote.expected = quoteSource(root, marker[1], marker[2]);
      } catch (error) {
        quote.error = error.message;
      }
      quotes.push(quote);
    });
  }
  return quotes;
}

/** Markdown files that may quote: README.md, docs/*.md and examples/README.md. */
export function markdownFiles(root) {
  return [join(root, 'README.md'), join(root, 'examples', 'README.md'), ...readdirSync(join(root, 'docs')).filter((f) => f.endsWith('.md')).map((f) => join(root, 'docs', f))];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const root = new URL('..', import.meta.url).pathname;
  const write = process.argv.includes('--write');
  const quotes = findQuotes(root, markdownFiles(root));
  const stale = quotes.filter((q) => q.error || q.shown !== q.expected);
  if (write) {
    const byFile = new Map();
    for (const q of stale.filter((q) => !q.error)) byFile.set(q.file, [...(byFile.get(q.file) ?? []), q]);
    for (const [file, fileQuotes] of byFile) {
      const lines = readFileSync(join(root, file), 'utf8').split('\n');
      for (const q of fileQuotes.sort((a, b) => b.start - a.start)) lines.splice(q.start, q.end - q.start, q.expected);
      writeFileSync(join(root, file), lines.join('\n'));
    }
  }
  for (const q of stale) console.error(`${q.file}:${q.line}: ${q.error ?? `the quote of ${q.source} differs from it${write ? ' (rewritten)' : ''}`}`);
  console.log(`${quotes.length} quotes, ${stale.length} stale`);
  process.exit(stale.some((q) => q.error || !write) ? 1 : 0);
}
