/** The platform's own strings (states shared by every widget), in English. */
import { defineMessages } from '../localize.js';

export const en = defineMessages({
  'pk.loading': 'Loading…',
  'pk.empty': 'Nothing to show yet.',
  'pk.retry': 'Try again',
  'pk.noClient.title': 'Not connected',
  'pk.noClient.body': 'This widget needs a PartnerKit connection: place it inside <partnerkit-provider> or set its client property.',
  'pk.error.title': 'Could not load this',
  'pk.error.reference': (p: { requestId: string }) => `Reference: ${p.requestId}`,
  'pk.error.network': 'The PartnerKit service could not be reached. Check your connection.',
  'pk.error.timeout': 'The PartnerKit service took too long to answer.',
  'pk.error.session': 'Could not start a PartnerKit session. Reload the page or sign in again.',
  'pk.error.unauthorized': 'Your session has ended. Sign in again to continue.',
  'pk.error.forbidden': 'You do not have access to this.',
  'pk.error.agreementRequired': 'Accept the programme agreement to continue.',
  'pk.error.notFound': 'This could not be found. It may have been removed.',
  'pk.error.rateLimited': (p: { seconds: number }) =>
    p.seconds > 0 ? `Too many requests. Try again in ${p.seconds} s.` : 'Too many requests. Try again shortly.',
  'pk.error.invalidRequest': 'The request was not accepted.',
  'pk.error.invalidResponse': 'The PartnerKit service sent an answer this page cannot read.',
  'pk.error.server': 'The PartnerKit service had a problem. Try again in a moment.',
  'pk.error.unknown': 'Something went wrong.',
});

export type PlatformMessages = typeof en;
