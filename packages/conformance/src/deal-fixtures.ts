/**
 * Deals for the checks: each registered for a customer nobody else holds, and moved to the
 * status a check needs along the lifecycle's ordinary path.
 * @module
 */
import type { Deal, DealInput, DealStatus } from '@partnerkit/core/schemas';
import type { RunContext } from './context.js';

/** A partner of the fixtures that owns deals. */
export type Owner = 'a' | 'b' | 'c';

/** A registration for a fresh customer, as a partner session sends it. */
export function dealInput(ctx: RunContext, extra: Partial<DealInput> = {}): DealInput {
  return { type: 'resell', customer: ctx.customer('deal'), amount: { amount: 1_250_000, currency: 'USD' }, products: ['Conformance suite'], ...extra };
}

/** Registers a deal as the owner's partner session. */
export async function register(ctx: RunContext, owner: Owner = 'a', extra: Partial<DealInput> = {}): Promise<Deal> {
  return (await ctx.client(owner)).deals.register(dealInput(ctx, extra));
}

const REASON = 'conformance check';

/**
 * A deal of `owner` in `status`, reached the ordinary way: registered by the partner, reviewed
 * by a manager, withdrawn by the partner. `expired` cannot be reached without moving the clock.
 */
export async function dealIn(ctx: RunContext, status: DealStatus, owner: Owner = 'a'): Promise<Deal> {
  const partner = await ctx.client(owner);
  const manager = await ctx.client('manager');
  if (status === 'draft') return register(ctx, owner, { status: 'draft' });
  const deal = await register(ctx, owner);
  switch (status) {
    case 'submitted':
      return deal;
    case 'under_review':
    case 'approved':
      return manager.deals.transition(deal.id, { to: status });
    case 'needs_info':
    case 'rejected':
      return manager.deals.transition(deal.id, { to: status, reason: REASON });
    case 'withdrawn':
      return partner.deals.transition(deal.id, { to: 'withdrawn', reason: REASON });
    case 'won':
    case 'lost':
      await manager.deals.transition(deal.id, { to: 'approved' });
      return manager.deals.transition(deal.id, { to: status });
    case 'expired':
      throw new Error('an expired deal needs the backend clock to move');
  }
}
