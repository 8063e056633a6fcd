/**
 * `@partnerkit/core/client/publishable-keys`: the keys of public pages (admin).
 * @module
 */
import { page, type Page } from '../../schemas/page.js';
import { PublishableKey, type PublishableKeyInput, type PublishableKeyPatch } from '../../schemas/publishable-key.js';
import { route } from '../http/url.js';
import type { CreateOptions, RequestOptions } from '../options.js';
import type { ListParams } from '../params.js';
import { definePart } from '../part.js';

const PublishableKeyPage = /* @__PURE__ */ page(PublishableKey);

/**
 * `client.publishableKeys`: create a key for a public "become a partner" page, with the origins
 * that may use it; rename it, change its origins, revoke it (admin key only).
 *
 * @example
 * ```ts
 * const { key } = await client.publishableKeys.create({ name: 'www', allowedOrigins: ['https://www.example.com'] });
 * // <partner-application publishable-key="pk_pub_..." base-url="https://prm.example.com/api">
 * ```
 */
export interface PublishableKeysApi {
  /** One page of live keys, oldest first. */
  list(query?: ListParams, options?: RequestOptions): Promise<Page<PublishableKey>>;
  /** One key. */
  get(id: string, options?: RequestOptions): Promise<PublishableKey>;
  /** Creates a key. Retried only when given an idempotency key. */
  create(input: PublishableKeyInput, options?: CreateOptions): Promise<PublishableKey>;
  /** Renames a key or replaces its origins. */
  update(id: string, patch: PublishableKeyPatch, options?: RequestOptions): Promise<PublishableKey>;
  /** Revokes a key at once. */
  delete(id: string, options?: RequestOptions): Promise<void>;
}

/**
 * `publishableKeys(client)`: the publishable keys namespace of any PartnerKit client
 * (`client.publishableKeys` on a full one).
 *
 * @example
 * ```ts
 * import { publishableKeys } from '@partnerkit/core/client/publishable-keys';
 * const { data } = await publishableKeys(client).list();
 * ```
 */
export const publishableKeys = /* @__PURE__ */ definePart(
  'publishableKeys',
  (requests): PublishableKeysApi => ({
    list: (query, options) => requests.get('publishable-keys', PublishableKeyPage, query, options),
    get: (id, options) => requests.get(route`publishable-keys/${id}`, PublishableKey, undefined, options),
    create: (input, options) => requests.mutate('POST', 'publishable-keys', PublishableKey, input, options),
    update: (id, patch, options) => requests.mutate('PATCH', route`publishable-keys/${id}`, PublishableKey, patch, options),
    delete: (id, options) => requests.mutate('DELETE', route`publishable-keys/${id}`, null, undefined, options),
  }),
);
