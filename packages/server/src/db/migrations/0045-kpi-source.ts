/**
 * Where a KPI's values come from: `measurements` (written through the ingest path) or
 * `certified_staff` (computed from the partner's valid certificates; writes refused).
 * @module
 */
import type { Migration } from './types.js';

export const kpiSource: Migration = {
  version: 45,
  name: 'kpi-source',
  sql: /* sql */ `
    ALTER TABLE kpis ADD COLUMN source text NOT NULL DEFAULT 'measurements';
  `,
};
