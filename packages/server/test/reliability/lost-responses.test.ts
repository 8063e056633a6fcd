/**
 * Lost answers: between the real client (`@partnerkit/core/client`) and the server sits a proxy
 * that loses answers after the server committed the write (reset, half an answer, a 502 of its
 * own) or cuts the client off while the server is still writing. The client retries with the same
 * idempotency key (by itself, or when the app calls again with the key after an error it cannot
 * tell from success), and for every sequence of faults exactly one deal exists and exactly one
 * move is recorded.
 */
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import fc from 'fast-check';
import { createClient, isHttpError, isNetworkError, newIdempotencyKey, type PartnerKitClient } from '@partnerkit/core/client';
import type { Deal } from '@partnerkit/core/schemas';
import { createProgramme, dealBody } from '../helpers/fixtures.ts';
import { type Harness, suite } from '../helpers/harness.ts';
import { type Fault, type FaultProxy, startFaultProxy } from './helpers/fault-proxy.ts';
import { Tally } from './helpers/wire.ts';

const FAULTS: Fault[] = ['drop', 'truncate', 'gateway', 'early-drop'];
const RUNS = 16;

/** What an app does with an answer it may have lost: call again with the same key, a few times. */
async function persist<T>(call: () => Promise<T>, tally: Tally): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await call();
    } catch (error) {
      const unknownOutcome = isNetworkError(error) || (isHttpError(error) && error.status >= 500);
      if (!unknownOutcome || attempt >= 5) throw error;
      tally.add('app retries');
    }
  }
}

suite('reliability: lost responses', (harness) => {
  let h: Harness;
  let proxy: FaultProxy;
  let partnerId: string;
  let asPartner: PartnerKitClient;
  let asManager: PartnerKitClient;
  /** Faults still to inject, per idempotency key, in order. */
  const planned = new Map<string, Fault[]>();

  before(async () => {
    h = harness();
    await createProgramme(h);
    partnerId = (await h.createPartner({ tierId: 'silver' })).id;
    proxy = await startFaultProxy(h.url);
    proxy.plan = (request) => {
      const key = request.headers['idempotency-key'];
      return (typeof key === 'string' ? planned.get(key)?.shift() : undefined) ?? 'pass';
    };
    const options = { baseUrl: proxy.url, retry: { limit: 3, delay: () => 10, jitter: false }, timeout: 10_000 };
    asPartner = createClient({ ...options, token: await h.session({ role: 'partner', partnerId, user: { id: 'lost-user' }, ttlSeconds: 3600 }) });
    asManager = createClient({ ...options, token: await h.session({ role: 'manager', user: { id: 'lost-manager' }, ttlSeconds: 3600 }) });
  });

  after(async () => {
    await proxy?.close();
  });

  it(`registers exactly one deal for any sequence of lost answers (${RUNS} sequences)`, async (t) => {
    const tally = new Tally();
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom(...FAULTS), { minLength: 1, maxLength: 4 }), async (faults) => {
        const key = newIdempotencyKey();
        planned.set(key, [...faults]);
        const body = dealBody();
        const deal = await persist(() => asPartner.deals.register(body as Parameters<PartnerKitClient['deals']['register']>[0], { idempotencyKey: key }), tally);
        await proxy.settled();
        for (const fault of faults) tally.add(`fault:${fault}`);
        tally.add('registrations');

        const stored = await h.db.query<{ id: string }>(`SELECT id FROM deals WHERE customer->>'company' = $1`, [(body.customer as { company: string }).company]);
        assert.deepEqual(stored.rows.map((r) => r.id), [deal.id], `faults ${faults.join(',')}: exactly one deal, the one the client got`);
        const exchanges = proxy.exchanges.filter((e) => e.idempotencyKey === key);
        assert.equal(exchanges.length, faults.length + 1, `faults ${faults.join(',')}: one attempt per fault, then one that got through`);
        const writes = exchanges.filter((e) => e.upstreamStatus === 201 && !e.replayed);
        assert.equal(writes.length, 1, `faults ${faults.join(',')}: the server wrote once, replayed the rest (${JSON.stringify(exchanges)})`);
        // After an early drop the retry can overtake the first attempt at the server, so which
        // attempt writes is not fixed; that exactly one does and every other replays is.
        assert.equal(exchanges.filter((e) => e.replayed).length, exchanges.length - 1, 'every other attempt was answered from the stored answer');
        tally.add('attempts', exchanges.length);
      }),
      { numRuns: RUNS },
    );
    t.diagnostic(`lost responses [${h.driver}]: ${tally}`);
  });

  it('keeps one generated key across the client\'s own retries', async () => {
    let first: string | undefined;
    const byKey = proxy.plan;
    proxy.plan = (request) => {
      first ??= request.headers['idempotency-key'] as string;
      // Lose the first two answers of this call (the exchange being planned is not counted yet).
      return proxy.exchanges.filter((e) => e.idempotencyKey === first).length < 2 ? 'drop' : 'pass';
    };
    try {
      const deal = await asPartner.deals.register(dealBody() as Parameters<PartnerKitClient['deals']['register']>[0]);
      await proxy.settled();
      const attempts = proxy.exchanges.filter((e) => e.idempotencyKey === first);
      assert.ok(first, 'the client sent an Idempotency-Key without being asked');
      assert.equal(attempts.length, 3);
      assert.deepEqual(attempts.map((e) => e.replayed), [false, true, true]);
      assert.equal((await h.db.query('SELECT count(*)::int AS n FROM deals WHERE id = $1', [deal.id])).rows[0]?.n, 1);
    } finally {
      proxy.plan = byKey;
    }
  });

  it('records a move once when its answer is lost, instead of failing the retry as an invalid move', async (t) => {
    const tally = new Tally();
    for (const fault of FAULTS) {
      const deal = await asPartner.deals.register(dealBody() as Parameters<PartnerKitClient['deals']['register']>[0]);
      const key = newIdempotencyKey();
      planned.set(key, [fault, fault]);
      const approved: Deal = await persist(() => asManager.deals.transition(deal.id, { to: 'approved' }, { idempotencyKey: key }), tally);
      await proxy.settled();
      tally.add(`fault:${fault}`, 2);
      assert.equal(approved.status, 'approved');
      const history = (await h.admin.get(`/v1/deals/${deal.id}`)).body.history as { to: string }[];
      assert.deepEqual(history.map((e) => e.to), ['submitted', 'approved'], `${fault}: one approval in the history`);
      const events = await h.db.query(`SELECT type FROM events WHERE data->>'dealId' = $1 ORDER BY seq`, [deal.id]);
      assert.deepEqual(events.rows.map((r) => r.type), ['deal.submitted', 'deal.approved']);
    }
    t.diagnostic(`lost responses [${h.driver}]: ${FAULTS.length} moves through doubled faults: ${tally}`);
  });
});
