import type { ErrorKind } from './brand.js';
import { PartnerKitError } from './partnerkit-error.js';

/**
 * The client could not obtain a session: `fetchSession()` rejected (`session_failed`, the
 * original error is the `cause`) or returned something that is not `{ token, expiresAt }`
 * (`session_invalid`). The next request calls `fetchSession()` again.
 *
 * @example
 * ```ts
 * import { isSessionError } from '@partnerkit/core/client';
 * try {
 *   await client.session.get();
 * } catch (error) {
 *   if (isSessionError(error)) redirectToSignIn();
 * }
 * ```
 */
export class SessionError extends PartnerKitError {
  static override readonly kind: ErrorKind = 'SessionError';
  readonly code: 'session_failed' | 'session_invalid';

  constructor(code: 'session_failed' | 'session_invalid', options?: { cause?: unknown; /** `path: what is expected`, never values. */ paths?: readonly string[] }) {
    super(
      code === 'session_failed'
        ? 'Could not obtain a PartnerKit session: fetchSession() rejected'
        : `fetchSession() returned no valid { token, expiresAt }${options?.paths?.length ? ` (${options.paths.join('; ')})` : ''}`,
      options,
    );
    this.code = code;
  }
}
