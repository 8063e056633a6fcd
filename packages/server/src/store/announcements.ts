/**
 * Announcements and their reads, as rows and as contract objects. Who sees which is decided in
 * SQL by {@link audienceMatch}, the same rule as core's `audienceIncludes` (a test holds them
 * equal); read stats are counted in the statement that reads the page.
 * @module
 */
import { readStatsOf, type StoredAnnouncement } from '@partnerkit/core/rules';
import type { AnnouncementAudience, AnnouncementCategory, AnnouncementRead, AnnouncementReadStats, AnnouncementStatus, AnnouncementTranslation, CommunicationActor } from '@partnerkit/core/schemas';
import type { Queryable, Row } from '../db/database.js';
import { SqlBuilder } from '../db/sql.js';
import { type PageSlice, type PageWindow, type PositionShape, slicePage } from './page.js';

const toIso = (value: unknown): string => (value as Date).toISOString();

/** A row of `announcements`, typed. */
export interface AnnouncementRow extends StoredAnnouncement {
  published: boolean;
}

export function mapAnnouncementRow(row: Row): AnnouncementRow {
  const translations = row.translations as Record<string, AnnouncementTranslation>;
  return {
    id: row.id as string,
    title: row.title as string,
    body: row.body as string,
    ...(Object.keys(translations).length > 0 ? { translations } : {}),
    category: row.category as AnnouncementCategory,
    audience: row.audience as AnnouncementAudience,
    publishAt: toIso(row.publish_at),
    expiresAt: row.expires_at === null ? null : toIso(row.expires_at),
    pinned: row.pinned as boolean,
    published: row.published as boolean,
    createdBy: row.created_by as CommunicationActor,
    createdAt: toIso(row.created_at),
    updatedAt: toIso(row.updated_at),
  };
}

/** SQL expressions of the partner an audience is matched against. */
export interface MemberSql {
  id: string;
  type: string;
  tierId: string;
  region: string;
}

/**
 * The SQL condition "the audience in column `audience` includes the partner `m`": core's
 * `audienceIncludes` (named partners, or a segment whose every non-empty list holds the
 * partner's value; regions compared trimmed and without regard to case).
 */
export function audienceMatch(audience: string, m: MemberSql): string {
  const size = (list: string) => `jsonb_array_length(${audience}->'${list}')`;
  return `(
    ${audience}->'partnerIds' ? ${m.id}
    OR ((${size('partnerTypes')} + ${size('tierIds')} + ${size('regions')} > 0 OR ${size('partnerIds')} = 0)
      AND (${size('partnerTypes')} = 0 OR ${audience}->'partnerTypes' ? ${m.type})
      AND (${size('tierIds')} = 0 OR (${m.tierId} IS NOT NULL AND ${audience}->'tierIds' ? ${m.tierId}))
      AND (${size('regions')} = 0 OR (${m.region} IS NOT NULL AND EXISTS (
        SELECT 1 FROM jsonb_array_elements_text(${audience}->'regions') AS r(value) WHERE lower(btrim(r.value)) = lower(btrim(${m.region}))))))
  )`;
}

/** The partner who reads, for the partner's view of the list. */
export interface Reader {
  partnerId: string;
  type: string;
  tierId: string | null;
  region: string | null;
  userId: string;
}

/** Filters of the announcement list. */
export interface AnnouncementFilter {
  category?: AnnouncementCategory | undefined;
  pinned?: boolean | undefined;
  /** Vendor principals only. */
  status?: AnnouncementStatus | undefined;
  /** Partner sessions only: read (true) or unread (false). */
  read?: boolean | undefined;
}

/** Announcements are listed pinned first, then unread (partners), then newest: `[pinned, unread, publishAt, id]`. */
export const ANNOUNCEMENT_POSITION: PositionShape = ['number', 'number', 'string', 'string'];

/** An announcement with what one caller sees of its reads. */
export type ListedAnnouncement = AnnouncementRow & { readAt?: string | null; readStats?: AnnouncementReadStats };

/** Conditions that narrow announcements to those `reader` may see at `now` (published, unexpired, in the audience). */
function visibleTo(sql: SqlBuilder, reader: Reader, now: Date): void {
  const at = sql.param(now);
  sql.where(`a.publish_at <= ${at} AND (a.expires_at IS NULL OR a.expires_at > ${at})`);
  sql.where(
    audienceMatch('a.audience', {
      id: sql.param(reader.partnerId),
      type: sql.param(reader.type),
      tierId: `${sql.param(reader.tierId)}::text`,
      region: `${sql.param(reader.region)}::text`,
    }),
  );
}

