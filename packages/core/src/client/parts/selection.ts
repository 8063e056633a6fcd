/**
 * `@partnerkit/core/client/selection`: what applicants are scored on: the selection criteria and
 * the thresholds of the recommendation.
 * @module
 */
import { SelectionThresholds, type SelectionThresholdsInput } from '../../schemas/evaluation.js';
import { page, type Page } from '../../schemas/page.js';
import { SelectionCriterion, type SelectionCriterionInput } from '../../schemas/selection-criterion.js';
import { route } from '../http/url.js';
import type { RequestOptions } from '../options.js';
import type { ListParams } from '../params.js';
import { definePart } from '../part.js';

const SelectionCriterionPage = /* @__PURE__ */ page(SelectionCriterion);

/**
 * `client.selection`: the selection criteria (read by managers, written by admins) and the
 * recommendation thresholds.
 *
 * @example
 * ```ts
 * await client.selection.putCriterion('crit_reach', {
 *   name: 'Market reach', description: null, weight: 30, knockOutMin: null, partnerTypes: [],
 *   levels: ['One city', 'One region', 'One country', 'Two or three countries', 'Four or more countries'].map((description) => ({ description })),
 * });
 * const { data: criteria } = await client.selection.criteria();
 * ```
 */
export interface SelectionApi {
  /** One page of criteria, in display order. */
  criteria(query?: ListParams, options?: RequestOptions): Promise<Page<SelectionCriterion>>;
  /** Every criterion, page after page. */
  iterateCriteria(query?: ListParams, options?: RequestOptions): AsyncGenerator<SelectionCriterion, void, undefined>;
  /** One criterion. */
  getCriterion(id: string, options?: RequestOptions): Promise<SelectionCriterion>;
  /** Creates or replaces a criterion (admin). */
  putCriterion(id: string, input: SelectionCriterionInput, options?: RequestOptions): Promise<SelectionCriterion>;
  /** Deletes a criterion no evaluation has scored (admin). */
  deleteCriterion(id: string, options?: RequestOptions): Promise<void>;
  /** The recommendation thresholds. */
  thresholds(options?: RequestOptions): Promise<SelectionThresholds>;
  /** Sets the recommendation thresholds (admin). */
  putThresholds(input: SelectionThresholdsInput, options?: RequestOptions): Promise<SelectionThresholds>;
}

/**
 * `selection(client)`: the selection namespace of any PartnerKit client (`client.selection` on a
 * full one).
 *
 * @example
 * ```ts
 * import { selection } from '@partnerkit/core/client/selection';
 * const { approveAt } = await selection(client).thresholds();
 * ```
 */
export const selection = /* @__PURE__ */ definePart(
  'selection',
  (requests): SelectionApi => ({
    criteria: (query, options) => requests.get('selection-criteria', SelectionCriterionPage, query, options),
    iterateCriteria: (query, options) => requests.iterate('selection-criteria', SelectionCriterionPage, query, options),
    getCriterion: (id, options) => requests.get(route`selection-criteria/${id}`, SelectionCriterion, undefined, options),
    // Criteria weigh every evaluation's score.
    putCriterion: (id, input, options) => requests.mutate('PUT', route`selection-criteria/${id}`, SelectionCriterion, input, options, ['selection-criteria', 'applications']),
    deleteCriterion: (id, options) => requests.mutate('DELETE', route`selection-criteria/${id}`, null, undefined, options, ['selection-criteria', 'applications']),
    thresholds: (options) => requests.get('selection-thresholds', SelectionThresholds, undefined, options),
    putThresholds: (input, options) => requests.mutate('PUT', 'selection-thresholds', SelectionThresholds, input, options, ['selection-thresholds', 'applications']),
  }),
);
