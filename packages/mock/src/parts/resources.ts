/**
 * `/v1/resources`: the partner library. Everyone lists it; items a partner may not open (core's
 * `lockReason`: tier rank and partner type) come back `locked` without their URL and cannot be
 * opened. Admins curate it.
 * @module
 */
import { lockReason, type Viewer } from '@partnerkit/core/rules';
import { type Resource, type ResourceFacets, ResourceInput, ResourceListQuery, ResourcePatch, type ResourceSort } from '@partnerkit/core/schemas';
import { type Caller, callerOf, type MockPart, type RequestContext, requireRole } from '../context.js';
import { idempotencyKey, idempotentWrite } from '../http/idempotency.js';
import { json, problems } from '../http/problem.js';
import type { SortKey } from '../http/pagination.js';
import { newId } from '../http/random.js';
import { parseWith, pathId, queryObject, readJsonBody } from '../http/request.js';
import type { MockState, StoredResource } from '../state.js';
import { agreementsBlocking, requireAgreements } from './agreements.js';
import { contains } from './partners.js';

interface Access {
  viewer: Viewer;
  tierRanks: Map<string, number>;
  /** An agreement holds the library closed for the caller's partner: no item carries its URL. */
  agreementPending: boolean;
}

function accessOf(state: MockState, caller: Caller, now: Date): Access {
  const tierRanks = new Map([...state.tiers.values()].map((t) => [t.id, t.rank]));
  if (caller.role !== 'partner') return { viewer: null, tierRanks, agreementPending: false };
  const partner = caller.partnerId === null ? undefined : state.partners.get(caller.partnerId);
  // A session for a partner that no longer exists sees the library fully locked.
  if (!partner) return { viewer: { type: '' as never, tierRank: null }, tierRanks: new Map(), agreementPending: false };
  const agreementPending = agreementsBlocking(state, caller, 'resources', now).length > 0;
  return { viewer: { type: partner.type, tierRank: partner.tierId === null ? null : (tierRanks.get(partner.tierId) ?? null) }, tierRanks, agreementPending };
}

/** The item as the caller sees it. */
function present(resource: StoredResource, access: Access): Resource {
  const { seq: _seq, url, ...rest } = resource;
  const locked = lockReason(resource, access.viewer, access.tierRanks) !== null;
  return { ...rest, locked, ...(locked || access.agreementPending ? {} : { url }) };
}

/** The reference server's search: title, description (translated ones too) and tags. */
function matchesText(r: StoredResource, q: string): boolean {
  const texts = [r.title, r.description, ...r.tags, ...Object.values(r.translations ?? {}).flatMap((t) => [t.title, t.description])];
  return texts.some((text) => text != null && contains(text, q));
}

const ORDER: Record<ResourceSort, (r: StoredResource) => SortKey> = {
  newest: (r) => [-r.seq],
  title: (r) => [r.title, r.seq],
  popular: (r) => [-r.openCount, -r.seq],
};

function facetsOf(resources: readonly StoredResource[]): ResourceFacets {
  const count = (values: string[]) => {
    const counts: Record<string, number> = {};
    for (const value of values.sort()) counts[value] = (counts[value] ?? 0) + 1;
    return counts;
  };
  return { type: count(resources.map((r) => r.type)), tag: count(resources.flatMap((r) => r.tags)), language: count(resources.map((r) => r.language)) };
}

function checkTier(state: MockState, tierId: string | null | undefined): void {
  if (tierId && !state.tiers.has(tierId)) throw problems.unknownId('minTierId', 'tier');
}

function resourceOf(ctx: RequestContext): StoredResource {
  const resource = ctx.state.resources.get(pathId(ctx.params.id!));
  if (!resource) throw problems.notFound('There is no resource with this id.');
  return resource;
}

