/**
 * Inbox (issue 25): the communication lists at scale, on PGlite and on PostgreSQL, over HTTP on
 * 127.0.0.1 against the reference server in its own process: a partner's requests (latest
 * activity first), a manager's requests earliest due first (its partners' only), and a
 * partner's announcements (audience filtering, its user's read state, pinned and unread first,
 * the unread count), with 100k requests and 1k announcements seeded in bulk. Each list is
 * measured one request at a time, interleaved with its raw-SQL baseline (the same statements
 * with the driver alone and `JSON.stringify`, `bench/server/baseline.ts`), after checking both
 * answer the same rows in the same order.
 * @module
 */
import type { DatabaseOptions } from '@partnerkit/server';
import type { InboxList } from '../lib/inbox-lists.ts';
import { bySize, runPart, type PartContext } from '../lib/part.ts';
import { ratio, summarize, type Summary } from '../lib/stats.ts';
import { onBothDatabases, startBenchServer, type BenchServer } from '../server/control.ts';
import { partnerId } from '../server/seed.ts';
import { READER_USER } from '../server/seed-inbox.ts';


/** One list: the server's times, the baseline's (interleaved), and server / baseline of the medians. */
export interface InboxSeries {
  server: Summary;
  baseline: Summary;
  ratio: number | null;
  /** Rows on the page (both answered the same). */
  rows: number;
}

export interface InboxDriver {
  driver: 'pglite' | 'postgres';
  engine: string;
  seedSeconds: number;
  requests: number;
  announcements: number;
  reads: number;
  manager: { partners: number; requests: number };
  lists: Record<InboxList, InboxSeries>;
}

export interface InboxResult {
  requests: number;
  announcements: number;
  partners: number;
  pageSize: number;
  drivers: InboxDriver[];
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

/** The parsed body of a 200 answer (anything else fails the run). */
async function read(url: string, token: string | null): Promise<{ data: { id: string }[]; unread?: number | null }> {
  const response = await fetch(url, token ? { headers: { authorization: `Bearer ${token}` } } : {});
  const body = await response.text();
  if (response.status !== 200) throw new Error(`GET ${new URL(url).pathname}: ${response.status} ${body.slice(0, 300)}`);
  return JSON.parse(body) as { data: { id: string }[]; unread?: number | null };
}

/**
 * Checks the server and the baseline answer the same page (same ids in the same order, same
 * unread count), then times them one request at a time, alternating, so both see the same load.
 */
async function series(name: string, server: { url: string; token: string }, baseline: string, n: { reads: number; warm: number }, pageSize: number): Promise<InboxSeries> {
  const [ours, raw] = [await read(server.url, server.token), await read(baseline, null)];
  // The baseline reads one row more, as the server does to know whether a next page exists.
  const ids = (page: typeof ours) => page.data.slice(0, pageSize).map((row) => row.id).join(',');
  if (ours.data.length === 0 || ids(ours) !== ids(raw) || (ours.unread ?? null) !== (raw.unread ?? null)) {
    throw new Error(`${name}: the server answered ${ours.data.length} rows (unread ${ours.unread}), the baseline ${raw.data.length} (unread ${raw.unread}), ${ids(ours) === ids(raw) ? 'same' : 'different'} ids`);
  }
  const times = { server: [] as number[], baseline: [] as number[] };
  for (let i = 0; i < n.warm + n.reads; i += 1) {
    for (const side of i % 2 === 0 ? (['server', 'baseline'] as const) : (['baseline', 'server'] as const)) {
      const started = performance.now();
      await (side === 'server' ? read(server.url, server.token) : read(baseline, null));
      if (i >= n.warm) times[side].push(performance.now() - started);
    }
  }
  const ourTimes = summarize(times.server);
  const baseTimes = summarize(times.baseline);
  return { server: ourTimes, baseline: baseTimes, ratio: ratio(ourTimes.median, baseTimes.median), rows: ours.data.length };
}

async function measureDriver(ctx: PartContext, driver: InboxDriver['driver'], database: DatabaseOptions, sizes: { requests: number; announcements: number; partners: number }): Promise<InboxDriver> {
  const n = bySize(ctx, { reads: 200, warm: 20 }, { reads: 4, warm: 1 });
  const pageSize = 20;
  const server = await ctx.step(`${driver}: start, seed ${sizes.partners} partners`, () => startBenchServer(database, sizes.partners, ctx.log));
  try {
    const seeded = await ctx.step(`${driver}: seed ${sizes.requests.toLocaleString('en')} requests, ${sizes.announcements.toLocaleString('en')} announcements`, () =>
      server.inbox(sizes.requests, sizes.announcements),
    );
    ctx.log(`${driver}: ${seeded.requests} requests, ${seeded.announcements} announcements, ${seeded.reads} reads; manager ${seeded.manager.id}: ${seeded.manager.partners} partners, ${seeded.manager.requests} requests`);
    const reader = partnerId(1);
    const partner = await mint(server, { role: 'partner', partnerId: reader, user: { id: READER_USER, name: 'Bench Reader' } });
    const manager = await mint(server, { role: 'manager', user: { id: seeded.manager.id, name: 'Bench Manager' } });
    // The baseline is told the partner's attributes, which the server reads from the session's partner.
    const profile = (await (await fetch(`${server.url}/v1/partners/${reader}`, { headers: { authorization: `Bearer ${server.adminKey}` } })).json()) as { type: string; tierId: string | null; region: string | null };
    const who = new URLSearchParams({ partner: reader, type: profile.type, user: READER_USER, ...(profile.tierId ? { tier: profile.tierId } : {}), ...(profile.region ? { region: profile.region } : {}) });
    const lists = {} as Record<InboxList, InboxSeries>;
    await ctx.step(`${driver}: measure the inbox lists`, async () => {
      lists.partnerRequests = await series('partner requests', { url: `${server.url}/v1/requests?limit=${pageSize}`, token: partner }, `${server.baselineUrl}/requests?partner=${reader}&limit=${pageSize + 1}`, n, pageSize);
      lists.managerRequestsByDue = await series(
        'manager requests by due time',
        { url: `${server.url}/v1/requests?sort=due&limit=${pageSize}`, token: manager },
        `${server.baselineUrl}/requests?manager=${encodeURIComponent(seeded.manager.id)}&limit=${pageSize + 1}`,
        n,
        pageSize,
      );
      lists.partnerAnnouncements = await series('partner announcements', { url: `${server.url}/v1/announcements?limit=${pageSize}`, token: partner }, `${server.baselineUrl}/announcements?${who}&limit=${pageSize + 1}`, n, pageSize);
    });
    for (const [name, s] of Object.entries(lists)) ctx.log(`${driver}: ${name} p50 ${s.server.median.toFixed(2)} ms, baseline ${s.baseline.median.toFixed(2)} ms, x${s.ratio?.toFixed(2)}`);
    return { driver, engine: server.engine, seedSeconds: seeded.seconds, requests: seeded.requests, announcements: seeded.announcements, reads: seeded.reads, manager: { partners: seeded.manager.partners, requests: seeded.manager.requests }, lists };
  } finally {
    await server.stop();
  }
}

await runPart('inbox', async (ctx) => {
  const sizes = bySize(ctx, { requests: 100_000, announcements: 1_000, partners: 200 }, { requests: 300, announcements: 30, partners: 8 });
  const { drivers, skipped } = await onBothDatabases(ctx, (driver, database) => measureDriver(ctx, driver, database, sizes));
  return { ...sizes, pageSize: 20, drivers, skipped } satisfies InboxResult;
});
