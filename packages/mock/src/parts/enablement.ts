/**
 * Enablement: certifications, the course catalogue (the assessment's key kept here, never
 * answered), partners' people, enrolments with attempts scored by core's `scoreAttempt` and moved
 * by core's `ENROLMENT_TRANSITIONS`, certificates, tier certification requirements and a partner's
 * enablement by core's `partnerEnablement`. The same rules, refusals and scope as the reference
 * server's `routes/enablement.ts`.
 * @module
 */
import {
  assessmentKey,
  assessmentProblems,
  attemptsLeft,
  certificateExpiry,
  certificateStatus,
  checkEnrolmentTransition,
  isCourseComplete,
  isInAudience,
  partnerEnablement,
  publicAssessment,
  renewedExpiry,
  scoreAttempt,
} from '@partnerkit/core/rules';
import {
  AttemptInput,
  type Certificate,
  CertificateInput,
  CertificateListQuery,
  CertificateRenewalInput,
  type Certification,
  CertificationInput,
  CertificationListQuery,
  CertificationPatch,
  type Course,
  CourseInput,
  CourseListQuery,
  CoursePatch,
  type Enrolment,
  EnrolmentInput,
  EnrolmentListQuery,
  EnrolmentProgressInput,
  type EnrolmentStatus,
  EnrolmentTransitionInput,
  type FieldError,
  moveRefused,
  type KnownEventType,
  PageQuery,
  type Partner,
  type Person,
  PersonInput,
  PersonListQuery,
  PersonPatch,
  TierCertificationRequirementsInput,
} from '@partnerkit/core/schemas';
import { callerOf, type MockPart, partnerScope, type RequestContext, requireRole } from '../context.js';
import { idempotencyKey, idempotentWrite } from '../http/idempotency.js';
import { json, problems } from '../http/problem.js';
import { newId } from '../http/random.js';
import { parseWith, pathId, queryObject, readJsonBody } from '../http/request.js';
import type { MockState, StoredCertificate, StoredCourse, StoredEnrolment } from '../state.js';
import { applyDueTierChanges, contains, partnerInScope } from './partners.js';

type Event = { type: KnownEventType; partnerId: string | null; data: Record<string, unknown> };

const notFound = (what: string) => problems.notFound(`There is no ${what} with this id.`);

function presentCourse(course: StoredCourse): Course {
  const { seq: _seq, ...rest } = course;
  return { ...rest, assessment: course.assessment === null ? null : publicAssessment(course.assessment) };
}

function presentEnrolment(state: MockState, e: StoredEnrolment): Enrolment {
  const { seq: _seq, attemptsBase, ...rest } = e;
  const assessment = state.courses.get(e.courseId)?.assessment ?? null;
  return { ...rest, attemptsLeft: assessment ? attemptsLeft(assessment.attemptsAllowed, e.attempts - attemptsBase) : null };
}

function presentCertificate(c: StoredCertificate, now: Date): Certificate {
  const { seq: _seq, ...rest } = c;
  return { ...rest, status: certificateStatus(c, now) };
}

const certificateData = (c: StoredCertificate) => ({ certificateId: c.id, certificationId: c.certificationId, personId: c.personId, source: c.source, issuedAt: c.issuedAt, expiresAt: c.expiresAt, renewals: c.renewals });

/** The partner of a partner session (the course audience), or null for vendors. */
function viewerOf(ctx: RequestContext): Partner | null {
  const scope = partnerScope(callerOf(ctx));
  if (scope === null) return null;
  const partner = ctx.state.partners.get(scope);
  if (!partner) throw problems.notFound('The session\'s partner no longer exists.');
  return partner;
}

const visibleTo = (course: StoredCourse, partner: Partner | null) => partner === null || (course.status === 'published' && isInAudience(course, partner));

function enrolmentAt(ctx: RequestContext): StoredEnrolment {
  const enrolment = ctx.state.enrolments.get(pathId(ctx.params.id!));
  const scope = partnerScope(callerOf(ctx));
  if (!enrolment || (scope !== null && enrolment.partnerId !== scope)) throw notFound('enrolment');
  return enrolment;
}

function personAt(ctx: RequestContext, id: string): Person | undefined {
  const person = ctx.state.people.get(id);
  const scope = partnerScope(callerOf(ctx));
  return person && (scope === null || person.partnerId === scope) ? person : undefined;
}

