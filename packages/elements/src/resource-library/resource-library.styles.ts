/**
 * `<resource-library>`'s styles. Rows and cards have a fixed height (in `em`, so they follow the
 * text size): the windowing renderer computes which rows are in view from it. Long titles,
 * descriptions, the meta line and tag lists are clamped (with an ellipsis) to fit. The library is
 * a container: under 30em its rows are taller, for the lines a narrow row wraps into.
 */
import { css } from 'lit';

export const resourceLibraryStyles = css`
  :host {
    --_max-height: var(--pk-resource-library-max-height, 36em);
    --_row-height: var(--pk-resource-library-row-height, 8.5em);
    --_card-height: var(--pk-resource-library-card-height, 15em);
    --_card-min-width: var(--pk-resource-library-card-min-width, 16em);
    --_icon-color: var(--pk-resource-library-icon-color, var(--_color-primary));
    --_chip-background: var(--pk-resource-library-chip-background, var(--_color-surface-raised));
    --_locked-color: var(--pk-resource-library-locked-color, var(--_color-text-muted));
    --_line: var(--_border-width) solid var(--_color-border);
  }

  p,
  ul {
    margin: 0;
  }

  ul {
    padding: 0;
    list-style: none;
  }

  .library {
    container: library / inline-size;
    padding: var(--_space-m);
    border: var(--_line);
    border-radius: var(--_radius);
    background: var(--_color-surface);
  }

  .toolbar,
  .chips {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-end;
    gap: var(--_space-s);
  }

  .field {
    display: flex;
    flex: 1 1 10em;
    flex-direction: column;
    gap: var(--_space-xs);
    min-width: min(8em, 100%);
    max-width: 100%;
  }

  .field:first-child {
    flex: 1 1 16em;
  }

  label {
    font-size: var(--_font-size-small);
    font-weight: var(--_font-weight-strong);
  }

  input,
  select {
    min-height: 2.5em;
    padding: var(--_space-xs) var(--_space-s);
    border: var(--_border-width) solid var(--_color-text-muted);
    border-radius: var(--_radius);
    background: var(--_color-surface);
  }

  .chips {
    margin-top: var(--_space-s);
  }

  .chip {
    max-width: 100%;
    overflow-wrap: anywhere;
    min-height: 2em;
    padding: 0 var(--_space-s);
    border-radius: 1em;
    background: var(--_chip-background);
    font-weight: inherit;
  }

  .chip .icon {
    width: 1em;
    height: 1em;
  }

  .count,
  .open-status,
  .item__meta,
  .item__tags,
  .item__lock {
    color: var(--_color-text-muted);
    font-size: var(--_font-size-small);
  }

  .count {
    min-height: 1.5em;
    margin: var(--_space-s) 0;
  }

  .state {
    margin-bottom: var(--_space-s);
  }

  /* Positioned: the windowing renderer measures the list from it. */
  .scroller {
    position: relative;
    max-height: var(--_max-height);
    overflow-y: auto;
    padding: var(--_focus-ring-width);
  }

  .scroller[aria-busy='true'] {
    opacity: 0.6;
  }

  .items {
    display: grid;
    grid-auto-rows: var(--_row-height);
    gap: var(--_space-s);
  }

  :host([layout='grid']) .items {
    grid-template-columns: repeat(auto-fill, minmax(min(100%, var(--_card-min-width)), 1fr));
    grid-auto-rows: var(--_card-height);
  }

  .item {
    display: flex;
    gap: var(--_space-s);
    min-width: 0;
    padding: var(--_space-s) var(--_space-m);
    overflow: hidden;
    border: var(--_line);
    border-radius: var(--_radius);
  }

  .item[part~='item-locked'] {
    background: var(--_color-surface-raised);
  }

  /* The item carries the focus ring: clamped titles would clip the link's own outline. */
  .item:has(:focus-visible) {
    outline: var(--_focus-ring-width) solid var(--_color-focus);
  }

  .item a {
    outline: none;
    color: var(--_color-primary);
  }

  .icon {
    flex: none;
    width: 1.5em;
    height: 1.5em;
    fill: none;
    stroke: currentColor;
    stroke-width: 1.4;
    stroke-linecap: round;
    stroke-linejoin: round;
  }

  .item > .icon {
    color: var(--_icon-color);
  }

  .item__body {
    display: flex;
    flex-direction: column;
    gap: 0.15em;
    min-width: 0;
  }

  .item__title,
  .item__description,
  .item__meta,
  .item__tags {
    display: -webkit-box;
    overflow: hidden;
    overflow-wrap: anywhere;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: var(--_lines, 1);
  }

  :host([layout='grid']) .item {
    --_lines: 2;
  }

  .item__title,
  .item__lock {
    font-weight: var(--_font-weight-strong);
  }

  .title-button {
    padding: 0;
    border: 0;
    background: none;
    color: var(--_color-primary);
    text-align: start;
    text-decoration: underline;
    cursor: pointer;
  }

  /* The dot follows an entry, so a wrapped line ends with it rather than starting with it. */
  .item__meta > :not(:last-child)::after {
    content: '·' / '';
    margin-inline: var(--_space-xs);
  }

  .item__tags li {
    display: inline-block;
    margin-inline-end: var(--_space-xs);
    padding: 0 var(--_space-s);
    border: var(--_line);
    border-radius: 1em;
  }

  .item__lock {
    display: flex;
    gap: var(--_space-xs);
    color: var(--_locked-color);
  }

  .more {
    margin-top: var(--_space-s);
    text-align: center;
  }

  @container library (max-width: 30em) {
    .items {
      grid-auto-rows: var(--pk-resource-library-row-height, 11.5em);
    }

    .item__meta {
      -webkit-line-clamp: 2;
    }
  }
`;
