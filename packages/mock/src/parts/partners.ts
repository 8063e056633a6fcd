/**
 * `/v1/partners`, their targets, measurements and scorecards: the companies in the programme and
 * the numbers they are measured by. Scorecards and tier changes are core's rules
 * (`computeScorecard`, `evaluateTierStanding`, `dueTierChange`), as on the reference server.
 * @module
 */
import { computeScorecard, currentPeriod, dueTierChange, evaluateTierStanding, isComputedKpi } from '@partnerkit/core/rules';
import {
  MeasurementBatch,
  MeasurementListQuery,
  type Partner,
  PartnerInput,
  PartnerListQuery,
  PartnerPatch,
  ScorecardQuery,
  TargetListQuery,
  TargetsInput,
} from '@partnerkit/core/schemas';
import { callerOf, type MockPart, partnerScope, type RequestContext, requireRole } from '../context.js';
import { idempotencyKey, idempotentWrite } from '../http/idempotency.js';
import { json, problems } from '../http/problem.js';
import { newId } from '../http/random.js';
import { parseWith, pathId, queryObject, readJsonBody } from '../http/request.js';
import { type MockState, numberKey } from '../state.js';

/** Case-insensitive "contains", as the contract's `q` filters search. */
export const contains = (text: string | null | undefined, q: string): boolean => (text ?? '').toLowerCase().includes(q.toLowerCase());

/** The partner `{id}` when the caller may see it; 404 for a missing one and another partner's alike. */
export function partnerInScope(ctx: RequestContext): Partner {
  const id = pathId(ctx.params.id!);
  const scope = partnerScope(callerOf(ctx));
  const partner = scope === null || scope === id ? ctx.state.partners.get(id) : undefined;
  if (!partner) throw problems.notFound('There is no partner with this id.');
  return partner;
}

function checkTier(state: MockState, tierId: string | null | undefined): void {
  if (tierId && !state.tiers.has(tierId)) throw problems.unknownId('tierId', 'tier');
}

function checkTierSince(tierSince: string | undefined, now: Date): void {
  if (tierSince !== undefined && Date.parse(tierSince) > now.getTime()) throw problems.validation([{ path: 'tierSince', message: 'must not be in the future' }]);
}

/**
 * Applies the tier changes due for `partnerIds` at `now` (upgrades at once, pending downgrades
 * once due), from the current quarter, as core's rules decide; each emits `tier.changed`.
 */
export function applyDueTierChanges(state: MockState, partnerIds: Iterable<string>, now: Date): void {
  const tiers = [...state.tiers.values()];
  if (tiers.length === 0) return;
  const kpis = [...state.kpis.values()];
  const period = currentPeriod('quarter', now);
  for (const partnerId of new Set(partnerIds)) {
    const partner = state.partners.get(partnerId);
    if (!partner) continue;
    const standing = evaluateTierStanding({
      tiers,
      kpis,
      measurements: state.measurementsOf(partnerId),
      period,
      currentTierId: partner.tierId,
      currentTierSince: partner.tierSince ? new Date(partner.tierSince) : undefined,
      now,
      certifications: state.certificationsOf(partnerId),
    });
    const change = dueTierChange(standing, now);
    if (!change) continue;
    const at = now.toISOString();
    state.partners.set(partnerId, { ...partner, tierId: change.tier.id, tierSince: at, updatedAt: at });
    state.appendEvents([{ type: 'tier.changed', partnerId, data: { partnerId, from: partner.tierId, to: change.tier.id, kind: change.kind, period } }], now);
  }
}

/** Keeps the last item per key, in first-seen order of the keys. */
function lastPerKey<T>(items: readonly T[], keyOf: (item: T) => string): T[] {
  const byKey = new Map<string, T>();
  for (const item of items) byKey.set(keyOf(item), item);
  return [...byKey.values()];
}

