/**
 * Scorecards and tiers: the backend's numbers equal what core's `computeScorecard` makes of the
 * very measurements, targets, KPIs and tiers the kit put there.
 * @module
 */
import { newIdempotencyKey } from '@partnerkit/core/client';
import { computeScorecard, currentPeriod, periodOfMonth } from '@partnerkit/core/rules';
import { type CertificationCheck, type Kpi, type Measurement, type MeasurementInput, type Partner, type RequirementCheck, Scorecard, type Target, type Tier } from '@partnerkit/core/schemas';
import { defineCheck, ensure } from '../check.js';
import { type RunContext, type Who, WHO_NAMES } from '../context.js';
import { expectBody, sameNumber, show } from '../expect.js';
import { servedCertifications } from './enablement.js';
import { Findings } from './shared.js';

const SCORECARD_RULE =
  "GET /v1/partners/{id}/scorecard?period=&periods= answers the partner's scorecard for a period (the current quarter in UTC when absent) with a trend of periods periods (1-24, 6 when absent). It is computed with computeScorecard in @partnerkit/core/rules, the same code the widgets run, so both sides always agree.";

const EPOCH = '2000-01-01T00:00:00.000Z';

/** The programme as the backend serves it: every KPI and tier, in the backend's order. */
async function programme(ctx: RunContext): Promise<{ kpis: Kpi[]; tiers: Tier[] }> {
  const kpis: Kpi[] = [];
  const tiers: Tier[] = [];
  for await (const kpi of ctx.admin.kpis.iterate({ limit: 200 })) kpis.push(kpi);
  for await (const tier of ctx.admin.tiers.iterate({ limit: 200 })) tiers.push(tier);
  return { kpis, tiers };
}

const asMeasurements = (inputs: readonly MeasurementInput[]): Measurement[] =>
  inputs.map((m, i) => ({ partnerId: m.partnerId, kpiId: m.kpiId, period: m.period, value: m.value, source: m.source ?? null, recordedAt: new Date(Date.parse(EPOCH) + i).toISOString() }));

