/**
 * The frame every benchmark part runs in: `bench/main.ts` starts each part as its own Node
 * process (a crash or a leak in one cannot skew another, and memory figures start clean), tells
 * it the mode through the environment, and reads its result back as JSON.
 * @module
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** `full` measures at the documented sizes; `quick` runs the same code on tiny sizes. */
export type Mode = 'full' | 'quick';

/** How long one named step of a part took. */
export interface StepTiming {
  name: string;
  seconds: number;
}

/** What a part's body gets. */
export interface PartContext {
  mode: Mode;
  quick: boolean;
  /** The repository root (the working directory of every part). */
  root: string;
  /** A scratch directory inside the repository (so bare imports resolve), removed afterwards. */
  tmp: string;
  log(message: string): void;
  /** Runs `work` as a named step: logged, timed and listed in the part's result. */
  step<T>(name: string, work: () => Promise<T>): Promise<T>;
}

/** Every part's result carries the timings of its steps. */
export interface PartResult {
  steps: StepTiming[];
}

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Picks the size of something by mode. */
export const bySize = <T>(ctx: Pick<PartContext, 'quick'>, full: T, quick: T): T => (ctx.quick ? quick : full);

/**
 * Runs a part: `body` measures and returns its figures; they are written to `$BENCH_OUT` as JSON
 * (or printed when run by hand). A failure exits non-zero with the message, which is what makes
 * `npm run bench -- --quick` fail when the harness breaks.
 */
export async function runPart<T extends object>(name: string, body: (ctx: PartContext) => Promise<T>): Promise<void> {
  const mode: Mode = process.env.BENCH_MODE === 'quick' ? 'quick' : 'full';
  const tmp = join(ROOT, '.tmp', `bench-${name}-${process.pid}`);
  mkdirSync(tmp, { recursive: true });
  const steps: StepTiming[] = [];
  const log = (message: string) => console.log(`[${name}] ${message}`);
  const ctx: PartContext = {
    mode,
    quick: mode === 'quick',
    root: ROOT,
    tmp,
    log,
    async step(stepName, work) {
      const started = performance.now();
      log(`${stepName} ...`);
      try {
        return await work();
      } finally {
        const seconds = (performance.now() - started) / 1000;
        steps.push({ name: stepName, seconds });
        log(`${stepName}: ${seconds.toFixed(1)} s`);
      }
    },
  };
  try {
    const result = { ...(await body(ctx)), steps } satisfies T & PartResult;
    const json = JSON.stringify(result, null, 2);
    if (process.env.BENCH_OUT) writeFileSync(process.env.BENCH_OUT, json);
    else console.log(json);
  } catch (error) {
    console.error(`[${name}] failed:`, error instanceof Error ? (error.stack ?? error.message) : error);
    process.exitCode = 1;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  // Everything a part starts (browsers, servers, pools) is closed by then; a stray timer or socket
  // must not keep the run waiting.
  process.exit();
}
