/**
 * `<resource-library>`'s stories and tests on `@partnerkit/mock`: the fixture tiers and library in
 * an in-memory backend that decides, with core's access rules, what each caller may open (a
 * Silver reseller finds the Gold, Platinum and distributor-only items locked), and a real client.
 * @module
 */
import type { PartnerKitClient } from '@partnerkit/core/client';
import type { Resource, Tier } from '@partnerkit/core/schemas';
import { createMockBackend, type MockBackend, type MockOptions } from '@partnerkit/mock';
import { type Caller, clientOf, partnerRecord, timeoutFor } from '../support/mock-backend.js';
import { MANAGER_LIBRARY, SILVER_RESELLER_ID, TIERS } from './fixtures.js';

/** How the backend starts. */
export interface LibraryBackendOptions extends Pick<MockOptions, 'latency' | 'faults' | 'onRequest'> {
  /** Who is calling (default the Silver reseller {@link SILVER_RESELLER_ID}). */
  as?: Caller;
  /** The library (default {@link MANAGER_LIBRARY}), as created at each item's `createdAt`; a missing URL is the fixtures' own. */
  resources?: readonly Resource[];
  tiers?: Tier[];
}

/** A mock backend with the fixture tiers, the Silver reseller and `resources`. */
export function libraryBackend(options: LibraryBackendOptions = {}): MockBackend {
  return createMockBackend({
    seed: {
      tiers: options.tiers ?? TIERS,
      partners: [partnerRecord({ id: SILVER_RESELLER_ID, name: 'Saigon Cloud Partners', type: 'reseller', tierId: 'silver' })],
      // Created oldest first: "newest" is the order of creation, as on every backend.
      resources: [...(options.resources ?? MANAGER_LIBRARY)]
        .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || b.id.localeCompare(a.id))
        .map(({ locked: _locked, url, ...r }) => ({ ...r, url: url ?? `https://cdn.example.com/library/${r.id}` })),
    },
    latency: options.latency,
    faults: options.faults,
    onRequest: options.onRequest,
  });
}

/** A real client on a new {@link libraryBackend}, without retries (tests see each failure at once). */
export function libraryClient(options: LibraryBackendOptions = {}): PartnerKitClient {
  return clientOf(libraryBackend(options), options.as ?? { role: 'partner', partnerId: SILVER_RESELLER_ID }, timeoutFor(options));
}
