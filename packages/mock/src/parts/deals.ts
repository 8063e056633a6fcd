/**
 * `/v1/deals`: registration with one active registration per customer, the partner-side
 * pre-check, and the lifecycle. Every rule is core's: who holds a customer (`sameCustomer`), why
 * another may not register it (`conflictReasonOfHolders`), which moves exist and who may make them
 * (`checkTransition`), protection windows (`protectionEnd`, `isPastProtection`), near matches
 * shown to vendors (`matchCustomers`) and the event each move emits (`transitionEventType`).
 * @module
 */
import {
  dealCustomer,
  ACTIVE_DEAL_STATUSES,
  checkTransition,
  conflictReasonOfHolders,
  dealNumber,
  isPastProtection,
  matchCustomers,
  protectionEnd,
  sameCustomer,
  transitionEventType,
} from '@partnerkit/core/rules';
import {
  type ConflictReason,
  DEAL_STATUSES,
  type Deal,
  DealCheckInput,
  type DealCustomer,
  type DealHistoryEntry,
  DealInput,
  DealListQuery,
  type DealStatus,
  DealTransitionInput,
  moveRefused,
} from '@partnerkit/core/schemas';
import { type Caller, callerOf, callerPerson, type MockPart, partnerScope, type RequestContext } from '../context.js';
import { idempotencyKey, idempotentWrite } from '../http/idempotency.js';
import { json, problems } from '../http/problem.js';
import { newId } from '../http/random.js';
import { parseWith, pathId, queryObject, readJsonBody } from '../http/request.js';
import type { MockState, StoredDeal } from '../state.js';
import { requireAgreements } from './agreements.js';
import { contains } from './partners.js';

/** Protection days of an approval: the partner's tier's, else the backend's default. */
function protectionDays(state: MockState, partnerId: string, fallback: number): number {
  const tierId = state.partners.get(partnerId)?.tierId;
  return (tierId ? state.tiers.get(tierId)?.dealProtectionDays : undefined) ?? fallback;
}

/** Expires the approved deals (all, or those `only` picks) whose protection ended by `now`. */
export function expireDueDeals(state: MockState, now: Date, only: (deal: StoredDeal) => boolean = () => true): void {
  for (const deal of state.deals.values()) {
    if (!isPastProtection(deal, now) || !only(deal)) continue;
    const expiredAt = deal.expiresAt as string;
    state.deals.set(deal.id, {
      ...deal,
      status: 'expired',
      updatedAt: now.toISOString(),
      history: [...deal.history, { at: expiredAt, from: 'approved', to: 'expired', by: { role: 'system', id: null } }],
    });
    state.appendEvents([{ type: 'deal.expired', partnerId: deal.partnerId, data: { dealId: deal.id, number: deal.number, from: 'approved', to: 'expired', expiredAt } }], now);
  }
}

/**
 * Why `customer` is not free for the caller's partner: core's reason over the active
 * registrations holding it under `sameCustomer` (other than `except`); null when it is free.
 */
function heldReason(ctx: RequestContext, customer: Pick<DealCustomer, 'company' | 'domain'>, except?: string): ConflictReason | null {
  const holders = [...ctx.state.deals.values()].filter((deal) => deal.id !== except && ACTIVE_DEAL_STATUSES.includes(deal.status) && sameCustomer(customer, deal.customer) !== null);
  return conflictReasonOfHolders(holders, partnerScope(callerOf(ctx)), ctx.now);
}

/**
 * A deal as the caller may see it, with its partner's name (as the reference server sends it);
 * vendors also get the registrations that look like the same customer.
 */
