/**
 * Where the bearer token comes from: nowhere, a static token, or a session manager.
 * @module
 */
import type { ResolvedOptions } from '../options.js';
import { SessionManager } from './session-manager.js';

/** The request layer's view of authentication. */
export interface Credentials {
  /** The token to send now, or undefined for an anonymous request. */
  token(): Promise<string | undefined>;
  /**
   * After a 401 for `rejected`: a new token to try once more, or undefined when there is no
   * way to get one (a static token).
   */
  renew(rejected: string | undefined): Promise<string | undefined>;
}

/** Builds the credentials `createClient()` options describe. */
export function createCredentials(options: Pick<ResolvedOptions, 'token' | 'fetchSession'>): Credentials {
  if (options.fetchSession) return new SessionManager(options.fetchSession);
  const { token } = options;
  return { token: async () => token, renew: async () => undefined };
}
