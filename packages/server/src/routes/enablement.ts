/**
 * Enablement over HTTP: `/v1/certifications`, `/v1/courses`, `/v1/partners/{id}/people`,
 * `/v1/people/{id}`, `/v1/enrolments`, `/v1/certificates`, tier certification requirements and
 * `/v1/partners/{id}/enablement`. Parsing, roles and scope here; the rules in `domain/enablement.ts`.
 * A partner session reaches only its own people (and their enrolments and certificates) and the
 * published courses its audience includes: anything else answers 404 (or 400 at a body field).
 * @module
 */
import type { Context, Hono } from 'hono';
import { assessmentKey, assessmentProblems, certificateExpiry, checkEnrolmentTransition, isInAudience, renewedExpiry } from '@partnerkit/core/rules';
import {
  AttemptInput,
  CertificateInput,
  CertificateListQuery,
  CertificateRenewalInput,
  CertificationInput,
  CertificationListQuery,
  CertificationPatch,
  CourseInput,
  CourseListQuery,
  CoursePatch,
  EnrolmentInput,
  EnrolmentListQuery,
  EnrolmentProgressInput,
  EnrolmentTransitionInput,
  type FieldError,
  moveRefused,
  PageQuery,
  type Partner,
  PersonInput,
  PersonListQuery,
  PersonPatch,
  TierCertificationRequirementsInput,
} from '@partnerkit/core/schemas';
import type { AppContext, AppEnv } from '../context.js';
import type { Queryable, Transaction } from '../db/database.js';
import {
  certificateEventData,
  moveEnrolment,
  presentCertificate,
  presentCourse,
  presentEnrolment,
  readPartnerEnablement,
  recordProgress,
  type StepRefusal,
  submitAttempt,
} from '../domain/enablement.js';
import { readJsonBody } from '../http/body.js';
import { checkIdempotencyKey, idempotentWrite } from '../http/idempotency.js';
import { pageAnswer, pageWindow } from '../http/pagination.js';
import { problems } from '../http/problem.js';
import { json, pathId, requestUrl, requireRole, route } from '../http/routing.js';
import { parseWith, queryObject, type Schema } from '../http/validate.js';
import { type Caller, partnerScope } from '../security/caller.js';
import { newId } from '../security/random.js';
import { applyDueTierChanges } from '../domain/tier-evaluation.js';
import { certificateByExternalId, CERTIFICATE_POSITION, getCertificate, insertCertificate, listCertificates, renewStoredCertificate } from '../store/certificates.js';
import { getTierRequirements, listTierRequirements, putTierRequirements, REQUIREMENTS_POSITION } from '../store/certification-requirements.js';
import { CERTIFICATION_POSITION, getCertification, insertCertification, listCertifications, updateCertification } from '../store/certifications.js';
import { COURSE_POSITION, type CourseFields, getCourse, insertCourse, listCourses, replaceCourse, type StoredCourse } from '../store/courses.js';
import { ENROLMENT_POSITION, getEnrolment, insertEnrolment, latestEnrolment, listEnrolments, type StoredEnrolment } from '../store/enrolments.js';
import { appendEvents } from '../store/events.js';
import { getPartner } from '../store/partners.js';
import { getPerson, insertPerson, listPeople, PERSON_POSITION, updatePerson } from '../store/people.js';
import { existingIds } from '../store/references.js';
import { partnerInScope } from './partners.js';

const notFound = (what: string) => () => problems.notFound(`There is no ${what} with this id.`);
const courseNotFound = notFound('course');
const personNotFound = notFound('person');
const enrolmentNotFound = notFound('enrolment');
const certificateNotFound = notFound('certificate');
const certificationNotFound = notFound('certification');
const tierNotFound = notFound('tier');

/** The partner a partner session is confined to, or null for vendors. */
const scopeOf = (c: Context<AppEnv>): string | null => partnerScope(c.get('caller'));

/** The caller as core's enrolment lifecycle names it. */
const actorOf = (caller: Caller) => (caller.role === 'admin' ? 'admin' : 'partner') as 'admin' | 'partner';

/** Whether `partner` may see `course`: vendors see every course; a partner, published ones of its audience. */
function visibleTo(course: StoredCourse, partner: Pick<Partner, 'type' | 'tierId'> | null): boolean {
  return partner === null || (course.status === 'published' && isInAudience(course, partner));
}

