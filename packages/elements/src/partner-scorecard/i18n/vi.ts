/** `<partner-scorecard>`'s strings in Vietnamese: exactly the keys of en.ts. */
import type { Messages } from '../../platform/localize.js';
import type { ScorecardMessages } from './en.js';

export const vi: Messages<ScorecardMessages> = {
  'scorecard.label': (p) => `Bảng điểm của ${p.partner}`,
  'scorecard.loading': 'Đang tải bảng điểm…',
  'scorecard.tier': 'Hạng:',
  'scorecard.noTier': 'Chưa có hạng',
  'scorecard.period': 'Kỳ',
  'scorecard.quarter': (p) => `Quý ${p.quarter}/${p.year}`,
  'scorecard.updated': (p) => `Cập nhật ${p.when}`,

  'scorecard.score': 'Điểm tổng',
  'scorecard.scoreOutOf': 'trên 100',
  'scorecard.scoreNone': 'Chưa đủ dữ liệu để tính điểm: chưa KPI nào có cả chỉ tiêu lẫn giá trị trong kỳ này.',

  'scorecard.caption': (p) => `Các KPI của ${p.period}`,
  'scorecard.col.kpi': 'KPI',
  'scorecard.col.actual': 'Thực tế',
  'scorecard.col.target': 'Chỉ tiêu',
  'scorecard.col.attainment': 'Mức đạt',
  'scorecard.col.status': 'Tình trạng',
  'scorecard.col.trend': 'Xu hướng',
  'scorecard.lowerIsBetter': 'càng thấp càng tốt',
  'scorecard.atMost': (p) => `tối đa ${p.value}`,
  'scorecard.atLeast': (p) => `tối thiểu ${p.value}`,
  'scorecard.targetFromTier': 'theo yêu cầu hạng',
  'scorecard.none': 'không có',
  'scorecard.attainmentLabel': (p) => `Mức đạt của ${p.kpi}`,
  'scorecard.attainmentText': (p) => `Đạt ${p.attainment} chỉ tiêu: ${p.actual} so với chỉ tiêu ${p.target}`,

  'scorecard.status.on_track': 'Đúng tiến độ',
  'scorecard.status.at_risk': 'Có rủi ro',
  'scorecard.status.off_track': 'Chậm tiến độ',
  'scorecard.status.no_target': 'Chưa có chỉ tiêu',
  'scorecard.status.no_data': 'Chưa có dữ liệu',

  'scorecard.trend.rising': (p) => `Tăng từ ${p.from} lên ${p.to} trong ${p.span} ${p.grain}`,
  'scorecard.trend.falling': (p) => `Giảm từ ${p.from} xuống ${p.to} trong ${p.span} ${p.grain}`,
  'scorecard.trend.steady': (p) => `Giữ ở mức ${p.to} trong ${p.span} ${p.grain}`,
  'scorecard.trend.single': (p) => `Mới có một giá trị: ${p.value} trong ${p.period}`,
  'scorecard.trend.none': 'Không có dữ liệu trong các kỳ gần đây',
  'scorecard.grain.month': 'tháng',
  'scorecard.grain.quarter': 'quý',
  'scorecard.grain.year': 'năm',

  'scorecard.next': (p) => `Hạng tiếp theo: ${p.tier}`,
  'scorecard.nextMet': (p) => `Đã đạt mọi yêu cầu của hạng ${p.tier}.`,
  'scorecard.gapMore': (p) => `Cần thêm ${p.missing} ${p.kpi} để lên ${p.tier}`,
  'scorecard.gapLess': (p) => `${p.kpi}: cần giảm ${p.missing} để lên ${p.tier}`,
  'scorecard.gapNoData': (p) => `${p.kpi}: chưa có dữ liệu, trong khi hạng ${p.tier} yêu cầu chỉ số này`,
  'scorecard.gapDetail': (p) => `hiện ${p.actual}, yêu cầu ${p.required}`,
  'scorecard.gapDetailNoData': (p) => `chưa có dữ liệu, yêu cầu ${p.required}`,
  'scorecard.gapDetailWindow': (p) => `hiện ${p.actual} trong ${p.months} tháng gần nhất, yêu cầu ${p.required}`,
  'scorecard.top': (p) => `${p.tier} là hạng cao nhất của chương trình.`,
  'scorecard.pending': 'Sắp thay đổi hạng',
  'scorecard.pendingBody': (p) =>
    `Sẽ chuyển từ ${p.from} xuống ${p.to} vào ${p.date}, trừ khi đạt lại các yêu cầu của hạng ${p.from} trước thời điểm đó.`,
  'scorecard.pendingUnmet': (p) => `Còn thiếu để giữ hạng ${p.tier}:`,

  'scorecard.emptyKpis': 'Chương trình chưa thiết lập KPI nào. Khi chương trình có KPI, chúng sẽ hiện ở đây.',
  'scorecard.emptyPeriod': (p) =>
    `Chưa có số liệu cho ${p.period}. Hãy chọn kỳ khác, hoặc quay lại khi số liệu của kỳ này được cập nhật.`,
  'scorecard.needsPartner': 'Đối tác nào?',
  'scorecard.needsPartnerBody':
    'Hãy đặt thuộc tính partner-id: phiên này xem được nhiều đối tác nên bảng điểm không biết cần hiển thị đối tác nào.',
};
