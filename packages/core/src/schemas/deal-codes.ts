/**
 * The deal vocabulary as plain lists, apart from the schemas built on them: code that only needs a
 * list (a form's choices, a label per status) does not carry the deal schemas with it.
 * @module
 */

export const DEAL_STATUSES = [
  'draft',
  'submitted',
  'under_review',
  'needs_info',
  'approved',
  'rejected',
  'won',
  'lost',
  'expired',
  'withdrawn',
] as const;

export const DEAL_TYPES = ['resell', 'referral', 'co_sell'] as const;

/** Why a deal was closed without being won; vendors want one on every rejection. */
export const DEAL_REASON_CODES = ['duplicate', 'incomplete', 'not_qualified', 'converted', 'other'] as const;

/** Why a customer is not available for registration. Never names who holds it. */
export const CONFLICT_REASONS = ['already_registered', 'protected', 'own_registration'] as const;
