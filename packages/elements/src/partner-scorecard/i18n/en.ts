/** `<partner-scorecard>`'s strings in English: the source catalogue (vi.ts translates every key). */
import { defineMessages } from '../../platform/localize.js';

export const en = defineMessages({
  'scorecard.label': (p: { partner: string }) => `Scorecard of ${p.partner}`,
  'scorecard.loading': 'Loading the scorecard…',
  'scorecard.tier': 'Tier:',
  'scorecard.noTier': 'No tier yet',
  'scorecard.period': 'Period',
  'scorecard.quarter': (p: { quarter: number; year: number }) => `Q${p.quarter} ${p.year}`,
  'scorecard.updated': (p: { when: string }) => `Updated ${p.when}`,

  'scorecard.score': 'Overall score',
  'scorecard.scoreOutOf': 'out of 100',
  'scorecard.scoreNone': 'Not enough data for a score: no KPI has both a target and a value in this period.',

  'scorecard.caption': (p: { period: string }) => `KPIs for ${p.period}`,
  'scorecard.col.kpi': 'KPI',
  'scorecard.col.actual': 'Actual',
  'scorecard.col.target': 'Target',
  'scorecard.col.attainment': 'Attainment',
  'scorecard.col.status': 'Status',
  'scorecard.col.trend': 'Trend',
  'scorecard.lowerIsBetter': 'lower is better',
  'scorecard.atMost': (p: { value: string }) => `at most ${p.value}`,
  'scorecard.atLeast': (p: { value: string }) => `at least ${p.value}`,
  'scorecard.targetFromTier': 'tier requirement',
  'scorecard.none': 'none',
  'scorecard.attainmentLabel': (p: { kpi: string }) => `Attainment of ${p.kpi}`,
  'scorecard.attainmentText': (p: { attainment: string; actual: string; target: string }) =>
    `${p.attainment} of target: ${p.actual} against a target of ${p.target}`,

  'scorecard.status.on_track': 'On track',
  'scorecard.status.at_risk': 'At risk',
  'scorecard.status.off_track': 'Off track',
  'scorecard.status.no_target': 'No target',
  'scorecard.status.no_data': 'No data',

  'scorecard.trend.rising': (p: { from: string; to: string; span: number; grain: string }) =>
    `Rising from ${p.from} to ${p.to} over ${p.span} ${p.grain}`,
  'scorecard.trend.falling': (p: { from: string; to: string; span: number; grain: string }) =>
    `Falling from ${p.from} to ${p.to} over ${p.span} ${p.grain}`,
  'scorecard.trend.steady': (p: { from: string; to: string; span: number; grain: string }) =>
    `Steady at ${p.to} over ${p.span} ${p.grain}`,
  'scorecard.trend.single': (p: { value: string; period: string }) => `One value so far: ${p.value} in ${p.period}`,
  'scorecard.trend.none': 'No data in recent periods',
  'scorecard.grain.month': 'months',
  'scorecard.grain.quarter': 'quarters',
  'scorecard.grain.year': 'years',

  'scorecard.next': (p: { tier: string }) => `Next tier: ${p.tier}`,
  'scorecard.nextMet': (p: { tier: string }) => `Every requirement for ${p.tier} is met.`,
  'scorecard.gapMore': (p: { missing: string; kpi: string; tier: string }) => `${p.missing} more ${p.kpi} to ${p.tier}`,
  'scorecard.gapLess': (p: { missing: string; kpi: string; tier: string }) => `${p.kpi}: ${p.missing} lower to reach ${p.tier}`,
  'scorecard.gapNoData': (p: { kpi: string; tier: string }) => `${p.kpi}: no data yet, and ${p.tier} requires it`,
  'scorecard.gapDetail': (p: { actual: string; required: string }) => `now ${p.actual}, required ${p.required}`,
  'scorecard.gapDetailNoData': (p: { required: string }) => `no data yet, required ${p.required}`,
  'scorecard.gapDetailWindow': (p: { actual: string; required: string; months: number }) =>
    `now ${p.actual} over the last ${p.months} months, required ${p.required}`,
  'scorecard.top': (p: { tier: string }) => `${p.tier} is the top tier of the programme.`,
  'scorecard.pending': 'Tier change pending',
  'scorecard.pendingBody': (p: { from: string; to: string; date: string }) =>
    `Moves from ${p.from} down to ${p.to} on ${p.date}, unless the ${p.from} requirements are met again before then.`,
  'scorecard.pendingUnmet': (p: { tier: string }) => `Still missing to keep ${p.tier}:`,

  'scorecard.emptyKpis': 'No KPIs are set up for this programme yet. Once the programme defines KPIs, they appear here.',
  'scorecard.emptyPeriod': (p: { period: string }) =>
    `No measurements for ${p.period} yet. Pick another period, or check back once this period's numbers are in.`,
  'scorecard.needsPartner': 'Which partner?',
  'scorecard.needsPartnerBody':
    'Set the partner-id attribute: this session can see many partners, so the scorecard cannot tell which one to show.',
});

export type ScorecardMessages = typeof en;
