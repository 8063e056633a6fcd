/**
 * Enrolments and their scored attempts. Every read and write of `enrolments` and
 * `assessment_attempts`.
 * @module
 */
import type { AttemptAnswer, EnrolmentListQuery, EnrolmentStatus } from '@partnerkit/core/schemas';
import type { Queryable, Transaction } from '../db/database.js';
import { SqlBuilder } from '../db/sql.js';
import { type PageSlice, type PageWindow, type PositionShape, slicePage } from './page.js';

/** An enrolment as stored (`attemptsLeft` is computed from the course when answered). */
export interface StoredEnrolment {
  id: string;
  courseId: string;
  personId: string;
  partnerId: string;
  status: EnrolmentStatus;
  completedModuleIds: string[];
  attempts: number;
  /** Attempts used before the last reopening. */
  attemptsBase: number;
  passedAt: string | null;
  bestScore: number | null;
  certificateId: string | null;
  enrolledAt: string;
  completedAt: string | null;
  updatedAt: string;
}

interface EnrolmentRow {
  seq: number;
  id: string;
  course_id: string;
  person_id: string;
  partner_id: string;
  status: EnrolmentStatus;
  completed_module_ids: string[];
  attempts: number;
  attempts_base: number;
  passed_at: Date | null;
  best_score: number | null;
  certificate_id: string | null;
  enrolled_at: Date;
  completed_at: Date | null;
  updated_at: Date;
}

const COLUMNS = 'seq, id, course_id, person_id, partner_id, status, completed_module_ids, attempts, attempts_base, passed_at, best_score, certificate_id, enrolled_at, completed_at, updated_at';

function enrolmentFromRow(row: EnrolmentRow): StoredEnrolment {
  return {
    id: row.id,
    courseId: row.course_id,
    personId: row.person_id,
    partnerId: row.partner_id,
    status: row.status,
    completedModuleIds: row.completed_module_ids,
    attempts: row.attempts,
    attemptsBase: row.attempts_base,
    passedAt: row.passed_at?.toISOString() ?? null,
    bestScore: row.best_score,
    certificateId: row.certificate_id,
    enrolledAt: row.enrolled_at.toISOString(),
    completedAt: row.completed_at?.toISOString() ?? null,
    updatedAt: row.updated_at.toISOString(),
  };
}

/** Enrolments list newest first. */
export const ENROLMENT_POSITION: PositionShape = ['number'];

export type EnrolmentFilter = Omit<EnrolmentListQuery, 'limit' | 'cursor'>;

export async function listEnrolments(q: Queryable, filter: EnrolmentFilter, window: PageWindow): Promise<PageSlice<StoredEnrolment>> {
  const sql = new SqlBuilder();
  if (filter.partnerId) sql.where(`partner_id = ${sql.param(filter.partnerId)}`);
  if (filter.personId) sql.where(`person_id = ${sql.param(filter.personId)}`);
  if (filter.courseId) sql.where(`course_id = ${sql.param(filter.courseId)}`);
  if (filter.status) sql.where(`status = ${sql.param(filter.status)}`);
  if (window.after) sql.where(`seq < ${sql.param(window.after[0])}`);
  const { rows } = await q.query<EnrolmentRow>(`SELECT ${COLUMNS} FROM enrolments ${sql.whereClause()} ORDER BY seq DESC LIMIT ${window.limit + 1}`, sql.params);
  return slicePage(rows, window, (r) => [r.seq], enrolmentFromRow);
}

/** One enrolment, or null; `partnerId` confines it to a partner's; `lock` holds the row. */
export async function getEnrolment(q: Queryable, id: string, { partnerId = null, lock = false }: { partnerId?: string | null; lock?: boolean } = {}): Promise<StoredEnrolment | null> {
  const { rows } = await q.query<EnrolmentRow>(`SELECT ${COLUMNS} FROM enrolments WHERE id = $1 AND ($2::text IS NULL OR partner_id = $2)${lock ? ' FOR UPDATE' : ''}`, [id, partnerId]);
  return rows[0] ? enrolmentFromRow(rows[0]) : null;
}

/** The person's latest enrolment in the course, whatever its status (locked), or null. */
export async function latestEnrolment(tx: Transaction, personId: string, courseId: string): Promise<StoredEnrolment | null> {
  const { rows } = await tx.query<EnrolmentRow>(`SELECT ${COLUMNS} FROM enrolments WHERE person_id = $1 AND course_id = $2 ORDER BY seq DESC LIMIT 1 FOR UPDATE`, [personId, courseId]);
  return rows[0] ? enrolmentFromRow(rows[0]) : null;
}

export async function insertEnrolment(tx: Transaction, e: { id: string; courseId: string; personId: string; partnerId: string }, now: Date): Promise<StoredEnrolment> {
  const { rows } = await tx.query<EnrolmentRow>(
    `INSERT INTO enrolments (id, course_id, person_id, partner_id, status, enrolled_at, updated_at) VALUES ($1, $2, $3, $4, 'enrolled', $5, $5) RETURNING ${COLUMNS}`,
    [e.id, e.courseId, e.personId, e.partnerId, now],
  );
  return enrolmentFromRow(rows[0] as EnrolmentRow);
}

/** Writes an enrolment's changing fields. */
export async function saveEnrolment(tx: Transaction, e: StoredEnrolment, now: Date): Promise<StoredEnrolment> {
  const { rows } = await tx.query<EnrolmentRow>(
    `UPDATE enrolments SET status = $2, completed_module_ids = $3::jsonb, attempts = $4, attempts_base = $5, best_score = $6, certificate_id = $7,
                           completed_at = $8, updated_at = $9, passed_at = $10
     WHERE id = $1 RETURNING ${COLUMNS}`,
    [e.id, e.status, JSON.stringify(e.completedModuleIds), e.attempts, e.attemptsBase, e.bestScore, e.certificateId, e.completedAt, now, e.passedAt],
  );
  return enrolmentFromRow(rows[0] as EnrolmentRow);
}

/** Records a scored attempt. */
export async function insertAttempt(
  tx: Transaction,
  a: { id: string; enrolmentId: string; number: number; answers: readonly AttemptAnswer[]; correct: number; total: number; score: number; passed: boolean },
  now: Date,
): Promise<void> {
  await tx.query(
    `INSERT INTO assessment_attempts (id, enrolment_id, number, answers, correct, total, score, passed, submitted_at) VALUES ($1, $2, $3, $4::jsonb, $5, $6, $7, $8, $9)`,
    [a.id, a.enrolmentId, a.number, JSON.stringify(a.answers), a.correct, a.total, a.score, a.passed, now],
  );
}
