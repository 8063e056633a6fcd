/**
 * Compression of the API's answers over real HTTP: negotiation from Accept-Encoding (q-values,
 * wildcard, refusals), Vary, Content-Length of the coded bytes, bodies that decompress to the
 * same bytes as the plain answer, problem documents, HEAD, small answers left alone, the switch
 * to turn it off, and a stream that still arrives record by record.
 */
import assert from 'node:assert/strict';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { brotliDecompressSync, createBrotliDecompress, createGunzip, gunzipSync } from 'node:zlib';
import { createAdaptorServer } from '@hono/node-server';
import { Hono } from 'hono';
import { compression, negotiateEncoding } from '../src/index.ts';
import { etagForCoding, varyOnAcceptEncoding } from '../src/http/content-coding.ts';
import { createProgramme } from './helpers/fixtures.ts';
import { type Harness, suite } from './helpers/harness.ts';

/** An answer as the wire carries it: status, headers, the raw (still coded) bytes. */
interface RawReply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  bytes: Buffer;
}

function raw(url: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<RawReply> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: options.method ?? 'GET', headers: options.headers ?? {} }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, bytes: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

function decode(reply: RawReply): Buffer {
  const coding = reply.headers['content-encoding'];
  if (coding === 'br') return brotliDecompressSync(reply.bytes);
  if (coding === 'gzip') return gunzipSync(reply.bytes);
  assert.equal(coding, undefined, `unexpected coding ${String(coding)}`);
  return reply.bytes;
}

const varies = (reply: RawReply) =>
  String(reply.headers.vary ?? '')
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .includes('accept-encoding');

describe('negotiateEncoding', () => {
  const cases: [string | undefined, string][] = [
    [undefined, 'identity'],
    ['', 'identity'],
    ['identity', 'identity'],
    ['gzip', 'gzip'],
    ['gzip, deflate', 'gzip'],
    ['gzip, deflate, br', 'br'],
    ['br', 'br'],
    ['BR', 'br'],
    ['x-gzip', 'gzip'],
    ['*', 'br'],
    ['gzip;q=1, br;q=0.5', 'gzip'],
    ['gzip;q=0.5, br;q=0.5', 'br'],
    ['br;q=0, gzip', 'gzip'],
    ['br;q=0, gzip;q=0', 'identity'],
    ['*;q=0.2, br;q=0', 'gzip'],
    ['*;q=0', 'identity'],
    ['deflate, compress', 'identity'],
    ['gzip;q=0.001', 'gzip'],
    ['gzip ; q = 0.8 , br ; q=0.9', 'br'],
    ['gzip;q=garbage', 'gzip'],
    ['zstd, gzip;q=0.9', 'gzip'],
  ];
  for (const [header, expected] of cases) {
    it(`${JSON.stringify(header)} -> ${expected}`, () => assert.equal(negotiateEncoding(header), expected));
  }
  it('offers only what is on offer', () => {
    assert.equal(negotiateEncoding('br, gzip', ['gzip']), 'gzip');
    assert.equal(negotiateEncoding('br', ['gzip']), 'identity');
  });
  it('adds Accept-Encoding to Vary once, keeps what is there, respects Vary: *', () => {
    const headers = new Headers({ Vary: 'Origin' });
    varyOnAcceptEncoding(headers);
    varyOnAcceptEncoding(headers);
    assert.equal(headers.get('vary'), 'Origin, Accept-Encoding');
    const star = new Headers({ Vary: '*' });
    varyOnAcceptEncoding(star);
    assert.equal(star.get('vary'), '*');
  });
  it('gives a strong entity tag one value per coding and keeps weak ones', () => {
    assert.equal(etagForCoding('"abc"', 'br'), '"abc-br"');
    assert.equal(etagForCoding('"abc"', 'identity'), '"abc"');
    assert.equal(etagForCoding('W/"abc"', 'gzip'), 'W/"abc"');
  });
});

