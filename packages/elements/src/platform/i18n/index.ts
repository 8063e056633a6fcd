/**
 * The platform's catalogues, merged into every widget's own: English bundled, Vietnamese imported
 * the first time it is used (like every widget's own), so an English page carries none of it.
 */
import { LazyMessages, type Catalogues } from '../localize.js';
import { en, type PlatformMessages } from './en.js';

export type { PlatformMessages };
export const platformCatalogues: Catalogues<PlatformMessages> = { en, vi: new LazyMessages(() => import('./vi.js').then((m) => m.vi)) };
