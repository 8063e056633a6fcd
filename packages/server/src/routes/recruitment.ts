/**
 * Recruitment over HTTP: the public application form (the only programme data a publishable key
 * reads), applications and their lifecycle, reviewers' evaluations, selection criteria and
 * thresholds, and publishable keys. The rules are core's and `domain/`'s (submission, moves,
 * evaluations, duplicates), the SQL is in `store/`.
 * @module
 */
import type { Context, Hono } from 'hono';
import { summariseEvaluations } from '@partnerkit/core/rules';
import {
  APPLICATION_STATUSES,
  type Application,
  ApplicationFormInput,
  ApplicationInput,
  ApplicationListQuery,
  ApplicationPipelineQuery,
  type ApplicationStatus,
  ApplicationTransitionInput,
  type Evaluation,
  EvaluationInput,
  type EvaluationList,
  PageQuery,
  PUBLISHABLE_KEY_PREFIX,
  PublishableKeyInput,
  PublishableKeyPatch,
  SelectionCriterionInput,
  SelectionThresholdsInput,
} from '@partnerkit/core/schemas';
import type { AppContext, AppEnv } from '../context.js';
import { isForeignKeyViolation, type Queryable } from '../db/database.js';
import { moveApplication } from '../domain/application-moves.js';
import { checkSubmission, type Submitter, submitApplication } from '../domain/application-submission.js';
import { evaluateApplication, scored } from '../domain/evaluation-writes.js';
import { readJsonBody } from '../http/body.js';
import { checkIdempotencyKey, idempotentWrite } from '../http/idempotency.js';
import { pageAnswer, pageWindow } from '../http/pagination.js';
import { problems } from '../http/problem.js';
import { createdLocation, json, pathId, requestUrl, requireRole, route } from '../http/routing.js';
import { parseWith, queryObject } from '../http/validate.js';
import type { ManagerCaller } from '../security/caller.js';
import { checkFormToken, issueFormToken } from '../security/form-tokens.js';
import { base64url, newId, randomBytes } from '../security/random.js';
import { getForm, putForm, type StoredForm } from '../store/application-form.js';
import { APPLICATION_POSITION, countByStage, getApplication, listApplications } from '../store/applications.js';
import { evaluationsOf } from '../store/evaluations.js';
import {
  getPublishableKey,
  insertPublishableKey,
  listPublishableKeys,
  PUBLISHABLE_KEY_POSITION,
  revokePublishableKey,
  updatePublishableKey,
} from '../store/publishable-keys.js';
import { allCriteria, CRITERION_POSITION, deleteCriterion, getCriterion, listCriteria, upsertCriterion } from '../store/selection-criteria.js';
import { getThresholds, putThresholds } from '../store/selection-thresholds.js';

const noApplication = () => problems.notFound('There is no application with this id.');

/** The statuses of `?status=` (one, or a comma-separated list; the schema checked each). */
function statusesOf(status: string | undefined): ApplicationStatus[] | undefined {
  if (!status) return undefined;
  return [...new Set(status.split(','))].filter((s): s is ApplicationStatus => (APPLICATION_STATUSES as readonly string[]).includes(s));
}

/** The application `id`; 404 when there is none. Only vendor principals reach this. */
async function applicationById(q: Queryable, id: string, options: { lock?: boolean } = {}): Promise<Application> {
  const application = await getApplication(q, id, options);
  if (!application) throw noApplication();
  return application;
}

/** The form as `GET /v1/application-form` answers it, with a fresh token. */
async function formAnswer(ctx: AppContext, form: StoredForm) {
  return { ...form, formToken: await issueFormToken((await ctx.keys()).form, ctx.now()) };
}

/** Origins as browsers send them: scheme and host in lower case, no default port. */
function normaliseOrigins(origins: readonly string[]): string[] {
  return [...new Set(origins.map((origin) => new URL(origin).origin))];
}

/**
 * What a public submission must bring besides the application: a form token old enough to have
 * been filled in by a person and not stale, and an empty honeypot. Checked before anything is
 * written.
 */
async function checkPublicSubmission(ctx: AppContext, input: ApplicationInput): Promise<void> {
  if (input.honeypot !== undefined && input.honeypot !== '') throw problems.validation([{ path: 'honeypot', message: 'must be left empty' }]);
  if (input.formToken === undefined) throw problems.validation([{ path: 'formToken', message: 'is required: send the formToken of GET /v1/application-form' }]);
  const verdict = await checkFormToken((await ctx.keys()).form, input.formToken, ctx.now(), ctx.settings.minFormFillMs);
  const messages = {
    too_fast: 'was sent back sooner than a person fills the form in; submit again',
    expired: 'is older than 24 hours; load the form again',
    invalid: 'is not a token this backend issued',
  } as const;
  if (verdict !== 'ok') throw problems.validation([{ path: 'formToken', message: messages[verdict] }]);
}

