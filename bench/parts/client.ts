/**
 * Client: what `createClient()` adds to a request on loopback, against raw `fetch` +
 * `JSON.parse`; in-flight sharing of identical GETs (counted by the server); the heap taken by
 * 10,000 cached answers. Run with `--expose-gc` (bench/main.ts does) so heap figures are read
 * after a full collection.
 * @module
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createClient } from '@partnerkit/core/client';
import type { Deal } from '@partnerkit/core/schemas';
import { runPart, bySize, type PartContext } from '../lib/part.ts';
import { ratio, summarize, type Summary } from '../lib/stats.ts';
import { startBenchServer } from '../server/control.ts';
import { renderFixtures } from '../render/fixtures.ts';

/** One server's comparison: each side's per-request milliseconds, and the client's extra cost. */
export interface OverheadResult {
  server: string;
  requests: number;
  raw: Summary;
  client: Summary;
  /** Median client time minus median raw time, in microseconds. */
  overheadMicros: number;
  /** Median client time / median raw time. */
  ratio: number | null;
}

export interface ClientResult {
  overhead: OverheadResult[];
  sharing: { concurrent: number; clientRequests: number; rawRequests: number };
  cache: { entries: number; clientBytes: number; rawMapBytes: number; perEntryBytes: number; rawPerEntryBytes: number; hitsServedFromCache: boolean; bodyBytes: number };
}

const gc = (): void => {
  const collect = (globalThis as { gc?: () => void }).gc;
  if (!collect) throw new Error('run the client benchmark with --expose-gc');
  collect();
  collect();
};

const heap = (): number => {
  gc();
  return process.memoryUsage().heapUsed;
};

/** Raw and client GETs of `url`, interleaved so drift hits both alike, after a warm-up. */
async function compareGets(name: string, n: number, raw: () => Promise<unknown>, viaClient: () => Promise<unknown>): Promise<OverheadResult> {
  for (let i = 0; i < Math.max(20, n / 10); i += 1) {
    await raw();
    await viaClient();
  }
  const rawTimes: number[] = [];
  const clientTimes: number[] = [];
  for (let i = 0; i < n; i += 1) {
    const order = i % 2 ? [viaClient, raw] : [raw, viaClient];
    for (const request of order) {
      const started = performance.now();
      await request();
      (request === raw ? rawTimes : clientTimes).push(performance.now() - started);
    }
  }
  const rawSummary = summarize(rawTimes);
  const clientSummary = summarize(clientTimes);
  return {
    server: name,
    requests: n,
    raw: rawSummary,
    client: clientSummary,
    overheadMicros: (clientSummary.median - rawSummary.median) * 1000,
    ratio: ratio(clientSummary.median, rawSummary.median),
  };
}

