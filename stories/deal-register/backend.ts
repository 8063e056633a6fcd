/**
 * `<deal-register>`'s stories and tests on `@partnerkit/mock`: the fixture partners and deals in
 * an in-memory backend (core's registration, conflict and lifecycle rules), a session for the
 * caller, and a real client on it. Failures and latency are the mock's faults.
 * @module
 */
import type { PartnerKitClient } from '@partnerkit/core/client';
import type { Deal } from '@partnerkit/core/schemas';
import { createMockBackend, type MockBackend, type MockOptions } from '@partnerkit/mock';
import { type Caller, clientOf, partnerRecord, timeoutFor } from '../support/mock-backend.js';
import { fixtureDeals, PARTNER_ID, PARTNER_NAMES } from './fixtures.js';

/** How the backend starts. */
export interface DealBackendOptions extends Pick<MockOptions, 'latency' | 'faults' | 'onRequest'> {
  /** Who is calling (default: a partner session of {@link PARTNER_ID}). */
  as?: Caller;
  /** The deals the backend starts with, newest first (default: the fixtures). */
  deals?: Deal[];
  /** Protection days granted on approval and on extension (default 90). */
  protectionDays?: number;
}

/** A backend, a client of the caller on it, and what tests inspect. */
export interface DealBackend {
  backend: MockBackend;
  client: PartnerKitClient;
  /** The backend's deals now, newest first. */
  readonly deals: Deal[];
  /** Each `POST /v1/deals` the client sent (reached the backend or not): its idempotency key and body. */
  registrations: { key: string | null; body: unknown }[];
}

/** A mock backend with the fixture deals and a real client on it (no retries: tests count requests exactly). */
export function dealBackend(options: DealBackendOptions = {}): DealBackend {
  const registrations: DealBackend['registrations'] = [];
  const backend = createMockBackend({
    seed: {
      partners: Object.entries(PARTNER_NAMES).map(([id, name]) => partnerRecord({ id, name })),
      deals: [...(options.deals ?? fixtureDeals())].reverse(),
    },
    defaultProtectionDays: options.protectionDays ?? 90,
    latency: options.latency,
    faults: options.faults,
    onRequest: (request) => {
      if (request.method === 'POST' && new URL(request.url).pathname.endsWith('/v1/deals')) {
        const entry = { key: request.headers.get('idempotency-key'), body: undefined as unknown };
        registrations.push(entry);
        void request.text().then((text) => (entry.body = JSON.parse(text) as unknown));
      }
      options.onRequest?.(request);
    },
  });
  return {
    backend,
    client: clientOf(backend, options.as ?? { role: 'partner', partnerId: PARTNER_ID }, timeoutFor(options)),
    get deals() {
      return [...backend.state.deals.values()].sort((a, b) => b.seq - a.seq).map(({ seq: _seq, ...deal }) => deal);
    },
    registrations,
  };
}
