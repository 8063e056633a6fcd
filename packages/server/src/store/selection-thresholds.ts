/**
 * The programme's recommendation thresholds: the one row of `selection_thresholds`, or core's
 * defaults before an admin sets them.
 * @module
 */
import { DEFAULT_SELECTION_THRESHOLDS } from '@partnerkit/core/rules';
import type { SelectionThresholds, SelectionThresholdsInput } from '@partnerkit/core/schemas';
import type { Queryable } from '../db/database.js';

type ThresholdsRow = { approve_at: number; decline_below: number; updated_at: Date };

const fromRow = (row: ThresholdsRow): SelectionThresholds => ({
  approveAt: Number(row.approve_at),
  declineBelow: Number(row.decline_below),
  updatedAt: new Date(row.updated_at).toISOString(),
});

/** The thresholds in force. */
export async function getThresholds(q: Queryable): Promise<SelectionThresholds> {
  const { rows } = await q.query<ThresholdsRow>('SELECT approve_at, decline_below, updated_at FROM selection_thresholds');
  return rows[0] ? fromRow(rows[0]) : { ...DEFAULT_SELECTION_THRESHOLDS, updatedAt: null };
}

/** Replaces the thresholds. */
export async function putThresholds(tx: Queryable, input: SelectionThresholdsInput, now: Date): Promise<SelectionThresholds> {
  const { rows } = await tx.query<ThresholdsRow>(
    `INSERT INTO selection_thresholds (id, approve_at, decline_below, updated_at) VALUES (true, $1, $2, $3)
     ON CONFLICT (id) DO UPDATE SET approve_at = EXCLUDED.approve_at, decline_below = EXCLUDED.decline_below, updated_at = EXCLUDED.updated_at
     RETURNING approve_at, decline_below, updated_at`,
    [input.approveAt, input.declineBelow, now],
  );
  return fromRow(rows[0] as ThresholdsRow);
}
