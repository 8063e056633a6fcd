/**
 * Seeds recruitment: core's demo criteria, thresholds and form, a publishable key for the demo's
 * public page, and the demo applications replayed through the server's own rules at the times the
 * plan gives (submission, moves, evaluations), so their histories, duplicate flags, scores and the
 * partners approval creates are exactly what the server makes of them.
 * @module
 */
import { DEMO_APPLICATION_FORM, DEMO_APPLICATIONS, DEMO_CRITERIA, DEMO_MANAGERS, DEMO_THRESHOLDS } from '@partnerkit/core/demo';
import { DAY_MS } from '@partnerkit/core/rules';
import type { Application, PublishableKey } from '@partnerkit/core/schemas';
import type { Transaction } from '../db/database.js';
import { moveApplication } from '../domain/application-moves.js';
import { checkSubmission, type Submitter, submitApplication } from '../domain/application-submission.js';
import { evaluateApplication } from '../domain/evaluation-writes.js';
import type { ManagerCaller } from '../security/caller.js';
import { base64url, newId, randomBytes } from '../security/random.js';
import { putForm } from '../store/application-form.js';
import { getApplication } from '../store/applications.js';
import { insertPublishableKey } from '../store/publishable-keys.js';
import { allCriteria, upsertCriterion } from '../store/selection-criteria.js';
import { putThresholds } from '../store/selection-thresholds.js';

/** The origins of the demo's public page: `npm start` on its default port. The demo adds its own at start. */
export const DEMO_PUBLIC_ORIGINS: readonly string[] = ['http://localhost:8787', 'http://127.0.0.1:8787'];

/** The name of the seeded publishable key, which the demo site looks up. */
export const DEMO_PUBLISHABLE_KEY_NAME = 'Demo website: become a partner';

function reviewer(id: string, asOf: Date): ManagerCaller {
  const manager = DEMO_MANAGERS.find((m) => m.id === id);
  if (!manager) throw new Error(`the demo plan names an unknown manager ${id}`);
  return { role: 'manager', user: manager, locale: null, expiresAt: new Date(asOf.getTime() + DAY_MS).toISOString() };
}

/** What {@link seedRecruitment} wrote. */
export interface RecruitmentSeed {
  key: PublishableKey;
  applications: number;
  /** Partners the approvals created. */
  partners: number;
}

/**
 * Writes recruitment as of `asOf` in the caller's transaction. Seeding writes no events (the log
 * starts with the first real change), so the events the replay appended are removed again.
 */
export async function seedRecruitment(tx: Transaction, asOf: Date): Promise<RecruitmentSeed> {
  const start = new Date(asOf.getTime() - 150 * DAY_MS);
  for (const criterion of DEMO_CRITERIA) {
    const { id, ...input } = criterion;
    await upsertCriterion(tx, id, input, start);
  }
  await putThresholds(tx, DEMO_THRESHOLDS, start);
  const form = await putForm(tx, DEMO_APPLICATION_FORM, start);
  const key = await insertPublishableKey(tx, {
    id: newId('pk', start),
    name: DEMO_PUBLISHABLE_KEY_NAME,
    key: `pk_pub_${base64url(randomBytes(24))}`,
    allowedOrigins: DEMO_PUBLIC_ORIGINS,
    now: start,
  });
  const criteria = await allCriteria(tx);
  let partners = 0;
  for (const [index, plan] of DEMO_APPLICATIONS.entries()) {
    // Mid-morning, a few minutes apart, so the order is the plan's.
    const submittedAt = new Date(asOf.getTime() - plan.daysAgo * DAY_MS - 3 * 3_600_000 + index * 60_000);
    const submitter: Submitter = plan.via === 'public_form' ? { publishableKeyId: key.id } : { caller: reviewer(plan.steps[0]?.by ?? 'mgr_linh', asOf) };
    const source = await checkSubmission(tx, submitter, plan.input, form);
    let application: Application = await submitApplication(tx, submitter, plan.input, form, source, submittedAt);
    for (const step of plan.steps) {
      const at = new Date(submittedAt.getTime() + step.day * DAY_MS);
      const caller = reviewer(step.by, asOf);
      if ('to' in step) {
        const { day: _day, by: _by, ...move } = step;
        // The approved partner's id follows the application's number: the same seed, the same data.
        application = await moveApplication(tx, caller, application, move, at, { partnerId: `pt_${application.number.toLowerCase().replace('-', '')}` });
        if (application.partnerId !== null && step.to === 'approved') partners += 1;
      } else {
        const { scores, recommendation, comment, submit } = step.evaluation;
        await evaluateApplication(
          tx,
          caller,
          application,
          criteria,
          { scores: scores.map(([criterionId, score, note]) => ({ criterionId, score, ...(note === undefined ? {} : { note }) })), recommendation, comment, submit },
          at,
        );
        application = (await getApplication(tx, application.id)) as Application;
      }
    }
  }
  await tx.query('DELETE FROM events WHERE tx_id = pg_current_xact_id()');
  return { key, applications: DEMO_APPLICATIONS.length, partners };
}
