/**
 * `<partner-scorecard>` in every state, for both roles and both languages, on `@partnerkit/mock`:
 * the scorecards are computed from `stories/partner-scorecard/fixtures.ts` with core's rules by
 * the in-memory backend behind a real client, so Storybook needs no server; its states are the
 * mock's faults.
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { action } from 'storybook/actions';
import '../packages/elements/src/define/partner-scorecard.js';
import { FIXTURE_PERIOD, KPIS, PARTNERS, PROGRAMME, PROGRAMME_UNTRANSLATED, PROGRAMME_WITHOUT_KPIS, TIERS, type Programme } from './partner-scorecard/fixtures.js';
import { scorecardClient, type ScorecardBackendOptions } from './partner-scorecard/backend.js';
import { rewriteJson } from './support/mock-backend.js';

/** The element's attributes, plus how the mock backend behaves. */
interface ScorecardArgs {
  partnerId: string;
  period: string;
  periods: number;
  compact: boolean;
  /** Empty: the element follows the page language (the toolbar). */
  lang: '' | 'en' | 'vi';
  theme: 'light' | 'dark' | 'auto';
  /** Who the session is: a partner (sees only its own partner) or a manager (must name one). */
  session: 'partner' | 'manager';
  /** The partner a partner session belongs to. */
  sessionPartner: string;
  backend: 'ok' | 'slow' | 'loading forever' | 'server error' | 'not found' | 'breaks the contract' | 'unreachable';
  programme: Programme;
  /** Tiers require certifications, and Lumen lacks Gold's Technical Implementation (see the mock backend's fixtures). */
  certifications: boolean;
  /** The width of the column the element sits in: the element follows its container, not the viewport. */
  width: 'auto' | '320px' | '375px';
}

const partnerOptions = Object.fromEntries(Object.values(PARTNERS).map((p) => [p.id, p.id]));

const SCORECARD = 'GET /v1/partners/*/scorecard';

/** The mock backend for `args`: who calls, and the fault that gives the story its state. */
function backendFor(args: ScorecardArgs): ScorecardBackendOptions {
  const as: ScorecardBackendOptions['as'] = args.session === 'partner' ? { role: 'partner', partnerId: args.sessionPartner } : { role: 'manager' };
  const options: ScorecardBackendOptions = { as, programme: args.programme, certifications: args.certifications };
  if (args.backend === 'slow') options.latency = 1200;
  if (args.backend === 'loading forever') options.faults = [{ mode: 'slow', delayMs: Infinity }];
  if (args.backend === 'server error') options.faults = [{ mode: 'error', status: 503, match: SCORECARD }];
  if (args.backend === 'not found') options.faults = [{ mode: 'error', status: 404, match: SCORECARD }];
  if (args.backend === 'breaks the contract') options.faults = [rewriteJson(SCORECARD, (card) => ({ ...card, rows: 'not a list' }))];
  if (args.backend === 'unreachable') options.faults = [{ mode: 'offline' }];
  return options;
}

