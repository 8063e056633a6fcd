/**
 * Server: deal registration (with the conflict check) at growing numbers of existing deals, on
 * PGlite and on PostgreSQL: latency one request at a time (p50, p99), throughput with several in
 * flight, and how both change from the smallest to the largest table; the scorecard of a
 * partner with 8 KPIs x 24 months; filtered lists; the deal search (`?q=`) beside the plain list.
 * All over HTTP on 127.0.0.1 against the reference server in its own process.
 * @module
 */
import { currentPeriod, shiftPeriod } from '@partnerkit/core/rules';
import type { DatabaseOptions } from '@partnerkit/server';
import { runPart, bySize, type PartContext } from '../lib/part.ts';
import { concurrent, sequential } from '../lib/load.ts';
import { ratio, summarize, type Summary } from '../lib/stats.ts';
import { onBothDatabases, postgresUrl, startBenchServer, type BenchServer } from '../server/control.ts';
import { companyFor, partnerId } from '../server/seed.ts';
import { dealNumber } from '@partnerkit/server/testing';

export interface StageResult {
  deals: number;
  /** Seconds to add this stage's deals (bulk SQL, index rebuild, ANALYZE). */
  seedSeconds: number;
  registration: {
    latency: Summary;
    /** Registrations per second with `concurrency` requests in flight. */
    throughput: number;
    concurrency: number;
    /** Latency under that concurrent load. */
    loaded: Summary;
    /** Answers other than 201 (409 when a generated name happens to match an existing customer). */
    conflicts: number;
  };
  scorecard: Summary;
  lists: { partnerByStatus: Summary; reviewQueue: Summary; partnerSearch: Summary };
  /** The deal list's text search (`?q=`), each beside the plain first page of the same session. */
  search: SearchResult;
  /** Reads planned per series; a slow series stops earlier (its `n` says how many ran). */
  plannedReads: number;
}

/** One search series: its times, what it searched for, and the deals on its first page. */
export interface SearchSeries {
  q: string;
  times: Summary;
  /** Deals on the first page (at most 50): how selective the search is. */
  matches: number;
}

/**
 * A manager searching every deal for a company fragment, a domain fragment and a registration
 * number, and a partner searching its own deals for a company fragment; the baselines are the
 * same sessions' plain first page (`?limit=50`), measured in the same stage.
 */
export interface SearchResult {
  managerList: Summary;
  company: SearchSeries;
  domain: SearchSeries;
  number: SearchSeries;
  partnerList: Summary;
  partner: SearchSeries;
}

export interface DriverResult {
  driver: 'pglite' | 'postgres';
  engine: string;
  version: string;
  startSeconds: number;
  stages: StageResult[];
  /** Largest stage / smallest stage: the growth of registration cost with data. */
  growth: { p50: number | null; p99: number | null; throughput: number | null };
}

export interface ServerResult {
  stages: number[];
  drivers: DriverResult[];
  skipped: string[];
  /** The PostgreSQL server used (host and port, no credentials) and where its URL came from. */
  postgres: { server: string; from: string } | null;
}

/** The sessions a stage uses: four partners' (partners 1-4) and a manager's; deals are spread over `partnerCount` partners. */
interface Tokens {
  partners: string[];
  manager: string;
  partnerCount: number;
}

/** Sessions minted through the admin API, as an embedding site's server would. */
async function mint(server: BenchServer, body: object): Promise<string> {
  const response = await fetch(`${server.url}/v1/sessions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${server.adminKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({ ttlSeconds: 86_400, ...body }),
  });
  if (response.status !== 201 && response.status !== 200) throw new Error(`POST /v1/sessions: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { token: string }).token;
}

async function get(url: string, token: string): Promise<void> {
  await read(url, token);
}

/** The body of a 200 answer (anything else fails the run). */
async function read(url: string, token: string): Promise<string> {
  const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  const body = await response.text();
  if (response.status !== 200) throw new Error(`GET ${new URL(url).pathname}: ${response.status} ${body.slice(0, 300)}`);
  return body;
}

/** Customers of registrations live far past the seeded numbers, so they never equal a seeded one. */
let registered = 0;
const REGISTRATION_BASE = 500_000_000;

