/**
 * The demo programme's enablement: three certifications, a catalogue of five courses in English
 * and Vietnamese (self-paced ones with modules from the library and an assessment, a live
 * session, an external course), the certifications each tier requires, and per partner its
 * people (its two users and more staff, in the partner's language) with enrolments and
 * certificates: enough for the partner's tier, some expiring within 60 days, and the first
 * active Silver partner one certification short of Gold. Pure and deterministic, like the rest
 * of the demo data; statuses of certificates are computed when read.
 * @module
 */
import { addMonths, publicAssessment } from '../rules/enablement.js';
import { DAY_MS } from '../rules/periods.js';
import type { AssessmentInput, Certification, Course, CourseModule, Enrolment, TierCertificationRequirements } from '../schemas/index.js';
import type { DemoData } from './generate.js';
import { PEOPLE_EN, PEOPLE_VI } from './vocabulary.js';

/** A course as stored: the contract's course and, for an assessment, its key. */
export interface DemoCourse {
  course: Course;
  /** The assessment as the admin wrote it (with the correct choices); null without one. */
  assessment: AssessmentInput | null;
}

/** A person of a demo partner. */
export interface DemoPerson {
  id: string;
  partnerId: string;
  name: string;
  email: string | null;
  externalId: string | null;
  createdAt: string;
  updatedAt: string;
}

/** A certificate as stored (its status is computed when read). */
export interface DemoCertificate {
  id: string;
  certificationId: string;
  personId: string;
  partnerId: string;
  source: 'assessment' | 'admin' | 'lms';
  externalId: string | null;
  courseId: string | null;
  issuedAt: string;
  expiresAt: string | null;
  renewedAt: string | null;
  renewals: number;
  updatedAt: string;
}

/** An enrolment as stored (`attemptsLeft` is computed when read). */
export type DemoEnrolment = Omit<Enrolment, 'attemptsLeft'>;

export interface DemoEnablement {
  certifications: Certification[];
  courses: DemoCourse[];
  requirements: TierCertificationRequirements[];
  people: DemoPerson[];
  enrolments: DemoEnrolment[];
  certificates: DemoCertificate[];
  /** The partner one certification short of its next tier. */
  oneShortPartnerId: string | null;
}

const iso = (at: Date) => at.toISOString();

export const DEMO_CERTIFICATIONS = {
  sales: 'cert_sales_fundamentals',
  technical: 'cert_technical_implementation',
  support: 'cert_support_specialist',
} as const;

/** "Silver needs 2 people certified in Sales Fundamentals", and so on up the ladder. */
const REQUIREMENTS: Record<string, { certificationId: string; count: number }[]> = {
  tier_registered: [],
  tier_silver: [{ certificationId: DEMO_CERTIFICATIONS.sales, count: 2 }],
  tier_gold: [
    { certificationId: DEMO_CERTIFICATIONS.sales, count: 3 },
    { certificationId: DEMO_CERTIFICATIONS.technical, count: 1 },
  ],
  tier_platinum: [
    { certificationId: DEMO_CERTIFICATIONS.sales, count: 4 },
    { certificationId: DEMO_CERTIFICATIONS.technical, count: 2 },
    { certificationId: DEMO_CERTIFICATIONS.support, count: 1 },
  ],
};

const question = (id: string, prompt: [string, string], choices: [string, string][], correct: number[]) => ({
  id,
  prompt: prompt[0],
  translations: { vi: { prompt: prompt[1] } },
  choices: choices.map(([en, vi], i) => ({ id: `${id}_${String.fromCharCode(97 + i)}`, label: en, translations: { vi: { label: vi } } })),
  correctChoiceIds: correct.map((i) => `${id}_${String.fromCharCode(97 + i)}`),
});

const SALES_ASSESSMENT: AssessmentInput = {
  passMark: 75,
  attemptsAllowed: 3,
  questions: [
    question('q1', ['Who may register a deal?', 'Ai được đăng ký cơ hội?'], [['Any partner in the programme', 'Mọi đối tác trong chương trình'], ['Only Gold partners', 'Chỉ đối tác Vàng'], ['Only the vendor', 'Chỉ nhà cung cấp']], [0]),
    question('q2', ['How long is an approved Silver deal protected?', 'Cơ hội được duyệt của đối tác Bạc được bảo hộ bao lâu?'], [['30 days', '30 ngày'], ['60 days', '60 ngày'], ['90 days', '90 ngày']], [1]),
    question('q3', ['Which of these belong in a first discovery call? (pick all)', 'Những nội dung nào thuộc buổi tìm hiểu nhu cầu đầu tiên? (chọn tất cả)'], [['The customer\'s business goals', 'Mục tiêu kinh doanh của khách hàng'], ['A signed order', 'Đơn hàng đã ký'], ['Who decides and who pays', 'Ai quyết định và ai chi trả']], [0, 2]),
    question('q4', ['What does the Core Platform replace at a customer?', 'Core Platform thay thế điều gì ở khách hàng?'], [['Spreadsheets and manual hand-offs', 'Bảng tính và bàn giao thủ công'], ['Their e-mail provider', 'Nhà cung cấp e-mail của họ']], [0]),
  ],
};

