/**
 * Every check of the kit, in the order of {@link AREAS}, and how `--only` selects among them.
 * @module
 */
import { agreementChecks } from './areas/agreements.js';
import { applicationChecks } from './areas/applications.js';
import { authChecks } from './areas/auth.js';
import { communicationChecks } from './areas/communication.js';
import { corsChecks } from './areas/cors.js';
import { dealChecks } from './areas/deals.js';
import { enablementChecks } from './areas/enablement.js';
import { gatingChecks } from './areas/gating.js';
import { idempotencyChecks } from './areas/idempotency.js';
import { isolationChecks } from './areas/isolation.js';
import { openapiChecks } from './areas/openapi.js';
import { paginationChecks } from './areas/pagination.js';
import { planChecks } from './areas/plans.js';
import { scorecardChecks } from './areas/scorecards.js';
import { translationChecks } from './areas/translations.js';
import { validationChecks } from './areas/validation.js';
import { writeChecks } from './areas/writes.js';
import { type Area, AREAS, type Check } from './check.js';

const BY_AREA: Record<Area, readonly Check[]> = {
  openapi: openapiChecks,
  auth: authChecks,
  isolation: isolationChecks,
  validation: validationChecks,
  pagination: paginationChecks,
  idempotency: idempotencyChecks,
  writes: writeChecks,
  deals: dealChecks,
  gating: gatingChecks,
  agreements: agreementChecks,
  scorecards: scorecardChecks,
  translations: translationChecks,
  applications: applicationChecks,
  plans: planChecks,
  enablement: enablementChecks,
  communication: communicationChecks,
  cors: corsChecks,
};

/** Every check of the kit, area by area. */
export const CHECKS: readonly Check[] = Object.freeze(AREAS.flatMap((area) => BY_AREA[area]));

/**
 * The checks `only` names (areas or check ids), in run order: area order, then `late` checks,
 * then `last` ones.
 * @throws TypeError naming an area or check id that does not exist.
 */
export function selectChecks(checks: readonly Check[], only?: readonly string[]): Check[] {
  let chosen = [...checks];
  if (only && only.length > 0) {
    const unknown = only.filter((name) => !checks.some((c) => c.area === name || c.id === name));
    if (unknown.length > 0) throw new TypeError(`no area or check is called ${unknown.map((u) => `"${u}"`).join(', ')}; areas are ${AREAS.join(', ')}`);
    chosen = checks.filter((c) => only.includes(c.area) || only.includes(c.id));
  }
  const rank = (c: Check) => (c.phase === 'last' ? 2 : c.phase === 'late' ? 1 : 0);
  return chosen.map((check, index) => ({ check, index })).sort((x, y) => rank(x.check) - rank(y.check) || x.index - y.index).map((x) => x.check);
}
