/**
 * The demo programme's recruitment: five selection criteria, the public form (partner types, the
 * programme's questions, the consent text) and applications in every stage, each as what the
 * applicant sent and the moves and evaluations vendor staff made afterwards. English with
 * Vietnamese translations; Vietnamese companies apply in Vietnamese. The reference server's seed
 * replays the plan through its own rules (so histories, duplicate flags, scores and the partners
 * approval creates are what the server makes of it), `@partnerkit/mock` does the same with core's
 * rules, and the OpenAPI examples come from it.
 * @module
 */
import type {
  ApplicationFormInput,
  ApplicationInput,
  ApplicationReasonCode,
  ApplicationStatus,
  CriterionLevel,
  EvaluationInput,
  SelectionCriterionInput,
  SelectionThresholdsInput,
} from '../schemas/index.js';

/** A criterion with the id it is stored under. */
export type DemoCriterion = SelectionCriterionInput & { id: string };

const levels = (pairs: readonly (readonly [string, string])[]): CriterionLevel[] => pairs.map(([en, vi]) => ({ description: en, translations: { vi: { description: vi } } }));

/** Size, market reach, experience, technical capability and cultural fit. */
export const DEMO_CRITERIA: readonly DemoCriterion[] = [
  {
    id: 'crit_size',
    name: 'Company size',
    description: 'Whether the company has the people and the finances to sell and support our products.',
    weight: 15,
    position: 1,
    knockOutMin: null,
    partnerTypes: [],
    levels: levels([
      ['Fewer than 5 people, no dedicated sales', 'Dưới 5 người, không có bộ phận bán hàng riêng'],
      ['5-20 people, a small sales team', '5-20 người, đội bán hàng nhỏ'],
      ['20-100 people with sales and support', '20-100 người, có bán hàng và hỗ trợ'],
      ['100-500 people, several offices', '100-500 người, nhiều văn phòng'],
      ['More than 500 people, national presence', 'Trên 500 người, hiện diện toàn quốc'],
    ]),
    translations: { vi: { name: 'Quy mô công ty', description: 'Công ty có đủ nhân sự và tài chính để bán và hỗ trợ sản phẩm của chúng tôi hay không.' } },
  },
  {
    id: 'crit_reach',
    name: 'Market reach',
    description: 'The markets and industries the company already sells into.',
    weight: 25,
    position: 2,
    knockOutMin: 2,
    partnerTypes: [],
    levels: levels([
      ['No customers in our target markets', 'Không có khách hàng trong thị trường mục tiêu của chúng tôi'],
      ['A few customers in one city', 'Một vài khách hàng tại một thành phố'],
      ['Established in one country', 'Đã có chỗ đứng tại một quốc gia'],
      ['Established in two or three countries', 'Đã có chỗ đứng tại hai hoặc ba quốc gia'],
      ['A regional leader across Southeast Asia', 'Dẫn đầu khu vực Đông Nam Á'],
    ]),
    translations: { vi: { name: 'Độ phủ thị trường', description: 'Các thị trường và ngành mà công ty đang bán hàng.' } },
  },
  {
    id: 'crit_experience',
    name: 'Experience',
    description: 'Years of selling comparable products, and references that confirm it.',
    weight: 20,
    position: 3,
    knockOutMin: null,
    partnerTypes: [],
    levels: levels([
      ['No comparable products sold', 'Chưa từng bán sản phẩm tương tự'],
      ['Less than two years, no references', 'Dưới hai năm, chưa có khách hàng tham chiếu'],
      ['Two to five years, some references', 'Hai đến năm năm, có một số khách hàng tham chiếu'],
      ['Five years or more, strong references', 'Từ năm năm trở lên, khách hàng tham chiếu tốt'],
      ['Ten years or more, partner of a leading vendor', 'Từ mười năm trở lên, là đối tác của nhà cung cấp hàng đầu'],
    ]),
    translations: { vi: { name: 'Kinh nghiệm', description: 'Số năm bán các sản phẩm tương đương và khách hàng tham chiếu xác nhận điều đó.' } },
  },
  {
    id: 'crit_technical',
    name: 'Technical capability',
    description: 'Certified engineers who can implement and support our products.',
    weight: 25,
    position: 4,
    knockOutMin: 2,
    partnerTypes: ['reseller', 'distributor', 'system_integrator', 'technology'],
    levels: levels([
      ['No technical staff', 'Không có nhân sự kỹ thuật'],
      ['One or two engineers, no certifications', 'Một hoặc hai kỹ sư, chưa có chứng chỉ'],
      ['A technical team with some certifications', 'Có đội kỹ thuật với một số chứng chỉ'],
      ['A certified team that implements on its own', 'Đội ngũ có chứng chỉ, tự triển khai được'],
      ['A certified team with its own support desk', 'Đội ngũ có chứng chỉ và bộ phận hỗ trợ riêng'],
    ]),
    translations: { vi: { name: 'Năng lực kỹ thuật', description: 'Kỹ sư có chứng chỉ có thể triển khai và hỗ trợ sản phẩm của chúng tôi.' } },
  },
  {
    id: 'crit_fit',
    name: 'Cultural fit',
    description: 'Shared values, openness and the will to grow with the programme.',
    weight: 15,
    position: 5,
    knockOutMin: null,
    partnerTypes: [],
    levels: levels([
      ['Goals that clash with ours', 'Mục tiêu mâu thuẫn với chúng tôi'],
      ['Little interest beyond quick margins', 'Ít quan tâm ngoài lợi nhuận ngắn hạn'],
      ['Interested, with open questions', 'Quan tâm, còn vài điểm cần làm rõ'],
      ['Shares our values and plans with us', 'Cùng giá trị và lập kế hoạch cùng chúng tôi'],
      ['Already acts as an extension of our team', 'Đã hoạt động như một phần của đội ngũ chúng tôi'],
    ]),
    translations: { vi: { name: 'Mức phù hợp về văn hóa', description: 'Cùng giá trị, cởi mở và mong muốn phát triển cùng chương trình.' } },
  },
];

