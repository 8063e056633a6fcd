/**
 * The demo programme as contract objects: a four-tier programme with eight KPIs, partners of
 * every type, months of measurements, deals in every state and a bilingual library. Pure and
 * deterministic: the same options give the same data. The reference server's `seed` writes it
 * to its database, `@partnerkit/mock` serves it from memory, and the OpenAPI document takes its
 * examples from it, so all three show the same programme.
 * @module
 */
import { dealNumber, protectionEnd } from '../rules/deal-lifecycle.js';
import { DAY_MS, previousPeriods } from '../rules/periods.js';
import {
  DEAL_REASON_CODES,
  PARTNER_TYPES,
  type Deal,
  type DealHistoryEntry,
  type DealStatus,
  type Kpi,
  type Measurement,
  type Partner,
  type PartnerStatus,
  type PartnerType,
  type Resource,
  type Target,
  type Tier,
} from '../schemas/index.js';
import { generateDemoAgreements, type DemoAgreement } from './agreements.js';
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
export interface DemoOptions {
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
}

/** A user of a demo partner: who its partner sessions are minted for. */
export interface DemoUser {
  id: string;
  name: string;
  email: string;
}

/** A generated partner and the two users who act for it. */
export interface DemoPartner {
  partner: Partner;
  users: DemoUser[];
}

/** A library item as stored: never locked, always with its URL (gating is applied per caller). */
export type DemoResource = Resource & { url: string; locked: false };

/** The demo programme (every list but the deals, which come in batches: there may be 100 000). */
export interface DemoData {
  asOf: Date;
  tiers: Tier[];
  kpis: Kpi[];
  partners: DemoPartner[];
  /** The vendor's channel managers, who review deals. */
  managers: readonly DemoUser[];
  targets: Target[];
  measurements: Measurement[];
  /** Oldest first. */
  resources: DemoResource[];
  /** The programme's agreements, their versions and the partners' acceptances. */
  agreements: DemoAgreement[];
  /** Months of measurements, ending with the month of `asOf`. */
  months: number;
  /** How many deals {@link DemoData.dealBatches} yields. */
  dealCount: number;
  /**
   * The deals, in batches of at most 10 000, oldest first within each batch; ids (`dl_0000001`)
   * and numbers (`DR-000001`) follow that order. Each call starts again from the same state.
   */
  dealBatches(): Generator<Deal[]>;
}

const PROFILES = {
  demo: { partners: 24, deals: 400, resources: 36, months: 24 },
  bench: { partners: 1000, deals: 100_000, resources: 200, months: 24 },
} as const;

/** Deals generated per batch. */
export const DEAL_BATCH = 10_000;

const DEAL_STATUS_WEIGHTS: Record<DealStatus, number> = {
  draft: 4, submitted: 10, under_review: 8, needs_info: 4, approved: 20, rejected: 8, won: 18, lost: 10, expired: 10, withdrawn: 8,
};

/** The vendor's channel managers. */
export const DEMO_MANAGERS: readonly DemoUser[] = [
  { id: 'mgr_linh', name: 'Đặng Mai Linh', email: 'linh.dang@vendor.example' },
  { id: 'mgr_oliver', name: 'Oliver Grant', email: 'oliver.grant@vendor.example' },
  { id: 'mgr_sakura', name: 'Sakura Ito', email: 'sakura.ito@vendor.example' },
];