/** Where the served scorecard differs from core's, field by field, in words. */
export function scorecardDifferences(served: Scorecard, expected: Scorecard): string[] {
  const out: string[] = [];
  const differ = (what: string, a: unknown, b: unknown) => out.push(`${what} is ${show(a)}; core's rules give ${show(b)}`);
  const number = (what: string, a: number | null, b: number | null) => {
    if (!sameNumber(a, b)) differ(what, a, b);
  };
  if (served.period !== expected.period) differ('period', served.period, expected.period);
  if (served.partner.id !== expected.partner.id || served.partner.tierId !== expected.partner.tierId) differ('partner', served.partner, expected.partner);
  number('score', served.score, expected.score);

  const rows = new Map(served.rows.map((r) => [r.kpi.id, r]));
  for (const row of expected.rows) {
    const got = rows.get(row.kpi.id);
    const at = `row ${row.kpi.id}`;
    if (!got) {
      out.push(`${at} is missing`);
      continue;
    }
    rows.delete(row.kpi.id);
    number(`${at} actual`, got.actual, row.actual);
    number(`${at} target`, got.target, row.target);
    if (got.targetSource !== row.targetSource) differ(`${at} targetSource`, got.targetSource, row.targetSource);
    number(`${at} attainment`, got.attainment, row.attainment);
    if (got.status !== row.status) differ(`${at} status`, got.status, row.status);
    const trend = (t: typeof row.trend) => t.map((p) => p.period).join();
    if (trend(got.trend) !== trend(row.trend)) differ(`${at} trend periods`, got.trend.map((p) => p.period), row.trend.map((p) => p.period));
    else row.trend.forEach((p, i) => number(`${at} trend ${p.period}`, got.trend[i]?.value ?? null, p.value));
  }
  for (const extra of rows.keys()) out.push(`row ${extra} is not a KPI of the programme`);

  const id = (tier: { id: string } | null | undefined) => tier?.id ?? null;
  const { tier } = served;
  const want = expected.tier;
  if (id(tier.current) !== id(want.current)) differ('tier.current', id(tier.current), id(want.current));
  if (id(tier.qualified) !== id(want.qualified)) differ('tier.qualified', id(tier.qualified), id(want.qualified));
  if (tier.isTop !== want.isTop) differ('tier.isTop', tier.isTop, want.isTop);
  if (id(tier.next?.tier) !== id(want.next?.tier)) differ('tier.next', id(tier.next?.tier), id(want.next?.tier));
  if (id(tier.pending?.tier) !== id(want.pending?.tier) || (tier.pending && want.pending && Date.parse(tier.pending.effectiveAt) !== Date.parse(want.pending.effectiveAt))) {
    differ('tier.pending', tier.pending && { tier: tier.pending.tier.id, effectiveAt: tier.pending.effectiveAt }, want.pending && { tier: want.pending.tier.id, effectiveAt: want.pending.effectiveAt });
  }
  const checks = (what: string, got: readonly RequirementCheck[], wanted: readonly RequirementCheck[]) => {
    if (got.length !== wanted.length) return differ(`${what} count`, got.length, wanted.length);
    wanted.forEach((w, i) => {
      const g = got[i] as RequirementCheck;
      if (g.kpiId !== w.kpiId || g.met !== w.met || !sameNumber(g.min, w.min) || !sameNumber(g.actual, w.actual) || !sameNumber(g.missing, w.missing)) differ(`${what} ${w.kpiId}`, g, w);
    });
  };
  checks('tier.requirements', tier.requirements, want.requirements);
  if (tier.next && want.next) checks('tier.next.gaps', tier.next.gaps, want.next.gaps);
  // Certification requirements and expiry warnings, as core's rules count them.
  const certifications = (list: readonly CertificationCheck[] | undefined) => JSON.stringify((list ?? []).map((c) => [c.certificationId, c.required, c.held, c.missing, c.met]));
  if (certifications(tier.certifications) !== certifications(want.certifications)) differ('tier.certifications', tier.certifications, want.certifications);
  if (certifications(tier.next?.certifications) !== certifications(want.next?.certifications)) differ('tier.next.certifications', tier.next?.certifications, want.next?.certifications);
  const expiring = (list: Scorecard['tier']['expiring'] | undefined) => JSON.stringify((list ?? []).map((w) => [w.certificationId, w.required, w.held, w.expiring, w.shortOn]));
  if (expiring(tier.expiring) !== expiring(want.expiring)) differ('tier.expiring', tier.expiring, want.expiring);
  if (served.availablePeriods.join() !== expected.availablePeriods.join()) differ('availablePeriods', served.availablePeriods, expected.availablePeriods);
  return out;
}

interface Case {
  who: Who;
  owner: 'a' | 'b' | 'c';
  period?: string;
  periods?: number;
}

