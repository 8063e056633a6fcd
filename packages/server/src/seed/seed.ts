/**
 * Generated, realistic, deterministic data: a four-tier programme with eight KPIs, partners of
 * every type, 24 months of measurements, deals in every state and a bilingual library. The same
 * options give the same data; sizes scale to hundreds of thousands of deals with batched inserts.
 * @module
 */
import { customerKey, previousPeriods, protectionEnd } from '@partnerkit/core/rules';
import {
  DEAL_REASON_CODES,
  PARTNER_TYPES,
  type DealHistoryEntry,
  type DealStatus,
  type PartnerStatus,
  type PartnerType,
} from '@partnerkit/core/schemas';
import { ADVISORY_LOCKS, type Database, type Queryable } from '../db/database.js';
import { customerIdentity, dealNumber } from '../store/deals.js';
import { readSetting, writeSetting } from '../store/settings.js';
import { SEED_KPIS, SEED_TIERS } from './programme.js';
import { SeededRandom } from './random.js';
import {
  COUNTRIES,
  EN_ENDINGS,
  EN_FORMS,
  EN_SYLLABLES,
  EN_TRADES,
  INDUSTRIES,
  PEOPLE_EN,
  PEOPLE_VI,
  PRODUCTS,
  RESOURCE_TOPICS,
  slug,
  STAGES,
  VI_FORMS,
  VI_TRADES,
  VI_WORDS,
} from './vocabulary.js';

/** Sizes and the seed of the generated data. */
export interface SeedOptions {
  /** Preset sizes: `demo` (24 partners, 400 deals) or `bench` (1000 partners, 100 000 deals). */
  profile?: 'demo' | 'bench';
  partners?: number;
  deals?: number;
  resources?: number;
  /** Months of measurements, ending with the month of `asOf` (default 24). */
  months?: number;
  /** The random seed (default 1): the same seed and `asOf` give the same data. */
  seed?: number;
  /** The day the data is generated "as of" (default today). */
  asOf?: Date | string;
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
  durationMs: number;
  /**
   * `seeded`: this run wrote the whole programme; `resumed`: it finished a seed that an earlier
   * run (killed, or crashed) left unfinished, or that another server is writing at the same time.
   */
  outcome: 'seeded' | 'resumed';
  /** Deals this run wrote; the others were there already. */
  dealsWritten: number;
}

const PROFILES = {
  demo: { partners: 24, deals: 400, resources: 36, months: 24 },
  bench: { partners: 1000, deals: 100_000, resources: 200, months: 24 },
} as const;

const DAY = 86_400_000;
const BATCH = 1000;

const DEAL_STATUS_WEIGHTS: Record<DealStatus, number> = {
  draft: 4, submitted: 10, under_review: 8, needs_info: 4, approved: 20, rejected: 8, won: 18, lost: 10, expired: 10, withdrawn: 8,
};

const MANAGERS = [
  { id: 'mgr_linh', name: 'Đặng Mai Linh', email: 'linh.dang@vendor.example' },
  { id: 'mgr_oliver', name: 'Oliver Grant', email: 'oliver.grant@vendor.example' },
  { id: 'mgr_sakura', name: 'Sakura Ito', email: 'sakura.ito@vendor.example' },
] as const;

interface GeneratedPartner {
  id: string;
  type: PartnerType;
  level: number;
  country: (typeof COUNTRIES)[number];
  users: { id: string; name: string; email: string }[];
}

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

const EN_BRANDS = EN_SYLLABLES.length ** 2 * EN_ENDINGS.length;
const VI_BRANDS = VI_WORDS.length ** 3;
/** Multipliers coprime with the brand counts: neighbouring indices get unlike brands. */
const EN_SPREAD = 7919;
const VI_SPREAD = 7927;

/**
 * The company name number `index`: a made-up brand, a trade and a legal form, distinct for every
 * index (a branch code only beyond hundreds of thousands of names). Brands are spread so that
 * names near in index share no letters at either end, like real customers, so near-duplicate
 * matching finds few false candidates even at a million deals.
 */