/** The partner of a partner session (for the audience), or null for vendors. */
async function viewerOf(q: Queryable, c: Context<AppEnv>): Promise<Partner | null> {
  const scope = scopeOf(c);
  if (scope === null) return null;
  const partner = await getPartner(q, scope);
  if (partner === null) throw problems.notFound('The session\'s partner no longer exists.');
  return partner;
}

/** The course at `{id}` as the caller may see it, or 404. */
async function courseAt(q: Queryable, c: Context<AppEnv>): Promise<StoredCourse> {
  const course = await getCourse(q, pathId(c));
  if (course === null || !visibleTo(course, await viewerOf(q, c))) throw courseNotFound();
  return course;
}

/** The enrolment at `{id}` in the caller's scope, or 404 (`lock` inside a transaction). */
async function enrolmentAt(q: Queryable, c: Context<AppEnv>, lock = false): Promise<StoredEnrolment> {
  const enrolment = await getEnrolment(q, pathId(c), { partnerId: scopeOf(c), lock });
  if (enrolment === null) throw enrolmentNotFound();
  return enrolment;
}

/** `value`, or the problem thrown when it is null. */
function found<T>(value: T | null, problem: () => Error): T {
  if (value === null) throw problem();
  return value;
}

const refusal = (why: StepRefusal, course: StoredCourse) => {
  switch (why) {
    case 'passed':
      return problems.assessmentPassed();
    case 'exhausted':
      return problems.attemptsExhausted(course.assessment?.attemptsAllowed ?? 0);
    case 'no_assessment':
      return problems.invalidEnrolmentTransition('This course has no assessment.');
    case 'not_open':
      return problems.invalidEnrolmentTransition('The enrolment is not open: only an enrolled or in-progress enrolment makes progress or takes attempts.');
  }
};

/** Checks a course as it will be written: references exist, modules and assessment hold together. */
async function checkCourse(q: Queryable, fields: CourseFields): Promise<void> {
  const errors: FieldError[] = [];
  if (fields.certificationId !== null && !(await existingIds(q, 'certifications', [fields.certificationId])).has(fields.certificationId)) {
    errors.push({ path: 'certificationId', message: 'no certification has this id' });
  }
  const tiers = await existingIds(q, 'tiers', fields.tierIds);
  fields.tierIds.forEach((id, i) => {
    if (!tiers.has(id)) errors.push({ path: `tierIds.${i}`, message: 'no tier has this id' });
  });
  const resources = await existingIds(q, 'resources', fields.modules.map((m) => m.resourceId));
  const moduleIds = new Set<string>();
  fields.modules.forEach((m, i) => {
    if (!resources.has(m.resourceId)) errors.push({ path: `modules.${i}.resourceId`, message: 'no resource has this id' });
    if (moduleIds.has(m.id)) errors.push({ path: `modules.${i}.id`, message: 'must name each module once' });
    moduleIds.add(m.id);
  });
  if (fields.format !== 'self_paced') {
    if (fields.modules.length > 0) errors.push({ path: 'modules', message: 'only a self-paced course has modules' });
    if (fields.assessment !== null) errors.push({ path: 'assessment', message: 'only a self-paced course has an assessment' });
  }
  if (fields.format === 'external' && fields.url === null) errors.push({ path: 'url', message: 'an external course needs the URL where it is taken' });
  if (fields.assessment !== null) for (const [path, message] of assessmentProblems(fields.assessment)) errors.push({ path: `assessment.${path}`, message });
  if (errors.length > 0) throw problems.validation(errors);
}

