export { PartnerKitProvider } from './partnerkit-provider.js';
export { sessionFetcher, SessionUrlError } from './session-fetcher.js';
