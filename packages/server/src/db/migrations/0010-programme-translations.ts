/**
 * Localisable programme data: tiers, KPIs and resources keep the `translations` of their names
 * and descriptions (BCP 47 tag -> fields), as the contract gives them; a tier's benefits carry
 * theirs inside `benefits`. Empty for every existing row: readers fall back to the default text.
 * @module
 */
import type { Migration } from './types.js';

export const programmeTranslations: Migration = {
  version: 10,
  name: 'programme-translations',
  sql: /* sql */ `
    ALTER TABLE tiers ADD COLUMN translations jsonb NOT NULL DEFAULT '{}';
    ALTER TABLE kpis ADD COLUMN translations jsonb NOT NULL DEFAULT '{}';
    ALTER TABLE resources ADD COLUMN translations jsonb NOT NULL DEFAULT '{}';
  `,
};
