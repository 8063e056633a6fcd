/**
 * What creating writes answer: 201 Created with a `Location` that leads to the new object, on
 * the first answer and on a replay under the same `Idempotency-Key`.
 * @module
 */
import { newIdempotencyKey } from '@partnerkit/core/client';
import { currentPeriod, shiftPeriod } from '@partnerkit/core/rules';
import { defineCheck } from '../check.js';
import type { RunContext, Who } from '../context.js';
import { WHO_NAMES } from '../context.js';
import { dealInput } from '../deal-fixtures.js';
import { describe, type Exchange } from '../http.js';
import { Findings } from './shared.js';

const LOCATION_RULE =
  'A 201 answer carries Location: the created object\'s URL, resolved against the request\'s URL (an absolute path such as /v1/deals/{id}, with the prefix the backend is mounted under). GET on it answers the object.';

/** One request that must create an object. */
interface Creation {
  operationId: string;
  who: Who;
  method: 'POST' | 'PUT';
  path: string;
  json: unknown;
  headers?: Record<string, string>;
  /** Where the object must be, below the base URL, once its id is known. */
  home(id: string): string;
  /** Registers the object for cleanup. */
  track(id: string): void;
}

/** The decoded path and origin of a URL, to compare URLs whatever their percent-encoding. */
const comparable = (url: URL) => `${url.origin}${decodeURIComponent(url.pathname)}`;

/**
 * What is wrong with the `Location` of a 201 answer to `creation`, or null: it must be there,
 * resolve (against the request's URL) to the object's own URL, and `GET` there must answer it.
 */
async function locationDefect(ctx: RunContext, creation: Creation, exchange: Exchange): Promise<string | null> {
  const as = WHO_NAMES[creation.who];
  if (exchange.status !== 201) return `${creation.operationId}: ${describe(exchange, as)}; expected 201 with Location`;
  const id = (exchange.body as { id?: unknown } | undefined)?.id;
  if (typeof id !== 'string') return `${creation.operationId}: ${describe(exchange, as)} without the created object's id`;
  creation.track(id);
  const location = exchange.headers.get('location');
  if (location === null || location.trim() === '') return `${creation.operationId}: ${creation.method} ${creation.path} as ${as} answered 201 without a Location header`;
  let resolved: URL;
  try {
    resolved = new URL(location, ctx.http.url(creation.path));
  } catch {
    return `${creation.operationId}: Location "${location}" is not a URL reference`;
  }
  const home = creation.home(id);
  const expected = new URL(ctx.http.url(home));
  if (comparable(resolved) !== comparable(expected)) return `${creation.operationId}: Location "${location}" resolves to ${resolved.href}; expected ${expected.href}`;
  const fetched = await ctx.http.get(home, { token: await ctx.token('admin') });
  const fetchedId = (fetched.body as { id?: unknown } | undefined)?.id;
  if (fetched.status !== 200 || fetchedId !== id) return `${creation.operationId}: GET on its Location ${describe(fetched, 'admin')}; expected 200 with id ${id}`;
  return null;
}

/** A tier rank no tier uses (1-100), or null when the programme uses them all. */
async function freeRank(ctx: RunContext): Promise<number | null> {
  const used = new Set<number>();
  for await (const tier of ctx.admin.tiers.iterate({ limit: 200 })) used.add(tier.rank);
  for (let rank = 1; rank <= 100; rank++) if (!used.has(rank)) return rank;
  return null;
}

