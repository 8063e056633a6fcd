/**
 * `/v1/partners`: the programme's partners. A partner session sees only its own partner; admins
 * create and change them.
 * @module
 */
import type { Context, Hono } from 'hono';
import { type Partner, PartnerInput, PartnerListQuery, PartnerPatch } from '@partnerkit/core/schemas';
import type { AppContext, AppEnv } from '../context.js';
import type { Queryable } from '../db/database.js';
import { changePartner, createPartner } from '../domain/partner-writes.js';
import { readJsonBody } from '../http/body.js';
import { checkIdempotencyKey, idempotentWrite } from '../http/idempotency.js';
import { pageAnswer, pageWindow } from '../http/pagination.js';
import { problems } from '../http/problem.js';
import { json, pathId, requestUrl, requireRole, route } from '../http/routing.js';
import { parseWith, queryObject } from '../http/validate.js';
import { partnerScope } from '../security/caller.js';
import { getPartner, listPartners, PARTNER_POSITION } from '../store/partners.js';
import { existingIds } from '../store/references.js';

const notFound = () => problems.notFound('There is no partner with this id.');

/**
 * The partner at `{id}` when the caller may see it; 404 otherwise, for a missing partner and
 * another partner's alike.
 */
export async function partnerInScope(ctx: AppContext, c: Context<AppEnv>, q: Queryable = ctx.db): Promise<Partner> {
  const id = pathId(c);
  const scope = partnerScope(c.get('caller'));
  const partner = scope === null || scope === id ? await getPartner(q, id) : null;
  if (!partner) throw notFound();
  return partner;
}

/** A `tierSince` from the caller: when the partner entered its tier cannot be in the future. */
function checkTierSince(tierSince: string | undefined, now: Date): void {
  if (tierSince !== undefined && Date.parse(tierSince) > now.getTime()) throw problems.validation([{ path: 'tierSince', message: 'must not be in the future' }]);
}

async function checkTier(q: Queryable, tierId: string | null | undefined): Promise<void> {
  if (tierId && !(await existingIds(q, 'tiers', [tierId])).has(tierId)) throw problems.unknownId('tierId', 'tier');
}

export function partnerRoutes(app: Hono<AppEnv>, ctx: AppContext): void {
  route(app, '/v1/partners', {
    get: async (c) => {
      const query = parseWith(PartnerListQuery, queryObject(requestUrl(c), Object.keys(PartnerListQuery.shape)));
      const { limit: _limit, cursor: _cursor, ...filters } = query;
      const scope = partnerScope(c.get('caller'));
      const identity = { list: 'partners', filters: { ...filters, scope } };
      const window = await pageWindow(ctx, identity, query, PARTNER_POSITION);
      return json(await pageAnswer(ctx, identity, await listPartners(ctx.db, { ...filters, scope }, window)));
    },
    post: async (c) => {
      requireRole(c, 'admin');
      const body = await readJsonBody(c.req.raw, ctx.settings.bodyLimit);
      const input = parseWith(PartnerInput, body);
      checkIdempotencyKey(c);
      await checkTier(ctx.db, input.tierId);
      checkTierSince(input.tierSince, ctx.now());
      return idempotentWrite(ctx, c, body, async (tx) => ({ status: 201, body: await createPartner(tx, input, ctx.now()) }));
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
      const partner = await ctx.db.transaction((tx) => changePartner(tx, id, patch, ctx.now()));
      if (!partner) throw notFound();
      return json(partner);
    },
  });
}
