import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { requiredAgreements } from '@partnerkit/core/client';
import { acceptance, partnerAgreement, resourcePage } from './fixtures.ts';
import { harness } from './setup.ts';
import { json, problem } from './stub-fetch.ts';

const page = <T>(item: T) => ({ data: [item], nextCursor: null });
const accept = { versionId: 'av_1', contentHash: `sha256:${'a'.repeat(64)}`, signer: { name: 'Lan Nguyen', title: 'Director' } };

describe('client.agreements', () => {
  it('an acceptance makes cached standings and the library stale: the gates it opened show at once', async () => {
    const { client, stub } = harness(
      [json(200, page(partnerAgreement())), json(200, resourcePage(['r_1'])), json(201, acceptance('ac_1')), json(200, page(partnerAgreement({ status: 'accepted', blocks: [] }))), json(200, resourcePage(['r_1']))],
      { cache: { ttl: 60_000 } },
    );
    await client.agreements.ofPartner('p_1');
    await client.resources.list();
    await client.agreements.accept('p_1', accept);
    const after = await client.agreements.ofPartner('p_1');
    await client.resources.list();
    assert.equal(after.data[0]?.status, 'accepted');
    assert.equal(stub.requests.length, 5, 'both reads went to the backend again');
  });

  it('a lost answer to an acceptance is retried with the same key, so it is recorded once', async () => {
    const { client, stub } = harness([{ throw: new TypeError('fetch failed') }, json(201, acceptance('ac_1'))]);
    await client.agreements.accept('p_1', accept);
    assert.equal(stub.requests.length, 2);
    const [first, second] = stub.requests;
    assert.ok(first?.headers.get('idempotency-key'));
    assert.equal(first?.headers.get('idempotency-key'), second?.headers.get('idempotency-key'));
  });

  it('requiredAgreements reads the agreements of an agreement_required problem, and nothing from other errors', async () => {
    const agreements = [{ agreementId: 'ag_1', versionId: 'av_2', title: 'Programme agreement', gate: 'deal_registration' }];
    const { client } = harness([problem(403, 'agreement_required', { agreements }), problem(403, 'forbidden')]);
    const required = await client.deals.register({ type: 'resell', customer: { company: 'Acme' } }).catch((error: unknown) => error);
    assert.deepEqual(requiredAgreements(required), agreements);
    const forbidden = await client.deals.register({ type: 'resell', customer: { company: 'Acme' } }).catch((error: unknown) => error);
    assert.deepEqual(requiredAgreements(forbidden), []);
    for (const other of [undefined, null, 'agreement_required', new Error('x'), { problem: { code: 'agreement_required', agreements: 'x' } }]) assert.deepEqual(requiredAgreements(other), []);
  });
});
