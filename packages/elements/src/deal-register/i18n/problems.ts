/**
 * What the Register form says about a value it cannot accept, and its error summary, in both
 * languages. They load with the form's validation (`form-check.ts`), the only code that finds a
 * problem, so the form's first paint does not carry them. Each message says how to fix the value.
 */
import { defineMessages, type Messages } from '../../platform/localize.js';

export const problemsEn = defineMessages({
  'deal.err.company': "Enter the customer's company name.",
  'deal.err.type': 'Choose resell, referral or co-sell.',
  'deal.err.tooLong': (p: { max: string; count: string }) => `Shorten this to at most ${p.max} characters; it has ${p.count}.`,
  'deal.err.productTooLong': (p: { line: string; max: string; count: string }) =>
    `Shorten line ${p.line} to at most ${p.max} characters; it has ${p.count}.`,
  'deal.err.tooMany': (p: { max: string; count: string }) => `List at most ${p.max} products (there are ${p.count}); combine related ones.`,
  'deal.err.email': 'Enter an email address such as name@example.com.',
  'deal.err.phone': 'Enter 4 to 32 digits, spaces or + ( ) . - only, such as +84 28 1234 5678.',
  'deal.err.country': 'Choose a country from the list.',
  'deal.err.closeDate': 'Enter a date such as 2026-12-31.',
  'deal.err.currency': 'Choose a currency from the list.',
  'deal.err.amount': (p: { example: string }) => `Enter the amount as a number, such as ${p.example}.`,
  'deal.err.amountWhole': (p: { currency: string }) => `${p.currency} has no minor unit: enter a whole number.`,
  'deal.err.amountDecimals': (p: { currency: string; digits: string }) => `Use at most ${p.digits} decimal places for ${p.currency}.`,
  'deal.err.amountLarge': 'Enter a smaller amount.',
  'deal.err.invalid': 'Check this value: it is not accepted.',
  'deal.err.server': (p: { detail: string }) => `The server did not accept this value: ${p.detail}`,
  'deal.summary': (p: { count: number }) =>
    p.count === 1 ? 'There is 1 problem to fix before registering:' : `There are ${p.count} problems to fix before registering:`,
});

export type ProblemMessages = typeof problemsEn;

export const problemsVi: Messages<ProblemMessages> = {
  'deal.err.company': 'Nhập tên công ty của khách hàng.',
  'deal.err.type': 'Chọn bán lại, giới thiệu hoặc đồng bán.',
  'deal.err.tooLong': (p) => `Rút gọn còn tối đa ${p.max} ký tự; hiện có ${p.count}.`,
  'deal.err.productTooLong': (p) => `Rút gọn dòng ${p.line} còn tối đa ${p.max} ký tự; hiện có ${p.count}.`,
  'deal.err.tooMany': (p) => `Liệt kê tối đa ${p.max} sản phẩm (hiện có ${p.count}); hãy gộp các sản phẩm liên quan.`,
  'deal.err.email': 'Nhập địa chỉ email, ví dụ ten@example.com.',
  'deal.err.phone': 'Chỉ nhập từ 4 đến 32 chữ số, dấu cách hoặc + ( ) . -, ví dụ +84 28 1234 5678.',
  'deal.err.country': 'Chọn một quốc gia trong danh sách.',
  'deal.err.closeDate': 'Nhập ngày dạng 2026-12-31.',
  'deal.err.currency': 'Chọn một loại tiền tệ trong danh sách.',
  'deal.err.amount': (p) => `Nhập giá trị là một số, ví dụ ${p.example}.`,
  'deal.err.amountWhole': (p) => `${p.currency} không có phần lẻ: hãy nhập số nguyên.`,
  'deal.err.amountDecimals': (p) => `Chỉ dùng tối đa ${p.digits} chữ số thập phân cho ${p.currency}.`,
  'deal.err.amountLarge': 'Nhập một giá trị nhỏ hơn.',
  'deal.err.invalid': 'Hãy kiểm tra giá trị này: nó không được chấp nhận.',
  'deal.err.server': (p) => `Máy chủ không chấp nhận giá trị này: ${p.detail}`,
  'deal.summary': (p) => `Có ${p.count} lỗi cần sửa trước khi đăng ký:`,
};