interface GeneratedPartner {
  id: string;
  type: PartnerType;
  level: number;
  country: (typeof COUNTRIES)[number];
  users: DemoUser[];
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

/** The web domain of a company: its name without the Vietnamese legal form, as a slug. */
const companyDomain = (company: string, tld: string) => `${slug(company.replace(/^(Công ty (TNHH( MTV)?|Cổ phần)|Tập đoàn) /, ''))}.${tld}`;

/** Generates the demo programme (see {@link DemoData}). */
export function generateDemoData(options: DemoOptions = {}): DemoData {
  const preset = PROFILES[options.profile ?? 'demo'];
  const sizes = {
    partners: options.partners ?? preset.partners,
    deals: options.deals ?? preset.deals,
    resources: options.resources ?? preset.resources,
    months: options.months ?? preset.months,
  };
  for (const [name, value] of Object.entries(sizes)) {
    if (!Number.isInteger(value) || value < 0) throw new RangeError(`seed: ${name} must be a whole number >= 0`);
  }
  if (sizes.partners === 0 && sizes.deals > 0) throw new RangeError('seed: deals need at least one partner');
  if (sizes.months < 1 || sizes.months > 120) throw new RangeError('seed: months must be 1-120');
  const asOf = options.asOf === undefined ? new Date() : new Date(options.asOf);
  if (Number.isNaN(asOf.getTime())) throw new RangeError('seed: asOf is not a date');
  const rng = new SeededRandom(options.seed ?? 1);
  const iso = (d: Date) => d.toISOString();
  const createdAt = iso(new Date(asOf.getTime() - 800 * DAY_MS));
  const thisMonth = asOf.toISOString().slice(0, 7);
  const months = previousPeriods(thisMonth, sizes.months);

  const tiers: Tier[] = SEED_TIERS.map((t) => ({
    id: t.id, rank: t.rank, name: t.name, colour: t.colour, benefits: t.benefits, requirements: t.requirements, dealProtectionDays: t.dealProtectionDays, translations: t.translations, createdAt, updatedAt: createdAt,
  }));
  const kpis: Kpi[] = SEED_KPIS.map((k) => ({
    id: k.id, name: k.name, description: k.description, unit: k.unit, direction: k.direction, aggregation: k.aggregation, weight: k.weight, currency: k.currency, source: k.source ?? 'measurements', translations: k.translations, createdAt, updatedAt: createdAt,
  }));

  const generated: GeneratedPartner[] = [];
  const partners: DemoPartner[] = [];
  const width = Math.max(4, String(sizes.partners).length);
  for (let i = 0; i < sizes.partners; i += 1) {
    const country = COUNTRIES[i % COUNTRIES.length] as (typeof COUNTRIES)[number];
    // The first four partners hold one tier each, so every tier has a partner at any size.
    const level = i < 4 ? i + 1 : Number(rng.weighted({ 1: 40, 2: 30, 3: 20, 4: 10 }));
    // Partners draw from another stretch of names than customers.
    const name = companyName(rng, country.vietnamese, 200_003 + i * 13);
    const domain = companyDomain(name, country.tld);
    const people = country.vietnamese ? PEOPLE_VI : PEOPLE_EN;
    const id = `pt_${String(i + 1).padStart(width, '0')}`;
    const users = [0, 1].map((n) => {
      const person = people[(i + n * 3) % people.length] as string;
      return { id: `${id}_user${n + 1}`, name: person, email: `${slug(person).replace(/-/g, '.')}@${domain}` };
    });
    const type = PARTNER_TYPES[i % PARTNER_TYPES.length] as PartnerType;
    generated.push({ id, type, level, country, users });
    const status: PartnerStatus = i < 4 ? 'active' : rng.weighted({ active: 80, onboarding: 8, prospect: 5, suspended: 5, offboarded: 2 });
    const joined = iso(new Date(asOf.getTime() - rng.int(400, 800) * DAY_MS));
    partners.push({
      partner: {
        id,
        name,
        type,
        status,
        tierId: SEED_TIERS[level - 1]?.id ?? null,
        // In its tier since it joined: the first 18 months of numbers are at its level.
        tierSince: joined,
        region: country.region,
        country: country.code,
        website: `https://www.${domain}`,
        domains: [domain],
        manager: { ...(DEMO_MANAGERS[i % DEMO_MANAGERS.length] as DemoUser) },
        createdAt: joined,
        updatedAt: createdAt,
      },
      users,
    });
  }

  // Most partners perform at their tier; some slip (a pending downgrade), some rise (an upgrade).
  const measurements: Measurement[] = [];
  const targets: Target[] = [];
  const recordedAt = iso(asOf);
  for (const partner of generated) {
    const drift = rng.weighted({ steady: 75, slipping: 15, rising: 10 });
    // The second partner, Silver, is the demo's partner one certification short of Gold
    // (enablement.ts): over the last year its numbers are Gold's, so the certification is all it
    // lacks. Only the means change, so every random draw, and all other data, stays the same.
    const goldNumbers = partner === generated[1] && partner.level === 2;
    for (const kpi of SEED_KPIS) {
      months.forEach((month, index) => {
        const recent = index >= months.length - 6;
        const drifted = Math.min(4, Math.max(1, partner.level + (recent && drift === 'slipping' ? -1 : recent && drift === 'rising' ? 1 : 0)));
        const level = goldNumbers && index >= months.length - 12 ? Math.max(3, drifted) : drifted;
        const base = kpi.monthly[level - 1] as number;
        const season = 1 + 0.12 * Math.sin(((Number(month.slice(5)) - 1) / 12) * 2 * Math.PI);
        let value = Math.max(0, rng.normal(base * season, base * kpi.noise));
        if (kpi.unit === 'count' || kpi.unit === 'currency') value = Math.round(value);
        else value = Math.round(value * 10) / 10;
        if (kpi.unit === 'percent') value = Math.min(100, value);
        if (kpi.unit === 'score') value = Math.min(5, value);
        // A computed KPI (certified staff) is never measured; its draws are kept, so the rest of
        // the data stays what it was.
        if (kpi.source === undefined) measurements.push({ partnerId: partner.id, kpiId: kpi.id, period: month, value, source: kpi.unit === 'currency' ? 'billing' : 'crm', recordedAt });
      });
    }
    if (rng.chance(0.3)) {
      const quarter = `${thisMonth.slice(0, 4)}-Q${Math.floor((Number(thisMonth.slice(5)) - 1) / 3) + 1}`;
      const revenue = SEED_KPIS[0]?.monthly[partner.level - 1] ?? 0;
      targets.push({ partnerId: partner.id, kpiId: 'kpi_revenue', period: quarter, value: Math.round(revenue * 3.3), updatedAt: recordedAt });
      targets.push({ partnerId: partner.id, kpiId: 'kpi_new_customers', period: quarter, value: 3 * partner.level + 1, updatedAt: recordedAt });
    }
  }

  const resources: DemoResource[] = Array.from({ length: sizes.resources }, (_, i): DemoResource => {
    const topic = RESOURCE_TOPICS[Math.floor(i / 2) % RESOURCE_TOPICS.length] as (typeof RESOURCE_TOPICS)[number];
    const vietnamese = i % 2 === 1;
    const edition = Math.floor(i / (2 * RESOURCE_TOPICS.length));
    // Each item is in one language and carries its title and description in the other.
    const text = {
      en: { title: `${topic.en}${edition > 0 ? ` (edition ${edition + 1})` : ''}`, description: `For partners: ${topic.en.toLowerCase()}.` },
      vi: { title: `${topic.vi}${edition > 0 ? ` (bản ${edition + 1})` : ''}`, description: `Tài liệu dành cho đối tác: ${topic.vi.toLowerCase()}.` },
    };
    const [own, other] = vietnamese ? (['vi', 'en'] as const) : (['en', 'vi'] as const);
    const gate = rng.weighted({ open: 50, tier: 30, type: 20 });
    const made = iso(new Date(asOf.getTime() - rng.int(1, 700) * DAY_MS - i * 60_000));
    return {
      id: `rs_${String(i + 1).padStart(4, '0')}`,
      title: text[own].title,
      description: text[own].description,
      type: topic.type,
      format: topic.format,
      sizeBytes: topic.type === 'video' ? rng.int(40, 900) * 1_048_576 : topic.type === 'link' ? null : rng.int(80, 9000) * 1024,
      language: vietnamese ? 'vi' : 'en',
      tags: [...topic.tags],
      thumbnailUrl: topic.type === 'video' ? `https://cdn.example.com/thumbs/${slug(topic.en)}.jpg` : null,
      minTierId: gate === 'tier' ? (SEED_TIERS[rng.int(1, 3)]?.id ?? null) : null,
      partnerTypes: gate === 'type' ? [rng.pick(PARTNER_TYPES), rng.pick(PARTNER_TYPES)].filter((t, n, all) => all.indexOf(t) === n) : [],
      locked: false,
      url: `https://partners.example.com/library/${slug(topic.en)}${edition > 0 ? `-${edition + 1}` : ''}${vietnamese ? '-vi' : ''}`,
      openCount: rng.int(0, 400),
      translations: { [other]: text[other] },
      createdAt: made,
      updatedAt: made,
    };
  }).sort((a, b) => (a.createdAt < b.createdAt ? -1 : 1));

  // The deals continue the same random sequence; each call of dealBatches() replays it from here.
  const dealState = rng.state;
  const protectionDays = new Map(SEED_TIERS.map((t) => [t.rank, t.dealProtectionDays]));
  function* dealBatches(): Generator<Deal[]> {
    const random = new SeededRandom(0);
    random.state = dealState;
    for (let start = 0; start < sizes.deals; start += DEAL_BATCH) {
      const batch: Deal[] = [];
      for (let i = start; i < Math.min(sizes.deals, start + DEAL_BATCH); i += 1) batch.push(generateDeal(random, i));
      // Oldest first within the batch, so newest-first lists and numbers follow creation.
      batch.sort((a, b) => (a.createdAt < b.createdAt ? -1 : 1));
      batch.forEach((deal, n) => {
        deal.id = `dl_${String(start + n + 1).padStart(7, '0')}`;
        deal.number = dealNumber(start + n + 1);
      });
      yield batch;
    }
  }

  function generateDeal(rng: SeededRandom, i: number): Deal {
    const partner = generated[rng.int(0, generated.length - 1)] as GeneratedPartner;
    const status = rng.weighted(DEAL_STATUS_WEIGHTS);
    const days = protectionDays.get(partner.level) ?? 90;
    const customerCountry = rng.chance(0.7) ? partner.country : rng.pick(COUNTRIES);
    const company = companyName(rng, customerCountry.vietnamese, i);
    const domain = companyDomain(company, customerCountry.tld);
    const customer = { company, domain, country: customerCountry.code, region: customerCountry.region, industry: rng.pick(INDUSTRIES) };
    const user = rng.pick(partner.users);
    const manager = DEMO_MANAGERS[i % DEMO_MANAGERS.length] as DemoUser;
    const partnerBy = { role: 'partner' as const, id: user.id, name: user.name };
    const managerBy = { role: 'manager' as const, id: manager.id, name: manager.name };
    const history: DealHistoryEntry[] = [];
    // When each step happened, working back from the status the deal is in now.
    let created: Date;
    let approvedAt: Date | null = null;
    let expiresAt: Date | null = null;
    let reason: string | null = null;
    let reasonCode: (typeof DEAL_REASON_CODES)[number] | null = null;
    if (status === 'approved') {
      approvedAt = new Date(asOf.getTime() - rng.int(0, days - 2) * DAY_MS - rng.int(0, DAY_MS - 1));
      created = new Date(approvedAt.getTime() - rng.int(1, 10) * DAY_MS);
    } else if (status === 'expired') {
      approvedAt = new Date(asOf.getTime() - (days + rng.int(1, 400)) * DAY_MS);
      created = new Date(approvedAt.getTime() - rng.int(1, 10) * DAY_MS);
    } else if (status === 'won' || status === 'lost') {
      approvedAt = new Date(asOf.getTime() - rng.int(20, 700) * DAY_MS);
      created = new Date(approvedAt.getTime() - rng.int(1, 10) * DAY_MS);
    } else if (status === 'draft' || status === 'submitted' || status === 'under_review' || status === 'needs_info') {
      created = new Date(asOf.getTime() - rng.int(0, 45) * DAY_MS - rng.int(0, DAY_MS - 1));
    } else {
      created = new Date(asOf.getTime() - rng.int(10, 700) * DAY_MS);
    }
    if (approvedAt) expiresAt = protectionEnd(approvedAt, days);
    const step = (from: DealStatus | null, to: DealStatus, when: Date, by: DealHistoryEntry['by'], why: string | null = null) =>
      history.push({ at: iso(when), from, to, by, reason: why, reasonCode: to === 'rejected' ? reasonCode : null });
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
      const closed = new Date((approvedAt as Date).getTime() + rng.int(5, days - 1) * DAY_MS);
      if (status === 'lost') reason = 'The customer chose a competitor.';
      step('approved', status, closed, partnerBy, reason);
    }
    if (status === 'expired') step('approved', 'expired', expiresAt as Date, { role: 'system', id: null });
    const currency = customerCountry.code === 'VN' ? 'VND' : 'USD';
    const amount = currency === 'VND' ? rng.int(50, 5000) * 1_000_000 : rng.int(20, 2000) * 100_000;
    const closeDate = new Date(created.getTime() + rng.int(30, 150) * DAY_MS).toISOString().slice(0, 10);
    const last = history[history.length - 1] as DealHistoryEntry;
    const deal: Deal = {
      id: '',
      number: '',
      partnerId: partner.id,
      submittedBy: { ...user },
      status,
      type: rng.weighted({ resell: 60, referral: 25, co_sell: 15 }),
      customer,
      contact: { name: rng.pick(customerCountry.vietnamese ? PEOPLE_VI : PEOPLE_EN), email: `procurement@${domain}`, phone: null, title: 'Head of IT' },
      products: [rng.pick(PRODUCTS), rng.pick(PRODUCTS)].filter((p, n, all) => all.indexOf(p) === n),
      amount: { amount, currency },
      expectedCloseDate: closeDate,
      stage: status === 'draft' ? null : rng.pick(STAGES),
      description: status === 'draft' ? null : `${customer.industry} rollout across ${rng.int(2, 40)} sites.`,
      submittedAt: status === 'draft' ? null : iso(created),
      approvedAt: approvedAt ? iso(approvedAt) : null,
      expiresAt: expiresAt ? iso(expiresAt) : null,
      extensions: 0,
      approvedBy: approvedAt ? { ...manager } : null,
      reasonCode,
      reason,
      history,
      createdAt: iso(created),
      updatedAt: last.at,
    };
    return deal;
  }

  const agreements = generateDemoAgreements(asOf, partners);
  return { asOf, tiers, kpis, partners, managers: DEMO_MANAGERS, targets, measurements, resources, agreements, months: sizes.months, dealCount: sizes.deals, dealBatches };
}
