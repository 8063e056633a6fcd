/**
 * Seeds a database with the demo programme of `@partnerkit/core/demo` (a four-tier programme with
 * eight KPIs, partners of every type, 24 months of measurements, deals in every state, a
 * bilingual library and the programme's agreements with partners' acceptances): the same options give the same data, and `@partnerkit/mock` serves the
 * same programme from memory. Sizes scale to hundreds of thousands of deals with batched inserts.
 * @module
 */
import { generateDemoData, type DemoOptions } from '@partnerkit/core/demo';
import type { Database, Queryable } from '../db/database.js';
import { customerIdentity } from '../store/deals.js';

/** Sizes and the seed of the generated data. */
export interface SeedOptions extends DemoOptions {
  /** Called with a line of progress now and then. */
  onProgress?: (message: string) => void;
}

/** What was written. */
export interface SeedReport {
  tiers: number;
  kpis: number;
  partners: number;
  targets: number;
  measurements: number;
  deals: number;
  resources: number;
  agreements: number;
  acceptances: number;
  durationMs: number;
}

const BATCH = 1000;

/** Inserts `rows` into `table` in batches, through `jsonb_to_recordset` (one parameter per batch). */
async function insertBatched(q: Queryable, table: string, columns: Record<string, string>, rows: readonly Record<string, unknown>[]): Promise<void> {
  const names = Object.keys(columns);
  const definition = names.map((n) => `${n} ${columns[n]}`).join(', ');
  for (let start = 0; start < rows.length; start += BATCH) {
    await q.query(
      `INSERT INTO ${table} (${names.join(', ')}) SELECT ${names.join(', ')} FROM jsonb_to_recordset($1::jsonb) AS x(${definition})`,
      [JSON.stringify(rows.slice(start, start + BATCH))],
    );
  }
}

/** True when the programme is empty (no tiers, KPIs or partners). */
async function isEmpty(q: Queryable): Promise<boolean> {
  const { rows } = await q.query<{ n: number }>('SELECT ((SELECT count(*) FROM tiers) + (SELECT count(*) FROM kpis) + (SELECT count(*) FROM partners))::int AS n');
  return Number(rows[0]?.n ?? 0) === 0;
}

/**
 * Seeds an empty database. With `ifEmpty`, a database that already holds a programme is left
 * alone and null is answered (so `start --seed demo` can restart); without, it is an error.
 * Seeding writes no events: the event log starts with the first real change.
 */
