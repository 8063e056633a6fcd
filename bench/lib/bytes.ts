/**
 * Byte sizes measured the way `scripts/size.mjs` measures them: the minified code as is, gzip at
 * zlib level 6 (what most servers and CDNs use) and brotli at quality 11 (what CDNs precompress).
 * @module
 */
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

export interface Sizes {
  min: number;
  gzip: number;
  brotli: number;
}

export function measureBytes(code: string | Buffer): Sizes {
  const buffer = typeof code === 'string' ? Buffer.from(code) : code;
  return {
    min: buffer.length,
    gzip: gzipSync(buffer, { level: 6 }).length,
    brotli: brotliCompressSync(buffer, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

export function sumSizes(sizes: readonly Sizes[]): Sizes {
  return sizes.reduce((a, s) => ({ min: a.min + s.min, gzip: a.gzip + s.gzip, brotli: a.brotli + s.brotli }), { min: 0, gzip: 0, brotli: 0 });
}
