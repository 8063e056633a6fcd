/**
 * `/v1/deals`: registration, the partner-side pre-check, the list and the lifecycle, over HTTP.
 * The rules are in `domain/` (registration, moves, conflicts, expiry), the SQL in `store/deals.ts`.
 * @module
 */
import type { Context, Hono } from 'hono';
import { DEAL_STATUSES, type Deal, DealCheckInput, DealInput, DealListQuery, type DealStatus, DealTransitionInput } from '@partnerkit/core/schemas';
import type { AppContext, AppEnv } from '../context.js';
import { isUniqueViolation, type Queryable } from '../db/database.js';
import { requireAgreements } from '../domain/agreements.js';
import { conflictReason, withPossibleConflicts } from '../domain/deal-conflicts.js';
import { expireDealsIfDue, readDeals } from '../domain/deal-expiry.js';
import { moveDeal } from '../domain/deal-moves.js';
import { registerDeal } from '../domain/deal-registration.js';
import { readJsonBody } from '../http/body.js';
import { checkIdempotencyKey, type ConflictMapper, idempotentWrite } from '../http/idempotency.js';
import { pageAnswer, pageWindow } from '../http/pagination.js';
import { problems } from '../http/problem.js';
import { json, pathId, requestUrl, route } from '../http/routing.js';
import { parseWith, queryObject } from '../http/validate.js';
import { type Caller, partnerScope } from '../security/caller.js';
import { customerIdentity, DEAL_POSITION, getDeal, ONE_ACTIVE_PER_CUSTOMER } from '../store/deals.js';
import { getPartner, partnerNames } from '../store/partners.js';

/**
 * Deals as the caller may see them, with their partner's name; vendors also get
 * `possibleConflicts` (read here unless the deals come with them, as a list page does).
 */
async function present(q: Queryable, deals: readonly Deal[], caller: Caller, { conflictsRead = false }: { conflictsRead?: boolean } = {}): Promise<Deal[]> {
  const seen = caller.role === 'partner' || conflictsRead ? deals : await withPossibleConflicts(q, deals);
  const names = await partnerNames(q, seen.map((deal) => deal.partnerId));
  return seen.map((deal) => {
    const partnerName = names.get(deal.partnerId);
    return partnerName === undefined ? deal : { ...deal, partnerName };
  });
}

async function presentOne(q: Queryable, deal: Deal, caller: Caller): Promise<Deal> {
  return (await present(q, [deal], caller))[0] as Deal;
}

/**
 * The unique index refusing a second active registration of a customer key (a registration
 * committed between the check and the write), as 409 `deal_conflict` with the reason code alone.
 */
function keyConflicts(ctx: AppContext, caller: Caller, customer: Deal['customer']): ConflictMapper {
  return async (error, tx) => {
    if (!isUniqueViolation(error, ONE_ACTIVE_PER_CUSTOMER)) return null;
    return problems.dealConflict((await conflictReason(tx, customerIdentity(customer), partnerScope(caller), ctx.now())) ?? 'already_registered');
  };
}

/** The deal `id` when the caller may see it; 404 for a missing deal and another partner's alike. */
async function dealInScope(q: Queryable, c: Context<AppEnv>, id: string, options: { lock?: boolean } = {}): Promise<Deal> {
  const deal = await getDeal(q, id, options);
  const scope = partnerScope(c.get('caller'));
  if (!deal || (scope !== null && deal.partnerId !== scope)) throw problems.notFound('There is no deal with this id.');
  return deal;
}

/** The statuses of `?status=` (one, or a comma-separated list; the schema checked each). */
function statusesOf(status: string | undefined): DealStatus[] | undefined {
  if (!status) return undefined;
  return [...new Set(status.split(','))].filter((s): s is DealStatus => (DEAL_STATUSES as readonly string[]).includes(s));
}

