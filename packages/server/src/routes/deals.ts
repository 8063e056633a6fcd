/**
 * `/v1/deals`: registration with the one-active-registration-per-customer rule, the partner-side
 * pre-check, and the lifecycle through core's state machine.
 * @module
 */
import type { Context, Hono } from 'hono';
import { checkTransition, protectionEnd, transitionEventType } from '@partnerkit/core/rules';
import {
  DEAL_STATUSES,
  type Deal,
  DealCheckInput,
  DealInput,
  DealListQuery,
  type DealHistoryEntry,
  DealTransitionInput,
  type DealStatus,
} from '@partnerkit/core/schemas';
import type { AppContext, AppEnv } from '../context.js';
import { isUniqueViolation, type Queryable, type Row } from '../db/database.js';
import { requireAgreements } from '../domain/agreements.js';
import { conflictReason, withPossibleConflicts } from '../domain/deal-conflicts.js';
import { expireDueDeals } from '../domain/deal-expiry.js';
import { readJsonBody } from '../http/body.js';
import { checkIdempotencyKey, idempotentWrite } from '../http/idempotency.js';
import { pageFrom, pageRequest, positionNumber } from '../http/pagination.js';
import { problems } from '../http/problem.js';
import { json, pathId, requestUrl, route } from '../http/routing.js';
import { parseWith, queryObject } from '../http/validate.js';
import { type Caller, callerPerson, partnerScope } from '../security/caller.js';
import { newId } from '../security/random.js';
import {
  customerIdentity,
  type DealRow,
  findDeal,
  insertDeal,
  listDeals,
  mapDeal,
  type DealMove,
  moveDeal,
  nextDealNumber,
  ONE_ACTIVE_PER_CUSTOMER,
} from '../store/deals.js';
import { appendEvents } from '../store/events.js';
import { loadPartner, partnerNames, tierProtectionDays } from '../store/partners.js';

/** Deals as the caller may see them, with their partner's name; vendors also get `possibleConflicts`. */
async function present(q: Queryable, rows: readonly Row[], caller: Caller): Promise<Deal[]> {
  const deals = caller.role === 'partner' ? rows.map(mapDeal) : await withPossibleConflicts(q, rows);
  const names = await partnerNames(q, deals.map((deal) => deal.partnerId));
  return deals.map((deal) => {
    const partnerName = names.get(deal.partnerId);
    return partnerName === undefined ? deal : { ...deal, partnerName };
  });
}

async function presentOne(q: Queryable, row: Row, caller: Caller): Promise<Deal> {
  return (await present(q, [row], caller))[0] as Deal;
}

function historyEntry(caller: Caller, at: Date, from: DealStatus | null, to: DealStatus, reason?: string, reasonCode?: Deal['reasonCode']): DealHistoryEntry {
  const person = callerPerson(caller);
  return {
    at: at.toISOString(),
    from,
    to,
    by: { role: caller.role, id: person.id, name: person.name ?? null },
    reason: reason ?? null,
    reasonCode: reasonCode ?? null,
  };
}

/**
 * The unique index refusing a second active registration, as 409 `deal_conflict` with the reason
 * code alone (read after the failed write was rolled back).
 */
function dealConflicts(ctx: AppContext, caller: Caller, customerKey: () => Promise<string>) {
  return async (error: unknown, tx: Queryable) => {
    if (!isUniqueViolation(error, ONE_ACTIVE_PER_CUSTOMER)) return null;
    return problems.dealConflict((await conflictReason(tx, await customerKey(), partnerScope(caller), ctx.now())) ?? 'already_registered');
  };
}

function dealNotFound() {
  return problems.notFound('There is no deal with this id.');
}

