/**
 * The demo site's own words, in English and Vietnamese. The widgets bring their own catalogues;
 * these are the host page's headings, switches and explanations.
 * @module
 */

/** Languages the demo site speaks (the widgets follow the page's `lang`). */
export const LANGUAGES = ['en', 'vi'] as const;
export type Language = (typeof LANGUAGES)[number];

const en = {
  siteName: 'PartnerKit demo',
  skip: 'Skip to content',
  pagesNav: 'Demo pages',
  home: 'Overview',
  intranet: 'Vendor intranet',
  portal: 'Partner portal',
  apply: 'Become a partner',
  applyCard: 'A company that wants to resell Northwind applies on the vendor’s public website: no account, a form in four steps, and an application number at the end.',
  applyTitle: 'Become a Northwind partner',
  applyLede: 'Tell us about your company and how you would sell with us. The form keeps what you type on this device until you send it; a channel manager answers within five working days.',
  applyKey: 'This public page uses a publishable key, which only reads the form and sends applications, and only from this site’s address.',
  applyUnavailable: 'The application form is not available right now. Please try again later.',
  language: 'Language',
  theme: 'Theme',
  themeLight: 'Light',
  themeDark: 'Dark',
  themeBrand: 'Brand',
  homeTitle: 'PartnerKit, embedded in a vendor’s own sites',
  homeLede:
    'Northwind Software sells through partners. Its two sites below embed the PartnerKit widgets the way your site would: one script element, a provider pointing at the API, and a session route on the site’s own server.',
  intranetCard: 'A channel manager picks a partner, reads its scorecard, reviews its deal registrations and browses every resource.',
  portalCard: 'A partner user sees their scorecard and the way to the next tier, registers deals and follows them, and opens the resources their tier allows.',
  open: (p: { page: string }) => `Open the ${p.page}`,
  howTitle: 'How these pages work',
  howScript: 'Each page loads the widgets with a single script, the CDN loader, which fetches a widget’s code the first time the widget appears on the page.',
  howSession:
    'The provider asks this site’s /demo/session route for a session. The site’s server mints a short-lived PartnerKit session with its admin key, which never reaches the browser.',
  howApi: 'The PartnerKit API is mounted by this site under /api, so the widgets talk to it on the same origin.',
  howCsp: 'Pages are served with a strict Content-Security-Policy (script-src ’self’, no inline scripts or styles).',
  intranetTitle: 'Channel desk',
  intranetLede: (p: { name: string }) => `Signed in as ${p.name}, channel manager.`,
  partner: 'Partner',
  show: 'Show',
  tierOf: (p: { tier: string }) => `${p.tier} tier`,
  noTier: 'no tier yet',
  scorecard: 'Scorecard',
  dealsToReview: 'Deal registrations',
  allResources: 'All resources',
  portalTitle: 'Partner portal',
  portalLede: (p: { user: string; partner: string; tier: string }) => `Signed in as ${p.user} of ${p.partner} (${p.tier}).`,
  signInAs: 'Sign in as',
  switchUser: 'Switch',
  yourPerformance: 'Your performance',
  registerDeals: 'Deal registration',
  yourResources: 'Resources',
  yourAgreements: 'Agreements',
  partnerAgreements: 'Agreements',
  newPartner: 'new partner',
  yourPlan: 'Our joint business plan',
  partnerPlan: 'Joint business plan',
  yourInbox: 'Messages from the vendor',
  partnerInbox: 'Partner requests and announcements',
  yourTraining: 'Training and certifications',
  partnerTraining: 'Enablement',
  applications: 'Applications',
  applicationsTitle: 'Partner applications',
  applicationsLede: 'Screen, interview and score the companies that applied; approving one makes it a partner, onboarding.',
  reviewer: 'Reviewer',
  footer:
    'A demo host site. The PartnerKit admin key stays on this site’s server; the browser only ever holds a short-lived session for the person signed in.',
  notFoundTitle: 'Page not found',
  notFoundBody: 'There is no page at this address.',
  backHome: 'Back to the overview',
  noPartners: 'The demo programme has no active partners.',
};

/** The demo's catalogue type: every language has every key, with the same parameters. */
export type DemoMessages = typeof en;

