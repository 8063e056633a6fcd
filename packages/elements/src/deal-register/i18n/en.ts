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

  'deal.err.company': "Enter the customer's company name.",
  'deal.err.type': 'Choose resell, referral or co-sell.',
  'deal.err.tooLong': (p: { max: string; count: string }) => `Shorten this to at most ${p.max} characters; it has ${p.count}.`,
  'deal.err.productTooLong': (p: { line: string; max: string; count: string }) =>
    `Shorten line ${p.line} to at most ${p.max} characters; it has ${p.count}.`,
  'deal.err.tooMany': (p: { max: string; count: string }) => `List at most ${p.max} products (there are ${p.count}); combine related ones.`,
  'deal.err.email': 'Enter an email address such as name@example.com.',
  'deal.err.phone': 'Enter 4 to 32 digits, spaces or + ( ) . - only, such as +84 28 1234 5678.',
  'deal.err.country': 'Choose a country from the list.',
  'deal.err.closeDate': 'Enter a date such as 2026-12-31.',
  'deal.err.currency': 'Choose a currency from the list.',
  'deal.err.amount': (p: { example: string }) => `Enter the amount as a number, such as ${p.example}.`,
  'deal.err.amountWhole': (p: { currency: string }) => `${p.currency} has no minor unit: enter a whole number.`,
  'deal.err.amountDecimals': (p: { currency: string; digits: string }) => `Use at most ${p.digits} decimal places for ${p.currency}.`,
  'deal.err.amountLarge': 'Enter a smaller amount.',
  'deal.err.invalid': 'Check this value: it is not accepted.',
  'deal.err.server': (p: { detail: string }) => `The server did not accept this value: ${p.detail}`,
  'deal.summary': (p: { count: number }) =>
    p.count === 1 ? 'There is 1 problem to fix before registering:' : `There are ${p.count} problems to fix before registering:`,


  'deal.submit': 'Register deal',
  'deal.sending': 'Registering…',
  'deal.restored': 'Your unsent draft was restored.',

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
