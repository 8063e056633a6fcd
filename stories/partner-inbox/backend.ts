/**
 * `<partner-inbox>` on `@partnerkit/mock`: the demo programme's announcements (both languages,
 * pinned, scheduled and expired among them, with reads) and requests in every status, a session of
 * either side (a partner's first user, or the first channel manager, who manages a share of the
 * partners), and faults for the loading and error states. Shared by the stories and the element's
 * browser tests.
 */
import { createClient, type PartnerKitClient } from '@partnerkit/core/client';
import { createMockBackend, type Fault, type MockBackend } from '@partnerkit/mock';
import { MOCK_BASE_URL, timeoutFor } from '../support/mock-backend.js';

export interface InboxMockOptions {
  /** The signed-in side: a user of `partnerId` (default) or a channel manager. */
  role?: 'manager' | 'partner';
  partnerId?: string;
  faults?: Fault[];
  /** A backend to reuse (so both sides act on one programme). */
  backend?: MockBackend;
}

/** A demo backend small enough to start in a story (twelve partners, no deals). */
export function inboxBackend(faults: Fault[] = []): MockBackend {
  return createMockBackend({ seed: 'demo', demo: { partners: 12, deals: 0, resources: 0 }, faults });
}

/** The first active partner of `backend` in `tier` (`tier_silver`, `tier_registered`, ...), or any active one. */
export function activePartner(backend: MockBackend, tierId?: string): string {
  const partners = [...backend.state.partners.values()].filter((p) => p.status === 'active');
  const found = partners.find((p) => tierId === undefined || p.tierId === tierId);
  if (!found) throw new Error(`no active partner${tierId ? ` in ${tierId}` : ''}`);
  return found.id;
}

/** A client of one side over the mock, as the seeded person of that side (a manager sees the partners it manages). */
export function inboxClient(options: InboxMockOptions = {}): { client: PartnerKitClient; backend: MockBackend; partnerId: string } {
  const backend = options.backend ?? inboxBackend(options.faults);
  const partnerId = options.partnerId ?? activePartner(backend);
  const token = options.role === 'manager' ? backend.session({ role: 'manager', ttlSeconds: 86_400 }).token : backend.session({ role: 'partner', partnerId, ttlSeconds: 86_400 }).token;
  const timeout = timeoutFor(options);
  const client = createClient({ baseUrl: MOCK_BASE_URL, token, fetch: backend.fetch, retry: 0, timeout: timeout === Infinity ? 2_147_483_647 : timeout });
  return { client, backend, partnerId };
}