const meta: Meta<ScorecardArgs> = {
  title: 'Widgets/partner-scorecard',
  component: 'partner-scorecard',
  tags: ['autodocs'],
  args: {
    partnerId: PARTNERS.lumen.id,
    period: FIXTURE_PERIOD,
    periods: 6,
    compact: false,
    lang: '',
    theme: 'auto',
    session: 'manager',
    sessionPartner: PARTNERS.lumen.id,
    backend: 'ok',
    programme: PROGRAMME,
    certifications: false,
    width: 'auto',
  },
  argTypes: {
    partnerId: { control: 'select', options: ['', ...Object.keys(partnerOptions)], description: 'The `partner-id` attribute' },
    period: {
      control: 'select',
      options: ['', '2026-Q3', '2026-Q2', '2026-Q1', '2025-Q4', '2026-09', '2026'],
      description: "The `period` attribute; empty: the backend's current quarter (2026-Q4 by the fixtures' clock, no data yet)",
    },
    periods: { control: { type: 'number', min: 1, max: 24 } },
    lang: { control: 'inline-radio', options: ['', 'en', 'vi'] },
    theme: { control: 'inline-radio', options: ['light', 'dark', 'auto'] },
    session: { control: 'inline-radio', options: ['partner', 'manager'], table: { category: 'mock backend' } },
    sessionPartner: { control: 'select', options: Object.keys(partnerOptions), table: { category: 'mock backend' } },
    backend: {
      control: 'select',
      options: ['ok', 'slow', 'loading forever', 'server error', 'not found', 'breaks the contract', 'unreachable'],
      table: { category: 'mock backend' },
    },
    programme: { control: false, table: { category: 'mock backend' } },
    certifications: { control: 'boolean', table: { category: 'mock backend' } },
    width: { control: 'inline-radio', options: ['auto', '320px', '375px'], table: { category: 'page' } },
  },
  render: (args) => html`<div style=${`${args.theme === 'dark' ? 'background:#000;' : ''}padding:1em;${args.width === 'auto' ? '' : `width:${args.width}`}`}>
    <partner-scorecard
      .client=${scorecardClient(backendFor(args))}
      partner-id=${args.partnerId || nothing}
      period=${args.period || nothing}
      periods=${args.periods}
      lang=${args.lang || nothing}
      theme=${args.theme}
      ?compact=${args.compact}
      @pk-period-change=${(e: Event) => action('pk-period-change')((e as CustomEvent).detail)}
      @pk-scorecard-load=${(e: Event) => action('pk-scorecard-load')((e as CustomEvent).detail)}
      @pk-error=${(e: Event) => action('pk-error')((e as CustomEvent).detail)}
    ></partner-scorecard>
  </div>`,
};
export default meta;

type Story = StoryObj<ScorecardArgs>;

/** A channel manager on the intranet names the partner with `partner-id`. */
export const ManagerWithPartnerId: Story = {};

/** A partner on the vendor's site: no `partner-id`, the session's own partner is shown. */
export const PartnerSession: Story = { args: { session: 'partner', sessionPartner: PARTNERS.lumen.id, partnerId: '' } };

/** A manager session without `partner-id`: the widget says what is missing instead of guessing. */
export const ManagerWithoutPartnerId: Story = { args: { partnerId: '' } };

/** The programme's own Vietnamese: KPI and tier names come from their translations. */
export const Vietnamese: Story = { args: { lang: 'vi' } };

/**
 * A programme without Vietnamese names: the sentences still read ("Revenue: cần thêm 28.600 US$
 * để lên hạng Gold"), the KPI name set off by a colon, the tier after its classifier "hạng".
 */
export const VietnameseUntranslatedNames: Story = { args: { lang: 'vi', programme: PROGRAMME_UNTRANSLATED } };

/** A partner session in Vietnamese. */
export const PartnerSessionVietnamese: Story = { args: { lang: 'vi', session: 'partner', partnerId: '' } };

/** Response time is better when lower: the target reads "at most 2", the gap "0.6 lower". */
export const LowerIsBetter: Story = {
  args: {
    programme: {
      ...PROGRAMME,
      kpis: [KPIS.response],
      tiers: Object.values(TIERS).map((t) => ({ ...t, requirements: t.requirements.filter((r) => r.kpiId === KPIS.response.id) })),
    },
  },
};

/** Lower is better in Vietnamese: "tối đa 2", "cần giảm 0,6 để lên hạng Vàng". */
export const LowerIsBetterVietnamese: Story = { args: { lang: 'vi', programme: LowerIsBetter.args!.programme! } };

/** Platinum, and meeting it: there is no next tier. */
export const TopTier: Story = { args: { partnerId: PARTNERS.saigon.id } };

