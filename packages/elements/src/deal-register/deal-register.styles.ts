/**
 * `<deal-register>`'s own styles: tabs, the form, the banners, status chips and the list.
 * Public tokens: `--pk-deal-register-*`; everything else reads the platform's `--_*` tokens.
 */
import { css } from 'lit';

export const dealRegisterStyles = css`
  /* The widget paints its own surface, so its colours hold on any page (a page's own CSS on the
     element overrides these). */
  :host {
    --_dr-field-width: var(--pk-deal-register-field-width, 32em);
    --_dr-chip-radius: var(--pk-deal-register-chip-radius, 1em);
    padding: var(--_space-m);
    border: var(--_border-width) solid var(--_color-border);
    border-radius: var(--_radius);
    background: var(--_color-surface);
  }

  [role='tablist'] {
    display: flex;
    gap: var(--_space-xs);
    border-bottom: var(--_border-width) solid var(--_color-border);
    margin-bottom: var(--_space-m);
  }

  [role='tab'] {
    padding: var(--_space-s) var(--_space-m);
    border: 0;
    border-bottom: 3px solid transparent;
    background: none;
    cursor: pointer;
    font-weight: var(--_font-weight-strong);
    color: var(--_color-text-muted);
  }

  [role='tab'][aria-selected='true'] {
    color: var(--_color-text);
    border-bottom-color: var(--_color-primary);
  }

  form,
  fieldset,
  .stack {
    display: flex;
    flex-direction: column;
    gap: var(--_space-m);
  }

  fieldset {
    margin: 0;
    padding: 0;
    border: 0;
    min-width: 0;
  }

  .group > legend,
  .title {
    margin: 0 0 var(--_space-s);
    padding: 0;
    font-weight: var(--_font-weight-strong);
    font-size: var(--_font-size-large);
  }

  .field {
    display: flex;
    flex-direction: column;
    gap: var(--_space-xs);
    max-width: var(--_dr-field-width);
  }

  .field > label,
  .field > legend {
    font-weight: var(--_font-weight-strong);
    padding: 0;
  }

  .row {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-s) var(--_space-m);
    align-items: flex-start;
  }

  .req {
    color: var(--_color-danger);
  }

  input:not([type='radio']),
  select,
  textarea {
    width: 100%;
    min-height: 2.5em;
    padding: var(--_space-xs) var(--_space-s);
    border: var(--_border-width) solid var(--_color-border);
    border-radius: var(--_radius-small);
    background: var(--_color-surface);
    overflow-wrap: anywhere;
  }

  textarea {
    min-height: 5em;
    resize: vertical;
  }

  [aria-invalid='true'] {
    border-color: var(--_color-danger) !important;
    box-shadow: 0 0 0 1px var(--_color-danger);
  }

  .hint,
  .muted {
    margin: 0;
    color: var(--_color-text-muted);
    font-size: var(--_font-size-small);
  }

  .error {
    margin: 0;
    color: var(--_color-danger);
    font-size: var(--_font-size-small);
    font-weight: var(--_font-weight-strong);
    overflow-wrap: anywhere;
  }

  .banner {
    padding: var(--_space-m);
    border: var(--_border-width) solid var(--_color-border);
    border-left-width: 4px;
    border-radius: var(--_radius);
    background: var(--_color-surface-raised);
    overflow-wrap: anywhere;
  }

  .banner p,
  .banner ul {
    margin: 0 0 var(--_space-s);
  }

  .banner--danger {
    border-color: var(--_color-danger);
    background: var(--_color-danger-surface);
  }

  .banner--success {
    border-color: var(--_color-success);
  }

  .banner--pending {
    border-color: var(--_color-warning);
  }

  .banner a {
    color: var(--_color-danger);
  }

  .check {
    margin: 0;
    min-height: 1.5em;
    font-size: var(--_font-size-small);
  }

  .check--available {
    color: var(--_color-success);
  }

  .check--taken {
    color: var(--_color-danger);
  }

  .chip {
    display: inline-block;
    padding: 0 var(--_space-s);
    border: var(--_border-width) solid currentColor;
    border-radius: var(--_dr-chip-radius);
    font-size: var(--_font-size-small);
    font-weight: var(--_font-weight-strong);
    white-space: nowrap;
  }

  .chip--approved,
  .chip--won {
    color: var(--_color-success);
  }

  .chip--submitted,
  .chip--under_review,
  .chip--needs_info {
    color: var(--_color-warning);
  }

  .chip--rejected,
  .chip--lost,
  .chip--expired {
    color: var(--_color-danger);
  }

  .chip--withdrawn,
  .chip--draft {
    color: var(--_color-text-muted);
  }

  .deals {
    list-style: none;
    margin: 0;
    padding: 0;
  }

  .deal {
    padding: var(--_space-m) 0;
    border-bottom: var(--_border-width) solid var(--_color-border);
    /* Thousands of rows: let the browser skip layout of rows off screen. */
    content-visibility: auto;
    contain-intrinsic-size: auto 7em;
    overflow-wrap: anywhere;
  }

  .deal p {
    margin: 0 0 var(--_space-xs);
  }

  .button--quiet {
    border-color: transparent;
    background: none;
  }

  dialog {
    max-width: min(36em, 95vw);
    border: var(--_border-width) solid var(--_color-border);
    border-radius: var(--_radius);
    background: var(--_color-surface);
    color: var(--_color-text);
  }

  dialog::backdrop {
    background: rgb(0 0 0 / 0.4);
  }
`;
