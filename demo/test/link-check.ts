/**
 * Finds broken relative links in Markdown: a path that does not exist, or an anchor that no
 * heading (GitHub's slugs), explicit `{#id}` or HTML `id`/`name` in the target file defines.
 * External links (`https:`, `mailto:`) are not fetched.
 * @module
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';

/** A link that does not resolve. */
export interface BrokenLink {
  /** The file the link is in, relative to the root given to {@link checkLinks}. */
  file: string;
  line: number;
  target: string;
  why: string;
}

/** The text outside fenced code blocks and inline code, line by line (code becomes blanks). */
function proseLines(markdown: string): string[] {
  let fence: string | null = null;
  return markdown.split('\n').map((line) => {
    const marker = /^\s*(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence !== null) {
      if (marker && marker[0] === fence[0] && marker.length >= fence.length) fence = null;
      return '';
    }
    if (marker) {
      fence = marker;
      return '';
    }
    return line.replace(/(`+)[\s\S]*?\1/g, '');
  });
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, each space a hyphen. */
export function slug(heading: string): string {
  // Code spans count as their text (`<deal-register>`); outside them, links count as their text and HTML tags not at all.
  const text = heading
    .split(/(`+[^`]*`+)/)
    .map((part, i) => (i % 2 === 1 ? part.replace(/`/g, '') : part.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/<[^>]+>/g, '')))
    .join('');
  return text
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\p{M}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

/** Every anchor a Markdown file defines. */
export function anchorsOf(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  let fence: string | null = null;
  for (const line of markdown.split('\n')) {
    const marker = /^\s*(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence !== null) {
      if (marker && marker[0] === fence[0] && marker.length >= fence.length) fence = null;
      continue;
    }
    if (marker) {
      fence = marker;
      continue;
    }
    for (const match of line.matchAll(/<a\s[^>]*(?:id|name)="([^"]+)"/g)) anchors.add(match[1] as string);
    const heading = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line)?.[1];
    if (heading === undefined) continue;
    const explicit = /\s*\{#([\w-]+)\}$/.exec(heading);
    if (explicit) anchors.add(explicit[1] as string);
    const base = slug(heading);
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    anchors.add(count === 0 ? base : `${base}-${count}`);
  }
  return anchors;
}

/** The link targets of a Markdown text, with their line numbers: inline, reference definitions, images and HTML. */
export function linksOf(markdown: string): { line: number; target: string }[] {
  const links: { line: number; target: string }[] = [];
  proseLines(markdown).forEach((text, index) => {
    const add = (target: string) => links.push({ line: index + 1, target: target.trim().replace(/^<|>$/g, '') });
    for (const match of text.matchAll(/!?\[[^\]]*\]\(\s*(<[^>]*>|[^)\s]+)(?:\s+"[^"]*")?\s*\)/g)) add(match[1] as string);
    const definition = /^\s{0,3}\[[^\]]+\]:\s*(\S+)/.exec(text);
    if (definition) add(definition[1] as string);
    for (const match of text.matchAll(/<(?:a|img)\s[^>]*(?:href|src)="([^"]+)"/g)) add(match[1] as string);
  });
  return links;
}

/** Checks every relative link of `files` (absolute paths); `root` only shortens the report. */
export function checkLinks(files: readonly string[], root: string): BrokenLink[] {
  const broken: BrokenLink[] = [];
  const anchorCache = new Map<string, Set<string>>();
  const anchors = (file: string) => {
    let found = anchorCache.get(file);
    if (!found) anchorCache.set(file, (found = anchorsOf(readFileSync(file, 'utf8'))));
    return found;
  };
  for (const file of files) {
    for (const { line, target } of linksOf(readFileSync(file, 'utf8'))) {
      if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue; // https:, mailto:, ...
      const report = (why: string) => broken.push({ file: relative(root, file), line, target, why });
      const [rawPath = '', anchor] = target.split('#', 2);
      let path: string;
      try {
        path = decodeURIComponent(rawPath);
      } catch {
        report('is not a valid URL');
        continue;
      }
      const resolved = path === '' ? file : resolve(dirname(file), path);
      if (!existsSync(resolved)) {
        report('no such file');
        continue;
      }
      if (anchor === undefined || anchor === '') continue;
      if (statSync(resolved).isDirectory() || !resolved.endsWith('.md')) {
        report('an anchor into something that is not a Markdown file');
        continue;
      }
      if (!anchors(resolved).has(decodeURIComponent(anchor))) report(`no heading or id "${anchor}" in ${relative(root, resolved)}`);
    }
  }
  return broken;
}
