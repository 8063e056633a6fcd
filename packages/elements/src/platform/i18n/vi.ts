/** The platform's own strings, in Vietnamese (exactly the keys of `en.ts`). */
import type { Messages } from '../localize.js';
import type { PlatformMessages } from './en.js';

export const vi: Messages<PlatformMessages> = {
  'pk.loading': 'Đang tải…',
  'pk.empty': 'Chưa có gì để hiển thị.',
  'pk.retry': 'Thử lại',
  'pk.noClient.title': 'Chưa kết nối',
  'pk.noClient.body': 'Tiện ích này cần kết nối PartnerKit: đặt nó bên trong <partnerkit-provider> hoặc gán thuộc tính client.',
  'pk.error.title': 'Không tải được nội dung',
  'pk.error.reference': (p) => `Mã tham chiếu: ${p.requestId}`,
  'pk.error.network': 'Không kết nối được tới dịch vụ PartnerKit. Hãy kiểm tra kết nối mạng.',
  'pk.error.timeout': 'Dịch vụ PartnerKit phản hồi quá lâu.',
  'pk.error.session': 'Không mở được phiên làm việc PartnerKit. Hãy tải lại trang hoặc đăng nhập lại.',
  'pk.error.unauthorized': 'Phiên làm việc đã hết hạn. Hãy đăng nhập lại để tiếp tục.',
  'pk.error.forbidden': 'Bạn không có quyền truy cập nội dung này.',
  'pk.error.agreementRequired': 'Hãy chấp nhận thỏa thuận chương trình để tiếp tục.',
  'pk.error.notFound': 'Không tìm thấy nội dung này. Có thể nội dung đã bị xóa.',
  'pk.error.rateLimited': (p) =>
    p.seconds > 0 ? `Quá nhiều yêu cầu. Hãy thử lại sau ${p.seconds} giây.` : 'Quá nhiều yêu cầu. Hãy thử lại sau ít phút.',
  'pk.error.invalidRequest': 'Yêu cầu không được chấp nhận.',
  'pk.error.invalidResponse': 'Dịch vụ PartnerKit trả về dữ liệu mà trang này không đọc được.',
  'pk.error.server': 'Dịch vụ PartnerKit gặp sự cố. Hãy thử lại sau giây lát.',
  'pk.error.unknown': 'Đã có lỗi xảy ra.',
};
