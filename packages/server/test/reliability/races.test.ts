/**
 * Races: many requests at the same instant over real HTTP. Fifty partners registering one
 * customer end with exactly one holding deal and 49 conflicts; concurrent moves of one deal by
 * every role never skip the state machine: the history is always a path through core's
 * DEAL_TRANSITIONS, one entry and one event per accepted move; near duplicates registered at
 * once each record every other as a possible conflict.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, it } from 'node:test';
import { matchCustomers } from '@partnerkit/core/rules';
import { type DealCustomer, DEAL_STATUSES, type DealHistoryEntry, type DealStatus } from '@partnerkit/core/schemas';
import { createProgramme, dealBody } from '../helpers/fixtures.ts';
import { type Api, type Harness, suite, unique } from '../helpers/harness.ts';
import { assertValidPath } from './helpers/lifecycle.ts';
import { assertWellFormedAnswer, closeWire, send, Tally } from './helpers/wire.ts';

after(() => closeWire());

const PARTNERS = 50;

suite('reliability: races', (harness) => {
  let h: Harness;
  let partners: Api[];
  let partnerIds: string[];

  before(async () => {
    h = harness();
    await createProgramme(h);
    partnerIds = (await Promise.all(Array.from({ length: PARTNERS }, (_, i) => h.createPartner({ tierId: i % 2 ? 'silver' : 'gold' })))).map((p) => p.id);
    partners = await Promise.all(partnerIds.map((id, i) => h.partner(id, `racer-${i}`)));
  });

  it(`settles ${PARTNERS} simultaneous registrations of one customer into one holding deal and ${PARTNERS - 1} conflicts`, async (t) => {
    const stem = randomBytes(6).toString('hex');
    const rounds = [
      // The same customer written fifty ways: by domain...
      (i: number) => ({ company: `${['Acme', 'ACME', 'acme'][i % 3]} ${stem} ${['Ltd', 'Inc.', 'GmbH', 'JSC'][i % 4]}`, domain: [`${stem}.com`, `https://www.${stem}.com/contact`, `WWW.${stem.toUpperCase()}.COM.`, `shop.${stem}.com`][i % 4] }),
      // ...and by company name alone.
      (i: number) => ({ company: [`Công ty TNHH ${stem} Việt`, `${stem} Viet Co., Ltd`, `CÔNG TY TNHH ${stem.toUpperCase()} VIỆT`][i % 3] as string }),
    ];
    const tally = new Tally();
    for (const [round, customerOf] of rounds.entries()) {
      const replies = await Promise.all(partners.map((api, i) => api.post('/v1/deals', dealBody({ customer: customerOf(i) }))));
      const created = replies.filter((r) => r.status === 201);
      const conflicts = replies.filter((r) => r.status === 409);
      tally.add('registrations', replies.length);
      assert.equal(created.length, 1, `round ${round}: ${created.length} registrations won: ${replies.map((r) => r.status).join(',')}`);
      assert.equal(conflicts.length, PARTNERS - 1, `round ${round}: statuses ${replies.map((r) => r.status).join(',')}`);
      for (const reply of conflicts) {
        assert.equal(reply.body.code, 'deal_conflict');
        assert.equal(reply.body.reason, 'already_registered', reply.text);
        const winner = created[0]?.body as { id: string; number: string; partnerId: string };
        for (const word of [winner.id, winner.number, winner.partnerId]) assert.ok(!reply.text.includes(word), 'a conflict never names the holder');
      }
      const winner = created[0]?.body as { id: string; partnerId: string };
      const key = await h.db.query<{ customer_key: string }>('SELECT customer_key FROM deals WHERE id = $1', [winner.id]);
      const holders = await h.db.query(`SELECT id FROM deals WHERE customer_key = $1`, [key.rows[0]?.customer_key]);
      assert.deepEqual(holders.rows.map((r) => r.id), [winner.id], `round ${round}: one deal of the customer in the database`);
      const events = await h.db.query(`SELECT type FROM events WHERE data->>'dealId' = $1`, [winner.id]);
      assert.deepEqual(events.rows.map((r) => r.type), ['deal.submitted']);
    }
    t.diagnostic(`races [${h.driver}]: ${tally.get('registrations')} simultaneous registrations in ${rounds.length} rounds: 1 deal and ${PARTNERS - 1} conflicts each`);
  });

  it(`records every possible conflict among ${PARTNERS} near duplicates registered at the same instant`, async (t) => {
    // One customer written with a typo near its end and a domain of its own each: no refusal
    // (different customers by sameCustomer), but possible conflicts by matchCustomers, found
    // through the name's head, each while the others are being registered.
    const stem = randomBytes(4).toString('hex').replace(/[0-9]/g, (d) => 'ghijklmnop'[Number(d)] as string);
    const base = `Northwind ${stem} Logistics Holdings`;
    // A different typo each: one of five places, one of ten letters none of those places holds.
    const typo = (i: number) => {
      const at = base.length - 2 - (i % 5);
      return `${base.slice(0, at)}${'qxzjvkfbyc'[Math.floor(i / 5)]}${base.slice(at + 1)}`;
    };
    const customers = partners.map((_, i) => ({ company: i === 0 ? base : typo(i), domain: `${stem}-${i}.com` }));
    const replies = await Promise.all(partners.map((api, i) => api.post('/v1/deals', dealBody({ customer: customers[i] }))));
    for (const [i, reply] of replies.entries()) assert.equal(reply.status, 201, `${customers[i]?.company}: ${reply.text}`);
    const deals = replies.map((r) => r.body as { id: string; number: string });
    const { rows } = await h.db.query<{ id: string; seq: string }>('SELECT id, seq FROM deals WHERE id = ANY ($1::text[])', [deals.map((d) => d.id)]);
    const seq = new Map(rows.map((r) => [r.id, Number(r.seq)]));
    const manager = await h.manager('race-matcher');
    let pairs = 0;
    for (const [i, deal] of deals.entries()) {
      const expected = deals
        .map((other, j) => ({ other, j, verdict: matchCustomers(customers[i] as DealCustomer, customers[j] as DealCustomer) }))
        .filter(({ j, verdict }) => j !== i && verdict.match)
        .sort((a, b) => (seq.get(a.other.id) as number) - (seq.get(b.other.id) as number))
        .map(({ other, verdict }) => ({ dealId: other.id, number: other.number, match: verdict.reason }));
      pairs += expected.length;
      const seen = await manager.get(`/v1/deals/${deal.id}`);
      assert.deepEqual(seen.body.possibleConflicts, expected, `${deal.number} ${customers[i]?.company}`);
    }
    assert.ok(pairs >= PARTNERS * 10, `${pairs} possible conflicts`);
    t.diagnostic(`races [${h.driver}]: ${PARTNERS} simultaneous near duplicates, ${pairs / 2} pairs recorded`);
  });

  it('never lets concurrent moves of one deal skip the state machine', async (t) => {
    const manager = await h.manager('race-manager');
    const deals = 5;
    const tally = new Tally();
    // A move to every status, from every role, with a reason: most must lose the race.
    const attempts = DEAL_STATUSES.filter((s) => s !== 'draft').map((to) => ({ to, reason: `race to ${to}` }));
    await Promise.all(
      Array.from({ length: deals }, async (_, n) => {
        const owner = partners[n] as Api;
        const draft = n % 4 === 0;
        const registered = await owner.post('/v1/deals', dealBody({ customer: { company: unique(`Mover ${n}`), domain: `${randomBytes(6).toString('hex')}.org` }, ...(draft ? { status: 'draft' } : {}) }));
        assert.equal(registered.status, 201, registered.text);
        const id = registered.body.id as string;
        const callers = [owner, manager, h.admin];
        const requests = callers.flatMap((api) => attempts.map((body) => ({ api, body })));
        // Shuffle, so every run races in a different order.
        for (let i = requests.length - 1; i > 0; i -= 1) {
          const j = randomBytes(1)[0] as number % (i + 1);
          [requests[i], requests[j]] = [requests[j] as (typeof requests)[number], requests[i] as (typeof requests)[number]];
        }
        const replies = await Promise.all(
          requests.map(({ api, body }) =>
            send(h.url, { method: 'POST', path: `/v1/deals/${id}/transitions`, headers: { authorization: `Bearer ${api.token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) }),
          ),
        );
        let accepted = 0;
        for (const reply of replies) {
          tally.add('moves');
          assertWellFormedAnswer(reply, `move of ${id}`);
          if (reply.status === 200) accepted += 1;
          else {
            const code = (reply.json as { code: string }).code;
            assert.ok(['invalid_transition', 'forbidden'].includes(code), `move of ${id}: ${reply.status} ${reply.text}`);
          }
        }
        tally.add('accepted', accepted);
        const deal = (await h.admin.get(`/v1/deals/${id}`)).body as { status: DealStatus; history: DealHistoryEntry[] };
        const moves = assertValidPath(deal.history, id);
        assert.equal(moves, accepted, `${id}: ${accepted} moves accepted, ${moves} in the history`);
        assert.equal(deal.status, (deal.history.at(-1) as DealHistoryEntry).to);
        const events = await h.db.query(`SELECT type FROM events WHERE data->>'dealId' = $1 ORDER BY seq`, [id]);
        assert.equal(events.rows.length, deal.history.length, `${id}: one event per history entry`);
      }),
    );
    t.diagnostic(`races [${h.driver}]: ${tally.get('moves')} concurrent moves on ${deals} deals, ${tally.get('accepted')} accepted, every history a valid path`);
  });
});
