/**
 * The run's own programme data, created through the admin API under the run prefix: three KPIs,
 * two tiers, three partners with measurements and targets, three gated resources. Checks read
 * and change only these (and what they create themselves); cleanup removes what the contract
 * lets it remove and neutralises the rest.
 * @module
 */
import { agreements, newIdempotencyKey } from '@partnerkit/core/client';
import { currentPeriod, previousPeriods, shiftPeriod } from '@partnerkit/core/rules';
import type { Deal, Kpi, KpiInput, MeasurementInput, Partner, PartnerInput, Resource, ResourceInput, SessionInput, TargetInput, Tier, TierInput } from '@partnerkit/core/schemas';
import type { RunContext, Who } from './context.js';
import { describeFailure } from './failure.js';

/** The shared fixtures of a run. */
export interface Fixtures {
  kpis: { revenue: Kpi; churn: Kpi; certs: Kpi };
  /** `member` protects deals for 1 day (the shortest the contract allows); `gold` for 30. */
  tiers: { member: Tier; gold: Tier };
  /** A: reseller in `member`; B: distributor in `gold`; C: reseller without a tier. Read back after ingest. */
  partners: { a: Partner; b: Partner; c: Partner };
  /** Open to all; gated by `gold`; for distributors only. */
  resources: { open: Resource; gold: Resource; distributors: Resource };
  /** The URL each resource was created with. */
  resourceUrls: { open: string; gold: string; distributors: string };
  /** Every measurement ingested, as sent. */
  measurements: MeasurementInput[];
  /** Partner A's own targets, as sent. */
  targets: TargetInput[];
  /** The months measured, oldest first, ending with the current month (UTC). */
  months: string[];
  /** The current quarter and the one before (UTC, the kit's clock). */
  quarter: string;
  previousQuarter: string;
  /** The tag every resource of the run carries. */
  tag: string;
}

/** The fixtures could not be created: every check that needs them fails with this. */
export class SetupError extends Error {
  override readonly name = 'SetupError';
}

const describeError = (error: unknown) => (error instanceof SetupError ? error.message : describeFailure(error));

async function step<T>(what: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof SetupError) throw error;
    throw new SetupError(`the kit could not set up its fixtures while ${what}: ${describeFailure(error)}`);
  }
}

/** The two highest ranks no tier uses: the kit's tiers sit above the programme's own. */
async function freeRanks(ctx: RunContext): Promise<[number, number]> {
  const used = new Set<number>();
  for await (const tier of ctx.admin.tiers.iterate({ limit: 200 })) used.add(tier.rank);
  const free: number[] = [];
  for (let rank = 100; rank >= 1 && free.length < 2; rank--) if (!used.has(rank)) free.push(rank);
  if (free.length < 2) throw new SetupError('the kit could not set up its fixtures: it needs two free tier ranks (1-100) and the programme uses all but one');
  return [free[1] as number, free[0] as number];
}

