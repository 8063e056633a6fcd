/**
 * Deal status labels in both languages, shared by the views that show status chips (the
 * outcome of a registration and the lists); they load with those views.
 */
import { defineMessages, type Messages } from '../../platform/localize.js';

export const statusEn = defineMessages({
  'deal.status.draft': 'Draft',
  'deal.status.submitted': 'Submitted',
  'deal.status.under_review': 'Under review',
  'deal.status.needs_info': 'Needs information',
  'deal.status.approved': 'Approved',
  'deal.status.rejected': 'Rejected',
  'deal.status.won': 'Won',
  'deal.status.lost': 'Lost',
  'deal.status.expired': 'Expired',
  'deal.status.withdrawn': 'Withdrawn',
});

export const statusVi: Messages<typeof statusEn> = {
  'deal.status.draft': 'Nháp',
  'deal.status.submitted': 'Đã gửi',
  'deal.status.under_review': 'Đang xét duyệt',
  'deal.status.needs_info': 'Cần bổ sung thông tin',
  'deal.status.approved': 'Đã duyệt',
  'deal.status.rejected': 'Bị từ chối',
  'deal.status.won': 'Thành công',
  'deal.status.lost': 'Thất bại',
  'deal.status.expired': 'Hết hạn',
  'deal.status.withdrawn': 'Đã rút',
};
