/** The library's catalogues: English bundled, Vietnamese imported the first time it is used. */
import { LazyMessages, type Catalogues } from '../../platform/localize.js';
import { en, type ResourceLibraryMessages } from './en.js';

export type { ResourceLibraryMessages };
export const resourceLibraryCatalogues: Catalogues<ResourceLibraryMessages> = { en, vi: new LazyMessages(() => import('./vi.js').then((m) => m.vi)) };
