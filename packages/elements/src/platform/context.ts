/**
 * The context through which `<partnerkit-provider>` hands its client to the widgets inside it.
 * @module
 */
import { createContext } from '@lit/context';
import type { BaseClient } from '@partnerkit/core/client/base';

/**
 * Context key for the PartnerKit client. The key is a string, not a symbol, so that two copies of
 * this package on one page (two bundles) still find each other's provider. The value is a base
 * client (a full one from `createClient()` is one too): each widget binds the contract parts it
 * calls, so their schemas load with the widget, not with the provider.
 */
export const clientContext = createContext<BaseClient | undefined>('partnerkit-client');
export type ClientContext = typeof clientContext;

/** The provider's default tag, which widgets look for while it is not defined yet. */
export const PROVIDER_TAG = 'partnerkit-provider';