/** Approve from 70, decline below 50: core's defaults, set explicitly. */
export const DEMO_THRESHOLDS: SelectionThresholdsInput = { approveAt: 70, declineBelow: 50 };

/** The public form: five partner types, five questions, the consent text. */
export const DEMO_APPLICATION_FORM: ApplicationFormInput = {
  partnerTypes: [
    { type: 'reseller', description: 'You resell our products to your own customers.', translations: { vi: { description: 'Bạn bán lại sản phẩm của chúng tôi cho khách hàng của mình.' } } },
    { type: 'system_integrator', description: 'You implement our products within larger projects.', translations: { vi: { description: 'Bạn triển khai sản phẩm của chúng tôi trong các dự án lớn hơn.' } } },
    { type: 'distributor', description: 'You supply resellers in your country.', translations: { vi: { description: 'Bạn cung cấp hàng cho các đại lý bán lại trong nước.' } } },
    { type: 'technology', description: 'Your product works with ours.', translations: { vi: { description: 'Sản phẩm của bạn kết hợp với sản phẩm của chúng tôi.' } } },
    { type: 'referral', description: 'You introduce customers and we sell to them.', translations: { vi: { description: 'Bạn giới thiệu khách hàng và chúng tôi bán cho họ.' } } },
  ],
  questions: [
    {
      id: 'q_segment',
      kind: 'single_choice',
      label: 'Which customers do you mostly sell to?',
      help: null,
      required: true,
      partnerTypes: [],
      options: [
        { value: 'smb', label: 'Small businesses', translations: { vi: { label: 'Doanh nghiệp nhỏ' } } },
        { value: 'mid_market', label: 'Mid-sized companies', translations: { vi: { label: 'Doanh nghiệp vừa' } } },
        { value: 'enterprise', label: 'Large enterprises', translations: { vi: { label: 'Doanh nghiệp lớn' } } },
        { value: 'public_sector', label: 'Public sector', translations: { vi: { label: 'Khu vực công' } } },
      ],
      translations: { vi: { label: 'Bạn chủ yếu bán cho nhóm khách hàng nào?' } },
    },
    {
      id: 'q_services',
      kind: 'multiple_choice',
      label: 'Which services do you offer around the products you sell?',
      help: 'Choose every one that applies.',
      required: false,
      partnerTypes: ['reseller', 'system_integrator', 'distributor'],
      options: [
        { value: 'implementation', label: 'Implementation', translations: { vi: { label: 'Triển khai' } } },
        { value: 'managed_services', label: 'Managed services', translations: { vi: { label: 'Dịch vụ vận hành' } } },
        { value: 'training', label: 'Training', translations: { vi: { label: 'Đào tạo' } } },
        { value: 'support', label: 'First-line support', translations: { vi: { label: 'Hỗ trợ tuyến đầu' } } },
      ],
      translations: { vi: { label: 'Bạn cung cấp những dịch vụ nào kèm theo sản phẩm?', help: 'Chọn tất cả các mục phù hợp.' } },
    },
    {
      id: 'q_revenue',
      kind: 'number',
      label: 'Annual revenue last year, in US dollars',
      help: 'An estimate is fine.',
      required: false,
      partnerTypes: [],
      options: [],
      translations: { vi: { label: 'Doanh thu năm ngoái, tính bằng đô la Mỹ', help: 'Có thể ước tính.' } },
    },
    {
      id: 'q_competitor',
      kind: 'yes_no',
      label: 'Do you sell a competing product today?',
      help: null,
      required: true,
      partnerTypes: [],
      options: [],
      translations: { vi: { label: 'Hiện bạn có bán sản phẩm cạnh tranh không?' } },
    },
    {
      id: 'q_plan',
      kind: 'long_text',
      label: 'How would you take our products to market in your first year?',
      help: 'Target customers, campaigns, the team involved.',
      required: true,
      partnerTypes: [],
      options: [],
      translations: { vi: { label: 'Bạn sẽ đưa sản phẩm của chúng tôi ra thị trường thế nào trong năm đầu tiên?', help: 'Khách hàng mục tiêu, chiến dịch, đội ngũ tham gia.' } },
    },
  ],
  consent: {
    text: 'I agree that the vendor stores and processes the information in this application to assess it and to contact me about it.',
    privacyUrl: 'https://vendor.example/privacy',
    translations: { vi: { text: 'Tôi đồng ý để nhà cung cấp lưu trữ và xử lý thông tin trong đơn này nhằm đánh giá đơn và liên hệ với tôi về đơn.' } },
  },
};

