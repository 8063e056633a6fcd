/**
 * Communication's rules on the server: the programme's response targets (a setting), who acts,
 * how a request is presented to each caller, and the sweep that publishes scheduled announcements
 * and closes resolutions whose reopening window has passed (each with its event).
 * @module
 */
import { DEFAULT_REQUEST_TARGETS, presentRequest, REOPEN_WINDOW_DAYS } from '@partnerkit/core/rules';
import { type CommunicationActor, type PartnerRequest, RequestTargets } from '@partnerkit/core/schemas';
import type { Database, Queryable, Transaction } from '../db/database.js';
import type { Caller } from '../security/caller.js';
import { appendEvents } from '../store/events.js';
import { partnerNames } from '../store/partners.js';
import { publishDue } from '../store/announcements.js';
import { loadMessages, type RequestHeader, resolvedBefore, saveRequest } from '../store/requests.js';
import { readSetting, writeSetting } from '../store/settings.js';

const TARGETS_SETTING = 'request_targets';
const DAY_MS = 86_400_000;

/** The programme's response targets: the stored ones, else core's defaults. */
export async function requestTargets(q: Queryable): Promise<RequestTargets> {
  const stored = await readSetting(q, TARGETS_SETTING);
  if (stored === null) return DEFAULT_REQUEST_TARGETS;
  const parsed = RequestTargets.safeParse(JSON.parse(stored));
  return parsed.success ? parsed.data : DEFAULT_REQUEST_TARGETS;
}

/** Stores the programme's response targets. */
export async function storeRequestTargets(q: Queryable, targets: RequestTargets, now: Date): Promise<void> {
  await writeSetting(q, TARGETS_SETTING, JSON.stringify(targets), now);
}

/** The caller as the author or mover of something. */
export function communicationActor(caller: Caller): CommunicationActor {
  if (caller.role === 'admin') return { role: 'admin', id: caller.keyId, name: caller.keyName };
  return { role: caller.role, id: caller.user.id, name: caller.user.name ?? null };
}

/** A request with its thread, as the caller sees it: vendor principals also get its targets. */
export async function presentFullRequest(q: Queryable, header: RequestHeader, caller: Caller, now: Date): Promise<PartnerRequest> {
  const messages = await loadMessages(q, header.id);
  const names = await partnerNames(q, [header.partnerId]);
  return presentRequest({ ...header, messages }, caller.role !== 'partner', now, names.get(header.partnerId));
}

/** Requests without their threads (for lists), as the caller sees them. */
export async function presentRequestSummaries(q: Queryable, headers: readonly RequestHeader[], caller: Caller, now: Date) {
  const names = await partnerNames(q, headers.map((h) => h.partnerId));
  return headers.map((header) => {
    const { messages: _m, history: _h, ...summary } = presentRequest({ ...header, messages: [] }, caller.role !== 'partner', now, names.get(header.partnerId));
    return summary;
  });
}

/** Publishes the announcements due at `now`, each with its `announcement.published` event; answers how many. */
export async function publishDueAnnouncements(tx: Transaction, now: Date): Promise<number> {
  const published = await publishDue(tx, now);
  await appendEvents(
    tx,
    published.map((a) => ({ type: 'announcement.published' as const, partnerId: null, data: { announcementId: a.id, title: a.title, category: a.category, audience: a.audience, publishAt: a.publishAt } })),
    now,
  );
  return published.length;
}

const SYSTEM: CommunicationActor = { role: 'system', id: null, name: null };

/** Closes resolved requests whose reopening window ended by `now`, each with its `request.closed` event; answers how many. */
export async function closeLapsedResolutions(tx: Transaction, now: Date): Promise<number> {
  const lapsed = await resolvedBefore(tx, new Date(now.getTime() - REOPEN_WINDOW_DAYS * DAY_MS), 1000);
  const at = now.toISOString();
  for (const request of lapsed) {
    const history = [...request.history, { at, from: 'resolved' as const, to: 'closed' as const, by: SYSTEM, reason: null }];
    await saveRequest(tx, { ...request, status: 'closed', closedAt: at, history, updatedAt: at });
  }
  await appendEvents(
    tx,
    lapsed.map((r) => ({ type: 'request.closed' as const, partnerId: r.partnerId, data: { requestId: r.id, number: r.number, from: 'resolved', to: 'closed', by: SYSTEM, reason: null } })),
    now,
  );
  return lapsed.length;
}

/** The sweep's communication work, in one transaction. */
export async function sweepCommunication(db: Database, now: Date): Promise<{ publishedAnnouncements: number; closedRequests: number }> {
  return db.transaction(async (tx) => ({ publishedAnnouncements: await publishDueAnnouncements(tx, now), closedRequests: await closeLapsedResolutions(tx, now) }));
}
