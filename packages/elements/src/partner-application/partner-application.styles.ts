/**
 * `<partner-application>`'s styles: one column of fields that reflows by the element's own width
 * (a container, not the viewport), the steps as a wrapping list, and banners. Public tokens:
 * `--pk-partner-application-*`; everything else reads the platform's `--_*` tokens.
 */
import { css } from 'lit';

export const partnerApplicationStyles = css`
  :host { --_pa-field-width: var(--pk-partner-application-field-width, 36em); padding: var(--_space-m); border: var(--_border-width) solid var(--_color-border); border-radius: var(--_radius); background: var(--_color-surface); }
  .application { container: application / inline-size; display: flex; flex-direction: column; gap: var(--_space-m); overflow-wrap: anywhere; }
  .title { margin: 0; font-size: var(--_font-size-large); }
  .step-title { margin: 0; font-size: 1em; }
  .step-title:focus { outline: none; }
  .steps { display: flex; flex-wrap: wrap; gap: var(--_space-xs) var(--_space-m); margin: 0; padding: 0; list-style: none; color: var(--_color-text-muted); }
  .steps__item { display: flex; align-items: center; gap: var(--_space-xs); }
  .steps__item[aria-current='step'] { color: var(--_color-text); font-weight: var(--_font-weight-strong); }
  .steps__number { display: inline-grid; place-items: center; min-width: 1.75em; height: 1.75em; border-radius: 999em; border: var(--_border-width) solid var(--_color-border); }
  [aria-current='step'] .steps__number { border-color: var(--_color-primary); background: var(--_color-primary); color: var(--_color-on-primary); }
  .steps__item--done .steps__number { border-color: var(--_color-success); }
  form, fieldset, .stack { display: flex; flex-direction: column; gap: var(--_space-m); }
  fieldset { margin: 0; padding: 0; border: 0; min-width: 0; }
  .field { display: flex; flex-direction: column; gap: var(--_space-xs); max-width: var(--_pa-field-width); }
  .field > label, .field > legend { font-weight: var(--_font-weight-strong); padding: 0; }
  .choices { gap: var(--_space-s); }
  .choice { display: flex; gap: var(--_space-s); align-items: flex-start; }
  .choice > span { display: flex; flex-direction: column; }
  .choice input { margin-top: 0.25em; }
  .req, .error { color: var(--_color-danger); }
  input:not([type='radio'], [type='checkbox']), select, textarea { width: 100%; min-height: 2.5em; padding: var(--_space-xs) var(--_space-s); border: var(--_border-width) solid var(--_color-border); border-radius: var(--_radius-small); background: var(--_color-surface); color: inherit; font: inherit; }
  textarea { min-height: 5em; resize: vertical; }
  :is(input, select, textarea)[aria-invalid='true'] { border-color: var(--_color-danger); box-shadow: 0 0 0 1px var(--_color-danger); }
  fieldset[aria-invalid='true'] { border-inline-start: 3px solid var(--_color-danger); padding-inline-start: var(--_space-s); }
  .hint, .muted, .error { margin: 0; font-size: var(--_font-size-small); }
  .hint, .muted { color: var(--_color-text-muted); }
  .error { font-weight: var(--_font-weight-strong); }
  .actions { display: flex; flex-wrap: wrap; gap: var(--_space-s); }
  .banner, .note, .done { padding: var(--_space-m); border: var(--_border-width) solid var(--_color-border); border-left-width: 4px; border-radius: var(--_radius); background: var(--_color-surface-raised); }
  .banner p, .banner ul { margin: 0 0 var(--_space-s); }
  .banner a { color: var(--_color-danger); }
  .banner--danger { border-color: var(--_color-danger); background: var(--_color-danger-surface); }
  .note { margin: 0; }
  .done { border-color: var(--_color-success); }
  .done h3 { margin: 0 0 var(--_space-s); }
  .done__number { font-size: var(--_font-size-large); font-weight: var(--_font-weight-strong); }
  .recap { border-top: var(--_border-width) solid var(--_color-border); padding-top: var(--_space-s); }
  .recap__head { display: flex; flex-wrap: wrap; justify-content: space-between; align-items: center; gap: var(--_space-s); }
  .recap h4 { margin: 0; }
  .recap dl { display: grid; gap: var(--_space-xs); margin: var(--_space-s) 0 0; }
  .recap__row { display: grid; gap: 0 var(--_space-m); }
  .recap dt { color: var(--_color-text-muted); }
  .recap dd { margin: 0; white-space: pre-line; }
  .consent p { margin: 0; }
  @container application (min-width: 40em) {
    .recap__row { grid-template-columns: minmax(10em, 1fr) 2fr; }
  }
`;