export const resourcesPart: MockPart = {
  name: 'resources',
  routes: [
    {
      path: '/v1/resources',
      handlers: {
        get: (ctx) => {
          const query = parseWith(ResourceListQuery, queryObject(ctx.url, Object.keys(ResourceListQuery.shape)));
          const { limit, cursor, ...filters } = query;
          const sort = filters.sort ?? 'newest';
          const matching = [...ctx.state.resources.values()].filter(
            (r) =>
              (filters.type === undefined || r.type === filters.type) &&
              (filters.tag === undefined || r.tags.includes(filters.tag)) &&
              (filters.language === undefined || r.language === filters.language) &&
              (filters.q === undefined || matchesText(r, filters.q)),
          );
          const page = ctx.state.cursors.page(matching, ORDER[sort], { limit, cursor }, 'resources', { ...filters, sort });
          const access = accessOf(ctx.state, callerOf(ctx), ctx.now);
          return json({ data: page.data.map((r) => present(r, access)), nextCursor: page.nextCursor, total: matching.length, facets: facetsOf(matching) });
        },
        post: async (ctx) => {
          const caller = requireRole(ctx, 'admin');
          const body = await readJsonBody(ctx.request);
          const input = parseWith(ResourceInput, body);
          idempotencyKey(ctx);
          checkTier(ctx.state, input.minTierId);
          return idempotentWrite(ctx, body, () => {
            const at = ctx.now.toISOString();
            const resource: StoredResource = {
              id: newId('rs', ctx.now),
              title: input.title,
              description: input.description ?? null,
              type: input.type,
              format: input.format ?? null,
              sizeBytes: input.sizeBytes ?? null,
              language: input.language,
              tags: input.tags ?? [],
              thumbnailUrl: input.thumbnailUrl ?? null,
              minTierId: input.minTierId ?? null,
              partnerTypes: input.partnerTypes ?? [],
              url: input.url,
              openCount: 0,
              translations: input.translations ?? {},
              createdAt: at,
              updatedAt: at,
              seq: ctx.state.nextSeq(),
            };
            ctx.state.resources.set(resource.id, resource);
            return { status: 201, body: present(resource, accessOf(ctx.state, caller, ctx.now)) };
          });
        },
      },
    },
    {
      path: '/v1/resources/:id',
      handlers: {
        get: (ctx) => json(present(resourceOf(ctx), accessOf(ctx.state, callerOf(ctx), ctx.now))),
        patch: async (ctx) => {
          const caller = requireRole(ctx, 'admin');
          const patch = parseWith(ResourcePatch, await readJsonBody(ctx.request));
          checkTier(ctx.state, patch.minTierId);
          const before = resourceOf(ctx);
          const changes = Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined));
          const after: StoredResource = { ...before, ...changes, updatedAt: ctx.now.toISOString() };
          ctx.state.resources.set(after.id, after);
          return json(present(after, accessOf(ctx.state, caller, ctx.now)));
        },
        delete: (ctx) => {
          requireRole(ctx, 'admin');
          const resource = resourceOf(ctx);
          ctx.state.resources.delete(resource.id);
          return new Response(null, { status: 204 });
        },
      },
    },
    {
      path: '/v1/resources/:id/open',
      handlers: {
        post: async (ctx) => {
          const caller = callerOf(ctx);
          const body = await readJsonBody(ctx.request, { allowEmpty: true });
          if (body !== undefined && (typeof body !== 'object' || body === null || Array.isArray(body) || Object.keys(body).length > 0)) {
            const keys = typeof body === 'object' && body !== null && !Array.isArray(body) ? Object.keys(body) : [];
            throw problems.validation(keys.length > 0 ? keys.map((k) => ({ path: k, message: 'is not a known field' })) : [{ path: '', message: 'must be an empty object or no body' }]);
          }
          idempotencyKey(ctx);
          resourceOf(ctx);
          return idempotentWrite(ctx, body ?? {}, () => {
            const resource = resourceOf(ctx);
            const access = accessOf(ctx.state, caller, ctx.now);
            const reason = lockReason(resource, access.viewer, access.tierRanks);
            if (reason !== null) throw problems.forbidden(reason === 'tier' ? 'This resource needs a higher tier.' : 'This resource is for other partner types.');
            requireAgreements(ctx.state, caller, 'resources', ctx.now);
            ctx.state.resources.set(resource.id, { ...resource, openCount: resource.openCount + 1 });
            if (caller.role === 'partner') {
              ctx.state.appendEvents([{ type: 'resource.opened', partnerId: caller.partnerId, data: { resourceId: resource.id, title: resource.title, userId: caller.user.id } }], ctx.now);
            }
            return { status: 200, body: { url: resource.url } };
          });
        },
      },
    },
  ],
};
