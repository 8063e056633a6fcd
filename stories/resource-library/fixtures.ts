/**
 * Fixture data of `<resource-library>` for stories and tests: a small programme's tiers, a
 * library as a Silver reseller sees it (some items locked) and as a manager sees it, a few
 * hostile items, and a generator of large libraries. Dates are relative to when the module
 * loads, so "Updated 3 days ago" stays true.
 * @module
 */
import type { Resource, ResourceType, Tier } from '@partnerkit/core/schemas';

const DAY = 24 * 3600_000;
const LOADED_AT = Date.now();

/** An ISO timestamp `days` days before the fixtures loaded. */
export const daysAgo = (days: number): string => new Date(LOADED_AT - days * DAY).toISOString();

const tier = (id: string, rank: number, name: string, vi: string, colour: string): Tier => ({
  id,
  rank,
  name,
  translations: { vi: { name: vi } },
  colour,
  benefits: [],
  requirements: [],
  dealProtectionDays: 60 + rank * 30,
  createdAt: daysAgo(400),
  updatedAt: daysAgo(400),
});

/** The partner the library's stories and tests show: a Silver reseller. */
export const SILVER_RESELLER_ID = 'p_silver_reseller';

/** The programme's tiers, lowest first. */
export const TIERS: Tier[] = [
  tier('bronze', 1, 'Bronze', 'Đồng', '#A0522D'),
  tier('silver', 2, 'Silver', 'Bạc', '#A8A9AD'),
  tier('gold', 3, 'Gold', 'Vàng', '#D4AF37'),
  tier('platinum', 4, 'Platinum', 'Bạch kim', '#5B6770'),
];

type Draft = Pick<Resource, 'id' | 'title' | 'type'> & Partial<Resource> & { days: number };

function resource({ days, ...draft }: Draft): Resource {
  return {
    description: null,
    format: null,
    sizeBytes: null,
    language: 'en',
    tags: [],
    thumbnailUrl: null,
    minTierId: null,
    partnerTypes: [],
    locked: false,
    url: `https://cdn.example.com/library/${draft.id}`,
    openCount: 0,
    createdAt: daysAgo(days + 30),
    updatedAt: daysAgo(days),
    ...draft,
  };
}

/**
 * As a manager (or an admin) sees the library: everything open. Each item carries its title and
 * description in the other language, except the margin calculator (shown in English to everyone).
 */
export const MANAGER_LIBRARY: Resource[] = [
  resource({ id: 'r_deck', translations: { vi: { title: 'Bài thuyết trình bán hàng cho đối tác 2026', description: 'Nội dung chào hàng, các luận điểm chứng minh và cách trình bày giá của năm nay, kèm ghi chú cho người thuyết trình.' } }, title: '2026 partner sales deck', type: 'document', format: 'pptx', sizeBytes: 8_400_000, tags: ['sales', 'deck'], openCount: 312, days: 3, description: 'The pitch, the proof points and the pricing story for this year, with speaker notes.' }),
  resource({ id: 'r_demo', translations: { vi: { title: 'Trình diễn sản phẩm: bắt đầu sử dụng trong mười phút', description: 'Bản ghi hướng dẫn để trình chiếu cho khách hàng trong buổi gặp đầu tiên.' } }, title: 'Product demo: onboarding in ten minutes', type: 'video', format: 'mp4', sizeBytes: 240_000_000, tags: ['demo', 'onboarding'], openCount: 95, days: 10, description: 'A recorded walkthrough to show customers in a first meeting.' }),
  resource({ id: 'r_vi_kit', translations: { en: { title: 'Partner sales kit', description: 'Product introduction and price list for the Vietnamese market.' } }, title: 'Bộ tài liệu bán hàng cho đối tác', type: 'document', format: 'pdf', sizeBytes: 2_400_000, language: 'vi', tags: ['sales'], openCount: 58, days: 1, description: 'Tài liệu giới thiệu sản phẩm và bảng giá dành cho thị trường Việt Nam.' }),
  resource({ id: 'r_proposal', translations: { vi: { title: 'Mẫu đề xuất đồng thương hiệu', description: 'Đặt logo của bạn cạnh logo của chúng tôi; các phần đi theo câu hỏi của nhóm ra quyết định mua hàng.' } }, title: 'Co-branded proposal template', type: 'template', format: 'docx', sizeBytes: 120_000, tags: ['proposal', 'co-branding'], openCount: 140, days: 21, description: 'Put your logo beside ours; the sections follow the buying committee’s questions.' }),
  resource({ id: 'r_brand', translations: { vi: { title: 'Bộ logo và hướng dẫn nhận diện thương hiệu' } }, title: 'Logo pack and brand guidelines', type: 'brand_asset', format: 'zip', sizeBytes: 34_000_000, tags: ['brand'], openCount: 77, days: 45 }),
  resource({ id: 'r_faq', translations: { vi: { title: 'Câu hỏi thường gặp về chương trình đối tác', description: 'Giải đáp về hạng, quyền lợi, đăng ký cơ hội và chi trả.' } }, title: 'Partner programme FAQ', type: 'link', format: 'html', tags: ['programme'], openCount: 410, days: 90, description: 'Tiers, benefits, deal registration and payouts, answered.' }),
  resource({ id: 'r_cert', translations: { vi: { title: 'Chứng chỉ: kiến trúc sư giải pháp', description: 'Tám học phần và một bài thi; được tính vào điều kiện của hạng Vàng.' } }, title: 'Certification: solutions architect', type: 'training', format: 'html', tags: ['certification', 'training'], minTierId: 'gold', openCount: 33, days: 6, description: 'Eight modules and an exam; counts towards the Gold requirements.' }),
  resource({ id: 'r_calc', title: 'Reseller margin calculator', type: 'template', format: 'xlsx', sizeBytes: 800_000, tags: ['pricing'], partnerTypes: ['distributor'], openCount: 12, days: 14, description: 'Margins by volume band for distributors.' }),
  resource({ id: 'r_exec', translations: { vi: { title: 'Bộ tài liệu thuyết trình cho lãnh đạo', description: 'Câu chuyện dành cho hội đồng quản trị và các buổi phỏng vấn khách hàng đã ghi lại.' } }, title: 'Executive briefing kit', type: 'video', format: 'mp4', sizeBytes: 1_200_000_000, tags: ['sales', 'executive'], minTierId: 'platinum', openCount: 4, days: 30, description: 'Board-level narrative and recorded customer interviews.' }),
  resource({ id: 'r_vi_training', translations: { en: { title: 'Basic implementation course', description: 'Six lessons on installation and configuration for partner engineers.' } }, title: 'Khóa đào tạo triển khai cơ bản', type: 'training', format: 'html', language: 'vi', tags: ['training', 'onboarding'], openCount: 21, days: 2, description: 'Sáu bài học về cài đặt và cấu hình cho kỹ sư của đối tác.' }),
];