function present(state: MockState, deal: StoredDeal, caller: Caller): Deal {
  const { seq: _seq, ...stored } = deal;
  const partnerName = state.partners.get(deal.partnerId)?.name;
  const view: Deal = partnerName === undefined ? stored : { ...stored, partnerName };
  if (caller.role === 'partner') return view;
  const possibleConflicts: NonNullable<Deal['possibleConflicts']> = [];
  for (const other of [...state.deals.values()].sort((a, b) => a.seq - b.seq)) {
    if (other.id === deal.id || !ACTIVE_DEAL_STATUSES.includes(other.status)) continue;
    const verdict = matchCustomers(deal.customer, other.customer);
    if (verdict.match && verdict.reason !== null) possibleConflicts.push({ dealId: other.id, number: other.number, match: verdict.reason });
  }
  return { ...view, possibleConflicts };
}

function historyEntry(caller: Caller, at: Date, from: DealStatus | null, to: DealStatus, reason?: string, reasonCode?: Deal['reasonCode']): DealHistoryEntry {
  const person = callerPerson(caller);
  return { at: at.toISOString(), from, to, by: { role: caller.role, id: person.id, name: person.name ?? null }, reason: reason ?? null, reasonCode: reasonCode ?? null };
}

/** The deal `{id}` when the caller may see it; 404 for a missing deal and another partner's alike. */
function dealInScope(ctx: RequestContext, id: string): StoredDeal {
  const deal = ctx.state.deals.get(id);
  const scope = partnerScope(callerOf(ctx));
  if (!deal || (scope !== null && deal.partnerId !== scope)) throw problems.notFound('There is no deal with this id.');
  return deal;
}

