/**
 * The demo agreements: their fixed content hashes are core's, every object is valid contract
 * data, and the standings they give are the demo's story (active partners accepted, partners
 * still onboarding must accept the programme agreement before registering deals).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import * as z from 'zod/mini';
import { generateDemoData } from '../../src/demo/index.ts';
import { agreementContentHash, agreementStanding } from '../../src/rules/index.ts';
import { Acceptance, Agreement, AgreementVersion } from '../../src/schemas/index.ts';

const demo = generateDemoData({ asOf: '2026-11-30T09:00:00.000Z', partners: 24, deals: 0 });

describe('the demo agreements', () => {
  test('each version carries the hash agreementContentHash gives its content', async () => {
    for (const { versions } of demo.agreements) {
      for (const version of versions) assert.equal(version.contentHash, await agreementContentHash(version), `${version.id}: set DEMO_CONTENT_HASHES to the hash core computes`);
    }
  });

  test('are valid contract objects', () => {
    for (const { agreement, versions, acceptances } of demo.agreements) {
      z.parse(Agreement, agreement);
      for (const v of versions) z.parse(AgreementVersion, v);
      for (const a of acceptances) z.parse(Acceptance, a);
    }
  });

  test('active partners accepted both; partners not yet active must accept the programme agreement before registering deals', () => {
    const programme = demo.agreements.find((a) => a.agreement.id === 'ag_programme')!;
    const brand = demo.agreements.find((a) => a.agreement.id === 'ag_brand')!;
    const standing = (of: typeof programme, partnerId: string) =>
      agreementStanding({ agreement: of.agreement, versions: of.versions, acceptances: of.acceptances.filter((a) => a.partnerId === partnerId), now: demo.asOf })!;
    const statuses = new Set<string>();
    for (const { partner } of demo.partners) {
      const p = standing(programme, partner.id);
      const b = standing(brand, partner.id);
      statuses.add(b.status);
      if (partner.status === 'active') {
        assert.equal(p.status, 'accepted', partner.id);
        assert.notEqual(b.status, 'expired', partner.id);
        assert.deepEqual([...p.blocks, ...b.blocks], [], partner.id);
      } else {
        assert.equal(p.status, 'to_accept', partner.id);
        assert.deepEqual(p.blocks, ['deal_registration'], partner.id);
      }
    }
    assert.ok(statuses.has('expiring') && statuses.has('accepted'), `brand standings seen: ${[...statuses].join(', ')}`);
    assert.ok(demo.partners.some(({ partner }) => partner.status !== 'active'), 'the demo has a partner still to accept');
  });
});
