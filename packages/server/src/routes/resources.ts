/**
 * `/v1/resources`: the partner library. Everyone lists it; items a partner may not open come
 * back `locked` without their URL and cannot be opened. While an agreement gating the library
 * waits for the partner's acceptance, no item carries its URL and opening answers 403
 * `agreement_required`. Admins curate it.
 * @module
 */
import type { Context, Hono } from 'hono';
import { type PartnerType, type Resource, ResourceInput, ResourceListQuery, ResourcePatch, type ResourceSort } from '@partnerkit/core/schemas';
import type { AppContext, AppEnv } from '../context.js';
import { type Queryable, type Row, toIso, toNumber } from '../db/database.js';
import { containsPattern, SqlBuilder } from '../db/sql.js';
import type { Position } from '../http/cursor.js';
import { lockReason, type Viewer } from '@partnerkit/core/rules';
import { readJsonBody } from '../http/body.js';
import { checkIdempotencyKey, idempotentWrite } from '../http/idempotency.js';
import { pageFrom, pageRequest, positionNumber, positionString } from '../http/pagination.js';
import { problems } from '../http/problem.js';
import { json, pathId, requestUrl, requireRole, route } from '../http/routing.js';
import { parseWith, queryObject } from '../http/validate.js';
import type { Caller } from '../security/caller.js';
import { newId } from '../security/random.js';
import { agreementsBlocking, requireAgreements } from '../domain/agreements.js';
import { appendEvents } from '../store/events.js';
import { existingIds } from '../store/partners.js';

interface Access {
  viewer: Viewer;
  tierRanks: Map<string, number>;
  /** An agreement holds the library closed for the caller's partner: no item carries its URL. */
  agreementPending: boolean;
}

async function accessOf(q: Queryable, caller: Caller, now: Date): Promise<Access> {
  const { rows } = await q.query<{ id: string; rank: number }>('SELECT id, rank FROM tiers');
  const tierRanks = new Map(rows.map((r) => [r.id, Number(r.rank)]));
  if (caller.role !== 'partner') return { viewer: null, tierRanks, agreementPending: false };
  const { rows: partners } = await q.query<{ type: PartnerType; tier_id: string | null }>('SELECT type, tier_id FROM partners WHERE id = $1', [caller.partnerId]);
  const partner = partners[0];
  // A session for a partner that no longer exists sees the library fully locked.
  if (!partner) return { viewer: { type: '' as PartnerType, tierRank: null }, tierRanks: new Map(), agreementPending: false };
  const agreementPending = (await agreementsBlocking(q, caller.partnerId, 'resources', now)).length > 0;
  return { viewer: { type: partner.type, tierRank: partner.tier_id === null ? null : (tierRanks.get(partner.tier_id) ?? null) }, tierRanks, agreementPending };
}

function mapResource(row: Row, access: Access): Resource {
  const gates = { minTierId: (row.min_tier_id as string | null) ?? null, partnerTypes: row.partner_types as string[] };
  const locked = lockReason(gates, access.viewer, access.tierRanks) !== null;
  return {
    id: row.id as string,
    title: row.title as string,
    description: (row.description as string | null) ?? null,
    type: row.type as Resource['type'],
    format: (row.format as string | null) ?? null,
    sizeBytes: row.size_bytes === null ? null : toNumber(row.size_bytes),
    language: row.language as string,
    tags: row.tags as string[],
    thumbnailUrl: (row.thumbnail_url as string | null) ?? null,
    minTierId: gates.minTierId,
    partnerTypes: gates.partnerTypes as Resource['partnerTypes'],
    translations: row.translations as NonNullable<Resource['translations']>,
    locked,
    ...(locked || access.agreementPending ? {} : { url: row.url as string }),
    openCount: Number(row.open_count),
    createdAt: toIso(row.created_at),
    updatedAt: toIso(row.updated_at),
  };
}

/** Each sort: its ORDER BY, the keyset condition after a position, and a row's position. */
const ORDER: Record<ResourceSort, { orderBy: string; after: (sql: SqlBuilder, at: Position) => string; position: (r: Row) => (string | number)[] }> = {
  newest: {
    orderBy: 'seq DESC',
    after: (sql, at) => `seq < ${sql.param(positionNumber(at, 0))}`,
    position: (r) => [Number(r.seq)],
  },
  title: {
    orderBy: 'title, seq',
    after: (sql, at) => `(title, seq) > (${sql.param(positionString(at, 0))}, ${sql.param(positionNumber(at, 1))})`,
    position: (r) => [r.title as string, Number(r.seq)],
  },
  popular: {
    orderBy: 'open_count DESC, seq DESC',
    after: (sql, at) => `(open_count, seq) < (${sql.param(positionNumber(at, 0))}, ${sql.param(positionNumber(at, 1))})`,
    position: (r) => [Number(r.open_count), Number(r.seq)],
  },
};

