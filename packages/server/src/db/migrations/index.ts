/**
 * Every migration, oldest first. Add new ones at the end.
 * @module
 */
import { initial } from './0001-initial.js';
import { nameKeysByAge } from './0002-name-keys-by-age.js';
import { partnerTierSince } from './0003-partner-tier-since.js';
import { dealSearchTrigrams } from './0004-deal-search-trigrams.js';
import { dealNameKeys } from './0005-deal-name-keys.js';
import { dealNameKeyIndex } from './0006-deal-name-key-index.js';
import { dealConflictCandidates } from './0007-deal-conflict-candidates.js';
import { dealMatches } from './0008-deal-matches.js';
import { programmeTranslations } from './0010-programme-translations.js';
import { recruitment } from './0020-recruitment.js';
import { plans } from './0030-plans.js';
import { agreements } from './0035-agreements.js';
import { enablement } from './0040-enablement.js';
import { kpiSource } from './0045-kpi-source.js';
import { communication } from './0060-communication.js';
import type { Migration } from './types.js';

export type { Migration } from './types.js';

export const MIGRATIONS: readonly Migration[] = [
  initial,
  nameKeysByAge,
  partnerTierSince,
  dealSearchTrigrams,
  dealNameKeys,
  dealNameKeyIndex,
  dealConflictCandidates,
  dealMatches,
  programmeTranslations,
  recruitment,
  plans,
  agreements,
  enablement,
  kpiSource,
  communication,
];