function companyName(rng: SeededRandom, vietnamese: boolean, index: number): string {
  const trades: readonly string[] = vietnamese ? VI_TRADES : EN_TRADES;
  const trade = trades[index % trades.length] as string;
  const serial = Math.floor(index / trades.length);
  const brands = vietnamese ? VI_BRANDS : EN_BRANDS;
  const brand = (serial * (vietnamese ? VI_SPREAD : EN_SPREAD) + 12_345) % brands;
  const round = Math.floor(serial / brands);
  const code = round > 0 ? ` (${round.toString(36).toUpperCase()})` : '';
  if (vietnamese) {
    const words = [brand % 40, Math.floor(brand / 40) % 40, Math.floor(brand / 1600)].map((n) => VI_WORDS[n]);
    return `${rng.pick(VI_FORMS)} ${trade} ${words.join(' ')}${code}`;
  }
  const first = EN_SYLLABLES[brand % 40] as string;
  const second = (EN_SYLLABLES[Math.floor(brand / 40) % 40] as string).toLowerCase();
  return `${first}${second}${EN_ENDINGS[Math.floor(brand / 1600)]} ${trade}${code} ${rng.pick(EN_FORMS)}`;
}

/** True when the programme is empty (no tiers, KPIs or partners). */
async function isEmpty(q: Queryable): Promise<boolean> {
  const { rows } = await q.query<{ n: number }>('SELECT ((SELECT count(*) FROM tiers) + (SELECT count(*) FROM kpis) + (SELECT count(*) FROM partners))::int AS n');
  return Number(rows[0]?.n ?? 0) === 0;
}

/**
 * Bumped whenever the generated data changes: a seed left unfinished by another version is not
 * resumed (its remaining deals would not fit the ones written).
 */
const GENERATOR_VERSION = 1;

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

/** The plan `options` ask for, checked. */
function planOf(options: SeedOptions, asOf: Date): SeedPlan {
  if (Number.isNaN(asOf.getTime())) throw new RangeError('seed: asOf is not a date');
  const preset = PROFILES[options.profile ?? 'demo'];
  const plan: SeedPlan = {
    generator: GENERATOR_VERSION,
    partners: options.partners ?? preset.partners,
    deals: options.deals ?? preset.deals,
    resources: options.resources ?? preset.resources,
    months: options.months ?? preset.months,
    seed: options.seed ?? 1,
    asOf: asOf.toISOString(),
  };
  for (const name of ['partners', 'deals', 'resources', 'months', 'seed'] as const) {
    if (!Number.isInteger(plan[name]) || plan[name] < 0) throw new RangeError(`seed: ${name} must be a whole number >= 0`);
  }
  if (plan.partners === 0 && plan.deals > 0) throw new RangeError('seed: deals need at least one partner');
  if (plan.months < 1 || plan.months > 120) throw new RangeError('seed: months must be 1-120');
  return plan;
}

/** What `options` ask for that differs from the recorded plan (options left out follow the record). */
function differences(options: SeedOptions, recorded: SeedPlan): string[] {
  const asked = planOf(options, options.asOf === undefined ? new Date(recorded.asOf) : new Date(options.asOf));
  const given = new Set<keyof SeedPlan>(['asOf', 'seed', 'partners', 'deals', 'resources', 'months'].filter((k) => options[k as keyof SeedOptions] !== undefined) as (keyof SeedPlan)[]);
  if (options.profile !== undefined) for (const k of ['partners', 'deals', 'resources', 'months'] as const) given.add(k);
  given.add('generator');
  return [...given].filter((k) => asked[k] !== recorded[k]).map((k) => `${k} ${String(asked[k])} (recorded: ${String(recorded[k])})`);
}