/** What one reviewer scored: `[criterion id, score, note?]`, the recommendation, the comment. */
export interface DemoEvaluation {
  scores: readonly (readonly [string, number, string?])[];
  recommendation: NonNullable<EvaluationInput['recommendation']>;
  comment: string;
  submit: boolean;
}

/** One thing vendor staff did, some days after the submission: a move, or an evaluation. */
export type DemoApplicationStep =
  | { day: number; by: string; to: ApplicationStatus; reason?: string; reasonCode?: ApplicationReasonCode; notifyApplicant?: boolean }
  | { day: number; by: string; evaluation: DemoEvaluation };

/** An application as sent, when, and what happened to it. */
export interface DemoApplication {
  /** What the applicant (or the inviting manager) sent, without the form token. */
  input: Omit<ApplicationInput, 'formToken' | 'honeypot'>;
  /** How it came in: the public form, or a manager's invitation (`source` in the input says which). */
  via: 'public_form' | 'manager';
  /** Days before the data's `asOf` it was submitted. */
  daysAgo: number;
  /** Oldest first; `by` is a demo manager's id. */
  steps: readonly DemoApplicationStep[];
}

const LINH = 'mgr_linh';
const OLIVER = 'mgr_oliver';

type CompanyInput = ApplicationInput['company'];
type ContactInput = ApplicationInput['contact'];

