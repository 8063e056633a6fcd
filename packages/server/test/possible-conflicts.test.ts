/**
 * `possibleConflicts` against brute force: a data set of near-duplicate customers (domains
 * written with `www.`, schemes, paths, case, trailing dots and e-mail addresses; company names
 * with legal forms, Vietnamese diacritics, case, punctuation and one-letter typos at either end),
 * registered over HTTP in every status, and every deal's possible conflicts, on list pages, in
 * the review queue and one by one, compared with core's `matchCustomers` run over all deals; and
 * the matches recorded in bulk (a migration, the seed, the benchmark) against those recorded
 * registration by registration.
 */
import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { ACTIVE_DEAL_STATUSES, matchCustomers, sameCustomer } from '@partnerkit/core/rules';
import type { Deal, DealCustomer, DealStatus } from '@partnerkit/core/schemas';
import { recordDealMatchesInBulk } from '../src/domain/deal-conflicts.ts';
import { customerIdentity } from '../src/store/deals.ts';
import { assertStatus } from './helpers/assertions.ts';
import { createProgramme } from './helpers/fixtures.ts';
import { SeededRandom } from '@partnerkit/core/demo';
import { type Api, type Harness, suite } from './helpers/harness.ts';

type Conflicts = NonNullable<Deal['possibleConflicts']>;

/** The seed generator's random source, so a failure can be replayed. */
function generator(seed: number): () => number {
  const random = new SeededRandom(seed);
  return () => random.next();
}

const DIACRITICS: Readonly<Record<string, string>> = { a: 'á', o: 'ô', e: 'ế', u: 'ư', d: 'đ', i: 'ì' };

/** Ways people write the same company, and one-letter typos at either end of the name. */
const NAME_VARIANTS: readonly ((name: string, random: () => number) => string)[] = [
  (name) => `${name} Ltd`,
  (name) => `${name.toUpperCase()} JSC`,
  (name) => `${[...name].map((ch) => DIACRITICS[ch] ?? ch).join('')} Co., Ltd`,
  (name) => `Công ty TNHH ${name}`,
  (name) => `${name.replace(/ /g, '-')}, Inc.`,
  (name) => `${name.replace(/ /g, '. ')} Pte. Ltd.`,
  (name, random) => typo(name, name.length - 2 - Math.floor(random() * 3)),
  (name, random) => typo(name, 1 + Math.floor(random() * 3)),
];

function typo(name: string, at: number): string {
  const letter = name[at] === 'x' ? 'q' : 'x';
  return name[at] === ' ' ? name : `${name.slice(0, at)}${letter}${name.slice(at + 1)}`;
}

/** Ways people write the same domain. */
const DOMAIN_VARIANTS: readonly ((domain: string) => string)[] = [
  (domain) => domain,
  (domain) => `https://www.${domain}/contact?from=partner`,
  (domain) => `WWW.${domain.toUpperCase()}.`,
  (domain) => `sales@${domain}`,
  (domain) => `shop.${domain}:8443`,
];

interface Registration {
  customer: DealCustomer;
  /** Moves after registering, in order; `withdrawn` is the partner's, the rest the manager's. */
  moves: DealStatus[];
  draft?: boolean;
}

const PATHS: readonly DealStatus[][] = [[], [], ['under_review'], ['under_review'], ['needs_info'], ['approved'], ['rejected'], ['under_review', 'approved'], ['withdrawn'], ['approved', 'won']];

/**
 * The data set: families of near-duplicate names (some sharing a common head such as a
 * Vietnamese trade word, so list pages share candidates), families of one domain written many
 * ways (earlier ones closed so that the next may register), and fillers.
 */