/** A loopback server answering every `/api/v1/deals/<id>` with one fixed deal under that id; it counts requests. */
async function staticDealServer(deal: Deal): Promise<{ url: string; count(): number; close(): void }> {
  let requests = 0;
  const server = createServer((request, response) => {
    requests += 1;
    const id = /^\/api\/v1\/deals\/([\w.:-]+)$/.exec(request.url ?? '')?.[1];
    const body = id ? JSON.stringify({ ...deal, id }) : '{"type":"about:blank","title":"Not Found","status":404,"code":"not_found"}';
    response.writeHead(id ? 200 : 404, { 'content-type': id ? 'application/json' : 'application/problem+json', 'content-length': Buffer.byteLength(body) });
    response.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`, count: () => requests, close: () => server.close() };
}

async function measureClient(ctx: PartContext): Promise<ClientResult> {
  const n = bySize(ctx, 1_000, 60);
  const entries = bySize(ctx, 10_000, 300);
  const concurrent = 50;
  const token = 'pk_bench_static_token_0123456789';
  const [deal] = renderFixtures({ kpis: 1, periods: 1, deals: 1, resources: 0, objectives: 0 }).deals;
  if (!deal) throw new Error('no deal fixture');

  // The reference server (its own process, in-memory PGlite) with a few deals.
  const server = await ctx.step('reference server (in-memory PGlite)', async () => {
    const started = await startBenchServer({ memory: true }, 4, ctx.log);
    await started.grow(50);
    return started;
  });
  const staticServer = await staticDealServer(deal);
  try {
    // A partner session for the owner of a deal: the GET measured is a partner reading its own deal.
    const admin = createClient({ baseUrl: server.url, token: server.adminKey, retry: 0 });
    const first = (await admin.deals.list({ limit: 1 })).data[0];
    if (!first) throw new Error('the reference server listed no deal');
    const { token: partnerToken } = await admin.sessions.create({ role: 'partner', partnerId: first.partnerId, user: { id: 'u_client_bench' }, ttlSeconds: 86_400 });
    const client = createClient({ baseUrl: server.url, token: partnerToken, retry: 0 });
    const referenceUrl = `${server.url}/v1/deals/${first.id}`;
    const rawGet = (url: string, bearer: string) => async () => JSON.parse(await (await fetch(url, { headers: { authorization: `Bearer ${bearer}` } })).text()) as unknown;

    const overhead: OverheadResult[] = [];
    overhead.push(
      await ctx.step(`${n} GETs x 2, reference server`, () => compareGets('reference server (GET /v1/deals/{id}, PGlite)', n, rawGet(referenceUrl, partnerToken), () => client.deals.get(first.id))),
    );
    const staticClient = createClient({ baseUrl: staticServer.url, token, retry: 0 });
    overhead.push(
      await ctx.step(`${n} GETs x 2, static loopback server`, () =>
        compareGets('static loopback server (one fixed deal)', n, rawGet(`${staticServer.url}/v1/deals/${deal.id}`, token), () => staticClient.deals.get(deal.id)),
      ),
    );

    // In-flight sharing, counted by the reference server's access log.
    const sharing = await ctx.step(`${concurrent} concurrent identical GETs`, async () => {
      const key = `GET /v1/deals/${first.id}`;
      const fresh = createClient({ baseUrl: server.url, token: partnerToken, retry: 0 });
      const before = await server.requests(key);
      await Promise.all(Array.from({ length: concurrent }, () => fresh.deals.get(first.id)));
      const afterClient = await server.requests(key);
      await Promise.all(Array.from({ length: concurrent }, rawGet(referenceUrl, partnerToken)));
      const afterRaw = await server.requests(key);
      return { concurrent, clientRequests: afterClient - before, rawRequests: afterRaw - afterClient };
    });

    // Heap after `entries` cached answers, against the same answers kept in a Map by hand.
    const cache = await ctx.step(`heap after ${entries.toLocaleString('en')} cached answers`, async () => {
      const ids = Array.from({ length: entries }, (_, i) => `dl_cache_${i}`);
      const cached = createClient({ baseUrl: staticServer.url, token, retry: 0, cache: { ttl: 3_600_000, maxEntries: entries } });
      const base = heap();
      for (const id of ids) await cached.deals.get(id);
      const clientBytes = heap() - base;
      const served = staticServer.count();
      for (const id of ids.slice(0, 100)) await cached.deals.get(id);
      const hitsServedFromCache = staticServer.count() === served;
      const map = new Map<string, unknown>();
      const mapBase = heap();
      for (const id of ids) map.set(id, await rawGet(`${staticServer.url}/v1/deals/${id}`, token)());
      const rawMapBytes = heap() - mapBase;
      if (map.size !== entries) throw new Error('the hand-made cache lost entries');
      return {
        entries,
        clientBytes,
        rawMapBytes,
        perEntryBytes: clientBytes / entries,
        rawPerEntryBytes: rawMapBytes / entries,
        hitsServedFromCache,
        bodyBytes: Buffer.byteLength(JSON.stringify({ ...deal, id: ids[0] })),
      };
    });
    return { overhead, sharing, cache };
  } finally {
    staticServer.close();
    await server.stop();
  }
}

await runPart('client', async (ctx) => {
  const result = await measureClient(ctx);
  for (const o of result.overhead) ctx.log(`${o.server}: raw ${o.raw.median.toFixed(3)} ms, client ${o.client.median.toFixed(3)} ms, x${o.ratio?.toFixed(2)}`);
  ctx.log(`sharing: ${result.sharing.concurrent} concurrent GETs -> ${result.sharing.clientRequests} request(s); cache: ${(result.cache.clientBytes / 1_048_576).toFixed(1)} MB for ${result.cache.entries} entries`);
  return result;
});
