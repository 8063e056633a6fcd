/**
 * Applications as rows and as the contract's `Application`: every read and write of
 * `applications`, their moves (`application_moves`, the history) and their duplicate flags
 * (`application_duplicates`).
 * @module
 */
import { companyDomains, normaliseCompanyName } from '@partnerkit/core/rules';
import type {
  Application,
  ApplicationActor,
  ApplicationDuplicate,
  ApplicationHistoryEntry,
  ApplicationListQuery,
  ApplicationReasonCode,
  ApplicationStatus,
  PipelineStage,
} from '@partnerkit/core/schemas';
import type { Queryable } from '../db/database.js';
import { OPEN_APPLICATIONS_SQL } from '../db/migrations/0020-recruitment.js';
import { containsPattern, SqlBuilder } from '../db/sql.js';
import { type PageSlice, type PageWindow, type PositionShape, slicePage } from './page.js';

export { OPEN_APPLICATIONS_SQL };

/** How the database finds a company again: its registrable domains, and the blocking keys for near names. */
export interface ApplicantIdentity {
  domainKeys: string[];
  nameHead: string;
  nameTail: string;
}

/** Letters of the compact name in each blocking key. */
const BLOCK = 6;

/**
 * The company's identity for duplicate checks: its registrable domains (core's `companyDomains`),
 * and the first and last six letters of its compact normalised name, as for deal customers: names
 * alike enough to match differ in a letter or two, so they agree at one end at least.
 */
export function applicantIdentity(company: { name: string; domains?: readonly string[] | null; website?: string | null }): ApplicantIdentity {
  const compact = normaliseCompanyName(company.name).replace(/ /g, '') || company.name.trim().toLowerCase();
  const letters = [...compact];
  return { domainKeys: companyDomains(company), nameHead: letters.slice(0, BLOCK).join(''), nameTail: letters.slice(-BLOCK).join('') };
}

/** An application number as people read it: `APP-000123`. */
export const applicationNumber = (n: number): string => `APP-${String(n).padStart(6, '0')}`;

/** A row of `applications`, as read (the keys the indexes use are written, never read back). */
export type ApplicationRow = {
  seq: number;
  id: string;
  number: string;
  status: ApplicationStatus;
  partner_type: Application['partnerType'];
  company: Application['company'];
  contact: Application['contact'];
  capabilities: Application['capabilities'];
  answers: Application['answers'];
  consent: Application['consent'];
  source: Application['source'];
  locale: string | null;
  partner_id: string | null;
  submitted_at: Date;
  stage_entered_at: Date;
  decided_at: Date | null;
  reason_code: ApplicationReasonCode | null;
  reason: string | null;
  evaluation_count: number;
  created_at: Date;
  updated_at: Date;
};

const COLUMNS = `seq, id, number, status, partner_type, company, contact, capabilities, answers, consent, source, locale, partner_id,
  submitted_at, stage_entered_at, decided_at, reason_code, reason, evaluation_count, created_at, updated_at`;

const iso = (date: Date | null): string | null => (date === null ? null : new Date(date).toISOString());

