/**
 * Rich text as data (core's `RichText`) drawn with Lit templates: every span is a text binding,
 * so no text becomes markup or script whatever it holds, and links pass the http(s) gate again
 * (a backend that broke the contract still cannot hand a `javascript:` link to a person).
 * @module
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { RichText, RichTextBlock, RichTextSpan } from '@partnerkit/core/schemas';
import { safeHttpUrl } from '../resource-library/safe-url.js';

type ListBlock = Extract<RichTextBlock, { type: 'list' }>;
type ListItem = ListBlock['items'][number];

/** A list item with the items nested under it. */
interface ItemNode {
  item: ListItem;
  children: ItemNode[];
}

function renderSpan(span: RichTextSpan): TemplateResult | string {
  let content: TemplateResult | string = span.text;
  if (span.italic) content = html`<em>${content}</em>`;
  if (span.bold) content = html`<strong>${content}</strong>`;
  const href = span.href === undefined ? null : safeHttpUrl(span.href);
  return href ? html`<a part="agreement-link" href=${href} target="_blank" rel="noopener noreferrer">${content}</a>` : content;
}

const renderSpans = (spans: readonly RichTextSpan[]) => spans.map(renderSpan);

/** Items nested by their indent: an item deeper than the one before goes under it. */
function nest(items: readonly ListItem[]): ItemNode[] {
  const roots: ItemNode[] = [];
  const path: ItemNode[] = [];
  for (const item of items) {
    const node: ItemNode = { item, children: [] };
    const depth = Math.min(item.indent, path.length);
    path.length = depth;
    (depth === 0 ? roots : (path[depth - 1] as ItemNode).children).push(node);
    path.push(node);
  }
  return roots;
}

function renderList(nodes: readonly ItemNode[], numbered: boolean): TemplateResult {
  const items = nodes.map((n) => html`<li>${renderSpans(n.item.spans)}${n.children.length > 0 ? renderList(n.children, numbered) : nothing}</li>`);
  return numbered ? html`<ol>${items}</ol>` : html`<ul>${items}</ul>`;
}

/**
 * `doc` as headings, paragraphs and lists. `headingLevel` is the HTML level a level-1 heading of
 * the document gets, so the text's outline sits under the page's own headings (levels past 6 are
 * drawn as 6).
 */
export function renderRichText(doc: RichText, headingLevel = 3): TemplateResult {
  return html`${doc.blocks.map((block) => {
    switch (block.type) {
      case 'heading': {
        const level = Math.min(6, headingLevel + block.level - 1);
        const spans = renderSpans(block.spans);
        if (level <= 3) return level === 3 ? html`<h3>${spans}</h3>` : level === 2 ? html`<h2>${spans}</h2>` : html`<h1>${spans}</h1>`;
        return level === 4 ? html`<h4>${spans}</h4>` : level === 5 ? html`<h5>${spans}</h5>` : html`<h6>${spans}</h6>`;
      }
      case 'paragraph':
        return html`<p>${renderSpans(block.spans)}</p>`;
      case 'list':
        return renderList(nest(block.items), block.style === 'numbered');
      default:
        // A block type this version does not know (a newer backend): left out rather than guessed at.
        return nothing;
    }
  })}`;
}

/**
 * The body of `version` for a reader of `tag` and the language it is in: the translation for the
 * tag, else for its language (`vi` for `vi-VN`), else the default text (in `defaultLanguage`).
 */
export function localisedBody(
  version: { body: RichText; translations?: Record<string, { body?: RichText | undefined }> | undefined },
  tag: string,
  defaultLanguage = 'en',
): { body: RichText; language: string } {
  const translations = Object.entries(version.translations ?? {});
  const wanted = tag.toLowerCase();
  const base = wanted.split('-')[0] as string;
  const exact = translations.find(([key, t]) => key.toLowerCase() === wanted && t.body);
  const language = exact ?? translations.find(([key, t]) => key.toLowerCase() === base && t.body);
  return language ? { body: language[1].body as RichText, language: language[0] } : { body: version.body, language: defaultLanguage };
}
