/**
 * Serves one directory of files (the CDN build, the demo's assets) read-only: plain names only,
 * never outside the directory, hashed chunks cached for good and everything else revalidated.
 * @module
 */
import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import type { Context } from 'hono';

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

/** A handler answering `<prefix><path>` from `dir`, or 404. */
export function staticFiles(prefix: string, dir: string) {
  const root = resolve(dir);
  return async (c: Context): Promise<Response> => {
    const path = c.req.path.slice(prefix.length);
    const type = TYPES[extname(path)];
    if (!SAFE_PATH.test(path) || path.includes('..') || type === undefined) return c.notFound();
    const file = join(root, path);
    if (!file.startsWith(root + sep)) return c.notFound();
    try {
      if (!(await stat(file)).isFile()) return c.notFound();
      const body = await readFile(file);
      return c.body(body, 200, {
        'Content-Type': type,
        'Cache-Control': HASHED.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache',
      });
    } catch {
      return c.notFound();
    }
  };
}