/** A plan in words, for messages. */
export const describePlan = (plan: SeedPlan) =>
  `${plan.partners} partners, ${plan.deals} deals, ${plan.resources} resources, ${plan.months} months, seed ${plan.seed}, as of ${plan.asOf.slice(0, 10)}`;

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
  const progress = options.onProgress ?? (() => {});
  const asked = planOf(options, options.asOf === undefined ? new Date() : new Date(options.asOf));

  // Decide under the seed lock, and write the programme in the same transaction when seeding.
  const decided = await db.transaction(async (tx): Promise<{ plan: SeedPlan; outcome: SeedReport['outcome']; programme: Programme | null } | null> => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [ADVISORY_LOCKS.seed]);
    const recorded = await readSeedRecord(tx);
    if (recorded !== null && recorded.finishedAt === null) {
      const differ = differences(options, recorded.plan);
      if (differ.length > 0) {
        throw new Error(
          `the database holds an unfinished seed (${describePlan(recorded.plan)}) and these options differ: ${differ.join(', ')}; ` +
            'run "partnerkit-server seed --resume" to finish it',
        );
      }
      return { plan: recorded.plan, outcome: 'resumed', programme: null };
    }
    if (resume) throw new Error(recorded ? `the seed of ${recorded.finishedAt?.slice(0, 10)} finished; there is nothing to resume` : 'there is no unfinished seed to resume');
    if (recorded !== null || !(await isEmpty(tx))) {
      if (ifEmpty) return null;
      throw new Error('the database already holds a programme; seed an empty data directory or database');
    }
    await writeSeedRecord(tx, { plan: asked, startedAt: new Date().toISOString(), finishedAt: null });
    // The seed's deal numbers are taken now: registrations made meanwhile number after them.
    await tx.query(`SELECT setval('deal_numbers', GREATEST($1::bigint, 1), $1::bigint > 0)`, [asked.deals]);
    const programme = generateProgramme(asked);
    await insertProgramme(tx, programme);
    return { plan: asked, outcome: 'seeded', programme };
  });
  if (decided === null) return null;
  const { plan, outcome } = decided;
  if (outcome === 'resumed') progress(`seed: finishing an unfinished seed (${describePlan(plan)})`);
  // A resume generates the programme again without writing it: the deals draw from the same random sequence.
  const { rng, partners, counts } = decided.programme ?? generateProgramme(plan);
  progress(`seed: ${plan.partners} partners, ${counts.measurements} measurements`);
  const dealsWritten = await writeDeals(db, rng, plan, partners, progress);
  await db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [ADVISORY_LOCKS.seed]);
    const recorded = await readSeedRecord(tx);
    if (recorded !== null && recorded.finishedAt === null) await writeSeedRecord(tx, { ...recorded, finishedAt: new Date().toISOString() });
  });
  return {
    tiers: SEED_TIERS.length,
    kpis: SEED_KPIS.length,
    partners: plan.partners,
    targets: counts.targets,
    measurements: counts.measurements,
    deals: plan.deals,
    resources: plan.resources,
    durationMs: Math.round(performance.now() - started),
    outcome,
    dealsWritten,
  };
}

/** The generated programme: its rows by table, its partners, and the random source where it stopped. */
interface Programme {
  rng: SeededRandom;
  partners: GeneratedPartner[];
  tables: { table: string; columns: Record<string, string>; rows: Record<string, unknown>[] }[];
  counts: { measurements: number; targets: number };
}

async function insertProgramme(tx: Queryable, programme: Programme): Promise<void> {
  for (const { table, columns, rows } of programme.tables) await insertBatched(tx, table, columns, rows);
}

