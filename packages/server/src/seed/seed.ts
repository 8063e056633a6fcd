/**
 * Seeds a database with the demo programme of `@partnerkit/core/demo` (a four-tier programme with
 * eight KPIs, partners of every type, 24 months of measurements, deals in every state, a
 * bilingual library and the programme's agreements with partners' acceptances): the same options give the same data, and `@partnerkit/mock` serves the
 * same programme from memory. Sizes scale to hundreds of thousands of deals with batched inserts;
 * a seed that stopped half-way is finished by running it again.
 * @module
 */
import { DEMO_APPLICATIONS, type DemoData, generateDemoCommunication, generateDemoData, generateDemoEnablement, generateDemoPlans, type DemoOptions } from '@partnerkit/core/demo';
import { periodDays } from '@partnerkit/core/rules';
import { ADVISORY_LOCKS, type Database, type Queryable } from '../db/database.js';
import { recordDealMatchesInBulk } from '../domain/deal-conflicts.js';
import { customerIdentity } from '../store/deals.js';
import { readSetting, writeSetting } from '../store/settings.js';
import { insertBatched } from './batch.js';
import { seedCommunication } from './communication.js';
import { seedEnablement } from './enablement.js';
import { type RecruitmentSeed, seedRecruitment } from './recruitment.js';

/** Sizes and the seed of the generated data. */
export interface SeedOptions extends DemoOptions {
  /** Called with a line of progress now and then. */
  onProgress?: (message: string) => void;
}

/** Switches of {@link seedDatabase}. */
export interface SeedMode {
  /** Leave a database that holds a programme alone (answer null) instead of failing. */
  ifEmpty?: boolean;
  /** Only finish a seed an earlier run left unfinished, with its recorded sizes; fail when there is none. */
  resume?: boolean;
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
  /** Applications in every stage (recruitment); their approvals are among `partners`. */
  applications: number;
  /** Joint business plans: one per partner. */
  plans: number;
  /** Announcements, in English and Vietnamese. */
  announcements: number;
  /** Partners' requests, in every status. */
  requests: number;
  durationMs: number;
  /**
   * `seeded`: this run wrote the whole programme; `resumed`: it finished a seed that an earlier
   * run (killed, or crashed) left unfinished, or that another server is writing at the same time.
   */
  outcome: 'seeded' | 'resumed';
  /** Deals this run wrote; the others were there already. */
  dealsWritten: number;
}

/** True when the programme is empty (no tiers, KPIs or partners). */
async function isEmpty(q: Queryable): Promise<boolean> {
  const { rows } = await q.query<{ n: number }>('SELECT ((SELECT count(*) FROM tiers) + (SELECT count(*) FROM kpis) + (SELECT count(*) FROM partners))::int AS n');
  return Number(rows[0]?.n ?? 0) === 0;
}

/**
 * Bumped whenever the generated data changes: a seed left unfinished by another version is not
 * resumed (its remaining deals would not fit the ones written). 2: the generator moved to core;
 * 3: the programme carries agreements and joint business plans; 4: and the enablement catalogue,
 * with people, enrolments and certificates per partner.
 */
const GENERATOR_VERSION = 4;

/** Everything the generated data depends on: the same plan writes the same rows. */
export interface SeedPlan {
  generator: number;
  partners: number;
  deals: number;
  resources: number;
  months: number;
  seed: number;
  /** ISO-8601. */
  asOf: string;
}

/** The `settings` row recording the seed: its plan, and whether it finished. */
const SEED_RECORD = 'seed';

interface SeedRecord {
  plan: SeedPlan;
  startedAt: string;
  finishedAt: string | null;
}

async function readSeedRecord(q: Queryable): Promise<SeedRecord | null> {
  const value = await readSetting(q, SEED_RECORD);
  return value === null ? null : (JSON.parse(value) as SeedRecord);
}

async function writeSeedRecord(q: Queryable, record: SeedRecord): Promise<void> {
  await writeSetting(q, SEED_RECORD, JSON.stringify(record), new Date(record.startedAt));
}

/** The plan of a seed that started and did not finish, or null. */
export async function unfinishedSeed(q: Queryable): Promise<SeedPlan | null> {
  const recorded = await readSeedRecord(q);
  return recorded !== null && recorded.finishedAt === null ? recorded.plan : null;
}

/** The data `options` ask for (checked by core's generator, which throws a RangeError), and its plan. */
function generate(options: DemoOptions, asOf: Date): { plan: SeedPlan; data: DemoData } {
  const data = generateDemoData({ ...options, asOf });
  const plan: SeedPlan = {
    generator: GENERATOR_VERSION,
    partners: data.partners.length,
    deals: data.dealCount,
    resources: data.resources.length,
    months: data.months,
    seed: options.seed ?? 1,
    asOf: data.asOf.toISOString(),
  };
  return { plan, data };
}

