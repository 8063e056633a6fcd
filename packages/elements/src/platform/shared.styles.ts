/**
 * Styles every PartnerKit element shares: the host box, buttons, focus ring, the state boxes
 * (loading skeleton, error, empty, no client) and a visually-hidden helper. Sizes are in `em` so a
 * host page's `html { font-size }` does not shrink them; fonts are inherited.
 */
import { css } from 'lit';

export const hostStyles = css`
  :host {
    display: block;
    box-sizing: border-box;
    /* The page's font unless a family is given; 'inherit' cannot live in a custom property. */
    font-family: var(--pk-font-family, inherit);
    font-size: var(--_font-size);
    line-height: var(--_line-height);
    /* Text and background come as a pair, so a dark widget stays readable on a light page. */
    color: var(--_color-text);
    background: var(--_color-surface);
  }

  :host([hidden]) {
    display: none;
  }

  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }

  button,
  input,
  select,
  textarea {
    font: inherit;
    color: inherit;
  }

  :focus-visible {
    outline: var(--_focus-ring-width) solid var(--_color-focus);
    outline-offset: 2px;
  }

  .visually-hidden {
    position: absolute !important;
    width: 1px;
    height: 1px;
    padding: 0;
    margin: -1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
    border: 0;
  }
`;

export const buttonStyles = css`
  .button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: var(--_space-xs);
    min-height: 2.5em;
    padding: var(--_space-xs) var(--_space-m);
    border: var(--_border-width) solid var(--_color-border);
    border-radius: var(--_radius);
    background: var(--_color-surface);
    color: var(--_color-text);
    font-weight: var(--_font-weight-strong);
    cursor: pointer;
  }

  .button:hover {
    background: var(--_color-surface-raised);
  }

  .button--primary {
    border-color: var(--_color-primary);
    background: var(--_color-primary);
    color: var(--_color-on-primary);
  }

  .button--primary:hover {
    background: color-mix(in srgb, var(--_color-primary) 88%, black);
  }

  .button:disabled {
    cursor: not-allowed;
    opacity: 0.6;
  }
`;

export const stateStyles = css`
  .state {
    display: flex;
    flex-direction: column;
    align-items: flex-start;
    gap: var(--_space-s);
    padding: var(--_space-m);
    border: var(--_border-width) solid var(--_color-border);
    border-radius: var(--_radius);
    background: var(--_color-surface);
  }

  /*
   * Keeps the space the host reserves for the content (the same token sizes the element before it
   * is defined, docs/theming.md), so nothing below moves when the data arrives.
   */
  .state--loading {
    min-block-size: var(--pk-loading-block-size, 0);
  }

  /* Holds focus while a retry loads; a programmatic focus target, not a control. */
  .state--loading:focus {
    outline: none;
  }

  .state__title {
    margin: 0;
    font-size: 1em;
    font-weight: var(--_font-weight-strong);
  }

  .state__body {
    margin: 0;
    color: var(--_color-text-muted);
  }

  .state--error {
    border-color: var(--_color-danger);
    background: var(--_color-danger-surface);
  }

  .state--error .state__title {
    color: var(--_color-danger);
  }

  .state--empty,
  .state--no-client {
    color: var(--_color-text-muted);
  }

  .skeleton {
    display: block;
    width: 100%;
    height: 1em;
    border-radius: var(--_radius-small);
    background: var(--_color-skeleton);
    animation: pk-pulse 1.4s ease-in-out infinite;
  }

  .skeleton--short {
    width: 40%;
  }

  .skeleton--medium {
    width: 70%;
  }

  @keyframes pk-pulse {
    50% {
      opacity: 0.45;
    }
  }

  @media (prefers-reduced-motion: reduce) {
    .skeleton {
      animation: none;
    }
  }
`;

/** Everything a PartnerKit element needs before its own styles: tokens, host, buttons, states. */
export { tokenStyles } from './tokens.styles.js';
