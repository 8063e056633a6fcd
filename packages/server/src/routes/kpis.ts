/**
 * `/v1/kpis`: what the programme measures. Everyone reads them; admins write them.
 * @module
 */
import type { Hono } from 'hono';
import { KpiInput, PageQuery } from '@partnerkit/core/schemas';
import type { AppContext, AppEnv } from '../context.js';
import { SqlBuilder } from '../db/sql.js';
import { readJsonBody } from '../http/body.js';
import { pageFrom, pageRequest, positionString } from '../http/pagination.js';
import { problems } from '../http/problem.js';
import { createdLocation, json, pathId, requestUrl, requireRole, route } from '../http/routing.js';
import { parseWith, queryObject } from '../http/validate.js';
import { mapKpi } from '../store/catalogue.js';

export function kpiRoutes(app: Hono<AppEnv>, ctx: AppContext): void {
  route(app, '/v1/kpis', {
    get: async (c) => {
      const query = parseWith(PageQuery, queryObject(requestUrl(c), Object.keys(PageQuery.shape)));
      const identity = { list: 'kpis', filters: {} };
      const request = await pageRequest(ctx, identity, query);
      const sql = new SqlBuilder();
      if (request.after) sql.where(`(name, id) > (${sql.param(positionString(request.after, 0))}, ${sql.param(positionString(request.after, 1))})`);
      const { rows } = await ctx.db.query(`SELECT * FROM kpis ${sql.whereClause()} ORDER BY name, id LIMIT ${request.limit + 1}`, sql.params);
      return json(await pageFrom(ctx, identity, request, rows, (r) => [r.name as string, r.id as string], mapKpi));
    },
  });

  route(app, '/v1/kpis/:id', {
    get: async (c) => {
      const { rows } = await ctx.db.query('SELECT * FROM kpis WHERE id = $1', [pathId(c)]);
      if (!rows[0]) throw problems.notFound('There is no KPI with this id.');
      return json(mapKpi(rows[0]));
    },
    put: async (c) => {
      requireRole(c, 'admin');
      const id = pathId(c);
      const input = parseWith(KpiInput, await readJsonBody(c.req.raw, ctx.settings.bodyLimit));
      const { rows } = await ctx.db.query(
        `INSERT INTO kpis (id, name, description, unit, direction, aggregation, weight, currency, translations, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $10::jsonb, $9, $9)
         ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, description = EXCLUDED.description, unit = EXCLUDED.unit,
           direction = EXCLUDED.direction, aggregation = EXCLUDED.aggregation, weight = EXCLUDED.weight,
           currency = EXCLUDED.currency, translations = EXCLUDED.translations, updated_at = EXCLUDED.updated_at
         RETURNING *, (xmax = 0) AS inserted`,
        [id, input.name, input.description ?? null, input.unit, input.direction, input.aggregation, input.weight, input.currency ?? null, ctx.now(), JSON.stringify(input.translations ?? {})],
      );
      const row = rows[0] as Record<string, unknown>;
      return row.inserted === true ? json(mapKpi(row), 201, { Location: createdLocation(c, id) }) : json(mapKpi(row));
    },
    delete: async (c) => {
      requireRole(c, 'admin');
      const id = pathId(c);
      try {
        await ctx.db.transaction(async (tx) => {
          const { rows } = await tx.query('SELECT id FROM kpis WHERE id = $1 FOR UPDATE', [id]);
          if (!rows[0]) throw problems.notFound('There is no KPI with this id.');
          const { rows: uses } = await tx.query(
            `SELECT (SELECT count(*) FROM tiers WHERE requirements @> jsonb_build_array(jsonb_build_object('kpiId', $1::text)))::int AS tiers,
                    EXISTS (SELECT 1 FROM targets WHERE kpi_id = $1) AS targets,
                    EXISTS (SELECT 1 FROM measurements WHERE kpi_id = $1) AS measurements`,
            [id],
          );
          const use = (uses[0] ?? {}) as { tiers?: number; targets?: boolean; measurements?: boolean };
          const what = [
            use.tiers ? `${use.tiers} tier requirement(s) name it` : '',
            use.targets ? 'targets refer to it' : '',
            use.measurements ? 'measurements refer to it' : '',
          ].filter(Boolean);
          if (what.length > 0) throw problems.inUse(`The KPI cannot be deleted: ${what.join(', ')}. Set its weight to 0 to leave it out of scores.`);
          await tx.query('DELETE FROM kpis WHERE id = $1', [id]);
        });
      } catch (error) {
        if ((error as { code?: unknown } | null)?.code === '23503') throw problems.inUse('The KPI cannot be deleted: other data refers to it.');
        throw error;
      }
      return new Response(null, { status: 204 });
    },
  });
}
