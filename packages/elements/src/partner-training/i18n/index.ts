/** The training widget's catalogues: English bundled, Vietnamese imported the first time it is used. */
import type { PlatformMessages } from '../../platform/i18n/index.js';
import { LazyMessages, type Catalogues, type LocalizeController } from '../../platform/localize.js';
import { en, type PartnerTrainingMessages } from './en.js';

export type { PartnerTrainingMessages };
export const partnerTrainingCatalogues: Catalogues<PartnerTrainingMessages> = { en, vi: new LazyMessages(() => import('./vi.js').then((m) => m.vi)) };

/** The localize controller of the widget, as its views and controllers use it. */
export type TrainingText = LocalizeController<PlatformMessages & PartnerTrainingMessages>;
