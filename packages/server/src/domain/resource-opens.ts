/**
 * Opening a library item: the gates checked again under the item's row lock, the open counted,
 * and a `resource.opened` event for partner sessions, in the caller's transaction.
 * @module
 */
import { lockReason } from '@partnerkit/core/rules';
import type { Transaction } from '../db/database.js';
import { problems } from '../http/problem.js';
import type { Caller } from '../security/caller.js';
import { appendEvents } from '../store/events.js';
import { countOpen, getResource } from '../store/resources.js';
import { requireAgreements } from './agreements.js';
import { accessOf } from './resource-access.js';

/** Records an open of item `id` by `caller` and answers its URL; 404 without the item, 403 when gated. */
export async function openResource(tx: Transaction, caller: Caller, id: string, now: Date): Promise<{ url: string }> {
  const item = await getResource(tx, id, { lock: true });
  if (!item) throw problems.notFound('There is no resource with this id.');
  const access = await accessOf(tx, caller, now);
  const reason = lockReason(item, access.viewer, access.tierRanks);
  if (reason !== null) throw problems.forbidden(reason === 'tier' ? 'This resource needs a higher tier.' : 'This resource is for other partner types.');
  await requireAgreements(tx, caller, 'resources', now);
  await countOpen(tx, item.id);
  if (caller.role === 'partner') {
    await appendEvents(tx, [{ type: 'resource.opened', partnerId: caller.partnerId, data: { resourceId: item.id, title: item.title, userId: caller.user.id } }], now);
  }
  return { url: item.url };
}
