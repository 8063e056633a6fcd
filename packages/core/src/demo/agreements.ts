/**
 * The demo programme's agreements: the partner programme agreement (gating deal registration,
 * renewing yearly) in two versions, and the brand and content terms (gating the library, accepted
 * for twelve months), both in English and Vietnamese. Active partners accepted the versions in
 * effect; partners still onboarding (and prospects) have not, so the demo shows a new partner
 * asked to accept before registering a deal.
 *
 * The texts are fixed, so their content hashes are constants here; a test checks each equals
 * `agreementContentHash` of its version (change a text, and the test prints the new hash).
 * @module
 */
import { acceptanceExpiry, nextVersion, versionInEffect } from '../rules/agreements.js';
import type { Acceptance, Agreement, AgreementVersion, AgreementVersionRef, Partner, RichText } from '../schemas/index.js';
import type { DemoPartner } from './generate.js';

/** One demo agreement with its versions and every partner's acceptances of it. */
export interface DemoAgreement {
  agreement: Agreement;
  /** Oldest first. */
  versions: AgreementVersion[];
  /** Oldest first. */
  acceptances: Acceptance[];
}

const DAY = 86_400_000;

const p = (text: string): RichText['blocks'][number] => ({ type: 'paragraph', spans: [{ text }] });
const h = (text: string): RichText['blocks'][number] => ({ type: 'heading', level: 2, spans: [{ text }] });
const list = (...items: string[]): RichText['blocks'][number] => ({ type: 'list', style: 'numbered', items: items.map((text) => ({ indent: 0, spans: [{ text }] })) });

const POLICY_URL = 'https://partners.example.com/programme/policy';

/** The programme agreement's text, per version and language. */
const PROGRAMME_TEXT = {
  '2025.1': {
    en: [
      h('1. The programme'),
      p('The partner joins the vendor\'s partner programme in the tier the vendor assigns, and keeps the programme\'s rules as published.'),
      h('2. Deal registration'),
      list('Register only opportunities the partner is actively working.', 'Give accurate customer details; the vendor may reject duplicates.', 'Approved registrations are protected for the tier\'s protection period.'),
    ],
    vi: [
      h('1. Chương trình'),
      p('Đối tác tham gia chương trình đối tác của nhà cung cấp ở hạng do nhà cung cấp xếp, và tuân thủ các quy định của chương trình đã công bố.'),
      h('2. Đăng ký cơ hội kinh doanh'),
      list('Chỉ đăng ký các cơ hội mà đối tác đang thực sự theo đuổi.', 'Cung cấp thông tin khách hàng chính xác; nhà cung cấp có thể từ chối đăng ký trùng.', 'Đăng ký đã duyệt được bảo hộ trong thời hạn bảo hộ của hạng.'),
    ],
  },
  '2026.1': {
    en: [
      h('1. The programme'),
      p('The partner joins the vendor\'s partner programme in the tier the vendor assigns, and keeps the programme\'s rules as published.'),
      h('2. Deal registration'),
      list('Register only opportunities the partner is actively working.', 'Give accurate customer details; the vendor may reject duplicates.', 'Approved registrations are protected for the tier\'s protection period, and may be extended once on request.'),
      h('3. Data protection'),
      { type: 'paragraph', spans: [{ text: 'Customer data shared through the portal is handled under the ' }, { text: 'programme data policy', href: POLICY_URL }, { text: '.' }] },
    ],
    vi: [
      h('1. Chương trình'),
      p('Đối tác tham gia chương trình đối tác của nhà cung cấp ở hạng do nhà cung cấp xếp, và tuân thủ các quy định của chương trình đã công bố.'),
      h('2. Đăng ký cơ hội kinh doanh'),
      list('Chỉ đăng ký các cơ hội mà đối tác đang thực sự theo đuổi.', 'Cung cấp thông tin khách hàng chính xác; nhà cung cấp có thể từ chối đăng ký trùng.', 'Đăng ký đã duyệt được bảo hộ trong thời hạn bảo hộ của hạng, và có thể gia hạn một lần khi có yêu cầu.'),
      h('3. Bảo vệ dữ liệu'),
      { type: 'paragraph', spans: [{ text: 'Dữ liệu khách hàng chia sẻ qua cổng được xử lý theo ' }, { text: 'chính sách dữ liệu của chương trình', href: POLICY_URL }, { text: '.' }] },
    ],
  },
} satisfies Record<string, { en: RichText['blocks']; vi: RichText['blocks'] }>;

const BRAND_TEXT = {
  en: [h('Brand and content use'), p('Library content and the vendor\'s marks are used only to market the vendor\'s products, as the brand guidelines describe.'), list('Do not alter logos.', 'Keep content current: replace what the library replaces.')],
  vi: [h('Sử dụng thương hiệu và nội dung'), p('Nội dung thư viện và nhãn hiệu của nhà cung cấp chỉ được dùng để tiếp thị sản phẩm của nhà cung cấp, theo hướng dẫn thương hiệu.'), list('Không chỉnh sửa logo.', 'Giữ nội dung cập nhật: thay thế những gì thư viện đã thay.')],
} satisfies { en: RichText['blocks']; vi: RichText['blocks'] };