export const writeChecks = [
  defineCheck({
    id: 'writes.location',
    area: 'writes',
    title: 'every 201 Created carries a Location that leads to the new object, also when replayed',
    rule: LOCATION_RULE,
    async run(ctx) {
      const { partners } = await ctx.fixtures();
      const findings = new Findings();
      const kpiId = `${ctx.prefix}-located`;
      const tierId = `${ctx.prefix}-located`;
      const at = (collection: string) => (id: string) => `/v1/${collection}/${encodeURIComponent(id)}`;
      const creations: Creation[] = [
        {
          operationId: 'createPartner',
          who: 'admin',
          method: 'POST',
          path: '/v1/partners',
          json: { name: ctx.unique('located partner'), type: 'referral' },
          home: at('partners'),
          track: (id) => ctx.created.partners.add(id),
        },
        {
          operationId: 'registerDeal',
          who: 'a',
          method: 'POST',
          path: '/v1/deals',
          json: dealInput(ctx),
          headers: { 'Idempotency-Key': newIdempotencyKey() },
          home: at('deals'),
          track: () => {},
        },
        {
          operationId: 'createResource',
          who: 'admin',
          method: 'POST',
          path: '/v1/resources',
          json: { title: ctx.unique('located resource'), type: 'link', language: 'en', url: 'https://example.com/partnerkit-conformance' },
          home: at('resources'),
          track: (id) => ctx.created.resources.add(id),
        },
        {
          operationId: 'createAgreement',
          who: 'admin',
          method: 'POST',
          path: '/v1/agreements',
          // For agents in the kit's own tier, gating nothing: no partner of another check meets it.
          json: { title: ctx.unique('located agreement'), partnerTypes: ['agent'], tierIds: [(await ctx.fixtures()).tiers.member.id], term: { kind: 'renews_yearly' } },
          headers: { 'Idempotency-Key': newIdempotencyKey() },
          home: at('agreements'),
          track: (id) => ctx.created.agreements.add(id),
        },
        {
          operationId: 'upsertKpi',
          who: 'admin',
          method: 'PUT',
          path: at('kpis')(kpiId),
          json: { name: ctx.unique('located KPI'), unit: 'count', direction: 'higher_is_better', aggregation: 'sum', weight: 0 },
          home: at('kpis'),
          track: (id) => ctx.created.kpis.add(id),
        },
      ];
      const rank = await freeRank(ctx);
      if (rank !== null) {
        creations.push({
          operationId: 'upsertTier',
          who: 'admin',
          method: 'PUT',
          path: at('tiers')(tierId),
          // Requires the located KPI, which nobody has figures for: a tier without requirements would
          // take in every partner (the kit's partner C among them) while the other checks run.
          json: { rank, name: ctx.unique('located tier'), colour: '#8A8A8A', benefits: [], requirements: [{ kpiId, min: 1 }], dealProtectionDays: 1 },
          home: at('tiers'),
          track: (id) => ctx.created.tiers.add(id),
        });
      }

      // A plan of partner A's, for a period no other check uses, with an objective to write under.
      const period = shiftPeriod(currentPeriod('year', new Date()), 50);
      const plans = `/v1/partners/${encodeURIComponent(partners.a.id)}/plans`;
      const plan = `${plans}/${period}`;
      const objective = await (await ctx.client('a')).plans.addObjective(partners.a.id, period, { owner: { name: 'Conformance' }, title: ctx.unique('located objective'), kind: 'milestone' });
      const under = (suffix: string) => (id: string) => `${plan}${suffix}/${encodeURIComponent(id)}`;
      creations.push(
        { operationId: 'upsertPlan', who: 'a', method: 'PUT', path: `${plans}/${shiftPeriod(period, 1)}`, json: { title: ctx.unique('located plan') }, home: () => `${plans}/${shiftPeriod(period, 1)}`, track: () => {} },
        {
          operationId: 'createPlanObjective',
          who: 'a',
          method: 'POST',
          path: `${plan}/objectives`,
          json: { owner: { name: 'Conformance' }, title: ctx.unique('located objective'), kind: 'milestone' },
          headers: { 'Idempotency-Key': newIdempotencyKey() },
          home: under('/objectives'),
          track: () => {},
        },
        {
          operationId: 'createPlanActivity',
          who: 'manager',
          method: 'POST',
          path: `${plan}/objectives/${objective.id}/activities`,
          json: { title: ctx.unique('located activity') },
          headers: { 'Idempotency-Key': newIdempotencyKey() },
          home: under(`/objectives/${objective.id}/activities`),
          track: () => {},
        },
        {
          operationId: 'createPlanComment',
          who: 'a',
          method: 'POST',
          path: `${plan}/objectives/${objective.id}/comments`,
          json: { body: ctx.unique('located comment') },
          headers: { 'Idempotency-Key': newIdempotencyKey() },
          home: under(`/objectives/${objective.id}/comments`),
          track: () => {},
        },
      );
      for (const creation of creations) {
        const send = async () => ctx.http.send(creation.method, creation.path, { token: await ctx.token(creation.who), json: creation.json, ...(creation.headers ? { headers: creation.headers } : {}) });
        const first = await send();
        const defect = await locationDefect(ctx, creation, first);
        if (defect !== null) {
          findings.add(defect);
          continue;
        }
        if (creation.headers?.['Idempotency-Key'] === undefined) continue;
        // The replay answers the first result: the same object, so the same Location.
        const replay = await send();
        if (replay.status === 201 && replay.headers.get('location') !== first.headers.get('location')) {
          findings.add(`${creation.operationId}: the replay under the same key answered Location ${JSON.stringify(replay.headers.get('location'))}; the first answer's was ${JSON.stringify(first.headers.get('location'))}`);
        }
      }
      findings.assertNone();
    },
  }),
];