export function dealRoutes(app: Hono<AppEnv>, ctx: AppContext): void {
  const expire = (scope: Parameters<typeof expireDueDeals>[2]) => ctx.db.transaction((tx) => expireDueDeals(tx, ctx.now(), scope));

  route(app, '/v1/deals', {
    get: async (c) => {
      const caller = c.get('caller');
      const query = parseWith(DealListQuery, queryObject(requestUrl(c), Object.keys(DealListQuery.shape)));
      const { limit: _l, cursor: _c, ...filters } = query;
      const scope = partnerScope(caller);
      const identity = { list: 'deals', filters: { ...filters, scope } };
      const request = await pageRequest(ctx, identity, query);
      await expire({ all: true });
      const statuses = filters.status
        ? [...new Set(filters.status.split(','))].filter((s): s is DealStatus => (DEAL_STATUSES as readonly string[]).includes(s))
        : undefined;
      const rows = await listDeals(
        ctx.db,
        { scope, partnerId: filters.partnerId, statuses, type: filters.type, q: filters.q, beforeSeq: request.after ? positionNumber(request.after, 0) : undefined },
        request.limit + 1,
      );
      const page = await pageFrom(ctx, identity, request, rows, (r) => [Number(r.seq)], (r) => r);
      return json({ data: await present(ctx.db, page.data, caller), nextCursor: page.nextCursor });
    },
    post: async (c) => {
      const caller = c.get('caller');
      const body = await readJsonBody(c.req.raw, ctx.settings.bodyLimit);
      const input = parseWith(DealInput, body);
      let partnerId: string;
      if (caller.role === 'partner') {
        // Another partner is out of scope: answered like an unknown id.
        if (input.partnerId !== undefined && input.partnerId !== caller.partnerId) {
          throw problems.validation([{ path: 'partnerId', message: 'no partner has this id' }]);
        }
        partnerId = caller.partnerId;
      } else {
        if (input.partnerId === undefined) throw problems.validation([{ path: 'partnerId', message: 'is required when a manager or admin registers a deal' }]);
        if ((await loadPartner(ctx.db, input.partnerId)) === null) throw problems.validation([{ path: 'partnerId', message: 'no partner has this id' }]);
        partnerId = input.partnerId;
      }
      checkIdempotencyKey(c);
      await requireAgreements(ctx.db, caller, 'deal_registration', ctx.now());
      const status = input.status ?? 'submitted';
      const customer = {
        company: input.customer.company,
        domain: input.customer.domain ?? null,
        country: input.customer.country ?? null,
        region: input.customer.region ?? null,
        industry: input.customer.industry ?? null,
      };
      const identity = customerIdentity(customer);
      return idempotentWrite(
        ctx,
        c,
        body,
        async (tx) => {
          const now = ctx.now();
          await expireDueDeals(tx, now, { customerKey: identity.key });
          const row = await insertDeal(tx, {
            id: newId('dl', now),
            number: await nextDealNumber(tx),
            partnerId,
            status,
            identity,
            details: {
              type: input.type,
              customer,
              contact: {
                name: input.contact?.name ?? null,
                email: input.contact?.email ?? null,
                phone: input.contact?.phone ?? null,
                title: input.contact?.title ?? null,
              },
              products: input.products ?? [],
              amount: input.amount ?? null,
              expectedCloseDate: input.expectedCloseDate ?? null,
              stage: input.stage ?? null,
              description: input.description ?? null,
              submittedBy: callerPerson(caller),
            },
            created: historyEntry(caller, now, null, status),
            at: now,
          });
          if (!row) throw problems.dealConflict((await conflictReason(tx, identity.key, partnerScope(caller), now)) ?? 'already_registered');
          await appendEvents(
            tx,
            [{ type: transitionEventType(null, status), partnerId, data: { dealId: row.id, number: row.number, from: null, to: status } }],
            now,
          );
          return { status: 201, body: await presentOne(tx, row, caller) };
        },
        dealConflicts(ctx, caller, async () => identity.key),
      );
    },
  });

  route(app, '/v1/deals/check', {
    post: async (c) => {
      const input = parseWith(DealCheckInput, await readJsonBody(c.req.raw, ctx.settings.bodyLimit));
      const { key } = customerIdentity(input.customer);
      await expire({ customerKey: key });
      const reason = await conflictReason(ctx.db, key, partnerScope(c.get('caller')), ctx.now());
      return json(reason === null ? { available: true } : { available: false, reason });
    },
  });

  route(app, '/v1/deals/:id', {
    get: async (c) => {
      const id = pathId(c);
      await expire({ dealId: id });
      const row = await dealInScope(ctx.db, c, id);
      return json(await presentOne(ctx.db, row, c.get('caller')));
    },
  });

  route(app, '/v1/deals/:id/transitions', {
    post: async (c) => {
      const caller = c.get('caller');
      const id = pathId(c);
      const body = await readJsonBody(c.req.raw, ctx.settings.bodyLimit);
      const input = parseWith(DealTransitionInput, body);
      checkIdempotencyKey(c);
      await expire({ dealId: id });
      const { customer_key: customerKey } = await dealInScope(ctx.db, c, id);
      return idempotentWrite(
        ctx,
        c,
        body,
        async (tx) => {
          const row = await dealInScope(tx, c, id, { lock: true });
          const deal = mapDeal(row);
          const verdict = checkTransition({ from: deal.status, to: input.to, role: caller.role, reason: input.reason ?? null, extensions: deal.extensions });
          if (!verdict.ok) {
            switch (verdict.code) {
              case 'forbidden':
                throw problems.forbidden(verdict.message);
              case 'reason_required':
                throw problems.validation([{ path: 'reason', message: 'is required for this move' }], verdict.message);
              default:
                throw problems.invalidTransition(verdict.message);
            }
          }
          const now = ctx.now();
          let approval: DealMove['approval'];
          if (input.to === 'approved') {
            // The partner's tier's protection, else the server's default.
            const days = (await tierProtectionDays(tx, deal.partnerId)) ?? ctx.settings.defaultProtectionDays;
            approval =
              deal.status === 'approved'
                ? { extension: true, expiresAt: protectionEnd(new Date(deal.expiresAt ?? now), days) }
                : { by: callerPerson(caller), expiresAt: protectionEnd(now, days) };
          }
          const updated = await moveDeal(tx, id, {
            to: input.to,
            at: now,
            reason: input.reason ?? null,
            reasonCode: input.reasonCode ?? null,
            entry: historyEntry(caller, now, deal.status, input.to, input.reason, input.reasonCode),
            ...(approval ? { approval } : {}),
          });
          await appendEvents(
            tx,
            [
              {
                type: transitionEventType(deal.status, input.to),
                partnerId: deal.partnerId,
                data: {
                  dealId: id,
                  number: deal.number,
                  from: deal.status,
                  to: input.to,
                  ...(input.reasonCode ? { reasonCode: input.reasonCode } : {}),
                  ...(input.to === 'approved' ? { expiresAt: mapDeal(updated).expiresAt } : {}),
                },
              },
            ],
            now,
          );
          return { status: 200, body: await presentOne(tx, updated, caller) };
        },
        dealConflicts(ctx, caller, async () => customerKey as string),
      );
    },
  });
}

/** The deal `id` when the caller may see it; 404 for a missing deal and another partner's alike. */
async function dealInScope(q: Queryable, c: Context<AppEnv>, id: string, { lock = false } = {}): Promise<DealRow> {
  const row = await findDeal(q, id, { lock });
  const scope = partnerScope(c.get('caller'));
  if (!row || (scope !== null && row.partner_id !== scope)) throw dealNotFound();
  return row;
}