function application(
  partnerType: ApplicationInput['partnerType'],
  company: CompanyInput,
  contact: ContactInput,
  capabilities: ApplicationInput['capabilities'],
  answers: NonNullable<ApplicationInput['answers']>,
  locale: 'en' | 'vi',
): DemoApplication['input'] {
  return { partnerType, company, contact, capabilities, answers, consent: true, locale };
}

const strong = (note?: string): DemoEvaluation => ({
  scores: [['crit_size', 4], ['crit_reach', 4, note], ['crit_experience', 4], ['crit_technical', 5], ['crit_fit', 4]],
  recommendation: 'approve',
  comment: 'A capable team with a clear plan for the first year.',
  submit: true,
});

const mixed = (reach: number): DemoEvaluation => ({
  scores: [['crit_size', 3], ['crit_reach', reach, reach >= 4 ? 'Strong in the north, according to their references.' : 'Only a handful of customers outside Ho Chi Minh City.'], ['crit_experience', 3], ['crit_technical', 3], ['crit_fit', 4]],
  recommendation: 'discuss',
  comment: 'Promising; the market reach needs a closer look.',
  submit: true,
});

// For a referral partner, whom the technical criterion does not apply to.
const weak: DemoEvaluation = {
  scores: [['crit_size', 2], ['crit_reach', 1, 'No customers in our target markets.'], ['crit_experience', 2], ['crit_fit', 3]],
  recommendation: 'decline',
  comment: 'Too early for the programme.',
  submit: true,
};

