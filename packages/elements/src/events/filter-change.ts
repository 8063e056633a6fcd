/**
 * `pk-filter-change`: a person changed what `<resource-library>` shows.
 * @module
 */
import type { ResourceSort, ResourceType } from '@partnerkit/core/schemas';
import { createEnvelope, PkEvent } from './pk-event.js';

/** The filters now applied; absent ones are not set. */
export interface PkFilterChangeData {
  type?: ResourceType;
  tag?: string;
  language?: string;
  q?: string;
  sort: ResourceSort;
}

/** Envelope type of {@link PkFilterChangeEvent}. */
export const PK_FILTER_CHANGE_TYPE = 'resource.filter_changed';

/**
 * Dispatched (bubbling, composed) when a person changes the search, a facet, the sort or removes
 * a filter: not when the host sets attributes. Hosts use it to keep filters in the page URL.
 */
export class PkFilterChangeEvent extends PkEvent<'pk-filter-change', PkFilterChangeData> {
  constructor(data: PkFilterChangeData) {
    super('pk-filter-change', createEnvelope(PK_FILTER_CHANGE_TYPE, data));
  }
}

declare global {
  interface HTMLElementEventMap {
    'pk-filter-change': PkFilterChangeEvent;
  }
}
