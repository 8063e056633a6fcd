/**
 * `<deal-register>`'s own styles: the surface, tabs, the form, banners and the pre-check. Chips and
 * the list's rules load with the views that use them. Public tokens: `--pk-deal-register-*`;
 * everything else reads the platform's `--_*` tokens. The widget paints its own surface, so its
 * colours hold on any page (a page's own CSS on the element overrides these). Rules are kept on
 * one line each: Lit ships CSS as written, and this chunk has a size budget.
 */
import { css } from 'lit';

export const dealRegisterStyles = css`
  :host {
    --_dr-field-width: var(--pk-deal-register-field-width, 32em);
    padding: var(--_space-m);
    border: var(--_border-width) solid var(--_color-border);
    border-radius: var(--_radius);
    background: var(--_color-surface);
  }
  [role='tablist'] { display: flex; gap: var(--_space-xs); border-bottom: var(--_border-width) solid var(--_color-border); margin-bottom: var(--_space-m); }
  [role='tab'] { padding: var(--_space-s) var(--_space-m); border: 0; border-bottom: 3px solid transparent; background: none; font-weight: var(--_font-weight-strong); color: var(--_color-text-muted); }
  [role='tab'][aria-selected='true'] { color: var(--_color-text); border-bottom-color: var(--_color-primary); }
  form, fieldset, .stack { display: flex; flex-direction: column; gap: var(--_space-m); }
  fieldset { margin: 0; padding: 0; border: 0; min-width: 0; }
  .group > legend, .title { margin: 0 0 var(--_space-s); padding: 0; font-weight: var(--_font-weight-strong); font-size: var(--_font-size-large); }
  .field { display: flex; flex-direction: column; gap: var(--_space-xs); max-width: var(--_dr-field-width); }
  .field > label, .field > legend { font-weight: var(--_font-weight-strong); padding: 0; }
  .row { display: flex; flex-wrap: wrap; gap: var(--_space-s) var(--_space-m); align-items: flex-start; }
  .req, .error, .banner a, .check--taken { color: var(--_color-danger); }
  input:not([type='radio']), select, textarea {
    width: 100%; min-height: 2.5em; padding: var(--_space-xs) var(--_space-s); overflow-wrap: anywhere;
    border: var(--_border-width) solid var(--_color-border); border-radius: var(--_radius-small); background: var(--_color-surface);
  }
  textarea { min-height: 5em; resize: vertical; }
  :is(input, select, textarea)[aria-invalid='true'] { border-color: var(--_color-danger); box-shadow: 0 0 0 1px var(--_color-danger); }
  [role='radiogroup'][aria-invalid='true'] > .choices { border-inline-start: 3px solid var(--_color-danger); padding-inline-start: var(--_space-s); }
  .hint, .muted, .check, .error { margin: 0; font-size: var(--_font-size-small); }
  .hint, .muted { color: var(--_color-text-muted); }
  .error { font-weight: var(--_font-weight-strong); overflow-wrap: anywhere; }
  .check { min-height: 1.5em; }
  .check--available { color: var(--_color-success); }
  .banner { padding: var(--_space-m); border: var(--_border-width) solid var(--_color-border); border-left-width: 4px; border-radius: var(--_radius); background: var(--_color-surface-raised); overflow-wrap: anywhere; }
  .banner p, .banner ul { margin: 0 0 var(--_space-s); }
  .banner--danger { border-color: var(--_color-danger); background: var(--_color-danger-surface); }
  .banner--pending { border-color: var(--_color-warning); }
`;