/** What `options` ask for that differs from the recorded plan (options left out follow the record). */
function differences(options: DemoOptions, recorded: SeedPlan): string[] {
  const { plan: asked } = generate(options, options.asOf === undefined ? new Date(recorded.asOf) : new Date(options.asOf));
  const given = new Set<keyof SeedPlan>(['asOf', 'seed', 'partners', 'deals', 'resources', 'months'].filter((k) => options[k as keyof DemoOptions] !== undefined) as (keyof SeedPlan)[]);
  if (options.profile !== undefined) for (const k of ['partners', 'deals', 'resources', 'months'] as const) given.add(k);
  given.add('generator');
  return [...given].filter((k) => asked[k] !== recorded[k]).map((k) => `${k} ${String(asked[k])} (recorded: ${String(recorded[k])})`);
}

/** A plan in words, for messages. */
export const describePlan = (plan: SeedPlan) =>
  `${plan.partners} partners, ${plan.deals} deals, ${plan.resources} resources, ${plan.months} months, seed ${plan.seed}, as of ${plan.asOf.slice(0, 10)}`;

/** The options that generate `plan` again. */
const optionsOf = (plan: SeedPlan): DemoOptions => ({ partners: plan.partners, deals: plan.deals, resources: plan.resources, months: plan.months, seed: plan.seed });

/**
 * Seeds an empty database, durably: the programme (tiers, KPIs, partners, measurements, targets,
 * resources) and the seed's plan commit in one transaction, then the deals in batches of 10 000,
 * each its own transaction; the plan is marked finished with the last. A seed that stopped
 * half-way (killed, crashed) is finished by running it again: the same plan generates the same
 * rows, and batches already there are skipped. Which it did is in the report's `outcome`.
 *
 * Any number of processes may seed one database at once (servers started together with
 * `--seed demo`): an advisory lock serialises the decision and each batch, so one writes the
 * programme and every batch lands once.
 *
 * With `ifEmpty`, a database that already holds a programme (seeded or not) is left alone and null
 * is answered (so `start --seed demo` can restart); without, it is an error. An unfinished seed
 * is resumed when the options given agree with its recorded plan (options left out follow it);
 * `resume` insists on resuming. Seeding writes no events: the event log starts with the first
 * real change.
 */
export async function seedDatabase(db: Database, options: SeedOptions = {}, { ifEmpty = false, resume = false }: SeedMode = {}): Promise<SeedReport | null> {
  const started = performance.now();
  const { onProgress, ...demoOptions } = options;
  const progress = onProgress ?? (() => {});
  // Generated before the database is touched, so bad options change nothing.
  const asked = generate(demoOptions, demoOptions.asOf === undefined ? new Date() : new Date(demoOptions.asOf));

  // Decide under the seed lock, and write the programme in the same transaction when seeding.
  const decided = await db.transaction(async (tx): Promise<{ plan: SeedPlan; outcome: SeedReport['outcome']; recruitment?: RecruitmentSeed } | null> => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [ADVISORY_LOCKS.seed]);
    const recorded = await readSeedRecord(tx);
    if (recorded !== null && recorded.finishedAt === null) {
      const differ = differences(demoOptions, recorded.plan);
      if (differ.length > 0) {
        throw new Error(
          `the database holds an unfinished seed (${describePlan(recorded.plan)}) and these options differ: ${differ.join(', ')}; ` +
            'run "partnerkit-server seed --resume" to finish it',
        );
      }
      return { plan: recorded.plan, outcome: 'resumed' };
    }
    if (resume) throw new Error(recorded ? `the seed of ${recorded.finishedAt?.slice(0, 10)} finished; there is nothing to resume` : 'there is no unfinished seed to resume');
    if (recorded !== null || !(await isEmpty(tx))) {
      if (ifEmpty) return null;
      throw new Error('the database already holds a programme; seed an empty data directory or database');
    }
    await writeSeedRecord(tx, { plan: asked.plan, startedAt: new Date().toISOString(), finishedAt: null });
    // The seed's deal numbers are taken now: registrations made meanwhile number after them.
    await tx.query(`SELECT setval('deal_numbers', GREATEST($1::bigint, 1), $1::bigint > 0)`, [asked.plan.deals]);
    await insertProgramme(tx, asked.data);
    const recruitment = await seedRecruitment(tx, asked.data.asOf);
    return { plan: asked.plan, outcome: 'seeded', recruitment };
  });
  if (decided === null) return null;
  const { plan, outcome } = decided;
  // A resumed seed wrote recruitment with the programme, in the first run's transaction.
  const recruited = decided.recruitment ?? { applications: DEMO_APPLICATIONS.length, partners: DEMO_APPLICATIONS.filter((a) => a.steps.some((s) => 'to' in s && s.to === 'approved')).length };
  if (outcome === 'resumed') progress(`seed: finishing an unfinished seed (${describePlan(plan)})`);
  // A resume generates the data of the recorded plan again, without writing the programme.
  const data = outcome === 'seeded' ? asked.data : generate(optionsOf(plan), new Date(plan.asOf)).data;
  progress(`seed: ${data.partners.length} partners, ${data.measurements.length} measurements`);
  const dealsWritten = await writeDeals(db, data, progress);
  await db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [ADVISORY_LOCKS.seed]);
    const recorded = await readSeedRecord(tx);
    if (recorded !== null && recorded.finishedAt === null) await writeSeedRecord(tx, { ...recorded, finishedAt: new Date().toISOString() });
  });
  return {
    tiers: data.tiers.length,
    kpis: data.kpis.length,
    partners: data.partners.length + recruited.partners,
    targets: data.targets.length,
    measurements: data.measurements.length,
    deals: data.dealCount,
    resources: data.resources.length,
    agreements: data.agreements.length,
    acceptances: data.agreements.reduce((n, a) => n + a.acceptances.length, 0),
    applications: recruited.applications,
    plans: data.partners.length,
    ...communicationCounts(data),
    durationMs: Math.round(performance.now() - started),
    outcome,
    dealsWritten,
  };
}

