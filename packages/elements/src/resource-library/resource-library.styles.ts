/**
 * `<resource-library>`'s styles. Rows and cards have a fixed height (in `em`, so they follow the
 * text size): the windowing renderer computes which rows are in view from it. Long titles,
 * descriptions and tag lists are clamped to fit.
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
    --_small: var(--_font-size-small);
  }

  p {
    margin: 0;
  }

  .library {
    padding: var(--_space-m);
    border: var(--_border-width) solid var(--_color-border);
    border-radius: var(--_radius);
    background: var(--_color-surface);
  }

  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-end;
    gap: var(--_space-s);
  }

  .field {
    display: flex;
    flex: 0 1 10em;
    flex-direction: column;
    gap: var(--_space-xs);
    min-width: 8em;
  }

  .field--search {
    flex: 1 1 16em;
  }

  label {
    font-size: var(--_small);
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
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-xs);
    margin-top: var(--_space-s);
  }

  .chip {
    display: inline-flex;
    align-items: center;
    gap: var(--_space-xs);
    min-height: 2em;
    padding: 0 var(--_space-s);
    border: var(--_border-width) solid var(--_color-border);
    border-radius: 1em;
    background: var(--_chip-background);
    font-size: var(--_small);
    cursor: pointer;
  }

  .chip--clear {
    background: none;
    text-decoration: underline;
  }

  .chip__icon {
    width: 1em;
    height: 1em;
  }

  .count {
    min-height: 1.5em;
    margin: var(--_space-s) 0;
    color: var(--_color-text-muted);
    font-size: var(--_small);
  }

  .notice {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--_space-s);
    margin-bottom: var(--_space-s);
    padding: var(--_space-s) var(--_space-m);
    border: var(--_border-width) solid var(--_color-danger);
    border-radius: var(--_radius);
    background: var(--_color-danger-surface);
  }

  .scroller {
    position: relative;
    max-height: var(--_max-height);
    overflow-y: auto;
    overscroll-behavior: contain;
    padding: var(--_focus-ring-width);
    border-radius: var(--_radius);
  }

  .scroller[aria-busy='true'] {
    opacity: 0.6;
  }

  .items {
    display: grid;
    grid-auto-rows: var(--_row-height);
    gap: var(--_space-s);
    margin: 0;
    padding-inline: 0;
    list-style: none;
  }

  .items--grid {
    grid-template-columns: repeat(auto-fill, minmax(min(100%, var(--_card-min-width)), 1fr));
    grid-auto-rows: var(--_card-height);
  }

  .item {
    display: flex;
    gap: var(--_space-s);
    min-width: 0;
    padding: var(--_space-s) var(--_space-m);
    overflow: hidden;
    border: var(--_border-width) solid var(--_color-border);
    border-radius: var(--_radius);
    background: var(--_color-surface);
  }

  .item--locked {
    background: var(--_color-surface-raised);
  }

  /* The item carries the focus ring: clamped titles would clip the link's own outline. */
  .item:has(:focus-visible) {
    outline: var(--_focus-ring-width) solid var(--_color-focus);
  }

  .item a:focus-visible {
    outline: none;
  }

  .item__icon {
    display: flex;
    color: var(--_icon-color);
  }

  .icon {
    flex: none;
    width: 1.5em;
    height: 1.5em;
    fill: none;
    stroke: currentColor;
    stroke-width: 1.75;
    stroke-linecap: round;
    stroke-linejoin: round;
  }

  .item__body {
    display: flex;
    flex-direction: column;
    gap: 0.15em;
    min-width: 0;
  }

  .item__title,
  .item__description {
    display: -webkit-box;
    overflow: hidden;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: 1;
  }

  .item__title {
    font-weight: var(--_font-weight-strong);
  }

  .items--grid .item__title,
  .items--grid .item__description {
    -webkit-line-clamp: 2;
  }

  .item__title a {
    color: var(--_color-primary);
    text-decoration: underline;
    text-underline-offset: 0.15em;
  }

  .item__title a:hover {
    text-decoration-thickness: 2px;
  }

  .item__meta,
  .item__lock {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0 var(--_space-s);
    color: var(--_color-text-muted);
    font-size: var(--_small);
  }

  /* The dot follows an entry, so a wrapped line ends with it rather than starting with it. */
  .item__meta > :not(:last-child)::after {
    content: '·' / '';
    margin-inline-start: var(--_space-s);
  }

  .item__tags {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-xs);
    max-height: 1.6em;
    margin: 0;
    padding: 0;
    overflow: hidden;
    list-style: none;
    font-size: var(--_small);
  }

  .item__tags li {
    padding: 0 var(--_space-s);
    border: var(--_border-width) solid var(--_color-border);
    border-radius: 1em;
  }

  .item__lock {
    flex-wrap: nowrap;
    gap: var(--_space-xs);
    color: var(--_locked-color);
    font-weight: var(--_font-weight-strong);
  }

  .item__lock .icon {
    width: 1.25em;
    height: 1.25em;
  }

  .more {
    display: flex;
    flex-direction: column;
    align-items: center;
    gap: var(--_space-xs);
    margin-top: var(--_space-s);
  }

  .more__error {
    color: var(--_color-danger);
  }

  .state--loading {
    gap: var(--_space-m);
  }
`;
