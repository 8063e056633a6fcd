import { ERROR_BRAND, type ErrorKind, hasKind } from './brand.js';
import type { ErrorCode } from './codes.js';

/**
 * The base of every error the PartnerKit client throws. Each error carries a stable `code`, a
 * `message` a person can read, and never a token. `instanceof` and {@link isPartnerKitError}
 * both work across two copies of the package.
 *
 * @example
 * ```ts
 * import { createClient, PartnerKitError } from '@partnerkit/core/client';
 * try {
 *   await client.deals.get('d_1');
 * } catch (error) {
 *   if (error instanceof PartnerKitError) console.warn(error.code, error.message);
 * }
 * ```
 */
export abstract class PartnerKitError extends Error {
  /** The kind of this class; the brand lists the kinds of the whole class chain. */
  static readonly kind: ErrorKind = 'PartnerKitError';

  /** Cross-copy `instanceof`: true for any error branded with this class's kind. */
  static override [Symbol.hasInstance](value: unknown): boolean {
    return hasKind(value, this.kind);
  }

  /** A stable machine-readable code, e.g. `deal_conflict`, `network_error`, `timeout`: one of {@link ErrorCode}. */
  abstract readonly code: ErrorCode;

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    const kinds: ErrorKind[] = [];
    for (let c: unknown = new.target; typeof c === 'function' && Object.hasOwn(c, 'kind'); c = Object.getPrototypeOf(c)) {
      kinds.unshift((c as typeof PartnerKitError).kind);
    }
    // Non-enumerable so JSON and inspection show the data, not the plumbing.
    Object.defineProperty(this, ERROR_BRAND, { value: Object.freeze(kinds) });
    Object.defineProperty(this, 'name', { value: kinds.at(-1), writable: true, configurable: true });
  }

  /** A plain object for logs: name, code, message and the error's own data fields. */
  toJSON(): Record<string, unknown> {
    return { name: this.name, code: this.code, message: this.message, ...Object.fromEntries(Object.entries(this)) };
  }
}