suite('compression', (harness) => {
  let h: Harness;
  before(async () => {
    h = harness();
    await createProgramme(h);
  });

  it('compresses a large answer with the coding the client prefers, to the same bytes', async () => {
    const plain = await raw(`${h.url}/v1/openapi.json`);
    assert.equal(plain.status, 200);
    assert.equal(plain.headers['content-encoding'], undefined);
    assert.ok(varies(plain), 'Vary: Accept-Encoding even on the plain answer');
    assert.ok(plain.bytes.length > 10_000);
    JSON.parse(plain.bytes.toString('utf8'));
    for (const [accept, coding] of [
      ['gzip, deflate, br', 'br'],
      ['gzip', 'gzip'],
      ['br;q=0.5, gzip', 'gzip'],
      ['br;q=0, gzip;q=0', undefined],
      ['*', 'br'],
    ] as const) {
      const reply = await raw(`${h.url}/v1/openapi.json`, { headers: { 'accept-encoding': accept } });
      assert.equal(reply.status, 200);
      assert.equal(reply.headers['content-encoding'], coding, accept);
      assert.ok(varies(reply), accept);
      assert.equal(Number(reply.headers['content-length']), reply.bytes.length, `${accept}: Content-Length counts the coded bytes`);
      assert.deepEqual(decode(reply), plain.bytes, accept);
      if (coding !== undefined) assert.ok(reply.bytes.length < plain.bytes.length / 3, `${accept}: ${reply.bytes.length} of ${plain.bytes.length}`);
    }
  });

  it('compresses list answers behind authentication and keeps every header the API adds', async () => {
    const plain = await raw(`${h.url}/v1/kpis`, { headers: { authorization: `Bearer ${h.adminKey}` } });
    const coded = await raw(`${h.url}/v1/kpis`, { headers: { authorization: `Bearer ${h.adminKey}`, 'accept-encoding': 'br' } });
    assert.equal(coded.status, 200);
    if (plain.bytes.length >= 1024) assert.equal(coded.headers['content-encoding'], 'br');
    assert.deepEqual(JSON.parse(decode(coded).toString('utf8')), JSON.parse(plain.bytes.toString('utf8')));
    assert.equal(coded.headers['content-type'], plain.headers['content-type']);
    assert.equal(coded.headers['cache-control'], 'no-store');
    assert.equal(coded.headers['x-content-type-options'], 'nosniff');
    assert.match(String(coded.headers['x-request-id']), /\S/);
  });

  it('leaves answers under 1 KiB as they are, still saying they vary', async () => {
    const reply = await raw(`${h.url}/v1/session`, { headers: { authorization: `Bearer ${h.adminKey}`, 'accept-encoding': 'br, gzip' } });
    assert.equal(reply.status, 200);
    assert.ok(reply.bytes.length < 1024);
    assert.equal(reply.headers['content-encoding'], undefined);
    assert.ok(varies(reply));
    assert.equal(JSON.parse(reply.bytes.toString('utf8')).role, 'admin');
  });

  it('compresses a large problem document, which still parses with its request id', async () => {
    const measurements = Array.from({ length: 120 }, (_, i) => ({ partnerId: `nobody-${i}`, kpiId: 'no-such-kpi', period: '2026-01', value: 1 }));
    const body = JSON.stringify({ data: measurements });
    for (const accept of ['br', 'gzip']) {
      const reply = await raw(`${h.url}/v1/measurements`, {
        method: 'POST',
        headers: { authorization: `Bearer ${h.adminKey}`, 'content-type': 'application/json', 'accept-encoding': accept },
        body,
      });
      assert.equal(reply.status, 400);
      assert.match(String(reply.headers['content-type']), /^application\/problem\+json/);
      assert.equal(reply.headers['content-encoding'], accept, 'a validation problem of 120 items is above the threshold');
      const problem = JSON.parse(decode(reply).toString('utf8'));
      assert.equal(problem.code, 'validation_failed');
      assert.equal(problem.requestId, reply.headers['x-request-id']);
      assert.ok(problem.errors.length > 10);
    }
    const small = await raw(`${h.url}/nowhere`, { headers: { 'accept-encoding': 'br' } });
    assert.equal(small.status, 404);
    assert.equal(JSON.parse(decode(small).toString('utf8')).code, 'not_found');
  });

  it('answers HEAD with the headers of the coded GET and no body', async () => {
    const get = await raw(`${h.url}/v1/openapi.json`, { headers: { 'accept-encoding': 'gzip' } });
    const head = await raw(`${h.url}/v1/openapi.json`, { method: 'HEAD', headers: { 'accept-encoding': 'gzip' } });
    assert.equal(head.status, 200);
    assert.equal(head.bytes.length, 0);
    assert.equal(head.headers['content-encoding'], 'gzip');
    assert.equal(head.headers['content-length'], get.headers['content-length']);
    assert.ok(varies(head));
  });

  it('is off with compression: false (a proxy in front compresses)', async () => {
    const sibling = await h.startSibling({ compression: false });
    const reply = await raw(`${sibling.url}/v1/openapi.json`, { headers: { 'accept-encoding': 'br, gzip' } });
    assert.equal(reply.status, 200);
    assert.equal(reply.headers['content-encoding'], undefined);
    assert.ok(!varies(reply));
    JSON.parse(reply.bytes.toString('utf8'));
  });
});

