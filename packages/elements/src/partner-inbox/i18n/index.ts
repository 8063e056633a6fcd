/** The inbox's catalogues: English bundled, Vietnamese imported the first time it is used. */
import { LazyMessages, type Catalogues } from '../../platform/localize.js';
import { en, type PartnerInboxMessages } from './en.js';

export type { PartnerInboxMessages };
export const partnerInboxCatalogues: Catalogues<PartnerInboxMessages> = { en, vi: new LazyMessages(() => import('./vi.js').then((m) => m.vi)) };