/** The one mapping of an application row, its moves and its duplicates to the contract. */
export function applicationFromRow(row: ApplicationRow, history: ApplicationHistoryEntry[], duplicates: ApplicationDuplicate[]): Application {
  return {
    id: row.id,
    number: row.number,
    status: row.status,
    partnerType: row.partner_type,
    company: row.company,
    contact: row.contact,
    capabilities: row.capabilities,
    answers: row.answers,
    consent: row.consent,
    source: row.source,
    locale: row.locale,
    partnerId: row.partner_id,
    submittedAt: new Date(row.submitted_at).toISOString(),
    stageEnteredAt: new Date(row.stage_entered_at).toISOString(),
    decidedAt: iso(row.decided_at),
    reasonCode: row.reason_code,
    reason: row.reason,
    evaluationCount: Number(row.evaluation_count),
    duplicates,
    history,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

type MoveRow = {
  application_id: string;
  from_status: ApplicationStatus | null;
  to_status: ApplicationStatus;
  at: Date;
  by_role: ApplicationActor;
  by_id: string | null;
  by_name: string | null;
  reason: string | null;
  reason_code: ApplicationReasonCode | null;
  notified_applicant: boolean;
};

const moveFromRow = (row: MoveRow): ApplicationHistoryEntry => ({
  at: new Date(row.at).toISOString(),
  from: row.from_status,
  to: row.to_status,
  by: { role: row.by_role, id: row.by_id, name: row.by_name },
  reason: row.reason,
  reasonCode: row.reason_code,
  notifiedApplicant: row.notified_applicant,
});

type DuplicateRow = {
  application_id: string;
  kind: 'partner' | 'application';
  target_id: string;
  match: ApplicationDuplicate['match'];
  partner_name: string | null;
  other_name: string | null;
  other_number: string | null;
  other_status: ApplicationStatus | null;
  other_partner_id: string | null;
  other_partner_name: string | null;
};

/**
 * A stored flag as the contract shows it now: a partner as it is named today; another application
 * while it is open, or the partner it became once approved; nothing once it was declined or
 * withdrawn (or the partner is gone).
 */
function duplicateFromRow(row: DuplicateRow): ApplicationDuplicate | null {
  if (row.kind === 'partner') return row.partner_name === null ? null : { kind: 'partner', id: row.target_id, name: row.partner_name, number: null, match: row.match };
  if (row.other_status === 'approved' && row.other_partner_id !== null && row.other_partner_name !== null) {
    return { kind: 'partner', id: row.other_partner_id, name: row.other_partner_name, number: null, match: row.match };
  }
  if (row.other_status === null || row.other_name === null || ['approved', 'declined', 'withdrawn'].includes(row.other_status)) return null;
  return { kind: 'application', id: row.target_id, name: row.other_name, number: row.other_number, match: row.match };
}

/** The rows of `rows` as contract objects, with their history and duplicates read for all of them at once. */
async function withDetails(q: Queryable, rows: readonly ApplicationRow[]): Promise<Application[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [{ rows: moves }, { rows: duplicates }] = await Promise.all([
    q.query<MoveRow>(
      `SELECT application_id, from_status, to_status, at, by_role, by_id, by_name, reason, reason_code, notified_applicant
         FROM application_moves WHERE application_id = ANY($1::text[]) ORDER BY application_id, seq`,
      [ids],
    ),
    q.query<DuplicateRow>(
      `SELECT d.application_id, d.kind, d.target_id, d.match, p.name AS partner_name,
              a.company->>'name' AS other_name, a.number AS other_number, a.status AS other_status, a.partner_id AS other_partner_id,
              ap.name AS other_partner_name
         FROM application_duplicates d
         LEFT JOIN partners p ON d.kind = 'partner' AND p.id = d.target_id
         LEFT JOIN applications a ON d.kind = 'application' AND a.id = d.target_id
         LEFT JOIN partners ap ON ap.id = a.partner_id
        WHERE d.application_id = ANY($1::text[])
        ORDER BY d.application_id, d.kind DESC, d.target_id`,
      [ids],
    ),
  ]);
  const historyOf = new Map<string, ApplicationHistoryEntry[]>(ids.map((id) => [id, []]));
  for (const move of moves) historyOf.get(move.application_id)?.push(moveFromRow(move));
  const duplicatesOf = new Map<string, ApplicationDuplicate[]>(ids.map((id) => [id, []]));
  for (const row of duplicates) {
    const duplicate = duplicateFromRow(row);
    const list = duplicatesOf.get(row.application_id) as ApplicationDuplicate[];
    // An application approved into a partner that is flagged itself shows once.
    if (duplicate && !list.some((d) => d.kind === duplicate.kind && d.id === duplicate.id)) list.push(duplicate);
  }
  return rows.map((row) => applicationFromRow(row, historyOf.get(row.id) ?? [], duplicatesOf.get(row.id) ?? []));
}

/** The filters of the application list (statuses already split), and of the pipeline counts (without statuses). */
export interface ApplicationFilter {
  statuses?: readonly ApplicationStatus[] | undefined;
  partnerType?: ApplicationListQuery['partnerType'];
  country?: string | undefined;
  channel?: ApplicationListQuery['channel'];
  /** Text anywhere in the company name, its domains, the contact's e-mail or the number. */
  q?: string | undefined;
}

function filterSql(filter: ApplicationFilter): SqlBuilder {
  const sql = new SqlBuilder();
  if (filter.statuses && filter.statuses.length > 0) {
    sql.where(filter.statuses.length === 1 ? `status = ${sql.param(filter.statuses[0])}` : `status IN (${filter.statuses.map((s) => sql.param(s)).join(', ')})`);
  }
  if (filter.partnerType) sql.where(`partner_type = ${sql.param(filter.partnerType)}`);
  if (filter.country) sql.where(`country = ${sql.param(filter.country)}`);
  if (filter.channel) sql.where(`channel = ${sql.param(filter.channel)}`);
  // The expression of the trigram index (migration 20), so a search is answered from it.
  if (filter.q) sql.where(`search_text LIKE ${sql.param(containsPattern(filter.q.toLowerCase()))}`);
  return sql;
}

/** Applications are listed newest first: the position is `[seq]`. */
export const APPLICATION_POSITION: PositionShape = ['number'];

/** A page of applications, newest first. */
export async function listApplications(q: Queryable, filter: ApplicationFilter, window: PageWindow): Promise<PageSlice<Application>> {
  const sql = filterSql(filter);
  if (window.after) sql.where(`seq < ${sql.param(window.after[0])}`);
  const { rows } = await q.query<ApplicationRow>(`SELECT ${COLUMNS} FROM applications ${sql.whereClause()} ORDER BY seq DESC LIMIT ${window.limit + 1}`, sql.params);
  const slice = slicePage(rows, window, (r) => [Number(r.seq)], (r) => r);
  return { items: await withDetails(q, slice.items), next: slice.next };
}

/** How many applications each stage holds under `filter` (its statuses ignored), in `stages` order. */
export async function countByStage(q: Queryable, filter: ApplicationFilter, stages: readonly ApplicationStatus[]): Promise<PipelineStage[]> {
  const sql = filterSql({ ...filter, statuses: undefined });
  const { rows } = await q.query<{ status: ApplicationStatus; count: string | number }>(`SELECT status, count(*) AS count FROM applications ${sql.whereClause()} GROUP BY status`, sql.params);
  const counts = new Map(rows.map((r) => [r.status, Number(r.count)]));
  return stages.map((status) => ({ status, count: counts.get(status) ?? 0 }));
}

/** One application, or null. `lock` holds its row for the rest of the transaction. */
export async function getApplication(q: Queryable, id: string, { lock = false }: { lock?: boolean } = {}): Promise<Application | null> {
  const { rows } = await q.query<ApplicationRow>(`SELECT ${COLUMNS} FROM applications WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [id]);
  return rows[0] ? ((await withDetails(q, rows))[0] as Application) : null;
}

/** The next number of the `APP-` sequence. */
export async function nextApplicationNumber(tx: Queryable): Promise<string> {
  const { rows } = await tx.query<{ n: number }>(`SELECT nextval('application_numbers')::int AS n`);
  return applicationNumber(rows[0]?.n ?? 0);
}

/** An application to store, in stage `submitted`. */
export interface NewApplication {
  id: string;
  number: string;
  partnerType: Application['partnerType'];
  company: Application['company'];
  contact: Application['contact'];
  capabilities: Application['capabilities'];
  answers: Application['answers'];
  consent: Application['consent'];
  source: Application['source'];
  locale: string | null;
  publishableKeyId: string | null;
  identity: ApplicantIdentity;
  now: Date;
}

/** Stores a submitted application (its first move is stored with {@link insertMove}). */
export async function insertApplication(tx: Queryable, application: NewApplication): Promise<void> {
  const { company, contact, number } = application;
  const search = [company.name, ...company.domains, contact.email, number].join(' ').toLowerCase();
  await tx.query(
    `INSERT INTO applications (id, number, status, partner_type, company, contact, capabilities, answers, consent, source, country, channel, locale,
                               publishable_key_id, domain_keys, name_head, name_tail, search_text, submitted_at, stage_entered_at, created_at, updated_at)
     VALUES ($1, $2, 'submitted', $3, $4::jsonb, $5::jsonb, $6::jsonb, $7::jsonb, $8::jsonb, $9::jsonb, $10, $11, $12, $13, $14::text[], $15, $16, $17, $18, $18, $18, $18)`,
    [
      application.id,
      number,
      application.partnerType,
      JSON.stringify(company),
      JSON.stringify(contact),
      JSON.stringify(application.capabilities),
      JSON.stringify(application.answers),
      JSON.stringify(application.consent),
      JSON.stringify(application.source),
      company.country,
      application.source.channel,
      application.locale,
      application.publishableKeyId,
      application.identity.domainKeys,
      application.identity.nameHead,
      application.identity.nameTail,
      search,
      application.now,
    ],
  );
}

/** One move of an application, as stored in its history. */
export interface ApplicationMove {
  applicationId: string;
  entry: ApplicationHistoryEntry;
}

/** Appends a move to an application's history. */
export async function insertMove(tx: Queryable, { applicationId, entry }: ApplicationMove): Promise<void> {
  await tx.query(
    `INSERT INTO application_moves (application_id, from_status, to_status, at, by_role, by_id, by_name, reason, reason_code, notified_applicant)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [applicationId, entry.from, entry.to, entry.at, entry.by.role, entry.by.id, entry.by.name, entry.reason, entry.reasonCode, entry.notifiedApplicant],
  );
}

/** What a move changes on the application itself. */
export interface StageChange {
  to: ApplicationStatus;
  reason: string | null;
  reasonCode: ApplicationReasonCode | null;
  /** Set when the move decides the application (approved, declined, withdrawn). */
  decided: boolean;
  /** The partner an approval created. */
  partnerId?: string;
  now: Date;
}

/** Moves application `id` to another stage (the move already checked, its history entry stored apart). */
export async function applyStageChange(tx: Queryable, id: string, change: StageChange): Promise<void> {
  const sql = new SqlBuilder();
  const sets = [
    `status = ${sql.param(change.to)}`,
    `stage_entered_at = ${sql.param(change.now)}`,
    `updated_at = ${sql.param(change.now)}`,
  ];
  // The latest reason stays until another move gives one.
  if (change.reason !== null) sets.push(`reason = ${sql.param(change.reason)}`, `reason_code = ${sql.param(change.reasonCode)}`);
  if (change.decided) sets.push(`decided_at = ${sql.param(change.now)}`);
  if (change.partnerId !== undefined) sets.push(`partner_id = ${sql.param(change.partnerId)}`);
  await tx.query(`UPDATE applications SET ${sets.join(', ')} WHERE id = ${sql.param(id)}`, sql.params);
}

/** Counts one more submitted evaluation of application `id`. */
export async function countSubmittedEvaluation(tx: Queryable, id: string, now: Date): Promise<void> {
  await tx.query('UPDATE applications SET evaluation_count = evaluation_count + 1, updated_at = $2 WHERE id = $1', [id, now]);
}

/** An open application that may be the same company as an applicant. */
export interface ApplicantCandidate {
  id: string;
  name: string;
  domains: string[];
  website: string | null;
}

/** Most candidates read per name blocking key (the oldest first), so a common name costs a bounded amount. */
const CANDIDATES_PER_KEY = 500;

/**
 * The open applications that may be the same company as `identity`: sharing a registrable domain
 * or a name blocking key, through the partial indexes on open applications. Matching them is core's.
 */
export async function openApplicationCandidates(q: Queryable, identity: ApplicantIdentity): Promise<ApplicantCandidate[]> {
  const byKey = (column: 'name_head' | 'name_tail') =>
    `(SELECT seq, id, company FROM applications WHERE status IN ${OPEN_APPLICATIONS_SQL} AND ${column} = $${column === 'name_head' ? 2 : 3} ORDER BY seq LIMIT ${CANDIDATES_PER_KEY})`;
  const { rows } = await q.query<{ id: string; company: Application['company'] }>(
    `SELECT DISTINCT ON (id) id, company FROM (
       (SELECT seq, id, company FROM applications WHERE status IN ${OPEN_APPLICATIONS_SQL} AND domain_keys && $1::text[] ORDER BY seq LIMIT ${CANDIDATES_PER_KEY})
       UNION ALL ${byKey('name_head')}
       UNION ALL ${byKey('name_tail')}
     ) AS c ORDER BY id`,
    [identity.domainKeys, identity.nameHead, identity.nameTail],
  );
  return rows.map((r) => ({ id: r.id, name: r.company.name, domains: r.company.domains, website: r.company.website }));
}

/** A duplicate flag to store. */
export interface DuplicateFlag {
  applicationId: string;
  kind: 'partner' | 'application';
  targetId: string;
  match: ApplicationDuplicate['match'];
}

/** Stores duplicate flags (a flag stored twice is kept once). */
export async function insertDuplicates(tx: Queryable, flags: readonly DuplicateFlag[]): Promise<void> {
  if (flags.length === 0) return;
  await tx.query(
    `INSERT INTO application_duplicates (application_id, kind, target_id, match)
     SELECT f.application_id, f.kind, f.target_id, f.match FROM jsonb_to_recordset($1::jsonb) AS f(application_id text, kind text, target_id text, match text)
     ON CONFLICT DO NOTHING`,
    [JSON.stringify(flags.map((f) => ({ application_id: f.applicationId, kind: f.kind, target_id: f.targetId, match: f.match })))],
  );
}
