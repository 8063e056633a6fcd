/** `<partner-scorecard>`'s strings in Vietnamese: exactly the keys of en.ts. Terms follow docs/glossary.md. */
import type { Messages } from '../../platform/localize.js';
import type { ScorecardMessages } from './en.js';

export const vi: Messages<ScorecardMessages> = {
  'label': (p) => `Thẻ điểm của ${p.partner}`,
  'tier': 'Hạng:',
  'noTier': 'Chưa có hạng',
  'tierSince': (p) => `từ ${p.date}`,
  'period': 'Kỳ',
  // In running text ("trong quý 3/2026"); a period picker capitalises the first letter.
  'quarter': (p) => `quý ${p.quarter}/${p.year}`,
  'year': (p) => `năm ${p.year}`,
  // "lúc 09:00 ngày 15/10/2026": Intl's "09:00 15 thg 10, 2026" runs the time into the date.
  'updated': (p) => `Cập nhật lúc ${p.time} ngày ${p.day}`,

  'score': 'Điểm tổng thể',
  'scoreOutOf': 'trên 100',
  'scoreNone': 'Chưa có điểm: trong kỳ này chưa có KPI nào có cả chỉ tiêu lẫn số liệu.',

  'caption': (p) => `Các KPI trong ${p.period}`,
  'col.kpi': 'KPI',
  'col.actual': 'Thực tế',
  'col.target': 'Chỉ tiêu',
  'col.attainment': 'Tỷ lệ đạt',
  'col.status': 'Trạng thái',
  'col.trend': 'Xu hướng',
  'lowerIsBetter': 'càng thấp càng tốt',
  'atMost': (p) => `tối đa ${p.value}`,
  'atLeast': (p) => `tối thiểu ${p.value}`,
  'targetFromTier': 'theo điều kiện của hạng',
  'none': 'không có',
  'attainmentLabel': (p) => `Tỷ lệ đạt của ${p.kpi}`,
  'attainmentText': (p) => `Đạt ${p.attainment} chỉ tiêu: ${p.actual} so với chỉ tiêu ${p.target}`,

  'status.on_track': 'Đúng tiến độ',
  'status.at_risk': 'Có rủi ro',
  'status.off_track': 'Chậm tiến độ',
  'status.no_target': 'Chưa có chỉ tiêu',
  'status.no_data': 'Chưa có số liệu',

  'trend': (p) =>
    `${p.kind === 'steady' ? `Giữ ở mức ${p.to}` : p.kind === 'rising' ? `Tăng từ ${p.from} lên ${p.to}` : `Giảm từ ${p.from} xuống ${p.to}`} trong ${p.span} ${p.grain}`,
  'trend.single': (p) => `Mới có một số liệu: ${p.value} trong ${p.period}`,
  'trend.none': 'Không có số liệu trong các kỳ gần đây',
  'grain.month': 'tháng',
  'grain.quarter': 'quý',
  'grain.year': 'năm',

  'next': (p) => `Hạng tiếp theo: ${p.tier}`,
  'nextMet': (p) => `Đã đáp ứng mọi điều kiện của hạng ${p.tier}.`,
  // The KPI name leads, set off by a colon: no measure word is needed before a name that may stay English.
  'gap.more.reach': (p) => `${p.kpi}: cần thêm ${p.missing} để lên hạng ${p.tier}`,
  'gap.more.keep': (p) => `${p.kpi}: cần thêm ${p.missing} để giữ hạng ${p.tier}`,
  'gap.less.reach': (p) => `${p.kpi}: cần giảm ${p.missing} để lên hạng ${p.tier}`,
  'gap.less.keep': (p) => `${p.kpi}: cần giảm ${p.missing} để giữ hạng ${p.tier}`,
  'gap.noData.reach': (p) => `${p.kpi}: chưa có số liệu, trong khi cần có chỉ số này để lên hạng ${p.tier}`,
  'gap.noData.keep': (p) => `${p.kpi}: chưa có số liệu, trong khi cần có chỉ số này để giữ hạng ${p.tier}`,
  'gapDetail': (p) =>
    p.actual === null
      ? `chưa có số liệu, điều kiện ${p.required}`
      : `hiện là ${p.actual}${p.months ? ` trong ${p.months} tháng gần nhất` : ''}, điều kiện ${p.required}`,
  'top': (p) => `Hạng ${p.tier} là hạng cao nhất của chương trình.`,

  'emptyPeriod': (p) =>
    `Chưa có số liệu cho ${p.period}. Hãy chọn kỳ khác, hoặc quay lại khi số liệu của kỳ này được cập nhật.`,
};