export const scorecardChecks = [
  defineCheck({
    id: 'scorecards.rules',
    area: 'scorecards',
    title: "scorecards (rows, score, trend, tier standing, periods) equal core's computeScorecard on the same data",
    rule: SCORECARD_RULE,
    async run(ctx) {
      const fixtures = await ctx.fixtures();
      const { kpis, tiers } = await programme(ctx);
      const month = fixtures.months.at(-2) as string;
      const cases: Case[] = [
        { who: 'admin', owner: 'a' },
        { who: 'a', owner: 'a', period: fixtures.previousQuarter },
        { who: 'manager', owner: 'a', period: month, periods: 3 },
        { who: 'b', owner: 'b' },
        { who: 'admin', owner: 'b', period: fixtures.previousQuarter, periods: 4 },
        { who: 'admin', owner: 'b', period: periodOfMonth(month, 'year'), periods: 2 },
        { who: 'c', owner: 'c', period: fixtures.quarter, periods: 1 },
      ];
      const findings = new Findings();
      for (const c of cases) {
        const partner: Partner = await ctx.admin.partners.get(fixtures.partners[c.owner].id);
        const query = new URLSearchParams();
        if (c.period) query.set('period', c.period);
        if (c.periods) query.set('periods', String(c.periods));
        const path = `/v1/partners/${encodeURIComponent(partner.id)}/scorecard${query.size ? `?${query}` : ''}`;
        const served = expectBody(await ctx.http.get(path, { token: await ctx.token(c.who) }), Scorecard, 200, WHO_NAMES[c.who]);
        const now = new Date(served.generatedAt);
        const targets: Target[] = c.owner === 'a' ? fixtures.targets.map((t) => ({ ...t, partnerId: partner.id, updatedAt: EPOCH })) : [];
        const expected = computeScorecard({
          partner,
          period: c.period ?? currentPeriod('quarter', now),
          kpis,
          tiers,
          targets,
          measurements: asMeasurements(fixtures.measurements.filter((m) => m.partnerId === partner.id)),
          ...(c.periods ? { trendPeriods: c.periods } : {}),
          now,
          certifications: await servedCertifications(ctx, partner.id),
        });
        const differences = scorecardDifferences(served, expected);
        if (differences.length > 0) findings.add(`${path} as ${WHO_NAMES[c.who]}: ${differences.slice(0, 3).join('; ')}${differences.length > 3 ? ` (${differences.length - 3} more)` : ''}`);
      }
      findings.assertNone();
    },
  }),
  defineCheck({
    id: 'scorecards.measurements',
    area: 'scorecards',
    title: 'ingested measurements are listed as sent, and a second batch upserts by (partner, KPI, month)',
    rule: 'POST /v1/measurements (admin), batch upsert by (partner, kpi, period): the ingest path from CRM and billing. Measurements are recorded per month; quarters and years aggregate their months.',
    async run(ctx) {
      const fixtures = await ctx.fixtures();
      const { partners, kpis, months } = fixtures;
      const sent = new Map(fixtures.measurements.filter((m) => m.partnerId === partners.a.id).map((m) => [`${m.kpiId}@${m.period}`, m.value]));
      const listed = new Map<string, number>();
      for await (const m of (await ctx.client('a')).partners.iterateMeasurements(partners.a.id, { limit: 200 })) listed.set(`${m.kpiId}@${m.period}`, m.value);
      for (const [key, value] of sent) ensure(sameNumber(listed.get(key), value), `partner A's measurement ${key} is listed as ${show(listed.get(key) ?? null)}; it was ingested as ${value}`);

      // A fresh partner, so the upsert disturbs no other check's numbers.
      const partner = await ctx.admin.partners.create({ name: ctx.unique('upsert partner'), type: 'referral' }, { idempotencyKey: newIdempotencyKey() });
      ctx.created.partners.add(partner.id);
      const [m1, m2] = months.slice(-2) as [string, string];
      const batch = (value: number): MeasurementInput[] => [
        { partnerId: partner.id, kpiId: kpis.revenue.id, period: m1, value, source: 'conformance' },
        { partnerId: partner.id, kpiId: kpis.revenue.id, period: m2, value: value * 2, source: 'conformance' },
      ];
      await ctx.admin.measurements.ingest({ data: batch(100) });
      const result = await ctx.admin.measurements.ingest({ data: batch(250) });
      ensure(result.upserted === 2, `re-ingesting 2 measurements answered upserted: ${result.upserted}`);
      const after = (await ctx.admin.partners.measurements(partner.id, { kpiId: kpis.revenue.id, limit: 200 })).data;
      ensure(after.length === 2 && sameNumber(after.find((m) => m.period === m1)?.value, 250) && sameNumber(after.find((m) => m.period === m2)?.value, 500), `after an upsert the partner's revenue measurements are ${show(after.map((m) => [m.period, m.value]))}; expected ${m1}: 250, ${m2}: 500`);

      const period = periodOfMonth(m2, 'quarter');
      const served = await ctx.admin.partners.scorecard(partner.id, { period });
      const { kpis: all, tiers } = await programme(ctx);
      const expected = computeScorecard({ partner: await ctx.admin.partners.get(partner.id), period, kpis: all, tiers, targets: [], measurements: asMeasurements(batch(250)), now: new Date(served.generatedAt), certifications: await servedCertifications(ctx, partner.id) });
      const differences = scorecardDifferences(served, expected);
      ensure(differences.length === 0, `the scorecard after the upsert: ${differences.slice(0, 3).join('; ')}`);
    },
  }),
];
