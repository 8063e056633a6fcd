/** `<deal-register>`'s shell and Register strings in Vietnamese (exactly the keys of `en.ts`). Terms follow docs/glossary.md. */
import type { Messages } from '../../platform/localize.js';
import type { DealRegisterMessages } from './en.js';

export const vi: Messages<DealRegisterMessages> = {
  'deal.tabs': 'Đăng ký cơ hội',
  'deal.tab.register': 'Đăng ký',
  'deal.tab.mine': 'Đăng ký của tôi',
  'deal.tab.review': 'Xét duyệt',

  'deal.customer': 'Khách hàng',
  'deal.contact': 'Người liên hệ của khách hàng',
  'deal.opportunity': 'Cơ hội',
  'deal.requiredNote': 'Các trường có dấu * là bắt buộc.',
  'deal.choose': 'Chọn…',

  'deal.f.company': 'Tên công ty',
  'deal.f.domain': 'Trang web hoặc tên miền',
  'deal.f.country': 'Quốc gia',
  'deal.f.industry': 'Ngành',
  'deal.f.contactName': 'Họ tên',
  'deal.f.email': 'Email',
  'deal.f.phone': 'Điện thoại',
  'deal.f.title': 'Chức danh',
  'deal.f.type': 'Loại đăng ký',
  'deal.f.products': 'Sản phẩm',
  'deal.f.amount': 'Giá trị ước tính',
  'deal.f.currency': 'Tiền tệ',
  'deal.f.closeDate': 'Ngày dự kiến chốt',
  'deal.f.description': 'Mô tả',
  'deal.hint.domain': 'Ví dụ example.com: giúp phân biệt các tên giống nhau.',
  'deal.hint.products': 'Mỗi dòng một sản phẩm.',
  'deal.type.resell': 'Bán lại',
  'deal.type.referral': 'Giới thiệu',
  'deal.type.co_sell': 'Đồng bán',



  'deal.submit': 'Đăng ký cơ hội',
  'deal.sending': 'Đang đăng ký…',
  'deal.restored': 'Đã khôi phục bản nháp chưa gửi của bạn.',
  'deal.session.title': 'Phiên làm việc của bạn chưa được xác nhận',
  'deal.session.body': 'Bạn cứ tiếp tục nhập: đăng ký bạn gửi sẽ chờ trên thiết bị này cho đến khi dịch vụ phản hồi.',

  'deal.queued': 'Đang chờ gửi',
  'deal.queued.offline': (p) => `Bạn đang ngoại tuyến. Đăng ký cho ${p.company} đã được lưu trên thiết bị này và sẽ tự động được gửi khi có kết nối trở lại.`,
  'deal.queued.failed': (p) => `Chưa gửi được đăng ký cho ${p.company}. Đăng ký đã được lưu trên thiết bị này và sẽ được gửi khi có kết nối trở lại.`,
  // Intl writes "Hôm qua" capitalised; after the colon it is lower case.
  'deal.queued.since': (p) => `Thời điểm vào hàng chờ: ${p.when.toLocaleLowerCase('vi')}.`,
  'deal.queued.send': 'Gửi ngay',
  'deal.queued.cancel': 'Hủy gửi',
  'deal.queued.cancelled': 'Đã hủy gửi. Biểu mẫu của bạn vẫn được giữ.',
};
