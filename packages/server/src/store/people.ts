/**
 * Partners' people: who enrols and holds certificates. Every read and write of `people`.
 * @module
 */
import type { Person, PersonInput, PersonPatch } from '@partnerkit/core/schemas';
import type { Queryable, Transaction } from '../db/database.js';
import { containsPattern, SqlBuilder } from '../db/sql.js';
import { type PageSlice, type PageWindow, type PositionShape, slicePage } from './page.js';

interface PersonRow {
  seq: number;
  id: string;
  partner_id: string;
  name: string;
  email: string | null;
  external_id: string | null;
  created_at: Date;
  updated_at: Date;
}

const COLUMNS = 'seq, id, partner_id, name, email, external_id, created_at, updated_at';

function personFromRow(row: PersonRow): Person {
  return {
    id: row.id,
    partnerId: row.partner_id,
    name: row.name,
    email: row.email,
    externalId: row.external_id,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

/** A partner's people list by name. */
export const PERSON_POSITION: PositionShape = ['string', 'number'];

export async function listPeople(q: Queryable, partnerId: string, filter: { q?: string | undefined }, window: PageWindow): Promise<PageSlice<Person>> {
  const sql = new SqlBuilder();
  sql.where(`partner_id = ${sql.param(partnerId)}`);
  if (filter.q) {
    const pattern = sql.param(containsPattern(filter.q));
    sql.where(`(name ILIKE ${pattern} OR email ILIKE ${pattern})`);
  }
  if (window.after) sql.where(`(name, seq) > (${sql.param(window.after[0])}, ${sql.param(window.after[1])})`);
  const { rows } = await q.query<PersonRow>(`SELECT ${COLUMNS} FROM people ${sql.whereClause()} ORDER BY name, seq LIMIT ${window.limit + 1}`, sql.params);
  return slicePage(rows, window, (r) => [r.name, r.seq], personFromRow);
}

/** One person, or null. `partnerId`: only when they belong to that partner (a partner session's scope). */
export async function getPerson(q: Queryable, id: string, partnerId: string | null = null): Promise<Person | null> {
  const { rows } = await q.query<PersonRow>(`SELECT ${COLUMNS} FROM people WHERE id = $1 AND ($2::text IS NULL OR partner_id = $2)`, [id, partnerId]);
  return rows[0] ? personFromRow(rows[0]) : null;
}

export async function insertPerson(tx: Transaction, id: string, partnerId: string, input: PersonInput, now: Date): Promise<Person> {
  const { rows } = await tx.query<PersonRow>(
    `INSERT INTO people (id, partner_id, name, email, external_id, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $6) RETURNING ${COLUMNS}`,
    [id, partnerId, input.name, input.email ?? null, input.externalId ?? null, now],
  );
  return personFromRow(rows[0] as PersonRow);
}

const PATCH_COLUMNS: Record<keyof PersonPatch, string> = { name: 'name', email: 'email', externalId: 'external_id' };

export async function updatePerson(tx: Transaction, id: string, patch: PersonPatch, now: Date): Promise<Person | null> {
  const sql = new SqlBuilder();
  const sets: string[] = [];
  for (const [field, value] of Object.entries(patch) as [keyof PersonPatch, unknown][]) {
    if (value !== undefined) sets.push(`${PATCH_COLUMNS[field]} = ${sql.param(value)}`);
  }
  sets.push(`updated_at = ${sql.param(now)}`);
  const { rows } = await tx.query<PersonRow>(`UPDATE people SET ${sets.join(', ')} WHERE id = ${sql.param(id)} RETURNING ${COLUMNS}`, sql.params);
  return rows[0] ? personFromRow(rows[0]) : null;
}
