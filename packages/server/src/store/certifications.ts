/**
 * Certifications: what courses lead to and tiers require. Every read and write of `certifications`.
 * @module
 */
import type { Certification, CertificationInput, CertificationPatch } from '@partnerkit/core/schemas';
import type { Queryable, Transaction } from '../db/database.js';
import { containsPattern, SqlBuilder } from '../db/sql.js';
import { type PageSlice, type PageWindow, type PositionShape, slicePage } from './page.js';

interface CertificationRow {
  seq: number;
  id: string;
  name: string;
  description: string | null;
  validity_months: number | null;
  translations: NonNullable<Certification['translations']>;
  created_at: Date;
  updated_at: Date;
}

const COLUMNS = 'seq, id, name, description, validity_months, translations, created_at, updated_at';

function certificationFromRow(row: CertificationRow): Certification {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    validityMonths: row.validity_months,
    translations: row.translations,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

/** Every certification's name and translations: what a tier standing names its requirements with. */
export async function certificationNames(q: Queryable): Promise<Pick<Certification, 'id' | 'name' | 'translations'>[]> {
  const { rows } = await q.query<{ id: string; name: string; translations: Certification['translations'] }>('SELECT id, name, translations FROM certifications ORDER BY id');
  return rows.map((r) => ({ id: r.id, name: r.name, ...(r.translations ? { translations: r.translations } : {}) }));
}

/** Certifications list by name. */
export const CERTIFICATION_POSITION: PositionShape = ['string', 'number'];

export async function listCertifications(q: Queryable, filter: { q?: string | undefined }, window: PageWindow): Promise<PageSlice<Certification>> {
  const sql = new SqlBuilder();
  if (filter.q) {
    const pattern = sql.param(containsPattern(filter.q));
    sql.where(`(name ILIKE ${pattern} OR EXISTS (SELECT 1 FROM jsonb_each(translations) AS t WHERE t.value->>'name' ILIKE ${pattern}))`);
  }
  if (window.after) sql.where(`(name, seq) > (${sql.param(window.after[0])}, ${sql.param(window.after[1])})`);
  const { rows } = await q.query<CertificationRow>(`SELECT ${COLUMNS} FROM certifications ${sql.whereClause()} ORDER BY name, seq LIMIT ${window.limit + 1}`, sql.params);
  return slicePage(rows, window, (r) => [r.name, r.seq], certificationFromRow);
}

export async function getCertification(q: Queryable, id: string): Promise<Certification | null> {
  const { rows } = await q.query<CertificationRow>(`SELECT ${COLUMNS} FROM certifications WHERE id = $1`, [id]);
  return rows[0] ? certificationFromRow(rows[0]) : null;
}

export async function insertCertification(tx: Transaction, id: string, input: CertificationInput, now: Date): Promise<Certification> {
  const { rows } = await tx.query<CertificationRow>(
    `INSERT INTO certifications (id, name, description, validity_months, translations, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5::jsonb, $6, $6) RETURNING ${COLUMNS}`,
    [id, input.name, input.description ?? null, input.validityMonths, JSON.stringify(input.translations ?? {}), now],
  );
  return certificationFromRow(rows[0] as CertificationRow);
}

const PATCH_COLUMNS: Record<keyof CertificationPatch, { column: string; json?: true }> = {
  name: { column: 'name' },
  description: { column: 'description' },
  validityMonths: { column: 'validity_months' },
  translations: { column: 'translations', json: true },
};

export async function updateCertification(tx: Transaction, id: string, patch: CertificationPatch, now: Date): Promise<Certification | null> {
  const sql = new SqlBuilder();
  const sets: string[] = [];
  for (const [field, value] of Object.entries(patch) as [keyof CertificationPatch, unknown][]) {
    if (value === undefined) continue;
    const { column, json } = PATCH_COLUMNS[field];
    sets.push(json ? `${column} = ${sql.param(JSON.stringify(value))}::jsonb` : `${column} = ${sql.param(value)}`);
  }
  sets.push(`updated_at = ${sql.param(now)}`);
  const { rows } = await tx.query<CertificationRow>(`UPDATE certifications SET ${sets.join(', ')} WHERE id = ${sql.param(id)} RETURNING ${COLUMNS}`, sql.params);
  return rows[0] ? certificationFromRow(rows[0]) : null;
}
