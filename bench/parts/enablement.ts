/**
 * The enablement part (issue 23): tier evaluation with certification requirements at scale. The
 * reference server's own sweep evaluates every partner's tier (its measurements of the quarter
 * and its certificates against each tier's KPI and certification requirements, as core's
 * `evaluateTierStanding` decides), first with the certificates the seed gave each partner (the
 * baseline), then with the certificates table grown to the target size, on PGlite and PostgreSQL.
 * Each state is evaluated once to apply what falls due, then timed over several evaluations.
 * @module
 */
import type { DatabaseOptions } from '@partnerkit/server';
import { bySize, runPart, type PartContext } from '../lib/part.ts';
import { ratio, summarize, type Summary } from '../lib/stats.ts';
import { onBothDatabases, startBenchServer, type BenchServer } from '../server/control.ts';

/** One state of the certificates table, evaluated `runs` times. */
export interface EvaluationSeries {
  certificates: number;
  /** Partners each evaluation evaluated: the programme's (the seed adds a few to those asked for). */
  partners: number;
  /** Seconds per evaluation of every partner. */
  seconds: Summary;
  /** Partners evaluated per second (median evaluation). */
  partnersPerSecond: number;
  /** Tier changes the first evaluation of this state applied. */
  changed: number;
}

export interface EnablementDriver {
  driver: 'pglite' | 'postgres';
  engine: string;
  seedSeconds: number;
  people: number;
  seeded: EvaluationSeries;
  grown: EvaluationSeries;
  /** The grown state's median evaluation against the seeded one's. */
  ratio: number | null;
}

export interface EnablementResult {
  partners: number;
  certificates: number;
  months: number;
  runs: number;
  drivers: EnablementDriver[];
  skipped: string[];
}

async function series(ctx: PartContext, server: BenchServer, label: string, partners: number, certificates: number, runs: number): Promise<EvaluationSeries> {
  const first = await ctx.step(`${label}: first evaluation (applies what falls due)`, () => server.evaluateTiers());
  if (first.evaluated < partners) throw new Error(`${label}: the sweep evaluated ${first.evaluated} of ${partners} partners`);
  const times: number[] = [];
  await ctx.step(`${label}: ${runs} evaluations of ${first.evaluated} partners`, async () => {
    for (let i = 0; i < runs; i += 1) {
      const run = await server.evaluateTiers();
      // Nothing is due any more: a run that skipped partners or changed tiers measured something else.
      if (run.evaluated !== first.evaluated || run.changed !== 0) throw new Error(`${label}: evaluation ${i + 2} evaluated ${run.evaluated} partners and changed ${run.changed} tiers`);
      times.push(run.seconds);
    }
  });
  const seconds = summarize(times);
  return { certificates, partners: first.evaluated, seconds, partnersPerSecond: first.evaluated / seconds.median, changed: first.changed };
}

async function measureDriver(ctx: PartContext, driver: EnablementDriver['driver'], database: DatabaseOptions, sizes: { partners: number; certificates: number; months: number; runs: number }): Promise<EnablementDriver> {
  const server = await ctx.step(`${driver}: start, seed ${sizes.partners} partners x ${sizes.months} months`, () => startBenchServer(database, sizes.partners, ctx.log, sizes.months));
  try {
    const before = await server.certify(0);
    const seeded = await series(ctx, server, `${driver}, ${before.certificates} certificates`, sizes.partners, before.certificates, sizes.runs);
    const grown = await ctx.step(`${driver}: grow to ${sizes.certificates} certificates`, () => server.certify(sizes.certificates));
    if (grown.certificates !== Math.max(sizes.certificates, before.certificates)) throw new Error(`${driver}: ${grown.certificates} certificates, expected ${sizes.certificates}`);
    const after = await series(ctx, server, `${driver}, ${grown.certificates} certificates`, sizes.partners, grown.certificates, sizes.runs);
    ctx.log(`${driver}: every tier evaluated in ${after.seconds.median.toFixed(2)} s at ${grown.certificates} certificates, ${seeded.seconds.median.toFixed(2)} s at ${before.certificates}`);
    return { driver, engine: server.engine, seedSeconds: server.startSeconds, people: grown.people, seeded, grown: after, ratio: ratio(after.seconds.median, seeded.seconds.median) };
  } finally {
    await server.stop();
  }
}

await runPart('enablement', async (ctx) => {
  // Three months hold the quarter tiers are evaluated on: the seed's two years would only slow seeding.
  const sizes = bySize(ctx, { partners: 10_000, certificates: 200_000, months: 3, runs: 3 }, { partners: 8, certificates: 400, months: 3, runs: 2 });
  const { drivers, skipped } = await onBothDatabases(ctx, (driver, database) => measureDriver(ctx, driver, database, sizes));
  return { ...sizes, drivers, skipped } satisfies EnablementResult;
});
