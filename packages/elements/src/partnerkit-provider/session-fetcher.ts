/**
 * The `session-url` of `<partnerkit-provider>`: an endpoint on the host site that answers
 * `{ token, expiresAt }` for the signed-in person (the host's server minted it with its admin key).
 * @module
 */
import type { SessionGrant } from '@partnerkit/core/client';

/** Why fetching a session failed; never includes the response body, which may hold a token. */
export class SessionUrlError extends Error {
  override readonly name = 'SessionUrlError';
  readonly status: number;
  constructor(status: number) {
    super(status ? `The session URL answered HTTP ${status}` : 'The session URL did not answer with JSON');
    this.status = status;
  }
}

/**
 * A `fetchSession` callback for `url`, sent with the page's credentials (cookies), so the host
 * site knows who is signed in. The client validates the grant's shape.
 */
export function sessionFetcher(url: string, fetchImpl: typeof fetch = (...args) => globalThis.fetch(...args)): () => Promise<SessionGrant> {
  return async () => {
    const response = await fetchImpl(url, {
      method: 'GET',
      credentials: 'include',
      cache: 'no-store',
      headers: { accept: 'application/json' },
    });
    if (!response.ok) throw new SessionUrlError(response.status);
    try {
      return (await response.json()) as SessionGrant;
    } catch {
      throw new SessionUrlError(0);
    }
  };
}
