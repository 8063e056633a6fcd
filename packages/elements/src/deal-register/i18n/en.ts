/**
 * `<deal-register>`'s strings for its shell and the Register view, in English: the source
 * catalogue (vi.ts translates every key). The list and review views load their own catalogue
 * (`list-en.ts`) with their code. Error messages say how to fix the value, not only what is wrong.
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
  'deal.required': 'required',
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
  'deal.hint.domain': 'For example example.com; it tells customers with similar names apart.',
  'deal.hint.products': 'One product or product line per line.',
  'deal.type.resell': 'Resell',
  'deal.type.referral': 'Referral',
  'deal.type.co_sell': 'Co-sell',

  'deal.err.company': "Enter the customer's company name.",
  'deal.err.type': 'Choose resell, referral or co-sell.',
  'deal.err.tooLong': (p: { max: string; count: string }) => `Shorten this to at most ${p.max} characters; it has ${p.count}.`,
  'deal.err.productTooLong': (p: { line: string; max: string; count: string }) =>
    `Shorten line ${p.line} to at most ${p.max} characters; it has ${p.count}.`,
  'deal.err.tooMany': (p: { max: string; count: string }) => `List at most ${p.max} products; there are ${p.count}. Group related ones on one line.`,
  'deal.err.email': 'Enter an email address such as name@example.com.',
  'deal.err.phone': 'Enter 4 to 32 digits, spaces or + ( ) . - only, such as +84 28 1234 5678.',
  'deal.err.country': 'Choose a country from the list.',
  'deal.err.closeDate': 'Enter a date such as 2026-12-31, or use the date picker.',
  'deal.err.currency': 'Choose a currency from the list.',
  'deal.err.amount': (p: { example: string }) => `Enter the amount as a number, such as ${p.example}.`,
  'deal.err.amountWhole': (p: { currency: string }) => `${p.currency} has no minor unit: enter a whole number.`,
  'deal.err.amountDecimals': (p: { currency: string; digits: string }) => `Use at most ${p.digits} decimal places for ${p.currency}.`,
  'deal.err.amountLarge': 'Enter a smaller amount.',
  'deal.err.invalid': 'This value is not accepted; check it and try again.',
  'deal.err.server': (p: { detail: string }) => `The server did not accept this value: ${p.detail}`,
  'deal.err.partner': 'This widget is set up for an invalid partner; ask the site owner to check its partner-id.',
  'deal.summary': (p: { count: number }) =>
    p.count === 1 ? 'There is 1 problem to fix before registering:' : `There are ${p.count} problems to fix before registering:`,

  'deal.check.checking': 'Checking whether this customer is free…',
  'deal.check.available': 'Looks available: no active registration was found for this customer.',
  'deal.check.already_registered': 'Already registered: this customer has an active registration.',
  'deal.check.protected': 'Protected: this customer is covered by an approved registration.',
  'deal.check.own_registration': 'You have already registered this customer.',
  'deal.check.failed': 'Could not check availability now; you can still register.',

  'deal.submit': 'Register deal',
  'deal.sending': 'Registering…',
  'deal.restored': 'Your unsent draft was restored.',
  'deal.done': (p: { number: string }) => `Deal ${p.number} registered`,
  'deal.status': 'Status',
  'deal.protection': 'Protection',
  'deal.protectedUntil': (p: { date: string; relative: string }) => `until ${p.date} (expires ${p.relative})`,
  'deal.protectionLater': 'starts when the vendor approves the registration.',
  'deal.another': 'Register another deal',

  'deal.conflict': 'This customer cannot be registered now',
  'deal.conflict.already_registered':
    'Another registration for this customer is already active. Your form is kept: check the company and website, or ask your channel manager.',
  'deal.conflict.protected':
    'This customer is protected by an approved registration. Your form is kept: ask your channel manager if you believe this is wrong.',
  'deal.conflict.own_registration': 'You have already registered this customer; see My registrations. Your form is kept.',
  'deal.conflict.other': 'The registration conflicts with an existing one. Your form is kept: check it and try again.',
  'deal.failed': 'Your registration was not sent',
  'deal.keptDraft': 'Everything you typed is kept.',

  'deal.queued': 'Waiting to send',
  'deal.queued.offline': (p: { company: string }) =>
    `You are offline. The registration of ${p.company} is saved on this device and will be sent once the connection returns.`,
  'deal.queued.failed': (p: { company: string }) =>
    `The registration of ${p.company} could not be sent yet. It is saved on this device and will be sent when you send it now or when the connection returns.`,
  'deal.queued.since': (p: { when: string }) => `Queued ${p.when}.`,
  'deal.queued.send': 'Send now',
  'deal.queued.cancel': 'Cancel sending',
  'deal.queued.cancelled': 'Sending cancelled. Your form is kept; register it again whenever you are ready.',

  'deal.status.draft': 'Draft',
  'deal.status.submitted': 'Submitted',
  'deal.status.under_review': 'Under review',
  'deal.status.needs_info': 'Needs information',
  'deal.status.approved': 'Approved',
  'deal.status.rejected': 'Rejected',
  'deal.status.won': 'Won',
  'deal.status.lost': 'Lost',
  'deal.status.expired': 'Expired',
  'deal.status.withdrawn': 'Withdrawn',
});

export type DealRegisterMessages = typeof en;
