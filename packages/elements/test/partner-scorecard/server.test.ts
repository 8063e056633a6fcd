/**
 * `<partner-scorecard>` against the reference server (@partnerkit/server over real HTTP): the
 * fixture programme is loaded through the admin API, sessions are minted with the admin key, and
 * what the element shows is compared with `computeScorecard` over the very same inputs (the KPIs
 * and tiers as the server lists them, this run's partners, targets and measurements).
 *
 * The server's database may hold other KPIs and tiers (other suites): this suite's tiers are put
 * above every other rank, its names carry a marker, and expectations are computed from what the
 * server lists, so the comparison holds whatever else is there.
 *
 * The server keeps real time (it applies due tier changes when numbers arrive), so the fixture's
 * months are moved to end with the last complete quarter before today: the suite means the same
 * thing whatever the date.
 */
import { expect, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { createClient, type PartnerKitClient } from '@partnerkit/core/client';
import { computeScorecard, currentPeriod, monthsOf, previousPeriods, shiftPeriod } from '@partnerkit/core/rules';
import type { Kpi, Page, Partner, Scorecard, Tier } from '@partnerkit/core/schemas';
import { FIXTURE_PERIOD, KPIS, MEASUREMENTS, PARTNERS, TARGETS, TIERS, type FixturePartner } from '../../../../stories/partner-scorecard/fixtures.js';
import { adminRequest, mintSession, referenceServer } from '../platform/reference-server.js';
import { expectScorecardOnScreen, type Lang } from './expect-scorecard.js';
import { mount, part, settled, text } from './helpers.js';
import type { PartnerScorecard } from '../../src/partner-scorecard/partner-scorecard.js';

const run = Math.random().toString(36).slice(2, 8);
/** The last complete quarter, shown by these tests, and how many months the fixture moves to reach it. */
const QUARTER = shiftPeriod(currentPeriod('quarter'), -1);
const OFFSET = monthsBetween(monthsOf(FIXTURE_PERIOD).at(-1)!, monthsOf(QUARTER).at(-1)!);
const moved = (period: string) => (period.includes('Q') ? shiftPeriod(period, OFFSET / 3) : shiftPeriod(period, OFFSET));
const MY_TARGETS = TARGETS.map((t) => ({ ...t, period: moved(t.period) }));
const MY_MEASUREMENTS = MEASUREMENTS.map((m) => ({ ...m, period: moved(m.period) }));

function monthsBetween(from: string, to: string): number {
  const index = (month: string) => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7));
  return index(to) - index(from);
}
const MARK = '·sc';
let baseUrl = '';
/** Fixture partner id -> the partner the server created for this run. */
const created = new Map<string, Partner>();

async function admin<T>(method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown): Promise<T> {
  const { status, body: answer } = await adminRequest<T>(method, path, body);
  if (status < 200 || status > 299) throw new Error(`${method} ${path} answered ${status}: ${JSON.stringify(answer)}`);
  return answer;
}

