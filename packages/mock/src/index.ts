/**
 * `@partnerkit/mock`: the PartnerKit v1 contract in memory, built on `@partnerkit/core`'s
 * schemas and rules, served through Mock Service Worker. Develop and test a page with no server:
 *
 * ```ts
 * import { setupWorker } from 'msw/browser';
 * import { partnerkitHandlers } from '@partnerkit/mock';
 * await setupWorker(...partnerkitHandlers({ seed: 'demo' })).start();
 * ```
 *
 * It passes the conformance kit, area by area: what it answers is what a compliant backend answers.
 * @module
 */
export { createMockBackend, DEFAULT_ADMIN_KEY, MockBackend, type MockOptions, type MockSessionInput } from './backend.js';
export type { Caller, Handler, Method, MockPart, RequestContext, Route } from './context.js';
export { type Fault, type FaultMatch, Faults, type Latency, OfflineError } from './faults.js';
export { type HandlerOptions, partnerkitHandlers } from './handlers.js';
export { DEMO_PUBLISHABLE_KEY, type MockSeed, type MockSeedData, type SeededPeople } from './seed.js';
export { MockState } from './state.js';
