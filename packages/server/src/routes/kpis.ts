/**
 * `/v1/kpis`: what the programme measures. Everyone reads them; admins write them.
 * @module
 */
import type { Hono } from 'hono';
import { KpiInput, PageQuery } from '@partnerkit/core/schemas';
import type { AppContext, AppEnv } from '../context.js';
import { isForeignKeyViolation } from '../db/database.js';
import { readJsonBody } from '../http/body.js';
import { pageAnswer, pageWindow } from '../http/pagination.js';
import { problems } from '../http/problem.js';
import { createdLocation, json, pathId, requestUrl, requireRole, route } from '../http/routing.js';
import { parseWith, queryObject } from '../http/validate.js';
import { deleteKpi, getKpi, KPI_POSITION, listKpis, lockKpiUses, putKpi } from '../store/kpis.js';

const notFound = () => problems.notFound('There is no KPI with this id.');

export function kpiRoutes(app: Hono<AppEnv>, ctx: AppContext): void {
  route(app, '/v1/kpis', {
    get: async (c) => {
      const query = parseWith(PageQuery, queryObject(requestUrl(c), Object.keys(PageQuery.shape)));
      const identity = { list: 'kpis', filters: {} };
      return json(await pageAnswer(ctx, identity, await listKpis(ctx.db, await pageWindow(ctx, identity, query, KPI_POSITION))));
    },
  });

  route(app, '/v1/kpis/:id', {
    get: async (c) => {
      const kpi = await getKpi(ctx.db, pathId(c));
      if (!kpi) throw notFound();
      return json(kpi);
    },
    put: async (c) => {
      requireRole(c, 'admin');
      const id = pathId(c);
      const input = parseWith(KpiInput, await readJsonBody(c.req.raw, ctx.settings.bodyLimit));
      const { kpi, created } = await putKpi(ctx.db, id, input, ctx.now());
      return created ? json(kpi, 201, { Location: createdLocation(c, id) }) : json(kpi);
    },
    delete: async (c) => {
      requireRole(c, 'admin');
      const id = pathId(c);
      try {
        await ctx.db.transaction(async (tx) => {
          const uses = await lockKpiUses(tx, id);
          if (!uses) throw notFound();
          const what = [
            uses.tierRequirements ? `${uses.tierRequirements} tier requirement(s) name it` : '',
            uses.targets ? 'targets refer to it' : '',
            uses.measurements ? 'measurements refer to it' : '',
            uses.planObjectives ? 'plan objectives measure it' : '',
          ].filter(Boolean);
          if (what.length > 0) throw problems.inUse(`The KPI cannot be deleted: ${what.join(', ')}. Set its weight to 0 to leave it out of scores.`);
          await deleteKpi(tx, id);
        });
      } catch (error) {
        if (isForeignKeyViolation(error)) throw problems.inUse('The KPI cannot be deleted: other data refers to it.');
        throw error;
      }
      return new Response(null, { status: 204 });
    },
  });
}
