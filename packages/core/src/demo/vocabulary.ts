/**
 * Words the generated data is made of, in English and Vietnamese.
 * @module
 */
import type { CountryCode } from '../schemas/index.js';

export const EN_TRADES = [
  'Systems', 'Logistics', 'Retail', 'Health', 'Foods', 'Energy', 'Analytics', 'Cloud', 'Manufacturing', 'Consulting',
  'Networks', 'Pharma', 'Motors', 'Textiles', 'Media',
] as const;

export const EN_FORMS = ['Inc', 'Ltd', 'LLC', 'Pte Ltd', 'GmbH', 'Pty Ltd', 'Corp', 'PLC'] as const;

/** Syllables of made-up brands (`Kel` + `mor` + `ix`): 40 x 40 x 20 = 32 000 brands. */
export const EN_SYLLABLES = [
  'Al', 'Bren', 'Cor', 'Dal', 'Eve', 'Fen', 'Gal', 'Hal', 'Ist', 'Jor', 'Kel', 'Lor', 'Mar', 'Nor', 'Ost', 'Pel', 'Quin', 'Ros', 'Sol', 'Tor',
  'Ul', 'Val', 'Wes', 'Xan', 'Yor', 'Zen', 'Ar', 'Bel', 'Cal', 'Dor', 'El', 'Fal', 'Gor', 'Har', 'Ion', 'Kar', 'Lum', 'Mor', 'Nev', 'Pra',
] as const;
export const EN_ENDINGS = ['a', 'on', 'ix', 'ora', 'us', 'ent', 'ia', 'o', 'ar', 'is', 'ex', 'um', 'ane', 'ell', 'ic', 'ano', 'ava', 'ine', 'ory', 'eon'] as const;

/** Words of Vietnamese brands, three at a time (`Hoàng Phát Minh`): 40^3 = 64 000 brands. */
export const VI_WORDS = [
  'Sao', 'Việt', 'Hoàng', 'Long', 'Phú', 'Thịnh', 'Minh', 'Anh', 'Thành', 'Công', 'Đại', 'Dương', 'Bình', 'An', 'Phát', 'Trường', 'Sơn', 'Nam', 'Kim', 'Phương',
  'Đông', 'Tân', 'Tiến', 'Hòa', 'Ánh', 'Á', 'Thiên', 'Phúc', 'Bảo', 'Ngọc', 'Hưng', 'Gia', 'Hải', 'Quang', 'Đức', 'Trí', 'Tâm', 'Lộc', 'Vạn', 'Hợp',
] as const;

export const VI_TRADES = [
  'Giải pháp Phần mềm', 'Thương mại', 'Công nghệ', 'Dịch vụ Logistics', 'Bán lẻ', 'Xây dựng', 'Thực phẩm', 'Năng lượng',
  'Y tế', 'Dệt may', 'Truyền thông', 'Điện tử',
] as const;

export const VI_FORMS = ['Công ty TNHH', 'Công ty Cổ phần', 'Công ty TNHH MTV', 'Tập đoàn'] as const;

/** Countries with their region, web suffix and whether names there are Vietnamese. */
export const COUNTRIES: readonly { code: CountryCode; region: string; tld: string; vietnamese: boolean }[] = [
  { code: 'VN', region: 'APAC', tld: 'com.vn', vietnamese: true },
  { code: 'VN', region: 'APAC', tld: 'vn', vietnamese: true },
  { code: 'SG', region: 'APAC', tld: 'com.sg', vietnamese: false },
  { code: 'TH', region: 'APAC', tld: 'co.th', vietnamese: false },
  { code: 'ID', region: 'APAC', tld: 'co.id', vietnamese: false },
  { code: 'MY', region: 'APAC', tld: 'com.my', vietnamese: false },
  { code: 'AU', region: 'APAC', tld: 'com.au', vietnamese: false },
  { code: 'JP', region: 'APAC', tld: 'co.jp', vietnamese: false },
  { code: 'US', region: 'Americas', tld: 'com', vietnamese: false },
  { code: 'BR', region: 'Americas', tld: 'com.br', vietnamese: false },
  { code: 'GB', region: 'EMEA', tld: 'co.uk', vietnamese: false },
  { code: 'DE', region: 'EMEA', tld: 'de', vietnamese: false },
];

