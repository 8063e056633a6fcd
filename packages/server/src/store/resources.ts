/**
 * The partner library, as rows and as stored items: the contract's `Resource` before the
 * viewer's gates decide `locked` and `url` (see `domain/resource-access.ts`). Every read and
 * write of `resources`.
 * @module
 */
import type { Resource, ResourceInput, ResourceListQuery, ResourcePatch, ResourceSort } from '@partnerkit/core/schemas';
import type { Queryable, Transaction } from '../db/database.js';
import { containsPattern, SqlBuilder } from '../db/sql.js';
import { type PageSlice, type PageWindow, type Position, type PositionShape, slicePage } from './page.js';

/** A row of `resources`. */
export interface ResourceRow {
  seq: number;
  id: string;
  title: string;
  description: string | null;
  type: Resource['type'];
  format: string | null;
  size_bytes: number | null;
  language: string;
  tags: string[];
  thumbnail_url: string | null;
  min_tier_id: string | null;
  partner_types: Resource['partnerTypes'];
  url: string;
  translations: NonNullable<Resource['translations']>;
  open_count: number;
  created_at: Date;
  updated_at: Date;
}

const COLUMNS = 'seq, id, title, description, type, format, size_bytes, language, tags, thumbnail_url, min_tier_id, partner_types, url, translations, open_count, created_at, updated_at';

/** An item as stored: every field of the contract but `locked`, with its `url` whoever looks. */
export type StoredResource = Omit<Resource, 'locked' | 'url'> & { url: string };

