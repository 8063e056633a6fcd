/**
 * `pk-resource-open`: a person opened a resource from `<resource-library>`.
 * @module
 */
import { createEnvelope, PkEvent } from './pk-event.js';

/** What `pk-resource-open` carries: which resource, and the (http or https) URL being opened. */
export interface PkResourceOpenData {
  resourceId: string;
  url: string;
}

/** Envelope type of {@link PkResourceOpenEvent}; the server logs the same open as `resource.opened`. */
export const PK_RESOURCE_OPEN_TYPE = 'resource.opened';

/**
 * Dispatched (bubbling, composed, cancelable) after the backend recorded the open and before the
 * new tab opens. Call `preventDefault()` to open the URL yourself (in an in-app viewer, say).
 */
export class PkResourceOpenEvent extends PkEvent<'pk-resource-open', PkResourceOpenData> {
  constructor(data: PkResourceOpenData) {
    super('pk-resource-open', createEnvelope(PK_RESOURCE_OPEN_TYPE, data), { cancelable: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'pk-resource-open': PkResourceOpenEvent;
  }
}
