/**
 * Rich text as data: the safe subset agreements and announcements use for their bodies. A
 * document is a flat list of blocks (headings, paragraphs, lists); every block holds spans of
 * plain text, each optionally bold, italic or a link. There is no HTML anywhere: a backend stores
 * and serves this JSON, and a reader renders it with its own code (the elements'
 * `renderRichText()`), so nothing a writer types can become markup or script.
 *
 * Lists nest by an `indent` on each item (0-2), as word processors keep them, so the shape itself
 * is never recursive: a hostile document cannot nest deeper than three levels, however it is
 * written.
 *
 * ```json
 * { "blocks": [
 *   { "type": "heading", "level": 1, "spans": [{ "text": "Deal registration" }] },
 *   { "type": "paragraph", "spans": [{ "text": "Read the " }, { "text": "policy", "href": "https://example.com/policy" }, { "text": "." }] },
 *   { "type": "list", "style": "bullet", "items": [{ "indent": 0, "spans": [{ "text": "One", "bold": true }] }] }
 * ] }
 * ```
 * @module
 */
import * as z from 'zod/mini';
import { HttpUrl } from './common.js';
import { holds } from './holds.js';

/** The limits every rich-text document keeps. */
export const RICH_TEXT_LIMITS = Object.freeze({
  /** Blocks in one document. */
  blocks: 1000,
  /** Spans in one heading, paragraph or list item. */
  spans: 200,
  /** Items in one list. */
  items: 500,
  /** Characters in one span. */
  spanLength: 5000,
  /** Characters of text in the whole document, over every span. */
  characters: 100_000,
  /** Deepest list indent (0 is the outer list, so three levels). */
  indent: 2,
  /** Heading levels: 1 is the document's top level, 3 its lowest. */
  headingLevels: 3,
});

export const RICH_TEXT_BLOCK_TYPES = ['heading', 'paragraph', 'list'] as const;
export type RichTextBlockType = (typeof RICH_TEXT_BLOCK_TYPES)[number];

export const RICH_TEXT_LIST_STYLES = ['bullet', 'numbered'] as const;
export const RichTextListStyle = /* @__PURE__ */ z.enum(RICH_TEXT_LIST_STYLES);
export type RichTextListStyle = z.infer<typeof RichTextListStyle>;

/**
 * A link target: an absolute `http:` or `https:` URL without a user name or password, which
 * phishing uses to make `https://bank.example@evil.example` read like the bank's address.
 */
export const RichTextHref = /* @__PURE__ */ HttpUrl.check(
  holds<string>((href) => {
    try {
      const url = new URL(href);
      return url.username === '' && url.password === '';
    } catch {
      return true; // not a URL at all: HttpUrl's own check says so
    }
  }, 'must not carry a user name or password'),
);

type ObjectKind = typeof z.object | typeof z.strictObject;

/*
 * Each schema is built twice from the same fields: for responses with `z.object` (a newer
 * backend's extra fields are dropped, as everywhere in the contract) and for request bodies with
 * `z.strictObject` (a misspelt `bol: true` is an error, not silently plain text).
 */

const spanOf = /* @__NO_SIDE_EFFECTS__ */ (object: ObjectKind) =>
  object({
    text: /* @__PURE__ */ z.string().check(z.minLength(1, 'must not be empty'), z.maxLength(RICH_TEXT_LIMITS.spanLength, `must be at most ${RICH_TEXT_LIMITS.spanLength} characters`)),
    bold: z.optional(z.boolean()),
    italic: z.optional(z.boolean()),
    href: z.optional(RichTextHref),
  });

const spansOf = /* @__NO_SIDE_EFFECTS__ */ <T extends z.core.$ZodType>(span: T) =>
  z.array(span).check(z.minLength(1, 'must hold some text'), z.maxLength(RICH_TEXT_LIMITS.spans, `must hold at most ${RICH_TEXT_LIMITS.spans} spans`));

const headingOf = /* @__NO_SIDE_EFFECTS__ */ <T extends z.core.$ZodType>(object: ObjectKind, span: T) =>
  object({
    type: z.literal('heading'),
    level: /* @__PURE__ */ z.int().check(z.gte(1), z.lte(RICH_TEXT_LIMITS.headingLevels)),
    spans: spansOf(span),
  });

const paragraphOf = /* @__NO_SIDE_EFFECTS__ */ <T extends z.core.$ZodType>(object: ObjectKind, span: T) =>
  object({ type: z.literal('paragraph'), spans: spansOf(span) });