/** Applications in every stage: oldest first. */
export const DEMO_APPLICATIONS: readonly DemoApplication[] = [
  {
    via: 'public_form',
    daysAgo: 120,
    input: application(
      'reseller',
      { name: 'Sao Mai Technology JSC', website: 'https://saomai-tech.vn', domains: ['saomai-tech.vn'], country: 'VN', region: 'Hà Nội', size: '51-200', foundedYear: 2012 },
      { name: 'Nguyễn Thu Hà', email: 'ha.nguyen@saomai-tech.vn', phone: '+84 24 3936 1188', title: 'Giám đốc kinh doanh' },
      { markets: ['VN', 'LA'], industries: ['Ngân hàng', 'Bán lẻ'], technicalStaff: 18, certifications: ['ISO 27001'], experience: 'Mười năm phân phối phần mềm doanh nghiệp.', references: [{ company: 'Ngân hàng Bắc Á', contactName: null, contactEmail: null }], whyUs: 'Khách hàng ngân hàng của chúng tôi cần giải pháp quản lý đối tác.' },
      { q_segment: 'enterprise', q_services: ['implementation', 'support'], q_revenue: 4_200_000, q_competitor: false, q_plan: 'Tập trung vào 20 ngân hàng thương mại tại miền Bắc, hai chiến dịch hội thảo mỗi quý.' },
      'vi',
    ),
    steps: [
      { day: 2, by: LINH, to: 'screening' },
      { day: 6, by: LINH, evaluation: strong('Strong in banking across the north.') },
      { day: 7, by: OLIVER, evaluation: { ...strong(), scores: [['crit_size', 4], ['crit_reach', 5], ['crit_experience', 4], ['crit_technical', 4], ['crit_fit', 5]] } },
      { day: 9, by: LINH, to: 'interview' },
      { day: 20, by: OLIVER, to: 'due_diligence' },
      { day: 34, by: LINH, to: 'approved', reason: 'Strong scores from both reviewers; references checked.' },
    ],
  },
  {
    via: 'manager',
    daysAgo: 95,
    input: {
      ...application(
        'system_integrator',
        { name: 'Harbourline Systems Pte Ltd', website: 'https://harbourline.sg', domains: [], country: 'SG', region: null, size: '201-1000', foundedYear: 2004 },
        { name: 'Priya Raman', email: 'priya.raman@harbourline.sg', phone: null, title: 'Head of Alliances' },
        { markets: ['SG', 'MY', 'ID'], industries: ['Logistics', 'Manufacturing'], technicalStaff: 140, certifications: ['AWS Advanced Partner'], experience: 'Twenty years of ERP and CRM integration in Southeast Asia.', references: [{ company: 'Straits Freight', contactName: 'Daniel Koh', contactEmail: 'daniel.koh@straitsfreight.example' }], whyUs: 'Our logistics customers keep asking for a partner portal.' },
        { q_segment: 'enterprise', q_services: ['implementation', 'managed_services', 'training'], q_revenue: 38_000_000, q_competitor: true, q_plan: 'Bundle the portal with our logistics integrations; three lighthouse customers in the first half.' },
        'en',
      ),
      source: { channel: 'manager_invite' },
    },
    steps: [
      { day: 1, by: OLIVER, to: 'screening' },
      { day: 3, by: OLIVER, evaluation: strong() },
      { day: 4, by: LINH, evaluation: strong() },
      { day: 5, by: OLIVER, to: 'interview' },
      { day: 14, by: OLIVER, to: 'due_diligence' },
      { day: 30, by: OLIVER, to: 'approved' },
    ],
  },
  {
    via: 'public_form',
    daysAgo: 80,
    input: application(
      'referral',
      { name: 'Quick Leads Online', website: 'https://quickleads.example', domains: [], country: 'US', region: null, size: '1-10', foundedYear: 2024 },
      { name: 'Sam Porter', email: 'sam@quickleads.example', phone: null, title: null },
      { markets: ['US'], industries: [], technicalStaff: 0, certifications: [], experience: null, references: [], whyUs: 'Looking for referral fees.' },
      { q_segment: 'smb', q_competitor: true, q_plan: 'Email campaigns to our list.' },
      'en',
    ),
    steps: [
      { day: 1, by: LINH, to: 'screening' },
      { day: 3, by: LINH, evaluation: weak },
      { day: 4, by: OLIVER, evaluation: { ...weak, scores: [['crit_size', 1], ['crit_reach', 1], ['crit_experience', 1], ['crit_fit', 2]] } },
      { day: 5, by: LINH, to: 'declined', reason: 'No presence in our target markets; knocked out on market reach.', reasonCode: 'knocked_out', notifyApplicant: true },
    ],
  },
  {
    via: 'public_form',
    daysAgo: 60,
    input: application(
      'distributor',
      { name: 'Mekong Distribution Co., Ltd', website: 'https://mekongdist.vn', domains: ['mekongdist.vn'], country: 'VN', region: 'Cần Thơ', size: '11-50', foundedYear: 2016 },
      { name: 'Trần Văn Khoa', email: 'khoa.tran@mekongdist.vn', phone: '+84 292 3821 555', title: 'Giám đốc' },
      { markets: ['VN', 'KH'], industries: ['Nông nghiệp', 'Bán lẻ'], technicalStaff: 4, certifications: [], experience: 'Năm năm phân phối thiết bị mạng tại đồng bằng sông Cửu Long.', references: [], whyUs: 'Mở rộng danh mục sản phẩm phần mềm.' },
      { q_segment: 'smb', q_services: ['training'], q_competitor: false, q_plan: 'Đào tạo 30 đại lý bán lại tại các tỉnh miền Tây trong sáu tháng đầu.' },
      'vi',
    ),
    steps: [
      { day: 3, by: LINH, to: 'screening' },
      { day: 10, by: LINH, to: 'on_hold', reason: 'Waiting for their audited accounts.', reasonCode: 'incomplete' },
    ],
  },
  {
    via: 'public_form',
    daysAgo: 45,
    input: application(
      'reseller',
      { name: 'Northwind Cloud Partners', website: 'https://northwind-cloud.example', domains: [], country: 'AU', region: 'New South Wales', size: '11-50', foundedYear: 2019 },
      { name: 'Olivia Chen', email: 'olivia.chen@northwind-cloud.example', phone: '+61 2 9000 1234', title: 'Managing Director' },
      { markets: ['AU', 'NZ'], industries: ['Professional services'], technicalStaff: 9, certifications: ['Microsoft Solutions Partner'], experience: 'Five years reselling cloud software.', references: [], whyUs: 'Our customers want a partner portal that works with their CRM.' },
      { q_segment: 'mid_market', q_services: ['implementation'], q_revenue: 2_500_000, q_competitor: false, q_plan: 'Webinars for our 200 customers, then two partner days in Sydney.' },
      'en',
    ),
    steps: [
      { day: 2, by: OLIVER, to: 'screening' },
      { day: 8, by: OLIVER, to: 'withdrawn', reason: 'The applicant asked to withdraw: they were acquired.', reasonCode: 'applicant_request' },
    ],
  },
  {
    via: 'public_form',
    daysAgo: 30,
    input: application(
      'system_integrator',
      { name: 'Đông Á Solutions', website: 'https://donga-solutions.vn', domains: ['donga-solutions.vn'], country: 'VN', region: 'Đà Nẵng', size: '51-200', foundedYear: 2010 },
      { name: 'Lê Minh Tuấn', email: 'tuan.le@donga-solutions.vn', phone: '+84 236 3822 777', title: 'Giám đốc công nghệ' },
      { markets: ['VN'], industries: ['Du lịch', 'Sản xuất'], technicalStaff: 45, certifications: ['ISO 9001', 'SAP Silver Partner'], experience: 'Triển khai ERP cho 60 doanh nghiệp miền Trung.', references: [{ company: 'Khách sạn Biển Xanh', contactName: 'Phạm Lan', contactEmail: null }], whyUs: 'Khách hàng sản xuất của chúng tôi cần cổng đối tác cho nhà phân phối.' },
      { q_segment: 'mid_market', q_services: ['implementation', 'training', 'support'], q_revenue: 6_000_000, q_competitor: false, q_plan: 'Tích hợp vào gói ERP, nhắm 10 khách hàng sản xuất trong năm đầu.' },
      'vi',
    ),
    steps: [
      { day: 2, by: LINH, to: 'screening' },
      { day: 5, by: LINH, evaluation: mixed(4) },
      { day: 6, by: OLIVER, evaluation: mixed(2) },
      { day: 8, by: LINH, to: 'interview' },
      { day: 20, by: LINH, to: 'due_diligence' },
    ],
  },
  {
    via: 'public_form',
    daysAgo: 21,
    input: application(
      'technology',
      { name: 'Brightpath Analytics', website: 'https://brightpath.example', domains: [], country: 'GB', region: 'London', size: '51-200', foundedYear: 2015 },
      { name: 'Tom Hughes', email: 'tom.hughes@brightpath.example', phone: null, title: 'VP Partnerships' },
      { markets: ['GB', 'DE', 'SG'], industries: ['Finance'], technicalStaff: 60, certifications: ['SOC 2 Type II'], experience: 'An analytics product used by 300 companies.', references: [], whyUs: 'Partner performance data belongs in our dashboards.' },
      { q_segment: 'enterprise', q_revenue: 12_000_000, q_competitor: false, q_plan: 'A joint connector, listed in both marketplaces by the end of the second quarter.' },
      'en',
    ),
    steps: [
      { day: 1, by: OLIVER, to: 'screening' },
      { day: 4, by: OLIVER, evaluation: strong() },
      { day: 5, by: LINH, evaluation: { ...mixed(3), submit: true } },
      { day: 6, by: OLIVER, to: 'interview' },
    ],
  },
  {
    via: 'public_form',
    daysAgo: 12,
    input: application(
      'reseller',
      { name: 'Phương Nam Software', website: 'https://phuongnamsoft.vn', domains: ['phuongnamsoft.vn'], country: 'VN', region: 'TP. Hồ Chí Minh', size: '11-50', foundedYear: 2018 },
      { name: 'Võ Thị Mai', email: 'mai.vo@phuongnamsoft.vn', phone: '+84 28 3930 4545', title: 'Trưởng phòng kinh doanh' },
      { markets: ['VN'], industries: ['Bán lẻ', 'Giáo dục'], technicalStaff: 7, certifications: [], experience: 'Ba năm bán phần mềm kế toán.', references: [], whyUs: 'Bổ sung sản phẩm cho khách hàng bán lẻ hiện có.' },
      { q_segment: 'smb', q_services: ['support'], q_competitor: true, q_plan: 'Giới thiệu tới 150 khách hàng bán lẻ hiện có qua hội thảo trực tuyến.' },
      'vi',
    ),
    steps: [
      { day: 1, by: LINH, to: 'screening' },
      { day: 3, by: LINH, evaluation: { ...mixed(3), submit: false } },
    ],
  },
  {
    via: 'public_form',
    daysAgo: 6,
    input: application(
      'distributor',
      { name: 'Andaman Trade Group', website: 'https://andamantrade.co.th', domains: [], country: 'TH', region: 'Bangkok', size: '201-1000', foundedYear: 1998 },
      { name: 'Niran Somchai', email: 'niran.s@andamantrade.co.th', phone: '+66 2 123 4567', title: 'Channel Director' },
      { markets: ['TH', 'MM', 'KH'], industries: ['Telecommunications'], technicalStaff: 30, certifications: [], experience: 'Distributor of networking brands for twenty years.', references: [], whyUs: 'Our resellers ask for a modern partner portal.' },
      { q_segment: 'mid_market', q_services: ['training', 'support'], q_revenue: 55_000_000, q_competitor: false, q_plan: 'Recruit 40 resellers in Thailand in the first year.' },
      'en',
    ),
    steps: [{ day: 2, by: OLIVER, to: 'screening' }],
  },
  {
    via: 'public_form',
    daysAgo: 3,
    input: application(
      'reseller',
      { name: 'Sao Mai Tech', website: 'https://www.saomai-tech.vn', domains: [], country: 'VN', region: 'Hà Nội', size: '51-200', foundedYear: 2012 },
      { name: 'Đỗ Quang Huy', email: 'huy.do@saomai-tech.vn', phone: null, title: 'Kỹ sư giải pháp' },
      { markets: ['VN'], industries: ['Ngân hàng'], technicalStaff: 18, certifications: [], experience: null, references: [], whyUs: 'Đăng ký cho chi nhánh Hà Nội.' },
      { q_segment: 'enterprise', q_competitor: false, q_plan: 'Như đơn của trụ sở chính.' },
      'vi',
    ),
    steps: [],
  },
  {
    via: 'public_form',
    daysAgo: 2,
    input: application(
      'system_integrator',
      { name: 'Kestrel IT Services', website: 'https://kestrel-it.example', domains: [], country: 'IN', region: 'Bengaluru', size: '201-1000', foundedYear: 2008 },
      { name: 'Arjun Mehta', email: 'arjun.mehta@kestrel-it.example', phone: '+91 80 4000 1000', title: 'Director, Alliances' },
      { markets: ['IN', 'AE'], industries: ['Healthcare', 'Insurance'], technicalStaff: 320, certifications: ['ISO 27001', 'CMMI Level 5'], experience: 'Fifteen years of CRM integration.', references: [], whyUs: 'A partner portal completes our channel practice.' },
      { q_segment: 'enterprise', q_services: ['implementation', 'managed_services'], q_revenue: 90_000_000, q_competitor: true, q_plan: 'A channel practice of twelve consultants by the third quarter.' },
      'en',
    ),
    steps: [],
  },
  {
    via: 'public_form',
    daysAgo: 1,
    input: application(
      'referral',
      { name: 'Hoa Sen Consulting', website: null, domains: ['hoasenconsulting.vn'], country: 'VN', region: 'Huế', size: '1-10', foundedYear: 2021 },
      { name: 'Phan Thị Hoa', email: 'hoa.phan@hoasenconsulting.vn', phone: null, title: null },
      { markets: ['VN'], industries: ['Du lịch'], technicalStaff: 1, certifications: [], experience: null, references: [], whyUs: 'Giới thiệu khách hàng du lịch tại miền Trung.' },
      { q_segment: 'smb', q_competitor: false, q_plan: 'Giới thiệu năm khách hàng mỗi quý.' },
      'vi',
    ),
    steps: [],
  },
];
