/**
 * The context through which `<partnerkit-provider>` hands its client to the widgets inside it.
 * @module
 */
import { createContext } from '@lit/context';
import type { PartnerKitClient } from '@partnerkit/core/client';

/**
 * Context key for the PartnerKit client. The key is a string, not a symbol, so that two copies of
 * this package on one page (two bundles) still find each other's provider.
 */
export const clientContext = createContext<PartnerKitClient | undefined>('partnerkit-client');
export type ClientContext = typeof clientContext;

/** The provider's default tag, which widgets look for while it is not defined yet. */
export const PROVIDER_TAG = 'partnerkit-provider';