/**
 * The evaluations a caller may see: an admin key (no reviewer) sees every one and the summary; a
 * manager sees only their own until they have submitted it, then every submitted one (and their
 * own), with the summary.
 */
async function evaluationsFor(ctx: AppContext, c: Context<AppEnv>, application: Application): Promise<EvaluationList> {
  const caller = c.get('caller');
  const [stored, criteria, thresholds] = await Promise.all([evaluationsOf(ctx.db, application.id), allCriteria(ctx.db), getThresholds(ctx.db)]);
  const all = stored.map((e) => scored(e, criteria, application));
  const submitted = all.filter((e) => e.status === 'submitted');
  const own = caller.role === 'manager' ? all.find((e) => e.reviewer.id === caller.user.id) : undefined;
  const blind = caller.role === 'manager' && own?.status !== 'submitted';
  const visible: Evaluation[] = blind ? (own ? [own] : []) : caller.role === 'admin' ? all : all.filter((e) => e.status === 'submitted' || e === own);
  return {
    data: visible,
    blind,
    submittedCount: submitted.length,
    summary: blind ? null : summariseEvaluations(criteria, application.partnerType, all, thresholds),
  };
}

export function recruitmentRoutes(app: Hono<AppEnv>, ctx: AppContext): void {
  route(app, '/v1/application-form', {
    get: async () => json(await formAnswer(ctx, await getForm(ctx.db))),
    put: async (c) => {
      requireRole(c, 'admin');
      const input = parseWith(ApplicationFormInput, await readJsonBody(c.req.raw, ctx.settings.bodyLimit));
      return json(await formAnswer(ctx, await ctx.db.transaction((tx) => putForm(tx, input, ctx.now()))));
    },
  });

  route(app, '/v1/applications', {
    get: async (c) => {
      requireRole(c, 'manager', 'admin');
      const query = parseWith(ApplicationListQuery, queryObject(requestUrl(c), Object.keys(ApplicationListQuery.shape)));
      const { limit: _l, cursor: _c, ...filters } = query;
      const identity = { list: 'applications', filters };
      const window = await pageWindow(ctx, identity, query, APPLICATION_POSITION);
      const slice = await listApplications(ctx.db, { ...filters, statuses: statusesOf(filters.status) }, window);
      return json(await pageAnswer(ctx, identity, slice));
    },
    post: async (c) => {
      const publishable = c.get('publishable');
      const submitter: Submitter = publishable ? { publishableKeyId: publishable.keyId } : { caller: requireRole(c, 'manager', 'admin') };
      const body = await readJsonBody(c.req.raw, ctx.settings.bodyLimit);
      const input = parseWith(ApplicationInput, body);
      checkIdempotencyKey(c);
      if (publishable) await checkPublicSubmission(ctx, input);
      const form = await getForm(ctx.db);
      const source = await checkSubmission(ctx.db, submitter, input, form);
      return idempotentWrite(ctx, c, body, async (tx) => {
        const application = await submitApplication(tx, submitter, input, form, source, ctx.now());
        // The public form learns its number, and nothing it could read back.
        return { status: 201, body: publishable ? { number: application.number } : application };
      });
    },
  });

  route(app, '/v1/applications/pipeline', {
    get: async (c) => {
      requireRole(c, 'manager', 'admin');
      const filters = parseWith(ApplicationPipelineQuery, queryObject(requestUrl(c), Object.keys(ApplicationPipelineQuery.shape)));
      const stages = await countByStage(ctx.db, filters, APPLICATION_STATUSES);
      return json({ stages, total: stages.reduce((sum, s) => sum + s.count, 0) });
    },
  });

  route(app, '/v1/applications/:id', {
    get: async (c) => {
      requireRole(c, 'manager', 'admin');
      return json(await applicationById(ctx.db, pathId(c)));
    },
  });

  route(app, '/v1/applications/:id/transitions', {
    post: async (c) => {
      const caller = requireRole(c, 'manager', 'admin');
      const id = pathId(c);
      const body = await readJsonBody(c.req.raw, ctx.settings.bodyLimit);
      const input = parseWith(ApplicationTransitionInput, body);
      checkIdempotencyKey(c);
      await applicationById(ctx.db, id);
      return idempotentWrite(ctx, c, body, async (tx) => ({
        status: 200,
        body: await moveApplication(tx, caller, await applicationById(tx, id, { lock: true }), input, ctx.now()),
      }));
    },
  });

  route(app, '/v1/applications/:id/evaluations', {
    get: async (c) => {
      requireRole(c, 'manager', 'admin');
      return json(await evaluationsFor(ctx, c, await applicationById(ctx.db, pathId(c))));
    },
    post: async (c) => {
      const reviewer = requireRole(c, 'manager') as ManagerCaller;
      const id = pathId(c);
      const body = await readJsonBody(c.req.raw, ctx.settings.bodyLimit);
      const input = parseWith(EvaluationInput, body);
      checkIdempotencyKey(c);
      await applicationById(ctx.db, id);
      return idempotentWrite(ctx, c, body, async (tx) => {
        const application = await applicationById(tx, id, { lock: true });
        return { status: 200, body: await evaluateApplication(tx, reviewer, application, await allCriteria(tx), input, ctx.now()) };
      });
    },
  });

  route(app, '/v1/selection-criteria', {
    get: async (c) => {
      requireRole(c, 'manager', 'admin');
      const query = parseWith(PageQuery, queryObject(requestUrl(c), Object.keys(PageQuery.shape)));
      const identity = { list: 'selection-criteria', filters: {} };
      return json(await pageAnswer(ctx, identity, await listCriteria(ctx.db, await pageWindow(ctx, identity, query, CRITERION_POSITION))));
    },
  });

  route(app, '/v1/selection-criteria/:id', {
    get: async (c) => {
      requireRole(c, 'manager', 'admin');
      const criterion = await getCriterion(ctx.db, pathId(c));
      if (!criterion) throw problems.notFound('There is no selection criterion with this id.');
      return json(criterion);
    },
    put: async (c) => {
      requireRole(c, 'admin');
      const id = pathId(c);
      const input = parseWith(SelectionCriterionInput, await readJsonBody(c.req.raw, ctx.settings.bodyLimit));
      const { criterion, created } = await ctx.db.transaction((tx) => upsertCriterion(tx, id, input, ctx.now()));
      return created ? json(criterion, 201, { Location: createdLocation(c, id) }) : json(criterion);
    },
    delete: async (c) => {
      requireRole(c, 'admin');
      const id = pathId(c);
      let deleted: boolean;
      try {
        deleted = await ctx.db.transaction((tx) => deleteCriterion(tx, id));
      } catch (error) {
        if (isForeignKeyViolation(error)) throw problems.inUse('The criterion cannot be deleted: evaluations have scored it.');
        throw error;
      }
      if (!deleted) throw problems.notFound('There is no selection criterion with this id.');
      return new Response(null, { status: 204 });
    },
  });

  route(app, '/v1/selection-thresholds', {
    get: async (c) => {
      requireRole(c, 'manager', 'admin');
      return json(await getThresholds(ctx.db));
    },
    put: async (c) => {
      requireRole(c, 'admin');
      const input = parseWith(SelectionThresholdsInput, await readJsonBody(c.req.raw, ctx.settings.bodyLimit));
      return json(await ctx.db.transaction((tx) => putThresholds(tx, input, ctx.now())));
    },
  });

  const noKey = () => problems.notFound('There is no publishable key with this id.');

  route(app, '/v1/publishable-keys', {
    get: async (c) => {
      requireRole(c, 'admin');
      const query = parseWith(PageQuery, queryObject(requestUrl(c), Object.keys(PageQuery.shape)));
      const identity = { list: 'publishable-keys', filters: {} };
      return json(await pageAnswer(ctx, identity, await listPublishableKeys(ctx.db, await pageWindow(ctx, identity, query, PUBLISHABLE_KEY_POSITION))));
    },
    post: async (c) => {
      requireRole(c, 'admin');
      const body = await readJsonBody(c.req.raw, ctx.settings.bodyLimit);
      const input = parseWith(PublishableKeyInput, body);
      checkIdempotencyKey(c);
      return idempotentWrite(ctx, c, body, async (tx) => {
        const now = ctx.now();
        const key = `${PUBLISHABLE_KEY_PREFIX}${base64url(randomBytes(24))}`;
        return { status: 201, body: await insertPublishableKey(tx, { id: newId('pk', now), name: input.name, key, allowedOrigins: normaliseOrigins(input.allowedOrigins), now }) };
      });
    },
  });

  route(app, '/v1/publishable-keys/:id', {
    get: async (c) => {
      requireRole(c, 'admin');
      const key = await getPublishableKey(ctx.db, pathId(c));
      if (!key) throw noKey();
      return json(key);
    },
    patch: async (c) => {
      requireRole(c, 'admin');
      const id = pathId(c);
      const patch = parseWith(PublishableKeyPatch, await readJsonBody(c.req.raw, ctx.settings.bodyLimit));
      const origins = patch.allowedOrigins === undefined ? {} : { allowedOrigins: normaliseOrigins(patch.allowedOrigins) };
      const key = await ctx.db.transaction((tx) => updatePublishableKey(tx, id, { ...patch, ...origins }, ctx.now()));
      if (!key) throw noKey();
      return json(key);
    },
    delete: async (c) => {
      requireRole(c, 'admin');
      const id = pathId(c);
      if (!(await ctx.db.transaction((tx) => revokePublishableKey(tx, id, ctx.now())))) throw noKey();
      return new Response(null, { status: 204 });
    },
  });
}
