/** Types of cdn.mjs: the CDN build measured against the size budgets. */
export interface Sizes {
  min: number;
  gzip: number;
  brotli: number;
}
export interface CdnRow {
  name: string;
  kind: string;
  size: Sizes;
  /** The goal, gzip bytes (null when not budgeted). */
  budget: number | null;
  /** Where the goal is not met yet: what `npm run size -- --check` enforces meanwhile. */
  ceiling: number | null;
}
export declare const KB: number;
export declare const BUDGETS: Readonly<Record<'loader' | 'shared' | 'widget' | 'page', number>>;
export declare const CEILINGS: Readonly<Partial<Record<'loader' | 'shared' | 'widget' | 'page', number>>>;
export declare const WIDGETS: readonly string[];
export declare function measure(code: string | Uint8Array): Sizes;
export declare function analyseCdn(dir: string): CdnRow[];
