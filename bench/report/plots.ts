/**
 * The plots of docs/benchmarks.md: how deal registration grows with the number of deals, on
 * each database.
 * @module
 */
import type { BenchRun } from '../lib/results.ts';
import { lineChart, type Series } from './chart.ts';

export interface Plot {
  file: string;
  alt: string;
  svg: string;
}

const COLOURS = { pglite: '#7c3aed', postgres: '#0369a1' } as const;
const LABELS = { pglite: 'PGlite', postgres: 'PostgreSQL' } as const;
export const dealsTick = (n: number): string => (n >= 1_000_000 ? `${n / 1_000_000}M` : n >= 1_000 ? `${n / 1_000}k` : String(n));

export function renderPlots(run: BenchRun): Plot[] {
  const drivers = run.parts.server?.drivers ?? [];
  if (drivers.length === 0) return [];
  const latency: Series[] = drivers.flatMap((d) => [
    { name: `${LABELS[d.driver]} p50`, colour: COLOURS[d.driver], points: d.stages.map((s) => [s.deals, s.registration.latency.median] as const) },
    { name: `${LABELS[d.driver]} p99`, colour: COLOURS[d.driver], dashed: true, points: d.stages.map((s) => [s.deals, s.registration.latency.p99] as const) },
  ]);
  const inFlight = drivers[0]?.stages[0]?.registration.concurrency ?? 0;
  const throughput: Series[] = drivers.map((d) => ({
    name: LABELS[d.driver],
    colour: COLOURS[d.driver],
    points: d.stages.map((s) => [s.deals, s.registration.throughput] as const),
  }));
  const sizes = drivers[0]!.stages.map((s) => dealsTick(s.deals)).join(', ');
  return [
    {
      file: 'registration-latency.svg',
      alt: 'Deal registration latency (p50 and p99) against existing deals, PGlite and PostgreSQL',
      svg: lineChart({
        title: 'Deal registration latency vs. existing deals',
        description: `Milliseconds per registration, one request at a time, with ${sizes} deals in the table; solid p50, dashed p99.`,
        xLabel: 'deals in the table (log scale)',
        yLabel: 'ms per registration',
        xTick: dealsTick,
        series: latency,
      }),
    },
    {
      file: 'registration-throughput.svg',
      alt: 'Deal registrations per second against existing deals, PGlite and PostgreSQL',
      svg: lineChart({
        title: `Deal registration throughput (${inFlight} in flight) vs. existing deals`,
        description: `Registrations per second with ${inFlight} requests in flight, with ${sizes} deals in the table.`,
        xLabel: 'deals in the table (log scale)',
        yLabel: 'registrations per second',
        xTick: dealsTick,
        series: throughput,
      }),
    },
  ];
}
