/**
 * The course catalogue. A course is read and written whole: its modules and its assessment (as the
 * admin wrote it, correct choices included) are JSON columns; `domain/enablement.ts` strips the
 * key from every answer. Every read and write of `courses`.
 * @module
 */
import type { AssessmentInput, Course, CourseFormat, CourseListQuery, CourseModule, CourseStatus, PartnerType } from '@partnerkit/core/schemas';
import type { Queryable, Transaction } from '../db/database.js';
import { containsPattern, SqlBuilder } from '../db/sql.js';
import { type PageSlice, type PageWindow, type PositionShape, slicePage } from './page.js';

/** A course as stored: the contract's, with the assessment's key. */
export type StoredCourse = Omit<Course, 'assessment'> & { assessment: AssessmentInput | null };

/** The fields a course is written with (defaults applied). */
export type CourseFields = Omit<StoredCourse, 'id' | 'createdAt' | 'updatedAt'>;

interface CourseRow {
  seq: number;
  id: string;
  title: string;
  description: string | null;
  format: CourseFormat;
  duration_minutes: number;
  language: string;
  partner_types: PartnerType[];
  tier_ids: string[];
  certification_id: string | null;
  url: string | null;
  status: CourseStatus;
  translations: NonNullable<Course['translations']>;
  modules: CourseModule[];
  assessment: AssessmentInput | null;
  created_at: Date;
  updated_at: Date;
}

const COLUMNS = 'seq, id, title, description, format, duration_minutes, language, partner_types, tier_ids, certification_id, url, status, translations, modules, assessment, created_at, updated_at';

function courseFromRow(row: CourseRow): StoredCourse {
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    format: row.format,
    durationMinutes: row.duration_minutes,
    language: row.language,
    partnerTypes: row.partner_types,
    tierIds: row.tier_ids,
    certificationId: row.certification_id,
    url: row.url,
    status: row.status,
    translations: row.translations,
    modules: row.modules,
    assessment: row.assessment,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

/** Courses list newest first. */
export const COURSE_POSITION: PositionShape = ['number'];

/** The catalogue's filters; `audience` confines it to what a partner may take (published, its type and tier). */
export type CourseFilter = Omit<CourseListQuery, 'limit' | 'cursor'> & { audience?: { type: PartnerType; tierId: string | null } };

export async function listCourses(q: Queryable, filter: CourseFilter, window: PageWindow): Promise<PageSlice<StoredCourse>> {
  const sql = new SqlBuilder();
  if (filter.status) sql.where(`status = ${sql.param(filter.status)}`);
  if (filter.format) sql.where(`format = ${sql.param(filter.format)}`);
  if (filter.language) sql.where(`language = ${sql.param(filter.language)}`);
  if (filter.certificationId) sql.where(`certification_id = ${sql.param(filter.certificationId)}`);
  if (filter.q) {
    const pattern = sql.param(containsPattern(filter.q));
    sql.where(
      `(title ILIKE ${pattern} OR description ILIKE ${pattern}
        OR EXISTS (SELECT 1 FROM jsonb_each(translations) AS t WHERE t.value->>'title' ILIKE ${pattern} OR t.value->>'description' ILIKE ${pattern}))`,
    );
  }
  if (filter.audience) {
    sql.where(`status = 'published'`);
    sql.where(`(partner_types = '[]'::jsonb OR partner_types ? ${sql.param(filter.audience.type)})`);
    sql.where(`(tier_ids = '[]'::jsonb OR tier_ids ? ${sql.param(filter.audience.tierId ?? '')})`);
  }
  if (window.after) sql.where(`seq < ${sql.param(window.after[0])}`);
  const { rows } = await q.query<CourseRow>(`SELECT ${COLUMNS} FROM courses ${sql.whereClause()} ORDER BY seq DESC LIMIT ${window.limit + 1}`, sql.params);
  return slicePage(rows, window, (r) => [r.seq], courseFromRow);
}

/** One course, or null. `lock` holds its row for the rest of the transaction. */
export async function getCourse(q: Queryable, id: string, { lock = false }: { lock?: boolean } = {}): Promise<StoredCourse | null> {
  const { rows } = await q.query<CourseRow>(`SELECT ${COLUMNS} FROM courses WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [id]);
  return rows[0] ? courseFromRow(rows[0]) : null;
}

const values = (f: CourseFields) => [
  f.title,
  f.description,
  f.format,
  f.durationMinutes,
  f.language,
  JSON.stringify(f.partnerTypes),
  JSON.stringify(f.tierIds),
  f.certificationId,
  f.url,
  f.status,
  JSON.stringify(f.translations ?? {}),
  JSON.stringify(f.modules),
  f.assessment === null ? null : JSON.stringify(f.assessment),
];

export async function insertCourse(tx: Transaction, id: string, fields: CourseFields, now: Date): Promise<StoredCourse> {
  const { rows } = await tx.query<CourseRow>(
    `INSERT INTO courses (title, description, format, duration_minutes, language, partner_types, tier_ids, certification_id, url, status,
                          translations, modules, assessment, id, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7::jsonb, $8, $9, $10, $11::jsonb, $12::jsonb, $13::jsonb, $14, $15, $15) RETURNING ${COLUMNS}`,
    [...values(fields), id, now],
  );
  return courseFromRow(rows[0] as CourseRow);
}

/** Writes every field of course `id` (a patch merged by the caller). */
export async function replaceCourse(tx: Transaction, id: string, fields: CourseFields, now: Date): Promise<StoredCourse> {
  const { rows } = await tx.query<CourseRow>(
    `UPDATE courses SET title = $1, description = $2, format = $3, duration_minutes = $4, language = $5, partner_types = $6::jsonb,
                        tier_ids = $7::jsonb, certification_id = $8, url = $9, status = $10, translations = $11::jsonb, modules = $12::jsonb,
                        assessment = $13::jsonb, updated_at = $15
     WHERE id = $14 RETURNING ${COLUMNS}`,
    [...values(fields), id, now],
  );
  return courseFromRow(rows[0] as CourseRow);
}
