/**
 * `/v1/tiers` and `/v1/kpis`: the programme's configuration. Everyone reads it; admins write it.
 * @module
 */
import { KpiInput, PageQuery, type Tier, TierInput } from '@partnerkit/core/schemas';
import { type MockPart, requireRole } from '../context.js';
import { createdLocation } from '../http/idempotency.js';
import { json, problems } from '../http/problem.js';
import { parseWith, pathId, queryObject, readJsonBody } from '../http/request.js';

const PAGE_PARAMETERS = Object.keys(PageQuery.shape);
const noContent = () => new Response(null, { status: 204 });

export const programmePart: MockPart = {
  name: 'programme',
  routes: [
    {
      path: '/v1/tiers',
      handlers: {
        get: (ctx) => {
          const query = parseWith(PageQuery, queryObject(ctx.url, PAGE_PARAMETERS));
          return json(ctx.state.cursors.page(ctx.state.tiers.values(), (t) => [t.rank, t.id], query, 'tiers'));
        },
      },
    },
    {
      path: '/v1/tiers/:id',
      handlers: {
        get: (ctx) => {
          const tier = ctx.state.tiers.get(pathId(ctx.params.id!));
          if (!tier) throw problems.notFound('There is no tier with this id.');
          return json(tier);
        },
        put: async (ctx) => {
          requireRole(ctx, 'admin');
          const id = pathId(ctx.params.id!);
          const input = parseWith(TierInput, await readJsonBody(ctx.request));
          const unknown = input.requirements.flatMap((r, i) => (ctx.state.kpis.has(r.kpiId) ? [] : [{ path: `requirements.${i}.kpiId`, message: 'no KPI has this id' }]));
          if (unknown.length > 0) throw problems.validation(unknown);
          if ([...ctx.state.tiers.values()].some((t) => t.rank === input.rank && t.id !== id)) {
            throw problems.validation([{ path: 'rank', message: `another tier already has rank ${input.rank}` }]);
          }
          const before = ctx.state.tiers.get(id);
          const at = ctx.now.toISOString();
          const tier: Tier = { id, ...input, createdAt: before?.createdAt ?? at, updatedAt: at };
          ctx.state.tiers.set(id, tier);
          return before ? json(tier) : json(tier, 201, { Location: createdLocation(ctx, id) });
        },
        delete: (ctx) => {
          requireRole(ctx, 'admin');
          const id = pathId(ctx.params.id!);
          if (!ctx.state.tiers.has(id)) throw problems.notFound('There is no tier with this id.');
          const partners = [...ctx.state.partners.values()].filter((p) => p.tierId === id).length;
          const resources = [...ctx.state.resources.values()].filter((r) => r.minTierId === id).length;
          if (partners > 0 || resources > 0) {
            const what = [partners > 0 ? `${partners} partner(s) hold it` : '', resources > 0 ? `${resources} resource(s) are gated by it` : ''].filter(Boolean);
            throw problems.inUse(`The tier cannot be deleted: ${what.join(' and ')}.`);
          }
          ctx.state.tiers.delete(id);
          return noContent();
        },
      },
    },
    {
      path: '/v1/kpis',
      handlers: {
        get: (ctx) => {
          const query = parseWith(PageQuery, queryObject(ctx.url, PAGE_PARAMETERS));
          return json(ctx.state.cursors.page(ctx.state.kpis.values(), (k) => [k.name, k.id], query, 'kpis'));
        },
      },
    },
    {
      path: '/v1/kpis/:id',
      handlers: {
        get: (ctx) => {
          const kpi = ctx.state.kpis.get(pathId(ctx.params.id!));
          if (!kpi) throw problems.notFound('There is no KPI with this id.');
          return json(kpi);
        },
        put: async (ctx) => {
          requireRole(ctx, 'admin');
          const id = pathId(ctx.params.id!);
          const input = parseWith(KpiInput, await readJsonBody(ctx.request));
          const before = ctx.state.kpis.get(id);
          const at = ctx.now.toISOString();
          const kpi = { id, ...input, description: input.description ?? null, currency: input.currency ?? null, source: input.source ?? 'measurements', createdAt: before?.createdAt ?? at, updatedAt: at };
          ctx.state.kpis.set(id, kpi);
          return before ? json(kpi) : json(kpi, 201, { Location: createdLocation(ctx, id) });
        },
        delete: (ctx) => {
          requireRole(ctx, 'admin');
          const id = pathId(ctx.params.id!);
          if (!ctx.state.kpis.has(id)) throw problems.notFound('There is no KPI with this id.');
          const tiers = [...ctx.state.tiers.values()].filter((t) => t.requirements.some((r) => r.kpiId === id)).length;
          const targets = [...ctx.state.targets.values()].some((t) => t.kpiId === id);
          const measurements = [...ctx.state.measurements.values()].some((m) => m.kpiId === id);
          const plans = [...ctx.state.plans.values()].some((p) => p.objectives.some((o) => o.measure?.kpi.id === id));
          const what = [tiers ? `${tiers} tier requirement(s) name it` : '', targets ? 'targets refer to it' : '', measurements ? 'measurements refer to it' : '', plans ? 'plan objectives measure it' : ''].filter(Boolean);
          if (what.length > 0) throw problems.inUse(`The KPI cannot be deleted: ${what.join(', ')}. Set its weight to 0 to leave it out of scores.`);
          ctx.state.kpis.delete(id);
          return noContent();
        },
      },
    },
  ],
};
