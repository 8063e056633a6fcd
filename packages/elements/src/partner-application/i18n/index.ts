/** The form's catalogues: English bundled, Vietnamese imported the first time it is used. */
import { LazyMessages, type Catalogues } from '../../platform/localize.js';
import { en, type PartnerApplicationMessages } from './en.js';

export type { PartnerApplicationMessages };
export const partnerApplicationCatalogues: Catalogues<PartnerApplicationMessages> = { en, vi: new LazyMessages(() => import('./vi.js').then((m) => m.vi)) };
