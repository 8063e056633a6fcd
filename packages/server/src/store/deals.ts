/**
 * Deal registrations, as rows and as the contract's `Deal`, and the customer identity the
 * conflict rules key on: every read and write of `deals`.
 * @module
 */
import { companyNameKey, customerKey, dealNumber, normaliseCompanyName } from '@partnerkit/core/rules';
import type { Deal, DealCustomer, DealHistoryEntry, DealListQuery, DealStatus, PersonRef } from '@partnerkit/core/schemas';
import { CUSTOMER_NAME_LOCK, type Queryable, type Transaction } from '../db/database.js';
import { containsPattern, SqlBuilder } from '../db/sql.js';
import { type PageSlice, type PageWindow, type PositionShape, slicePage } from './page.js';

/**
 * The SQL list of statuses that hold a customer. Equal to core's `ACTIVE_DEAL_STATUSES` (a test
 * checks it) and to the predicate of the partial indexes on active deals, which the planner only
 * uses when a query repeats the predicate literally.
 */
export const ACTIVE_SQL = `('submitted', 'under_review', 'needs_info', 'approved')`;

/** The unique index that lets one active registration hold a customer key. */
export const ONE_ACTIVE_PER_CUSTOMER = 'deals_one_active_per_customer';

/** How the database finds a customer again: its exact key, its name key, and the blocking keys for near names. */
export interface CustomerIdentity {
  /** `customerKey()`: held by the one-active-registration-per-key index. */
  key: string;
  /** `companyNameKey()`: registrations without a domain are held by it too (`sameCustomer()`). */
  nameKey: string;
  nameHead: string;
  nameTail: string;
}

/** Letters of the compact name in each blocking key. */
const BLOCK = 6;

/**
 * The customer's identity for conflict checks: `customerKey()` and `companyNameKey()` of core's
 * rules, and the first and last six letters of its compact normalised name. Names alike enough
 * to match (Dice >= 0.88 on bigrams) differ in a letter or two, so in practice they agree at one
 * end at least: looking both ends up finds near duplicates through an index instead of
 * comparing with every deal.
 */
export function customerIdentity(customer: Pick<DealCustomer, 'company' | 'domain'>): CustomerIdentity {
  const compact = normaliseCompanyName(customer.company).replace(/ /g, '') || customer.company.trim().toLowerCase();
  const letters = [...compact];
  return { key: customerKey(customer), nameKey: companyNameKey(customer.company), nameHead: letters.slice(0, BLOCK).join(''), nameTail: letters.slice(-BLOCK).join('') };
}

export { dealNumber };

/** A row of `deals`, as read (the keys the indexes use are written, never read back). */
export interface DealRow {
  seq: number;
  id: string;
  number: string;
  partner_id: string;
  status: DealStatus;
  type: Deal['type'];
  customer: Deal['customer'];
  contact: Deal['contact'];
  products: string[];
  amount: Deal['amount'];
  expected_close_date: string | null;
  stage: string | null;
  description: string | null;
  submitted_by: Deal['submittedBy'];
  submitted_at: Date | null;
  approved_at: Date | null;
  expires_at: Date | null;
  extensions: number;
  approved_by: Deal['approvedBy'];
  reason_code: Deal['reasonCode'];
  reason: string | null;
  history: DealHistoryEntry[];
  created_at: Date;
  updated_at: Date;
}

const COLUMNS = `seq, id, number, partner_id, status, type, customer, contact, products, amount, expected_close_date, stage, description,
  submitted_by, submitted_at, approved_at, expires_at, extensions, approved_by, reason_code, reason, history, created_at, updated_at`;

const iso = (date: Date | null): string | null => (date === null ? null : date.toISOString());