/** Creates the fixtures (see {@link Fixtures}). */
export async function createFixtures(ctx: RunContext): Promise<Fixtures> {
  const { admin, prefix } = ctx;
  const now = new Date();
  const month = currentPeriod('month', now);
  const months = previousPeriods(month, 6);
  const quarter = currentPeriod('quarter', now);
  const previousQuarter = shiftPeriod(quarter, -1);

  const kpiInputs: Record<keyof Fixtures['kpis'], KpiInput> = {
    revenue: { name: `${prefix} Revenue`, unit: 'currency', currency: 'USD', direction: 'higher_is_better', aggregation: 'sum', weight: 3 },
    churn: { name: `${prefix} Churn`, unit: 'percent', direction: 'lower_is_better', aggregation: 'avg', weight: 1 },
    certs: { name: `${prefix} Certified engineers`, unit: 'count', direction: 'higher_is_better', aggregation: 'last', weight: 1 },
  };
  const kpis = {} as Fixtures['kpis'];
  for (const [name, input] of Object.entries(kpiInputs) as [keyof Fixtures['kpis'], KpiInput][]) {
    const id = `${prefix}-${name}`;
    ctx.created.kpis.add(id);
    kpis[name] = await step(`creating KPI ${id}`, () => admin.kpis.put(id, input));
  }

  const [memberRank, goldRank] = await step('reading the tiers', () => freeRanks(ctx));
  // Requirements name the kit's own KPIs, which only the kit's partners have numbers for: the
  // programme's partners never qualify for these tiers.
  const tierInputs: Record<keyof Fixtures['tiers'], TierInput> = {
    member: {
      rank: memberRank,
      name: `${prefix} Member`,
      colour: '#8A8A8A',
      benefits: [{ label: 'Deal protection', value: '1 day' }],
      requirements: [{ kpiId: kpis.certs.id, min: 1 }],
      dealProtectionDays: 1,
    },
    gold: {
      rank: goldRank,
      name: `${prefix} Gold`,
      colour: '#D4AF37',
      benefits: [{ label: 'Deal protection', value: '30 days' }],
      requirements: [
        { kpiId: kpis.certs.id, min: 3 },
        { kpiId: kpis.revenue.id, min: 600_000, window: 3 },
      ],
      dealProtectionDays: 30,
    },
  };
  const tiers = {} as Fixtures['tiers'];
  for (const [name, input] of Object.entries(tierInputs) as [keyof Fixtures['tiers'], TierInput][]) {
    const id = `${prefix}-${name}`;
    ctx.created.tiers.add(id);
    tiers[name] = await step(`creating tier ${id}`, () => admin.tiers.put(id, input));
  }

  // The kit's manager session manages A and B, not C (the requests a manager sees).
  const manager = { id: (await ctx.sessionInput('manager')).user.id, name: 'Conformance manager' };
  const partnerInputs: Record<'a' | 'b' | 'c', PartnerInput> = {
    a: { name: `${prefix} Alpha Reseller`, type: 'reseller', status: 'active', tierId: tiers.member.id, country: 'VN', domains: [`alpha.${prefix}.test`], manager },
    b: { name: `${prefix} Beta Distribution`, type: 'distributor', status: 'active', tierId: tiers.gold.id, country: 'DE', domains: [`beta.${prefix}.test`], manager },
    c: { name: `${prefix} Gamma Reseller`, type: 'reseller', status: 'active', tierId: null, country: 'VN' },
  };
  const created = {} as Fixtures['partners'];
  for (const [who, input] of Object.entries(partnerInputs) as ['a' | 'b' | 'c', PartnerInput][]) {
    created[who] = await step(`creating partner ${who.toUpperCase()}`, () => admin.partners.create(input, { idempotencyKey: newIdempotencyKey() }));
    ctx.created.partners.add(created[who].id);
  }

  for (const who of ['a', 'b', 'c'] as const) {
    await step(`accepting the agreements partner ${who.toUpperCase()} must accept`, () => acceptBlockingAgreements(ctx, ctx.partnerSessionInput(who, created[who].id)));
  }

  // A meets Member (certs 2) but not Gold; B meets Gold in any month (certs 5, revenue 700k).
  const measurements: MeasurementInput[] = months.flatMap((period, i) => [
    { partnerId: created.a.id, kpiId: kpis.revenue.id, period, value: 50_000 + 10_000 * i, source: 'conformance' },
    { partnerId: created.a.id, kpiId: kpis.churn.id, period, value: 4 + (i % 3) * 0.75, source: 'conformance' },
    { partnerId: created.a.id, kpiId: kpis.certs.id, period, value: 2, source: 'conformance' },
    { partnerId: created.b.id, kpiId: kpis.revenue.id, period, value: 700_000 + 25_000 * i, source: 'conformance' },
    { partnerId: created.b.id, kpiId: kpis.churn.id, period, value: 2.5, source: 'conformance' },
    { partnerId: created.b.id, kpiId: kpis.certs.id, period, value: 5, source: 'conformance' },
  ]);
  await step('ingesting measurements', () => admin.measurements.ingest({ data: measurements }, { idempotencyKey: newIdempotencyKey() }));

  const targets: TargetInput[] = [
    { kpiId: kpis.revenue.id, period: previousQuarter, value: 200_000 },
    { kpiId: kpis.churn.id, period: previousQuarter, value: 5 },
  ];
  await step("setting partner A's targets", () => admin.partners.putTargets(created.a.id, { data: targets }));

  const tag = prefix;
  const resourceUrls = {
    open: `https://example.com/partnerkit-conformance/${prefix}/open`,
    gold: `https://example.com/partnerkit-conformance/${prefix}/gold`,
    distributors: `https://example.com/partnerkit-conformance/${prefix}/distributors`,
  };
  const resourceInputs: Record<keyof Fixtures['resources'], ResourceInput> = {
    open: { title: `${prefix} Open guide`, description: 'For every partner.', type: 'document', format: 'pdf', language: 'en', tags: [tag], url: resourceUrls.open },
    gold: {
      title: `${prefix} Gold playbook`,
      description: 'For Gold partners and above.',
      type: 'document',
      format: 'pdf',
      language: 'en',
      tags: [tag, 'gold'],
      thumbnailUrl: 'https://example.com/partnerkit-conformance/thumb.png',
      minTierId: tiers.gold.id,
      url: resourceUrls.gold,
    },
    distributors: { title: `${prefix} Distributor price list`, description: 'For distributors.', type: 'template', language: 'vi', tags: [tag], partnerTypes: ['distributor'], url: resourceUrls.distributors },
  };
  const resources = {} as Fixtures['resources'];
  for (const [name, input] of Object.entries(resourceInputs) as [keyof Fixtures['resources'], ResourceInput][]) {
    resources[name] = await step(`creating resource "${name}"`, () => admin.resources.create(input, { idempotencyKey: newIdempotencyKey() }));
    ctx.created.resources.add(resources[name].id);
  }

  // Ingesting may move a partner's tier (upgrades are immediate): read them back as they are now.
  const partners = {
    a: await step('reading partner A', () => admin.partners.get(created.a.id)),
    b: await step('reading partner B', () => admin.partners.get(created.b.id)),
    c: await step('reading partner C', () => admin.partners.get(created.c.id)),
  };
  return { kpis, tiers, partners, resources, resourceUrls, measurements, targets, months, quarter, previousQuarter, tag };
}

