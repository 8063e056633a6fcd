/**
 * Strings of the form's conversation with the backend (the pre-check; registered, conflict, not
 * sent), in English. Loaded with that code on the first keystroke, so the form does not carry them.
 */
import { defineMessages } from '../../platform/localize.js';

export const submitEn = defineMessages({
  'deal.done': (p: { company: string; number: string }) => `${p.company} is registered: deal ${p.number}`,
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

  'deal.check.checking': 'Checking whether this customer is free…',
  'deal.check.available': 'Looks available: no active registration was found for this customer.',
  'deal.check.already_registered': 'Already registered: this customer has an active registration.',
  'deal.check.protected': 'Protected: this customer is covered by an approved registration.',
  'deal.check.own_registration': 'You have already registered this customer.',
  'deal.check.failed': 'Could not check availability now; you can still register.',
});

export type SubmitMessages = typeof submitEn;
