/**
 * Form tokens: what `GET /v1/application-form` hands out and a public application must bring
 * back. A token is the time the form was loaded, signed; an application sent back sooner than a
 * person could fill the form in is a bot's, and one sent back after a day is a stale page.
 * @module
 */
import { base64url, fromBase64url, hmacSha256, timingSafeEqual } from './random.js';

const VERSION = 'f1';
const MAC_BYTES = 16;

/** How long a form token stays valid: 24 hours. */
export const FORM_TOKEN_TTL_MS = 24 * 3_600_000;

/** The verdict on a token sent back with an application. */
export type FormTokenCheck = 'ok' | 'too_fast' | 'expired' | 'invalid';

async function mac(key: Uint8Array, payload: string): Promise<Uint8Array> {
  return (await hmacSha256(key, `form-token\n${payload}`)).slice(0, MAC_BYTES);
}

/** A token for a form loaded at `now`. */
export async function issueFormToken(key: Uint8Array, now: Date): Promise<string> {
  const payload = `${VERSION}.${now.getTime().toString(36)}`;
  return `${payload}.${base64url(await mac(key, payload))}`;
}

/**
 * Checks a token at `now`: `invalid` when it was not issued here (or was edited), `too_fast`
 * when less than `minFillMs` passed since it was issued, `expired` after {@link FORM_TOKEN_TTL_MS}.
 */
export async function checkFormToken(key: Uint8Array, token: string, now: Date, minFillMs: number): Promise<FormTokenCheck> {
  const [version, time, signature, ...rest] = token.split('.');
  if (version !== VERSION || time === undefined || signature === undefined || rest.length > 0 || !/^[0-9a-z]{1,12}$/.test(time)) return 'invalid';
  const given = fromBase64url(signature);
  if (given === null || !timingSafeEqual(given, await mac(key, `${version}.${time}`))) return 'invalid';
  const elapsed = now.getTime() - parseInt(time, 36);
  if (elapsed < minFillMs) return 'too_fast';
  if (elapsed > FORM_TOKEN_TTL_MS) return 'expired';
  return 'ok';
}
