/**
 * Agreements, their versions and partners' acceptances: the SQL, and rows as contract objects.
 * Which version is in effect and where a partner stands are core's rules (`domain/agreements.ts`
 * applies them); this module only reads and writes.
 * @module
 */
import { nextVersion, versionInEffect } from '@partnerkit/core/rules';
import type {
  Acceptance,
  AcceptanceSigner,
  Agreement,
  AgreementGate,
  AgreementInput,
  AgreementPatch,
  AgreementStatus,
  AgreementVersion,
  AgreementVersionInput,
  AgreementVersionRef,
  PartnerType,
} from '@partnerkit/core/schemas';
import { isUniqueViolation, type Queryable, type Row } from '../db/database.js';

/** Timestamps arrive from both drivers as `Date`s. */
const toIso = (value: unknown): string => (value as Date).toISOString();
const toIsoOrNull = (value: unknown): string | null => (value === null || value === undefined ? null : toIso(value));
import { SqlBuilder } from '../db/sql.js';

/** The unique index on a version's name within its agreement. */
const VERSION_NAME_TAKEN = 'agreement_versions_agreement_id_version_key';

/** True when `error` is a second version of one agreement under the same name. */
export const isVersionNameTaken = (error: unknown): boolean => isUniqueViolation(error, VERSION_NAME_TAKEN);

export function mapVersion(row: Row): AgreementVersion {
  return {
    id: row.id as string,
    agreementId: row.agreement_id as string,
    version: row.version as string,
    body: row.body as AgreementVersion['body'],
    ...(row.translations === null || row.translations === undefined ? {} : { translations: row.translations as AgreementVersion['translations'] }),
    effectiveAt: toIso(row.effective_at),
    contentHash: row.content_hash as string,
    createdAt: toIso(row.created_at),
  };
}

const versionRef = (version: AgreementVersion | undefined): AgreementVersionRef | null =>
  version === undefined ? null : { id: version.id, version: version.version, effectiveAt: version.effectiveAt, contentHash: version.contentHash };

/** An agreement row as the contract's object; `versions` are all of its versions, for the one in effect at `now` and the next. */
export function mapAgreement(row: Row, versions: readonly AgreementVersion[], now: Date): Agreement {
  return {
    id: row.id as string,
    title: row.title as string,
    ...(row.translations === null || row.translations === undefined ? {} : { translations: row.translations as Agreement['translations'] }),
    partnerTypes: row.partner_types as PartnerType[],
    tierIds: row.tier_ids as string[],
    gates: row.gates as AgreementGate[],
    term: row.term as Agreement['term'],
    status: row.status as AgreementStatus,
    currentVersion: versionRef(versionInEffect(versions, now)),
    nextVersion: versionRef(nextVersion(versions, now)),
    createdAt: toIso(row.created_at),
    updatedAt: toIso(row.updated_at),
  };
}

export function mapAcceptance(row: Row): Acceptance {
  return {
    id: row.id as string,
    partnerId: row.partner_id as string,
    agreementId: row.agreement_id as string,
    versionId: row.version_id as string,
    version: row.version as string,
    contentHash: row.content_hash as string,
    acceptedBy: row.accepted_by as AcceptanceSigner,
    acceptedAt: toIso(row.accepted_at),
    language: row.language as string,
    expiresAt: toIsoOrNull(row.expires_at),
  };
}

/** Who may see an agreement: everyone (vendor principals, `null`), one partner by its type and tier, or nobody (`false`). */
export type AgreementAudience = null | false | { type: PartnerType; tierId: string | null };

/**
 * The SQL condition for the agreements `audience` may see: for a partner, the active ones that
 * apply to it. The same test as core's `agreementAppliesTo` (a test keeps the two equal).
 */