async function listAll<T>(path: string): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | null = null;
  do {
    const page: Page<T> = await admin<Page<T>>('GET', `${path}?limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    items.push(...page.data);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}

const HELD_SINCE = '2024-01-01T00:00:00.000Z';

/** Loads the fixture programme into the server: KPIs, tiers above all others, partners, targets, measurements. */
async function loadProgramme(): Promise<void> {
  for (const kpi of Object.values(KPIS)) {
    const { id, createdAt: _c, updatedAt: _u, ...input } = kpi;
    await admin('PUT', `/kpis/${id}`, { ...input, name: `${kpi.name} ${MARK}` });
  }

  const mine = new Set<string>(Object.values(TIERS).map((t) => t.id));
  const tiers = await listAll<Tier>('/tiers');
  const othersTop = Math.max(0, ...tiers.filter((t) => !mine.has(t.id)).map((t) => t.rank));
  const ladder = Object.values(TIERS).sort((a, b) => a.rank - b.rank);
  const inPlace = ladder.every((t, i) => tiers.find((s) => s.id === t.id)?.rank === othersTop + 1 + i);
  if (!inPlace) {
    // Above every rank in use (this suite's old ones included), so no step collides with another tier.
    const base = Math.max(0, ...tiers.map((t) => t.rank));
    for (const [i, tier] of ladder.entries()) {
      const { id, createdAt: _c, updatedAt: _u, ...input } = tier;
      await admin('PUT', `/tiers/${id}`, { ...input, rank: base + 1 + i });
    }
  }

  for (const fixture of [PARTNERS.lumen, PARTNERS.saigon, PARTNERS.northwind]) {
    // Brought over from a programme run elsewhere: each has held its tier long before this quarter.
    const partner = await admin<Partner>('POST', '/partners', { name: `${fixture.name} ${run}`, type: fixture.type, status: 'active', tierId: fixture.tierId, tierSince: HELD_SINCE });
    created.set(fixture.id, partner);
    const targets = MY_TARGETS.filter((t) => t.partnerId === fixture.id).map(({ kpiId, period, value }) => ({ kpiId, period, value }));
    if (targets.length > 0) await admin('PUT', `/partners/${partner.id}/targets`, { data: targets });
    const data = MY_MEASUREMENTS.filter((m) => m.partnerId === fixture.id).map(({ kpiId, period, value, source }) => ({ partnerId: partner.id, kpiId, period, value, source }));
    await admin('POST', '/measurements', { data });
  }
}

/** What core's rules say for `fixture`'s server partner, from the inputs the server holds. */
async function expected(fixture: FixturePartner, period: string): Promise<Scorecard> {
  // The partner as it stands now: the server may have applied a due tier change.
  const [partner, kpis, tiers] = await Promise.all([admin<Partner>('GET', `/partners/${created.get(fixture.id)!.id}`), listAll<Kpi>('/kpis'), listAll<Tier>('/tiers')]);
  return computeScorecard({
    partner: { id: partner.id, name: partner.name, type: partner.type, tierId: partner.tierId, tierSince: partner.tierSince ?? null },
    period,
    kpis,
    tiers,
    targets: MY_TARGETS.filter((t) => t.partnerId === fixture.id).map((t) => ({ ...t, partnerId: partner.id })),
    measurements: MY_MEASUREMENTS.filter((m) => m.partnerId === fixture.id).map((m) => ({ ...m, partnerId: partner.id })),
    trendPeriods: 6,
    now: new Date(),
  });
}

/** `card` with its rows in the order the element shows (the order the server sent). */
function inShownOrder(card: Scorecard, shown: Scorecard): Scorecard {
  const byId = new Map(card.rows.map((r) => [r.kpi.id, r]));
  expect(shown.rows.map((r) => r.kpi.id).sort()).to.deep.equal([...byId.keys()].sort());
  return { ...card, rows: shown.rows.map((r) => byId.get(r.kpi.id)!) };
}

async function clientFor(as: { role: 'manager' } | { role: 'partner'; partner: FixturePartner }): Promise<PartnerKitClient> {
  const input =
    as.role === 'manager'
      ? { role: 'manager' as const, user: { id: `m_${run}`, name: 'Minh' } }
      : { role: 'partner' as const, partnerId: created.get(as.partner.id)!.id, user: { id: `u_${run}`, name: 'Lan' } };
  const { token } = await mintSession(input);
  return createClient({ baseUrl, token, retry: 0 });
}

async function showsCoreNumbers(el: PartnerScorecard, fixture: FixturePartner, period: string, lang: Lang): Promise<void> {
  const shown = el.scorecard!;
  expect(shown.period).to.equal(period);
  expectScorecardOnScreen(el, inShownOrder(await expected(fixture, period), shown), lang);
}

describe('<partner-scorecard> on the reference server', function () {
  this.timeout(30_000);

  before(async function () {
    // The server starts on first use and the programme loads through ~20 admin calls: slow on a busy machine.
    this.timeout(120_000);
    ({ baseUrl } = await referenceServer());
    await loadProgramme();
  });

  it('a partner session without partner-id shows its own partner, with core’s numbers; axe clean', async () => {
    const el = await mount({ period: QUARTER }, await clientFor({ role: 'partner', partner: PARTNERS.lumen }));
    await settled(el);
    expect(text(part(el, 'partner-name'))).to.equal(`Lumen Systems ${run}`);
    await showsCoreNumbers(el, PARTNERS.lumen, QUARTER, 'en');
    expect(text(part(el, 'next-tier'))).to.contain(`Revenue ${MARK}: `);
    expect(text(part(el, 'next-tier'))).to.contain('more to reach Gold');
    await expect(el).to.be.accessible();
  });

  it('a manager session with partner-id shows that partner in Vietnamese, programme names included, with the downgrade pending or applied', async () => {
    const el = await mount({ partnerId: created.get(PARTNERS.northwind.id)!.id, period: QUARTER, lang: 'vi' }, await clientFor({ role: 'manager' }));
    await settled(el);
    expect(text(part(el, 'partner-name'))).to.equal(`Northwind Resellers ${run}`);
    await showsCoreNumbers(el, PARTNERS.northwind, QUARTER, 'vi');
    // Gold is no longer met: within the grace period the downgrade is pending, after it the server has applied it.
    // The tiers' and KPIs' Vietnamese names came from the server (the admin set them with PUT).
    const badge = text(part(el, 'badge'));
    if (badge.endsWith('Vàng')) expect(text(part(el, 'pending'))).to.contain('xuống hạng Bạc');
    else expect(badge).to.equal('Hạng: Bạc');
    expect([...el.shadowRoot!.querySelectorAll('[part~="kpi-name"]')].map((c) => text(c))).to.include('Doanh thu');
    await expect(el).to.be.accessible();
  });

  it('shows the top tier as the server computes it', async () => {
    const el = await mount({ partnerId: created.get(PARTNERS.saigon.id)!.id, period: QUARTER }, await clientFor({ role: 'manager' }));
    await settled(el);
    await showsCoreNumbers(el, PARTNERS.saigon, QUARTER, 'en');
    expect(text(part(el, 'top-tier'))).to.equal('Platinum is the top tier of the programme.');
  });

  it('changes period by keyboard and shows the server’s numbers for it', async () => {
    const el = await mount({ partnerId: created.get(PARTNERS.lumen.id)!.id, period: QUARTER }, await clientFor({ role: 'manager' }));
    await settled(el);
    const select = part(el, 'period-picker') as HTMLSelectElement;
    expect([...select.options].map((o) => o.value)).to.deep.equal(previousPeriods(QUARTER, 6).reverse());
    select.focus();
    const changed = oneEvent(el, 'pk-period-change');
    await sendKeys({ press: 'ArrowDown' });
    const previous = shiftPeriod(QUARTER, -1);
    expect((await changed).detail.data.period).to.equal(previous);
    await settled(el);
    await showsCoreNumbers(el, PARTNERS.lumen, previous, 'en');
    expect(el.shadowRoot!.activeElement).to.equal(select);
  });

  it('a manager session without partner-id is told to set it', async () => {
    const el = await mount({}, await clientFor({ role: 'manager' }));
    await settled(el);
    expect(text(part(el, 'needs-partner'))).to.contain('partner-id');
    await expect(el).to.be.accessible();
  });

  it('a partner session asking for another partner gets the not-found error', async () => {
    const el = await mount({ partnerId: created.get(PARTNERS.saigon.id)!.id }, await clientFor({ role: 'partner', partner: PARTNERS.lumen }));
    await settled(el);
    expect(text(part(el, 'error-message'))).to.equal('This could not be found. It may have been removed.');
    await expect(el).to.be.accessible();
  });
});
