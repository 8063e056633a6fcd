/**
 * What the mock backend holds: the programme, partners, their numbers, deals, the library, the
 * event log, sessions and idempotency keys, all in memory. Parts read and change it only through
 * their handlers; one request is handled at a time from reading its body to its answer, so no
 * two writes ever interleave.
 * @module
 */
import { DEFAULT_REQUEST_TARGETS, type PartnerCertifications, type StoredAnnouncement as AnnouncementRecord, type StoredPlan as PlanRecord, type StoredRequest as RequestRecord } from '@partnerkit/core/rules';
import type {
  AnnouncementRead,
  Acceptance,
  Agreement,
  AgreementVersion,
  Application,
  AssessmentInput,
  Certificate,
  Certification,
  Course,
  ApplicationFormInput,
  Deal,
  Enrolment,
  EventEnvelope,
  Evaluation,
  KnownEventType,
  Kpi,
  Measurement,
  Partner,
  Person,
  PersonRef,
  PlanRevision,
  PublishableKey,
  RequestTargets,
  Resource,
  SelectionCriterion,
  SelectionThresholds,
  Target,
  Tier,
  TierCertificationRequirements,
} from '@partnerkit/core/schemas';
import { Cursors } from './http/pagination.js';

/** A deal with its position in creation order (lists are newest first). */
export type StoredDeal = Deal & { seq: number };
/** A library item as stored: with its URL, which gating may hide, and its creation order. */
export type StoredResource = Omit<Resource, 'locked'> & { url: string; seq: number };
/** An agreement as stored: its versions are kept apart (`currentVersion` and `nextVersion` depend on the clock). */
export type StoredAgreement = Omit<Agreement, 'currentVersion' | 'nextVersion'> & { seq: number };
/** A version with its publication order. */
export type StoredVersion = AgreementVersion & { seq: number };
/** An acceptance with its position in the log of acceptances. */
export type StoredAcceptance = Acceptance & { seq: number };
/** An application with its position in creation order (lists are newest first). */
export type StoredApplication = Application & { seq: number };
/** An evaluation as stored: its score and knock-outs are computed when read, from the criteria as they are. */
export type StoredEvaluation = Omit<Evaluation, 'weightedScore' | 'knockOuts'>;
/** A joint business plan, with the revisions both sides agreed to and its creation order. */
export type StoredPlan = PlanRecord & { revisions: PlanRevision[]; seq: number };
/** A course as stored: its assessment with the key, and its creation order. */
export type StoredCourse = Omit<Course, 'assessment'> & { assessment: AssessmentInput | null; seq: number };
/** An enrolment as stored: the attempts used before its last reopening, and its creation order. */
export type StoredEnrolment = Omit<Enrolment, 'attemptsLeft'> & { attemptsBase: number; seq: number };
/** A certificate as stored (its status is computed when read), with the expiry last announced. */
export type StoredCertificate = Omit<Certificate, 'status'> & { seq: number; expiryAnnounced?: string | null };
/** An announcement, whether its `announcement.published` was sent, and its creation order. */
export type StoredAnnouncement = AnnouncementRecord & { published: boolean; seq: number };
/** A request with its thread and due times, and its creation order. */
export type StoredRequest = RequestRecord & { seq: number };
/** One partner user's read of an announcement. */
export type StoredRead = Omit<AnnouncementRead, 'partnerName'> & { announcementId: string };
/** An event with its position in the log. */
export type StoredEvent = EventEnvelope & { seq: number };

/** A minted session: who it speaks for, until when. */
export interface Session {
  role: 'manager' | 'partner';
  partnerId: string | null;
  user: PersonRef & { id: string };
  locale: string | null;
  expiresAt: string;
}

/** A stored answer to a write sent with an `Idempotency-Key`. */
export interface StoredAnswer {
  request: string;
  status: number;
  body: unknown;
}

