/** The pre-check and what follows a submission, in Vietnamese (exactly the keys of `submit-en.ts`). */
import type { Messages } from '../../platform/localize.js';
import type { SubmitMessages } from './submit-en.js';

export const submitVi: Messages<SubmitMessages> = {
  'deal.done': (p) => `Đã đăng ký cơ hội với ${p.company}: mã ${p.number}`,
  'deal.status': 'Trạng thái',
  'deal.protection': 'Bảo hộ',
  'deal.protectedUntil': (p) => `đến ${p.date} (hết hạn ${p.relative.toLocaleLowerCase('vi')})`,
  'deal.protectionLater': 'bắt đầu khi nhà cung cấp duyệt đăng ký.',
  'deal.another': 'Đăng ký cơ hội khác',

  'deal.conflict': 'Chưa thể đăng ký khách hàng này',
  'deal.conflict.already_registered':
    'Khách hàng này đã có một đăng ký đang hiệu lực. Biểu mẫu của bạn vẫn được giữ: hãy kiểm tra tên công ty và trang web, hoặc hỏi người quản lý kênh.',
  'deal.conflict.protected':
    'Khách hàng này đang được bảo hộ bởi một đăng ký đã duyệt. Biểu mẫu của bạn vẫn được giữ: hãy hỏi người quản lý kênh nếu bạn cho rằng có nhầm lẫn.',
  'deal.conflict.own_registration': 'Bạn đã đăng ký khách hàng này rồi; xem mục Đăng ký của tôi. Biểu mẫu của bạn vẫn được giữ.',
  'deal.conflict.other': 'Đăng ký này trùng với một đăng ký hiện có. Biểu mẫu của bạn vẫn được giữ: hãy kiểm tra và thử lại.',
  'deal.failed': 'Đăng ký của bạn chưa được gửi',
  'deal.keptDraft': 'Mọi thông tin bạn đã nhập vẫn được giữ.',

  'deal.check.checking': 'Đang kiểm tra xem khách hàng này đã được đăng ký chưa…',
  'deal.check.available': 'Có thể đăng ký: chưa có đăng ký nào đang hiệu lực cho khách hàng này.',
  'deal.check.already_registered': 'Đã được đăng ký: khách hàng này đang có một đăng ký hiệu lực.',
  'deal.check.protected': 'Đang được bảo hộ: khách hàng này thuộc một đăng ký đã được duyệt.',
  'deal.check.own_registration': 'Bạn đã đăng ký khách hàng này rồi.',
  'deal.check.failed': 'Chưa kiểm tra được lúc này; bạn vẫn có thể đăng ký.',
};