const TECHNICAL_ASSESSMENT: AssessmentInput = {
  passMark: 80,
  attemptsAllowed: 2,
  questions: [
    question('q1', ['Where does the Edge Gateway run?', 'Edge Gateway chạy ở đâu?'], [['At the customer\'s site', 'Tại cơ sở của khách hàng'], ['Only in the vendor\'s cloud', 'Chỉ trên đám mây của nhà cung cấp']], [0]),
    question('q2', ['Which connector imports CRM data?', 'Trình kết nối nào nhập dữ liệu CRM?'], [['Data Connector', 'Data Connector'], ['Mobile Suite', 'Mobile Suite'], ['Security Pack', 'Security Pack']], [0]),
    question('q3', ['What must a go-live checklist include? (pick all)', 'Danh sách kiểm tra trước khi vận hành cần có gì? (chọn tất cả)'], [['A rollback plan', 'Kế hoạch khôi phục'], ['Named owners on both sides', 'Người phụ trách ở cả hai bên'], ['A discount code', 'Mã giảm giá']], [0, 1]),
    question('q4', ['How are API keys stored?', 'Khóa API được lưu thế nào?'], [['Hashed', 'Dạng băm'], ['In plain text', 'Dạng văn bản thường']], [0]),
    question('q5', ['Which add-on reports on usage?', 'Tiện ích nào báo cáo mức sử dụng?'], [['Analytics Add-on', 'Analytics Add-on'], ['Support Plus', 'Support Plus']], [0]),
  ],
};

