/**
 * `/v1/tiers`: the programme's ordered levels. Everyone reads them; admins write them.
 * @module
 */
import type { Hono } from 'hono';
import { PageQuery, TierInput } from '@partnerkit/core/schemas';
import type { AppContext, AppEnv } from '../context.js';
import { isUniqueViolation } from '../db/database.js';
import { SqlBuilder } from '../db/sql.js';
import { readJsonBody } from '../http/body.js';
import { pageFrom, pageRequest, positionNumber, positionString } from '../http/pagination.js';
import { problems } from '../http/problem.js';
import { createdLocation, json, pathId, requestUrl, requireRole, route } from '../http/routing.js';
import { parseWith, queryObject } from '../http/validate.js';
import { mapTier } from '../store/catalogue.js';
import { existingIds } from '../store/partners.js';

const isForeignKeyViolation = (error: unknown) => (error as { code?: unknown } | null)?.code === '23503';

export function tierRoutes(app: Hono<AppEnv>, ctx: AppContext): void {
  route(app, '/v1/tiers', {
    get: async (c) => {
      const query = parseWith(PageQuery, queryObject(requestUrl(c), Object.keys(PageQuery.shape)));
      const identity = { list: 'tiers', filters: {} };
      const request = await pageRequest(ctx, identity, query);
      const sql = new SqlBuilder();
      if (request.after) sql.where(`(rank, id) > (${sql.param(positionNumber(request.after, 0))}, ${sql.param(positionString(request.after, 1))})`);
      const { rows } = await ctx.db.query(`SELECT * FROM tiers ${sql.whereClause()} ORDER BY rank, id LIMIT ${request.limit + 1}`, sql.params);
      return json(await pageFrom(ctx, identity, request, rows, (r) => [Number(r.rank), r.id as string], mapTier));
    },
  });

  route(app, '/v1/tiers/:id', {
    get: async (c) => {
      const { rows } = await ctx.db.query('SELECT * FROM tiers WHERE id = $1', [pathId(c)]);
      if (!rows[0]) throw problems.notFound('There is no tier with this id.');
      return json(mapTier(rows[0]));
    },
    put: async (c) => {
      requireRole(c, 'admin');
      const id = pathId(c);
      const input = parseWith(TierInput, await readJsonBody(c.req.raw, ctx.settings.bodyLimit));
      const known = await existingIds(ctx.db, 'kpis', input.requirements.map((r) => r.kpiId));
      const unknown = input.requirements.flatMap((r, i) => (known.has(r.kpiId) ? [] : [{ path: `requirements.${i}.kpiId`, message: 'no KPI has this id' }]));
      if (unknown.length > 0) throw problems.validation(unknown);
      const now = ctx.now();
      try {
        const { rows } = await ctx.db.query(
          `INSERT INTO tiers (id, rank, name, colour, benefits, requirements, deal_protection_days, translations, created_at, updated_at)
           VALUES ($1, $2, $3, $4, $5::jsonb, $6::jsonb, $7, $9::jsonb, $8, $8)
           ON CONFLICT (id) DO UPDATE SET rank = EXCLUDED.rank, name = EXCLUDED.name, colour = EXCLUDED.colour,
             benefits = EXCLUDED.benefits, requirements = EXCLUDED.requirements,
             deal_protection_days = EXCLUDED.deal_protection_days, translations = EXCLUDED.translations, updated_at = EXCLUDED.updated_at
           RETURNING *, (xmax = 0) AS inserted`,
          [id, input.rank, input.name, input.colour, JSON.stringify(input.benefits), JSON.stringify(input.requirements), input.dealProtectionDays, now, JSON.stringify(input.translations ?? {})],
        );
        const row = rows[0] as Record<string, unknown>;
        return row.inserted === true ? json(mapTier(row), 201, { Location: createdLocation(c, id) }) : json(mapTier(row));
      } catch (error) {
        if (isUniqueViolation(error, 'tiers_rank_key')) {
          throw problems.validation([{ path: 'rank', message: `another tier already has rank ${input.rank}` }]);
        }
        throw error;
      }
    },
    delete: async (c) => {
      requireRole(c, 'admin');
      const id = pathId(c);
      try {
        await ctx.db.transaction(async (tx) => {
          const { rows } = await tx.query('SELECT id FROM tiers WHERE id = $1 FOR UPDATE', [id]);
          if (!rows[0]) throw problems.notFound('There is no tier with this id.');
          const { rows: uses } = await tx.query(
            `SELECT (SELECT count(*) FROM partners WHERE tier_id = $1)::int AS partners,
                    (SELECT count(*) FROM resources WHERE min_tier_id = $1)::int AS resources`,
            [id],
          );
          const { partners = 0, resources = 0 } = (uses[0] ?? {}) as { partners?: number; resources?: number };
          if (partners > 0 || resources > 0) {
            const what = [partners > 0 ? `${partners} partner(s) hold it` : '', resources > 0 ? `${resources} resource(s) are gated by it` : ''].filter(Boolean);
            throw problems.inUse(`The tier cannot be deleted: ${what.join(' and ')}.`);
          }
          await tx.query('DELETE FROM tiers WHERE id = $1', [id]);
        });
      } catch (error) {
        if (isForeignKeyViolation(error)) throw problems.inUse('The tier cannot be deleted: other data refers to it.');
        throw error;
      }
      return new Response(null, { status: 204 });
    },
  });
}
