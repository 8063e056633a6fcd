import { readFileSync } from 'node:fs';
import { decode } from '@jridgewell/sourcemap-codec';
import { gzipSync } from 'node:zlib';
for (const f of process.argv.slice(2)) {
  const code = readFileSync(f, 'utf8');
  const map = JSON.parse(readFileSync(f + '.map', 'utf8'));
  const lines = code.split('\n');
  const dec = decode(map.mappings);
  const by = {};
  const text = {};
  dec.forEach((segs, li) => {
    const line = lines[li] ?? '';
    segs.forEach((s, i) => {
      const end = i + 1 < segs.length ? segs[i + 1][0] : line.length;
      const src = s.length > 1 ? map.sources[s[1]] : '?';
      by[src] = (by[src] ?? 0) + (end - s[0]);
      text[src] = (text[src] ?? '') + line.slice(s[0], end);
    });
  });
  console.log('==', f, code.length, 'gz', gzipSync(code).length);
  for (const [k, v] of Object.entries(by).sort((a, b) => b[1] - a[1])) console.log(String(v).padStart(7), String(gzipSync(text[k]).length).padStart(6), k.replace(/.*\/packages\//, ''));
}