export const dealsPart: MockPart = {
  name: 'deals',
  // Protections end by the clock, not by a request: whatever is due is expired before any answer.
  beforeRequest: (state, now) => expireDueDeals(state, now),
  routes: [
    {
      path: '/v1/deals',
      handlers: {
        get: (ctx) => {
          const caller = callerOf(ctx);
          const query = parseWith(DealListQuery, queryObject(ctx.url, Object.keys(DealListQuery.shape)));
          const { limit, cursor, ...filters } = query;
          const scope = partnerScope(caller);
          const statuses = filters.status ? new Set(filters.status.split(',').filter((s): s is DealStatus => (DEAL_STATUSES as readonly string[]).includes(s))) : null;
          const deals = [...ctx.state.deals.values()].filter(
            (d) =>
              (scope === null || d.partnerId === scope) &&
              (filters.partnerId === undefined || d.partnerId === filters.partnerId) &&
              (statuses === null || statuses.has(d.status)) &&
              (filters.type === undefined || d.type === filters.type) &&
              (filters.q === undefined || contains(d.customer.company, filters.q) || contains(d.customer.domain, filters.q) || contains(d.number, filters.q)),
          );
          const page = ctx.state.cursors.page(deals, (d) => [-d.seq], { limit, cursor }, 'deals', { ...filters, scope });
          return json({ data: page.data.map((d) => present(ctx.state, d, caller)), nextCursor: page.nextCursor });
        },
        post: async (ctx) => {
          const caller = callerOf(ctx);
          const body = await readJsonBody(ctx.request);
          const input = parseWith(DealInput, body);
          let partnerId: string;
          if (caller.role === 'partner') {
            // Another partner is out of scope: answered like an unknown id.
            if (input.partnerId !== undefined && input.partnerId !== caller.partnerId) throw problems.unknownId('partnerId', 'partner');
            partnerId = caller.partnerId as string;
          } else {
            if (input.partnerId === undefined) throw problems.validation([{ path: 'partnerId', message: 'is required when a manager or admin registers a deal' }]);
            if (!ctx.state.partners.has(input.partnerId)) throw problems.unknownId('partnerId', 'partner');
            partnerId = input.partnerId;
          }
          idempotencyKey(ctx);
          requireAgreements(ctx.state, caller, 'deal_registration', ctx.now);
          const status = input.status ?? 'submitted';
          const customer = dealCustomer(input.customer);
          return idempotentWrite(ctx, body, () => {
            const { state, now } = ctx;
            if (ACTIVE_DEAL_STATUSES.includes(status)) {
              const held = heldReason(ctx, customer);
              if (held) throw problems.dealConflict(held);
            }
            state.dealNumbers += 1;
            const at = now.toISOString();
            const deal: StoredDeal = {
              id: newId('dl', now),
              number: dealNumber(state.dealNumbers),
              partnerId,
              submittedBy: callerPerson(caller),
              status,
              type: input.type,
              customer,
              contact: { name: input.contact?.name ?? null, email: input.contact?.email ?? null, phone: input.contact?.phone ?? null, title: input.contact?.title ?? null },
              products: input.products ?? [],
              amount: input.amount ?? null,
              expectedCloseDate: input.expectedCloseDate ?? null,
              stage: input.stage ?? null,
              description: input.description ?? null,
              submittedAt: status === 'submitted' ? at : null,
              approvedAt: null,
              expiresAt: null,
              extensions: 0,
              approvedBy: null,
              reasonCode: null,
              reason: null,
              history: [historyEntry(caller, now, null, status)],
              createdAt: at,
              updatedAt: at,
              seq: state.nextSeq(),
            };
            state.deals.set(deal.id, deal);
            state.appendEvents([{ type: transitionEventType(null, status), partnerId, data: { dealId: deal.id, number: deal.number, from: null, to: status } }], now);
            return { status: 201, body: present(state, deal, caller) };
          });
        },
      },
    },
    {
      path: '/v1/deals/check',
      handlers: {
        post: async (ctx) => {
          callerOf(ctx); // authenticated before the body is read
          const input = parseWith(DealCheckInput, await readJsonBody(ctx.request));
          const held = heldReason(ctx, input.customer);
          return json(held ? { available: false, reason: held } : { available: true });
        },
      },
    },
    {
      path: '/v1/deals/:id',
      handlers: {
        get: (ctx) => json(present(ctx.state, dealInScope(ctx, pathId(ctx.params.id!)), callerOf(ctx))),
      },
    },
    {
      path: '/v1/deals/:id/transitions',
      handlers: {
        post: async (ctx) => {
          const caller = callerOf(ctx);
          const id = pathId(ctx.params.id!);
          const body = await readJsonBody(ctx.request);
          const input = parseWith(DealTransitionInput, body);
          idempotencyKey(ctx);
          dealInScope(ctx, id);
          return idempotentWrite(ctx, body, () => {
            const { state, now } = ctx;
            const deal = dealInScope(ctx, id);
            const verdict = checkTransition({ from: deal.status, to: input.to, role: caller.role, reason: input.reason ?? null, extensions: deal.extensions, extend: input.extend === true });
            if (!verdict.ok) throw moveRefused(verdict, 'deal');
            // A draft submitted now claims its customer: refused while another registration holds it.
            if (!ACTIVE_DEAL_STATUSES.includes(deal.status) && ACTIVE_DEAL_STATUSES.includes(input.to)) {
              const held = heldReason(ctx, deal.customer, deal.id);
              if (held) throw problems.dealConflict(held);
            }
            const at = now.toISOString();
            const moved: StoredDeal = {
              ...deal,
              status: input.to,
              updatedAt: at,
              reason: input.reason ?? null,
              reasonCode: input.reasonCode ?? null,
              history: [...deal.history, historyEntry(caller, now, deal.status, input.to, input.reason, input.reasonCode)],
            };
            if (input.to === 'submitted') moved.submittedAt = deal.submittedAt ?? at;
            if (input.to === 'approved') {
              const days = protectionDays(state, deal.partnerId, ctx.settings.defaultProtectionDays);
              if (deal.status === 'approved') {
                moved.extensions = deal.extensions + 1;
                moved.expiresAt = protectionEnd(new Date(deal.expiresAt ?? at), days).toISOString();
              } else {
                moved.approvedAt = at;
                moved.approvedBy = callerPerson(caller);
                moved.expiresAt = protectionEnd(now, days).toISOString();
              }
            }
            state.deals.set(id, moved);
            state.appendEvents(
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
                    ...(input.to === 'approved' ? { expiresAt: moved.expiresAt } : {}),
                  },
                },
              ],
              now,
            );
            return { status: 200, body: present(state, moved, caller) };
          });
        },
      },
    },
  ],
};
