/**
 * `<partner-scorecard>` against the mock backend (a real client over an injected fetch): roles,
 * the four states, events, the period picker by keyboard, and reloading with abort.
 */
import { aTimeout, expect, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { EventEnvelope } from '@partnerkit/core/schemas';
import * as z from 'zod/mini';
import type { PkErrorEvent } from '../../src/events/error.js';
import { FIXTURE_PERIOD, PARTNERS, PROGRAMME_WITHOUT_KPIS } from '../../../../stories/partner-scorecard/fixtures.js';
import { scorecardClient, type ScorecardBackendOptions } from '../../../../stories/partner-scorecard/backend.js';
import { mount, mountOn, part, parts, rows, settled, text } from './helpers.js';

const manager: ScorecardBackendOptions['as'] = { role: 'manager' };
const partnerSession = (partnerId: string): ScorecardBackendOptions['as'] => ({ role: 'partner', partnerId });

/** Records the requests the backend receives, as `METHOD path?query`. */
function recorder(): { seen: Request[]; paths: () => string[]; onRequest: (r: Request) => void } {
  const seen: Request[] = [];
  return {
    seen,
    onRequest: (request) => seen.push(request),
    paths: () => seen.map((r) => {
      const url = new URL(r.url);
      return `${r.method} ${url.pathname.replace(/^\/api/, '')}${url.search}`;
    }),
  };
}

/** Collects every `type` event reaching the document (they bubble and are composed). */
function collect<K extends keyof HTMLElementEventMap>(type: K): { events: HTMLElementEventMap[K][]; stop: () => void } {
  const events: HTMLElementEventMap[K][] = [];
  const listener = (event: Event) => events.push(event as HTMLElementEventMap[K]);
  document.addEventListener(type, listener);
  return { events, stop: () => document.removeEventListener(type, listener) };
}

describe('<partner-scorecard> roles', () => {
  it('shows a partner session its own partner without a partner-id', async () => {
    const requests = recorder();
    const el = await mountOn({}, { as: partnerSession(PARTNERS.lumen.id), onRequest: requests.onRequest });
    expect(text(part(el, 'partner-name'))).to.equal('Lumen Systems');
    expect(requests.paths()).to.deep.equal(['GET /v1/session', `GET /v1/partners/${PARTNERS.lumen.id}/scorecard?period=${FIXTURE_PERIOD}&periods=6`]);
    expect(rows(el).size).to.equal(5);
    await expect(el).to.be.accessible();
  });

  it('shows a manager the partner named by partner-id, without asking who the session is', async () => {
    const requests = recorder();
    const el = await mountOn({ partnerId: PARTNERS.northwind.id, period: FIXTURE_PERIOD }, { as: manager, onRequest: requests.onRequest });
    expect(text(part(el, 'partner-name'))).to.equal('Northwind Resellers');
    expect(requests.paths()).to.deep.equal([`GET /v1/partners/${PARTNERS.northwind.id}/scorecard?period=2026-Q3&periods=6`]);
    await expect(el).to.be.accessible();
  });

  for (const role of ['manager', 'admin'] as const) {
    it(`tells a ${role} session that partner-id is required, and reports it`, async () => {
      const errors = collect('pk-error');
      try {
        const el = await mountOn({}, { as: { role } });
        const box = part(el, 'needs-partner')!;
        expect(box).to.not.equal(null);
        expect(box.getAttribute('role')).to.equal('alert');
        expect(text(box)).to.contain('partner-id');
        expect(part(el, 'table')).to.equal(null);
        expect(errors.events.map((e) => e.detail.data.code)).to.deep.equal(['partner_id_required']);
        await expect(el).to.be.accessible();
      } finally {
        errors.stop();
      }
    });
  }

  it('says so in Vietnamese too', async () => {
    const el = await mountOn({ lang: 'vi' }, { as: manager });
    expect(text(part(el, 'needs-partner'))).to.contain('Hãy đặt thuộc tính partner-id');
    await expect(el).to.be.accessible();
  });

  it('answers another partner’s id with the not-found error (the backend hides it)', async () => {
    const el = await mountOn({ partnerId: PARTNERS.saigon.id }, { as: partnerSession(PARTNERS.lumen.id) });
    expect(text(part(el, 'error-message'))).to.contain('could not be found');
  });
});

describe('<partner-scorecard> states', () => {
  it('shows a busy skeleton shaped like the scorecard while loading', async () => {
    const el = await mount({ partnerId: PARTNERS.lumen.id }, scorecardClient({ as: manager, faults: [{ mode: 'slow', delayMs: Infinity }] }));
    const loading = part(el, 'loading')!;
    expect(loading.getAttribute('aria-busy')).to.equal('true');
    expect(text(loading)).to.contain('Loading');
    expect(loading.querySelectorAll('.skeleton-row').length).to.equal(4);
    await expect(el).to.be.accessible();
  });

  it('shows an error with a retry that loads again, and dispatches pk-error', async () => {
    // The backend fails once: the retry finds it back.
    const backend: ScorecardBackendOptions = { as: manager, faults: [{ mode: 'error', status: 503, match: 'GET /v1/partners/*/scorecard', times: 1 }] };
    const errors = collect('pk-error');
    try {
      const el = await mountOn({ partnerId: PARTNERS.lumen.id }, backend);
      const box = part(el, 'error')!;
      expect(box.getAttribute('role')).to.equal('alert');
      expect(text(part(el, 'error-message'))).to.equal('The PartnerKit service had a problem. Try again in a moment.');
      await expect(el).to.be.accessible();

      const [event] = errors.events as PkErrorEvent[];
      expect(event!.bubbles && event!.composed).to.equal(true);
      expect(z.safeParse(EventEnvelope, event!.detail).success).to.equal(true);
      expect(event!.detail.data).to.include({ element: 'partner-scorecard', code: 'service_unavailable', status: 503 });

      (part(el, 'retry-button') as HTMLButtonElement).click();
      await settled(el);
      expect(part(el, 'error')).to.equal(null);
      expect(text(part(el, 'partner-name'))).to.equal('Lumen Systems');
    } finally {
      errors.stop();
    }
  });

  it('shows the error state in Vietnamese', async () => {
    const el = await mountOn({ partnerId: PARTNERS.lumen.id, lang: 'vi' }, { as: manager, faults: [{ mode: 'error', status: 503, match: 'GET /v1/partners/*/scorecard' }] });
    expect(text(part(el, 'error-message'))).to.equal('Dịch vụ PartnerKit gặp sự cố. Hãy thử lại sau giây lát.');
    expect(text(part(el, 'retry-button'))).to.equal('Thử lại');
    await expect(el).to.be.accessible();
  });

  it('says when the programme has no KPIs', async () => {
    const el = await mountOn({ partnerId: PARTNERS.lumen.id }, { as: manager, programme: PROGRAMME_WITHOUT_KPIS });
    expect(text(part(el, 'empty'))).to.equal('This programme has no KPIs yet. They will appear here once it defines some.');
    expect(part(el, 'table')).to.equal(null);
    expect(part(el, 'tier')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('says when the period has no data, and keeps the picker to choose one that has', async () => {
    const el = await mountOn({ partnerId: PARTNERS.quiet.id }, { as: manager });
    expect(text(part(el, 'empty'))).to.equal(
      "No measurements for Q3 2026 yet. Pick another period, or check back once this period's numbers are in.",
    );
    expect(part(el, 'table')).to.equal(null);
    const options = [...(part(el, 'period-picker') as HTMLSelectElement).options].map((o) => o.value);
    expect(options).to.deep.equal(['2026-Q3', '2025-Q2', '2025-Q1']);
    await expect(el).to.be.accessible();
  });

  it('says so in Vietnamese', async () => {
    const el = await mountOn({ partnerId: PARTNERS.quiet.id, lang: 'vi' }, { as: manager });
    expect(text(part(el, 'empty'))).to.contain('Chưa có số liệu cho quý 3/2026');
    await expect(el).to.be.accessible();
  });

  for (const theme of ['light', 'dark'] as const) {
    for (const compact of [false, true]) {
      it(`is accessible with data (${theme}${compact ? ', compact' : ''})`, async () => {
        const el = await mountOn({ partnerId: PARTNERS.northwind.id, theme, compact }, { as: manager });
        expect(el.getAttribute('theme')).to.equal(theme);
        await expect(el).to.be.accessible();
      });
    }
  }

  it('condenses in compact mode: no trend column, statuses as icons with their text kept for screen readers', async () => {
    const el = await mountOn({ partnerId: PARTNERS.lumen.id, compact: true }, { as: manager });
    const trendCell = el.shadowRoot!.querySelector('td.col-trend')!;
    expect(getComputedStyle(trendCell).display).to.equal('none');
    const label = rows(el).get('Revenue')!.querySelector('.status__label')!;
    expect(label.getBoundingClientRect().width).to.be.at.most(1);
    expect(text(label)).to.equal('At risk');
    expect(parts(el, 'status-icon').length).to.equal(5);
  });

  it('follows the dark theme', async () => {
    const el = await mountOn({ partnerId: PARTNERS.lumen.id, theme: 'dark' }, { as: manager });
    const card = part(el, 'scorecard')!;
    expect(getComputedStyle(card).backgroundColor).to.equal('rgb(23, 25, 28)');
  });
});

describe('<partner-scorecard> events', () => {
  it('dispatches pk-scorecard-load with the scorecard in an event envelope', async () => {
    const loads = collect('pk-scorecard-load');
    try {
      const el = await mountOn({ partnerId: PARTNERS.lumen.id }, { as: manager });
      expect(loads.events.length).to.equal(1);
      const event = loads.events[0]!;
      expect(event.target).to.equal(el);
      expect(event.bubbles && event.composed).to.equal(true);
      expect(z.safeParse(EventEnvelope, event.detail).success).to.equal(true);
      expect(event.detail.type).to.equal('scorecard.loaded');
      expect(event.detail.partnerId).to.equal(PARTNERS.lumen.id);
      expect(event.detail.data.scorecard).to.equal(el.scorecard);
      expect(event.detail.data.scorecard.period).to.equal(FIXTURE_PERIOD);
    } finally {
      loads.stop();
    }
  });
});

describe('<partner-scorecard> period picker', () => {
  it('is a labelled native select over the periods with data, newest first', async () => {
    const el = await mountOn({ partnerId: PARTNERS.lumen.id }, { as: manager });
    const select = part(el, 'period-picker') as HTMLSelectElement;
    expect(select.localName).to.equal('select');
    expect(select.labels?.[0]?.textContent).to.contain('Period');
    expect([...select.options].map((o) => o.value)).to.deep.equal(['2026-Q3', '2026-Q2', '2026-Q1', '2025-Q4', '2025-Q3', '2025-Q2']);
    expect([...select.options].map((o) => o.textContent)).to.deep.equal(['Q3 2026', 'Q2 2026', 'Q1 2026', 'Q4 2025', 'Q3 2025', 'Q2 2025']);
    expect(select.value).to.equal('2026-Q3');
  });

  it('changes period with the keyboard, keeps focus, announces pk-period-change and loads that period', async () => {
    const requests = recorder();
    const el = await mountOn({ partnerId: PARTNERS.lumen.id }, { as: manager, onRequest: requests.onRequest, latency: 300 });
    const select = part(el, 'period-picker') as HTMLSelectElement;
    select.focus();
    const changed = oneEvent(el, 'pk-period-change');
    await sendKeys({ press: 'ArrowDown' });
    const event = await changed;
    expect(event.detail.type).to.equal('scorecard.period_changed');
    expect(event.detail.data).to.deep.equal({ period: '2026-Q2', previousPeriod: '2026-Q3' });
    expect(event.detail.partnerId).to.equal(PARTNERS.lumen.id);
    expect(el.period).to.equal('2026-Q2');

    // While Q2 loads, Q3 stays on screen, marked busy, and the picker keeps its place and focus.
    await el.updateComplete;
    expect(part(el, 'scorecard')!.getAttribute('aria-busy')).to.equal('true');
    expect(el.shadowRoot!.activeElement).to.equal(select);
    await settled(el);
    expect(el.scorecard!.period).to.equal('2026-Q2');
    expect(el.shadowRoot!.activeElement).to.equal(select);
    expect(select.value).to.equal('2026-Q2');
    expect(requests.paths().at(-1)).to.equal(`GET /v1/partners/${PARTNERS.lumen.id}/scorecard?period=2026-Q2&periods=6`);

    const back = oneEvent(el, 'pk-period-change');
    await sendKeys({ press: 'ArrowUp' });
    expect((await back).detail.data).to.deep.equal({ period: '2026-Q3', previousPeriod: '2026-Q2' });
    await settled(el);
    expect(el.scorecard!.period).to.equal('2026-Q3');
    await expect(el).to.be.accessible();
  });

  it('is reachable with Tab', async () => {
    const el = await mountOn({ partnerId: PARTNERS.lumen.id }, { as: manager });
    const before = document.createElement('button');
    before.textContent = 'before';
    el.before(before);
    before.focus();
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement).to.equal(part(el, 'period-picker'));
    before.remove();
  });
});

describe('<partner-scorecard> reloading', () => {
  it('loads the new partner when partner-id changes, aborting the old request', async () => {
    const requests = recorder();
    const el = await mount({ partnerId: PARTNERS.lumen.id }, scorecardClient({ as: manager, latency: 200, onRequest: requests.onRequest }));
    await waitUntil(() => requests.seen.length === 1);
    el.setAttribute('partner-id', PARTNERS.saigon.id);
    await el.updateComplete;
    await settled(el);
    expect(requests.seen.length).to.equal(2);
    expect(requests.seen[0]!.signal.aborted).to.equal(true);
    expect(requests.seen[1]!.signal.aborted).to.equal(false);
    expect(text(part(el, 'partner-name'))).to.equal('Saigon Cloud Partners');
  });

  it('shows the skeleton, not the previous partner, while another partner loads', async () => {
    const el = await mountOn({ partnerId: PARTNERS.lumen.id }, { as: manager, latency: 50 });
    el.partnerId = PARTNERS.saigon.id;
    await el.updateComplete;
    expect(part(el, 'partner-name')).to.equal(null);
    expect(part(el, 'loading')).to.not.equal(null);
    await settled(el);
    expect(text(part(el, 'partner-name'))).to.equal('Saigon Cloud Partners');
  });

  it('loads the new period when the period attribute changes, aborting the old request', async () => {
    const requests = recorder();
    const el = await mountOn({ partnerId: PARTNERS.lumen.id, period: '2026-Q3' }, { as: manager, latency: 100, onRequest: requests.onRequest });
    el.setAttribute('period', '2026-Q1');
    await aTimeout(10);
    el.setAttribute('period', '2025-Q4');
    await el.updateComplete;
    await settled(el);
    const scorecardRequests = requests.seen.slice(1);
    expect(scorecardRequests.map((r) => new URL(r.url).searchParams.get('period'))).to.deep.equal(['2026-Q1', '2025-Q4']);
    expect(scorecardRequests[0]!.signal.aborted).to.equal(true);
    expect(el.scorecard!.period).to.equal('2025-Q4');
    expect((part(el, 'period-picker') as HTMLSelectElement).value).to.equal('2025-Q4');
  });

  it('asks for the trend length in periods, and falls back to 6 outside 1-24', async () => {
    const requests = recorder();
    const el = await mountOn({ partnerId: PARTNERS.lumen.id, periods: 4 }, { as: manager, onRequest: requests.onRequest });
    expect(new URL(requests.seen.at(-1)!.url).searchParams.get('periods')).to.equal('4');
    expect(el.scorecard!.rows[0]!.trend.length).to.equal(4);
    el.periods = 99;
    await el.updateComplete;
    await settled(el);
    expect(new URL(requests.seen.at(-1)!.url).searchParams.get('periods')).to.equal('6');
  });

  it('re-renders in another language without loading again', async () => {
    const requests = recorder();
    const el = await mountOn({ partnerId: PARTNERS.lumen.id }, { as: manager, onRequest: requests.onRequest });
    el.setAttribute('lang', 'vi');
    await el.updateComplete;
    expect(text(el.shadowRoot!.querySelector('thead'))).to.contain('Chỉ tiêu');
    expect(requests.seen.length).to.equal(1);
  });
});
