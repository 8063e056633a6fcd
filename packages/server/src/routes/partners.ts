/**
 * `/v1/partners`: the programme's partners. A partner session sees only its own partner; admins
 * create and change them.
 * @module
 */
import type { Context, Hono } from 'hono';
import { type Partner, PartnerInput, PartnerListQuery, PartnerPatch } from '@partnerkit/core/schemas';
import type { AppContext, AppEnv } from '../context.js';
import type { Queryable } from '../db/database.js';
import { containsPattern, SqlBuilder } from '../db/sql.js';
import { readJsonBody } from '../http/body.js';
import { checkIdempotencyKey, idempotentWrite } from '../http/idempotency.js';
import { pageFrom, pageRequest, positionString } from '../http/pagination.js';
import { problems } from '../http/problem.js';
import { json, pathId, requestUrl, requireRole, route } from '../http/routing.js';
import { parseWith, queryObject } from '../http/validate.js';
import { partnerScope } from '../security/caller.js';
import { newId } from '../security/random.js';
import { appendEvents, type NewEvent } from '../store/events.js';
import { existingIds, loadPartner, mapPartner } from '../store/partners.js';

/**
 * The partner at `{id}` when the caller may see it; 404 otherwise, for a missing partner and
 * another partner's alike.
 */
export async function partnerInScope(ctx: AppContext, c: Context<AppEnv>, q: Queryable = ctx.db): Promise<Partner> {
  const id = pathId(c);
  const scope = partnerScope(c.get('caller'));
  const partner = scope === null || scope === id ? await loadPartner(q, id) : null;
  if (!partner) throw problems.notFound('There is no partner with this id.');
  return partner;
}

/** A `tierSince` from the caller: when the partner entered its tier cannot be in the future. */
function checkTierSince(tierSince: string | undefined, now: Date): void {
  if (tierSince !== undefined && Date.parse(tierSince) > now.getTime()) throw problems.validation([{ path: 'tierSince', message: 'must not be in the future' }]);
}

async function checkTier(q: Queryable, tierId: string | null | undefined): Promise<void> {
  if (tierId && !(await existingIds(q, 'tiers', [tierId])).has(tierId)) {
    throw problems.validation([{ path: 'tierId', message: 'no tier has this id' }]);
  }
}

const COLUMNS: Record<keyof PartnerPatch, { column: string; json?: true }> = {
  name: { column: 'name' },
  type: { column: 'type' },
  status: { column: 'status' },
  tierId: { column: 'tier_id' },
  tierSince: { column: 'tier_since' },
  region: { column: 'region' },
  country: { column: 'country' },
  website: { column: 'website' },
  domains: { column: 'domains', json: true },
  manager: { column: 'manager', json: true },
};

