/**
 * `<partner-plan>` on `@partnerkit/mock`: the demo programme's plans (one per partner for the
 * current half, at every stage), a session of either side, and faults for the loading and error
 * states. Shared by the stories and the element's browser tests.
 */
import { createClient, type PartnerKitClient } from '@partnerkit/core/client';
import { createMockBackend, type Fault, type MockBackend } from '@partnerkit/mock';

export const MOCK_BASE_URL = 'https://prm.mock.partnerkit.test/api';

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
  const role = options.role ?? 'manager';
  const token = backend.session(role === 'partner' ? { role, partnerId: options.partnerId ?? PLAN_PARTNERS.draftEn } : { role }).token;
  return { client: createClient({ baseUrl: MOCK_BASE_URL, token, fetch: backend.fetch, retry: 0 }), backend };
}