/**
 * Appends `events`; a certificate issued or renewed among them is evaluated for its partner's
 * tier at once (an upgrade it completes applies now, with its `tier.changed`), as on the server.
 */
function appendAndEvaluate(state: MockState, events: Event[], now: Date): void {
  state.appendEvents(events, now);
  const partners = events.filter((e) => e.type === 'certification.issued' || e.type === 'certification.renewed').map((e) => e.partnerId);
  if (partners.length > 0) applyDueTierChanges(state, partners.filter((id): id is string => typeof id === 'string'), now);
}

/** Issues the certification to the person, or renews the one they hold; answers its id. */
function issue(state: MockState, e: StoredEnrolment, certificationId: string, courseId: string, now: Date, events: Event[]): string {
  const certification = state.certifications.get(certificationId);
  const held = [...state.certificates.values()]
    .filter((c) => c.personId === e.personId && c.certificationId === certificationId)
    .sort((a, b) => (a.expiresAt === null ? -1 : b.expiresAt === null ? 1 : Date.parse(b.expiresAt) - Date.parse(a.expiresAt)))[0];
  if (held) {
    held.expiresAt = renewedExpiry(held.expiresAt === null ? null : new Date(held.expiresAt), now, certification?.validityMonths ?? null)?.toISOString() ?? null;
    held.renewedAt = now.toISOString();
    held.renewals += 1;
    held.updatedAt = now.toISOString();
    events.push({ type: 'certification.renewed', partnerId: e.partnerId, data: certificateData(held) });
    return held.id;
  }
  const certificate: StoredCertificate = {
    id: newId('ce', now), certificationId, personId: e.personId, partnerId: e.partnerId, source: 'assessment', externalId: null, courseId,
    issuedAt: now.toISOString(), expiresAt: certificateExpiry(now, certification?.validityMonths ?? null)?.toISOString() ?? null, renewedAt: null, renewals: 0,
    updatedAt: now.toISOString(), seq: state.nextSeq(),
  };
  state.certificates.set(certificate.id, certificate);
  events.push({ type: 'certification.issued', partnerId: e.partnerId, data: certificateData(certificate) });
  return certificate.id;
}

function complete(state: MockState, e: StoredEnrolment, course: StoredCourse, now: Date, events: Event[]): void {
  e.certificateId = course.certificationId === null ? null : issue(state, e, course.certificationId, course.id, now, events);
  e.status = 'completed';
  e.completedAt = now.toISOString();
  events.push({ type: 'enrolment.completed', partnerId: e.partnerId, data: { enrolmentId: e.id, courseId: e.courseId, personId: e.personId, certificateId: e.certificateId } });
}

function courseFields(input: CourseInput | CoursePatch, base: StoredCourse | null) {
  const pick = <K extends keyof CourseInput>(key: K, fallback: unknown) => (input[key] !== undefined ? input[key] : base ? base[key as keyof StoredCourse] : fallback);
  return {
    title: pick('title', '') as string,
    description: pick('description', null) as string | null,
    format: pick('format', 'self_paced') as Course['format'],
    durationMinutes: pick('durationMinutes', 1) as number,
    language: pick('language', 'en') as string,
    partnerTypes: pick('partnerTypes', []) as Course['partnerTypes'],
    tierIds: pick('tierIds', []) as string[],
    certificationId: pick('certificationId', null) as string | null,
    url: pick('url', null) as string | null,
    status: pick('status', 'draft') as Course['status'],
    translations: pick('translations', {}) as Course['translations'],
    modules:
      input.modules === undefined
        ? (base?.modules ?? [])
        : input.modules.map((m, i) => ({ id: m.id ?? `m${i + 1}`, title: m.title, ...(m.translations ? { translations: m.translations } : {}), resourceId: m.resourceId, durationMinutes: m.durationMinutes ?? null })),
    assessment: input.assessment === undefined ? (base?.assessment ?? null) : input.assessment,
  };
}

