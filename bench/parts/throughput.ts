/**
 * Server throughput: requests per second and latency under a bounded load (autocannon: `c`
 * connections, each sending its next request when the last answer arrived) at c = 1, 10 and 50,
 * for the deal list (a manager's first page, with possible conflicts; a partner's), the
 * scorecard and registration, on PGlite and on PostgreSQL, beside a raw-SQL baseline measured in
 * the same run (the partner's page read with the driver alone and `JSON.stringify`, no
 * framework); and the time to read 20,000 deals page by page.
 * @module
 */
import autocannon from 'autocannon';
import { currentPeriod, shiftPeriod } from '@partnerkit/core/rules';
import type { DatabaseOptions } from '@partnerkit/server';
import { ENDPOINTS, type Endpoint } from '../lib/endpoints.ts';
import { bySize, runPart, type PartContext } from '../lib/part.ts';
import { onBothDatabases, startBenchServer, type BenchServer } from '../server/control.ts';
import { companyFor, partnerId } from '../server/seed.ts';

/** What one cell of load measured. */
export interface LoadCell {
  endpoint: Endpoint;
  concurrency: number;
  seconds: number;
  requests: number;
  /** Answers per second over the cell. */
  perSecond: number;
  /** Latency in ms (autocannon's histogram: whole milliseconds for percentiles). */
  latency: { mean: number; p50: number; p99: number; max: number };
  /** Answers other than 2xx, and connection errors or timeouts: any fails the run. */
  failures: number;
}

export interface ThroughputDriver {
  driver: 'pglite' | 'postgres';
  engine: string;
  version: string;
  deals: number;
  seedSeconds: number;
  cells: LoadCell[];
  /** Reading the first `deals` deals page by page with an admin key, `pageSize` per page. */
  readAll: { deals: number; pageSize: number; pages: number; seconds: number };
}

export interface ThroughputResult {
  deals: number;
  cellSeconds: number;
  concurrency: number[];
  drivers: ThroughputDriver[];
  skipped: string[];
}

async function mint(server: BenchServer, body: object): Promise<string> {
  const response = await fetch(`${server.url}/v1/sessions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${server.adminKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({ ttlSeconds: 86_400, ...body }),
  });
  if (!response.ok) throw new Error(`POST /v1/sessions: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { token: string }).token;
}

/** Registrations' customers live far past the seeded numbers, so none is held already. */
let registered = 0;
const REGISTRATION_BASE = 700_000_000;

function registration(): string {
  registered += 1;
  const { company, domain } = companyFor(REGISTRATION_BASE + registered);
  return JSON.stringify({ type: 'resell', customer: { company, domain, country: 'VN' }, products: ['Cloud Suite'], amount: { amount: 12_500_000, currency: 'USD' } });
}

/** One cell: `concurrency` connections for `seconds`, after a warm-up of a tenth of that. */
async function load(url: string, headers: Record<string, string>, concurrency: number, seconds: number, post = false): Promise<autocannon.Result> {
  const options: autocannon.Options = {
    url,
    connections: concurrency,
    duration: seconds,
    headers,
    ...(post
      ? {
          requests: [
            {
              method: 'POST',
              // A new customer and a new key per request: every one is a real registration.
              setupRequest: (request) => ({ ...request, body: registration(), headers: { ...request.headers, 'idempotency-key': `bench-throughput-${process.pid}-${registered}` } }),
            },
          ],
        }
      : {}),
  };
  await autocannon({ ...options, duration: Math.max(0.2, seconds / 10) });
  return autocannon(options);
}

function cell(endpoint: Endpoint, concurrency: number, seconds: number, result: autocannon.Result): LoadCell {
  return {
    endpoint,
    concurrency,
    seconds: result.duration,
    requests: result.requests.total,
    perSecond: result.requests.total / result.duration,
    latency: { mean: result.latency.mean, p50: result.latency.p50, p99: result.latency.p99, max: result.latency.max },
    failures: result.non2xx + result.errors + result.timeouts,
  };
}

