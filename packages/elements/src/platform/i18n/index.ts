/** The platform's catalogues, merged into every widget's own. */
import type { Catalogues } from '../localize.js';
import { en, type PlatformMessages } from './en.js';
import { vi } from './vi.js';

export type { PlatformMessages };
export const platformCatalogues: Catalogues<PlatformMessages> = { en, vi };
