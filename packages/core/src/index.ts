/**
 * `@partnerkit/core`: the PartnerKit v1 contract, the PRM rules shared by server and widgets,
 * and the typed client.
 * @module
 */
export * from './schemas/index.js';
export * from './rules/index.js';
export * from './client/index.js';
