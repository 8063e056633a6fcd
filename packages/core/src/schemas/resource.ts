/**
 * Resources: the partner portal's documents, videos, templates, brand assets and training.
 * @module
 */
import * as z from 'zod/mini';
import { HttpUrl, Id, LanguageTag, Timestamp, text } from './common.js';
import { PartnerType } from './partner-type.js';
import { translation, translations } from './translations.js';
import { translationsInput } from './translations-input.js';

export const RESOURCE_TYPES = ['document', 'video', 'link', 'template', 'brand_asset', 'training'] as const;
export const ResourceType = /* @__PURE__ */ z.enum(RESOURCE_TYPES);
export type ResourceType = z.infer<typeof ResourceType>;

export const RESOURCE_SORTS = ['newest', 'title', 'popular'] as const;
export const ResourceSort = /* @__PURE__ */ z.enum(RESOURCE_SORTS);
export type ResourceSort = z.infer<typeof ResourceSort>;

/** A library tag: 1-50 letters, digits, spaces, `_` or `-`, starting with a letter or digit. */
export const ResourceTag = /* @__PURE__ */ z.string().check(z.trim(), z.regex(/^[\p{L}\p{N}][\p{L}\p{N} _-]{0,49}$/u, 'must be a tag of 1-50 letters, digits, spaces, _ or -'));
export type ResourceTag = z.infer<typeof ResourceTag>;

const resourceText = { title: text(200), description: text(2000) };

/** A resource's `title` and `description` in one language. */
export const ResourceTranslation = /* @__PURE__ */ translation(resourceText);
export type ResourceTranslation = z.infer<typeof ResourceTranslation>;

const resourceFields = {
  title: resourceText.title,
  description: z.nullable(resourceText.description),
  type: ResourceType,
  /** File format or medium: `pdf`, `pptx`, `mp4`, `html`, ... */
  format: z.nullable(text(20)),
  sizeBytes: z.nullable(/* @__PURE__ */ z.int().check(z.gte(0))),
  language: LanguageTag,
  tags: /* @__PURE__ */ z.array(ResourceTag).check(z.maxLength(20)),
  thumbnailUrl: z.nullable(HttpUrl),
  /** Lowest tier that may open the item; null: every tier. */
  minTierId: z.nullable(Id),
  /** Partner types that may open the item; empty: every type. */
  partnerTypes: z.array(PartnerType),
};

export const Resource = /* @__PURE__ */ z.object({
  id: Id,
  ...resourceFields,
  /**
   * `title` and `description` in other languages, by BCP 47 tag. `language` stays the language of
   * the item itself: an English guide may carry a Vietnamese title.
   */
  translations: z.optional(translations(ResourceTranslation)),
  /** True when the caller may see the item but not open it; `url` is then absent. */
  locked: z.boolean(),
  /** Present only when the caller may open the item. */
  url: z.optional(HttpUrl),
  openCount: /* @__PURE__ */ z.int().check(z.gte(0)),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Resource = z.infer<typeof Resource>;

/** Body of `POST /v1/resources`. */
export const ResourceInput = /* @__PURE__ */ z.strictObject({
  ...resourceFields,
  description: z.optional(resourceFields.description),
  format: z.optional(resourceFields.format),
  sizeBytes: z.optional(resourceFields.sizeBytes),
  tags: z.optional(resourceFields.tags),
  thumbnailUrl: z.optional(resourceFields.thumbnailUrl),
  minTierId: z.optional(resourceFields.minTierId),
  partnerTypes: z.optional(resourceFields.partnerTypes),
  translations: z.optional(translationsInput(ResourceTranslation)),
  url: HttpUrl,
});
export type ResourceInput = z.input<typeof ResourceInput>;

/** Body of `PATCH /v1/resources/{id}`. */
export const ResourcePatch = /* @__PURE__ */ z.partial(ResourceInput);
export type ResourcePatch = z.infer<typeof ResourcePatch>;

/** Answer of `POST /v1/resources/{id}/open`. */
export const ResourceOpenResult = /* @__PURE__ */ z.object({ url: HttpUrl });
export type ResourceOpenResult = z.infer<typeof ResourceOpenResult>;

const Counts = /* @__PURE__ */ z.record(z.string(), z.int());

/** Counts per facet value over the whole filtered result, not just the page. */
export const ResourceFacets = /* @__PURE__ */ z.object({ type: Counts, tag: Counts, language: Counts });
export type ResourceFacets = z.infer<typeof ResourceFacets>;

/** Answer of `GET /v1/resources`: a page, plus the total and facet counts of the whole result. */
export const ResourcePage = /* @__PURE__ */ z.object({
  data: z.array(Resource),
  nextCursor: z.nullable(z.string()),
  total: /* @__PURE__ */ z.int().check(z.gte(0)),
  facets: ResourceFacets,
});
export type ResourcePage = z.infer<typeof ResourcePage>;