function dataSet(tag: string): Registration[] {
  const random = generator(20_261_130);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const syllables = ['an', 'bi', 'ca', 'do', 'en', 'fu', 'gi', 'ho', 'ky', 'lu'];
  const word = (n: number) => Array.from({ length: n }, () => pick(syllables)).join('');
  const heads = ['Thương mại', 'Dịch vụ', `${tag}`];
  const registrations: Registration[] = [];
  for (let family = 0; family < 48; family += 1) {
    const base = `${pick(heads)} ${word(2)}${tag}${word(2)} ${word(3)}`;
    const variants = 2 + Math.floor(random() * 2);
    for (let k = 0; k < variants; k += 1) {
      const company = k === 0 ? base : (pick(NAME_VARIANTS) as (n: string, r: () => number) => string)(base, random);
      const domain = k === 0 && family % 4 === 0 ? null : `${word(2)}-${tag}-${family}-${k}.${pick(['com', 'vn', 'com.vn', 'co.uk'])}`;
      registrations.push({ customer: { company, domain }, moves: pick(PATHS), draft: random() < 0.08 });
    }
  }
  for (let family = 0; family < 6; family += 1) {
    const domain = `${word(2)}-${tag}-site${family}.com`;
    const company = `${word(3)} ${tag} Holdings ${family}`;
    // Every variant but the last is closed before the next registers the same domain.
    DOMAIN_VARIANTS.forEach((write, k) => {
      const last = k === DOMAIN_VARIANTS.length - 1;
      const moves: DealStatus[] = last ? pick(PATHS.filter((p) => !p.some((s) => ['rejected', 'withdrawn', 'won'].includes(s)))) : [pick(['rejected', 'withdrawn'] as const)];
      registrations.push({ customer: { company: k % 2 ? company : `${company} ${word(2)}`, domain: write(domain) }, moves });
    });
  }
  for (let filler = 0; filler < 20; filler += 1) {
    registrations.push({ customer: { company: `${word(4)} ${word(2)}`, domain: `${word(3)}-${tag}-f${filler}.com` }, moves: pick(PATHS) });
  }
  return registrations;
}

