/**
 * The public application form: the one row of `application_form`, or the form a programme has
 * before an admin sets one (every partner type offered, no questions of its own, a plain consent
 * text).
 * @module
 */
import { DEFAULT_APPLICATION_FORM } from '@partnerkit/core/rules';
import type { ApplicationFormInput } from '@partnerkit/core/schemas';
import type { Queryable } from '../db/database.js';

/** The form without its token (which is issued per request). */
export type StoredForm = ApplicationFormInput & { updatedAt: string | null };

type FormRow = { partner_types: ApplicationFormInput['partnerTypes']; questions: ApplicationFormInput['questions']; consent: ApplicationFormInput['consent']; updated_at: Date };

/** What a programme offers before an admin sets its form. */
export const DEFAULT_FORM: StoredForm = Object.freeze({ ...DEFAULT_APPLICATION_FORM, updatedAt: null });

/** The form in force. */
export async function getForm(q: Queryable): Promise<StoredForm> {
  const { rows } = await q.query<FormRow>('SELECT partner_types, questions, consent, updated_at FROM application_form');
  const row = rows[0];
  return row ? { partnerTypes: row.partner_types, questions: row.questions, consent: row.consent, updatedAt: new Date(row.updated_at).toISOString() } : DEFAULT_FORM;
}

/** Replaces the form. */
export async function putForm(tx: Queryable, input: ApplicationFormInput, now: Date): Promise<StoredForm> {
  await tx.query(
    `INSERT INTO application_form (id, partner_types, questions, consent, updated_at) VALUES (true, $1::jsonb, $2::jsonb, $3::jsonb, $4)
     ON CONFLICT (id) DO UPDATE SET partner_types = EXCLUDED.partner_types, questions = EXCLUDED.questions, consent = EXCLUDED.consent, updated_at = EXCLUDED.updated_at`,
    [JSON.stringify(input.partnerTypes), JSON.stringify(input.questions), JSON.stringify(input.consent), now],
  );
  return { ...input, updatedAt: now.toISOString() };
}
