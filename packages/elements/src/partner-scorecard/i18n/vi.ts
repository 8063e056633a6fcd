/** `<partner-scorecard>`'s strings in Vietnamese: exactly the keys of en.ts. */
import type { Messages } from '../../platform/localize.js';
import type { ScorecardMessages } from './en.js';

export const vi: Messages<ScorecardMessages> = {
  'label': (p) => `Bảng điểm của ${p.partner}`,
  'tier': 'Hạng:',
  'noTier': 'Chưa có hạng',
  'tierSince': (p) => `từ ${p.date}`,
  'period': 'Kỳ',
  'quarter': (p) => `Quý ${p.quarter}/${p.year}`,
  'updated': (p) => `Cập nhật ${p.when}`,

  'score': 'Điểm tổng',
  'scoreOutOf': 'trên 100',
  'scoreNone': 'Chưa có điểm: chưa KPI nào có cả chỉ tiêu lẫn giá trị trong kỳ này.',

  'caption': (p) => `Các KPI của ${p.period}`,
  'col.kpi': 'KPI',
  'col.actual': 'Thực tế',
  'col.target': 'Chỉ tiêu',
  'col.attainment': 'Mức đạt',
  'col.status': 'Tình trạng',
  'col.trend': 'Xu hướng',
  'lowerIsBetter': 'càng thấp càng tốt',
  'atMost': (p) => `tối đa ${p.value}`,
  'atLeast': (p) => `tối thiểu ${p.value}`,
  'targetFromTier': 'theo yêu cầu hạng',
  'none': 'không có',
  'attainmentLabel': (p) => `Mức đạt của ${p.kpi}`,
  'attainmentText': (p) => `Đạt ${p.attainment} chỉ tiêu: ${p.actual} so với chỉ tiêu ${p.target}`,

  'status.on_track': 'Đúng tiến độ',
  'status.at_risk': 'Có rủi ro',
  'status.off_track': 'Chậm tiến độ',
  'status.no_target': 'Chưa có chỉ tiêu',
  'status.no_data': 'Chưa có dữ liệu',

  'trend': (p) =>
    `${p.kind === 'steady' ? `Giữ ở mức ${p.to}` : p.kind === 'rising' ? `Tăng từ ${p.from} lên ${p.to}` : `Giảm từ ${p.from} xuống ${p.to}`} trong ${p.span} ${p.grain}`,
  'trend.single': (p) => `Mới có một giá trị: ${p.value} trong ${p.period}`,
  'trend.none': 'Không có dữ liệu trong các kỳ gần đây',
  'grain.month': 'tháng',
  'grain.quarter': 'quý',
  'grain.year': 'năm',

  'next': (p) => `Hạng tiếp theo: ${p.tier}`,
  'nextMet': (p) => `Đã đạt mọi yêu cầu của hạng ${p.tier}.`,
  'gapMore': (p) => `Cần thêm ${p.missing} ${p.kpi} để lên ${p.tier}`,
  'gapLess': (p) => `${p.kpi}: cần giảm ${p.missing} để lên ${p.tier}`,
  'gapNoData': (p) => `${p.kpi}: chưa có dữ liệu, trong khi hạng ${p.tier} yêu cầu chỉ số này`,
  'gapDetail': (p) =>
    p.actual === null
      ? `chưa có dữ liệu, yêu cầu ${p.required}`
      : `hiện ${p.actual}${p.months ? ` trong ${p.months} tháng gần nhất` : ''}, yêu cầu ${p.required}`,
  'top': (p) => `${p.tier} là hạng cao nhất của chương trình.`,
  'pending': 'Sắp thay đổi hạng',
  'pendingBody': (p) =>
    `Sẽ xuống hạng ${p.to} vào ${p.date}, trừ khi đạt lại các yêu cầu của hạng ${p.from} trước đó.`,
  'pendingUnmet': (p) => `Còn thiếu để giữ hạng ${p.tier}:`,

  'emptyKpis': 'Chương trình chưa có KPI nào. Các KPI sẽ hiện ở đây khi được thiết lập.',
  'emptyPeriod': (p) =>
    `Chưa có số liệu cho ${p.period}. Hãy chọn kỳ khác, hoặc quay lại khi số liệu của kỳ này được cập nhật.`,
  'needsPartner': 'Đối tác nào?',
  'needsPartnerBody':
    'Hãy đặt thuộc tính partner-id: phiên này xem được nhiều đối tác nên bảng điểm không biết cần hiển thị đối tác nào.',
};
