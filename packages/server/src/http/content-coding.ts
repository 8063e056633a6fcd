/**
 * Content codings (RFC 9110 §8.4, §12.5.3): which one a client accepts, which media types are
 * worth compressing, and the `Vary` that tells caches the answer depends on `Accept-Encoding`.
 * Shared by the API's compression and by hosts that serve precompressed static files.
 * @module
 */

/** The codings this server produces, best first: brotli is smaller, gzip is everywhere. */
export type ContentCoding = 'br' | 'gzip';
export type NegotiatedCoding = ContentCoding | 'identity';

const SERVER_PREFERENCE: readonly ContentCoding[] = ['br', 'gzip'];

/**
 * The coding to answer with, from the request's `Accept-Encoding` and the codings on offer
 * (default both). The client's q-values decide; among equal ones the server's order (br, gzip)
 * does. `*` stands for any coding not named; `q=0` refuses. No header, or nothing acceptable on
 * offer: identity (sending the plain bytes is always allowed in practice, rather than a 406).
 */
export function negotiateEncoding(acceptEncoding: string | null | undefined, offered: readonly ContentCoding[] = SERVER_PREFERENCE): NegotiatedCoding {
  if (!acceptEncoding) return 'identity';
  const weights = new Map<string, number>();
  for (const part of acceptEncoding.split(',')) {
    const [rawName = '', ...params] = part.split(';');
    const name = rawName.trim().toLowerCase();
    if (name === '') continue;
    let q = 1;
    for (const param of params) {
      const match = /^\s*q\s*=\s*([0-9](?:\.[0-9]{0,3})?)\s*$/i.exec(param);
      if (match) q = Math.min(1, Number(match[1]));
    }
    // A coding named twice keeps its highest weight (lenient with sloppy clients).
    weights.set(name, Math.max(q, weights.get(name) ?? 0));
  }
  const wildcard = weights.get('*');
  let best: NegotiatedCoding = 'identity';
  let bestQ = 0;
  for (const coding of SERVER_PREFERENCE) {
    if (!offered.includes(coding)) continue;
    // `x-gzip` is gzip's old alias (RFC 9110 §8.4.1.3).
    const q = weights.get(coding) ?? (coding === 'gzip' ? weights.get('x-gzip') : undefined) ?? wildcard ?? 0;
    if (q > bestQ) {
      best = coding;
      bestQ = q;
    }
  }
  return best;
}

/** Media types whose bytes compress well: text, JSON (problem documents, NDJSON), JavaScript, SVG, source maps. */
export function isCompressible(contentType: string | null | undefined): boolean {
  if (!contentType) return false;
  const type = contentType.split(';')[0]!.trim().toLowerCase();
  return (
    type.startsWith('text/') ||
    type === 'application/json' ||
    type.endsWith('+json') ||
    type === 'application/x-ndjson' ||
    type === 'application/jsonl' ||
    type === 'application/javascript' ||
    type === 'application/xml' ||
    type === 'image/svg+xml'
  );
}

/**
 * Media types that arrive as a stream, record by record: NDJSON and JSON Lines, CSV, server-sent
 * events. They are compressed with a flush after every piece the handler writes, so a reader
 * gets each record when it is written, never after the whole answer.
 */
export function isStreamingType(contentType: string | null | undefined): boolean {
  if (!contentType) return false;
  const type = contentType.split(';')[0]!.trim().toLowerCase();
  return type === 'application/x-ndjson' || type === 'application/jsonl' || type === 'text/csv' || type === 'text/event-stream';
}

/** Adds `Accept-Encoding` to the headers' `Vary` unless it is there (or `Vary: *`). */
export function varyOnAcceptEncoding(headers: Headers): void {
  const vary = headers.get('Vary');
  if (vary === null) {
    headers.set('Vary', 'Accept-Encoding');
    return;
  }
  const names = vary.split(',').map((name) => name.trim().toLowerCase());
  if (names.includes('*') || names.includes('accept-encoding')) return;
  headers.set('Vary', `${vary}, Accept-Encoding`);
}

/**
 * The entity tag of one coding of a representation: a strong tag differs per coding (the bytes
 * differ), `"abc"` becomes `"abc-br"`; a weak tag stays as it is (the meaning is the same).
 */
export function etagForCoding(etag: string, coding: NegotiatedCoding): string {
  if (coding === 'identity' || etag.startsWith('W/')) return etag;
  return etag.endsWith('"') ? `${etag.slice(0, -1)}-${coding}"` : etag;
}
