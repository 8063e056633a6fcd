/** The review's catalogues: English bundled, Vietnamese imported the first time it is used. */
import { LazyMessages, type Catalogues } from '../../platform/localize.js';
import { en, type ApplicationReviewMessages } from './en.js';

export type { ApplicationReviewMessages };
export const applicationReviewCatalogues: Catalogues<ApplicationReviewMessages> = { en, vi: new LazyMessages(() => import('./vi.js').then((m) => m.vi)) };
