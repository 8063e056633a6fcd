/** The form's and shell's catalogues: English bundled, Vietnamese imported the first time it is used. */
import { LazyMessages, type Catalogues } from '../../platform/localize.js';
import { en, type DealRegisterMessages } from './en.js';

export type { DealRegisterMessages };
export const dealRegisterCatalogues: Catalogues<DealRegisterMessages> = { en, vi: new LazyMessages(() => import('./vi.js').then((m) => m.vi)) };
