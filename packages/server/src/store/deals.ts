/**
 * Deal registrations as rows and as contract objects, and the customer identity that the
 * conflict rules key on.
 * @module
 */
import { customerKey, normaliseCompanyName } from '@partnerkit/core/rules';
import type { Deal, DealCustomer } from '@partnerkit/core/schemas';
import { type Row, toIso, toIsoOrNull } from '../db/database.js';

/**
 * The SQL list of statuses that hold a customer. Equal to core's `ACTIVE_DEAL_STATUSES` (a test
 * checks it) and to the predicate of the `deals_one_active_per_customer` index, which the
 * planner only uses when a query repeats the predicate literally.
 */
export const ACTIVE_SQL = `('submitted', 'under_review', 'needs_info', 'approved')`;

/** The unique index that lets one active registration hold a customer. */
export const ONE_ACTIVE_PER_CUSTOMER = 'deals_one_active_per_customer';

/** How the database finds a customer again: its exact key, and the blocking keys for near names. */
export interface CustomerIdentity {
  key: string;
  nameHead: string;
  nameTail: string;
}

/** Letters of the compact name in each blocking key. */
const BLOCK = 6;

/**
 * The customer's identity for conflict checks: `customerKey()` of core's rules, and the first and
 * last six letters of its compact normalised name. Names alike enough to match (Dice >= 0.88 on
 * bigrams) differ in a letter or two, so in practice they agree at one end at least: looking both
 * ends up finds near duplicates through an index instead of comparing with every deal.
 */
export function customerIdentity(customer: Pick<DealCustomer, 'company' | 'domain'>): CustomerIdentity {
  const compact = normaliseCompanyName(customer.company).replace(/ /g, '') || customer.company.trim().toLowerCase();
  const letters = [...compact];
  return { key: customerKey(customer), nameHead: letters.slice(0, BLOCK).join(''), nameTail: letters.slice(-BLOCK).join('') };
}

export function mapDeal(row: Row): Deal {
  return {
    id: row.id as string,
    number: row.number as string,
    partnerId: row.partner_id as string,
    submittedBy: row.submitted_by as Deal['submittedBy'],
    status: row.status as Deal['status'],
    type: row.type as Deal['type'],
    customer: row.customer as Deal['customer'],
    contact: row.contact as Deal['contact'],
    products: row.products as string[],
    amount: (row.amount as Deal['amount']) ?? null,
    expectedCloseDate: (row.expected_close_date as string | null) ?? null,
    stage: (row.stage as string | null) ?? null,
    description: (row.description as string | null) ?? null,
    submittedAt: toIsoOrNull(row.submitted_at),
    approvedAt: toIsoOrNull(row.approved_at),
    expiresAt: toIsoOrNull(row.expires_at),
    extensions: Number(row.extensions),
    approvedBy: (row.approved_by as Deal['approvedBy']) ?? null,
    reasonCode: (row.reason_code as Deal['reasonCode']) ?? null,
    reason: (row.reason as string | null) ?? null,
    history: row.history as Deal['history'],
    createdAt: toIso(row.created_at),
    updatedAt: toIso(row.updated_at),
  };
}

export { dealNumber } from '@partnerkit/core/rules';
