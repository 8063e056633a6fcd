/**
 * Fixtures shared by `<partner-agreements>`'s tests on the reference server, whose database other
 * suites share: this run's agreements apply only to agents in a tier of the run's own.
 */
import type { Tier } from '@partnerkit/core/schemas';
import { adminRequest } from '../platform/reference-server.js';

/** An admin request that must succeed. */
export async function admin<T>(method: 'GET' | 'POST' | 'PUT' | 'PATCH', path: string, body?: unknown): Promise<T> {
  const { status, body: answer } = await adminRequest<T>(method, path, body);
  if (status < 200 || status > 299) throw new Error(`${method} ${path} answered ${status}: ${JSON.stringify(answer)}`);
  return answer;
}

/** A tier above every rank in use (another file may take the same rank at the same time: the next one is tried). */
export async function freshTier(id: string, name: string): Promise<Tier> {
  for (let attempt = 0; attempt < 10; attempt++) {
    const tiers = await admin<{ data: Tier[] }>('GET', '/tiers?limit=200');
    const rank = Math.max(0, ...tiers.data.map((t) => t.rank)) + 1;
    const { status, body } = await adminRequest<Tier>('PUT', `/tiers/${id}`, { rank, name, colour: '#A8A9AD', benefits: [], requirements: [], dealProtectionDays: 90 });
    if (status === 200 || status === 201) return body;
  }
  throw new Error(`no free tier rank for ${id}`);
}
