/** The plan's catalogues: English bundled, Vietnamese imported the first time it is used. */
import { LazyMessages, type Catalogues } from '../../platform/localize.js';
import { en, type PartnerPlanMessages } from './en.js';

export type { PartnerPlanMessages };
export const partnerPlanCatalogues: Catalogues<PartnerPlanMessages> = { en, vi: new LazyMessages(() => import('./vi.js').then((m) => m.vi)) };
