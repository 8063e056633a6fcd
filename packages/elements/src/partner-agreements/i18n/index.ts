/** The agreements' catalogues: English bundled, Vietnamese imported the first time it is used. */
import { LazyMessages, type Catalogues } from '../../platform/localize.js';
import { en, type PartnerAgreementsMessages } from './en.js';

export type { PartnerAgreementsMessages };
export const partnerAgreementsCatalogues: Catalogues<PartnerAgreementsMessages> = { en, vi: new LazyMessages(() => import('./vi.js').then((m) => m.vi)) };
