/** The scorecard's catalogues: English bundled, Vietnamese imported the first time it is used. */
import { LazyMessages, type Catalogues } from '../../platform/localize.js';
import { en, type ScorecardMessages } from './en.js';

export type { ScorecardMessages };
export const scorecardCatalogues: Catalogues<ScorecardMessages> = { en, vi: new LazyMessages(() => import('./vi.js').then((m) => m.vi)) };
