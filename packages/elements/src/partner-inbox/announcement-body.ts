/**
 * An announcement's body, drawn by the rich-text renderer `<partner-agreements>` uses (every span
 * a text binding, links through the http(s) gate). Loaded the first time a body is opened, so the
 * renderer is never part of a page's first paint (nor of the chunk every page shares). Bodies are
 * plain text in the contract for now (decisions.md, "Communication"): each line is a paragraph.
 * @module
 */
import type { TemplateResult } from 'lit';
import type { RichText } from '@partnerkit/core/schemas';
import { renderRichText } from '../partner-agreements/rich-text.js';

/** Plain text as rich text: one paragraph per non-blank line, no marks, no links. */
export function plainTextDocument(text: string): RichText {
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== '');
  return { blocks: lines.map((line) => ({ type: 'paragraph' as const, spans: [{ text: line }] })) };
}

/** `body` (plain text, or a rich-text document once the contract carries one), headings from `headingLevel`. */
export function renderBody(body: string | RichText, headingLevel = 4): TemplateResult {
  return renderRichText(typeof body === 'string' ? plainTextDocument(body) : body, headingLevel);
}