export const partnersPart: MockPart = {
  name: 'partners',
  routes: [
    {
      path: '/v1/partners',
      handlers: {
        get: (ctx) => {
          const query = parseWith(PartnerListQuery, queryObject(ctx.url, Object.keys(PartnerListQuery.shape)));
          const { limit, cursor, ...filters } = query;
          const scope = partnerScope(callerOf(ctx));
          const partners = [...ctx.state.partners.values()].filter(
            (p) =>
              (scope === null || p.id === scope) &&
              (filters.type === undefined || p.type === filters.type) &&
              (filters.status === undefined || p.status === filters.status) &&
              (filters.tierId === undefined || p.tierId === filters.tierId) &&
              (filters.country === undefined || p.country === filters.country.toUpperCase()) &&
              (filters.region === undefined || (p.region ?? '').toLowerCase() === filters.region.toLowerCase()) &&
              (filters.q === undefined || contains(p.name, filters.q)),
          );
          return json(ctx.state.cursors.page(partners, (p) => [p.name, p.id], { limit, cursor }, 'partners', { ...filters, scope }));
        },
        post: async (ctx) => {
          requireRole(ctx, 'admin');
          const body = await readJsonBody(ctx.request);
          const input = parseWith(PartnerInput, body);
          idempotencyKey(ctx);
          checkTier(ctx.state, input.tierId);
          checkTierSince(input.tierSince, ctx.now);
          return idempotentWrite(ctx, body, () => {
            const at = ctx.now.toISOString();
            const partner: Partner = {
              id: newId('pt', ctx.now),
              name: input.name,
              type: input.type,
              status: input.status,
              tierId: input.tierId ?? null,
              tierSince: input.tierSince ?? at,
              region: input.region ?? null,
              country: input.country ?? null,
              website: input.website ?? null,
              domains: input.domains ?? [],
              manager: input.manager ?? null,
              createdAt: at,
              updatedAt: at,
            };
            ctx.state.partners.set(partner.id, partner);
            ctx.state.appendEvents([{ type: 'partner.created', partnerId: partner.id, data: { partner } }], ctx.now);
            return { status: 201, body: partner };
          });
        },
      },
    },
    {
      path: '/v1/partners/:id',
      handlers: {
        get: (ctx) => json(partnerInScope(ctx)),
        patch: async (ctx) => {
          requireRole(ctx, 'admin');
          const id = pathId(ctx.params.id!);
          const patch = parseWith(PartnerPatch, await readJsonBody(ctx.request));
          checkTier(ctx.state, patch.tierId);
          checkTierSince(patch.tierSince, ctx.now);
          const before = ctx.state.partners.get(id);
          if (!before) throw problems.notFound('There is no partner with this id.');
          const at = ctx.now.toISOString();
          const changed = (Object.keys(patch) as (keyof PartnerPatch)[]).filter((k) => patch[k] !== undefined);
          const after: Partner = { ...before, ...Object.fromEntries(changed.map((k) => [k, patch[k]])), updatedAt: at };
          // A tier set by hand starts afresh, unless the admin says since when.
          if (patch.tierId !== undefined && patch.tierId !== before.tierId && patch.tierSince === undefined) after.tierSince = at;
          ctx.state.partners.set(id, after);
          ctx.state.appendEvents(
            [
              { type: 'partner.updated', partnerId: id, data: { partnerId: id, changed } },
              ...(before.tierId !== after.tierId ? [{ type: 'tier.changed' as const, partnerId: id, data: { partnerId: id, from: before.tierId, to: after.tierId, kind: 'manual' } }] : []),
            ],
            ctx.now,
          );
          return json(after);
        },
      },
    },
    {
      path: '/v1/partners/:id/targets',
      handlers: {
        get: (ctx) => {
          const partner = partnerInScope(ctx);
          const query = parseWith(TargetListQuery, queryObject(ctx.url, Object.keys(TargetListQuery.shape)));
          const { limit, cursor, ...filters } = query;
          const targets = ctx.state
            .targetsOf(partner.id)
            .filter((t) => (filters.kpiId === undefined || t.kpiId === filters.kpiId) && (filters.period === undefined || t.period === filters.period));
          return json(ctx.state.cursors.page(targets, (t) => [t.kpiId, t.period], { limit, cursor }, 'targets', { ...filters, partnerId: partner.id }));
        },
        put: async (ctx) => {
          requireRole(ctx, 'admin');
          const input = parseWith(TargetsInput, await readJsonBody(ctx.request));
          const partner = partnerInScope(ctx);
          const unknown = input.data.flatMap((t, i) => (ctx.state.kpis.has(t.kpiId) ? [] : [{ path: `data.${i}.kpiId`, message: 'no KPI has this id' }]));
          if (unknown.length > 0) throw problems.validation(unknown);
          const at = ctx.now.toISOString();
          const stored = lastPerKey(input.data, (t) => `${t.kpiId}\n${t.period}`).map((t) => {
            const target = { partnerId: partner.id, kpiId: t.kpiId, period: t.period, value: t.value, updatedAt: at };
            ctx.state.targets.set(numberKey(partner.id, t.kpiId, t.period), target);
            return target;
          });
          return json({ data: stored });
        },
      },
    },
    {
      path: '/v1/measurements',
      handlers: {
        post: async (ctx) => {
          requireRole(ctx, 'admin');
          const body = await readJsonBody(ctx.request);
          const input = parseWith(MeasurementBatch, body);
          idempotencyKey(ctx);
          const unknown = input.data.flatMap((m, i) => [
            ...(ctx.state.partners.has(m.partnerId) ? [] : [{ path: `data.${i}.partnerId`, message: 'no partner has this id' }]),
            ...(ctx.state.kpis.has(m.kpiId) ? [] : [{ path: `data.${i}.kpiId`, message: 'no KPI has this id' }]),
          ]);
          if (unknown.length > 0) throw problems.validation(unknown);
          // Computed KPIs (certified staff) take no measurements: the whole batch is refused.
          const refused = input.data.flatMap((m, i) => {
            const kpi = ctx.state.kpis.get(m.kpiId)!;
            return isComputedKpi(kpi) ? [{ path: `data.${i}.kpiId`, message: `${kpi.id} is computed from certifications (source ${kpi.source ?? ''})` }] : [];
          });
          if (refused.length > 0) throw problems.kpiComputed(refused);
          return idempotentWrite(ctx, body, () => {
            const at = ctx.now.toISOString();
            // The last value given for one (partner, KPI, month) wins, as if sent one by one.
            const rows = lastPerKey(input.data, (m) => numberKey(m.partnerId, m.kpiId, m.period));
            const byPartner = new Map<string, { count: number; periods: Set<string> }>();
            for (const m of rows) {
              ctx.state.measurements.set(numberKey(m.partnerId, m.kpiId, m.period), { partnerId: m.partnerId, kpiId: m.kpiId, period: m.period, value: m.value, source: m.source ?? null, recordedAt: at });
              const entry = byPartner.get(m.partnerId) ?? { count: 0, periods: new Set<string>() };
              entry.count += 1;
              entry.periods.add(m.period);
              byPartner.set(m.partnerId, entry);
            }
            ctx.state.appendEvents(
              [...byPartner].map(([partnerId, e]) => ({ type: 'measurements.ingested' as const, partnerId, data: { partnerId, count: e.count, periods: [...e.periods].sort() } })),
              ctx.now,
            );
            applyDueTierChanges(ctx.state, byPartner.keys(), ctx.now);
            return { status: 200, body: { upserted: rows.length } };
          });
        },
      },
    },
    {
      path: '/v1/partners/:id/measurements',
      handlers: {
        get: (ctx) => {
          const partner = partnerInScope(ctx);
          const query = parseWith(MeasurementListQuery, queryObject(ctx.url, Object.keys(MeasurementListQuery.shape)));
          if (query.from && query.to && query.from > query.to) throw problems.validation([{ path: 'from', message: 'must not be after to' }]);
          const { limit, cursor, ...filters } = query;
          const measurements = ctx.state
            .measurementsOf(partner.id)
            .filter((m) => (filters.kpiId === undefined || m.kpiId === filters.kpiId) && (filters.from === undefined || m.period >= filters.from) && (filters.to === undefined || m.period <= filters.to));
          return json(ctx.state.cursors.page(measurements, (m) => [m.period, m.kpiId], { limit, cursor }, 'measurements', { ...filters, partnerId: partner.id }));
        },
      },
    },
    {
      path: '/v1/partners/:id/scorecard',
      handlers: {
        get: (ctx) => {
          const partner = partnerInScope(ctx);
          const query = parseWith(ScorecardQuery, queryObject(ctx.url, Object.keys(ScorecardQuery.shape)));
          try {
            return json(
              computeScorecard({
                partner,
                period: query.period ?? currentPeriod('quarter', ctx.now),
                kpis: [...ctx.state.kpis.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : 1)),
                tiers: [...ctx.state.tiers.values()].sort((a, b) => a.rank - b.rank),
                targets: ctx.state.targetsOf(partner.id),
                measurements: ctx.state.measurementsOf(partner.id),
                trendPeriods: query.periods === undefined ? undefined : Number(query.periods),
                now: ctx.now,
                certifications: ctx.state.certificationsOf(partner.id),
              }),
            );
          } catch (error) {
            // Periods the format allows but the calendar does not (a trend reaching before year 0).
            if (error instanceof RangeError) throw problems.validation([{ path: 'period', message: error.message }]);
            throw error;
          }
        },
      },
    },
  ],
};
