/**
 * Deal registrations as rows and as contract objects, the customer identity that the conflict
 * rules key on, and the reads and writes of the `deals` table (routes hold HTTP only).
 * @module
 */
import { customerKey, dealNumber, normaliseCompanyName } from '@partnerkit/core/rules';
import type { Deal, DealCustomer, DealHistoryEntry, DealReasonCode, DealStatus, DealType, PersonRef } from '@partnerkit/core/schemas';
import { type Queryable, type Row, toIso, toIsoOrNull } from '../db/database.js';
import { containsPattern, SqlBuilder } from '../db/sql.js';

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

/** A row of `deals`: the columns the routes read besides mapping it with {@link mapDeal}. */
export interface DealRow extends Row {
  id: string;
  number: string;
  partner_id: string;
  customer_key: string;
  seq: number | string;
}

/** What a deal list is narrowed to. */
export interface DealListFilter {
  /** The caller's partner, or null for the vendor's people (every partner). */
  scope: string | null;
  partnerId?: string | undefined;
  statuses?: readonly DealStatus[] | undefined;
  type?: DealType | undefined;
  /** Text in the customer's company, its domain or the deal number. */
  q?: string | undefined;
  /** Only deals listed after this position (`seq`): the cursor's. */
  beforeSeq?: number | undefined;
}

/** Up to `limit` deals of `filter`, newest first. */
export async function listDeals(q: Queryable, filter: DealListFilter, limit: number): Promise<DealRow[]> {
  const sql = new SqlBuilder();
  if (filter.scope !== null) sql.where(`partner_id = ${sql.param(filter.scope)}`);
  if (filter.partnerId) sql.where(`partner_id = ${sql.param(filter.partnerId)}`);
  const statuses = filter.statuses ?? [];
  if (statuses.length) {
    sql.where(statuses.length === 1 ? `status = ${sql.param(statuses[0])}` : `status IN (${statuses.map((s) => sql.param(s)).join(', ')})`);
  }
  if (filter.type) sql.where(`type = ${sql.param(filter.type)}`);
  if (filter.q) {
    const pattern = sql.param(containsPattern(filter.q));
    sql.where(`(customer->>'company' ILIKE ${pattern} OR customer->>'domain' ILIKE ${pattern} OR number ILIKE ${pattern})`);
  }
  if (filter.beforeSeq !== undefined) sql.where(`seq < ${sql.param(filter.beforeSeq)}`);
  const { rows } = await q.query<DealRow>(`SELECT * FROM deals ${sql.whereClause()} ORDER BY seq DESC LIMIT ${Number(limit)}`, sql.params);
  return rows;
}

/** The deal `id`, or undefined. `lock` takes a row lock for the rest of the transaction. */
export async function findDeal(q: Queryable, id: string, { lock = false } = {}): Promise<DealRow | undefined> {
  const { rows } = await q.query<DealRow>(`SELECT * FROM deals WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [id]);
  return rows[0];
}

/** The next deal number (`DR-000123`), from the database's sequence. */
export async function nextDealNumber(q: Queryable): Promise<string> {
  const { rows } = await q.query<{ n: number }>(`SELECT nextval('deal_numbers')::int AS n`);
  return dealNumber(rows[0]?.n ?? 0);
}

/** A registration to write: what the person sent, and what the backend decided about it. */
export interface NewDeal {
  id: string;
  number: string;
  partnerId: string;
  status: DealStatus;
  details: Pick<Deal, 'type' | 'customer' | 'contact' | 'products' | 'amount' | 'expectedCloseDate' | 'stage' | 'description' | 'submittedBy'>;
  identity: CustomerIdentity;
  /** The first history entry (its `at` is the deal's creation). */
  created: DealHistoryEntry;
  at: Date;
}

/**
 * Writes `deal`; undefined when an active registration already holds its customer (the unique
 * index refused it without an error, so the caller can say why).
 */
export async function insertDeal(q: Queryable, deal: NewDeal): Promise<DealRow | undefined> {
  const { details } = deal;
  const { rows } = await q.query<DealRow>(
    `INSERT INTO deals (id, number, partner_id, status, type, customer, customer_key, name_head, name_tail, contact, products,
                        amount, expected_close_date, stage, description, submitted_by, submitted_at, history, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, $8, $9, $10::jsonb, $11::jsonb, $12::jsonb, $13, $14, $15, $16::jsonb, $17, $18::jsonb, $19, $19)
     ON CONFLICT (customer_key) WHERE status IN ${ACTIVE_SQL} DO NOTHING
     RETURNING *`,
    [
      deal.id,
      deal.number,
      deal.partnerId,
      deal.status,
      details.type,
      JSON.stringify(details.customer),
      deal.identity.key,
      deal.identity.nameHead,
      deal.identity.nameTail,
      JSON.stringify(details.contact),
      JSON.stringify(details.products),
      details.amount ? JSON.stringify(details.amount) : null,
      details.expectedCloseDate,
      details.stage,
      details.description,
      JSON.stringify(details.submittedBy),
      deal.status === 'submitted' ? deal.at : null,
      JSON.stringify([deal.created]),
      deal.at,
    ],
  );
  return rows[0];
}

/** A move of a deal through its lifecycle, as core's rules allowed it. */
export interface DealMove {
  to: DealStatus;
  at: Date;
  reason: string | null;
  reasonCode: DealReasonCode | null;
  entry: DealHistoryEntry;
  /** An approval: the first (who approved it) or an extension of the protection. */
  approval?: { by: PersonRef; expiresAt: Date } | { extension: true; expiresAt: Date };
}

/** Applies `move` to the deal `id` (locked by the caller) and returns the row as it is now. */
export async function moveDeal(q: Queryable, id: string, move: DealMove): Promise<DealRow> {
  const sql = new SqlBuilder();
  const sets = [
    `status = ${sql.param(move.to)}`,
    `updated_at = ${sql.param(move.at)}`,
    `reason = ${sql.param(move.reason)}`,
    `reason_code = ${sql.param(move.reasonCode)}`,
    `history = history || ${sql.param(JSON.stringify([move.entry]))}::jsonb`,
  ];
  if (move.to === 'submitted') sets.push(`submitted_at = COALESCE(submitted_at, ${sql.param(move.at)})`);
  const approval = move.approval;
  if (approval && 'extension' in approval) {
    sets.push(`extensions = extensions + 1`, `expires_at = ${sql.param(approval.expiresAt)}`);
  } else if (approval) {
    sets.push(`approved_at = ${sql.param(move.at)}`, `approved_by = ${sql.param(JSON.stringify(approval.by))}::jsonb`, `expires_at = ${sql.param(approval.expiresAt)}`);
  }
  const { rows } = await q.query<DealRow>(`UPDATE deals SET ${sets.join(', ')} WHERE id = ${sql.param(id)} RETURNING *`, sql.params);
  return rows[0] as DealRow;
}
