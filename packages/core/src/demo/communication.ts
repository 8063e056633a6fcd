/**
 * The demo programme's communication: announcements in English and Vietnamese (each with the
 * other language as a translation) to every kind of audience (everyone, a tier, partner types, a
 * region, one named partner), pinned, scheduled and expired ones among them, with reads; and
 * requests in every status, each in its partner's language, with threads of both sides. Pure and
 * deterministic from the demo data, like the rest of it.
 * @module
 */
import { audienceIncludes, requestDueTimes, requestNumber, DEFAULT_REQUEST_TARGETS, type StoredAnnouncement, type StoredRequest } from '../rules/communication.js';
import type { CommunicationActor, RequestCategory, RequestHistoryEntry, RequestMessage, RequestStatus } from '../schemas/index.js';
import { DEMO_MANAGERS, type DemoData } from './generate.js';

/** One partner user's read of an announcement. */
export interface DemoAnnouncementRead {
  announcementId: string;
  partnerId: string;
  userId: string;
  userName: string;
  readAt: string;
}

/** The demo's announcements, their reads, and its requests. */
export interface DemoCommunication {
  announcements: StoredAnnouncement[];
  reads: DemoAnnouncementRead[];
  requests: StoredRequest[];
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

type Text = { title: string; body: string };

/** Announcements: [English, Vietnamese], category, audience, days from asOf, expiry in days, pinned. */
const ANNOUNCEMENTS: {
  en: Text;
  vi: Text;
  /** The language the vendor wrote it in: the other is the translation. */
  written: 'en' | 'vi';
  category: StoredAnnouncement['category'];
  audience: Partial<StoredAnnouncement['audience']> | 'named';
  publishedDaysAgo: number;
  expiresInDays: number | null;
  pinned: boolean;
}[] = [
  {
    en: { title: 'New deal registration terms from January', body: 'Protection windows grow to 120 days for Gold and Platinum partners.\nRegistrations submitted before 1 January keep their current window.' },
    vi: { title: 'Điều khoản đăng ký cơ hội mới từ tháng Một', body: 'Thời gian bảo hộ tăng lên 120 ngày cho đối tác Vàng và Bạch kim.\nCác đăng ký gửi trước ngày 1 tháng Một giữ nguyên thời gian hiện tại.' },
    written: 'en', category: 'programme_change', audience: {}, publishedDaysAgo: 3, expiresInDays: null, pinned: true,
  },
  {
    en: { title: 'Silver partners: double market development funds this quarter', body: 'Every campaign approved this quarter is co-funded at 100 % up to the usual cap.\nAsk your channel manager for the campaign form.' },
    vi: { title: 'Đối tác Bạc: quỹ phát triển tiếp thị gấp đôi trong quý này', body: 'Mọi chiến dịch được duyệt trong quý này được đồng tài trợ 100 % đến mức trần thông thường.\nHãy liên hệ quản lý kênh để nhận mẫu đăng ký chiến dịch.' },
    written: 'vi', category: 'incentive', audience: { tierIds: ['tier_silver'] }, publishedDaysAgo: 1, expiresInDays: 60, pinned: false,
  },
  {
    en: { title: 'Version 5 of the platform is out', body: 'Release notes, demo scripts and the updated pitch deck are in the resource library.' },
    vi: { title: 'Đã phát hành phiên bản 5 của nền tảng', body: 'Ghi chú phát hành, kịch bản trình diễn và bộ slide giới thiệu mới có trong thư viện tài liệu.' },
    written: 'en', category: 'product_news', audience: { partnerTypes: ['reseller', 'system_integrator', 'distributor'] }, publishedDaysAgo: 10, expiresInDays: null, pinned: false,
  },
  {
    en: { title: 'Partner summit in Ho Chi Minh City', body: 'Join us on 12 March for the APAC partner summit: roadmap, awards and hands-on labs.' },
    vi: { title: 'Hội nghị đối tác tại Thành phố Hồ Chí Minh', body: 'Mời bạn tham dự hội nghị đối tác châu Á - Thái Bình Dương ngày 12 tháng Ba: lộ trình sản phẩm, trao giải và thực hành.' },
    written: 'vi', category: 'event', audience: { regions: ['APAC'] }, publishedDaysAgo: 6, expiresInDays: 90, pinned: false,
  },
  {
    en: { title: 'Your quarterly business review is booked', body: 'Your channel manager will send the agenda and your scorecard a week before.' },
    vi: { title: 'Buổi đánh giá kinh doanh hằng quý đã được lên lịch', body: 'Quản lý kênh sẽ gửi chương trình họp và thẻ điểm của bạn trước một tuần.' },
    written: 'en', category: 'programme_change', audience: 'named', publishedDaysAgo: 2, expiresInDays: null, pinned: false,
  },
  {
    en: { title: 'Holiday support hours', body: 'Partner support answers from 09:00 to 12:00 on the days between the holidays.' },
    vi: { title: 'Giờ hỗ trợ dịp lễ', body: 'Bộ phận hỗ trợ đối tác làm việc từ 09:00 đến 12:00 trong những ngày giữa kỳ nghỉ lễ.' },
    written: 'en', category: 'programme_change', audience: {}, publishedDaysAgo: 40, expiresInDays: -10, pinned: false,
  },
  {
    en: { title: 'Gold and Platinum: new certification track', body: 'A solution architect track opens next month; certified architects count towards the tier requirement.' },
    vi: { title: 'Vàng và Bạch kim: lộ trình chứng chỉ mới', body: 'Lộ trình kiến trúc sư giải pháp mở vào tháng sau; kiến trúc sư có chứng chỉ được tính vào yêu cầu hạng.' },
    written: 'vi', category: 'product_news', audience: { tierIds: ['tier_gold', 'tier_platinum'] }, publishedDaysAgo: -5, expiresInDays: null, pinned: false,
  },
];

/** Requests' words, per language: [subject, opening message, vendor answer, partner reply]. */
const REQUEST_WORDS: Record<'en' | 'vi', Record<RequestCategory, [string, string, string, string]>> = {
  en: {
    question: ['How are market development funds paid out?', 'Are the funds paid before or after the campaign runs?', 'After the campaign, against the invoices; up to half can be advanced on request.', 'Thanks, we will ask for the advance.'],
    deal_support: ['Help with a registration under review', 'Our registration for a hospital group has been under review for a week. Can you look?', 'It overlaps a distributor\'s registration; we are checking the dates and will answer by Friday.', 'Attached is the customer\'s letter of intent.'],
    technical: ['Demo environment does not start', 'The demo tenant shows an error after the upgrade to version 5.', 'Please try again: we restored the tenant from last night\'s backup.', 'It works now, thank you.'],
    commercial: ['Discount for a multi-year contract', 'Can we offer an extra discount for a three-year commitment?', 'Up to 8 % more for three years paid annually; send the quote for approval.', 'Quote attached for approval.'],
    complaint: ['Direct sales contacted our customer', 'A vendor sales rep called a customer we registered last month.', 'We apologise: the rep has been told, and the registration stays protected.', 'Understood, thanks for acting quickly.'],
  },
  vi: {
    question: ['Quỹ phát triển tiếp thị được chi trả thế nào?', 'Quỹ được chi trước hay sau khi chiến dịch diễn ra?', 'Sau chiến dịch, theo hóa đơn; có thể tạm ứng đến một nửa nếu đề nghị.', 'Cảm ơn, chúng tôi sẽ đề nghị tạm ứng.'],
    deal_support: ['Hỗ trợ đăng ký cơ hội đang được xem xét', 'Đăng ký cơ hội cho một tập đoàn bệnh viện đã được xem xét một tuần. Anh chị kiểm tra giúp?', 'Đăng ký trùng với một nhà phân phối; chúng tôi đang đối chiếu ngày và sẽ trả lời trước thứ Sáu.', 'Gửi kèm thư ý định của khách hàng.'],
    technical: ['Môi trường trình diễn không khởi động', 'Môi trường trình diễn báo lỗi sau khi nâng cấp lên phiên bản 5.', 'Vui lòng thử lại: chúng tôi đã khôi phục từ bản sao lưu đêm qua.', 'Đã hoạt động, cảm ơn anh chị.'],
    commercial: ['Chiết khấu cho hợp đồng nhiều năm', 'Chúng tôi có thể chiết khấu thêm cho cam kết ba năm không?', 'Thêm tối đa 8 % cho ba năm thanh toán hằng năm; gửi báo giá để duyệt.', 'Gửi kèm báo giá để duyệt.'],
    complaint: ['Bộ phận bán hàng trực tiếp liên hệ khách hàng của chúng tôi', 'Một nhân viên bán hàng của hãng đã gọi cho khách hàng chúng tôi đăng ký tháng trước.', 'Chúng tôi xin lỗi: đã nhắc nhân viên, và đăng ký vẫn được bảo hộ.', 'Đã rõ, cảm ơn đã xử lý nhanh.'],
  },
};

const CATEGORIES: readonly RequestCategory[] = ['question', 'deal_support', 'technical', 'commercial', 'complaint'];
const STATUSES: readonly RequestStatus[] = ['open', 'waiting_on_partner', 'waiting_on_vendor', 'resolved', 'closed'];

const iso = (t: number) => new Date(t).toISOString();
const pad = (n: number) => String(n).padStart(6, '0');

/** The communication of `data`: announcements, their reads, and two requests per active partner. */
export function generateDemoCommunication(data: DemoData): DemoCommunication {
  const asOf = data.asOf.getTime();
  const vendor = DEMO_MANAGERS[0]!;
  const byVendor: CommunicationActor = { role: 'manager', id: vendor.id, name: vendor.name };
  const active = data.partners.filter(({ partner }) => partner.status === 'active');
  const named = active[0]?.partner.id;

  const announcements: StoredAnnouncement[] = ANNOUNCEMENTS.map((a, i) => {
    const own = a[a.written];
    const other = a.written === 'en' ? 'vi' : 'en';
    const publishAt = iso(asOf - a.publishedDaysAgo * DAY - i * HOUR);
    const audience = a.audience === 'named' ? { partnerIds: named ? [named] : [] } : a.audience;
    return {
      id: `an_${pad(i + 1)}`,
      title: own.title,
      body: own.body,
      translations: { [other]: a[other] },
      category: a.category,
      audience: { partnerTypes: audience.partnerTypes ?? [], tierIds: audience.tierIds ?? [], regions: audience.regions ?? [], partnerIds: audience.partnerIds ?? [] },
      publishAt,
      expiresAt: a.expiresInDays === null ? null : iso(asOf + a.expiresInDays * DAY),
      pinned: a.pinned,
      createdBy: byVendor,
      createdAt: iso(Math.min(asOf, Date.parse(publishAt)) - DAY),
      updatedAt: iso(Math.min(asOf, Date.parse(publishAt)) - DAY),
    };
  });

  // Every other active partner's first user has read the announcements published before yesterday.
  const reads: DemoAnnouncementRead[] = [];
  for (const [n, { partner, users }] of active.entries()) {
    if (n % 2 === 1) continue;
    const user = users[0]!;
    for (const a of announcements.slice(0, 4)) {
      const published = Date.parse(a.publishAt);
      if (published > asOf - DAY) continue;
      const included = audienceIncludes(a.audience, partner);
      if (included) reads.push({ announcementId: a.id, partnerId: partner.id, userId: user.id, userName: user.name, readAt: iso(published + (n + 1) * HOUR) });
    }
  }

  // Two requests per active partner, every status and category among them, opened in the last weeks.
  const requests: StoredRequest[] = [];
  for (const [n, { partner, users }] of active.entries()) {
    for (const k of [0, 1]) {
      const index = requests.length;
      const status = STATUSES[index % STATUSES.length]!;
      const category = CATEGORIES[(n + k * 2) % CATEGORIES.length]!;
      const words = REQUEST_WORDS[partner.country === 'VN' ? 'vi' : 'en'][category];
      const manager = DEMO_MANAGERS.find((m) => m.id === partner.manager?.id) ?? vendor;
      const user = users[k % users.length]!;
      const by: CommunicationActor = { role: 'partner', id: user.id, name: user.name };
      const answerer: CommunicationActor = { role: 'manager', id: manager.id, name: manager.name };
      const opened = asOf - (3 + ((n * 5 + k * 11) % 25)) * DAY + 9 * HOUR;
      const id = `rq_${pad(index + 1)}`;
      const messages: RequestMessage[] = [{ id: `${id}_m1`, author: by, body: words[1], attachments: [], createdAt: iso(opened) }];
      const history: RequestHistoryEntry[] = [{ at: iso(opened), from: null, to: 'open', by, reason: null }];
      const step = (at: number, from: RequestStatus, to: RequestStatus, who: CommunicationActor, reason: string | null = null) => history.push({ at: iso(at), from, to, by: who, reason });
      let firstResponseAt: string | null = null;
      let resolvedAt: string | null = null;
      let closedAt: string | null = null;
      if (status !== 'open') {
        const answered = opened + (2 + (n % 6)) * HOUR;
        messages.push({ id: `${id}_m2`, author: answerer, body: words[2], attachments: [], createdAt: iso(answered) });
        firstResponseAt = iso(answered);
        step(answered, 'open', 'waiting_on_partner', answerer);
        if (status !== 'waiting_on_partner') {
          const replied = answered + 20 * HOUR;
          const attachments = category === 'commercial' || category === 'deal_support' ? [{ type: 'url' as const, url: `https://${partner.domains[0] ?? 'partner.example'}/files/${id}.pdf`, label: null }] : [];
          messages.push({ id: `${id}_m3`, author: by, body: words[3], attachments, createdAt: iso(replied) });
          step(replied, 'waiting_on_partner', 'waiting_on_vendor', by);
          if (status === 'resolved' || status === 'closed') {
            const resolved = replied + 6 * HOUR;
            resolvedAt = iso(resolved);
            step(resolved, 'waiting_on_vendor', 'resolved', answerer);
            if (status === 'closed') {
              closedAt = iso(resolved + 2 * DAY);
              step(resolved + 2 * DAY, 'resolved', 'closed', by);
            }
          }
        }
      }
      const last = messages.at(-1)!;
      requests.push({
        id,
        number: requestNumber(index + 1),
        partnerId: partner.id,
        category,
        subject: words[0],
        status,
        reference: null,
        openedBy: by,
        firstResponseAt,
        resolvedAt,
        closedAt,
        messageCount: messages.length,
        lastMessageAt: last.createdAt,
        lastMessageBy: last.author,
        createdAt: iso(opened),
        updatedAt: history.at(-1)!.at,
        messages,
        history,
        ...requestDueTimes(new Date(opened), category, DEFAULT_REQUEST_TARGETS),
      });
    }
  }
  return { announcements, reads, requests };
}
