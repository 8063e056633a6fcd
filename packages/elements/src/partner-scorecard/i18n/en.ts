/** `<partner-scorecard>`'s strings in English: the source catalogue (vi.ts translates every key). */
import { defineMessages } from '../../platform/localize.js';

export const en = defineMessages({
  'label': (p: { partner: string }) => `Scorecard of ${p.partner}`,
  'tier': 'Tier:',
  'noTier': 'No tier yet',
  'tierSince': (p: { date: string }) => `since ${p.date}`,
  'period': 'Period',
  'quarter': (p: { quarter: number; year: number }) => `Q${p.quarter} ${p.year}`,
  'year': (p: { year: number }) => String(p.year),
  /** `when` is Intl's date and time together; `time` and `day` are the two apart ("09:00", "15/10/2026"). */
  'updated': (p: { when: string; time: string; day: string }) => `Updated ${p.when}`,

  'score': 'Overall score',
  'scoreOutOf': 'out of 100',
  'scoreNone': 'No score yet: no KPI has both a target and a value in this period.',

  'caption': (p: { period: string }) => `KPIs for ${p.period}`,
  'col.kpi': 'KPI',
  'col.actual': 'Actual',
  'col.target': 'Target',
  'col.attainment': 'Attainment',
  'col.status': 'Status',
  'col.trend': 'Trend',
  'lowerIsBetter': 'lower is better',
  'atMost': (p: { value: string }) => `at most ${p.value}`,
  'atLeast': (p: { value: string }) => `at least ${p.value}`,
  'targetFromTier': 'tier requirement',
  'none': 'none',
  'attainmentLabel': (p: { kpi: string }) => `Attainment of ${p.kpi}`,
  'attainmentText': (p: { attainment: string; actual: string; target: string }) =>
    `${p.attainment} of target: ${p.actual} against a target of ${p.target}`,

  'status.on_track': 'On track',
  'status.at_risk': 'At risk',
  'status.off_track': 'Off track',
  'status.no_target': 'No target',
  'status.no_data': 'No data',

  'trend': (p: { kind: 'rising' | 'falling' | 'steady'; from: string; to: string; span: number; grain: string }) =>
    `${p.kind === 'steady' ? `Steady at ${p.to}` : `${p.kind === 'rising' ? 'Rising' : 'Falling'} from ${p.from} to ${p.to}`} over ${p.span} ${p.grain}`,
  'trend.single': (p: { value: string; period: string }) => `One value so far: ${p.value} in ${p.period}`,
  'trend.none': 'No data in recent periods',
  'grain.month': 'months',
  'grain.quarter': 'quarters',
  'grain.year': 'years',

  'next': (p: { tier: string }) => `Next tier: ${p.tier}`,
  'nextMet': (p: { tier: string }) => `Every requirement for ${p.tier} is met.`,
  // What a requirement still lacks, to reach the next tier or to keep the current one. The KPI
  // name leads, set off by a colon, so the sentence reads whatever the name (translated or not).
  'gap.more.reach': (p: { missing: string; kpi: string; tier: string }) => `${p.kpi}: ${p.missing} more to reach ${p.tier}`,
  'gap.more.keep': (p: { missing: string; kpi: string; tier: string }) => `${p.kpi}: ${p.missing} more to keep ${p.tier}`,
  'gap.less.reach': (p: { missing: string; kpi: string; tier: string }) => `${p.kpi}: ${p.missing} lower to reach ${p.tier}`,
  'gap.less.keep': (p: { missing: string; kpi: string; tier: string }) => `${p.kpi}: ${p.missing} lower to keep ${p.tier}`,
  'gap.noData.reach': (p: { kpi: string; tier: string }) => `${p.kpi}: no data yet, and reaching ${p.tier} requires it`,
  'gap.noData.keep': (p: { kpi: string; tier: string }) => `${p.kpi}: no data yet, and keeping ${p.tier} requires it`,
  'gapDetail': (p: { actual: string | null; required: string; months?: number }) =>
    p.actual === null
      ? `no data yet, required ${p.required}`
      : `now ${p.actual}${p.months ? ` over the last ${p.months} months` : ''}, required ${p.required}`,
  'top': (p: { tier: string }) => `${p.tier} is the top tier of the programme.`,

  'emptyPeriod': (p: { period: string }) =>
    `No measurements for ${p.period} yet. Pick another period, or check back once this period's numbers are in.`,
});

export type ScorecardMessages = typeof en;