function audienceCondition(sql: SqlBuilder, audience: AgreementAudience, alias = 'a'): void {
  if (audience === null) return;
  if (audience === false) {
    sql.where('false');
    return;
  }
  sql.where(`${alias}.status = 'active'`);
  sql.where(`(${alias}.partner_types = '[]'::jsonb OR ${alias}.partner_types ? ${sql.param(audience.type)})`);
  sql.where(
    audience.tierId === null
      ? `${alias}.tier_ids = '[]'::jsonb`
      : `(${alias}.tier_ids = '[]'::jsonb OR ${alias}.tier_ids ? ${sql.param(audience.tierId)})`,
  );
}

/** Filters of a list of agreements. */
export interface AgreementFilters {
  status?: AgreementStatus | undefined;
  gate?: AgreementGate | undefined;
}

/** A page of agreement rows in creation order, after position `afterSeq`, that `audience` may see. */
export async function listAgreementRows(q: Queryable, audience: AgreementAudience, filters: AgreementFilters, afterSeq: number | null, limit: number): Promise<Row[]> {
  const sql = new SqlBuilder();
  audienceCondition(sql, audience);
  if (filters.status) sql.where(`a.status = ${sql.param(filters.status)}`);
  if (filters.gate) sql.where(`a.gates ? ${sql.param(filters.gate)}`);
  if (afterSeq !== null) sql.where(`a.seq > ${sql.param(afterSeq)}`);
  const { rows } = await q.query(`SELECT a.* FROM agreements a ${sql.whereClause()} ORDER BY a.seq LIMIT ${limit}`, sql.params);
  return rows;
}

/** One agreement row `audience` may see, or null. */
export async function loadAgreementRow(q: Queryable, id: string, audience: AgreementAudience, { lock = false } = {}): Promise<Row | null> {
  const sql = new SqlBuilder();
  sql.where(`a.id = ${sql.param(id)}`);
  audienceCondition(sql, audience);
  const { rows } = await q.query(`SELECT a.* FROM agreements a ${sql.whereClause()}${lock ? ' FOR UPDATE' : ''}`, sql.params);
  return rows[0] ?? null;
}

/** Every version of each agreement, by agreement id. */
export async function versionsOf(q: Queryable, agreementIds: readonly string[]): Promise<Map<string, AgreementVersion[]>> {
  const byAgreement = new Map<string, AgreementVersion[]>(agreementIds.map((id) => [id, []]));
  if (agreementIds.length === 0) return byAgreement;
  const { rows } = await q.query(
    'SELECT * FROM agreement_versions WHERE agreement_id IN (SELECT jsonb_array_elements_text($1::jsonb)) ORDER BY effective_at, seq',
    [JSON.stringify([...new Set(agreementIds)])],
  );
  for (const row of rows) byAgreement.get(row.agreement_id as string)?.push(mapVersion(row));
  return byAgreement;
}

/** Agreement rows as contract objects, with their versions read in one query. */
export async function presentAgreements(q: Queryable, rows: readonly Row[], now: Date): Promise<Agreement[]> {
  const versions = await versionsOf(q, rows.map((r) => r.id as string));
  return rows.map((row) => mapAgreement(row, versions.get(row.id as string) ?? [], now));
}

export async function insertAgreement(tx: Queryable, id: string, input: AgreementInput, now: Date): Promise<Row> {
  const { rows } = await tx.query(
    `INSERT INTO agreements (id, title, translations, partner_types, tier_ids, gates, term, status, created_at, updated_at)
     VALUES ($1, $2, $3::jsonb, $4::jsonb, $5::jsonb, $6::jsonb, $7::jsonb, 'active', $8, $8) RETURNING *`,
    [
      id,
      input.title,
      input.translations === undefined ? null : JSON.stringify(input.translations),
      JSON.stringify(input.partnerTypes ?? []),
      JSON.stringify(input.tierIds ?? []),
      JSON.stringify(input.gates ?? []),
      JSON.stringify(input.term),
      now,
    ],
  );
  return rows[0] as Row;
}