/**
 * Accepts, as a user of the session's partner, every agreement that holds one of the partner's
 * gates closed: on a backend with a programme agreement (the reference demo has one), the kit's
 * deals and resource opens would otherwise be refused for a reason no check is about. Answers how
 * many it accepted.
 */
export async function acceptBlockingAgreements(ctx: RunContext, session: SessionInput): Promise<number> {
  const partnerId = session.partnerId as string;
  const client = agreements(ctx.newClient((await ctx.mint(session)).token));
  let accepted = 0;
  let cursor: string | undefined;
  do {
    const page = await client.ofPartner(partnerId, { limit: 200, ...(cursor ? { cursor } : {}) });
    for (const standing of page.data.filter((s) => s.blocks.length > 0)) {
      await client.accept(partnerId, { versionId: standing.version.id, contentHash: standing.version.contentHash, signer: { name: 'PartnerKit conformance kit', title: 'Automated test' } });
      accepted += 1;
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return accepted;
}

/** What cleanup did. */
export interface CleanupReport {
  /** What no longer exists. */
  removed: string[];
  /** What the contract gives no way to remove, and how it was neutralised. */
  left: string[];
  /** What cleanup tried to do and could not. */
  failed: string[];
}

const statusOf = (error: unknown) => (error as { status?: unknown } | null)?.status;

/**
 * Removes what the run created where the contract allows it: resources and tiers are deleted;
 * open deals are closed (rejected, lost, withdrawn) so no reviewer sees them; partners are
 * offboarded without a tier (partners cannot be deleted); KPIs that measurements refer to cannot
 * be deleted either, so their weight goes to 0 and they leave every score.
 */
export async function cleanup(ctx: RunContext): Promise<CleanupReport> {
  const report: CleanupReport = { removed: [], left: [], failed: [] };
  const { admin } = ctx;
  const attempt = async (what: string, work: () => Promise<void>) => {
    try {
      await work();
    } catch (error) {
      report.failed.push(`${what}: ${ctx.redact(describeError(error))}`);
    }
  };

  const fixtures = ctx.hasFixtures ? await ctx.fixtures().catch(() => null) : null;
  const sessionOf = new Map<string, Who>();
  if (fixtures) for (const who of ['a', 'b', 'c'] as const) sessionOf.set(fixtures.partners[who].id, who);

  let closed = 0;
  for (const partnerId of ctx.created.partners) {
    await attempt(`closing the deals of partner ${partnerId}`, async () => {
      const open: Deal[] = [];
      for await (const deal of admin.deals.iterate({ partnerId, status: ['draft', 'submitted', 'under_review', 'needs_info', 'approved'], limit: 200 })) open.push(deal);
      for (const deal of open) {
        const reason = 'conformance run finished';
        if (deal.status === 'approved') await admin.deals.transition(deal.id, { to: 'lost', reason });
        else if (deal.status === 'draft') {
          const who = sessionOf.get(partnerId);
          if (!who) continue;
          await (await ctx.client(who)).deals.transition(deal.id, { to: 'withdrawn', reason });
        } else await admin.deals.transition(deal.id, { to: 'rejected', reason, reasonCode: 'other' });
        closed += 1;
      }
    });
  }
  if (closed > 0) report.left.push(`${closed} deal(s) closed (deals cannot be deleted)`);

  for (const id of ctx.created.agreements) {
    await attempt(`retiring agreement ${id}`, async () => {
      await admin.agreements.update(id, { status: 'retired' });
      report.left.push(`agreement ${id} (retired: agreements cannot be deleted)`);
    });
  }

  for (const id of ctx.created.resources) {
    await attempt(`deleting resource ${id}`, async () => {
      try {
        await admin.resources.delete(id);
        report.removed.push(`resource ${id}`);
      } catch (error) {
        if (statusOf(error) !== 404) throw error;
      }
    });
  }

  for (const id of ctx.created.partners) {
    await attempt(`offboarding partner ${id}`, async () => {
      await admin.partners.update(id, { status: 'offboarded', tierId: null });
      report.left.push(`partner ${id} (offboarded, no tier: partners cannot be deleted)`);
    });
  }

  for (const id of ctx.created.publishableKeys) {
    await attempt(`revoking publishable key ${id}`, async () => {
      try {
        await admin.publishableKeys.delete(id);
        report.removed.push(`publishable key ${id}`);
      } catch (error) {
        if (statusOf(error) !== 404) throw error;
      }
    });
  }

  for (const id of ctx.created.criteria) {
    await attempt(`deleting selection criterion ${id}`, async () => {
      try {
        await admin.selection.deleteCriterion(id);
        report.removed.push(`selection criterion ${id}`);
      } catch (error) {
        if (statusOf(error) === 404) return;
        if (statusOf(error) !== 409) throw error;
        report.left.push(`selection criterion ${id} (scored by the kit's evaluations)`);
      }
    });
  }

  for (const id of ctx.created.tiers) {
    await attempt(`deleting tier ${id}`, async () => {
      try {
        await admin.tiers.delete(id);
        report.removed.push(`tier ${id}`);
      } catch (error) {
        if (statusOf(error) !== 404) throw error;
      }
    });
  }

  for (const id of ctx.created.kpis) {
    await attempt(`deleting KPI ${id}`, async () => {
      try {
        await admin.kpis.delete(id);
        report.removed.push(`KPI ${id}`);
      } catch (error) {
        if (statusOf(error) === 404) return;
        if (statusOf(error) !== 409) throw error;
        const kpi = await admin.kpis.get(id);
        await admin.kpis.put(id, { name: kpi.name, description: kpi.description ?? null, unit: kpi.unit, direction: kpi.direction, aggregation: kpi.aggregation, weight: 0, currency: kpi.currency ?? null });
        report.left.push(`KPI ${id} (weight 0: measurements refer to it)`);
      }
    });
  }
  return report;
}