function checkCourse(state: MockState, f: ReturnType<typeof courseFields>): void {
  const errors: FieldError[] = [];
  if (f.certificationId !== null && !state.certifications.has(f.certificationId)) errors.push({ path: 'certificationId', message: 'no certification has this id' });
  f.tierIds.forEach((id, i) => state.tiers.has(id) || errors.push({ path: `tierIds.${i}`, message: 'no tier has this id' }));
  const ids = new Set<string>();
  f.modules.forEach((m, i) => {
    if (!state.resources.has(m.resourceId)) errors.push({ path: `modules.${i}.resourceId`, message: 'no resource has this id' });
    if (ids.has(m.id)) errors.push({ path: `modules.${i}.id`, message: 'must name each module once' });
    ids.add(m.id);
  });
  if (f.format !== 'self_paced') {
    if (f.modules.length > 0) errors.push({ path: 'modules', message: 'only a self-paced course has modules' });
    if (f.assessment !== null) errors.push({ path: 'assessment', message: 'only a self-paced course has an assessment' });
  }
  if (f.format === 'external' && f.url === null) errors.push({ path: 'url', message: 'an external course needs the URL where it is taken' });
  if (f.assessment !== null) for (const [path, message] of assessmentProblems(f.assessment)) errors.push({ path: `assessment.${path}`, message });
  if (errors.length > 0) throw problems.validation(errors);
}

const isOpen = (status: EnrolmentStatus) => status === 'enrolled' || status === 'in_progress';

