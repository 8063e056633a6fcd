/**
 * `<partner-plan>` on `@partnerkit/mock`: the demo programme's plans (one per partner for the
 * current half, at every stage), a session of either side, and faults for the loading and error
 * states. Shared by the stories and the element's browser tests.
 */
import type { PartnerKitClient } from '@partnerkit/core/client';
import { createMockBackend, type Fault, type MockBackend } from '@partnerkit/mock';
import { clientOf, timeoutFor } from '../support/mock-backend.js';

/** The demo partners whose plans show each stage (by position: agreed, proposed, draft, revised). */
export const PLAN_PARTNERS = { agreedVi: 'pt_0001', proposedVi: 'pt_0002', draftEn: 'pt_0003', revisedEn: 'pt_0004', agreedEn: 'pt_0005' } as const;

export interface PlanMockOptions {
  /** The signed-in side: a manager (vendor) or a user of `partnerId` (default: a manager). */
  role?: 'manager' | 'partner';
  partnerId?: string;
  faults?: Fault[];
  /** A backend to reuse (so two sides act on one programme). */
  backend?: MockBackend;
}

/** A demo backend small enough to start in a story (eight partners, no deals). */
export function planBackend(faults: Fault[] = []): MockBackend {
  return createMockBackend({ seed: 'demo', demo: { partners: 8, deals: 0, resources: 0 }, faults });
}

/** A client of one side over the mock. */
export function planClient(options: PlanMockOptions = {}): { client: PartnerKitClient; backend: MockBackend } {
  const backend = options.backend ?? planBackend(options.faults);
  const caller = options.role === 'partner' ? { role: 'partner' as const, partnerId: options.partnerId ?? PLAN_PARTNERS.draftEn } : { role: 'manager' as const };
  return { client: clientOf(backend, caller, timeoutFor(options)), backend };
}