/** The read stats of announcement `a`, as a lateral subquery's columns. */
const STATS_SQL = `
  LEFT JOIN LATERAL (
    SELECT count(*)::int AS audience_partners,
           count(*) FILTER (WHERE EXISTS (SELECT 1 FROM announcement_reads x WHERE x.announcement_id = a.id AND x.partner_id = p.id))::int AS read_partners
      FROM partners p
     WHERE p.status IN ('active', 'onboarding') AND ${audienceMatch('a.audience', { id: 'p.id', type: 'p.type', tierId: 'p.tier_id', region: 'p.region' })}
  ) s ON true
  LEFT JOIN LATERAL (SELECT count(*)::int AS readers FROM announcement_reads x WHERE x.announcement_id = a.id) rd ON true`;

/**
 * A page of announcements: as `reader` sees them (with its user's `readAt`), or, for vendor
 * principals (`reader` null), every one with its read stats.
 */
export async function listAnnouncements(q: Queryable, filter: AnnouncementFilter, reader: Reader | null, now: Date, window: PageWindow): Promise<PageSlice<ListedAnnouncement>> {
  const sql = new SqlBuilder();
  let readJoin = '';
  let unread = '0::int';
  if (reader) {
    visibleTo(sql, reader, now);
    readJoin = `LEFT JOIN announcement_reads r ON r.announcement_id = a.id AND r.partner_id = ${sql.param(reader.partnerId)} AND r.user_id = ${sql.param(reader.userId)}`;
    unread = '(CASE WHEN r.read_at IS NULL THEN 1 ELSE 0 END)';
    if (filter.read !== undefined) sql.where(filter.read ? 'r.read_at IS NOT NULL' : 'r.read_at IS NULL');
  } else if (filter.status) {
    const at = sql.param(now);
    if (filter.status === 'scheduled') sql.where(`a.publish_at > ${at} AND (a.expires_at IS NULL OR a.expires_at > ${at})`);
    if (filter.status === 'published') sql.where(`a.publish_at <= ${at} AND (a.expires_at IS NULL OR a.expires_at > ${at})`);
    if (filter.status === 'expired') sql.where(`a.expires_at <= ${at}`);
  }
  if (filter.category) sql.where(`a.category = ${sql.param(filter.category)}`);
  if (filter.pinned !== undefined) sql.where(`a.pinned = ${sql.param(filter.pinned)}`);
  const position = `(CASE WHEN a.pinned THEN 1 ELSE 0 END), ${unread}, a.publish_at, a.id`;
  if (window.after) {
    const [pinned, isUnread, publishAt, id] = window.after;
    sql.where(`(${position}) < (${sql.param(pinned)}::int, ${sql.param(isUnread)}::int, ${sql.param(publishAt)}::timestamptz, ${sql.param(id)}::text)`);
  }
  const { rows } = await q.query(
    `SELECT a.*, ${reader ? 'r.read_at' : 'NULL::timestamptz AS read_at'}, ${unread} AS unread${reader ? '' : ', s.audience_partners, s.read_partners, rd.readers'}
       FROM announcements a ${readJoin} ${reader ? '' : STATS_SQL}
       ${sql.whereClause()}
      ORDER BY (CASE WHEN a.pinned THEN 1 ELSE 0 END) DESC, ${unread} DESC, a.publish_at DESC, a.id DESC
      LIMIT ${window.limit + 1}`,
    sql.params,
  );
  return slicePage(
    rows,
    window,
    (r) => [r.pinned ? 1 : 0, Number(r.unread), toIso(r.publish_at), r.id as string],
    (r) => listed(r, reader !== null),
  );
}

function listed(r: Row, forPartner: boolean): ListedAnnouncement {
  const row = mapAnnouncementRow(r);
  if (forPartner) return { ...row, readAt: r.read_at === null ? null : toIso(r.read_at) };
  return { ...row, readStats: readStatsOf(Number(r.audience_partners), Number(r.read_partners), Number(r.readers)) };
}

/** How many announcements `reader` may see now and its user has not read. */
export async function countUnread(q: Queryable, reader: Reader, now: Date): Promise<number> {
  const sql = new SqlBuilder();
  visibleTo(sql, reader, now);
  sql.where(`NOT EXISTS (SELECT 1 FROM announcement_reads r WHERE r.announcement_id = a.id AND r.partner_id = ${sql.param(reader.partnerId)} AND r.user_id = ${sql.param(reader.userId)})`);
  const { rows } = await q.query<{ n: number }>(`SELECT count(*)::int AS n FROM announcements a ${sql.whereClause()}`, sql.params);
  return Number(rows[0]?.n ?? 0);
}

