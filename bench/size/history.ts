/**
 * Size figures of the CDN build at earlier commits, measured by the same `scripts/size/cdn.mjs`,
 * so docs/benchmarks.md can show what a change did (gzip and brotli bytes). Add an entry when a
 * change moves the sizes on purpose; the run's own figures are always the "after".
 * @module
 */

export interface SizeSnapshot {
  /** What the figures are the state before. */
  label: string;
  commit: string;
  date: string;
  /** What moved since, in a sentence or two. */
  note: string;
  /** Row name of the size table to its gzip and brotli bytes. */
  rows: Readonly<Record<string, { gzip: number; brotli: number }>>;
}

/** The rows compared: the shared chunk, each one-widget page and the page with all three. */
export const TRACKED_ROWS = [
  'shared chunks (total)',
  'partnerkit-provider (own chunks)',
  'page: provider + partner-scorecard',
  'page: provider + deal-register',
  'page: provider + resource-library',
  'page: provider + all three widgets',
] as const;

export const SIZE_HISTORY: readonly SizeSnapshot[] = [
  {
    label: 'before the free wins of issue 30 and the modular client',
    commit: 'be0588a',
    date: '2026-12-07',
    note:
      'Since then the provider creates a base client and each widget binds the contract parts it calls, so the schemas moved from the shared chunk into the widgets that use them; the transport and ky, which only the provider uses, moved into its own chunk; unused schemas, the platform\'s Vietnamese and single-widget Lit directives left the shared chunk (docs/decisions.md, "Bundle size").',
    rows: {
      'shared chunks (total)': { gzip: 37_766, brotli: 33_363 },
      'partnerkit-provider (own chunks)': { gzip: 1_013, brotli: 859 },
      'page: provider + partner-scorecard': { gzip: 46_349, brotli: 40_982 },
      'page: provider + deal-register': { gzip: 47_311, brotli: 41_740 },
      'page: provider + resource-library': { gzip: 46_575, brotli: 41_091 },
      'page: provider + all three widgets': { gzip: 61_613, brotli: 54_469 },
    },
  },
];
