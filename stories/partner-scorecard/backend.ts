/**
 * `<partner-scorecard>`'s stories and tests on `@partnerkit/mock`: the fixture programme in an
 * in-memory backend whose clock stands at {@link FIXTURE_NOW}, so scorecards are computed by
 * core's `computeScorecard` exactly as the reference server computes them, and a real client on it.
 * @module
 */
import type { PartnerKitClient } from '@partnerkit/core/client';
import { createMockBackend, type MockBackend, type MockOptions } from '@partnerkit/mock';
import { type Caller, clientOf, partnerRecord, timeoutFor } from '../support/mock-backend.js';
import { CERTIFICATIONS, FIXTURE_NOW, PROGRAMME, type Programme } from './fixtures.js';

/** How the backend starts. */
export interface ScorecardBackendOptions extends Pick<MockOptions, 'latency' | 'faults' | 'onRequest'> {
  /** Who is calling; a partner sees only its own partner (others answer 404, as the contract says). */
  as: Caller;
  /** The programme (default {@link PROGRAMME}). */
  programme?: Programme;
  /**
   * Tiers that require certifications ({@link CERTIFICATIONS}): Silver 2 people in Sales
   * Fundamentals, Gold 2 in Sales Fundamentals and 1 in Technical Implementation. Lumen holds the
   * two Sales Fundamentals certificates, one expiring within 60 days, and no Technical one.
   */
  certifications?: boolean;
}

/** A mock backend holding `programme`, as of {@link FIXTURE_NOW}. */
export function scorecardBackend(options: ScorecardBackendOptions): MockBackend {
  const programme = options.programme ?? PROGRAMME;
  const backend = createMockBackend({
    seed: {
      kpis: programme.kpis,
      tiers: programme.tiers,
      partners: programme.partners.map((p) => partnerRecord({ ...p })),
      targets: programme.targets,
      measurements: programme.measurements,
    },
    now: () => FIXTURE_NOW,
    latency: options.latency,
    faults: options.faults,
    onRequest: options.onRequest,
  });
  if (options.certifications) {
    const { state } = backend;
    for (const certification of CERTIFICATIONS.certifications) state.certifications.set(certification.id, { ...certification, seq: state.nextSeq() });
    for (const requirements of CERTIFICATIONS.requirements) state.certificationRequirements.set(requirements.tierId, requirements);
    for (const certificate of CERTIFICATIONS.certificates) state.certificates.set(certificate.id, { ...certificate, seq: state.nextSeq() });
  }
  return backend;
}

/** A real client of `options.as` on a new {@link scorecardBackend}, without retries (tests see each failure at once). */
export function scorecardClient(options: ScorecardBackendOptions): PartnerKitClient {
  return clientOf(scorecardBackend(options), options.as, timeoutFor(options));
}
