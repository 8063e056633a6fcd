/**
 * Sessions are verified once and remembered until they expire: a remembered token still expires
 * on time, a forged one is never remembered, and the memory is bounded.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { signSession, VerifiedSessions } from '../src/security/session-tokens.ts';

const key = crypto.getRandomValues(new Uint8Array(32));
const input = { role: 'partner' as const, partnerId: 'pt_1', user: { id: 'u_1' }, ttlSeconds: 60 };

it('remembers a verified session until it expires, and only verified ones', async () => {
  const now = new Date('2026-06-01T00:00:00Z');
  const { token } = await signSession(key, input, now);
  const sessions = new VerifiedSessions(2);
  const first = await sessions.verify(key, token, now);
  assert.equal(first?.role, 'partner');
  assert.equal(await sessions.verify(key, token, new Date(now.getTime() + 59_000)), first, 'remembered');
  assert.equal(await sessions.verify(key, token, new Date(now.getTime() + 60_000)), null, 'expired on time, remembered or not');
  const forged = `${token.slice(0, -4)}AAAA`;
  assert.equal(await sessions.verify(key, forged, now), null);
  // Forgotten once expired: checked again (here under another key, which refuses it).
  assert.equal(await sessions.verify(crypto.getRandomValues(new Uint8Array(32)), token, now), null);
});

it('keeps at most its bound of sessions, the oldest going first', async () => {
  const now = new Date('2026-06-01T00:00:00Z');
  const sessions = new VerifiedSessions(2);
  const tokens = await Promise.all([1, 2, 3].map(async (n) => (await signSession(key, { ...input, user: { id: `u_${n}` } }, now)).token));
  for (const token of tokens) assert.ok(await sessions.verify(key, token, now));
  // Another key tells a remembered token (answered from memory) from a forgotten one (checked, and refused).
  const otherKey = crypto.getRandomValues(new Uint8Array(32));
  assert.equal(await sessions.verify(otherKey, tokens[0] as string, now), null);
  assert.ok(await sessions.verify(otherKey, tokens[2] as string, now));
});