const vi: DemoMessages = {
  siteName: 'Bản demo PartnerKit',
  skip: 'Chuyển đến nội dung',
  pagesNav: 'Các trang demo',
  home: 'Tổng quan',
  intranet: 'Mạng nội bộ nhà cung cấp',
  portal: 'Cổng đối tác',
  apply: 'Trở thành đối tác',
  applyCard: 'Một công ty muốn bán lại sản phẩm của Northwind nộp hồ sơ ứng tuyển trên trang web công khai của nhà cung cấp: không cần tài khoản, một biểu mẫu bốn bước và số hồ sơ ứng tuyển khi hoàn tất.',
  applyTitle: 'Trở thành đối tác của Northwind',
  applyLede: 'Hãy cho chúng tôi biết về công ty của bạn và cách bạn sẽ cùng chúng tôi bán hàng. Biểu mẫu giữ những gì bạn nhập trên thiết bị này cho đến khi bạn gửi; quản lý kênh sẽ phản hồi trong vòng năm ngày làm việc.',
  applyKey: 'Trang công khai này dùng một khóa công khai, chỉ đọc được biểu mẫu và gửi hồ sơ ứng tuyển, và chỉ từ địa chỉ của trang này.',
  applyUnavailable: 'Biểu mẫu hồ sơ ứng tuyển hiện không khả dụng. Vui lòng thử lại sau.',
  language: 'Ngôn ngữ',
  theme: 'Giao diện',
  themeLight: 'Sáng',
  themeDark: 'Tối',
  themeBrand: 'Thương hiệu',
  homeTitle: 'PartnerKit, nhúng vào chính các trang web của nhà cung cấp',
  homeLede:
    'Northwind Software bán hàng qua các đối tác. Hai trang web dưới đây nhúng các widget PartnerKit giống như trang của bạn sẽ làm: một phần tử script, một provider trỏ tới API và một route cấp phiên trên máy chủ của chính trang đó.',
  intranetCard: 'Người quản lý kênh chọn một đối tác, xem thẻ điểm, xét duyệt các đăng ký cơ hội của đối tác và xem mọi tài liệu.',
  portalCard: 'Người dùng của đối tác xem thẻ điểm và điều kiện để lên hạng tiếp theo, đăng ký và theo dõi các cơ hội, mở các tài liệu mà hạng của mình được phép xem.',
  open: (p) => `Mở ${p.page.toLocaleLowerCase('vi')}`,
  howTitle: 'Các trang này hoạt động thế nào',
  howScript: 'Mỗi trang tải các widget bằng một script duy nhất là trình tải CDN; trình tải chỉ tải mã của một widget khi widget đó xuất hiện lần đầu trên trang.',
  howSession:
    'Provider xin phiên từ route /demo/session của trang này. Máy chủ của trang tạo một phiên PartnerKit ngắn hạn bằng khóa quản trị, và khóa đó không bao giờ đến trình duyệt.',
  howApi: 'API PartnerKit được trang này gắn dưới /api, nên các widget gọi API trên cùng một origin.',
  howCsp: 'Các trang được phục vụ với Content-Security-Policy nghiêm ngặt (script-src ’self’, không có script hay style nội tuyến).',
  intranetTitle: 'Bàn làm việc kênh đối tác',
  intranetLede: (p) => `Đăng nhập với tên ${p.name}, người quản lý kênh.`,
  partner: 'Đối tác',
  show: 'Xem',
  tierOf: (p) => `hạng ${p.tier}`,
  noTier: 'chưa có hạng',
  scorecard: 'Thẻ điểm',
  dealsToReview: 'Đăng ký cơ hội',
  allResources: 'Tất cả tài liệu',
  portalTitle: 'Cổng đối tác',
  portalLede: (p) => `Đăng nhập với tên ${p.user} thuộc ${p.partner} (${p.tier}).`,
  signInAs: 'Đăng nhập với tư cách',
  switchUser: 'Chuyển',
  yourPerformance: 'Kết quả của bạn',
  registerDeals: 'Đăng ký cơ hội',
  yourResources: 'Tài liệu',
  yourAgreements: 'Thỏa thuận',
  partnerAgreements: 'Thỏa thuận',
  newPartner: 'đối tác mới',
  yourPlan: 'Kế hoạch kinh doanh chung của chúng ta',
  partnerPlan: 'Kế hoạch kinh doanh chung',
  yourInbox: 'Tin nhắn từ nhà cung cấp',
  partnerInbox: 'Yêu cầu của đối tác và thông báo',
  yourTraining: 'Đào tạo và chứng chỉ',
  partnerTraining: 'Năng lực đối tác',
  applications: 'Hồ sơ ứng tuyển',
  applicationsTitle: 'Hồ sơ ứng tuyển đối tác',
  applicationsLede: 'Sàng lọc, phỏng vấn và chấm điểm các công ty đã nộp hồ sơ ứng tuyển; duyệt một hồ sơ sẽ đưa công ty thành đối tác mới.',
  reviewer: 'Người đánh giá',
  footer:
    'Một trang web chủ dùng để minh họa. Khóa quản trị PartnerKit chỉ nằm trên máy chủ của trang này; trình duyệt chỉ giữ một phiên ngắn hạn cho người đang đăng nhập.',
  notFoundTitle: 'Không tìm thấy trang',
  notFoundBody: 'Không có trang nào ở địa chỉ này.',
  backHome: 'Quay lại trang tổng quan',
  noPartners: 'Chương trình demo chưa có đối tác nào đang hoạt động.',
};

export const catalogues: Record<Language, DemoMessages> = { en, vi };

/** `?lang=` when it names a language of the demo, else the first the browser prefers, else English. */
export function pickLanguage(query: string | undefined, acceptLanguage: string | undefined): Language {
  if (query === 'en' || query === 'vi') return query;
  const preferred = (acceptLanguage ?? '')
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => /^q=([\d.]+)$/.exec(p.trim())?.[1]).find(Boolean);
      return { tag: tag.toLowerCase(), q: q === undefined ? 1 : Number(q) };
    })
    .filter((p) => p.tag && p.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const { tag } of preferred) {
    const language = tag.split('-')[0];
    if (language === 'en' || language === 'vi') return language;
  }
  return 'en';
}
