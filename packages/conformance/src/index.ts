/**
 * `@partnerkit/conformance`: checks on the wire that a backend speaks the PartnerKit v1 contract.
 *
 * ```ts
 * import { runConformance, renderTable } from '@partnerkit/conformance';
 * const report = await runConformance({ baseUrl: 'http://127.0.0.1:8787', adminKey });
 * console.log(renderTable(report));
 * ```
 * The CLI `partnerkit-conformance` does the same from a shell (see docs/conformance.md).
 * @module
 */
export { runConformance, type RunReport } from './runner.js';
export { CHECKS, selectChecks } from './registry.js';
export { AREAS, AREA_SUMMARIES, CheckFailure, CheckSkipped, type Area, type Check, type CheckResult, type Outcome, type Phase } from './check.js';
export { RunContext, type Clock, type RunOptions, type Who } from './context.js';
export { renderTable, wrap, type TableOptions } from './reporters/table.js';
export { renderJson, JSON_FORMAT, type JsonReport } from './reporters/json.js';
export { contractOperations, type Operation } from './operations.js';
export type { Fixtures, CleanupReport } from './fixtures.js';
export { KIT_VERSION } from './version.js';
