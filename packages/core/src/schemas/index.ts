/**
 * The PartnerKit v1 contract as zod/mini schemas. Every type is inferred from its schema.
 * @module
 */
export * from './common.js';
export * from './translations.js';
export * from './translations-input.js';
export * from './partner-type.js';
export * from './domain-name.js';
export * from './phone-number.js';
export * from './partner.js';
export * from './tier.js';
export * from './kpi.js';
export * from './performance.js';
export * from './scorecard.js';
export * from './deal.js';
export * from './resource.js';
export * from './rich-text.js';
export * from './agreement.js';
export * from './selection-criterion.js';
export * from './application-form.js';
export * from './application.js';
export * from './evaluation.js';
export * from './publishable-key.js';
export * from './plan.js';
export * from './enablement.js';
export * from './communication.js';
export * from './session.js';
export * from './session-token.js';
export * from './event.js';
export * from './page.js';
export * from './problem.js';
export * from './problems.js';
export * from './queries.js';
export * from './issues.js';

/** The contract version this package speaks. */
export const CONTRACT_VERSION = '1.0.0';
