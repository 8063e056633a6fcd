/**
 * `<partner-training>` on `@partnerkit/mock`: the demo programme's enablement (the catalogue in
 * English and Vietnamese, people with certificates, some expiring, a Silver partner one
 * certification short of Gold), a session of a partner's user or of vendor staff, and faults for
 * the loading, error and empty states. Shared by the stories and the element's browser tests.
 */
import type { PartnerKitClient } from '@partnerkit/core/client';
import { createMockBackend, type Fault, type MockBackend } from '@partnerkit/mock';
import { clientOf, rewriteJson, timeoutFor } from '../support/mock-backend.js';

/** Demo partners whose enablement shows each case. */
export const TRAINING_PARTNERS = {
  /** Silver, in Vietnam: one Technical Implementation certificate short of Gold. */
  oneShortVi: 'pt_0002',
  /** Registered, in Vietnam: one Sales Fundamentals certificate short of Silver. */
  registeredVi: 'pt_0001',
  /** Platinum (no tier above): certificates its tier needs expire within 60 days. */
  expiringEn: 'pt_0004',
  /** Silver, two certifications short of Gold. */
  silverEn: 'pt_0005',
} as const;

/** The Technical Implementation assessment's correct answers (the demo's key; the widget never sees it). */
export const TECHNICAL_ANSWERS: Record<string, string[]> = { q1: ['q1_a'], q2: ['q2_a'], q3: ['q3_a', 'q3_b'], q4: ['q4_a'], q5: ['q5_a'] };

/** Answers from the backend: no course open to the partner and nobody recorded (the empty state). */
export const EMPTY_CATALOGUE: Fault[] = [rewriteJson((request) => request.method === 'GET' && /\/(courses|people|enrolments|certificates)(\?|$)/.test(request.url), () => ({ data: [], nextCursor: null }))];

export interface TrainingMockOptions {
  /** Who is signed in: a user of `partnerId` (default) or vendor staff. */
  role?: 'manager' | 'partner';
  partnerId?: string;
  faults?: Fault[];
  /** A backend to reuse (so two sessions act on one programme). */
  backend?: MockBackend;
}

/** A demo backend small enough to start in a story: eight partners and a library for the modules. */
export function trainingBackend(faults: Fault[] = []): MockBackend {
  return createMockBackend({ seed: 'demo', demo: { partners: 8, deals: 0, resources: 20 }, faults });
}

/** A client of one session over the mock. */
export function trainingClient(options: TrainingMockOptions = {}): { client: PartnerKitClient; backend: MockBackend } {
  const backend = options.backend ?? trainingBackend(options.faults);
  const caller = options.role === 'manager' ? { role: 'manager' as const } : { role: 'partner' as const, partnerId: options.partnerId ?? TRAINING_PARTNERS.oneShortVi };
  return { client: clientOf(backend, caller, timeoutFor(options)), backend };
}