/** The one mapping of a resource row (to an item as stored). */
export function resourceFromRow(row: ResourceRow): StoredResource {
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    type: row.type,
    format: row.format,
    sizeBytes: row.size_bytes,
    language: row.language,
    tags: row.tags,
    thumbnailUrl: row.thumbnail_url,
    minTierId: row.min_tier_id,
    partnerTypes: row.partner_types,
    translations: row.translations,
    url: row.url,
    openCount: row.open_count,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

/** The filters of the library. */
export type ResourceFilter = Omit<ResourceListQuery, 'limit' | 'cursor' | 'sort'>;

/** Each sort: its ORDER BY, the keyset condition after a position, and a row's position. */
const SORTS: Record<ResourceSort, { shape: PositionShape; orderBy: string; after: (sql: SqlBuilder, at: Position) => string; position: (r: ResourceRow) => Position }> = {
  newest: {
    shape: ['number'],
    orderBy: 'seq DESC',
    after: (sql, at) => `seq < ${sql.param(at[0])}`,
    position: (r) => [r.seq],
  },
  title: {
    shape: ['string', 'number'],
    orderBy: 'title, seq',
    after: (sql, at) => `(title, seq) > (${sql.param(at[0])}, ${sql.param(at[1])})`,
    position: (r) => [r.title, r.seq],
  },
  popular: {
    shape: ['number', 'number'],
    orderBy: 'open_count DESC, seq DESC',
    after: (sql, at) => `(open_count, seq) < (${sql.param(at[0])}, ${sql.param(at[1])})`,
    position: (r) => [r.open_count, r.seq],
  },
};

/** The position of each sort of the library. */
export const resourcePosition = (sort: ResourceSort): PositionShape => SORTS[sort].shape;

function filtered(filter: ResourceFilter): SqlBuilder {
  const sql = new SqlBuilder();
  if (filter.type) sql.where(`type = ${sql.param(filter.type)}`);
  if (filter.tag) sql.where(`tags ? ${sql.param(filter.tag)}`);
  if (filter.language) sql.where(`language = ${sql.param(filter.language)}`);
  if (filter.q) {
    const pattern = sql.param(containsPattern(filter.q));
    // Translated titles and descriptions too: a reader searches in the language the library shows.
    sql.where(
      `(title ILIKE ${pattern} OR description ILIKE ${pattern} OR tags::text ILIKE ${pattern}
        OR EXISTS (SELECT 1 FROM jsonb_each(translations) AS t WHERE t.value->>'title' ILIKE ${pattern} OR t.value->>'description' ILIKE ${pattern}))`,
    );
  }
  return sql;
}

/** A page of the library in `sort` order. */
export async function listResources(q: Queryable, filter: ResourceFilter, sort: ResourceSort, window: PageWindow): Promise<PageSlice<StoredResource>> {
  const order = SORTS[sort];
  const sql = filtered(filter);
  if (window.after) sql.where(order.after(sql, window.after));
  const { rows } = await q.query<ResourceRow>(`SELECT ${COLUMNS} FROM resources ${sql.whereClause()} ORDER BY ${order.orderBy} LIMIT ${window.limit + 1}`, sql.params);
  return slicePage(rows, window, order.position, resourceFromRow);
}

/** How many items match `filter`, and how many of them have each type, tag and language. */
export interface ResourceCounts {
  total: number;
  facets: { type: Record<string, number>; tag: Record<string, number>; language: Record<string, number> };
}

/** The counts of the whole filtered library (not just a page). */
export async function countResources(q: Queryable, filter: ResourceFilter): Promise<ResourceCounts> {
  const sql = filtered(filter);
  const where = sql.whereClause();
  const [total, types, tags, languages] = await Promise.all([
    q.query<{ n: number }>(`SELECT count(*)::int AS n FROM resources ${where}`, sql.params),
    q.query<{ v: string; n: number }>(`SELECT type AS v, count(*)::int AS n FROM resources ${where} GROUP BY type`, sql.params),
    q.query<{ v: string; n: number }>(`SELECT tag AS v, count(*)::int AS n FROM resources, jsonb_array_elements_text(tags) AS tag ${where} GROUP BY tag`, sql.params),
    q.query<{ v: string; n: number }>(`SELECT language AS v, count(*)::int AS n FROM resources ${where} GROUP BY language`, sql.params),
  ]);
  const counts = (rows: { v: string; n: number }[]) => Object.fromEntries([...rows].sort((a, b) => (a.v < b.v ? -1 : 1)).map((r) => [r.v, r.n]));
  return { total: total.rows[0]?.n ?? 0, facets: { type: counts(types.rows), tag: counts(tags.rows), language: counts(languages.rows) } };
}

/** One item, or null. `lock` holds its row for the rest of the transaction. */
export async function getResource(q: Queryable, id: string, { lock = false }: { lock?: boolean } = {}): Promise<StoredResource | null> {
  const { rows } = await q.query<ResourceRow>(`SELECT ${COLUMNS} FROM resources WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [id]);
  return rows[0] ? resourceFromRow(rows[0]) : null;
}

/** Adds an item with id `id` to the library. */
export async function insertResource(tx: Transaction, id: string, input: ResourceInput, now: Date): Promise<StoredResource> {
  const { rows } = await tx.query<ResourceRow>(
    `INSERT INTO resources (id, title, description, type, format, size_bytes, language, tags, thumbnail_url, min_tier_id,
                            partner_types, url, translations, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9, $10, $11::jsonb, $12, $14::jsonb, $13, $13) RETURNING ${COLUMNS}`,
    [
      id,
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
  return resourceFromRow(rows[0] as ResourceRow);
}

/** The column of each field a patch may change, and whether it holds JSON. */
const PATCH_COLUMNS: Record<keyof ResourcePatch, { column: string; json?: true }> = {
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

/** Applies `patch` (its defined fields) to item `id`; null when there is no such item. */
export async function updateResource(tx: Transaction, id: string, patch: ResourcePatch, now: Date): Promise<StoredResource | null> {
  const sql = new SqlBuilder();
  const sets: string[] = [];
  for (const [field, value] of Object.entries(patch) as [keyof ResourcePatch, unknown][]) {
    if (value === undefined) continue;
    const { column, json } = PATCH_COLUMNS[field];
    sets.push(json ? `${column} = ${sql.param(JSON.stringify(value))}::jsonb` : `${column} = ${sql.param(value)}`);
  }
  sets.push(`updated_at = ${sql.param(now)}`);
  const { rows } = await tx.query<ResourceRow>(`UPDATE resources SET ${sets.join(', ')} WHERE id = ${sql.param(id)} RETURNING ${COLUMNS}`, sql.params);
  return rows[0] ? resourceFromRow(rows[0]) : null;
}

/** Removes item `id`; false when there was none. */
export async function deleteResource(q: Queryable, id: string): Promise<boolean> {
  const { rowCount } = await q.query('DELETE FROM resources WHERE id = $1', [id]);
  return rowCount > 0;
}

/** Counts one more open of item `id`. */
export async function countOpen(tx: Transaction, id: string): Promise<void> {
  await tx.query('UPDATE resources SET open_count = open_count + 1 WHERE id = $1', [id]);
}
