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
export interface PartModule {
  module: string;
  path: string;
  file: string;
  users: string[];
  size: Sizes;
}
export interface CdnAudit {
  unregistered: string[];
  overLimit: string[];
  sharedByOne: { module: string; tag: string; size: Sizes }[];
  parts: PartModule[];
  stray: { page: string; module: string; size: Sizes }[];
}
export declare const KB: number;
export declare function measure(code: string | Uint8Array): Sizes;
export declare function analyseCdn(dir: string): CdnRow[];
export declare function auditCdn(dir: string): Promise<CdnAudit>;
export declare function originalPages(dir: string): Record<string, { contents: Record<string, string[]>; size: Sizes }>;
export declare function unhashed(file: string): string;
