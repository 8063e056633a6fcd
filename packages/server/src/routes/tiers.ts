/**
 * `/v1/tiers`: the programme's ordered levels. Everyone reads them; admins write them.
 * @module
 */
import type { Hono } from 'hono';
import { PageQuery, TierInput } from '@partnerkit/core/schemas';
import type { AppContext, AppEnv } from '../context.js';
import { isForeignKeyViolation } from '../db/database.js';
import { readJsonBody } from '../http/body.js';
import { pageAnswer, pageWindow } from '../http/pagination.js';
import { problems } from '../http/problem.js';
import { createdLocation, json, pathId, requestUrl, requireRole, route } from '../http/routing.js';
import { parseWith, queryObject } from '../http/validate.js';
import { existingIds } from '../store/references.js';
import { deleteTier, getTier, listTiers, lockTierUses, putTier, TIER_POSITION } from '../store/tiers.js';

const notFound = () => problems.notFound('There is no tier with this id.');

export function tierRoutes(app: Hono<AppEnv>, ctx: AppContext): void {
  route(app, '/v1/tiers', {
    get: async (c) => {
      const query = parseWith(PageQuery, queryObject(requestUrl(c), Object.keys(PageQuery.shape)));
      const identity = { list: 'tiers', filters: {} };
      return json(await pageAnswer(ctx, identity, await listTiers(ctx.db, await pageWindow(ctx, identity, query, TIER_POSITION))));
    },
  });

  route(app, '/v1/tiers/:id', {
    get: async (c) => {
      const tier = await getTier(ctx.db, pathId(c));
      if (!tier) throw notFound();
      return json(tier);
    },
    put: async (c) => {
      requireRole(c, 'admin');
      const id = pathId(c);
      const input = parseWith(TierInput, await readJsonBody(c.req.raw, ctx.settings.bodyLimit));
      const known = await existingIds(ctx.db, 'kpis', input.requirements.map((r) => r.kpiId));
      const unknown = input.requirements.flatMap((r, i) => (known.has(r.kpiId) ? [] : [{ path: `requirements.${i}.kpiId`, message: 'no KPI has this id' }]));
      if (unknown.length > 0) throw problems.validation(unknown);
      const put = await putTier(ctx.db, id, input, ctx.now());
      if ('rankTaken' in put) throw problems.validation([{ path: 'rank', message: `another tier already has rank ${input.rank}` }]);
      return put.created ? json(put.tier, 201, { Location: createdLocation(c, id) }) : json(put.tier);
    },
    delete: async (c) => {
      requireRole(c, 'admin');
      const id = pathId(c);
      try {
        await ctx.db.transaction(async (tx) => {
          const uses = await lockTierUses(tx, id);
          if (!uses) throw notFound();
          if (uses.partners > 0 || uses.resources > 0) {
            const what = [uses.partners > 0 ? `${uses.partners} partner(s) hold it` : '', uses.resources > 0 ? `${uses.resources} resource(s) are gated by it` : ''].filter(Boolean);
            throw problems.inUse(`The tier cannot be deleted: ${what.join(' and ')}.`);
          }
          await deleteTier(tx, id);
        });
      } catch (error) {
        if (isForeignKeyViolation(error)) throw problems.inUse('The tier cannot be deleted: other data refers to it.');
        throw error;
      }
      return new Response(null, { status: 204 });
    },
  });
}
