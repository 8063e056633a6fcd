/**
 * Cursor pagination: `{ data, nextCursor }` and the `limit`/`cursor` parameters.
 * @module
 */
import * as z from 'zod/mini';

export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 200;

/** The envelope of every list answer. `nextCursor` is null on the last page. */
export const page = /* @__NO_SIDE_EFFECTS__ */ <T extends z.core.$ZodType>(item: T) =>
  z.object({ data: z.array(item), nextCursor: z.nullable(z.string()) });

export interface Page<T> {
  data: T[];
  nextCursor: string | null;
}

/** `?limit=` (1-200, default 50) and `?cursor=`, as query strings arrive. */
export const PageQuery = /* @__PURE__ */ z.object({
  limit: z.optional(
    /* @__PURE__ */ z.string().check(z.regex(/^\d{1,3}$/, 'must be a whole number from 1 to 200'), z.refine((v) => Number(v) >= 1 && Number(v) <= MAX_LIMIT, 'must be a whole number from 1 to 200')),
  ),
  cursor: z.optional(/* @__PURE__ */ z.string().check(z.minLength(1), z.maxLength(512))),
});
export type PageQuery = z.infer<typeof PageQuery>;
