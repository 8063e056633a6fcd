/**
 * How `<deal-register>`'s stories reach a state without a person: a draft (and a queued
 * submission) written to the slot the element restores from, and the mock backend's behaviour
 * (its faults, as an embedder's tests would inject them).
 * @module
 */
import type { DealInput } from '@partnerkit/core/schemas';
import type { DealBackendOptions } from './backend.js';
import { PARTNER_ID } from './fixtures.js';

/** What the form holds when the story opens (field name to text, as a person would type it). */
export type DraftSeed = Partial<Record<'company' | 'domain' | 'country' | 'industry' | 'contactName' | 'email' | 'phone' | 'title' | 'type' | 'products' | 'amount' | 'currency' | 'closeDate' | 'description', string>>;

const FIELDS = ['company', 'domain', 'country', 'industry', 'contactName', 'email', 'phone', 'title', 'type', 'products', 'amount', 'currency', 'closeDate', 'description'] as const;

/** A complete, valid draft. */
export const VALID_DRAFT: DraftSeed = {
  company: 'Contoso Việt Nam',
  domain: 'contoso.vn',
  country: 'VN',
  industry: 'Logistics',
  contactName: 'Phạm Quốc Bảo',
  email: 'bao@contoso.vn',
  phone: '+84 28 1234 5678',
  title: 'CIO',
  type: 'resell',
  products: 'PartnerKit Cloud\nOnboarding services',
  amount: '125000',
  currency: 'USD',
  closeDate: '2026-12-31',
  description: 'Three warehouses move to the cloud in Q1.',
};

/** A draft with a problem in nearly every field, pasted junk included. */
export const INVALID_DRAFT: DraftSeed = {
  company: '   ',
  email: 'bao@',
  phone: 'call me maybe',
  amount: '12,34,5',
  products: `Cloud\n${'x'.repeat(240)}`,
  description: '<script>alert("hi")</script> 🚀 مرحبا',
};

/** Writes `draft` (and `queued`) where an element with `draftKey` for {@link PARTNER_ID} restores them from. */
export function seedDraft(draftKey: string, draft: DraftSeed | null, queued?: { input: DealInput; cause: 'offline' | 'failed' }, partnerId = PARTNER_ID): void {
  const key = `partnerkit:deal-register:${partnerId}:${draftKey}`;
  localStorage.removeItem(key);
  localStorage.removeItem(`${key}:queued`);
  if (!draft) return;
  const values = Object.fromEntries(FIELDS.map((f) => [f, draft[f] ?? (f === 'currency' ? 'USD' : '')]));
  const idempotencyKey = `story-${draftKey}-0000-4000-8000-000000000000`.slice(0, 36);
  localStorage.setItem(key, JSON.stringify({ values, key: idempotencyKey }));
  if (queued) localStorage.setItem(`${key}:queued`, JSON.stringify({ key: idempotencyKey, input: queued.input, queuedAt: new Date(Date.now() - 4 * 60_000).toISOString(), cause: queued.cause }));
}

/** How the backend behaves in a story. */
export type Backend =
  | 'ok'
  | 'slow'
  | 'loading forever'
  | 'no deals'
  | 'server error'
  | 'breaks the contract'
  | 'offline'
  | 'submit hangs'
  | 'submit breaks the contract'
  | 'session refused'
  | 'session out of reach'
  | 'unreachable';

const brokenList = () => Response.json({ data: [{ id: 42 }], nextCursor: null });
const brokenDeal = () => Response.json({ id: 'd_1', number: 7 }, { status: 201 });

/** The backend options for `backend`: the mock's faults. */
export function backendOptions(backend: Backend, as: DealBackendOptions['as']): DealBackendOptions {
  switch (backend) {
    case 'slow':
      return { as, latency: 1200 };
    case 'loading forever':
      return { as, faults: [{ mode: 'slow', delayMs: Infinity, match: 'GET /v1/deals' }] };
    case 'no deals':
      return { as, deals: [] };
    case 'server error':
      return { as, faults: [{ mode: 'error', status: 503, match: (r, path) => path.startsWith('/v1/deals') && path !== '/v1/deals/check' }] };
    case 'breaks the contract':
      return { as, faults: [{ mode: 'respond', match: 'GET /v1/deals', respond: brokenList }] };
    case 'offline':
      return { as, faults: [{ mode: 'offline', match: 'POST /v1/deals' }] };
    case 'submit hangs':
      return { as, faults: [{ mode: 'slow', delayMs: Infinity, match: 'POST /v1/deals' }] };
    case 'session refused':
      return { as, faults: [{ mode: 'error', status: 403, match: 'GET /v1/session' }] };
    case 'session out of reach':
      return { as, faults: [{ mode: 'error', status: 503, match: 'GET /v1/session' }] };
    case 'unreachable':
      return { as, faults: [{ mode: 'offline' }] };
    case 'submit breaks the contract':
      return { as, faults: [{ mode: 'respond', match: 'POST /v1/deals', respond: brokenDeal }] };
    default:
      return { as };
  }
}