export const INDUSTRIES = ['Retail', 'Manufacturing', 'Healthcare', 'Finance', 'Logistics', 'Education', 'Public sector', 'Energy', 'Hospitality'] as const;

export const PRODUCTS = ['Core Platform', 'Analytics Add-on', 'Edge Gateway', 'Support Plus', 'Data Connector', 'Mobile Suite', 'Security Pack'] as const;

export const STAGES = ['Qualification', 'Discovery', 'Proposal', 'Negotiation', 'Commit'] as const;

export const PEOPLE_EN = ['Alex Morgan', 'Priya Shah', 'Daniel Lee', 'Sofia Rossi', 'Tom Becker', 'Hannah Kim', 'Lucas Silva', 'Emma Clarke'] as const;
export const PEOPLE_VI = ['Nguyễn Văn An', 'Trần Thị Bích', 'Lê Minh Châu', 'Phạm Quốc Dũng', 'Hoàng Thu Hà', 'Vũ Đức Long', 'Đặng Mai Linh', 'Bùi Gia Huy'] as const;

/** Library items: a title in English and in Vietnamese, with their type, format and tags. */
export const RESOURCE_TOPICS: readonly { en: string; vi: string; type: 'document' | 'video' | 'link' | 'template' | 'brand_asset' | 'training'; format: string; tags: readonly string[] }[] = [
  { en: 'Partner programme guide', vi: 'Hướng dẫn chương trình đối tác', type: 'document', format: 'pdf', tags: ['programme', 'onboarding'] },
  { en: 'Product overview deck', vi: 'Bài thuyết trình tổng quan sản phẩm', type: 'template', format: 'pptx', tags: ['sales', 'product'] },
  { en: 'Deal registration walkthrough', vi: 'Hướng dẫn đăng ký cơ hội', type: 'video', format: 'mp4', tags: ['deals', 'onboarding'] },
  { en: 'Brand logo pack', vi: 'Bộ logo thương hiệu', type: 'brand_asset', format: 'zip', tags: ['brand', 'marketing'] },
  { en: 'Pricing and discount sheet', vi: 'Bảng giá và chiết khấu', type: 'document', format: 'xlsx', tags: ['pricing', 'sales'] },
  { en: 'Technical certification course', vi: 'Khóa chứng chỉ kỹ thuật', type: 'training', format: 'html', tags: ['training', 'certification'] },
  { en: 'Co-marketing campaign kit', vi: 'Bộ công cụ chiến dịch tiếp thị chung', type: 'template', format: 'zip', tags: ['marketing', 'campaign'] },
  { en: 'Customer case study: retail', vi: 'Nghiên cứu điển hình: bán lẻ', type: 'document', format: 'pdf', tags: ['case study', 'retail'] },
  { en: 'Solution architecture webinar', vi: 'Hội thảo trực tuyến kiến trúc giải pháp', type: 'video', format: 'mp4', tags: ['technical', 'webinar'] },
  { en: 'Competitive battlecard', vi: 'Thẻ so sánh đối thủ', type: 'document', format: 'pdf', tags: ['sales', 'competition'] },
  { en: 'Partner portal help centre', vi: 'Trung tâm trợ giúp cổng đối tác', type: 'link', format: 'html', tags: ['support'] },
  { en: 'Proposal template', vi: 'Mẫu đề xuất', type: 'template', format: 'docx', tags: ['sales', 'proposal'] },
  { en: 'Sales enablement training', vi: 'Đào tạo năng lực bán hàng', type: 'training', format: 'html', tags: ['training', 'sales'] },
  { en: 'Email signature banners', vi: 'Biểu ngữ chữ ký email', type: 'brand_asset', format: 'png', tags: ['brand'] },
  { en: 'Implementation checklist', vi: 'Danh sách kiểm tra triển khai', type: 'document', format: 'pdf', tags: ['technical', 'delivery'] },
];

/** Plain ASCII for domains: diacritics dropped, `đ` as `d`, words joined by hyphens. */
export function slug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
