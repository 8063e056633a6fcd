/**
 * The event log: appended in the same transaction as the change it records.
 * @module
 */
import type { EventEnvelope, KnownEventType } from '@partnerkit/core/schemas';
import { type Queryable, type Row, toIso } from '../db/database.js';

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

export function mapEvent(row: Row): EventEnvelope {
  return {
    id: eventId(Number(row.seq)),
    type: row.type as string,
    occurredAt: toIso(row.occurred_at),
    partnerId: (row.partner_id as string | null) ?? null,
    data: row.data as Record<string, unknown>,
  };
}

/** Appends events inside the caller's transaction. */
export async function appendEvents(tx: Queryable, events: readonly NewEvent[], occurredAt: Date): Promise<void> {
  if (events.length === 0) return;
  await tx.query(
    `INSERT INTO events (type, occurred_at, partner_id, data)
     SELECT e.type, $2, e.partner_id, e.data FROM jsonb_to_recordset($1::jsonb) AS e(type text, partner_id text, data jsonb)`,
    [JSON.stringify(events.map((e) => ({ type: e.type, partner_id: e.partnerId, data: e.data }))), occurredAt],
  );
}