const listItemOf = /* @__NO_SIDE_EFFECTS__ */ <T extends z.core.$ZodType>(object: ObjectKind, span: T) =>
  object({
    /** How deep the item sits: 0 in the outer list, 1 in a list inside the item before it, ... */
    indent: /* @__PURE__ */ z.int().check(z.gte(0), z.lte(RICH_TEXT_LIMITS.indent)),
    spans: spansOf(span),
  });

/** The first item is at indent 0, and an item goes at most one level deeper than the one before. */
const indentsStep = (items: readonly { indent: number }[]) =>
  items.every((item, i) => item.indent <= (i === 0 ? 0 : (items[i - 1] as { indent: number }).indent + 1));

const listOf = /* @__NO_SIDE_EFFECTS__ */ <T extends z.core.$ZodType<{ indent: number }>>(object: ObjectKind, item: T) =>
  object({
    type: z.literal('list'),
    style: RichTextListStyle,
    items: z.array(item).check(
      z.minLength(1, 'must hold at least one item'),
      z.maxLength(RICH_TEXT_LIMITS.items, `must hold at most ${RICH_TEXT_LIMITS.items} items`),
      holds(indentsStep, 'must start at indent 0 and go at most one level deeper from one item to the next'),
    ),
  });

/** Characters of text over every span of a document. */
export function richTextLength(document: { blocks: readonly RichTextBlock[] }): number {
  let length = 0;
  for (const block of document.blocks) {
    for (const line of block.type === 'list' ? block.items : [block]) for (const span of line.spans) length += span.text.length;
  }
  return length;
}

const documentOf = /* @__NO_SIDE_EFFECTS__ */ <T extends z.core.$ZodType<RichTextBlock>>(object: ObjectKind, block: T) =>
  object({
    blocks: z.array(block).check(z.minLength(1, 'must hold at least one block'), z.maxLength(RICH_TEXT_LIMITS.blocks, `must hold at most ${RICH_TEXT_LIMITS.blocks} blocks`)),
  }).check(holds((doc: { blocks: readonly RichTextBlock[] }) => richTextLength(doc) <= RICH_TEXT_LIMITS.characters, `must hold at most ${RICH_TEXT_LIMITS.characters} characters of text`));

/** A run of plain text, optionally bold, italic or a link (`href`). Whitespace is kept as written. */
export const RichTextSpan = /* @__PURE__ */ spanOf(z.object);
export type RichTextSpan = z.infer<typeof RichTextSpan>;

/** A heading; `level` 1 is the document's top level (a reader maps it below its own headings). */
export const RichTextHeading = /* @__PURE__ */ headingOf(z.object, RichTextSpan);
export type RichTextHeading = z.infer<typeof RichTextHeading>;

export const RichTextParagraph = /* @__PURE__ */ paragraphOf(z.object, RichTextSpan);
export type RichTextParagraph = z.infer<typeof RichTextParagraph>;

export const RichTextListItem = /* @__PURE__ */ listItemOf(z.object, RichTextSpan);
export type RichTextListItem = z.infer<typeof RichTextListItem>;

export const RichTextList = /* @__PURE__ */ listOf(z.object, RichTextListItem);
export type RichTextList = z.infer<typeof RichTextList>;

// A union rather than a discriminated one in what backends serve: a reader's bundle then carries no
// `$ZodDiscriminatedUnion` (0.4 KB gzip on every page); request bodies keep the field-exact errors.
export const RichTextBlock = /* @__PURE__ */ z.union([RichTextHeading, RichTextParagraph, RichTextList]);
export type RichTextBlock = RichTextHeading | RichTextParagraph | RichTextList;

/** A rich-text document as a backend serves it. */
export const RichText = /* @__PURE__ */ documentOf(z.object, RichTextBlock);
export type RichText = z.infer<typeof RichText>;

export const RichTextSpanInput = /* @__PURE__ */ spanOf(z.strictObject);
export const RichTextHeadingInput = /* @__PURE__ */ headingOf(z.strictObject, RichTextSpanInput);
export const RichTextParagraphInput = /* @__PURE__ */ paragraphOf(z.strictObject, RichTextSpanInput);
export const RichTextListItemInput = /* @__PURE__ */ listItemOf(z.strictObject, RichTextSpanInput);
export const RichTextListInput = /* @__PURE__ */ listOf(z.strictObject, RichTextListItemInput);
export const RichTextBlockInput = /* @__PURE__ */ z.discriminatedUnion('type', [RichTextHeadingInput, RichTextParagraphInput, RichTextListInput]);

/** A rich-text document in a request body: the same shape as {@link RichText}, unknown fields refused. */
export const RichTextInput = /* @__PURE__ */ documentOf(z.strictObject, RichTextBlockInput);
export type RichTextInput = z.input<typeof RichTextInput>;
