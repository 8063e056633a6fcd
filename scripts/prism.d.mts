/** Types of `scripts/prism.mjs`. */
export declare const OPENAPI_DOCUMENT: string;
export interface RunningPrism {
  url: string;
  /** Everything Prism printed, without colours. */
  log(): string;
  close(): Promise<void>;
}
export declare function startPrism(options: { mode: 'mock' } | { mode: 'proxy'; upstream: string }): Promise<RunningPrism>;
