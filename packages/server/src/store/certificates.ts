/**
 * Certificates: certifications held by people. Every read and write of `certificates`. Their
 * `status` is computed at the server's clock by `domain/enablement.ts`.
 * @module
 */
import type { CertificateListQuery, CertificateSource } from '@partnerkit/core/schemas';
import type { HeldCertificate } from '@partnerkit/core/rules';
import type { Queryable, Transaction } from '../db/database.js';
import { SqlBuilder } from '../db/sql.js';
import { type PageSlice, type PageWindow, type PositionShape, slicePage } from './page.js';

/** A certificate as stored. */
export interface StoredCertificate extends HeldCertificate {
  id: string;
  partnerId: string;
  source: CertificateSource;
  externalId: string | null;
  courseId: string | null;
  renewedAt: string | null;
  renewals: number;
  updatedAt: string;
}

interface CertificateRow {
  seq: number;
  id: string;
  certification_id: string;
  person_id: string;
  partner_id: string;
  source: CertificateSource;
  external_id: string | null;
  course_id: string | null;
  issued_at: Date;
  expires_at: Date | null;
  renewed_at: Date | null;
  renewals: number;
  updated_at: Date;
}

const COLUMNS = 'seq, id, certification_id, person_id, partner_id, source, external_id, course_id, issued_at, expires_at, renewed_at, renewals, updated_at';

function certificateFromRow(row: CertificateRow): StoredCertificate {
  return {
    id: row.id,
    certificationId: row.certification_id,
    personId: row.person_id,
    partnerId: row.partner_id,
    source: row.source,
    externalId: row.external_id,
    courseId: row.course_id,
    issuedAt: row.issued_at.toISOString(),
    expiresAt: row.expires_at?.toISOString() ?? null,
    renewedAt: row.renewed_at?.toISOString() ?? null,
    renewals: row.renewals,
    updatedAt: row.updated_at.toISOString(),
  };
}

/** Certificates list newest first. */
export const CERTIFICATE_POSITION: PositionShape = ['number'];

export type CertificateFilter = Omit<CertificateListQuery, 'limit' | 'cursor'>;

/** A page of certificates; `status` is judged at `now`. */
export async function listCertificates(q: Queryable, filter: CertificateFilter, now: Date, window: PageWindow): Promise<PageSlice<StoredCertificate>> {
  const sql = new SqlBuilder();
  if (filter.partnerId) sql.where(`partner_id = ${sql.param(filter.partnerId)}`);
  if (filter.personId) sql.where(`person_id = ${sql.param(filter.personId)}`);
  if (filter.certificationId) sql.where(`certification_id = ${sql.param(filter.certificationId)}`);
  if (filter.status === 'valid') sql.where(`(expires_at IS NULL OR expires_at > ${sql.param(now)})`);
  if (filter.status === 'expired') sql.where(`expires_at <= ${sql.param(now)}`);
  if (window.after) sql.where(`seq < ${sql.param(window.after[0])}`);
  const { rows } = await q.query<CertificateRow>(`SELECT ${COLUMNS} FROM certificates ${sql.whereClause()} ORDER BY seq DESC LIMIT ${window.limit + 1}`, sql.params);
  return slicePage(rows, window, (r) => [r.seq], certificateFromRow);
}

/** Every certificate of a partner (what its requirements are checked against). */
export async function partnerCertificates(q: Queryable, partnerId: string): Promise<StoredCertificate[]> {
  const { rows } = await q.query<CertificateRow>(`SELECT ${COLUMNS} FROM certificates WHERE partner_id = $1 ORDER BY seq`, [partnerId]);
  return rows.map(certificateFromRow);
}

/** One certificate, or null; `partnerId` confines it to a partner's; `lock` holds the row. */
export async function getCertificate(q: Queryable, id: string, { partnerId = null, lock = false }: { partnerId?: string | null; lock?: boolean } = {}): Promise<StoredCertificate | null> {
  const { rows } = await q.query<CertificateRow>(`SELECT ${COLUMNS} FROM certificates WHERE id = $1 AND ($2::text IS NULL OR partner_id = $2)${lock ? ' FOR UPDATE' : ''}`, [id, partnerId]);
  return rows[0] ? certificateFromRow(rows[0]) : null;
}

/** The certificate an LMS recorded under `externalId`, or null. */
export async function certificateByExternalId(q: Queryable, externalId: string): Promise<StoredCertificate | null> {
  const { rows } = await q.query<CertificateRow>(`SELECT ${COLUMNS} FROM certificates WHERE external_id = $1`, [externalId]);
  return rows[0] ? certificateFromRow(rows[0]) : null;
}

/** The person's latest-expiring certificate of a certification (locked), or null: what passing again renews. */
export async function heldCertificate(tx: Transaction, personId: string, certificationId: string): Promise<StoredCertificate | null> {
  const { rows } = await tx.query<CertificateRow>(
    `SELECT ${COLUMNS} FROM certificates WHERE person_id = $1 AND certification_id = $2 ORDER BY expires_at DESC NULLS FIRST, seq DESC LIMIT 1 FOR UPDATE`,
    [personId, certificationId],
  );
  return rows[0] ? certificateFromRow(rows[0]) : null;
}

export async function insertCertificate(tx: Transaction, c: Omit<StoredCertificate, 'updatedAt' | 'renewedAt' | 'renewals'>, now: Date): Promise<StoredCertificate> {
  const { rows } = await tx.query<CertificateRow>(
    `INSERT INTO certificates (id, certification_id, person_id, partner_id, source, external_id, course_id, issued_at, expires_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING ${COLUMNS}`,
    [c.id, c.certificationId, c.personId, c.partnerId, c.source, c.externalId, c.courseId, c.issuedAt, c.expiresAt, now],
  );
  return certificateFromRow(rows[0] as CertificateRow);
}

/** Renews a certificate to `expiresAt`. */
export async function renewStoredCertificate(tx: Transaction, id: string, expiresAt: Date | null, now: Date): Promise<StoredCertificate> {
  const { rows } = await tx.query<CertificateRow>(
    `UPDATE certificates SET expires_at = $2, renewed_at = $3, renewals = renewals + 1, updated_at = $3 WHERE id = $1 RETURNING ${COLUMNS}`,
    [id, expiresAt, now],
  );
  return certificateFromRow(rows[0] as CertificateRow);
}

/**
 * Marks the certificates that expired at or before `now` and were not announced yet, and answers
 * them: each gets its `certification.expired` event once per expiry.
 */
export async function announceExpiredCertificates(tx: Transaction, now: Date): Promise<StoredCertificate[]> {
  const { rows } = await tx.query<CertificateRow>(
    `UPDATE certificates SET expiry_announced = expires_at
     WHERE expires_at <= $1 AND (expiry_announced IS NULL OR expiry_announced <> expires_at) RETURNING ${COLUMNS}`,
    [now],
  );
  return rows.map(certificateFromRow);
}
