/**
 * Property-based fuzzing of the reference server over real HTTP: requests drawn by fast-check
 * over every path and method of the contract (and some it does not have), valid and broken in
 * every part. The property: no answer is a 5xx, every error is a problem document that shows no
 * internals and no token, and afterwards the server still works, logged no internal error and no
 * secret, and its data still holds its invariants.
 *
 * `PARTNERKIT_FUZZ_RUNS=2000` and `PARTNERKIT_FUZZ_SEED=<n>` for a longer or another run. The
 * default seed is fixed: the run asserts it reached every status class, and an unseeded run missed
 * 201 about once in thirty, which made `npm test` flaky. Explore with other seeds, not in CI.
 */
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import fc from 'fast-check';
import { dealBody } from '../helpers/fixtures.ts';
import { type Harness, suite } from '../helpers/harness.ts';
import { requestArbitrary, type FuzzContext } from './helpers/arbitraries.ts';
import { contractOperations } from './helpers/contract.ts';
import { assertWellFormedAnswer, closeWire, send, Tally, type WireReply } from './helpers/wire.ts';
import { buildWorld, type World } from './helpers/world.ts';

const RUNS = Number(process.env.PARTNERKIT_FUZZ_RUNS ?? 200);
const SEED = Number(process.env.PARTNERKIT_FUZZ_SEED ?? 20_261_207);

after(() => closeWire());

suite('reliability: fuzzing every operation', (harness) => {
  let h: Harness;
  let world: World;
  let ctx: FuzzContext;

  before(async () => {
    h = harness();
    world = await buildWorld(h);
    // A second library item and real cursors of every list to replay, tamper with and misuse.
    await h.admin.post('/v1/resources', { title: 'Second guide', type: 'video', language: 'vi', url: 'https://example.com/v.mp4' });
    const cursors: string[] = [];
    for (const list of ['/v1/deals', '/v1/partners', '/v1/tiers', '/v1/kpis', '/v1/resources', '/v1/events', `/v1/partners/${world.a.partnerId}/targets`]) {
      const page = await h.admin.get(`${list}?limit=1`);
      if (typeof page.body?.nextCursor === 'string') cursors.push(page.body.nextCursor);
    }
    assert.ok(cursors.length >= 5, `expected cursors of most lists, got ${cursors.length}`);
    ctx = { world, operations: contractOperations(), cursors };
  });

  it(`answers ${RUNS} rounds of 1-4 concurrent generated requests without a 5xx, each error a problem document`, async (t) => {
    const tally = new Tally();
    const statuses = new Tally();
    const started = performance.now();
    await fc.assert(
      fc.asyncProperty(fc.array(requestArbitrary(ctx), { minLength: 1, maxLength: 4 }), async (cases) => {
        const replies = await Promise.all(cases.map((c) => send(h.url, c.wire)));
        cases.forEach((c, i) => {
          const reply = replies[i] as WireReply;
          tally.add('requests');
          tally.add(`body:${c.bodyKind}`);
          statuses.add(String(reply.status));
          const what = `${c.wire.method} ${c.wire.path.slice(0, 160)} [${c.target}, body ${c.bodyKind}]`;
          assertWellFormedAnswer(reply, what, world.secrets, c.wire.method);
          if (reply.status < 300 && c.wire.method !== 'HEAD' && reply.status !== 204) assert.notEqual(reply.json, undefined, `${what}: a success that is not JSON`);
        });
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: false },
    );
    const seconds = (performance.now() - started) / 1000;
    t.diagnostic(`fuzz [${h.driver}]: ${tally.get('requests')} requests in ${seconds.toFixed(1)} s over ${ctx.operations.length} operations; 5xx: 0`);
    t.diagnostic(`fuzz [${h.driver}] bodies: ${tally}`);
    t.diagnostic(`fuzz [${h.driver}] statuses: ${statuses}`);
    // The run must have reached past authentication and validation, not only bounced off them.
    for (const status of ['200', '201', '400', '401', '403', '404']) assert.ok(statuses.get(status) > 0, `no ${status} in the run: ${statuses}`);
  });

  it('is healthy afterwards: answers, registers, keeps its invariants, logged no internal error and no secret', async () => {
    const me = await h.admin.get('/v1/session');
    assert.equal(me.status, 200, me.text);
    // Partner A still works (the fuzz may have renamed or re-tiered it; its session is intact).
    const asA = h.api(world.authorization.partnerA?.slice('Bearer '.length) ?? null);
    const registered = await asA.post('/v1/deals', dealBody());
    assert.equal(registered.status, 201, registered.text);
    assert.equal((await asA.get(`/v1/deals/${registered.body.id}`)).status, 200);
    assert.equal((await h.anonymous.get('/v1/openapi.json')).status, 200);

    const duplicates = await h.db.query(
      `SELECT customer_key FROM deals WHERE status IN ('submitted', 'under_review', 'needs_info', 'approved') GROUP BY customer_key HAVING count(*) > 1`,
    );
    assert.deepEqual(duplicates.rows, [], 'one active registration per customer');
    const unfinished = await h.db.query('SELECT key FROM idempotency_keys WHERE status = 0');
    assert.deepEqual(unfinished.rows, [], 'no idempotency key is left claimed without an answer');

    const internal = h.logs.filter((entry) => entry.level === 'error');
    assert.deepEqual(internal, [], 'the server logged internal errors');
    const logged = JSON.stringify(h.logs);
    for (const secret of world.secrets) assert.ok(!logged.includes(secret), 'a token or key reached the log');
    assert.ok(!logged.includes('DROP TABLE'), 'bodies and query strings never reach the log');
  });
});