export async function seedDatabase(db: Database, options: SeedOptions = {}, { ifEmpty = false } = {}): Promise<SeedReport | null> {
  const started = performance.now();
  const { onProgress, ...demoOptions } = options;
  // Generated before the database is touched, so bad options change nothing.
  const data = generateDemoData(demoOptions);
  if (!(await isEmpty(db))) {
    if (ifEmpty) return null;
    throw new Error('the database already holds a programme; seed an empty data directory or database');
  }
  const progress = onProgress ?? (() => {});
  const report: SeedReport = {
    tiers: data.tiers.length,
    kpis: data.kpis.length,
    partners: data.partners.length,
    targets: data.targets.length,
    measurements: data.measurements.length,
    deals: data.dealCount,
    resources: data.resources.length,
    agreements: data.agreements.length,
    acceptances: data.agreements.reduce((n, a) => n + a.acceptances.length, 0),
    durationMs: 0,
  };

  // The programme, partners, targets and measurements: one transaction.
  await db.transaction(async (tx) => {
    await insertBatched(
      tx,
      'tiers',
      { id: 'text', rank: 'int', name: 'text', colour: 'text', benefits: 'jsonb', requirements: 'jsonb', deal_protection_days: 'int', translations: 'jsonb', created_at: 'timestamptz', updated_at: 'timestamptz' },
      data.tiers.map((t) => ({ id: t.id, rank: t.rank, name: t.name, colour: t.colour, benefits: t.benefits, requirements: t.requirements, deal_protection_days: t.dealProtectionDays, translations: t.translations ?? {}, created_at: t.createdAt, updated_at: t.updatedAt })),
    );
    await insertBatched(
      tx,
      'kpis',
      { id: 'text', name: 'text', description: 'text', unit: 'text', direction: 'text', aggregation: 'text', weight: 'float8', currency: 'text', translations: 'jsonb', created_at: 'timestamptz', updated_at: 'timestamptz' },
      data.kpis.map((k) => ({ id: k.id, name: k.name, description: k.description, unit: k.unit, direction: k.direction, aggregation: k.aggregation, weight: k.weight, currency: k.currency, translations: k.translations ?? {}, created_at: k.createdAt, updated_at: k.updatedAt })),
    );
    await insertBatched(
      tx,
      'partners',
      { id: 'text', name: 'text', type: 'text', status: 'text', tier_id: 'text', region: 'text', country: 'text', website: 'text', domains: 'jsonb', manager: 'jsonb', created_at: 'timestamptz', updated_at: 'timestamptz', tier_since: 'timestamptz' },
      data.partners.map(({ partner: p }) => ({
        id: p.id, name: p.name, type: p.type, status: p.status, tier_id: p.tierId, region: p.region, country: p.country, website: p.website, domains: p.domains,
        manager: p.manager, created_at: p.createdAt, updated_at: p.updatedAt, tier_since: p.tierSince,
      })),
    );
    progress(`seed: ${data.partners.length} partners`);
    await insertBatched(
      tx,
      'measurements',
      { partner_id: 'text', kpi_id: 'text', period: 'text', value: 'float8', source: 'text', recorded_at: 'timestamptz' },
      data.measurements.map((m) => ({ partner_id: m.partnerId, kpi_id: m.kpiId, period: m.period, value: m.value, source: m.source, recorded_at: m.recordedAt })),
    );
    await insertBatched(
      tx,
      'targets',
      { partner_id: 'text', kpi_id: 'text', period: 'text', value: 'float8', updated_at: 'timestamptz' },
      data.targets.map((t) => ({ partner_id: t.partnerId, kpi_id: t.kpiId, period: t.period, value: t.value, updated_at: t.updatedAt })),
    );
    progress(`seed: ${data.measurements.length} measurements`);
    await insertBatched(
      tx,
      'resources',
      {
        id: 'text', title: 'text', description: 'text', type: 'text', format: 'text', size_bytes: 'bigint', language: 'text', tags: 'jsonb',
        thumbnail_url: 'text', min_tier_id: 'text', partner_types: 'jsonb', url: 'text', open_count: 'int', translations: 'jsonb', created_at: 'timestamptz', updated_at: 'timestamptz',
      },
      data.resources.map((r) => ({
        id: r.id, title: r.title, description: r.description, type: r.type, format: r.format, size_bytes: r.sizeBytes, language: r.language, tags: r.tags,
        thumbnail_url: r.thumbnailUrl, min_tier_id: r.minTierId, partner_types: r.partnerTypes, url: r.url, open_count: r.openCount, translations: r.translations ?? {}, created_at: r.createdAt, updated_at: r.updatedAt,
      })),
    );
    await insertBatched(
      tx,
      'agreements',
      { id: 'text', title: 'text', translations: 'jsonb', partner_types: 'jsonb', tier_ids: 'jsonb', gates: 'jsonb', term: 'jsonb', status: 'text', created_at: 'timestamptz', updated_at: 'timestamptz' },
      data.agreements.map(({ agreement: a }) => ({
        id: a.id, title: a.title, translations: a.translations ?? null, partner_types: a.partnerTypes, tier_ids: a.tierIds, gates: a.gates, term: a.term, status: a.status, created_at: a.createdAt, updated_at: a.updatedAt,
      })),
    );
    await insertBatched(
      tx,
      'agreement_versions',
      { id: 'text', agreement_id: 'text', version: 'text', body: 'jsonb', translations: 'jsonb', effective_at: 'timestamptz', content_hash: 'text', created_at: 'timestamptz' },
      data.agreements.flatMap(({ versions }) =>
        versions.map((v) => ({ id: v.id, agreement_id: v.agreementId, version: v.version, body: v.body, translations: v.translations ?? null, effective_at: v.effectiveAt, content_hash: v.contentHash, created_at: v.createdAt })),
      ),
    );
    await insertBatched(
      tx,
      'acceptances',
      { id: 'text', partner_id: 'text', agreement_id: 'text', version_id: 'text', version: 'text', content_hash: 'text', accepted_by: 'jsonb', accepted_at: 'timestamptz', language: 'text', expires_at: 'timestamptz' },
      data.agreements.flatMap(({ acceptances }) =>
        acceptances.map((a) => ({
          id: a.id, partner_id: a.partnerId, agreement_id: a.agreementId, version_id: a.versionId, version: a.version, content_hash: a.contentHash, accepted_by: a.acceptedBy, accepted_at: a.acceptedAt, language: a.language, expires_at: a.expiresAt,
        })),
      ),
    );
  });

  // Deals: batches of their own, so hundreds of thousands never sit in one transaction.
  let written = 0;
  for (const batch of data.dealBatches()) {
    const rows = batch.map((d) => {
      const identity = customerIdentity(d.customer);
      return {
        id: d.id, number: d.number, partner_id: d.partnerId, status: d.status, type: d.type, customer: d.customer, customer_key: identity.key,
        name_head: identity.nameHead, name_tail: identity.nameTail, contact: d.contact, products: d.products, amount: d.amount,
        expected_close_date: d.expectedCloseDate, stage: d.stage, description: d.description, submitted_by: d.submittedBy, submitted_at: d.submittedAt,
        approved_at: d.approvedAt, expires_at: d.expiresAt, extensions: d.extensions, approved_by: d.approvedBy, reason_code: d.reasonCode,
        reason: d.reason, history: d.history, created_at: d.createdAt, updated_at: d.updatedAt,
      };
    });
    await db.transaction(async (tx) => {
      await insertBatched(
        tx,
        'deals',
        {
          id: 'text', number: 'text', partner_id: 'text', status: 'text', type: 'text', customer: 'jsonb', customer_key: 'text', name_head: 'text',
          name_tail: 'text', contact: 'jsonb', products: 'jsonb', amount: 'jsonb', expected_close_date: 'text', stage: 'text', description: 'text',
          submitted_by: 'jsonb', submitted_at: 'timestamptz', approved_at: 'timestamptz', expires_at: 'timestamptz', extensions: 'int',
          approved_by: 'jsonb', reason_code: 'text', reason: 'text', history: 'jsonb', created_at: 'timestamptz', updated_at: 'timestamptz',
        },
        rows,
      );
    });
    written += batch.length;
    progress(`seed: ${written} of ${data.dealCount} deals`);
  }
  if (data.dealCount > 0) await db.query(`SELECT setval('deal_numbers', $1)`, [data.dealCount]);
  report.durationMs = Math.round(performance.now() - started);
  return report;
}