/** The one mapping of a deal row to the contract (without `possibleConflicts`, which vendors get on top). */
export function dealFromRow(row: DealRow): Deal {
  return {
    id: row.id,
    number: row.number,
    partnerId: row.partner_id,
    submittedBy: row.submitted_by,
    status: row.status,
    type: row.type,
    customer: row.customer,
    contact: row.contact,
    products: row.products,
    amount: row.amount,
    expectedCloseDate: row.expected_close_date,
    stage: row.stage,
    description: row.description,
    submittedAt: iso(row.submitted_at),
    approvedAt: iso(row.approved_at),
    expiresAt: iso(row.expires_at),
    extensions: row.extensions,
    approvedBy: row.approved_by,
    reasonCode: row.reason_code,
    reason: row.reason,
    history: row.history,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

/** The filters of the deal list (statuses already split), and the partner a caller is confined to. */
export interface DealFilter {
  scope: string | null;
  partnerId?: string | undefined;
  statuses?: readonly DealStatus[] | undefined;
  type?: DealListQuery['type'];
  /** Text anywhere in the customer's company or domain, or the deal number. */
  q?: string | undefined;
}

/** Deals are listed newest first: the position is `[seq]`. */
export const DEAL_POSITION: PositionShape = ['number'];

/**
 * A page of deals, newest first. With `dueAt`, the same statement also answers `due`: whether
 * an approved deal anywhere is past its protection at that time (the probe of {@link anyDealDue},
 * without a round trip of its own); null when the page is empty and says nothing. With
 * `conflicts`, each deal comes with its `possibleConflicts` (for vendors), read by the same statement.
 */
export async function listDeals(q: Queryable, filter: DealFilter, window: PageWindow, { dueAt, conflicts = false }: { dueAt?: Date; conflicts?: boolean } = {}): Promise<PageSlice<Deal> & { due: boolean | null }> {
  const sql = new SqlBuilder();
  if (filter.scope !== null) sql.where(`partner_id = ${sql.param(filter.scope)}`);
  if (filter.partnerId) sql.where(`partner_id = ${sql.param(filter.partnerId)}`);
  if (filter.statuses && filter.statuses.length > 0) {
    sql.where(filter.statuses.length === 1 ? `status = ${sql.param(filter.statuses[0])}` : `status IN (${filter.statuses.map((s) => sql.param(s)).join(', ')})`);
  }
  if (filter.type) sql.where(`type = ${sql.param(filter.type)}`);
  if (filter.q) {
    // The expressions of the trigram indexes (migration 4), so a search is answered from them.
    const pattern = sql.param(containsPattern(filter.q));
    sql.where(`(customer->>'company' ILIKE ${pattern} OR customer->>'domain' ILIKE ${pattern} OR number ILIKE ${pattern})`);
  }
  if (window.after) sql.where(`seq < ${sql.param(window.after[0])}`);
  // A scalar subquery, not EXISTS: the planner drops the ORDER BY of an EXISTS, and with it the index walk.
  const due = dueAt === undefined ? 'NULL' : `COALESCE((${dueProbe(sql.param(dueAt), '', 'true')}), false)`;
  const { rows } = await q.query<DealRow & { due: boolean | null; possible_conflicts?: Deal['possibleConflicts'] }>(
    `SELECT ${COLUMNS}, ${due} AS due${conflicts ? `, ${possibleConflictsColumn('deals')} AS possible_conflicts` : ''}
       FROM deals ${sql.whereClause()} ORDER BY seq DESC LIMIT ${window.limit + 1}`,
    sql.params,
  );
  const toDeal = conflicts ? (r: (typeof rows)[number]) => ({ ...dealFromRow(r), possibleConflicts: r.possible_conflicts ?? [] }) : dealFromRow;
  return { ...slicePage(rows, window, (r) => [r.seq], toDeal), due: rows[0]?.due ?? null };
}

/**
 * The possible conflicts of the deal in the row of `deals` named `alias`, as a JSON array column:
 * the active registrations `deal_matches` records as the same customer, oldest registration
 * first. A list page reads them in the statement that reads the page.
 */
const possibleConflictsColumn = (alias: string) => `(
  SELECT COALESCE(json_agg(json_build_object('dealId', c.id, 'number', c.number, 'match', m.match) ORDER BY c.seq), '[]'::json)
    FROM deal_matches AS m JOIN deals AS c ON c.id = m.other
   WHERE m.deal = ${alias}.id AND c.status IN ${ACTIVE_SQL})`;

/** The possible conflicts of each deal of `ids` (see {@link possibleConflictsColumn}), in one query. */
export async function possibleConflicts(q: Queryable, ids: readonly string[]): Promise<Map<string, NonNullable<Deal['possibleConflicts']>>> {
  if (ids.length === 0) return new Map();
  const { rows } = await q.query<{ id: string; possible_conflicts: NonNullable<Deal['possibleConflicts']> }>(
    `SELECT d.id, ${possibleConflictsColumn('d')} AS possible_conflicts FROM deals AS d WHERE d.id = ANY ($1::text[])`,
    [ids],
  );
  return new Map(rows.map((r) => [r.id, r.possible_conflicts]));
}

/** One deal, or null. `lock` holds its row for the rest of the transaction. */
export async function getDeal(q: Queryable, id: string, { lock = false }: { lock?: boolean } = {}): Promise<Deal | null> {
  const { rows } = await q.query<DealRow>(`SELECT ${COLUMNS} FROM deals WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [id]);
  return rows[0] ? dealFromRow(rows[0]) : null;
}

/** The next number of the `DR-` sequence. */
export async function nextDealNumber(tx: Transaction): Promise<string> {
  const { rows } = await tx.query<{ n: number }>(`SELECT nextval('deal_numbers')::int AS n`);
  return dealNumber(rows[0]?.n ?? 0);
}

/** A registration to store. */
export interface NewDeal {
  id: string;
  number: string;
  partnerId: string;
  status: 'draft' | 'submitted';
  type: Deal['type'];
  customer: Deal['customer'];
  identity: CustomerIdentity;
  contact: Deal['contact'];
  products: string[];
  amount: Deal['amount'];
  expectedCloseDate: string | null;
  stage: string | null;
  description: string | null;
  submittedBy: PersonRef;
  history: DealHistoryEntry[];
  now: Date;
}

/**
 * Stores a registration; null when it would be active while another active registration holds
 * its customer key (the unique index settles concurrent registrations; nothing is written).
 */
export async function insertDeal(tx: Transaction, deal: NewDeal): Promise<Deal | null> {
  const { rows } = await tx.query<DealRow>(
    `INSERT INTO deals (id, number, partner_id, status, type, customer, customer_key, name_key, name_head, name_tail, contact, products,
                        amount, expected_close_date, stage, description, submitted_by, submitted_at, history, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, $8, $9, $10, $11::jsonb, $12::jsonb, $13::jsonb, $14, $15, $16, $17::jsonb, $18, $19::jsonb, $20, $20)
     ON CONFLICT (customer_key) WHERE status IN ${ACTIVE_SQL} DO NOTHING
     RETURNING ${COLUMNS}`,
    [
      deal.id,
      deal.number,
      deal.partnerId,
      deal.status,
      deal.type,
      JSON.stringify(deal.customer),
      deal.identity.key,
      deal.identity.nameKey,
      deal.identity.nameHead,
      deal.identity.nameTail,
      JSON.stringify(deal.contact),
      JSON.stringify(deal.products),
      deal.amount === null ? null : JSON.stringify(deal.amount),
      deal.expectedCloseDate,
      deal.stage,
      deal.description,
      JSON.stringify(deal.submittedBy),
      deal.status === 'submitted' ? deal.now : null,
      JSON.stringify(deal.history),
      deal.now,
    ],
  );
  return rows[0] ? dealFromRow(rows[0]) : null;
}

/** What one move changes besides the status, the reason and the history entry. */
export type MoveEffect =
  | { kind: 'none' }
  /** Into `submitted`: the first submission's time stays. */
  | { kind: 'submission' }
  | { kind: 'approval'; approvedBy: PersonRef; expiresAt: Date }
  | { kind: 'extension'; expiresAt: Date };

/** One move of a deal's lifecycle, as stored. */
export interface DealMove {
  to: DealStatus;
  reason: string | null;
  reasonCode: Deal['reasonCode'];
  entry: DealHistoryEntry;
  effect: MoveEffect;
  now: Date;
}

/** Applies a move (already checked against the lifecycle) to deal `id`; the deal after it. */
export async function applyDealMove(tx: Transaction, id: string, move: DealMove): Promise<Deal> {
  const sql = new SqlBuilder();
  const sets = [
    `status = ${sql.param(move.to)}`,
    `updated_at = ${sql.param(move.now)}`,
    `reason = ${sql.param(move.reason)}`,
    `reason_code = ${sql.param(move.reasonCode)}`,
    `history = history || ${sql.param(JSON.stringify([move.entry]))}::jsonb`,
  ];
  const { effect } = move;
  if (effect.kind === 'submission') sets.push(`submitted_at = COALESCE(submitted_at, ${sql.param(move.now)})`);
  if (effect.kind === 'approval') {
    sets.push(`approved_at = ${sql.param(move.now)}`, `approved_by = ${sql.param(JSON.stringify(effect.approvedBy))}::jsonb`, `expires_at = ${sql.param(effect.expiresAt)}`);
  }
  if (effect.kind === 'extension') sets.push('extensions = extensions + 1', `expires_at = ${sql.param(effect.expiresAt)}`);
  const { rows } = await tx.query<DealRow>(`UPDATE deals SET ${sets.join(', ')} WHERE id = ${sql.param(id)} RETURNING ${COLUMNS}`, sql.params);
  return dealFromRow(rows[0] as DealRow);
}

/** An active registration holding a customer: whose, and whether its protection lasts. */
export interface DealHolder {
  partnerId: string;
  status: DealStatus;
  expiresAt: Date | null;
}

/**
 * The active registrations holding `customer` under core's `sameCustomer`: the same key (the
 * same registrable domain, or without one the same name) and, when either side has no domain,
 * the same company name key. Read through the key's unique index and the name key's index.
 */
export async function dealHolders(q: Queryable, customer: Pick<CustomerIdentity, 'key' | 'nameKey'>): Promise<DealHolder[]> {
  const { rows } = await q.query<{ partner_id: string; status: DealStatus; expires_at: Date | null }>(
    `SELECT partner_id, status, expires_at FROM deals
      WHERE status IN ${ACTIVE_SQL}
        AND (customer_key = $1 OR (name_key = $2 AND ($3 OR customer_key LIKE 'n:%')))
      LIMIT 50`,
    [customer.key, customer.nameKey, customer.key.startsWith('n:')],
  );
  return rows.map((r) => ({ partnerId: r.partner_id, status: r.status, expiresAt: r.expires_at }));
}

/**
 * Serialises the registrations and submissions of one company name key until the transaction
 * ends, so two of them cannot both find the name free: a unique index settles equal keys, but
 * the name rule spans keys, so no index can. Take it before reading the holders in a write.
 */
export async function lockCustomerName(tx: Transaction, nameKey: string): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [CUSTOMER_NAME_LOCK, nameKey]);
}

/** Which approved deals to look at for expiry: all of them, one deal, or the holders of one customer. */
export type ExpiryScope = { all: true } | { dealId: string } | { customer: Pick<CustomerIdentity, 'key' | 'nameKey'> };

function expiryFilter(scope: ExpiryScope, sql: SqlBuilder): string {
  if ('dealId' in scope) return `AND id = ${sql.param(scope.dealId)}`;
  if ('customer' in scope) return `AND (customer_key = ${sql.param(scope.customer.key)} OR name_key = ${sql.param(scope.customer.nameKey)})`;
  return '';
}

/**
 * Whether an approved deal in `scope` is past its protection at `now`: one probe of the
 * protection-end index, so reads run the expiry (a write transaction) only when something is due.
 */
export async function anyDealDue(q: Queryable, now: Date, scope: ExpiryScope): Promise<boolean> {
  const sql = new SqlBuilder();
  const at = sql.param(now);
  const { rows } = await q.query(dueProbe(at, expiryFilter(scope, sql)), sql.params);
  return rows.length > 0;
}

/**
 * The probe for approved deals due at `at` (a placeholder), with an extra `filter`. Ordered by
 * the end of protection, so the planner walks the protection-end index from its start and stops
 * at the first deal not yet due (without the order it scanned every deal).
 */
const dueProbe = (at: string, filter: string, select = '1') => `SELECT ${select} FROM deals WHERE status = 'approved' AND expires_at <= ${at} ${filter} ORDER BY expires_at LIMIT 1`;

/** A deal {@link expireDueDeals} moved to `expired`. */
export interface ExpiredDeal {
  id: string;
  number: string;
  partnerId: string;
  expiresAt: Date;
}

/**
 * Moves the approved deals in `scope` whose protection ended at or before `now` to `expired`,
 * with a `system` history entry dated when the protection ended. Rows another transaction holds
 * are skipped (that transaction decides them).
 */
export async function expireDueDeals(tx: Transaction, now: Date, scope: ExpiryScope): Promise<ExpiredDeal[]> {
  const sql = new SqlBuilder();
  const at = sql.param(now);
  const { rows } = await tx.query<{ id: string; number: string; partner_id: string; expires_at: Date }>(
    `WITH due AS (
       SELECT id FROM deals WHERE status = 'approved' AND expires_at <= ${at} ${expiryFilter(scope, sql)}
       ORDER BY expires_at FOR UPDATE SKIP LOCKED
     )
     UPDATE deals AS d
        SET status = 'expired',
            updated_at = ${at},
            history = d.history || jsonb_build_array(jsonb_build_object(
              'at', to_char(d.expires_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
              'from', 'approved', 'to', 'expired',
              'by', jsonb_build_object('role', 'system', 'id', NULL)))
       FROM due
      WHERE d.id = due.id AND d.status = 'approved'
  RETURNING d.id, d.number, d.partner_id, d.expires_at`,
    sql.params,
  );
  return rows.map((r) => ({ id: r.id, number: r.number, partnerId: r.partner_id, expiresAt: r.expires_at }));
}
