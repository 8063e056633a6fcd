/**
 * The mock is a second backend that proves the contract: the whole conformance kit, every area,
 * run against it in Node with msw intercepting the kit's requests, passes. A mock that breaks a
 * rule fails the check aimed at it (the run can fail).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { setupServer } from 'msw/node';
import { CHECKS, type CheckResult, runConformance } from '@partnerkit/conformance';
import { createMockBackend, type MockBackend, partnerkitHandlers } from '@partnerkit/mock';

const BASE_URL = 'https://prm.mock.partnerkit.test/api';
const ORIGIN = 'https://partners.example.com';
const server = setupServer();

before(() => server.listen({ onUnhandledRequest: 'error' }));
after(() => server.close());

const failures = (results: readonly CheckResult[]) => results.filter((r) => r.outcome !== 'pass').map((r) => `${r.id} (${r.outcome}): ${r.seen}`);

function serve(backend: MockBackend): void {
  server.resetHandlers(...partnerkitHandlers(backend, BASE_URL));
}

describe('@partnerkit/mock against the conformance kit', () => {
  it('passes every check of every area, on the demo programme', async () => {
    const backend = createMockBackend({ seed: 'demo', allowOrigins: [ORIGIN] });
    serve(backend);
    const report = await runConformance({ baseUrl: BASE_URL, adminKey: backend.adminKey, origin: ORIGIN, clock: backend.clock });
    assert.equal(report.summary.total, CHECKS.length);
    assert.deepEqual(failures(report.results), []);
    assert.deepEqual(report.cleanup.failed, []);
  });

  it('fails the check aimed at a broken rule: a partner reading another partner\'s deal', async () => {
    const backend = createMockBackend({ seed: 'empty', allowOrigins: [ORIGIN] });
    // Break isolation: every deal is answered to whoever asks for it by id.
    const handle = backend.handle.bind(backend);
    backend.handle = async (request) => {
      const response = await handle(request);
      if (request.method !== 'GET' || !/\/v1\/deals\/[^/]+$/.test(new URL(request.url).pathname) || response.status !== 404) return response;
      const headers = new Headers(request.headers);
      headers.set('authorization', `Bearer ${backend.adminKey}`);
      return handle(new Request(request.url, { headers }));
    };
    serve(backend);
    const report = await runConformance({ baseUrl: BASE_URL, adminKey: backend.adminKey, only: ['isolation'] });
    const result = report.results.find((r) => r.id === 'isolation.other-partner-paths');
    assert.equal(result?.outcome, 'fail');
    assert.match(result?.seen ?? '', /getDeal on partner B's id/);
  });
});
