/**
 * Reading an amount a person typed in major units ("12,500.50" in English, "12.500,5" in
 * Vietnamese) into the contract's minor units, by the currency's fraction digits.
 * @module
 */
import { currencyFractionDigits } from '../platform/localize.js';

/** Why a typed amount cannot be read; the keys are catalogue messages that say how to fix it. */
export type AmountProblem =
  | { key: 'deal.err.amount'; params: { example: string } }
  | { key: 'deal.err.amountWhole'; params: { currency: string } }
  | { key: 'deal.err.amountDecimals'; params: { currency: string; digits: number } }
  | { key: 'deal.err.amountLarge' };

export type AmountResult = { ok: true; minor: number } | { ok: false; problem: AmountProblem };

/**
 * Parses `text` written in `locale` into minor units of `currency`.
 * Group separators are accepted only between groups of three digits, so "1234,56" typed in an
 * English form is refused (with an example) instead of silently becoming 123,456.
 */
export function parseAmount(text: string, locale: string, currency: string): AmountResult {
  const format = new Intl.NumberFormat(locale);
  const parts = format.formatToParts(12345.6);
  const group = parts.find((p) => p.type === 'group')?.value ?? ',';
  const decimal = parts.find((p) => p.type === 'decimal')?.value ?? '.';
  const digits = currencyFractionDigits(currency);
  // Spaces are grouping where the locale groups with a space, else ignorable ("12 500").
  const compact = text.trim().replace(/\s/g, /\s/.test(group) ? group : '');
  // Separators go in character classes, where the ones locales use (. , space ' ’) need no escape.
  const match = new RegExp(`^(\\d{1,3}(?:[${group}]\\d{3})+|\\d+)(?:[${decimal}](\\d+))?$`).exec(compact);
  if (!match) {
    const example = new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(digits ? 12500.5 : 12500);
    return { ok: false, problem: { key: 'deal.err.amount', params: { example } } };
  }
  const whole = (match[1] ?? '').split(group).join('');
  const fraction = match[2] ?? '';
  if (fraction.length > digits) {
    return {
      ok: false,
      problem: digits === 0 ? { key: 'deal.err.amountWhole', params: { currency } } : { key: 'deal.err.amountDecimals', params: { currency, digits } },
    };
  }
  const minor = Number(whole + fraction.padEnd(digits, '0'));
  if (!Number.isSafeInteger(minor)) return { ok: false, problem: { key: 'deal.err.amountLarge' } };
  return { ok: true, minor };
}

