/**
 * The English words of the notices few scorecards show (`rare-notices.ts`): loaded with them, the
 * first time one is shown (the scorecard's own catalogue, `en.ts`, holds the rest).
 * @module
 */
import { defineMessages } from '../../platform/localize.js';

export const noticesEn = defineMessages({
  /** A day in running text; `formatted` is Intl's long date ("December 31, 2026", "31 December 2026"). */
  'date.long': (p: { formatted: string; day: number; month: number; year: number }) => p.formatted,
  'emptyKpis': 'This programme has no KPIs yet. They will appear here once it defines some.',
  'needsPartner': 'Which partner?',
  'needsPartnerBody':
    'Set the partner-id attribute: this session can see many partners, so the scorecard cannot tell which one to show.',
  'pending': 'Downgrade pending',
  'pendingBody': (p: { from: string; to: string; date: string }) =>
    `Moves down to ${p.to} on ${p.date}, unless the ${p.from} requirements are met again by then.`,
  'pendingUnmet': (p: { tier: string }) => `Still missing to keep ${p.tier}:`,
  // A certification a tier requires: the name leads, as with KPIs; `missing` people still need it.
  'cert.reach': (p: { name: string; missing: number; tier: string }) => `${p.name}: ${p.missing} more ${p.missing === 1 ? 'person' : 'people'} certified to reach ${p.tier}`,
  'cert.keep': (p: { name: string; missing: number; tier: string }) => `${p.name}: ${p.missing} more ${p.missing === 1 ? 'person' : 'people'} certified to keep ${p.tier}`,
  'certDetail': (p: { held: number; required: number }) => `now ${p.held} certified, required ${p.required}`,
  /** `date` is the end of the 60-day warning ("February 1, 2027"). */
  'expiring': (p: { name: string; count: number; date: string; tier: string; required: number }) =>
    `${p.name}: ${p.count} ${p.count === 1 ? 'certification expires' : 'certifications expire'} before ${p.date}; ${p.tier} needs ${p.required}`,
});
export type NoticeMessages = typeof noticesEn;
