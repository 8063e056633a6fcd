/**
 * `<deal-register>`'s strings for its shell and the Register form, in English: the source
 * catalogue (vi.ts translates every key). Views that load on demand bring their own catalogues
 * (`outcome-*.ts` with the code that sends, `list-*.ts` with the lists, `status.ts` for both), so
 * the form does not carry them. Error messages say how to fix the value, not only what is wrong.
 */
import { defineMessages } from '../../platform/localize.js';

export const en = defineMessages({
  'deal.tabs': 'Deal registration',
  'deal.tab.register': 'Register',
  'deal.tab.mine': 'My registrations',
  'deal.tab.review': 'Review',

  'deal.customer': 'Customer',
  'deal.contact': 'Customer contact',
  'deal.opportunity': 'Opportunity',
  'deal.requiredNote': 'Fields marked * are required.',
  'deal.choose': 'Choose…',

  'deal.f.company': 'Company name',
  'deal.f.domain': 'Website or domain',
  'deal.f.country': 'Country',
  'deal.f.industry': 'Industry',
  'deal.f.contactName': 'Name',
  'deal.f.email': 'Email',
  'deal.f.phone': 'Phone',
  'deal.f.title': 'Job title',
  'deal.f.type': 'Registration type',
  'deal.f.products': 'Products',
  'deal.f.amount': 'Estimated amount',
  'deal.f.currency': 'Currency',
  'deal.f.closeDate': 'Expected close date',
  'deal.f.description': 'Description',
  'deal.hint.domain': 'For example example.com: it tells similar names apart.',
  'deal.hint.products': 'One product per line.',
  'deal.type.resell': 'Resell',
  'deal.type.referral': 'Referral',
  'deal.type.co_sell': 'Co-sell',



  'deal.submit': 'Register deal',
  'deal.sending': 'Registering…',
  'deal.restored': 'Your unsent draft was restored.',
  'deal.session.title': 'Your session is not confirmed yet',
  'deal.session.body': 'Keep typing: what you register waits on this device until the service answers.',

  'deal.queued': 'Waiting to send',
  'deal.queued.offline': (p: { company: string }) => `You are offline. The registration for ${p.company} is saved on this device and will be sent once you are back online.`,
  'deal.queued.failed': (p: { company: string }) => `The registration for ${p.company} could not be sent yet. It is saved on this device and will be sent when the connection returns.`,
  // `when` is relative ("now", "3 minutes ago"): set off, it reads for any value.
  'deal.queued.since': (p: { when: string }) => `Queued: ${p.when}.`,
  'deal.queued.send': 'Send now',
  'deal.queued.cancel': 'Cancel sending',
  'deal.queued.cancelled': 'Sending cancelled. Your form is kept.',
});

export type DealRegisterMessages = typeof en;
