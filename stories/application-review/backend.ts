/**
 * `<application-review>` on `@partnerkit/mock`: the demo programme's applications in every stage
 * (the five selection criteria, the public form's questions, evaluations by two channel managers),
 * a session of a reviewer who has scored some of them (the demo's first manager), of one who has
 * scored none (so every application in an evaluation stage is blind to them), of an admin, or of a
 * partner's user (refused), and faults for the loading and error states. Shared by the stories and
 * the element's browser tests.
 */
import { createClient, type PartnerKitClient } from '@partnerkit/core/client';
import type { ApplicationStatus } from '@partnerkit/core/schemas';
import { createMockBackend, type Fault, type MockBackend } from '@partnerkit/mock';
import { MOCK_BASE_URL, timeoutFor } from '../support/mock-backend.js';

/** Who is signed in. */
export type ReviewSide = 'reviewer' | 'new reviewer' | 'admin' | 'partner';

export interface ReviewMockOptions {
  side?: ReviewSide;
  faults?: Fault[];
  /** A backend to reuse. */
  backend?: MockBackend;
}

/** A demo backend small enough to start in a story (twelve partners, no deals), with its applications. */
export function reviewBackend(faults: Fault[] = []): MockBackend {
  return createMockBackend({ seed: 'demo', demo: { partners: 12, deals: 0, resources: 0 }, faults });
}

/** The newest application of `backend` in `status`. */
export function applicationIn(backend: MockBackend, status: ApplicationStatus): string {
  const found = [...backend.state.applications.values()].filter((a) => a.status === status).sort((a, b) => b.seq - a.seq)[0];
  if (!found) throw new Error(`no application in ${status}`);
  return found.id;
}

/** A client of `side` over the mock. */
export function reviewClient(options: ReviewMockOptions = {}): { client: PartnerKitClient; backend: MockBackend } {
  const backend = options.backend ?? reviewBackend(options.faults);
  const side = options.side ?? 'reviewer';
  const token =
    side === 'admin'
      ? backend.adminKey
      : side === 'partner'
        ? backend.session({ role: 'partner', partnerId: [...backend.state.partners.keys()][0]!, ttlSeconds: 86_400 }).token
        : backend.session({ role: 'manager', ttlSeconds: 86_400, ...(side === 'new reviewer' ? { user: { id: 'mgr_new', name: 'Mai Tran' } } : {}) }).token;
  const timeout = timeoutFor(options);
  const client = createClient({ baseUrl: MOCK_BASE_URL, token, fetch: backend.fetch, retry: 0, timeout: timeout === Infinity ? 2_147_483_647 : timeout });
  return { client, backend };
}