/** A course's fields from a body (defaults applied to what it leaves out). */
function courseFields(input: CourseInput | CoursePatch, base: CourseFields | null): CourseFields {
  const pick = <K extends keyof CourseFields>(key: K, fallback: CourseFields[K]): CourseFields[K] =>
    (key in input && (input as Record<string, unknown>)[key] !== undefined ? (input as Record<string, unknown>)[key] : (base?.[key] ?? fallback)) as CourseFields[K];
  const modules = input.modules === undefined ? (base?.modules ?? []) : input.modules.map((m, i) => ({ id: m.id ?? `m${i + 1}`, title: m.title, ...(m.translations ? { translations: m.translations } : {}), resourceId: m.resourceId, durationMinutes: m.durationMinutes ?? null }));
  return {
    title: pick('title', ''),
    description: pick('description', null),
    format: pick('format', 'self_paced'),
    durationMinutes: pick('durationMinutes', 1),
    language: pick('language', 'en'),
    partnerTypes: pick('partnerTypes', []),
    tierIds: pick('tierIds', []),
    certificationId: pick('certificationId', null),
    url: pick('url', null),
    status: pick('status', 'draft'),
    translations: pick('translations', {}),
    modules,
    assessment: input.assessment === undefined ? (base?.assessment ?? null) : input.assessment,
  };
}

