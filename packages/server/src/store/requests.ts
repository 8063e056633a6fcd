/**
 * Partners' requests and their threads, as rows and as contract objects. Every read and write of
 * `requests` and `request_messages`.
 * @module
 */
import { nextDueAt, requestNumber, type StoredRequest } from '@partnerkit/core/rules';
import type { CommunicationActor, RequestAttachment, RequestCategory, RequestHistoryEntry, RequestMessage, RequestReference, RequestStatus } from '@partnerkit/core/schemas';
import type { Queryable, Row } from '../db/database.js';
import { SqlBuilder } from '../db/sql.js';
import { type PageSlice, type PageWindow, type PositionShape, slicePage } from './page.js';

const toIso = (value: unknown): string => (value as Date).toISOString();
const toIsoOrNull = (value: unknown): string | null => (value === null || value === undefined ? null : toIso(value));

/** `due_sort` of a request with nothing due: after every real due time. */
export const NOTHING_DUE = '9999-12-31T23:59:59.999Z';

/** A request without its thread, as rows hold it. */
export type RequestHeader = Omit<StoredRequest, 'messages' | 'history'> & { history: RequestHistoryEntry[] };

export function mapRequestRow(row: Row): RequestHeader {
  return {
    id: row.id as string,
    number: row.number as string,
    partnerId: row.partner_id as string,
    category: row.category as RequestCategory,
    subject: row.subject as string,
    status: row.status as RequestStatus,
    reference: (row.reference as RequestReference | null) ?? null,
    openedBy: row.opened_by as CommunicationActor,
    history: row.history as RequestHistoryEntry[],
    firstResponseAt: toIsoOrNull(row.first_response_at),
    resolvedAt: toIsoOrNull(row.resolved_at),
    closedAt: toIsoOrNull(row.closed_at),
    firstResponseDueAt: toIso(row.first_response_due_at),
    resolutionDueAt: toIso(row.resolution_due_at),
    messageCount: Number(row.message_count),
    lastMessageAt: toIso(row.last_message_at),
    lastMessageBy: row.last_message_by as CommunicationActor,
    createdAt: toIso(row.created_at),
    updatedAt: toIso(row.updated_at),
  };
}

export function mapMessageRow(row: Row): RequestMessage & { requestId: string } {
  return {
    id: row.id as string,
    requestId: row.request_id as string,
    author: row.author as CommunicationActor,
    body: row.body as string,
    attachments: row.attachments as RequestAttachment[],
    createdAt: toIso(row.created_at),
  };
}

/** Who may see which requests: one partner's, a manager's partners', or all. */
export type RequestScope = { partnerId: string } | { managerId: string } | null;

/** The condition of a scope on `requests` aliased `q`. */
function scoped(sql: SqlBuilder, scope: RequestScope): void {
  if (scope === null) return;
  if ('partnerId' in scope) sql.where(`q.partner_id = ${sql.param(scope.partnerId)}`);
  else sql.where(`q.partner_id IN (SELECT id FROM partners WHERE manager->>'id' = ${sql.param(scope.managerId)})`);
}

/** One request's row when `scope` reaches it; null otherwise. `lock` holds it for the transaction. */
export async function loadRequest(q: Queryable, id: string, scope: RequestScope, { lock = false } = {}): Promise<RequestHeader | null> {
  const sql = new SqlBuilder();
  sql.where(`q.id = ${sql.param(id)}`);
  scoped(sql, scope);
  const { rows } = await q.query(`SELECT q.* FROM requests q ${sql.whereClause()}${lock ? ' FOR UPDATE OF q' : ''}`, sql.params);
  return rows[0] ? mapRequestRow(rows[0]) : null;
}

/** The thread of a request, oldest first. */
export async function loadMessages(q: Queryable, requestId: string): Promise<RequestMessage[]> {
  const { rows } = await q.query('SELECT * FROM request_messages WHERE request_id = $1 ORDER BY seq', [requestId]);
  return rows.map((r) => {
    const { requestId: _r, ...message } = mapMessageRow(r);
    return message;
  });
}

/** One message of a request, or null. */
export async function loadMessage(q: Queryable, requestId: string, messageId: string): Promise<RequestMessage | null> {
  const { rows } = await q.query('SELECT * FROM request_messages WHERE request_id = $1 AND id = $2', [requestId, messageId]);
  if (!rows[0]) return null;
  const { requestId: _r, ...message } = mapMessageRow(rows[0]);
  return message;
}

/** The next request number. */
export async function nextRequestNumber(q: Queryable): Promise<string> {
  const { rows } = await q.query<{ n: number }>(`SELECT nextval('request_numbers')::int AS n`);
  return requestNumber(Number(rows[0]?.n));
}

const dueSort = (r: RequestHeader) => nextDueAt(r) ?? NOTHING_DUE;

