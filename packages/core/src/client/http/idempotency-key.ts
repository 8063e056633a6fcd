/**
 * Idempotency keys for writes that create.
 * @module
 */

/**
 * A fresh random idempotency key (a v4 UUID). Uses `crypto.randomUUID` where it exists; pages
 * served over plain http lack it (secure contexts only), so falls back to `getRandomValues`.
 *
 * @example
 * ```ts
 * import { newIdempotencyKey } from '@partnerkit/core/client';
 * const key = newIdempotencyKey(); // keep it with the draft; pass it on every resubmission
 * await client.deals.register(input, { idempotencyKey: key });
 * ```
 */
export function newIdempotencyKey(): string {
  const { crypto } = globalThis;
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] as number) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] as number) & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
