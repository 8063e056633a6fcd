/**
 * Pagination: `limit` within 1-200 (50 by default), cursors that walk every item exactly once in
 * the documented order even while the list changes, and cursors the backend did not issue
 * refused with `invalid_cursor`.
 * @module
 */
import { newIdempotencyKey } from '@partnerkit/core/client';
import { comparePeriods } from '@partnerkit/core/rules';
import type { Resource } from '@partnerkit/core/schemas';
import { defineCheck, ensure, fail } from '../check.js';
import type { RunContext, Who } from '../context.js';
import { register } from '../deal-fixtures.js';
import { describe } from '../http.js';
import { expectFieldErrors, expectProblem, show } from '../expect.js';
import { Findings, pool } from './shared.js';

const WALK_RULE =
  'nextCursor is null on the last page. Paging is by position (keyset), not offset: an item that exists through the whole walk is returned exactly once, even when others are added or removed meanwhile.';
const ORDER_RULE = 'Orders: tiers by rank; KPIs and partners by name; deals newest first; measurements oldest month first; events oldest first; resources by sort. Ties break by id.';

interface Item {
  id?: string;
  [field: string]: unknown;
}

interface Walk<T> {
  items: T[];
  pages: number;
}

/**
 * Follows `nextCursor` from `path` to the end; `between(page)` runs after each page (to change
 * the list mid-walk). Fails on a page that is not `{ data, nextCursor }` or on a cursor repeated.
 */
async function walk<T = Item>(ctx: RunContext, path: string, who: Who, between?: (page: number) => Promise<void>): Promise<Walk<T>> {
  const token = await ctx.token(who);
  const items: T[] = [];
  const cursors = new Set<string>();
  let cursor: string | null = null;
  for (let page = 1; page <= 500; page++) {
    const separator = path.includes('?') ? '&' : '?';
    const exchange = await ctx.http.get(cursor === null ? path : `${path}${separator}cursor=${encodeURIComponent(cursor)}`, { token });
    const body = exchange.body as { data?: unknown; nextCursor?: unknown } | undefined;
    ensure(exchange.status === 200 && Array.isArray(body?.data) && (body.nextCursor === null || typeof body.nextCursor === 'string'), () => `${describe(exchange, who)}; expected a page { data, nextCursor }`);
    items.push(...(body.data as T[]));
    if (body.nextCursor === null) return { items, pages: page };
    const next = body.nextCursor as string;
    ensure(!cursors.has(next), `${path} answered the same nextCursor twice: the walk would never end`);
    cursors.add(next);
    cursor = next;
    await between?.(page);
  }
  fail(`${path} did not end after 500 pages`);
}

const ids = (items: readonly Item[]) => items.map((i) => String(i.id));

/** Ids seen more than once. */
function duplicates(values: readonly string[]): string[] {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const v of values) (seen.has(v) ? twice : seen).add(v);
  return [...twice];
}

/** `expected` each appear exactly once in `items`, and nothing appears twice. */
function exactlyOnce(findings: Findings, what: string, walked: readonly string[], expected: readonly string[]): void {
  const twice = duplicates(walked);
  if (twice.length > 0) findings.add(`${what} returned ${twice.length} item(s) twice: ${show(twice.slice(0, 3))}`);
  const missing = expected.filter((id) => !walked.includes(id));
  if (missing.length > 0) findings.add(`${what} never returned ${missing.length} item(s) that existed through the walk: ${show(missing.slice(0, 3))}`);
}

