/**
 * Small helpers the area modules share.
 * @module
 */
import type * as z from 'zod/mini';
import { EventEnvelope, page } from '@partnerkit/core/schemas';
import { fail } from '../check.js';
import type { RunContext } from '../context.js';
import { expectBody } from '../expect.js';
import type { Fixtures } from '../fixtures.js';
import type { SampleIds } from '../operations.js';

/** Ids of objects that do not exist, under the run prefix: safe targets for requests that must be refused. */
export function ghostIds(ctx: RunContext, fixtures?: Fixtures): SampleIds {
  const ghost = `${ctx.prefix}-ghost`;
  return {
    partnerId: ghost,
    dealId: ghost,
    tierId: ghost,
    kpiId: ghost,
    resourceId: ghost,
    announcementId: ghost,
    requestId: ghost,
    messageId: ghost,
    agreementId: ghost,
    versionId: ghost,
    acceptanceId: ghost,
    applicationId: ghost,
    criterionId: ghost,
    publishableKeyId: ghost,
    // A period no kit partner has a plan for, and ids under it that do not exist.
    period: '2001-H1',
    objectiveId: ghost,
    activityId: ghost,
    commentId: ghost,
    revision: '1',
    certificationId: ghost,
    courseId: ghost,
    personId: ghost,
    enrolmentId: ghost,
    certificateId: ghost,
    bodyPartnerId: fixtures?.partners.c.id ?? ghost,
    bodyKpiId: fixtures?.kpis.certs.id ?? ghost,
    label: `${ctx.prefix} ghost`,
  };
}

/** Runs `work` over `items`, `concurrency` at a time, in order of start; answers the results in item order. */
export async function pool<T, R>(items: readonly T[], concurrency: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index] as T, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  return results;
}

/** Collects failures of many sub-cases and reports them together (the first few, and how many). */
export class Findings {
  readonly #items: string[] = [];

  add(finding: string): void {
    this.#items.push(finding);
  }

  get count(): number {
    return this.#items.length;
  }

  /** Fails the running check when anything was found. */
  assertNone(): void {
    const line = this.summary();
    if (line !== null) fail(line);
  }

  /** The findings as one report line, or null when there are none. */
  summary(limit = 8): string | null {
    if (this.#items.length === 0) return null;
    const shown = this.#items.slice(0, limit).join('; ');
    return this.#items.length > limit ? `${shown}; and ${this.#items.length - limit} more` : shown;
  }
}

const EventPage = page(EventEnvelope);

/**
 * A partner's events after the last one seen so far (`after` = null reads from the start), every
 * page of them: earlier areas of the run may have logged hundreds for the same partner.
 */
export async function eventsOf(ctx: RunContext, partnerId: string, after: string | null): Promise<z.infer<typeof EventEnvelope>[]> {
  const events: z.infer<typeof EventEnvelope>[] = [];
  let cursor: string | null = null;
  const base = `/v1/events?partnerId=${encodeURIComponent(partnerId)}&limit=200${after ? `&after=${encodeURIComponent(after)}` : ''}`;
  for (let pages = 0; pages < 100; pages++) {
    const exchange = await ctx.http.get(cursor ? `${base}&cursor=${encodeURIComponent(cursor)}` : base, { token: await ctx.token('admin') });
    const body = expectBody(exchange, EventPage, 200, 'admin');
    events.push(...body.data);
    cursor = body.nextCursor;
    if (cursor === null) break;
  }
  return events;
}

/** Waits `ms` milliseconds. */
export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
