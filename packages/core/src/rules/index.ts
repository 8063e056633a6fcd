/**
 * The PRM rules shared by the server and the widgets: periods, scorecards, tiers, the deal
 * lifecycle, customer matching, joint business plans, agreements and content hashes, the
 * application lifecycle and applicant scoring, enablement and communication. Pure functions over
 * the contract's types; no I/O, no Node-only APIs, UTC only. The math is explained in
 * `docs/rules.md`.
 * @module
 */
export * from './periods.js';
export * from './kpi-values.js';
export * from './scorecard.js';
export * from './tiers.js';
export * from './deal-lifecycle.js';
export * from './customer-matching.js';
export * from './plans.js';
export * from './enablement.js';
export * from './communication.js';
export * from './resource-access.js';
export * from './localisation.js';
export * from './content-hash.js';
export * from './agreements.js';
export * from './application-lifecycle.js';
export * from './application-answers.js';
export * from './applicant-matching.js';
export * from './application-form.js';
export * from './application-input.js';
export * from './evaluation-scoring.js';
export * from './computed-kpis.js';
