/**
 * The event log: appended in the same transaction as the change it records, read in commit-safe
 * order. Every read and write of `events`.
 * @module
 */
import type { EventEnvelope, KnownEventType } from '@partnerkit/core/schemas';
import { type Queryable, type Transaction, WRITER_LOCK } from '../db/database.js';
import { SqlBuilder } from '../db/sql.js';
import { type PageSlice, type PageWindow, type Position, type PositionShape, slicePage } from './page.js';

/** One event to append. */
export interface NewEvent {
  type: KnownEventType;
  partnerId: string | null;
  data: Record<string, unknown>;
}

/** Event ids are `ev_<position>`; the position is the log's own sequence. */
export const eventId = (seq: number): string => `ev_${seq}`;

/** The log position an event id names, or null when it is not an event id. */
export function eventSeq(id: string): number | null {
  const match = /^ev_([1-9][0-9]{0,15})$/.exec(id);
  return match ? Number(match[1]) : null;
}

/** A row of `events` as read (`tx_id` as text: an xid8 does not fit a JS number). */
export interface EventRow {
  seq: number;
  tx: string;
  type: string;
  occurred_at: Date;
  partner_id: string | null;
  data: Record<string, unknown>;
}

/** The one mapping of an event row to the contract's envelope. */
export function eventFromRow(row: EventRow): EventEnvelope {
  return { id: eventId(row.seq), type: row.type, occurredAt: row.occurred_at.toISOString(), partnerId: row.partner_id, data: row.data };
}

/** Events are read in `(tx_id, seq)` order: the position is `[tx_id as text, seq]`. */
export const EVENT_POSITION: PositionShape = ['string', 'number'];

/** The position of the event at log position `seq`, or null when there is none. */
export async function eventPosition(q: Queryable, seq: number): Promise<Position | null> {
  const { rows } = await q.query<{ tx: string }>('SELECT tx_id::text AS tx FROM events WHERE seq = $1', [seq]);
  return rows[0] ? [rows[0].tx, seq] : null;
}

/** The filters of the event list. */
export interface EventFilter {
  type?: string | undefined;
  partnerId?: string | undefined;
}

/**
 * A page of events, oldest first, after `window.after`, up to the horizon (see
 * {@link eventHorizon}): a reader's position never passes an event a running transaction may
 * still commit.
 */
export async function listEvents(q: Queryable, filter: EventFilter, window: PageWindow): Promise<PageSlice<EventEnvelope>> {
  const sql = new SqlBuilder();
  sql.where(`tx_id < ${sql.param(await eventHorizon(q))}::xid8`);
  if (filter.type) sql.where(`type = ${sql.param(filter.type)}`);
  if (filter.partnerId) sql.where(`partner_id = ${sql.param(filter.partnerId)}`);
  if (window.after) sql.where(`(tx_id, seq) > (${sql.param(window.after[0])}::xid8, ${sql.param(window.after[1])})`);
  const { rows } = await q.query<EventRow>(
    `SELECT seq, tx_id::text AS tx, type, occurred_at, partner_id, data FROM events ${sql.whereClause()} ORDER BY tx_id, seq LIMIT ${window.limit + 1}`,
    sql.params,
  );
  return slicePage(rows, window, (r) => [r.tx, r.seq], eventFromRow);
}

/**
 * The position before which the log is final, as an xid8: the oldest running transaction that
 * may still add events, else the next transaction id. Every write transaction takes the shared
 * writer lock before it gets an id, so the lock's holders are exactly the transactions that can
 * still commit events; transactions that start later get larger ids than any event read now.
 * Transactions of other applications on the same server never hold the log back.
 *
 * Run it as its own statement BEFORE reading events: the read's later snapshot then sees every
 * transaction that finished in between.
 */
export async function eventHorizon(q: Queryable): Promise<string> {
  const { rows } = await q.query<{ horizon: string }>(
    `WITH snap AS (SELECT pg_current_snapshot() AS s),
     holders AS (
       SELECT t.transactionid::text::bigint AS xid32
         FROM pg_locks a
         JOIN pg_locks t ON t.virtualtransaction = a.virtualtransaction AND t.locktype = 'transactionid'
        WHERE a.locktype = 'advisory' AND a.classid = $1 AND a.objid = $2 AND a.objsubid = 2
          AND a.database = (SELECT oid FROM pg_database WHERE datname = current_database())
     )
     SELECT LEAST(
       pg_snapshot_xmax((SELECT s FROM snap)),
       (SELECT min(x) FROM pg_snapshot_xip((SELECT s FROM snap)) AS x
         WHERE (x::text::numeric % 4294967296) IN (SELECT xid32 FROM holders))
     )::text AS horizon`,
    [WRITER_LOCK.classid, WRITER_LOCK.objid],
  );
  return rows[0]?.horizon as string;
}

/** Appends events inside the caller's transaction (which holds the writer lock). */
export async function appendEvents(tx: Transaction, events: readonly NewEvent[], occurredAt: Date): Promise<void> {
  if (events.length === 0) return;
  await tx.query(
    `INSERT INTO events (type, occurred_at, partner_id, data)
     SELECT e.type, $2, e.partner_id, e.data FROM jsonb_to_recordset($1::jsonb) AS e(type text, partner_id text, data jsonb)`,
    [JSON.stringify(events.map((e) => ({ type: e.type, partner_id: e.partnerId, data: e.data }))), occurredAt],
  );
}
