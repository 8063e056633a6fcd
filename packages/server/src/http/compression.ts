/**
 * Compression of the API's answers: brotli or gzip as the client's `Accept-Encoding` allows,
 * for compressible answers above a threshold, with `Vary: Accept-Encoding` on every answer whose
 * bytes could depend on it. Streams (NDJSON, CSV, server-sent events) are compressed piece by
 * piece with a flush after each, so they stay streams.
 * @module
 */
import { promisify } from 'node:util';
import { brotliCompress, constants, createBrotliCompress, createGzip, gzip, type BrotliCompress, type Gzip } from 'node:zlib';
import type { Context, MiddlewareHandler } from 'hono';
import { type ContentCoding, etagForCoding, isCompressible, isStreamingType, negotiateEncoding, varyOnAcceptEncoding } from './content-coding.js';

/** Answers smaller than this go as they are: 1 KiB, under which the coding's overhead eats most of the gain. */
export const DEFAULT_COMPRESSION_THRESHOLD = 1024;

/** How the API compresses its answers (`false` turns it off, e.g. behind a proxy that compresses). */
export interface CompressionOptions {
  /** Least body size in bytes worth compressing (default 1024). */
  threshold?: number;
}

// Answers are made per request: fast settings (brotli 4 is smaller than gzip 6 at a similar cost;
// 11 is for files compressed once at build time).
const BROTLI_PARAMS = { [constants.BROTLI_PARAM_QUALITY]: 4 };
const GZIP_LEVEL = 6;
const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** Compresses a whole body off the main thread (zlib's thread pool). */
export function compressBody(body: Uint8Array, coding: ContentCoding): Promise<Buffer> {
  if (coding === 'br') return brotli(body, { params: { ...BROTLI_PARAMS, [constants.BROTLI_PARAM_SIZE_HINT]: body.byteLength } });
  return gzipAsync(body, { level: GZIP_LEVEL });
}

/**
 * A transform that compresses a stream and flushes after every chunk, so each chunk the producer
 * writes reaches the reader as soon as it is written (at some cost in ratio).
 */
export function flushingCompressor(coding: ContentCoding): TransformStream<Uint8Array, Uint8Array> {
  const zlib: BrotliCompress | Gzip = coding === 'br' ? createBrotliCompress({ params: BROTLI_PARAMS }) : createGzip({ level: GZIP_LEVEL });
  const flushKind = coding === 'br' ? constants.BROTLI_OPERATION_FLUSH : constants.Z_SYNC_FLUSH;
  let output: TransformStreamDefaultController<Uint8Array>;
  return new TransformStream<Uint8Array, Uint8Array>({
    start(controller) {
      output = controller;
      zlib.on('data', (chunk: Buffer) => output.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength)));
      zlib.on('error', (error) => output.error(error));
    },
    transform(chunk) {
      return new Promise<void>((resolve, reject) => {
        zlib.write(chunk, (error) => {
          if (error) reject(error);
          else zlib.flush(flushKind, () => resolve());
        });
      });
    },
    flush() {
      return new Promise<void>((resolve, reject) => {
        zlib.once('end', resolve);
        zlib.once('error', reject);
        zlib.end();
      });
    },
  });
}

/** Whether an answer may be recoded at all: it has a body, is whole (not a range) and allows transforms. */
function recodable(response: Response): boolean {
  if (response.body === null || response.status === 204 || response.status === 304 || response.status === 206) return false;
  const headers = response.headers;
  if (headers.has('Content-Encoding') || headers.has('Content-Range')) return false;
  return !/(?:^|,)\s*no-transform\s*(?:,|$)/i.test(headers.get('Cache-Control') ?? '');
}

/** Replaces the answer outright: Hono's `c.res` setter would copy the old headers (a stale Content-Length, ETag) over the new. */
function replaceResponse(c: Context, response: Response): void {
  c.res = undefined;
  c.res = response;
}

/**
 * The middleware. Put it inside the middleware that add headers to every answer (so they land on
 * the compressed answer) and outside the routes; errors turned into problem documents by
 * `onError` pass through it too.
 */
export function compression(options: CompressionOptions = {}): MiddlewareHandler {
  const threshold = options.threshold ?? DEFAULT_COMPRESSION_THRESHOLD;
  return async (c, next) => {
    await next();
    const response = c.res;
    if (!recodable(response) || !isCompressible(response.headers.get('Content-Type'))) return;
    // From here the bytes may depend on Accept-Encoding, whatever this request sent.
    varyOnAcceptEncoding(response.headers);
    const coding = negotiateEncoding(c.req.header('accept-encoding'));
    if (coding === 'identity') return;

    const headers = new Headers(response.headers);
    headers.set('Content-Encoding', coding);
    const etag = headers.get('ETag');
    if (etag !== null) headers.set('ETag', etagForCoding(etag, coding));

    if (isStreamingType(headers.get('Content-Type'))) {
      headers.delete('Content-Length');
      replaceResponse(c, new Response(response.body!.pipeThrough(flushingCompressor(coding)), { status: response.status, statusText: response.statusText, headers }));
      return;
    }
    const body = new Uint8Array(await response.arrayBuffer());
    if (body.byteLength < threshold) {
      // Too small to gain: the same bytes, still marked as varying.
      replaceResponse(c, new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers }));
      return;
    }
    const compressed = new Uint8Array(await compressBody(body, coding));
    headers.set('Content-Length', String(compressed.byteLength));
    replaceResponse(c, new Response(compressed, { status: response.status, statusText: response.statusText, headers }));
  };
}