/** The whole state of one mock backend. */
export class MockState {
  readonly tiers = new Map<string, Tier>();
  readonly kpis = new Map<string, Kpi>();
  readonly partners = new Map<string, Partner>();
  /** By `partnerId \n kpiId \n period`. */
  readonly targets = new Map<string, Target>();
  /** By `partnerId \n kpiId \n period`. */
  readonly measurements = new Map<string, Measurement>();
  readonly deals = new Map<string, StoredDeal>();
  readonly resources = new Map<string, StoredResource>();
  readonly agreements = new Map<string, StoredAgreement>();
  readonly agreementVersions = new Map<string, StoredVersion>();
  readonly acceptances = new Map<string, StoredAcceptance>();
  /** By `partnerId \n period`. */
  readonly plans = new Map<string, StoredPlan>();
  readonly certifications = new Map<string, Certification & { seq: number }>();
  readonly courses = new Map<string, StoredCourse>();
  readonly people = new Map<string, Person & { seq: number }>();
  readonly enrolments = new Map<string, StoredEnrolment>();
  readonly certificates = new Map<string, StoredCertificate>();
  /** By tier id; a tier left out requires no certification. */
  readonly certificationRequirements = new Map<string, TierCertificationRequirements>();
  readonly announcements = new Map<string, StoredAnnouncement>();
  /** By `announcementId \n partnerId \n userId`. */
  readonly announcementReads = new Map<string, StoredRead>();
  readonly requests = new Map<string, StoredRequest>();
  /** The programme's business hours and response targets. */
  requestTargets: RequestTargets = DEFAULT_REQUEST_TARGETS;
  /** The last request number given (`RQ-000123`). */
  requestNumbers = 0;
  readonly events: StoredEvent[] = [];
  readonly criteria = new Map<string, SelectionCriterion>();
  /** Null until an admin sets them: core's defaults apply. */
  thresholds: SelectionThresholds | null = null;
  /** Null until an admin sets it: every partner type, no questions. */
  applicationForm: (ApplicationFormInput & { updatedAt: string }) | null = null;
  readonly applications = new Map<string, StoredApplication>();
  /** By `applicationId \n reviewerId`. */
  readonly evaluations = new Map<string, StoredEvaluation>();
  readonly publishableKeys = new Map<string, PublishableKey>();
  /** Form tokens issued, with when (ms): a submission brings one back. */
  readonly formTokens = new Map<string, number>();
  applicationNumbers = 0;
  readonly sessions = new Map<string, Session>();
  /** By `caller subject \n key`. */
  readonly idempotency = new Map<string, StoredAnswer>();
  readonly cursors = new Cursors();
  /** The last deal number given (`DR-000123`), and the last creation sequence of deals and resources. */
  dealNumbers = 0;
  sequence = 0;

  /** The next creation sequence number. */
  nextSeq(): number {
    this.sequence += 1;
    return this.sequence;
  }

  /** Appends events to the log, all at `now`. */
  appendEvents(events: readonly { type: KnownEventType; partnerId: string | null; data: Record<string, unknown> }[], now: Date): void {
    for (const event of events) {
      const seq = this.events.length + 1;
      this.events.push({ id: `ev_${seq}`, seq, type: event.type, occurredAt: now.toISOString(), partnerId: event.partnerId, data: event.data });
    }
  }

  /** A tier's certification requirements (none when it has none). */
  requirementsOf(tierId: string): TierCertificationRequirements {
    return this.certificationRequirements.get(tierId) ?? { tierId, requirements: [], updatedAt: null };
  }

  /** One partner's certifications as core's scorecard and tier rules read them. */
  certificationsOf(partnerId: string): PartnerCertifications {
    return {
      requirements: [...this.certificationRequirements.values()],
      certifications: [...this.certifications.values()],
      certificates: [...this.certificates.values()].filter((c) => c.partnerId === partnerId),
    };
  }

  /** The measurements of one partner. */
  measurementsOf(partnerId: string): Measurement[] {
    return [...this.measurements.values()].filter((m) => m.partnerId === partnerId);
  }

  /** The targets of one partner. */
  targetsOf(partnerId: string): Target[] {
    return [...this.targets.values()].filter((t) => t.partnerId === partnerId);
  }
}

/** The key of a target or measurement. */
export const numberKey = (partnerId: string, kpiId: string, period: string): string => `${partnerId}\n${kpiId}\n${period}`;
