// Precompression of the CDN build: beside each text file (`loader.js`, `chunks/shared-x.js`, the
// source maps) a brotli (quality 11) and a gzip (level 9) twin, `.br` and `.gz`, written once at
// build time so a server picks the one the browser accepts instead of compressing per request
// (demo/site/static-files.ts; any CDN or nginx `gzip_static`/`brotli_static` does the same).
// A twin is written only when it is smaller than the file.
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** What is worth compressing: scripts, source maps, styles, SVG, JSON. */
export const PRECOMPRESSED = /\.(js|mjs|map|css|svg|json)$/;

/** The two codings of `bytes`, as the files hold them. */
export async function codings(bytes) {
  const [br, gz] = await Promise.all([
    brotli(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } }),
    gzipAsync(bytes, { level: 9 }),
  ]);
  return { br, gz };
}

/** Writes the `.br` and `.gz` twins of every compressible file under `dir`. Returns how many files it compressed. */
export async function precompressDir(dir) {
  let count = 0;
  const walk = async (d) => {
    for (const name of await readdir(d)) {
      const path = join(d, name);
      if ((await stat(path)).isDirectory()) await walk(path);
      else if (PRECOMPRESSED.test(name)) {
        const bytes = await readFile(path);
        const { br, gz } = await codings(bytes);
        if (br.length < bytes.length) await writeFile(`${path}.br`, br);
        if (gz.length < bytes.length) await writeFile(`${path}.gz`, gz);
        count += 1;
      }
    }
  };
  await walk(dir);
  return count;
}

/** A Rollup plugin that precompresses the output directory once it is written. */
export function precompress() {
  return {
    name: 'precompress',
    async writeBundle(options) {
      if (options.dir) await precompressDir(options.dir);
    },
  };
}
