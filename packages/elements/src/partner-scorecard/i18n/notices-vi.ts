/** The Vietnamese words of the notices few scorecards show (see `notices-en.ts`). */
import type { Messages } from '../../platform/localize.js';
import type { NoticeMessages } from './notices-en.js';

export const noticesVi: Messages<NoticeMessages> = {
  // Vietnamese writes a day in a sentence in full: "ngày 31 tháng 12 năm 2026".
  'date.long': (p) => `ngày ${p.day} tháng ${p.month} năm ${p.year}`,
  'emptyKpis': 'Chương trình chưa có KPI nào. Các KPI sẽ hiện ở đây khi được thiết lập.',
  'needsPartner': 'Đối tác nào?',
  'needsPartnerBody':
    'Hãy đặt thuộc tính partner-id: phiên này xem được nhiều đối tác nên thẻ điểm không biết cần hiển thị đối tác nào.',
  'pending': 'Sắp xuống hạng',
  'pendingBody': (p) =>
    `Sẽ xuống hạng ${p.to} vào ${p.date}, trừ khi đáp ứng lại các điều kiện của hạng ${p.from} trước thời điểm đó.`,
  'pendingUnmet': (p) => `Còn thiếu để giữ hạng ${p.tier}:`,
  'cert.reach': (p) => `${p.name}: cần thêm ${p.missing} người có chứng chỉ để lên hạng ${p.tier}`,
  'cert.keep': (p) => `${p.name}: cần thêm ${p.missing} người có chứng chỉ để giữ hạng ${p.tier}`,
  'certDetail': (p) => `hiện có ${p.held} người có chứng chỉ, cần ${p.required} người`,
  'expiring': (p) => `${p.name}: ${p.count} chứng chỉ hết hạn trước ${p.date}; hạng ${p.tier} cần ${p.required} người`,
};
