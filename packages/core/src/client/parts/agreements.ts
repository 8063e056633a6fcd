/**
 * `@partnerkit/core/client/agreements`: agreements, their versions, a partner's standing on each,
 * and accepting them.
 * @module
 */
import {
  Acceptance,
  Agreement,
  AgreementVersion,
  PartnerAgreement,
  type AcceptanceInput,
  type AgreementInput,
  type AgreementPatch,
  type AgreementVersionInput,
} from '../../schemas/agreement.js';
import { page, type Page } from '../../schemas/page.js';
import type { AcceptanceListQuery, AgreementListQuery } from '../../schemas/queries.js';
import { newIdempotencyKey } from '../http/idempotency-key.js';
import { route } from '../http/url.js';
import type { CreateOptions, RequestOptions } from '../options.js';
import type { Filters, ListParams } from '../params.js';
import { definePart } from '../part.js';

/**
 * Filters of `client.agreements.list()`.
 * @example
 * ```ts
 * await client.agreements.list({ status: 'active', gate: 'deal_registration' });
 * ```
 */
export type AgreementListParams = ListParams & Filters<AgreementListQuery>;

/**
 * Filters of `client.agreements.acceptances()`.
 * @example
 * ```ts
 * await client.agreements.acceptances('p_1', { agreementId: 'ag_programme' });
 * ```
 */
export type AcceptanceListParams = ListParams & Filters<AcceptanceListQuery>;

const AgreementPage = /* @__PURE__ */ page(Agreement);
const AgreementVersionPage = /* @__PURE__ */ page(AgreementVersion);
const PartnerAgreementPage = /* @__PURE__ */ page(PartnerAgreement);
const AcceptancePage = /* @__PURE__ */ page(Acceptance);

/**
 * `client.agreements`: the programme agreement and its addenda. Admins create agreements and
 * publish versions; a partner's users accept them; everyone reads where a partner stands. A
 * partner session reads only the agreements that apply to it and only its own acceptances.
 *
 * @example
 * ```ts
 * const { data } = await client.agreements.ofPartner('p_1');
 * const open = data.find((a) => a.status === 'to_accept' || a.status === 'expired');
 * if (open) {
 *   await client.agreements.accept('p_1', {
 *     versionId: open.version.id,
 *     contentHash: open.version.contentHash,
 *     signer: { name: 'Lan Nguyen', title: 'Director' },
 *     language: 'vi',
 *   });
 * }
 * ```
 */
export interface AgreementsApi {
  /** One page of agreements, oldest first. */
  list(query?: AgreementListParams, options?: RequestOptions): Promise<Page<Agreement>>;
  /** Every agreement that matches, page after page. */
  iterate(query?: AgreementListParams, options?: RequestOptions): AsyncGenerator<Agreement, void, undefined>;
  /** One agreement, with its version in effect and the next one. */
  get(id: string, options?: RequestOptions): Promise<Agreement>;
  /** Creates an agreement (admin); its text comes with `publish()`. Retried only when given an idempotency key. */
  create(input: AgreementInput, options?: CreateOptions): Promise<Agreement>;
  /** Changes an agreement's settings, or retires it (admin). */
  update(id: string, patch: AgreementPatch, options?: RequestOptions): Promise<Agreement>;
  /** One page of an agreement's versions, the latest to take effect first. */
  versions(id: string, query?: ListParams, options?: RequestOptions): Promise<Page<AgreementVersion>>;
  /** One version of an agreement, with its text. */
  version(id: string, versionId: string, options?: RequestOptions): Promise<AgreementVersion>;
  /** Publishes a new version (admin). Retried only when given an idempotency key. */
  publish(id: string, input: AgreementVersionInput, options?: CreateOptions): Promise<AgreementVersion>;
  /** The agreements that apply to a partner, with where it stands on each. */
  ofPartner(partnerId: string, query?: ListParams, options?: RequestOptions): Promise<Page<PartnerAgreement>>;
  /** A partner's acceptances, newest first. */
  acceptances(partnerId: string, query?: AcceptanceListParams, options?: RequestOptions): Promise<Page<Acceptance>>;
  /** One acceptance of a partner. */
  acceptance(partnerId: string, acceptanceId: string, options?: RequestOptions): Promise<Acceptance>;
  /**
   * Accepts a version for the partner (a partner session of that partner). Sends an
   * `Idempotency-Key` (a new random one unless you give one), so a lost answer is retried safely
   * and records one acceptance.
   */
  accept(partnerId: string, input: AcceptanceInput, options?: CreateOptions): Promise<Acceptance>;
}

/**
 * `agreements(client)`: the agreements namespace of any PartnerKit client (`client.agreements` on a full one).
 *
 * @example
 * ```ts
 * import { agreements } from '@partnerkit/core/client/agreements';
 * const { data } = await agreements(client).ofPartner('p_1');
 * ```
 */
export const agreements = /* @__PURE__ */ definePart(
  'agreements',
  (requests): AgreementsApi => ({
    list: (query, options) => requests.get('agreements', AgreementPage, query, options),
    iterate: (query, options) => requests.iterate('agreements', AgreementPage, query, options),
    get: (id, options) => requests.get(route`agreements/${id}`, Agreement, undefined, options),
    create: (input, options) => requests.mutate('POST', 'agreements', Agreement, input, options),
    // Who an agreement applies to and what it gates change partners' standings and the library.
    update: (id, patch, options) => requests.mutate('PATCH', route`agreements/${id}`, Agreement, patch, options, ['agreements', 'partners', 'resources']),
    versions: (id, query, options) => requests.get(route`agreements/${id}/versions`, AgreementVersionPage, query, options),
    version: (id, versionId, options) => requests.get(route`agreements/${id}/versions/${versionId}`, AgreementVersion, undefined, options),
    publish: (id, input, options) => requests.mutate('POST', route`agreements/${id}/versions`, AgreementVersion, input, options, ['agreements', 'partners', 'resources']),
    ofPartner: (partnerId, query, options) => requests.get(route`partners/${partnerId}/agreements`, PartnerAgreementPage, query, options),
    acceptances: (partnerId, query, options) => requests.get(route`partners/${partnerId}/acceptances`, AcceptancePage, query, options),
    acceptance: (partnerId, acceptanceId, options) => requests.get(route`partners/${partnerId}/acceptances/${acceptanceId}`, Acceptance, undefined, options),
    // An acceptance opens gates: the library's URLs come back with it.
    accept: (partnerId, input, options) =>
      requests.mutate('POST', route`partners/${partnerId}/acceptances`, Acceptance, input, { ...options, idempotencyKey: options?.idempotencyKey ?? newIdempotencyKey() }, [
        'partners',
        'resources',
      ]),
  }),
);
