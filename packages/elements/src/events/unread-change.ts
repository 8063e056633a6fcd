/**
 * `pk-unread-change`: the number of announcements a partner's user has not read changed (it was
 * loaded, or the person read one), from `<partner-inbox>`: for a badge in the host's navigation.
 * @module
 */
import { createEnvelope, PkEvent } from './pk-event.js';

/** What `pk-unread-change` carries. */
export interface PkUnreadChangeData {
  /** Published announcements the signed-in user has not read. */
  unread: number;
}

/** Envelope type of {@link PkUnreadChangeEvent}. */
export const PK_UNREAD_CHANGE_TYPE = 'inbox.unread_changed';

/** Dispatched (bubbling, composed) when the unread count is first known and each time it changes. */
export class PkUnreadChangeEvent extends PkEvent<'pk-unread-change', PkUnreadChangeData> {
  constructor(data: PkUnreadChangeData, partnerId?: string | null) {
    super('pk-unread-change', createEnvelope(PK_UNREAD_CHANGE_TYPE, data, partnerId));
  }
}

declare global {
  interface HTMLElementEventMap {
    'pk-unread-change': PkUnreadChangeEvent;
  }
}
