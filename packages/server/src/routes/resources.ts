/**
 * `/v1/resources`: the partner library. Everyone lists it; items a partner may not open come
 * back `locked` without their URL and cannot be opened. While an agreement gating the library
 * waits for the partner's acceptance, no item carries its URL and opening answers 403
 * `agreement_required`. Admins curate it.
 * @module
 */
import type { Context, Hono } from 'hono';
import { ResourceInput, ResourceListQuery, ResourcePatch } from '@partnerkit/core/schemas';
import type { AppContext, AppEnv } from '../context.js';
import type { Queryable } from '../db/database.js';
import { accessOf, asSeenBy } from '../domain/resource-access.js';
import { openResource } from '../domain/resource-opens.js';
import { readJsonBody } from '../http/body.js';
import { checkIdempotencyKey, idempotentWrite } from '../http/idempotency.js';
import { pageAnswer, pageWindow } from '../http/pagination.js';
import { problems } from '../http/problem.js';
import { json, pathId, requestUrl, requireRole, route } from '../http/routing.js';
import { parseWith, queryObject } from '../http/validate.js';
import { newId } from '../security/random.js';
import { existingIds } from '../store/references.js';
import { countResources, deleteResource, getResource, insertResource, listResources, resourcePosition, type StoredResource, updateResource } from '../store/resources.js';

const notFound = () => problems.notFound('There is no resource with this id.');

async function checkTier(q: Queryable, tierId: string | null | undefined): Promise<void> {
  if (tierId && !(await existingIds(q, 'tiers', [tierId])).has(tierId)) throw problems.unknownId('minTierId', 'tier');
}

/** The item at `{id}`, or 404. */
async function resourceAt(q: Queryable, c: Context<AppEnv>): Promise<StoredResource> {
  const item = await getResource(q, pathId(c));
  if (!item) throw notFound();
  return item;
}

export function resourceRoutes(app: Hono<AppEnv>, ctx: AppContext): void {
  route(app, '/v1/resources', {
    get: async (c) => {
      const query = parseWith(ResourceListQuery, queryObject(requestUrl(c), Object.keys(ResourceListQuery.shape)));
      const { limit: _l, cursor: _c, sort: _s, ...filters } = query;
      const sort = query.sort ?? 'newest';
      const identity = { list: 'resources', filters: { ...filters, sort } };
      const window = await pageWindow(ctx, identity, query, resourcePosition(sort));
      const access = await accessOf(ctx.db, c.get('caller'), ctx.now());
      const [slice, counts] = await Promise.all([listResources(ctx.db, filters, sort, window), countResources(ctx.db, filters)]);
      const page = await pageAnswer(ctx, identity, { ...slice, items: slice.items.map((item) => asSeenBy(item, access)) });
      return json({ ...page, ...counts });
    },
    post: async (c) => {
      requireRole(c, 'admin');
      const body = await readJsonBody(c.req.raw, ctx.settings.bodyLimit);
      const input = parseWith(ResourceInput, body);
      checkIdempotencyKey(c);
      await checkTier(ctx.db, input.minTierId);
      return idempotentWrite(ctx, c, body, async (tx) => {
        const now = ctx.now();
        const item = await insertResource(tx, newId('rs', now), input, now);
        return { status: 201, body: asSeenBy(item, await accessOf(tx, c.get('caller'), ctx.now())) };
      });
    },
  });

  route(app, '/v1/resources/:id', {
    get: async (c) => json(asSeenBy(await resourceAt(ctx.db, c), await accessOf(ctx.db, c.get('caller'), ctx.now()))),
    patch: async (c) => {
      requireRole(c, 'admin');
      const patch = parseWith(ResourcePatch, await readJsonBody(c.req.raw, ctx.settings.bodyLimit));
      await checkTier(ctx.db, patch.minTierId);
      const item = await ctx.db.transaction(async (tx) => {
        const current = await getResource(tx, pathId(c), { lock: true });
        return current === null ? null : updateResource(tx, current.id, patch, ctx.now());
      });
      if (!item) throw notFound();
      return json(asSeenBy(item, await accessOf(ctx.db, c.get('caller'), ctx.now())));
    },
    delete: async (c) => {
      requireRole(c, 'admin');
      if (!(await deleteResource(ctx.db, pathId(c)))) throw notFound();
      return new Response(null, { status: 204 });
    },
  });

  route(app, '/v1/resources/:id/open', {
    post: async (c) => {
      const caller = c.get('caller');
      const body = await readJsonBody(c.req.raw, ctx.settings.bodyLimit, { allowEmpty: true });
      if (body !== undefined && (typeof body !== 'object' || body === null || Array.isArray(body) || Object.keys(body).length > 0)) {
        const keys = typeof body === 'object' && body !== null && !Array.isArray(body) ? Object.keys(body) : [];
        throw problems.validation(keys.length > 0 ? keys.map((k) => ({ path: k, message: 'is not a known field' })) : [{ path: '', message: 'must be an empty object or no body' }]);
      }
      checkIdempotencyKey(c);
      const { id } = await resourceAt(ctx.db, c);
      return idempotentWrite(ctx, c, body ?? {}, async (tx) => ({ status: 200, body: await openResource(tx, caller, id, ctx.now()) }));
    },
  });
}