export const enablementPart: MockPart = {
  name: 'enablement',
  beforeRequest(state, now) {
    // Announce certificates whose expiry has passed, once per expiry.
    for (const c of state.certificates.values()) {
      if (c.expiresAt !== null && Date.parse(c.expiresAt) <= now.getTime() && c.expiryAnnounced !== c.expiresAt) {
        c.expiryAnnounced = c.expiresAt;
        state.appendEvents([{ type: 'certification.expired', partnerId: c.partnerId, data: certificateData(c) }], now);
      }
    }
  },
  routes: [
    {
      path: '/v1/certifications',
      handlers: {
        get: (ctx) => {
          const query = parseWith(CertificationListQuery, queryObject(ctx.url, Object.keys(CertificationListQuery.shape)));
          const matching = [...ctx.state.certifications.values()].filter((c) => query.q === undefined || contains(c.name, query.q));
          const page = ctx.state.cursors.page(matching, (c) => [c.name, c.seq], query, 'certifications', { q: query.q });
          return json({ data: page.data.map(({ seq: _s, ...c }) => c), nextCursor: page.nextCursor });
        },
        post: async (ctx) => {
          requireRole(ctx, 'admin');
          const body = await readJsonBody(ctx.request);
          const input = parseWith(CertificationInput, body);
          idempotencyKey(ctx);
          return idempotentWrite(ctx, body, () => {
            const at = ctx.now.toISOString();
            const certification: Certification & { seq: number } = { id: newId('cn', ctx.now), name: input.name, description: input.description ?? null, validityMonths: input.validityMonths, translations: input.translations ?? {}, createdAt: at, updatedAt: at, seq: ctx.state.nextSeq() };
            ctx.state.certifications.set(certification.id, certification);
            const { seq: _s, ...answer } = certification;
            return { status: 201, body: answer };
          });
        },
      },
    },
    {
      path: '/v1/certifications/:id',
      handlers: {
        get: (ctx) => {
          const found = ctx.state.certifications.get(pathId(ctx.params.id!));
          if (!found) throw notFound('certification');
          const { seq: _s, ...answer } = found;
          return json(answer);
        },
        patch: async (ctx) => {
          requireRole(ctx, 'admin');
          const patch = parseWith(CertificationPatch, await readJsonBody(ctx.request));
          const found = ctx.state.certifications.get(pathId(ctx.params.id!));
          if (!found) throw notFound('certification');
          for (const [k, v] of Object.entries(patch)) if (v !== undefined) (found as Record<string, unknown>)[k] = v;
          found.updatedAt = ctx.now.toISOString();
          const { seq: _s, ...answer } = found;
          return json(answer);
        },
      },
    },
    {
      path: '/v1/courses',
      handlers: {
        get: (ctx) => {
          const query = parseWith(CourseListQuery, queryObject(ctx.url, Object.keys(CourseListQuery.shape)));
          const { limit, cursor, ...filters } = query;
          const viewer = viewerOf(ctx);
          const matching = [...ctx.state.courses.values()].filter(
            (c) =>
              visibleTo(c, viewer) &&
              (filters.status === undefined || c.status === filters.status) &&
              (filters.format === undefined || c.format === filters.format) &&
              (filters.language === undefined || c.language === filters.language) &&
              (filters.certificationId === undefined || c.certificationId === filters.certificationId) &&
              (filters.q === undefined || [c.title, c.description, ...Object.values(c.translations ?? {}).flatMap((t) => [t.title, t.description])].some((t) => t != null && contains(t, filters.q!))),
          );
          const page = ctx.state.cursors.page(matching, (c) => [-c.seq], { limit, cursor }, 'courses', filters);
          return json({ data: page.data.map(presentCourse), nextCursor: page.nextCursor });
        },
        post: async (ctx) => {
          requireRole(ctx, 'admin');
          const body = await readJsonBody(ctx.request);
          const fields = courseFields(parseWith(CourseInput, body), null);
          idempotencyKey(ctx);
          checkCourse(ctx.state, fields);
          return idempotentWrite(ctx, body, () => {
            const at = ctx.now.toISOString();
            const course: StoredCourse = { id: newId('co', ctx.now), ...fields, createdAt: at, updatedAt: at, seq: ctx.state.nextSeq() };
            ctx.state.courses.set(course.id, course);
            ctx.state.appendEvents([{ type: 'course.created', partnerId: null, data: { courseId: course.id, status: course.status } }], ctx.now);
            return { status: 201, body: presentCourse(course) };
          });
        },
      },
    },
    {
      path: '/v1/courses/:id',
      handlers: {
        get: (ctx) => {
          const course = ctx.state.courses.get(pathId(ctx.params.id!));
          if (!course || !visibleTo(course, viewerOf(ctx))) throw notFound('course');
          return json(presentCourse(course));
        },
        patch: async (ctx) => {
          requireRole(ctx, 'admin');
          const patch = parseWith(CoursePatch, await readJsonBody(ctx.request));
          const course = ctx.state.courses.get(pathId(ctx.params.id!));
          if (!course) throw notFound('course');
          const fields = courseFields(patch, course);
          checkCourse(ctx.state, fields);
          const from = course.status;
          Object.assign(course, fields, { updatedAt: ctx.now.toISOString() });
          const events: Event[] = [{ type: 'course.updated', partnerId: null, data: { courseId: course.id, status: course.status } }];
          if (course.status !== from && course.status !== 'draft') events.push({ type: course.status === 'published' ? 'course.published' : 'course.retired', partnerId: null, data: { courseId: course.id, from } });
          appendAndEvaluate(ctx.state, events, ctx.now);
          return json(presentCourse(course));
        },
      },
    },
    {
      path: '/v1/courses/:id/assessment-key',
      handlers: {
        get: (ctx) => {
          requireRole(ctx, 'admin');
          const course = ctx.state.courses.get(pathId(ctx.params.id!));
          if (!course || course.assessment === null) throw problems.notFound('There is no course with this id, or it has no assessment.');
          return json(assessmentKey(course.id, course.assessment));
        },
      },
    },
    {
      path: '/v1/partners/:id/people',
      handlers: {
        get: (ctx) => {
          const partner = partnerInScope(ctx);
          const query = parseWith(PersonListQuery, queryObject(ctx.url, Object.keys(PersonListQuery.shape)));
          const matching = [...ctx.state.people.values()].filter((p) => p.partnerId === partner.id && (query.q === undefined || contains(p.name, query.q) || (p.email !== null && contains(p.email, query.q))));
          const page = ctx.state.cursors.page(matching, (p) => [p.name, p.seq], query, 'people', { partnerId: partner.id, q: query.q });
          return json({ data: page.data.map(({ seq: _s, ...p }) => p), nextCursor: page.nextCursor });
        },
        post: async (ctx) => {
          requireRole(ctx, 'admin', 'partner');
          const body = await readJsonBody(ctx.request);
          const input = parseWith(PersonInput, body);
          idempotencyKey(ctx);
          const partner = partnerInScope(ctx);
          return idempotentWrite(ctx, body, () => {
            const at = ctx.now.toISOString();
            const person = { id: newId('pp', ctx.now), partnerId: partner.id, name: input.name, email: input.email ?? null, externalId: input.externalId ?? null, createdAt: at, updatedAt: at, seq: ctx.state.nextSeq() };
            ctx.state.people.set(person.id, person);
            ctx.state.appendEvents([{ type: 'person.created', partnerId: partner.id, data: { personId: person.id } }], ctx.now);
            const { seq: _s, ...answer } = person;
            return { status: 201, body: answer };
          });
        },
      },
    },
    {
      path: '/v1/people/:id',
      handlers: {
        get: (ctx) => {
          const person = personAt(ctx, pathId(ctx.params.id!));
          if (!person) throw notFound('person');
          const { seq: _s, ...answer } = person as Person & { seq: number };
          return json(answer);
        },
        patch: async (ctx) => {
          requireRole(ctx, 'admin', 'partner');
          const patch = parseWith(PersonPatch, await readJsonBody(ctx.request));
          const person = personAt(ctx, pathId(ctx.params.id!)) as (Person & { seq: number }) | undefined;
          if (!person) throw notFound('person');
          for (const [k, v] of Object.entries(patch)) if (v !== undefined) (person as Record<string, unknown>)[k] = v;
          person.updatedAt = ctx.now.toISOString();
          ctx.state.appendEvents([{ type: 'person.updated', partnerId: person.partnerId, data: { personId: person.id } }], ctx.now);
          const { seq: _s, ...answer } = person;
          return json(answer);
        },
      },
    },
    {
      path: '/v1/enrolments',
      handlers: {
        get: (ctx) => {
          const query = parseWith(EnrolmentListQuery, queryObject(ctx.url, Object.keys(EnrolmentListQuery.shape)));
          const { limit, cursor, ...filters } = query;
          const scope = partnerScope(callerOf(ctx));
          const matching = [...ctx.state.enrolments.values()].filter(
            (e) =>
              (scope === null || e.partnerId === scope) &&
              (filters.partnerId === undefined || e.partnerId === filters.partnerId) &&
              (filters.personId === undefined || e.personId === filters.personId) &&
              (filters.courseId === undefined || e.courseId === filters.courseId) &&
              (filters.status === undefined || e.status === filters.status),
          );
          const page = ctx.state.cursors.page(matching, (e) => [-e.seq], { limit, cursor }, 'enrolments', filters);
          return json({ data: page.data.map((e) => presentEnrolment(ctx.state, e)), nextCursor: page.nextCursor });
        },
        post: async (ctx) => {
          requireRole(ctx, 'admin', 'partner');
          const body = await readJsonBody(ctx.request);
          const input = parseWith(EnrolmentInput, body);
          idempotencyKey(ctx);
          const person = personAt(ctx, input.personId);
          if (!person) throw problems.unknownId('personId', 'person');
          const course = ctx.state.courses.get(input.courseId);
          const partner = ctx.state.partners.get(person.partnerId);
          if (!course || !partner || !visibleTo(course, partner)) throw problems.unknownId('courseId', 'course');
          return idempotentWrite(ctx, body, () => {
            const latest = [...ctx.state.enrolments.values()].filter((e) => e.personId === person.id && e.courseId === course.id).sort((a, b) => b.seq - a.seq)[0];
            if (latest && isOpen(latest.status)) return { status: 200, body: presentEnrolment(ctx.state, latest) };
            if (latest?.status === 'failed') throw problems.invalidEnrolmentTransition('The person failed this course\'s assessment; an admin reopens that enrolment for a new round of attempts.');
            const at = ctx.now.toISOString();
            if (latest?.status === 'withdrawn') {
              Object.assign(latest, { status: 'enrolled', updatedAt: at });
              ctx.state.appendEvents([{ type: 'enrolment.reopened', partnerId: latest.partnerId, data: { enrolmentId: latest.id, from: 'withdrawn' } }], ctx.now);
              return { status: 200, body: presentEnrolment(ctx.state, latest) };
            }
            const enrolment: StoredEnrolment = {
              id: newId('en', ctx.now), courseId: course.id, personId: person.id, partnerId: person.partnerId, status: 'enrolled', completedModuleIds: [], attempts: 0, attemptsBase: 0,
              passedAt: null, bestScore: null, certificateId: null, enrolledAt: at, completedAt: null, updatedAt: at, seq: ctx.state.nextSeq(),
            };
            ctx.state.enrolments.set(enrolment.id, enrolment);
            ctx.state.appendEvents([{ type: 'enrolment.created', partnerId: person.partnerId, data: { enrolmentId: enrolment.id, courseId: course.id, personId: person.id, status: 'enrolled' } }], ctx.now);
            return { status: 201, body: presentEnrolment(ctx.state, enrolment) };
          });
        },
      },
    },
    {
      path: '/v1/enrolments/:id',
      handlers: { get: (ctx) => json(presentEnrolment(ctx.state, enrolmentAt(ctx))) },
    },
    {
      path: '/v1/enrolments/:id/progress',
      handlers: {
        post: async (ctx) => {
          requireRole(ctx, 'admin', 'partner');
          const body = await readJsonBody(ctx.request);
          const { moduleId } = parseWith(EnrolmentProgressInput, body);
          idempotencyKey(ctx);
          const e = enrolmentAt(ctx);
          const course = ctx.state.courses.get(e.courseId)!;
          if (!course.modules.some((m) => m.id === moduleId)) throw problems.validation([{ path: 'moduleId', message: 'the course has no module with this id' }]);
          return idempotentWrite(ctx, body, () => {
            if (!isOpen(e.status)) throw problems.invalidEnrolmentTransition('The enrolment is not open: only an enrolled or in-progress enrolment makes progress or takes attempts.');
            if (e.completedModuleIds.includes(moduleId)) return { status: 200, body: presentEnrolment(ctx.state, e) };
            const events: Event[] = [];
            Object.assign(e, { status: 'in_progress', completedModuleIds: [...e.completedModuleIds, moduleId], updatedAt: ctx.now.toISOString() });
            events.push({ type: 'enrolment.progressed', partnerId: e.partnerId, data: { enrolmentId: e.id, moduleId } });
            if (isCourseComplete(course, e.completedModuleIds, e.passedAt !== null)) complete(ctx.state, e, course, ctx.now, events);
            appendAndEvaluate(ctx.state, events, ctx.now);
            return { status: 200, body: presentEnrolment(ctx.state, e) };
          });
        },
      },
    },
    {
      path: '/v1/enrolments/:id/attempts',
      handlers: {
        post: async (ctx) => {
          requireRole(ctx, 'admin', 'partner');
          const body = await readJsonBody(ctx.request);
          const { answers } = parseWith(AttemptInput, body);
          idempotencyKey(ctx);
          const e = enrolmentAt(ctx);
          const course = ctx.state.courses.get(e.courseId)!;
          const assessment = course.assessment;
          if (assessment !== null) {
            const errors: FieldError[] = [];
            answers.forEach((a, i) => {
              const question = assessment.questions.find((q) => q.id === a.questionId);
              if (!question) errors.push({ path: `answers.${i}.questionId`, message: 'the assessment has no question with this id' });
              else a.choiceIds.forEach((id, j) => question.choices.some((c) => c.id === id) || errors.push({ path: `answers.${i}.choiceIds.${j}`, message: 'the question has no choice with this id' }));
            });
            if (errors.length > 0) throw problems.validation(errors);
          }
          return idempotentWrite(ctx, body, () => {
            if (assessment === null) throw problems.invalidEnrolmentTransition('This course has no assessment.');
            if (e.passedAt !== null) throw problems.assessmentPassed();
            const used = e.attempts - e.attemptsBase;
            if (attemptsLeft(assessment.attemptsAllowed, used) === 0) throw problems.attemptsExhausted(assessment.attemptsAllowed ?? 0);
            if (!isOpen(e.status)) throw problems.invalidEnrolmentTransition('The enrolment is not open: only an enrolled or in-progress enrolment makes progress or takes attempts.');
            const result = scoreAttempt(assessmentKey(course.id, assessment), answers, assessment.passMark);
            const attemptId = newId('at', ctx.now);
            const events: Event[] = [];
            Object.assign(e, { status: 'in_progress', attempts: e.attempts + 1, bestScore: Math.max(e.bestScore ?? 0, result.score), passedAt: result.passed ? ctx.now.toISOString() : null, updatedAt: ctx.now.toISOString() });
            events.push({ type: 'enrolment.attempted', partnerId: e.partnerId, data: { enrolmentId: e.id, attemptId, number: e.attempts, score: result.score, passed: result.passed } });
            if (result.passed && isCourseComplete(course, e.completedModuleIds, true)) complete(ctx.state, e, course, ctx.now, events);
            const left = attemptsLeft(assessment.attemptsAllowed, used + 1);
            if (!result.passed && left === 0) {
              e.status = 'failed';
              events.push({ type: 'enrolment.failed', partnerId: e.partnerId, data: { enrolmentId: e.id } });
            }
            appendAndEvaluate(ctx.state, events, ctx.now);
            return {
              status: 200,
              body: { id: attemptId, enrolmentId: e.id, number: e.attempts, ...result, passMark: assessment.passMark, attemptsLeft: left, certificateId: result.passed ? e.certificateId : null, submittedAt: ctx.now.toISOString(), enrolment: presentEnrolment(ctx.state, e) },
            };
          });
        },
      },
    },
    {
      path: '/v1/enrolments/:id/transitions',
      handlers: {
        post: async (ctx) => {
          const caller = requireRole(ctx, 'admin', 'partner');
          const body = await readJsonBody(ctx.request);
          const input = parseWith(EnrolmentTransitionInput, body);
          idempotencyKey(ctx);
          const e = enrolmentAt(ctx);
          const course = ctx.state.courses.get(e.courseId)!;
          if (input.to === 'completed' && course.assessment !== null && e.passedAt === null) throw problems.invalidEnrolmentTransition('A self-paced course with an assessment completes when the person passes it.');
          return idempotentWrite(ctx, body, () => {
            const check = checkEnrolmentTransition(e.status, input.to, caller.role === 'admin' ? 'admin' : 'partner', input.reason);
            if (!check.ok) throw moveRefused(check, 'enrolment');
            const events: Event[] = [];
            const from = e.status;
            if (input.to === 'enrolled' && [...ctx.state.enrolments.values()].some((o) => o.id !== e.id && o.personId === e.personId && o.courseId === e.courseId && isOpen(o.status))) {
              throw problems.invalidEnrolmentTransition('The person has another open enrolment in this course.');
            }
            if (input.to === 'completed') complete(ctx.state, e, course, ctx.now, events);
            else {
              if (from === 'failed') e.attemptsBase = e.attempts;
              e.status = input.to;
              events.push({ type: input.to === 'withdrawn' ? 'enrolment.withdrawn' : 'enrolment.reopened', partnerId: e.partnerId, data: { enrolmentId: e.id, from, reason: input.reason ?? null } });
            }
            e.updatedAt = ctx.now.toISOString();
            appendAndEvaluate(ctx.state, events, ctx.now);
            return { status: 200, body: presentEnrolment(ctx.state, e) };
          });
        },
      },
    },
    {
      path: '/v1/certificates',
      handlers: {
        get: (ctx) => {
          const query = parseWith(CertificateListQuery, queryObject(ctx.url, Object.keys(CertificateListQuery.shape)));
          const { limit, cursor, ...filters } = query;
          const scope = partnerScope(callerOf(ctx));
          const matching = [...ctx.state.certificates.values()].filter(
            (c) =>
              (scope === null || c.partnerId === scope) &&
              (filters.partnerId === undefined || c.partnerId === filters.partnerId) &&
              (filters.personId === undefined || c.personId === filters.personId) &&
              (filters.certificationId === undefined || c.certificationId === filters.certificationId) &&
              (filters.status === undefined || certificateStatus(c, ctx.now) === filters.status),
          );
          const page = ctx.state.cursors.page(matching, (c) => [-c.seq], { limit, cursor }, 'certificates', filters);
          return json({ data: page.data.map((c) => presentCertificate(c, ctx.now)), nextCursor: page.nextCursor });
        },
        post: async (ctx) => {
          requireRole(ctx, 'admin');
          const body = await readJsonBody(ctx.request);
          const input = parseWith(CertificateInput, body);
          const source = input.source ?? 'admin';
          if (source === 'lms' && input.externalId === undefined) throw problems.validation([{ path: 'externalId', message: 'is required when source is lms' }]);
          idempotencyKey(ctx);
          const person = ctx.state.people.get(input.personId);
          if (!person) throw problems.unknownId('personId', 'person');
          const certification = ctx.state.certifications.get(input.certificationId);
          if (!certification) throw problems.unknownId('certificationId', 'certification');
          const issuedAt = input.issuedAt === undefined ? ctx.now : new Date(input.issuedAt);
          const expiresAt = input.expiresAt === undefined ? certificateExpiry(issuedAt, certification.validityMonths) : input.expiresAt === null ? null : new Date(input.expiresAt);
          if (expiresAt !== null && expiresAt.getTime() <= issuedAt.getTime()) throw problems.validation([{ path: 'expiresAt', message: 'must be after issuedAt' }]);
          return idempotentWrite(ctx, body, () => {
            const earlier = input.externalId === undefined ? undefined : [...ctx.state.certificates.values()].find((c) => c.externalId === input.externalId);
            if (earlier) return { status: 200, body: presentCertificate(earlier, ctx.now) };
            const certificate: StoredCertificate = {
              id: newId('ce', ctx.now), certificationId: certification.id, personId: person.id, partnerId: person.partnerId, source, externalId: input.externalId ?? null, courseId: null,
              issuedAt: issuedAt.toISOString(), expiresAt: expiresAt?.toISOString() ?? null, renewedAt: null, renewals: 0, updatedAt: ctx.now.toISOString(), seq: ctx.state.nextSeq(),
            };
            ctx.state.certificates.set(certificate.id, certificate);
            appendAndEvaluate(ctx.state, [{ type: 'certification.issued', partnerId: person.partnerId, data: certificateData(certificate) }], ctx.now);
            return { status: 201, body: presentCertificate(certificate, ctx.now) };
          });
        },
      },
    },
    {
      path: '/v1/certificates/:id',
      handlers: {
        get: (ctx) => {
          const c = ctx.state.certificates.get(pathId(ctx.params.id!));
          const scope = partnerScope(callerOf(ctx));
          if (!c || (scope !== null && c.partnerId !== scope)) throw notFound('certificate');
          return json(presentCertificate(c, ctx.now));
        },
      },
    },
    {
      path: '/v1/certificates/:id/renewal',
      handlers: {
        post: async (ctx) => {
          requireRole(ctx, 'admin');
          const body = await readJsonBody(ctx.request, { allowEmpty: true });
          const input = parseWith(CertificateRenewalInput, body ?? {});
          idempotencyKey(ctx);
          const c = ctx.state.certificates.get(pathId(ctx.params.id!));
          if (!c) throw notFound('certificate');
          return idempotentWrite(ctx, body ?? {}, () => {
            const validity = ctx.state.certifications.get(c.certificationId)?.validityMonths ?? null;
            const expiresAt = input.expiresAt === undefined ? renewedExpiry(c.expiresAt === null ? null : new Date(c.expiresAt), ctx.now, validity) : input.expiresAt === null ? null : new Date(input.expiresAt);
            if (expiresAt !== null && expiresAt.getTime() <= ctx.now.getTime()) throw problems.validation([{ path: 'expiresAt', message: 'must be in the future' }]);
            Object.assign(c, { expiresAt: expiresAt?.toISOString() ?? null, renewedAt: ctx.now.toISOString(), renewals: c.renewals + 1, updatedAt: ctx.now.toISOString() });
            appendAndEvaluate(ctx.state, [{ type: 'certification.renewed', partnerId: c.partnerId, data: certificateData(c) }], ctx.now);
            return { status: 200, body: presentCertificate(c, ctx.now) };
          });
        },
      },
    },
    {
      path: '/v1/certification-requirements',
      handlers: {
        get: (ctx) => {
          const query = parseWith(PageQuery, queryObject(ctx.url, Object.keys(PageQuery.shape)));
          const page = ctx.state.cursors.page(ctx.state.tiers.values(), (t) => [t.rank, t.id], query, 'certification-requirements');
          return json({ data: page.data.map((t) => ctx.state.requirementsOf(t.id)), nextCursor: page.nextCursor });
        },
      },
    },
    {
      path: '/v1/tiers/:id/certification-requirements',
      handlers: {
        get: (ctx) => {
          const id = pathId(ctx.params.id!);
          if (!ctx.state.tiers.has(id)) throw notFound('tier');
          return json(ctx.state.requirementsOf(id));
        },
        put: async (ctx) => {
          requireRole(ctx, 'admin');
          const { requirements } = parseWith(TierCertificationRequirementsInput, await readJsonBody(ctx.request));
          const errors: FieldError[] = [];
          const seen = new Set<string>();
          requirements.forEach((r, i) => {
            if (!ctx.state.certifications.has(r.certificationId)) errors.push({ path: `requirements.${i}.certificationId`, message: 'no certification has this id' });
            if (seen.has(r.certificationId)) errors.push({ path: `requirements.${i}.certificationId`, message: 'must name each certification once' });
            seen.add(r.certificationId);
          });
          if (errors.length > 0) throw problems.validation(errors);
          const id = pathId(ctx.params.id!);
          if (!ctx.state.tiers.has(id)) throw notFound('tier');
          const saved = { tierId: id, requirements, updatedAt: ctx.now.toISOString() };
          ctx.state.certificationRequirements.set(id, saved);
          return json(saved);
        },
      },
    },
    {
      path: '/v1/partners/:id/enablement',
      handlers: {
        get: (ctx) => {
          const partner = partnerInScope(ctx);
          const certificates = [...ctx.state.certificates.values()].filter((c) => c.partnerId === partner.id);
          const requirements = [...ctx.state.tiers.keys()].map((id) => ctx.state.requirementsOf(id));
          return json(partnerEnablement({ partner, tiers: [...ctx.state.tiers.values()], requirements, certificates, at: ctx.now }));
        },
      },
    },
  ],
};
