/**
 * The public application form a programme has before an admin sets its own: every partner type
 * offered, no questions of its own, a plain consent text in English and Vietnamese. One value, so
 * the reference server and the mock start from the same form.
 * @module
 */
import { type ApplicationFormInput, PARTNER_TYPES } from '../schemas/index.js';

/** The form in force until an admin sets one. */
export const DEFAULT_APPLICATION_FORM: Readonly<ApplicationFormInput> = /* @__PURE__ */ Object.freeze({
  partnerTypes: PARTNER_TYPES.map((type) => ({ type, description: null })),
  questions: [],
  consent: {
    text: 'I agree that the vendor stores and processes the information in this application to assess it and to contact me about it.',
    privacyUrl: null,
    translations: { vi: { text: 'Tôi đồng ý để nhà cung cấp lưu trữ và xử lý thông tin trong đơn này nhằm đánh giá đơn và liên hệ với tôi về đơn.' } },
  },
});
