/**
 * Primitive shapes shared by every entity of the v1 contract.
 * @module
 */
import * as z from 'zod/mini';

/** Opaque identifier: letters, digits, `_`, `-`, `.` and `:`, at most 128 characters. */
export const Id = /* @__PURE__ */ z.string().check(
  z.regex(/^[A-Za-z0-9_.:-]{1,128}$/, 'must be an id of 1-128 letters, digits or _ - . :'),
);
export type Id = z.infer<typeof Id>;

/** ISO-8601 timestamp in UTC (`2026-11-30T12:00:00.000Z`). */
export const Timestamp = /* @__PURE__ */ z.iso.datetime({ offset: false, local: false });
export type Timestamp = z.infer<typeof Timestamp>;

/** Calendar date without time (`2026-12-31`). */
export const CalendarDate = /* @__PURE__ */ z.iso.date();
export type CalendarDate = z.infer<typeof CalendarDate>;

/** ISO 4217 currency code (`USD`, `VND`). */
export const CurrencyCode = /* @__PURE__ */ z.string().check(z.regex(/^[A-Z]{3}$/, 'must be a 3-letter ISO 4217 code such as USD'));
export type CurrencyCode = z.infer<typeof CurrencyCode>;

/** ISO 3166-1 alpha-2 country code (`VN`, `DE`). */
export const CountryCode = /* @__PURE__ */ z.string().check(z.regex(/^[A-Z]{2}$/, 'must be a 2-letter ISO 3166 code such as VN'));
export type CountryCode = z.infer<typeof CountryCode>;

/** BCP 47 language tag (`en`, `vi`, `en-GB`). */
export const LanguageTag = /* @__PURE__ */ z.string().check(
  z.regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a language tag such as en or vi-VN'),
);
export type LanguageTag = z.infer<typeof LanguageTag>;

/** Money in minor units of its currency: `{ amount: 1250, currency: "USD" }` is 12.50 USD. */
export const Money = /* @__PURE__ */ z.object({
  amount: /* @__PURE__ */ z.int().check(z.gte(0, 'must not be negative')),
  currency: CurrencyCode,
});
export type Money = z.infer<typeof Money>;

/** A reporting period: a month (`2026-07`), a quarter (`2026-Q3`), a half-year (`2026-H1`) or a year (`2026`). */
export const Period = /* @__PURE__ */ z.string().check(
  z.regex(/^\d{4}(-(0[1-9]|1[0-2])|-Q[1-4]|-H[12])?$/, 'must be a period such as 2026-07, 2026-Q3, 2026-H1 or 2026'),
);
export type Period = z.infer<typeof Period>;

/** A month period (`2026-07`): the grain at which measurements are recorded. */
export const MonthPeriod = /* @__PURE__ */ z.string().check(z.regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month such as 2026-07'));
export type MonthPeriod = z.infer<typeof MonthPeriod>;

/** An absolute `http:` or `https:` URL; no other scheme is ever accepted. */
export const HttpUrl = /* @__PURE__ */ z
  // `z.httpUrl()` would also refuse `localhost` and IP hosts, which intranets and demos use.
  .url({ protocol: /^https?$/, error: 'must be an absolute http:// or https:// URL such as https://example.com' })
  .check(z.maxLength(2048, 'must be at most 2048 characters'));
export type HttpUrl = z.infer<typeof HttpUrl>;

/** A yes-or-no query parameter, as it arrives: `true` or `false`. */
export const QueryFlag = /* @__PURE__ */ z.enum(['true', 'false']);
export type QueryFlag = z.infer<typeof QueryFlag>;

/** The `Idempotency-Key` header of a creating write: 1-255 visible ASCII characters (a UUID is a good choice). */
export const IdempotencyKey = /* @__PURE__ */ z.string().check(
  z.regex(/^[\x21-\x7E]{1,255}$/, 'must be 1-255 visible ASCII characters, such as a UUID'),
);
export type IdempotencyKey = z.infer<typeof IdempotencyKey>;

/** Trimmed, non-empty text up to `max` characters. */
export const text = /* @__NO_SIDE_EFFECTS__ */ (max: number) =>
  z.string().check(z.trim(), z.minLength(1, 'must not be empty'), z.maxLength(max, `must be at most ${max} characters`));

/** An e-mail address, at most 320 characters. */
export const EmailAddress = /* @__PURE__ */ z.email().check(z.maxLength(320));
export type EmailAddress = z.infer<typeof EmailAddress>;

/** A person as the contract refers to them (the submitter, the approver, a manager). */
/** The name and e-mail of a {@link PersonRef}, for schemas that restate them (spread, never passed, so bundlers can drop unused schemas). */
export const personRefFields = {
  name: z.optional(text(200)),
  email: z.optional(EmailAddress),
};

export const PersonRef = /* @__PURE__ */ z.object({ id: z.optional(Id), ...personRefFields });
export type PersonRef = z.infer<typeof PersonRef>;