/** Which resources a Silver reseller may not open (what the backend's gating decides, written down for the tests). */
const LOCKED_FOR_SILVER_RESELLER = new Set(['r_cert', 'r_calc', 'r_exec']);

/** As a Silver reseller sees the library: gated items are locked and carry no URL. */
export const PARTNER_LIBRARY: Resource[] = MANAGER_LIBRARY.map((r) => {
  if (!LOCKED_FOR_SILVER_RESELLER.has(r.id)) return r;
  const { url: _url, ...rest } = r;
  return { ...rest, locked: true };
});

/** A library of premium content only: every item locked to the Silver reseller. */
export const ALL_LOCKED_LIBRARY: Resource[] = MANAGER_LIBRARY.filter((r) => LOCKED_FOR_SILVER_RESELLER.has(r.id));

/** Titles and descriptions that must stay text. */
export const MARKUP_RESOURCE: Resource = resource({
  id: 'r_markup',
  title: '<img src=x onerror="window.__pkInjected=1"><b>Pricing</b> sheet',
  type: 'document',
  format: 'pdf',
  sizeBytes: 512,
  days: 0,
  description: '<script>window.__pkInjected=1</script><a href="javascript:alert(1)">click</a>',
  tags: ['pricing'],
});

const TYPES: ResourceType[] = ['document', 'video', 'link', 'template', 'brand_asset', 'training'];
const TOPICS = ['Onboarding', 'Pricing', 'Security', 'Analytics', 'Migration', 'Support', 'Integration', 'Compliance'];
const KINDS = ['guide', 'checklist', 'webinar', 'playbook', 'case study', 'datasheet'];
const TAGS = ['sales', 'marketing', 'technical', 'onboarding', 'pricing', 'training', 'brand', 'executive'];
const FORMATS: Record<ResourceType, string> = { document: 'pdf', video: 'mp4', link: 'html', template: 'docx', brand_asset: 'zip', training: 'html' };

/**
 * `count` generated resources, the same every time (a seeded mulberry32 sequence): mixed types,
 * two languages, every seventh one behind Gold (locked to a Silver partner). Titles carry the
 * index, so a search for "#1234" finds exactly one.
 */
export function generateLibrary(count: number): Resource[] {
  let seed = 42;
  // 32-bit integer arithmetic throughout (Math.imul), so the sequence is exact in doubles.
  const next = (n: number) => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t ^= t + Math.imul(t ^ (t >>> 7), 61 | t);
    return ((t ^ (t >>> 14)) >>> 0) % n;
  };
  return Array.from({ length: count }, (_, i) => {
    const type = TYPES[next(TYPES.length)]!;
    const vi = next(4) === 0;
    const topic = TOPICS[next(TOPICS.length)]!;
    const locked = i % 7 === 6;
    return resource({
      id: `gen_${i}`,
      title: `${topic} ${KINDS[next(KINDS.length)]} #${i + 1}`,
      type,
      language: vi ? 'vi' : 'en',
      format: FORMATS[type],
      sizeBytes: type === 'link' ? null : 10_000 + next(500_000_000),
      tags: [TAGS[next(TAGS.length)]!, TAGS[next(TAGS.length)]!].filter((t, k, all) => all.indexOf(t) === k),
      description: `${topic} material for partner teams, item ${i + 1}.`,
      minTierId: locked ? 'gold' : null,
      openCount: next(1000),
      days: next(720),
    });
  });
}