/** Inserts a request's row. */
export async function insertRequest(q: Queryable, r: RequestHeader): Promise<void> {
  await q.query(
    `INSERT INTO requests (id, number, partner_id, category, subject, status, reference, opened_by, history, first_response_at, resolved_at, closed_at,
                           first_response_due_at, resolution_due_at, due_sort, message_count, last_message_at, last_message_by, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8::jsonb, $9::jsonb, $10, $11, $12, $13, $14, $15, $16, $17, $18::jsonb, $19, $20)`,
    [
      r.id, r.number, r.partnerId, r.category, r.subject, r.status, JSON.stringify(r.reference), JSON.stringify(r.openedBy), JSON.stringify(r.history),
      r.firstResponseAt, r.resolvedAt, r.closedAt, r.firstResponseDueAt, r.resolutionDueAt, dueSort(r), r.messageCount, r.lastMessageAt, JSON.stringify(r.lastMessageBy), r.createdAt, r.updatedAt,
    ],
  );
}

/** Writes a request's changeable fields. */
export async function saveRequest(q: Queryable, r: RequestHeader): Promise<void> {
  await q.query(
    `UPDATE requests SET status = $2, history = $3::jsonb, first_response_at = $4, resolved_at = $5, closed_at = $6, first_response_due_at = $7, resolution_due_at = $8,
            due_sort = $9, message_count = $10, last_message_at = $11, last_message_by = $12::jsonb, updated_at = $13
      WHERE id = $1`,
    [r.id, r.status, JSON.stringify(r.history), r.firstResponseAt, r.resolvedAt, r.closedAt, r.firstResponseDueAt, r.resolutionDueAt, dueSort(r), r.messageCount, r.lastMessageAt, JSON.stringify(r.lastMessageBy), r.updatedAt],
  );
}

/** Inserts a message. */
export async function insertMessage(q: Queryable, requestId: string, m: RequestMessage): Promise<void> {
  await q.query(`INSERT INTO request_messages (id, request_id, author, body, attachments, created_at) VALUES ($1, $2, $3::jsonb, $4, $5::jsonb, $6)`, [
    m.id, requestId, JSON.stringify(m.author), m.body, JSON.stringify(m.attachments), m.createdAt,
  ]);
}

/** Filters of the request list. */
export interface RequestFilter {
  statuses?: RequestStatus[] | undefined;
  category?: RequestCategory | undefined;
  partnerId?: string | undefined;
}

/** Requests listed by latest activity: `[updatedAt, id]` descending; by due time: `[dueSort, id]` ascending. */
export const REQUEST_POSITION: PositionShape = ['string', 'string'];

/** A page of requests in `scope`, latest activity first or earliest due first. */
export async function listRequests(q: Queryable, scope: RequestScope, filter: RequestFilter, sort: 'updated' | 'due', window: PageWindow): Promise<PageSlice<RequestHeader>> {
  const sql = new SqlBuilder();
  scoped(sql, scope);
  if (filter.statuses && filter.statuses.length > 0) sql.where(`q.status IN (SELECT jsonb_array_elements_text(${sql.param(JSON.stringify(filter.statuses))}::jsonb))`);
  if (filter.category) sql.where(`q.category = ${sql.param(filter.category)}`);
  if (filter.partnerId) sql.where(`q.partner_id = ${sql.param(filter.partnerId)}`);
  const due = sort === 'due';
  if (window.after) {
    const [at, id] = window.after;
    sql.where(`(${due ? 'q.due_sort' : 'q.updated_at'}, q.id) ${due ? '>' : '<'} (${sql.param(at)}::timestamptz, ${sql.param(id)}::text)`);
  }
  const order = due ? 'q.due_sort, q.id' : 'q.updated_at DESC, q.id DESC';
  const { rows } = await q.query(`SELECT q.* FROM requests q ${sql.whereClause()} ORDER BY ${order} LIMIT ${window.limit + 1}`, sql.params);
  return slicePage(rows, window, (r) => [toIso(due ? r.due_sort : r.updated_at), r.id as string], mapRequestRow);
}

/** Resolved requests whose reopening window ended before `before`, locked for closing. */
export async function resolvedBefore(q: Queryable, before: Date, limit: number): Promise<RequestHeader[]> {
  const { rows } = await q.query(`SELECT q.* FROM requests q WHERE q.status = 'resolved' AND q.resolved_at <= $1 ORDER BY q.resolved_at LIMIT $2 FOR UPDATE SKIP LOCKED`, [before, limit]);
  return rows.map(mapRequestRow);
}

/** Which resources of `ids` exist, with their titles. */
export async function resourceTitles(q: Queryable, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const { rows } = await q.query<{ id: string; title: string }>('SELECT id, title FROM resources WHERE id IN (SELECT jsonb_array_elements_text($1::jsonb))', [JSON.stringify([...new Set(ids)])]);
  return new Map(rows.map((r) => [r.id, r.title]));
}