const PATCH_COLUMNS: Record<keyof AgreementPatch, { column: string; json?: true }> = {
  title: { column: 'title' },
  translations: { column: 'translations', json: true },
  partnerTypes: { column: 'partner_types', json: true },
  tierIds: { column: 'tier_ids', json: true },
  gates: { column: 'gates', json: true },
  term: { column: 'term', json: true },
  status: { column: 'status' },
};

export async function updateAgreementRow(tx: Queryable, id: string, patch: AgreementPatch, now: Date): Promise<Row> {
  const sql = new SqlBuilder();
  const sets: string[] = [];
  for (const [field, value] of Object.entries(patch) as [keyof AgreementPatch, unknown][]) {
    if (value === undefined) continue;
    const { column, json } = PATCH_COLUMNS[field];
    sets.push(json ? `${column} = ${sql.param(JSON.stringify(value))}::jsonb` : `${column} = ${sql.param(value)}`);
  }
  sets.push(`updated_at = ${sql.param(now)}`);
  const { rows } = await tx.query(`UPDATE agreements SET ${sets.join(', ')} WHERE id = ${sql.param(id)} RETURNING *`, sql.params);
  return rows[0] as Row;
}

/** A page of an agreement's versions, the latest to take effect first, after position `after`. */
export async function listVersionRows(q: Queryable, agreementId: string, after: { effectiveAt: string; seq: number } | null, limit: number): Promise<Row[]> {
  const sql = new SqlBuilder();
  sql.where(`agreement_id = ${sql.param(agreementId)}`);
  if (after) sql.where(`(effective_at, seq) < (${sql.param(after.effectiveAt)}::timestamptz, ${sql.param(after.seq)})`);
  const { rows } = await q.query(`SELECT * FROM agreement_versions ${sql.whereClause()} ORDER BY effective_at DESC, seq DESC LIMIT ${limit}`, sql.params);
  return rows;
}

export async function loadVersionRow(q: Queryable, agreementId: string, versionId: string): Promise<Row | null> {
  const { rows } = await q.query('SELECT * FROM agreement_versions WHERE id = $1 AND agreement_id = $2', [versionId, agreementId]);
  return rows[0] ?? null;
}

/** Inserts a version with its content hash (computed by the caller with core's rule). */
export async function insertVersion(
  tx: Queryable,
  version: { id: string; agreementId: string; input: AgreementVersionInput; effectiveAt: Date; contentHash: string },
  now: Date,
): Promise<Row> {
  const { rows } = await tx.query(
    `INSERT INTO agreement_versions (id, agreement_id, version, body, translations, effective_at, content_hash, created_at)
     VALUES ($1, $2, $3, $4::jsonb, $5::jsonb, $6, $7, $8) RETURNING *`,
    [
      version.id,
      version.agreementId,
      version.input.version,
      JSON.stringify(version.input.body),
      version.input.translations === undefined ? null : JSON.stringify(version.input.translations),
      version.effectiveAt,
      version.contentHash,
      now,
    ],
  );
  return rows[0] as Row;
}

/** Every acceptance of one partner for the given agreements, by agreement id. */
export async function acceptancesOf(q: Queryable, partnerId: string, agreementIds: readonly string[]): Promise<Map<string, Acceptance[]>> {
  const byAgreement = new Map<string, Acceptance[]>(agreementIds.map((id) => [id, []]));
  if (agreementIds.length === 0) return byAgreement;
  const { rows } = await q.query(
    'SELECT * FROM acceptances WHERE partner_id = $1 AND agreement_id IN (SELECT jsonb_array_elements_text($2::jsonb)) ORDER BY accepted_at, seq',
    [partnerId, JSON.stringify([...new Set(agreementIds)])],
  );
  for (const row of rows) byAgreement.get(row.agreement_id as string)?.push(mapAcceptance(row));
  return byAgreement;
}