/** Tiers, KPIs, partners, measurements, targets and resources of `plan`, generated (nothing written). */
function generateProgramme(plan: SeedPlan): Programme {
  const sizes = plan;
  const asOf = new Date(plan.asOf);
  const rng = new SeededRandom(plan.seed);
  const iso = (d: Date) => d.toISOString();
  const createdAt = iso(new Date(asOf.getTime() - 800 * DAY));
  const thisMonth = asOf.toISOString().slice(0, 7);
  const months = previousPeriods(thisMonth, sizes.months);
  const tables: Programme['tables'] = [];
  const table = (name: string, columns: Record<string, string>, rows: Record<string, unknown>[]) => tables.push({ table: name, columns, rows });

  const partners: GeneratedPartner[] = [];
  const counts = { measurements: 0, targets: 0 };
  {
    table(
      'tiers',
      { id: 'text', rank: 'int', name: 'text', colour: 'text', benefits: 'jsonb', requirements: 'jsonb', deal_protection_days: 'int', created_at: 'timestamptz', updated_at: 'timestamptz' },
      SEED_TIERS.map((t) => ({ id: t.id, rank: t.rank, name: t.name, colour: t.colour, benefits: t.benefits, requirements: t.requirements, deal_protection_days: t.dealProtectionDays, created_at: createdAt, updated_at: createdAt })),
    );
    table(
      'kpis',
      { id: 'text', name: 'text', description: 'text', unit: 'text', direction: 'text', aggregation: 'text', weight: 'float8', currency: 'text', created_at: 'timestamptz', updated_at: 'timestamptz' },
      SEED_KPIS.map((k) => ({ id: k.id, name: k.name, description: k.description, unit: k.unit, direction: k.direction, aggregation: k.aggregation, weight: k.weight, currency: k.currency, created_at: createdAt, updated_at: createdAt })),
    );

    const partnerRows: Record<string, unknown>[] = [];
    const width = Math.max(4, String(sizes.partners).length);
    for (let i = 0; i < sizes.partners; i += 1) {
      const country = COUNTRIES[i % COUNTRIES.length] as (typeof COUNTRIES)[number];
      // The first four partners hold one tier each, so every tier has a partner at any size.
      const level = i < 4 ? i + 1 : Number(rng.weighted({ 1: 40, 2: 30, 3: 20, 4: 10 }));
      // Partners draw from another stretch of names than customers.
      const name = companyName(rng, country.vietnamese, 200_003 + i * 13);
      const domain = `${slug(name.replace(/^(Công ty (TNHH( MTV)?|Cổ phần)|Tập đoàn) /, ''))}.${country.tld}`;
      const people = country.vietnamese ? PEOPLE_VI : PEOPLE_EN;
      const id = `pt_${String(i + 1).padStart(width, '0')}`;
      const users = [0, 1].map((n) => {
        const person = people[(i + n * 3) % people.length] as string;
        return { id: `${id}_user${n + 1}`, name: person, email: `${slug(person).replace(/-/g, '.')}@${domain}` };
      });
      const type = PARTNER_TYPES[i % PARTNER_TYPES.length] as PartnerType;
      partners.push({ id, type, level, country, users });
      const status: PartnerStatus = i < 4 ? 'active' : rng.weighted({ active: 80, onboarding: 8, prospect: 5, suspended: 5, offboarded: 2 });
      const joined = iso(new Date(asOf.getTime() - rng.int(400, 800) * DAY));
      partnerRows.push({
        id,
        name,
        type,
        status,
        tier_id: SEED_TIERS[level - 1]?.id ?? null,
        region: country.region,
        country: country.code,
        website: `https://www.${domain}`,
        domains: [domain],
        manager: MANAGERS[i % MANAGERS.length],
        created_at: joined,
        updated_at: createdAt,
        // In its tier since it joined: the first 18 months of numbers are at its level.
        tier_since: joined,
      });
    }
    table(
      'partners',
      { id: 'text', name: 'text', type: 'text', status: 'text', tier_id: 'text', region: 'text', country: 'text', website: 'text', domains: 'jsonb', manager: 'jsonb', created_at: 'timestamptz', updated_at: 'timestamptz', tier_since: 'timestamptz' },
      partnerRows,
    );

    // Most partners perform at their tier; some slip (a pending downgrade), some rise (an upgrade).
    const measurementRows: Record<string, unknown>[] = [];
    const targetRows: Record<string, unknown>[] = [];
    const recordedAt = iso(asOf);
    for (const partner of partners) {
      const drift = rng.weighted({ steady: 75, slipping: 15, rising: 10 });
      for (const kpi of SEED_KPIS) {
        months.forEach((month, index) => {
          const recent = index >= months.length - 6;
          const level = Math.min(4, Math.max(1, partner.level + (recent && drift === 'slipping' ? -1 : recent && drift === 'rising' ? 1 : 0)));
          const base = kpi.monthly[level - 1] as number;
          const season = 1 + 0.12 * Math.sin(((Number(month.slice(5)) - 1) / 12) * 2 * Math.PI);
          let value = Math.max(0, rng.normal(base * season, base * kpi.noise));
          if (kpi.unit === 'count') value = Math.round(value);
          else if (kpi.unit === 'currency') value = Math.round(value);
          else value = Math.round(value * 10) / 10;
          if (kpi.unit === 'percent') value = Math.min(100, value);
          if (kpi.unit === 'score') value = Math.min(5, value);
          measurementRows.push({ partner_id: partner.id, kpi_id: kpi.id, period: month, value, source: kpi.unit === 'currency' ? 'billing' : 'crm', recorded_at: recordedAt });
        });
      }
      if (rng.chance(0.3)) {
        const quarter = `${thisMonth.slice(0, 4)}-Q${Math.floor((Number(thisMonth.slice(5)) - 1) / 3) + 1}`;
        const revenue = SEED_KPIS[0]?.monthly[partner.level - 1] ?? 0;
        targetRows.push({ partner_id: partner.id, kpi_id: 'kpi_revenue', period: quarter, value: Math.round(revenue * 3.3), updated_at: recordedAt });
        targetRows.push({ partner_id: partner.id, kpi_id: 'kpi_new_customers', period: quarter, value: 3 * partner.level + 1, updated_at: recordedAt });
      }
    }
    table('measurements', { partner_id: 'text', kpi_id: 'text', period: 'text', value: 'float8', source: 'text', recorded_at: 'timestamptz' }, measurementRows);
    table('targets', { partner_id: 'text', kpi_id: 'text', period: 'text', value: 'float8', updated_at: 'timestamptz' }, targetRows);
    counts.measurements = measurementRows.length;
    counts.targets = targetRows.length;

    table(
      'resources',
      {
        id: 'text', title: 'text', description: 'text', type: 'text', format: 'text', size_bytes: 'bigint', language: 'text', tags: 'jsonb',
        thumbnail_url: 'text', min_tier_id: 'text', partner_types: 'jsonb', url: 'text', open_count: 'int', created_at: 'timestamptz', updated_at: 'timestamptz',
      },
      Array.from({ length: sizes.resources }, (_, i) => {
        const topic = RESOURCE_TOPICS[Math.floor(i / 2) % RESOURCE_TOPICS.length] as (typeof RESOURCE_TOPICS)[number];
        const vietnamese = i % 2 === 1;
        const edition = Math.floor(i / (2 * RESOURCE_TOPICS.length));
        const title = `${vietnamese ? topic.vi : topic.en}${edition > 0 ? ` (${vietnamese ? 'bản' : 'edition'} ${edition + 1})` : ''}`;
        const gate = rng.weighted({ open: 50, tier: 30, type: 20 });
        const made = new Date(asOf.getTime() - rng.int(1, 700) * DAY - i * 60_000);
        return {
          id: `rs_${String(i + 1).padStart(4, '0')}`,
          title,
          description: vietnamese ? `Tài liệu dành cho đối tác: ${topic.vi.toLowerCase()}.` : `For partners: ${topic.en.toLowerCase()}.`,
          type: topic.type,
          format: topic.format,
          size_bytes: topic.type === 'video' ? rng.int(40, 900) * 1_048_576 : topic.type === 'link' ? null : rng.int(80, 9000) * 1024,
          language: vietnamese ? 'vi' : 'en',
          tags: topic.tags,
          thumbnail_url: topic.type === 'video' ? `https://cdn.example.com/thumbs/${slug(topic.en)}.jpg` : null,
          min_tier_id: gate === 'tier' ? (SEED_TIERS[rng.int(1, 3)]?.id ?? null) : null,
          partner_types: gate === 'type' ? [rng.pick(PARTNER_TYPES), rng.pick(PARTNER_TYPES)].filter((t, n, all) => all.indexOf(t) === n) : [],
          url: `https://partners.example.com/library/${slug(topic.en)}${edition > 0 ? `-${edition + 1}` : ''}${vietnamese ? '-vi' : ''}`,
          open_count: rng.int(0, 400),
          created_at: iso(made),
          updated_at: iso(made),
        };
      }).sort((a, b) => (a.created_at < b.created_at ? -1 : 1)),
    );
  }
  return { rng, partners, tables, counts };
}