/** One announcement as `reader` sees it (null when it may not), or with its read stats for vendor principals. */
export async function getAnnouncement(q: Queryable, id: string, reader: Reader | null, now: Date, { lock = false } = {}): Promise<ListedAnnouncement | null> {
  const sql = new SqlBuilder();
  sql.where(`a.id = ${sql.param(id)}`);
  if (reader) {
    visibleTo(sql, reader, now);
    const { rows } = await q.query(
      `SELECT a.*, r.read_at FROM announcements a
         LEFT JOIN announcement_reads r ON r.announcement_id = a.id AND r.partner_id = ${sql.param(reader.partnerId)} AND r.user_id = ${sql.param(reader.userId)}
       ${sql.whereClause()}`,
      sql.params,
    );
    return rows[0] ? listed(rows[0], true) : null;
  }
  if (lock) {
    const { rows } = await q.query(`SELECT a.* FROM announcements a ${sql.whereClause()} FOR UPDATE`, sql.params);
    return rows[0] ? mapAnnouncementRow(rows[0]) : null;
  }
  const { rows } = await q.query(`SELECT a.*, s.audience_partners, s.read_partners, rd.readers FROM announcements a ${STATS_SQL} ${sql.whereClause()}`, sql.params);
  return rows[0] ? listed(rows[0], false) : null;
}

/** Inserts an announcement. */
export async function insertAnnouncement(q: Queryable, a: AnnouncementRow): Promise<void> {
  await q.query(
    `INSERT INTO announcements (id, title, body, translations, category, audience, publish_at, expires_at, pinned, published, created_by, created_at, updated_at)
     VALUES ($1, $2, $3, $4::jsonb, $5, $6::jsonb, $7, $8, $9, $10, $11::jsonb, $12, $13)`,
    [a.id, a.title, a.body, JSON.stringify(a.translations ?? {}), a.category, JSON.stringify(a.audience), a.publishAt, a.expiresAt, a.pinned, a.published, JSON.stringify(a.createdBy), a.createdAt, a.updatedAt],
  );
}

/** Writes an announcement's changeable fields. */
export async function saveAnnouncement(q: Queryable, a: AnnouncementRow): Promise<void> {
  await q.query(
    `UPDATE announcements SET title = $2, body = $3, translations = $4::jsonb, category = $5, audience = $6::jsonb, publish_at = $7, expires_at = $8, pinned = $9, published = $10, updated_at = $11
      WHERE id = $1`,
    [a.id, a.title, a.body, JSON.stringify(a.translations ?? {}), a.category, JSON.stringify(a.audience), a.publishAt, a.expiresAt, a.pinned, a.published, a.updatedAt],
  );
}

/** Marks the announcements due at `now` published; answers them (each gets its event). */
export async function publishDue(q: Queryable, now: Date): Promise<AnnouncementRow[]> {
  const { rows } = await q.query(`UPDATE announcements SET published = true WHERE NOT published AND publish_at <= $1 RETURNING *`, [now]);
  return rows.map(mapAnnouncementRow);
}

/** Records a read (the first time is kept); true when this call recorded it. */
export async function recordRead(q: Queryable, announcementId: string, partnerId: string, user: { id: string; name: string | null }, at: Date): Promise<boolean> {
  const { rows } = await q.query(
    `INSERT INTO announcement_reads (announcement_id, partner_id, user_id, user_name, read_at) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (announcement_id, partner_id, user_id) DO NOTHING RETURNING read_at`,
    [announcementId, partnerId, user.id, user.name, at],
  );
  return rows.length > 0;
}

/** An announcement's reads are listed latest first: `[readAt, partnerId, userId]`. */
export const READ_POSITION: PositionShape = ['string', 'string', 'string'];

/** A page of an announcement's reads, latest first, with each partner's name. */
export async function listReads(q: Queryable, announcementId: string, window: PageWindow): Promise<PageSlice<AnnouncementRead>> {
  const sql = new SqlBuilder();
  sql.where(`r.announcement_id = ${sql.param(announcementId)}`);
  if (window.after) {
    const [readAt, partnerId, userId] = window.after;
    sql.where(`(r.read_at, r.partner_id, r.user_id) < (${sql.param(readAt)}::timestamptz, ${sql.param(partnerId)}::text, ${sql.param(userId)}::text)`);
  }
  const { rows } = await q.query(
    `SELECT r.*, p.name AS partner_name FROM announcement_reads r JOIN partners p ON p.id = r.partner_id
      ${sql.whereClause()} ORDER BY r.read_at DESC, r.partner_id DESC, r.user_id DESC LIMIT ${window.limit + 1}`,
    sql.params,
  );
  return slicePage(
    rows,
    window,
    (r) => [toIso(r.read_at), r.partner_id as string, r.user_id as string],
    (r) => ({ partnerId: r.partner_id as string, partnerName: r.partner_name as string, user: { id: r.user_id as string, name: (r.user_name as string | null) ?? null }, readAt: toIso(r.read_at) }),
  );
}