/** The content hashes of the demo versions (checked against `agreementContentHash` by a test). */
export const DEMO_CONTENT_HASHES: Readonly<Record<string, string>> = {
  av_programme_2025_1: 'sha256:45b3aa1a887a62fa8be33c7ec1ad8c7e23b40621763788e82bbf37ee272b6bfe',
  av_programme_2026_1: 'sha256:d46d8082c056ef03ad558158083d384e02d4bce212b1c6015bb6dfd55e0f91e2',
  av_brand_2026_1: 'sha256:2839f3ffe1ef6695959a7f4bebd1f29d3a1d475eab939b453d5c896a5c63346d',
};

function version(agreementId: string, id: string, name: string, text: { en: RichText['blocks']; vi: RichText['blocks'] }, effectiveAt: Date): AgreementVersion {
  const at = effectiveAt.toISOString();
  return {
    id,
    agreementId,
    version: name,
    body: { blocks: text.en },
    translations: { vi: { body: { blocks: text.vi } } },
    effectiveAt: at,
    contentHash: DEMO_CONTENT_HASHES[id] as string,
    createdAt: new Date(effectiveAt.getTime() - 14 * DAY).toISOString(),
  };
}

const ref = (v: AgreementVersion | undefined): AgreementVersionRef | null => (v ? { id: v.id, version: v.version, effectiveAt: v.effectiveAt, contentHash: v.contentHash } : null);

/** A signer's job title, in the partner's language. */
const signerTitle = (vietnamese: boolean) => (vietnamese ? 'Giám đốc điều hành' : 'Managing Director');

/**
 * The demo agreements as of `asOf`, and the acceptances of `partners`: each active partner
 * accepted every version in effect (the programme agreement within days of its taking effect;
 * the brand terms at a time spread over the last year, so some are due for renewal soon).
 */
export function generateDemoAgreements(asOf: Date, partners: readonly DemoPartner[]): DemoAgreement[] {
  const created = new Date(asOf.getTime() - 600 * DAY).toISOString();
  const programmeVersions = [
    version('ag_programme', 'av_programme_2025_1', '2025.1', PROGRAMME_TEXT['2025.1'], new Date(asOf.getTime() - 540 * DAY)),
    version('ag_programme', 'av_programme_2026_1', '2026.1', PROGRAMME_TEXT['2026.1'], new Date(asOf.getTime() - 120 * DAY)),
  ];
  const brandVersions = [version('ag_brand', 'av_brand_2026_1', '2026.1', BRAND_TEXT, new Date(asOf.getTime() - 400 * DAY))];
  const agreement = (fields: Omit<Agreement, 'currentVersion' | 'nextVersion' | 'status' | 'createdAt' | 'updatedAt'>, versions: AgreementVersion[]): Agreement => ({
    ...fields,
    status: 'active',
    currentVersion: ref(versionInEffect(versions, asOf)),
    nextVersion: ref(nextVersion(versions, asOf)),
    createdAt: created,
    updatedAt: versions.at(-1)?.createdAt ?? created,
  });
  const programme = agreement(
    {
      id: 'ag_programme',
      title: 'Partner programme agreement',
      partnerTypes: [],
      tierIds: [],
      gates: ['deal_registration'],
      term: { kind: 'renews_yearly' },
      translations: { vi: { title: 'Thỏa thuận chương trình đối tác' } },
    },
    programmeVersions,
  );
  const brand = agreement(
    {
      id: 'ag_brand',
      title: 'Brand and content terms',
      partnerTypes: [],
      tierIds: [],
      gates: ['resources'],
      term: { kind: 'expires', months: 12 },
      translations: { vi: { title: 'Điều khoản thương hiệu và nội dung' } },
    },
    brandVersions,
  );

  const accept = (agreementOf: Agreement, v: AgreementVersion, partner: Partner, user: DemoPartner['users'][number], at: Date): Acceptance => {
    const vietnamese = partner.country === 'VN';
    return {
      id: `ac_${partner.id}_${v.id}`,
      partnerId: partner.id,
      agreementId: agreementOf.id,
      versionId: v.id,
      version: v.version,
      contentHash: v.contentHash,
      acceptedBy: { userId: user.id, name: user.name, title: signerTitle(vietnamese), email: user.email },
      acceptedAt: at.toISOString(),
      language: vietnamese ? 'vi' : 'en',
      expiresAt: acceptanceExpiry(agreementOf.term, at)?.toISOString() ?? null,
    };
  };
  const programmeAcceptances: Acceptance[] = [];
  const brandAcceptances: Acceptance[] = [];
  partners.forEach(({ partner, users }, i) => {
    if (partner.status !== 'active') return;
    const user = users[0] as DemoPartner['users'][number];
    for (const v of programmeVersions) {
      const at = new Date(Math.max(Date.parse(v.effectiveAt), Date.parse(partner.createdAt)) + ((i % 9) + 1) * DAY);
      if (at.getTime() < asOf.getTime()) programmeAcceptances.push(accept(programme, v, partner, user, at));
    }
    // Spread over the last 11 months: every fourth partner's term ends within the 30-day warning.
    const daysAgo = i % 4 === 3 ? 350 : 20 + ((i * 37) % 300);
    brandAcceptances.push(accept(brand, brandVersions[0] as AgreementVersion, partner, user, new Date(asOf.getTime() - daysAgo * DAY)));
  });
  const byTime = (a: Acceptance, b: Acceptance) => (a.acceptedAt < b.acceptedAt ? -1 : 1);
  return [
    { agreement: programme, versions: programmeVersions, acceptances: programmeAcceptances.sort(byTime) },
    { agreement: brand, versions: brandVersions, acceptances: brandAcceptances.sort(byTime) },
  ];
}