export function partnerRoutes(app: Hono<AppEnv>, ctx: AppContext): void {
  route(app, '/v1/partners', {
    get: async (c) => {
      const query = parseWith(PartnerListQuery, queryObject(requestUrl(c), Object.keys(PartnerListQuery.shape)));
      const { limit: _limit, cursor: _cursor, ...filters } = query;
      const scope = partnerScope(c.get('caller'));
      const identity = { list: 'partners', filters: { ...filters, scope } };
      const request = await pageRequest(ctx, identity, query);
      const sql = new SqlBuilder();
      if (scope !== null) sql.where(`id = ${sql.param(scope)}`);
      if (filters.type) sql.where(`type = ${sql.param(filters.type)}`);
      if (filters.status) sql.where(`status = ${sql.param(filters.status)}`);
      if (filters.tierId) sql.where(`tier_id = ${sql.param(filters.tierId)}`);
      if (filters.country) sql.where(`country = ${sql.param(filters.country.toUpperCase())}`);
      if (filters.region) sql.where(`lower(region) = lower(${sql.param(filters.region)})`);
      if (filters.q) sql.where(`name ILIKE ${sql.param(containsPattern(filters.q))}`);
      if (request.after) sql.where(`(name, id) > (${sql.param(positionString(request.after, 0))}, ${sql.param(positionString(request.after, 1))})`);
      const { rows } = await ctx.db.query(`SELECT * FROM partners ${sql.whereClause()} ORDER BY name, id LIMIT ${request.limit + 1}`, sql.params);
      return json(await pageFrom(ctx, identity, request, rows, (r) => [r.name as string, r.id as string], mapPartner));
    },
    post: async (c) => {
      requireRole(c, 'admin');
      const body = await readJsonBody(c.req.raw, ctx.settings.bodyLimit);
      const input = parseWith(PartnerInput, body);
      checkIdempotencyKey(c);
      await checkTier(ctx.db, input.tierId);
      checkTierSince(input.tierSince, ctx.now());
      return idempotentWrite(ctx, c, body, async (tx) => {
        const now = ctx.now();
        const { rows } = await tx.query(
          `INSERT INTO partners (id, name, type, status, tier_id, region, country, website, domains, manager, created_at, updated_at, tier_since)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10::jsonb, $11, $11, $12) RETURNING *`,
          [
            newId('pt', now),
            input.name,
            input.type,
            input.status,
            input.tierId ?? null,
            input.region ?? null,
            input.country ?? null,
            input.website ?? null,
            JSON.stringify(input.domains ?? []),
            input.manager ? JSON.stringify(input.manager) : null,
            now,
            input.tierSince ?? now,
          ],
        );
        const partner = mapPartner(rows[0] as Record<string, unknown>);
        await appendEvents(tx, [{ type: 'partner.created', partnerId: partner.id, data: { partner } }], now);
        return { status: 201, body: partner };
      });
    },
  });

  route(app, '/v1/partners/:id', {
    get: async (c) => json(await partnerInScope(ctx, c)),
    patch: async (c) => {
      requireRole(c, 'admin');
      const id = pathId(c);
      const patch = parseWith(PartnerPatch, await readJsonBody(c.req.raw, ctx.settings.bodyLimit));
      await checkTier(ctx.db, patch.tierId);
      checkTierSince(patch.tierSince, ctx.now());
      const partner = await ctx.db.transaction(async (tx) => {
        const before = await loadPartner(tx, id, { lock: true });
        if (!before) throw problems.notFound('There is no partner with this id.');
        const now = ctx.now();
        const sql = new SqlBuilder();
        const sets: string[] = [];
        for (const [field, value] of Object.entries(patch) as [keyof PartnerPatch, unknown][]) {
          if (value === undefined) continue;
          const { column, json: isJson } = COLUMNS[field];
          sets.push(isJson ? `${column} = ${sql.param(value === null ? null : JSON.stringify(value))}::jsonb` : `${column} = ${sql.param(value)}`);
        }
        sets.push(`updated_at = ${sql.param(now)}`);
        // A tier set by hand starts afresh (downgrades are judged on periods that end from now on),
        // unless the admin says since when.
        if (patch.tierId !== undefined && patch.tierId !== before.tierId && patch.tierSince === undefined) sets.push(`tier_since = ${sql.param(now)}`);
        const { rows } = await tx.query(`UPDATE partners SET ${sets.join(', ')} WHERE id = ${sql.param(id)} RETURNING *`, sql.params);
        const after = mapPartner(rows[0] as Record<string, unknown>);
        const changed = Object.keys(patch).filter((k) => patch[k as keyof PartnerPatch] !== undefined);
        const events: NewEvent[] = [{ type: 'partner.updated', partnerId: id, data: { partnerId: id, changed } }];
        if (before.tierId !== after.tierId) {
          events.push({ type: 'tier.changed', partnerId: id, data: { partnerId: id, from: before.tierId, to: after.tierId, kind: 'manual' } });
        }
        await appendEvents(tx, events, now);
        return after;
      });
      return json(partner);
    },
  });
}
