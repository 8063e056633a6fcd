/**
 * `@partnerkit/core/client/kpis`: the KPIs the programme measures.
 * @module
 */
import { Kpi, type KpiInput } from '../../schemas/kpi.js';
import { page, type Page } from '../../schemas/page.js';
import { route } from '../http/url.js';
import type { RequestOptions } from '../options.js';
import type { ListParams } from '../params.js';
import { definePart } from '../part.js';

const KpiPage = /* @__PURE__ */ page(Kpi);
/** Scorecards and plans (under `partners/`) and plan objectives embed KPIs. */
const INVALIDATES = ['kpis', 'partners', 'plan-objectives'];

/**
 * `client.kpis`: the KPIs the programme measures (`/v1/kpis`). Writing needs an admin.
 *
 * @example
 * ```ts
 * const { data } = await client.kpis.list();
 * await admin.kpis.put('revenue', { name: 'Revenue', unit: 'currency', currency: 'USD', direction: 'higher_is_better', aggregation: 'sum', weight: 2 });
 * ```
 */
export interface KpisApi {
  /** One page of KPIs. */
  list(query?: ListParams, options?: RequestOptions): Promise<Page<Kpi>>;
  /** Every KPI, page after page. */
  iterate(query?: ListParams, options?: RequestOptions): AsyncGenerator<Kpi, void, undefined>;
  /** One KPI. */
  get(id: string, options?: RequestOptions): Promise<Kpi>;
  /** Creates or replaces the KPI `id` (admin). PUT is idempotent, so it is retried. */
  put(id: string, input: KpiInput, options?: RequestOptions): Promise<Kpi>;
  /** Deletes the KPI `id` (admin). */
  delete(id: string, options?: RequestOptions): Promise<void>;
}

/** `kpis(client)`: the KPIs namespace of any PartnerKit client (`client.kpis` on a full one). */
export const kpis = /* @__PURE__ */ definePart(
  'kpis',
  (requests): KpisApi => ({
    list: (query, options) => requests.get('kpis', KpiPage, query, options),
    iterate: (query, options) => requests.iterate('kpis', KpiPage, query, options),
    get: (id, options) => requests.get(route`kpis/${id}`, Kpi, undefined, options),
    put: (id, input, options) => requests.mutate('PUT', route`kpis/${id}`, Kpi, input, options, INVALIDATES),
    delete: (id, options) => requests.mutate('DELETE', route`kpis/${id}`, null, undefined, options, INVALIDATES),
  }),
);