describe('compression of streams', () => {
  // No route of the API streams yet; exports (NDJSON, CSV) will. This app streams NDJSON the
  // way they do, one record per write, and holds each next record until the test has read the
  // previous one: a reader that got nothing before the end would wait forever, not pass slowly.
  let delivered = 0;
  let wake: (() => void) | null = null;
  const readerHas = (count: number) =>
    new Promise<void>((resolve) => {
      const check = () => (delivered >= count ? resolve() : (wake = check));
      check();
    });
  const app = new Hono();
  app.use('*', compression());
  app.get('/export', () => {
    const encoder = new TextEncoder();
    let index = 0;
    delivered = 0;
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        await readerHas(index);
        if (index === 3) {
          controller.close();
          return;
        }
        controller.enqueue(encoder.encode(`${JSON.stringify({ index, filler: 'partner '.repeat(40) })}\n`));
        index += 1;
      },
    });
    return new Response(body, { headers: { 'Content-Type': 'application/x-ndjson; charset=utf-8' } });
  });
  app.get('/304', () => new Response(null, { status: 304, headers: { ETag: '"v1"' } }));
  app.get('/part', () => new Response('x'.repeat(5000), { status: 206, headers: { 'Content-Type': 'text/plain', 'Content-Range': 'bytes 0-4999/10000' } }));
  app.get('/as-is', () => new Response('y'.repeat(5000), { headers: { 'Content-Type': 'text/plain', 'Cache-Control': 'no-transform' } }));
  app.get('/image', () => new Response(new Uint8Array(5000), { headers: { 'Content-Type': 'image/png' } }));
  app.get('/tagged', () => new Response('z'.repeat(5000), { headers: { 'Content-Type': 'text/plain', ETag: '"t1"' } }));
  const server = createAdaptorServer({ fetch: app.fetch });
  let url = '';
  before(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  for (const coding of ['br', 'gzip'] as const) {
    // A compressor that holds records back never lets the producer finish: the timeout fails it.
    it(`delivers each NDJSON record as it is written (${coding})`, { timeout: 10_000 }, async () => {
      const records = await new Promise<unknown[]>((resolve, reject) => {
        const seen: unknown[] = [];
        request(`${url}/export`, { headers: { 'accept-encoding': coding } }, (res) => {
          assert.equal(res.headers['content-encoding'], coding);
          assert.equal(res.headers['content-length'], undefined);
          assert.ok(String(res.headers.vary).includes('Accept-Encoding'));
          const decoder = coding === 'br' ? createBrotliDecompress() : createGunzip();
          let text = '';
          decoder.on('data', (chunk: Buffer) => {
            text += chunk.toString('utf8');
            let newline: number;
            while ((newline = text.indexOf('\n')) >= 0) {
              seen.push(JSON.parse(text.slice(0, newline)));
              text = text.slice(newline + 1);
              // Only now may the producer write the next record.
              delivered += 1;
              const next = wake;
              wake = null;
              next?.();
            }
          });
          decoder.on('end', () => resolve(seen));
          decoder.on('error', reject);
          res.pipe(decoder);
        }).on('error', reject).end();
      });
      assert.deepEqual(
        records.map((r) => (r as { index: number }).index),
        [0, 1, 2],
      );
    });
  }

  it('leaves 304s, ranges, no-transform answers and images alone', async () => {
    const notModified = await raw(`${url}/304`, { headers: { 'accept-encoding': 'br' } });
    assert.equal(notModified.status, 304);
    assert.equal(notModified.headers['content-encoding'], undefined);
    const part = await raw(`${url}/part`, { headers: { 'accept-encoding': 'br' } });
    assert.equal(part.status, 206);
    assert.equal(part.headers['content-encoding'], undefined);
    assert.equal(part.bytes.length, 5000);
    const asIs = await raw(`${url}/as-is`, { headers: { 'accept-encoding': 'br' } });
    assert.equal(asIs.headers['content-encoding'], undefined);
    const image = await raw(`${url}/image`, { headers: { 'accept-encoding': 'br' } });
    assert.equal(image.headers['content-encoding'], undefined);
    assert.ok(!varies(image), 'an image never varies by coding');
  });

  it('gives the coded answer its own strong entity tag', async () => {
    const plain = await raw(`${url}/tagged`);
    const coded = await raw(`${url}/tagged`, { headers: { 'accept-encoding': 'gzip' } });
    assert.equal(plain.headers.etag, '"t1"');
    assert.equal(coded.headers.etag, '"t1-gzip"');
    assert.equal(gunzipSync(coded.bytes).toString(), 'z'.repeat(5000));
  });
});
