/**
 * The demo communication (`generateDemoCommunication` of `@partnerkit/core/demo`): announcements
 * in English and Vietnamese with their reads, and requests in every status with their threads,
 * written in the programme's transaction. Seeding writes no events, like the rest of the seed.
 * @module
 */
import type { DemoCommunication } from '@partnerkit/core/demo';
import { nextDueAt } from '@partnerkit/core/rules';
import type { Queryable } from '../db/database.js';
import { NOTHING_DUE } from '../store/requests.js';
import { insertBatched } from './batch.js';

/** Writes `communication`, generated as of `asOf`. */
export async function seedCommunication(tx: Queryable, { announcements, reads, requests }: DemoCommunication, asOf: Date): Promise<void> {
  await insertBatched(
    tx,
    'announcements',
    {
      id: 'text', title: 'text', body: 'text', translations: 'jsonb', category: 'text', audience: 'jsonb', publish_at: 'timestamptz', expires_at: 'timestamptz', pinned: 'boolean',
      published: 'boolean', created_by: 'jsonb', created_at: 'timestamptz', updated_at: 'timestamptz',
    },
    // Those due by the seed's day count as announced (seeding writes no events); the sweep publishes the scheduled one when it falls due.
    announcements.map((a) => ({
      id: a.id, title: a.title, body: a.body, translations: a.translations ?? {}, category: a.category, audience: a.audience, publish_at: a.publishAt, expires_at: a.expiresAt,
      pinned: a.pinned, published: Date.parse(a.publishAt) <= asOf.getTime(), created_by: a.createdBy, created_at: a.createdAt, updated_at: a.updatedAt,
    })),
  );
  await insertBatched(
    tx,
    'announcement_reads',
    { announcement_id: 'text', partner_id: 'text', user_id: 'text', user_name: 'text', read_at: 'timestamptz' },
    reads.map((r) => ({ announcement_id: r.announcementId, partner_id: r.partnerId, user_id: r.userId, user_name: r.userName, read_at: r.readAt })),
  );
  await insertBatched(
    tx,
    'requests',
    {
      id: 'text', number: 'text', partner_id: 'text', category: 'text', subject: 'text', status: 'text', reference: 'jsonb', opened_by: 'jsonb', history: 'jsonb',
      first_response_at: 'timestamptz', resolved_at: 'timestamptz', closed_at: 'timestamptz', first_response_due_at: 'timestamptz', resolution_due_at: 'timestamptz',
      due_sort: 'timestamptz', message_count: 'int', last_message_at: 'timestamptz', last_message_by: 'jsonb', created_at: 'timestamptz', updated_at: 'timestamptz',
    },
    requests.map((r) => ({
      id: r.id, number: r.number, partner_id: r.partnerId, category: r.category, subject: r.subject, status: r.status, reference: r.reference, opened_by: r.openedBy,
      history: r.history, first_response_at: r.firstResponseAt, resolved_at: r.resolvedAt, closed_at: r.closedAt, first_response_due_at: r.firstResponseDueAt,
      resolution_due_at: r.resolutionDueAt, due_sort: nextDueAt(r) ?? NOTHING_DUE, message_count: r.messageCount, last_message_at: r.lastMessageAt,
      last_message_by: r.lastMessageBy, created_at: r.createdAt, updated_at: r.updatedAt,
    })),
  );
  await insertBatched(
    tx,
    'request_messages',
    { id: 'text', request_id: 'text', author: 'jsonb', body: 'text', attachments: 'jsonb', created_at: 'timestamptz' },
    requests.flatMap((r) => r.messages.map((m) => ({ id: m.id, request_id: r.id, author: m.author, body: m.body, attachments: m.attachments, created_at: m.createdAt }))),
  );
  // Requests opened from now on number after the seed's.
  await tx.query(`SELECT setval('request_numbers', GREATEST($1::bigint, 1), $1::bigint > 0)`, [requests.length]);
}