/** A page of one partner's acceptances, newest first, after position `afterSeq`. */
export async function listAcceptanceRows(q: Queryable, partnerId: string, agreementId: string | undefined, afterSeq: number | null, limit: number): Promise<Row[]> {
  const sql = new SqlBuilder();
  sql.where(`partner_id = ${sql.param(partnerId)}`);
  if (agreementId !== undefined) sql.where(`agreement_id = ${sql.param(agreementId)}`);
  if (afterSeq !== null) sql.where(`seq < ${sql.param(afterSeq)}`);
  const { rows } = await q.query(`SELECT * FROM acceptances ${sql.whereClause()} ORDER BY seq DESC LIMIT ${limit}`, sql.params);
  return rows;
}

export async function loadAcceptanceRow(q: Queryable, partnerId: string, id: string): Promise<Row | null> {
  const { rows } = await q.query('SELECT * FROM acceptances WHERE id = $1 AND partner_id = $2', [id, partnerId]);
  return rows[0] ?? null;
}

export async function insertAcceptance(tx: Queryable, acceptance: Acceptance): Promise<Row> {
  const { rows } = await tx.query(
    `INSERT INTO acceptances (id, partner_id, agreement_id, version_id, version, content_hash, accepted_by, accepted_at, language, expires_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8, $9, $10) RETURNING *`,
    [
      acceptance.id,
      acceptance.partnerId,
      acceptance.agreementId,
      acceptance.versionId,
      acceptance.version,
      acceptance.contentHash,
      JSON.stringify(acceptance.acceptedBy),
      acceptance.acceptedAt,
      acceptance.language,
      acceptance.expiresAt,
    ],
  );
  return rows[0] as Row;
}

/**
 * The latest acceptance of each (partner, active agreement) whose term ends within `warnMs` of
 * `now` and was not yet announced as expiring, or ended and was not yet announced as expired;
 * marks them announced and answers them (locked rows are left to their transaction).
 */
export async function noticeAcceptanceExpiry(tx: Queryable, now: Date, warnMs: number): Promise<{ expiring: Acceptance[]; expired: Acceptance[] }> {
  const latest = `NOT EXISTS (SELECT 1 FROM acceptances b WHERE b.partner_id = a.partner_id AND b.agreement_id = a.agreement_id
                                AND (b.accepted_at, b.seq) > (a.accepted_at, a.seq))
                  AND EXISTS (SELECT 1 FROM agreements g WHERE g.id = a.agreement_id AND g.status = 'active')`;
  const expired = await tx.query(
    `WITH due AS (SELECT id FROM acceptances a WHERE expires_at IS NOT NULL AND NOT expired_noticed AND expires_at <= $1 AND ${latest}
                  ORDER BY expires_at FOR UPDATE SKIP LOCKED)
     UPDATE acceptances SET expired_noticed = true, expiring_noticed = true FROM due WHERE acceptances.id = due.id RETURNING acceptances.*`,
    [now],
  );
  const expiring = await tx.query(
    `WITH due AS (SELECT id FROM acceptances a WHERE expires_at IS NOT NULL AND NOT expiring_noticed AND expires_at > $1 AND expires_at <= $2 AND ${latest}
                  ORDER BY expires_at FOR UPDATE SKIP LOCKED)
     UPDATE acceptances SET expiring_noticed = true FROM due WHERE acceptances.id = due.id RETURNING acceptances.*`,
    [now, new Date(now.getTime() + warnMs)],
  );
  return { expiring: expiring.rows.map(mapAcceptance), expired: expired.rows.map(mapAcceptance) };
}

/** The agreement a version belongs to, or null when there is no such version. */
export async function agreementIdOfVersion(q: Queryable, versionId: string): Promise<string | null> {
  const { rows } = await q.query<{ agreement_id: string }>('SELECT agreement_id FROM agreement_versions WHERE id = $1', [versionId]);
  return rows[0]?.agreement_id ?? null;
}
