/**
 * Strings of `<deal-register>`'s list views (My registrations, Review) and the reason dialog, in
 * English. Loaded with the list's code, so the Register view does not carry them.
 */
import { defineMessages } from '../../platform/localize.js';

export const listEn = defineMessages({
  'list.filter': 'Status',
  'list.all': 'All statuses',
  'list.queue': 'Waiting for review',
  'list.search': 'Search company, website or number',
  'list.label': 'Registrations',
  'list.empty': 'You have no registrations yet. Deals you register appear here.',
  'list.emptyQueue': 'No registrations are waiting for review.',
  'list.emptyFiltered': 'No registrations match. Change the status or the search.',
  'list.more': 'Load more',
  'list.loadingMore': 'Loading more…',
  'list.expires': (p: { relative: string }) => `protection expires ${p.relative}`,
  'list.ended': (p: { relative: string }) => `protection ended ${p.relative}`,
  'list.close': (p: { date: string }) => `expected close ${p.date}`,
  'list.partner': (p: { partner: string }) => `partner ${p.partner}`,
  'list.by': (p: { name: string }) => `by ${p.name}`,
  'list.conflicts': 'Possible conflict with:',
  'list.match.domain': 'same domain',
  'list.match.name': 'similar name',
  'list.history': (p: { count: number }) => `History (${p.count})`,
  'list.role.partner': 'partner',
  'list.role.manager': 'channel manager',
  'list.role.admin': 'administrator',
  'list.role.system': 'automatically',
  'list.created': 'created',

  'list.action.submitted': 'Resubmit',
  'list.action.under_review': 'Start review',
  'list.action.needs_info': 'Ask for information',
  'list.action.approved': 'Approve',
  'list.action.extend': 'Extend protection',
  'list.action.rejected': 'Reject',
  'list.action.withdrawn': 'Withdraw',
  'list.action.won': 'Mark won',
  'list.action.lost': 'Mark lost',

  'list.reason': 'Reason',
  'list.note': 'Note (optional)',
  'list.reasonCode': 'Closing code',
  'list.code.duplicate': 'Duplicate',
  'list.code.incomplete': 'Incomplete',
  'list.code.not_qualified': 'Not qualified',
  'list.code.converted': 'Converted',
  'list.code.other': 'Other',
  'list.codeIs': (p: { code: string }) => `closing code: ${p.code}`,
  'list.confirm': 'Confirm',
  'list.cancel': 'Cancel',
  'list.err.reason': 'Enter a reason, so the other side knows why.',
  'list.err.reasonLong': (p: { max: string; count: string }) => `Shorten the reason to at most ${p.max} characters; it has ${p.count}.`,
  'list.err.conflict': 'Another registration already holds this customer, so this one cannot be approved while it lasts.',
  'list.err.stale': 'This registration changed meanwhile and now shows its current status; close this and check it again.',
  'list.done': (p: { number: string; status: string }) => `${p.number} moved to “${p.status}”.`,
});

export type DealListMessages = typeof listEn;