export function dealRoutes(app: Hono<AppEnv>, ctx: AppContext): void {
  route(app, '/v1/deals', {
    get: async (c) => {
      const caller = c.get('caller');
      const query = parseWith(DealListQuery, queryObject(requestUrl(c), Object.keys(DealListQuery.shape)));
      const { limit: _l, cursor: _c, ...filters } = query;
      const scope = partnerScope(caller);
      const identity = { list: 'deals', filters: { ...filters, scope } };
      const window = await pageWindow(ctx, identity, query, DEAL_POSITION);
      const filter = { scope, partnerId: filters.partnerId, statuses: statusesOf(filters.status), type: filters.type, q: filters.q };
      const vendor = caller.role !== 'partner';
      const slice = await readDeals(ctx.db, filter, window, ctx.now(), { conflicts: vendor });
      return json(await pageAnswer(ctx, identity, { ...slice, items: await present(ctx.db, slice.items, caller, { conflictsRead: vendor }) }));
    },
    post: async (c) => {
      const caller = c.get('caller');
      const body = await readJsonBody(c.req.raw, ctx.settings.bodyLimit);
      const input = parseWith(DealInput, body);
      let partnerId: string;
      if (caller.role === 'partner') {
        // Another partner is out of scope: answered like an unknown id.
        if (input.partnerId !== undefined && input.partnerId !== caller.partnerId) {
          throw problems.unknownId('partnerId', 'partner');
        }
        partnerId = caller.partnerId;
      } else {
        if (input.partnerId === undefined) throw problems.validation([{ path: 'partnerId', message: 'is required when a manager or admin registers a deal' }]);
        if ((await getPartner(ctx.db, input.partnerId)) === null) throw problems.unknownId('partnerId', 'partner');
        partnerId = input.partnerId;
      }
      checkIdempotencyKey(c);
      await requireAgreements(ctx.db, caller, 'deal_registration', ctx.now());
      return idempotentWrite(
        ctx,
        c,
        body,
        async (tx) => ({ status: 201, body: await presentOne(tx, await registerDeal(tx, caller, partnerId, input, ctx.now()), caller) }),
        keyConflicts(ctx, caller, { company: input.customer.company, domain: input.customer.domain ?? null }),
      );
    },
  });

  route(app, '/v1/deals/check', {
    post: async (c) => {
      const input = parseWith(DealCheckInput, await readJsonBody(c.req.raw, ctx.settings.bodyLimit));
      const identity = customerIdentity(input.customer);
      await expireDealsIfDue(ctx.db, ctx.now(), { customer: identity });
      const reason = await conflictReason(ctx.db, identity, partnerScope(c.get('caller')), ctx.now());
      return json(reason === null ? { available: true } : { available: false, reason });
    },
  });

  route(app, '/v1/deals/:id', {
    get: async (c) => {
      const id = pathId(c);
      await expireDealsIfDue(ctx.db, ctx.now(), { dealId: id });
      return json(await presentOne(ctx.db, await dealInScope(ctx.db, c, id), c.get('caller')));
    },
  });

  route(app, '/v1/deals/:id/transitions', {
    post: async (c) => {
      const caller = c.get('caller');
      const id = pathId(c);
      const body = await readJsonBody(c.req.raw, ctx.settings.bodyLimit);
      const input = parseWith(DealTransitionInput, body);
      checkIdempotencyKey(c);
      await expireDealsIfDue(ctx.db, ctx.now(), { dealId: id });
      const { customer } = await dealInScope(ctx.db, c, id);
      // Submitting a draft registers the deal: the same agreements hold it back as a registration.
      if (input.to === 'submitted') await requireAgreements(ctx.db, caller, 'deal_registration', ctx.now());
      return idempotentWrite(
        ctx,
        c,
        body,
        async (tx) => {
          const deal = await dealInScope(tx, c, id, { lock: true });
          return { status: 200, body: await presentOne(tx, await moveDeal(tx, caller, deal, input, ctx.now(), ctx.settings.defaultProtectionDays), caller) };
        },
        keyConflicts(ctx, caller, customer),
      );
    },
  });
}