/** The first adjacent pair out of order, as text, or null. */
function outOfOrder<T>(items: readonly T[], compare: (a: T, b: T) => number, show: (item: T) => string): string | null {
  for (let i = 1; i < items.length; i++) {
    if (compare(items[i - 1] as T, items[i] as T) > 0) return `${show(items[i - 1] as T)} came before ${show(items[i] as T)}`;
  }
  return null;
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export const paginationChecks = [
  defineCheck({
    id: 'pagination.limit',
    area: 'pagination',
    title: 'limit takes 1-200 and refuses anything else with 400; 50 items by default',
    rule: '?limit= is a whole number from 1 to 200, 50 when absent. Anything else is a 400 validation_failed (never silently clamped).',
    async run(ctx) {
      const { partners } = await ctx.fixtures();
      const a = `/v1/partners/${encodeURIComponent(partners.a.id)}`;
      const lists = ['/v1/tiers', '/v1/kpis', '/v1/partners', '/v1/deals', '/v1/resources', '/v1/events', `${a}/targets`, `${a}/measurements`];
      const findings = new Findings();
      const bad = ['0', '201', '-1', '2.5', 'ten', ''];
      await pool(
        lists.flatMap((list) => bad.map((limit) => ({ list, limit }))),
        6,
        async ({ list, limit }) => {
          try {
            expectFieldErrors(await ctx.http.get(`${list}?limit=${limit}`, { token: await ctx.token('admin') }), ['limit'], 'admin');
          } catch (error) {
            findings.add(error instanceof Error ? error.message : String(error));
          }
        },
      );
      await pool(lists, 4, async (list) => {
        for (const limit of [1, 200]) {
          const exchange = await ctx.http.get(`${list}?limit=${limit}`, { token: await ctx.token('admin') });
          const data = (exchange.body as { data?: unknown[] } | undefined)?.data;
          if (exchange.status !== 200 || !Array.isArray(data)) findings.add(`${describe(exchange, 'admin')}; expected a page`);
          else if (data.length > limit) findings.add(`${list}?limit=${limit} answered ${data.length} items`);
        }
      });
      const events = await ctx.http.get('/v1/events', { token: await ctx.token('admin') });
      const body = events.body as { data?: unknown[]; nextCursor?: unknown } | undefined;
      if (events.status !== 200 || !Array.isArray(body?.data)) findings.add(`${describe(events, 'admin')}; expected a page`);
      else if (body.data.length > 50 || (body.nextCursor !== null && body.data.length !== 50)) {
        findings.add(`GET /v1/events without limit answered ${body.data.length} items${body.nextCursor !== null ? ' and a next page' : ''}; expected 50 (the default)`);
      }
      findings.assertNone();
    },
  }),
  defineCheck({
    id: 'pagination.deals-walk',
    area: 'pagination',
    title: 'deals walk newest first, each exactly once, while new deals arrive',
    rule: `${WALK_RULE} ${ORDER_RULE}`,
    async run(ctx) {
      const { partners } = await ctx.fixtures();
      const mine: string[] = [];
      for (let i = 0; i < 5; i++) mine.push((await register(ctx, 'c')).id);
      const findings = new Findings();
      for (const who of ['admin', 'c'] as const) {
        const { items, pages } = await walk<Item & { createdAt: string }>(ctx, `/v1/deals?partnerId=${encodeURIComponent(partners.c.id)}&limit=2`, who, async (page) => {
          if (page === 1) await register(ctx, 'c');
        });
        exactlyOnce(findings, `the walk of partner C's deals as ${who}`, ids(items), mine);
        if (pages < 3) findings.add(`partner C's ${items.length} deals came in ${pages} page(s) of limit=2`);
        const order = outOfOrder(items, (x, y) => byText(y.createdAt, x.createdAt), (d) => `${d.id} (${d.createdAt})`);
        if (order) findings.add(`deals are not newest first: ${order}`);
      }
      findings.assertNone();
    },
  }),
  defineCheck({
    id: 'pagination.resources-walk',
    area: 'pagination',
    title: 'resources walk each exactly once in every sort while others are added and removed; total and facets count the whole result',
    rule: `${WALK_RULE} GET /v1/resources adds total (how many items match, over all pages) and facets (counts per type, tag and language over the whole filtered result).`,
    async run(ctx) {
      await ctx.fixtures();
      const tag = ctx.unique('pages');
      const create = async (n: number, type: Resource['type'], language: string) => {
        const resource = await ctx.admin.resources.create(
          { title: `${tag} item ${n}`, type, language, tags: [tag, n % 2 === 0 ? 'even' : 'odd'], url: `https://example.com/partnerkit-conformance/${tag}/${n}` },
          { idempotencyKey: newIdempotencyKey() },
        );
        ctx.created.resources.add(resource.id);
        return resource;
      };
      const made: Resource[] = [];
      for (let n = 1; n <= 6; n++) made.push(await create(n, n <= 4 ? 'document' : 'video', n % 3 === 0 ? 'vi' : 'en'));
      const findings = new Findings();
      const path = (sort: string) => `/v1/resources?tag=${encodeURIComponent(tag)}&sort=${sort}&limit=2`;

      // Remove one item not yet returned and add one, between the first and second pages.
      let removed: string | null = null;
      const changing = await walk<Item & { title: string }>(ctx, path('title'), 'admin', async (page) => {
        if (page !== 1) return;
        const victim = made[made.length - 1] as Resource;
        await ctx.admin.resources.delete(victim.id);
        removed = victim.id;
        made.push(await create(7, 'link', 'en'));
      });
      const stayed = made.slice(0, 5).map((r) => r.id);
      exactlyOnce(findings, 'the walk by title while items were added and removed', ids(changing.items), stayed);
      const order = outOfOrder(changing.items, (x, y) => byText(x.title, y.title), (r) => `"${r.title}"`);
      if (order) findings.add(`resources sorted by title are out of order: ${order}`);
      if (removed && ids(changing.items).slice(2).includes(removed)) findings.add('the walk returned an item after it was deleted');

      for (const sort of ['newest', 'popular']) {
        const { items } = await walk(ctx, path(sort), 'a');
        exactlyOnce(findings, `the walk sorted by ${sort}`, ids(items), made.filter((r) => r.id !== removed).map((r) => r.id));
      }

      const first = await ctx.http.get(path('newest'), { token: await ctx.token('admin') });
      const body = first.body as { total?: unknown; facets?: { type?: Record<string, number>; tag?: Record<string, number>; language?: Record<string, number> } } | undefined;
      const all = (await walk<Item & { type: string; tags: string[]; language: string }>(ctx, path('newest'), 'admin')).items;
      if (body?.total !== all.length) findings.add(`total is ${show(body?.total)} but the walk returned ${all.length} items`);
      const count = (values: string[]) => values.reduce<Record<string, number>>((out, v) => ({ ...out, [v]: (out[v] ?? 0) + 1 }), {});
      const expected = { type: count(all.map((r) => r.type)), tag: count(all.flatMap((r) => r.tags)), language: count(all.map((r) => r.language)) };
      for (const facet of ['type', 'tag', 'language'] as const) {
        const seen = body?.facets?.[facet] ?? {};
        for (const [value, n] of Object.entries(expected[facet])) {
          if (seen[value] !== n) findings.add(`facets.${facet}["${value}"] is ${show(seen[value] ?? null)}; the walk counted ${n}`);
        }
      }
      findings.assertNone();
    },
  }),
  defineCheck({
    id: 'pagination.other-walks',
    area: 'pagination',
    title: 'partners, measurements, targets, tiers, KPIs and events walk each item exactly once, in their order',
    rule: `${WALK_RULE} ${ORDER_RULE}`,
    async run(ctx) {
      const fixtures = await ctx.fixtures();
      const { partners, kpis, tiers, measurements } = fixtures;
      const findings = new Findings();
      const a = `/v1/partners/${encodeURIComponent(partners.a.id)}`;

      const partnerWalk = await walk<Item & { name: string }>(ctx, `/v1/partners?q=${encodeURIComponent(ctx.prefix)}&limit=1`, 'manager');
      exactlyOnce(findings, 'the walk of partners', ids(partnerWalk.items), [partners.a.id, partners.b.id, partners.c.id]);
      const partnerOrder = outOfOrder(partnerWalk.items, (x, y) => byText(x.name, y.name), (p) => `"${p.name}"`);
      if (partnerOrder) findings.add(`partners are not by name: ${partnerOrder}`);

      const measurementWalk = await walk<{ kpiId: string; period: string; value: number }>(ctx, `${a}/measurements?limit=4`, 'a');
      const keyOf = (m: { kpiId: string; period: string }) => `${m.kpiId}@${m.period}`;
      exactlyOnce(findings, "the walk of partner A's measurements", measurementWalk.items.map(keyOf), measurements.filter((m) => m.partnerId === partners.a.id).map(keyOf));
      const monthOrder = outOfOrder(measurementWalk.items, (x, y) => comparePeriods(x.period, y.period), (m) => m.period);
      if (monthOrder) findings.add(`measurements are not oldest month first: ${monthOrder}`);

      const targetWalk = await walk<{ kpiId: string; period: string }>(ctx, `${a}/targets?limit=1`, 'a');
      exactlyOnce(findings, "the walk of partner A's targets", targetWalk.items.map(keyOf), fixtures.targets.map(keyOf));

      const tierWalk = await walk<Item & { rank: number }>(ctx, '/v1/tiers?limit=1', 'a');
      exactlyOnce(findings, 'the walk of tiers', ids(tierWalk.items), [tiers.member.id, tiers.gold.id]);
      const rankOrder = outOfOrder(tierWalk.items, (x, y) => x.rank - y.rank, (t) => `${t.id} (rank ${t.rank})`);
      if (rankOrder) findings.add(`tiers are not by rank: ${rankOrder}`);

      const kpiWalk = await walk<Item & { name: string }>(ctx, '/v1/kpis?limit=2', 'b');
      exactlyOnce(findings, 'the walk of KPIs', ids(kpiWalk.items), [kpis.revenue.id, kpis.churn.id, kpis.certs.id]);
      const kpiOrder = outOfOrder(kpiWalk.items, (x, y) => byText(x.name, y.name), (k) => `"${k.name}"`);
      if (kpiOrder) findings.add(`KPIs are not by name: ${kpiOrder}`);

      const eventWalk = await walk<Item & { occurredAt: string }>(ctx, `/v1/events?partnerId=${encodeURIComponent(partners.a.id)}&limit=7`, 'manager');
      const twice = duplicates(ids(eventWalk.items));
      if (twice.length > 0) findings.add(`the walk of partner A's events returned ${twice.length} event(s) twice`);
      if (eventWalk.items.length === 0) findings.add("the walk of partner A's events returned none (creating it emits partner.created)");
      // Writes that overlap commit in their own order, so allow their clocks a second of skew.
      const eventOrder = outOfOrder(eventWalk.items, (x, y) => (Date.parse(x.occurredAt) - Date.parse(y.occurredAt) > 1_000 ? 1 : 0), (e) => `${e.id} (${e.occurredAt})`);
      if (eventOrder) findings.add(`events are not oldest first: ${eventOrder}`);
      findings.assertNone();
    },
  }),
  defineCheck({
    id: 'pagination.bad-cursor',
    area: 'pagination',
    title: 'cursors the backend did not issue, edited cursors and cursors used with other filters answer 400 invalid_cursor',
    rule: '?cursor= continues a list: pass the previous page\'s nextCursor unchanged, with the same filters and sort. One the backend did not issue, or one used with other filters, answers 400 invalid_cursor.',
    async run(ctx) {
      const { partners } = await ctx.fixtures();
      const token = await ctx.token('admin');
      const cursorOf = async (path: string) => {
        const exchange = await ctx.http.get(path, { token });
        const next = (exchange.body as { nextCursor?: unknown } | undefined)?.nextCursor;
        ensure(typeof next === 'string', () => `${describe(exchange, 'admin')}; expected a nextCursor to test with`);
        return next;
      };
      const kpiCursor = await cursorOf('/v1/kpis?limit=1');
      const partnerCursor = await cursorOf(`/v1/partners?q=${encodeURIComponent(ctx.prefix)}&limit=1`);
      const flipped = (cursor: string) => {
        const i = Math.floor(cursor.length / 2);
        return `${cursor.slice(0, i)}${cursor[i] === 'A' ? 'B' : 'A'}${cursor.slice(i + 1)}`;
      };
      const cases: [string, string][] = [
        ['a cursor the backend never issued', `/v1/kpis?cursor=${encodeURIComponent(`${ctx.prefix}-not-a-cursor`)}`],
        ['an edited cursor', `/v1/kpis?limit=1&cursor=${encodeURIComponent(flipped(kpiCursor))}`],
        ["another list's cursor", `/v1/tiers?limit=1&cursor=${encodeURIComponent(kpiCursor)}`],
        ['a cursor with other filters', `/v1/partners?q=${encodeURIComponent(partners.b.name)}&limit=1&cursor=${encodeURIComponent(partnerCursor)}`],
        ['a cursor with the filter dropped', `/v1/partners?limit=1&cursor=${encodeURIComponent(partnerCursor)}`],
      ];
      const findings = new Findings();
      for (const [what, path] of cases) {
        try {
          expectProblem(await ctx.http.get(path, { token }), 400, 'invalid_cursor', 'admin');
        } catch (error) {
          findings.add(`${what}: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
      findings.assertNone();
    },
  }),
];
