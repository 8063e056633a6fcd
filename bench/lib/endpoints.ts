/**
 * The endpoints the throughput part loads, in report order, and what each is.
 * @module
 */

export const ENDPOINTS = ['list-manager', 'list-partner', 'baseline', 'scorecard', 'registration'] as const;
export type Endpoint = (typeof ENDPOINTS)[number];

const DESCRIPTIONS: Record<Endpoint, string> = {
  'list-manager': 'GET /v1/deals?limit=20, manager session (with possible conflicts)',
  'list-partner': 'GET /v1/deals?limit=20, partner session',
  baseline: 'the partner page read with the driver alone + JSON.stringify (no framework)',
  scorecard: 'GET /v1/partners/{id}/scorecard, 8 KPIs x 24 months, partner session',
  registration: 'POST /v1/deals with an Idempotency-Key, a new customer each, partner session',
};

export const describeEndpoint = (endpoint: Endpoint): string => DESCRIPTIONS[endpoint];