/** Generates the demo programme's enablement from its partners, users and library. */
export function generateDemoEnablement(demo: DemoData): DemoEnablement {
  const asOf = demo.asOf;
  const created = iso(new Date(asOf.getTime() - 400 * DAY_MS));
  const certifications: Certification[] = [
    { id: DEMO_CERTIFICATIONS.sales, name: 'Sales Fundamentals', description: 'Positioning, qualifying and registering deals for the Core Platform.', validityMonths: 24, translations: { vi: { name: 'Kiến thức bán hàng cơ bản', description: 'Định vị, đánh giá và đăng ký cơ hội cho Core Platform.' } }, createdAt: created, updatedAt: created },
    { id: DEMO_CERTIFICATIONS.technical, name: 'Technical Implementation', description: 'Deploying and connecting the platform at a customer.', validityMonths: 12, translations: { vi: { name: 'Triển khai kỹ thuật', description: 'Triển khai và kết nối nền tảng tại khách hàng.' } }, createdAt: created, updatedAt: created },
    { id: DEMO_CERTIFICATIONS.support, name: 'Support Specialist', description: 'First-line support and escalation for customers.', validityMonths: 24, translations: { vi: { name: 'Chuyên viên hỗ trợ', description: 'Hỗ trợ tuyến đầu và chuyển cấp cho khách hàng.' } }, createdAt: created, updatedAt: created },
  ];

  const resources = demo.resources;
  const moduleOf = (n: number, title: [string, string], minutes: number): CourseModule => ({
    id: `m${n}`,
    title: title[0],
    translations: { vi: { title: title[1] } },
    resourceId: resources.length > 0 ? resources[(n * 5) % resources.length]!.id : `rs_demo_${n}`,
    durationMinutes: minutes,
  });
  const course = (fields: Omit<Course, 'createdAt' | 'updatedAt' | 'status'>, assessment: AssessmentInput | null): DemoCourse => ({
    course: { ...fields, status: 'published', createdAt: created, updatedAt: created },
    assessment,
  });
  const courses: DemoCourse[] = [
    course({
      id: 'course_sales_fundamentals', title: 'Sales Fundamentals', description: 'Position the Core Platform, qualify a customer and register the deal. Ends with a short assessment.',
      format: 'self_paced', durationMinutes: 90, language: 'en', partnerTypes: [], tierIds: [], certificationId: DEMO_CERTIFICATIONS.sales, url: null,
      translations: { vi: { title: 'Kiến thức bán hàng cơ bản', description: 'Định vị Core Platform, đánh giá khách hàng và đăng ký cơ hội. Kết thúc bằng một bài kiểm tra ngắn.' } },
      modules: [moduleOf(1, ['The Core Platform in ten minutes', 'Core Platform trong mười phút'], 10), moduleOf(2, ['Qualifying a customer', 'Đánh giá khách hàng'], 25), moduleOf(3, ['Registering and protecting a deal', 'Đăng ký và bảo hộ cơ hội'], 20)],
      assessment: publicAssessment(SALES_ASSESSMENT),
    }, SALES_ASSESSMENT),
    course({
      id: 'course_technical_implementation', title: 'Technical Implementation', description: 'Deploy the platform, connect the customer\'s data and hand over a working system.',
      format: 'self_paced', durationMinutes: 240, language: 'en', partnerTypes: [], tierIds: [], certificationId: DEMO_CERTIFICATIONS.technical, url: null,
      translations: { vi: { title: 'Triển khai kỹ thuật', description: 'Triển khai nền tảng, kết nối dữ liệu của khách hàng và bàn giao một hệ thống chạy ổn định.' } },
      modules: [moduleOf(4, ['Architecture and the Edge Gateway', 'Kiến trúc và Edge Gateway'], 45), moduleOf(5, ['Connecting data', 'Kết nối dữ liệu'], 60), moduleOf(6, ['Going live', 'Đưa vào vận hành'], 40)],
      assessment: publicAssessment(TECHNICAL_ASSESSMENT),
    }, TECHNICAL_ASSESSMENT),
    course({
      id: 'course_support_specialist', title: 'Support Specialist workshop', description: 'A live workshop on first-line support, triage and escalation.',
      format: 'live', durationMinutes: 180, language: 'en', partnerTypes: [], tierIds: ['tier_silver', 'tier_gold', 'tier_platinum'], certificationId: DEMO_CERTIFICATIONS.support, url: 'https://training.example.com/live/support-specialist',
      translations: { vi: { title: 'Hội thảo Chuyên viên hỗ trợ', description: 'Hội thảo trực tiếp về hỗ trợ tuyến đầu, phân loại và chuyển cấp.' } },
      modules: [], assessment: null,
    }, null),
    course({
      id: 'course_ban_hang_giai_phap', title: 'Bán giải pháp cho doanh nghiệp vừa và nhỏ', description: 'Cách trình bày giá trị của nền tảng cho doanh nghiệp vừa và nhỏ tại Việt Nam.',
      format: 'self_paced', durationMinutes: 45, language: 'vi', partnerTypes: [], tierIds: [], certificationId: null, url: null,
      translations: { en: { title: 'Selling to small and medium businesses', description: 'How to present the platform\'s value to small and medium businesses in Vietnam.' } },
      modules: [moduleOf(7, ['Khách hàng vừa và nhỏ cần gì', 'What small and medium customers need'], 20), moduleOf(8, ['Bảng giá và gói dịch vụ', 'Prices and plans'], 25)].map((m) => ({ ...m, title: m.translations!.vi!.title!, translations: { en: { title: m.title } } })),
      assessment: null,
    }, null),
    course({
      id: 'course_cloud_security_external', title: 'Cloud security essentials', description: 'An external course by our security partner, for integrators.',
      format: 'external', durationMinutes: 360, language: 'en', partnerTypes: ['system_integrator', 'technology'], tierIds: [], certificationId: null, url: 'https://learn.example.org/cloud-security-essentials',
      translations: { vi: { title: 'Kiến thức cơ bản về bảo mật đám mây', description: 'Khóa học bên ngoài của đối tác bảo mật, dành cho nhà tích hợp.' } },
      modules: [], assessment: null,
    }, null),
  ];

  const requirements: TierCertificationRequirements[] = demo.tiers.map((tier) => ({ tierId: tier.id, requirements: REQUIREMENTS[tier.id] ?? [], updatedAt: created }));
  const rankOf = new Map(demo.tiers.map((t) => [t.id, t.rank]));
  const tierByRank = new Map(demo.tiers.map((t) => [t.rank, t.id]));

  const people: DemoPerson[] = [];
  const certificates: DemoCertificate[] = [];
  const enrolments: DemoEnrolment[] = [];
  let certificateSeq = 0;
  let enrolmentSeq = 0;
  const oneShort = demo.partners.find(({ partner }) => partner.status === 'active' && partner.tierId === 'tier_silver')?.partner.id ?? null;

  demo.partners.forEach(({ partner, users }, p) => {
    const names = partner.country === 'VN' ? PEOPLE_VI : PEOPLE_EN;
    const domain = partner.domains[0] ?? 'example.com';
    const needs = REQUIREMENTS[partner.tierId ?? ''] ?? [];
    const rank = rankOf.get(partner.tierId ?? '') ?? 0;
    const nextNeeds = partner.id === oneShort ? (REQUIREMENTS[tierByRank.get(rank + 1) ?? ''] ?? []) : [];
    const staff = Math.max(2, ...needs.map((n) => n.count), ...nextNeeds.map((n) => n.count)) + 1;
    const partnerPeople: DemoPerson[] = [];
    for (let n = 0; n < staff; n += 1) {
      const user = users[n];
      const name = user?.name ?? (names[(p * 5 + n * 3 + 1) % names.length] as string);
      const id = user ? `pp_${user.id}` : `pp_${partner.id}_${n + 1}`;
      const joined = iso(new Date(Date.parse(partner.createdAt) + n * DAY_MS));
      partnerPeople.push({ id, partnerId: partner.id, name, email: user?.email ?? `staff${n + 1}@${domain}`, externalId: user?.id ?? null, createdAt: joined, updatedAt: joined });
    }
    people.push(...partnerPeople);

    // What the partner holds: its tier's requirements (the one-short partner lacks Gold's
    // technical certification; the next tier's other requirements it has).
    const held = new Map<string, number>();
    for (const r of needs) held.set(r.certificationId, r.count);
    for (const r of nextNeeds) if (r.certificationId !== DEMO_CERTIFICATIONS.technical) held.set(r.certificationId, r.count);
    if (held.size === 0) held.set(DEMO_CERTIFICATIONS.sales, 1);
    for (const [certificationId, count] of held) {
      const validity = certifications.find((c) => c.id === certificationId)!.validityMonths;
      for (let n = 0; n < count && n < partnerPeople.length; n += 1) {
        const person = partnerPeople[n]!;
        // Every third partner has its first certificate of each kind expiring within 60 days.
        const expiringSoon = n === 0 && p % 3 === 0;
        const expiresAt = validity === null ? null : expiringSoon ? new Date(asOf.getTime() + (20 + (p % 30)) * DAY_MS) : new Date(asOf.getTime() + Math.min(120 + ((p * 37 + n * 53) % 300), validity * 30 - 10) * DAY_MS);
        const issuedAt = expiresAt === null ? new Date(asOf.getTime() - 200 * DAY_MS) : addMonths(expiresAt, -(validity ?? 0));
        const courseId = courses.find((c) => c.course.certificationId === certificationId)?.course.id ?? null;
        const source = (p + n) % 4 === 3 ? 'lms' : courseId !== null && courses.find((c) => c.course.id === courseId)?.assessment ? 'assessment' : 'admin';
        certificateSeq += 1;
        const id = `ce_${String(certificateSeq).padStart(5, '0')}`;
        certificates.push({
          id, certificationId, personId: person.id, partnerId: partner.id, source,
          externalId: source === 'lms' ? `LMS-${100_000 + certificateSeq}` : null,
          courseId: source === 'assessment' ? courseId : null,
          issuedAt: iso(issuedAt), expiresAt: expiresAt === null ? null : iso(expiresAt),
          renewedAt: null, renewals: 0, updatedAt: iso(issuedAt),
        });
        if (source === 'assessment' && courseId !== null) {
          enrolmentSeq += 1;
          enrolments.push({
            id: `en_${String(enrolmentSeq).padStart(5, '0')}`, courseId, personId: person.id, partnerId: partner.id, status: 'completed',
            completedModuleIds: courses.find((c) => c.course.id === courseId)!.course.modules.map((m) => m.id), attempts: 1 + ((p + n) % 2), passedAt: iso(issuedAt), bestScore: 100,
            certificateId: id, enrolledAt: iso(new Date(issuedAt.getTime() - 10 * DAY_MS)), completedAt: iso(issuedAt), updatedAt: iso(issuedAt),
          });
        }
      }
    }
    // The last person is working through Sales Fundamentals; at the one-short partner, through
    // Technical Implementation, whose certificate is all the partner lacks for its next tier.
    const learner = partnerPeople[partnerPeople.length - 1]!;
    enrolmentSeq += 1;
    const enrolledAt = iso(new Date(asOf.getTime() - (3 + (p % 10)) * DAY_MS));
    enrolments.push({
      id: `en_${String(enrolmentSeq).padStart(5, '0')}`, courseId: partner.id === oneShort ? 'course_technical_implementation' : 'course_sales_fundamentals', personId: learner.id, partnerId: partner.id,
      status: p % 2 === 0 ? 'in_progress' : 'enrolled', completedModuleIds: p % 2 === 0 ? ['m1'] : [], attempts: 0, passedAt: null, bestScore: null,
      certificateId: null, enrolledAt, completedAt: null, updatedAt: enrolledAt,
    });
  });

  return { certifications, courses, requirements, people, enrolments, certificates, oneShortPartnerId: oneShort };
}