export const TopTierVietnamese: Story = { args: { partnerId: PARTNERS.saigon.id, lang: 'vi' } };

/**
 * Gold on paper, Silver by its numbers: the downgrade waits for a grace period. The box lists what
 * is missing to *keep* Gold; the next-tier box, what is missing to *reach* Platinum.
 */
/**
 * Tiers that require certifications: Gold still needs a person certified in Technical
 * Implementation, and a Sales Fundamentals certificate expiring within 60 days would leave Silver
 * short.
 */
export const MissingCertifications: Story = { args: { certifications: true } };

/** The same in Vietnamese, the certification names from the programme's translations. */
export const MissingCertificationsVietnamese: Story = { args: { certifications: true, lang: 'vi' } };

export const PendingDowngrade: Story = { args: { partnerId: PARTNERS.northwind.id } };

/**
 * What is missing to *keep* Gold ("để giữ hạng Vàng") in the pending box, apart from what is missing
 * to *reach* Platinum ("để lên hạng Bạch kim"); the day written in full ("ngày 31 tháng 10 năm 2026").
 */
export const PendingDowngradeVietnamese: Story = { args: { partnerId: PARTNERS.northwind.id, lang: 'vi' } };

export const Compact: Story = { args: { compact: true } };

export const Dark: Story = { args: { theme: 'dark', partnerId: PARTNERS.northwind.id } };

export const DarkCompactVietnamese: Story = { args: { theme: 'dark', compact: true, lang: 'vi' } };

/** A month instead of a quarter, with a 12-month trend. */
export const MonthlyView: Story = { args: { period: '2026-09', periods: 12 } };

/** Periods in running text are lower case ("trong tháng 9 năm 2026"), capitalised in the picker. */
export const MonthlyViewVietnamese: Story = { args: { period: '2026-09', periods: 12, lang: 'vi' } };

/** A year reads "năm 2026" in Vietnamese sentences, not a bare number. */
export const YearlyViewVietnamese: Story = { args: { period: '2026', lang: 'vi' } };

/** The skeleton keeps the layout while the scorecard loads. */
export const Loading: Story = { args: { backend: 'loading forever' } };

/** Each period takes a while: the current one stays, dimmed, while the next loads. */
export const SlowPeriodChange: Story = { args: { backend: 'slow' } };

export const ServerError: Story = { args: { backend: 'server error' } };

export const ServerErrorVietnamese: Story = { args: { backend: 'server error', lang: 'vi' } };

/** A partner session asking for another partner: the backend answers 404. */
export const AnotherPartner: Story = { args: { session: 'partner', sessionPartner: PARTNERS.lumen.id, partnerId: PARTNERS.saigon.id } };

/** A backend answer that breaks the contract shows the error state, never half a scorecard. */
export const InvalidResponse: Story = { args: { backend: 'breaks the contract' } };

/** The programme defines no KPIs yet. */
export const EmptyNoKpis: Story = { args: { programme: PROGRAMME_WITHOUT_KPIS } };

/** No measurements for the period; the picker offers the periods that have some. */
export const EmptyPeriod: Story = { args: { partnerId: PARTNERS.quiet.id } };

export const EmptyPeriodVietnamese: Story = { args: { partnerId: PARTNERS.quiet.id, lang: 'vi' } };

/** A partner whose name is markup shows those characters, never an element. */
export const MarkupInNames: Story = { args: { partnerId: PARTNERS.markup.id } };

/** In a narrow column (320 px) each KPI is a card: name and status, actual and target, the bar, the trend. */
export const NarrowCards: Story = { args: { width: '320px', partnerId: PARTNERS.northwind.id } };

export const NarrowCardsVietnamese: Story = { args: { width: '375px', partnerId: PARTNERS.northwind.id, lang: 'vi' } };

/** Nothing answers at the backend's address: the widget says so rather than "check your connection". */
export const BackendUnreachable: Story = { args: { backend: 'unreachable' } };
