/**
 * Serves one directory of files (the CDN build, the demo's assets) read-only: plain names only,
 * never outside the directory, hashed chunks cached for good and everything else revalidated.
 * A file's `.br` / `.gz` twin written at build time (scripts/precompress.mjs) is sent when the
 * browser accepts it, with `Vary: Accept-Encoding`, its own Content-Length and its own entity
 * tag; `If-None-Match` answers 304. Ranges are not served: a `Range` header gets the whole file.
 * @module
 */
import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import type { Context } from 'hono';
import { type ContentCoding, etagForCoding, isCompressible, negotiateEncoding, type NegotiatedCoding } from '@partnerkit/server';

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

/** `chunks/shared-zii1UiJ2.js`: the name changes with the content. */
const HASHED = /-[A-Za-z0-9_-]{8}\.js(\.map)?$/;
const SAFE_PATH = /^[A-Za-z0-9_-][A-Za-z0-9_.-]*(\/[A-Za-z0-9_-][A-Za-z0-9_.-]*)*$/;
const SUFFIX: Record<ContentCoding, string> = { br: '.br', gzip: '.gz' };

async function isFile(path: string): Promise<{ size: number; mtimeMs: number } | null> {
  try {
    const info = await stat(path);
    return info.isFile() ? info : null;
  } catch {
    return null;
  }
}

/**
 * Whether `If-None-Match` names this version of the file in any coding (weak comparison, RFC
 * 9110 §13.1.2) or is `*`: the browser holds the bytes of whichever coding it was sent.
 */
function matches(ifNoneMatch: string | undefined, version: string): boolean {
  if (ifNoneMatch === undefined) return false;
  const known = new Set([version, etagForCoding(version, 'br'), etagForCoding(version, 'gzip')]);
  return ifNoneMatch.split(',').some((tag) => tag.trim() === '*' || known.has(tag.trim().replace(/^W\//, '')));
}

/** A handler answering `<prefix><path>` from `dir`, or 404. */
export function staticFiles(prefix: string, dir: string) {
  const root = resolve(dir);
  return async (c: Context): Promise<Response> => {
    const path = c.req.path.slice(prefix.length);
    const type = TYPES[extname(path)];
    if (!SAFE_PATH.test(path) || path.includes('..') || type === undefined) return c.notFound();
    const file = join(root, path);
    if (!file.startsWith(root + sep)) return c.notFound();
    const identity = await isFile(file);
    if (!identity) return c.notFound();

    // The twins on disk decide what is on offer; the browser's Accept-Encoding picks among them.
    const offered: ContentCoding[] = [];
    for (const coding of ['br', 'gzip'] as const) if (await isFile(file + SUFFIX[coding])) offered.push(coding);
    const coding: NegotiatedCoding = negotiateEncoding(c.req.header('accept-encoding'), offered);
    // Strong tag of the file's version; each coding's bytes get their own (etagForCoding).
    const version = `"${identity.size.toString(36)}-${Math.trunc(identity.mtimeMs).toString(36)}"`;
    const etag = etagForCoding(version, coding);
    const headers: Record<string, string> = {
      'Content-Type': type,
      'Cache-Control': HASHED.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache',
      ETag: etag,
    };
    // Files without twins are compressed on the way out by the site's compression middleware.
    if (offered.length > 0 || isCompressible(type)) headers.Vary = 'Accept-Encoding';
    if (matches(c.req.header('if-none-match'), version)) return c.body(null, 304, headers);
    try {
      const body = await readFile(coding === 'identity' ? file : file + SUFFIX[coding]);
      if (coding !== 'identity') headers['Content-Encoding'] = coding;
      headers['Content-Length'] = String(body.byteLength);
      return c.body(body, 200, headers);
    } catch {
      return c.notFound();
    }
  };
}