/** Reads deals page by page with `token` until `want` deals are read (or the list ends). */
async function readPages(server: BenchServer, token: string, want: number, pageSize: number): Promise<ThroughputDriver['readAll']> {
  let cursor: string | null = null;
  let deals = 0;
  let pages = 0;
  const started = performance.now();
  do {
    const response = await fetch(`${server.url}/v1/deals?limit=${pageSize}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, { headers: { authorization: `Bearer ${token}` } });
    if (!response.ok) throw new Error(`GET /v1/deals: ${response.status} ${await response.text()}`);
    const page = (await response.json()) as { data: unknown[]; nextCursor: string | null };
    deals += page.data.length;
    pages += 1;
    cursor = page.nextCursor;
  } while (cursor !== null && deals < want);
  return { deals, pageSize, pages, seconds: (performance.now() - started) / 1000 };
}

/**
 * Deals in the table: 1M (issue 17's scale), or `BENCH_THROUGHPUT_DEALS` where seeding a million
 * does not fit (the report states the scale measured).
 */
const dealsFor = (ctx: PartContext) => bySize(ctx, Number(process.env.BENCH_THROUGHPUT_DEALS ?? 1_000_000), 300);

async function measureDriver(ctx: PartContext, driver: ThroughputDriver['driver'], database: DatabaseOptions): Promise<ThroughputDriver> {
  const deals = dealsFor(ctx);
  const seconds = bySize(ctx, 5, 0.3);
  const concurrency = bySize(ctx, [1, 10, 50], [1, 10]);
  const partners = bySize(ctx, 200, 8);
  const server = await ctx.step(`${driver}: start, seed ${partners} partners`, () => startBenchServer(database, partners, ctx.log));
  try {
    const grown = await ctx.step(`${driver}: grow to ${deals.toLocaleString('en')} deals`, () => server.grow(deals));
    const partner = await mint(server, { role: 'partner', partnerId: partnerId(1), user: { id: 'u_load_partner', name: 'Load Partner' } });
    const manager = await mint(server, { role: 'manager', user: { id: 'u_load_manager', name: 'Load Manager' } });
    const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
    const period = shiftPeriod(currentPeriod('quarter'), -1);
    const targets: Record<Endpoint, { url: string; headers: Record<string, string>; post?: boolean }> = {
      'list-manager': { url: `${server.url}/v1/deals?limit=20`, headers: bearer(manager) },
      'list-partner': { url: `${server.url}/v1/deals?limit=20`, headers: bearer(partner) },
      baseline: { url: `${server.baselineUrl}/deals?partner=${partnerId(1)}&limit=21`, headers: {} },
      scorecard: { url: `${server.url}/v1/partners/${partnerId(1)}/scorecard?period=${period}&periods=8`, headers: bearer(partner) },
      registration: { url: `${server.url}/v1/deals`, headers: { ...bearer(partner), 'content-type': 'application/json' }, post: true },
    };
    const cells: LoadCell[] = [];
    for (const endpoint of ENDPOINTS) {
      const target = targets[endpoint];
      for (const c of concurrency) {
        const measured = cell(endpoint, c, seconds, await load(target.url, target.headers, c, seconds, target.post));
        ctx.log(`${driver} ${endpoint} c=${c}: ${measured.perSecond.toFixed(0)}/s, p50 ${measured.latency.p50} ms, p99 ${measured.latency.p99} ms`);
        if (measured.failures > 0) throw new Error(`${driver} ${endpoint} c=${c}: ${measured.failures} answers failed or were not 2xx`);
        cells.push(measured);
      }
    }
    const readAll = await ctx.step(`${driver}: read ${bySize(ctx, 20_000, 300).toLocaleString('en')} deals page by page`, () => readPages(server, server.adminKey, bySize(ctx, 20_000, 300), bySize(ctx, 200, 50)));
    return { driver, engine: server.engine, version: server.version, deals: grown.deals, seedSeconds: grown.seconds, cells, readAll };
  } finally {
    await server.stop();
  }
}

await runPart('throughput', async (ctx) => {
  const { drivers, skipped } = await onBothDatabases(ctx, (driver, database) => measureDriver(ctx, driver, database), { smokeOnPGlite: true });
  return {
    deals: dealsFor(ctx),
    cellSeconds: bySize(ctx, 5, 0.3),
    concurrency: bySize(ctx, [1, 10, 50], [1, 10]),
    drivers,
    skipped,
  } satisfies ThroughputResult;
});
