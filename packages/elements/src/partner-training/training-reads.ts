/**
 * What `<partner-training>` reads outside the enablement part: a partner's type and tier (whom a
 * course is for), the tiers (their names), and a module's resource opened through the backend.
 * The same endpoints as core's `partners`, `tiers` and `resources` parts, bound to the client's
 * requests with slim schemas of only the fields the widget reads: those parts travel in the CDN
 * chunks of `<partner-scorecard>` and `<resource-library>`, and sharing them would split those
 * chunks and grow the first three widgets' page (scripts/size/chunks.mjs). A client that carries
 * `trainingReads` (a wrapper of your own) is answered with it, like any part.
 * @module
 */
import * as z from 'zod/mini';
import { definePart, route } from '@partnerkit/core/client/base';
import { HttpUrl, Id, page, PartnerType, Tier, type Page } from '@partnerkit/core/schemas';

/** What the widget reads of a partner: who it is for the catalogue's audiences. */
export const PartnerAudience = /* @__PURE__ */ z.object({ id: Id, type: PartnerType, tierId: z.nullable(Id) });
export type PartnerAudience = z.infer<typeof PartnerAudience>;

/** `POST /v1/resources/{id}/open`'s answer. */
const OpenedResource = /* @__PURE__ */ z.object({ url: HttpUrl });

const TierPage = /* @__PURE__ */ page(Tier);

export interface TrainingReads {
  /** `GET /v1/partners/{id}`: the partner's type and tier. */
  partner(id: string, options?: { signal?: AbortSignal }): Promise<PartnerAudience>;
  /** `GET /v1/tiers`: one page of tiers. */
  tiers(query: { limit: number; cursor?: string }, options?: { signal?: AbortSignal }): Promise<Page<Tier>>;
  /** `POST /v1/resources/{id}/open`: records the open and answers the URL to open. */
  openResource(id: string): Promise<{ url: string }>;
}

export const trainingReads = /* @__PURE__ */ definePart(
  'trainingReads',
  (requests): TrainingReads => ({
    partner: (id, options) => requests.get(route`partners/${id}`, PartnerAudience, undefined, options),
    tiers: (query, options) => requests.get('tiers', TierPage, query, options),
    openResource: (id) => requests.mutate('POST', route`resources/${id}/open`, OpenedResource, undefined),
  }),
);