suite('possible conflicts', (harness) => {
  let h: Harness;
  let manager: Api;
  const skipped: string[] = [];

  before(async () => {
    h = harness();
    await createProgramme(h);
    const partners = [(await h.createPartner()).id, (await h.createPartner({ type: 'distributor' })).id];
    const partnerApis = await Promise.all(partners.map((p) => h.partner(p)));
    manager = await h.manager();
    const registrations = dataSet('qzv');
    for (const [i, registration] of registrations.entries()) {
      const owner = i % partners.length;
      const reply = await h.admin.post('/v1/deals', {
        partnerId: partners[owner],
        type: 'resell',
        customer: { ...registration.customer, country: 'VN' },
        products: ['Core Platform'],
        ...(registration.draft ? { status: 'draft' } : {}),
      });
      if (reply.status === 409) {
        // A generated variant of an active registration's customer (core's sameCustomer): a real refusal, not data.
        const { rows: active } = await h.db.query<{ customer: DealCustomer }>(`SELECT customer FROM deals WHERE status IN ('submitted', 'under_review', 'needs_info', 'approved')`);
        assert.ok(active.some((a) => sameCustomer(a.customer, registration.customer) !== null), `refused without a holder: ${JSON.stringify(registration.customer)}`);
        skipped.push(registration.customer.company);
        continue;
      }
      assertStatus(reply, 201);
      if (registration.draft) continue;
      for (const to of registration.moves) {
        const api = to === 'withdrawn' || to === 'won' ? (partnerApis[owner] as Api) : h.admin;
        assertStatus(await api.post(`/v1/deals/${reply.body.id}/transitions`, { to, reason: 'generated' }), 200);
      }
    }
  });

  /** Every deal with what brute force says its possible conflicts are: all active deals, oldest first. */
  async function bruteForce(): Promise<Map<string, { status: DealStatus; seq: number; customer: DealCustomer; conflicts: Conflicts }>> {
    const { rows } = await h.db.query<{ id: string; number: string; status: DealStatus; seq: string | number; customer: DealCustomer }>(
      'SELECT id, number, status, seq, customer FROM deals ORDER BY seq',
    );
    const active = rows.filter((r) => ACTIVE_DEAL_STATUSES.includes(r.status));
    return new Map(
      rows.map((deal) => {
        const conflicts: Conflicts = [];
        for (const other of active) {
          if (other.id === deal.id) continue;
          const verdict = matchCustomers(deal.customer, other.customer);
          if (verdict.match && verdict.reason) conflicts.push({ dealId: other.id, number: other.number, match: verdict.reason });
        }
        return [deal.id, { status: deal.status, seq: Number(deal.seq), customer: deal.customer, conflicts }];
      }),
    );
  }

  async function listAll(api: Api, query: string): Promise<Deal[]> {
    const deals: Deal[] = [];
    let cursor: string | null = null;
    do {
      const reply = await api.get(`/v1/deals?${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      assertStatus(reply, 200);
      deals.push(...(reply.body.data as Deal[]));
      cursor = reply.body.nextCursor;
    } while (cursor);
    return deals;
  }

  it('the data set exercises every way of matching', async () => {
    const expected = await bruteForce();
    const pairs = [...expected.values()].flatMap((deal) =>
      deal.conflicts.map((c) => ({ a: customerIdentity(deal.customer), b: customerIdentity((expected.get(c.dealId) as { customer: DealCustomer }).customer), match: c.match })),
    );
    assert.ok(expected.size >= 120, `${expected.size} deals`);
    // Refusals (each checked against sameCustomer when it happened) leave most of the data set registered.
    assert.ok(skipped.length < 20, `refused as taken: ${skipped.join(', ')}`);
    assert.ok(pairs.filter((p) => p.match === 'domain').length >= 10, 'domain matches');
    assert.ok(pairs.filter((p) => p.match === 'name').length >= 30, 'name matches');
    assert.ok(pairs.some((p) => p.match === 'name' && p.a.nameHead !== p.b.nameHead), 'name matches found through the tail only');
    assert.ok(pairs.some((p) => p.match === 'name' && p.a.nameTail !== p.b.nameTail), 'name matches found through the head only');
    const queued = [...expected.values()].filter((d) => d.status === 'submitted' || d.status === 'under_review');
    assert.ok(queued.filter((d) => d.conflicts.length > 0).length >= 10, 'queued deals with possible conflicts');
  });

  it('the review queue, page by page, shows exactly the possible conflicts brute force finds, oldest first', async () => {
    const expected = await bruteForce();
    const queue = await listAll(manager, 'status=submitted,under_review&limit=7');
    const queued = [...expected.entries()].filter(([, d]) => d.status === 'submitted' || d.status === 'under_review').sort((a, b) => b[1].seq - a[1].seq);
    assert.deepEqual(queue.map((d) => d.id), queued.map(([id]) => id), 'the same deals in the same order');
    for (const deal of queue) assert.deepEqual(deal.possibleConflicts, expected.get(deal.id)?.conflicts, `${deal.number} ${deal.customer.company}`);
  });

  it('every deal in every status, listed and one by one, shows what brute force finds', async () => {
    const expected = await bruteForce();
    const all = await listAll(h.admin, 'limit=200');
    assert.equal(all.length, expected.size);
    for (const deal of all) assert.deepEqual(deal.possibleConflicts, expected.get(deal.id)?.conflicts, `${deal.number} ${deal.customer.company}`);
    for (const deal of all.filter((_, i) => i % 3 === 0)) {
      const one = await manager.get(`/v1/deals/${deal.id}`);
      assertStatus(one, 200);
      assert.deepEqual(one.body.possibleConflicts, expected.get(deal.id)?.conflicts, deal.number);
    }
  });

  it('recorded in bulk (migration, seed, benchmark), from scratch or from a registration on, the same matches as one by one', async () => {
    const recorded = async () => (await h.db.query<{ deal: string; other: string; match: string }>('SELECT deal, other, match FROM deal_matches ORDER BY deal, other')).rows;
    const oneByOne = await recorded();
    assert.ok(oneByOne.length >= 80, `${oneByOne.length} matches`);
    await h.db.query('DELETE FROM deal_matches');
    await recordDealMatchesInBulk(h.db);
    assert.deepEqual(await recorded(), oneByOne, 'from scratch');
    // Batches smaller than a blocking key's registrations: a key's registrations span batches.
    await h.db.query('DELETE FROM deal_matches');
    await recordDealMatchesInBulk(h.db, 0, { batch: 3 });
    assert.deepEqual(await recorded(), oneByOne, 'from scratch, 3 at a time');
    const { rows } = await h.db.query<{ seq: string }>('SELECT seq FROM deals ORDER BY seq OFFSET 60 LIMIT 1');
    const from = Number(rows[0]?.seq);
    await h.db.query('DELETE FROM deal_matches AS m USING deals AS a, deals AS b WHERE a.id = m.deal AND b.id = m.other AND greatest(a.seq, b.seq) >= $1', [from]);
    assert.ok((await recorded()).length < oneByOne.length);
    await recordDealMatchesInBulk(h.db, from, { batch: 5 });
    assert.deepEqual(await recorded(), oneByOne, `from seq ${from}`);
  });
});

suite('possible conflicts past the per-key limit', (harness) => {
  it('a name sharing its head with more than 1000 older deals is still matched through its tail', async () => {
    const h = harness();
    await createProgramme(h);
    const partner = (await h.createPartner()).id;
    // 1100 older active deals whose names all start with the trade ("Thương mại"), inserted in bulk.
    const random = generator(7);
    const letters = 'bcdfghklmnpqrstvxyz';
    const customers = Array.from({ length: 1100 }, (_, i) => {
      const tail = Array.from({ length: 10 }, () => letters[Math.floor(random() * letters.length)]).join('');
      return { company: `Thương mại ${tail}`, domain: `tm-${i}-${tail}.vn` };
    });
    const now = new Date().toISOString();
    await h.db.query(
      `INSERT INTO deals (id, number, partner_id, status, type, customer, customer_key, name_key, name_head, name_tail, contact, products, submitted_by, history, created_at, updated_at)
       SELECT 'dl_cap' || n, 'DR-CAP-' || n, $1, 'submitted', 'resell', c, k, nk, hd, tl, '{}'::jsonb, '[]'::jsonb, '{"id":"u"}'::jsonb, '[]'::jsonb, $2, $2
         FROM unnest($3::jsonb[], $4::text[], $5::text[], $6::text[], $7::text[]) WITH ORDINALITY AS t (c, k, hd, tl, nk, n)`,
      [
        partner,
        now,
        customers.map((c) => JSON.stringify(c)),
        customers.map((c) => customerIdentity(c).key),
        customers.map((c) => customerIdentity(c).nameHead),
        customers.map((c) => customerIdentity(c).nameTail),
        customers.map((c) => customerIdentity(c).nameKey),
      ],
    );
    const register = async (company: string, domain: string) => {
      const reply = await h.admin.post('/v1/deals', { partnerId: partner, type: 'resell', customer: { company, domain, country: 'VN' }, products: ['Core Platform'] });
      assertStatus(reply, 201);
      return reply.body as Deal;
    };
    const first = await register('Thương mại Hoàng Long Phát Đạt', 'hoanglong-pd.vn');
    const second = await register('THUONG MAI HOANG LONG PHAT DAT JSC', 'hoanglong-pd.com.vn');
    assert.equal(customerIdentity(first.customer).nameHead, customerIdentity(customers[0] as DealCustomer).nameHead, 'the same head as the 1100 older deals');
    const manager = await h.manager();
    const seen = await manager.get(`/v1/deals/${second.id}`);
    assert.deepEqual(seen.body.possibleConflicts, [{ dealId: first.id, number: first.number, match: 'name' }]);
    const queue = await manager.get('/v1/deals?status=submitted&limit=2');
    assert.deepEqual(
      queue.body.data.map((d: Deal) => [d.id, d.possibleConflicts]),
      [
        [second.id, [{ dealId: first.id, number: first.number, match: 'name' }]],
        [first.id, [{ dealId: second.id, number: second.number, match: 'name' }]],
      ],
    );
  });
});