async function checkTier(q: Queryable, tierId: string | null | undefined): Promise<void> {
  if (tierId && !(await existingIds(q, 'tiers', [tierId])).has(tierId)) {
    throw problems.validation([{ path: 'minTierId', message: 'no tier has this id' }]);
  }
}

async function loadResource(q: Queryable, c: Context<AppEnv>, { lock = false } = {}): Promise<Row> {
  const { rows } = await q.query(`SELECT * FROM resources WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [pathId(c)]);
  if (!rows[0]) throw problems.notFound('There is no resource with this id.');
  return rows[0];
}

const COLUMNS: Record<keyof ResourcePatch, { column: string; json?: true }> = {
  title: { column: 'title' },
  description: { column: 'description' },
  type: { column: 'type' },
  format: { column: 'format' },
  sizeBytes: { column: 'size_bytes' },
  language: { column: 'language' },
  tags: { column: 'tags', json: true },
  thumbnailUrl: { column: 'thumbnail_url' },
  minTierId: { column: 'min_tier_id' },
  partnerTypes: { column: 'partner_types', json: true },
  translations: { column: 'translations', json: true },
  url: { column: 'url' },
};

export function resourceRoutes(app: Hono<AppEnv>, ctx: AppContext): void {
  route(app, '/v1/resources', {
    get: async (c) => {
      const query = parseWith(ResourceListQuery, queryObject(requestUrl(c), Object.keys(ResourceListQuery.shape)));
      const { limit: _l, cursor: _c, ...filters } = query;
      const sort = filters.sort ?? 'newest';
      const identity = { list: 'resources', filters: { ...filters, sort } };
      const request = await pageRequest(ctx, identity, query);
      const sql = new SqlBuilder();
      if (filters.type) sql.where(`type = ${sql.param(filters.type)}`);
      if (filters.tag) sql.where(`tags ? ${sql.param(filters.tag)}`);
      if (filters.language) sql.where(`language = ${sql.param(filters.language)}`);
      if (filters.q) {
        const pattern = sql.param(containsPattern(filters.q));
        // Translated titles and descriptions too: a reader searches in the language the library shows.
        sql.where(
          `(title ILIKE ${pattern} OR description ILIKE ${pattern} OR tags::text ILIKE ${pattern}
            OR EXISTS (SELECT 1 FROM jsonb_each(translations) AS t WHERE t.value->>'title' ILIKE ${pattern} OR t.value->>'description' ILIKE ${pattern}))`,
        );
      }
      const where = sql.whereClause();
      const filterParams = [...sql.params];
      const order = ORDER[sort];
      const pageSql = new SqlBuilder();
      pageSql.params.push(...filterParams);
      let pageWhere = where;
      if (request.after) {
        const condition = order.after(pageSql, request.after);
        pageWhere = where === '' ? `WHERE ${condition}` : `${where} AND ${condition}`;
      }
      const access = await accessOf(ctx.db, c.get('caller'), ctx.now());
      const [page, total, types, tags, languages] = await Promise.all([
        ctx.db.query(`SELECT * FROM resources ${pageWhere} ORDER BY ${order.orderBy} LIMIT ${request.limit + 1}`, pageSql.params),
        ctx.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM resources ${where}`, filterParams),
        ctx.db.query<{ v: string; n: number }>(`SELECT type AS v, count(*)::int AS n FROM resources ${where} GROUP BY type`, filterParams),
        ctx.db.query<{ v: string; n: number }>(
          `SELECT tag AS v, count(*)::int AS n FROM resources, jsonb_array_elements_text(tags) AS tag ${where} GROUP BY tag`,
          filterParams,
        ),
        ctx.db.query<{ v: string; n: number }>(`SELECT language AS v, count(*)::int AS n FROM resources ${where} GROUP BY language`, filterParams),
      ]);
      const counts = (rows: { v: string; n: number }[]) => Object.fromEntries(rows.sort((a, b) => (a.v < b.v ? -1 : 1)).map((r) => [r.v, Number(r.n)]));
      const result = await pageFrom(ctx, identity, request, page.rows, order.position, (r) => mapResource(r, access));
      return json({
        ...result,
        total: Number(total.rows[0]?.n ?? 0),
        facets: { type: counts(types.rows), tag: counts(tags.rows), language: counts(languages.rows) },
      });
    },
    post: async (c) => {
      requireRole(c, 'admin');
      const body = await readJsonBody(c.req.raw, ctx.settings.bodyLimit);
      const input = parseWith(ResourceInput, body);
      checkIdempotencyKey(c);
      await checkTier(ctx.db, input.minTierId);
      return idempotentWrite(ctx, c, body, async (tx) => {
        const now = ctx.now();
        const { rows } = await tx.query(
          `INSERT INTO resources (id, title, description, type, format, size_bytes, language, tags, thumbnail_url, min_tier_id,
                                  partner_types, url, translations, created_at, updated_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9, $10, $11::jsonb, $12, $14::jsonb, $13, $13) RETURNING *`,
          [
            newId('rs', now),
            input.title,
            input.description ?? null,
            input.type,
            input.format ?? null,
            input.sizeBytes ?? null,
            input.language,
            JSON.stringify(input.tags ?? []),
            input.thumbnailUrl ?? null,
            input.minTierId ?? null,
            JSON.stringify(input.partnerTypes ?? []),
            input.url,
            now,
            JSON.stringify(input.translations ?? {}),
          ],
        );
        return { status: 201, body: mapResource(rows[0] as Row, await accessOf(tx, c.get('caller'), ctx.now())) };
      });
    },
  });

  route(app, '/v1/resources/:id', {
    get: async (c) => json(mapResource(await loadResource(ctx.db, c), await accessOf(ctx.db, c.get('caller'), ctx.now()))),
    patch: async (c) => {
      requireRole(c, 'admin');
      const patch = parseWith(ResourcePatch, await readJsonBody(c.req.raw, ctx.settings.bodyLimit));
      await checkTier(ctx.db, patch.minTierId);
      const row = await ctx.db.transaction(async (tx) => {
        const current = await loadResource(tx, c, { lock: true });
        const sql = new SqlBuilder();
        const sets: string[] = [];
        for (const [field, value] of Object.entries(patch) as [keyof ResourcePatch, unknown][]) {
          if (value === undefined) continue;
          const { column, json: isJson } = COLUMNS[field];
          sets.push(isJson ? `${column} = ${sql.param(JSON.stringify(value))}::jsonb` : `${column} = ${sql.param(value)}`);
        }
        sets.push(`updated_at = ${sql.param(ctx.now())}`);
        const { rows } = await tx.query(`UPDATE resources SET ${sets.join(', ')} WHERE id = ${sql.param(current.id)} RETURNING *`, sql.params);
        return rows[0] as Row;
      });
      return json(mapResource(row, await accessOf(ctx.db, c.get('caller'), ctx.now())));
    },
    delete: async (c) => {
      requireRole(c, 'admin');
      const { rowCount } = await ctx.db.query('DELETE FROM resources WHERE id = $1', [pathId(c)]);
      if (rowCount === 0) throw problems.notFound('There is no resource with this id.');
      return new Response(null, { status: 204 });
    },
  });

  route(app, '/v1/resources/:id/open', {
    post: async (c) => {
      const caller = c.get('caller');
      const body = await readJsonBody(c.req.raw, ctx.settings.bodyLimit, { allowEmpty: true });
      if (body !== undefined && (typeof body !== 'object' || body === null || Array.isArray(body) || Object.keys(body).length > 0)) {
        const keys = typeof body === 'object' && body !== null && !Array.isArray(body) ? Object.keys(body) : [];
        throw problems.validation(keys.length > 0 ? keys.map((k) => ({ path: k, message: 'is not a known field' })) : [{ path: '', message: 'must be an empty object or no body' }]);
      }
      checkIdempotencyKey(c);
      await loadResource(ctx.db, c);
      return idempotentWrite(ctx, c, body ?? {}, async (tx) => {
        const row = await loadResource(tx, c, { lock: true });
        const now = ctx.now();
        const access = await accessOf(tx, caller, now);
        const reason = lockReason({ minTierId: (row.min_tier_id as string | null) ?? null, partnerTypes: row.partner_types as string[] }, access.viewer, access.tierRanks);
        if (reason !== null) {
          throw problems.forbidden(reason === 'tier' ? 'This resource needs a higher tier.' : 'This resource is for other partner types.');
        }
        await requireAgreements(tx, caller, 'resources', now);
        const { rows } = await tx.query('UPDATE resources SET open_count = open_count + 1 WHERE id = $1 RETURNING id, title, url', [row.id]);
        const opened = rows[0] as Row;
        if (caller.role === 'partner') {
          await appendEvents(
            tx,
            [{ type: 'resource.opened', partnerId: caller.partnerId, data: { resourceId: opened.id, title: opened.title, userId: caller.user.id } }],
            now,
          );
        }
        return { status: 200, body: { url: opened.url as string } };
      });
    },
  });
}