/** How many announcements and requests the demo communication of `data` holds. */
function communicationCounts(data: DemoData): { announcements: number; requests: number } {
  const { announcements, requests } = generateDemoCommunication(data);
  return { announcements: announcements.length, requests: requests.length };
}

/** Tiers, KPIs, partners, measurements, targets, resources and agreements, in the caller's transaction. */
async function insertProgramme(tx: Queryable, data: DemoData): Promise<void> {
  await insertBatched(
    tx,
    'tiers',
    { id: 'text', rank: 'int', name: 'text', colour: 'text', benefits: 'jsonb', requirements: 'jsonb', deal_protection_days: 'int', translations: 'jsonb', created_at: 'timestamptz', updated_at: 'timestamptz' },
    data.tiers.map((t) => ({ id: t.id, rank: t.rank, name: t.name, colour: t.colour, benefits: t.benefits, requirements: t.requirements, deal_protection_days: t.dealProtectionDays, translations: t.translations ?? {}, created_at: t.createdAt, updated_at: t.updatedAt })),
  );
  await insertBatched(
    tx,
    'kpis',
    { id: 'text', name: 'text', description: 'text', unit: 'text', direction: 'text', aggregation: 'text', weight: 'float8', currency: 'text', source: 'text', translations: 'jsonb', created_at: 'timestamptz', updated_at: 'timestamptz' },
    data.kpis.map((k) => ({ id: k.id, name: k.name, description: k.description, unit: k.unit, direction: k.direction, aggregation: k.aggregation, weight: k.weight, currency: k.currency, source: k.source ?? 'measurements', translations: k.translations ?? {}, created_at: k.createdAt, updated_at: k.updatedAt })),
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
  await seedPlans(tx, generateDemoPlans(data));
  await seedEnablement(tx, generateDemoEnablement(data));
  await seedCommunication(tx, generateDemoCommunication(data), data.asOf);
}

/** The columns of the seeded deals. */
const DEAL_COLUMNS = {
  id: 'text', number: 'text', partner_id: 'text', status: 'text', type: 'text', customer: 'jsonb', customer_key: 'text', name_key: 'text', name_head: 'text',
  name_tail: 'text', contact: 'jsonb', products: 'jsonb', amount: 'jsonb', expected_close_date: 'text', stage: 'text', description: 'text',
  submitted_by: 'jsonb', submitted_at: 'timestamptz', approved_at: 'timestamptz', expires_at: 'timestamptz', extensions: 'int',
  approved_by: 'jsonb', reason_code: 'text', reason: 'text', history: 'jsonb', created_at: 'timestamptz', updated_at: 'timestamptz',
};

/**
 * Writes the deals of `data` a generator batch (10 000) per transaction, so hundreds of thousands
 * never sit in one; batches already there (an earlier run's, or another server's seeding at the
 * same time) are generated but not written. Answers how many deals it wrote.
 */
async function writeDeals(db: Database, data: DemoData, progress: (line: string) => void): Promise<number> {
  let written = 0;
  let done = 0;
  for (const batch of data.dealBatches()) {
    const rows = batch.map((d) => {
      const identity = customerIdentity(d.customer);
      return {
        id: d.id, number: d.number, partner_id: d.partnerId, status: d.status, type: d.type, customer: d.customer, customer_key: identity.key,
        name_key: identity.nameKey, name_head: identity.nameHead, name_tail: identity.nameTail, contact: d.contact, products: d.products, amount: d.amount,
        expected_close_date: d.expectedCloseDate, stage: d.stage, description: d.description, submitted_by: d.submittedBy, submitted_at: d.submittedAt,
        approved_at: d.approvedAt, expires_at: d.expiresAt, extensions: d.extensions, approved_by: d.approvedBy, reason_code: d.reasonCode,
        reason: d.reason, history: d.history, created_at: d.createdAt, updated_at: d.updatedAt,
      };
    });
    const landed = await db.transaction(async (tx) => {
      // Under the seed lock: another process seeding the same plan writes each batch once.
      await tx.query('SELECT pg_advisory_xact_lock($1)', [ADVISORY_LOCKS.seed]);
      // A batch commits whole, so its first deal says whether it is there.
      const { rows: present } = await tx.query('SELECT 1 FROM deals WHERE id = $1', [rows[0]?.id]);
      if (present.length > 0) return 0;
      const { rows: next } = await tx.query<{ seq: string }>('SELECT COALESCE(max(seq), 0) + 1 AS seq FROM deals');
      await insertBatched(tx, 'deals', DEAL_COLUMNS, rows);
      // Written in bulk, so their possible conflicts are recorded in bulk too.
      await recordDealMatchesInBulk(tx, Number(next[0]?.seq));
      return rows.length;
    });
    written += landed;
    done += batch.length;
    progress(`seed: ${done} of ${data.dealCount} deals${landed === 0 ? ' (there already)' : ''}`);
  }
  return written;
}

/** The demo plans: plans, their objectives, activities, comments and agreed revisions. */
async function seedPlans(tx: Queryable, plans: ReturnType<typeof generateDemoPlans>): Promise<void> {
  const all = plans.map((p) => p.plan);
  const objectives = all.flatMap((p) => p.objectives);
  await insertBatched(
    tx,
    'plans',
    {
      id: 'text', partner_id: 'text', period: 'text', starts_on: 'text', title: 'text', status: 'text', revision: 'int', version: 'int', vendor_agreement: 'jsonb',
      partner_agreement: 'jsonb', history: 'jsonb', created_by: 'jsonb', created_at: 'timestamptz', updated_at: 'timestamptz',
    },
    all.map((p) => ({
      id: p.id, partner_id: p.partnerId, period: p.period, starts_on: periodDays(p.period).first, title: p.title, status: p.status, revision: p.revision, version: p.version,
      vendor_agreement: p.agreements.vendor, partner_agreement: p.agreements.partner, history: p.history, created_by: p.createdBy, created_at: p.createdAt, updated_at: p.updatedAt,
    })),
  );
  await insertBatched(
    tx,
    'plan_objectives',
    {
      id: 'text', plan_id: 'text', partner_id: 'text', period: 'text', side: 'text', owner: 'jsonb', title: 'text', description: 'text', kind: 'text', kpi_id: 'text',
      target: 'float8', due_date: 'text', source: 'jsonb', completed: 'jsonb', created_by: 'jsonb', created_at: 'timestamptz', updated_at: 'timestamptz',
    },
    objectives.map((o) => ({
      id: o.id, plan_id: o.planId, partner_id: o.partnerId, period: o.period, side: o.side, owner: o.owner, title: o.title, description: o.description, kind: o.kind,
      kpi_id: o.measure?.kpi.id ?? null, target: o.measure?.target ?? null, due_date: o.dueDate, source: o.source, completed: o.completed, created_by: o.createdBy,
      created_at: o.createdAt, updated_at: o.updatedAt,
    })),
  );
  await insertBatched(
    tx,
    'plan_activities',
    { id: 'text', objective_id: 'text', side: 'text', title: 'text', owner: 'jsonb', due_date: 'text', completed: 'jsonb', created_by: 'jsonb', created_at: 'timestamptz', updated_at: 'timestamptz' },
    objectives.flatMap((o) =>
      o.activities.map((a) => ({ id: a.id, objective_id: o.id, side: a.side, title: a.title, owner: a.owner, due_date: a.dueDate, completed: a.completed, created_by: a.createdBy, created_at: a.createdAt, updated_at: a.updatedAt })),
    ),
  );
  await insertBatched(
    tx,
    'plan_comments',
    { id: 'text', objective_id: 'text', author: 'jsonb', body: 'text', created_at: 'timestamptz' },
    objectives.flatMap((o) => o.comments.map((c) => ({ id: c.id, objective_id: o.id, author: c.author, body: c.body, created_at: c.createdAt }))),
  );
  await insertBatched(
    tx,
    'plan_revisions',
    { plan_id: 'text', revision: 'int', version: 'int', snapshot: 'jsonb', agreed_at: 'timestamptz' },
    plans.flatMap((p) => p.revisions.map((r) => ({ plan_id: r.planId, revision: r.revision, version: r.version, snapshot: r, agreed_at: r.agreedAt }))),
  );
}