export function enablementRoutes(app: Hono<AppEnv>, ctx: AppContext): void {
  // Certifications
  route(app, '/v1/certifications', {
    get: async (c) => {
      const query = parseWith(CertificationListQuery, queryObject(requestUrl(c), Object.keys(CertificationListQuery.shape)));
      const identity = { list: 'certifications', filters: { q: query.q } };
      const window = await pageWindow(ctx, identity, query, CERTIFICATION_POSITION);
      return json(await pageAnswer(ctx, identity, await listCertifications(ctx.db, { q: query.q }, window)));
    },
    post: async (c) => {
      requireRole(c, 'admin');
      const body = await readJsonBody(c.req.raw, ctx.settings.bodyLimit);
      const input = parseWith(CertificationInput, body);
      checkIdempotencyKey(c);
      return idempotentWrite(ctx, c, body, async (tx) => ({ status: 201, body: await insertCertification(tx, newId('cn', ctx.now()), input, ctx.now()) }));
    },
  });
  route(app, '/v1/certifications/:id', {
    get: async (c) => json(found(await getCertification(ctx.db, pathId(c)), certificationNotFound)),
    patch: async (c) => {
      requireRole(c, 'admin');
      const patch = parseWith(CertificationPatch, await readJsonBody(c.req.raw, ctx.settings.bodyLimit));
      const updated = await ctx.db.transaction((tx) => updateCertification(tx, pathId(c), patch, ctx.now()));
      if (updated === null) throw certificationNotFound();
      return json(updated);
    },
  });

  // Courses
  route(app, '/v1/courses', {
    get: async (c) => {
      const query = parseWith(CourseListQuery, queryObject(requestUrl(c), Object.keys(CourseListQuery.shape)));
      const { limit: _l, cursor: _c, ...filters } = query;
      const viewer = await viewerOf(ctx.db, c);
      const identity = { list: 'courses', filters };
      const window = await pageWindow(ctx, identity, query, COURSE_POSITION);
      const slice = await listCourses(ctx.db, { ...filters, ...(viewer ? { audience: { type: viewer.type, tierId: viewer.tierId } } : {}) }, window);
      return json(await pageAnswer(ctx, identity, { ...slice, items: slice.items.map(presentCourse) }));
    },
    post: async (c) => {
      requireRole(c, 'admin');
      const body = await readJsonBody(c.req.raw, ctx.settings.bodyLimit);
      const fields = courseFields(parseWith(CourseInput, body), null);
      checkIdempotencyKey(c);
      await checkCourse(ctx.db, fields);
      return idempotentWrite(ctx, c, body, async (tx) => {
        const now = ctx.now();
        const course = await insertCourse(tx, newId('co', now), fields, now);
        await appendEvents(tx, [{ type: 'course.created', partnerId: null, data: { courseId: course.id, status: course.status } }], now);
        return { status: 201, body: presentCourse(course) };
      });
    },
  });
  route(app, '/v1/courses/:id', {
    get: async (c) => json(presentCourse(await courseAt(ctx.db, c))),
    patch: async (c) => {
      requireRole(c, 'admin');
      const patch = parseWith(CoursePatch, await readJsonBody(c.req.raw, ctx.settings.bodyLimit));
      const current = await getCourse(ctx.db, pathId(c));
      if (current === null) throw courseNotFound();
      await checkCourse(ctx.db, courseFields(patch, current));
      const course = await ctx.db.transaction(async (tx) => {
        const locked = await getCourse(tx, current.id, { lock: true });
        if (locked === null) throw courseNotFound();
        const now = ctx.now();
        const saved = await replaceCourse(tx, locked.id, courseFields(patch, locked), now);
        const statusChanged = saved.status !== locked.status && saved.status !== 'draft';
        await appendEvents(
          tx,
          [
            { type: 'course.updated' as const, partnerId: null, data: { courseId: saved.id, status: saved.status } },
            ...(statusChanged ? [{ type: saved.status === 'published' ? ('course.published' as const) : ('course.retired' as const), partnerId: null, data: { courseId: saved.id, from: locked.status } }] : []),
          ],
          now,
        );
        return saved;
      });
      return json(presentCourse(course));
    },
  });
  route(app, '/v1/courses/:id/assessment-key', {
    get: async (c) => {
      requireRole(c, 'admin');
      const course = await getCourse(ctx.db, pathId(c));
      if (course === null || course.assessment === null) throw problems.notFound('There is no course with this id, or it has no assessment.');
      return json(assessmentKey(course.id, course.assessment));
    },
  });

  // People
  route(app, '/v1/partners/:id/people', {
    get: async (c) => {
      const partner = await partnerInScope(ctx, c);
      const query = parseWith(PersonListQuery, queryObject(requestUrl(c), Object.keys(PersonListQuery.shape)));
      const identity = { list: 'people', filters: { partnerId: partner.id, q: query.q } };
      const window = await pageWindow(ctx, identity, query, PERSON_POSITION);
      return json(await pageAnswer(ctx, identity, await listPeople(ctx.db, partner.id, { q: query.q }, window)));
    },
    post: async (c) => {
      requireRole(c, 'admin', 'partner');
      const body = await readJsonBody(c.req.raw, ctx.settings.bodyLimit);
      const input = parseWith(PersonInput, body);
      checkIdempotencyKey(c);
      const partner = await partnerInScope(ctx, c);
      return idempotentWrite(ctx, c, body, async (tx) => {
        const now = ctx.now();
        const person = await insertPerson(tx, newId('pp', now), partner.id, input, now);
        await appendEvents(tx, [{ type: 'person.created', partnerId: partner.id, data: { personId: person.id } }], now);
        return { status: 201, body: person };
      });
    },
  });
  route(app, '/v1/people/:id', {
    get: async (c) => json(found(await getPerson(ctx.db, pathId(c), scopeOf(c)), personNotFound)),
    patch: async (c) => {
      requireRole(c, 'admin', 'partner');
      const patch = parseWith(PersonPatch, await readJsonBody(c.req.raw, ctx.settings.bodyLimit));
      const person = await getPerson(ctx.db, pathId(c), scopeOf(c));
      if (person === null) throw personNotFound();
      const updated = await ctx.db.transaction(async (tx) => {
        const now = ctx.now();
        const saved = await updatePerson(tx, person.id, patch, now);
        await appendEvents(tx, [{ type: 'person.updated', partnerId: person.partnerId, data: { personId: person.id } }], now);
        return saved;
      });
      return json(found(updated, personNotFound));
    },
  });

  // Enrolments
  route(app, '/v1/enrolments', {
    get: async (c) => {
      const query = parseWith(EnrolmentListQuery, queryObject(requestUrl(c), Object.keys(EnrolmentListQuery.shape)));
      const { limit: _l, cursor: _c, ...filters } = query;
      const scope = scopeOf(c);
      const identity = { list: 'enrolments', filters };
      const window = await pageWindow(ctx, identity, query, ENROLMENT_POSITION);
      // A partner naming another partner gets an empty page, never the other's enrolments.
      const slice =
        scope !== null && filters.partnerId !== undefined && filters.partnerId !== scope
          ? { items: [], next: null }
          : await listEnrolments(ctx.db, { ...filters, ...(scope !== null ? { partnerId: scope } : {}) }, window);
      const courses = new Map<string, StoredCourse | null>();
      const items = [];
      for (const e of slice.items) {
        if (!courses.has(e.courseId)) courses.set(e.courseId, await getCourse(ctx.db, e.courseId));
        items.push(presentEnrolment(e, courses.get(e.courseId) ?? null));
      }
      return json(await pageAnswer(ctx, identity, { ...slice, items }));
    },
    post: async (c) => {
      requireRole(c, 'admin', 'partner');
      const body = await readJsonBody(c.req.raw, ctx.settings.bodyLimit);
      const input = parseWith(EnrolmentInput, body);
      checkIdempotencyKey(c);
      const person = await getPerson(ctx.db, input.personId, scopeOf(c));
      if (person === null) throw problems.unknownId('personId', 'person');
      const partner = await getPartner(ctx.db, person.partnerId);
      const course = await getCourse(ctx.db, input.courseId);
      // A course the person's partner may not take is as unknown as one that does not exist.
      if (course === null || partner === null || !visibleTo(course, partner)) throw problems.unknownId('courseId', 'course');
      return idempotentWrite(ctx, c, body, async (tx) => {
        const now = ctx.now();
        // Serialises enrolments of one person: one open enrolment per course, checked under the lock.
        await tx.query('SELECT id FROM people WHERE id = $1 FOR UPDATE', [person.id]);
        const latest = await latestEnrolment(tx, person.id, course.id);
        if (latest !== null && (latest.status === 'enrolled' || latest.status === 'in_progress')) return { status: 200, body: presentEnrolment(latest, course) };
        if (latest?.status === 'failed') throw problems.invalidEnrolmentTransition('The person failed this course\'s assessment; an admin reopens that enrolment for a new round of attempts.');
        if (latest?.status === 'withdrawn') return { status: 200, body: presentEnrolment(await moveEnrolment(tx, latest, course, 'enrolled', null, now), course) };
        const enrolment = await insertEnrolment(tx, { id: newId('en', now), courseId: course.id, personId: person.id, partnerId: person.partnerId }, now);
        await appendEvents(tx, [{ type: 'enrolment.created', partnerId: person.partnerId, data: { enrolmentId: enrolment.id, courseId: course.id, personId: person.id, status: enrolment.status } }], now);
        return { status: 201, body: presentEnrolment(enrolment, course) };
      });
    },
  });
  route(app, '/v1/enrolments/:id', {
    get: async (c) => {
      const enrolment = await enrolmentAt(ctx.db, c);
      return json(presentEnrolment(enrolment, await getCourse(ctx.db, enrolment.courseId)));
    },
  });

  /** A step on an enrolment: found in scope before the key is looked at, then locked and taken in the write. */
  const step =
    <T>(schema: Schema<T>, work: (tx: Transaction, enrolment: StoredEnrolment, course: StoredCourse, input: T) => Promise<{ status: number; body: unknown }>, check: (course: StoredCourse, input: T) => void) =>
    async (c: Context<AppEnv>) => {
      requireRole(c, 'admin', 'partner');
      const body = await readJsonBody(c.req.raw, ctx.settings.bodyLimit);
      const input = parseWith(schema, body);
      checkIdempotencyKey(c);
      const enrolment = await enrolmentAt(ctx.db, c);
      const course = found(await getCourse(ctx.db, enrolment.courseId), enrolmentNotFound);
      check(course, input);
      return idempotentWrite(ctx, c, body, async (tx) => work(tx, await enrolmentAt(tx, c, true), course, input));
    };

  route(app, '/v1/enrolments/:id/progress', {
    post: step(
      EnrolmentProgressInput,
      async (tx, enrolment, course, { moduleId }) => {
        const result = await recordProgress(tx, enrolment, course, moduleId, ctx.now());
        if (typeof result === 'string') throw refusal(result, course);
        return { status: 200, body: presentEnrolment(result, course) };
      },
      (course, { moduleId }) => {
        if (!course.modules.some((m) => m.id === moduleId)) throw problems.validation([{ path: 'moduleId', message: 'the course has no module with this id' }]);
      },
    ),
  });

  route(app, '/v1/enrolments/:id/attempts', {
    post: step(
      AttemptInput,
      async (tx, enrolment, course, { answers }) => {
        const result = await submitAttempt(tx, enrolment, course, answers, ctx.now());
        if (typeof result === 'string') throw refusal(result, course);
        return { status: 200, body: result };
      },
      (course, { answers }) => {
        const questions = new Map((course.assessment?.questions ?? []).map((q) => [q.id, new Set(q.choices.map((ch) => ch.id))]));
        const errors: FieldError[] = [];
        answers.forEach((a, i) => {
          const choices = questions.get(a.questionId);
          if (choices === undefined) errors.push({ path: `answers.${i}.questionId`, message: 'the assessment has no question with this id' });
          else a.choiceIds.forEach((id, j) => choices.has(id) || errors.push({ path: `answers.${i}.choiceIds.${j}`, message: 'the question has no choice with this id' }));
        });
        if (course.assessment !== null && errors.length > 0) throw problems.validation(errors);
      },
    ),
  });

  route(app, '/v1/enrolments/:id/transitions', {
    post: async (c) => {
      const caller = requireRole(c, 'admin', 'partner');
      const body = await readJsonBody(c.req.raw, ctx.settings.bodyLimit);
      const input = parseWith(EnrolmentTransitionInput, body);
      checkIdempotencyKey(c);
      const current = await enrolmentAt(ctx.db, c);
      const course = found(await getCourse(ctx.db, current.courseId), enrolmentNotFound);
      if (input.to === 'completed' && course.assessment !== null && current.passedAt === null) {
        // An admin records a live or external course's completion; a self-paced one with an assessment completes by passing.
        throw problems.invalidEnrolmentTransition('A self-paced course with an assessment completes when the person passes it.');
      }
      return idempotentWrite(ctx, c, body, async (tx) => {
        const enrolment = await enrolmentAt(tx, c, true);
        const check = checkEnrolmentTransition(enrolment.status, input.to, actorOf(caller), input.reason);
        if (!check.ok) throw moveRefused(check, 'enrolment');
        if (input.to === 'enrolled') {
          const latest = await latestEnrolment(tx, enrolment.personId, enrolment.courseId);
          if (latest !== null && latest.id !== enrolment.id && (latest.status === 'enrolled' || latest.status === 'in_progress')) {
            throw problems.invalidEnrolmentTransition('The person has another open enrolment in this course.');
          }
        }
        return { status: 200, body: presentEnrolment(await moveEnrolment(tx, enrolment, course, input.to, input.reason ?? null, ctx.now()), course) };
      });
    },
  });

  // Certificates
  route(app, '/v1/certificates', {
    get: async (c) => {
      const query = parseWith(CertificateListQuery, queryObject(requestUrl(c), Object.keys(CertificateListQuery.shape)));
      const { limit: _l, cursor: _c, ...filters } = query;
      const scope = scopeOf(c);
      const identity = { list: 'certificates', filters };
      const window = await pageWindow(ctx, identity, query, CERTIFICATE_POSITION);
      const now = ctx.now();
      const slice =
        scope !== null && filters.partnerId !== undefined && filters.partnerId !== scope
          ? { items: [], next: null }
          : await listCertificates(ctx.db, { ...filters, ...(scope !== null ? { partnerId: scope } : {}) }, now, window);
      return json(await pageAnswer(ctx, identity, { ...slice, items: slice.items.map((item) => presentCertificate(item, now)) }));
    },
    post: async (c) => {
      requireRole(c, 'admin');
      const body = await readJsonBody(c.req.raw, ctx.settings.bodyLimit);
      const input = parseWith(CertificateInput, body);
      const source = input.source ?? 'admin';
      if (source === 'lms' && input.externalId === undefined) throw problems.validation([{ path: 'externalId', message: 'is required when source is lms' }]);
      checkIdempotencyKey(c);
      const person = await getPerson(ctx.db, input.personId);
      if (person === null) throw problems.unknownId('personId', 'person');
      const certification = await getCertification(ctx.db, input.certificationId);
      if (certification === null) throw problems.unknownId('certificationId', 'certification');
      const now = ctx.now();
      const issuedAt = input.issuedAt === undefined ? now : new Date(input.issuedAt);
      const expiresAt = input.expiresAt === undefined ? certificateExpiry(issuedAt, certification.validityMonths) : input.expiresAt === null ? null : new Date(input.expiresAt);
      if (expiresAt !== null && expiresAt.getTime() <= issuedAt.getTime()) throw problems.validation([{ path: 'expiresAt', message: 'must be after issuedAt' }]);
      return idempotentWrite(ctx, c, body, async (tx) => {
        if (input.externalId !== undefined) {
          const earlier = await certificateByExternalId(tx, input.externalId);
          if (earlier !== null) return { status: 200, body: presentCertificate(earlier, now) };
        }
        const certificate = await insertCertificate(
          tx,
          { id: newId('ce', now), certificationId: certification.id, personId: person.id, partnerId: person.partnerId, source, externalId: input.externalId ?? null, courseId: null, issuedAt: issuedAt.toISOString(), expiresAt: expiresAt?.toISOString() ?? null },
          now,
        );
        await appendEvents(tx, [{ type: 'certification.issued', partnerId: person.partnerId, data: certificateEventData(certificate) }], now);
        // What the certificate completes applies at once, as on passing an assessment.
        await applyDueTierChanges(tx, [person.partnerId], now);
        return { status: 201, body: presentCertificate(certificate, now) };
      });
    },
  });
  route(app, '/v1/certificates/:id', {
    get: async (c) => {
      const certificate = await getCertificate(ctx.db, pathId(c), { partnerId: scopeOf(c) });
      if (certificate === null) throw certificateNotFound();
      return json(presentCertificate(certificate, ctx.now()));
    },
  });
  route(app, '/v1/certificates/:id/renewal', {
    post: async (c) => {
      requireRole(c, 'admin');
      const body = await readJsonBody(c.req.raw, ctx.settings.bodyLimit, { allowEmpty: true });
      const input = parseWith(CertificateRenewalInput, body ?? {});
      checkIdempotencyKey(c);
      const existing = found(await getCertificate(ctx.db, pathId(c)), certificateNotFound);
      const certification = await getCertification(ctx.db, existing.certificationId);
      return idempotentWrite(ctx, c, body ?? {}, async (tx) => {
        const now = ctx.now();
        const current = (await getCertificate(tx, existing.id, { lock: true })) ?? existing;
        const expiresAt =
          input.expiresAt === undefined
            ? renewedExpiry(current.expiresAt === null ? null : new Date(current.expiresAt), now, certification?.validityMonths ?? null)
            : input.expiresAt === null ? null : new Date(input.expiresAt);
        if (expiresAt !== null && expiresAt.getTime() <= now.getTime()) throw problems.validation([{ path: 'expiresAt', message: 'must be in the future' }]);
        const renewed = await renewStoredCertificate(tx, current.id, expiresAt, now);
        await appendEvents(tx, [{ type: 'certification.renewed', partnerId: renewed.partnerId, data: certificateEventData(renewed) }], now);
        await applyDueTierChanges(tx, [renewed.partnerId], now);
        return { status: 200, body: presentCertificate(renewed, now) };
      });
    },
  });

  // Requirements and a partner's enablement
  route(app, '/v1/certification-requirements', {
    get: async (c) => {
      const query = parseWith(PageQuery, queryObject(requestUrl(c), Object.keys(PageQuery.shape)));
      const identity = { list: 'certification-requirements', filters: {} };
      const window = await pageWindow(ctx, identity, query, REQUIREMENTS_POSITION);
      return json(await pageAnswer(ctx, identity, await listTierRequirements(ctx.db, window)));
    },
  });
  route(app, '/v1/tiers/:id/certification-requirements', {
    get: async (c) => json(found(await getTierRequirements(ctx.db, pathId(c)), tierNotFound)),
    put: async (c) => {
      requireRole(c, 'admin');
      const { requirements } = parseWith(TierCertificationRequirementsInput, await readJsonBody(c.req.raw, ctx.settings.bodyLimit));
      const known = await existingIds(ctx.db, 'certifications', requirements.map((r) => r.certificationId));
      const errors: FieldError[] = [];
      const seen = new Set<string>();
      requirements.forEach((r, i) => {
        if (!known.has(r.certificationId)) errors.push({ path: `requirements.${i}.certificationId`, message: 'no certification has this id' });
        if (seen.has(r.certificationId)) errors.push({ path: `requirements.${i}.certificationId`, message: 'must name each certification once' });
        seen.add(r.certificationId);
      });
      if (errors.length > 0) throw problems.validation(errors);
      found(await getTierRequirements(ctx.db, pathId(c)), tierNotFound);
      return json(await ctx.db.transaction((tx) => putTierRequirements(tx, pathId(c), requirements, ctx.now())));
    },
  });
  route(app, '/v1/partners/:id/enablement', {
    get: async (c) => json(await readPartnerEnablement(ctx.db, await partnerInScope(ctx, c), ctx.now())),
  });
}
