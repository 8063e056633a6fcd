/**
 * The reference server on a real PostgreSQL server passes every check of the kit. Runs when
 * PARTNERKIT_TEST_DATABASE_URL names a cluster (npm test starts one), in a database of its own.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CHECKS, runConformance } from '@partnerkit/conformance';
import { ALLOWED_ORIGIN, POSTGRES_URL, startReference } from './support/reference-server.ts';

describe('the reference server on PostgreSQL', { skip: POSTGRES_URL ? false : 'PARTNERKIT_TEST_DATABASE_URL is not set' }, () => {
  it('passes every check of the kit', async () => {
    const reference = await startReference('postgres');
    try {
      const report = await runConformance({ baseUrl: reference.url, adminKey: reference.adminKey, origin: ALLOWED_ORIGIN, clock: reference.clock });
      assert.equal(report.summary.total, CHECKS.length);
      assert.deepEqual(
        report.results.filter((r) => r.outcome !== 'pass').map((r) => `${r.id} (${r.outcome}): ${r.seen}`),
        [],
      );
      assert.deepEqual(report.cleanup.failed, []);
    } finally {
      await reference.close();
    }
  });
});
