/**
 * Loads what `<partner-training>`'s overview shows for one partner, in parallel, every page of
 * each list: the partner (its type and tier decide the catalogue), its enablement (computed by the
 * backend with core's rules), the published catalogue, certifications and tiers (for their names),
 * and its people with their enrolments and certificates.
 * @module
 */
import type { BaseClient } from '@partnerkit/core/client/base';
import { enablement } from '@partnerkit/core/client/enablement';
import type { Page } from '@partnerkit/core/schemas';
import { trainingReads } from './training-reads.js';
import { audienceCourses, type TrainingData } from './training-model.js';

/** The largest page the contract allows. */
const PAGE = 200;

/** Every item of a paged list, a page of 200 at a time. */
async function everyPage<T>(load: (query: { limit: number; cursor?: string }) => Promise<Page<T>>): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | null = null;
  do {
    const page: Page<T> = await load({ limit: PAGE, ...(cursor ? { cursor } : {}) });
    items.push(...page.data);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}

const byId = <T extends { id: string }>(items: readonly T[]): ReadonlyMap<string, T> => new Map(items.map((item) => [item.id, item]));

/** The overview's data for `partnerId`, aborted with `signal`. */
export async function loadTraining(client: BaseClient, partnerId: string, signal: AbortSignal): Promise<TrainingData> {
  const api = enablement(client);
  const reads = trainingReads(client);
  const options = { signal };
  const [partner, standing, courses, certifications, tierList, people, enrolments, certificates] = await Promise.all([
    reads.partner(partnerId, options),
    api.partnerEnablement(partnerId, options),
    everyPage((q) => api.courses({ ...q, status: 'published' }, options)),
    everyPage((q) => api.certifications(q, options)),
    everyPage((q) => reads.tiers(q, options)),
    everyPage((q) => api.people(partnerId, q, options)),
    everyPage((q) => api.enrolments({ ...q, partnerId }, options)),
    everyPage((q) => api.certificates({ ...q, partnerId }, options)),
  ]);
  return {
    partner,
    enablement: standing,
    courses: audienceCourses(courses, partner),
    certifications: byId(certifications),
    tiers: byId(tierList),
    people,
    enrolments,
    certificates,
  };
}
