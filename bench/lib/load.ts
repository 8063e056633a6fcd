/**
 * Load generation: sequential runs for latency (one request at a time, so each figure is the
 * request's own cost), and concurrent runs for throughput.
 * @module
 */

/** A cap on a sequential run: stop after `seconds` once `minSamples` are in (slow endpoints must not eat the run). */
export interface TimeCap {
  seconds: number;
  minSamples: number;
}

/** Runs `request(i)` for i in 0..n-1 one after the other (fewer when `cap` stops it); the milliseconds of each. */
export async function sequential(n: number, request: (i: number) => Promise<void>, cap?: TimeCap): Promise<number[]> {
  const times: number[] = [];
  const started = performance.now();
  for (let i = 0; i < n; i += 1) {
    if (cap && i >= cap.minSamples && performance.now() - started > cap.seconds * 1000) break;
    const t = performance.now();
    await request(i);
    times.push(performance.now() - t);
  }
  return times;
}

/** Runs `n` requests with `concurrency` in flight; the wall time and each request's milliseconds. */
export async function concurrent(n: number, concurrency: number, request: (i: number) => Promise<void>): Promise<{ seconds: number; times: number[] }> {
  const times: number[] = [];
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < n) {
      const i = next;
      next += 1;
      const t = performance.now();
      await request(i);
      times.push(performance.now() - t);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, n) }, worker));
  return { seconds: (performance.now() - started) / 1000, times };
}
