/**
 * Evaluations as rows and as the contract's `Evaluation`: every read and write of `evaluations`
 * and their scores (`evaluation_scores`). The weighted score and knock-outs are computed from the
 * criteria as they are (core's `scoreEvaluation`), never stored.
 * @module
 */
import type { Evaluation, EvaluationScore, EvaluationStatus, PersonRef, Recommendation } from '@partnerkit/core/schemas';
import type { Queryable } from '../db/database.js';

/** An evaluation as stored, before scoring. */
export type StoredEvaluation = Omit<Evaluation, 'weightedScore' | 'knockOuts'>;

type EvaluationRow = {
  id: string;
  application_id: string;
  reviewer: Evaluation['reviewer'];
  status: EvaluationStatus;
  recommendation: Recommendation | null;
  comment: string | null;
  submitted_at: Date | null;
  created_at: Date;
  updated_at: Date;
};

type ScoreRow = { evaluation_id: string; criterion_id: string; score: number; note: string | null };

const COLUMNS = 'id, application_id, reviewer, status, recommendation, comment, submitted_at, created_at, updated_at';

function fromRows(row: EvaluationRow, scores: readonly ScoreRow[]): StoredEvaluation {
  return {
    id: row.id,
    applicationId: row.application_id,
    reviewer: row.reviewer,
    status: row.status,
    scores: scores.map((s) => ({ criterionId: s.criterion_id, score: Number(s.score), note: s.note })),
    recommendation: row.recommendation,
    comment: row.comment,
    submittedAt: row.submitted_at === null ? null : new Date(row.submitted_at).toISOString(),
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

async function withScores(q: Queryable, rows: readonly EvaluationRow[]): Promise<StoredEvaluation[]> {
  if (rows.length === 0) return [];
  const { rows: scores } = await q.query<ScoreRow>(
    'SELECT evaluation_id, criterion_id, score, note FROM evaluation_scores WHERE evaluation_id = ANY($1::text[]) ORDER BY evaluation_id, position',
    [rows.map((r) => r.id)],
  );
  return rows.map((row) => fromRows(row, scores.filter((s) => s.evaluation_id === row.id)));
}

/** Every evaluation of an application, oldest first. */
export async function evaluationsOf(q: Queryable, applicationId: string): Promise<StoredEvaluation[]> {
  const { rows } = await q.query<EvaluationRow>(`SELECT ${COLUMNS} FROM evaluations WHERE application_id = $1 ORDER BY seq`, [applicationId]);
  return withScores(q, rows);
}

/** One reviewer's evaluation of an application, or null. `lock` holds its row for the rest of the transaction. */
export async function evaluationBy(q: Queryable, applicationId: string, reviewerId: string, { lock = false }: { lock?: boolean } = {}): Promise<StoredEvaluation | null> {
  const { rows } = await q.query<EvaluationRow>(`SELECT ${COLUMNS} FROM evaluations WHERE application_id = $1 AND reviewer_id = $2${lock ? ' FOR UPDATE' : ''}`, [applicationId, reviewerId]);
  return (await withScores(q, rows))[0] ?? null;
}

/** What one save of an evaluation writes. */
export interface EvaluationWrite {
  id: string;
  applicationId: string;
  reviewer: PersonRef & { id: string };
  status: EvaluationStatus;
  scores: readonly EvaluationScore[];
  recommendation: Recommendation | null;
  comment: string | null;
  now: Date;
}

/**
 * Creates or replaces a reviewer's evaluation with its scores; `created` says whether it is new.
 * The unique (application, reviewer) key keeps one per reviewer even when two saves race.
 */
export async function saveEvaluation(tx: Queryable, write: EvaluationWrite): Promise<{ evaluation: StoredEvaluation; created: boolean }> {
  const { rows } = await tx.query<EvaluationRow & { created: boolean }>(
    `INSERT INTO evaluations (id, application_id, reviewer_id, reviewer, status, recommendation, comment, submitted_at, created_at, updated_at)
     VALUES ($1, $2, $3, $4::jsonb, $5, $6, $7, $8, $9, $9)
     ON CONFLICT (application_id, reviewer_id) DO UPDATE SET reviewer = EXCLUDED.reviewer, status = EXCLUDED.status,
       recommendation = EXCLUDED.recommendation, comment = EXCLUDED.comment, submitted_at = EXCLUDED.submitted_at, updated_at = EXCLUDED.updated_at
     RETURNING ${COLUMNS}, (xmax = 0) AS created`,
    [
      write.id,
      write.applicationId,
      write.reviewer.id,
      JSON.stringify(write.reviewer),
      write.status,
      write.recommendation,
      write.comment,
      write.status === 'submitted' ? write.now : null,
      write.now,
    ],
  );
  const row = rows[0] as EvaluationRow & { created: boolean };
  await tx.query('DELETE FROM evaluation_scores WHERE evaluation_id = $1', [row.id]);
  if (write.scores.length > 0) {
    await tx.query(
      `INSERT INTO evaluation_scores (evaluation_id, criterion_id, score, note, position)
       SELECT $1, s.criterion_id, s.score, s.note, s.position FROM jsonb_to_recordset($2::jsonb) AS s(criterion_id text, score smallint, note text, position integer)`,
      [row.id, JSON.stringify(write.scores.map((s, position) => ({ criterion_id: s.criterionId, score: s.score, note: s.note, position })))],
    );
  }
  const [evaluation] = await withScores(tx, [row]);
  return { evaluation: evaluation as StoredEvaluation, created: row.created };
}