/** The columns of the seeded deals. */
const DEAL_COLUMNS = {
  id: 'text', number: 'text', partner_id: 'text', status: 'text', type: 'text', customer: 'jsonb', customer_key: 'text', name_key: 'text', name_head: 'text',
  name_tail: 'text', contact: 'jsonb', products: 'jsonb', amount: 'jsonb', expected_close_date: 'text', stage: 'text', description: 'text',
  submitted_by: 'jsonb', submitted_at: 'timestamptz', approved_at: 'timestamptz', expires_at: 'timestamptz', extensions: 'int',
  approved_by: 'jsonb', reason_code: 'text', reason: 'text', history: 'jsonb', created_at: 'timestamptz', updated_at: 'timestamptz',
};

/**
 * Writes the deals of `plan`, 10 000 per transaction, so hundreds of thousands never sit in one;
 * batches already there (an earlier run's, or another server's seeding at the same time) are
 * generated but not written, keeping the random sequence. Answers how many deals it wrote.
 */
async function writeDeals(db: Database, rng: SeededRandom, plan: SeedPlan, partners: readonly GeneratedPartner[], progress: (line: string) => void): Promise<number> {
  const sizes = plan;
  const asOf = new Date(plan.asOf);
  const iso = (d: Date) => d.toISOString();
  let written = 0;
  const protectionDays = new Map(SEED_TIERS.map((t) => [t.rank, t.dealProtectionDays]));
  for (let start = 0; start < sizes.deals; start += BATCH * 10) {
    const rows: Record<string, unknown>[] = [];
    for (let i = start; i < Math.min(sizes.deals, start + BATCH * 10); i += 1) {
      const partner = partners[rng.int(0, partners.length - 1)] as GeneratedPartner;
      const status = rng.weighted(DEAL_STATUS_WEIGHTS);
      const days = protectionDays.get(partner.level) ?? 90;
      const customerCountry = rng.chance(0.7) ? partner.country : rng.pick(COUNTRIES);
      const company = companyName(rng, customerCountry.vietnamese, i);
      const domain = `${slug(company.replace(/^(Công ty (TNHH( MTV)?|Cổ phần)|Tập đoàn) /, ''))}.${customerCountry.tld}`;
      const customer = { company, domain, country: customerCountry.code, region: customerCountry.region, industry: rng.pick(INDUSTRIES) };
      const identity = customerIdentity(customer);
      const user = rng.pick(partner.users);
      const manager = MANAGERS[i % MANAGERS.length] as (typeof MANAGERS)[number];
      const partnerBy = { role: 'partner' as const, id: user.id, name: user.name };
      const managerBy = { role: 'manager' as const, id: manager.id, name: manager.name };
      const history: DealHistoryEntry[] = [];
      const at = (d: Date) => iso(d);
      // When each step happened, working back from the status the deal is in now.
      let created: Date;
      let approvedAt: Date | null = null;
      let expiresAt: Date | null = null;
      let reason: string | null = null;
      let reasonCode: (typeof DEAL_REASON_CODES)[number] | null = null;
      if (status === 'approved') {
        approvedAt = new Date(asOf.getTime() - rng.int(0, days - 2) * DAY - rng.int(0, DAY - 1));
        created = new Date(approvedAt.getTime() - rng.int(1, 10) * DAY);
      } else if (status === 'expired') {
        approvedAt = new Date(asOf.getTime() - (days + rng.int(1, 400)) * DAY);
        created = new Date(approvedAt.getTime() - rng.int(1, 10) * DAY);
      } else if (status === 'won' || status === 'lost') {
        approvedAt = new Date(asOf.getTime() - rng.int(20, 700) * DAY);
        created = new Date(approvedAt.getTime() - rng.int(1, 10) * DAY);
      } else if (status === 'draft' || status === 'submitted' || status === 'under_review' || status === 'needs_info') {
        created = new Date(asOf.getTime() - rng.int(0, 45) * DAY - rng.int(0, DAY - 1));
      } else {
        created = new Date(asOf.getTime() - rng.int(10, 700) * DAY);
      }
      if (approvedAt) expiresAt = protectionEnd(approvedAt, days);
      const step = (from: DealStatus | null, to: DealStatus, when: Date, by: DealHistoryEntry['by'], why: string | null = null) =>
        history.push({ at: at(when), from, to, by, reason: why, reasonCode: to === 'rejected' ? reasonCode : null });
      const hour = (n: number) => new Date(created.getTime() + n * 3_600_000);
      if (status === 'draft') step(null, 'draft', created, partnerBy);
      else step(null, 'submitted', created, partnerBy);
      if (status === 'under_review' || status === 'needs_info') step('submitted', 'under_review', hour(20), managerBy);
      if (status === 'needs_info') {
        reason = 'Please add the customer contact and the expected close date.';
        step('under_review', 'needs_info', hour(30), managerBy, reason);
      }
      if (status === 'rejected') {
        reasonCode = rng.pick(DEAL_REASON_CODES);
        reason = reasonCode === 'duplicate' ? 'The customer is already registered by our direct team.' : 'The opportunity does not meet the programme criteria.';
        step('submitted', 'rejected', hour(40), managerBy, reason);
      }
      if (status === 'withdrawn') {
        reason = 'The customer postponed the project.';
        step('submitted', 'withdrawn', hour(50), partnerBy, reason);
      }
      if (approvedAt) step('submitted', 'approved', approvedAt, managerBy);
      if (status === 'won' || status === 'lost') {
        const closed = new Date((approvedAt as Date).getTime() + rng.int(5, days - 1) * DAY);
        if (status === 'lost') reason = 'The customer chose a competitor.';
        step('approved', status, closed, partnerBy, reason);
      }
      if (status === 'expired') step('approved', 'expired', expiresAt as Date, { role: 'system', id: null });
      const currency = customerCountry.code === 'VN' ? 'VND' : 'USD';
      const amount = currency === 'VND' ? rng.int(50, 5000) * 1_000_000 : rng.int(20, 2000) * 100_000;
      const closeDate = new Date(created.getTime() + rng.int(30, 150) * DAY).toISOString().slice(0, 10);
      const last = history[history.length - 1] as DealHistoryEntry;
      rows.push({
        id: '',
        number: '',
        partner_id: partner.id,
        status,
        type: rng.weighted({ resell: 60, referral: 25, co_sell: 15 }),
        customer,
        customer_key: identity.key,
        name_key: identity.nameKey,
        name_head: identity.nameHead,
        name_tail: identity.nameTail,
        contact: { name: rng.pick(customerCountry.vietnamese ? PEOPLE_VI : PEOPLE_EN), email: `procurement@${domain}`, phone: null, title: 'Head of IT' },
        products: [rng.pick(PRODUCTS), rng.pick(PRODUCTS)].filter((p, n, all) => all.indexOf(p) === n),
        amount: { amount, currency },
        expected_close_date: closeDate,
        stage: status === 'draft' ? null : rng.pick(STAGES),
        description: status === 'draft' ? null : `${customer.industry} rollout across ${rng.int(2, 40)} sites.`,
        submitted_by: user,
        submitted_at: status === 'draft' ? null : at(created),
        approved_at: approvedAt ? at(approvedAt) : null,
        expires_at: expiresAt ? at(expiresAt) : null,
        extensions: 0,
        approved_by: approvedAt ? { id: manager.id, name: manager.name, email: manager.email } : null,
        reason_code: reasonCode,
        reason,
        history,
        created_at: at(created),
        updated_at: last.at,
      });
      if (customerKey(customer) !== identity.key) throw new Error('seed: customer key mismatch');
    }
    // Oldest first within the batch, so `seq` (newest-first lists) and numbers follow creation.
    rows.sort((a, b) => ((a.created_at as string) < (b.created_at as string) ? -1 : 1));
    rows.forEach((row, n) => {
      row.id = `dl_${String(start + n + 1).padStart(7, '0')}`;
      row.number = dealNumber(start + n + 1);
    });
    const batch = rows;
    const landed = await db.transaction(async (tx) => {
      // Under the seed lock: another process seeding the same plan writes each batch once.
      await tx.query('SELECT pg_advisory_xact_lock($1)', [ADVISORY_LOCKS.seed]);
      // A batch commits whole, so its first deal says whether it is there.
      const { rows: present } = await tx.query('SELECT 1 FROM deals WHERE id = $1', [batch[0]?.id]);
      if (present.length > 0) return 0;
      await insertBatched(tx, 'deals', DEAL_COLUMNS, batch);
      return batch.length;
    });
    written += landed;
    progress(`seed: ${Math.min(sizes.deals, start + BATCH * 10)} of ${sizes.deals} deals${landed === 0 ? ' (there already)' : ''}`);
  }
  return written;
}