function registration(): string {
  registered += 1;
  const { company, domain } = companyFor(REGISTRATION_BASE + registered);
  return JSON.stringify({
    type: 'resell',
    customer: { company, domain, country: 'VN', industry: 'Retail' },
    contact: { name: 'Bench Buyer', email: 'buyer@example.com', title: 'CIO' },
    products: ['Cloud Suite'],
    amount: { amount: 12_500_000, currency: 'USD' },
    expectedCloseDate: '2027-06-30',
    description: 'Registered by the benchmark.',
  });
}

async function measureStage(ctx: PartContext, server: BenchServer, tokens: Tokens, deals: number, seedSeconds: number): Promise<StageResult> {
  const n = bySize(ctx, { latency: 300, throughput: 300, reads: 100, warm: 25 }, { latency: 12, throughput: 16, reads: 6, warm: 3 });
  const concurrency = bySize(ctx, 8, 4);
  let conflicts = 0;
  const register = async (i: number) => {
    const response = await fetch(`${server.url}/v1/deals`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${tokens.partners[i % tokens.partners.length]}`,
        'content-type': 'application/json',
        'idempotency-key': `bench-${process.pid}-${registered + 1}`,
      },
      body: registration(),
    });
    const body = await response.text();
    if (response.status === 409) conflicts += 1;
    else if (response.status !== 201) throw new Error(`POST /v1/deals: ${response.status} ${body.slice(0, 300)}`);
  };
  await sequential(n.warm, register);
  const latency = await sequential(n.latency, register);
  const loaded = await concurrent(n.throughput, concurrency, register);

  const partner = tokens.partners[0]!;
  // The last complete quarter: eight quarters of trend are the 24 months of measurements.
  const period = shiftPeriod(currentPeriod('quarter'), -1);
  const scorecardUrl = `${server.url}/v1/partners/${partnerId(1)}/scorecard?period=${period}&periods=8`;
  // A read that turns out slow at scale is measured on fewer requests rather than stalling the run.
  const warmCap = { seconds: 3, minSamples: 2 };
  const readCap = { seconds: 12, minSamples: 8 };
  await sequential(n.warm, () => get(scorecardUrl, partner), warmCap);
  const scorecard = await sequential(n.reads, () => get(scorecardUrl, partner), readCap);

  const search = companyFor(deals).company.slice(0, 4).toLowerCase();
  const lists = {
    partnerByStatus: `${server.url}/v1/deals?status=approved&limit=50`,
    reviewQueue: `${server.url}/v1/deals?status=submitted,under_review&limit=50`,
    partnerSearch: `${server.url}/v1/deals?q=${encodeURIComponent(search)}&limit=50`,
  };
  const times = {} as Record<keyof typeof lists, Summary>;
  for (const [name, url] of Object.entries(lists) as [keyof typeof lists, string][]) {
    const token = name === 'reviewQueue' ? tokens.manager : partner;
    await sequential(n.warm, () => get(url, token), warmCap);
    times[name] = summarize(await sequential(n.reads, () => get(url, token), readCap));
  }
  return {
    deals,
    seedSeconds,
    registration: { latency: summarize(latency), throughput: n.throughput / loaded.seconds, concurrency, loaded: summarize(loaded.times), conflicts },
    scorecard: summarize(scorecard),
    lists: times,
    search: await measureSearch(server, tokens, deals, n.reads, n.warm),
    plannedReads: n.reads,
  };
}

/**
 * The deal searches of {@link SearchResult}. Their targets are bench-seeded deals (customer
 * `companyFor(n)`, number `DR-n`) in the middle of the table, partner 1's for the partner; each
 * search is checked once (every deal listed holds the fragment, and the target is listed unless
 * the page is full), so a broken search cannot pass for a fast one.
 */
async function measureSearch(server: BenchServer, tokens: Tokens, deals: number, reads: number, warm: number): Promise<SearchResult> {
  const partners = tokens.partnerCount;
  // Stage sizes are seeded ranges: 37 % of the way in is a seeded deal, not a registration.
  const target = Math.floor(deals * 0.37);
  const own = target - (target % partners); // partner 1 holds the deals whose number is a multiple of the partner count
  const customer = companyFor(target);
  const firstWord = (company: string) => company.split(' ')[0]!.toLowerCase();
  const page = (q: string | null) => `${server.url}/v1/deals?limit=50${q === null ? '' : `&q=${encodeURIComponent(q)}`}`;
  const warmCap = { seconds: 3, minSamples: 2 };
  const readCap = { seconds: 12, minSamples: 8 };
  const time = async (url: string, token: string) => {
    await sequential(warm, () => get(url, token), warmCap);
    return summarize(await sequential(reads, () => get(url, token), readCap));
  };
  const series = async (q: string, token: string, expected: number): Promise<SearchSeries> => {
    const found = (JSON.parse(await read(page(q), token)) as { data: { number: string; customer: { company: string; domain: string | null } }[] }).data;
    // Every deal listed holds the fragment; the target is among them unless newer matches fill the page.
    const holds = (d: (typeof found)[number]) => [d.customer.company, d.customer.domain ?? '', d.number].some((text) => text.toLowerCase().includes(q.toLowerCase()));
    const complete = found.length < 50 && !found.some((d) => d.number === dealNumber(expected));
    if (found.length === 0 || !found.every(holds) || complete) throw new Error(`search ${JSON.stringify(q)}: ${found.length} deals, ${dealNumber(expected)} ${complete ? 'missing' : 'present'}`);
    return { q, times: await time(page(q), token), matches: found.length };
  };
  const partner = tokens.partners[0]!;
  return {
    managerList: await time(page(null), tokens.manager),
    company: await series(firstWord(customer.company), tokens.manager, target),
    domain: await series(customer.domain.slice(2, -'.com'.length), tokens.manager, target),
    number: await series(dealNumber(target), tokens.manager, target),
    partnerList: await time(page(null), partner),
    partner: await series(firstWord(companyFor(own).company), partner, own),
  };
}

async function measureDriver(ctx: PartContext, driver: DriverResult['driver'], database: DatabaseOptions, stages: readonly number[]): Promise<DriverResult> {
  const partners = bySize(ctx, 200, 8);
  const server = await ctx.step(`${driver}: open, migrate, seed ${partners} partners x 8 KPIs x 24 months, listen`, () => startBenchServer(database, partners, ctx.log));
  try {
    const tokens = {
      partnerCount: partners,
      partners: await Promise.all([1, 2, 3, 4].map((p) => mint(server, { role: 'partner', partnerId: partnerId(p), user: { id: `u_bench_${p}`, name: 'Bench Partner' } }))),
      manager: await mint(server, { role: 'manager', user: { id: 'u_bench_manager', name: 'Bench Manager' } }),
    };
    const results: StageResult[] = [];
    for (const size of stages) {
      const grown = await ctx.step(`${driver}: grow to ${size.toLocaleString('en')} deals`, () => server.grow(size));
      results.push(await ctx.step(`${driver}: measure at ${grown.deals.toLocaleString('en')} deals`, () => measureStage(ctx, server, tokens, grown.deals, grown.seconds)));
    }
    const first = results[0]!;
    const last = results[results.length - 1]!;
    return {
      driver,
      engine: server.engine,
      version: server.version,
      startSeconds: server.startSeconds,
      stages: results,
      growth: {
        p50: ratio(last.registration.latency.median, first.registration.latency.median),
        p99: ratio(last.registration.latency.p99, first.registration.latency.p99),
        throughput: ratio(last.registration.throughput, first.registration.throughput),
      },
    };
  } finally {
    await server.stop();
  }
}

await runPart('server', async (ctx) => {
  const stages = bySize(ctx, [10_000, 100_000, 1_000_000], [100, 1_000]);
  const { drivers, skipped, onPostgres } = await onBothDatabases(ctx, (driver, database) => measureDriver(ctx, driver, database, stages));
  for (const d of drivers) {
    ctx.log(`${d.driver}: registration p50 ${d.stages.map((s) => s.registration.latency.median.toFixed(2)).join(' / ')} ms; growth x${d.growth.p50?.toFixed(2)}`);
  }
  const url = new URL(postgresUrl());
  const postgres = onPostgres ? { server: url.host, from: process.env.PARTNERKIT_TEST_DATABASE_URL ? 'PARTNERKIT_TEST_DATABASE_URL' : 'the default test cluster' } : null;
  return { stages, drivers, skipped, postgres } satisfies ServerResult;
});
